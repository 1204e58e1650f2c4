// 年度监测: how each indicator stands in a chosen year (提前实现 … 滞后, 无数据) with the figures behind it, the
// actions' and tasks' progress, and each indicator's trend. Read-only; the numbers are entered on 主要指标.
import { useTranslation } from 'react-i18next';
import { QueryView } from '../components/QueryView';
import { MonitoringView } from '../components/monitoring/MonitoringView';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';
import { useApiQuery } from '../lib/use-api-query';

interface MonitoringPageProps {
  planId: number;
  onStatus?: StatusReporter;
}

export function MonitoringPage({ planId, onStatus }: MonitoringPageProps) {
  const { t } = useTranslation();
  const state = useApiQuery('plan/get', { plan: planId });
  useReportStatus(
    onStatus,
    statusOf(state, t, (d) => t('monitoring.loaded', { n: d.indicators.length })),
  );
  return <QueryView state={state}>{(detail) => <MonitoringView key={planId} detail={detail} />}</QueryView>;
}
