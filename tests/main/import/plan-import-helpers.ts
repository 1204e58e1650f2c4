// Helpers for the plan import tests: workbooks built cell by cell (exceljs, or openpyxl as a second writer), read back
// as the texts a clerk sees, and the service under test on a context.
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../../src/main/context';
import { createPlanImportService, type PlanImportInput } from '../../../src/main/services/plan-import-service';
import type { PlanDetail } from '../../../src/shared/model';

/** A cell as written: text, a number (with the format that shows its decimals), or nothing. */
export type Cell = string | number | { n: number; fmt: string } | null;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** A1 ranges, e.g. 'A4:A9' */
  merges?: string[];
}

export async function buildWithExcelJS(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'test';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'object') {
          cell.value = v.n;
          cell.numFmt = v.fmt;
        } else cell.value = v;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const OPENPYXL = `
import json, sys, openpyxl
spec = json.loads(sys.stdin.read())
wb = openpyxl.Workbook()
wb.remove(wb.active)
for s in spec["sheets"]:
    ws = wb.create_sheet(s["name"])
    for r, row in enumerate(s["rows"], start=1):
        for c, v in enumerate(row, start=1):
            if v is None:
                continue
            cell = ws.cell(row=r, column=c)
            if isinstance(v, dict):
                cell.value = v["n"]
                cell.number_format = v["fmt"]
            else:
                cell.value = v
    for m in s.get("merges", []):
        ws.merge_cells(m)
wb.save(spec["out"])
`;

/** The same sheets written by openpyxl (a second writer: its own XML, shared strings, merges). */
export function buildWithOpenpyxl(sheets: SheetSpec[], out: string): void {
  const r = spawnSync('/usr/bin/python3', ['-c', OPENPYXL], {
    input: JSON.stringify({ sheets, out }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`openpyxl failed (${r.status}): ${r.stderr || r.error}`);
}

/** What a cell shows: numbers under a 0.00 format with exactly those decimals, covered cells of a merge empty. */
function shown(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge || cell.value === null || cell.value === undefined) return '';
  if (typeof cell.value === 'number') {
    const m = /^0(?:\.(0+))?(%?)$/.exec(cell.numFmt ?? '');
    if (!m) return String(cell.value);
    return m[2] ? `${(cell.value * 100).toFixed(m[1]?.length ?? 0)}%` : cell.value.toFixed(m[1]?.length ?? 0);
  }
  const v = cell.value as unknown;
  if (typeof v === 'object' && v !== null && 'richText' in v) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return String(v);
}

/** Every row of a sheet as shown, without trailing empty cells. */
export async function sheetTexts(bytes: Uint8Array, sheet?: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = sheet ? wb.getWorksheet(sheet)! : wb.worksheets[0]!;
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = Array.from({ length: ws.columnCount }, (_, c) => shown(ws.getCell(r, c + 1)));
    while (row.length > 0 && row.at(-1) === '') row.pop();
    rows.push(row);
  }
  return rows;
}

/** The table from the header row (the row holding `headerText`) down, blank spacer rows left out. */
export function tableFrom(rows: string[][], headerText: string): string[][] {
  const start = rows.findIndex((r) => r.includes(headerText));
  if (start < 0) throw new Error(`no row with ${headerText}`);
  return rows.slice(start).filter((r) => r.length > 0);
}

/** The service under test, on the context's database. */
export const planImporter = (ctx: AppContext) => createPlanImportService(ctx.db, ctx.repos, ctx.clock);

export const input = (name: string, bytes: Uint8Array, extra: Partial<PlanImportInput> = {}): PlanImportInput => ({
  name,
  bytes,
  ...extra,
});

/** A plan's indicators as the appendix shows them, for field-by-field comparison. */
export function indicatorFields(d: PlanDetail) {
  const category = new Map(d.categories.map((c) => [c.id, c.name]));
  return d.indicators.map((i) => ({
    category: category.get(i.categoryId),
    seq: i.seq,
    printedName: i.printedName,
    name: i.name,
    unit: i.unit,
    nature: i.nature,
    remark: i.remark,
    base: i.base ? { year: i.base.year, text: i.base.text } : null,
    targets: Object.fromEntries(i.values.filter((v) => v.kind === 'target').map((v) => [String(v.year), v.text])),
  }));
}
