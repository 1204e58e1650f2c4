// The neutral table model that the in-app preview, the xlsx exporter and the pdf exporter all render,
// so that what the clerk sees is what is printed.

export type Align = 'left' | 'center' | 'right';

export interface ReportCell {
  /** exactly what is printed (a value's verbatim text) */
  text: string;
  /** set when the cell is a plain number: exporters write a numeric cell showing exactly `decimals` digits */
  number?: number;
  decimals?: number;
  align?: Align;
  /** the cell spans this many rows downward (covered cells are null in the rows below) */
  rowSpan?: number;
  /** the cell spans this many columns to the right (covered cells are null) */
  colSpan?: number;
  /**
   * A cell the recipient fills in (collection workbooks): unlocked when the sheet is protected, highlighted, and
   * guarded by a text-length rule with an input prompt. Only body cells can be input cells.
   */
  input?: ReportInput;
}

/** What an input cell accepts and says (Excel limits: titles 32 characters, prompt and error 255). */
export interface ReportInput {
  /** longest text accepted (numbers count the characters they are shown with) */
  maxLength: number;
  /** the input prompt shown when the cell is selected */
  promptTitle?: string;
  prompt?: string;
  /** the message shown when the rule refuses an entry */
  errorTitle?: string;
  error?: string;
}

export interface ReportColumn {
  key: string;
  /** relative width in characters of the body font (Excel column width; PDF proportional width) */
  width: number;
  align: Align;
}

export interface ReportRow {
  /** one entry per column; null where a span from above or the left covers it */
  cells: (ReportCell | null)[];
  /** the group (e.g. the 类别) this row belongs to; a group cell broken by a page is named again on the next page */
  group?: string;
}

export interface ReportTable {
  /** stable id, used for file and sheet names: 'appendix-1' */
  id: string;
  /** "附件1" */
  label: string;
  /** the appendix title, centred */
  title: string;
  /** short sheet name for Excel (≤ 31 characters, no []:*?/\) */
  sheetName: string;
  orientation: 'portrait' | 'landscape';
  columns: ReportColumn[];
  /** header rows; spans as in body rows */
  header: (ReportCell | null)[][];
  rows: ReportRow[];
  /** index of the column holding the merged group cell (类别), if any */
  groupColumn: number | null;
  /** notes printed under the table (e.g. consistency hints are NOT printed; they go to `hints`) */
  notes: string[];
  /** consistency hints for the clerk, shown in the preview but never printed */
  hints: string[];
  /** lines printed above the label and title (e.g. 填报说明 of a collection workbook), one wrapped row each */
  preamble?: string[];
  /** lines between the title and the table (e.g. 填报科室：…), left-aligned */
  subheading?: string[];
  /** protect the sheet (no password): every cell locked except the `input` cells */
  protect?: boolean;
}

/** Document-level facts pinned by the caller so output is deterministic in tests. */
export interface ReportMeta {
  /** the plan's title, for document properties */
  subject: string;
  author: string;
  /** creation/modification time written into the files */
  now: Date;
  /** document title, keywords and category, when the default (appendix wording) does not fit */
  title?: string;
  keywords?: string;
  category?: string;
}
