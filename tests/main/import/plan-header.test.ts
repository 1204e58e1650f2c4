// The plan importer's readings of header texts, names with units and titles, table-driven: what other bureaus' appendices
// print in their headers, and what PlanDesk makes of it.
import { describe, expect, it } from 'vitest';
import { findPlanHeader, readHeaderText } from '../../../src/main/import/plan-header';
import { splitUnit } from '../../../src/main/import/plan-rows';
import { fiveYearName, planTitleFrom, readTitle } from '../../../src/main/import/plan-title';
import { squash } from '../../../src/main/import/values-sheet';
import type { GridCell, SheetGrid } from '../../../src/main/import/workbook-file';

const read = (t: string) => readHeaderText(squash(t));

describe('header texts', () => {
  it.each([
    ['类别', 'category', null],
    ['类 别', 'category', null],
    ['领域', 'category', null],
    ['序号', 'seq', null],
    ['主要指标', 'name', null],
    ['指标名称', 'name', null],
    ['指标名称（单位）', 'name', null],
    ['指标名称及单位', 'name', null],
    ['单位', 'unit', null],
    ['计量单位', 'unit', null],
    ['属性', 'nature', null],
    ['指标\n属性', 'nature', null],
    ['备注', 'remark', null],
    ['责任单位', 'department', null],
    ['数据来源', 'source', null],
    ['2021年', 'year', 2021],
    ['2025', 'year', 2025],
    ['2020年基期值', 'base', 2020],
    ['2020年\n基期值', 'base', 2020],
    ['基期值（2020年）', 'base', 2020],
    ['2020年（基期）', 'base', 2020],
    ['2020年现状值', 'base', 2020],
    ['基期值', 'base', null],
    ['基数', 'base', null],
    ['2025年目标值', 'target', 2025],
    ['2025年\n目标值', 'target', 2025],
    ['目标值（2025年）', 'target', 2025],
    ['2025年（目标值）', 'target', 2025],
    ['2025年规划目标', 'target', 2025],
    ['目标值', 'target', null],
    ['“十五五”目标值', 'target', null],
    ['规划期末目标', 'target', null],
  ] as const)('%j is %s %s', (text, kind, year) => {
    expect(read(text)).toEqual({ kind, year });
  });

  it.each(['指标属性说明', '牵头科室及配合科室', '年均增长（%）', '完成情况', '2025'.repeat(2)])(
    '%j is not known',
    (t) => {
      expect(read(t)).toBeNull();
    },
  );
});

const cell = (address: string, text: string): GridCell =>
  text === '' ? { address, kind: 'empty', text: '' } : { address, kind: 'text', text };
const grid = (rows: string[][]): SheetGrid => ({
  name: 'S',
  rows: rows.map((r, i) => r.map((t, c) => cell(`${String.fromCharCode(65 + c)}${i + 1}`, t))),
});

describe('the header row', () => {
  it('is found below the title by its texts', () => {
    const h = findPlanHeader(
      grid([['附件1'], ['某某规划主要指标'], ['序号', '指标名称', '2025年目标值', '分管领导']]),
    )!;
    expect(h.rows).toEqual([2]);
    expect(h.columns.map((c) => [c.kind, c.cell])).toEqual([
      ['seq', 'A3'],
      ['name', 'B3'],
      ['target', 'C3'],
    ]);
    expect(h.unknown).toEqual([{ cell: 'D3', header: '分管领导' }]);
  });

  it('spans two rows where 基期值 and 目标值 are merged over their years', () => {
    const h = findPlanHeader(
      grid([
        ['序号', '指标', '基期值', '目标值', '', '属性'],
        ['', '', '2020年', '2023年', '2025年', ''],
      ]),
    )!;
    expect(h.rows).toEqual([0, 1]);
    expect(h.columns.map((c) => [c.kind, c.year, c.header, c.group ?? null])).toEqual([
      ['seq', null, '序号', null],
      ['name', null, '指标', null],
      ['base', 2020, '2020年', '基期值'],
      ['target', 2023, '2023年', '目标值'],
      ['target', 2025, '2025年', '目标值'],
      ['nature', null, '属性', null],
    ]);
  });

  it('is not found without a name column and a value column', () => {
    expect(findPlanHeader(grid([['序号', '名称', '主要目标', '备注']]))).toBeNull();
    expect(findPlanHeader(grid([['序号', '指标名称', '备注']]))).toBeNull();
  });
});

describe('names, units and titles', () => {
  it.each([
    ['在册市场主体总量（万户）', '在册市场主体总量', '万户'],
    ['“双随机、一公开”信用应用率（%）', '“双随机、一公开”信用应用率', '%'],
    ['放心消费商圈（街区）（个）', '放心消费商圈（街区）', '个'],
    ['放心消费商圈（街区）', '放心消费商圈（街区）', null],
    ['食品安全抽检监测数（批次/千人）', '食品安全抽检监测数', '批次/千人'],
    ['企业开办时间(个工作日)', '企业开办时间', '个工作日'],
    ['公众食品药品安全满意度', '公众食品药品安全满意度', null],
    ['知识产权质押融资（含专利、商标）', '知识产权质押融资（含专利、商标）', null],
  ])('%s → %s + %s', (printed, name, unit) => {
    expect(splitUnit(printed)).toEqual({ name, unit });
  });

  it.each([
    ['磐安县市场监督管理“十四五”主要目标指标（2021-2025年）', '磐安县市场监督管理“十四五”规划'],
    ['缙云县市场监督管理“十五五”规划主要指标', '缙云县市场监督管理“十五五”规划'],
    ['某县“十五五”市场监管发展规划主要指标表', '某县“十五五”市场监管发展规划'],
    ['某县市场监管“十五五”期间主要指标（2026—2030年）', '某县市场监管“十五五”规划'],
  ])('the plan of %s is %s', (title, plan) => {
    expect(planTitleFrom(title)).toBe(plan);
  });

  it('reads label, title, period and five-year name above the header', () => {
    const rows = grid([
      ['附件 2：'],
      ['', '某县“十五五”市场监管规划主要指标'],
      ['（2026—2030年）'],
      ['单位：万户'],
    ]).rows;
    expect(readTitle(rows, 4)).toEqual({
      label: '附件2',
      title: '某县“十五五”市场监管规划主要指标',
      cell: 'B2',
      period: { first: 2026, last: 2030 },
      fiveYear: { shortName: '十五五', period: { first: 2026, last: 2030 } },
    });
    expect([fiveYearName({ first: 2021, last: 2025 }), fiveYearName({ first: 2024, last: 2028 })]).toEqual([
      '十四五',
      null,
    ]);
  });
});
