// Starting the browser shell on a fresh database and Debian's Chromium against it, for end-to-end tests that
// type into the app as a clerk does and then read back what was stored through the same HTTP bridge.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import type { ArgsIn, Channel, Result } from '../../src/shared/api';

export { launchChromium } from '../helpers/chromium';

export const ROOT = path.resolve(__dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results');
const WEB_JS = path.join(ROOT, 'out', 'main', 'web.js');

export interface Shell {
  /** the start URL with its token, as printed on the shell's first stdout line */
  url: string;
  token: string;
  dbFile: string;
  /** one contract call through the bridge; throws with the core's message when it fails */
  call<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>>;
  stop(): Promise<void>;
}

/** `node out/main/web.js --db FILE` on a new database in a temporary directory of its own. */
export async function startShell(prefix = 'plandesk-e2e-'): Promise<Shell> {
  if (!fs.existsSync(WEB_JS)) throw new Error(`${WEB_JS} is missing: the app has not been built`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dbFile = path.join(dir, 'plan.db');
  const child: ChildProcess = spawn(process.execPath, [WEB_JS, '--db', dbFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never outlive the test process, even when it dies before its afterAll.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web shell exited with ${code}: ${stderr}`)));
  });
  const token = new URL(url).searchParams.get('token')!;
  const origin = new URL(url).origin;

  const call = async <C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> => {
    const res = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-plandesk-token': token },
      body: JSON.stringify(args),
    });
    const body = (await res.json()) as { ok: true; data: Result<C> } | { ok: false; error: { message: string } };
    if (!body.ok) throw new Error(`${channel}: ${body.error.message}`);
    return body.data;
  };

  const stop = async () => {
    process.off('exit', orphanGuard);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { url, token, dbFile, call, stop };
}

export interface AppPage extends Page {
  /** uncaught errors of the page so far */
  errors: string[];
}

/** A new tab on the app (token handed over in the URL, then kept in sessionStorage across reloads). */
export async function openApp(browser: Browser, shell: Shell, height = 900): Promise<AppPage> {
  const page = (await browser.newPage({ viewport: { width: 1440, height }, locale: 'zh-CN' })) as AppPage;
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(shell.url);
  return page;
}
