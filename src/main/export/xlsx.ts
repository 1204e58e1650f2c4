// ReportTables → one xlsx workbook (one sheet per table) that opens cleanly in Excel, WPS and LibreOffice and prints
// as an official appendix: label and title rows, bordered table with true merges, numeric cells that show exactly the
// decimals the plan printed, A4 fit-to-width, repeated header rows, page numbers. Pure: no DB, no Electron.
// Collection workbooks (填报表) add instructions above the title, lines under it, and a protected sheet whose only
// unlocked cells are the highlighted input cells, each with a text-length rule and an input prompt.
import ExcelJS from 'exceljs';
import type { Align, ReportCell, ReportInput, ReportMeta, ReportTable } from '../../shared/report';
import {
  FONTS,
  EVEN_FOOTER,
  ODD_FOOTER,
  MARGINS,
  MAX_ROW_HEIGHT,
  VALIDATION_LIMITS,
  cellText,
  columnPixels,
  isGeneralExact,
  rowHeightFor,
  textHeight,
  uniqueSheetNames,
  validationText,
} from './xlsx-layout';

/** Extra space above the title: GB/T 9704 puts it on the third line, one blank line below the label. */
const TITLE_GAP = 10;
const MAX_DECIMALS = 15;

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** Input cells: light yellow (Excel's "Gold, lighter 80%"), which prints as a pale grey on a black-and-white printer. */
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
/** What a protected sheet still allows: selecting any cell, resizing columns and rows. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

export async function renderXlsx(tables: ReportTable[], meta: ReportMeta): Promise<Buffer> {
  // A workbook without sheets is invalid: Excel offers to repair it.
  if (tables.length === 0) throw new Error('renderXlsx: nothing to export (no tables)');
  const wb = new ExcelJS.Workbook();
  setProperties(wb, tables, meta);
  const names = uniqueSheetNames(tables.map((t) => t.sheetName || t.label || t.id));
  for (const [i, t] of tables.entries()) await writeSheet(wb, t, names[i]!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function setProperties(wb: ExcelJS.Workbook, tables: ReportTable[], meta: ReportMeta): void {
  const one = tables.length === 1 ? tables[0]! : null;
  wb.creator = meta.author;
  wb.lastModifiedBy = meta.author;
  wb.company = meta.author;
  wb.title = meta.title ?? (one ? `${one.label} ${one.title}` : `${meta.subject} 附件`);
  wb.subject = meta.subject;
  wb.keywords = meta.keywords ?? ['规划附件', ...tables.map((t) => `${t.label} ${t.title}`)].join('; ');
  wb.category = meta.category ?? '规划附件';
  wb.description =
    meta.title === undefined
      ? `PlanDesk 导出：${tables.map((t) => t.label).join('、')}`
      : `PlanDesk 导出：${meta.title}`;
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

/**
 * Where the parts of a sheet go (1-based rows). Without a preamble: label in row 1, title in row 2, the table from
 * row 3. A preamble takes the first rows; an empty label then gets no row of its own. Subheading lines follow the title.
 */
function rowPlan(t: ReportTable): {
  preamble: string[];
  label: number | null;
  title: number;
  subheading: string[];
  table: number;
} {
  const preamble = t.preamble ?? [];
  const subheading = t.subheading ?? [];
  const label = preamble.length === 0 || cellText(t.label) !== '' ? preamble.length + 1 : null;
  const title = (label ?? preamble.length) + 1;
  return { preamble, label, title, subheading, table: title + subheading.length + 1 };
}

async function writeSheet(wb: ExcelJS.Workbook, t: ReportTable, name: string): Promise<void> {
  const ncol = Math.max(1, t.columns.length);
  const headerRows = t.header.length;
  const at = rowPlan(t);
  const headerEnd = at.table + headerRows - 1; // last header row (1-based); < at.table if none
  // Freezing the rows above a preamble's table would keep the instructions on screen and leave little room for the
  // table on a laptop; such sheets (a section's few indicators) scroll freely instead.
  const frozen = at.preamble.length === 0;
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9 as ExcelJS.PaperSize, // A4
      orientation: t.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      margins: { ...MARGINS },
      horizontalCentered: true,
      ...(headerRows > 0 ? { printTitlesRow: `${at.table}:${headerEnd}` } : {}),
    },
    headerFooter: { oddFooter: ODD_FOOTER, evenFooter: EVEN_FOOTER, differentFirst: false, differentOddEven: true },
    views: frozen
      ? [
          {
            state: 'frozen',
            xSplit: 0,
            ySplit: Math.max(at.title, headerEnd),
            topLeftCell: `A${Math.max(at.title, headerEnd) + 1}`,
          },
        ]
      : [{ state: 'normal' }],
  });

  const widths = Array.from({ length: ncol }, (_, i) => {
    const w = t.columns[i]?.width;
    return typeof w === 'number' && Number.isFinite(w) ? Math.min(255, Math.max(1, w)) : 10;
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const px = widths.map(columnPixels);
  const spanPx = (col: number, span: number) => px.slice(col, col + span).reduce((s, p) => s + p, 0);
  const totalPx = spanPx(0, ncol);

  // Preamble: one merged, wrapped row per line across the table's width, without borders.
  at.preamble.forEach((line, i) => writeLine(ws, i + 1, line, ncol, totalPx));

  // The label, left-aligned, not merged (it may overflow into the empty cells to its right).
  if (at.label !== null) {
    const label = ws.getCell(at.label, 1);
    label.value = cellText(t.label) || null;
    label.font = { ...FONTS.label };
    label.alignment = { horizontal: 'left', vertical: 'middle' };
    ws.getRow(at.label).height = rowHeightFor(1, FONTS.label.size);
  }

  // The title across the whole table.
  const title = ws.getCell(at.title, 1);
  title.value = cellText(t.title) || null;
  title.font = { ...FONTS.title };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(at.title).height = Math.min(MAX_ROW_HEIGHT, textHeight(t.title, totalPx, FONTS.title.size) + TITLE_GAP);
  if (ncol > 1) ws.mergeCells(at.title, 1, at.title, ncol);

  at.subheading.forEach((line, i) => writeLine(ws, at.title + 1 + i, line, ncol, totalPx));

  // The table: style every cell of the grid (covered ones too, so merged ranges get borders on every edge).
  const { placed, nrows } = place(t, ncol);
  for (let r = 0; r < nrows; r++) {
    const header = r < headerRows;
    for (let c = 0; c < ncol; c++) {
      const xc = ws.getCell(at.table + r, c + 1);
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
  const rules: { row: number; col: number; rule: ExcelJS.DataValidation }[] = [];
  for (const p of placed) {
    const xc = ws.getCell(at.table + p.row, p.col + 1);
    const input = !p.header && p.cell.input ? p.cell.input : null;
    setValue(xc, p.cell, input !== null);
    if (input) {
      for (let i = 0; i < p.rowSpan; i++) {
        for (let j = 0; j < p.colSpan; j++) markInput(ws.getCell(at.table + p.row + i, p.col + 1 + j));
      }
      rules.push({ row: at.table + p.row, col: p.col + 1, rule: validation(input) });
    }
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
  heights.forEach((h, r) => (ws.getRow(at.table + r).height = Math.min(MAX_ROW_HEIGHT, Math.ceil(h * 4) / 4)));
  // Merge last: exceljs gives covered cells the master's style object, which later edits would then share.
  for (const p of placed) {
    if (p.rowSpan > 1 || p.colSpan > 1) {
      const top = at.table + p.row;
      ws.mergeCells(top, p.col + 1, top + p.rowSpan - 1, p.col + p.colSpan);
    }
  }

  addValidations(ws, rules);

  // Notes under the table, one merged, wrapped row each, without borders.
  t.notes.forEach((note, i) => writeLine(ws, at.table + nrows + i, note, ncol, totalPx));

  // No password: a clerk who truly must change a locked cell can lift the protection from the 审阅 menu.
  if (t.protect) await ws.protect('', { ...PROTECTION });
}

/** A line of text across the table's width (note font, left-aligned, wrapped, no border), as tall as it needs. */
function writeLine(ws: ExcelJS.Worksheet, row: number, text: string, ncol: number, totalPx: number): void {
  const xc = ws.getCell(row, 1);
  xc.value = cellText(text) || null;
  xc.font = { ...FONTS.note };
  xc.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = textHeight(text, totalPx, FONTS.note.size);
  if (ncol > 1) ws.mergeCells(row, 1, row, ncol);
}

/** An input cell: unlocked on a protected sheet and highlighted. */
function markInput(xc: ExcelJS.Cell): void {
  xc.protection = { locked: false };
  xc.fill = { ...INPUT_FILL };
}

/**
 * Data validations, one per run of equal rules down a column ("J10:J14"). Given cell by cell, exceljs would merge
 * equal neighbours itself, but it walks the addresses in string order (J100 before J99) and can then write
 * overlapping ranges, which Excel may refuse.
 */
function addValidations(ws: ExcelJS.Worksheet, rules: { row: number; col: number; rule: ExcelJS.DataValidation }[]) {
  // `dataValidations` is exceljs's per-sheet model (address or range → rule); its typings do not declare it.
  const model = (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
  const sorted = [...rules].sort((a, b) => a.col - b.col || a.row - b.row);
  for (let i = 0; i < sorted.length;) {
    const first = sorted[i]!;
    const same = JSON.stringify(first.rule);
    let j = i + 1;
    while (
      j < sorted.length &&
      sorted[j]!.col === first.col &&
      sorted[j]!.row === sorted[j - 1]!.row + 1 &&
      JSON.stringify(sorted[j]!.rule) === same
    ) {
      j++;
    }
    const top = ws.getCell(first.row, first.col).address;
    const bottom = ws.getCell(sorted[j - 1]!.row, first.col).address;
    model.add(j - i > 1 ? `${top}:${bottom}` : top, first.rule);
    i = j;
  }
}

/**
 * A text-length rule rather than a decimal one: values such as ≥95 or 88%以上 are legitimate entries, and every
 * spreadsheet (Excel, WPS, LibreOffice) measures a number by the characters it is shown with. Prompt and error
 * texts are cut to Excel's limits, which would otherwise make it repair the file.
 */
function validation(input: ReportInput): ExcelJS.DataValidation {
  const max = Math.max(1, Math.min(32767, Math.floor(input.maxLength) || 1));
  const text = (s: string | undefined, limit: number) =>
    s === undefined ? undefined : validationText(s, limit) || undefined;
  const promptTitle = text(input.promptTitle, VALIDATION_LIMITS.title);
  const prompt = text(input.prompt, VALIDATION_LIMITS.message);
  const errorTitle = text(input.errorTitle, VALIDATION_LIMITS.title);
  const error = text(input.error, VALIDATION_LIMITS.message);
  return {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: [max],
    showInputMessage: prompt !== undefined || promptTitle !== undefined,
    ...(promptTitle !== undefined ? { promptTitle } : {}),
    ...(prompt !== undefined ? { prompt } : {}),
    showErrorMessage: true,
    errorStyle: 'stop',
    ...(errorTitle !== undefined ? { errorTitle } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}

function alignment(align: Align): Partial<ExcelJS.Alignment> {
  return { horizontal: align, vertical: 'middle', wrapText: true };
}

/**
 * A plain number becomes a numeric cell whose format shows exactly the printed decimals ('0.000' for 3.035);
 * everything else is text, even when it looks numeric. The value is rounded to those decimals so arithmetic drift
 * upstream (0.1 + 0.2) never reaches the file.
 */
function setValue(xc: ExcelJS.Cell, c: ReportCell, input = false): void {
  if (typeof c.number === 'number' && Number.isFinite(c.number)) {
    const d = decimalsOf(c);
    const value = Number(c.number.toFixed(d)) || 0; // `|| 0` turns -0 into 0
    xc.value = value;
    // An input cell keeps the General format whenever General already shows the printed digits (3.52, 95), so what
    // the recipient types is shown as typed; only trailing zeros (3.50) need a fixed format to survive.
    if (!input || !isGeneralExact(value, d)) xc.numFmt = numFmt(d);
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
