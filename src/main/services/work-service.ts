// The ten actions and the main tasks (their fields and yearly progress), and the bureau's sections (科室).
import type { z } from 'zod';
import type { actionFieldsSchema, progressSchema, taskFieldsSchema } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Action, Department, ProgressEntry, Task } from '../../shared/model';
import type { Db } from '../db/connection';
import type { Repos } from '../db/repos';
import { lockedYearMessage } from './indicator-service';
import { changeRecorder } from './change-recorder';
import type { Clock } from './clock';
import { assertPlanOpen } from './plan-guard';

type Progress = z.output<typeof progressSchema>;

export function createWorkService(db: Db, repos: Repos, clock: Clock) {
  const plan = (planId: number) => {
    const p = repos.plans.get(planId);
    if (!p) throw new AppError('NOT_FOUND', `找不到编号为 ${planId} 的规划。`);
    return p;
  };
  const checkDepartments = (ids: (number | null | undefined)[]) => {
    for (const id of ids) {
      if (id !== null && id !== undefined && !repos.plans.department(id)) {
        throw new AppError('NOT_FOUND', '所选科室已不存在，请刷新后重新选择。');
      }
    }
  };
  const action = (planId: number, id: number): Action => {
    const a = repos.work.actions(planId).find((x) => x.id === id);
    if (!a) throw new AppError('NOT_FOUND', `找不到该行动（编号 ${id}）。`);
    return a;
  };
  const task = (planId: number, id: number): Task => {
    const t = repos.work.tasks(planId).find((x) => x.id === id);
    if (!t) throw new AppError('NOT_FOUND', `找不到该任务（编号 ${id}）。`);
    return t;
  };

  /** Writes an action or task and logs it whole (progress left out: it has its own entries). */
  function updateLogged<T extends { progress: ProgressEntry[] }>(
    planId: number,
    entity: 'action' | 'task',
    id: number,
    before: T,
    write: () => void,
    read: () => T,
    actor: string,
  ): T {
    return db.transaction(() => {
      assertPlanOpen(repos, planId);
      const now = clock.now();
      write();
      const after = read();
      const { progress: _b, ...b } = before;
      const { progress: _a, ...a } = after;
      changeRecorder(repos, now, actor)(planId, entity, id, 'update', b, a);
      repos.plans.touch(planId, now);
      return after;
    })();
  }

  function setProgress(kind: 'action' | 'task', planId: number, ownerId: number, p: Progress, actor: string) {
    const meta = plan(planId);
    if (p.year < meta.firstYear || p.year > meta.lastYear) {
      throw new AppError('VALIDATION', `年份 ${p.year} 不在规划期 ${meta.firstYear}—${meta.lastYear} 年之内。`);
    }
    assertPlanOpen(repos, planId);
    if (repos.submissions.isSubmitted(planId, p.year)) throw new AppError('CONFLICT', lockedYearMessage(p.year));
    return db.transaction((): ProgressEntry | null => {
      const now = clock.now();
      const before = repos.work.progress(kind, ownerId, p.year) ?? null;
      const clear = p.text.trim() === '' && p.status === null;
      if (clear) repos.work.setProgress(kind, ownerId, { year: p.year, text: null });
      else repos.work.setProgress(kind, ownerId, { ...p, updatedAt: now, updatedBy: actor });
      const after = repos.work.progress(kind, ownerId, p.year) ?? null;
      if (before?.text !== after?.text || before?.status !== after?.status) {
        const op = before === null ? 'create' : after === null ? 'delete' : 'update';
        changeRecorder(repos, now, actor)(planId, `${kind}_progress`, ownerId, op, before, after, String(p.year));
      }
      repos.plans.touch(planId, now);
      return after;
    })();
  }

  return {
    updateAction(planId: number, id: number, fields: z.output<typeof actionFieldsSchema>, actor: string): Action {
      const before = action(planId, id);
      checkDepartments([fields.departmentId]);
      const write = () => repos.work.updateAction({ ...before, ...fields });
      return updateLogged(planId, 'action', id, before, write, () => action(planId, id), actor);
    },
    setActionProgress(planId: number, id: number, p: Progress, actor: string) {
      action(planId, id);
      return setProgress('action', planId, id, p, actor);
    },
    updateTask(planId: number, id: number, fields: z.output<typeof taskFieldsSchema>, actor: string): Task {
      const before = task(planId, id);
      checkDepartments([fields.leadDepartmentId, ...(fields.cooperatingDepartmentIds ?? [])]);
      const cooperatingDepartmentIds = [...new Set(fields.cooperatingDepartmentIds ?? before.cooperatingDepartmentIds)];
      const write = () => repos.work.updateTask({ ...before, ...fields, cooperatingDepartmentIds });
      return updateLogged(planId, 'task', id, before, write, () => task(planId, id), actor);
    },
    setTaskProgress(planId: number, id: number, p: Progress, actor: string) {
      task(planId, id);
      return setProgress('task', planId, id, p, actor);
    },
    departments: (): Department[] => repos.plans.departments(),
    saveDepartment(d: { id?: number; name: string }, actor: string): Department {
      const name = d.name.trim();
      const clash = repos.plans.departments().find((x) => x.name === name && x.id !== d.id);
      if (clash) throw new AppError('CONFLICT', `科室“${name}”已经存在。`);
      return db.transaction(() => {
        const log = changeRecorder(repos, clock.now(), actor);
        if (d.id === undefined) {
          const id = repos.plans.departmentId(name, repos.plans.departments().length + 1);
          log(null, 'department', id, 'create', null, { id, name });
          return { id, name };
        }
        const before = repos.plans.department(d.id);
        if (!before) throw new AppError('NOT_FOUND', '该科室已不存在。');
        repos.plans.renameDepartment({ id: d.id, name });
        log(null, 'department', d.id, 'update', before, { id: d.id, name });
        return { id: d.id, name };
      })();
    },
    deleteDepartment(id: number, actor: string): { ok: true } {
      const before = repos.plans.department(id);
      if (!before) throw new AppError('NOT_FOUND', '该科室已不存在。');
      db.transaction(() => {
        // Indicators, actions and tasks that named it lose the reference (ON DELETE SET NULL / CASCADE).
        repos.plans.deleteDepartment(id);
        changeRecorder(repos, clock.now(), actor)(null, 'department', id, 'delete', before, null);
      })();
      return { ok: true };
    },
  };
}

export type WorkService = ReturnType<typeof createWorkService>;
