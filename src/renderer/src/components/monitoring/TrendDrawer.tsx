// One indicator's trend over the plan: the chart (published targets, expected path, actuals) and the same
// figures as a table, so nothing is shown by the picture alone. ECharts loads with the first chart opened, in a
// chunk of its own, so the window's start-up bundle does not carry it.
import { lazy, Suspense, useMemo } from 'react';
import { Drawer, Spin, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanYears } from '../../../../shared/evaluate';
import { formatComputed, formatPercent } from '../../lib/monitoring/format';
import type { MonitoringRow } from '../../lib/monitoring/rows';
import { buildTrendOption, trendData } from '../../lib/monitoring/trend-option';
import { EvalStatusTag } from './EvaluationTag';

const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

interface TrendDrawerProps {
  row: MonitoringRow | null;
  plan: PlanYears;
  year: number;
  onClose: () => void;
}

interface YearLine {
  year: number;
  target: string | null;
  path: string | null;
  derived: boolean;
  actual: string | null;
}

function TrendBody({ row, plan, year }: { row: MonitoringRow; plan: PlanYears; year: number }) {
  const { t } = useTranslation();
  const ind = row.indicator;
  const option = useMemo(() => buildTrendOption(ind, plan, year, t), [ind, plan, year, t]);
  const lines = useMemo((): YearLine[] => {
    const data = trendData(ind, plan);
    const written = (y: number, kind: 'target' | 'actual') =>
      ind.values.find((v) => v.year === y && v.kind === kind)?.text ?? null;
    return data.years.map((y, i) => ({
      year: y,
      target: written(y, 'target'),
      path: formatComputed(data.path[i], ind),
      derived: data.targets[i] === null && y >= plan.firstYear,
      actual: y < plan.firstYear ? (written(y, 'actual') ?? ind.base?.text ?? null) : written(y, 'actual'),
    }));
  }, [ind, plan]);
  const none = t('common.none');
  const columns: TableColumnsType<YearLine> = [
    {
      key: 'year',
      title: t('monitoring.trend.tableYear'),
      render: (_, l) => t('monitoring.trend.year', { year: l.year }),
    },
    { key: 'target', title: t('monitoring.trend.target'), render: (_, l) => l.target ?? none },
    {
      key: 'path',
      title: t('monitoring.trend.tablePath'),
      render: (_, l) => (l.path === null ? none : l.derived ? t('monitoring.tip.derived', { value: l.path }) : l.path),
    },
    { key: 'actual', title: t('monitoring.trend.actual'), render: (_, l) => l.actual ?? none },
  ];
  const e = row.evaluation;
  return (
    <div className="monitoring-trend" data-testid="monitoring-trend">
      <div className="monitoring-trend-head">
        <EvalStatusTag status={e.status} />
        {e.override && <Tag>{t('monitoring.override')}</Tag>}
        <Typography.Text type="secondary">
          {t('monitoring.trend.progressLine', {
            year,
            progress: formatPercent(e.progress) ?? none,
            expected: formatPercent(e.expectedProgress) ?? none,
          })}
        </Typography.Text>
      </div>
      <Suspense
        fallback={
          <div className="monitoring-trend-chart monitoring-trend-loading">
            <Spin />
          </div>
        }
      >
        <TrendChart option={option} label={t('monitoring.trend.chartLabel', { name: ind.name })} />
      </Suspense>
      <Typography.Paragraph type="secondary" className="monitoring-trend-note">
        {t('monitoring.trend.note')}
      </Typography.Paragraph>
      <Table<YearLine>
        rowKey="year"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={lines}
        rowClassName={(l) => (l.year === year ? 'monitoring-trend-current' : '')}
      />
    </div>
  );
}

export function TrendDrawer({ row, plan, year, onClose }: TrendDrawerProps) {
  const { t } = useTranslation();
  const ind = row?.indicator;
  const title = ind
    ? t('monitoring.trend.title', {
        seq: ind.seq,
        name: ind.unit ? t('monitoring.nameWithUnit', { name: ind.name, unit: ind.unit }) : ind.name,
      })
    : '';
  return (
    <Drawer open={row !== null} placement="right" size={720} title={title} onClose={onClose} destroyOnHidden>
      {row && <TrendBody row={row} plan={plan} year={year} />}
    </Drawer>
  );
}
