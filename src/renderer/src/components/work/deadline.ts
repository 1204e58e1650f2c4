// 完成期限 as clerks write it: a year, a month or a day (2025, 2025-06, 2025-06-30). Common variants
// (2025/6, 2025.6.30, 2025年6月30日) are rewritten to that form; impossible months and days are refused.

// 年 / 月 / 日 written as escapes so this file holds no Chinese literals.
const SEPARATORS = /[./\u5e74\u6708]/g;
const DAY_SUFFIX = /\u65e5$/;

/** Rewrites what was typed into YYYY, YYYY-MM or YYYY-MM-DD where possible; otherwise returns it trimmed. */
export function normalizeDeadline(input: string): string {
  const s = input.trim().replace(DAY_SUFFIX, '').replace(SEPARATORS, '-').replace(/-$/, '');
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s);
  if (!m) return input.trim();
  const pad = (part: string) => part.padStart(2, '0');
  return [m[1], m[2] && pad(m[2]), m[3] && pad(m[3])].filter(Boolean).join('-');
}

/** True for '' (no deadline) and for a real year, month or day. */
export function isValidDeadline(text: string): boolean {
  if (text === '') return true;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1949 || year > 2200) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}
