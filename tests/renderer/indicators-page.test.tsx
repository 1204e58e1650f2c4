// IndicatorsPage against a fake transport serving a small PlanDetail: grouping, verbatim values, states.
import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { IpcResult } from '../../src/shared/errors';
import { IndicatorsPage } from '../../src/renderer/src/pages/IndicatorsPage';
import type { StatusInfo } from '../../src/renderer/src/lib/status';
import type { Transport } from '../../src/renderer/src/lib/api';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

function detailTransport(calls: { channel: string; args: unknown }[] = []): Transport {
  return async (channel, args) => {
    calls.push({ channel, args });
    return ok(buildPlanDetail());
  };
}

describe('IndicatorsPage', () => {
  it('asks for the plan and lists indicators grouped by category in sortOrder', async () => {
    const calls: { channel: string; args: unknown }[] = [];
    renderWithApi(<IndicatorsPage planId={1} />, detailTransport(calls));
    await screen.findByTestId('indicator-row-1');

    expect(calls).toEqual([{ channel: 'plan/get', args: { plan: 1 } }]);
    const rows = [...document.querySelectorAll('tr[data-testid^="indicator-row-"]')];
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual([
      'indicator-row-1',
      'indicator-row-2',
      'indicator-row-3',
    ]);
    // antd's own row key stays on the row element as well.
    expect(rows[0]!.getAttribute('data-row-key')).toBe('1');
  });

  it('heads each category group with a row of its own, as in 附件1', async () => {
    renderWithApi(<IndicatorsPage planId={1} />, detailTransport());
    await screen.findByTestId('indicator-row-1');

    const rows = [...document.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-testid'));
    const heads = [...document.querySelectorAll('tr.sheet-category-row')].map((tr) => tr.textContent);
    expect(heads.map((h) => h?.trim())).toEqual([
      expect.stringContaining('主体活力'),
      expect.stringContaining('质量提升'),
    ]);
    const first = rows.findIndex((r) => r?.startsWith('category-row-'));
    expect(rows.slice(first, first + 3)).toEqual([
      expect.stringMatching(/^category-row-/),
      'indicator-row-1',
      'indicator-row-2',
    ]);
    expect(within(screen.getByTestId('indicator-row-1')).queryByText('主体活力')).toBeNull();
  });

  it('shows every value verbatim, empty cells for missing ones, and year groups for the whole plan', async () => {
    renderWithApi(<IndicatorsPage planId={1} />, detailTransport());
    await screen.findByTestId('indicator-row-1');

    const text = (id: string) => screen.getByTestId(id).textContent;
    expect(text('value-1-2021-target')).toBe('3.035');
    expect(text('value-1-2021-actual')).toBe('3.1');
    expect(text('value-2-2021-target')).toBe('≥95');
    expect(text('value-2-2021-actual')).toBe('96.20');
    expect(text('value-3-2022-target')).toBe('稳步提升');
    expect(text('value-1-2023-target')).toBe('');
    expect(text('value-1-2025-target')).toBe('5.05');
    expect(screen.queryByText('3.04')).toBeNull();
    expect(text('base-1')).toBe('2.6336');

    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      expect(screen.getAllByText(`${year}年`).length).toBeGreaterThan(0);
    }
    expect(screen.getAllByText('基期值（2020年）').length).toBeGreaterThan(0);
    const row3 = screen.getByTestId('indicator-row-3');
    expect(within(row3).getByText('—')).toBeTruthy();
  });

  it('marks values without a comparable number and only those', async () => {
    renderWithApi(<IndicatorsPage planId={1} />, detailTransport());
    await screen.findByTestId('indicator-row-3');

    const marker = screen.getByTestId('issue-3-2022-target');
    expect(marker.getAttribute('aria-label')).toContain('稳步提升');
    const notNumber = [...document.querySelectorAll('[data-testid^="issue-"]')].filter((m) =>
      m.getAttribute('aria-label')?.includes('不含可比较的数字'),
    );
    expect(notNumber).toEqual([marker]);
    // '96.20' carries more decimals than the plan's targets use: a different mark on a different cell.
    expect(screen.getByTestId('issue-2-2021-actual').getAttribute('aria-label')).toContain('小数');
  });

  it('renders database text as text, never as markup', async () => {
    renderWithApi(<IndicatorsPage planId={1} />, detailTransport());
    const row3 = await screen.findByTestId('indicator-row-3');
    expect(row3.textContent).toContain('<b>按年度评估</b>');
    expect(row3.querySelector('b')).toBeNull();
  });

  it('shows a spinner while loading and reports the count to the status line when done', async () => {
    let release: (r: IpcResult<unknown>) => void = () => {};
    const pending: Transport = () => new Promise((resolve) => (release = resolve));
    const statuses: StatusInfo[] = [];
    renderWithApi(<IndicatorsPage planId={1} onStatus={(s) => statuses.push(s)} />, pending);

    expect(screen.getByTestId('query-loading').querySelector('.ant-spin')).not.toBeNull();
    release(ok(buildPlanDetail()));
    await screen.findByTestId('indicator-row-1');
    expect(screen.queryByTestId('query-loading')).toBeNull();
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已加载 3 项指标' }));
    expect(statuses[0]).toEqual({ tone: 'loading', text: '正在加载…' });
  });

  it('shows the ApiError message in an error Alert when the core refuses', async () => {
    const message = '访问令牌无效：请使用启动时打印的完整地址（含 token）打开。';
    const refusing: Transport = async () => ({ ok: false, error: { code: 'FORBIDDEN', message } });
    const statuses: StatusInfo[] = [];
    renderWithApi(<IndicatorsPage planId={1} onStatus={(s) => statuses.push(s)} />, refusing);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain('加载失败');
    expect(screen.queryByTestId('indicator-row-1')).toBeNull();
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'error', text: `出错：${message}` }));
  });
});
