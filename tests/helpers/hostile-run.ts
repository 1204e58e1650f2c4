// Runs both importers over hostile files in a process of its own, so that a hang can be timed out and killed and the
// peak memory measured (tests/main/import/hostile.test.ts). Usage:
//   node --expose-gc --import tsx tests/helpers/hostile-run.ts FILE.json
// where FILE.json is [{ "id", "name", "path" }, …]. For each file, on a fresh in-memory database with the embedded plan:
// the values importer (preview, then apply with the preview's token) and the plan importer (preview, then apply when
// the preview has no error), each timed, with the change-log count and a checksum of every table before and after.
// Prints one JSON line per file, then nothing else on stdout.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../src/main/context';
import { AppError } from '../../src/shared/errors';
import { memoryContext } from './db';

export interface ImporterOutcome {
  /** rejected: the file (or the plan) was refused; imported: written; crash: anything else thrown */
  outcome: 'rejected' | 'imported' | 'crash';
  /** the error messages shown to the clerk (or the crash) */
  messages: string[];
  /** warnings listed with an import */
  warnings: string[];
  /** AppError code when one was thrown */
  code: string | null;
  ms: number;
  /** the database is unchanged (change-log count and every table's checksum) */
  unchanged: boolean;
}

export interface FileReport {
  id: string;
  values: ImporterOutcome;
  plan: ImporterOutcome;
  /** the most resident memory (MB) either import added to what the process held before it */
  addedMb: number;
}

function checksum(ctx: AppContext): string {
  const h = createHash('sha256');
  const tables = ctx.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    h.update(name);
    for (const row of ctx.db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).iterate()) {
      h.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    }
  }
  return `${ctx.repos.changeLog.list({ limit: 1, offset: 0 }).total}/${h.digest('hex')}`;
}

const describeThrown = (e: unknown) =>
  e instanceof AppError ? { code: e.code, message: e.message } : { code: null, message: String(e) };

async function valuesImport(ctx: AppContext, name: string, bytes: Uint8Array): Promise<ImporterOutcome> {
  const planId = ctx.services.plans.resolve('十四五');
  const before = checksum(ctx);
  const t0 = performance.now();
  try {
    const files = [{ name, bytes }];
    const p = await ctx.services.imports.preview(planId, files);
    await ctx.services.imports.apply(planId, files, p.token, 'tester');
    const errors = p.problems.filter((x) => x.severity === 'error').map((x) => x.message);
    const warnings = p.problems.filter((x) => x.severity === 'warning').map((x) => x.message);
    const rejected = p.files.some((f) => f.rejected);
    return {
      outcome: rejected ? 'rejected' : 'imported',
      messages: errors,
      warnings,
      code: null,
      ms: performance.now() - t0,
      unchanged: checksum(ctx) === before,
    };
  } catch (e) {
    const d = describeThrown(e);
    const ms = performance.now() - t0;
    const outcome = d.code === 'VALIDATION' || d.code === 'CONFLICT' ? 'rejected' : 'crash';
    return { outcome, messages: [d.message], warnings: [], code: d.code, ms, unchanged: checksum(ctx) === before };
  }
}

async function planImport(ctx: AppContext, name: string, bytes: Uint8Array): Promise<ImporterOutcome> {
  const before = checksum(ctx);
  const t0 = performance.now();
  try {
    const input = { name, bytes };
    const p = await ctx.services.planImport.preview(input);
    const errors = p.problems.filter((x) => x.severity === 'error').map((x) => x.message);
    const warnings = p.problems.filter((x) => x.severity === 'warning').map((x) => x.message);
    try {
      await ctx.services.planImport.apply(input, p.token, 'tester');
    } catch (e) {
      const d = describeThrown(e);
      const ms = performance.now() - t0;
      const outcome = errors.length > 0 && d.code === 'VALIDATION' ? 'rejected' : 'crash';
      return {
        outcome,
        messages: [...errors, d.message],
        warnings,
        code: d.code,
        ms,
        unchanged: checksum(ctx) === before,
      };
    }
    return {
      outcome: errors.length > 0 ? 'crash' : 'imported', // an error in the preview must stop the apply
      messages: errors,
      warnings,
      code: null,
      ms: performance.now() - t0,
      unchanged: checksum(ctx) === before,
    };
  } catch (e) {
    const d = describeThrown(e);
    const ms = performance.now() - t0;
    const outcome = d.code === 'VALIDATION' ? 'rejected' : 'crash';
    return { outcome, messages: [d.message], warnings: [], code: d.code, ms, unchanged: checksum(ctx) === before };
  }
}

/** Kernel counters (MB): resident now, and the peak since the last reset (Linux; elsewhere the process's peak). */
function memory(): { rss: number; peak: number } {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: process.memoryUsage().rss / 1024 / 1024, peak: process.resourceUsage().maxRSS / 1024 };
  }
}

/** Runs `f` and measures the most resident memory it added: the peak counter is reset first (Linux clear_refs 5). */
async function measured<T>(f: () => Promise<T>): Promise<{ value: T; addedMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux: the peak is the process's since it started, an overestimate
  }
  const before = memory().rss;
  const value = await f();
  return { value, addedMb: Math.round(memory().peak - before) };
}

async function main(listFile: string): Promise<void> {
  const list = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { id: string; name: string; path: string }[];
  for (const item of list) {
    const ctx = memoryContext();
    try {
      const bytes = new Uint8Array(fs.readFileSync(item.path));
      const values = await measured(() => valuesImport(ctx, item.name, bytes));
      const plan = await measured(() => planImport(ctx, item.name, bytes));
      const report: FileReport = {
        id: item.id,
        values: values.value,
        plan: plan.value,
        addedMb: Math.max(values.addedMb, plan.addedMb),
      };
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } finally {
      ctx.close();
    }
  }
}

main(process.argv[2]!).catch((e: unknown) => {
  process.stderr.write(`hostile-run: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
