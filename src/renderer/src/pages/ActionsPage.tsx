// 十大行动: the plan's actions (附件2) with 牵头科室, 备注 and each year's progress, edited in place.
import { useTranslation } from 'react-i18next';
import { QueryView } from '../components/QueryView';
import { ActionsTable } from '../components/work/ActionsTable';
import type { WorkYearProps } from '../components/work/work-year';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';
import { useApiQuery } from '../lib/use-api-query';

interface ActionsPageProps extends WorkYearProps {
  planId: number;
  onStatus?: StatusReporter;
}

export function ActionsPage({ planId, onStatus, ...yearProps }: ActionsPageProps) {
  const { t } = useTranslation();
  const state = useApiQuery('plan/get', { plan: planId });
  useReportStatus(
    onStatus,
    statusOf(state, t, (d) => t('status.actionsLoaded', { n: d.actions.length })),
  );
  return (
    <QueryView state={state}>
      {(detail) => <ActionsTable detail={detail} onStatus={onStatus} {...yearProps} />}
    </QueryView>
  );
}
