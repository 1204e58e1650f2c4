// 主要任务 against a fake core: six groups with counts, 牵头/配合科室, 完成期限 validation, per-year progress.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { StatusInfo } from '../../src/renderer/src/lib/status';
import { TasksPage } from '../../src/renderer/src/pages/TasksPage';
import type { IpcResult } from '../../src/shared/errors';
import type { PlanDetail, ProgressEntry, Task } from '../../src/shared/model';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';
import { choose } from './antd-select';

type Call = { channel: string; args: unknown };

const AT = '2026-05-01T08:00:00.000Z';
const GROUP_SEQS = ['一', '二', '三', '四', '五', '六'];
/** Tasks per group, as in the plan: 7, 3, 3, 3, 3, 4. */
const SIZES = [7, 3, 3, 3, 3, 4];
const LONG_TEXT = '深化质量提升行动。' + '强化“浙江质量在线”应用，推进质量、标准、品牌“三位一体”融合发展。'.repeat(6);

function detail(): PlanDetail {
  const d = buildPlanDetail();
  d.departments = [
    { id: 7, name: '登记注册科' },
    { id: 8, name: '质量发展科' },
    { id: 9, name: '综合执法队' },
  ];
  // Listed in reverse on purpose: groups follow sortOrder.
  d.taskGroups = GROUP_SEQS.map((seq, i) => ({ id: 100 + i, seq, title: `第${seq}方面`, sortOrder: i + 1 })).reverse();
  let id = 0;
  d.tasks = SIZES.flatMap((n, g) =>
    Array.from({ length: n }, (_, i): Task => {
      id += 1;
      return {
        id,
        groupId: 100 + g,
        seq: String(i + 1),
        title: `任务${g + 1}-${i + 1}`,
        text: g === 4 && i === 0 ? LONG_TEXT : `任务${g + 1}-${i + 1}。具体内容。`,
        leadDepartmentId: null,
        cooperatingDepartmentIds: [],
        deadline: g === 0 && i === 0 ? '2025-06' : null,
        sortOrder: i + 1,
        progress:
          g === 0 && i === 1 ? [{ year: 2023, text: '已上线', status: 'done', updatedAt: AT, updatedBy: 'clerk' }] : [],
      };
    }),
  );
  return d;
}

function fakeCore(calls: Call[]): Transport {
  return async (channel, raw): Promise<IpcResult<unknown>> => {
    const args = raw as Record<string, unknown>;
    calls.push({ channel, args });
    if (channel === 'plan/get') return ok(detail());
    if (channel === 'task/update') {
      const base = detail().tasks.find((task) => task.id === args.taskId)!;
      return ok({ ...base, ...(args.fields as object) });
    }
    if (channel === 'task/set-progress') {
      const p = args.progress as { year: number; text: string; status: ProgressEntry['status'] };
      return ok({ ...p, updatedAt: AT, updatedBy: 'web' });
    }
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
  };
}

async function renderPage(transport: Transport) {
  const statuses: StatusInfo[] = [];
  renderWithApi(<TasksPage planId={1} onStatus={(s) => statuses.push(s)} />, transport);
  await screen.findByTestId('task-row-1-1', {}, { timeout: 5000 });
  return statuses;
}

const saves = (calls: Call[], channel: string) => calls.filter((c) => c.channel === channel).map((c) => c.args);
const input = (id: string) => screen.getByTestId(id) as HTMLInputElement;

describe('TasksPage', () => {
  it('groups the tasks under the six groups in order, each with its count', async () => {
    const statuses = await renderPage(fakeCore([]));
    const labels = [
      ...document.querySelectorAll('[data-testid^="task-group-"]:not([data-testid^="task-group-count"])'),
    ];
    expect(labels.map((l) => l.getAttribute('data-testid'))).toEqual(SIZES.map((_, i) => `task-group-${i + 1}`));
    GROUP_SEQS.forEach((seq, i) => {
      expect(within(labels[i] as HTMLElement).getByText(`${seq}、第${seq}方面`)).toBeTruthy();
      expect(screen.getByTestId(`task-group-count-${i + 1}`).textContent).toBe(`${SIZES[i]} 项`);
    });
    SIZES.forEach((n, g) => {
      const rows = document.querySelectorAll(`tr[data-testid^="task-row-${g + 1}-"]`);
      expect(rows).toHaveLength(n);
    });
    expect(screen.getByText('主要任务（6 个方面，共 23 项）')).toBeTruthy();
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已加载 23 项任务' }));
  });

  it('shows the full text; long texts start folded and open on request', async () => {
    await renderPage(fakeCore([]));
    const short = screen.getByTestId('task-text-1-1');
    expect(short.textContent).toBe('任务1-1。具体内容。');
    expect(short.hasAttribute('data-folded')).toBe(false);

    const long = screen.getByTestId('task-text-5-1');
    expect(long.textContent).toBe(`任务5-1${LONG_TEXT}`);
    expect(long.hasAttribute('data-folded')).toBe(true);
    const row = screen.getByTestId('task-row-5-1');
    fireEvent.click(within(row).getByRole('button', { name: '展开全文' }));
    expect(screen.getByTestId('task-text-5-1').hasAttribute('data-folded')).toBe(false);
    expect(within(row).getByRole('button', { name: '收起' })).toBeTruthy();
  });

  it('refuses an impossible deadline such as 2025-13 without sending it', async () => {
    const calls: Call[] = [];
    await renderPage(fakeCore(calls));
    expect(input('task-deadline-1-1').value).toBe('2025-06');

    fireEvent.change(input('task-deadline-1-2'), { target: { value: '2025-13' } });
    fireEvent.blur(input('task-deadline-1-2'));
    await screen.findByTestId('task-deadline-1-2-error');
    expect(screen.getByTestId('task-deadline-1-2-error').textContent).toBe('期限应写作 2025、2025-06 或 2025-06-30');
    expect(input('task-deadline-1-2').value).toBe('2025-13');
    expect(screen.queryByTestId('task-deadline-1-2-retry')).toBeNull();

    fireEvent.change(input('task-deadline-1-2'), { target: { value: '2024-02-30' } });
    fireEvent.keyDown(input('task-deadline-1-2'), { key: 'Enter' });
    await waitFor(() => expect(input('task-deadline-1-2').value).toBe('2024-02-30'));
    expect(saves(calls, 'task/update')).toEqual([]);

    // A usual way of writing is accepted and stored in the standard form.
    fireEvent.change(input('task-deadline-1-2'), { target: { value: '2025/6' } });
    fireEvent.blur(input('task-deadline-1-2'));
    await waitFor(() =>
      expect(saves(calls, 'task/update')).toEqual([{ planId: 1, taskId: 2, fields: { deadline: '2025-06' } }]),
    );
    await waitFor(() => expect(screen.queryByTestId('task-deadline-1-2-error')).toBeNull());
    expect(input('task-deadline-1-2').value).toBe('2025-06');

    // Emptying the field clears the deadline.
    fireEvent.change(input('task-deadline-1-1'), { target: { value: '' } });
    fireEvent.blur(input('task-deadline-1-1'));
    await waitFor(() =>
      expect(saves(calls, 'task/update').at(-1)).toEqual({ planId: 1, taskId: 1, fields: { deadline: null } }),
    );
  });

  it('saves 牵头科室 and 配合科室 at once', async () => {
    const calls: Call[] = [];
    await renderPage(fakeCore(calls));
    await choose('task-lead-2-3', '质量发展科');
    await waitFor(() =>
      expect(saves(calls, 'task/update')).toEqual([{ planId: 1, taskId: 10, fields: { leadDepartmentId: 8 } }]),
    );
    await choose('task-cooperating-2-3', '登记注册科');
    await waitFor(() => expect(saves(calls, 'task/update')).toHaveLength(2));
    await choose('task-cooperating-2-3', '综合执法队');
    await waitFor(() => expect(saves(calls, 'task/update')).toHaveLength(3));
    expect(saves(calls, 'task/update').slice(1)).toEqual([
      { planId: 1, taskId: 10, fields: { cooperatingDepartmentIds: [7] } },
      { planId: 1, taskId: 10, fields: { cooperatingDepartmentIds: [7, 9] } },
    ]);
  });

  it('edits the chosen year’s progress note and status through task/set-progress', async () => {
    const calls: Call[] = [];
    const statuses = await renderPage(fakeCore(calls));
    fireEvent.click(within(screen.getByTestId('work-year')).getByText('2023年'));
    const box = () => screen.getByTestId('task-progress-1-2') as HTMLTextAreaElement;
    await waitFor(() => expect(box().value).toBe('已上线'));
    expect(screen.getByTestId('task-status-1-2').getAttribute('data-status')).toBe('done');

    fireEvent.change(box(), { target: { value: '已上线，覆盖全县' } });
    fireEvent.blur(box());
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已保存' }));
    await choose('task-status-6-4', '推进中');
    await waitFor(() => expect(saves(calls, 'task/set-progress')).toHaveLength(2));
    expect(saves(calls, 'task/set-progress')).toEqual([
      { planId: 1, taskId: 2, progress: { year: 2023, text: '已上线，覆盖全县', status: 'done' } },
      { planId: 1, taskId: 23, progress: { year: 2023, text: '', status: 'in_progress' } },
    ]);
  });
});
