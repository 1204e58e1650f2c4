import { AppError } from '../../shared/errors';
import type { PlanDetail, PlanSummary } from '../../shared/model';
import type { Db } from '../db/connection';
import type { Repos } from '../db/repos';
import { insertPlan, type PlanFile } from '../db/seed';
import type { Clock } from './clock';

export function createPlanService(db: Db, repos: Repos, clock: Clock) {
  /** A plan by id or short name; a number-like string is tried as a short name first, then as an id. */
  function resolve(ref: number | string): number {
    if (typeof ref === 'number') {
      if (repos.plans.get(ref)) return ref;
    } else {
      const byName = repos.plans.idByShortName(ref.trim());
      if (byName !== undefined) return byName;
      if (/^\d+$/.test(ref.trim()) && repos.plans.get(Number(ref))) return Number(ref);
    }
    throw new AppError('NOT_FOUND', `找不到规划“${String(ref)}”。可用 plans 命令或规划列表查看已有规划。`);
  }

  return {
    resolve,
    list: (): PlanSummary[] => repos.plans.list(),
    get(ref: number | string): PlanDetail {
      const id = resolve(ref);
      // One read transaction so the parts of a plan are consistent with each other.
      return db.transaction(() => ({
        plan: repos.plans.get(id)!,
        appendices: repos.plans.appendices(id),
        departments: repos.plans.departments(),
        categories: repos.plans.categories(id),
        indicators: repos.indicators.listByPlan(id),
        actions: repos.work.actions(id),
        taskGroups: repos.work.taskGroups(id),
        tasks: repos.work.tasks(id),
        overrides: repos.indicators.overrides(id),
        submissions: repos.submissions.list(id),
      }))();
    },
    sourceText: (ref: number | string) => ({ text: repos.plans.sourceText(resolve(ref)) ?? null }),
    create(file: PlanFile, sourceText: string | null, actor: string): number {
      if (repos.plans.idByShortName(file.plan.shortName) !== undefined) {
        throw new AppError('CONFLICT', `已有简称为“${file.plan.shortName}”的规划。`);
      }
      return db.transaction(() => insertPlan(repos, file, sourceText, { now: clock.now(), actor }))();
    },
    isEmpty: () => repos.plans.list().length === 0,
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
