// The seed plan's appendices as an xlsx workbook, read back by a fresh exceljs, openpyxl and LibreOffice and compared
// with an independent parse of the plan document (never with values copied into the test).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderXlsx } from '../../../src/main/export/xlsx';
import { rowHeightFor } from '../../../src/main/export/xlsx-layout';
import { buildAppendices } from '../../../src/main/services/reports';
import type { ReportMeta, ReportTable } from '../../../src/shared/report';
import { memoryContext } from '../../helpers/db';
import { loadSeedDocument, type SeedDocument } from '../../helpers/seed-text';
import {
  cellString,
  colLetter,
  convertWithLibreOffice,
  formatWithNumFmt,
  numFmtDecimals,
  parseCsv,
  poppler,
  printedDecimals,
  readBack,
  readWithOpenpyxl,
  seedAppendixHeading,
  tempDir,
} from '../../helpers/xlsx-check';

const HEADER_ROW = 3;
const BODY_ROW = 4;
let seed: SeedDocument;
let tables: ReportTable[];
let meta: ReportMeta;
let bytes: Buffer;
let wb: ExcelJS.Workbook;
let dir: string;
let file: string;

beforeAll(async () => {
  const ctx = memoryContext();
  const detail = ctx.services.plans.get('十四五');
  tables = buildAppendices(detail, 'all');
  meta = { subject: detail.plan.title, author: detail.plan.issuers.at(-1)!, now: new Date('2026-11-27T08:00:00Z') };
  ctx.close();
  seed = loadSeedDocument();
  bytes = await renderXlsx(tables, meta);
  wb = await readBack(bytes);
  dir = tempDir('plandesk-xlsx-');
  file = path.join(dir, 'appendices.xlsx');
  fs.writeFileSync(file, bytes);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sheet = (name: string) => wb.getWorksheet(name)!;
const rowTexts = (ws: ExcelJS.Worksheet, r: number, n: number) =>
  Array.from({ length: n }, (_, c) => cellString(ws.getCell(r, c + 1)));
/** Consecutive runs of the document's 类别 column: the expected vertical merges. */
const categoryGroups = () =>
  seed.indicators.reduce<{ name: string; size: number }[]>((g, ind) => {
    if (g.at(-1)?.name === ind.category) g.at(-1)!.size++;
    else g.push({ name: ind.category, size: 1 });
    return g;
  }, []);
const indicatorColumns = () => ['类别', '序号', '主要指标', ...seed.indicatorYears.map((y) => `${y}年`), '备注'];

/** A printed plain number must be a numeric cell that shows exactly the printed text; anything else stays text. */
function expectValue(cell: ExcelJS.Cell, printed: string): void {
  const d = printedDecimals(printed);
  if (d === null) return expect(cellString(cell), cell.address).toBe(printed);
  expect(cell.type, cell.address).toBe(ExcelJS.ValueType.Number);
  expect(cell.value, cell.address).toBe(Number(printed));
  expect(numFmtDecimals(cell.numFmt), cell.address).toBe(d);
  expect(formatWithNumFmt(cell.value as number, cell.numFmt), cell.address).toBe(printed);
}

describe('seed appendices read back by exceljs', () => {
  it('has one sheet per appendix, label and title rows as the document prints them', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['附件1', '附件2']);
    for (const n of [1, 2]) {
      const ws = sheet(`附件${n}`);
      const heading = seedAppendixHeading(n);
      expect(cellString(ws.getCell('A1'))).toBe(heading.label);
      expect(cellString(ws.getCell('A2'))).toBe(heading.title);
    }
  });

  it('附件1: every cell equals the document (category merged, values numeric with their decimals)', () => {
    const ws = sheet('附件1');
    const cols = indicatorColumns();
    expect(rowTexts(ws, HEADER_ROW, cols.length)).toEqual(cols);
    let groupStart = -1;
    seed.indicators.forEach((ind, i) => {
      const r = BODY_ROW + i;
      const first = i === 0 || seed.indicators[i - 1]!.category !== ind.category;
      if (first) groupStart = r;
      const cat = ws.getCell(r, 1);
      expect(cat.type === ExcelJS.ValueType.Merge, cat.address).toBe(!first);
      expect(cellString(ws.getCell(groupStart, 1))).toBe(ind.category);
      if (!first) expect(cat.master.address).toBe(`A${groupStart}`);
      expect(cellString(ws.getCell(r, 2))).toBe(ind.seq);
      expect(cellString(ws.getCell(r, 3))).toBe(ind.printedName);
      seed.indicatorYears.forEach((y, k) => expectValue(ws.getCell(r, 4 + k), ind.values[y]!));
      expect(cellString(ws.getCell(r, cols.length))).toBe('');
    });
    expect(ws.rowCount).toBe(BODY_ROW - 1 + seed.indicators.length);
    // the document's own samples of mixed decimals survive
    const d = ws.getCell(BODY_ROW, 4);
    expect([d.value, d.numFmt]).toEqual([3.035, '0.000']);
  });

  it('附件2: every cell equals the document, action 10 whole', () => {
    const ws = sheet('附件2');
    expect(rowTexts(ws, HEADER_ROW, 4)).toEqual(['序号', '名称', '主要目标', '备注']);
    seed.actions.forEach((a, i) => {
      expect(rowTexts(ws, BODY_ROW + i, 4)).toEqual([a.seq, a.name, a.goal, a.remark]);
      expect(ws.getCell(BODY_ROW + i, 1).type).toBe(ExcelJS.ValueType.String); // 序号 is text, not a number
    });
    expect(ws.rowCount).toBe(BODY_ROW - 1 + seed.actions.length);
    expect(cellString(ws.getCell(BODY_ROW + 9, 3))).toBe(seed.actions.find((a) => a.seq === '10')!.goal);
  });

  it('merges exactly: title across all columns, 类别 groups 6,3,3,4,1,3 as vertical merges', () => {
    const groups = categoryGroups();
    expect(groups.map((g) => g.size)).toEqual([6, 3, 3, 4, 1, 3]);
    let r = BODY_ROW;
    const expected = [`A2:${colLetter(indicatorColumns().length)}2`];
    for (const g of groups) {
      if (g.size > 1) expected.push(`A${r}:A${r + g.size - 1}`);
      r += g.size;
    }
    expect([...sheet('附件1').model.merges].sort()).toEqual(expected.sort());
    expect(sheet('附件2').model.merges).toEqual(['A2:D2']);
  });

  it('prints on A4, fit to one page wide, GB/T 9704 margins, header rows repeated, page numbers, frozen header', () => {
    for (const t of tables) {
      const ws = sheet(t.sheetName);
      const ps = ws.pageSetup;
      expect(ps.paperSize).toBe(9);
      expect(ps.orientation).toBe(t.orientation);
      expect([ps.fitToPage, ps.fitToWidth, ps.fitToHeight]).toEqual([true, 1, 0]);
      expect(ps.horizontalCentered).toBe(true);
      const cm = ps.margins!;
      expect([cm.top, cm.bottom, cm.left, cm.right].map((i) => Math.round(i * 2.54 * 10) / 10)).toEqual([
        3.7, 3.5, 2.8, 2.6,
      ]);
      expect(ps.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
      expect(ws.headerFooter.differentOddEven).toBe(true);
      expect(ws.headerFooter.oddFooter).toMatch(/^&R.*— &P —$/);
      expect(ws.headerFooter.evenFooter).toMatch(/^&L.*— &P —$/);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      t.columns.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBe(c.width));
    }
  });

  it('fonts, borders, alignment and explicit row heights', () => {
    for (const t of tables) {
      const ws = sheet(t.sheetName);
      expect(ws.getCell('A1').font).toMatchObject({ name: '黑体', size: 16 });
      expect(ws.getCell('A1').alignment?.horizontal).toBe('left');
      expect(ws.getCell('A2').font).toMatchObject({ name: '宋体', size: 18, bold: true });
      expect(ws.getCell('A2').alignment?.horizontal).toBe('center');
      const ncol = t.columns.length;
      for (let r = HEADER_ROW; r < BODY_ROW + t.rows.length; r++) {
        const header = r === HEADER_ROW;
        for (let c = 1; c <= ncol; c++) {
          const cell = ws.getCell(r, c);
          for (const side of ['top', 'left', 'bottom', 'right'] as const) {
            expect(cell.border?.[side]?.style, `${cell.address} ${side}`).toBe('thin');
          }
          expect(cell.font, cell.address).toMatchObject(
            header ? { name: '黑体', bold: true } : { name: '仿宋', size: 12 },
          );
          expect(cell.alignment, cell.address).toMatchObject({ vertical: 'middle', wrapText: true });
          const want = header ? 'center' : (t.rows[r - BODY_ROW]!.cells[c - 1]?.align ?? t.columns[c - 1]!.align);
          if (cell.type !== ExcelJS.ValueType.Merge) expect(cell.alignment?.horizontal, cell.address).toBe(want);
        }
        expect(ws.getRow(r).height, `row ${r}`).toBeGreaterThanOrEqual(rowHeightFor(1, 12));
      }
    }
    // Every action goal is longer than its column is wide, so each row is at least two lines tall;
    // action 10's goal is the longest and needs the tallest row.
    const ws = sheet('附件2');
    const heights = seed.actions.map((_, i) => ws.getRow(BODY_ROW + i).height);
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(rowHeightFor(2, 12));
    expect(Math.max(...heights)).toBe(heights[9]);
    expect(ws.getRow(2).height).toBeGreaterThan(ws.getRow(1).height);
  });

  it('document properties are complete and pinned to meta.now; renders are repeatable', async () => {
    expect(wb.creator).toBe(meta.author);
    expect(wb.lastModifiedBy).toBe(meta.author);
    expect(wb.company).toBe(meta.author);
    expect(wb.subject).toBe(meta.subject);
    expect(wb.title).toContain(meta.subject);
    expect(wb.keywords).toContain('附件1');
    expect(wb.keywords).toContain('附件2');
    expect(wb.created.getTime()).toBe(meta.now.getTime());
    expect(wb.modified.getTime()).toBe(meta.now.getTime());
    const dump = (w: ExcelJS.Workbook) =>
      w.worksheets.map((ws) => {
        const cells: unknown[] = [];
        ws.eachRow((row) => row.eachCell((c) => cells.push([c.address, c.value, c.numFmt, c.font, c.border])));
        return {
          name: ws.name,
          cells,
          merges: ws.model.merges,
          heights: ws.getRows(1, ws.rowCount)!.map((r) => r.height),
        };
      });
    const again = await readBack(await renderXlsx(tables, meta));
    expect(dump(again)).toEqual(dump(wb));
    expect(again.created.getTime()).toBe(meta.now.getTime());
  });

  it('one appendix alone is a workbook of one sheet', async () => {
    const one = await readBack(await renderXlsx([tables[1]!], meta));
    expect(one.worksheets.map((w) => w.name)).toEqual(['附件2']);
    expect(one.title).toContain(tables[1]!.title);
  });
});

describe('second readers', () => {
  it('openpyxl sees the same values, number formats, merges and print setup', () => {
    const py = readWithOpenpyxl(file);
    expect(py.sheets.map((s) => s.name)).toEqual(['附件1', '附件2']);
    expect(py.properties.creator).toBe(meta.author);
    for (const s of py.sheets) {
      const ws = sheet(s.name);
      expect([...s.merged].sort()).toEqual([...ws.model.merges].sort());
      expect(s.printTitleRows).toBe('$3:$3');
      expect([s.paperSize, s.fitToPage, s.fitToWidth, s.fitToHeight]).toEqual([9, true, 1, 0]);
      expect(s.oddFooterRight).toContain('— &P —');
      expect(s.evenFooterLeft).toContain('— &P —');
      expect(s.freeze).toBe(`A${BODY_ROW}`);
      const seen: Record<string, unknown> = {};
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === ExcelJS.ValueType.Merge || c.value === null) return;
          seen[c.address] = { value: c.value, numFmt: c.type === ExcelJS.ValueType.Number ? c.numFmt : 'General' };
        }),
      );
      const theirs = Object.fromEntries(
        Object.entries(s.cells).map(([a, c]) => [a, { value: c.value, numFmt: c.numFmt }]),
      );
      // Same non-empty cells with the same values: covered cells of a merge hold nothing for openpyxl either.
      expect(theirs).toEqual(seen);
    }
    const i1 = py.sheets[0]!.cells;
    expect(i1[`D${BODY_ROW}`]).toEqual({ value: 3.035, type: 'number', numFmt: '0.000' });
  });

  it('LibreOffice converts to CSV showing every value exactly as printed', () => {
    const out = tempDir('plandesk-xlsx-csv-');
    try {
      const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
      const files = convertWithLibreOffice(file, filter, out);
      const csv = (name: string) =>
        parseCsv(
          fs.readFileSync(
            files.find((f) => f.endsWith(`-${name}.csv`))!,
            'utf8',
          ),
        );
      const a1 = csv('附件1');
      expect(a1[0]![0]).toBe('附件1');
      expect(a1[1]![0]).toBe(seedAppendixHeading(1).title);
      expect(a1[2]).toEqual(indicatorColumns());
      seed.indicators.forEach((ind, i) => {
        const first = i === 0 || seed.indicators[i - 1]!.category !== ind.category;
        const values = seed.indicatorYears.map((y) => ind.values[y]!);
        expect(a1[3 + i]).toEqual([first ? ind.category : '', ind.seq, ind.printedName, ...values, '']);
      });
      const shown = a1.flat();
      for (const v of ['3.035', '3.49', '0.25', '2']) expect(shown).toContain(v);
      const a2 = csv('附件2');
      seed.actions.forEach((a, i) => expect(a2[3 + i]).toEqual([a.seq, a.name, a.goal, a.remark]));
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('LibreOffice prints each appendix on one A4 page with its page number', () => {
    const out = tempDir('plandesk-xlsx-pdf-');
    try {
      const pdf = convertWithLibreOffice(file, 'pdf', out).find((f) => f.endsWith('.pdf'))!;
      const info = poppler('pdfinfo', [pdf]);
      expect(info).toMatch(/Pages:\s+2\b/);
      expect(info).toMatch(/Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/);
      const page = (n: number) =>
        poppler('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-']).replace(/\s+/g, '');
      expect(page(1)).toContain('附件1');
      expect(page(1)).toContain('3.035');
      expect(page(1)).toContain('—1—');
      expect(page(2)).toContain('附件2');
      expect(page(2)).toContain('—2—');
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
