// The browser shell as a process the crash tests can kill: `node out/main/web.js --db FILE` on a database that
// outlives it (unlike tests/e2e/shell.ts, which owns a fresh folder and stops politely), calls through its HTTP bridge,
// and SIGKILL — what a power cut or the task manager does to the app, minus the page cache (see crash-check.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { ArgsIn, Channel, Result } from '../../src/shared/api';

export const WEB_JS = path.resolve(__dirname, '../../out/main/web.js');

/** What one call through the bridge came to. `ok` only for HTTP 200 with `{ ok: true }`. */
export type CallOutcome<C extends Channel> =
  | { ok: true; data: Result<C> }
  | { ok: false; status: number; code: string; message: string }
  | { ok: false; status: 0; code: 'NETWORK'; message: string };

export interface CrashServer {
  pid: number;
  url: string;
  /** milliseconds from spawn to the URL line */
  startMs: number;
  /** everything the process wrote on stderr so far */
  stderr(): string;
  /** one contract call; never throws (a killed server is a NETWORK outcome) */
  call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<CallOutcome<C>>;
  /** the same, throwing with the core's message on anything but ok */
  must<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>>;
  /** SIGKILL, resolved once the process is gone (its lock released by the OS) */
  kill(): Promise<void>;
  /** SIGTERM, resolved once the process is gone */
  stop(): Promise<void>;
  /**
   * SIGTERM (the app closes the database: a checkpoint copies the log into the file), then SIGKILL after `ms` if it is
   * still running — a power cut while the app shuts down. Resolves with whether it finished on its own.
   */
  stopThenKill(ms: number): Promise<boolean>;
}

const live = new Set<ChildProcess>();
// Never leave a server behind when the test process dies before its afterAll.
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the browser shell on `dbFile` (created and seeded when missing). Rejects with its stderr if it exits. */
export async function startCrashServer(dbFile: string): Promise<CrashServer> {
  if (!fs.existsSync(WEB_JS)) throw new Error(`${WEB_JS} is missing: run npm run build first`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [WEB_JS, '--db', dbFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code, signal) => reject(new Error(`web shell exited (${code ?? signal}): ${stderr}`)));
    });
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  const startMs = performance.now() - t0;
  const token = new URL(url).searchParams.get('token')!;
  const origin = new URL(url).origin;

  const call = async <C extends Channel>(channel: C, args: ArgsIn<C>): Promise<CallOutcome<C>> => {
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-plandesk-token': token },
        body: JSON.stringify(args),
      });
      text = await res.text();
    } catch (e) {
      return { ok: false, status: 0, code: 'NETWORK', message: String((e as Error).cause ?? e) };
    }
    let body: { ok: true; data: Result<C> } | { ok: false; error: { code: string; message: string } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { ok: false, status: res.status, code: 'NOT_JSON', message: text.slice(0, 200) };
    }
    if (res.status === 200 && body.ok) return { ok: true, data: body.data };
    const error = body.ok ? { code: 'HTTP', message: `status ${res.status}` } : body.error;
    return { ok: false, status: res.status, code: error.code, message: error.message };
  };

  return {
    pid: child.pid!,
    url,
    startMs,
    stderr: () => stderr,
    call,
    async must(channel, args) {
      const r = await call(channel, args);
      if (!r.ok) throw new Error(`${channel}: ${r.code} ${r.message}`);
      return r.data;
    },
    async kill() {
      const gone = exited(child);
      child.kill('SIGKILL');
      await gone;
    },
    async stop() {
      const gone = exited(child);
      child.kill('SIGTERM');
      await gone;
    },
    async stopThenKill(ms) {
      const gone = exited(child);
      child.kill('SIGTERM');
      const finished = await Promise.race([gone.then(() => true), sleep(ms).then(() => false)]);
      if (!finished) child.kill('SIGKILL');
      await gone;
      return child.signalCode !== 'SIGKILL';
    },
  };
}

/** A small seeded generator (mulberry32): the same seed gives the same edits and the same kill delays. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** an integer in [lo, hi] */
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    /** k distinct elements of xs, in random order */
    sample: <T>(xs: readonly T[], k: number): T[] => {
      const copy = [...xs];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, k);
    },
  };
}

export type Random = ReturnType<typeof seededRandom>;

/** The seed from PLANDESK_CRASH_SEED (to replay a failure) or a fresh one. */
export function crashSeed(): number {
  const given = process.env.PLANDESK_CRASH_SEED;
  if (given && /^\d+$/.test(given)) return Number(given) >>> 0;
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}
