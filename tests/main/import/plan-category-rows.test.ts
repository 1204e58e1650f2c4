// A 十五五 appendix laid out differently: categories as rows of their own (一、主体活力), units in their own column, a
// two-row header where a merged 目标值 spans 2027年 | 2030年, a header with a line break, blank spacer rows. Imported
// field by field, then its 附件1 exported with the same header, category rows and cells (spacers dropped). Also
// written by openpyxl.
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

const TITLE = '龙泉市市场监督管理“十五五”规划主要目标指标（2026—2030年）';
const SHEET: SheetSpec = {
  name: 'Sheet1',
  rows: [
    ['附件 1'],
    [TITLE],
    ['序号', '指标名称', '单位', '2025年\n基期值', '目标值', null, '属性'],
    [null, null, null, null, '2027年', '2030年'],
    ['一、主体活力'],
    ['1', '在册市场主体总量', '万户', { n: 3.12, fmt: '0.00' }, 3.4, 3.9, '预期性'],
    ['2', '新设企业数', '户', 1200, 1300, 1500, '预期性'],
    [],
    ['二、质量提升'],
    ['3', '产品质量监督抽查合格率', '%', 95.2, '≥95', '≥96', '约束性'],
    ['4', '每万人高价值发明专利拥有量', '件', 4.1, 4.8, 6, '预期性'],
    [],
    ['三、安全监管'],
    ['5', '特种设备万台死亡率', '人/万台', 0.2, '<0.3', '<0.3', '约束性'],
  ],
  merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:G4', 'A5:G5', 'A9:G9', 'A13:G13'],
};

let ctx: AppContext;
let dir: string;
let bytes: Uint8Array;
let preview: PlanImportPreview;

beforeAll(async () => {
  ctx = memoryContext();
  dir = tempDir('plandesk-plan-rows-');
  bytes = await buildWithExcelJS([SHEET]);
  preview = await planImporter(ctx).preview(input('龙泉.xlsx', bytes));
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('category rows, a unit column and a two-row header', () => {
  it('previews 十五五 2026–2030 with base year 2025, categories without their numbering', () => {
    expect(preview.problems).toEqual([]);
    expect(preview.plan).toMatchObject({
      title: '龙泉市市场监督管理“十五五”规划',
      shortName: '十五五',
      firstYear: 2026,
      lastYear: 2030,
      baseYear: 2025,
      targetYears: [2027, 2030],
      columns: ['序号', '指标名称', '单位', '2025年基期值', '目标值／2027年', '目标值／2030年', '属性'],
      appendix: { label: '附件1', title: TITLE },
    });
    expect(preview.plan.layout).toEqual({
      columns: [
        { kind: 'seq', header: '序号' },
        { kind: 'name', header: '指标名称' },
        { kind: 'unit', header: '单位' },
        { kind: 'base', header: '2025年\n基期值', year: 2025 },
        { kind: 'target', header: '2027年', year: 2027, group: '目标值' },
        { kind: 'target', header: '2030年', year: 2030, group: '目标值' },
        { kind: 'nature', header: '属性' },
      ],
      categories: 'rows',
      categoryNumbering: '一、',
      notes: [],
    });
    expect(preview.categories.map((c) => c.name)).toEqual(['主体活力', '质量提升', '安全监管']);
  });

  it('creates the plan field by field: names as printed, units from their column', async () => {
    const s = await planImporter(ctx).apply(input('龙泉.xlsx', bytes), preview.token, 'tester');
    const d = ctx.services.plans.get(s.id);
    expect(d.plan).toMatchObject({ shortName: '十五五', firstYear: 2026, lastYear: 2030, baseYear: 2025 });
    const row = (
      category: string,
      seq: string,
      name: string,
      unit: string,
      base: string,
      t2027: string,
      t2030: string,
      nature: 'expected' | 'binding',
    ) => ({
      category,
      seq,
      printedName: name,
      name,
      unit,
      nature,
      remark: null,
      base: { year: 2025, text: base },
      targets: { 2027: t2027, 2030: t2030 },
    });
    expect(indicatorFields(d)).toEqual([
      row('主体活力', '1', '在册市场主体总量', '万户', '3.12', '3.4', '3.9', 'expected'),
      row('主体活力', '2', '新设企业数', '户', '1200', '1300', '1500', 'expected'),
      row('质量提升', '3', '产品质量监督抽查合格率', '%', '95.2', '≥95', '≥96', 'binding'),
      row('质量提升', '4', '每万人高价值发明专利拥有量', '件', '4.1', '4.8', '6', 'expected'),
      row('安全监管', '5', '特种设备万台死亡率', '人/万台', '0.2', '<0.3', '<0.3', 'binding'),
    ]);
  });

  it('exports 附件1 with the two-row header, the category rows and every cell as the input printed it', async () => {
    const file = await ctx.services.reports.exportAppendix('十五五', '1', 'xlsx');
    const out = await sheetTexts(file.bytes);
    expect(out.slice(0, 2)).toEqual([['附件1'], [TITLE]]);
    expect(tableFrom(out, '序号')).toEqual(tableFrom(await sheetTexts(bytes), '序号'));
    const table = ctx.services.reports.appendices('十五五', '1')[0]!;
    expect(table.header).toEqual([
      [
        { text: '序号', align: 'center', rowSpan: 2 },
        { text: '指标名称', align: 'center', rowSpan: 2 },
        { text: '单位', align: 'center', rowSpan: 2 },
        { text: '2025年\n基期值', align: 'center', rowSpan: 2 },
        { text: '目标值', align: 'center', colSpan: 2 },
        null,
        { text: '属性', align: 'center', rowSpan: 2 },
      ],
      [null, null, null, null, { text: '2027年', align: 'center' }, { text: '2030年', align: 'center' }, null],
    ]);
    expect(table.groupColumn).toBeNull();
    expect(table.rows[0]!.cells[0]).toEqual({ text: '一、主体活力', align: 'left', colSpan: 7 });
  });

  it('reads the same table written by openpyxl to the same plan', async () => {
    const file = path.join(dir, 'openpyxl.xlsx');
    buildWithOpenpyxl([SHEET], file);
    const fresh = memoryContext();
    try {
      const other = await planImporter(fresh).preview(input('龙泉.xlsx', new Uint8Array(fs.readFileSync(file))));
      expect(other.problems).toEqual([]);
      expect(other.plan).toEqual(preview.plan);
      expect(other.categories).toEqual(preview.categories);
    } finally {
      fresh.close();
    }
  });
});
