// The whole window against a fake core: header, default plan, tabs, status line, plan-list failure.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import App from '../../src/renderer/src/App';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { PlanSummary } from '../../src/shared/model';
import { buildPlanDetail, ok, planSummary } from './plan-fixture';
import { buildAppendix1, fontRoles } from './report-fixture';
import { renderWithApi } from './render-with-api';

const otherPlan: PlanSummary = { ...planSummary, id: 2, shortName: '十五五', title: '磐安县市场监督管理“十五五”规划' };

function fakeCore(calls: { channel: string; args: unknown }[] = []): Transport {
  return async (channel, args) => {
    calls.push({ channel, args });
    if (channel === 'plan/list') return ok([planSummary, otherPlan]);
    if (channel === 'plan/get') return ok(buildPlanDetail());
    if (channel === 'report/appendices') return ok([buildAppendix1()]);
    if (channel === 'settings/fonts') return ok(fontRoles);
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
  };
}

const statusText = () => screen.getByTestId('status-line').textContent;

describe('App', () => {
  it('shows the app name, defaults to the first plan and reports the indicator count', async () => {
    const calls: { channel: string; args: unknown }[] = [];
    renderWithApi(<App />, fakeCore(calls));

    expect(screen.getByTestId('app-name').textContent).toBe('PlanDesk 规划指标台账');
    await screen.findByTestId('indicator-row-1');
    expect(screen.getByText('十四五 · 磐安县市场监督管理“十四五”规划')).toBeTruthy();
    expect(calls).toContainEqual({ channel: 'plan/get', args: { plan: 1 } });
    await waitFor(() => expect(statusText()).toBe('已加载 3 项指标'));
  });

  it('switches to the read-only 十大行动 and 主要任务 tables', async () => {
    renderWithApi(<App />, fakeCore());
    await screen.findByTestId('indicator-row-1');

    fireEvent.click(screen.getByRole('tab', { name: '十大行动' }));
    await screen.findByTestId('actions-page');
    expect(screen.getByText('市场主体倍增行动')).toBeTruthy();
    expect(screen.getByText('年新增市场主体保持在15%以上。')).toBeTruthy();
    for (const header of ['序号', '名称', '主要目标', '备注'])
      expect(screen.getAllByText(header).length).toBeGreaterThan(0);
    await waitFor(() => expect(statusText()).toBe('已加载 1 项行动'));

    fireEvent.click(screen.getByRole('tab', { name: '主要任务' }));
    await screen.findByTestId('tasks-page');
    expect(screen.getByText('一、在激发市场主体活力上先行先试')).toBeTruthy();
    // The full text is shown, its leading title in bold.
    const title = screen.getByText('实施市场主体全生命周期管理服务集成改革');
    expect(title.closest('td')?.textContent).toBe('实施市场主体全生命周期管理服务集成改革。依托“浙企链”应用系统……');
    await waitFor(() => expect(statusText()).toBe('已加载 1 项任务'));
  });

  it('shows the error in an Alert and in the status line when the plan list cannot be loaded', async () => {
    const message = '无法连接到 PlanDesk 服务，请确认程序仍在运行，然后刷新页面。';
    renderWithApi(<App />, () => Promise.reject(new TypeError('Failed to fetch')));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(screen.getByTestId('status-line').getAttribute('data-tone')).toBe('error');
    expect(statusText()).toBe(`出错：${message}`);
  });

  it('has the tabs in order and reaches 报表 and 设置', async () => {
    const calls: { channel: string; args: unknown }[] = [];
    renderWithApi(<App />, fakeCore(calls));
    await screen.findByTestId('indicator-row-1');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      '主要指标',
      '十大行动',
      '主要任务',
      '年度监测',
      '报表',
      '修改记录',
      '设置',
    ]);

    fireEvent.click(screen.getByRole('tab', { name: '报表' }));
    await screen.findByTestId('report-preview');
    expect(calls).toContainEqual({ channel: 'report/appendices', args: { plan: 1, appendix: '1' } });
    await waitFor(() => expect(statusText()).toBe('已生成附件1预览，共 3 行'));

    fireEvent.click(screen.getByRole('tab', { name: '设置' }));
    await screen.findByTestId('font-role-fangsong');
    await waitFor(() => expect(statusText()).toBe('已加载 4 种字体角色'));
  });
});
