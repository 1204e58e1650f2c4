// Words for the change-log entries of the annual work: 报送 and 解锁 of a year (entity year_submission, the year in
// `field`; after.unlocked marks an unlock with its reason) and a clerk's 人工调整 of a status (evaluation_override).
import type { TFunction } from 'i18next';
import type { EvalStatus } from '../../../../shared/evaluate';
import type { ChangeLogEntry, YearSubmission } from '../../../../shared/model';

const EVAL_STATUSES: readonly string[] = ['achieved_early', 'ahead', 'on_track', 'lagging', 'no_data'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isAnnualEntity = (entity: string): boolean =>
  entity === 'year_submission' || entity === 'evaluation_override';

/** A year's unlock, as the core logs it: the year, `unlocked: true` and the reason. */
function unlockOf(v: unknown): { reason: string } | null {
  return isRecord(v) && v.unlocked === true ? { reason: typeof v.reason === 'string' ? v.reason : '' } : null;
}

/** 报送 / 解锁 in place of 新增 / 修改 for a year's submission; null for other entries. */
export function annualOpLabel(entry: ChangeLogEntry, t: TFunction): string | null {
  if (entry.entity !== 'year_submission') return null;
  if (unlockOf(entry.after)) return t('changelog.annual.unlock');
  return entry.op === 'create' ? t('changelog.annual.submit') : null;
}

export function submissionSubject(entry: ChangeLogEntry, t: TFunction): string {
  const year = /^\d{4}$/.test(entry.field ?? '')
    ? entry.field
    : isRecord(entry.after)
      ? String(entry.after.year ?? '')
      : '';
  return t('changelog.annual.subject', { year });
}

function submissionText(v: unknown, t: TFunction): string {
  const unlock = unlockOf(v);
  if (unlock) return t('changelog.annual.unlocked', { reason: unlock.reason });
  if (!isRecord(v) || !Array.isArray(v.files)) return t('changelog.annual.notSubmitted');
  const files = (v as unknown as YearSubmission).files
    .map((f) => t('changelog.annual.file', { name: f.fileName, sha: String(f.sha256).slice(0, 12) }))
    .join('；');
  return t('changelog.annual.submitted', { files });
}

function overrideText(v: unknown, t: TFunction): string {
  if (!isRecord(v) || typeof v.status !== 'string' || !EVAL_STATUSES.includes(v.status)) {
    return t('changelog.annual.noOverride');
  }
  const status = t(`monitoring.status.${v.status as EvalStatus}`);
  return t('changelog.annual.override', { status, reason: typeof v.reason === 'string' ? v.reason : '' });
}

/** Before and after texts of an annual entry. */
export function describeAnnual(entry: ChangeLogEntry, t: TFunction): { before: string; after: string } {
  const text = entry.entity === 'year_submission' ? submissionText : overrideText;
  return { before: text(entry.before, t), after: text(entry.after, t) };
}
