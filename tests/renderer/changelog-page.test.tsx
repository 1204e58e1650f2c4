// 修改记录 against a fake core: entries named from the plan, before → after as text, filters, paging, revert.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { StatusInfo } from '../../src/renderer/src/lib/status';
import { ChangeLogPage } from '../../src/renderer/src/pages/ChangeLogPage';
import type { IpcResult } from '../../src/shared/errors';
import type { ChangeLogEntry, PlanDetail } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';
import { choose } from './antd-select';

type Call = { channel: string; args: Record<string, unknown> };

const AT = '2024-03-01T08:00:00.000Z';
const value = (text: string) => ({
  ...parseValue(text),
  year: 2023,
  kind: 'actual',
  note: null,
  updatedAt: AT,
  updatedBy: 'web',
});

function detail(): PlanDetail {
  const d = buildPlanDetail();
  d.departments = [{ id: 7, name: '登记注册科' }];
  return d;
}

function entry(partial: Partial<ChangeLogEntry> & Pick<ChangeLogEntry, 'id' | 'entity'>): ChangeLogEntry {
  return {
    at: AT,
    actor: 'web',
    planId: 1,
    entityId: 1,
    field: null,
    op: 'update',
    before: null,
    after: null,
    ...partial,
  };
}

const ENTRIES: ChangeLogEntry[] = [
  entry({
    id: 6,
    entity: 'indicator',
    entityId: 2,
    field: 'position',
    before: { categoryId: 10, seq: '2', sortOrder: 2 },
    after: { categoryId: 20, seq: '3', sortOrder: 3 },
  }),
  entry({
    id: 5,
    entity: 'indicator_value',
    field: '2023/actual',
    before: value('3.1'),
    after: value('3.3'),
    actor: '张三',
  }),
  entry({ id: 4, entity: 'action', field: 'departmentId', before: null, after: 7 }),
  entry({
    id: 3,
    entity: 'task',
    // Whole tasks, as the core logs them: a task has a text too, which must not be taken for a value's text.
    before: { title: '实施市场主体全生命周期管理服务集成改革', text: '正文', deadline: null, updatedAt: AT },
    after: {
      title: '实施市场主体全生命周期管理服务集成改革',
      text: '正文',
      deadline: '2025-06',
      updatedAt: '2024-03-02T00:00:00Z',
    },
  }),
  entry({
    id: 2,
    entity: 'action_progress',
    field: '2023',
    op: 'create',
    after: {
      year: 2023,
      text: '<img src=x onerror=alert(1)>已启动',
      status: 'in_progress',
      updatedAt: AT,
      updatedBy: 'web',
    },
  }),
  entry({
    id: 1,
    entity: 'indicator',
    entityId: 99,
    op: 'delete',
    before: { id: 99, name: '已删除的指标', unit: '%' },
  }),
];

function fakeCore(calls: Call[], revert?: () => IpcResult<unknown>): Transport {
  return async (channel, raw) => {
    const args = raw as Record<string, unknown>;
    calls.push({ channel, args });
    if (channel === 'plan/get') return ok(detail());
    if (channel === 'changelog/list') return ok({ total: 45, entries: ENTRIES });
    if (channel === 'changelog/revert') return revert ? revert() : ok(entry({ id: 6, entity: 'indicator_value' }));
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
  };
}

async function renderPage(transport: Transport) {
  const statuses: StatusInfo[] = [];
  renderWithApi(<ChangeLogPage planId={1} onStatus={(s) => statuses.push(s)} />, transport);
  await screen.findByTestId('changelog-entry-5', {}, { timeout: 5000 });
  return statuses;
}

const listCalls = (calls: Call[]) => calls.filter((c) => c.channel === 'changelog/list').map((c) => c.args);
const text = (id: string) => screen.getByTestId(id).textContent;

describe('ChangeLogPage', () => {
  it('asks for the plan’s log and shows each entry: time, who, what, before → after', async () => {
    const calls: Call[] = [];
    const statuses = await renderPage(fakeCore(calls));
    expect(screen.getByTestId('changelog-page')).toBeTruthy();
    expect(listCalls(calls)).toEqual([{ planId: 1, limit: 20, offset: 0 }]);
    const rows = [...document.querySelectorAll('tr[data-testid^="changelog-entry-"]')];
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(
      [6, 5, 4, 3, 2, 1].map((id) => `changelog-entry-${id}`),
    );

    const row5 = screen.getByTestId('changelog-entry-5');
    const local = new Intl.DateTimeFormat('zh-CN', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false,
    }).format(new Date(AT));
    expect(within(row5).getByText(local)).toBeTruthy();
    expect(local).toMatch(/^2024\/0[23]\/0[12] \d{2}:00:00$/);
    expect(within(row5).getByText('张三')).toBeTruthy();
    expect(text('changelog-what-5')).toBe('修改指标值在册市场主体总量2023年 实际');
    expect([text('changelog-before-5'), text('changelog-after-5')]).toEqual(['3.1', '3.3']);

    expect(text('changelog-what-4')).toBe('修改行动市场主体倍增行动牵头科室');
    expect([text('changelog-before-4'), text('changelog-after-4')]).toEqual(['（空）', '登记注册科']);
    // Two records: only the field that differs, no JSON.
    expect([text('changelog-before-3'), text('changelog-after-3')]).toEqual(['完成期限: （空）', '完成期限: 2025-06']);
    expect(text('changelog-what-2')).toBe('新增行动进展市场主体倍增行动2023年');
    expect(text('changelog-after-2')).toBe('<img src=x onerror=alert(1)>已启动 · 推进中');
    expect(screen.getByTestId('changelog-entry-2').querySelector('img')).toBeNull();
    // A deleted indicator is named from the snapshot kept in the entry.
    expect(text('changelog-what-1')).toBe('删除指标已删除的指标');
    expect([text('changelog-before-1'), text('changelog-after-1')]).toEqual(['已删除的指标', '（空）']);
    // A move: the category by name; moves cannot be undone, so its 撤销 is disabled.
    expect(text('changelog-what-6')).toBe('修改指标公司制企业占企业总数比重位置');
    expect([text('changelog-before-6'), text('changelog-after-6')]).toEqual([
      '类别: 主体活力; 顺序: 2',
      '类别: 质量提升; 顺序: 3',
    ]);
    expect((screen.getByTestId('changelog-revert-6') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('changelog-revert-5') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText('共 45 条')).toBeTruthy();
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '共 45 条修改记录' }));
  });

  it('sends the year, indicator, entity and date filters, and pages with offset/limit', async () => {
    const calls: Call[] = [];
    await renderPage(fakeCore(calls));

    await choose('changelog-filter-year', '2023年');
    await waitFor(() => expect(listCalls(calls).at(-1)).toEqual({ planId: 1, year: 2023, limit: 20, offset: 0 }));

    await choose('changelog-filter-indicator', '1 在册市场主体总量');
    await waitFor(() =>
      expect(listCalls(calls).at(-1)).toEqual({
        planId: 1,
        year: 2023,
        entity: 'indicator_value',
        entityId: 1,
        limit: 20,
        offset: 0,
      }),
    );
    // The entity filter follows the indicator.
    expect(within(screen.getByTestId('changelog-filter-entity')).getByText('指标值')).toBeTruthy();

    fireEvent.click(screen.getByTestId('changelog-filter-reset'));
    await waitFor(() => expect(listCalls(calls).at(-1)).toEqual({ planId: 1, limit: 20, offset: 0 }));

    await choose('changelog-filter-entity', '任务');
    await waitFor(() => expect(listCalls(calls).at(-1)).toEqual({ planId: 1, entity: 'task', limit: 20, offset: 0 }));

    const [from, to] = screen.getByTestId('changelog-filter-range').querySelectorAll('input');
    fireEvent.mouseDown(from!);
    fireEvent.focus(from!);
    fireEvent.change(from!, { target: { value: '2024-01-02' } });
    fireEvent.keyDown(from!, { key: 'Enter' });
    fireEvent.change(to!, { target: { value: '2024-03-04' } });
    fireEvent.keyDown(to!, { key: 'Enter' });
    await waitFor(() =>
      expect(listCalls(calls).at(-1)).toEqual({
        planId: 1,
        entity: 'task',
        from: '2024-01-02',
        to: '2024-03-04',
        limit: 20,
        offset: 0,
      }),
    );

    await screen.findByTestId('changelog-entry-5', {}, { timeout: 5000 });
    fireEvent.click(document.querySelector('.ant-pagination-item-2')!);
    await waitFor(() => expect(listCalls(calls).at(-1)).toMatchObject({ limit: 20, offset: 20, entity: 'task' }));
  });

  it('reverts an entry after confirmation and reloads the log', async () => {
    const calls: Call[] = [];
    const statuses = await renderPage(fakeCore(calls));
    fireEvent.click(screen.getByTestId('changelog-revert-5'));
    // Nothing happens before the clerk confirms.
    expect(calls.some((c) => c.channel === 'changelog/revert')).toBe(false);
    const confirm = await waitFor(() => {
      const button = document.querySelector<HTMLButtonElement>('.ant-popconfirm .ant-btn-primary');
      if (!button) throw new Error('no confirmation');
      return button;
    });
    expect(document.querySelector('.ant-popconfirm')!.textContent).toContain('撤销这条修改？');
    await act(async () => fireEvent.click(confirm));
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已撤销第 5 条修改' }));
    expect(calls.filter((c) => c.channel === 'changelog/revert').map((c) => c.args)).toEqual([{ id: 5 }]);
    expect(listCalls(calls)).toHaveLength(2);
  });

  it('says why a revert failed', async () => {
    const message = '该值已被再次修改，无法撤销。';
    const statuses = await renderPage(fakeCore([], () => ({ ok: false, error: { code: 'CONFLICT', message } })));
    fireEvent.click(screen.getByTestId('changelog-revert-4'));
    const confirm = await waitFor(() => {
      const button = document.querySelector<HTMLButtonElement>('.ant-popconfirm .ant-btn-primary');
      if (!button) throw new Error('no confirmation');
      return button;
    });
    await act(async () => fireEvent.click(confirm));
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'error', text: `撤销失败：${message}` }));
  });

  it('shows the core’s message when the log cannot be read', async () => {
    const core: Transport = async (channel) =>
      channel === 'plan/get'
        ? ok(detail())
        : { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: '未知的调用：changelog/list' } };
    const statuses: StatusInfo[] = [];
    renderWithApi(<ChangeLogPage planId={1} onStatus={(s) => statuses.push(s)} />, core);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('未知的调用：changelog/list');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'error', text: '出错：未知的调用：changelog/list' }));
  });
});
