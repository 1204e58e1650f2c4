// A closed plan in the whole window: a banner above every page says it has ended and is read-only, and no page offers
// editing — the sheet's cells refuse keystrokes, Delete and paste with the reason (nothing sent), the structure
// toolbar is gone, definitions open for viewing only, 十大行动/主要任务 editors are disabled, 年度监测 offers no import,
// 报送, 填报表 or adjustment, 修改记录 and the cell history offer no revert; exports stay. Reopening makes it editable.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import App from '../../src/renderer/src/App';
import type { ChangeLogEntry, IndicatorValue, PlanSummary, YearSubmission } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';
import { appCore, type AppCore } from './app-core';
import { ok, planSummary } from './plan-fixture';
import { renderWithApi } from './render-with-api';

const HINT = '“十四五”规划已结束，只读：可以查看、导出报表和总结评估，不能修改。';
const closed: PlanSummary = { ...planSummary, status: 'closed' };

const logged = (text: string): IndicatorValue => ({
  ...parseValue(text),
  year: 2021,
  kind: 'actual',
  note: null,
  updatedAt: '2024-03-01T08:00:00.000Z',
  updatedBy: '张三',
});
const entry: ChangeLogEntry = {
  id: 5,
  at: '2024-03-01T08:00:00.000Z',
  actor: '张三',
  planId: 1,
  entity: 'indicator_value',
  entityId: 1,
  field: '2021/actual',
  op: 'update',
  before: logged('3.0'),
  after: logged('3.1'),
};

function core(plan: PlanSummary = closed): AppCore {
  const c = appCore([plan], {
    'changelog/list': () => ok({ total: 1, entries: [entry] }),
    'plan/reopen': (args: { planId: number }, x) => ok(x.setStatus(args.planId, 'active')),
  });
  const submission: YearSubmission = {
    planId: 1,
    year: 2021,
    submittedAt: '2026-03-02T01:30:00.000Z',
    submittedBy: '张三',
    files: [],
  };
  c.details.get(1)!.submissions = [submission];
  return c;
}

async function open(c: AppCore) {
  renderWithApi(<App />, c.transport);
  await screen.findByTestId('indicator-row-1', {}, { timeout: 5000 });
}

const editor = () => screen.getByTestId('sheet-editor') as HTMLTextAreaElement;
const td = (id: string) => screen.getByTestId(`value-${id}`).closest('td')!;
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));
const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));

describe('a closed plan', () => {
  it('shows the read-only banner above every page', async () => {
    const c = core();
    await open(c);
    const banner = () => screen.getByTestId('closed-plan-banner').textContent;
    expect(banner()).toContain('“十四五”规划已结束，只读');
    expect(banner()).toContain('报表和总结评估仍可导出');
    for (const [name, page] of [
      ['十大行动', 'actions-page'],
      ['主要任务', 'tasks-page'],
      ['年度监测', 'monitoring-page'],
      ['报表', 'reports-page'],
      ['修改记录', 'changelog-page'],
      ['设置', 'settings-page'],
    ]) {
      tab(name!);
      await screen.findByTestId(page!, {}, { timeout: 5000 });
      expect(banner()).toContain('已结束，只读');
    }
    // Six pages mounted one after another: a budget for a loaded machine, not a speed check.
  }, 60_000);

  it('makes every sheet cell read-only and sends nothing for keystrokes, Delete or paste', async () => {
    const c = core();
    await open(c);
    expect(screen.queryByTestId('structure-toolbar')).toBeNull();
    expect(screen.getByTestId('sheet-hint').textContent).toBe(HINT);
    for (const id of ['1-2021-target', '1-2021-actual', '1-2025-target', '2-2022-actual']) {
      expect(td(id).dataset.locked).toBe('true');
      expect(td(id).getAttribute('aria-readonly')).toBe('true');
    }
    fireEvent.mouseDown(td('1-2025-target'), { button: 0 });
    fireEvent.mouseUp(window);
    editor().value += '6';
    fireEvent.input(editor());
    expect(await screen.findByText(HINT, { selector: '.ant-message *' })).toBeTruthy();
    expect(editor().value).toBe('');
    fireEvent.keyDown(editor(), { key: 'F2' });
    fireEvent.keyDown(editor(), { key: 'Delete' });
    fireEvent.paste(editor(), { clipboardData: { getData: (t: string) => (t === 'text/plain' ? '9' : '') } });
    await settle();
    expect(c.argsOf('indicator/update-values')).toEqual([]);
    expect(screen.getByTestId('value-1-2025-target').textContent).toBe('5.05');
    await waitFor(() => expect(screen.getByTestId('status-line').textContent).toContain('规划已结束，只读：不能修改'));
  });

  it('offers copy, history and viewing the definition only, and reverts nothing from the history', async () => {
    const c = core();
    await open(c);
    const cell = td('1-2021-actual');
    fireEvent.mouseDown(cell, { button: 2 });
    fireEvent.contextMenu(cell);
    await screen.findByTestId('sheet-menu-history');
    expect(screen.getByTestId('sheet-menu-copy')).toBeTruthy();
    expect(screen.getByTestId('sheet-menu-editDefinition').textContent).toContain('查看指标定义');
    for (const item of ['cut', 'paste', 'clear', 'undo', 'redo', 'newIndicator'])
      expect(screen.queryByTestId(`sheet-menu-${item}`)).toBeNull();

    fireEvent.click(screen.getByTestId('sheet-menu-history'));
    const drawer = await screen.findByTestId('cell-history');
    await within(drawer).findByTestId('history-entry-0');
    const revert = within(drawer).getByTestId('history-revert-0') as HTMLButtonElement;
    expect(revert.disabled).toBe(true);
    expect(revert.title).toBe(HINT);
    expect(c.argsOf('changelog/revert')).toEqual([]);
  });

  it('opens a definition for viewing, without save or delete', async () => {
    await open(core());
    fireEvent.doubleClick(screen.getByText('在册市场主体总量'));
    const drawer = await screen.findByTestId('definition-drawer');
    expect(screen.getByText('查看指标：在册市场主体总量')).toBeTruthy();
    expect(within(drawer).queryByTestId('definition-save')).toBeNull();
    expect(within(drawer).queryByTestId('definition-delete')).toBeNull();
    const inputs = [...drawer.querySelectorAll('input:not([type="hidden"]), textarea')] as HTMLInputElement[];
    expect(inputs.length).toBeGreaterThan(3);
    expect(inputs.every((i) => i.disabled)).toBe(true);
    expect((within(drawer).getByTestId('definition-close') as HTMLButtonElement).disabled).toBe(false);
  });

  it('disables every editor of 十大行动 and 主要任务', async () => {
    await open(core());
    tab('十大行动');
    await screen.findByTestId('actions-page', {}, { timeout: 5000 });
    expect((screen.getByTestId('action-progress-1') as HTMLTextAreaElement).disabled).toBe(true);
    expect((screen.getByTestId('action-remark-1') as HTMLTextAreaElement).disabled).toBe(true);
    expect(within(screen.getByTestId('action-dept-1')).getByRole('combobox').hasAttribute('disabled')).toBe(true);
    expect(within(screen.getByTestId('action-status-1')).getByRole('combobox').hasAttribute('disabled')).toBe(true);
    // The banner says it once; no per-year notice or autosave hint.
    expect(screen.queryByTestId('locked-notice')).toBeNull();

    tab('主要任务');
    await screen.findByTestId('tasks-page', {}, { timeout: 5000 });
    expect((screen.getByTestId('task-progress-1-1') as HTMLTextAreaElement).disabled).toBe(true);
    expect((screen.getByTestId('task-deadline-1-1') as HTMLInputElement).disabled).toBe(true);
    expect(within(screen.getByTestId('task-lead-1-1')).getByRole('combobox').hasAttribute('disabled')).toBe(true);
    expect(within(screen.getByTestId('task-cooperating-1-1')).getByRole('combobox').hasAttribute('disabled')).toBe(
      true,
    );
  });

  it('judges 年度监测 but offers no import, 报送, 填报表, unlock or adjustment', async () => {
    await open(core());
    tab('年度监测');
    await screen.findByTestId('monitoring-page', {}, { timeout: 5000 });
    expect(screen.getByTestId('monitoring-row-1')).toBeTruthy();
    expect(screen.queryByTestId('monitoring-tools')).toBeNull();
    expect(screen.queryByTestId('import-open')).toBeNull();
    expect(screen.queryByTestId('submission-submit')).toBeNull();
    expect(screen.queryByTestId('monitoring-adjust-1')).toBeNull();
    fireEvent.click(within(screen.getByTestId('monitoring-year')).getByText('2021年'));
    expect(await screen.findByTestId('submission-banner')).toBeTruthy();
    expect(screen.queryByTestId('submission-unlock')).toBeNull();
  });

  it('lists 修改记录 without revert, and still exports on 报表', async () => {
    const c = core();
    await open(c);
    tab('修改记录');
    await screen.findByTestId('changelog-entry-5', {}, { timeout: 5000 });
    expect((screen.getByTestId('changelog-revert-5') as HTMLButtonElement).disabled).toBe(true);

    tab('报表');
    await screen.findByTestId('report-preview', {}, { timeout: 5000 });
    expect((screen.getByTestId('export-xlsx') as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByTestId('export-evaluation-xlsx') as HTMLButtonElement).disabled).toBe(false);
  });

  it('becomes editable again once reopened from the banner', async () => {
    const c = core();
    await open(c);
    fireEvent.click(screen.getByTestId('closed-plan-reopen'));
    fireEvent.change(await screen.findByTestId('plan-reopen-reason'), { target: { value: '补录 2025 年数据' } });
    fireEvent.click(screen.getByTestId('plan-reopen-ok'));
    await waitFor(() => expect(screen.queryByTestId('closed-plan-banner')).toBeNull());
    expect(c.argsOf('plan/reopen')).toEqual([{ planId: 1, reason: '补录 2025 年数据' }]);
    expect(await screen.findByTestId('structure-toolbar')).toBeTruthy();
    expect(td('1-2025-target').dataset.locked).toBeUndefined();
    // The submitted year stays locked on its own.
    expect(td('1-2021-actual').dataset.locked).toBe('true');
  });

  it('leaves an active plan editable, without a banner', async () => {
    await open(core({ ...planSummary }));
    expect(screen.queryByTestId('closed-plan-banner')).toBeNull();
    expect(screen.getByTestId('structure-toolbar')).toBeTruthy();
    expect(td('1-2025-target').dataset.locked).toBeUndefined();
  });
});
