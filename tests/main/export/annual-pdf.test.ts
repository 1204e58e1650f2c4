// The annual submission PDF opens with a one-page summary of the year: read back with poppler (pdftotext, pdffonts),
// with every expected figure worked out here from the handful of values the test enters, not by the code under
// test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/main/context';
import { renderPdf } from '../../../src/main/export/pdf';
import { buildAnnualTables } from '../../../src/main/services/reports/annual';
import { buildAnnualSummary } from '../../../src/main/services/reports/annual-summary';
import type { Indicator, PlanDetail } from '../../../src/shared/model';
import { parseValue } from '../../../src/shared/value';
import { memoryContext } from '../../helpers/db';
import { META, bundledFonts, pdfFile, squash, tokens } from './poppler';
import { syntheticPlan } from './synthetic-plan';

const YEAR = 2022;
const STATUSES = ['提前实现', '快于预期', '基本符合预期', '滞后', '无数据'] as const;
type Status = (typeof STATUSES)[number];

/**
 * What the test enters for 2022 and the status each must get, worked out by hand from the seed's figures and the
 * rules of DOMAIN.md §4 (序时进度 for 2022 = 2/5 = 40%, a ±5% band for 预期性, none below for 约束性).
 */
const CASES: { seq: string; actual?: string; binding?: true; override?: [Status, string]; status: Status }[] = [
  // base 2.6336, target 5.05: (3.52 − 2.6336) / (5.05 − 2.6336) = 36.7%, within 5% of 40%
  { seq: '1', actual: '3.52', status: '基本符合预期' },
  // no base: 60 against the 2022 target 82 is 27% short
  { seq: '2', actual: '60', binding: true, status: '滞后' },
  // 1.05 is past the 2025 target 1.01 in 2022
  { seq: '3', actual: '1.05', status: '提前实现' },
  // no base: 50 against the 2022 target 45 is 11% ahead
  { seq: '4', actual: '50', status: '快于预期' },
  // exactly the 2022 target 4.1: on track even without a band below
  { seq: '7', actual: '4.1', binding: true, status: '基本符合预期' },
  // base 8350, target 13200: 650 / 4850 = 13.4%, far below 40%
  { seq: '8', actual: '9000', status: '滞后' },
  // a 约束性 indicator with nothing entered
  { seq: '9', binding: true, status: '无数据' },
  // no base: 12 against the 2022 target 10 is 20% ahead
  { seq: '10', actual: '12', status: '快于预期' },
  // 22 is past the 2025 target 21
  { seq: '11', actual: '22', status: '提前实现' },
  // the rules say 滞后 (50 against 61); the clerk sets 基本符合预期
  { seq: '14', actual: '50', override: ['基本符合预期', '统计口径调整'], status: '基本符合预期' },
  // nothing entered; the clerk sets 滞后
  { seq: '16', override: ['滞后', '数据未出，已知滞后'], status: '滞后' },
];
const STATUS_KEYS = {
  提前实现: 'achieved_early',
  快于预期: 'ahead',
  基本符合预期: 'on_track',
  滞后: 'lagging',
  无数据: 'no_data',
} as const;

/** Progress entered for 2022: [index, status or null for text without a status]. */
const ACTIONS: [number, 'not_started' | 'in_progress' | 'done' | 'lagging' | null][] = [
  [0, 'in_progress'],
  [1, 'done'],
  [2, 'lagging'],
  [3, null],
  [4, 'not_started'],
];
const TASKS: [number, 'not_started' | 'in_progress' | 'done' | 'lagging' | null][] = [
  [0, 'not_started'],
  [1, 'done'],
  [2, 'done'],
];
const PROGRESS_ORDER = ['not_started', 'in_progress', 'done', 'lagging', null] as const;

const fontDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-nofonts-'));
const files: ReturnType<typeof pdfFile>[] = [];
let ctx: AppContext;
let planId: number;
let plan: PlanDetail;

beforeAll(() => {
  // The bundled fonts only, whatever this machine has installed.
  ctx = memoryContext({ fontDirs: [fontDir] });
  planId = ctx.services.plans.resolve('十四五');
  const d = ctx.services.plans.get(planId);
  const bySeq = (seq: string) => d.indicators.find((i) => i.seq === seq)!;
  for (const c of CASES.filter((x) => x.binding)) {
    const ind = bySeq(c.seq);
    ctx.services.structure.saveIndicator(
      planId,
      {
        id: ind.id,
        categoryId: ind.categoryId,
        name: ind.name,
        unit: ind.unit,
        nature: 'binding',
        direction: ind.direction,
        targetKind: ind.targetKind,
        base: ind.base ? { text: ind.base.text, year: ind.base.year, source: ind.base.source } : null,
        departmentId: ind.departmentId,
        dataSource: ind.dataSource,
        remark: ind.remark,
      },
      'test',
    );
  }
  ctx.services.indicators.updateValues(
    planId,
    CASES.filter((c) => c.actual).map((c) => ({
      indicatorId: bySeq(c.seq).id,
      year: YEAR,
      kind: 'actual' as const,
      text: c.actual!,
    })),
    'test',
  );
  for (const c of CASES.filter((x) => x.override)) {
    const [status, reason] = c.override!;
    ctx.services.indicators.setOverride(planId, bySeq(c.seq).id, YEAR, { status: STATUS_KEYS[status], reason }, 'test');
  }
  for (const [i, status] of ACTIONS) {
    ctx.services.work.setActionProgress(planId, d.actions[i]!.id, { year: YEAR, text: `进展${i}`, status }, 'test');
  }
  for (const [i, status] of TASKS) {
    ctx.services.work.setTaskProgress(planId, d.tasks[i]!.id, { year: YEAR, text: `进展${i}`, status }, 'test');
  }
  plan = ctx.services.plans.get(planId);
});
afterAll(() => {
  ctx?.close();
  files.forEach((f) => f.cleanup());
  fs.rmSync(fontDir, { recursive: true, force: true });
});

async function exportAnnual(year: number) {
  const file = await ctx.services.reports.exportAnnual(planId, year, 'pdf');
  const pdf = pdfFile(file.bytes, `annual-${year}.pdf`);
  files.push(pdf);
  return { file, pdf, pages: pdf.pages() };
}

/** Expected counts per status: the cases' statuses, and 无数据 for every indicator the test left alone. */
function expectedCounts(): Record<Status, { count: number; overridden: number }> {
  const out = Object.fromEntries(STATUSES.map((s) => [s, { count: 0, overridden: 0 }])) as Record<
    Status,
    { count: number; overridden: number }
  >;
  for (const c of CASES) {
    out[c.status].count += 1;
    if (c.override) out[c.status].overridden += 1;
  }
  out['无数据'].count += plan.indicators.length - CASES.length;
  return out;
}

const countText = (c: { count: number; overridden: number }) =>
  `${c.count}项${c.overridden > 0 ? `（含人工调整${c.overridden}项）` : ''}`;
const nameOf = (seq: string) => plan.indicators.find((i) => i.seq === seq)!.printedName;

/** The chart's labels: a line holding exactly `label` with, on the same baseline, a line holding exactly `value`. */
function chartPairs(pdf: ReturnType<typeof pdfFile>, label: string, value: string): boolean {
  const lines = pdf.lines(1);
  return lines.some(
    (l) => l.text === label && lines.some((v) => v !== l && v.text === value && Math.abs(v.top - l.top) < 1),
  );
}

describe('the annual submission PDF opens with a one-page summary', () => {
  let out: Awaited<ReturnType<typeof exportAnnual>>;
  beforeAll(async () => {
    out = await exportAnnual(YEAR);
  }, 60_000);

  it('has the summary on a portrait page 1 and the 主要指标 table from page 2', () => {
    const { pdf, pages, file } = out;
    expect(file.warnings).toEqual([]);
    const page1 = squash(pages[0]!);
    expect(page1.startsWith(squash(`${plan.plan.title}${YEAR}年度实施情况汇总`))).toBe(true);
    expect(page1).toContain('—1—');
    expect(pdf.info()['Title']).toBe(`${plan.plan.title}${YEAR}年度实施情况汇总`);
    const sizes = pdf.pageSizes();
    expect(sizes[0]).toBe('595.28 x 841.89');
    expect(sizes.slice(1).every((s) => s === '841.89 x 595.28')).toBe(true);
    // The tables follow as before: page 2 starts the 主要指标 table, and nothing of it is on page 1.
    const page2 = squash(pages[1]!);
    expect(page2.startsWith(squash(`${plan.plan.title}${YEAR}年度主要指标完成情况`))).toBe(true);
    expect(page2).toContain('指标名称（单位）');
    expect(page1).not.toContain('指标名称（单位）');
    expect(page1).not.toContain(squash(nameOf('1')));
    expect(pages.filter((p) => squash(p).includes('年度实施情况汇总'))).toHaveLength(1);
  });

  it('counts the indicators per status, the clerk’s overrides included and marked', () => {
    const page1 = squash(out.pages[0]!);
    const expected = expectedCounts();
    expect(STATUSES.reduce((n, s) => n + expected[s].count, 0)).toBe(plan.indicators.length);
    expect(page1).toContain(`${YEAR}年度，${plan.indicators.length}项主要指标中：`);
    // One sentence: "提前实现2项，快于预期2项，基本符合预期3项（含人工调整1项），滞后3项（含人工调整1项），无数据10项。"
    const sentence = STATUSES.map((s) => `${s}${countText(expected[s])}`).join('，') + '。';
    expect(page1).toContain(sentence);
  });

  it('draws the chart with every bar labelled by its status and count, as extractable text', () => {
    const expected = expectedCounts();
    for (const s of STATUSES) {
      expect(chartPairs(out.pdf, s, countText(expected[s])), `${s} ${countText(expected[s])}`).toBe(true);
    }
  });

  it('agrees with the 评价 column of the 主要指标 table', () => {
    const indicators = buildAnnualTables(plan, YEAR)[0]!;
    const expected = expectedCounts();
    for (const s of STATUSES) {
      const rows = indicators.rows.map((r) => r.cells[10]!.text);
      expect(rows.filter((t) => t.replace('（人工调整）', '') === s).length, s).toBe(expected[s].count);
      expect(rows.filter((t) => t === `${s}（人工调整）`).length, s).toBe(expected[s].overridden);
    }
  });

  it('names the lagging indicators (约束性 first) and the 约束性 indicators (lagging first)', () => {
    const page1 = squash(out.pages[0]!);
    const lagging = CASES.filter((c) => c.status === '滞后');
    const laggingOrder = [...lagging.filter((c) => c.binding), ...lagging.filter((c) => !c.binding)];
    const mark = (c: (typeof CASES)[number], notes: string[]) =>
      nameOf(c.seq) + (notes.length ? `（${notes.join('，')}）` : '');
    const laggingText =
      `滞后指标（${lagging.length}项）：` +
      laggingOrder
        .map((c) => mark(c, [...(c.binding ? ['约束性'] : []), ...(c.override ? ['人工调整'] : [])]))
        .join('、') +
      '。';
    expect(page1).toContain(squash(laggingText));
    const binding = CASES.filter((c) => c.binding);
    const bindingOrder = [...binding.filter((c) => c.status === '滞后'), ...binding.filter((c) => c.status !== '滞后')];
    const bindingText =
      `约束性指标（${binding.length}项）：` +
      bindingOrder.map((c) => mark(c, [c.status, ...(c.override ? ['人工调整'] : [])])).join('、') +
      '。';
    expect(page1).toContain(squash(bindingText));
  });

  it('counts the actions and tasks by progress status', () => {
    const lines = tokens(out.pages[0]!);
    const header = ['类别', '未开始', '推进中', '已完成', '滞后', '未填报', '合计'];
    const at = lines.indexOf('类别');
    expect(lines.slice(at, at + header.length)).toEqual(header);
    const row = (label: string, entered: typeof ACTIONS, total: number) => {
      const counts = PROGRESS_ORDER.map((s) => entered.filter(([, x]) => x === s).length);
      counts[counts.length - 1]! += total - entered.length; // nothing entered: 未填报
      return [label, ...counts.map(String), String(total)];
    };
    const actionsAt = lines.indexOf('十大行动');
    expect(lines.slice(actionsAt, actionsAt + 7)).toEqual(row('十大行动', ACTIONS, plan.actions.length));
    const tasksAt = lines.indexOf('主要任务');
    expect(lines.slice(tasksAt, tasksAt + 7)).toEqual(row('主要任务', TASKS, plan.tasks.length));
  });

  it('is byte-for-byte reproducible (a submitted file can be made again)', async () => {
    const again = await ctx.services.reports.exportAnnual(planId, YEAR, 'pdf');
    expect(Buffer.from(again.bytes).equals(Buffer.from(out.file.bytes))).toBe(true);
  }, 30_000);

  it('embeds every font, as subsets, each once (the chart uses the text’s own fonts)', () => {
    const rows = out.pdf.fonts();
    for (const f of rows) expect(f, f.name).toMatchObject({ emb: 'yes', sub: 'yes', uni: 'yes' });
    expect(rows.map((f) => f.name.slice(7)).sort()).toEqual(
      ['FandolFang-Regular', 'NotoSansSC-Regular', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular'].sort(),
    );
  });
});

describe('the summary on unusual input', () => {
  it('a year with no data: everything 无数据, nothing named, still one page before the tables', async () => {
    const { pdf, pages, file } = await exportAnnual(2024);
    expect(file.warnings).toEqual([]);
    const page1 = squash(pages[0]!);
    const n = plan.indicators.length;
    // Only the clerk's 2022 overrides were entered: none applies to 2024.
    expect(page1).toContain(`${n}项主要指标中：提前实现0项，快于预期0项，基本符合预期0项，滞后0项，无数据${n}项。`);
    for (const s of STATUSES) expect(chartPairs(pdf, s, `${s === '无数据' ? n : 0}项`), s).toBe(true);
    // 约束性 indicators are still named, each 无数据.
    expect(page1).toContain('滞后指标：无。');
    expect(page1).toContain(
      squash(`约束性指标（3项）：${['2', '7', '9'].map((s) => `${nameOf(s)}（无数据）`).join('、')}。`),
    );
    expect(squash(pages[1]!).startsWith(squash(`${plan.plan.title}2024年度主要指标完成情况`))).toBe(true);
  }, 60_000);

  it('a plan of 200 indicators with long names: the lists are cut to “等 M 项” and the page still holds', async () => {
    const d = syntheticPlan({ categories: 8, perCategory: 25 });
    // Every third indicator 约束性; every seventh left without an actual; the rest far below target.
    let lagging = 0;
    let binding = 0;
    d.indicators.forEach((ind: Indicator, n) => {
      if (n % 3 === 0) {
        ind.nature = 'binding';
        binding++;
      }
      if (n % 7 === 6) return;
      ind.values.push({ ...parseValue('0.5'), year: YEAR, kind: 'actual', note: null, updatedAt: '', updatedBy: '' });
      lagging++;
    });
    const summary = buildAnnualSummary(d, YEAR);
    const fonts = bundledFonts();
    // The summary and the (empty) 十大行动 table after it: rendering the 200-row table adds nothing here but time.
    const out = await renderPdf([buildAnnualTables(d, YEAR)[1]!], META, fonts, { summary });
    const pdf = pdfFile(out.bytes, 'big.pdf');
    files.push(pdf);
    expect(out.missingGlyphs).toEqual([]);
    const pages = pdf.pages();
    expect(pages).toHaveLength(2);
    const page1 = squash(pages[0]!);
    expect(page1).toContain(
      `200项主要指标中：提前实现0项，快于预期0项，基本符合预期0项，滞后${lagging}项，无数据${200 - lagging}项。`,
    );
    expect(page1).toMatch(new RegExp(`^.*滞后指标：第01项.+等${lagging}项。`));
    expect(page1).toMatch(new RegExp(`约束性指标：第01项.+等${binding}项。`));
    expect(page1).toContain('二、十大行动和主要任务推进情况');
    expect(tokens(pages[0]!)).toContain('合计');
    expect(page1).toContain('—1—');
    expect(squash(pages[1]!).startsWith(squash(`${d.plan.title}${YEAR}年度十大行动推进情况`))).toBe(true);
  }, 60_000);

  it('a three-line title and overrides in every status: the lists give up lines, the page still holds', async () => {
    const d = syntheticPlan({ categories: 8, perCategory: 25 });
    d.plan.title = '浙江省金华市磐安县市场监督管理局关于全面推进市场监管现代化“十四五”发展规划';
    const keys = Object.values(STATUS_KEYS);
    d.indicators.forEach((ind, n) => {
      ind.nature = 'binding';
      ind.values.push({ ...parseValue('0.5'), year: YEAR, kind: 'actual', note: null, updatedAt: '', updatedBy: '' });
      if (n < 10)
        d.overrides.push({
          indicatorId: ind.id,
          year: YEAR,
          status: keys[n % 5]!,
          reason: '理由',
          updatedAt: '',
          updatedBy: '',
        });
    });
    const out = await renderPdf([], META, bundledFonts(), { summary: buildAnnualSummary(d, YEAR) });
    const pdf = pdfFile(out.bytes, 'long.pdf');
    files.push(pdf);
    expect(pdf.info()['Pages']).toBe('1');
    const page1 = squash(pdf.text());
    // 2 overrides per status; the other 190 lag (0.5 against targets of 1.75 and more).
    expect(page1).toContain('提前实现2项（含人工调整2项），快于预期2项（含人工调整2项），');
    expect(page1).toContain(`滞后192项（含人工调整2项），无数据2项（含人工调整2项）。`);
    expect(page1).toMatch(/滞后指标：.+等192项。约束性指标：.+等200项。二、十大行动和主要任务推进情况/);
    expect(tokens(pdf.text())).toContain('合计');
  });

  it('a plan without indicators, actions or tasks: zero counts, empty bars', async () => {
    const d = syntheticPlan({ categories: 0, perCategory: 0 });
    const out = await renderPdf([], META, bundledFonts(), { summary: buildAnnualSummary(d, YEAR) });
    const pdf = pdfFile(out.bytes, 'empty.pdf');
    files.push(pdf);
    expect(pdf.info()['Pages']).toBe('1');
    const page1 = squash(pdf.text());
    expect(page1).toContain('0项主要指标中：提前实现0项，快于预期0项，基本符合预期0项，滞后0项，无数据0项。');
    for (const s of STATUSES) expect(chartPairs(pdf, s, '0项'), s).toBe(true);
    expect(page1).toContain('滞后指标：无。约束性指标：无。');
  });

  // Windows' 宋体 is a collection (simsun.ttc); pdfmake rewrites such a descriptor in place, so the chart must not
  // depend on it. Debian's fonts-noto-cjk ships a collection to stand in for it here, as the 仿宋 role.
  const TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
  it.skipIf(!fs.existsSync(TTC))('draws the chart’s text in a face inside a TrueType collection', async () => {
    const fonts = bundledFonts();
    fonts.roles.fangsong = [
      { family: '仿宋', file: TTC, official: true, postscriptName: 'NotoSerifCJKsc-Regular' },
      ...fonts.roles.fangsong,
    ];
    const out = await renderPdf([], META, fonts, { summary: buildAnnualSummary(plan, YEAR) });
    const pdf = pdfFile(out.bytes, 'ttc.pdf');
    files.push(pdf);
    const names = pdf.fonts().map((f) => f.name.slice(7));
    expect(names.filter((n) => n === 'NotoSerifCJKsc-Regular')).toHaveLength(1);
    const expected = expectedCounts();
    for (const s of STATUSES) expect(chartPairs(pdf, s, countText(expected[s])), s).toBe(true);
  });
});
