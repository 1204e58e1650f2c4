// What the rows above an appendix's table say about the plan: the 附件 label, the title
// (…“十五五”规划主要指标（2026—2030年）), the plan's name and short name, and its period.
import type { GridCell } from './workbook-file';

export interface Period {
  first: number;
  last: number;
}

export interface TitleInfo {
  /** 附件1 as printed, or null */
  label: string | null;
  /** the appendix title as printed (line breaks removed), or null */
  title: string | null;
  cell: string | null;
  /** 2021—2025年 written in the title (or on a line of its own) */
  period: Period | null;
  /** 十四五 … 十九五 named in the title, with the period it stands for */
  fiveYear: { shortName: string; period: Period } | null;
}

const LABEL_RE = /^\s*(附\s*件\s*\d+)\s*[:：]?\s*/;
const PERIOD_RE = /(\d{4})\s*年?\s*[-—–~～至到]+\s*(\d{4})\s*年/;
const FIVE_YEAR_RE = /十([一二三四五六七八九])五/;
const DIGITS = '一二三四五六七八九';

/** The N-th five-year plan's years: the 3rd began in 1966, every one since has lasted five years. */
export function fiveYearPeriod(n: number): Period {
  const first = 1966 + 5 * (n - 3);
  return { first, last: first + 4 };
}

/** 十四五 for 2021–2025, 十五五 for 2026–2030; null for a period that is not one of them. */
export function fiveYearName(p: Period): string | null {
  const n = (p.first - 1966) / 5 + 3;
  if (!Number.isInteger(n) || n < 11 || n > 19 || p.last !== p.first + 4) return null;
  return `十${DIGITS[n - 11]}五`;
}

function periodIn(text: string): Period | null {
  const m = PERIOD_RE.exec(text.normalize('NFKC'));
  if (!m) return null;
  const p = { first: Number(m[1]), last: Number(m[2]) };
  return p.first <= p.last ? p : null;
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, '').trim();

export function readTitle(rows: GridCell[][], headerRow: number): TitleInfo {
  const info: TitleInfo = { label: null, title: null, cell: null, period: null, fiveYear: null };
  const candidates: { text: string; cell: string }[] = [];
  for (let r = 0; r < headerRow; r++) {
    for (const c of rows[r] ?? []) {
      if (c.kind !== 'text' || c.text.trim() === '') continue;
      let text = oneLine(c.text);
      const label = LABEL_RE.exec(text);
      if (label) {
        info.label ??= label[1]!.replace(/\s+/g, '');
        text = text.slice(label[0].length).trim();
      }
      if (text === '') continue;
      info.period ??= periodIn(text);
      // "单位：万户" and the like are not the title
      if (!/^(?:单位|填报单位|制表|日期)\s*[:：]/.test(text)) candidates.push({ text, cell: c.address });
    }
  }
  const title =
    candidates.find((c) => /指标|规划/.test(c.text) && !/^[（(][^）)]*[）)]$/.test(c.text)) ??
    candidates.find((c) => !/^[（(][^）)]*[）)]$/.test(c.text)) ??
    null;
  if (title) {
    info.title = title.text;
    info.cell = title.cell;
    const m = FIVE_YEAR_RE.exec(title.text);
    if (m) {
      const n = 10 + DIGITS.indexOf(m[1]!) + 1;
      info.fiveYear = { shortName: m[0], period: fiveYearPeriod(n) };
    }
  }
  return info;
}

/**
 * The plan's name from its appendix's title: the period and the words naming the table go, and 规划 stays or is
 * added — 磐安县市场监督管理“十四五”主要目标指标（2021-2025年） → 磐安县市场监督管理“十四五”规划.
 */
export function planTitleFrom(appendixTitle: string): string {
  let t = appendixTitle
    .trim()
    .replace(/[（(]\s*\d{4}\s*年?\s*[-—–~～至到]+\s*\d{4}\s*年?\s*[）)]$/, '')
    .trim();
  t = t.replace(/(?:期间)?(?:的)?(?:主要)?(?:目标)?指标(?:体系)?(?:一览)?表?$/, '').trim();
  t = t.replace(/(?:期间|的)$/, '');
  return /规划$/.test(t) ? t : `${t}规划`;
}
