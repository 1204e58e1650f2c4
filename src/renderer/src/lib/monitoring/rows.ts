// The 年度监测 page's data: every indicator judged for one year with the real evaluation rules (shared/evaluate),
// the counts per status, the table's order and the default year. Pure, so it is tested without rendering.
import {
  DEFAULT_EVAL,
  evaluateIndicator,
  type EvalOptions,
  type EvalStatus,
  type OverrideStatus,
  type Evaluation,
  type PlanYears,
} from '../../../../shared/evaluate';
import type {
  EvaluationOverride,
  Indicator,
  IndicatorValue,
  PlanDetail,
  PlanMeta,
  ProgressEntry,
  ProgressStatus,
} from '../../../../shared/model';
import { buildIndicatorRows } from '../indicator-rows';

/** In the order the summary shows them: best first, 无数据 last. */
export const EVAL_STATUSES: readonly EvalStatus[] = [
  'achieved_early',
  'ahead',
  'on_track',
  'lagging',
  'not_evaluable',
  'no_data',
];
/** The statuses a clerk may choose in 人工调整 (never 无法自动评价). */
export const OVERRIDE_STATUSES: readonly OverrideStatus[] = [
  'achieved_early',
  'ahead',
  'on_track',
  'lagging',
  'no_data',
];

export type StatusOverride = NonNullable<EvalOptions['override']>;

export interface MonitoringRow {
  key: number;
  indicator: Indicator;
  /** null for an indicator whose category is missing from the plan */
  categoryName: string | null;
  /** position in the plan (categories in order, then indicators in order) */
  planIndex: number;
  evaluation: Evaluation;
  /** the year's published target as written, if the plan (or a clerk) gave one */
  yearTarget: IndicatorValue | null;
  /** the year's actual as written */
  actual: IndicatorValue | null;
  /** the plan's final target as written (the last year's, else the latest one) */
  finalTarget: IndicatorValue | null;
  /** the clerk's stored override for the year (who, when, why), if any */
  override: EvaluationOverride | null;
}

export function planPeriod(plan: Pick<PlanMeta, 'firstYear' | 'lastYear' | 'baseYear'>): PlanYears {
  return { firstYear: plan.firstYear, lastYear: plan.lastYear, baseYear: plan.baseYear };
}

const valueAt = (ind: Indicator, year: number, kind: IndicatorValue['kind']) =>
  ind.values.find((v) => v.year === year && v.kind === kind) ?? null;

/** The target evaluateIndicator treats as final: the last year's, else the latest one published. */
export function finalTargetOf(ind: Indicator, lastYear: number): IndicatorValue | null {
  const targets = ind.values.filter((v) => v.kind === 'target').sort((a, b) => b.year - a.year);
  return valueAt(ind, lastYear, 'target') ?? targets[0] ?? null;
}

export function buildMonitoringRows(
  detail: PlanDetail,
  year: number,
  overrides: ReadonlyMap<number, StatusOverride> = new Map(),
  opts: EvalOptions = DEFAULT_EVAL,
): MonitoringRow[] {
  const period = planPeriod(detail.plan);
  const stored = new Map(detail.overrides.filter((o) => o.year === year).map((o) => [o.indicatorId, o]));
  return buildIndicatorRows(detail.categories, detail.indicators).map((row, planIndex) => {
    const ind = row.indicator;
    return {
      key: ind.id,
      indicator: ind,
      categoryName: row.categoryName,
      planIndex,
      evaluation: evaluateIndicator(ind, period, year, { ...opts, override: overrides.get(ind.id) ?? null }),
      yearTarget: valueAt(ind, year, 'target'),
      actual: valueAt(ind, year, 'actual'),
      finalTarget: finalTargetOf(ind, detail.plan.lastYear),
      override: stored.get(ind.id) ?? null,
    };
  });
}

const seqCollator = new Intl.Collator('zh-CN', { numeric: true });

/** Lagging first, then binding (约束性), then by 序号; or the plan's own order. */
export function sortRows(rows: readonly MonitoringRow[], planOrder: boolean): MonitoringRow[] {
  if (planOrder) return [...rows].sort((a, b) => a.planIndex - b.planIndex);
  const rank = (r: MonitoringRow) =>
    (r.evaluation.status === 'lagging' ? 0 : 2) + (r.indicator.nature === 'binding' ? 0 : 1);
  return [...rows].sort(
    (a, b) => rank(a) - rank(b) || seqCollator.compare(a.indicator.seq, b.indicator.seq) || a.planIndex - b.planIndex,
  );
}

export function statusCounts(rows: readonly MonitoringRow[]): Record<EvalStatus, number> {
  const counts = { achieved_early: 0, ahead: 0, on_track: 0, lagging: 0, no_data: 0, not_evaluable: 0 };
  for (const r of rows) counts[r.evaluation.status] += 1;
  return counts;
}

/** Rows each category cell spans in plan order: the run length on a run's first row, 0 on the others. */
export function categorySpans(rows: readonly MonitoringRow[]): number[] {
  return rows.map((r, i) => {
    if (i > 0 && rows[i - 1].categoryName === r.categoryName) return 0;
    let n = 1;
    while (i + n < rows.length && rows[i + n].categoryName === r.categoryName) n++;
    return n;
  });
}

/** The latest plan year with any actual entered, else this calendar year clamped into the plan. */
export function defaultMonitoringYear(detail: Pick<PlanDetail, 'plan' | 'indicators'>, now: Date = new Date()): number {
  const { firstYear, lastYear } = detail.plan;
  const years = detail.indicators.flatMap((ind) =>
    ind.values.filter((v) => v.kind === 'actual' && v.year >= firstYear && v.year <= lastYear).map((v) => v.year),
  );
  if (years.length > 0) return Math.max(...years);
  return Math.min(Math.max(now.getFullYear(), firstYear), lastYear);
}

/** How many actions or tasks have each progress status in the year; `none` when nothing was reported. */
export type ProgressCounts = Record<ProgressStatus | 'none', number>;

export function progressCounts(items: readonly { progress: ProgressEntry[] }[], year: number): ProgressCounts {
  const counts: ProgressCounts = { not_started: 0, in_progress: 0, done: 0, lagging: 0, none: 0 };
  for (const item of items) {
    const status = item.progress.find((p) => p.year === year)?.status ?? null;
    counts[status ?? 'none'] += 1;
  }
  return counts;
}
