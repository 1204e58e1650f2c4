// 主要任务: the plan's tasks under their groups with 牵头/配合科室, 完成期限 and each year's progress, edited in place.
import { useTranslation } from 'react-i18next';
import { QueryView } from '../components/QueryView';
import { TaskGroups } from '../components/work/TaskGroups';
import type { WorkYearProps } from '../components/work/work-year';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';
import { useApiQuery } from '../lib/use-api-query';

interface TasksPageProps extends WorkYearProps {
  planId: number;
  onStatus?: StatusReporter;
}

export function TasksPage({ planId, onStatus, ...yearProps }: TasksPageProps) {
  const { t } = useTranslation();
  const state = useApiQuery('plan/get', { plan: planId });
  useReportStatus(
    onStatus,
    statusOf(state, t, (d) => t('status.tasksLoaded', { n: d.tasks.length })),
  );
  return (
    <QueryView state={state}>{(detail) => <TaskGroups detail={detail} onStatus={onStatus} {...yearProps} />}</QueryView>
  );
}
