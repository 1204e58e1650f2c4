import type { ChangeLogPage, ChangeLogQuery } from '../../shared/api';
import type { Repos } from '../db/repos';

export function createChangeLogService(repos: Repos) {
  return {
    list: (q: ChangeLogQuery): ChangeLogPage => repos.changeLog.list(q),
  };
}
