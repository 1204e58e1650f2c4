// Export speed and size for both appendices of the seed plan: cold (fresh process) and warm, side by side with
// LibreOffice converting our xlsx to PDF. Prints figures; asserts nothing.  Run: npm run bench
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { memoryContext } from '../tests/helpers/db';

const RUNS = 20;
const root = path.resolve(__dirname, '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function cold(format: 'xlsx' | 'pdf') {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'export-once.ts'), format], {
    cwd: root,
    encoding: 'utf8',
  });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  return { ...(JSON.parse(r.stdout) as { exportMs: number; totalMs: number; bytes: number }), wallMs: wall };
}

async function main(): Promise<void> {
  const ctx = memoryContext();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-bench-'));
  const rows: string[][] = [['what', 'median ms', 'min ms', 'size']];
  const files: Record<string, string> = {};
  for (const format of ['xlsx', 'pdf'] as const) {
    await ctx.services.reports.exportAppendix('十四五', 'all', format); // warm-up
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const file = await ctx.services.reports.exportAppendix('十四五', 'all', format);
      times.push(performance.now() - t0);
      size = file.bytes.length;
      files[format] = path.join(out, `bench.${format}`);
      fs.writeFileSync(files[format], file.bytes);
    }
    rows.push([
      `${format} warm (both appendices, ${RUNS} runs)`,
      median(times).toFixed(1),
      Math.min(...times).toFixed(1),
      `${(size / 1024).toFixed(1)} KB`,
    ]);
    const c = cold(format);
    rows.push([
      `${format} fresh process: export only / whole process`,
      c.exportMs.toFixed(0),
      c.wallMs.toFixed(0),
      `${(c.bytes / 1024).toFixed(1)} KB`,
    ]);
  }
  ctx.close();

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-lo-'));
  const lo: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, files.xlsx!],
      { encoding: 'utf8' },
    );
    lo.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`LibreOffice failed: ${r.stderr}`);
  }
  const loPdf = fs.statSync(path.join(out, 'bench.pdf')).size;
  rows.push([
    'LibreOffice xlsx → pdf (3 runs)',
    median(lo).toFixed(0),
    Math.min(...lo).toFixed(0),
    `${(loPdf / 1024).toFixed(1)} KB`,
  ]);
  const pdfWarm = Number(rows[3]![1]);
  rows.push(['speed-up: LibreOffice median / our PDF warm median', (median(lo) / pdfWarm).toFixed(1) + '×', '', '']);

  const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((c, i) => c.padEnd(width[i]!)).join('  '));
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(profile, { recursive: true, force: true });
}

void main();
