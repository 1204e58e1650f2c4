// 十大行动 editing against a fake core: progress text and status per year, 牵头科室, 备注, failures and retry.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { StatusInfo } from '../../src/renderer/src/lib/status';
import { ActionsPage } from '../../src/renderer/src/pages/ActionsPage';
import type { IpcResult } from '../../src/shared/errors';
import type { Action, PlanDetail, ProgressEntry } from '../../src/shared/model';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';
import { choose } from './antd-select';

type Call = { channel: string; args: unknown };
type Answer = (channel: string, args: Record<string, unknown>) => IpcResult<unknown> | undefined;

const AT = '2026-05-01T08:00:00.000Z';

function detail(): PlanDetail {
  const d = buildPlanDetail();
  d.departments = [
    { id: 7, name: '登记注册科' },
    { id: 8, name: '质量发展科' },
  ];
  const second: Action = {
    id: 2,
    seq: '2',
    name: '营商环境优化行动',
    goal: '<b>持续</b>优化营商环境。\n第二行目标。',
    departmentId: 7,
    remark: '原备注',
    sortOrder: 2,
    progress: [{ year: 2022, text: '已完成年度目标', status: 'done', updatedAt: AT, updatedBy: 'clerk' }],
  };
  d.actions = [second, ...d.actions];
  return d;
}

/** Serves plan/get and echoes saves back the way the core stores them; `answer` may override a reply. */
function fakeCore(calls: Call[], answer?: Answer): Transport {
  return async (channel, raw) => {
    const args = raw as Record<string, unknown>;
    calls.push({ channel, args });
    const special = answer?.(channel, args);
    if (special) return special;
    if (channel === 'plan/get') return ok(detail());
    if (channel === 'action/set-progress') {
      const p = args.progress as { year: number; text: string; status: ProgressEntry['status'] };
      return ok(p.text === '' && p.status === null ? null : { ...p, updatedAt: AT, updatedBy: 'web' });
    }
    if (channel === 'action/update') {
      const base = detail().actions.find((a) => a.id === args.actionId)!;
      return ok({ ...base, ...(args.fields as object) });
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
  };
}

async function renderPage(transport: Transport) {
  const statuses: StatusInfo[] = [];
  renderWithApi(<ActionsPage planId={1} onStatus={(s) => statuses.push(s)} />, transport);
  await screen.findByTestId('action-row-1', {}, { timeout: 5000 });
  return statuses;
}

const textarea = (id: string) => screen.getByTestId(id) as HTMLTextAreaElement;
const saves = (calls: Call[], channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.args);

function pickYear(year: number) {
  fireEvent.click(within(screen.getByTestId('work-year')).getByText(`${year}年`));
}

describe('ActionsPage', () => {
  it('lists the actions in order with goal, department, remark and the default year clamped into the plan', async () => {
    const statuses = await renderPage(fakeCore([]));
    const rows = [...document.querySelectorAll('tr[data-testid^="action-row-"]')];
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(['action-row-1', 'action-row-2']);

    const year = Math.min(Math.max(new Date().getFullYear(), 2021), 2025);
    const selected = screen.getByTestId('work-year').querySelector('.ant-segmented-item-selected');
    expect(selected?.textContent).toBe(`${year}年`);
    expect(screen.getAllByText(`${year}年进展`).length).toBeGreaterThan(0);
    for (const header of ['序号', '名称', '主要目标', '牵头科室', '备注'])
      expect(screen.getAllByText(header).length).toBeGreaterThan(0);

    const row2 = screen.getByTestId('action-row-2');
    // Database text is shown as text: the markup is visible, not rendered, and line breaks are kept.
    expect(row2.textContent).toContain('<b>持续</b>优化营商环境。');
    expect(row2.querySelector('b')).toBeNull();
    expect(within(row2).getByText('登记注册科')).toBeTruthy();
    expect((screen.getByTestId('action-remark-2') as HTMLTextAreaElement).value).toBe('原备注');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已加载 2 项行动' }));
  });

  it('shows the chosen year’s progress and status', async () => {
    await renderPage(fakeCore([]));
    pickYear(2022);
    await waitFor(() => expect(textarea('action-progress-2').value).toBe('已完成年度目标'));
    expect(screen.getByTestId('action-status-2').getAttribute('data-status')).toBe('done');
    expect(within(screen.getByTestId('action-status-2')).getByText('已完成')).toBeTruthy();
    expect(screen.getAllByText('2022年进展').length).toBeGreaterThan(0);
    pickYear(2023);
    await waitFor(() => expect(textarea('action-progress-2').value).toBe(''));
    expect(screen.getByTestId('action-status-2').getAttribute('data-status')).toBe('');
  });

  it('saves the progress text on blur with the chosen year, and reports 正在保存… then 已保存', async () => {
    const calls: Call[] = [];
    const statuses = await renderPage(fakeCore(calls));
    pickYear(2023);
    const box = textarea('action-progress-1');
    fireEvent.change(box, { target: { value: '新增市场主体 2.1 万户' } });
    expect(saves(calls, 'action/set-progress')).toEqual([]);
    fireEvent.blur(box);
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已保存' }));
    expect(statuses.at(-2)).toEqual({ tone: 'loading', text: '正在保存…' });
    expect(saves(calls, 'action/set-progress')).toEqual([
      { planId: 1, actionId: 1, progress: { year: 2023, text: '新增市场主体 2.1 万户', status: null } },
    ]);
    expect(textarea('action-progress-1').value).toBe('新增市场主体 2.1 万户');

    // Blurring again without a change sends nothing more.
    fireEvent.blur(textarea('action-progress-1'));
    expect(saves(calls, 'action/set-progress')).toHaveLength(1);
  });

  it('saves on Ctrl+Enter once, even when the field is blurred right after', async () => {
    const calls: Call[] = [];
    await renderPage(fakeCore(calls));
    pickYear(2024);
    const box = textarea('action-progress-1');
    fireEvent.change(box, { target: { value: '推进顺利' } });
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true });
    fireEvent.blur(box);
    await waitFor(() => expect(saves(calls, 'action/set-progress')).toHaveLength(1));
    expect(saves(calls, 'action/set-progress')[0]).toEqual({
      planId: 1,
      actionId: 1,
      progress: { year: 2024, text: '推进顺利', status: null },
    });
  });

  it('saves a status change at once, with the year’s text, and shows it as a coloured tag', async () => {
    const calls: Call[] = [];
    const statuses = await renderPage(fakeCore(calls));
    pickYear(2022);
    await choose('action-status-2', '滞后');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已保存' }));
    expect(saves(calls, 'action/set-progress')).toEqual([
      { planId: 1, actionId: 2, progress: { year: 2022, text: '已完成年度目标', status: 'lagging' } },
    ]);
    const select = screen.getByTestId('action-status-2');
    expect(select.getAttribute('data-status')).toBe('lagging');
    expect(select.querySelector('.ant-tag-error, .ant-tag-red')).not.toBeNull();
  });

  it('saves the chosen 牵头科室 through action/update', async () => {
    const calls: Call[] = [];
    const statuses = await renderPage(fakeCore(calls));
    await choose('action-dept-1', '质量发展科');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已保存' }));
    expect(saves(calls, 'action/update')).toEqual([{ planId: 1, actionId: 1, fields: { departmentId: 8 } }]);
    expect(within(screen.getByTestId('action-dept-1')).getByText('质量发展科')).toBeTruthy();
  });

  it('saves 备注 on blur; an emptied remark is stored as null', async () => {
    const calls: Call[] = [];
    await renderPage(fakeCore(calls));
    fireEvent.change(textarea('action-remark-2'), { target: { value: '   ' } });
    fireEvent.blur(textarea('action-remark-2'));
    await waitFor(() =>
      expect(saves(calls, 'action/update')).toEqual([{ planId: 1, actionId: 2, fields: { remark: null } }]),
    );
  });

  it('keeps the typed text after a failed save, marks it, says 保存失败 and retries', async () => {
    const calls: Call[] = [];
    let fail = true;
    const core = fakeCore(calls, (channel) =>
      channel === 'action/set-progress' && fail
        ? { ok: false, error: { code: 'DB_ERROR', message: '数据库正忙' } }
        : undefined,
    );
    const statuses = await renderPage(core);
    pickYear(2023);
    fireEvent.change(textarea('action-progress-1'), { target: { value: '这段文字不能丢' } });
    fireEvent.blur(textarea('action-progress-1'));

    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'error', text: '保存失败：数据库正忙' }));
    expect(textarea('action-progress-1').value).toBe('这段文字不能丢');
    expect(screen.getByTestId('action-progress-1-error').textContent).toContain('数据库正忙');
    expect(textarea('action-progress-1').className).toContain('ant-input-status-error');
    // Blurring again does not resend silently; the retry button does.
    fireEvent.blur(textarea('action-progress-1'));
    expect(saves(calls, 'action/set-progress')).toHaveLength(1);

    fail = false;
    fireEvent.click(screen.getByTestId('action-progress-1-retry'));
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已保存' }));
    expect(saves(calls, 'action/set-progress')).toHaveLength(2);
    expect(screen.queryByTestId('action-progress-1-error')).toBeNull();
    expect(textarea('action-progress-1').value).toBe('这段文字不能丢');
  });

  it('keeps a failed department choice marked until retried', async () => {
    const core = fakeCore([], (channel) =>
      channel === 'action/update' ? { ok: false, error: { code: 'NOT_FOUND', message: '找不到该科室' } } : undefined,
    );
    const statuses = await renderPage(core);
    await choose('action-dept-1', '登记注册科');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'error', text: '保存失败：找不到该科室' }));
    expect(within(screen.getByTestId('action-dept-1')).getByText('登记注册科')).toBeTruthy();
    expect(screen.getByTestId('action-dept-1-retry')).toBeTruthy();
  });
});
