// The year's indicator table (the 年度完成情况表 columns): every figure behind the judgement and the 评价 itself.
// A row opens the indicator's trend chart (click, or Enter when the row has focus).
import type { HTMLAttributes, KeyboardEvent } from 'react';
import { Button, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorValue } from '../../../../shared/model';
import { formatComputed, formatPercent } from '../../lib/monitoring/format';
import { categorySpans, type MonitoringRow } from '../../lib/monitoring/rows';
import { EvaluationCell } from './EvaluationTag';

interface MonitoringTableProps {
  rows: MonitoringRow[];
  year: number;
  tolerance: number;
  /** plan order merges each category's cells; the judged order lists the category on every row */
  planOrder: boolean;
  onOpen: (row: MonitoringRow) => void;
  /** opens the manual adjustment of the row's status; without it the column is left out */
  onAdjust?: (row: MonitoringRow) => void;
  /** why the year cannot be adjusted (it was submitted), shown on the disabled button */
  lockedHint?: string | null;
}

export function MonitoringTable(props: MonitoringTableProps) {
  const { rows, year, tolerance, planOrder, onOpen, onAdjust, lockedHint } = props;
  const { t } = useTranslation();
  // One look for "nothing here" in every column.
  const dash = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const spans = planOrder ? categorySpans(rows) : null;
  const spanOf = new Map(rows.map((r, i) => [r.key, spans ? spans[i] : 1]));
  const written = (v: IndicatorValue | null) => (v ? <span className="monitoring-value">{v.text}</span> : dash);

  const yearTarget = (r: MonitoringRow) => {
    if (r.yearTarget) return written(r.yearTarget);
    const derived = formatComputed(r.evaluation.expectedValue, r.indicator);
    if (derived === null) return written(null);
    return (
      <Tooltip title={t('monitoring.derivedHint', { year })}>
        <span className="monitoring-derived" data-testid={`monitoring-derived-${r.indicator.seq}`}>
          <span className="monitoring-value">{derived}</span>
          <Tag className="monitoring-derived-tag">{t('monitoring.derived')}</Tag>
        </span>
      </Tooltip>
    );
  };

  const percent = (v: number | null) => formatPercent(v) ?? dash;

  const columns: TableColumnsType<MonitoringRow> = [
    {
      key: 'category',
      title: t('monitoring.col.category'),
      width: 88,
      onCell: (r) => ({ rowSpan: spanOf.get(r.key) ?? 1 }),
      render: (_, r) => r.categoryName ?? t('monitoring.uncategorized'),
    },
    { key: 'seq', title: t('monitoring.col.seq'), width: 56, align: 'center', render: (_, r) => r.indicator.seq },
    {
      key: 'name',
      title: t('monitoring.col.name'),
      width: 240,
      render: (_, r) =>
        r.indicator.unit
          ? t('monitoring.nameWithUnit', { name: r.indicator.name, unit: r.indicator.unit })
          : r.indicator.name,
    },
    {
      key: 'nature',
      title: t('monitoring.col.nature'),
      width: 76,
      align: 'center',
      render: (_, r) => (r.indicator.nature ? t(`sheet.nature.${r.indicator.nature}`) : dash),
    },
    { key: 'base', title: t('monitoring.col.base'), width: 96, render: (_, r) => r.indicator.base?.text ?? dash },
    { key: 'yearTarget', title: t('monitoring.col.yearTarget'), width: 128, render: (_, r) => yearTarget(r) },
    { key: 'actual', title: t('monitoring.col.actual'), width: 104, render: (_, r) => written(r.actual) },
    { key: 'final', title: t('monitoring.col.finalTarget'), width: 104, render: (_, r) => written(r.finalTarget) },
    {
      key: 'progress',
      title: t('monitoring.col.progress'),
      width: 92,
      align: 'right',
      render: (_, r) => percent(r.evaluation.progress),
    },
    {
      key: 'expectedProgress',
      title: t('monitoring.col.expectedProgress'),
      width: 92,
      align: 'right',
      render: (_, r) => percent(r.evaluation.expectedProgress),
    },
    {
      key: 'evaluation',
      title: t('monitoring.col.evaluation'),
      width: 176,
      render: (_, r) => <EvaluationCell row={r} year={year} tolerance={tolerance} />,
    },
  ];
  if (onAdjust) {
    const adjustButton = (r: MonitoringRow) => (
      <Button
        size="small"
        data-testid={`monitoring-adjust-${r.indicator.seq}`}
        disabled={Boolean(lockedHint)}
        onClick={(e) => {
          // The row opens the trend; this button opens only the adjustment.
          e.stopPropagation();
          onAdjust(r);
        }}
      >
        {r.override ? t('override.actionEdit') : t('override.action')}
      </Button>
    );
    columns.push({
      key: 'adjust',
      title: t('override.column'),
      width: 104,
      align: 'center',
      render: (_, r) =>
        lockedHint ? (
          <Tooltip title={lockedHint}>
            <span className="monitoring-adjust-locked" onClick={(e) => e.stopPropagation()}>
              {adjustButton(r)}
            </span>
          </Tooltip>
        ) : (
          adjustButton(r)
        ),
    });
  }

  const rowProps = (r: MonitoringRow) =>
    ({
      'data-testid': `monitoring-row-${r.indicator.seq}`,
      'data-status': r.evaluation.status,
      className: 'monitoring-row',
      tabIndex: 0,
      onClick: () => onOpen(r),
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(r);
      },
    }) as HTMLAttributes<HTMLElement>;

  return (
    <Table<MonitoringRow>
      rowKey="key"
      columns={columns}
      dataSource={rows}
      bordered
      size="small"
      tableLayout="fixed"
      scroll={{ x: onAdjust ? 1356 : 1252 }}
      pagination={false}
      onRow={rowProps}
      locale={{ emptyText: t('common.empty') }}
    />
  );
}
