// The same explanation wherever a submitted (报送) year cannot be edited: a notice above the table, and the hint the
// disabled editors show on hover.
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../shared/model';
import { submissionOf } from '../../lib/submission';
import './submission.css';

/** Why `year` is read-only, or null when it is not submitted. */
export function useLockedHint(detail: Pick<PlanDetail, 'submissions'>, year: number): string | null {
  const { t } = useTranslation();
  return submissionOf(detail, year) ? t('submission.lockedHint', { year }) : null;
}

export function LockedNotice({ hint }: { hint: string | null }) {
  if (!hint) return null;
  return <Alert type="info" showIcon className="locked-notice" data-testid="locked-notice" title={hint} />;
}
