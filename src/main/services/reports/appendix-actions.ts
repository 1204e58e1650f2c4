// 附件2 十大行动: 序号 | 名称 | 主要目标 | 备注.
import type { PlanDetail } from '../../../shared/model';
import type { ReportCell, ReportTable } from '../../../shared/report';

export function buildActionAppendix(d: PlanDetail): ReportTable {
  const appendix = d.appendices.find((a) => a.kind === 'actions');
  const head = (text: string): ReportCell => ({ text, align: 'center' });
  return {
    id: 'appendix-2',
    label: appendix?.label ?? '附件2',
    title: appendix?.title ?? `${d.plan.title}十大行动（${d.plan.firstYear}-${d.plan.lastYear}年）`,
    sheetName: appendix?.label ?? '附件2',
    orientation: 'portrait',
    columns: [
      { key: 'seq', width: 6, align: 'center' },
      { key: 'name', width: 20, align: 'center' },
      { key: 'goal', width: 56, align: 'left' },
      { key: 'remark', width: 8, align: 'center' },
    ],
    header: [[head('序号'), head('名称'), head('主要目标'), head('备注')]],
    rows: d.actions.map((a) => ({
      cells: [
        { text: a.seq, align: 'center' },
        { text: a.name, align: 'center' },
        { text: a.goal, align: 'left' },
        { text: a.remark ?? '', align: 'left' },
      ],
    })),
    groupColumn: null,
    notes: [],
    hints: [],
  };
}
