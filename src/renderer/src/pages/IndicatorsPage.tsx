// 主要指标: the plan's indicator table laid out like 附件1 — category cells merged over their rows, a
// target/actual column pair per plan year, every value shown exactly as written.
import { useMemo, type HTMLAttributes } from 'react';
import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, ValueKind } from '../../../shared/model';
import { ValueCell } from '../components/ValueCell';
import { QueryView } from '../components/QueryView';
import { buildIndicatorRows, planYears, valueKey, type IndicatorRow } from '../lib/indicator-rows';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';
import { useApiQuery } from '../lib/use-api-query';

/** Height of the status line, so the table's sticky scrollbar sits above it rather than behind it. */
export const STATUS_BAR_HEIGHT = 32;

const KINDS: readonly ValueKind[] = ['target', 'actual'];

function buildColumns(detail: PlanDetail, t: TFunction): TableColumnsType<IndicatorRow> {
  const { plan } = detail;
  const yearGroups: TableColumnsType<IndicatorRow> = planYears(plan).map((year) => ({
    key: `year-${year}`,
    title: t('indicators.year', { year }),
    align: 'center',
    children: KINDS.map((kind) => ({
      key: valueKey(year, kind),
      title: t(kind === 'target' ? 'indicators.target' : 'indicators.actual'),
      width: 88,
      align: 'center' as const,
      render: (_: unknown, row: IndicatorRow) => (
        <ValueCell seq={row.indicator.seq} year={year} kind={kind} value={row.values.get(valueKey(year, kind))} />
      ),
    })),
  }));

  return [
    {
      key: 'category',
      title: t('indicators.category'),
      width: 96,
      fixed: 'start',
      // The first row of a category spans the whole group; the others get 0 and their cell is omitted.
      onCell: (row) => ({ rowSpan: row.categorySpan }),
      render: (_, row) => row.categoryName ?? t('indicators.uncategorized'),
    },
    {
      key: 'seq',
      title: t('indicators.seq'),
      width: 56,
      fixed: 'start',
      align: 'center',
      render: (_, row) => row.indicator.seq,
    },
    {
      key: 'name',
      title: t('indicators.name'),
      width: 240,
      // Fixed so the indicator stays identifiable while scrolling through the year columns.
      fixed: 'start',
      render: (_, row) => <span title={row.indicator.printedName}>{row.indicator.name}</span>,
    },
    {
      key: 'unit',
      title: t('indicators.unit'),
      width: 72,
      align: 'center',
      render: (_, row) => row.indicator.unit ?? t('common.none'),
    },
    {
      key: 'base',
      title: plan.baseYear === null ? t('indicators.base') : t('indicators.baseWithYear', { year: plan.baseYear }),
      width: 128,
      align: 'center',
      render: (_, row) => {
        const base = row.indicator.base;
        if (!base) return null;
        const text = <span data-testid={`base-${row.indicator.seq}`}>{base.text}</span>;
        return base.source ? (
          <Tooltip title={t('indicators.baseSource', { source: base.source })}>{text}</Tooltip>
        ) : (
          text
        );
      },
    },
    ...yearGroups,
    { key: 'remark', title: t('indicators.remark'), width: 180, render: (_, row) => row.indicator.remark ?? '' },
  ];
}

function IndicatorTable({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const rows = useMemo(() => buildIndicatorRows(detail.categories, detail.indicators), [detail]);
  const columns = useMemo(() => buildColumns(detail, t), [detail, t]);
  const appendix = detail.appendices.find((a) => a.kind === 'indicators');
  return (
    <div data-testid="indicators-page">
      {appendix && (
        <Typography.Title level={5} className="page-title">
          {`${appendix.label} ${appendix.title}`}
        </Typography.Title>
      )}
      <Table<IndicatorRow>
        rowKey="key"
        columns={columns}
        dataSource={rows}
        bordered
        size="small"
        pagination={false}
        sticky={{ offsetHeader: 0, offsetScroll: STATUS_BAR_HEIGHT }}
        scroll={{ x: 'max-content' }}
        // data-* keys are not part of HTMLAttributes' declared members, hence the cast.
        onRow={(row) => ({ 'data-testid': `indicator-row-${row.indicator.seq}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('common.empty') }}
      />
    </div>
  );
}

interface IndicatorsPageProps {
  planId: number;
  onStatus?: StatusReporter;
}

export function IndicatorsPage({ planId, onStatus }: IndicatorsPageProps) {
  const { t } = useTranslation();
  const state = useApiQuery('plan/get', { plan: planId });
  useReportStatus(
    onStatus,
    statusOf(state, t, (d) => t('status.indicatorsLoaded', { n: d.indicators.length })),
  );
  return <QueryView state={state}>{(detail) => <IndicatorTable detail={detail} />}</QueryView>;
}
