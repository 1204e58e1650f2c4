// Layout rules for the xlsx exporter that do not need exceljs: fonts, page geometry, sheet names, row heights.
// Kept separate so the rules can be unit-tested and reused by whoever reads the numbers (e.g. a preview).

/**
 * Fonts, named exactly as Windows / WPS install them so Excel and WPS pick the real face:
 * - label "附件1": 黑体 3号 (16 pt), as GB/T 9704 prescribes;
 * - title: 宋体 bold 18 pt. 方正小标宋 is the official face but is missing on most office PCs (Excel would then
 *   substitute an arbitrary font); bold 宋体 ships with every Windows and gives the same heavy look. 18 pt (小二)
 *   rather than 22 pt keeps a typical appendix title on one line above a 90-character-wide table;
 * - header: 黑体 12 pt bold, set apart from the body the way printed appendix tables do it;
 * - body: 仿宋 12 pt (小四), the common practice for tables in official documents. '仿宋' rather than
 *   '仿宋_GB2312' because Windows 10/11 ship 仿宋 (simfang.ttf) while 仿宋_GB2312 is an optional install.
 * charset 134 (GB2312) is what Excel itself writes for these faces; it steers font substitution on machines that
 * lack the face towards a Chinese font.
 */
const GB2312 = 134;
export const FONTS = {
  label: { name: '黑体', size: 16, charset: GB2312 },
  title: { name: '宋体', size: 18, bold: true, charset: GB2312 },
  header: { name: '黑体', size: 12, bold: true, charset: GB2312 },
  body: { name: '仿宋', size: 12, charset: GB2312 },
  note: { name: '仿宋', size: 12, charset: GB2312 },
} as const;

const CM_PER_INCH = 2.54;
const inch = (cm: number): number => Math.round((cm / CM_PER_INCH) * 10000) / 10000;

/**
 * GB/T 9704 margins (top 37 mm, bottom 35, left 28, right 26), in inches as Excel stores them. The footer sits about
 * 7 mm below the type area, i.e. ~2.3 cm from the paper's bottom edge.
 */
export const MARGINS = {
  top: inch(3.7),
  bottom: inch(3.5),
  left: inch(2.8),
  right: inch(2.6),
  header: inch(1.5),
  footer: inch(2.3),
} as const;

/** Page number as "— 1 —" in 宋体 14 pt (4号), centred; &P is Excel's page-number section code. */
// GB/T 9704 page numbers: 4号 宋体 `— n —`, odd pages at the right, even pages at the left.
const PAGE_NUMBER = '&"宋体,Regular"&14— &P —';
export const ODD_FOOTER = `&R${PAGE_NUMBER}`;
export const EVEN_FOOTER = `&L${PAGE_NUMBER}`;

/** Excel's hard limits: a row is at most 409 pt high, a cell holds at most 32,767 characters. */
export const MAX_ROW_HEIGHT = 409;
export const MAX_CELL_CHARS = 32767;

// ---------------------------------------------------------------- sheet names

const SHEET_NAME_MAX = 31;

/** Cut to at most `max` UTF-16 units without splitting a surrogate pair (Excel counts UTF-16 units). */
function cut(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * Valid, unique sheet names: Excel refuses []:*?/\, names over 31 characters, a leading/trailing apostrophe and
 * the reserved "History"; names are unique case-insensitively. Apostrophes are replaced everywhere because exceljs
 * writes print-title references as '<name>'!$3:$3 without doubling them, which Excel would repair.
 */
export function uniqueSheetNames(wanted: string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w, i) => {
    let base = stripInvalidXml(w)
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/'/g, '’')
      .replace(/\s+/g, ' ')
      .trim();
    if (base === '' || base.toLowerCase() === 'history') base = base === '' ? `Sheet${i + 1}` : `${base}_`;
    base = cut(base, SHEET_NAME_MAX);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `(${n})`;
      name = cut(base, SHEET_NAME_MAX - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

// ---------------------------------------------------------------- text

/* eslint-disable no-control-regex -- matching control characters is the point */
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Characters XML 1.0 cannot carry (control codes, lone surrogates): a file containing them does not open. */
export function stripInvalidXml(s: string): string {
  return s.replace(INVALID_XML, '');
}

/** Text safe for a cell: valid XML, at most Excel's 32,767 characters. */
export function cellText(s: string): string {
  const clean = stripInvalidXml(s);
  return clean.length > MAX_CELL_CHARS ? cut(clean, MAX_CELL_CHARS - 1) + '…' : clean;
}

// ---------------------------------------------------------------- widths and heights

/**
 * Pixels (96 dpi) of a column of Excel width `w`. The unit is the default font's digit width (7 px for Calibri 11,
 * which exceljs makes the workbook default) plus 5 px of padding.
 */
export function columnPixels(w: number): number {
  return Math.floor(w * 7 + 5);
}

/**
 * Width of one character in ems. CJK and full-width forms are 1 em. Everything from U+1100 up is treated as wide,
 * which also covers “”—…≥ that Chinese fonts draw full-width; Latin letters and digits are ~half an em (a little more
 * in proportional fallback fonts such as Noto, hence 0.55).
 */
function ems(cp: number): number {
  return cp >= 0x1100 ? 1 : 0.55;
}

/**
 * Lines a wrapped cell needs: greedy character-by-character wrapping of each paragraph into the usable width
 * (cell pixels minus padding, with 5% slack for fonts wider than assumed, kerning and CJK line-breaking rules that
 * push a character to the next line). Overestimating costs some white space; underestimating hides text.
 */
export function wrappedLines(text: string, widthPx: number, sizePt: number): number {
  const emPx = (sizePt * 96) / 72;
  const usable = Math.max(emPx, (widthPx - 6) * 0.95);
  let lines = 0;
  for (const para of text.split(/\r\n|\r|\n/)) {
    let line = 0;
    let count = 1;
    for (const ch of para) {
      const w = ems(ch.codePointAt(0)!) * emPx;
      if (line > 0 && line + w > usable) {
        count++;
        line = 0;
      }
      line += w;
    }
    lines += count;
  }
  return lines;
}

/**
 * Line pitch: 1.45 em is the line height of Noto Sans/Serif CJK, the faces LibreOffice and WPS fall back to on
 * Linux / 信创 machines; 宋体/仿宋 on Windows need ~1.3 em, so Excel shows a little extra air instead of clipping.
 */
const LINE_EM = 1.45;
/** Top + bottom cell padding in points. */
const ROW_PAD = 5;

/** Row height (pt) for `lines` lines of a `sizePt` font, capped at Excel's 409 pt. */
export function rowHeightFor(lines: number, sizePt: number): number {
  const h = Math.ceil((lines * sizePt * LINE_EM + ROW_PAD) * 4) / 4;
  return Math.min(MAX_ROW_HEIGHT, h);
}

/** Height (pt) a text needs in a cell `widthPx` wide. */
export function textHeight(text: string, widthPx: number, sizePt: number): number {
  return rowHeightFor(wrappedLines(text, widthPx, sizePt), sizePt);
}

// ---------------------------------------------------------------- input cells

/** Excel's limits on a data validation's texts: longer ones make it repair the file. */
export const VALIDATION_LIMITS = { title: 32, message: 255 } as const;

/**
 * Text for a data validation's title or message: valid XML, on one line (exceljs writes attributes with raw line
 * breaks, which XML readers turn into spaces anyway), at most `max` UTF-16 units.
 */
export function validationText(s: string, max: number): string {
  const one = stripInvalidXml(s)
    .replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ')
    .trim();
  return one.length > max ? cut(one, max - 1) + '…' : one;
}

/**
 * Whether the General format shows `value` with exactly `decimals` digits: 3.52 with 2 yes, 3.5 with 2 no (General
 * drops trailing zeros), 1e-8 no (General switches to scientific notation). General shows at most 11 characters.
 */
export function isGeneralExact(value: number, decimals: number): boolean {
  const fixed = value.toFixed(decimals);
  return fixed.length <= 11 && String(value) === fixed;
}
