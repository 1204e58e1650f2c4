// Importing returned workbooks: preview and apply of one annual workbook with 200 indicators, and preview of 50
// sections' collection workbooks at once (4 indicators each). Prints figures; asserts nothing.
// Run: npm run bench:import (npx tsx bench/import.ts)
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppContext, type AppContext } from '../src/main/context';
import type { IncomingFile } from '../src/main/services/import-service';
import { buildCollectionWorkbook } from '../src/main/services/reports/collection';
import { bigPlan } from './big-plan';

const ROOT = path.resolve(__dirname, '..');
const INDICATORS = 200;
const YEAR = 2022;
const SECTIONS = 50;
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function context(): { ctx: AppContext; planId: number } {
  const ctx = createAppContext({
    dbFile: ':memory:',
    resourcesDir: path.join(ROOT, 'resources'),
    seed: false,
    actor: 'bench',
  });
  const planId = ctx.services.plans.create(bigPlan(INDICATORS, 2021, 5), null, 'bench');
  // 50 sections with 4 indicators each.
  const detail = ctx.services.plans.get(planId);
  for (let s = 0; s < SECTIONS; s++) {
    const dept = ctx.services.work.saveDepartment({ name: `科室${s + 1}` }, 'bench');
    for (const ind of detail.indicators.slice(s * 4, s * 4 + 4)) {
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
          departmentId: dept.id,
          dataSource: ind.dataSource,
          remark: ind.remark,
        },
        'bench',
      );
    }
  }
  return { ctx, planId };
}

async function main(): Promise<void> {
  // The sections fill in their values in one database; the bureau imports them into another.
  const sections = context();
  const d = sections.ctx.services.plans.get(sections.planId);
  sections.ctx.services.indicators.updateValues(
    sections.planId,
    d.indicators.map((i, n) => ({
      indicatorId: i.id,
      year: YEAR,
      kind: 'actual' as const,
      text: (101 + n * 1.5).toFixed(2),
    })),
    'bench',
  );
  const annual: IncomingFile = {
    name: 'annual.xlsx',
    bytes: (await sections.ctx.services.reports.exportAnnual(sections.planId, YEAR, 'xlsx')).bytes,
  };
  const detail = sections.ctx.services.plans.get(sections.planId);
  const now = new Date();
  const returned: IncomingFile[] = [];
  for (const dept of detail.departments) {
    const f = await buildCollectionWorkbook(detail, YEAR, dept.id, now);
    returned.push({ name: f.fileName, bytes: f.bytes });
  }

  const rows: string[][] = [];
  const time = async (what: string, fresh: boolean, run: (c: ReturnType<typeof context>) => Promise<string>) => {
    const times: number[] = [];
    let note = '';
    for (let i = 0; i < RUNS + 1; i++) {
      const c = context();
      const t0 = performance.now();
      note = await run(c);
      if (i > 0 || !fresh) times.push(performance.now() - t0);
      c.ctx.close();
    }
    rows.push([what, median(times).toFixed(0), Math.min(...times).toFixed(0), note]);
  };

  await time('preview: 1 annual workbook, 200 indicators', true, async ({ ctx, planId }) => {
    const p = await ctx.services.imports.preview(planId, [annual]);
    return `${p.changes.length} changes, ${(annual.bytes.length / 1024).toFixed(0)} KB`;
  });
  await time('preview + apply: 1 annual workbook, 200 indicators', true, async ({ ctx, planId }) => {
    const p = await ctx.services.imports.preview(planId, [annual]);
    const r = await ctx.services.imports.apply(planId, [annual], p.token, 'bench');
    return `${r.applied} written`;
  });
  await time(`preview: ${SECTIONS} collection workbooks`, true, async ({ ctx, planId }) => {
    const p = await ctx.services.imports.preview(planId, returned);
    const kb = returned.reduce((s, f) => s + f.bytes.length, 0) / 1024;
    return `${p.changes.length} changes, ${p.problems.filter((x) => x.severity === 'error').length} errors, ${kb.toFixed(0)} KB`;
  });
  await time(`preview + apply: ${SECTIONS} collection workbooks`, true, async ({ ctx, planId }) => {
    const p = await ctx.services.imports.preview(planId, returned);
    const r = await ctx.services.imports.apply(planId, returned, p.token, 'bench');
    return `${r.applied} written`;
  });

  console.log(
    `PlanDesk import bench — ${os.cpus().length} cores, Node ${process.version}, median of ${RUNS} warm runs`,
  );
  console.log(['what', 'median ms', 'min ms', 'note'].join('\t'));
  for (const r of rows) console.log(r.join('\t'));
  sections.ctx.close();
}

void main();
