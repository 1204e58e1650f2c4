// ReportTables → one xlsx workbook (one sheet per table) that opens cleanly in Excel, WPS and LibreOffice and prints
// as an official appendix: label and title rows, bordered table with true merges, numeric cells that show exactly the
// decimals the plan printed, A4 fit-to-width, repeated header rows, page numbers. Pure: no DB, no Electron.
import ExcelJS from 'exceljs';
import type { Align, ReportCell, ReportMeta, ReportTable } from '../../shared/report';
import {
  FONTS,
  EVEN_FOOTER,
  ODD_FOOTER,
  MARGINS,
  MAX_ROW_HEIGHT,
  cellText,
  columnPixels,
  rowHeightFor,
  textHeight,
  uniqueSheetNames,
} from './xlsx-layout';

const LABEL_ROW = 1;
const TITLE_ROW = 2;
const FIRST_TABLE_ROW = 3;
/** Extra space above the title: GB/T 9704 puts it on the third line, one blank line below the label. */
const TITLE_GAP = 10;
const MAX_DECIMALS = 15;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function renderXlsx(tables: ReportTable[], meta: ReportMeta): Promise<Buffer> {
  // A workbook without sheets is invalid: Excel offers to repair it.
  if (tables.length === 0) throw new Error('renderXlsx: nothing to export (no tables)');
  const wb = new ExcelJS.Workbook();
  setProperties(wb, tables, meta);
  const names = uniqueSheetNames(tables.map((t) => t.sheetName || t.label || t.id));
  tables.forEach((t, i) => writeSheet(wb, t, names[i]!));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function setProperties(wb: ExcelJS.Workbook, tables: ReportTable[], meta: ReportMeta): void {
  const one = tables.length === 1 ? tables[0]! : null;
  wb.creator = meta.author;
  wb.lastModifiedBy = meta.author;
  wb.company = meta.author;
  wb.title = one ? `${one.label} ${one.title}` : `${meta.subject} 附件`;
  wb.subject = meta.subject;
  wb.keywords = ['规划附件', ...tables.map((t) => `${t.label} ${t.title}`)].join('; ');
  wb.category = '规划附件';
  wb.description = `PlanDesk 导出：${tables.map((t) => t.label).join('、')}`;
  // Pinned by the caller so two exports of the same plan are identical.
  wb.created = meta.now;
  wb.modified = meta.now;
}

/** A cell of the table grid after spans have been resolved. */
interface Placed {
  cell: ReportCell;
  row: number; // 0-based within the grid (header rows then body rows)
  col: number;
  rowSpan: number;
  colSpan: number;
  header: boolean;
}

/**
 * Resolve spans into non-overlapping rectangles. Spans are clipped to their section (a body merge never reaches into
 * the header, which is repeated on every page) and to the column count; a span that would overlap an earlier one
 * falls back to a single cell, because overlapping merges make Excel repair the file.
 */
function place(t: ReportTable, ncol: number): { placed: Placed[]; nrows: number } {
  const sections = [
    { rows: t.header, header: true },
    { rows: t.rows.map((r) => r.cells), header: false },
  ];
  const taken = new Set<string>();
  const placed: Placed[] = [];
  let base = 0;
  for (const { rows, header } of sections) {
    rows.forEach((cells, r) => {
      for (let c = 0; c < ncol; c++) {
        const cell = cells[c];
        if (!cell || taken.has(`${base + r},${c}`)) continue;
        let rowSpan = Math.max(1, Math.min(Math.floor(cell.rowSpan ?? 1) || 1, rows.length - r));
        let colSpan = Math.max(1, Math.min(Math.floor(cell.colSpan ?? 1) || 1, ncol - c));
        const keys: string[] = [];
        for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) keys.push(`${base + r + i},${c + j}`);
        if (keys.some((k) => taken.has(k))) [rowSpan, colSpan] = [1, 1];
        for (const k of rowSpan * colSpan === 1 ? [`${base + r},${c}`] : keys) taken.add(k);
        placed.push({ cell, row: base + r, col: c, rowSpan, colSpan, header });
      }
    });
    base += rows.length;
  }
  return { placed, nrows: base };
}

function writeSheet(wb: ExcelJS.Workbook, t: ReportTable, name: string): void {
  const ncol = Math.max(1, t.columns.length);
  const headerRows = t.header.length;
  const headerEnd = FIRST_TABLE_ROW + headerRows - 1; // last header row (1-based); < FIRST_TABLE_ROW if none
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: t.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      margins: { ...MARGINS },
      horizontalCentered: true,
      ...(headerRows > 0 ? { printTitlesRow: `${FIRST_TABLE_ROW}:${headerEnd}` } : {}),
    },
    headerFooter: { oddFooter: ODD_FOOTER, evenFooter: EVEN_FOOTER, differentFirst: false, differentOddEven: true },
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: Math.max(TITLE_ROW, headerEnd),
        topLeftCell: `A${Math.max(TITLE_ROW, headerEnd) + 1}`,
      },
    ],
  });

  const widths = Array.from({ length: ncol }, (_, i) => {
    const w = t.columns[i]?.width;
    return typeof w === 'number' && Number.isFinite(w) ? Math.min(255, Math.max(1, w)) : 10;
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const px = widths.map(columnPixels);
  const spanPx = (col: number, span: number) => px.slice(col, col + span).reduce((s, p) => s + p, 0);
  const totalPx = spanPx(0, ncol);

  // Row 1: the label, left-aligned, not merged (it may overflow into the empty cells to its right).
  const label = ws.getCell(LABEL_ROW, 1);
  label.value = cellText(t.label) || null;
  label.font = { ...FONTS.label };
  label.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(LABEL_ROW).height = rowHeightFor(1, FONTS.label.size);

  // Row 2: the title across the whole table.
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = cellText(t.title) || null;
  title.font = { ...FONTS.title };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(TITLE_ROW).height = Math.min(MAX_ROW_HEIGHT, textHeight(t.title, totalPx, FONTS.title.size) + TITLE_GAP);
  if (ncol > 1) ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, ncol);

  // The table: style every cell of the grid (covered ones too, so merged ranges get borders on every edge).
  const { placed, nrows } = place(t, ncol);
  for (let r = 0; r < nrows; r++) {
    const header = r < headerRows;
    for (let c = 0; c < ncol; c++) {
      const xc = ws.getCell(FIRST_TABLE_ROW + r, c + 1);
      xc.font = { ...(header ? FONTS.header : FONTS.body) };
      xc.border = BORDER;
      xc.alignment = alignment(header ? 'center' : (t.columns[c]?.align ?? 'left'));
    }
  }
  const heights = Array.from({ length: nrows }, (_, r) =>
    rowHeightFor(1, (r < headerRows ? FONTS.header : FONTS.body).size),
  );
  const need = (p: Placed) =>
    textHeight(p.cell.text, spanPx(p.col, p.colSpan), (p.header ? FONTS.header : FONTS.body).size);
  for (const p of placed) {
    const xc = ws.getCell(FIRST_TABLE_ROW + p.row, p.col + 1);
    setValue(xc, p.cell);
    // Text taller than Excel's largest row is clipped anyway: top-align it so its beginning stays readable.
    const clipped = p.rowSpan === 1 && need(p) >= MAX_ROW_HEIGHT;
    if (!p.header || clipped) {
      const horizontal = p.header ? 'center' : (p.cell.align ?? t.columns[p.col]?.align ?? 'left');
      xc.alignment = { ...alignment(horizontal), ...(clipped ? { vertical: 'top' } : {}) };
    }
  }
  // Heights: single-row cells first, then multi-row cells add what they still lack, spread over their rows.
  for (const p of placed) if (p.rowSpan === 1) heights[p.row] = Math.max(heights[p.row]!, need(p));
  for (const p of placed.filter((q) => q.rowSpan > 1)) {
    const have = heights.slice(p.row, p.row + p.rowSpan).reduce((s, h) => s + h, 0);
    const extra = (need(p) - have) / p.rowSpan;
    if (extra > 0) for (let i = 0; i < p.rowSpan; i++) heights[p.row + i] = heights[p.row + i]! + extra;
  }
  heights.forEach((h, r) => (ws.getRow(FIRST_TABLE_ROW + r).height = Math.min(MAX_ROW_HEIGHT, Math.ceil(h * 4) / 4)));
  // Merge last: exceljs gives covered cells the master's style object, which later edits would then share.
  for (const p of placed) {
    if (p.rowSpan > 1 || p.colSpan > 1) {
      const top = FIRST_TABLE_ROW + p.row;
      ws.mergeCells(top, p.col + 1, top + p.rowSpan - 1, p.col + p.colSpan);
    }
  }

  // Notes under the table, one merged, wrapped row each, without borders.
  t.notes.forEach((note, i) => {
    const row = FIRST_TABLE_ROW + nrows + i;
    const xc = ws.getCell(row, 1);
    xc.value = cellText(note) || null;
    xc.font = { ...FONTS.note };
    xc.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    ws.getRow(row).height = textHeight(note, totalPx, FONTS.note.size);
    if (ncol > 1) ws.mergeCells(row, 1, row, ncol);
  });
}

function alignment(align: Align): Partial<ExcelJS.Alignment> {
  return { horizontal: align, vertical: 'middle', wrapText: true };
}

/**
 * A plain number becomes a numeric cell whose format shows exactly the printed decimals ('0.000' for 3.035);
 * everything else is text, even when it looks numeric. The value is rounded to those decimals so arithmetic drift
 * upstream (0.1 + 0.2) never reaches the file.
 */
function setValue(xc: ExcelJS.Cell, c: ReportCell): void {
  if (typeof c.number === 'number' && Number.isFinite(c.number)) {
    const d = decimalsOf(c);
    xc.value = Number(c.number.toFixed(d)) || 0; // `|| 0` turns -0 into 0
    xc.numFmt = numFmt(d);
    return;
  }
  const s = cellText(c.text ?? '');
  xc.value = s === '' ? null : s;
}

/** The cell's decimals; else those of its printed text; else as many as the number needs. */
function decimalsOf(c: ReportCell): number {
  const from = (d: number) => Math.min(MAX_DECIMALS, Math.max(0, Math.floor(d)));
  if (typeof c.decimals === 'number' && Number.isFinite(c.decimals)) return from(c.decimals);
  const m = /^-?\d+(?:\.(\d+))?$/.exec((c.text ?? '').trim());
  if (m) return from(m[1]?.length ?? 0);
  const frac = /\.(\d+)$/.exec(String(c.number));
  return from(frac ? frac[1]!.length : 0);
}

/** Excel number format showing exactly `d` decimals: 0 → '0', 3 → '0.000'. */
export function numFmt(d: number): string {
  return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
}
