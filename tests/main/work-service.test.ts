import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/main/context';
import { memoryContext } from '../helpers/db';

let ctx: AppContext;
let planId: number;
const w = () => ctx.services.work;
const plan = () => ctx.services.plans.get(planId);

beforeEach(() => {
  ctx = memoryContext();
  planId = ctx.services.plans.resolve('十四五');
});
afterEach(() => ctx.close());

describe('departments, actions and tasks', () => {
  it('manages departments and refuses duplicates', () => {
    const a = w().saveDepartment({ name: '登记注册科' }, 'x');
    w().saveDepartment({ name: '质量发展科' }, 'x');
    expect(() => w().saveDepartment({ name: '登记注册科' }, 'x')).toThrow(/已经存在/);
    w().saveDepartment({ id: a.id, name: '行政审批科' }, 'x');
    expect(
      w()
        .departments()
        .map((d) => d.name),
    ).toEqual(['行政审批科', '质量发展科']);
  });

  it('updates an action’s lead department and remark, logging before and after', () => {
    const d = w().saveDepartment({ name: '信用监管科' }, 'x');
    const action = plan().actions[9]!;
    const after = w().updateAction(planId, action.id, { departmentId: d.id, remark: '与县发改局共同推进' }, 'clerk');
    expect(after).toMatchObject({ departmentId: d.id, remark: '与县发改局共同推进', goal: action.goal });
    const log = ctx.services.changeLog.list({ planId, entity: 'action', entityId: action.id, limit: 1, offset: 0 })
      .entries[0]!;
    expect(log).toMatchObject({ op: 'update', before: { departmentId: null }, after: { departmentId: d.id } });
    // Deleting the department clears the reference rather than failing.
    w().deleteDepartment(d.id, 'x');
    expect(plan().actions[9]!.departmentId).toBeNull();
  });

  it('records yearly progress and status, and clears it', () => {
    const action = plan().actions[0]!;
    w().setActionProgress(planId, action.id, { year: 2023, text: '新增市场主体4,321户', status: 'in_progress' }, 'c');
    expect(plan().actions[0]!.progress).toEqual([
      expect.objectContaining({ year: 2023, text: '新增市场主体4,321户', status: 'in_progress', updatedBy: 'c' }),
    ]);
    w().setActionProgress(planId, action.id, { year: 2023, text: '', status: null }, 'c');
    expect(plan().actions[0]!.progress).toEqual([]);
    const entries = ctx.services.changeLog.list({ planId, entity: 'action_progress', limit: 10, offset: 0 }).entries;
    expect(entries.map((e) => e.op)).toEqual(['delete', 'create']);
    expect(() => w().setActionProgress(planId, action.id, { year: 2031, text: 'x', status: null }, 'c')).toThrow(
      /不在规划期/,
    );
  });

  it('updates a task’s lead and cooperating departments and deadline, and its progress', () => {
    const [a, b] = [w().saveDepartment({ name: '综合执法队' }, 'x'), w().saveDepartment({ name: '食品科' }, 'x')];
    const task = plan().tasks.find((t) => t.seq === '2')!;
    w().updateTask(
      planId,
      task.id,
      { leadDepartmentId: a.id, cooperatingDepartmentIds: [b.id, b.id], deadline: '2025-06' },
      'c',
    );
    expect(plan().tasks.find((t) => t.id === task.id)).toMatchObject({
      leadDepartmentId: a.id,
      cooperatingDepartmentIds: [b.id],
      deadline: '2025-06',
      text: task.text,
    });
    w().setTaskProgress(planId, task.id, { year: 2024, text: '已完成清单管理', status: 'done' }, 'c');
    expect(plan().tasks.find((t) => t.id === task.id)!.progress[0]).toMatchObject({ year: 2024, status: 'done' });
    expect(() => w().updateTask(planId, task.id, { leadDepartmentId: 9999 }, 'c')).toThrow(/科室已不存在/);
    expect(() => w().updateTask(planId, 9999, { deadline: null }, 'c')).toThrow(/找不到该任务/);
  });
});
