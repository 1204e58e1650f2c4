// Where the PDF tables break into pages. Pinned first: which 序号 opens each page of each table, read back with
// pdftotext from the rendered file. The figures were taken from the output of the layout passes (a pass per page of
// a table with row spans, up to commit ed405d5) before the breaks were worked out from one measuring pass
// (pdf-breaks.ts), so that the faster layout is proven to break the tables in the same places. Then the measuring
// pass against the passes on made-up tables, the arithmetic on its own, and the check of the finished PDF that
// sends a table back to the passes. Bundled fonts only, so that the figures hold on any machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigPlan } from '../../../bench/big-plan';
import type { AppContext } from '../../../src/main/context';
import {
  breaksByMeasuring,
  breaksByPasses,
  buildPdfDefinition,
  renderPdf,
  spilledTables,
} from '../../../src/main/export/pdf';
import { firstSpill, simulate, type TableGeometry } from '../../../src/main/export/pdf-breaks';
import { preparePdfmake } from '../../../src/main/export/pdf-fonts';
import { A4, columnWidths, marginsFor } from '../../../src/main/export/pdf-layout';
import { createTexter } from '../../../src/main/export/pdf-text';
import type { NodeInfo } from '../../../src/main/export/pdfmake-api';
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

  it('附件1 with tall category cells over few rows', async () => {
    const tables = buildAppendices(tallCategories(8, 3), '1');
    const out = await renderPdf(tables, META, bundledFonts());
    const pdf = read(out.bytes, 'tall.pdf');
    // Row 16 opens category 6 (seven lines tall): alone at the foot of page 2 it would be taller than the space
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

/**
 * A made-up plan from a seed: 2–11 categories of 1–12 indicators, category names of 1–16 characters (up to seven
 * lines in the 类别 column), indicator names of 4–60 characters; 附件1 (portrait) or the annual tables (landscape).
 */
function variedTables(seed: number): ReportTable[] {
  let state = seed;
  const rnd = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const chars =
    '市场主体活力与营商环境创新质量强县标准化建设工程消费公平竞争秩序安全底线风险防控体系知识产权计量检验检测';
  const d = syntheticPlan({ categories: 2 + Math.floor(rnd() * 10), perCategory: 12 });
  for (const c of d.categories) {
    const from = Math.floor(rnd() * 10);
    c.name = chars.slice(from, Math.floor(rnd() * 10) + 1 + Math.floor(rnd() * 16));
  }
  const sizes = d.categories.map(() => 1 + Math.floor(rnd() * 12));
  const kept: typeof d.indicators = [];
  d.categories.forEach((c, i) => {
    for (let j = 0; j < sizes[i]! && kept.length < d.indicators.length; j++) {
      const ind = d.indicators[kept.length]!;
      ind.categoryId = c.id;
      kept.push(ind);
    }
  });
  d.indicators = kept;
  for (const ind of d.indicators) {
    const cut = Math.floor(rnd() * ind.printedName.length);
    if (rnd() < 0.4) ind.printedName = ind.printedName.slice(0, Math.max(4, cut));
  }
  return rnd() < 0.5 ? buildAppendices(d, '1') : buildAnnualTables(d, YEAR);
}

describe('one measuring pass cuts the tables as the layout passes did', () => {
  it('the seed plan’s annual tables and appendices', async () => {
    const d = ctx.services.plans.get('十四五');
    for (const tables of [buildAnnualTables(d, YEAR), buildAppendices(d, 'all')]) {
      const measured = await breaksByMeasuring(tables, META, bundledFonts());
      expect(measured.filter((p) => p === null)).toEqual([]);
      expect(measured).toEqual(await breaksByPasses(tables, META, bundledFonts()));
    }
  }, 120_000);

  // Seeds whose tables make the passes shorten a part again: the span cut at a part's end made its last row
  // taller than the room left (55 and 56 do so three and four times).
  it.each([13, 53, 55, 56])(
    'made-up tables of varied heights (seed %i)',
    async (seed) => {
      const tables = variedTables(seed);
      const measured = await breaksByMeasuring(tables, META, bundledFonts());
      expect(measured[0]).not.toBeNull();
      expect(measured).toEqual(await breaksByPasses(tables, META, bundledFonts()));
    },
    120_000,
  );

  it('tall category cells over one to three rows', async () => {
    for (const tables of [buildAppendices(tallCategories(8, 3), '1'), buildAnnualTables(tallCategories(8, 2), YEAR)]) {
      const measured = await breaksByMeasuring(tables, META, bundledFonts());
      expect(measured[0]).not.toBeNull();
      expect(measured).toEqual(await breaksByPasses(tables, META, bundledFonts()));
    }
  }, 120_000);

  it('leaves a table it cannot measure (a row without text outside its 类别) to the passes', async () => {
    const table = buildAppendices(tallCategories(3, 6), '1')[0]!;
    // Row 2 keeps only its (spanned) category: nothing of its own to measure it by.
    table.rows[1]!.cells = table.rows[1]!.cells.map((c) => (c && (c.rowSpan ?? 1) === 1 ? { ...c, text: '' } : c));
    expect(await breaksByMeasuring([table], META, bundledFonts())).toEqual([null]);
    const parts = await breaksByPasses([table], META, bundledFonts());
    expect(Math.max(...parts[0]!)).toBeGreaterThan(1);
    const expected = await preparePdfmake(createTexter(bundledFonts()))
      .createPdf(buildPdfDefinition([table], META, bundledFonts(), parts))
      .getBuffer();
    const out = await renderPdf([table], META, bundledFonts());
    expect(out.bytes.equals(expected)).toBe(true);
  }, 120_000);
});

describe('the arithmetic of the cuts', () => {
  // Rows 100 pt high; the first page's rows start at 200, a continuation page's at 100, the type area ends at 510.
  const geometry = (spans: TableGeometry['spans'] = [], bottom = 510): TableGeometry => ({
    firstTop: 200,
    contTop: 100,
    bottom,
    own: [100, 100, 100, 100, 100, 100],
    spans,
  });

  it('cuts where a row no longer fits', () => {
    expect(firstSpill(geometry(), 0, 6)).toBe(3);
    expect(firstSpill(geometry(), 3, 6)).toBeNull();
    expect(simulate(geometry(), 6)).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('makes the last row of a span cut by the page as tall as the spanning cell, and cuts again', () => {
    // A 250 pt cell over rows 3–5: cut after row 3 it would make row 3 250 pt high, so row 3 opens page 2.
    const g = geometry([{ start: 2, end: 5, probe: 250 }]);
    expect(firstSpill(g, 0, 6)).toBe(3);
    expect(firstSpill(g, 0, 3)).toBe(2);
    // On page 2 the cell spans rows 3–5 (300 pt): no row grows.
    expect(firstSpill(g, 2, 6)).toBeNull();
    expect(simulate(g, 6)).toEqual([1, 1, 2, 2, 2, 2]);
    // A cell without text never makes a row taller.
    expect(simulate(geometry([{ start: 2, end: 5, probe: null }]), 6)).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it('leaves a tie, or a first row that does not fit, to the passes', () => {
    expect(firstSpill(geometry([], 500), 0, 6)).toBe('unsure');
    expect(simulate(geometry([], 500), 6)).toBeNull();
    expect(simulate(geometry([{ start: 0, end: 2, probe: 400 }]), 6)).toBeNull();
  });
});

describe('telling from the PDF whether a table spilled over a page', () => {
  /** The nodes pdfmake lays out, as pageBreakBefore sees them, for the tables cut into the given parts. */
  async function laidOut(tables: ReportTable[], parts: (number[] | undefined)[]) {
    const def = buildPdfDefinition(tables, META, bundledFonts(), parts);
    const nodes: NodeInfo[] = [];
    def.pageBreakBefore = (node) => (nodes.push(node), false);
    await preparePdfmake(createTexter(bundledFonts())).createPdf(def).getStream();
    return nodes;
  }

  it('finds the part that spills, and only that', async () => {
    const tables = buildAppendices(tallCategories(8, 3), '1');
    const parts = (await breaksByMeasuring(tables, META, bundledFonts())) as number[][];
    expect(spilledTables(await laidOut(tables, parts), tables, parts, [0], false)).toEqual([]);
    // Parts 2 and 3 as one: it spills.
    const merged = [parts[0]!.map((p) => Math.min(p, 2))];
    expect(spilledTables(await laidOut(tables, merged), tables, merged, [0], false)).toEqual([0]);
  }, 120_000);

  it('takes notes pushed to the next page by a full one for no spill', async () => {
    // 8 rows fill page 1 but for less than a line: the note opens page 2.
    const d = syntheticPlan({ categories: 2, perCategory: 4 });
    d.indicators.at(-1)!.printedName = d.indicators.at(-1)!.printedName.slice(20);
    const tables = buildAppendices(d, '1');
    tables[0]!.notes = ['注：数据来源于统计年报。'];
    const parts = (await breaksByMeasuring(tables, META, bundledFonts())) as number[][];
    expect(parts).toEqual([d.indicators.map(() => 1)]);
    const nodes = await laidOut(tables, parts);
    expect(nodes.find((n) => n.style === 'note')?.startPosition.pageNumber).toBe(2);
    expect(spilledTables(nodes, tables, parts, [0], false)).toEqual([]);
    // The same note after a part that spilled onto page 2 is a spill: told by where on the page it starts.
    const low = nodes.map((n) =>
      n.style === 'note' ? { ...n, startPosition: { ...n.startPosition, top: n.startPosition.top + 100 } } : n,
    );
    expect(spilledTables(low, tables, parts, [0], false)).toEqual([0]);
  }, 120_000);
});
