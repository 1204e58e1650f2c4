// 填报表 (collection workbook) for one 科室 on the seed plan: built from a real database, read back by a fresh exceljs,
// by openpyxl (values, protection, locked cells, validations) and by LibreOffice (CSV, and a re-save to xlsx that
// openpyxl reads again, which shows LibreOffice understood the protection and the rules). Expectations come from the
// plan as stored and from literal header texts, never from the builder's own helpers.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/main/context';
import { renderXlsx } from '../../../src/main/export/xlsx';
import { buildCollectionWorkbook } from '../../../src/main/services/reports/collection';
import { AppError } from '../../../src/shared/errors';
import type { Indicator, PlanDetail } from '../../../src/shared/model';
import type { ReportTable } from '../../../src/shared/report';
import { memoryContext } from '../../helpers/db';
import {
  cellString,
  colLetter,
  convertWithLibreOffice,
  formatWithNumFmt,
  parseCsv,
  readBack,
  readWithOpenpyxl,
  tempDir,
} from '../../helpers/xlsx-check';

const YEAR = 2022;
/** Layout contract: six lines of 填报说明, the title, 填报科室, then the header row. */
const TITLE_ROW = 7;
const DEPT_ROW = 8;
const HEADER_ROW = 9;
const BODY_ROW = 10;
const HEADER = [
  '类别',
  '序号',
  '指标名称（单位）',
  '属性',
  '基期值',
  '2021年完成值',
  '2022年目标值',
  '规划目标值',
  '2022年完成值',
  '情况说明',
];
const VALUE_COL = 9;
const NOTE_COL = 10;
const NCOL = HEADER.length;
/** Local time, so the file name's date does not depend on the machine's time zone. */
const NOW = new Date(2026, 10, 27, 10, 30, 0);
const SEQS = ['1', '2', '3', '13', '19'];

let ctx: AppContext;
let planId: number;
let detail: PlanDetail;
let dept: { id: number; name: string };
let other: { id: number; name: string };
let empty: { id: number; name: string };
let bytes: Buffer;
let fileName: string;
let wb: ExcelJS.Workbook;
let ws: ExcelJS.Worksheet;
let dir: string;
let file: string;

function assign(ind: Indicator, departmentId: number): void {
  ctx.services.structure.saveIndicator(
    planId,
    {
      id: ind.id,
      categoryId: ind.categoryId,
      name: ind.name,
      unit: ind.unit,
      nature: ind.nature,
      direction: ind.direction,
      targetKind: ind.targetKind,
      base: ind.base ? { text: ind.base.text, year: ind.base.year, source: ind.base.source } : null,
      departmentId,
      dataSource: ind.dataSource,
      remark: ind.remark,
    },
    'test',
  );
}

beforeAll(async () => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
  dept = ctx.services.work.saveDepartment({ name: '登记注册科' }, 'test');
  other = ctx.services.work.saveDepartment({ name: '质量发展科' }, 'test');
  empty = ctx.services.work.saveDepartment({ name: '办公室' }, 'test');
  const seed = ctx.services.plans.get(planId);
  const bySeq = (s: string) => seed.indicators.find((i) => i.seq === s)!;
  for (const s of SEQS) assign(bySeq(s), dept.id);
  assign(bySeq('8'), other.id);
  ctx.services.indicators.updateValues(
    planId,
    [
      { indicatorId: bySeq('1').id, year: 2021, kind: 'actual', text: '3.035' },
      { indicatorId: bySeq('1').id, year: YEAR, kind: 'actual', text: '3.50', note: '统计口径调整，含个体工商户' },
      { indicatorId: bySeq('2').id, year: YEAR, kind: 'actual', text: '≥60' },
      { indicatorId: bySeq('13').id, year: YEAR, kind: 'actual', text: '3.035' },
      { indicatorId: bySeq('8').id, year: YEAR, kind: 'actual', text: '12' },
    ],
    'test',
  );
  detail = ctx.services.plans.get(planId);
  const out = await buildCollectionWorkbook(detail, YEAR, dept.id, NOW);
  bytes = Buffer.from(out.bytes);
  fileName = out.fileName;
  expect(out.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  wb = await readBack(bytes);
  ws = wb.worksheets[0]!;
  dir = tempDir('plandesk-collection-');
  file = path.join(dir, 'collection.xlsx');
  fs.writeFileSync(file, bytes);
});
afterAll(() => {
  ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The department's indicators in the plan's order (categories, then indicators within them). */
const mine = (d: PlanDetail, departmentId: number) =>
  d.categories.flatMap((c) => d.indicators.filter((i) => i.categoryId === c.id && i.departmentId === departmentId));
const value = (ind: Indicator, year: number, kind: 'target' | 'actual') =>
  ind.values.find((v) => v.year === year && v.kind === kind);
/** What a spreadsheet shows: a number under its fixed-decimals format (or General), text as it is. */
const shown = (cell: ExcelJS.Cell) =>
  typeof cell.value === 'number'
    ? cell.numFmt && cell.numFmt !== 'General'
      ? formatWithNumFmt(cell.value, cell.numFmt)
      : String(cell.value)
    : cellString(cell);
const rowTexts = (r: number) => Array.from({ length: NCOL }, (_, c) => cellString(ws.getCell(r, c + 1)));
const isInput = (r: number, c: number, rows: number) =>
  r >= BODY_ROW && r < BODY_ROW + rows && (c === VALUE_COL || c === NOTE_COL);

describe('collection workbook for one section, read back by exceljs', () => {
  it('is named after the plan, year, section and local date; one sheet', () => {
    expect(fileName).toBe('十四五_2022年度填报表_登记注册科_20261127.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2022年度填报表']);
  });

  it('starts with the instructions, then the title, the section and the exact header row', () => {
    const preamble = Array.from({ length: TITLE_ROW - 1 }, (_, i) => cellString(ws.getCell(i + 1, 1))).join('\n');
    expect(preamble).toMatch(/^填报说明/);
    for (const must of [
      '黄色单元格',
      '95% 填 95',
      '≥95',
      '不要修改序号、指标名称',
      '插入或删除行',
      '情况说明',
      '.xlsx',
      '＿＿月＿＿日',
    ]) {
      expect(preamble).toContain(must);
    }
    expect(cellString(ws.getCell(TITLE_ROW, 1))).toBe(`${detail.plan.title}2022年度主要指标完成情况填报表`);
    expect(cellString(ws.getCell(DEPT_ROW, 1))).toBe('填报科室：登记注册科');
    expect(rowTexts(HEADER_ROW)).toEqual(HEADER);
    // Only one row anywhere carries the header's texts (the importer looks for them).
    const rowsWithSeq: number[] = [];
    ws.eachRow((row, r) => row.eachCell((c) => c.value === '序号' && rowsWithSeq.push(r)));
    expect(rowsWithSeq).toEqual([HEADER_ROW]);
    expect(ws.getCell(TITLE_ROW, 1).font).toMatchObject({ name: '宋体', size: 18, bold: true });
    expect(ws.getCell(HEADER_ROW, 1).font).toMatchObject({ name: '黑体', bold: true });
  });

  it('lists exactly the section’s indicators, each with its figures', () => {
    const list = mine(detail, dept.id);
    expect(list.map((i) => i.seq)).toEqual(SEQS);
    list.forEach((ind, k) => {
      const r = BODY_ROW + k;
      expect(cellString(ws.getCell(r, 2))).toBe(ind.seq);
      expect(cellString(ws.getCell(r, 3))).toBe(ind.printedName);
      expect(cellString(ws.getCell(r, 4))).toBe(
        ind.nature === 'binding' ? '约束性' : ind.nature === 'expected' ? '预期性' : '',
      );
      expect(shown(ws.getCell(r, 5))).toBe(ind.base?.text ?? '');
      expect(shown(ws.getCell(r, 6))).toBe(value(ind, 2021, 'actual')?.text ?? '');
      expect(shown(ws.getCell(r, 7))).toBe(value(ind, YEAR, 'target')!.text); // the seed publishes 2022 targets
      expect(shown(ws.getCell(r, 8))).toBe(value(ind, detail.plan.lastYear, 'target')?.text ?? '');
    });
    expect(ws.rowCount).toBe(BODY_ROW + list.length - 1);
    // Nothing of the other sections' indicators.
    const all: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => all.push(cellString(c))));
    for (const ind of detail.indicators.filter((i) => i.departmentId !== dept.id)) {
      expect(all).not.toContain(ind.printedName);
    }
  });

  it('groups 类别 as true vertical merges, the title across the table', () => {
    const list = mine(detail, dept.id);
    const expected = Array.from({ length: DEPT_ROW }, (_, i) => `A${i + 1}:${colLetter(NCOL)}${i + 1}`);
    let r = BODY_ROW;
    for (const c of detail.categories) {
      const n = list.filter((i) => i.categoryId === c.id).length;
      if (n === 0) continue;
      expect(cellString(ws.getCell(r, 1))).toBe(c.name);
      if (n > 1) expected.push(`A${r}:A${r + n - 1}`);
      r += n;
    }
    expect([...ws.model.merges].sort()).toEqual(expected.sort());
  });

  it('prefills the year’s actuals verbatim (numbers as numbers with their decimals) and notes', () => {
    const at = (seq: string) => BODY_ROW + SEQS.indexOf(seq);
    const v1 = ws.getCell(at('1'), VALUE_COL);
    expect([v1.type, v1.value, v1.numFmt, shown(v1)]).toEqual([ExcelJS.ValueType.Number, 3.5, '0.00', '3.50']);
    expect(cellString(ws.getCell(at('1'), NOTE_COL))).toBe('统计口径调整，含个体工商户');
    const v2 = ws.getCell(at('2'), VALUE_COL);
    expect([v2.type, v2.value]).toEqual([ExcelJS.ValueType.String, '≥60']);
    // General shows 3.035 as printed, so the cell keeps General and shows what the recipient types as typed.
    const v13 = ws.getCell(at('13'), VALUE_COL);
    expect([v13.type, v13.value]).toEqual([ExcelJS.ValueType.Number, 3.035]);
    expect(v13.numFmt ?? 'General').toBe('General');
    for (const seq of ['3', '19']) {
      const c = ws.getCell(at(seq), VALUE_COL);
      expect(c.value ?? null).toBeNull();
      expect(c.numFmt ?? 'General').toBe('General'); // never '@': a typed number must stay a number
    }
  });

  it('protects the sheet without a password; only the fill cells are unlocked and yellow', () => {
    // exceljs reads <sheetProtection> into `sheetProtection`, which its typings do not declare.
    const prot = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection!;
    expect(prot).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
    expect(prot.selectLockedCells).not.toBe(false);
    expect(prot.selectUnlockedCells).not.toBe(false);
    expect(prot.hashValue ?? prot.password).toBeUndefined();
    const rows = SEQS.length;
    for (let r = 1; r <= BODY_ROW + rows - 1; r++) {
      for (let c = 1; c <= NCOL; c++) {
        const cell = ws.getCell(r, c);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        if (isInput(r, c, rows)) {
          expect(cell.protection?.locked, cell.address).toBe(false);
          expect(fill?.fgColor?.argb, cell.address).toBe('FFFFF2CC');
          expect(cell.border?.left?.style, cell.address).toBe('thin');
        } else {
          expect(cell.protection?.locked, cell.address).not.toBe(false);
          expect(fill?.pattern ?? 'none', cell.address).toBe('none');
        }
      }
    }
  });

  it('guards the fill cells with text-length rules and Chinese prompts', () => {
    mine(detail, dept.id).forEach((ind, k) => {
      const r = BODY_ROW + k;
      const v = ws.getCell(r, VALUE_COL).dataValidation;
      expect(v).toMatchObject({
        type: 'textLength',
        operator: 'lessThanOrEqual',
        allowBlank: true,
        formulae: [50],
        showInputMessage: true,
        showErrorMessage: true,
        promptTitle: '2022年完成值',
      });
      expect(v.prompt).toContain(`单位：${ind.unit ?? '无'}`);
      expect(v.prompt).toContain(`2022年目标值：${value(ind, YEAR, 'target')!.text}`);
      expect(v.prompt).toContain('只填数字，例如 95');
      expect(v.error).toMatch(/[\u4e00-\u9fff]/);
      const n = ws.getCell(r, NOTE_COL).dataValidation;
      expect(n).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [500] });
      expect(n.promptTitle).toBe('情况说明');
      for (let c = 1; c < VALUE_COL; c++) expect(ws.getCell(r, c).dataValidation, `${r},${c}`).toBeUndefined();
    });
  });

  it('prints like the appendices: A4 landscape, one page wide, header repeated, page numbers', () => {
    const ps = ws.pageSetup;
    expect([ps.paperSize, ps.orientation, ps.fitToPage, ps.fitToWidth, ps.fitToHeight]).toEqual([
      9,
      'landscape',
      true,
      1,
      0,
    ]);
    expect(ps.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
    expect(ws.headerFooter.oddFooter).toMatch(/^&R.*— &P —$/);
    expect(ws.headerFooter.evenFooter).toMatch(/^&L.*— &P —$/);
  });

  it('pins the document properties to `now`: two exports hold the same parts', async () => {
    expect(wb.created.getTime()).toBe(NOW.getTime());
    expect(wb.modified.getTime()).toBe(NOW.getTime());
    expect(wb.title).toBe(`${detail.plan.title}2022年度主要指标完成情况填报表（登记注册科）`);
    expect(wb.category).toBe('填报表');
    const { default: JSZip } = await import('jszip');
    const parts = async (b: Uint8Array) => {
      const zip = await JSZip.loadAsync(b);
      const names = Object.keys(zip.files).sort();
      return Promise.all(names.map(async (n) => [n, await zip.files[n]!.async('string')]));
    };
    const again = await buildCollectionWorkbook(ctx.services.plans.get(planId), YEAR, dept.id, NOW);
    expect(await parts(again.bytes)).toEqual(await parts(bytes));
  });

  it('another section gets only its own indicator; a later year marks interpolated targets', async () => {
    const b = await readBack(Buffer.from((await buildCollectionWorkbook(detail, YEAR, other.id, NOW)).bytes));
    const s = b.worksheets[0]!;
    expect(cellString(s.getCell(DEPT_ROW, 1))).toBe('填报科室：质量发展科');
    const ind8 = detail.indicators.find((i) => i.seq === '8')!;
    expect([cellString(s.getCell(BODY_ROW, 2)), cellString(s.getCell(BODY_ROW, 3))]).toEqual(['8', ind8.printedName]);
    expect(s.getCell(BODY_ROW, VALUE_COL).value).toBe(12);
    expect(s.rowCount).toBe(BODY_ROW);

    const later = await readBack(Buffer.from((await buildCollectionWorkbook(detail, 2023, dept.id, NOW)).bytes));
    const w = later.worksheets[0]!;
    expect(Array.from({ length: NCOL }, (_, c) => cellString(w.getCell(HEADER_ROW, c + 1)))).toEqual(
      HEADER.map((h) => h.replace('2022', '2023').replace('2021', '2022')),
    );
    // 2023 has no published target in the seed: the value comes from the straight line, marked as derived.
    const target = cellString(w.getCell(BODY_ROW, 7));
    expect(target).toMatch(/^\d+(\.\d+)?\s*（推算）$/);
    expect(w.getCell(BODY_ROW, VALUE_COL).dataValidation.prompt).toContain('（推算）');
    expect(shown(w.getCell(BODY_ROW, 6))).toBe('3.50'); // last year's actual
    const notes: string[] = [];
    w.eachRow((row) => row.eachCell((c) => notes.push(cellString(c))));
    expect(notes.some((t) => t.includes('推算') && t.startsWith('注'))).toBe(true);
  });
});

describe('refusals', () => {
  const code = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return [(e as AppError).code, (e as AppError).message];
    }
    throw new Error('expected a refusal');
  };

  it('an unknown section, a section without indicators, a year outside the plan', async () => {
    expect(await code(buildCollectionWorkbook(detail, YEAR, 99_999, NOW))).toEqual([
      'NOT_FOUND',
      expect.stringMatching(/科室/),
    ]);
    expect(await code(buildCollectionWorkbook(detail, YEAR, empty.id, NOW))).toEqual([
      'VALIDATION',
      expect.stringMatching(/办公室.*没有负责的指标/),
    ]);
    for (const y of [2020, 2026]) {
      expect(await code(buildCollectionWorkbook(detail, y, dept.id, NOW))).toEqual([
        'VALIDATION',
        expect.stringMatching(/不在规划期 2021—2025/),
      ]);
    }
  });
});

/** openpyxl's view of protection, locks, fills and validations (the shared helper reports values only). */
const OPENPYXL_PROTECTION = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
p = ws.protection
cells = {}
for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
    for c in row:
        fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == 'solid' else None
        cells[c.coordinate] = {"locked": bool(c.protection.locked), "fill": fill, "numFmt": c.number_format,
                               "value": c.value if isinstance(c.value, (int, float, str)) else None}
print(json.dumps({
    "protection": {"sheet": p.sheet, "formatColumns": p.formatColumns, "formatRows": p.formatRows,
                   "selectLockedCells": p.selectLockedCells, "selectUnlockedCells": p.selectUnlockedCells,
                   "password": p.password},
    "validations": [{"type": v.type, "operator": v.operator, "formula1": v.formula1, "sqref": str(v.sqref),
                     "promptTitle": v.promptTitle, "prompt": v.prompt, "error": v.error,
                     "showInputMessage": bool(v.showInputMessage), "showErrorMessage": bool(v.showErrorMessage)}
                    for v in ws.data_validations.dataValidation],
    "cells": cells,
}, ensure_ascii=False))
`;
interface PyView {
  protection: Record<string, boolean | string | null>;
  validations: {
    type: string;
    operator: string;
    formula1: string;
    sqref: string;
    promptTitle: string | null;
    prompt: string | null;
    error: string | null;
    showInputMessage: boolean;
    showErrorMessage: boolean;
  }[];
  cells: Record<string, { locked: boolean; fill: string | null; numFmt: string; value: string | number | null }>;
}
function openpyxlView(f: string): PyView {
  const r = spawnSync('/usr/bin/python3', ['-c', OPENPYXL_PROTECTION, f], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`openpyxl failed (${r.status}): ${r.stderr || r.error}`);
  return JSON.parse(r.stdout) as PyView;
}
/** Every address a validation's sqref covers ("I10 J10:J14"). */
function covered(sqref: string): string[] {
  return sqref.split(/\s+/).flatMap((part) => {
    const [a, b = a] = part.split(':') as [string, string?];
    const parse = (x: string) => /^([A-Z]+)(\d+)$/.exec(x)!;
    const [, ca, ra] = parse(a);
    const [, cb, rb] = parse(b!);
    if (ca !== cb) throw new Error(`multi-column sqref ${part}`);
    return Array.from({ length: Number(rb) - Number(ra) + 1 }, (_, i) => `${ca}${Number(ra) + i}`);
  });
}

function expectProtectedForm(py: PyView, where: string): void {
  expect(py.protection, where).toMatchObject({
    sheet: true,
    formatColumns: false, // false = allowed
    formatRows: false,
    selectLockedCells: false,
    selectUnlockedCells: false,
  });
  expect(py.protection.password ?? null, where).toBeNull();
  const rows = SEQS.length;
  const unlocked = Object.entries(py.cells)
    .filter(([, c]) => !c.locked)
    .map(([a]) => a)
    .sort();
  const fills = Array.from({ length: rows }, (_, k) => [`I${BODY_ROW + k}`, `J${BODY_ROW + k}`])
    .flat()
    .sort();
  expect(unlocked, where).toEqual(fills);
  // Every fill cell has exactly one rule of the right kind; no other cell has one.
  const rules = new Map<string, PyView['validations'][number]>();
  for (const v of py.validations) {
    for (const a of covered(v.sqref)) {
      expect(rules.has(a), `${where} ${a} has two rules`).toBe(false);
      rules.set(a, v);
    }
  }
  expect([...rules.keys()].sort(), where).toEqual(fills);
  for (const [a, v] of rules) {
    expect([v.type, v.operator, v.formula1], `${where} ${a}`).toEqual([
      'textLength',
      'lessThanOrEqual',
      a.startsWith('I') ? '50' : '500',
    ]);
    expect([v.showInputMessage, v.showErrorMessage], `${where} ${a}`).toEqual([true, true]);
    expect(v.promptTitle, `${where} ${a}`).toBe(a.startsWith('I') ? '2022年完成值' : '情况说明');
    if (a.startsWith('I')) expect(v.prompt, `${where} ${a}`).toContain('只填数字，例如 95');
    expect(v.error, `${where} ${a}`).toMatch(/[\u4e00-\u9fff]/);
  }
  for (const a of fills) expect(py.cells[a]!.numFmt, `${where} ${a}`).not.toBe('@');
}

describe('second readers', () => {
  it('openpyxl: same values, header, print titles; protection, unlocked fill cells and rules', () => {
    const basic = readWithOpenpyxl(file);
    const s = basic.sheets[0]!;
    expect(s.name).toBe('2022年度填报表');
    expect(s.printTitleRows).toBe(`$${HEADER_ROW}:$${HEADER_ROW}`);
    expect(HEADER.map((_, c) => s.cells[`${colLetter(c + 1)}${HEADER_ROW}`]?.value)).toEqual(HEADER);
    expect(s.cells[`I${BODY_ROW}`]).toEqual({ value: 3.5, type: 'number', numFmt: '0.00' });
    expect(s.cells[`I${BODY_ROW + 1}`]).toMatchObject({ value: '≥60' });
    expect([...s.merged].sort()).toEqual([...ws.model.merges].sort());
    const py = openpyxlView(file);
    expectProtectedForm(py, 'PlanDesk file');
    expect(py.cells[`I${BODY_ROW}`]!.fill).toBe('FFFFF2CC');
    expect(py.cells[`H${BODY_ROW}`]!.fill).toBeNull();
  });

  it('LibreOffice opens it: CSV shows the header and the prefilled values as printed', () => {
    const out = tempDir('plandesk-collection-csv-');
    try {
      const [csvFile] = convertWithLibreOffice(file, 'csv:Text - txt - csv (StarCalc):44,34,76,1', out);
      const rows = parseCsv(fs.readFileSync(csvFile!, 'utf8'));
      expect(rows[0]![0]).toMatch(/^填报说明/);
      expect(rows[TITLE_ROW - 1]![0]).toBe(`${detail.plan.title}2022年度主要指标完成情况填报表`);
      expect(rows[DEPT_ROW - 1]![0]).toBe('填报科室：登记注册科');
      expect(rows[HEADER_ROW - 1]).toEqual(HEADER);
      const body = rows.slice(BODY_ROW - 1, BODY_ROW - 1 + SEQS.length);
      expect(body.map((r) => r[1])).toEqual(SEQS);
      expect(body[0]!.slice(VALUE_COL - 1)).toEqual(['3.50', '统计口径调整，含个体工商户']);
      expect(body[1]![VALUE_COL - 1]).toBe('≥60');
      expect(body[3]![VALUE_COL - 1]).toBe('3.035');
      expect(body[0]![5]).toBe('3.035'); // 2021年完成值
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('LibreOffice keeps the protection, the unlocked cells and the rules when it saves the file again', () => {
    const out = tempDir('plandesk-collection-lo-');
    try {
      const [resaved] = convertWithLibreOffice(file, 'xlsx:Calc MS Excel 2007 XML', out);
      expectProtectedForm(openpyxlView(resaved!), 'LibreOffice re-save');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('input cells in the renderer', () => {
  it('cuts prompt and error texts to Excel’s limits and keeps them on one line', async () => {
    const long = '很长的提示'.repeat(80); // 400 characters
    const t: ReportTable = {
      id: 't',
      label: '',
      title: '测试',
      sheetName: '测试',
      orientation: 'portrait',
      columns: [{ key: 'a', width: 20, align: 'center' }],
      header: [[{ text: '2022年完成值' }]],
      rows: [
        {
          cells: [
            {
              text: '',
              input: { maxLength: 50, promptTitle: '标题'.repeat(30), prompt: `第一行\n${long}`, error: long },
            },
          ],
        },
      ],
      groupColumn: null,
      notes: [],
      hints: [],
      preamble: ['说明'],
      protect: true,
    };
    const b = await renderXlsx([t], { subject: 's', author: 'a', now: NOW });
    const f = path.join(dir, 'limits.xlsx');
    fs.writeFileSync(f, b);
    const py = openpyxlView(f);
    const v = py.validations[0]!;
    expect(v.promptTitle!.length).toBeLessThanOrEqual(32);
    expect(v.prompt!.length).toBeLessThanOrEqual(255);
    expect(v.error!.length).toBeLessThanOrEqual(255);
    expect(v.prompt!.startsWith('第一行 很长的提示')).toBe(true);
    // Preamble without a label: the title follows it directly, the header after the title.
    const w = (await readBack(b)).worksheets[0]!;
    expect([1, 2, 3].map((r) => cellString(w.getCell(r, 1)))).toEqual(['说明', '测试', '2022年完成值']);
    expect(w.getCell('A3').protection?.locked).not.toBe(false); // an input mark on a header cell is ignored
    expect(w.getCell('A4').protection?.locked).toBe(false);
  });

  it('equal rules down a long column become one range each, never overlapping ones', async () => {
    // Rows 4–103 cross 9→10 and 99→100, where string-ordered addresses (J10 before J9) used to overlap ranges.
    const rule = { maxLength: 50, promptTitle: '完成值', prompt: '只填数字' };
    const t: ReportTable = {
      id: 't',
      label: '附件',
      title: '长表',
      sheetName: '长表',
      orientation: 'portrait',
      columns: [
        { key: 'a', width: 10, align: 'center' },
        { key: 'b', width: 10, align: 'center' },
      ],
      header: [[{ text: '序号' }, { text: '2022年完成值' }]],
      rows: Array.from({ length: 100 }, (_, i) => ({
        cells: [
          { text: String(i + 1) },
          // every 30th rule differs, so runs start and end in the middle of the column
          { text: '', input: i % 30 === 29 ? { ...rule, prompt: '不同的提示' } : rule },
        ],
      })),
      groupColumn: null,
      notes: [],
      hints: [],
      protect: true,
    };
    const f = path.join(dir, 'long.xlsx');
    fs.writeFileSync(f, await renderXlsx([t], { subject: 's', author: 'a', now: NOW }));
    const py = openpyxlView(f);
    const seen = py.validations.flatMap((v) => covered(v.sqref));
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen.sort()).toEqual(Array.from({ length: 100 }, (_, i) => `B${i + 4}`).sort());
    expect(py.validations.map((v) => v.sqref).sort()).toEqual(
      ['B4:B32', 'B33', 'B34:B62', 'B63', 'B64:B92', 'B93', 'B94:B103'].sort(),
    );
  });
});
