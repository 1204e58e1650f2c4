// Parsing and printing of the values clerks and plans write for indicators ("≥95", "88%以上", "3万户左右").
// The verbatim text is always kept; the parsed parts only exist so values can be compared and re-printed.
// Pure TypeScript: shared by main, renderer and tests, so no node:* or DOM APIs here.

import type { Comparator, ParsedValue } from './model';

// Full-width forms the Chinese IME produces; mapped one-to-one so a clerk's "３.５％" means the same as "3.5%".
const CHAR_MAP: Record<string, string> = {
  '．': '.',
  '，': ',',
  '％': '%',
  '＞': '>',
  '＜': '<',
  '＝': '=',
  '＋': '+',
  '－': '-',
  '−': '-',
};

// Longest tokens first, so "不低于" / ">=" win over "<" / "=" that could match a shorter prefix.
const PREFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ['不低于', '>='],
  ['不少于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['>=', '>='],
  ['<=', '<='],
  ['≥', '>='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
  ['约', '~'],
];

// "以内" before the bare "内" so "5以内" does not leave "以" behind as a unit.
const SUFFIXES: ReadonlyArray<readonly [string, Comparator]> = [
  ['以上', '>='],
  ['以下', '<='],
  ['以内', '<='],
  ['左右', '~'],
  ['内', '<='],
];

// Plain digits, or correctly grouped thousands ("10,200"); a bad grouping such as "1,23" only matches "1",
// and the leftover ",23" is then refused as a unit. No nested quantifiers, so long inputs stay linear.
const NUMBER_RE = /^([1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d+))?/;

// A unit is words only: digits, separators, signs or comparators in it mean the text is something like
// "95-98" or "1.2.3", which we must not silently read as a single number. A unit still ending in "内" after
// the suffix was taken ("9内内") would print back as "≤9内" and re-read differently, so it is refused too.
const BAD_UNIT_RE = /[\p{Nd}.,+\-<>=≥≤~]|以上|以下|以内|左右|不低于|不少于|不高于|不超过|内$/u;

function normalise(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[．，％＞＜＝＋－−]/g, (c) => CHAR_MAP[c] ?? c)
    .replace(/\s+/gu, '');
}

function notEvaluable(text: string): ParsedValue {
  return { text, comparator: null, number: null, decimals: null, unit: null, evaluable: false };
}

export function parseValue(text: string): ParsedValue {
  let s = normalise(text);

  let prefix: Comparator | null = null;
  const p = PREFIXES.find(([tok]) => s.startsWith(tok));
  if (p) {
    prefix = p[1];
    s = s.slice(p[0].length);
  }

  let sign = '';
  if (s.startsWith('+') || s.startsWith('-')) {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1);
  }

  const m = NUMBER_RE.exec(s);
  if (!m) return notEvaluable(text);
  const intPart = m[1]!.replace(/,/g, '');
  const frac = m[2] ?? '';
  s = s.slice(m[0].length);

  let suffix: Comparator | null = null;
  const q = SUFFIXES.find(([tok]) => s.endsWith(tok));
  if (q) {
    suffix = q[1];
    s = s.slice(0, s.length - q[0].length);
  }

  if (BAD_UNIT_RE.test(s)) return notEvaluable(text);
  // "≥95以上" is merely redundant; "≥95以下" or ">95以上" leave the bound unclear, so refuse to guess.
  if (prefix && suffix && prefix !== suffix) return notEvaluable(text);

  // `+ 0` turns "-0" into 0 so equality checks and printing never see a negative zero.
  const n = Number(sign + intPart + (frac ? '.' + frac : '')) + 0;
  // A few hundred digits overflow to Infinity; such a value cannot be compared meaningfully.
  if (!Number.isFinite(n)) return notEvaluable(text);

  return {
    text,
    comparator: prefix ?? suffix,
    number: n,
    decimals: frac.length,
    unit: s === '' ? null : s,
    evaluable: true,
  };
}

/** String(n) without exponent notation: the shortest round-trip digits, written out in full. */
function expand(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[2]! + (m[3] ?? '');
  const point = m[2]!.length + Number(m[4]);
  const body =
    point <= 0
      ? '0.' + '0'.repeat(-point) + digits
      : point >= digits.length
        ? digits + '0'.repeat(point - digits.length)
        : digits.slice(0, point) + '.' + digits.slice(point);
  return m[1]! + body;
}

/** Add one to a string of decimal digits ("0999" → "1000"), keeping any carry. */
function incrementDigits(digits: string): string {
  const a = digits.split('');
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== '9') {
      a[i] = String(Number(a[i]) + 1);
      return a.join('');
    }
    a[i] = '0';
  }
  return '1' + a.join('');
}

export function formatNumber(n: number, decimals: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`formatNumber: not a finite number: ${n}`);
  // No upper cap (unlike toFixed): parseValue reports however many fraction digits the clerk typed.
  if (!Number.isInteger(decimals) || decimals < 0) {
    throw new RangeError(`formatNumber: decimals must be a non-negative integer, got ${decimals}`);
  }
  // Rounding happens on the decimal string rather than the binary value, because the binary value of
  // "1.005" is slightly below it and toFixed would print 1.00 where the clerk expects 1.01.
  const e = expand(n);
  const neg = e.startsWith('-');
  const [int, frac = ''] = (neg ? e.slice(1) : e).split('.') as [string, string?];
  let digits: string;
  if (frac.length <= decimals) {
    digits = int + frac + '0'.repeat(decimals - frac.length);
  } else {
    digits = int + frac.slice(0, decimals);
    if (frac.charCodeAt(decimals) >= 0x35 /* '5' */) digits = incrementDigits(digits); // half away from zero
  }
  const intLen = digits.length - decimals;
  const out = decimals === 0 ? digits : digits.slice(0, intLen) + '.' + digits.slice(intLen);
  // -0, or a tiny negative rounded to zero, must not print a sign: "-0.00" would read as a real value.
  return neg && /[1-9]/.test(digits) ? '-' + out : out;
}

const PREFIX_SYMBOL: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=', '~': '' };

export function formatParsed(v: Pick<ParsedValue, 'comparator' | 'number' | 'decimals' | 'unit'>): string | null {
  if (v.number === null) return null;
  const num =
    v.decimals === null ? formatNumber(v.number, naturalDecimals(v.number)) : formatNumber(v.number, v.decimals);
  const body = num + (v.unit ?? '');
  // "约" is also accepted on input, but "左右" is how the plans print approximate targets.
  if (v.comparator === '~') return body + '左右';
  return (v.comparator ? PREFIX_SYMBOL[v.comparator] : '') + body;
}

function naturalDecimals(n: number): number {
  const frac = expand(n).split('.')[1];
  return frac ? frac.length : 0;
}

const PLAIN_DECIMAL_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

/** A canonical ASCII decimal: what formatNumber prints, so `formatNumber(Number(s), decimals)` gives s back. */
export function isPlainDecimal(text: string): boolean {
  // "-0" / "-0.00" are refused because formatNumber never prints a negative zero.
  return PLAIN_DECIMAL_RE.test(text) && !/^-0(?:\.0+)?$/.test(text);
}
