// Undoing one logged change by writing its `before` back through the ordinary services, so the revert is itself
// validated and logged like any other change.
import { AppError } from '../../shared/errors';
import type {
  Action,
  ChangeLogEntry,
  Department,
  EvaluationOverride,
  Indicator,
  ProgressEntry,
  Task,
  ValueKind,
} from '../../shared/model';
import type { Repos } from '../db/repos';
import type { IndicatorService } from './indicator-service';
import type { StructureService } from './structure-service';
import type { WorkService } from './work-service';

const CANNOT = '这类修改不能自动撤销（例如规划的初始导入或位置调整），请直接修改。';

export function createRevertService(
  repos: Repos,
  s: { indicators: IndicatorService; structure: StructureService; work: WorkService },
) {
  function apply(e: ChangeLogEntry, actor: string): void {
    const planId = e.planId;
    const id = e.entityId;
    if (id === null) throw new AppError('CONFLICT', CANNOT);
    if (e.entity === 'department' && e.op === 'update') {
      s.work.saveDepartment({ id, name: (e.before as Department).name }, actor);
      return;
    }
    if (planId === null) throw new AppError('CONFLICT', CANNOT);
    switch (`${e.entity}:${e.op}:${e.field === 'position' ? 'position' : 'fields'}`) {
      case 'indicator_value:create:fields':
      case 'indicator_value:update:fields':
      case 'indicator_value:delete:fields': {
        const [year, kind] = (e.field ?? '').split('/');
        const before = e.before as { text: string; note: string | null } | null;
        s.indicators.updateValues(
          planId,
          [
            {
              indicatorId: id,
              year: Number(year),
              kind: kind as ValueKind,
              text: before?.text ?? '',
              note: before?.note ?? null,
            },
          ],
          actor,
        );
        return;
      }
      case 'indicator:update:fields': {
        const b = e.before as Indicator;
        s.structure.saveIndicator(
          planId,
          {
            id,
            categoryId: b.categoryId,
            name: b.name,
            unit: b.unit,
            nature: b.nature,
            direction: b.direction,
            targetKind: b.targetKind,
            base: b.base ? { text: b.base.text, year: b.base.year, source: b.base.source } : null,
            departmentId: b.departmentId,
            dataSource: b.dataSource,
            remark: b.remark,
          },
          actor,
        );
        return;
      }
      case 'indicator:delete:fields':
        s.structure.restoreIndicator(planId, id, actor);
        return;
      case 'indicator:create:fields':
        if (e.actor === 'system') throw new AppError('CONFLICT', CANNOT);
        s.structure.deleteIndicator(planId, id, actor);
        return;
      case 'category:update:fields':
        s.structure.saveCategory(planId, { id, name: (e.before as { name: string }).name }, actor);
        return;
      case 'action:update:fields': {
        const b = e.before as Action;
        s.work.updateAction(
          planId,
          id,
          { name: b.name, goal: b.goal, departmentId: b.departmentId, remark: b.remark },
          actor,
        );
        return;
      }
      case 'task:update:fields': {
        const b = e.before as Task;
        const { title, text, leadDepartmentId, cooperatingDepartmentIds, deadline } = b;
        s.work.updateTask(planId, id, { title, text, leadDepartmentId, cooperatingDepartmentIds, deadline }, actor);
        return;
      }
      case 'action_progress:create:fields':
      case 'action_progress:update:fields':
      case 'action_progress:delete:fields':
      case 'task_progress:create:fields':
      case 'task_progress:update:fields':
      case 'task_progress:delete:fields': {
        const b = e.before as ProgressEntry | null;
        const progress = { year: Number(e.field), text: b?.text ?? '', status: b?.status ?? null };
        if (e.entity === 'action_progress') s.work.setActionProgress(planId, id, progress, actor);
        else s.work.setTaskProgress(planId, id, progress, actor);
        return;
      }
      case 'evaluation_override:create:fields':
      case 'evaluation_override:update:fields':
      case 'evaluation_override:delete:fields': {
        const b = e.before as EvaluationOverride | null;
        s.indicators.setOverride(planId, id, Number(e.field), b ? { status: b.status, reason: b.reason } : null, actor);
        return;
      }
      default:
        throw new AppError('CONFLICT', CANNOT);
    }
  }

  return {
    revert(entryId: number, actor: string): ChangeLogEntry {
      const e = repos.changeLog.get(entryId);
      if (!e) throw new AppError('NOT_FOUND', `找不到编号为 ${entryId} 的修改记录。`);
      const last = repos.changeLog.list({ limit: 1, offset: 0 }).entries[0]?.id ?? 0;
      apply(e, actor);
      const newest = repos.changeLog.list({ limit: 1, offset: 0 }).entries[0];
      if (!newest || newest.id === last) throw new AppError('CONFLICT', '当前内容已与该修改之前相同，无需撤销。');
      return newest;
    },
  };
}
