// The next planning period, as 由此规划新建下一期 suggests it: 十四五 (2021–2025) → 十五五 (2026–2030), the same length,
// base year = the old plan's last year, the title with the new short name and years. Pure, so it is easy to test.
import type { PlanMeta } from '../../../../shared/model';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 14 → 十四, 20 → 二十 (1–99); other numbers as digits. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return (tens === 1 ? '' : DIGITS[tens]!) + '十' + (n % 10 === 0 ? '' : DIGITS[n % 10]!);
}

/** 十四 → 14, 二十 → 20, 七 → 7; null for anything else. */
export function parseChineseNumber(text: string): number | null {
  const digit = (c: string | undefined) => (c === undefined ? -1 : DIGITS.indexOf(c));
  if (/^[一二三四五六七八九]$/.test(text)) return digit(text);
  const m = /^([二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (!m) return null;
  return (m[1] ? digit(m[1]) : 1) * 10 + (m[2] ? digit(m[2]) : 0);
}

/** 十四五 → 十五五, “十三五” → “十四五”; null when the name is not an ordinal five-year plan. */
export function nextShortName(shortName: string): string | null {
  const m = /^(.*?)([一二三四五六七八九十]+)五(.*)$/.exec(shortName);
  if (!m) return null;
  const n = parseChineseNumber(m[2]!);
  if (n === null || n >= 99) return null;
  return `${m[1]}${chineseNumber(n + 1)}五${m[3]}`;
}

export interface Period {
  firstYear: number;
  lastYear: number;
  baseYear: number;
}

/** The period right after `plan`, of the same length, with the old last year as its base year. */
export function nextPeriod(plan: Pick<PlanMeta, 'firstYear' | 'lastYear'>): Period {
  const firstYear = plan.lastYear + 1;
  return { firstYear, lastYear: firstYear + (plan.lastYear - plan.firstYear), baseYear: plan.lastYear };
}

/** The old title with the new short name and period (2021-2025, 2021—2025 and 2021年-2025年 are all recognised). */
export function nextTitle(
  title: string,
  old: Pick<PlanMeta, 'shortName' | 'firstYear' | 'lastYear'>,
  next: { shortName: string | null; firstYear: number; lastYear: number },
): string {
  let out = title;
  if (next.shortName && old.shortName) out = out.split(old.shortName).join(next.shortName);
  const range = new RegExp(`${old.firstYear}(年?\\s*[-—–~～至到]\\s*)${old.lastYear}`, 'g');
  out = out.replace(range, (_m, sep: string) => `${next.firstYear}${sep}${next.lastYear}`);
  return out;
}

export interface ClonePrefill extends Period {
  title: string;
  shortName: string;
  issuers: string[];
}

/** Everything 新建下一期 fills in for the clerk from the old plan. */
export function clonePrefill(plan: Pick<PlanMeta, 'title' | 'shortName' | 'firstYear' | 'lastYear' | 'issuers'>) {
  const period = nextPeriod(plan);
  const shortName = nextShortName(plan.shortName);
  return {
    ...period,
    shortName: shortName ?? '',
    title: nextTitle(plan.title, plan, { shortName, ...period }),
    issuers: [...plan.issuers],
  } satisfies ClonePrefill;
}
