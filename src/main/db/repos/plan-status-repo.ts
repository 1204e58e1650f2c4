import type { PlanStatus } from '../../../shared/model';
import type { Db } from '../connection';

/** A plan's lifecycle state: active (editable) or closed (read-only, still viewable and exportable). */
export function createPlanStatusRepo(db: Db) {
  const get = db.prepare(`SELECT status FROM plan WHERE id = ?`);
  const set = db.prepare(`UPDATE plan SET status = ?, updated_at = ? WHERE id = ?`);
  return {
    status: (planId: number) => (get.get(planId) as { status: PlanStatus } | undefined)?.status,
    set: (planId: number, status: PlanStatus, now: string) => void set.run(status, now, planId),
  };
}
