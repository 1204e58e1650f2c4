// 修改记录: who changed what in the current plan and when, with filters and 撤销. The plan is loaded first so
// entries can name their indicator, action or task.
import { useTranslation } from 'react-i18next';
import { ChangeLogView } from '../components/changelog/ChangeLogView';
import { QueryView } from '../components/QueryView';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';
import { useApiQuery } from '../lib/use-api-query';

export function ChangeLogPage({ planId, onStatus }: { planId: number; onStatus?: StatusReporter }) {
  const { t } = useTranslation();
  const state = useApiQuery('plan/get', { plan: planId });
  // Once the plan is there, the log view reports instead.
  useReportStatus(
    state.status === 'ok' ? undefined : onStatus,
    statusOf(state, t, () => ''),
  );
  return <QueryView state={state}>{(detail) => <ChangeLogView detail={detail} onStatus={onStatus} />}</QueryView>;
}
