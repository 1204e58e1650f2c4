// A clerk works in the browser version as on any day: types a year's figures into 主要指标, pastes a block
// copied from Excel, undoes, pastes rubbish, records the progress of an action and a task, looks up a cell's
// history and takes a change back. Each check reads back what was STORED (through the bridge, or after a
// reload), never only what the screen shows. Real shell (out/main/web.js), real Chromium, a fresh database
// per describe.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeLogEntry, IndicatorValue, PlanDetail, ValueKind } from '../../src/shared/model';
import { launchChromium, openApp, SHOTS, startShell, type AppPage, type Shell } from './shell';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** A fresh database and shell for the describe it is called in, and one tab on it. */
function freshWorkspace(prefix: string) {
  const ws = {} as { shell: Shell; page: AppPage };
  beforeAll(async () => {
    ws.shell = await startShell(`plandesk-e2e-${prefix}-`);
    ws.page = await openApp(browser, ws.shell);
    await sheetReady(ws.page);
  });
  afterAll(async () => {
    await ws.page?.close();
    await ws.shell?.stop();
  });
  return ws;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the stored state

const getPlan = (shell: Shell): Promise<PlanDetail> => shell.call('plan/get', { plan: '十四五' });

/** Every stored value of the plan by `${seq}/${year}/${kind}`. */
async function storedValues(shell: Shell): Promise<Map<string, IndicatorValue>> {
  const plan = await getPlan(shell);
  const map = new Map<string, IndicatorValue>();
  for (const ind of plan.indicators) for (const v of ind.values) map.set(`${ind.seq}/${v.year}/${v.kind}`, v);
  return map;
}

/** The stored value of one cell: its parsed parts only (no timestamps), or null when the cell holds nothing. */
async function stored(shell: Shell, seq: string, year: number, kind: ValueKind) {
  const v = (await storedValues(shell)).get(`${seq}/${year}/${kind}`);
  return v ? { text: v.text, number: v.number, evaluable: v.evaluable } : null;
}

/** Texts of all stored values, for checking that nothing but the intended cells changed. */
async function storedTexts(shell: Shell): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [k, v] of await storedValues(shell)) out[k] = v.text;
  return out;
}

async function changeLog(shell: Shell, query: { entity?: string } = {}): Promise<ChangeLogEntry[]> {
  const plan = await getPlan(shell);
  const page = await shell.call('changelog/list', { planId: plan.plan.id, limit: 1000, ...query });
  return [...page.entries].sort((a, b) => a.id - b.id);
}

const textOf = (v: unknown): string | null =>
  v && typeof v === 'object' && 'text' in v ? String((v as { text: unknown }).text) : null;

// ---------------------------------------------------------------------------------------------------------
// Driving the sheet

async function sheetReady(page: AppPage): Promise<void> {
  await page.getByTestId('indicator-row-20').waitFor({ timeout: 30_000 });
}

async function reloadSheet(page: AppPage): Promise<void> {
  await page.reload();
  await sheetReady(page);
}

/** The <td> of a value cell (its span is empty, hence invisible, while the cell holds nothing). */
const cell = (page: AppPage, seq: string, year: number, kind: ValueKind): Locator =>
  page.getByTestId(`value-${seq}-${year}-${kind}`).locator('xpath=..');

const shown = (page: AppPage, seq: string, year: number, kind: ValueKind): Promise<string> =>
  page.getByTestId(`value-${seq}-${year}-${kind}`).innerText();

const statusText = (page: AppPage): Promise<string> => page.getByTestId('status-line').innerText();

/** Every save has been answered: no cell is waiting or failed, and the status line says 已保存 (and `note`). */
async function settled(page: AppPage, note?: string): Promise<void> {
  await expect.poll(() => page.locator('td[data-state]').count(), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => statusText(page), { timeout: 15_000 }).toMatch(/^已保存 \d{2}:\d{2}:\d{2}/);
  if (note) await expect.poll(() => statusText(page), { timeout: 15_000 }).toContain(note);
}

/** Click the cell, type over it, Enter: what a clerk does for one figure. */
async function typeInto(page: AppPage, seq: string, year: number, kind: ValueKind, text: string): Promise<void> {
  await cell(page, seq, year, kind).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The browser globals a paste needs (this file is type-checked without the DOM library). */
interface PasteWindow {
  DataTransfer: new () => { setData(type: string, data: string): void };
  ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => Event;
}

/**
 * Pastes text/plain TSV as Excel/WPS put it on the clipboard, through the sheet's own paste handler: a real
 * `paste` ClipboardEvent on the focused text box of the active cell. Returns whether the app handled it.
 */
async function pasteTsv(page: AppPage, seq: string, year: number, kind: ValueKind, tsv: string): Promise<boolean> {
  await cell(page, seq, year, kind).click();
  const editor = page.getByTestId('sheet-editor');
  await expect.poll(() => editor.evaluate((el) => el.ownerDocument.activeElement === el)).toBe(true);
  return editor.evaluate((el, text) => {
    const win = el.ownerDocument.defaultView as unknown as PasteWindow;
    const data = new win.DataTransfer();
    data.setData('text/plain', text);
    const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    el.dispatchEvent(event);
    return event.defaultPrevented;
  }, tsv);
}

/** Excel's clipboard text: tab-separated, CRLF after every row. */
const toExcelTsv = (rows: string[][]): string => rows.map((r) => r.join('\t') + '\r\n').join('');

// ---------------------------------------------------------------------------------------------------------

describe('主要指标: typing one figure', () => {
  const ws = freshWorkspace('type');

  it('saves 3.78 typed into 2023 实际 of indicator 1, verbatim and as a number, and shows it after a reload', async () => {
    const { page, shell } = ws;
    const before = await storedTexts(shell);
    expect(before['1/2023/actual']).toBeUndefined();

    await typeInto(page, '1', 2023, 'actual', '3.78');
    await settled(page);
    expect(await statusText(page)).toMatch(/^已保存 \d{2}:\d{2}:\d{2}$/);
    await expect
      .poll(() => stored(shell, '1', 2023, 'actual'))
      .toEqual({ text: '3.78', number: 3.78, evaluable: true });
    // Nothing else was touched.
    expect(await storedTexts(shell)).toEqual({ ...before, '1/2023/actual': '3.78' });

    await reloadSheet(page);
    expect(await shown(page, '1', 2023, 'actual')).toBe('3.78');
    await expect(page.getByTestId('issue-1-2023-actual').count()).resolves.toBe(0);

    const log = await changeLog(shell, { entity: 'indicator_value' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ op: 'create', field: '2023/actual', before: null });
    expect(textOf(log[0]!.after)).toBe('3.78');
    expect(page.errors).toEqual([]);
  });
});

describe('主要指标: pasting a block copied from a spreadsheet', () => {
  const ws = freshWorkspace('paste');
  // 5 rows (indicators 2–6) × 3 columns (2023 实际, 2024 目标, 2024 实际), as copied from Excel.
  const block = [
    ['稳步提升', '1,234.5', '３.５'],
    ['88%以上', '', '90'],
    ['≥95', '约3万户', '不低于80'],
    ['82.5', '83', '84%'],
    ['基本完成', '1,000', '６０'],
  ];
  const seqs = ['2', '3', '4', '5', '6'];
  const cols: [number, ValueKind][] = [
    [2023, 'actual'],
    [2024, 'target'],
    [2024, 'actual'],
  ];
  const numbers: Record<string, number | null> = {
    稳步提升: null,
    '1,234.5': 1234.5,
    '３.５': 3.5,
    '88%以上': 88,
    '90': 90,
    '≥95': 95,
    约3万户: 3,
    不低于80: 80,
    '82.5': 82.5,
    '83': 83,
    '84%': 84,
    基本完成: null,
    '1,000': 1000,
    '６０': 60,
  };

  it('stores every pasted text verbatim in its own cell, parses the numbers, and empties the blank cell', async () => {
    const { page, shell } = ws;
    // The blank cell of the block falls on a cell that holds something, so pasting it must clear it.
    const plan = await getPlan(shell);
    const third = plan.indicators.find((i) => i.seq === '3')!;
    await shell.call('indicator/update-values', {
      planId: plan.plan.id,
      changes: [{ indicatorId: third.id, year: 2024, kind: 'target', text: '0.85' }],
    });
    await reloadSheet(page);
    expect(await shown(page, '3', 2024, 'target')).toBe('0.85');
    const before = await storedTexts(shell);
    const lastIdBefore = (await changeLog(shell)).at(-1)!.id;

    expect(await pasteTsv(page, '2', 2023, 'actual', toExcelTsv(block))).toBe(true);
    await settled(page, '已粘贴 15 个单元格');

    const expected: Record<string, string> = { ...before };
    seqs.forEach((seq, r) =>
      cols.forEach(([year, kind], c) => {
        const text = block[r]![c]!;
        if (text === '') delete expected[`${seq}/${year}/${kind}`];
        else expected[`${seq}/${year}/${kind}`] = text;
      }),
    );
    await expect.poll(() => storedTexts(shell)).toEqual(expected);

    const values = await storedValues(shell);
    seqs.forEach((seq, r) =>
      cols.forEach(([year, kind], c) => {
        const text = block[r]![c]!;
        const v = values.get(`${seq}/${year}/${kind}`);
        if (text === '') {
          expect(v, `${seq} ${year} ${kind}`).toBeUndefined();
          return;
        }
        expect({ text: v?.text, number: v?.number, evaluable: v?.evaluable }, `${seq} ${year} ${kind}`).toEqual({
          text,
          number: numbers[text],
          evaluable: numbers[text] !== null,
        });
      }),
    );
    expect(values.get('2/2023/actual')).toMatchObject({ comparator: null, unit: null });
    expect(values.get('3/2023/actual')).toMatchObject({ comparator: '>=', unit: '%' });
    expect(values.get('4/2024/target')).toMatchObject({ comparator: '~', unit: '万户' });

    // One action, one transaction: one log batch (the same `at`) holding the 14 new texts and the cleared cell.
    const batch = (await changeLog(shell)).filter((e) => e.id > lastIdBefore);
    expect(batch).toHaveLength(15);
    expect(new Set(batch.map((e) => e.at)).size).toBe(1);
    expect(batch.filter((e) => e.op === 'delete')).toEqual([
      expect.objectContaining({ field: '2024/target', entityId: third.id, after: null }),
    ]);
    expect(batch.filter((e) => e.op === 'create')).toHaveLength(14);

    // What the sheet shows after a reload is what is stored, text for text.
    await reloadSheet(page);
    for (const [r, seq] of seqs.entries())
      for (const [c, [year, kind]] of cols.entries())
        expect(await shown(page, seq, year, kind), `${seq} ${year} ${kind}`).toBe(block[r]![c]!);
    expect(page.errors).toEqual([]);
  });

  it('flows a pasted column over a category header, and one Ctrl+Z takes the whole paste back', async () => {
    const { page, shell } = ws;
    const before = await storedTexts(shell);
    const lastIdBefore = (await changeLog(shell)).at(-1)!.id;
    // Indicators 5 and 6 close 主体活力; 7 and 8 open 创新创造, below its header row.
    expect(await pasteTsv(page, '5', 2025, 'actual', toExcelTsv([['7.1'], ['7.2'], ['7.3'], ['7.4']]))).toBe(true);
    await settled(page, '已粘贴 4 个单元格');
    await expect
      .poll(() => storedTexts(shell))
      .toEqual({
        ...before,
        '5/2025/actual': '7.1',
        '6/2025/actual': '7.2',
        '7/2025/actual': '7.3',
        '8/2025/actual': '7.4',
      });

    await page.keyboard.press('Control+z');
    await settled(page, '已撤销（4 个单元格）');
    await expect.poll(() => storedTexts(shell)).toEqual(before);
    const log = (await changeLog(shell)).filter((e) => e.id > lastIdBefore);
    expect(log).toHaveLength(8);
    expect(new Set(log.map((e) => e.at)).size).toBe(2);
    expect(log.slice(4).every((e) => e.op === 'delete' && e.at === log[4]!.at)).toBe(true);
    expect(page.errors).toEqual([]);
  });
});

describe('主要指标: undo', () => {
  const ws = freshWorkspace('undo');

  it('Ctrl+Z twice after three edits stores the state before the last two, and logs the undos', async () => {
    const { page, shell } = ws;
    const initial = await storedTexts(shell);
    expect(initial['8/2022/target']).toBe('10200');

    await typeInto(page, '8', 2023, 'actual', '9800');
    await settled(page);
    await typeInto(page, '8', 2022, 'target', '10500'); // over a target printed in the plan
    await settled(page);
    await typeInto(page, '9', 2023, 'actual', '2.05');
    await settled(page);
    await expect
      .poll(() => storedTexts(shell))
      .toEqual({ ...initial, '8/2023/actual': '9800', '8/2022/target': '10500', '9/2023/actual': '2.05' });
    const lastIdBefore = (await changeLog(shell)).at(-1)!.id;

    await page.keyboard.press('Control+z');
    await settled(page, '已撤销（1 个单元格）');
    await expect.poll(() => stored(shell, '9', 2023, 'actual')).toBeNull();
    await page.keyboard.press('Control+z');
    await settled(page, '已撤销（1 个单元格）');
    await expect.poll(() => storedTexts(shell)).toEqual({ ...initial, '8/2023/actual': '9800' });
    expect(await stored(shell, '8', 2022, 'target')).toEqual({ text: '10200', number: 10200, evaluable: true });

    await reloadSheet(page);
    expect(await shown(page, '8', 2022, 'target')).toBe('10200');
    expect(await shown(page, '8', 2023, 'actual')).toBe('9800');
    expect(await shown(page, '9', 2023, 'actual')).toBe('');

    // The undos are changes like any other: two new entries, newest last, each its own batch.
    const undos = (await changeLog(shell)).filter((e) => e.id > lastIdBefore);
    expect(undos.map((e) => [e.op, e.field, textOf(e.before), textOf(e.after)])).toEqual([
      ['delete', '2023/actual', '2.05', null],
      ['update', '2022/target', '10500', '10200'],
    ]);

    // …and 修改记录 lists them.
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.getByTestId('changelog-page').waitFor();
    for (const e of undos) await page.getByTestId(`changelog-entry-${e.id}`).waitFor();
    expect(await page.getByTestId(`changelog-before-${undos[1]!.id}`).innerText()).toBe('10500');
    expect(await page.getByTestId(`changelog-after-${undos[1]!.id}`).innerText()).toBe('10200');
    expect(page.errors).toEqual([]);
  });
});

describe('主要指标: pasting text that is not a figure', () => {
  const ws = freshWorkspace('garbage');
  const block = [
    ['abc', '稳步提升', '1.2.3'],
    ['95-98', '#N/A', '1,23'],
  ];
  const seqs = ['10', '11'];
  const cols: [number, ValueKind][] = [
    [2023, 'actual'],
    [2024, 'target'],
    [2024, 'actual'],
  ];

  it('keeps every text verbatim with no number, and marks each cell with a Chinese message', async () => {
    const { page, shell } = ws;
    const before = await storedTexts(shell);
    expect(await pasteTsv(page, '10', 2023, 'actual', toExcelTsv(block))).toBe(true);
    await settled(page, '已粘贴 6 个单元格');
    expect(await statusText(page)).toContain('6 条提示');

    const check = async () => {
      const values = await storedValues(shell);
      for (const [r, seq] of seqs.entries())
        for (const [c, [year, kind]] of cols.entries()) {
          const text = block[r]![c]!;
          const v = values.get(`${seq}/${year}/${kind}`);
          expect({ text: v?.text, number: v?.number, evaluable: v?.evaluable }, `${seq} ${year} ${kind}`).toEqual({
            text,
            number: null,
            evaluable: false,
          });
          const issue = page.getByTestId(`issue-${seq}-${year}-${kind}`);
          await issue.waitFor({ state: 'attached' });
          expect(await issue.getAttribute('aria-label')).toContain(`“${text}”不含可比较的数字`);
        }
    };
    await expect
      .poll(() => storedTexts(shell))
      .toEqual({
        ...before,
        ...Object.fromEntries(seqs.flatMap((seq, r) => cols.map(([y, k], c) => [`${seq}/${y}/${k}`, block[r]![c]!]))),
      });
    await check();

    // The marks come from what is stored, so they are still there after a reload.
    await reloadSheet(page);
    await check();
    for (const [r, seq] of seqs.entries())
      for (const [c, [year, kind]] of cols.entries()) expect(await shown(page, seq, year, kind)).toBe(block[r]![c]!);
    expect(page.errors).toEqual([]);
  });
});

describe('十大行动 and 主要任务: progress', () => {
  const ws = freshWorkspace('work');
  const progressText = '2023年新增市场主体3218户，累计4.12万户';

  async function chooseStatus(page: AppPage, testId: string, label: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).click();
  }

  async function chooseYear(page: AppPage, year: number): Promise<void> {
    await page.getByTestId('work-year').getByText(`${year}年`, { exact: true }).click();
    await expect
      .poll(() =>
        page
          .getByRole('columnheader', { name: `${year}年进展` })
          .first()
          .isVisible(),
      )
      .toBe(true);
  }

  it('stores action 1’s progress text and status 推进中 for 2023 and shows them after a reload', async () => {
    const { page, shell } = ws;
    await page.getByRole('tab', { name: '十大行动' }).click();
    await page.getByTestId('action-row-1').waitFor();
    await chooseYear(page, 2023);

    const text = page.getByTestId('action-progress-1');
    await text.click();
    await text.fill(progressText);
    await text.press('Tab'); // leaving the box saves it
    await expect.poll(() => statusText(page)).toBe('已保存');
    await expect
      .poll(async () => (await getPlan(shell)).actions.find((a) => a.seq === '1')!.progress)
      .toEqual([expect.objectContaining({ year: 2023, text: progressText, status: null })]);

    await chooseStatus(page, 'action-status-1', '推进中');
    await expect
      .poll(async () => (await getPlan(shell)).actions.find((a) => a.seq === '1')!.progress)
      .toEqual([expect.objectContaining({ year: 2023, text: progressText, status: 'in_progress' })]);
    await expect.poll(() => statusText(page)).toBe('已保存');
    // No other action got progress, and no other year.
    expect((await getPlan(shell)).actions.filter((a) => a.progress.length > 0).map((a) => a.seq)).toEqual(['1']);

    const log = await changeLog(shell, { entity: 'action_progress' });
    expect(log.map((e) => [e.op, e.field])).toEqual([
      ['create', '2023'],
      ['update', '2023'],
    ]);

    await reloadSheet(page);
    await page.getByRole('tab', { name: '十大行动' }).click();
    await page.getByTestId('action-row-1').waitFor();
    await chooseYear(page, 2023);
    await expect.poll(() => page.getByTestId('action-progress-1').inputValue()).toBe(progressText);
    expect(await page.getByTestId('action-status-1').getAttribute('data-status')).toBe('in_progress');
    expect(await page.getByTestId('action-status-1').innerText()).toContain('推进中');
    // Another year is still empty.
    await chooseYear(page, 2024);
    expect(await page.getByTestId('action-progress-1').inputValue()).toBe('');
    expect(await page.getByTestId('action-status-1').getAttribute('data-status')).toBe('');
    expect(page.errors).toEqual([]);
  });

  it('stores a task’s status and shows it after a reload', async () => {
    const { page, shell } = ws;
    await page.getByRole('tab', { name: '主要任务' }).click();
    await page.getByTestId('task-row-1-1').waitFor();
    await chooseYear(page, 2023);

    await chooseStatus(page, 'task-status-1-1', '已完成');
    await expect
      .poll(async () => (await getPlan(shell)).tasks.find((t) => t.seq === '1' && t.groupId === 1)!.progress)
      .toEqual([expect.objectContaining({ year: 2023, text: '', status: 'done' })]);
    await expect.poll(() => statusText(page)).toBe('已保存');
    expect((await getPlan(shell)).tasks.filter((t) => t.progress.length > 0)).toHaveLength(1);

    await reloadSheet(page);
    await page.getByRole('tab', { name: '主要任务' }).click();
    await page.getByTestId('task-row-1-1').waitFor();
    await chooseYear(page, 2023);
    await expect.poll(() => page.getByTestId('task-status-1-1').getAttribute('data-status')).toBe('done');
    expect(await page.getByTestId('task-status-1-1').innerText()).toContain('已完成');
    expect(await page.getByTestId('task-status-1-2').getAttribute('data-status')).toBe('');
    expect(page.errors).toEqual([]);
  });
});

/**
 * Right-clicks a cell and picks a context-menu item. On a loaded machine the menu can be re-rendered (and the item
 * detached) between opening and clicking — seen in CI only; the menu is then opened again, at most three times.
 */
async function menuItem(page: AppPage, target: Locator, testId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await target.click({ button: 'right' });
    try {
      await page.getByTestId(testId).click({ timeout: 8_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

describe('主要指标: a cell’s history and 修改记录', () => {
  const ws = freshWorkspace('history');

  it('reverts the latest of two edits from the cell’s history; the revert is itself logged', async () => {
    const { page, shell } = ws;
    await typeInto(page, '11', 2023, 'actual', '14');
    await settled(page);
    await typeInto(page, '11', 2023, 'actual', '15');
    await settled(page);
    await expect.poll(() => stored(shell, '11', 2023, 'actual')).toEqual({ text: '15', number: 15, evaluable: true });

    await menuItem(page, cell(page, '11', 2023, 'actual'), 'sheet-menu-history');
    const drawer = page.getByTestId('cell-history');
    await drawer.waitFor();
    expect(await drawer.innerText()).toContain('11 培育“品字标”企业 · 2023年实际');
    await page.getByTestId('history-entry-1').waitFor();
    expect(await page.locator('[data-testid^="history-entry-"]').count()).toBe(2);
    expect(await page.getByTestId('history-entry-0').innerText()).toMatch(/^14\s*→\s*15/);
    expect(await page.getByTestId('history-entry-1').innerText()).toMatch(/^（空）\s*→\s*14/);

    await page.getByTestId('history-revert-0').click();
    // The drawer lists the revert as the newest entry…
    await expect.poll(() => page.locator('[data-testid^="history-entry-"]').count()).toBe(3);
    expect(await page.getByTestId('history-entry-0').innerText()).toMatch(/^15\s*→\s*14/);
    // …the cell shows the earlier value, and that is what is stored.
    await expect.poll(() => shown(page, '11', 2023, 'actual')).toBe('14');
    await expect.poll(() => stored(shell, '11', 2023, 'actual')).toEqual({ text: '14', number: 14, evaluable: true });
    const log = await changeLog(shell, { entity: 'indicator_value' });
    expect(log.map((e) => [e.op, textOf(e.before), textOf(e.after)])).toEqual([
      ['create', null, '14'],
      ['update', '14', '15'],
      ['update', '15', '14'],
    ]);

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await reloadSheet(page);
    expect(await shown(page, '11', 2023, 'actual')).toBe('14');

    // Alt+H on the cell opens the same history.
    await cell(page, '11', 2023, 'actual').click();
    await page.keyboard.press('Alt+h');
    await page.getByTestId('history-entry-2').waitFor();
    expect(await page.locator('[data-testid^="history-entry-"]').count()).toBe(3);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    // 修改记录 lists all three, newest first.
    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.getByTestId('changelog-page').waitFor();
    for (const e of log) await page.getByTestId(`changelog-entry-${e.id}`).waitFor();
    const rows = await page
      .locator('[data-testid^="changelog-entry-"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(rows.slice(0, 3)).toEqual(log.map((e) => `changelog-entry-${e.id}`).reverse());
    const newest = log.at(-1)!;
    expect(await page.getByTestId(`changelog-what-${newest.id}`).innerText()).toMatch(/修改[\s\S]*培育“品字标”企业/);
    expect(await page.getByTestId(`changelog-before-${newest.id}`).innerText()).toBe('15');
    expect(await page.getByTestId(`changelog-after-${newest.id}`).innerText()).toBe('14');
    expect(page.errors).toEqual([]);
  });

  it('reverts the first edit from 修改记录 after a confirmation, emptying the cell', async () => {
    const { page, shell } = ws;
    const first = (await changeLog(shell, { entity: 'indicator_value' }))[0]!;
    expect(first.op).toBe('create');
    await page.getByTestId(`changelog-revert-${first.id}`).click();
    // antd spaces out a two-character label: 撤 销.
    await page
      .locator('.ant-popconfirm', { hasText: '撤销这条修改？' })
      .getByRole('button', { name: /^撤\s*销$/ })
      .click();
    await expect.poll(() => stored(shell, '11', 2023, 'actual')).toBeNull();
    await expect.poll(() => statusText(page)).toBe(`已撤销第 ${first.id} 条修改`);
    const log = await changeLog(shell, { entity: 'indicator_value' });
    expect(log).toHaveLength(4);
    expect(log.at(-1)).toMatchObject({ op: 'delete', after: null });
    await page.getByTestId(`changelog-entry-${log.at(-1)!.id}`).waitFor();

    await page.getByRole('tab', { name: '主要指标' }).click();
    await sheetReady(page);
    expect(await shown(page, '11', 2023, 'actual')).toBe('');
    expect(page.errors).toEqual([]);
  });

  it('shows a value typed in this tab and reverted in 修改记录 as reverted when the clerk returns to 主要指标', async () => {
    const { page, shell } = ws;
    // No reload in between: the sheet's edits of this tab are still in memory. (Fails as of ab957d3: the sheet's
    // SheetSession outlives the tab and, on remount, keeps its own saved texts on top of the fresh plan/get.)
    await typeInto(page, '12', 2023, 'actual', '10');
    await settled(page);
    await expect.poll(() => stored(shell, '12', 2023, 'actual')).toEqual({ text: '10', number: 10, evaluable: true });
    const typed = (await changeLog(shell, { entity: 'indicator_value' })).at(-1)!;
    expect(typed).toMatchObject({ op: 'create', field: '2023/actual' });

    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.getByTestId(`changelog-revert-${typed.id}`).click();
    await page
      .locator('.ant-popconfirm', { hasText: '撤销这条修改？' })
      .getByRole('button', { name: /^撤\s*销$/ })
      .click();
    await expect.poll(() => statusText(page)).toBe(`已撤销第 ${typed.id} 条修改`);
    expect(await stored(shell, '12', 2023, 'actual')).toBeNull();

    await page.getByRole('tab', { name: '主要指标' }).click();
    await sheetReady(page);
    // The sheet has just loaded the plan again: it must show what is stored (nothing), not the text typed before.
    await expect.poll(() => shown(page, '12', 2023, 'actual'), { timeout: 5_000 }).toBe('');
  });
});

describe('every page, as the clerk sees it', () => {
  const ws = freshWorkspace('shots');

  it('takes a screenshot of each page into test-results/', async () => {
    const { page, shell } = ws;
    // Some work to show: figures (one of them not a number), a progress note and a log.
    const plan = await getPlan(shell);
    const id = (seq: string) => plan.indicators.find((i) => i.seq === seq)!.id;
    await shell.call('indicator/update-values', {
      planId: plan.plan.id,
      changes: [
        { indicatorId: id('1'), year: 2023, kind: 'actual', text: '3.78' },
        { indicatorId: id('2'), year: 2023, kind: 'actual', text: '稳步提升' },
        { indicatorId: id('3'), year: 2023, kind: 'actual', text: '0.75' },
      ],
    });
    await shell.call('action/set-progress', {
      planId: plan.plan.id,
      actionId: plan.actions[0]!.id,
      progress: { year: 2025, text: '已新增市场主体3218户', status: 'in_progress' },
    });
    await reloadSheet(page);

    const pages: { tab: string; ready: string; file: string }[] = [
      { tab: '主要指标', ready: 'indicator-row-20', file: 'workspace-indicators.png' },
      { tab: '十大行动', ready: 'action-row-10', file: 'workspace-actions.png' },
      { tab: '主要任务', ready: 'task-row-1-1', file: 'workspace-tasks.png' },
      { tab: '报表', ready: 'report-preview', file: 'workspace-reports.png' },
      { tab: '修改记录', ready: 'changelog-page', file: 'workspace-changelog.png' },
      { tab: '设置', ready: 'font-role-fangsong', file: 'workspace-settings.png' },
    ];
    for (const p of pages) {
      await page.getByRole('tab', { name: p.tab }).click();
      await page.getByTestId(p.ready).waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('status-line').getAttribute('data-tone')).toBe('ok');
      if (p.tab === '修改记录') await page.locator('[data-testid^="changelog-entry-"]').first().waitFor();
      const file = path.join(SHOTS, p.file);
      // Transitions finished (a button just enabled must not be caught half-way through its fade).
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
    }
    expect(page.errors).toEqual([]);
  });
});
