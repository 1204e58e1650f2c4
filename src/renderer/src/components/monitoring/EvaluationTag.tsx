// 评价 as text and colour (never colour alone), with the figures behind it in a tooltip: base, targets, actual,
// 完成进度 against 序时进度, the expected value and whether it was derived; an override shows as such.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvalStatus } from '../../../../shared/evaluate';
import type { IndicatorValue } from '../../../../shared/model';
import { formatComputed, formatNumber, formatPercent } from '../../lib/monitoring/format';
import type { MonitoringRow } from '../../lib/monitoring/rows';
import { formatTime } from '../../lib/time';

export const EVAL_STATUS_COLOR: Record<EvalStatus, string> = {
  achieved_early: 'green',
  ahead: 'cyan',
  on_track: 'blue',
  lagging: 'red',
  no_data: 'default',
  not_evaluable: 'purple',
};

export function EvalStatusTag({ status }: { status: EvalStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={EVAL_STATUS_COLOR[status]} className="monitoring-status-tag" data-status={status}>
      {t(`monitoring.status.${status}`)}
    </Tag>
  );
}

interface FiguresProps {
  row: MonitoringRow;
  year: number;
  tolerance: number;
}

/** The tooltip's body: one line per figure the judgement used. */
export function EvaluationFigures({ row, year, tolerance }: FiguresProps) {
  const { t, i18n } = useTranslation();
  const { indicator: ind, evaluation: e } = row;
  const none = t('common.none');
  const text = (v: IndicatorValue | null) => v?.text ?? none;
  const withYear = (value: string | undefined, y: number | null | undefined) =>
    value === undefined ? none : y ? t('monitoring.tip.withYear', { value, year: y }) : value;
  const expected = formatComputed(e.expectedValue, ind);
  const lines: [string, string][] = [
    [t('monitoring.tip.base'), withYear(ind.base?.text, ind.base?.year)],
    [t('monitoring.tip.yearTarget'), text(row.yearTarget)],
    [t('monitoring.tip.actual'), text(row.actual)],
    [t('monitoring.tip.finalTarget'), withYear(row.finalTarget?.text, row.finalTarget?.year)],
    [t('monitoring.tip.progress'), formatPercent(e.progress) ?? none],
    [t('monitoring.tip.expectedProgress'), formatPercent(e.expectedProgress) ?? none],
    [
      t('monitoring.tip.expectedValue'),
      expected === null
        ? none
        : t(e.expectedDerived ? 'monitoring.tip.derived' : 'monitoring.tip.published', { value: expected }),
    ],
  ];
  if (e.progress !== null && e.status !== 'achieved_early') {
    const rule =
      ind.nature === 'binding'
        ? t('monitoring.tip.binding')
        : t('monitoring.tip.tolerance', { points: formatNumber(tolerance * 100, 1) });
    lines.push([t('monitoring.tip.rule'), rule]);
  }
  if (e.override) {
    lines.push([t('monitoring.tip.computed'), t(`monitoring.status.${e.computed}`)]);
    lines.push([t('monitoring.tip.overrideReason'), e.override.reason]);
    if (row.override) {
      const at = formatTime(row.override.updatedAt, i18n.language);
      lines.push([t('override.tipBy'), t('override.byAt', { by: row.override.updatedBy, at })]);
    }
  }
  return (
    <div className="monitoring-tip" data-testid="monitoring-tip">
      <div className="monitoring-tip-title">{t('monitoring.tip.title', { year })}</div>
      <dl>
        {lines.map(([label, value]) => (
          <div key={label} className="monitoring-tip-line">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

// The 评价 cell: the status (or the clerk's override, marked), a 需说明 flag, the figures on hover or focus.
export function EvaluationCell({ row, year, tolerance }: FiguresProps) {
  const { t } = useTranslation();
  const e = row.evaluation;
  return (
    <Tooltip
      title={<EvaluationFigures row={row} year={year} tolerance={tolerance} />}
      trigger={['hover', 'focus']}
      placement="left"
      styles={{ root: { maxWidth: 400 } }}
    >
      <span
        className="monitoring-evaluation"
        data-testid={`monitoring-status-${row.indicator.seq}`}
        data-status={e.status}
        tabIndex={0}
      >
        <EvalStatusTag status={e.status} />
        {e.override && <Tag className="monitoring-override-tag">{t('monitoring.override')}</Tag>}
        {e.needsExplanation && (
          <Tag color="volcano" className="monitoring-explain-tag" title={t('monitoring.needsExplanationHint')}>
            {t('monitoring.needsExplanation')}
          </Tag>
        )}
      </span>
    </Tooltip>
  );
}
