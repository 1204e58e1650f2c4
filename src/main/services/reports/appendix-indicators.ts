// 附件1 主要目标指标: 类别 | 序号 | 主要指标 | one column per published target year | 备注.
import type { PlanDetail } from '../../../shared/model';
import type { ReportCell, ReportColumn, ReportRow, ReportTable } from '../../../shared/report';
import { valueCell } from './cells';

export function buildIndicatorAppendix(d: PlanDetail): ReportTable {
  const appendix = d.appendices.find((a) => a.kind === 'indicators');
  const years = d.plan.targetYears.length > 0 ? d.plan.targetYears : [d.plan.lastYear];
  const columns: ReportColumn[] = [
    // Widths in Excel character units (a CJK character is about 2): names get the room, values are short.
    { key: 'category', width: 6, align: 'center' },
    { key: 'seq', width: 5, align: 'center' },
    { key: 'name', width: 38, align: 'left' },
    ...years.map((y): ReportColumn => ({ key: `y${y}`, width: 10, align: 'center' })),
    { key: 'remark', width: 7, align: 'center' },
  ];
  const head = (text: string): ReportCell => ({ text, align: 'center' });
  const header = [[head('类别'), head('序号'), head('主要指标'), ...years.map((y) => head(`${y}年`)), head('备注')]];

  const rows: ReportRow[] = [];
  for (const c of d.categories) {
    const members = d.indicators.filter((i) => i.categoryId === c.id);
    members.forEach((ind, k) => {
      const target = (y: number) => ind.values.find((v) => v.year === y && v.kind === 'target');
      rows.push({
        group: c.name,
        cells: [
          k === 0 ? { text: c.name, align: 'center', rowSpan: members.length } : null,
          { text: ind.seq, align: 'center' },
          { text: ind.printedName, align: 'left' },
          ...years.map((y) => valueCell(target(y))),
          { text: ind.remark ?? '', align: 'left' },
        ],
      });
    });
  }
  return {
    id: 'appendix-1',
    label: appendix?.label ?? '附件1',
    title: appendix?.title ?? `${d.plan.title}主要目标指标（${d.plan.firstYear}-${d.plan.lastYear}年）`,
    sheetName: appendix?.label ?? '附件1',
    // Much wider than the portrait type area turns the page (e.g. a plan publishing a target for every year).
    orientation: columns.reduce((s, c) => s + c.width, 0) > 110 ? 'landscape' : 'portrait',
    columns,
    header,
    rows,
    groupColumn: 0,
    notes: [],
    hints: [],
  };
}
