import type { HandlerTable } from './dispatch';

type Channels =
  | 'action/update'
  | 'action/set-progress'
  | 'task/update'
  | 'task/set-progress'
  | 'department/list'
  | 'department/save'
  | 'department/delete';

export const workHandlers: Pick<HandlerTable, Channels> = {
  'action/update': (a, ctx) => ctx.services.work.updateAction(a.planId, a.actionId, a.fields, ctx.actor),
  'action/set-progress': (a, ctx) => ctx.services.work.setActionProgress(a.planId, a.actionId, a.progress, ctx.actor),
  'task/update': (a, ctx) => ctx.services.work.updateTask(a.planId, a.taskId, a.fields, ctx.actor),
  'task/set-progress': (a, ctx) => ctx.services.work.setTaskProgress(a.planId, a.taskId, a.progress, ctx.actor),
  'department/list': (_a, ctx) => ctx.services.work.departments(),
  'department/save': (a, ctx) => ctx.services.work.saveDepartment({ id: a.id, name: a.name }, ctx.actor),
  'department/delete': (a, ctx) => ctx.services.work.deleteDepartment(a.id, ctx.actor),
};
