// Where a table with row spans breaks into pages, from one layout pass.
//
// pdfmake loses a spanning cell's text when it moves the row that starts the span to the next page, and cannot name
// a 类别 again on a continuation page, so such a table is printed as one table per page (pdf.ts). Where to cut used
// to be found by layout passes: lay the table out, cut the first part that spills over a page where it spills
// (cutAtFirstSpill in pdf.ts), lay out again — one pass over the remaining rows per page. Here one pass measures
// what those passes depend on, and the same cuts are worked out by arithmetic:
//
// - A row of a table with dontBreakRows is laid out as a block of its own and moved to the next page when the
//   block is taller than the space left (ElementWriter.addFragment: height > availableHeight). Its height does not
//   depend on where it is, except through row spans: the last row of a span grows when the spanning cell is taller
//   than the rows it spans (the cell's bottom, less the distance from the span's first row to its last, counts as
//   one of the last row's cells: DocumentContext.markEnding with discountY, LayoutBuilder.processRow).
// - So one pass lays out, on a page as tall as its content (no breaks), each table as it starts its first page
//   (heading and header), with every row-spanning cell left empty, then one row per spanning cell holding only
//   that cell, then a row marking the end; and, on a second such page, the header and a marker row. The rows are
//   not kept as blocks there (nothing breaks on such a page), so their first lines' positions are page positions:
//   they give each row's own height, each spanning cell's height, and where the rows of a first and of a
//   continuation page start. The pass is stopped once the positions are in, before anything is drawn.
// - The cuts then follow from those heights exactly as the passes found them (simulate), including a part that no
//   longer fits once the span cut at its end makes its last row taller.
//
// When a decision is closer than EPS to the edge, a row has no text to measure it by, a part's first row does not
// fit on its page, or the pass does not tell every position, the table is left to the passes (null). pdf.ts also
// checks the finished PDF and cuts a table by passes after all if it spilled over a page.
import type { ReportCell, ReportTable } from '../../shared/report';
import { A4, CELL_PAD_Y, TABLE_LAYOUT_NAME, cellMaker, headingNodes, marginsFor, visible } from './pdf-layout';
import type { Texter } from './pdf-text';
import type { Content, NodeInfo, TableCell, TableNode, TDocumentDefinitions } from './pdfmake-api';
import { preparePdfmake } from './pdf-fonts';

/** Points: a row that fits or overflows by less than this is a tie the arithmetic cannot settle. */
const EPS = 1e-6;

/** A row-spanning cell of the body: rows [start, end), and the height of a row holding only its text (or null). */
export interface SpanGeometry {
  start: number;
  end: number;
  /** height of a row holding the spanning cell alone; null when its text is empty (it never makes a row taller) */
  probe: number | null;
}

/** What the cuts of one table depend on, in points from the page top. */
export interface TableGeometry {
  /** top of the first body row on the table's first page (after the heading and the header) */
  firstTop: number;
  /** top of the first body row on a continuation page (after the header) */
  contTop: number;
  /** bottom of the type area */
  bottom: number;
  /** each body row's height without the row-spanning cells */
  own: number[];
  spans: SpanGeometry[];
}

/** The spans that end on each row, and those that cover each row (for a part cut short there), by row. */
const spanIndex = new WeakMap<TableGeometry, { endingAt: SpanGeometry[][]; covering: SpanGeometry[][] }>();

function spansOf(g: TableGeometry) {
  let index = spanIndex.get(g);
  if (!index) {
    const endingAt = g.own.map((): SpanGeometry[] => []);
    const covering = g.own.map((): SpanGeometry[] => []);
    for (const s of g.spans) {
      if (s.probe === null) continue;
      endingAt[s.end - 1]?.push(s);
      for (let r = s.start; r < s.end - 1; r++) covering[r]!.push(s);
    }
    index = { endingAt, covering };
    spanIndex.set(g, index);
  }
  return index;
}

/**
 * The first row of the part [c, e) of a table that pdfmake would move off the part's page, laid out as a table of
 * its own starting on a new page, with the spans cut at c and e; null when the part fits; 'unsure' when a decision
 * is a tie within EPS or the part's first row does not fit.
 */
export function firstSpill(g: TableGeometry, c: number, e: number): number | null | 'unsure' {
  const { endingAt, covering } = spansOf(g);
  let y = c === 0 ? g.firstTop : g.contTop;
  const tops: number[] = [];
  for (let r = c; r < e; r++) {
    tops.push(y);
    let h = g.own[r]!;
    // A span ending on this row makes it as tall as the spanning cell needs below the span's first row (here).
    const ending = r === e - 1 ? [...endingAt[r]!, ...covering[r]!] : endingAt[r]!;
    for (const s of ending) h = Math.max(h, s.probe! - (y - tops[Math.max(s.start, c) - c]!));
    const slack = g.bottom - (y + h);
    if (Math.abs(slack) < EPS) return 'unsure';
    if (slack < 0) return r === c ? 'unsure' : r;
    y += h;
  }
  return null;
}

/**
 * The parts of a table of n rows (parts[r] numbers the page part row r belongs to, from 1), cut the way the layout
 * passes cut it: the last two parts are the only new ones after each cut, so each step checks the part the last cut
 * shortened (its last row may have grown: cut it where it spills) and then the rest of the table.
 */
export function simulate(g: TableGeometry, n: number): number[] | null {
  const cuts = [0];
  const parts = () => Array.from({ length: n }, (_, r) => cuts.filter((c) => c <= r).length);
  const first = firstSpill(g, 0, n);
  if (first === 'unsure') return null;
  if (first === null) return parts();
  let [prev, last] = [0, first];
  for (let guard = 0; guard < 4 * n + 4; guard++) {
    const shortened = firstSpill(g, prev, last);
    if (shortened === 'unsure') return null;
    if (shortened !== null) {
      last = shortened;
      continue;
    }
    const rest = firstSpill(g, last, n);
    if (rest === 'unsure') return null;
    cuts.push(last);
    if (rest === null) return parts();
    [prev, last] = [last, rest];
  }
  return null;
}

interface Span {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  cell: ReportCell;
}

const tagOf = {
  row: (i: number, r: number) => `measure:${i}:row:${r}`,
  probe: (i: number, j: number) => `measure:${i}:span:${j}`,
  end: (i: number) => `measure:${i}:end`,
  cont: (i: number) => `measure:${i}:cont`,
};

/** The measuring sections of table i, the tags whose positions they report, and its spans; null if unmeasurable. */
function measuringSections(table: ReportTable, i: number, t: Texter) {
  const { widths, cell } = cellMaker(table, t);
  const n = table.rows.length;
  const columns = table.columns.length;
  const spans: Span[] = [];
  table.rows.forEach((row, r) =>
    row.cells.forEach((c, k) => {
      if (c && (c.rowSpan ?? 1) > 1) {
        spans.push({ row: r, col: k, rowSpan: Math.min(c.rowSpan!, n - r), colSpan: c.colSpan ?? 1, cell: c });
      }
    }),
  );
  const covering = table.rows.map(() => new Array<Span | undefined>(columns));
  for (const s of spans) {
    for (let r = s.row; r < s.row + s.rowSpan; r++) {
      for (let k = s.col; k < s.col + s.colSpan; k++) covering[r]![k] = s;
    }
  }
  // An empty cell in the body style: no line, only its margins, lower than any cell with text.
  const empty = (colSpan = 1): TableCell => ({ text: '', style: 'body', ...(colSpan > 1 ? { colSpan } : {}) });
  const tags: string[] = [];
  const tag = (id: string) => (tags.push(id), id);
  const body: TableCell[][] = [];
  for (let r = 0; r < n; r++) {
    const cells = table.rows[r]!.cells;
    const at = cells.findIndex((c, k) => !covering[r]![k] && visible(c));
    if (at < 0) return null;
    body.push(
      cells.map((c, k) => {
        const s = covering[r]![k];
        if (s) return k === s.col ? empty(s.colSpan) : {};
        return cell(c, k, false, k === at ? tag(tagOf.row(i, r)) : undefined);
      }),
    );
  }
  const alone = (k0: number, c: TableCell, colSpan: number): TableCell[] =>
    Array.from({ length: columns }, (_, k) => (k === k0 ? c : k > k0 && k < k0 + colSpan ? {} : empty()));
  const probed = spans.map((s) => visible(s.cell));
  spans.forEach((s, j) => {
    if (!probed[j]) return;
    const { rowSpan: _all, ...single } = s.cell;
    body.push(alone(s.col, cell(single, s.col, false, tag(tagOf.probe(i, j))), s.colSpan));
  });
  const marker = (id: string) => alone(0, t.node('0', 'body', { id: tag(id) }), 1);
  body.push(marker(tagOf.end(i)));
  // Fresh header cells for each table node: pdfmake consumes a text node's lines as it lays them out.
  const header = () => table.header.map((row) => row.map((c, k) => cell(c, k, true)));
  const tableNode = (rows: TableCell[][]): TableNode => ({
    table: { widths, headerRows: table.header.length, dontBreakRows: false, body: [...header(), ...rows] },
    layout: TABLE_LAYOUT_NAME,
  });
  const margins = marginsFor(table.orientation);
  const pageSize = () => ({ width: table.orientation === 'landscape' ? A4.height : A4.width, height: 'auto' as const });
  const sections: Content[] = [
    { section: [...headingNodes(table, t), tableNode(body)], pageSize: pageSize(), pageMargins: margins },
    { section: [tableNode([marker(tagOf.cont(i))])], pageSize: pageSize(), pageMargins: margins },
  ];
  return { sections, tags, spans, probed };
}

const DONE = new Error('measured');

/**
 * The geometry of each table (by index into `tables`), from one layout of all of them that is stopped before
 * anything is drawn; null for a table that cannot be measured this way.
 */
export async function measureGeometry(
  tables: readonly ReportTable[],
  indexes: readonly number[],
  t: Texter,
  base: Omit<TDocumentDefinitions, 'content'>,
): Promise<Map<number, TableGeometry | null>> {
  const out = new Map<number, TableGeometry | null>();
  const measured = indexes.flatMap((i) => {
    const m = measuringSections(tables[i]!, i, t);
    if (!m) out.set(i, null);
    return m ? [{ i, ...m }] : [];
  });
  if (measured.length === 0) return out;
  const wanted = new Set(measured.flatMap((m) => m.tags));
  const seen = new Map<string, NodeInfo['startPosition']>();
  const def: TDocumentDefinitions = {
    ...base,
    footer: undefined,
    content: measured.flatMap((m) => m.sections),
    // Called for every laid-out node once the layout is done, before anything is drawn: take the positions, and
    // stop there once all are in (the document is not wanted).
    pageBreakBefore: (node) => {
      if (node.id === undefined || !wanted.has(node.id)) return false;
      seen.set(node.id, node.startPosition);
      if (seen.size === wanted.size) throw DONE;
      return false;
    },
  };
  try {
    await preparePdfmake(t).createPdf(def).getStream();
  } catch (e) {
    if (e !== DONE) throw e;
  }
  // Each row's first line sits the same distance below the row's top: the cell padding and the body style's top
  // margin (every tagged cell is in the body style).
  const inset = CELL_PAD_Y + (t.styles().body?.margin?.[1] ?? 0);
  for (const m of measured) {
    const table = tables[m.i]!;
    const at = (id: string) => seen.get(id);
    const rows = table.rows.map((_, r) => at(tagOf.row(m.i, r)));
    const probes = m.spans.flatMap((_, j) => (m.probed[j] ? [at(tagOf.probe(m.i, j))] : []));
    const end = at(tagOf.end(m.i));
    const cont = at(tagOf.cont(m.i));
    const page = [...rows, ...probes, end];
    if (!end || !cont || page.some((p) => !p || p.pageNumber !== end.pageNumber)) {
      out.set(m.i, null);
      continue;
    }
    // Consecutive rows of one page: each row's height is where the next one starts less where it starts.
    const tops = page.map((p) => p!.top);
    const heights = tops.slice(0, -1).map((top, k) => tops[k + 1]! - top);
    let probe = table.rows.length;
    const [, , , marginBottom] = marginsFor(table.orientation);
    out.set(m.i, {
      firstTop: tops[0]! - inset,
      contTop: cont.top - inset,
      bottom: (table.orientation === 'landscape' ? A4.width : A4.height) - marginBottom,
      own: heights.slice(0, table.rows.length),
      spans: m.spans.map((s, j) => ({
        start: s.row,
        end: s.row + s.rowSpan,
        probe: m.probed[j] ? heights[probe++]! : null,
      })),
    });
  }
  return out;
}
