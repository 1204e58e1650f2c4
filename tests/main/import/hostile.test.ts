// Hostile workbooks (issue 7, item 5): every file of the corpus (tests/helpers/hostile-workbooks.ts) given to both
// importers — the values import (preview, apply) and the plan import (preview, apply) — in a process of its own
// (tests/helpers/hostile-run.ts), so that a hang is a timeout instead of a stuck test and the peak memory is measured.
// Each file must be refused with a Chinese message naming what is wrong, or imported (with its problems listed): no
// crash, no INTERNAL error, nothing written for a refused file, an answer within a bound and within a memory budget.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport, ImporterOutcome } from '../../helpers/hostile-run';
import { hostileCorpus, type Expectation, type HostileCase } from '../../helpers/hostile-workbooks';
import { memoryContext } from '../../helpers/db';
import { convertWithLibreOffice, tempDir } from '../../helpers/xlsx-check';
import { encryptWorkbook } from '../../helpers/xlsx-edit';

const RUNNER = path.resolve(__dirname, '../../helpers/hostile-run.ts');
/** each importer (preview + apply) answers each file within this, on a loaded 2-core machine (measured: < 8 s) */
const ANSWER_MS = 20_000;
/** a child process gets this long for its files before it counts as hung */
const KILL_MS = 90_000;
/** peak resident memory above the process's own before the import: a clerk's PC has 4–8 GB */
const MEMORY_MB = 300;
/** a child above this is killed at once (the budget is far lower; this only protects the machine) */
const WATCHDOG_MB = 3_000;
const BATCH = 12;
const PARALLEL = 2;

type Result = FileReport | { id: string; failure: 'hang' | 'memory' | 'exit'; detail: string };

let dir: string;
let corpus: HostileCase[] = [];
const results = new Map<string, Result>();
const sizes = new Map<string, number>();

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs a list of files in one child; returns what it reported and, if it died, the file it was on. */
function runChild(items: HostileCase[]): Promise<Result[]> {
  const list = path.join(dir, `list-${items[0]!.id}.json`);
  fs.writeFileSync(
    list,
    JSON.stringify(items.map((c) => ({ id: c.id, name: c.name, path: path.join(dir, `${c.id}.bin`) }))),
  );
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', RUNNER, list], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Result[] = [];
    let buffered = '';
    let stderr = '';
    let killed: 'hang' | 'memory' | null = null;
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString('utf8');
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        out.push(JSON.parse(buffered.slice(0, nl)) as FileReport);
        buffered = buffered.slice(nl + 1);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-4000)));
    const timer = setTimeout(() => {
      killed = 'hang';
      child.kill('SIGKILL');
    }, KILL_MS);
    const watch = setInterval(() => {
      if (child.pid && rssMb(child.pid) > WATCHDOG_MB) {
        killed = 'memory';
        child.kill('SIGKILL');
      }
    }, 100);
    child.on('exit', (code) => {
      clearTimeout(timer);
      clearInterval(watch);
      if (out.length < items.length) {
        const at = items[out.length]!;
        out.push({ id: at.id, failure: killed ?? 'exit', detail: `exit ${code}: ${stderr.trim()}` });
      }
      resolve(out);
    });
  });
}

/** Every case run: cheap ones in batches, heavy ones alone; after a death the rest of its batch runs again. */
async function runAll(cases: HostileCase[]): Promise<void> {
  const queue: HostileCase[][] = [];
  const cheap = cases.filter((c) => !c.alone);
  for (let i = 0; i < cheap.length; i += BATCH) queue.push(cheap.slice(i, i + BATCH));
  for (const c of cases.filter((x) => x.alone)) queue.push([c]);
  const worker = async () => {
    for (let items = queue.shift(); items; items = queue.shift()) {
      const got = await runChild(items);
      for (const r of got) results.set(r.id, r);
      const rest = items.slice(got.length);
      if (rest.length > 0) queue.push(rest);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

function libreOfficeXls(annual: string): Uint8Array | null {
  if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) return null;
  const out = tempDir('plandesk-hostile-xls-');
  try {
    const [xls] = convertWithLibreOffice(annual, 'xls', out);
    return new Uint8Array(fs.readFileSync(xls!));
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const short = (s: string) => (s.length > 110 ? `${s.slice(0, 110)}…` : s);
const cell = (o: ImporterOutcome) => `${o.outcome} ${o.ms.toFixed(0)} ms`;

beforeAll(async () => {
  dir = tempDir('plandesk-hostile-');
  const ctx = memoryContext();
  try {
    const planId = ctx.services.plans.resolve('十四五');
    const annual = (await ctx.services.reports.exportAnnual(planId, 2022, 'xlsx')).bytes;
    const pdf = (await ctx.services.reports.exportAnnual(planId, 2022, 'pdf')).bytes;
    const annualFile = path.join(dir, 'annual.xlsx');
    fs.writeFileSync(annualFile, annual);
    corpus = hostileCorpus({
      annual,
      pdf,
      xls: libreOfficeXls(annualFile),
      encrypt: (b, p) => encryptWorkbook(b, p),
    });
  } finally {
    ctx.close();
  }
  for (const c of corpus) {
    const bytes = await c.build();
    sizes.set(c.id, bytes.byteLength);
    fs.writeFileSync(path.join(dir, `${c.id}.bin`), bytes);
  }
  await runAll(corpus);
  // The figures for the report: one line per file.
  const lines = corpus.map((c) => {
    const r = results.get(c.id);
    if (!r || 'failure' in r) return `${c.id}\t${r ? r.failure : 'missing'}`;
    const kb = (sizes.get(c.id)! / 1024).toFixed(0);
    return [
      c.id,
      `${kb} KB`,
      `values ${cell(r.values)}`,
      `plan ${cell(r.plan)}`,
      `+${r.addedMb} MB`,
      short(r.values.messages[0] ?? r.plan.messages[0] ?? r.plan.warnings[0] ?? ''),
    ].join('\t');
  });
  fs.writeFileSync(path.join(os.tmpdir(), 'plandesk-hostile-report.tsv'), `${lines.join('\n')}\n`);
  console.log(`hostile workbooks (${corpus.length}):\n${lines.join('\n')}`);
}, 900_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function check(o: ImporterOutcome, want: Expectation, what: string): void {
  expect(o.outcome, `${what}: ${o.messages.join(' | ')}`).not.toBe('crash');
  expect(o.code, what).not.toBe('INTERNAL');
  if (want.outcome !== 'either') expect(o.outcome, `${what}: ${o.messages.join(' | ')}`).toBe(want.outcome);
  expect(o.ms, `${what} answered in time`).toBeLessThan(ANSWER_MS);
  if (o.outcome === 'rejected') {
    expect(o.unchanged, `${what}: nothing written`).toBe(true);
    expect(o.messages.length, what).toBeGreaterThan(0);
    expect(o.messages.join('\n'), what).toMatch(/[\u4e00-\u9fff]/);
    if (want.message) expect(o.messages.join('\n'), what).toMatch(want.message);
  }
}

describe('hostile workbooks: refused or imported, never a crash, a hang or a half write', () => {
  it('has a corpus of the kinds issue 7 names', () => {
    const ids = corpus.map((c) => c.id);
    for (const kind of [
      /^truncated-/,
      /^bomb-honest/,
      /^bomb-lying/,
      /^nested/,
      /^rows-1e6/,
      /^string-50mb/,
      /^cell-1mb/,
      /^formula/,
      /^date/,
      /^xml-unclosed/,
      /^billion-laughs/,
      /^xxe/,
      /^shared-string-out-of-range/,
      /^style-out-of-range/,
      /^encrypted/,
      /^csv/,
      /^pdf/,
      /^docx/,
      /^empty-zip/,
      /^content-types-only/,
      /^sheets-300/,
      /^columns-16384/,
      /^path-traversal/,
      /^duplicate-entry/,
    ]) {
      expect(
        ids.some((id) => kind.test(id)),
        String(kind),
      ).toBe(true);
    }
    expect(ids.filter((id) => id.startsWith('truncated-')).length).toBeGreaterThanOrEqual(15);
  });

  // The cases are known only after the corpus is built; one test per case, named by its id.
  const ids = hostileCorpus({
    annual: new Uint8Array(30_000),
    pdf: new Uint8Array(0),
    xls: new Uint8Array(0),
    encrypt: (b) => b,
  }).map((c) => c.id);
  it.each(ids)('%s', (id) => {
    const c = corpus.find((x) => x.id === id);
    if (!c) return; // e.g. the .xls case without LibreOffice
    const r = results.get(id);
    expect(r, 'ran').toBeDefined();
    if (!r || 'failure' in r) throw new Error(`${c.label}: ${r ? `${r.failure} — ${r.detail}` : 'no result'}`);
    check(r.values, c.values, `${c.label} — values import`);
    check(r.plan, c.plan, `${c.label} — plan import`);
    expect(r.addedMb, `${c.label}: memory added by an import`).toBeLessThan(MEMORY_MB);
  });
});
