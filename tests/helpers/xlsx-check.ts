// Helpers for the xlsx exporter's tests: read the bytes back with a fresh exceljs, run the second readers
// (openpyxl, LibreOffice) and derive expectations from the plan document's own text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SEED_TEXT_RELATIVE_PATH } from './seed-text';

const REPO = path.resolve(__dirname, '../..');

export async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** A cell's value as text ('' for empty); covered cells of a merge report nothing of their own. */
export function cellString(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge || cell.value === null || cell.value === undefined) return '';
  return String(cell.value);
}

/** Decimals of a plain printed number ("3.035" → 3, "2" → 0); null for anything else ("≥95", ""). */
export function printedDecimals(text: string): number | null {
  const m = /^-?\d+(?:\.(\d+))?$/.exec(text);
  return m ? (m[1]?.length ?? 0) : null;
}

/** Decimals shown by a fixed-decimals number format ('0.00' → 2); throws on any other format. */
export function numFmtDecimals(fmt: string | undefined): number {
  const m = /^0(?:\.(0+))?$/.exec(fmt ?? '');
  if (!m) throw new Error(`not a fixed-decimals number format: ${fmt}`);
  return m[1]?.length ?? 0;
}

/** What a spreadsheet shows for `value` under a '0.00…' format. */
export function formatWithNumFmt(value: number, fmt: string | undefined): string {
  return value.toFixed(numFmtDecimals(fmt));
}

/** Excel column letters of a 1-based index (7 → G). */
export function colLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * The label and title of appendix `n` as the plan document prints them: the "附件 1" line and the next paragraph,
 * with spaces removed and half-width parentheses written full-width (the document mixes both).
 */
export function seedAppendixHeading(n: number): { label: string; title: string } {
  const lines = fs
    .readFileSync(path.join(REPO, SEED_TEXT_RELATIVE_PATH), 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim());
  const at = lines.findIndex((l) => new RegExp(`^附件\\s*${n}$`).test(l));
  if (at < 0) throw new Error(`no 附件${n} heading in the seed text`);
  const title = lines.slice(at + 1).find((l) => l !== '');
  if (!title) throw new Error(`no title after 附件${n}`);
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
  return { label: norm(lines[at]!), title: norm(title) };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface OpenpyxlCell {
  value: string | number | boolean;
  type: string;
  numFmt: string;
}
export interface OpenpyxlSheet {
  name: string;
  merged: string[];
  printTitleRows: string | null;
  paperSize: number | null;
  orientation: string | null;
  fitToWidth: number | null;
  fitToHeight: number | null;
  fitToPage: boolean | null;
  oddFooterRight: string | null;
  evenFooterLeft: string | null;
  freeze: string | null;
  cells: Record<string, OpenpyxlCell>;
}

/** Load the file with openpyxl (tests/helpers/xlsx-openpyxl.py) and return what it reports. */
export function readWithOpenpyxl(file: string): { sheets: OpenpyxlSheet[]; properties: Record<string, string> } {
  const script = path.join(__dirname, 'xlsx-openpyxl.py');
  const r = spawnSync('/usr/bin/python3', [script, file], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`openpyxl failed (${r.status}): ${r.stderr || r.error}`);
  return JSON.parse(r.stdout);
}

/**
 * Convert with headless LibreOffice into outDir, using a throwaway profile so a running LibreOffice or a parallel
 * test does not interfere. Returns the files written.
 */
export function convertWithLibreOffice(file: string, convertTo: string, outDir: string): string[] {
  const profile = tempDir('plandesk-lo-profile-');
  try {
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', convertTo, '--outdir', outDir, file],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr || r.error}`);
    const written = fs.readdirSync(outDir).map((f) => path.join(outDir, f));
    if (written.length === 0) throw new Error(`soffice wrote nothing: ${r.stdout} ${r.stderr}`);
    return written;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Run a poppler tool (pdfinfo, pdftotext) and return its stdout. */
export function poppler(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.error}`);
  return r.stdout;
}

/** RFC 4180 CSV (LibreOffice's export): quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ',' && ch !== '\n' && ch !== '\r')) {
      field += ch;
    } else if (ch === ',') {
      endField();
    } else {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}
