// A clerk opens the browser version on a fresh database and sees the plan's 20 indicators with their values.
// Real shell process (`npm run web`), real Chromium (Debian's), no mocks. Playwright gives each launch a fresh
// profile directory of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDocument } from '../helpers/seed-text';
import { launchChromium } from '../helpers/chromium';

const ROOT = path.resolve(__dirname, '../..');
export const SHOTS = path.join(ROOT, 'test-results');

let dir: string;
let shell: ChildProcess;
let url: string;
let browser: Browser;

/** `npm run web` exactly as a clerk types it; its own process group so the whole tree can be stopped. */
async function startShell(dbFile: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('npm', ['run', 'web', '--', '--db', dbFile], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`web shell exited with ${code}`)));
  });
  return { child, url: first };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-e2e-'));
  ({ child: shell, url } = await startShell(path.join(dir, 'fresh.db')));
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (shell?.pid) process.kill(-shell.pid, 'SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openPage(address: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(address);
  (page as Page & { errors: string[] }).errors = errors;
  return page;
}

describe('browser shell end to end', () => {
  it('prints the URL with its token as the first line', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
    expect(fs.existsSync(path.join(dir, 'fresh.db'))).toBe(true);
  });

  it('shows all 20 indicators of the plan with every target as printed', async () => {
    const doc = loadSeedDocument();
    const page = await openPage(url);
    await page.getByTestId('indicator-row-20').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid^="indicator-row-"]').count()).toBe(20);
    for (const row of doc.indicators) {
      const rowEl = page.getByTestId(`indicator-row-${row.seq}`);
      await expect(rowEl.innerText()).resolves.toContain(row.printedName.replace(/（[^（）]*）$/, ''));
      for (const [year, text] of Object.entries(row.values)) {
        expect(await page.getByTestId(`value-${row.seq}-${year}-target`).innerText(), `${row.seq} ${year}`).toBe(text);
      }
    }
    // Categories are merged cells, as in 附件1.
    for (const category of new Set(doc.indicators.map((r) => r.category))) {
      await expect(page.getByRole('cell', { name: category, exact: true }).count()).resolves.toBe(1);
    }
    // The token is gone from the address bar once read.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: path.join(SHOTS, 'indicators.png'), fullPage: true });
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('without the token, says in Chinese what to do instead of showing an empty page', async () => {
    const page = await openPage(url.replace(/\?token=.*$/, ''));
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/令牌/);
    await page.screenshot({ path: path.join(SHOTS, 'no-token.png') });
    await page.close();
  });

  it('shows a value changed through the contract after a reload', async () => {
    const token = new URL(url).searchParams.get('token')!;
    const base = new URL(url).origin;
    const post = (channel: string, args: unknown) =>
      fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-plandesk-token': token },
        body: JSON.stringify(args),
      }).then(
        (r) =>
          r.json() as Promise<{
            ok: boolean;
            data: { plan: { id: number }; indicators: { id: number; seq: string }[] };
          }>,
      );
    const plan = await post('plan/get', { plan: '十四五' });
    const first = plan.data.indicators.find((i) => i.seq === '1')!;
    const saved = await post('indicator/update-values', {
      planId: plan.data.plan.id,
      changes: [{ indicatorId: first.id, year: 2023, kind: 'actual', text: '4.218' }],
    });
    expect(saved.ok).toBe(true);
    const page = await openPage(url);
    await page.getByTestId('value-1-2023-actual').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('value-1-2023-actual').innerText()).toBe('4.218');
    await page.close();
  });
});
