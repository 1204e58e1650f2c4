// 科室 management in 设置 against a fake core keeping a department list: add, rename, delete, failures.
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DepartmentsPanel } from '../../src/renderer/src/components/departments/DepartmentsPanel';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { StatusInfo } from '../../src/renderer/src/lib/status';
import { SettingsPage } from '../../src/renderer/src/pages/SettingsPage';
import type { Department } from '../../src/shared/model';
import { ok } from './plan-fixture';
import { fontRoles } from './report-fixture';
import { renderWithApi } from './render-with-api';

type Call = { channel: string; args: Record<string, unknown> };

/** A tiny core with a real list, so the panel's reloads show what was changed. */
function fakeCore(calls: Call[], refuseDelete?: string): Transport {
  let list: Department[] = [
    { id: 1, name: '登记注册科' },
    { id: 2, name: '<i>质量发展科</i>' },
  ];
  let next = 3;
  return async (channel, raw) => {
    const args = raw as Record<string, unknown>;
    calls.push({ channel, args });
    if (channel === 'department/list') return ok(list);
    if (channel === 'department/save') {
      const name = String(args.name);
      if (typeof args.id === 'number') {
        list = list.map((d) => (d.id === args.id ? { ...d, name } : d));
        return ok({ id: args.id, name });
      }
      const created = { id: next++, name };
      list = [...list, created];
      return ok(created);
    }
    if (channel === 'department/delete') {
      if (refuseDelete) return { ok: false, error: { code: 'CONFLICT', message: refuseDelete } };
      list = list.filter((d) => d.id !== args.id);
      return ok({ ok: true });
    }
    if (channel === 'settings/fonts') return ok(fontRoles);
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
  };
}

async function renderPanel(transport: Transport) {
  const statuses: StatusInfo[] = [];
  renderWithApi(<DepartmentsPanel onStatus={(s) => statuses.push(s)} />, transport);
  await screen.findByTestId('department-1', {}, { timeout: 5000 });
  return statuses;
}

const mutations = (calls: Call[]) => calls.filter((c) => c.channel !== 'department/list');
const names = () => [...document.querySelectorAll('[data-testid^="department-name-"]')].map((e) => e.textContent);

async function confirmPopup() {
  const button = await waitFor(() => {
    const b = document.querySelector<HTMLButtonElement>('.ant-popconfirm .ant-btn-primary');
    if (!b) throw new Error('no confirmation');
    return b;
  });
  await act(async () => fireEvent.click(button));
}

describe('DepartmentsPanel', () => {
  it('lists the departments as text', async () => {
    const calls: Call[] = [];
    await renderPanel(fakeCore(calls));
    expect(screen.getByTestId('departments')).toBeTruthy();
    expect(calls[0]).toEqual({ channel: 'department/list', args: {} });
    expect(names()).toEqual(['登记注册科', '<i>质量发展科</i>']);
    expect(screen.getByTestId('department-2').querySelector('i')).toBeNull();
  });

  it('adds a department and shows it after reloading', async () => {
    const calls: Call[] = [];
    const statuses = await renderPanel(fakeCore(calls));
    const input = screen.getByTestId('department-new-name') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '  综合执法队 ' } });
    fireEvent.click(screen.getByTestId('department-add'));
    await screen.findByTestId('department-3');
    expect(mutations(calls)).toEqual([{ channel: 'department/save', args: { name: '综合执法队' } }]);
    expect(names()).toEqual(['登记注册科', '<i>质量发展科</i>', '综合执法队']);
    expect(input.value).toBe('');
    expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已添加科室“综合执法队”' });
  });

  it('renames a department in place', async () => {
    const calls: Call[] = [];
    const statuses = await renderPanel(fakeCore(calls));
    fireEvent.click(screen.getByTestId('department-rename-1'));
    const field = screen.getByTestId('department-name-input-1') as HTMLInputElement;
    expect(field.value).toBe('登记注册科');
    fireEvent.change(field, { target: { value: '登记注册与许可科' } });
    fireEvent.click(screen.getByTestId('department-save-1'));
    await waitFor(() => expect(names()).toEqual(['登记注册与许可科', '<i>质量发展科</i>']));
    expect(mutations(calls)).toEqual([{ channel: 'department/save', args: { id: 1, name: '登记注册与许可科' } }]);
    expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '科室已改名为“登记注册与许可科”' });
  });

  it('deletes a department after confirmation', async () => {
    const calls: Call[] = [];
    const statuses = await renderPanel(fakeCore(calls));
    fireEvent.click(screen.getByTestId('department-delete-2'));
    expect(mutations(calls)).toEqual([]);
    await confirmPopup();
    await waitFor(() => expect(screen.queryByTestId('department-2')).toBeNull());
    expect(mutations(calls)).toEqual([{ channel: 'department/delete', args: { id: 2 } }]);
    expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已删除科室“<i>质量发展科</i>”' });
  });

  it('says why a department could not be deleted and keeps it', async () => {
    const message = '科室“登记注册科”仍是 3 项行动的牵头科室，不能删除。';
    const statuses = await renderPanel(fakeCore([], message));
    fireEvent.click(screen.getByTestId('department-delete-1'));
    await confirmPopup();
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'error', text: `保存失败：${message}` }));
    expect(screen.getByTestId('department-1')).toBeTruthy();
  });

  it('says why the list could not be loaded', async () => {
    renderWithApi(<DepartmentsPanel />, async () => ({
      ok: false,
      error: { code: 'DB_ERROR', message: '数据库已锁定' },
    }));
    const error = await screen.findByTestId('departments-error');
    expect(error.textContent).toBe('无法加载科室列表：数据库已锁定');
  });

  it('is part of 设置, above the PDF fonts', async () => {
    renderWithApi(<SettingsPage />, fakeCore([]));
    await screen.findByTestId('department-1', {}, { timeout: 5000 });
    await screen.findByTestId('font-role-heiti');
    const page = document.body;
    const order = [...page.querySelectorAll('[data-testid="departments"], [data-testid="settings-page"]')];
    expect(order.map((e) => e.getAttribute('data-testid'))).toEqual(['departments', 'settings-page']);
    expect(within(screen.getByTestId('departments')).getByText('科室')).toBeTruthy();
  });
});
