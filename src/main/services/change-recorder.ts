import type { ChangeLogEntry } from '../../shared/model';
import type { Repos } from '../db/repos';

/** Appends to the change log on behalf of one actor at one moment (a service call = one user action). */
export function changeRecorder(repos: Repos, now: string, actor: string) {
  return (
    planId: number | null,
    entity: string,
    entityId: number | null,
    op: ChangeLogEntry['op'],
    before: unknown,
    after: unknown,
    field: string | null = null,
  ) => repos.changeLog.append({ at: now, actor, planId, entity, entityId, field, op, before, after });
}
