// Turns a file a clerk picked into the cells of its sheets, or into one Chinese sentence saying why it cannot be read.
// Everything cheap is checked before parsing (workbook-guard.ts): the file's kind by its first bytes (a legacy .xls,
// an encrypted workbook, a PDF, a CSV renamed to .xlsx), the zip's structure and declared sizes, the real unpacked
// sizes of the parts read (zip bombs that lie), DOCTYPE/ENTITY, nesting, rows, cells, merged ranges and strings.
// exceljs then parses only a cleaned copy of those parts; what it still cannot read is explained by
// workbook-diagnose.ts. A limit exceljs can only tell after parsing (the last row and column, a cell's length) is
// checked on the parsed sheets.
import ExcelJS from 'exceljs';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/import';
import { explainLoadFailure, UNREADABLE } from './workbook-diagnose';
import { guardWorkbook, LIMITS } from './workbook-guard';

export { LIMITS } from './workbook-guard';

export type CellKind = 'empty' | 'number' | 'text' | 'formula' | 'date' | 'error' | 'bool';

export interface GridCell {
  /** A1 style */
  address: string;
  kind: CellKind;
  /** the number or text as the clerk sees it (for formulas: the formula) */
  text: string;
  /** the raw number of a number cell */
  number?: number;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c], 0-based; only rows up to the last one with content */
  rows: GridCell[][];
}

export type ReadResult = { ok: true; sheets: SheetGrid[] } | { ok: false; message: string };

/** Column letters for a 1-based column number. */
export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Up to 15 significant digits, then the shortest form: 0.1 + 0.2 reads back as 0.3, as Excel shows it. */
export function numberText(n: number, numFmt: string | undefined): string {
  const fmt = numFmt ?? 'General';
  const percent = /%/.test(fmt.replace(/"[^"]*"/g, ''));
  const v = percent ? n * 100 : n;
  const fixed = /0\.(0+)(?![0#])/.exec(fmt.replace(/"[^"]*"/g, ''));
  const body = fixed ? v.toFixed(fixed[1]!.length) : String(Number(v.toPrecision(15)));
  return percent ? `${body}%` : body;
}

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join('');
}

function toCell(cell: ExcelJS.Cell, address: string): GridCell {
  const v = cell.value as unknown;
  if (v === null || v === undefined || v === '') return { address, kind: 'empty', text: '' };
  if (typeof v === 'number') return { address, kind: 'number', text: numberText(v, cell.numFmt), number: v };
  if (typeof v === 'string') return { address, kind: v.trim() === '' ? 'empty' : 'text', text: v };
  if (typeof v === 'boolean') return { address, kind: 'bool', text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { address, kind: 'date', text: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      return { address, kind: 'formula', text: `=${String(o.formula ?? o.sharedFormula ?? '')}` };
    }
    if ('error' in o) return { address, kind: 'error', text: String(o.error) };
    if (Array.isArray(o.richText)) {
      const t = richText(o as { richText: { text: string }[] });
      return { address, kind: t.trim() === '' ? 'empty' : 'text', text: t };
    }
    if (typeof o.text === 'string') return { address, kind: 'text', text: o.text };
  }
  return { address, kind: 'text', text: String(v) };
}

/** The parsed workbook as grids, or why not: a sheet too large, a cell longer than Excel allows. */
function grids(wb: ExcelJS.Workbook): ReadResult {
  const sheets: SheetGrid[] = [];
  for (const ws of wb.worksheets) {
    // columnCount walks every row: read once, not once per cell.
    const rowCount = ws.rowCount;
    const columnCount = ws.columnCount;
    if (rowCount > LIMITS.rows || columnCount > LIMITS.columns) {
      return {
        ok: false,
        message: `工作表“${ws.name}”有 ${rowCount} 行、${columnCount} 列，远超一份填报表的大小，未读取。`,
      };
    }
    const rows: GridCell[][] = [];
    let tooLong: GridCell | null = null;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: GridCell[] = [];
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c);
        // A merged cell's followers repeat nothing: only the master carries the value.
        const g =
          cell.isMerged && cell.master !== cell
            ? { address: cell.address, kind: 'empty' as const, text: '' }
            : toCell(cell, `${columnName(c)}${r}`);
        if (g.text.length > LIMITS.cellChars) tooLong ??= g;
        cells.push(g);
      }
      rows[r - 1] = cells;
    });
    if (tooLong) {
      const { address, text } = tooLong as GridCell;
      return {
        ok: false,
        message: `工作表“${ws.name}”的单元格 ${address} 有 ${text.length} 个字符，超过 Excel 单元格最多 ${LIMITS.cellChars} 个字符的上限，文件异常，未读取。`,
      };
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    sheets.push({ name: ws.name, rows });
  }
  if (sheets.every((s) => s.rows.length === 0)) return { ok: false, message: '工作簿是空的，没有任何内容。' };
  return { ok: true, sheets };
}

/** The guarded workbook parsed by exceljs; the guard's copies are dropped when this returns. */
async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook | { message: string }> {
  const guarded = guardWorkbook(bytes);
  if (!guarded.ok) return guarded;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(guarded.zip as unknown as ArrayBuffer);
    return wb;
  } catch {
    return { message: await explainLoadFailure(guarded) };
  }
}

export async function readWorkbook(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength === 0) return { ok: false, message: '文件是空的（0 字节），可能保存或拷贝时出了问题。' };
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
    return { ok: false, message: '文件超过 20 MB，不像是一份填报表，未读取。' };
  }
  const wb = await load(bytes);
  if (!(wb instanceof ExcelJS.Workbook)) return { ok: false, message: wb.message };
  try {
    return grids(wb);
  } catch {
    return { ok: false, message: UNREADABLE };
  }
}
