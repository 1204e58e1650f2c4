// A clerk opens 报表, sees 附件1 as it will print, downloads the Excel and the PDF, and the files read back right.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedDocument } from '../helpers/seed-text';
import { launchChromium, SHOTS, startShell, type Shell } from './shell';

let dir: string;
let shell: Shell;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-e2e-downloads-'));
  shell = await startShell('plandesk-e2e-reports-');
  const url = shell.url;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  await page.goto(url);
  await page.getByRole('tab', { name: '报表' }).click();
  await page.getByTestId('report-preview').waitFor({ timeout: 30_000 });
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function download(testId: string): Promise<{ name: string; file: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return { name: dl.suggestedFilename(), file };
}

describe('报表 in the browser shell', () => {
  it('previews 附件1 with its label, title and one row per indicator', async () => {
    const doc = loadSeedDocument();
    expect(await page.getByTestId('report-label').innerText()).toBe('附件1');
    expect(await page.getByTestId('report-title').innerText()).toBe(
      '磐安县市场监督管理“十四五”主要目标指标（2021-2025年）',
    );
    expect(await page.locator('[data-testid^="report-row-"]').count()).toBe(doc.indicators.length);
    const first = await page.getByTestId('report-row-0').innerText();
    for (const v of ['主体活力', '在册市场主体总量（万户）', '3.035', '3.49', '5.05']) expect(first).toContain(v);
    await page.screenshot({ path: path.join(SHOTS, 'report-preview.png'), fullPage: true });
  });

  it('downloads 附件1 as an Excel workbook with a dated Chinese name that reads back exactly', async () => {
    const { name, file } = await download('export-xlsx');
    expect(name).toMatch(/^十四五_附件1_主要目标指标_\d{8}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    for (const row of loadSeedDocument().indicators) {
      expect(texts).toContain(row.printedName);
      for (const v of Object.values(row.values)) expect(texts).toContain(v);
    }
  });

  it('downloads 附件2 as a PDF whose text holds every action', async () => {
    await page.getByText('附件2', { exact: true }).first().click();
    await expect.poll(() => page.getByTestId('report-label').innerText()).toBe('附件2');
    const { name, file } = await download('export-pdf');
    expect(name).toMatch(/^十四五_附件2_十大行动_\d{8}\.pdf$/);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const a of loadSeedDocument().actions) expect(text).toContain(a.name.replace(/\s+/g, ''));
  });

  it('shows which font fills each PDF role in 设置', async () => {
    await page.getByRole('tab', { name: '设置' }).click();
    for (const role of ['heiti', 'songti', 'biaosong', 'fangsong']) {
      await page.getByTestId(`font-role-${role}`).waitFor({ timeout: 10_000 });
    }
    expect(await page.getByTestId('font-role-fangsong').innerText()).toMatch(/FandolFang|仿宋/);
  });
});
