// Appendix tables as an official-format PDF (pdfmake 0.3 on pdfkit; fonts embedded as subsets).
// Layout rules live in pdf-layout.ts; this file assembles the definition and runs pdfmake: a first layout tells
// which page each row lands on, then the tables are broken into one table per page (header and 类别 repeated) and
// the document is rendered. The annual submission opens with a one-page summary (summary-pdf.ts) before its tables.
import type { ReportMeta, ReportTable } from '../../shared/report';
import { postscriptName, svgFamily } from './chart-fonts';
import { fontBytes, usableFaces, type FontSet } from './fonts';
import { pdfmake, type Content, type FontDescriptors, type TDocumentDefinitions } from './pdfmake-api';
import {
  PORTRAIT_MARGINS,
  TABLE_LAYOUT,
  TABLE_LAYOUT_NAME,
  footerFor,
  headingNodes,
  marginsFor,
  notesNodes,
  tableNodes,
} from './pdf-layout';
import { STYLES, createTexter, type Texter } from './pdf-text';
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
  const def: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PORTRAIT_MARGINS,
    content,
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

/** pdfmake's shared instance set up for one document; createPdf must follow synchronously. */
function prepare(texter: Texter, svg = false) {
  const pm = pdfmake();
  pm.addTableLayouts({ [TABLE_LAYOUT_NAME]: TABLE_LAYOUT });
  // Fonts reach pdfkit from pdfmake's in-memory file system, holding the bytes fonts.ts has already read: no disk
  // access while rendering, and nothing else on disk is readable at all.
  pm.setLocalAccessPolicy(() => false);
  // Fresh descriptors per document: pdfmake rewrites entries of the descriptor objects it is given.
  const descriptors: FontDescriptors = {};
  for (const [key, face] of texter.faces()) {
    const name = `plandesk-fonts/${face.file}`;
    const bytes = fontBytes(face.file);
    if (bytes && !pm.virtualfs.existsSync(name)) pm.virtualfs.writeFileSync(name, bytes);
    descriptors[key] = { normal: face.postscriptName ? [name, face.postscriptName] : name };
    // Text inside SVG (the summary chart) reaches pdfkit by the face's PostScript name: see chart-fonts.ts.
    const ps = svg ? postscriptName(face) : null;
    if (ps) descriptors[svgFamily(key)] = { normal: ps };
  }
  pm.setFonts(descriptors);
  return pm;
}

/** Lay the document out (no font embedding) and tell on which page each tagged row starts. */
async function measure(tables: ReportTable[], meta: ReportMeta, fonts: FontSet, pageOf?: PageOf) {
  const { def, texter } = build(tables, meta, fonts, pageOf, true);
  const seen = new Map<string, number>();
  // Called once per laid-out node; never asks for a break, only records where tagged rows landed.
  def.pageBreakBefore = (node) => {
    const m = node.id === undefined ? null : ROW_ID.exec(node.id);
    if (m) seen.set(`${m[1]}:${m[2]}`, node.startPosition.pageNumber);
    return false;
  };
  await prepare(texter).createPdf(def).getStream();
  return completePages(tables, seen);
}

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

export async function renderPdf(
  tables: ReportTable[],
  meta: ReportMeta,
  fonts: FontSet,
  opts: PdfOptions = {},
): Promise<{ bytes: Buffer; missingGlyphs: string[] }> {
  // pdfmake cannot name a 类别 again on a continuation page, and loses a spanning cell's text when it moves the row
  // that starts the span. So a table with row spans is broken into one table per page by us: lay out, cut the first
  // part that spills where it spills, lay out again, until no part spills. Tables without spans break natively.
  // Each appendix is a section starting on a new page, so a table still being cut is laid out on its own: the
  // other tables (settled, or without spans) are not laid out again on every pass; nor is the summary page, which
  // is a section of its own and one page long.
  const parts: (number[] | undefined)[] = tables.map((t) => (hasRowSpans(t) ? t.rows.map(() => 1) : undefined));
  let open = tables.flatMap((_, i) => (parts[i] ? [i] : []));
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
  const { def, texter, svg } = build(tables, meta, fonts, parts, false, opts);
  const bytes = await prepare(texter, svg).createPdf(def).getBuffer();
  return { bytes, missingGlyphs: texter.missing() };
}
