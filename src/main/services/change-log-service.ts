import type { ChangeLogPage } from '../../shared/api';
import type { Repos } from '../db/repos';

export function createChangeLogService(repos: Repos) {
  return {
    list: (q: { planId?: number; limit: number; offset: number }): ChangeLogPage => repos.changeLog.list(q),
  };
}
