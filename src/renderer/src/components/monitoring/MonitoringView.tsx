// 年度监测 for a loaded plan: the year, the summary, the judged indicator table and the trend drawer. Statuses are
// computed here with the shared evaluation rules, so the page and the exports judge alike.
import { useMemo, useState } from 'react';
import { message, Segmented, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EVAL } from '../../../../shared/evaluate';
import type { PlanDetail } from '../../../../shared/model';
import {
  buildMonitoringRows,
  defaultMonitoringYear,
  planPeriod,
  sortRows,
  statusCounts,
  type StatusOverride,
} from '../../lib/monitoring/rows';
import { planYears } from '../../lib/indicator-rows';
import { usePlanAccess } from '../../lib/plan-access';
import { submissionOf } from '../../lib/submission';
import { MonitoringSummary } from './MonitoringSummary';
import { MonitoringTable } from './MonitoringTable';
import { CollectionButton } from '../collection/CollectionButton';
import { ImportButton } from '../import/ImportButton';
import { SubmitButton } from '../submission/SubmitButton';
import { SubmittedBanner } from '../submission/SubmittedBanner';
import { OverrideDialog } from './OverrideDialog';
import './monitoring-tools.css';
import { TrendDrawer } from './TrendDrawer';

interface MonitoringViewProps {
  detail: PlanDetail;
  /** reloads plan/get after a change made here (an adjustment, an import, a submission); keeps the year */
  onReload?: () => void;
}

/** Statuses a clerk set by hand for the year, with their reasons, by indicator id. */
function overridesFor(detail: PlanDetail, year: number): ReadonlyMap<number, StatusOverride> {
  return new Map(
    detail.overrides.filter((o) => o.year === year).map((o) => [o.indicatorId, { status: o.status, reason: o.reason }]),
  );
}

export function MonitoringView({ detail, onReload }: MonitoringViewProps) {
  const { t } = useTranslation();
  const [messageApi, messageHolder] = message.useMessage();
  const [year, setYear] = useState(() => defaultMonitoringYear(detail));
  const [planOrder, setPlanOrder] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [adjustId, setAdjustId] = useState<number | null>(null);
  const period = useMemo(() => planPeriod(detail.plan), [detail.plan]);
  const rows = useMemo(() => buildMonitoringRows(detail, year, overridesFor(detail, year)), [detail, year]);
  const sorted = useMemo(() => sortRows(rows, planOrder), [rows, planOrder]);
  const counts = statusCounts(rows);
  const open = rows.find((r) => r.key === openId) ?? null;
  const adjusting = rows.find((r) => r.key === adjustId) ?? null;
  /** A change was written: say so and show the plan as it is now. */
  const changed = (text: string) => {
    void messageApi.success(text);
    onReload?.();
  };
  const failed = (text: string) => void messageApi.error({ content: text, duration: 8 });
  const submission = submissionOf(detail, year);
  // A closed plan is judged and shown, but nothing is collected, imported, submitted, unlocked or adjusted.
  const { readOnly } = usePlanAccess();
  const lockedHint = submission ? t('submission.lockedHint', { year }) : null;

  return (
    <div className="monitoring-page" data-testid="monitoring-page">
      {messageHolder}
      <div className="monitoring-toolbar">
        <Typography.Title level={5} className="page-title">
          {t('monitoring.title', { year })}
        </Typography.Title>
        <div className="monitoring-year">
          <Typography.Text>{t('monitoring.yearLabel')}</Typography.Text>
          <Segmented<number>
            data-testid="monitoring-year"
            aria-label={t('monitoring.yearLabel')}
            value={year}
            onChange={setYear}
            options={planYears(detail.plan).map((y) => ({ value: y, label: t('monitoring.yearOption', { year: y }) }))}
          />
        </div>
      </div>
      {!readOnly && (
        <div className="monitoring-tools" data-testid="monitoring-tools">
          <CollectionButton detail={detail} year={year} />
          <ImportButton planId={detail.plan.id} onImported={changed} />
          {!submission && <SubmitButton planId={detail.plan.id} year={year} onSubmitted={changed} onFailed={failed} />}
        </div>
      )}
      {submission && <SubmittedBanner key={year} submission={submission} onUnlocked={changed} canUnlock={!readOnly} />}
      <MonitoringSummary rows={rows} counts={counts} actions={detail.actions} tasks={detail.tasks} year={year} />
      <div className="monitoring-table-bar">
        <Typography.Text type="secondary">{t('monitoring.rowHint')}</Typography.Text>
        <label className="monitoring-order">
          <Switch size="small" checked={planOrder} onChange={setPlanOrder} data-testid="monitoring-plan-order" />
          <span>{t('monitoring.planOrder')}</span>
        </label>
      </div>
      <MonitoringTable
        rows={sorted}
        year={year}
        tolerance={DEFAULT_EVAL.tolerance}
        planOrder={planOrder}
        onOpen={(r) => setOpenId(r.key)}
        onAdjust={readOnly ? undefined : (r) => setAdjustId(r.key)}
        lockedHint={lockedHint}
      />
      <TrendDrawer row={open} plan={period} year={year} onClose={() => setOpenId(null)} />
      <OverrideDialog
        planId={detail.plan.id}
        year={year}
        row={adjusting}
        onClose={() => setAdjustId(null)}
        onSaved={(text) => {
          setAdjustId(null);
          changed(text);
        }}
      />
    </div>
  );
}
