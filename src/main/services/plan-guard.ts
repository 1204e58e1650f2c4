// A closed plan is read-only, and a missing one is NOT_FOUND: every service that writes to a plan asks here first.
import { AppError } from '../../shared/errors';
import type { Repos } from '../db/repos';

export function assertPlanOpen(repos: Repos, planId: number): void {
  const status = repos.planStatus.status(planId);
  if (status === undefined) throw new AppError('NOT_FOUND', `找不到编号为 ${planId} 的规划。`);
  if (status === 'closed') {
    const p = repos.plans.get(planId);
    throw new AppError(
      'CONFLICT',
      `规划“${p?.shortName ?? planId}”已结束（关闭），只能查看和导出。如确需修改，请先在规划列表中重新打开并写明理由。`,
    );
  }
}
