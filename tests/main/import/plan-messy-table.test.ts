// A table as clerks actually pass them around: a cover sheet first, lines between the title and the header, the
// header repeated for a second printed page, names broken over two lines, placeholders (—) for "no target", numbers
// stored as text, a 责任科室 column, a column PlanDesk does not know, and a line under the table without 注：.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/main/context';
import type { PlanImportPreview } from '../../../src/shared/plan-import';
import { memoryContext } from '../../helpers/db';
import { buildWithExcelJS, input, planImporter, sheetTexts } from './plan-import-helpers';

const HEADER = ['序号', '指标名称', '2025年', '2027年', '2030年', '责任科室', '分管领导'];
let ctx: AppContext;
let bytes: Uint8Array;
let preview: PlanImportPreview;

beforeAll(async () => {
  ctx = memoryContext({ seed: false });
  bytes = await buildWithExcelJS([
    { name: '封面', rows: [['某县市场监督管理“十五五”规划'], ['二〇二六年三月']] },
    {
      name: '主要指标',
      rows: [
        ['附件1：某县市场监督管理“十五五”规划主要指标（2026—2030年）'],
        ['单位：万户、%'],
        [],
        HEADER,
        ['（一）主体发展'],
        ['1', '在册市场主体\n总量（万户）', '4.1', '—', '5', '登记注册科', '张三'],
        ['2', '小微企业数量（万户）', 1.2, 1.3, '１.５', '登记注册科', null],
        HEADER,
        ['（二）质量强县'],
        ['3', '品字标企业（家）', 20, '-', 30, '质量发展科', null],
        [],
        ['带“约束性”的指标为必须完成的指标。'],
      ],
      merges: ['A5:G5', 'A9:G9'],
    },
  ]);
  preview = await planImporter(ctx).preview(input('某县.xlsx', bytes));
});
afterAll(() => ctx.close());

describe('a messy table', () => {
  it('finds the table on its sheet and reads through the mess', () => {
    expect(preview.plan).toMatchObject({
      title: '某县市场监督管理“十五五”规划',
      shortName: '十五五',
      firstYear: 2026,
      lastYear: 2030,
      baseYear: 2025,
      targetYears: [2027, 2030],
      appendix: { label: '附件1', title: '某县市场监督管理“十五五”规划主要指标（2026—2030年）' },
    });
    expect(preview.plan.layout.columns.map((c) => c.kind)).toEqual([
      'seq',
      'name',
      'base',
      'target',
      'target',
      'department',
    ]);
    expect(preview.plan.layout).toMatchObject({
      categories: 'rows',
      categoryNumbering: '（一）',
      notes: ['带“约束性”的指标为必须完成的指标。'],
    });
    expect(preview.problems).toEqual([
      expect.objectContaining({ severity: 'warning', cell: 'G4', message: expect.stringContaining('“分管领导”') }),
    ]);
    const [first, second] = preview.categories;
    expect(first!.name).toBe('主体发展');
    expect(first!.indicators.map((i) => [i.printedName, i.name, i.unit, i.base, i.targets, i.department])).toEqual([
      ['在册市场主体总量（万户）', '在册市场主体总量', '万户', '4.1', { 2030: '5' }, '登记注册科'],
      ['小微企业数量（万户）', '小微企业数量', '万户', '1.2', { 2027: '1.3', 2030: '１.５' }, '登记注册科'],
    ]);
    expect(second!.indicators.map((i) => [i.seq, i.targets])).toEqual([['3', { 2030: '30' }]]);
  });

  it('creates the plan with its 科室 and prints them in 附件1; the full-width target keeps its text', async () => {
    const s = await planImporter(ctx).apply(input('某县.xlsx', bytes), preview.token, 'tester');
    const d = ctx.services.plans.get(s.id);
    expect(d.departments.map((x) => x.name)).toEqual(['登记注册科', '质量发展科']);
    const logged = ctx.repos.changeLog.list({ entity: 'department', limit: 10, offset: 0 }).entries;
    expect(logged.map((e) => [e.op, e.after, e.source])).toEqual(
      [...d.departments].reverse().map((x) => ['create', { id: x.id, name: x.name }, '某县.xlsx']),
    );
    const target = d.indicators[1]!.values.find((v) => v.year === 2030)!;
    expect(target).toMatchObject({ text: '１.５', number: 1.5, decimals: 1, evaluable: true });
    const out = await sheetTexts((await ctx.services.reports.exportAppendix(s.id, '1', 'xlsx')).bytes);
    expect(out.slice(2)).toEqual([
      ['序号', '指标名称', '2025年', '2027年', '2030年', '责任科室'],
      ['（一）主体发展'],
      ['1', '在册市场主体总量（万户）', '4.1', '', '5', '登记注册科'],
      ['2', '小微企业数量（万户）', '1.2', '1.3', '１.５', '登记注册科'],
      ['（二）质量强县'],
      ['3', '品字标企业（家）', '20', '', '30', '质量发展科'],
      ['带“约束性”的指标为必须完成的指标。'],
    ]);
  });
});
