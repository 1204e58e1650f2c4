// Finds the indicator table in a returned workbook by its header texts and reads the year's 完成值 (and 情况说明)
// of each row, matched to the plan's indicators by 序号 and name. Knows both the annual submission (主要指标 sheet,
// “当年完成值”, the year in the title) and a section's collection workbook (“2022年完成值”), and tolerates what
// Excel, WPS and LibreOffice re-saves and clerks' hands do to them (spaces, line breaks, full-width characters).
import type { ImportProblem } from '../../shared/import';
import type { Indicator } from '../../shared/model';
import { validateCell } from '../../shared/validate';
import type { GridCell, SheetGrid } from './workbook-file';

const HEADER_SCAN_ROWS = 40;

/** One indicator's cells as read from a sheet. */
export interface ReadRow {
  indicator: Indicator;
  sheet: string;
  /** the value cell; null text = left empty */
  valueCell: string;
  text: string | null;
  noteCell: string | null;
  note: string | null;
}

export interface SheetReading {
  sheet: string;
  kind: 'annual' | 'collection';
  year: number | null;
  rows: ReadRow[];
  /** rows matched to an indicator, including those whose value cell is wrong */
  matched: number;
  problems: ImportProblem[];
}

/** For matching: NFKC (full-width → half-width), no whitespace or line breaks at all. */
export const squash = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '');
/** The name without any parenthesised part (the unit): 在册市场主体总量（万户） → 在册市场主体总量. */
const bare = (s: string): string => squash(s).replace(/\([^()]*\)/g, '');

interface Columns {
  header: number;
  seq: number;
  name: number;
  value: number;
  note: number | null;
  kind: 'annual' | 'collection';
  year: number | null;
}

function findColumns(rows: GridCell[][]): Columns | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const texts = (rows[r] ?? []).map((c) => (c.kind === 'text' ? squash(c.text) : ''));
    const seq = texts.findIndex((t) => t === '序号');
    const name = texts.findIndex((t) => /^(指标名称|主要指标|指标)/.test(t));
    if (seq < 0 || name < 0) continue;
    let value = -1;
    let kind: Columns['kind'] = 'annual';
    let year: number | null = null;
    // A collection workbook also shows last year's 完成值 for reference: the latest year is the one to fill.
    texts.forEach((t, c) => {
      const m = /^(\d{4})年(?:度)?(?:实际)?(?:完成值|实际值|完成情况|实际)/.exec(t);
      if (m && (year === null || Number(m[1]) > year)) {
        value = c;
        kind = 'collection';
        year = Number(m[1]);
      } else if (!m && year === null && value < 0 && /^(当年)?(实际)?完成值/.test(t)) value = c;
    });
    if (value < 0) continue;
    const note = texts.findIndex((t) => t.includes('情况说明') || t === '备注');
    return { header: r, seq, name, value, note: note >= 0 ? note : null, kind, year };
  }
  return null;
}

function yearFromTitle(rows: GridCell[][], above: number): number | null {
  for (let r = 0; r < above; r++) {
    for (const c of rows[r] ?? []) {
      const m = c.kind === 'text' ? /(\d{4})\s*年度/.exec(c.text) : null;
      if (m) return Number(m[1]);
    }
  }
  return null;
}

/** Text of a value cell as it would be stored, or a blocking reason. */
function cellValue(cell: GridCell | undefined, ind: Indicator): { text: string | null } | { error: string } {
  if (!cell || cell.kind === 'empty') return { text: null };
  switch (cell.kind) {
    case 'formula':
      return {
        error: `是公式（${cell.text.slice(0, 40)}），不是填写的数值。请复制该单元格后“选择性粘贴 → 数值”再导入。`,
      };
    case 'date':
      return {
        error: `是日期（${cell.text}），不是数值，可能被 Excel 自动转换了。请把单元格格式设为“常规”后重新填写。`,
      };
    case 'error':
      return { error: `是错误值 ${cell.text}，请改为实际数值。` };
    case 'bool':
      return { error: `是逻辑值 ${cell.text}，请改为实际数值。` };
    case 'number':
      // 95% typed into an Excel cell is 0.95 shown as a percentage; the unit (%) is already in the indicator's name.
      return { text: ind.unit === '%' && cell.text.endsWith('%') ? cell.text.slice(0, -1) : cell.text };
    default: {
      const t = cell.text.trim();
      if (t.length > 200) return { error: `内容过长（${t.length} 个字），不像是一个指标值。` };
      return { text: t === '' ? null : t };
    }
  }
}

/**
 * Reads one sheet. Returns null when the sheet has no recognisable indicator table (e.g. the 十大行动 sheet of the
 * annual workbook), so the caller can tell "another table" from "a table with mistakes".
 */
export function readValuesSheet(sheet: SheetGrid, indicators: Indicator[], file: string): SheetReading | null {
  const cols = findColumns(sheet.rows);
  if (!cols) return null;
  const year = cols.year ?? yearFromTitle(sheet.rows, cols.header);
  const problems: ImportProblem[] = [];
  const problem = (cell: string | null, message: string, severity: ImportProblem['severity'] = 'error') =>
    problems.push({ file, sheet: sheet.name, cell, message, severity });

  const byName = new Map<string, Indicator[]>();
  for (const ind of indicators) {
    for (const key of new Set([squash(ind.printedName), squash(ind.name), bare(ind.printedName)])) {
      byName.set(key, [...(byName.get(key) ?? []), ind]);
    }
  }
  const rows: ReadRow[] = [];
  let matched = 0;
  const seen = new Map<number, string>();
  for (let r = cols.header + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const seqCell = cells[cols.seq];
    const nameCell = cells[cols.name];
    const seq = seqCell && seqCell.kind !== 'empty' ? squash(seqCell.text) : '';
    const name = nameCell && nameCell.kind === 'text' ? nameCell.text : '';
    if (name.trim() === '') continue; // spacer rows, notes under the table, category rows without a name
    const candidates = byName.get(squash(name)) ?? byName.get(bare(name)) ?? [];
    const ind = candidates.length === 1 ? candidates[0] : candidates.find((i) => squash(i.seq) === seq);
    const where = nameCell?.address ?? null;
    if (!ind) {
      problem(where, `第 ${r + 1} 行的指标“${name.trim()}”在规划中找不到（名称须与规划一致），该行未导入。`);
      continue;
    }
    const earlier = seen.get(ind.id);
    if (earlier) {
      problem(where, `指标“${ind.name}”在本表中出现了两次（另见 ${earlier}），该行未导入。`);
      continue;
    }
    seen.set(ind.id, where ?? '');
    matched++;
    const valueCell = cells[cols.value];
    const address = valueCell?.address ?? `${String.fromCharCode(65 + cols.value)}${r + 1}`;
    const read = cellValue(valueCell, ind);
    if ('error' in read) {
      problem(address, `“${ind.name}”的完成值${read.error}`);
      continue;
    }
    const noteCell = cols.note === null ? undefined : cells[cols.note];
    const note = noteCell && noteCell.kind === 'text' && noteCell.text.trim() !== '' ? noteCell.text.trim() : null;
    if (read.text !== null && year !== null) {
      for (const issue of validateCell(read.text, { indicator: ind, year, kind: 'actual' })) {
        problem(address, describeIssue(ind.name, read.text, issue.code, issue.params), 'warning');
      }
    }
    rows.push({
      indicator: ind,
      sheet: sheet.name,
      valueCell: address,
      text: read.text,
      noteCell: noteCell?.address ?? null,
      note: note !== null && note.length > 2000 ? note.slice(0, 2000) : note,
    });
  }
  return { sheet: sheet.name, kind: cols.kind, year, rows, matched, problems };
}

function describeIssue(name: string, text: string, code: string, params: Record<string, string | number>): string {
  switch (code) {
    case 'not_number':
      return `“${name}”的完成值“${text}”不是可比较的数值，将按原文保存，但无法自动评价。`;
    case 'percent_over_100':
      return `“${name}”的完成值 ${text} 超过 100%，请核对。`;
    case 'too_many_decimals':
      return `“${name}”的完成值“${text}”小数位多于规划通常使用的 ${params.usual} 位，请核对。`;
    default:
      return `“${name}”的完成值 ${text} 与上一年（${params.previous}）相差超过 ${params.factor} 倍，请核对。`;
  }
}
