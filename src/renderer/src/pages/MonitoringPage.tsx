// 年度监测: how each indicator stands in a chosen year (提前实现 … 滞后, 无数据) with the figures behind it, the
// actions' and tasks' progress, and each indicator's trend. The numbers are entered on 主要指标; here the clerk
// adjusts a status by hand, imports returned workbooks, submits (报送) the year and hands out 科室填报表. The plan is
// reloaded after each of those, keeping the view (and its year) on screen meanwhile.
import { useTranslation } from 'react-i18next';
import { QueryView } from '../components/QueryView';
import { MonitoringView } from '../components/monitoring/MonitoringView';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';
import { usePlanDetail } from '../lib/sheet/use-plan-detail';

interface MonitoringPageProps {
  planId: number;
  onStatus?: StatusReporter;
}

export function MonitoringPage({ planId, onStatus }: MonitoringPageProps) {
  const { t } = useTranslation();
  const { state, reload } = usePlanDetail(planId);
  useReportStatus(
    onStatus,
    statusOf(state, t, (d) => t('monitoring.loaded', { n: d.indicators.length })),
  );
  return (
    <QueryView state={state}>{(detail) => <MonitoringView key={planId} detail={detail} onReload={reload} />}</QueryView>
  );
}
