// How the 年度监测 page writes computed figures. Values clerks typed are shown as written elsewhere; only numbers
// the app computes (rates, interpolated targets) are formatted here.
import type { Indicator } from '../../../../shared/model';

/** A fraction as a percentage with one decimal: 0.6072 → "60.7%"; null when there is nothing to show. */
export function formatPercent(fraction: number | null): string | null {
  if (fraction === null || !Number.isFinite(fraction)) return null;
  const text = (fraction * 100).toFixed(1);
  return `${text === '-0.0' ? '0.0' : text}%`;
}

/** A computed number rounded to `decimals`, trailing zeros dropped: 4.0100 → "4.01". */
export function formatNumber(value: number | null, decimals: number): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const fixed = value.toFixed(decimals);
  const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return text === '-0' ? '0' : text;
}

/** Decimals that keep three significant digits of `value` (0.2267 → 3, 95.33 → 1, 11200 → 0). */
function significantDecimals(value: number): number {
  if (value === 0) return 0;
  return Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
}

/**
 * A number the app computed for an indicator (an interpolated target, a running total): as precise as the plan's
 * own figures for it, and at least three significant digits so it never looks equal to a neighbouring target it
 * only rounds to (0.2267 → "0.227", not "0.23"); at most 4 decimals.
 */
export function formatComputed(value: number | null, ind: Indicator): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  const written = Math.max(ind.base?.decimals ?? 0, ...ind.values.map((v) => v.decimals ?? 0));
  return formatNumber(value, Math.min(4, Math.max(written, significantDecimals(value))));
}
