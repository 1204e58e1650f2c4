// 修改记录 of a value cell: opened from the context menu or Alt+H, lists the cell's changes newest first, and a
// revert calls changelog/revert, updates the cell and reloads the plan.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ChangeLogEntry, IndicatorValue, PlanDetail } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';
import type { Transport } from '../../src/renderer/src/lib/api';
import { IndicatorsPage } from '../../src/renderer/src/pages/IndicatorsPage';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

const value = (text: string, at: string, by: string): IndicatorValue => ({
  ...parseValue(text),
  year: 2021,
  kind: 'actual',
  note: null,
  updatedAt: at,
  updatedBy: by,
});

function entry(id: number, at: string, actor: string, before: string | null, after: string | null): ChangeLogEntry {
  return {
    id,
    at,
    actor,
    planId: 1,
    entity: 'indicator_value',
    entityId: 1,
    field: '2021/actual',
    op: before === null ? 'create' : after === null ? 'delete' : 'update',
    before: before === null ? null : value(before, at, actor),
    after: after === null ? null : value(after, at, actor),
  };
}

// Listed oldest first on purpose: the drawer must sort newest first itself.
const ENTRIES = [
  entry(11, '2024-03-01T08:00:00.000Z', '张三', null, '3.0'),
  entry(12, '2024-03-02T09:30:00.000Z', '李四', '3.0', '3.1'),
];

function historyCore() {
  const calls: { channel: string; args: unknown }[] = [];
  let reverted = false;
  const plan = (): PlanDetail => {
    const d = buildPlanDetail();
    if (!reverted) return d;
    const ind = d.indicators.find((i) => i.id === 1)!;
    ind.values = ind.values.map((v) => (v.year === 2021 && v.kind === 'actual' ? value('3.0', 'now', 'clerk') : v));
    return d;
  };
  const transport: Transport = async (channel, args) => {
    calls.push({ channel, args });
    switch (channel) {
      case 'plan/get':
        return ok(plan());
      case 'changelog/list':
        return ok({ total: ENTRIES.length, entries: ENTRIES });
      case 'changelog/revert':
        reverted = true;
        return ok(entry(13, '2024-03-03T10:00:00.000Z', 'clerk', '3.1', '3.0'));
      default:
        return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
    }
  };
  return { calls, transport };
}

describe('cell history drawer', () => {
  it('lists the cell’s changes newest first and reverts one', async () => {
    const { calls, transport } = historyCore();
    renderWithApi(<IndicatorsPage planId={1} />, transport);
    const cell = (await screen.findByTestId('value-1-2021-actual')).closest('td')!;
    fireEvent.mouseDown(cell, { button: 2 });
    fireEvent.contextMenu(cell);
    await act(async () => {
      fireEvent.click(await screen.findByText('查看修改记录'));
    });

    const drawer = await screen.findByTestId('cell-history');
    expect(drawer.textContent).toContain('1 在册市场主体总量 · 2021年实际');
    await screen.findByTestId('history-entry-0');
    expect(calls.find((c) => c.channel === 'changelog/list')!.args).toEqual({
      planId: 1,
      entity: 'indicator_value',
      entityId: 1,
      field: '2021/actual',
      limit: 200,
    });
    const first = screen.getByTestId('history-entry-0');
    expect(first.textContent).toContain('3.0');
    expect(first.textContent).toContain('3.1');
    expect(first.textContent).toContain('李四');
    expect(first.textContent).toMatch(/3\.0\s*→\s*3\.1/);
    expect(screen.getByTestId('history-entry-1').textContent).toMatch(/（空）\s*→\s*3\.0/);
    expect(screen.getByTestId('history-entry-1').textContent).toContain('张三');

    fireEvent.click(within(drawer).getByTestId('history-revert-0'));
    await waitFor(() => expect(calls.some((c) => c.channel === 'changelog/revert')).toBe(true));
    expect(calls.find((c) => c.channel === 'changelog/revert')!.args).toEqual({ id: 12 });
    await waitFor(() => expect(calls.filter((c) => c.channel === 'plan/get')).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('value-1-2021-actual').textContent).toBe('3.0'));
    // The list is read again after the revert.
    await waitFor(() => expect(calls.filter((c) => c.channel === 'changelog/list')).toHaveLength(2));
  });

  it('opens with Alt+H on the active value cell', async () => {
    const { calls, transport } = historyCore();
    renderWithApi(<IndicatorsPage planId={1} />, transport);
    const cell = (await screen.findByTestId('value-1-2021-actual')).closest('td')!;
    fireEvent.mouseDown(cell);
    fireEvent.keyDown(screen.getByTestId('sheet-editor'), { key: 'h', code: 'KeyH', altKey: true });
    await screen.findByTestId('history-entry-0');
    expect(calls.filter((c) => c.channel === 'changelog/list')).toHaveLength(1);
  });
});
