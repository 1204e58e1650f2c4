// The form behind 新建规划 and 新建下一期: its values, the checks made before anything is sent (the same rules the
// core applies, said in Chinese next to the field), and the plan/create · plan/clone metadata it becomes.
import type { TFunction } from 'i18next';
import type { ArgsIn } from '../../../../shared/api';

export type PlanMetaArgs = ArgsIn<'plan/create'>['plan'];

export interface PlanFormValues {
  title: string;
  shortName: string;
  firstYear: number | null;
  lastYear: number | null;
  baseYear: number | null;
  /** one issuer per line */
  issuers: string;
  /** 新建规划 only: one category per line */
  categories?: string;
}

/** Longest plan period the core accepts (years after the first). */
export const MAX_PLAN_SPAN = 20;
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2200;

export const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** What is wrong with the period, per field (null when nothing). */
export function periodErrors(
  v: Pick<PlanFormValues, 'firstYear' | 'lastYear' | 'baseYear'>,
  t: TFunction,
): { lastYear: string | null; baseYear: string | null } {
  const { firstYear, lastYear, baseYear } = v;
  let last: string | null = null;
  if (firstYear !== null && lastYear !== null) {
    if (lastYear < firstYear) last = t('plans.form.lastBeforeFirst');
    else if (lastYear - firstYear > MAX_PLAN_SPAN) last = t('plans.form.tooLong', { max: MAX_PLAN_SPAN });
  }
  const base = firstYear !== null && baseYear !== null && baseYear >= firstYear ? t('plans.form.baseNotBefore') : null;
  return { lastYear: last, baseYear: base };
}

/** Lines that are too long, too many or repeated, as a message; null when the list is fine. */
export function listError(
  items: string[],
  opts: { max: number; maxLength: number; unique?: boolean },
  t: TFunction,
): string | null {
  if (items.length > opts.max) return t('plans.form.tooManyLines', { max: opts.max });
  if (items.some((i) => i.length > opts.maxLength)) return t('plans.form.lineTooLong', { max: opts.maxLength });
  if (opts.unique && new Set(items).size !== items.length) return t('plans.form.duplicateLines');
  return null;
}

/** The validated form as the contract's plan metadata. */
export function toPlanMeta(v: PlanFormValues): PlanMetaArgs {
  return {
    title: v.title.trim(),
    shortName: v.shortName.trim(),
    firstYear: v.firstYear!,
    lastYear: v.lastYear!,
    baseYear: v.baseYear ?? null,
    issuers: lines(v.issuers),
  };
}
