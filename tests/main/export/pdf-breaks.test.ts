// Where the PDF tables break into pages, pinned: which 序号 opens each page of each table, read back with pdftotext
// from the rendered file. The figures were taken from the output of the layout as it was before page breaks were
// computed from one measuring pass (commit df1f366, where every page of a table with row spans cost a layout
// pass), so that a faster layout is proven to break the tables in the same places. Bundled fonts only, so that the
// figures hold on any machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigPlan } from '../../../bench/big-plan';
import type { AppContext } from '../../../src/main/context';
import { renderPdf } from '../../../src/main/export/pdf';
import { A4, columnWidths, marginsFor } from '../../../src/main/export/pdf-layout';
import { buildAppendices } from '../../../src/main/services/reports';
import { buildAnnualTables } from '../../../src/main/services/reports/annual';
import type { ReportTable } from '../../../src/shared/report';
import { memoryContext } from '../../helpers/db';
import { META, bundledFonts, pdfFile, squash } from './poppler';
import { syntheticPlan } from './synthetic-plan';

const YEAR = 2022;

interface TableBreaks {
  /** the page (1-based) on which the table starts */
  first: number;
  /** 序号 of the row that opens each page of the table, in order */
  starts: string[];
}

interface Word {
  x: number;
  y: number;
  text: string;
}

/** Every page's words with their centres, from pdftotext -bbox. */
function pageWords(file: string): Word[][] {
  const r = spawnSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
        .map((m) => ({ x: (+m[1]! + +m[3]!) / 2, y: (+m[2]! + +m[4]!) / 2, text: m[5]! }))
        .sort((a, b) => a.y - b.y || a.x - b.x),
    );
}

/** The words printed in column `k` of a table, top to bottom (the page number under the type area left out). */
function columnText(words: Word[], table: ReportTable, k: number): string[] {
  const widths = columnWidths(table).map((w) => w + 2 * 3 + 0.5); // padding 3 pt a side, 0.5 pt rules
  const [left, , , bottom] = marginsFor(table.orientation);
  const x0 = left + widths.slice(0, k).reduce((s, w) => s + w, 0);
  const y1 = (table.orientation === 'landscape' ? A4.width : A4.height) - bottom;
  return words.filter((w) => w.x > x0 && w.x < x0 + widths[k]! && w.y < y1).map((w) => w.text);
}

/**
 * For each table (from the page with its title to the page before the next table's title): the page of each body
 * row, by its 序号 in the 序号 column, checked to be printed once and in order; then the 序号 opening each page.
 * Each category is also checked to be named in the 类别 column of every page that holds one of its rows.
 */
function breaksOf(file: string, tables: ReportTable[]): TableBreaks[] {
  const words = pageWords(file);
  const text = words.map((p) => p.map((w) => w.text).join(''));
  const firsts = tables.map((t) => text.findIndex((p) => p.includes(squash(t.title))));
  return tables.map((t, i) => {
    expect(firsts[i], t.title).toBeGreaterThanOrEqual(0);
    const from = firsts[i]!;
    const to = i + 1 < tables.length ? firsts[i + 1]! : words.length;
    const seqAt = t.columns.findIndex((c) => c.key === 'seq');
    const rowOf = new Map(t.rows.map((row, r) => [row.cells[seqAt]!.text, r]));
    const pageOf: number[] = [];
    for (let p = from; p < to; p++) {
      for (const s of columnText(words[p]!, t, seqAt)) {
        const r = rowOf.get(s);
        if (r === undefined) continue; // the header
        expect(pageOf[r], `序号 ${s} printed once`).toBeUndefined();
        pageOf[r] = p;
      }
    }
    const starts: string[] = [];
    t.rows.forEach((row, r) => {
      const seq = row.cells[seqAt]!.text;
      expect(pageOf[r], `序号 ${seq} printed`).toBeDefined();
      if (r > 0) expect(pageOf[r]!, `序号 ${seq} in order`).toBeGreaterThanOrEqual(pageOf[r - 1]!);
      if (r === 0 || pageOf[r] !== pageOf[r - 1]) starts.push(seq);
    });
    if (t.groupColumn !== null) {
      t.rows.forEach((row, r) => {
        const named = columnText(words[pageOf[r]!]!, t, t.groupColumn!).join('');
        expect(named, `${row.group} named on page ${pageOf[r]! + 1}`).toContain(row.group);
      });
    }
    return { first: from + 1, starts };
  });
}

const fontDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-nofonts-'));
const files: ReturnType<typeof pdfFile>[] = [];
let ctx: AppContext;

beforeAll(() => {
  ctx = memoryContext({ fontDirs: [fontDir] });
});
afterAll(() => {
  ctx?.close();
  files.forEach((f) => f.cleanup());
  fs.rmSync(fontDir, { recursive: true, force: true });
});

function read(bytes: Uint8Array, name: string) {
  const pdf = pdfFile(bytes, name);
  files.push(pdf);
  return pdf;
}

describe('page breaks of the PDF tables, pinned', () => {
  it('the seed plan’s annual PDF (2022): summary, then 主要指标, 十大行动, 主要任务', async () => {
    const planId = ctx.services.plans.resolve('十四五');
    const file = await ctx.services.reports.exportAnnual(planId, YEAR, 'pdf');
    const pdf = read(file.bytes, 'annual.pdf');
    expect(pdf.info()['Pages']).toBe('14');
    const tables = buildAnnualTables(ctx.services.plans.get(planId), YEAR);
    expect(breaksOf(pdf.file, tables)).toEqual([
      { first: 2, starts: ['1', '8', '18'] },
      { first: 5, starts: ['1', '6'] },
      { first: 7, starts: ['一.1', '一.2', '一.5', '二.1', '三.1', '四.1', '五.1', '六.1'] },
    ]);
  }, 120_000);

  it('the seed plan’s appendices (附件1, 附件2)', async () => {
    const file = await ctx.services.reports.exportAppendix('十四五', 'all', 'pdf');
    const pdf = read(file.bytes, 'appendix.pdf');
    expect(pdf.info()['Pages']).toBe('4');
    const tables = buildAppendices(ctx.services.plans.get('十四五'), 'all');
    expect(breaksOf(pdf.file, tables)).toEqual([
      { first: 1, starts: ['1', '18'] },
      { first: 3, starts: ['1', '10'] },
    ]);
  }, 120_000);

  it('a generated plan of 200 indicators in 20 categories (bench/big-plan.ts): the annual PDF', async () => {
    const planId = ctx.services.plans.create(bigPlan(200, 2021, 5), null, 'test');
    const file = await ctx.services.reports.exportAnnual(planId, YEAR, 'pdf');
    const pdf = read(file.bytes, 'big.pdf');
    expect(pdf.info()['Pages']).toBe('24');
    const tables = buildAnnualTables(ctx.services.plans.get(planId), YEAR);
    // Ten rows a page; the 十大行动 and 主要任务 tables are empty (header only), one page each.
    const every10 = Array.from({ length: 21 }, (_, k) => String(10 * k - 2)).with(0, '1');
    expect(breaksOf(pdf.file, tables)).toEqual([
      { first: 2, starts: every10 },
      { first: 23, starts: [] },
      { first: 24, starts: [] },
    ]);
  }, 300_000);

  it('200 indicators with long names in 8 categories: the annual tables', async () => {
    const d = syntheticPlan({ categories: 8, perCategory: 25 });
    const tables = buildAnnualTables(d, YEAR);
    const out = await renderPdf(tables, META, bundledFonts());
    const pdf = read(out.bytes, 'long.pdf');
    // Four rows a page, the first page too (its title takes the place of one row).
    const every4 = Array.from({ length: 51 }, (_, k) => String(4 * k)).with(0, '1');
    expect(breaksOf(pdf.file, tables)).toEqual([
      { first: 1, starts: every4 },
      { first: 52, starts: [] },
      { first: 53, starts: [] },
    ]);
  }, 300_000);

  // Category names long enough to take four or five lines in the narrow 类别 column: a category cut short by a
  // page (or starting on its last rows) makes its rows there taller, which moves the break.
  const LONG_NAMES = [
    '市场主体活力与营商环境',
    '创新',
    '质量强县与标准化建设工程',
    '消费',
    '公平竞争秩序',
    '安全底线与风险防控体系建设',
    '知识产权强县',
    '计量',
  ];
  function tallCategories(categories: number, perCategory: number) {
    const d = syntheticPlan({ categories, perCategory });
    d.categories.forEach((c, i) => (c.name = LONG_NAMES[i % LONG_NAMES.length]!));
    return d;
  }

  it('附件1 with tall category cells over few rows', async () => {
    const tables = buildAppendices(tallCategories(8, 3), '1');
    const out = await renderPdf(tables, META, bundledFonts());
    const pdf = read(out.bytes, 'tall.pdf');
    // Row 16 opens category 6 (five lines tall): alone at the foot of page 2 it would be taller than the space
    // left, so it opens page 3 with its category.
    expect(breaksOf(pdf.file, tables)).toEqual([{ first: 1, starts: ['1', '8', '16'] }]);
  }, 120_000);

  it('the annual tables with tall category cells (landscape)', async () => {
    const d = tallCategories(16, 3);
    const tables = buildAnnualTables(d, YEAR);
    const out = await renderPdf(tables, META, bundledFonts());
    const pdf = read(out.bytes, 'tall-annual.pdf');
    const every4 = Array.from({ length: 13 }, (_, k) => String(4 * k)).with(0, '1');
    expect(breaksOf(pdf.file, tables)).toEqual([
      { first: 1, starts: every4 },
      { first: 14, starts: [] },
      { first: 15, starts: [] },
    ]);
  }, 120_000);
});
