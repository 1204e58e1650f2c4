// One export in a fresh process (cold: module loading, font parsing and all). Prints JSON for bench/export.ts.
import { performance } from 'node:perf_hooks';

const t0 = performance.now();
async function run(): Promise<void> {
  const [{ memoryContext }] = await Promise.all([import('../tests/helpers/db')]);
  const format = process.argv[2] === 'pdf' ? 'pdf' : 'xlsx';
  const ctx = memoryContext();
  const tLoaded = performance.now();
  const file = await ctx.services.reports.exportAppendix('十四五', 'all', format);
  const tDone = performance.now();
  ctx.close();
  process.stdout.write(
    JSON.stringify({
      format,
      loadMs: tLoaded - t0,
      exportMs: tDone - tLoaded,
      totalMs: tDone - t0,
      bytes: file.bytes.length,
    }),
  );
}
void run();
