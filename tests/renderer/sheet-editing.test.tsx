// The 主要指标 sheet against a fake core (a transport that answers like the real handlers): each user action is
// exactly one indicator/update-values call, pastes land where Excel would put them, failures keep the text,
// undo/redo send the texts back, IME composition keeps its first character, suspect values are marked.
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ValueChange } from '../../src/shared/api-schemas';
import type { IndicatorValue } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';
import { createApiClient, type Transport } from '../../src/renderer/src/lib/api';
import { ApiContext } from '../../src/renderer/src/lib/api-context';
import type { StatusInfo } from '../../src/renderer/src/lib/status';
import { IndicatorsPage } from '../../src/renderer/src/pages/IndicatorsPage';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

interface Call {
  channel: string;
  args: unknown;
}

/** A core that stores values like indicator/update-values does; `failWith` makes saves fail. */
function fakeCore() {
  const calls: Call[] = [];
  const core = { calls, failWith: null as string | null };
  const transport: Transport = async (channel, args) => {
    calls.push({ channel, args });
    if (channel === 'plan/get') return ok(buildPlanDetail());
    if (channel === 'indicator/update-values') {
      if (core.failWith) return { ok: false, error: { code: 'DB_ERROR', message: core.failWith } };
      const { changes } = args as { changes: ValueChange[] };
      const values = changes.map((c) => {
        const value: IndicatorValue | null =
          c.text.trim() === ''
            ? null
            : { ...parseValue(c.text), year: c.year, kind: c.kind, note: null, updatedAt: 'now', updatedBy: 'clerk' };
        return { indicatorId: c.indicatorId, year: c.year, kind: c.kind, value };
      });
      const warnings = changes
        .filter((c) => c.text.trim() !== '' && !parseValue(c.text).evaluable)
        .map((c) => ({
          indicatorId: c.indicatorId,
          year: c.year,
          kind: c.kind,
          message: `“${c.text}”不是可比较的数值`,
        }));
      return ok({ values, warnings });
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
  };
  return { core, transport };
}

const saves = (calls: Call[]) =>
  calls
    .filter((c) => c.channel === 'indicator/update-values')
    .map((c) => (c.args as { changes: ValueChange[] }).changes);

async function openSheet() {
  const { core, transport } = fakeCore();
  const statuses: StatusInfo[] = [];
  renderWithApi(<IndicatorsPage planId={1} onStatus={(s) => statuses.push(s)} />, transport);
  await screen.findByTestId('indicator-row-1');
  return { core, statuses, lastStatus: () => statuses.at(-1)?.text ?? '' };
}

const editor = () => screen.getByTestId('sheet-editor') as HTMLTextAreaElement;
const td = (id: string) => screen.getByTestId(`value-${id}`).closest('td')!;
const text = (id: string) => screen.getByTestId(`value-${id}`).textContent;

function select(cell: HTMLElement, shift = false) {
  fireEvent.mouseDown(cell, { button: 0, shiftKey: shift });
  fireEvent.mouseUp(window);
}
/** What a keystroke does in the browser: the character lands in the focused text box, which fires input. */
function type(chars: string) {
  const el = editor();
  el.value += chars;
  fireEvent.input(el);
}
const press = (key: string, mods: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(editor(), { key, ...mods });

function paste(data: { html?: string; text?: string }) {
  fireEvent.paste(editor(), {
    clipboardData: { getData: (type: string) => (type === 'text/html' ? (data.html ?? '') : (data.text ?? '')) },
  });
}

describe('IndicatorSheet editing', () => {
  it('saves a typed value as one call, moves down on Enter and says so in the status line', async () => {
    const { core, lastStatus } = await openSheet();
    select(td('1-2023-actual'));
    type('4');
    expect(editor().className).toContain('sheet-editor-open');
    type('.218');
    press('Enter');

    expect(text('1-2023-actual')).toBe('4.218');
    expect(td('2-2023-actual').className).toContain('sheet-active');
    await waitFor(() => expect(lastStatus()).toMatch(/^已保存 \d\d:\d\d:\d\d$/));
    expect(saves(core.calls)).toEqual([[{ indicatorId: 1, year: 2023, kind: 'actual', text: '4.218' }]]);
    expect(td('1-2023-actual').dataset.state).toBeUndefined();
  });

  it('edits with F2 from the stored text, cancels with Esc, commits with Tab and moves right', async () => {
    const { core } = await openSheet();
    select(td('1-2021-actual'));
    press('F2');
    expect(editor().value).toBe('3.1');
    editor().value = '3.15';
    press('Escape');
    expect(text('1-2021-actual')).toBe('3.1');
    expect(saves(core.calls)).toEqual([]);

    press('Enter');
    expect(editor().value).toBe('3.1');
    editor().value = '3.12';
    fireEvent.input(editor());
    press('Tab');
    expect(td('1-2022-target').className).toContain('sheet-active');
    await waitFor(() =>
      expect(saves(core.calls)).toEqual([[{ indicatorId: 1, year: 2021, kind: 'actual', text: '3.12' }]]),
    );
  });

  it('arrows move over category rows; typing replaces; double-click edits a value', async () => {
    const { core } = await openSheet();
    select(td('2-2024-target'));
    press('ArrowDown');
    expect(td('3-2024-target').className).toContain('sheet-active');
    type('9');
    press('ArrowUp');
    expect(td('2-2024-target').className).toContain('sheet-active');
    fireEvent.doubleClick(td('1-2021-target'));
    expect(editor().value).toBe('');
    select(td('1-2021-target'));
    fireEvent.doubleClick(td('1-2021-target'));
    expect(editor().value).toBe('3.035');
    press('Escape');
    await waitFor(() =>
      expect(saves(core.calls)).toEqual([[{ indicatorId: 3, year: 2024, kind: 'target', text: '9' }]]),
    );
  });

  it('clears a selected range with Delete as one call', async () => {
    const { core, lastStatus } = await openSheet();
    select(td('1-2021-target'));
    select(td('2-2021-actual'), true);
    press('Delete');
    expect(['1-2021-target', '1-2021-actual', '2-2021-target', '2-2021-actual'].map(text)).toEqual(['', '', '', '']);
    await waitFor(() => expect(saves(core.calls)).toHaveLength(1));
    expect(saves(core.calls)[0]).toEqual([
      { indicatorId: 1, year: 2021, kind: 'target', text: '' },
      { indicatorId: 1, year: 2021, kind: 'actual', text: '' },
      { indicatorId: 2, year: 2021, kind: 'target', text: '' },
      { indicatorId: 2, year: 2021, kind: 'actual', text: '' },
    ]);
    await waitFor(() => expect(lastStatus()).toMatch(/已保存 .* · 已清除 4 个单元格/));
  });

  it('fills the selected range with Ctrl+Enter as one call', async () => {
    const { core } = await openSheet();
    select(td('1-2024-target'));
    select(td('3-2024-target'), true);
    type('待定');
    press('Enter', { ctrlKey: true });
    expect(['1-2024-target', '2-2024-target', '3-2024-target'].map(text)).toEqual(['待定', '待定', '待定']);
    await waitFor(() => expect(saves(core.calls)).toHaveLength(1));
    expect(saves(core.calls)[0]!.map((c) => c.indicatorId)).toEqual([1, 2, 3]);
  });

  it('pastes a 3×2 TSV block verbatim as one call, flowing over the category row', async () => {
    const { core } = await openSheet();
    select(td('1-2023-target'));
    paste({ text: '1,234.5\t３.５\r\n≥95\t88%以上\r\n稳步提升\t\r\n' });
    expect(['1-2023-target', '1-2023-actual', '2-2023-target', '2-2023-actual', '3-2023-target'].map(text)).toEqual([
      '1,234.5',
      '３.５',
      '≥95',
      '88%以上',
      '稳步提升',
    ]);
    await waitFor(() => expect(saves(core.calls)).toHaveLength(1));
    // The empty pasted cell matched an empty cell, so it is not sent.
    expect(saves(core.calls)[0]!.map((c) => `${c.indicatorId}/${c.year}/${c.kind}=${c.text}`)).toEqual([
      '1/2023/target=1,234.5',
      '1/2023/actual=３.５',
      '2/2023/target=≥95',
      '2/2023/actual=88%以上',
      '3/2023/target=稳步提升',
    ]);
    // The pasted range is selected afterwards.
    expect(td('3-2023-target').className).toContain('sheet-selected');
  });

  it('skips read-only columns when pasting an Excel HTML table and says so', async () => {
    const { core, lastStatus } = await openSheet();
    fireEvent.mouseDown(screen.getByTestId('base-1').closest('td')!);
    paste({ html: '<table><tr><td>9.9</td><td>3.1<br>（初值）</td><td>&nbsp;</td></tr></table>', text: 'ignored' });
    await waitFor(() => expect(saves(core.calls)).toHaveLength(1));
    expect(saves(core.calls)[0]).toEqual([
      { indicatorId: 1, year: 2021, kind: 'target', text: '3.1\n（初值）' },
      { indicatorId: 1, year: 2021, kind: 'actual', text: '' },
    ]);
    expect(screen.getByTestId('base-1').textContent).toBe('2.6336');
    await waitFor(() => expect(lastStatus()).toContain('跳过 1 个只读单元格'));
  });

  it('asks before pasting a block larger than the sheet, and does nothing when refused', async () => {
    const { core } = await openSheet();
    select(td('2-2025-target'));
    paste({ text: 'a\nb\nc\nd\n' });
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('4 行 × 1 列');
    expect(dialog.textContent).toContain('2 行 × 1 列');
    expect(text('2-2025-target')).toBe('');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消粘贴' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(saves(core.calls)).toEqual([]);
    expect(text('2-2025-target')).toBe('');

    paste({ text: 'a\nb\nc\nd\n' });
    await waitFor(() => expect(screen.getAllByRole('dialog')).toHaveLength(2));
    fireEvent.click(within(screen.getAllByRole('dialog').at(-1)!).getByRole('button', { name: '只粘贴放得下的部分' }));
    await waitFor(() => expect(saves(core.calls)).toHaveLength(1));
    expect(saves(core.calls)[0]!.map((c) => [c.indicatorId, c.text])).toEqual([
      [2, 'a'],
      [3, 'b'],
    ]);
  });

  it('keeps a value whose save failed, marks it, says 保存失败 and retries on request', async () => {
    const { core, lastStatus } = await openSheet();
    core.failWith = '数据库文件被其他程序锁定';
    select(td('1-2024-actual'));
    type('5.2');
    press('Enter');
    await waitFor(() => expect(td('1-2024-actual').dataset.state).toBe('failed'));
    expect(text('1-2024-actual')).toBe('5.2');
    expect(screen.getByTestId('unsaved-1-2024-actual').getAttribute('aria-label')).toContain(
      '数据库文件被其他程序锁定',
    );
    expect(lastStatus()).toBe('保存失败：数据库文件被其他程序锁定（不会丢失：单元格已标记，可重试）');

    core.failWith = null;
    fireEvent.click(screen.getByTestId('sheet-retry'));
    await waitFor(() => expect(lastStatus()).toMatch(/^已保存 /));
    expect(td('1-2024-actual').dataset.state).toBeUndefined();
    expect(text('1-2024-actual')).toBe('5.2');
    expect(saves(core.calls)).toEqual([
      [{ indicatorId: 1, year: 2024, kind: 'actual', text: '5.2' }],
      [{ indicatorId: 1, year: 2024, kind: 'actual', text: '5.2' }],
    ]);
    expect(screen.queryByTestId('sheet-retry')).toBeNull();
  });

  it('keeps failed cells and the undo history when the page is left and opened again', async () => {
    const { core, transport } = fakeCore();
    const client = createApiClient(transport);
    const ui = (page: boolean) => (
      <ConfigProvider locale={zhCN}>
        <ApiContext value={client}>{page ? <IndicatorsPage planId={1} /> : <div />}</ApiContext>
      </ConfigProvider>
    );
    const { rerender } = render(ui(true));
    await screen.findByTestId('indicator-row-1');
    core.failWith = '磁盘已满';
    select(td('2-2022-actual'));
    type('83');
    press('Enter');
    await waitFor(() => expect(td('2-2022-actual').dataset.state).toBe('failed'));

    rerender(ui(false));
    expect(screen.queryByTestId('indicator-row-1')).toBeNull();
    rerender(ui(true));
    await screen.findByTestId('indicator-row-1');
    expect(text('2-2022-actual')).toBe('83');
    expect(td('2-2022-actual').dataset.state).toBe('failed');
    core.failWith = null;
    select(td('1-2021-target'));
    press('z', { ctrlKey: true });
    await waitFor(() => expect(text('2-2022-actual')).toBe(''));
    await waitFor(() => expect(td('2-2022-actual').dataset.state).toBeUndefined());
    expect(saves(core.calls).at(-1)).toEqual([{ indicatorId: 2, year: 2022, kind: 'actual', text: '' }]);
  });

  it('undoes a saved paste with its before texts in one call, and redoes it', async () => {
    const { core, lastStatus } = await openSheet();
    select(td('1-2021-actual'));
    paste({ text: '3.2\n97\n' });
    await waitFor(() => expect(lastStatus()).toMatch(/^已保存/));

    expect(press('z', { ctrlKey: true })).toBe(false); // default prevented: Chromium's own undo stays out
    expect([text('1-2021-actual'), text('2-2021-actual')]).toEqual(['3.1', '96.20']);
    press('y', { ctrlKey: true });
    expect([text('1-2021-actual'), text('2-2021-actual')]).toEqual(['3.2', '97']);
    press('Z', { metaKey: true, shiftKey: true });
    expect(text('1-2021-actual')).toBe('3.2'); // nothing left to redo
    await waitFor(() => expect(lastStatus()).toContain('没有可重做的操作'));
    press('z', { metaKey: true });
    await waitFor(() => expect(saves(core.calls)).toHaveLength(4));
    expect(saves(core.calls).map((changes) => changes.map((c) => c.text))).toEqual([
      ['3.2', '97'],
      ['3.1', '96.20'],
      ['3.2', '97'],
      ['3.1', '96.20'],
    ]);
    expect(saves(core.calls)[1]!.map((c) => `${c.indicatorId}/${c.year}/${c.kind}`)).toEqual([
      '1/2021/actual',
      '2/2021/actual',
    ]);
    expect(text('1-2021-actual')).toBe('3.1');
    await waitFor(() => expect(lastStatus()).toMatch(/^已保存 .* · 已撤销（2 个单元格）$/));
  });

  it('leaves Ctrl+Z to the text box while a cell is being edited', async () => {
    await openSheet();
    select(td('1-2023-actual'));
    type('7');
    expect(press('z', { ctrlKey: true })).toBe(true);
  });

  it('enters edit mode on compositionstart and keeps the IME text, first character included', async () => {
    const { core } = await openSheet();
    select(td('3-2023-actual'));
    const el = editor();
    expect(el.className).toContain('sheet-editor-idle');

    fireEvent.compositionStart(el, { data: '' });
    expect(editor()).toBe(el); // the same element: the IME keeps writing into it
    expect(el.className).toContain('sheet-editor-open');
    fireEvent.compositionUpdate(el, { data: 'w' });
    el.value = 'w';
    fireEvent.input(el, { isComposing: true });
    fireEvent.compositionUpdate(el, { data: 'wen' });
    el.value = 'wen';
    fireEvent.input(el, { isComposing: true });
    // Enter picks the candidate inside the IME; it must not commit the cell.
    fireEvent.keyDown(el, { key: 'Enter', keyCode: 229, isComposing: true });
    expect(el.className).toContain('sheet-editor-open');
    el.value = '稳步';
    fireEvent.compositionEnd(el, { data: '稳步' });
    fireEvent.input(el);
    expect(editor()).toBe(el);
    expect(el.value).toBe('稳步');
    type('提升');
    press('Enter');
    expect(text('3-2023-actual')).toBe('稳步提升');
    await waitFor(() =>
      expect(saves(core.calls)).toEqual([[{ indicatorId: 3, year: 2023, kind: 'actual', text: '稳步提升' }]]),
    );
  });

  it('throws away text typed over a read-only cell and says the column is read-only', async () => {
    const { core, lastStatus } = await openSheet();
    fireEvent.mouseDown(screen.getByTestId('indicator-row-1').querySelector('td[data-col="1"]')!);
    type('x');
    expect(editor().value).toBe('');
    await waitFor(() => expect(lastStatus()).toContain('此列只读'));
    expect(saves(core.calls)).toEqual([]);
  });

  it('copies the selection as TSV and as an HTML table', async () => {
    await openSheet();
    select(td('1-2021-target'));
    select(td('2-2021-actual'), true);
    const setData = vi.fn();
    fireEvent.copy(editor(), { clipboardData: { setData } });
    expect(setData).toHaveBeenCalledWith('text/plain', '3.035\t3.1\r\n≥95\t96.20\r\n');
    expect(setData).toHaveBeenCalledWith(
      'text/html',
      '<table><tr><td>3.035</td><td>3.1</td></tr><tr><td>≥95</td><td>96.20</td></tr></table>',
    );
  });

  it('marks suspect values: text without a number, a percentage over 100', async () => {
    await openSheet();
    expect(screen.getByTestId('issue-3-2022-target').getAttribute('aria-label')).toBe(
      '“稳步提升”不含可比较的数字：已按原文保存，不参与达标判断',
    );
    expect(screen.queryByTestId('issue-2-2023-target')).toBeNull();
    select(td('2-2023-target'));
    type('150');
    press('Enter');
    expect(screen.getByTestId('issue-2-2023-target').getAttribute('aria-label')).toBe('百分比 150 超过 100，请核对');
    // ≥95 on the same % indicator is fine; 96.20 has more decimals than the plan's targets use.
    expect(screen.queryByTestId('issue-2-2021-target')).toBeNull();
    expect(screen.getByTestId('issue-2-2021-actual').getAttribute('aria-label')).toBe(
      '写了 2 位小数，本指标的目标通常只用 0 位，请核对',
    );
    // Clearing the cell clears its mark.
    press('ArrowUp');
    press('Delete');
    expect(screen.queryByTestId('issue-2-2023-target')).toBeNull();
  });

  it('opens the definitions panel from the name cell and the context menu', async () => {
    await openSheet();
    fireEvent.doubleClick(screen.getByTestId('indicator-row-2').querySelector('td[data-col="1"]')!);
    const drawer = await screen.findByTestId('definition-drawer');
    const name = within(drawer).getByLabelText('指标名称') as HTMLInputElement;
    const indicator2 = screen.getByTestId('indicator-row-2').querySelector('td[data-col="1"]')!.textContent!;
    expect(indicator2).toContain(name.value);
    expect(name.value).not.toBe('');
    fireEvent.click(within(drawer).getByRole('button', { name: /取\s*消|关\s*闭|Close/ }));
    fireEvent.contextMenu(screen.getByTestId('category-row-20').querySelector('td')!);
    await act(async () => {
      fireEvent.click(await screen.findByText('新增指标'));
    });
    const fresh = await screen.findByTestId('definition-drawer');
    await waitFor(() => expect((within(fresh).getByLabelText('指标名称') as HTMLInputElement).value).toBe(''));
  });
});
