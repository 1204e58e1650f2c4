// The xlsx exporter with awkward input: empty tables, huge text, bad sheet names, numeric-looking text, float drift,
// characters XML cannot carry, odd spans. Every file must still load in a fresh exceljs and in openpyxl.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { numFmt, renderXlsx } from '../../../src/main/export/xlsx';
import { MAX_ROW_HEIGHT, rowHeightFor, uniqueSheetNames, wrappedLines } from '../../../src/main/export/xlsx-layout';
import type { ReportCell, ReportMeta, ReportTable } from '../../../src/shared/report';
import { cellString, formatWithNumFmt, readBack, readWithOpenpyxl, tempDir } from '../../helpers/xlsx-check';

const META: ReportMeta = { subject: '测试规划', author: '测试局', now: new Date('2026-01-02T03:04:05Z') };

function table(over: Partial<ReportTable> = {}): ReportTable {
  return {
    id: 't',
    label: '附件9',
    title: '测试表',
    sheetName: '附件9',
    orientation: 'landscape',
    columns: [
      { key: 'a', width: 10, align: 'center' },
      { key: 'b', width: 30, align: 'left' },
      { key: 'c', width: 12, align: 'right' },
    ],
    header: [[{ text: '序号' }, { text: '名称' }, { text: '数值' }]],
    rows: [],
    groupColumn: null,
    notes: [],
    hints: [],
    ...over,
  };
}
const row = (...cells: (ReportCell | null)[]) => ({ cells });

/** Render, then prove openpyxl can open it too; returns the workbook as a fresh exceljs reads it. */
async function roundTrip(tables: ReportTable[]): Promise<ExcelJS.Workbook> {
  const bytes = await renderXlsx(tables, META);
  const dir = tempDir('plandesk-xlsx-input-');
  try {
    fs.writeFileSync(path.join(dir, 'x.xlsx'), bytes);
    const py = readWithOpenpyxl(path.join(dir, 'x.xlsx'));
    expect(py.sheets.length).toBe(tables.length);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return readBack(bytes);
}

describe('renderXlsx with awkward input', () => {
  it('an empty table still renders label, title and header, with print titles and frozen pane', async () => {
    const ws = (await roundTrip([table()])).worksheets[0]!;
    expect(['A1', 'A2', 'A3', 'B3', 'C3'].map((a) => cellString(ws.getCell(a)))).toEqual([
      '附件9',
      '测试表',
      '序号',
      '名称',
      '数值',
    ]);
    expect(ws.rowCount).toBe(3);
    expect(ws.model.merges).toEqual(['A2:C2']);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  it('refuses to write a workbook without sheets (Excel would repair it)', async () => {
    await expect(renderXlsx([], META)).rejects.toThrow(/no tables/);
  });

  it('5,000 characters wrap in a row capped at 409 pt, top-aligned; the text is kept whole', async () => {
    const long = '市场监管'.repeat(1250);
    const ws = (await roundTrip([table({ rows: [row({ text: '1' }, { text: long }, { text: '' })] })])).worksheets[0]!;
    expect(cellString(ws.getCell('B4'))).toBe(long);
    expect(ws.getCell('B4').alignment).toMatchObject({ wrapText: true, vertical: 'top', horizontal: 'left' });
    expect(ws.getCell('A4').alignment?.vertical).toBe('middle');
    expect(ws.getRow(4).height).toBe(MAX_ROW_HEIGHT);
  });

  it('sanitises and de-duplicates sheet names', async () => {
    const names = ['附件[1]:*?/\\', '附件1', '附件1', 'x'.repeat(40), 'x'.repeat(40), "'引号'", 'History', ' '];
    const wb = await roundTrip(names.map((sheetName) => table({ sheetName })));
    const got = wb.worksheets.map((w) => w.name);
    expect(got).toEqual(uniqueSheetNames(names));
    expect(new Set(got.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of got) {
      expect(n).not.toMatch(/[[\]:*?/\\']/);
      expect(n.length).toBeGreaterThan(0);
      expect(n.length).toBeLessThanOrEqual(31);
    }
    expect(got.slice(0, 3)).toEqual(['附件_1______', '附件1', '附件1(2)']);
    // print titles still point at the right sheet once the names changed
    for (const ws of wb.worksheets) expect(ws.pageSetup.printTitlesRow).toBe('3:3');
  });

  it('numbers are numeric cells with exactly their decimals; numeric-looking text stays text', async () => {
    const cells: ReportCell[] = [
      { text: '3.035', number: 3.035, decimals: 3 },
      { text: '0.25', number: 0.25, decimals: 2 },
      { text: '2', number: 2, decimals: 0 },
      { text: '0.3', number: 0.1 + 0.2, decimals: 1 }, // arithmetic drift must not reach the file
      { text: '5.50', number: 5.5 }, // decimals missing: taken from the printed text
      { text: '-1.20', number: -1.2, decimals: 2 },
      { text: '≥95' },
      { text: '80' }, // no `number`: the builder decided it is text
      { text: '10,200' },
      { text: '=1+1' }, // never a formula
    ];
    const ws = (await roundTrip([table({ rows: cells.map((c, i) => row({ text: String(i + 1) }, { text: 'x' }, c)) })]))
      .worksheets[0]!;
    cells.forEach((c, i) => {
      const xc = ws.getCell(4 + i, 3);
      if (c.number === undefined) {
        expect(xc.type, c.text).toBe(ExcelJS.ValueType.String);
        expect(xc.value).toBe(c.text);
      } else {
        expect(xc.type, c.text).toBe(ExcelJS.ValueType.Number);
        expect(xc.value).toBe(Number(c.text));
        expect(formatWithNumFmt(xc.value as number, xc.numFmt)).toBe(c.text);
      }
    });
    expect(ws.getCell('C7').value).toBe(0.3);
    expect([0, 1, 3].map(numFmt)).toEqual(['0', '0.0', '0.000']);
  });

  it('drops characters XML cannot carry instead of writing a file that does not open', async () => {
    const ws = (
      await roundTrip([table({ title: '标题\u0001', rows: [row({ text: 'a\u0007b' }, { text: '行1\n行2' }, null)] })])
    ).worksheets[0]!;
    expect(cellString(ws.getCell('A2'))).toBe('标题');
    expect(cellString(ws.getCell('A4'))).toBe('ab');
    expect(cellString(ws.getCell('B4'))).toBe('行1\n行2');
    expect(ws.getCell('C4').border?.right?.style).toBe('thin'); // an unexplained null is an empty bordered cell
  });

  it('header and body spans become merges; spans that overflow or overlap are clipped', async () => {
    const wb = await roundTrip([
      table({
        header: [
          [{ text: '序号', rowSpan: 2 }, { text: '指标', colSpan: 2 }, null],
          [null, { text: '名称' }, { text: '数值' }],
        ],
        rows: [
          row({ text: '甲', rowSpan: 5 }, { text: '宽', colSpan: 9 }, null), // rowSpan past the end, colSpan too wide
          row(null, { text: 'x', rowSpan: 1 }, { text: 'y' }),
          row({ text: '丙', colSpan: 2 }, { text: '压' }, { text: 'z' }), // covered by 甲: dropped
        ],
        notes: ['注：数据来源于各科室。'],
      }),
    ]);
    const ws = wb.worksheets[0]!;
    expect([...ws.model.merges].sort()).toEqual(['A2:C2', 'A3:A4', 'A5:A7', 'A8:C8', 'B3:C3', 'B5:C5'].sort());
    expect(ws.pageSetup.printTitlesRow).toBe('3:4');
    expect(ws.views[0]).toMatchObject({ ySplit: 4 });
    expect(cellString(ws.getCell('A5'))).toBe('甲');
    expect(cellString(ws.getCell('B7'))).toBe('压');
    expect(cellString(ws.getCell('A8'))).toBe('注：数据来源于各科室。');
    expect(ws.getCell('A8').border?.top).toBeUndefined();
  });
});

describe('row-height rule', () => {
  it('counts CJK characters about twice as wide as Latin ones, and line breaks', () => {
    const px = 10 * 7 + 5; // a column of width 10
    expect(wrappedLines('1234567', px, 12)).toBe(1);
    expect(wrappedLines('一二三四五六七', px, 12)).toBe(2);
    expect(wrappedLines('一\n二\n三', px, 12)).toBe(3);
    expect(wrappedLines('', px, 12)).toBe(1);
  });

  it('grows with the lines and stops at 409 pt', () => {
    expect(rowHeightFor(2, 12)).toBeGreaterThan(rowHeightFor(1, 12));
    expect(rowHeightFor(1000, 12)).toBe(409);
  });
});
