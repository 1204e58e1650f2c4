import type { Db } from '../connection';
import { createChangeLogRepo } from './change-log-repo';
import { createIndicatorRepo } from './indicator-repo';
import { createPlanRepo } from './plan-repo';
import { createPlanStatusRepo } from './plan-status-repo';
import { createSubmissionRepo } from './submission-repo';
import { createWorkRepo } from './work-repo';

export function createRepos(db: Db) {
  return {
    plans: createPlanRepo(db),
    planStatus: createPlanStatusRepo(db),
    indicators: createIndicatorRepo(db),
    work: createWorkRepo(db),
    changeLog: createChangeLogRepo(db),
    submissions: createSubmissionRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;
