// A plan's life: created from nothing, cloned into 2026–2030 with carried-over base values, closed (read-only but
// exportable, with its 总结评估), reopened with a reason. Real SQLite, real exporters.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { dispatch } from '../../src/main/ipc/dispatch';
import { handlers } from '../../src/main/ipc/handlers';
import type { PlanMetaInput } from '../../src/shared/api';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
let seedId: number;
const seed = () => ctx.services.plans.get(seedId);
const bySeq = (seq: string) => seed().indicators.find((i) => i.seq === seq)!;
const meta15: PlanMetaInput = {
  title: '磐安县市场监督管理“十五五”规划',
  shortName: '十五五',
  firstYear: 2026,
  lastYear: 2030,
  baseYear: null,
  issuers: ['磐安县市场监督管理局'],
};

beforeEach(() => {
  ctx = memoryContext();
  seedId = ctx.services.plans.resolve('十四五');
});
afterEach(() => ctx.close());

describe('creating a plan from nothing', () => {
  it('makes an empty plan with its categories, ready for indicators', () => {
    const s = ctx.services.lifecycle.create({ ...meta15, baseYear: 2025 }, ['主体活力', '质量提升'], 'clerk');
    expect(s).toMatchObject({
      shortName: '十五五',
      firstYear: 2026,
      lastYear: 2030,
      status: 'active',
      indicatorCount: 0,
    });
    const d = ctx.services.plans.get(s.id);
    expect(d.categories.map((c) => c.name)).toEqual(['主体活力', '质量提升']);
    expect(d.plan.baseYear).toBe(2025);
    const ind = ctx.services.structure.saveIndicator(
      s.id,
      {
        categoryId: d.categories[1]!.id,
        name: '食品安全抽检合格率',
        unit: '%',
        nature: 'binding',
        direction: 'increase',
        targetKind: 'level',
        base: { text: '98.5', year: 2025, source: null },
        departmentId: null,
        dataSource: null,
        remark: null,
      },
      'clerk',
    );
    expect(ind).toMatchObject({ seq: '1', printedName: '食品安全抽检合格率（%）' });
    expect(
      ctx.services.plans
        .list()
        .map((p) => p.shortName)
        .sort(),
    ).toEqual(['十五五', '十四五'].sort());
  });

  it('refuses a taken short name, repeated categories, and impossible years (Chinese messages)', async () => {
    expect(() => ctx.services.lifecycle.create({ ...meta15, shortName: '十四五' }, [], 'clerk')).toThrow(
      /已有简称为“十四五”/,
    );
    expect(() => ctx.services.lifecycle.create(meta15, ['甲', '甲'], 'clerk')).toThrow(/类别名称不能重复/);
    const r = await dispatch(
      handlers,
      ctx,
      'plan/create',
      { plan: { ...meta15, firstYear: 2030, lastYear: 2026 } },
      () => {},
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/规划期/) } });
    const r2 = await dispatch(handlers, ctx, 'plan/create', { plan: { ...meta15, baseYear: 2027 } }, () => {});
    expect(r2).toMatchObject({ ok: false, error: { message: expect.stringMatching(/基期年份/) } });
    expect(ctx.services.plans.list()).toHaveLength(1);
  });
});

describe('cloning 十四五 into 十五五', () => {
  beforeEach(() => {
    const v = (seq: string, year: number, text: string) => ({
      indicatorId: bySeq(seq).id,
      year,
      kind: 'actual' as const,
      text,
    });
    ctx.services.indicators.updateValues(
      seedId,
      [v('1', 2024, '4.6'), v('1', 2025, '5.12'), v('8', 2023, '9800')],
      'clerk',
    );
  });

  it('keeps categories and indicators, carries the latest actuals over as base values, copies no targets', () => {
    const s = ctx.services.lifecycle.clone(seedId, meta15, { copyTargets: false }, 'clerk');
    const d = ctx.services.plans.get(s.id);
    expect(d.plan).toMatchObject({ firstYear: 2026, lastYear: 2030, baseYear: 2025 });
    expect(d.categories.map((c) => c.name)).toEqual(seed().categories.map((c) => c.name));
    expect(d.indicators.map((i) => [i.seq, i.printedName])).toEqual(
      seed().indicators.map((i) => [i.seq, i.printedName]),
    );
    const one = d.indicators.find((i) => i.name === bySeq('1').name)!;
    expect(one.base).toMatchObject({
      text: '5.12',
      number: 5.12,
      year: 2025,
      source: '由“十四五”规划 2025 年实际值结转',
    });
    // Only a 2023 actual: carried over with its own year, never pretending to be 2025.
    expect(d.indicators.find((i) => i.name === bySeq('8').name)!.base).toMatchObject({ text: '9800', year: 2023 });
    // No actual at all: no base value (the old plan's 2020 base is not carried).
    expect(d.indicators.find((i) => i.name === bySeq('2').name)!.base).toBeNull();
    expect(d.indicators.every((i) => i.values.length === 0)).toBe(true);
    // The old plan is untouched.
    expect(bySeq('1').values.map((v) => `${v.year}${v.kind}`)).toContain('2025target');
  });

  it('moves targets with the period when asked, and clones only the chosen indicators', () => {
    const chosen = [bySeq('1').id, bySeq('14').id, bySeq('20').id];
    const s = ctx.services.lifecycle.clone(seedId, meta15, { indicatorIds: chosen, copyTargets: true }, 'clerk');
    const d = ctx.services.plans.get(s.id);
    expect(d.indicators.map((i) => [i.seq, i.name])).toEqual([
      ['1', bySeq('1').name],
      ['2', bySeq('14').name],
      ['3', bySeq('20').name],
    ]);
    const targets = (i: number) => d.indicators[i]!.values.map((v) => [v.year, v.text]);
    const old = (seq: string) =>
      bySeq(seq)
        .values.filter((v) => v.kind === 'target')
        .map((v) => [v.year + 5, v.text]);
    expect(targets(0)).toEqual(old('1'));
    expect(targets(1)).toEqual(old('14'));
    expect(d.categories).toHaveLength(seed().categories.length); // same categories, some now empty
  });

  it('refuses indicators of another plan and a taken short name', () => {
    const other = ctx.services.lifecycle.create({ ...meta15, shortName: '其他' }, ['甲'], 'clerk');
    void other;
    expect(() =>
      ctx.services.lifecycle.clone(seedId, meta15, { indicatorIds: [999999], copyTargets: false }, 'clerk'),
    ).toThrow(/不属于/);
    expect(() =>
      ctx.services.lifecycle.clone(seedId, { ...meta15, shortName: '其他' }, { copyTargets: false }, 'clerk'),
    ).toThrow(/已有简称/);
  });
});

describe('closing a plan', () => {
  it('makes it read-only but viewable, exportable and evaluated; reopening needs a reason', async () => {
    const ind = bySeq('1');
    ctx.services.indicators.updateValues(
      seedId,
      [{ indicatorId: ind.id, year: 2025, kind: 'actual', text: '5.2' }],
      'clerk',
    );
    expect(ctx.services.lifecycle.close(seedId, 'clerk').status).toBe('closed');
    expect(() => ctx.services.lifecycle.close(seedId, 'clerk')).toThrow(/已经结束/);

    const closedMessage = /已结束（关闭），只能查看和导出/;
    expect(() =>
      ctx.services.indicators.updateValues(
        seedId,
        [{ indicatorId: ind.id, year: 2025, kind: 'actual', text: '5.3' }],
        'clerk',
      ),
    ).toThrow(closedMessage);
    expect(() => ctx.services.structure.saveCategory(seedId, { name: '新类别' }, 'clerk')).toThrow(closedMessage);
    expect(() => ctx.services.structure.deleteIndicator(seedId, ind.id, 'clerk')).toThrow(closedMessage);
    expect(() =>
      ctx.services.work.setActionProgress(
        seedId,
        seed().actions[0]!.id,
        { year: 2025, text: '完成', status: 'done' },
        'clerk',
      ),
    ).toThrow(closedMessage);
    expect(() => ctx.services.work.updateAction(seedId, seed().actions[0]!.id, { remark: 'x' }, 'clerk')).toThrow(
      closedMessage,
    );
    expect(() =>
      ctx.services.indicators.setOverride(seedId, ind.id, 2025, { status: 'on_track', reason: 'x' }, 'clerk'),
    ).toThrow(closedMessage);
    await expect(ctx.services.submissions.submit(seedId, 2025, 'clerk')).rejects.toThrow(closedMessage);
    const files = [{ name: 'a.xlsx', bytes: (await ctx.services.reports.exportAnnual(seedId, 2025, 'xlsx')).bytes }];
    const preview = await ctx.services.imports.preview(seedId, files);
    expect(preview.changes).toEqual([]);

    // Still viewable and exportable.
    expect(seed().indicators).toHaveLength(20);
    expect((await ctx.services.reports.exportAppendix(seedId, '1', 'xlsx')).bytes.length).toBeGreaterThan(1000);
    const r = await dispatch(handlers, ctx, 'export/final-evaluation', { plan: seedId, format: 'xlsx' }, () => {});
    expect(r.ok).toBe(true);
    const file = (r as { data: { fileName: string; bytesBase64: string } }).data;
    expect(file.fileName).toMatch(/^十四五_总结评估_\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytesBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('总结评估')!;
    const rows: string[][] = [];
    sheet.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
    );
    const header = rows.find((r) => r.includes('评估结论'))!;
    const status = header.indexOf('评估结论');
    const name = header.indexOf('指标名称（单位）');
    // 5.2 against the 2025 target 5.05 from base 2.6336: 完成进度 > 100 % → 已实现; nothing else has data.
    const verdict = (n: string) => rows.find((r) => r[name] === n)![status];
    expect(verdict(ind.printedName)).toBe('已实现');
    expect(verdict(bySeq('2').printedName)).toBe('无数据');
    expect(header).toContain('2025年完成值');

    expect(() => ctx.services.lifecycle.reopen(seedId, '  ', 'clerk')).toThrow(/理由/);
    ctx.services.lifecycle.reopen(seedId, '发现 2025 年数据录入错误', 'clerk');
    ctx.services.indicators.updateValues(
      seedId,
      [{ indicatorId: ind.id, year: 2025, kind: 'actual', text: '5.3' }],
      'clerk',
    );
    const log = ctx.services.changeLog.list({ planId: seedId, entity: 'plan', limit: 5, offset: 0 }).entries;
    expect(log.slice(0, 2).map((e) => [e.field, e.after])).toEqual([
      ['status', { status: 'active', reason: '发现 2025 年数据录入错误' }],
      ['status', { status: 'closed' }],
    ]);
  });
});
