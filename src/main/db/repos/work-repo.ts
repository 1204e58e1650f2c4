// Actions (十大行动) and main tasks (主要任务) with their yearly progress.
import type { Action, ProgressEntry, Task, TaskGroup } from '../../../shared/model';
import type { Db } from '../connection';

interface ProgressRow extends ProgressEntry {
  ownerId: number;
}

function groupProgress(rows: ProgressRow[]): Map<number, ProgressEntry[]> {
  const map = new Map<number, ProgressEntry[]>();
  for (const { ownerId, ...p } of rows) {
    const list = map.get(ownerId) ?? [];
    list.push(p);
    map.set(ownerId, list);
  }
  return map;
}

export function createWorkRepo(db: Db) {
  const actions = db.prepare(
    `SELECT id, seq, name, goal, department_id AS departmentId, remark, sort_order AS sortOrder
       FROM action WHERE plan_id = @planId ORDER BY sort_order, id`,
  );
  const actionProgress = db.prepare(
    `SELECT p.action_id AS ownerId, p.year, p.text, p.status, p.updated_at AS updatedAt, p.updated_by AS updatedBy
       FROM action_progress p JOIN action a ON a.id = p.action_id WHERE a.plan_id = @planId ORDER BY p.year`,
  );
  const insertAction = db.prepare(
    `INSERT INTO action (plan_id, seq, name, goal, department_id, remark, sort_order)
     VALUES (@planId, @seq, @name, @goal, @departmentId, @remark, @sortOrder)`,
  );
  const groups = db.prepare(
    `SELECT id, seq, title, sort_order AS sortOrder FROM task_group WHERE plan_id = @planId ORDER BY sort_order`,
  );
  const insertGroup = db.prepare(
    `INSERT INTO task_group (plan_id, seq, title, sort_order) VALUES (@planId, @seq, @title, @sortOrder)`,
  );
  const tasks = db.prepare(
    `SELECT t.id, t.group_id AS groupId, t.seq, t.title, t.text, t.lead_department_id AS leadDepartmentId,
            t.deadline, t.sort_order AS sortOrder,
            (SELECT json_group_array(c.department_id) FROM task_cooperator c WHERE c.task_id = t.id) AS cooperators
       FROM task t JOIN task_group g ON g.id = t.group_id
      WHERE t.plan_id = @planId ORDER BY g.sort_order, t.sort_order`,
  );
  const taskProgress = db.prepare(
    `SELECT p.task_id AS ownerId, p.year, p.text, p.status, p.updated_at AS updatedAt, p.updated_by AS updatedBy
       FROM task_progress p JOIN task t ON t.id = p.task_id WHERE t.plan_id = @planId ORDER BY p.year`,
  );
  const insertTask = db.prepare(
    `INSERT INTO task (plan_id, group_id, seq, title, text, lead_department_id, deadline, sort_order)
     VALUES (@planId, @groupId, @seq, @title, @text, @leadDepartmentId, @deadline, @sortOrder)`,
  );

  const updateAction = db.prepare(
    `UPDATE action SET name = @name, goal = @goal, department_id = @departmentId, remark = @remark WHERE id = @id`,
  );
  const actionPlan = db.prepare(`SELECT plan_id AS planId FROM action WHERE id = @id`);
  const taskPlan = db.prepare(`SELECT plan_id AS planId FROM task WHERE id = @id`);
  const updateTask = db.prepare(
    `UPDATE task SET title = @title, text = @text, lead_department_id = @leadDepartmentId, deadline = @deadline
      WHERE id = @id`,
  );
  const clearCooperators = db.prepare(`DELETE FROM task_cooperator WHERE task_id = @taskId`);
  const addCooperator = db.prepare(
    `INSERT INTO task_cooperator (task_id, department_id) VALUES (@taskId, @departmentId)`,
  );
  // The two progress tables differ only in their names; both come from this fixed list, never from input.
  const progressStatements = (table: 'action_progress' | 'task_progress', owner: 'action_id' | 'task_id') => ({
    get: db.prepare(
      `SELECT year, text, status, updated_at AS updatedAt, updated_by AS updatedBy FROM ${table}
        WHERE ${owner} = @ownerId AND year = @year`,
    ),
    upsert: db.prepare(
      `INSERT INTO ${table} (${owner}, year, text, status, updated_at, updated_by)
       VALUES (@ownerId, @year, @text, @status, @updatedAt, @updatedBy)
       ON CONFLICT (${owner}, year) DO UPDATE SET text = excluded.text, status = excluded.status,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
    remove: db.prepare(`DELETE FROM ${table} WHERE ${owner} = @ownerId AND year = @year`),
  });
  const progress = {
    action: progressStatements('action_progress', 'action_id'),
    task: progressStatements('task_progress', 'task_id'),
  };

  return {
    planOfAction: (id: number) => (actionPlan.get({ id }) as { planId: number } | undefined)?.planId,
    planOfTask: (id: number) => (taskPlan.get({ id }) as { planId: number } | undefined)?.planId,
    updateAction: (a: Pick<Action, 'id' | 'name' | 'goal' | 'departmentId' | 'remark'>) => updateAction.run(a),
    updateTask(t: Pick<Task, 'id' | 'title' | 'text' | 'leadDepartmentId' | 'deadline' | 'cooperatingDepartmentIds'>) {
      const { cooperatingDepartmentIds, ...fields } = t;
      updateTask.run(fields);
      clearCooperators.run({ taskId: t.id });
      for (const departmentId of cooperatingDepartmentIds) addCooperator.run({ taskId: t.id, departmentId });
    },
    progress(kind: 'action' | 'task', ownerId: number, year: number): ProgressEntry | undefined {
      return progress[kind].get.get({ ownerId, year }) as ProgressEntry | undefined;
    },
    setProgress(kind: 'action' | 'task', ownerId: number, p: ProgressEntry | { year: number; text: null }): void {
      if (p.text === null) progress[kind].remove.run({ ownerId, year: p.year });
      else progress[kind].upsert.run({ ownerId, ...p });
    },
    actions(planId: number): Action[] {
      const progress = groupProgress(actionProgress.all({ planId }) as ProgressRow[]);
      return (actions.all({ planId }) as Omit<Action, 'progress'>[]).map((a) => ({
        ...a,
        progress: progress.get(a.id) ?? [],
      }));
    },
    insertAction: (a: Omit<Action, 'id' | 'progress'> & { planId: number }) =>
      Number(insertAction.run(a).lastInsertRowid),
    taskGroups: (planId: number) => groups.all({ planId }) as TaskGroup[],
    insertTaskGroup: (g: Omit<TaskGroup, 'id'> & { planId: number }) => Number(insertGroup.run(g).lastInsertRowid),
    tasks(planId: number): Task[] {
      const progress = groupProgress(taskProgress.all({ planId }) as ProgressRow[]);
      type Row = Omit<Task, 'progress' | 'cooperatingDepartmentIds'> & { cooperators: string };
      return (tasks.all({ planId }) as Row[]).map(({ cooperators, ...t }) => ({
        ...t,
        cooperatingDepartmentIds: JSON.parse(cooperators) as number[],
        progress: progress.get(t.id) ?? [],
      }));
    },
    insertTask: (t: Omit<Task, 'id' | 'progress' | 'cooperatingDepartmentIds'> & { planId: number }) =>
      Number(insertTask.run(t).lastInsertRowid),
  };
}

export type WorkRepo = ReturnType<typeof createWorkRepo>;
