// The seed plan's appendices as PDF, read back with poppler and compared with the original document parsed
// independently (tests/helpers/seed-text.ts) — no expected value is copied into this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdfDefinition, renderPdf } from '../../../src/main/export/pdf';
import type { FontSet } from '../../../src/main/export/fonts';
import { buildAppendices } from '../../../src/main/services/reports';
import type { ReportTable } from '../../../src/shared/report';
import { memoryContext } from '../../helpers/db';
import { loadSeedDocument, type SeedDocument } from '../../helpers/seed-text';
import { META, bundledFonts, pdfFile, squash, tokens } from './poppler';

let tables: ReportTable[];
let fonts: FontSet;
let doc: SeedDocument;
let pdf: ReturnType<typeof pdfFile>;
let bytes: Buffer;
let missing: string[];
let pages: string[];

beforeAll(async () => {
  const ctx = memoryContext();
  tables = buildAppendices(ctx.services.plans.get('十四五'), 'all');
  ctx.close();
  fonts = bundledFonts();
  doc = loadSeedDocument();
  const out = await renderPdf(tables, META, fonts);
  bytes = out.bytes;
  missing = out.missingGlyphs;
  pdf = pdfFile(bytes, 'seed.pdf');
  pages = pdf.pages();
}, 30_000);
afterAll(() => pdf?.cleanup());

/** Pages (1-based) whose text contains `s`, whitespace ignored. */
const pagesWith = (s: string) => pages.flatMap((p, i) => (squash(p).includes(squash(s)) ? [i + 1] : []));

describe('the seed plan as PDF (附件1 and 附件2)', () => {
  it('is A4 portrait with the expected pages and document properties', () => {
    const info = pdf.info();
    expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
    // 附件1: 20 indicators take a page and a bit; 附件2: 10 actions likewise. Each appendix starts a new page.
    expect(info['Pages']).toBe('4');
    expect(pdf.pageSizes()).toEqual(Array(4).fill('595.28 x 841.89'));
    expect(info).toMatchObject({
      Title: `${META.subject}附件`,
      Author: META.author,
      Subject: META.subject,
      Creator: 'PlanDesk',
      Producer: 'PlanDesk',
      CreationDate: '2026-11-27T08:00:00Z',
      ModDate: '2026-11-27T08:00:00Z',
    });
  });

  it('keeps a category group whole on the page where it starts when it fits there, without an empty page', () => {
    // Every page of 附件1 holds rows; each category is named on each page where its rows are.
    const appendix1 = pages.slice(0, pagesWith('附件2')[0]! - 1);
    for (const [k, page] of appendix1.entries()) expect(squash(page), `page ${k + 1}`).toMatch(/\d+\S*\d/);
    for (const row of doc.indicators) {
      const onPages = pagesWith(row.printedName);
      expect(onPages, row.printedName).toHaveLength(1);
      expect(squash(pages[onPages[0]! - 1]!)).toContain(row.category);
    }
    // The seed's groups are short enough that none needs to break: each lies on a single page.
    for (const category of new Set(doc.indicators.map((r) => r.category))) {
      const rowPages = doc.indicators.filter((r) => r.category === category).map((r) => pagesWith(r.printedName)[0]);
      expect(new Set(rowPages).size, category).toBe(1);
    }
  });

  it('embeds only subset fonts', () => {
    const rows = pdf.fonts();
    expect(rows.length).toBeGreaterThanOrEqual(4); // 黑体, 标宋, 仿宋 and 宋体 roles
    for (const f of rows) {
      expect(f, f.name).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
      expect(f.name).toMatch(/^[A-Z]{6}\+\S+$/);
    }
    expect(rows.map((f) => f.name.slice(7)).sort()).toEqual(
      ['FandolFang-Regular', 'NotoSansSC-Regular', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular'].sort(),
    );
  });

  it('reports no missing glyphs for the seed', () => {
    expect(missing).toEqual([]);
  });

  it('starts each appendix on a new page with its label, then its title', () => {
    for (const t of tables) {
      const first = pagesWith(t.title)[0]!;
      expect(first, t.title).toBeDefined();
      const text = squash(pages[first - 1]!);
      expect(text.startsWith(t.label), `${t.label} opens page ${first}`).toBe(true);
      expect(text.indexOf(squash(t.title))).toBeGreaterThan(text.indexOf(t.label));
    }
    expect(pagesWith(tables[0]!.title)).toEqual([1]);
    expect(pagesWith(tables[1]!.title)).toEqual([3]);
  });

  it('repeats every header on every page of its table', () => {
    const [a1, a2] = tables as [ReportTable, ReportTable];
    const heads = (t: ReportTable) => t.header.flat().flatMap((c) => (c ? [c.text] : []));
    expect(heads(a1)).toEqual(['类别', '序号', '主要指标', ...doc.indicatorYears.map((y) => `${y}年`), '备注']);
    for (const p of [1, 2]) for (const h of heads(a1)) expect(tokens(pages[p - 1]!), `page ${p}`).toContain(h);
    for (const p of [3, 4]) for (const h of heads(a2)) expect(tokens(pages[p - 1]!), `page ${p}`).toContain(h);
  });

  it('prints every indicator name followed by its targets as written, in the document order', () => {
    const words = tokens(pdf.text(1, 2));
    let at = 0;
    for (const row of doc.indicators) {
      // A wrapped name spans several consecutive lines of the extracted text.
      let found = -1;
      let len = 0;
      for (let i = at; i < words.length && found < 0; i++) {
        for (let n = 1; n <= 4 && i + n <= words.length; n++) {
          if (words.slice(i, i + n).join('') === row.printedName) {
            found = i;
            len = n;
            break;
          }
        }
      }
      expect(found, `indicator ${row.seq} ${row.printedName} after line ${at}`).toBeGreaterThanOrEqual(0);
      expect(words[found - 1], `序号 before ${row.printedName}`).toBe(row.seq);
      const values = doc.indicatorYears.map((y) => row.values[y]!).filter((v) => v !== '');
      expect(words.slice(found + len, found + len + values.length), `targets of ${row.seq}`).toEqual(values);
      at = found + len + values.length;
    }
  });

  it('prints every action name and goal; action 10 whole on one page', () => {
    for (const a of doc.actions) {
      expect(pagesWith(a.name), a.name).toHaveLength(1);
      expect(pagesWith(a.goal), `goal of action ${a.seq}`).toHaveLength(1);
    }
    const last = doc.actions.at(-1)!;
    const page = pagesWith(last.goal)[0]!;
    expect(squash(pdf.text(page))).toContain(squash(last.goal));
  });

  it('numbers the pages "— n —" in the footer', () => {
    pages.forEach((p, i) => {
      const lines = tokens(p).map(squash);
      expect(lines, `page ${i + 1}`).toContain(`—${i + 1}—`);
    });
  });

  it('is byte-for-byte reproducible', async () => {
    const again = await renderPdf(tables, META, fonts);
    expect(again.bytes.equals(bytes)).toBe(true);
  });
});

describe('buildPdfDefinition', () => {
  it('matches the snapshot for the seed (bundled fonts, pinned date)', () => {
    const def = buildPdfDefinition(tables, META, fonts);
    const A4 = { width: 595.28, height: 841.89, orientation: 'portrait' as const };
    // The definition is data apart from the footer function: snapshot its JSON plus two sample footers.
    const projection = {
      ...JSON.parse(JSON.stringify(def)),
      footerOddPage: def.footer?.(1, 4, A4),
      footerEvenPage: def.footer?.(2, 4, A4),
    };
    // No font file paths in the definition: pdfmake gets those separately, so the snapshot holds on any machine.
    expect(JSON.stringify(projection)).not.toMatch(/\.(ttf|otf|ttc)|resources/i);
    expect(projection).toMatchSnapshot();
  });

  it('is deterministic', () => {
    const a = JSON.stringify(buildPdfDefinition(tables, META, fonts));
    expect(JSON.stringify(buildPdfDefinition(tables, META, fonts))).toBe(a);
  });
});
