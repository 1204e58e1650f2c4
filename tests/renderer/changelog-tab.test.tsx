// The window with the new tab: 修改记录 sits between 报表 and 设置, and the progress year is shared by
// 十大行动 and 主要任务 across tab switches.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import App from '../../src/renderer/src/App';
import type { Transport } from '../../src/renderer/src/lib/api';
import { buildPlanDetail, ok, planSummary } from './plan-fixture';
import { renderWithApi } from './render-with-api';

function fakeCore(calls: { channel: string; args: unknown }[]): Transport {
  return async (channel, args) => {
    calls.push({ channel, args });
    if (channel === 'plan/list') return ok([planSummary]);
    if (channel === 'plan/get') return ok(buildPlanDetail());
    if (channel === 'changelog/list') return ok({ total: 0, entries: [] });
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
  };
}

const statusText = () => screen.getByTestId('status-line').textContent;
const selectedYear = () =>
  screen.getByTestId('work-year').querySelector('.ant-segmented-item-selected')?.textContent ?? null;

describe('App with 修改记录', () => {
  it('has 修改记录 after 报表 and before 设置, and opens the plan’s change log', async () => {
    const calls: { channel: string; args: unknown }[] = [];
    renderWithApi(<App />, fakeCore(calls));
    await screen.findByRole('tab', { name: '修改记录' }, { timeout: 5000 });
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      '主要指标',
      '十大行动',
      '主要任务',
      '年度监测',
      '报表',
      '修改记录',
      '设置',
    ]);
    fireEvent.click(screen.getByRole('tab', { name: '修改记录' }));
    await screen.findByTestId('changelog-page', {}, { timeout: 5000 });
    expect(calls).toContainEqual({ channel: 'changelog/list', args: { planId: 1, limit: 20, offset: 0 } });
    await waitFor(() => expect(statusText()).toBe('共 0 条修改记录'));
    expect(screen.getByText('没有符合条件的修改记录')).toBeTruthy();
  });

  it('keeps the chosen progress year when switching between 十大行动 and 主要任务', async () => {
    renderWithApi(<App />, fakeCore([]));
    fireEvent.click(await screen.findByRole('tab', { name: '十大行动' }, { timeout: 5000 }));
    await screen.findByTestId('action-row-1', {}, { timeout: 5000 });
    fireEvent.click(within(screen.getByTestId('work-year')).getByText('2022年'));
    await waitFor(() => expect(selectedYear()).toBe('2022年'));

    fireEvent.click(screen.getByRole('tab', { name: '主要任务' }));
    await screen.findByTestId('task-row-1-1', {}, { timeout: 5000 });
    expect(selectedYear()).toBe('2022年');
    expect(screen.getAllByText('2022年进展').length).toBeGreaterThan(0);
    await waitFor(() => expect(statusText()).toBe('已加载 1 项任务'));
  });
});
