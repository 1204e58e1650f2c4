// A second writer for the importer's tests: openpyxl edits workbooks we exported; officecrypto-tool encrypts them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import officeCrypto from 'officecrypto-tool';

export interface CellEdit {
  sheet?: string;
  /** text of a cell in the row to edit (e.g. the indicator's printed name) */
  row: string;
  /** the column's header text */
  column: string;
  value: number | string | null | { formula: string } | { date: string } | { number: number; format: string };
}

function python(args: string[]): void {
  const r = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`python3 ${args[0]} failed (${r.status}): ${r.stderr || r.error}`);
}

export function editWithOpenpyxl(src: string, dst: string, edits: CellEdit[]): void {
  python([path.join(__dirname, 'xlsx_edit.py'), src, dst, JSON.stringify(edits)]);
}

/** Password-protects a workbook as Excel does (an OLE container with an EncryptedPackage stream). */
export function encryptWorkbook(bytes: Buffer, password: string): Buffer {
  return officeCrypto.encrypt(bytes, { password }) as Buffer;
}
