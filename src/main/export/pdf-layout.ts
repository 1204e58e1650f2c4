// Page geometry and the nodes of one appendix, per GB/T 9704-2012 (shared/DOMAIN.md §5): A4, type area 156×225 mm,
// "附件N" in 3号黑体 on the first line, the title in 2号小标宋 centred on the third line of the 22-line body grid,
// then the table in 仿宋 with 黑体 headers; page numbers "— n —" in 4号宋体 7 mm below the type area.
import type { ReportCell, ReportTable } from '../../shared/report';
import type { Content, Margins, PageSize, TableCell, TableLayout, TableNode, TextNode } from './pdfmake-api';
import { balanceLines } from './pdf-balance';
import { STYLES, type Texter } from './pdf-text';

export const MM = 72 / 25.4;
const mm = (n: number) => Math.round(n * MM * 100) / 100;

/** Portrait margins [left, top, right, bottom]: 订口 28, 天头 37 → type area 156 × 225 mm on A4. */
export const PORTRAIT_MARGINS: Margins = [mm(28), mm(37), mm(26), mm(35)];
/**
 * Landscape margins: the portrait page turned a quarter clockwise, so that the table head faces the binding edge
 * of an odd page — the 28 mm binding margin becomes the top, the 37 mm head margin the right. The type area is
 * 225 × 156 mm. Simplification: the page number is printed upright under the landscape type area, not rotated
 * into the portrait position GB/T 9704 asks for.
 */
export const LANDSCAPE_MARGINS: Margins = [mm(35), mm(28), mm(37), mm(26)];
export const A4 = { width: 595.28, height: 841.89 };

/** Body grid line pitch: 22 lines of 3号仿宋 in the 225 mm type area. */
export const PITCH = (225 * MM) / 22;
/** Page number: 7 mm below the type area; one character (4号 = 14 pt) in from the type-area edge. */
const PAGE_NO_DROP = 7 * MM;
/** Height of an em dash's stroke above the baseline, in ems (where "7 mm below" is measured to). */
const DASH_HEIGHT = 0.35;

const TABLE_LINE = 0.5;
const CELL_PAD_X = 3;
export const CELL_PAD_Y = 4;
export const TABLE_LAYOUT_NAME = 'plandeskThin';
/** Thin black grid, fixed padding; registered once with pdfmake so that definitions stay plain data. */
export const TABLE_LAYOUT: TableLayout = {
  hLineWidth: () => TABLE_LINE,
  vLineWidth: () => TABLE_LINE,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => CELL_PAD_X,
  paddingRight: () => CELL_PAD_X,
  paddingTop: () => CELL_PAD_Y,
  paddingBottom: () => CELL_PAD_Y,
};

export function marginsFor(orientation: 'portrait' | 'landscape'): Margins {
  return orientation === 'landscape' ? LANDSCAPE_MARGINS : PORTRAIT_MARGINS;
}

/** Width of the type area in points. */
export function typeWidth(orientation: 'portrait' | 'landscape'): number {
  const [l, , r] = marginsFor(orientation);
  return orientation === 'landscape' ? A4.height - l - r : A4.width - l - r;
}

/** Height of the type area in points. */
export function typeHeight(orientation: 'portrait' | 'landscape'): number {
  const [, top, , bottom] = marginsFor(orientation);
  return (orientation === 'landscape' ? A4.width : A4.height) - top - bottom;
}

/** Height of a table row whose cells hold one line each, in a cell style. */
export function oneLineRowHeight(t: Texter, style: 'head' | 'body'): number {
  const [, top, , bottom] = t.styles()[style]?.margin ?? [0, 0, 0, 0];
  return t.line(STYLES[style].role).height * STYLES[style].size + top + bottom + 2 * CELL_PAD_Y + TABLE_LINE;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * "附件1" on grid line 1 and the title centred on line 3, each glyph row centred in its line of the grid. What
 * follows starts on line 5 (one blank line under a one-line title; a title of two lines pushes it down by one).
 */
export function headingNodes(table: Pick<ReportTable, 'label' | 'title'>, t: Texter): TextNode[] {
  // Distance from a line's top to the middle of its ink (ideographic em box: 0.88 above, 0.12 below baseline).
  const inkMiddle = (s: 'label' | 'title') => (t.line(STYLES[s].role).ascent - 0.38) * STYLES[s].size;
  const height = (s: 'label' | 'title') => t.line(STYLES[s].role).height * STYLES[s].size;
  const labelTop = Math.max(0, PITCH / 2 - inkMiddle('label'));
  const labelBottom = labelTop + height('label');
  const titleTop = 2.5 * PITCH - inkMiddle('title');
  const titleBottom = titleTop + height('title');
  return [
    t.node(table.label, 'label', { alignment: 'left', margin: [0, r2(labelTop), 0, 0] }),
    // The table starts on grid line 5: one blank line under a one-line title.
    t.node(table.title, 'title', {
      alignment: 'center',
      margin: [0, r2(titleTop - labelBottom), 0, r2(Math.max(0, 4 * PITCH - titleBottom))],
    }),
  ];
}

/** Column widths in points, proportional to the model's widths, so that the table fills the type area exactly. */
export function columnWidths(table: ReportTable): number[] {
  const n = table.columns.length;
  const usable = typeWidth(table.orientation) - n * 2 * CELL_PAD_X - (n + 1) * TABLE_LINE;
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  return table.columns.map((c) => Math.floor(((usable * c.width) / total) * 100) / 100);
}

/**
 * The body cells after splitting row spans at page starts: a span broken by a page (the 类别 cell above all)
 * continues as a new cell with the same text in the first row on the next page. rowPages[r] is row r's page.
 */
export function splitRowSpans(table: ReportTable, rowPages?: readonly number[]): (ReportCell | null)[][] {
  const out = table.rows.map((row) => [...row.cells]);
  const starts = new Set(pageStarts(rowPages));
  if (starts.size === 0) return out;
  table.rows.forEach((row, r) =>
    row.cells.forEach((cell, k) => {
      if (!cell || (cell.rowSpan ?? 1) <= 1) return;
      const end = Math.min(r + cell.rowSpan!, table.rows.length);
      const { rowSpan: _whole, ...rest } = cell;
      for (let start = r, i = r + 1; i <= end; i++) {
        if (i < end && !starts.has(i)) continue;
        out[start]![k] = i - start > 1 ? { ...rest, rowSpan: i - start } : rest;
        start = i;
      }
    }),
  );
  return out;
}

/** A row tag read back in pageBreakBefore: which table and row a laid-out cell belongs to. */
export const rowTag = (tableIndex: number, row: number) => `row:${tableIndex}:${row}`;

/** Indexes of the rows that start a new page, after the first row. */
export function pageStarts(rowPages?: readonly number[]): number[] {
  if (!rowPages) return [];
  return rowPages.flatMap((p, r) => (r > 0 && p !== rowPages[r - 1] ? [r] : []));
}

/** Makes the pdfmake cell of a report cell in column k, as every table node of `table` draws it. */
export type CellMaker = (c: ReportCell | null, k: number, header: boolean, tag?: string) => TableCell;

/** The cell maker for a table: its column widths and a function from report cells to pdfmake cells. */
export function cellMaker(table: ReportTable, t: Texter): { widths: number[]; cell: CellMaker } {
  const widths = columnWidths(table);
  const cellWidth = (k: number, span: number) =>
    widths.slice(k, k + span).reduce((s, w) => s + w, 0) + (span - 1) * (2 * CELL_PAD_X + TABLE_LINE);
  const cell: CellMaker = (c, k, header, tag) => {
    if (c === null) return {};
    const style = header ? 'head' : 'body';
    // Short centred texts (categories, action names, headers) get evenly filled lines; the half point is slack for
    // pdfmake's own measuring, so that it does not wrap a balanced line once more.
    const avail = cellWidth(k, c.colSpan ?? 1) - 0.5;
    const text = (c.align === 'center' && balanceLines(c.text, t.widths(c.text, style), avail)) || c.text;
    const node = t.node(text, style);
    node.alignment = c.align ?? 'left';
    node.verticalAlignment = 'middle';
    if ((c.rowSpan ?? 1) > 1) node.rowSpan = c.rowSpan;
    if ((c.colSpan ?? 1) > 1) node.colSpan = c.colSpan;
    if (tag !== undefined) node.id = tag;
    return node;
  };
  return { widths, cell };
}

/** A visible cell: one that pdfmake reports a position for. */
export const visible = (c: ReportCell | null): c is ReportCell => c !== null && c.text.trim() !== '';

/**
 * The table as nodes: one table, or — once a layout pass has told on which page each row lands — one table per
 * page, each with its own header rows and the group cell split. Breaking the table ourselves keeps pdfmake from
 * moving a row that starts a row span to the next page, which (0.3.11) loses that cell's text.
 */
export function tableNodes(
  table: ReportTable,
  tableIndex: number,
  t: Texter,
  rowPages: readonly number[] | undefined,
  tagRows: boolean,
): TableNode[] {
  const { widths, cell } = cellMaker(table, t);
  const body = splitRowSpans(table, rowPages);
  const header = () => table.header.map((row) => row.map((c, k) => cell(c, k, true)));
  const bodyRow = (r: number): TableCell[] => {
    const cells = body[r]!;
    if (!tagRows) return cells.map((c, k) => cell(c, k, false));
    // pdfmake reports a page for cells with visible text only, and a wrong one for a row-span cell that moved to
    // the next page: tag the first visible single-row cell (any visible cell if there is none).
    let tagAt = cells.findIndex((c) => visible(c) && (c.rowSpan ?? 1) <= 1);
    if (tagAt < 0) tagAt = cells.findIndex(visible);
    return cells.map((c, k) => cell(c, k, false, k === tagAt ? rowTag(tableIndex, r) : undefined));
  };
  const bounds = [0, ...pageStarts(rowPages), table.rows.length];
  const nodes: TableNode[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const rows = Array.from({ length: bounds[i + 1]! - bounds[i]! }, (_, k) => bodyRow(bounds[i]! + k));
    const node: TableNode = {
      table: { widths, headerRows: table.header.length, dontBreakRows: true, body: [...header(), ...rows] },
      layout: TABLE_LAYOUT_NAME,
    };
    if (i > 0) node.pageBreak = 'before';
    nodes.push(node);
  }
  return nodes;
}

export function notesNodes(table: ReportTable, t: Texter): TextNode[] {
  return table.notes.map((n, i) =>
    t.node(n, 'note', { alignment: 'left', margin: [0, i === 0 ? r2(PITCH / 2) : 0, 0, 0] }),
  );
}

/** Footer: "— n —", odd pages at the right and even pages at the left, one character in from the type area. */
export function footerFor(t: Texter): (page: number, pageCount: number, pageSize: PageSize) => Content {
  const size = STYLES.pageNo.size;
  const top = r2(Math.max(0, PAGE_NO_DROP + (DASH_HEIGHT - t.line(STYLES.pageNo.role).ascent) * size));
  return (page, _pageCount, pageSize) => {
    const [left, , right] = marginsFor(pageSize.orientation);
    const odd = page % 2 === 1;
    return t.node(`— ${page} —`, 'pageNo', {
      alignment: odd ? 'right' : 'left',
      margin: [odd ? left : left + size, top, odd ? right + size : right, 0],
    });
  };
}
