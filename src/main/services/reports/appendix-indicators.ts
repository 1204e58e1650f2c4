// 附件1 主要目标指标, in the shape the plan was published with (its appendix layout, migration 0004). PlanDesk's usual
// layout is 类别 | 序号 | 主要指标 | one column per published target year | 备注; an imported plan keeps its own columns
// (e.g. 序号 | 指标名称 | 单位 | 2020年基期值 | 2025年目标值 | 属性), a two-row header over grouped columns, categories
// printed as rows of their own (一、主体活力) and the notes under the table.
import type { Indicator, PlanDetail } from '../../../shared/model';
import {
  defaultAppendixLayout,
  numberedCategory,
  type AppendixColumn,
  type AppendixColumnKind,
} from '../../../shared/plan-import';
import type { Align, ReportCell, ReportColumn, ReportRow, ReportTable } from '../../../shared/report';
import { valueCell } from './cells';

// Widths in Excel character units (a CJK character is about 2): names get the room, values are short.
const WIDTH: Record<AppendixColumnKind, number> = {
  category: 6,
  seq: 5,
  name: 38,
  unit: 9,
  nature: 7,
  base: 10,
  target: 10,
  remark: 7,
  department: 12,
  source: 12,
};
const ALIGN: Record<AppendixColumnKind, Align> = {
  category: 'center',
  seq: 'center',
  name: 'left',
  unit: 'center',
  nature: 'center',
  base: 'center',
  target: 'center',
  remark: 'center',
  department: 'center',
  source: 'center',
};
const NATURE = { expected: '预期性', binding: '约束性' } as const;

/** Stable column keys: the usual layout keeps the keys it always had (y2021 …). */
function columnKeys(columns: AppendixColumn[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const key =
      c.kind === 'target' ? `y${c.year}` : c.kind === 'base' && c.year !== undefined ? `base${c.year}` : c.kind;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}-${n}`;
  });
}

/** One header row, or two when some columns are grouped under a merged header (目标值 over 2021年 | 2025年). */
function headerRows(columns: AppendixColumn[]): (ReportCell | null)[][] {
  const head = (text: string, span: Partial<ReportCell> = {}): ReportCell => ({ text, align: 'center', ...span });
  if (!columns.some((c) => c.group !== undefined)) return [columns.map((c) => head(c.header))];
  const top: (ReportCell | null)[] = [];
  const bottom: (ReportCell | null)[] = [];
  columns.forEach((c, i) => {
    if (c.group === undefined) {
      top.push(head(c.header, { rowSpan: 2 }));
      bottom.push(null);
      return;
    }
    const startsRun = i === 0 || columns[i - 1]!.group !== c.group;
    let run = 1;
    while (startsRun && columns[i + run]?.group === c.group) run++;
    top.push(startsRun ? head(c.group, run > 1 ? { colSpan: run } : {}) : null);
    bottom.push(head(c.header));
  });
  return [top, bottom];
}

export function buildIndicatorAppendix(d: PlanDetail): ReportTable {
  const appendix = d.appendices.find((a) => a.kind === 'indicators');
  const layout = d.plan.appendixLayout ?? defaultAppendixLayout(d.plan);
  const keys = columnKeys(layout.columns);
  const columns: ReportColumn[] = layout.columns.map((c, i) => ({
    key: keys[i]!,
    width: WIDTH[c.kind],
    align: ALIGN[c.kind],
  }));
  const byRows = layout.categories === 'rows';
  const byColumn = layout.categories === 'column';
  const departmentName = new Map(d.departments.map((x) => [x.id, x.name]));

  const cell = (c: AppendixColumn, ind: Indicator): ReportCell => {
    switch (c.kind) {
      case 'seq':
        return { text: ind.seq, align: 'center' };
      case 'name':
        return { text: ind.printedName, align: 'left' };
      case 'unit':
        return { text: ind.unit ?? '', align: 'center' };
      case 'nature':
        return { text: ind.nature ? NATURE[ind.nature] : '', align: 'center' };
      case 'base':
        return valueCell(ind.base ?? undefined);
      case 'target':
        return valueCell(ind.values.find((v) => v.year === c.year && v.kind === 'target'));
      case 'remark':
        return { text: ind.remark ?? '', align: 'left' };
      case 'department':
        return {
          text: ind.departmentId === null ? '' : (departmentName.get(ind.departmentId) ?? ''),
          align: 'center',
        };
      case 'source':
        return { text: ind.dataSource ?? '', align: 'left' };
      case 'category':
        return { text: '', align: 'center' }; // categories printed as rows (or not at all): the column stays empty
    }
  };

  const rows: ReportRow[] = [];
  let position = 0;
  for (const c of d.categories) {
    const members = d.indicators.filter((i) => i.categoryId === c.id);
    if (members.length === 0) continue;
    position++;
    if (byRows) {
      const heading: ReportCell = {
        text: numberedCategory(layout.categoryNumbering, position, c.name),
        align: 'left',
        ...(columns.length > 1 ? { colSpan: columns.length } : {}),
      };
      rows.push({ cells: [heading, ...columns.slice(1).map(() => null)] });
    }
    members.forEach((ind, k) => {
      rows.push({
        group: c.name,
        cells: layout.columns.map((col) => {
          if (col.kind !== 'category' || !byColumn) return cell(col, ind);
          return k === 0 ? { text: c.name, align: 'center', rowSpan: members.length } : null;
        }),
      });
    });
  }
  const categoryColumn = layout.columns.findIndex((c) => c.kind === 'category');
  return {
    id: 'appendix-1',
    label: appendix?.label ?? '附件1',
    title: appendix?.title ?? `${d.plan.title}主要目标指标（${d.plan.firstYear}-${d.plan.lastYear}年）`,
    sheetName: appendix?.label ?? '附件1',
    // Much wider than the portrait type area turns the page (e.g. a plan publishing a target for every year).
    orientation: columns.reduce((s, c) => s + c.width, 0) > 110 ? 'landscape' : 'portrait',
    columns,
    header: headerRows(layout.columns),
    rows,
    groupColumn: !byColumn || categoryColumn < 0 ? null : categoryColumn,
    notes: [...layout.notes],
    hints: [],
  };
}
