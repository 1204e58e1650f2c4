// Unusual input: empty tables, characters no font has, markup-like text, verbatim values, landscape pages.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../../src/main/export/pdf';
import { buildIndicatorAppendix } from '../../../src/main/services/reports/appendix-indicators';
import type { ReportCell, ReportTable } from '../../../src/shared/report';
import { META, bundledFonts, pdfFile, squash, tokens } from './poppler';
import { syntheticPlan } from './synthetic-plan';

const files: ReturnType<typeof pdfFile>[] = [];
afterAll(() => files.forEach((f) => f.cleanup()));

async function render(tables: ReportTable[]) {
  const out = await renderPdf(tables, META, bundledFonts());
  const file = pdfFile(out.bytes);
  files.push(file);
  return { ...out, pdf: file };
}

const cell = (text: string, align: ReportCell['align'] = 'left'): ReportCell => ({ text, align });

/** A small two-column table with the given names and values. */
function table(rows: [string, string][], over: Partial<ReportTable> = {}): ReportTable {
  return {
    id: 'appendix-9',
    label: '附件9',
    title: '边界情况测试表',
    sheetName: '附件9',
    orientation: 'portrait',
    columns: [
      { key: 'name', width: 40, align: 'left' },
      { key: 'value', width: 20, align: 'center' },
    ],
    header: [[cell('名称', 'center'), cell('数值', 'center')]],
    rows: rows.map(([n, v]) => ({ cells: [cell(n), cell(v, 'center')] })),
    groupColumn: null,
    notes: [],
    hints: [],
    ...over,
  };
}

describe('renderPdf on unusual input', () => {
  it('renders a table without rows as a valid one-page PDF with its header', async () => {
    const empty = buildIndicatorAppendix(syntheticPlan({ categories: 0, perCategory: 0 }));
    expect(empty.rows).toEqual([]);
    const { pdf, missingGlyphs } = await render([empty]);
    expect(pdf.info()['Pages']).toBe('1');
    const lines = tokens(pdf.text());
    for (const h of empty.header[0]!) expect(lines).toContain(h!.text);
    expect(lines).toContain('附件1');
    expect(missingGlyphs).toEqual([]);
  });

  it('reports characters no font has, draws rare ones from the fallback font', async () => {
    const { pdf, missingGlyphs } = await render([
      table([
        ['王堃负责的指标\u0378', '1'],
        ['喆\u0378\u{10FFFD}', '2'],
      ]),
    ]);
    expect(missingGlyphs).toEqual(['\u0378', '\u{10FFFD}']);
    const text = squash(pdf.text());
    expect(text).toContain('王堃负责的指标');
    expect(pdf.fonts().map((f) => f.name.slice(7))).toContain('NotoSerifSC-Regular'); // 堃 and 喆 come from there
  });

  it('keeps the baseline and line pitch of a line that holds fallback characters', async () => {
    const long = (start: string) => start + '测试行距'.repeat(12);
    const { pdf } = await render([
      table([
        [long('王堃李喆'), '1'],
        [long('王五李四'), '2'],
      ]),
    ]);
    const lines = pdf.lines();
    const at = (start: string) => lines.findIndex((l) => l.text.startsWith(start));
    const [a, b] = [at('王堃李喆'), at('王五李四')];
    const seq = (n: string) => lines.find((l) => l.text === n)!;
    // Same pitch to the wrapped second line, same place relative to the row's 序号 (which is never a fallback).
    expect(lines[a + 1]!.top - lines[a]!.top).toBeCloseTo(lines[b + 1]!.top - lines[b]!.top, 2);
    expect(seq('1').top - lines[a]!.top).toBeCloseTo(seq('2').top - lines[b]!.top, 2);
  });

  it('reports missing characters in the title too', async () => {
    const { missingGlyphs } = await render([table([['甲', '1']], { title: '标题\u0378' })]);
    expect(missingGlyphs).toEqual(['\u0378']);
  });

  it('keeps markup-like text literal', async () => {
    const name = '<b>粗体</b> & 符号 &amp; {{x}} \\n';
    const { pdf } = await render([table([[name, '<i>']])]);
    const text = pdf.text();
    expect(squash(text)).toContain(squash(name));
    expect(tokens(text)).toContain('<i>');
  });

  it('prints values exactly as written', async () => {
    const values = ['3.035', '3.0', '10,200', '≥95', '88%以上', '０.５', '稳步提升', '-0.20', '1.96万户'];
    const { pdf, missingGlyphs } = await render([table(values.map((v, i) => [`指标${i + 1}`, v]))]);
    expect(missingGlyphs).toEqual([]);
    const lines = tokens(pdf.text());
    for (const v of values) expect(lines, v).toContain(v);
  });

  it('turns a wide table to landscape and keeps the next appendix portrait', async () => {
    const years = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];
    const wide = buildIndicatorAppendix(syntheticPlan({ categories: 1, perCategory: 2, targetYears: years }));
    expect(wide.orientation).toBe('landscape');
    const { pdf } = await render([wide, table([['甲', '1']])]);
    expect(pdf.pageSizes()).toEqual(['841.89 x 595.28', '595.28 x 841.89']);
    const first = tokens(pdf.text(1));
    // Narrow year columns side by side read as one line: compare words.
    const words = first.flatMap((l) => l.split(/\s+/));
    for (const y of years) expect(words).toContain(`${y}年`);
    expect(first.map(squash)).toContain('—1—');
    expect(tokens(pdf.text(2)).map(squash)).toContain('—2—');
  });

  // Windows' 宋体 is simsun.ttc, a collection: pdfmake gets [file, PostScript name]. Debian's fonts-noto-cjk
  // ships a collection to stand in for it here.
  const TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
  it.skipIf(!fs.existsSync(TTC))('draws a role from a face inside a TrueType collection', async () => {
    const fonts = bundledFonts();
    fonts.roles.songti = [
      { family: '宋体', file: TTC, official: true, postscriptName: 'NotoSerifCJKsc-Regular' },
      ...fonts.roles.songti,
    ];
    const out = await renderPdf([table([['甲', '1']])], META, fonts);
    const pdf = pdfFile(out.bytes);
    files.push(pdf);
    expect(pdf.fonts().map((f) => f.name.slice(7))).toContain('NotoSerifCJKsc-Regular'); // the page number
    expect(tokens(pdf.text()).map(squash)).toContain('—1—');
  });

  it('prints notes under the table', async () => {
    const { pdf } = await render([table([['甲', '1']], { notes: ['注：数据来源于统计年报。'] })]);
    expect(squash(pdf.text())).toContain('注：数据来源于统计年报。');
  });
});
