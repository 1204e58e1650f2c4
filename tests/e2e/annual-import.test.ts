// The yearly round in Chromium, as a clerk does it: a section's 填报表 comes back filled (written by a second program,
// openpyxl), the clerk imports it in 年度监测, reviews the preview, confirms, and sees the statuses change; a wrong file
// is explained and writes nothing; then 报送 locks the year. Real shell, real Chromium, real files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/shared/model';
import { editWithOpenpyxl } from '../helpers/xlsx-edit';
import { launchChromium, openApp, SHOTS, startShell, type AppPage, type Shell } from './shell';

let browser: Browser;
let shell: Shell;
let page: AppPage;
let dir: string;

const plan = () => shell.call('plan/get', { plan: '十四五' });
const bySeq = async (seq: string) => (await plan()).indicators.find((i) => i.seq === seq)!;

async function assign(ind: Indicator, departmentId: number) {
  await shell.call('indicator/save', {
    planId: (await plan()).plan.id,
    indicator: {
      id: ind.id,
      categoryId: ind.categoryId,
      name: ind.name,
      unit: ind.unit,
      nature: ind.nature,
      direction: ind.direction,
      targetKind: ind.targetKind,
      base: ind.base ? { text: ind.base.text, year: ind.base.year, source: ind.base.source } : null,
      departmentId,
      dataSource: ind.dataSource,
      remark: ind.remark,
    },
  });
}

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-e2e-import-'));
  shell = await startShell('plandesk-e2e-import-');
  const dept = await shell.call('department/save', { name: '登记注册科' });
  for (const seq of ['1', '3']) await assign(await bySeq(seq), dept.id);
  // The section's workbook, exported by the app and filled in by another program.
  const blank = await shell.call('export/collection', { plan: '十四五', year: 2022, departmentId: dept.id });
  const blankFile = path.join(dir, blank.fileName);
  fs.writeFileSync(blankFile, Buffer.from(blank.bytesBase64!, 'base64'));
  const sheet = '2022年度填报表';
  editWithOpenpyxl(blankFile, path.join(dir, '登记注册科-已填.xlsx'), [
    { sheet, row: (await bySeq('1')).printedName, column: '2022年完成值', value: 4 },
    { sheet, row: (await bySeq('3')).printedName, column: '2022年完成值', value: 0.5 },
    { sheet, row: (await bySeq('3')).printedName, column: '情况说明', value: '受疫情影响，小微企业注销较多' },
  ]);
  fs.writeFileSync(path.join(dir, '不是表格.xlsx'), '序号,指标名称\n1,在册市场主体总量\n');
  page = await openApp(browser, shell);
  await page.getByRole('tab', { name: '年度监测' }).click();
  await page.getByTestId('monitoring-page').waitFor();
  await page.getByTestId('monitoring-year').getByText('2022年').click();
});

afterAll(async () => {
  await page?.close();
  await shell?.stop();
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function pick(files: string[]) {
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
  await page
    .getByTestId('import-dialog')
    .locator('input[type=file]')
    .setInputFiles(files.map((f) => path.join(dir, f)));
  await page.getByTestId('import-run-preview').click();
  await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
}

describe('importing a returned 填报表 in 年度监测', () => {
  it('explains a wrong file and writes nothing', async () => {
    const before = (await shell.call('changelog/list', { limit: 1 })).total;
    await pick(['不是表格.xlsx']);
    await expect(page.getByTestId('import-problems').textContent()).resolves.toMatch(/文本文件（可能是 CSV）/);
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    await page.getByTestId('import-cancel').click();
    expect((await shell.call('changelog/list', { limit: 1 })).total).toBe(before);
  });

  it('previews old → new per cell, writes on confirmation, and the statuses change', async () => {
    await expect(page.getByTestId('monitoring-status-1').textContent()).resolves.toMatch(/无数据/);
    await pick(['登记注册科-已填.xlsx']);
    const change1 = page.getByTestId('import-change-1-2022');
    await expect(change1.textContent()).resolves.toMatch(/→\s*4/);
    await expect(page.getByTestId('import-change-3-2022').textContent()).resolves.toMatch(/受疫情影响/);
    await expect(page.getByTestId('import-files').textContent()).resolves.toMatch(/科室填报表/);
    await page.screenshot({ path: path.join(SHOTS, 'import-preview.png') });
    // Nothing is written before the clerk confirms.
    expect((await bySeq('1')).values.find((v) => v.kind === 'actual' && v.year === 2022)).toBeUndefined();

    const apply = page.getByTestId('import-apply');
    await expect(apply.textContent()).resolves.toMatch(/确认导入 2 处修改/);
    await apply.click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByText('已导入 2 处修改').waitFor();

    const stored = (await bySeq('1')).values.find((v) => v.kind === 'actual' && v.year === 2022)!;
    expect(stored.text).toBe('4');
    const three = (await bySeq('3')).values.find((v) => v.kind === 'actual' && v.year === 2022)!;
    expect(three).toMatchObject({ text: '0.5', note: '受疫情影响，小微企业注销较多' });
    const log = await shell.call('changelog/list', { entity: 'indicator_value', limit: 2 });
    expect(log.entries.every((e) => e.source?.startsWith('登记注册科-已填.xlsx'))).toBe(true);
    // 在册市场主体总量: (4 − 2.6336) / (5.05 − 2.6336) = 56.5 % against 序时进度 40 % → 快于预期.
    await page.getByTestId('monitoring-status-1').getByText('快于预期').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'import-after.png') });
  });

  it('changes nothing when the same file is imported again', async () => {
    await pick(['登记注册科-已填.xlsx']);
    await page.getByTestId('import-no-changes').waitFor();
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    await page.getByTestId('import-cancel').click();
    expect(page.errors).toEqual([]);
  });
});
