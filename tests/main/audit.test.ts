// Every write channel of the contract appends to the change log with before and/or after. A new channel that writes
// must get a case here: the test fails for any channel that is neither listed as read-only nor exercised.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { dispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import { CHANNELS, type ArgsIn, type Channel, type IndicatorDefinition, type Result } from '../../src/shared/api';
import type { Indicator, PlanDetail } from '../../src/shared/model';
import { memoryContext } from '../helpers/db';

const READ_ONLY = new Set<Channel>([
  'plan/list',
  'plan/get',
  'plan/source-text',
  'report/appendices',
  'export/appendix',
  'export/annual',
  'settings/fonts',
  'department/list',
  'changelog/list',
  'import/preview',
  'export/collection',
  'year/submitted-file',
  'export/final-evaluation',
  'plan/import-preview',
  'backup/list',
  // a copy of the data in backups/, the data itself unchanged
  'backup/create',
  'backup/export',
  'backup/restore-preview',
  'settings/storage',
]);

const definitionOf = (i: Indicator): IndicatorDefinition => ({
  id: i.id,
  categoryId: i.categoryId,
  name: i.name,
  unit: i.unit,
  nature: i.nature,
  direction: i.direction,
  targetKind: i.targetKind,
  base: i.base ? { text: i.base.text, year: i.base.year, source: i.base.source } : null,
  departmentId: i.departmentId,
  dataSource: i.dataSource,
  remark: i.remark,
});

let ctx: AppContext;
let plan: PlanDetail;
beforeEach(() => {
  ctx = memoryContext();
  plan = ctx.services.plans.get('十四五');
});

const call = async <C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> => {
  const r = await dispatch(handlers, ctx, channel, args, () => undefined);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as Result<C>;
};

/** One realistic call per write channel (with any set-up it needs done by the 'setup' actor). */
const cases: Partial<Record<Channel, () => Promise<unknown>>> = {
  'indicator/update-values': () =>
    call('indicator/update-values', {
      planId: plan.plan.id,
      changes: [{ indicatorId: plan.indicators[0]!.id, year: 2023, kind: 'actual', text: '4' }],
    }),
  'evaluation/set-override': () =>
    call('evaluation/set-override', {
      planId: plan.plan.id,
      indicatorId: plan.indicators[0]!.id,
      year: 2022,
      override: { status: 'on_track', reason: '口径调整' },
    }),
  'indicator/save': () => {
    const i = plan.indicators[0]!;
    return call('indicator/save', {
      planId: plan.plan.id,
      indicator: {
        id: i.id,
        categoryId: i.categoryId,
        name: '改名',
        unit: i.unit,
        nature: null,
        direction: null,
        targetKind: 'level',
        base: null,
        departmentId: null,
        dataSource: null,
        remark: null,
      },
    });
  },
  'indicator/delete': () => call('indicator/delete', { planId: plan.plan.id, indicatorId: plan.indicators[3]!.id }),
  'indicator/restore': () => {
    ctx.services.structure.deleteIndicator(plan.plan.id, plan.indicators[4]!.id, 'setup');
    return call('indicator/restore', { planId: plan.plan.id, indicatorId: plan.indicators[4]!.id });
  },
  'indicator/move': () =>
    call('indicator/move', {
      planId: plan.plan.id,
      indicatorId: plan.indicators[0]!.id,
      categoryId: plan.categories[1]!.id,
      index: 0,
    }),
  'category/save': () => call('category/save', { planId: plan.plan.id, name: '新类别' }),
  'category/delete': async () => {
    const c = ctx.services.structure.saveCategory(plan.plan.id, { name: '空类别' }, 'setup');
    return call('category/delete', { planId: plan.plan.id, categoryId: c.id });
  },
  'category/move': () => call('category/move', { planId: plan.plan.id, categoryId: plan.categories[2]!.id, index: 0 }),
  'action/update': () =>
    call('action/update', { planId: plan.plan.id, actionId: plan.actions[0]!.id, fields: { remark: '备注' } }),
  'action/set-progress': () =>
    call('action/set-progress', {
      planId: plan.plan.id,
      actionId: plan.actions[0]!.id,
      progress: { year: 2023, text: '推进中', status: 'in_progress' },
    }),
  'task/update': () =>
    call('task/update', { planId: plan.plan.id, taskId: plan.tasks[0]!.id, fields: { deadline: '2025' } }),
  'task/set-progress': () =>
    call('task/set-progress', {
      planId: plan.plan.id,
      taskId: plan.tasks[0]!.id,
      progress: { year: 2023, text: '完成', status: 'done' },
    }),
  'department/save': () => call('department/save', { name: '综合科' }),
  'department/delete': async () => {
    const d = ctx.services.work.saveDepartment({ name: '临时科' }, 'setup');
    return call('department/delete', { id: d.id });
  },
  'changelog/revert': async () => {
    ctx.services.indicators.updateValues(
      plan.plan.id,
      [{ indicatorId: plan.indicators[0]!.id, year: 2021, kind: 'target', text: '3' }],
      'setup',
    );
    const last = ctx.services.changeLog.list({ limit: 1, offset: 0 }).entries[0]!;
    return call('changelog/revert', { id: last.id });
  },
  'import/apply': async () => {
    // A workbook holding 2022's value, then the value cleared: importing the workbook writes it back.
    const indicatorId = plan.indicators[0]!.id;
    ctx.services.indicators.updateValues(
      plan.plan.id,
      [{ indicatorId, year: 2022, kind: 'actual', text: '3.3' }],
      'setup',
    );
    const xlsx = await ctx.services.reports.exportAnnual(plan.plan.id, 2022, 'xlsx');
    ctx.services.indicators.updateValues(
      plan.plan.id,
      [{ indicatorId, year: 2022, kind: 'actual', text: '' }],
      'setup',
    );
    const files = [{ name: '报送表.xlsx', bytesBase64: Buffer.from(xlsx.bytes).toString('base64') }];
    const preview = await call('import/preview', { planId: plan.plan.id, files });
    expect(preview.changes).toHaveLength(1);
    return call('import/apply', { planId: plan.plan.id, files, token: preview.token });
  },
  'year/submit': () => call('year/submit', { planId: plan.plan.id, year: 2022 }),
  'year/unlock': async () => {
    await ctx.services.submissions.submit(plan.plan.id, 2022, 'setup');
    return call('year/unlock', { planId: plan.plan.id, year: 2022, reason: '发改局要求更正' });
  },
  'plan/create': () =>
    call('plan/create', {
      plan: { title: '新规划', shortName: '十五五', firstYear: 2026, lastYear: 2030, baseYear: 2025 },
      categories: ['甲'],
    }),
  'plan/clone': () =>
    call('plan/clone', {
      planId: plan.plan.id,
      plan: { title: '新规划', shortName: '十五五', firstYear: 2026, lastYear: 2030, baseYear: null },
    }),
  'plan/close': () => call('plan/close', { planId: plan.plan.id }),
  'plan/import-apply': async () => {
    const xlsx = await ctx.services.reports.exportAppendix(plan.plan.id, '1', 'xlsx');
    const file = { name: '附件1.xlsx', bytesBase64: Buffer.from(xlsx.bytes).toString('base64') };
    const preview = await call('plan/import-preview', { file, shortName: '导入' });
    return call('plan/import-apply', { file, shortName: '导入', token: preview.token });
  },
  'plan/reopen': () => {
    ctx.services.lifecycle.close(plan.plan.id, 'setup');
    return call('plan/reopen', { planId: plan.plan.id, reason: '补录数据' });
  },
  'backup/restore': async () => {
    // A copy of the data, then an edit: restoring the copy undoes the edit and logs the restore itself.
    const copy = ctx.services.backups.exportCopy();
    ctx.services.indicators.updateValues(
      plan.plan.id,
      [{ indicatorId: plan.indicators[0]!.id, year: 2023, kind: 'actual', text: '9' }],
      'setup',
    );
    const file = { name: copy.fileName, bytesBase64: Buffer.from(copy.bytes).toString('base64') };
    const preview = await call('backup/restore-preview', { file });
    return call('backup/restore', { file, token: preview.token });
  },
  'settings/set-backup-keep': () => call('settings/set-backup-keep', { keep: 10 }),
};

describe('audit: every write is logged with before and after', () => {
  it('has a case for every channel that is not read-only', () => {
    expect(CHANNELS.filter((c) => !READ_ONLY.has(c) && !cases[c])).toEqual([]);
  });

  it.each(CHANNELS.filter((c) => !READ_ONLY.has(c)))('%s appends a change-log entry', async (channel) => {
    const run = cases[channel]!;
    const before = ctx.services.changeLog.list({ limit: 1, offset: 0 });
    await run();
    const after = ctx.services.changeLog.list({ limit: 1000, offset: 0 });
    const mine = after.entries.filter((e) => e.id > (before.entries[0]?.id ?? 0) && e.actor !== 'setup');
    expect(mine.length).toBeGreaterThan(0);
    for (const e of mine) {
      expect(e.before !== null || e.after !== null).toBe(true);
      if (e.op === 'update') expect(e.before !== null && e.after !== null).toBe(true);
      expect(e.actor).toBe('tester');
    }
  });

  it('read-only channels write nothing', async () => {
    const before = ctx.services.changeLog.list({ limit: 1, offset: 0 }).total;
    await call('plan/list', {});
    await call('plan/get', { plan: '十四五' });
    await call('report/appendices', { plan: '十四五', appendix: 'all' });
    await call('export/appendix', { plan: '十四五', appendix: '1', format: 'xlsx' });
    await call('export/annual', { plan: '十四五', year: 2022, format: 'xlsx' });
    await call('department/list', {});
    await call('changelog/list', { limit: 5 });
    const xlsx = await ctx.services.reports.exportAnnual(plan.plan.id, 2022, 'xlsx');
    const files = [{ name: 'a.xlsx', bytesBase64: Buffer.from(xlsx.bytes).toString('base64') }];
    await call('import/preview', { planId: plan.plan.id, files });
    expect(before).toBe(ctx.services.changeLog.list({ limit: 1, offset: 0 }).total);
    const dept = ctx.services.work.saveDepartment({ name: '登记科' }, 'setup');
    const i = plan.indicators[0]!;
    ctx.services.structure.saveIndicator(plan.plan.id, { ...definitionOf(i), departmentId: dept.id }, 'setup');
    await ctx.services.submissions.submit(plan.plan.id, 2022, 'setup');
    const count = ctx.services.changeLog.list({ limit: 1, offset: 0 }).total;
    await call('export/collection', { plan: '十四五', year: 2022, departmentId: dept.id });
    await call('year/submitted-file', { planId: plan.plan.id, year: 2022, format: 'pdf' });
    expect(ctx.services.changeLog.list({ limit: 1, offset: 0 }).total).toBe(count);
  });
});
