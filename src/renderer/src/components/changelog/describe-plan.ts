// Words for the change-log entries of a plan's life (entity plan): 结束规划 and 重新打开 (field status, the reopen's
// reason in `after`) and the creation of a next period (field clonedFrom), instead of raw codes.
import type { TFunction } from 'i18next';
import type { ChangeLogEntry, PlanDetail } from '../../../../shared/model';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATUSES = ['active', 'closed', 'draft'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (v: unknown): v is Status => typeof v === 'string' && (STATUSES as readonly string[]).includes(v);

export const isPlanLifecycle = (e: ChangeLogEntry): boolean =>
  e.entity === 'plan' && (e.field === 'status' || e.field === 'clonedFrom');

/** The plan's short name when the entry is about the plan shown. */
export function planSubject(e: ChangeLogEntry, plan: PlanDetail): string | undefined {
  return e.entity === 'plan' && e.entityId === plan.plan.id ? plan.plan.shortName : undefined;
}

/** 结束规划 / 重新打开 / 新建下一期 in place of 修改 / 新增; null for other entries. */
export function planOpLabel(e: ChangeLogEntry, t: TFunction): string | null {
  if (!isPlanLifecycle(e)) return null;
  if (e.field === 'clonedFrom') return t('plans.log.cloned');
  const after = isRecord(e.after) ? e.after.status : undefined;
  return after === 'closed' ? t('plans.log.closed') : after === 'active' ? t('plans.log.reopened') : null;
}

function sideText(v: unknown, t: TFunction): string {
  if (!isRecord(v)) return t('changelog.emptyValue');
  if (isRecord(v.clonedFrom) && typeof v.clonedFrom.shortName === 'string')
    return t('plans.log.clonedFrom', { shortName: v.clonedFrom.shortName });
  if (!isStatus(v.status)) return t('changelog.emptyValue');
  const status = t(`plans.status.${v.status}`);
  return typeof v.reason === 'string' && v.reason !== ''
    ? t('plans.log.withReason', { status, reason: v.reason })
    : status;
}

export function describePlan(e: ChangeLogEntry, t: TFunction): { before: string; after: string } {
  return { before: sideText(e.before, t), after: sideText(e.after, t) };
}
