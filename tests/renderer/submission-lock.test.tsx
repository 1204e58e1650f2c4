// A submitted (报送) year outside 年度监测: on 主要指标 its 实际 cells are visibly read-only with the reason on hover, and
// typing, pasting, clearing or undoing into them shows a Chinese message instead of saving (targets and other years
// stay editable); on 十大行动 / 主要任务 the year's progress editors are disabled with the same explanation.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ValueChange } from '../../src/shared/api-schemas';
import type { IndicatorValue, PlanDetail, YearSubmission } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';
import { ActionsPage } from '../../src/renderer/src/pages/ActionsPage';
import { IndicatorsPage } from '../../src/renderer/src/pages/IndicatorsPage';
import { TasksPage } from '../../src/renderer/src/pages/TasksPage';
import { fakeCore, type FakeCore } from './monitoring-core';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

const LOCKED = '2021 年已报送并锁定：当年完成值、评价和进展只读。如需修改，请在“年度监测”中解锁并写明理由。';

const submitted: YearSubmission = {
  planId: 1,
  year: 2021,
  submittedAt: '2026-03-02T01:30:00.000Z',
  submittedBy: '张三',
  files: [],
};

function lockedPlan(): PlanDetail {
  const d = buildPlanDetail();
  d.submissions = [submitted];
  return d;
}

/** Stores values like indicator/update-values does. */
function core(): FakeCore {
  return fakeCore(lockedPlan(), {
    'indicator/update-values': (args: { changes: ValueChange[] }) =>
      ok({
        values: args.changes.map((c) => ({
          ...c,
          value: {
            ...parseValue(c.text),
            year: c.year,
            kind: c.kind,
            note: null,
            updatedAt: 'now',
            updatedBy: 'clerk',
          } satisfies IndicatorValue,
        })),
        warnings: [],
      }),
  });
}

const editor = () => screen.getByTestId('sheet-editor') as HTMLTextAreaElement;
const td = (id: string) => screen.getByTestId(`value-${id}`).closest('td')!;
function select(cell: HTMLElement, shift = false) {
  fireEvent.mouseDown(cell, { button: 0, shiftKey: shift });
  fireEvent.mouseUp(window);
}
function type(chars: string) {
  editor().value += chars;
  fireEvent.input(editor());
}
const press = (key: string, mods: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(editor(), { key, ...mods });
const saves = (c: FakeCore) =>
  c.argsOf('indicator/update-values').map((a) => (a as { changes: ValueChange[] }).changes);
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

async function openSheet() {
  const c = core();
  renderWithApi(<IndicatorsPage planId={1} />, c.transport);
  await screen.findByTestId('indicator-row-1');
  return c;
}

describe('主要指标 with a submitted year', () => {
  it('marks the year’s actual cells read-only, with the reason in the header and on hover', async () => {
    await openSheet();
    expect(td('1-2021-actual').dataset.locked).toBe('true');
    expect(td('1-2021-actual').getAttribute('aria-readonly')).toBe('true');
    expect(td('1-2021-actual').className).toContain('sheet-locked');
    // Targets of the year and actuals of other years are not locked.
    expect(td('1-2021-target').dataset.locked).toBeUndefined();
    expect(td('1-2022-actual').dataset.locked).toBeUndefined();
    expect(screen.getByTestId('sheet-head-locked-2021').getAttribute('title')).toBe(LOCKED);
    expect(screen.queryByTestId('sheet-head-locked-2022')).toBeNull();

    fireEvent.mouseEnter(td('1-2021-actual'));
    await waitFor(() => expect(document.querySelector('.sheet-tip')?.textContent).toContain(LOCKED));
  });

  it('says why instead of saving a keystroke, F2, Delete or a paste into a locked cell', async () => {
    const c = await openSheet();
    select(td('1-2021-actual'));
    type('4');
    expect(await screen.findByText(LOCKED)).toBeTruthy();
    expect(editor().value).toBe('');
    expect(editor().className).toContain('sheet-editor-idle');
    expect(screen.getByTestId('value-1-2021-actual').textContent).toBe('3.1');
    press('F2');
    press('Delete');
    fireEvent.paste(editor(), { clipboardData: { getData: (t: string) => (t === 'text/plain' ? '9' : '') } });
    await settle();
    expect(saves(c)).toEqual([]);
    expect(screen.getByTestId('value-1-2021-actual').textContent).toBe('3.1');
  });

  it('pastes around the locked cells and clears only the unlocked ones', async () => {
    const c = await openSheet();
    // 2021 目标 | 2021 实际 | 2022 目标 from the selected target cell.
    select(td('1-2021-target'));
    fireEvent.paste(editor(), {
      clipboardData: { getData: (t: string) => (t === 'text/plain' ? '3.0\t3.2\t3.5' : '') },
    });
    await waitFor(() => expect(saves(c)).toHaveLength(1));
    expect(saves(c)[0]).toEqual([
      { indicatorId: 1, year: 2021, kind: 'target', text: '3.0' },
      { indicatorId: 1, year: 2022, kind: 'target', text: '3.5' },
    ]);
    expect(await screen.findByText(LOCKED)).toBeTruthy();

    select(td('1-2021-target'));
    select(td('1-2021-actual'), true);
    press('Delete');
    await waitFor(() => expect(saves(c)).toHaveLength(2));
    expect(saves(c)[1]).toEqual([{ indicatorId: 1, year: 2021, kind: 'target', text: '' }]);
    expect(screen.getByTestId('value-1-2021-actual').textContent).toBe('3.1');
  });

  it('still edits the year’s targets and other years’ actuals', async () => {
    const c = await openSheet();
    select(td('2-2022-actual'));
    type('97');
    press('Enter');
    await waitFor(() => expect(saves(c)).toEqual([[{ indicatorId: 2, year: 2022, kind: 'actual', text: '97' }]]));
  });
});

describe('十大行动 / 主要任务 with a submitted year', () => {
  it('disables the year’s progress with the same explanation; another year stays editable', async () => {
    const c = fakeCore(lockedPlan());
    renderWithApi(<ActionsPage planId={1} year={2021} />, c.transport);
    await screen.findByTestId('actions-page');
    expect(screen.getByTestId('locked-notice').textContent).toBe(LOCKED);
    const text = screen.getByTestId('action-progress-1') as HTMLTextAreaElement;
    expect(text.disabled).toBe(true);
    expect(within(screen.getByTestId('action-status-1')).getByRole('combobox').hasAttribute('disabled')).toBe(true);
  });

  it('shows the same on 主要任务, and nothing for a year not submitted', async () => {
    const c = fakeCore(lockedPlan());
    renderWithApi(<TasksPage planId={1} year={2021} />, c.transport);
    await screen.findByTestId('tasks-page');
    expect(screen.getByTestId('locked-notice').textContent).toBe(LOCKED);
    expect((screen.getByTestId('task-progress-1-1') as HTMLTextAreaElement).disabled).toBe(true);

    const open = fakeCore(lockedPlan());
    renderWithApi(<ActionsPage planId={1} year={2022} />, open.transport);
    await waitFor(() => expect(screen.getAllByTestId('actions-page')).toHaveLength(1));
    expect(screen.getAllByTestId('locked-notice')).toHaveLength(1);
    expect((screen.getByTestId('action-progress-1') as HTMLTextAreaElement).disabled).toBe(false);
  });
});
