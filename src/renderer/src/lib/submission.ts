// 报送 as the renderer sees it: which years of a plan are submitted (and so read-only until unlocked), from
// PlanDetail.submissions. The core refuses writes into them anyway; the UI says so before the clerk tries.
import type { PlanDetail, YearSubmission } from '../../../shared/model';

export function submissionOf(detail: Pick<PlanDetail, 'submissions'>, year: number): YearSubmission | null {
  return detail.submissions.find((s) => s.year === year) ?? null;
}

/** The submitted years, for cells and editors that need to know per year. */
export function lockedYears(detail: Pick<PlanDetail, 'submissions'>): ReadonlySet<number> {
  return new Set(detail.submissions.map((s) => s.year));
}
