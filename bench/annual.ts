// The annual submission PDF (年度完成情况表, opening with its one-page summary and chart) for the seed plan's 2022,
// with a few actuals, overrides and progress entries so that the chart has bars: warm median/min over 20 runs and
// the size, then where the time goes (summary page alone, tables alone); then the annual PDF of two generated plans
// of 200 indicators (short names in 20 categories, long names in 8). Prints figures; asserts nothing.
// Run: npm run bench:annual (npx tsx bench/annual.ts)
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { renderPdf } from '../src/main/export/pdf';
import { resolveFontSet } from '../src/main/export/fonts';
import { buildAnnualTables } from '../src/main/services/reports/annual';
import { buildAnnualSummary } from '../src/main/services/reports/annual-summary';
import { memoryContext, RESOURCES } from '../tests/helpers/db';
import { syntheticPlan } from '../tests/main/export/synthetic-plan';
import { bigPlan } from './big-plan';

const RUNS = 20;
/** Runs of each 200-indicator export (a few seconds each before one measuring pass replaced the layout passes). */
const BIG_RUNS = 5;
const YEAR = 2022;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Variant {
  what: string;
  /** one run; returns the size of what it made */
  run: () => Promise<number>;
  times: number[];
  size: number;
}

/**
 * Runs the variants interleaved (one of each per round), so that a change in the machine's load during the bench
 * weighs on all of them alike; one warm-up round first (modules, fonts read and parsed, pdfmake's first layout).
 */
async function timeAll(variants: Variant[]): Promise<void> {
  for (const v of variants) await v.run();
  for (let i = 0; i < RUNS; i++) {
    for (const v of variants) {
      const t0 = performance.now();
      v.size = await v.run();
      v.times.push(performance.now() - t0);
    }
  }
}

async function main(): Promise<void> {
  const ctx = memoryContext();
  const planId = ctx.services.plans.resolve('十四五');
  const d0 = ctx.services.plans.get(planId);
  const ind = (seq: string) => d0.indicators.find((i) => i.seq === seq)!.id;
  const actuals: [string, string][] = [
    ['1', '3.52'],
    ['2', '60'],
    ['3', '1.05'],
    ['4', '50'],
    ['8', '9000'],
    ['10', '12'],
    ['14', '50'],
  ];
  ctx.services.indicators.updateValues(
    planId,
    actuals.map(([seq, text]) => ({ indicatorId: ind(seq), year: YEAR, kind: 'actual' as const, text })),
    'bench',
  );
  ctx.services.indicators.setOverride(planId, ind('14'), YEAR, { status: 'on_track', reason: '口径调整' }, 'bench');
  ctx.services.work.setActionProgress(
    planId,
    d0.actions[0]!.id,
    { year: YEAR, text: '推进中', status: 'in_progress' },
    'bench',
  );

  const load0 = os.loadavg()[0]!.toFixed(2);
  // The parts, with the same fonts the service uses (this machine's official fonts if any, else the bundled ones).
  const fonts = resolveFontSet({ resourcesDir: RESOURCES });
  const d = ctx.services.plans.get(planId);
  const meta = { subject: d.plan.title, author: 'bench', now: new Date(0) };
  const variant = (what: string, run: () => Promise<number>): Variant => ({ what, run, times: [], size: 0 });
  const variants = [
    variant(`exportAnnual ${YEAR} pdf: summary + 3 tables`, async () => {
      return (await ctx.services.reports.exportAnnual(planId, YEAR, 'pdf')).bytes.length;
    }),
    variant('  buildAnnualSummary (pure)', async () => {
      buildAnnualSummary(d, YEAR);
      return 0;
    }),
    variant('  summary page alone (renderPdf, no tables)', async () => {
      return (await renderPdf([], meta, fonts, { summary: buildAnnualSummary(d, YEAR) })).bytes.length;
    }),
    variant('  3 tables alone (renderPdf, no summary: as before)', async () => {
      return (await renderPdf(buildAnnualTables(d, YEAR), meta, fonts)).bytes.length;
    }),
  ];
  await timeAll(variants);

  // 200 indicators: bench/big-plan.ts (20 categories of 10, names of 9–11 characters: 10 rows a page) through the
  // service, and the long names of tests/main/export/synthetic-plan.ts (8 categories of 25, 30–60 characters: 4
  // rows a page) through renderPdf, as the tests lay them out (no summary: it adds nothing here but its page).
  const big = ctx.services.plans.create(bigPlan(200, 2021, 5), null, 'bench');
  const long = buildAnnualTables(syntheticPlan({ categories: 8, perCategory: 25 }), YEAR);
  const bigVariants = [
    variant(`exportAnnual ${YEAR} pdf, bigPlan(200, 2021, 5)`, async () => {
      return (await ctx.services.reports.exportAnnual(big, YEAR, 'pdf')).bytes.length;
    }),
    variant('3 tables alone, 200 indicators with long names', async () => {
      return (await renderPdf(long, meta, fonts)).bytes.length;
    }),
  ];
  for (const v of bigVariants) {
    for (let i = 0; i < BIG_RUNS; i++) {
      const t0 = performance.now();
      v.size = await v.run();
      v.times.push(performance.now() - t0);
    }
  }
  ctx.close();

  const rows = [
    ['what', `median ms (${RUNS} runs)`, 'min ms', 'size'],
    ...variants.map((v) => [
      v.what,
      median(v.times).toFixed(1),
      Math.min(...v.times).toFixed(1),
      v.size > 0 ? `${(v.size / 1024).toFixed(1)} KB` : '',
    ]),
  ];
  // Paired per round, so that the machine's load cancels out: what the summary page adds to the export.
  const [whole, , , tables] = variants;
  const added = whole!.times.map((t, i) => t - tables!.times[i]!);
  rows.push([
    '  summary added (per round: export − tables alone)',
    median(added).toFixed(1),
    '',
    `${((whole!.size - tables!.size) / 1024).toFixed(1)} KB`,
  ]);
  rows.push(['', `median ms (${BIG_RUNS} runs)`, 'min ms', 'size']);
  for (const v of bigVariants) {
    rows.push([
      v.what,
      median(v.times).toFixed(1),
      Math.min(...v.times).toFixed(1),
      `${(v.size / 1024).toFixed(1)} KB`,
    ]);
  }
  const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i]!)).join('  '));
  console.log(`load average at start / end: ${load0} / ${os.loadavg()[0]!.toFixed(2)} (${os.cpus().length} cores)`);
}

void main();
