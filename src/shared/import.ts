// The values importer's preview (DOMAIN.md §7): what a set of returned workbooks would change, shown to the clerk
// before anything is written. Produced by src/main/import, shown by the 年度监测 page and printed by the CLI.
import { z } from 'zod';
import { id } from './api-schemas';

/** Largest workbook accepted (bytes), checked before it is unzipped. */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;
/** Most files in one import. */
export const MAX_IMPORT_FILES = 100;

export const importFileSchema = z.strictObject({
  /** the file's name as the clerk sees it (kept in the change log) */
  name: z.string().trim().min(1).max(260),
  /** base64 of the file's bytes; ~4/3 of MAX_IMPORT_FILE_BYTES */
  bytesBase64: z
    .string()
    .max(Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 4, '文件超过 20 MB，不像是一份填报表，未导入。'),
});
export type ImportFile = z.infer<typeof importFileSchema>;

export const importArgsSchema = z.strictObject({
  planId: id,
  files: z.array(importFileSchema).min(1, '请至少选择一个文件').max(MAX_IMPORT_FILES),
});

/** Where something was found: file, sheet and cell (A1 style) as the clerk would look for it. */
export interface ImportPlace {
  file: string;
  sheet: string | null;
  cell: string | null;
}

export interface ImportProblem extends ImportPlace {
  /**
   * error: the file (or the row) is not imported; warning: imported as written, but worth a look (e.g. a value that
   * is not a number, a jump from last year)
   */
  severity: 'error' | 'warning';
  /** in Chinese, saying what is wrong and what to do */
  message: string;
}

/** One cell of the plan the files would change. */
export interface ImportChange extends ImportPlace {
  indicatorId: number;
  seq: string;
  name: string;
  year: number;
  kind: 'actual';
  /** the text stored now (null: empty) */
  before: string | null;
  after: string | null;
  /** 情况说明 now and after (undefined: the file does not touch it) */
  noteBefore?: string | null;
  noteAfter?: string | null;
}

/** Files that disagree on one cell: nothing is imported for it until the clerk fixes the files. */
export interface ImportConflict {
  indicatorId: number;
  seq: string;
  name: string;
  year: number;
  values: (ImportPlace & { text: string | null })[];
}

export interface ImportFileSummary {
  file: string;
  sha256: string;
  /** which kind of workbook was recognised */
  kind: 'annual' | 'collection' | 'unknown';
  year: number | null;
  /** indicator rows matched to the plan */
  matched: number;
  changed: number;
  unchanged: number;
  /** the file could not be read at all (then it contributes nothing) */
  rejected: boolean;
}

export interface ImportPreview {
  planId: number;
  files: ImportFileSummary[];
  changes: ImportChange[];
  /** rows whose values equal what is stored (count per file is in `files`) */
  unchanged: { indicatorId: number; seq: string; name: string; file: string }[];
  conflicts: ImportConflict[];
  problems: ImportProblem[];
  /**
   * Fingerprint of the plan's current values and the changes: `import/apply` refuses if either differs from what the
   * clerk previewed (someone edited meanwhile).
   */
  token: string;
}

export interface ImportApplyResult {
  applied: number;
  /** change-log entries written */
  logged: number;
}
