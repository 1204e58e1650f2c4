// Issue 7, item 6: text from the database is never rendered as HTML. Markup is stored through the contract in every
// kind of text a clerk or an imported file can write (indicator names, remarks, data sources, value texts and notes,
// category and 科室 names, action and task names, goals and progress), then the 主要指标, 十大行动, 主要任务 and
// 修改记录 pages are opened in Chromium through the browser shell: the markup must show as text, no element may be
// created from it, no handler may run, no dialog may open, and the CSP must not have had to block anything.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../src/shared/model';
import { launchChromium, openApp, SHOTS, startShell, type AppPage, type Shell } from './shell';

const IMG = '<img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = '<script>window.__xss=2;alert(2)</script>';
const SVG = '<svg onload="window.__xss=3"><a href="javascript:alert(3)">链接</a></svg>';
const IFRAME = '<iframe srcdoc="<script>parent.__xss=4</script>"></iframe>';
const ALL = [IMG, SCRIPT, SVG, IFRAME];

let browser: Browser;
let shell: Shell;
let page: AppPage;
const dialogs: string[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  shell = await startShell('plandesk-e2e-xss-');
  await storeMarkupEverywhere(shell);
  browser = await launchChromium();
  page = await openApp(browser, shell);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.getByTestId('indicator-row-20').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await shell?.stop();
});

async function storeMarkupEverywhere(s: Shell): Promise<void> {
  const plan: PlanDetail = await s.call('plan/get', { plan: '十四五' });
  const planId = plan.plan.id;
  const [first, second] = plan.indicators;
  const department = await s.call('department/save', { name: `科室${IMG}` });
  await s.call('category/save', { planId, id: first!.categoryId, name: `类别${SVG}` });
  await s.call('indicator/save', {
    planId,
    indicator: {
      id: first!.id,
      categoryId: first!.categoryId,
      name: `指标${IMG}`,
      unit: first!.unit,
      nature: first!.nature,
      direction: first!.direction,
      targetKind: first!.targetKind,
      base: first!.base && { text: first!.base.text, year: first!.base.year, source: first!.base.source },
      departmentId: department.id,
      dataSource: SVG,
      remark: SCRIPT,
    },
  });
  await s.call('indicator/update-values', {
    planId,
    changes: [
      { indicatorId: first!.id, year: 2023, kind: 'actual', text: SCRIPT, note: IMG },
      { indicatorId: second!.id, year: 2023, kind: 'actual', text: IMG, note: ALL.join('') },
      { indicatorId: second!.id, year: 2024, kind: 'target', text: IFRAME },
    ],
  });
  const action = plan.actions[0]!;
  await s.call('action/update', {
    planId,
    actionId: action.id,
    fields: { name: `行动${SCRIPT}`, goal: ALL.join('\n'), departmentId: department.id, remark: IFRAME },
  });
  await s.call('action/set-progress', {
    planId,
    actionId: action.id,
    progress: { year: 2023, text: ALL.join(''), status: 'in_progress' },
  });
  const task = plan.tasks[0]!;
  await s.call('task/update', {
    planId,
    taskId: task.id,
    fields: { title: `任务${IMG}`, text: ALL.join(''), leadDepartmentId: department.id },
  });
  await s.call('task/set-progress', {
    planId,
    taskId: task.id,
    progress: { year: 2023, text: SVG, status: 'lagging' },
  });
}

/** The page's globals this file needs (it is type-checked without the DOM library). */
interface PageGlobals {
  document: { querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }> };
  __xss?: number;
}

/** What markup would have left in the page had it been parsed as HTML. */
function injected(p: AppPage) {
  return p.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const count = (selector: string) => g.document.querySelectorAll(selector).length;
    return {
      imgX: count('img[src="x"]'),
      inlineScripts: Array.from(g.document.querySelectorAll('script')).filter((s) => !s.getAttribute('src')).length,
      handlers: count('[onerror],[onload],[onclick],[onmouseover]'),
      jsLinks: count('a[href^="javascript:"]'),
      frames: count('iframe,frame,object,embed'),
      flag: g.__xss ?? null,
    };
  });
}

const CLEAN = { imgX: 0, inlineScripts: 0, handlers: 0, jsLinks: 0, frames: 0, flag: null };

async function expectShownAsText(p: AppPage, texts: string[]): Promise<void> {
  const body = await p.locator('body').innerText();
  for (const t of texts) expect(body, t).toContain(t);
}

async function hoverEveryTitle(p: AppPage): Promise<void> {
  // Notes and long texts sit in title attributes and tooltips: bring a few up as a clerk would.
  const titled = p.locator('[title*="<"]');
  const n = Math.min(await titled.count(), 5);
  for (let i = 0; i < n; i++)
    await titled
      .nth(i)
      .hover({ force: true, timeout: 5_000 })
      .catch(() => undefined);
}

describe('markup stored in the database shows as text, never as HTML', () => {
  it('主要指标', async () => {
    await expectShownAsText(page, [`指标${IMG}`, `类别${SVG}`]);
    expect(await page.getByTestId('value-1-2023-actual').innerText()).toBe(SCRIPT);
    expect(await page.getByTestId('value-2-2023-actual').innerText()).toBe(IMG);
    await hoverEveryTitle(page);
    expect(await injected(page)).toEqual(CLEAN);
    await page.screenshot({ path: `${SHOTS}/xss-indicators.png` });
  });

  it('十大行动', async () => {
    await page.getByRole('tab', { name: '十大行动' }).click();
    await page.getByTestId('action-row-10').waitFor({ timeout: 30_000 });
    await page.getByTestId('work-year').getByText('2023年', { exact: true }).click();
    await expect.poll(() => page.getByTestId('action-progress-1').inputValue()).toBe(ALL.join(''));
    await expectShownAsText(page, [`行动${SCRIPT}`, IMG, SVG, `科室${IMG}`]);
    await hoverEveryTitle(page);
    expect(await injected(page)).toEqual(CLEAN);
    await page.screenshot({ path: `${SHOTS}/xss-actions.png` });
  });

  it('主要任务', async () => {
    await page.getByRole('tab', { name: '主要任务' }).click();
    await page.getByTestId('task-row-1-1').waitFor({ timeout: 30_000 });
    await page.getByTestId('work-year').getByText('2023年', { exact: true }).click();
    await expectShownAsText(page, [`任务${IMG}`]);
    expect(await injected(page)).toEqual(CLEAN);
  });

  it('修改记录', async () => {
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.getByTestId('changelog-page').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid^="changelog-entry-"]').first().waitFor({ timeout: 30_000 });
    // The log shows before → after of each of the writes above: the markup, as text.
    await expect.poll(async () => (await page.locator('body').innerText()).includes(SCRIPT)).toBe(true);
    await expectShownAsText(page, [IMG]);
    await hoverEveryTitle(page);
    expect(await injected(page)).toEqual(CLEAN);
    await page.screenshot({ path: `${SHOTS}/xss-changelog.png` });
  });

  it('opened no dialog, ran no handler, and needed no help from the CSP', async () => {
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
