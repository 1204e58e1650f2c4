// 年度完成情况表 for year Y (DOMAIN.md §7): 主要指标 judged by the evaluation rules, then 十大行动 and 主要任务 with the
// year's progress. Same ReportTable model, so the same xlsx/pdf exporters give it the official look.
import { DEFAULT_EVAL, evaluateIndicator, STATUS_LABELS, type Evaluation } from '../../../shared/evaluate';
import type { Indicator, PlanDetail, ProgressEntry, ProgressStatus } from '../../../shared/model';
import type { ReportCell, ReportColumn, ReportRow, ReportTable } from '../../../shared/report';
import { formatNumber } from '../../../shared/value';
import { valueCell } from './cells';

const PROGRESS_LABELS: Record<ProgressStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  lagging: '滞后',
};
const NATURE_LABELS = { expected: '预期性', binding: '约束性' } as const;

const head = (text: string): ReportCell => ({ text, align: 'center' });
const text = (t: string | null | undefined, align: ReportCell['align'] = 'left'): ReportCell => ({
  text: t ?? '',
  align,
});
const percent = (f: number | null) => text(f === null ? '' : `${formatNumber(f * 100, 1)}%`, 'center');

/** The 备注（情况说明） cell of the annual sheet: the clerk's note, the reminder a lagging binding indicator needs, the
 * override's reason. Also used by the importer to tell this printed text from a note written into the file. */
export function annualRemark(
  ind: Pick<Indicator, 'values'>,
  year: number,
  e: Pick<Evaluation, 'needsExplanation' | 'override'>,
): string {
  const note = ind.values.find((v) => v.year === year && v.kind === 'actual')?.note ?? '';
  const explain = e.needsExplanation && note === '' ? '约束性指标滞后，须说明原因' : note;
  return [explain, e.override?.reason].filter(Boolean).join('；');
}

function indicatorTable(d: PlanDetail, year: number): ReportTable {
  const dept = new Map(d.departments.map((x) => [x.id, x.name]));
  const columns: ReportColumn[] = [
    { key: 'category', width: 6, align: 'center' },
    { key: 'seq', width: 5, align: 'center' },
    { key: 'name', width: 30, align: 'left' },
    { key: 'nature', width: 7, align: 'center' },
    { key: 'base', width: 9, align: 'center' },
    { key: 'yearTarget', width: 9, align: 'center' },
    { key: 'actual', width: 9, align: 'center' },
    { key: 'finalTarget', width: 9, align: 'center' },
    { key: 'progress', width: 9, align: 'center' },
    { key: 'expected', width: 9, align: 'center' },
    { key: 'status', width: 11, align: 'center' },
    { key: 'department', width: 10, align: 'center' },
    { key: 'remark', width: 24, align: 'left' },
  ];
  const header = [
    [
      head('类别'),
      head('序号'),
      head('指标名称（单位）'),
      head('属性'),
      head('基期值'),
      head('当年目标值'),
      head('当年完成值'),
      head('规划目标值'),
      head('完成进度'),
      head('序时进度'),
      head('评价'),
      head('责任科室'),
      head('备注（情况说明）'),
    ],
  ];
  const rows: ReportRow[] = [];
  for (const c of d.categories) {
    const members = d.indicators.filter((i) => i.categoryId === c.id);
    members.forEach((ind, k) => {
      const manual = d.overrides.find((o) => o.indicatorId === ind.id && o.year === year);
      const e = evaluateIndicator(ind, d.plan, year, {
        ...DEFAULT_EVAL,
        override: manual ? { status: manual.status, reason: manual.reason } : null,
      });
      const value = (y: number, kind: 'target' | 'actual') => ind.values.find((v) => v.year === y && v.kind === kind);
      const published = value(year, 'target');
      const yearTarget: ReportCell = published
        ? valueCell(published)
        : text(e.expectedValue === null ? '' : `${formatNumber(e.expectedValue, 2)}（推算）`, 'center');
      rows.push({
        group: c.name,
        cells: [
          k === 0 ? { text: c.name, align: 'center', rowSpan: members.length } : null,
          text(ind.seq, 'center'),
          text(ind.printedName),
          text(ind.nature ? NATURE_LABELS[ind.nature] : '', 'center'),
          ind.base ? valueCell(ind.base) : text('', 'center'),
          yearTarget,
          valueCell(value(year, 'actual')),
          valueCell(value(d.plan.lastYear, 'target')),
          percent(e.progress),
          percent(e.status === 'no_data' ? null : e.expectedProgress),
          text(STATUS_LABELS[e.status] + (e.override ? '（人工调整）' : ''), 'center'),
          text(ind.departmentId === null ? '' : (dept.get(ind.departmentId) ?? ''), 'center'),
          text(annualRemark(ind, year, e)),
        ],
      });
    });
  }
  return {
    id: 'annual-indicators',
    label: '',
    title: `${d.plan.title}${year}年度主要指标完成情况`,
    sheetName: '主要指标',
    orientation: 'landscape',
    columns,
    header,
    rows,
    groupColumn: 0,
    notes: [
      `完成进度 =（当年完成值 − 基期值）÷（规划目标值 − 基期值）；序时进度 = 已过年数 ÷ 规划年数。标“推算”的当年目标值由相邻年度目标按直线推算。`,
    ],
    hints: [],
  };
}

function progressTable(
  id: string,
  sheetName: string,
  title: string,
  items: { seq: string; name: string; goal: string; progress: ProgressEntry[]; departmentId: number | null }[],
  d: PlanDetail,
  year: number,
): ReportTable {
  const dept = new Map(d.departments.map((x) => [x.id, x.name]));
  return {
    id,
    label: '',
    title,
    sheetName,
    orientation: 'landscape',
    columns: [
      { key: 'seq', width: 6, align: 'center' },
      { key: 'name', width: 20, align: 'center' },
      { key: 'goal', width: 44, align: 'left' },
      { key: 'progress', width: 40, align: 'left' },
      { key: 'status', width: 9, align: 'center' },
      { key: 'department', width: 11, align: 'center' },
    ],
    header: [[head('序号'), head('名称'), head('主要目标'), head('年度进展'), head('状态'), head('牵头科室')]],
    rows: items.map((it) => {
      const p = it.progress.find((x) => x.year === year);
      return {
        cells: [
          text(it.seq, 'center'),
          text(it.name, 'center'),
          text(it.goal),
          text(p?.text),
          text(p?.status ? PROGRESS_LABELS[p.status] : '', 'center'),
          text(it.departmentId === null ? '' : (dept.get(it.departmentId) ?? ''), 'center'),
        ],
      };
    }),
    groupColumn: null,
    notes: [],
    hints: [],
  };
}

export function buildAnnualTables(d: PlanDetail, year: number): ReportTable[] {
  const groupSeq = new Map(d.taskGroups.map((g) => [g.id, g.seq]));
  return [
    indicatorTable(d, year),
    progressTable('annual-actions', '十大行动', `${d.plan.title}${year}年度十大行动推进情况`, d.actions, d, year),
    progressTable(
      'annual-tasks',
      '主要任务',
      `${d.plan.title}${year}年度主要任务推进情况`,
      d.tasks.map((t) => ({
        seq: `${groupSeq.get(t.groupId) ?? ''}.${t.seq}`,
        name: t.title,
        goal: t.text,
        progress: t.progress,
        departmentId: t.leadDepartmentId,
      })),
      d,
      year,
    ),
  ];
}
