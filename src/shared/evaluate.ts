// Judging an indicator's progress in a year the way the 发改局 does (DOMAIN.md §4). Pure: used by the UI and the
// exporters alike. Rates are fractions (0.6 = 60%).
import type { Indicator, IndicatorValue, ParsedValue } from './model';

/** 提前实现 / 快于预期 / 基本符合预期 / 滞后 / 无数据 / 无法自动评价 (a text target or actual such as 稳步提升) */
export type EvalStatus = 'achieved_early' | 'ahead' | 'on_track' | 'lagging' | 'no_data' | 'not_evaluable';
/** What a clerk may choose when overriding: a judgement, never "cannot judge". */
export type OverrideStatus = Exclude<EvalStatus, 'not_evaluable'>;

export const STATUS_LABELS: Record<EvalStatus, string> = {
  achieved_early: '提前实现',
  ahead: '快于预期',
  on_track: '基本符合预期',
  lagging: '滞后',
  no_data: '无数据',
  not_evaluable: '无法自动评价',
};

export interface PlanYears {
  firstYear: number;
  lastYear: number;
  baseYear: number | null;
}

export interface EvalOptions {
  /** the band around 序时进度 counted as 基本符合预期 (expected indicators only; binding ones have none) */
  tolerance: number;
  override?: { status: OverrideStatus; reason: string } | null;
}

export const DEFAULT_EVAL: EvalOptions = { tolerance: 0.05 };

export interface Evaluation {
  status: EvalStatus;
  /** what the rules gave, when a clerk overrode it */
  computed: EvalStatus;
  override: { reason: string } | null;
  actual: number | null;
  /** the final target's number and how it compares (≥95 → '>=') */
  target: number | null;
  /** 完成进度: (actual − base) / (target − base), or cumulative sum / target */
  progress: number | null;
  /** 序时进度: years elapsed since the base year / years in the plan */
  expectedProgress: number | null;
  /** the value expected for the year: its published target, or one interpolated between published ones */
  expectedValue: number | null;
  expectedDerived: boolean;
  /** a 约束性 indicator that lags needs a written explanation */
  needsExplanation: boolean;
}

type Dir = 'increase' | 'decrease' | 'maintain';

const num = (v: ParsedValue | undefined | null): number | null => (v && v.evaluable ? v.number : null);
const valueOf = (ind: Pick<Indicator, 'values'>, year: number, kind: 'target' | 'actual'): IndicatorValue | undefined =>
  ind.values.find((v) => v.year === year && v.kind === kind);

/** The direction written on the indicator, else read from the targets (a ≤ comparator or falling targets). */
function directionOf(ind: Indicator, base: number | null, final: ParsedValue | undefined): Dir {
  if (ind.direction) return ind.direction;
  if (final?.comparator === '<=' || final?.comparator === '<') return 'decrease';
  if (final?.comparator === '>=' || final?.comparator === '>') return 'increase';
  const f = num(final);
  if (base !== null && f !== null) return f > base ? 'increase' : f < base ? 'decrease' : 'maintain';
  return 'increase';
}

/** Whether `actual` satisfies `target` in the indicator's direction (a comparator on the target wins). */
function meets(actual: number, target: ParsedValue, dir: Dir): boolean {
  const t = target.number!;
  switch (target.comparator) {
    case '>':
      return actual > t;
    case '<':
      return actual < t;
    case '<=':
      return actual <= t;
    case '>=':
      return actual >= t;
    default:
      return dir === 'decrease' ? actual <= t : actual >= t;
  }
}

/** The expected value for `year`: a published target, else a straight line between the nearest known points. */
export function expectedValue(
  ind: Indicator,
  plan: PlanYears,
  year: number,
  base: number | null,
): { value: number | null; derived: boolean } {
  const published = num(valueOf(ind, year, 'target'));
  if (published !== null) return { value: published, derived: false };
  const points: [number, number][] = ind.values
    .filter((v) => v.kind === 'target' && num(v) !== null)
    .map((v) => [v.year, v.number!]);
  if (base !== null && plan.baseYear !== null) points.push([plan.baseYear, base]);
  points.sort((a, b) => a[0] - b[0]);
  const before = points.filter(([y]) => y < year).at(-1);
  const after = points.find(([y]) => y > year);
  if (!before || !after) return { value: null, derived: true };
  const share = (year - before[0]) / (after[0] - before[0]);
  return { value: before[1] + (after[1] - before[1]) * share, derived: true };
}

/** Ahead beyond the band, lagging below it; a 约束性 indicator has no band below (zero tolerance). */
function band(diff: number, aheadBand: number, lagBand: number): EvalStatus {
  if (diff >= aheadBand && aheadBand > 0) return 'ahead';
  return diff >= -lagBand ? 'on_track' : 'lagging';
}

export function evaluateIndicator(
  ind: Indicator,
  plan: PlanYears,
  year: number,
  opts: EvalOptions = DEFAULT_EVAL,
): Evaluation {
  const baseYear = plan.baseYear ?? plan.firstYear - 1;
  const span = plan.lastYear - baseYear;
  const expectedProgress = span > 0 ? Math.min(1, Math.max(0, (year - baseYear) / span)) : null;
  const finalTarget =
    valueOf(ind, plan.lastYear, 'target') ??
    ind.values.filter((v) => v.kind === 'target').sort((a, b) => b.year - a.year)[0];
  const base = ind.base?.evaluable ? ind.base.number : num(valueOf(ind, baseYear, 'actual'));
  const dir = directionOf(ind, base, finalTarget);
  const lagBand = ind.nature === 'binding' ? 0 : opts.tolerance;
  const actual = num(valueOf(ind, year, 'actual'));
  const target = num(finalTarget);
  const exp = expectedValue(ind, plan, year, base);

  const result = (computed: EvalStatus, progress: number | null): Evaluation => {
    const status = opts.override?.status ?? computed;
    return {
      status,
      computed,
      override: opts.override ? { reason: opts.override.reason } : null,
      actual,
      target,
      progress,
      expectedProgress,
      expectedValue: exp.value,
      expectedDerived: exp.derived,
      needsExplanation: ind.nature === 'binding' && status === 'lagging',
    };
  };

  const actualValue = valueOf(ind, year, 'actual');
  if (!actualValue || actualValue.text.trim() === '' || !finalTarget) return result('no_data', null);
  // A target or an actual written as words (稳步提升, 显著改善) has no number to compare: the clerk judges it.
  if (actual === null || target === null) return result('not_evaluable', null);

  if (ind.targetKind === 'cumulative') {
    const sum = ind.values
      .filter((v) => v.kind === 'actual' && v.year >= plan.firstYear && v.year <= year)
      .reduce((s, v) => s + (num(v) ?? 0), 0);
    const progress = target !== 0 ? sum / target : null;
    if (progress === null) return result('no_data', null);
    if (progress >= 1) return result(year < plan.lastYear ? 'achieved_early' : 'on_track', progress);
    return result(band(progress - (expectedProgress ?? 1), opts.tolerance, lagBand), progress);
  }

  if (ind.targetKind === 'yearly_average') {
    // A rate to hold every year: the year's actual against it, never "achieved early".
    if (!meets(actual, finalTarget, dir)) return result('lagging', null);
    const margin = target !== 0 ? ((actual - target) / Math.abs(target)) * (dir === 'decrease' ? -1 : 1) : 0;
    return result(band(margin, opts.tolerance, 0), null);
  }

  const thresholdOrKept = finalTarget.comparator !== null || dir === 'maintain' || (base !== null && base === target);
  if (thresholdOrKept) {
    // ≥95, 以上, 以内, or a level to keep (3 → 3): met or not, in the year, against the year's expectation.
    const yearTarget = valueOf(ind, year, 'target');
    const against = yearTarget && num(yearTarget) !== null ? yearTarget : finalTarget;
    return result(meets(actual, against, dir) ? 'on_track' : 'lagging', null);
  }

  const reachedFinal = meets(actual, finalTarget, dir);
  if (reachedFinal) {
    const progress = base !== null && target !== base ? (actual - base) / (target - base) : null;
    return result(year < plan.lastYear ? 'achieved_early' : 'on_track', progress);
  }
  if (base !== null && target !== base && expectedProgress !== null) {
    const progress = (actual - base) / (target - base);
    return result(band(progress - expectedProgress, opts.tolerance, lagBand), progress);
  }
  // No base value: compare with the year's expected value instead (published, or derived between targets).
  if (exp.value === null || exp.value === 0) return result('no_data', null);
  const deviation = ((actual - exp.value) / Math.abs(exp.value)) * (dir === 'decrease' ? -1 : 1);
  return result(band(deviation, opts.tolerance, lagBand), null);
}
