// Turns a file a clerk picked into the cells of its sheets, or into one Chinese sentence saying why it cannot be read.
// Everything cheap is checked before parsing: the file's kind by its first bytes (a legacy .xls, an encrypted
// workbook, a PDF, a CSV renamed to .xlsx), and the zip's declared sizes (zip bombs, huge sheets).
import ExcelJS from 'exceljs';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/import';
import { inspectZip } from './zip-inspect';

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

/** Limits checked on the zip's central directory, before anything is inflated. */
export const LIMITS = {
  totalUncompressed: 200 * 1024 * 1024,
  sheetUncompressed: 40 * 1024 * 1024,
  ratio: 200,
  rows: 20_000,
  columns: 200,
} as const;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Why bytes that are not a zip are not a workbook, in the clerk's words. */
function sniffNonZip(bytes: Uint8Array): string {
  if (startsWith(bytes, OLE)) {
    // An encrypted .xlsx is an OLE container holding an "EncryptedPackage" stream (UTF-16 name).
    const marker = Buffer.from('EncryptedPackage', 'utf16le');
    return Buffer.from(bytes).includes(marker)
      ? '文件设置了打开密码（已加密），无法读取。请在 Excel/WPS 中取消密码后另存为 .xlsx 再导入。'
      : '这是旧版 Excel（.xls）文件。请在 Excel/WPS 中“另存为”Excel 工作簿（.xlsx）后再导入。';
  }
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  if (head.startsWith('%PDF')) return '这是 PDF 文件，不是 Excel 工作簿。请导入 .xlsx 格式的填报表。';
  if (/^\s*<(?:\?xml|html|table)/i.test(head)) {
    return '这是网页或 XML 格式的表格（可能是另存为“网页”的文件），不是 .xlsx 工作簿。请另存为 Excel 工作簿后再导入。';
  }
  const sample = bytes.subarray(0, 4096);
  const binary = sample.some((b) => b === 0);
  if (!binary) return '这是文本文件（可能是 CSV），不是 Excel 工作簿。请在 Excel/WPS 中另存为 .xlsx 后再导入。';
  return '不是 Excel 工作簿（.xlsx），无法读取。';
}

function checkZip(bytes: Uint8Array): string | null {
  const z = inspectZip(bytes);
  if (!z.ok) {
    if (z.reason === 'not_zip') return sniffNonZip(bytes);
    if (z.reason === 'zip64') return '文件过大或结构异常（ZIP64），不像是一份填报表，未读取。';
    return '文件已损坏（压缩结构不完整，可能下载或拷贝不完整），无法读取。请重新获取该文件。';
  }
  const names = new Set(z.entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    if (names.has('word/document.xml')) return '这是 Word 文档，不是 Excel 工作簿。';
    return '这是一个压缩包，但不是 Excel 工作簿（.xlsx），无法读取。';
  }
  let total = 0;
  for (const e of z.entries) {
    total += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed > e.compressed * LIMITS.ratio) {
      return '文件解压后异常巨大（疑似“压缩炸弹”），为安全起见未读取。';
    }
    if (/^xl\/worksheets\/.*\.xml$/.test(e.name) && e.uncompressed > LIMITS.sheetUncompressed) {
      return '工作表过大（远超一份填报表的行数），未读取。请只保留需要导入的表格。';
    }
  }
  if (total > LIMITS.totalUncompressed) return '文件解压后过大，不像是一份填报表，未读取。';
  return null;
}

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

export async function readWorkbook(bytes: Uint8Array): Promise<ReadResult> {
  if (bytes.byteLength === 0) return { ok: false, message: '文件是空的（0 字节），可能保存或拷贝时出了问题。' };
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) {
    return { ok: false, message: '文件超过 20 MB，不像是一份填报表，未读取。' };
  }
  const refused = checkZip(bytes);
  if (refused) return { ok: false, message: refused };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return {
      ok: false,
      message: '文件已损坏或不是有效的 Excel 工作簿，无法读取。请在 Excel/WPS 中打开确认后重新保存。',
    };
  }
  const sheets: SheetGrid[] = [];
  for (const ws of wb.worksheets) {
    if (ws.rowCount > LIMITS.rows || ws.columnCount > LIMITS.columns) {
      return {
        ok: false,
        message: `工作表“${ws.name}”有 ${ws.rowCount} 行、${ws.columnCount} 列，远超一份填报表的大小，未读取。`,
      };
    }
    const rows: GridCell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: GridCell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const cell = row.getCell(c);
        // A merged cell's followers repeat nothing: only the master carries the value.
        cells.push(
          cell.isMerged && cell.master !== cell
            ? { address: cell.address, kind: 'empty', text: '' }
            : toCell(cell, `${columnName(c)}${r}`),
        );
      }
      rows[r - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    sheets.push({ name: ws.name, rows });
  }
  if (sheets.every((s) => s.rows.length === 0)) return { ok: false, message: '工作簿是空的，没有任何内容。' };
  return { ok: true, sheets };
}
