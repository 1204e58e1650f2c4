// The seed plan's own 附件1, exported by PlanDesk, imported as a new plan into an empty database: the same plan comes
// back (title, period, categories, every indicator and target as printed), and its 附件1 exports cell for cell as the
// file it came from. A LibreOffice re-save of the same file imports to the same plan.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/main/context';
import type { PlanDetail } from '../../../src/shared/model';
import { defaultAppendixLayout } from '../../../src/shared/plan-import';
import { memoryContext } from '../../helpers/db';
import { convertWithLibreOffice, tempDir } from '../../helpers/xlsx-check';
import { indicatorFields, input, planImporter, sheetTexts, tableFrom } from './plan-import-helpers';

let seedCtx: AppContext;
let ctx: AppContext;
let seed: PlanDetail;
let exported: Uint8Array;
let dir: string;

beforeAll(async () => {
  seedCtx = memoryContext();
  seed = seedCtx.services.plans.get('十四五');
  exported = (await seedCtx.services.reports.exportAppendix('十四五', '1', 'xlsx')).bytes;
  ctx = memoryContext({ seed: false });
  dir = tempDir('plandesk-plan-seed-');
});
afterAll(() => {
  seedCtx.close();
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the seed 附件1 re-imported', () => {
  it('previews the seed plan without a single problem', async () => {
    const p = await planImporter(ctx).preview(input('十四五_附件1.xlsx', exported));
    expect(p.problems).toEqual([]);
    expect(p.plan).toMatchObject({
      title: seed.plan.title,
      shortName: '十四五',
      firstYear: 2021,
      lastYear: 2025,
      baseYear: 2020,
      targetYears: [2021, 2022, 2025],
      columns: ['类别', '序号', '主要指标', '2021年', '2022年', '2025年', '备注'],
      appendix: { label: '附件1', title: seed.appendices[0]!.title },
    });
    expect(p.plan.layout).toEqual(defaultAppendixLayout(seed.plan));
    expect(p.categories.map((c) => [c.name, c.indicators.length])).toEqual(
      seed.categories.map((c) => [c.name, seed.indicators.filter((i) => i.categoryId === c.id).length]),
    );
    expect(p.categories[0]!.indicators[0]!.place).toEqual({ file: '十四五_附件1.xlsx', sheet: '附件1', cell: 'C4' });
    expect(p.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('creates a plan equal to the seed field by field (what 附件1 carries), logged as from the file', async () => {
    const service = planImporter(ctx);
    const p = await service.preview(input('十四五_附件1.xlsx', exported));
    const summary = await service.apply(input('十四五_附件1.xlsx', exported), p.token, 'tester');
    expect(summary).toMatchObject({ shortName: '十四五', firstYear: 2021, lastYear: 2025, indicatorCount: 20 });
    const d = ctx.services.plans.get(summary.id);
    expect(d.plan).toMatchObject({
      title: seed.plan.title,
      baseYear: 2020,
      targetYears: seed.plan.targetYears,
      status: 'active',
      sourceFile: '十四五_附件1.xlsx',
      appendixLayout: seed.plan.appendixLayout,
    });
    expect(d.appendices).toEqual([seed.appendices[0]]);
    expect(d.categories.map((c) => c.name)).toEqual(seed.categories.map((c) => c.name));
    // base values are not printed in this 附件1, so none come back
    const strip = (x: ReturnType<typeof indicatorFields>) => x.map((i) => ({ ...i, base: null }));
    expect(indicatorFields(d)).toEqual(strip(indicatorFields(seed)));
    // parsed as well as kept: 3.035 is a number with three decimals
    const first = d.indicators[0]!.values.find((v) => v.year === 2021)!;
    expect(first).toMatchObject({ text: '3.035', number: 3.035, decimals: 3, evaluable: true, kind: 'target' });
    const log = ctx.repos.changeLog.list({ planId: summary.id, limit: 1000, offset: 0 });
    expect(log.entries.length).toBeGreaterThan(20);
    expect(new Set(log.entries.map((e) => e.source))).toEqual(new Set(['十四五_附件1.xlsx']));
    expect(new Set(log.entries.map((e) => e.actor))).toEqual(new Set(['tester']));
  });

  it('exports its 附件1 again cell for cell as the file it came from', async () => {
    const again = (await ctx.services.reports.exportAppendix('十四五', '1', 'xlsx')).bytes;
    expect(await sheetTexts(again)).toEqual(await sheetTexts(exported));
  });

  it('reads a LibreOffice re-save of the file to the same plan', async () => {
    const file = path.join(dir, 'seed.xlsx');
    fs.writeFileSync(file, exported);
    const out = path.join(dir, 'lo');
    fs.mkdirSync(out);
    const resaved = convertWithLibreOffice(file, 'xlsx:Calc MS Excel 2007 XML', out)[0]!;
    const bytes = new Uint8Array(fs.readFileSync(resaved));
    const fresh = memoryContext({ seed: false });
    try {
      const a = await planImporter(fresh).preview(input('x.xlsx', exported));
      const b = await planImporter(fresh).preview(input('x.xlsx', bytes));
      expect(b.problems).toEqual([]);
      expect(b.plan).toEqual(a.plan);
      expect(b.categories).toEqual(a.categories);
      expect(tableFrom(await sheetTexts(bytes), '序号')).toEqual(tableFrom(await sheetTexts(exported), '序号'));
    } finally {
      fresh.close();
    }
  }, 120_000);
});
