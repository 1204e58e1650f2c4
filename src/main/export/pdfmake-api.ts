// The slice of pdfmake 0.3's server API that PlanDesk uses, typed here because pdfmake ships no typings (and
// @types/pdfmake describes 0.2). Read from node_modules/pdfmake/src: index.js exports one shared instance with
// addFonts/setFonts, setUrlAccessPolicy, setLocalAccessPolicy, addTableLayouts and createPdf(def).getBuffer().
import { createRequire } from 'node:module';

export type Alignment = 'left' | 'center' | 'right' | 'justify';
/** [left, top, right, bottom] in points */
export type Margins = [number, number, number, number];

export interface Inline {
  text: string;
  font?: string;
  lineHeight?: number;
  /** never broken across lines */
  noWrap?: boolean;
}

export interface StyleDef {
  font: string;
  fontSize: number;
  lineHeight: number;
  margin?: Margins;
}

export interface TextNode {
  text: string | Inline[];
  /** a key of the definition's `styles` */
  style?: string;
  alignment?: Alignment;
  margin?: Margins;
  /** first-line indent in points */
  leadingIndent?: number;
  verticalAlignment?: 'top' | 'middle' | 'bottom';
  rowSpan?: number;
  colSpan?: number;
  /**
   * node id: pdfmake hands it to pageBreakBefore and keeps the node's page right when a row is moved to the next
   * page (it also writes a named destination, so ids are set on measuring passes only)
   */
  id?: string;
}

/** A cell covered by a row or column span. */
export type CoveredCell = Record<string, never>;
export type TableCell = TextNode | CoveredCell;

export interface TableNode {
  table: {
    widths: number[];
    headerRows: number;
    dontBreakRows: boolean;
    body: TableCell[][];
  };
  /** name of a layout registered with addTableLayouts */
  layout: string;
  margin?: Margins;
  pageBreak?: 'before';
}

/**
 * An SVG drawing (svg-to-pdfkit inside pdfmake). Text in it is set in the font whose pdfmake family its
 * `font-family` names; see chart-fonts.ts for how that reaches pdfkit. `options` go to svg-to-pdfkit.
 */
export interface SvgNode {
  svg: string;
  width: number;
  height: number;
  margin?: Margins;
  options?: { warningCallback?: (message: string) => void };
}

export interface SectionNode {
  section: Content[];
  pageOrientation?: 'portrait' | 'landscape';
  /** a page size of the section's own; height 'auto' makes one page as tall as its content (no page breaks) */
  pageSize?: { width: number; height: number | 'auto' };
  pageMargins: Margins;
}

export type Content = TextNode | TableNode | SvgNode | SectionNode;

export interface PageSize {
  width: number;
  height: number;
  orientation: 'portrait' | 'landscape';
}

/**
 * A laid-out node as pageBreakBefore sees it. Positions are those of its first line, taken when the line was
 * laid out: inside an unbreakable block (a table row with dontBreakRows) `top` is relative to the block and the
 * page is the block's, except for a node with an id, whose page pdfmake corrects when it places the block.
 */
export interface NodeInfo {
  id?: string;
  style?: string;
  text?: unknown;
  /** the number of pages laid out */
  pages: number;
  startPosition: { pageNumber: number; top: number };
}

export interface TDocumentDefinitions {
  pageSize: 'A4';
  pageOrientation: 'portrait' | 'landscape';
  pageMargins: Margins;
  content: Content[];
  footer?: (currentPage: number, pageCount: number, pageSize: PageSize) => Content;
  pageBreakBefore?: (node: NodeInfo) => boolean;
  styles: Partial<Record<string, StyleDef>>;
  defaultStyle: { font: string; fontSize: number };
  info: {
    title: string;
    author: string;
    subject: string;
    creator: string;
    producer: string;
    creationDate: Date;
    modDate: Date;
  };
  language?: string;
  compress?: boolean;
}

export interface TableLayout {
  hLineWidth(i: number): number;
  vLineWidth(i: number): number;
  hLineColor(i: number): string;
  vLineColor(i: number): string;
  paddingLeft(i: number): number;
  paddingRight(i: number): number;
  paddingTop(i: number): number;
  paddingBottom(i: number): number;
}

/** normal is a file path, or [path, PostScript name] for a face inside a .ttc collection */
export type FontDescriptors = Record<string, { normal: string | [string, string] }>;

export interface PdfMakeServer {
  /** in-memory files that pdfmake reads before the disk (font paths included) */
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, content: Buffer): void };
  setFonts(fonts: FontDescriptors): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (file: string) => boolean): void;
  addTableLayouts(layouts: Record<string, TableLayout>): void;
  createPdf(def: TDocumentDefinitions): {
    getBuffer(): Promise<Buffer>;
    /** the laid-out pdfkit document, not yet ended (fonts not yet subset and embedded) */
    getStream(): Promise<unknown>;
  };
}

let instance: PdfMakeServer | undefined;

/**
 * pdfmake's shared server instance. Loaded with require at run time: the package is CommonJS without typings, and
 * the main-process bundle keeps dependencies external anyway.
 */
export function pdfmake(): PdfMakeServer {
  if (!instance) {
    instance = createRequire(__filename)('pdfmake') as PdfMakeServer;
    // Never fetch anything: fonts are local files, and a definition never names a URL.
    instance.setUrlAccessPolicy(() => false);
  }
  return instance;
}
