// Appendix tables as an official-format PDF (pdfmake 0.3 on pdfkit; fonts embedded as subsets).
// Layout rules live in pdf-layout.ts; this file assembles the definition and runs pdfmake. A table with row spans is
// broken into one table per page by us (header and 类别 repeated): pdf-breaks.ts works out where from one measuring
// pass, and layout passes (lay out, cut where a part spills, lay out again) remain for what it cannot settle. The
// annual submission opens with a one-page summary (summary-pdf.ts) before its tables.
import type { ReportMeta, ReportTable } from '../../shared/report';
import { usableFaces, type FontSet } from './fonts';
import { measureGeometry, simulate } from './pdf-breaks';
import { preparePdfmake } from './pdf-fonts';
import { MM, PITCH, PORTRAIT_MARGINS, footerFor, headingNodes, marginsFor, notesNodes, tableNodes } from './pdf-layout';
import { STYLES, createTexter, type Texter } from './pdf-text';
import type { Content, NodeInfo, TDocumentDefinitions } from './pdfmake-api';
import type { AnnualSummary } from './summary-model';
import { summarySection } from './summary-pdf';

export interface PdfOptions {
  /** a summary page to open the document with (the annual submission) */
  summary?: AnnualSummary;
}

/** pageOf[t][r]: the page (1-based) on which row r of table t starts, from an earlier layout pass. */
export type PageOf = readonly (readonly number[] | undefined)[];

function documentTitle(tables: ReportTable[], meta: ReportMeta, opts: PdfOptions): string {
  if (opts.summary) return opts.summary.titleParts.join('');
  if (tables.length === 1) return tables[0]!.title;
  return `${meta.subject}附件`;
}

/** The definition without its content: page, footer, styles, document properties. */
function docBase(
  tables: ReportTable[],
  meta: ReportMeta,
  fonts: FontSet,
  t: Texter,
  opts: PdfOptions,
): Omit<TDocumentDefinitions, 'content'> {
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PORTRAIT_MARGINS,
    footer: footerFor(t),
    styles: t.styles(opts.summary !== undefined),
    defaultStyle: { font: t.key(usableFaces(fonts.roles.fangsong)[0]!), fontSize: STYLES.body.size },
    info: {
      title: documentTitle(tables, meta, opts),
      author: meta.author,
      subject: meta.subject,
      creator: 'PlanDesk',
      producer: 'PlanDesk',
      creationDate: meta.now,
      modDate: meta.now,
    },
    language: 'zh-CN',
  };
}

function build(
  tables: ReportTable[],
  meta: ReportMeta,
  fonts: FontSet,
  pageOf: PageOf | undefined,
  tagRows: boolean,
  opts: PdfOptions = {},
) {
  const t = createTexter(fonts);
  // Each appendix is a section: it starts on a new page, with its own orientation and margins. So does the summary.
  const content: Content[] = tables.map((table, i) => ({
    section: [...headingNodes(table, t), ...tableNodes(table, i, t, pageOf?.[i], tagRows), ...notesNodes(table, t)],
    pageOrientation: table.orientation,
    pageMargins: marginsFor(table.orientation),
  }));
  if (opts.summary) content.unshift(summarySection(opts.summary, t));
  const def: TDocumentDefinitions = { ...docBase(tables, meta, fonts, t, opts), content };
  return { def, texter: t, svg: opts.summary !== undefined };
}

/**
 * The pdfmake document definition: plain data except `footer` (a function of the page number). Pure and
 * deterministic for the same input. `pageOf` (rows' pages from a layout pass) breaks each table into one table per
 * page, with the header rows and the group cell (类别) repeated.
 */
export function buildPdfDefinition(
  tables: ReportTable[],
  meta: ReportMeta,
  fonts: FontSet,
  pageOf?: PageOf,
  opts: PdfOptions = {},
): TDocumentDefinitions {
  return build(tables, meta, fonts, pageOf, false, opts).def;
}

const ROW_ID = /^row:(\d+):(\d+)$/;

/** Fill rows without a tagged cell (all cells empty) from the row above, else below. */
function completePages(tables: ReportTable[], seen: Map<string, number>): number[][] {
  return tables.map((table, i) => {
    const pages = table.rows.map((_, r) => seen.get(`${i}:${r}`) ?? NaN);
    for (let r = 1; r < pages.length; r++) if (Number.isNaN(pages[r])) pages[r] = pages[r - 1]!;
    for (let r = pages.length - 2; r >= 0; r--) if (Number.isNaN(pages[r])) pages[r] = pages[r + 1]!;
    return pages;
  });
}

/** Lay the document out and tell on which page each tagged row starts. */
async function measure(tables: ReportTable[], meta: ReportMeta, fonts: FontSet, pageOf?: PageOf) {
  const { def, texter } = build(tables, meta, fonts, pageOf, true);
  const seen = new Map<string, number>();
  // Called once per laid-out node; never asks for a break, only records where tagged rows landed.
  def.pageBreakBefore = (node) => {
    const m = node.id === undefined ? null : ROW_ID.exec(node.id);
    if (m) seen.set(`${m[1]}:${m[2]}`, node.startPosition.pageNumber);
    return false;
  };
  await preparePdfmake(texter).createPdf(def).getStream();
  return completePages(tables, seen);
}

/** Row spans make a table one that we break into pages ourselves. */
const hasRowSpans = (t: ReportTable) => t.rows.some((r) => r.cells.some((c) => (c?.rowSpan ?? 1) > 1));

/**
 * One step of breaking a table into one table per page. `parts[r]` numbers the part row r belongs to; `pages[r]` is
 * where a layout of those parts put it. The first part that spills over a page is cut where it spills, and every
 * later cut is dropped: what follows is laid out afresh in the next pass. Parts before the cut are final. Returns
 * null when no part spills (the layout is done).
 */
export function cutAtFirstSpill(parts: readonly number[], pages: readonly number[]): number[] | null {
  for (let r = 1; r < parts.length; r++) {
    const start = parts.indexOf(parts[r]!);
    if (parts[r] === parts[r - 1] && pages[r] !== pages[start]) {
      return parts.map((p, k) => (k < r ? p : parts[r - 1]! + 1));
    }
  }
  return null;
}

/**
 * Breaks the tables `indexes` (with row spans) into parts by layout passes: lay out, cut the first part that
 * spills where it spills, lay out again, until no part spills — one pass over the rest of a table per page. Each
 * appendix is a section starting on a new page, so a table still being cut is laid out on its own.
 */
async function cutByPasses(
  tables: ReportTable[],
  meta: ReportMeta,
  fonts: FontSet,
  indexes: readonly number[],
  parts: (number[] | undefined)[],
): Promise<void> {
  for (const i of indexes) parts[i] = tables[i]!.rows.map(() => 1);
  let open = [...indexes];
  for (let pass = 0; open.length > 0 && pass < 2 + tables.reduce((n, t) => n + t.rows.length, 0); pass++) {
    const pages = await measure(
      open.map((i) => tables[i]!),
      meta,
      fonts,
      open.map((i) => parts[i]),
    );
    open = open.filter((i, k) => {
      const next = cutAtFirstSpill(parts[i]!, pages[k]!);
      if (next) parts[i] = next;
      return next !== null;
    });
  }
}

/**
 * The parts of each table with row spans (parts[r] numbers the page part of row r, from 1) as one measuring pass
 * works them out (pdf-breaks.ts); null for a table it cannot settle, undefined for a table without row spans.
 */
export async function breaksByMeasuring(
  tables: ReportTable[],
  meta: ReportMeta,
  fonts: FontSet,
): Promise<(number[] | null | undefined)[]> {
  const spanned = tables.flatMap((t, i) => (hasRowSpans(t) ? [i] : []));
  if (spanned.length === 0) return tables.map(() => undefined);
  const t = createTexter(fonts);
  const geometry = await measureGeometry(tables, spanned, t, docBase(tables, meta, fonts, t, {}));
  return tables.map((table, i) => {
    if (!spanned.includes(i)) return undefined;
    const g = geometry.get(i);
    return g ? simulate(g, table.rows.length) : null;
  });
}

/** The parts as layout passes find them (a pass per page of each table): the reference for breaksByMeasuring. */
export async function breaksByPasses(
  tables: ReportTable[],
  meta: ReportMeta,
  fonts: FontSet,
): Promise<(number[] | undefined)[]> {
  const parts: (number[] | undefined)[] = tables.map(() => undefined);
  await cutByPasses(
    tables,
    meta,
    fonts,
    tables.flatMap((t, i) => (hasRowSpans(t) ? [i] : [])),
    parts,
  );
  return parts;
}

/**
 * Which of the tables `check` spilled over a page in a laid-out document: it took more pages than it has parts.
 * Told from the nodes laid out outside table rows, whose pages pdfmake reports right: each section's title (the
 * summary's first) and the first line of the notes under a table. Notes that open the page after the table's last
 * part (pushed over by a full page) are no spill. Nothing is reported when the titles cannot be told apart.
 */
export function spilledTables(
  nodes: readonly NodeInfo[],
  tables: readonly ReportTable[],
  parts: PageOf,
  check: readonly number[],
  summary: boolean,
): number[] {
  const marks = nodes.filter((n) => n.style === 'title' || n.style === 'note');
  const titles = marks.flatMap((n, k) => (n.style === 'title' ? [k] : []));
  const first = summary ? 1 : 0;
  if (check.length === 0 || titles.length !== tables.length + first) return [];
  return check.filter((i) => {
    const at = titles[i + first]!;
    const next = titles[i + first + 1];
    const start = marks[at]!.startPosition.pageNumber;
    const end = next === undefined ? marks[at]!.pages : marks[next]!.startPosition.pageNumber - 1;
    const expected = Math.max(1, ...(parts[i] ?? []));
    const note = marks.slice(at + 1, next).find((n) => n.style === 'note');
    if (!note) return end - start + 1 !== expected;
    const page = note.startPosition.pageNumber;
    const atPageTop = note.startPosition.top < marginsFor(tables[i]!.orientation)[1] + PITCH / 2 + MM;
    return !(page === start + expected - 1 || (page === start + expected && atPageTop));
  });
}

/** The PDF with the tables cut into the given parts; and which of the tables `check` spilled over a page. */
async function renderParts(
  tables: ReportTable[],
  meta: ReportMeta,
  fonts: FontSet,
  parts: PageOf,
  check: readonly number[],
  opts: PdfOptions,
): Promise<{ bytes: Buffer; missingGlyphs: string[]; spilled: number[] }> {
  const { def, texter, svg } = build(tables, meta, fonts, parts, false, opts);
  const nodes: NodeInfo[] = [];
  if (check.length > 0) {
    // Only reads what was laid out, never asks for a break: the document is the same with or without it.
    def.pageBreakBefore = (node) => {
      if (node.style === 'title' || node.style === 'note') nodes.push(node);
      return false;
    };
  }
  const bytes = await preparePdfmake(texter, svg).createPdf(def).getBuffer();
  const spilled = spilledTables(nodes, tables, parts, check, opts.summary !== undefined);
  return { bytes, missingGlyphs: texter.missing(), spilled };
}

export async function renderPdf(
  tables: ReportTable[],
  meta: ReportMeta,
  fonts: FontSet,
  opts: PdfOptions = {},
): Promise<{ bytes: Buffer; missingGlyphs: string[] }> {
  // pdfmake cannot name a 类别 again on a continuation page, and loses a spanning cell's text when it moves the row
  // that starts the span. So a table with row spans is broken into one table per page by us, where one measuring
  // pass says (pdf-breaks.ts); a table it cannot settle, or one that spills over a page all the same in the PDF
  // (the arithmetic was wrong), is cut by layout passes instead. Tables without spans break natively.
  const planned = await breaksByMeasuring(tables, meta, fonts);
  const parts: (number[] | undefined)[] = planned.map((p) => p ?? undefined);
  const unsettled = planned.flatMap((p, i) => (p === null ? [i] : []));
  await cutByPasses(tables, meta, fonts, unsettled, parts);
  const measured = planned.flatMap((p, i) => (p ? [i] : []));
  let out = await renderParts(tables, meta, fonts, parts, measured, opts);
  if (out.spilled.length > 0) {
    await cutByPasses(tables, meta, fonts, out.spilled, parts);
    out = await renderParts(tables, meta, fonts, parts, [], opts);
  }
  return { bytes: out.bytes, missingGlyphs: out.missingGlyphs };
}
