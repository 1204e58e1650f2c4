// Another bureau's appendix: 类别 (merged) | 序号 | 指标名称（单位） | 基期值（2020年） | 目标值（2025年） | 属性, imported
// next to the seed plan under a short name of the clerk's choosing. Its 附件1 exports with exactly those columns and
// every cell as the input printed it; the same table written by openpyxl reads to the same plan.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/main/context';
import type { PlanImportPreview } from '../../../src/shared/plan-import';
import { memoryContext } from '../../helpers/db';
import { tempDir } from '../../helpers/xlsx-check';
import {
  buildWithExcelJS,
  buildWithOpenpyxl,
  indicatorFields,
  input,
  planImporter,
  sheetTexts,
  tableFrom,
  type SheetSpec,
} from './plan-import-helpers';

const TITLE = '缙云县市场监督管理“十四五”规划主要指标';
const SHEET: SheetSpec = {
  name: '主要指标',
  rows: [
    ['附件1'],
    [TITLE],
    ['类别', '序号', '指标名称', '基期值（2020年）', '目标值（2025年）', '属性'],
    ['主体活力', '1', '在册市场主体（万户）', { n: 2.63, fmt: '0.00' }, 3.5, '预期性'],
    [null, '2', '企业开办时间（个工作日）', 3, '1个工作日内', '约束性'],
    ['质量提升', '3', '制造业产品质量合格率（%）', 93.5, '≥95', '预期性'],
    [null, '4', '食品安全抽检量（批次/千人）', 4.2, '5批次/千人以上', '约束性'],
    ['安全监管', '5', '重大食品安全事故', 0, 0, '约束性'],
  ],
  merges: ['A4:A5', 'A6:A7'],
};

let ctx: AppContext;
let dir: string;
let bytes: Uint8Array;
let preview: PlanImportPreview;

beforeAll(async () => {
  ctx = memoryContext();
  dir = tempDir('plandesk-plan-bt-');
  bytes = await buildWithExcelJS([SHEET]);
  preview = await planImporter(ctx).preview(input('缙云.xlsx', bytes, { shortName: '缙云十四五' }));
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('基期值 / 目标值 / 属性 columns', () => {
  it('previews the plan: period from the title, base year from the base column, the clerk’s short name', () => {
    expect(preview.problems).toEqual([]);
    expect(preview.plan).toMatchObject({
      title: '缙云县市场监督管理“十四五”规划',
      shortName: '缙云十四五',
      firstYear: 2021,
      lastYear: 2025,
      baseYear: 2020,
      targetYears: [2025],
      columns: ['类别', '序号', '指标名称', '基期值（2020年）', '目标值（2025年）', '属性'],
      appendix: { label: '附件1', title: TITLE },
    });
    expect(preview.plan.layout).toEqual({
      columns: [
        { kind: 'category', header: '类别' },
        { kind: 'seq', header: '序号' },
        { kind: 'name', header: '指标名称' },
        { kind: 'base', header: '基期值（2020年）', year: 2020 },
        { kind: 'target', header: '目标值（2025年）', year: 2025 },
        { kind: 'nature', header: '属性' },
      ],
      categories: 'column',
      categoryNumbering: null,
      notes: [],
    });
  });

  it('creates it beside the seed plan, every field as printed and values parsed where they can be', async () => {
    const s = await planImporter(ctx).apply(
      input('缙云.xlsx', bytes, { shortName: '缙云十四五' }),
      preview.token,
      'tester',
    );
    expect(ctx.services.plans.list().map((p) => p.shortName)).toEqual(['十四五', '缙云十四五']);
    const d = ctx.services.plans.get(s.id);
    const base = (text: string) => ({ year: 2020, text });
    expect(indicatorFields(d)).toEqual([
      {
        category: '主体活力',
        seq: '1',
        printedName: '在册市场主体（万户）',
        name: '在册市场主体',
        unit: '万户',
        nature: 'expected',
        remark: null,
        base: base('2.63'),
        targets: { 2025: '3.5' },
      },
      {
        category: '主体活力',
        seq: '2',
        printedName: '企业开办时间（个工作日）',
        name: '企业开办时间',
        unit: '个工作日',
        nature: 'binding',
        remark: null,
        base: base('3'),
        targets: { 2025: '1个工作日内' },
      },
      {
        category: '质量提升',
        seq: '3',
        printedName: '制造业产品质量合格率（%）',
        name: '制造业产品质量合格率',
        unit: '%',
        nature: 'expected',
        remark: null,
        base: base('93.5'),
        targets: { 2025: '≥95' },
      },
      {
        category: '质量提升',
        seq: '4',
        printedName: '食品安全抽检量（批次/千人）',
        name: '食品安全抽检量',
        unit: '批次/千人',
        nature: 'binding',
        remark: null,
        base: base('4.2'),
        targets: { 2025: '5批次/千人以上' },
      },
      {
        category: '安全监管',
        seq: '5',
        printedName: '重大食品安全事故',
        name: '重大食品安全事故',
        unit: null,
        nature: 'binding',
        remark: null,
        base: base('0'),
        targets: { 2025: '0' },
      },
    ]);
    const target = (seq: string) => d.indicators.find((i) => i.seq === seq)!.values[0]!;
    expect(target('2')).toMatchObject({ comparator: '<=', number: 1, unit: '个工作日', evaluable: true });
    expect(target('3')).toMatchObject({ comparator: '>=', number: 95, unit: null, evaluable: true });
    expect(target('4')).toMatchObject({ comparator: '>=', number: 5, unit: '批次/千人', evaluable: true });
    expect(d.indicators[0]!.base).toMatchObject({ number: 2.63, decimals: 2, year: 2020, source: null });
  });

  it('exports 附件1 with exactly those columns, each cell as the input printed it', async () => {
    const file = await ctx.services.reports.exportAppendix('缙云十四五', '1', 'xlsx');
    const out = await sheetTexts(file.bytes);
    const inp = await sheetTexts(bytes);
    expect(out.slice(0, 2)).toEqual([['附件1'], [TITLE]]);
    expect(out[2]).toEqual(['类别', '序号', '指标名称', '基期值（2020年）', '目标值（2025年）', '属性']);
    expect(tableFrom(out, '序号')).toEqual(tableFrom(inp, '序号'));
    // the base year's plain numbers stay numbers with their decimals, comparators stay text
    const table = ctx.services.reports.appendices('缙云十四五', '1')[0]!;
    expect(table.rows[0]!.cells[3]).toMatchObject({ text: '2.63', number: 2.63, decimals: 2 });
    expect(table.rows[2]!.cells[4]).toEqual({ text: '≥95', align: 'center' });
  });

  it('reads the same table written by openpyxl to the same plan', async () => {
    const file = path.join(dir, 'openpyxl.xlsx');
    buildWithOpenpyxl([SHEET], file);
    const other = await planImporter(ctx).preview(
      input('缙云.xlsx', new Uint8Array(fs.readFileSync(file)), { shortName: '缙云十四五' }),
    );
    expect(other.sha256).not.toBe(preview.sha256);
    // now a duplicate of the plan just created
    expect(other.problems.map((p) => p.message)).toEqual([expect.stringContaining('已有简称为“缙云十四五”的规划')]);
    expect(other.plan).toEqual(preview.plan);
    expect(other.categories).toEqual(preview.categories);
  });
});
