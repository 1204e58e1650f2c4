// A long 附件1 (6 categories × 10 indicators with 30–60 character names) across pages: header on every page, no row
// split, and a category broken by a page named again at the top of the next page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdfDefinition, renderPdf } from '../../../src/main/export/pdf';
import { buildIndicatorAppendix } from '../../../src/main/services/reports/appendix-indicators';
import type { ReportTable } from '../../../src/shared/report';
import { META, bundledFonts, pdfFile, squash, tokens } from './poppler';
import { syntheticPlan, CATEGORY_NAMES } from './synthetic-plan';

let table: ReportTable;
let pdf: ReturnType<typeof pdfFile>;
let pages: string[];

beforeAll(async () => {
  table = buildIndicatorAppendix(syntheticPlan({ categories: 6, perCategory: 10 }));
  const out = await renderPdf([table], META, bundledFonts());
  expect(out.missingGlyphs).toEqual([]);
  pdf = pdfFile(out.bytes, 'long.pdf');
  pages = pdf.pages().map(squash);
}, 30_000);
afterAll(() => pdf?.cleanup());

const names = () => table.rows.map((r) => r.cells[2]!.text);

describe('a 60-indicator appendix', () => {
  it('has long names and spans several A4 pages', () => {
    expect(names()).toHaveLength(60);
    for (const n of names()) expect([...n].length).toBeGreaterThanOrEqual(30);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(new Set(pdf.pageSizes())).toEqual(new Set(['595.28 x 841.89']));
  });

  it('repeats the header row on every page', () => {
    const heads = table.header[0]!.map((c) => c!.text);
    pages.forEach((p, i) => {
      const lines = tokens(pdf.text(i + 1));
      for (const h of heads) expect(lines, `page ${i + 1}`).toContain(h);
      expect(p.indexOf('类别')).toBeLessThan(p.indexOf('第'));
    });
  });

  it('never splits a row: each name is whole on exactly one page, pages in order', () => {
    let last = 1;
    for (const n of names()) {
      const on = pages.flatMap((p, i) => (p.includes(n) ? [i + 1] : []));
      expect(on, n).toHaveLength(1);
      expect(on[0]).toBeGreaterThanOrEqual(last);
      last = on[0]!;
    }
  });

  it('names a category again at the top of the page it continues on', () => {
    const pageOf = (n: string) => pages.findIndex((p) => p.includes(n)) + 1;
    let continued = 0;
    table.rows.forEach((row, r) => {
      if (r === 0) return;
      const prev = table.rows[r - 1]!;
      const page = pageOf(row.cells[2]!.text);
      if (row.group !== prev.group || page === pageOf(prev.cells[2]!.text)) return;
      // Row r opens page `page` and continues its category from the page before.
      continued++;
      const text = pages[page - 1]!;
      // (Reading order puts a vertically centred cell anywhere among its rows: presence is what text can tell.)
      expect(text, `page ${page} names ${row.group}`).toContain(row.group!);
    });
    expect(continued, 'the test plan must break at least one category across pages').toBeGreaterThan(0);
    // Every category name is printed on every page that holds one of its rows.
    for (const c of CATEGORY_NAMES.slice(0, 6)) {
      const rows = table.rows.filter((r) => r.group === c);
      const onPages = new Set(rows.map((r) => pageOf(r.cells[2]!.text)));
      for (const p of onPages) expect(pages[p - 1], `${c} on page ${p}`).toContain(c);
    }
  });

  it('puts the continuation in the definition as one table per page, each with the header', () => {
    const rowPages = table.rows.map((r) => pages.findIndex((p) => p.includes(r.cells[2]!.text)) + 1);
    const def = buildPdfDefinition([table], META, bundledFonts(), [rowPages]);
    const section = (def.content[0] as { section: { table?: { body: unknown[][]; headerRows: number } }[] }).section;
    const tables = section.filter((n) => n.table);
    expect(tables).toHaveLength(new Set(rowPages).size);
    for (const t of tables) {
      expect(t.table!.headerRows).toBe(1);
      expect(JSON.stringify(t.table!.body[1]![0])).not.toBe('{}'); // the first body row opens with a group cell
    }
  });
});
