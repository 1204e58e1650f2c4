// The one-page summary at the head of the annual submission (年度实施情况汇总, DOMAIN.md §4 and §7): how many
// indicators have each status, the lagging and the 约束性 indicators by name, and the actions' and tasks' progress.
// Pure. Indicators are judged exactly as the 主要指标 table of annual.ts judges them (same order, same overrides,
// same options), so the summary and the table always agree.
import { DEFAULT_EVAL, evaluateIndicator, STATUS_LABELS, type EvalStatus } from '../../../shared/evaluate';
import type { Indicator, PlanDetail, ProgressEntry, ProgressStatus } from '../../../shared/model';
import type { AnnualSummary, ProgressSummary, StatusCount, SummaryIndicator } from '../../export/summary-model';

/** Best first, 无数据 last: the order of the counts and of the chart's bars. */
export const SUMMARY_STATUSES: readonly EvalStatus[] = [
  'achieved_early',
  'ahead',
  'on_track',
  'lagging',
  'not_evaluable',
  'no_data',
];

const PROGRESS_ORDER: readonly (ProgressStatus | 'none')[] = ['not_started', 'in_progress', 'done', 'lagging', 'none'];
const PROGRESS_LABELS: Record<ProgressStatus | 'none', string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  lagging: '滞后',
  none: '未填报',
};

export interface JudgedIndicator {
  indicator: Indicator;
  status: EvalStatus;
  overridden: boolean;
}

/** The indicators the 主要指标 table prints, in its order (categories, then indicators), each judged for the year. */
export function judgeIndicators(d: PlanDetail, year: number): JudgedIndicator[] {
  return d.categories.flatMap((c) =>
    d.indicators
      .filter((i) => i.categoryId === c.id)
      .map((ind) => {
        const manual = d.overrides.find((o) => o.indicatorId === ind.id && o.year === year);
        const e = evaluateIndicator(ind, d.plan, year, {
          ...DEFAULT_EVAL,
          override: manual ? { status: manual.status, reason: manual.reason } : null,
        });
        return { indicator: ind, status: e.status, overridden: e.override !== null };
      }),
  );
}

function progressSummary(label: string, items: readonly { progress: ProgressEntry[] }[], year: number) {
  const counts = new Map(PROGRESS_ORDER.map((s) => [s, 0]));
  for (const item of items) {
    const s = item.progress.find((p) => p.year === year)?.status ?? 'none';
    counts.set(s, counts.get(s)! + 1);
  }
  return {
    label,
    total: items.length,
    counts: PROGRESS_ORDER.map((s) => ({ status: s, label: PROGRESS_LABELS[s], count: counts.get(s)! })),
  } satisfies ProgressSummary;
}

export function buildAnnualSummary(d: PlanDetail, year: number): AnnualSummary {
  const judged = judgeIndicators(d, year);
  const statuses: StatusCount[] = SUMMARY_STATUSES.map((status) => {
    const mine = judged.filter((j) => j.status === status);
    return {
      status,
      label: STATUS_LABELS[status],
      count: mine.length,
      overridden: mine.filter((j) => j.overridden).length,
    };
  })
    // 无法自动评价 only appears for plans with text targets; a row of zeros would be noise for the others.
    .filter((c) => c.status !== 'not_evaluable' || c.count > 0);
  const named = judged.map((j): SummaryIndicator => ({
    id: j.indicator.id,
    seq: j.indicator.seq,
    name: j.indicator.printedName,
    binding: j.indicator.nature === 'binding',
    status: j.status,
    label: STATUS_LABELS[j.status],
    overridden: j.overridden,
  }));
  // Stable sorts: plan order within each group.
  const first = (pick: (i: SummaryIndicator) => boolean) => (a: SummaryIndicator, b: SummaryIndicator) =>
    Number(pick(b)) - Number(pick(a));
  return {
    year,
    titleParts: [d.plan.title, `${year}年度实施情况汇总`],
    indicatorTotal: judged.length,
    statuses,
    overriddenTotal: judged.filter((j) => j.overridden).length,
    lagging: named.filter((i) => i.status === 'lagging').sort(first((i) => i.binding)),
    binding: named.filter((i) => i.binding).sort(first((i) => i.status === 'lagging')),
    progress: [progressSummary('十大行动', d.actions, year), progressSummary('主要任务', d.tasks, year)],
  };
}
