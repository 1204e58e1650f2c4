// An older-looking appendix: header texts with line breaks and spaces (类 别, 2020年\n基期值, 2025年\n目标值), no
// period in the title (十四五 says 2021–2025), targets with comparators and in words (≥95, 88%以上, 1个工作日内,
// 5批次/千人以上, 3万户左右, 稳步提升), a percentage typed as a number, a 备注 column and footnotes under the table.
// Imported field by field, the words flagged as not evaluable, then exported cell for cell with the notes under it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/main/context';
import type { PlanImportPreview } from '../../../src/shared/plan-import';
import { memoryContext } from '../../helpers/db';
import {
  buildWithExcelJS,
  indicatorFields,
  input,
  planImporter,
  sheetTexts,
  tableFrom,
  type SheetSpec,
} from './plan-import-helpers';

const TITLE = '武义县“十四五”市场监管主要指标';
const NOTE1 = '注：1. 带“约束性”的指标为必须完成的指标。';
const NOTE2 = '数据来源：县统计局、县市场监管局。';
const SHEET: SheetSpec = {
  name: '附表',
  rows: [
    [TITLE],
    [],
    ['类 别', '序 号', '主 要 指 标', '2020年\n基期值', '2025年\n目标值', '指标\n属性', '备 注'],
    ['市场主体', '1', '市场主体总量（万户）', 2.6, '3万户左右', '预期性', null],
    [null, '2', '企业开办时间（个工作日）', 2, '1个工作日内', '约束性', '省考指标'],
    ['质量安全', '3', '食品安全抽检量（批次/千人）', 4.5, '5批次/千人以上', '约束性', null],
    [null, '4', '消费者满意度（%）', { n: 0.86, fmt: '0%' }, '88%以上', '预期性', null],
    [null, '5', '重要工业产品质量合格率（%）', 94.8, '≥95', '预期性', null],
    [null, '6', '标准化工作水平', '较好', '稳步提升', '预期性', '定性指标'],
    [],
    [NOTE1],
    [NOTE2],
  ],
  merges: ['A4:A5', 'A6:A9', 'A11:G11', 'A12:G12'],
};
const HEADER = ['类 别', '序 号', '主 要 指 标', '2020年\n基期值', '2025年\n目标值', '指标\n属性', '备 注'];

let ctx: AppContext;
let bytes: Uint8Array;
let preview: PlanImportPreview;

beforeAll(async () => {
  ctx = memoryContext({ seed: false });
  bytes = await buildWithExcelJS([SHEET]);
  preview = await planImporter(ctx).preview(input('武义.xlsx', bytes));
});
afterAll(() => ctx.close());

describe('a legacy header, comparators, words and footnotes', () => {
  it('reads the header through its line breaks and spaces, the period from 十四五, the notes under the table', () => {
    expect(preview.plan).toMatchObject({
      title: '武义县“十四五”市场监管规划',
      shortName: '十四五',
      firstYear: 2021,
      lastYear: 2025,
      baseYear: 2020,
      targetYears: [2025],
      appendix: { label: '附件1', title: TITLE },
    });
    expect(preview.plan.layout).toEqual({
      columns: [
        { kind: 'category', header: '类 别' },
        { kind: 'seq', header: '序 号' },
        { kind: 'name', header: '主 要 指 标' },
        { kind: 'base', header: '2020年\n基期值', year: 2020 },
        { kind: 'target', header: '2025年\n目标值', year: 2025 },
        { kind: 'nature', header: '指标\n属性' },
        { kind: 'remark', header: '备 注' },
      ],
      categories: 'column',
      categoryNumbering: null,
      notes: [NOTE1, NOTE2],
    });
  });

  it('keeps words verbatim and says they cannot be judged automatically (warnings only)', () => {
    expect(preview.problems.map((p) => [p.severity, p.sheet, p.cell, p.message])).toEqual([
      ['warning', '附表', 'D9', expect.stringContaining('基期值“较好”不是可比较的数值')],
      ['warning', '附表', 'E9', expect.stringContaining('2025年目标值“稳步提升”不是可比较的数值，将按原文保存')],
    ]);
  });

  it('creates the plan field by field, values parsed where they can be', async () => {
    const s = await planImporter(ctx).apply(input('武义.xlsx', bytes), preview.token, 'tester');
    const d = ctx.services.plans.get(s.id);
    const fields = indicatorFields(d);
    expect(
      fields.map((f) => [f.category, f.seq, f.name, f.unit, f.nature, f.base?.text, f.targets[2025], f.remark]),
    ).toEqual([
      ['市场主体', '1', '市场主体总量', '万户', 'expected', '2.6', '3万户左右', null],
      ['市场主体', '2', '企业开办时间', '个工作日', 'binding', '2', '1个工作日内', '省考指标'],
      ['质量安全', '3', '食品安全抽检量', '批次/千人', 'binding', '4.5', '5批次/千人以上', null],
      ['质量安全', '4', '消费者满意度', '%', 'expected', '86%', '88%以上', null],
      ['质量安全', '5', '重要工业产品质量合格率', '%', 'expected', '94.8', '≥95', null],
      ['质量安全', '6', '标准化工作水平', null, 'expected', '较好', '稳步提升', '定性指标'],
    ]);
    const target = (seq: string) => d.indicators.find((i) => i.seq === seq)!.values.find((v) => v.year === 2025)!;
    expect(target('1')).toMatchObject({ comparator: '~', number: 3, unit: '万户', evaluable: true });
    expect(target('2')).toMatchObject({ comparator: '<=', number: 1, unit: '个工作日', evaluable: true });
    expect(target('4')).toMatchObject({ comparator: '>=', number: 88, unit: '%', evaluable: true });
    expect(target('5')).toMatchObject({ comparator: '>=', number: 95, decimals: 0, evaluable: true });
    expect(target('6')).toMatchObject({ text: '稳步提升', number: null, evaluable: false });
  });

  it('exports 附件1 with the same header texts, cells and footnotes', async () => {
    const file = await ctx.services.reports.exportAppendix('十四五', '1', 'xlsx');
    const out = await sheetTexts(file.bytes);
    expect(out.slice(0, 2)).toEqual([['附件1'], [TITLE]]);
    expect(out[2]).toEqual(HEADER);
    expect(tableFrom(out, '序 号')).toEqual(tableFrom(await sheetTexts(bytes), '序 号'));
    expect(out.slice(-2)).toEqual([[NOTE1], [NOTE2]]);
  });
});
