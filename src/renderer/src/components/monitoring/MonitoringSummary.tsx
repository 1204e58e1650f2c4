// The year at a glance: how many indicators have each 评价 (text, count and colour), the 约束性 indicators that
// lag and need a written explanation, and the actions' and tasks' progress statuses for the same year.
import { Alert, Card, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvalStatus } from '../../../../shared/evaluate';
import type { Action, Task } from '../../../../shared/model';
import { EVAL_STATUSES, progressCounts, type MonitoringRow } from '../../lib/monitoring/rows';
import { PROGRESS_STATUSES, StatusTag } from '../work/progress-status';
import { EvalStatusTag } from './EvaluationTag';

/** The count's colour, matching the Tag's (the Tag's text says what the number counts). */
const COUNT_COLOR: Record<EvalStatus, string> = {
  achieved_early: '#389e0d',
  ahead: '#08979c',
  on_track: '#0958d9',
  lagging: '#cf1322',
  no_data: '#595959',
  not_evaluable: '#531dab',
};

interface ProgressCardProps {
  title: string;
  items: readonly (Action | Task)[];
  year: number;
  testId: string;
}

function ProgressCard({ title, items, year, testId }: ProgressCardProps) {
  const { t } = useTranslation();
  const counts = progressCounts(items, year);
  return (
    <Card size="small" title={title} className="monitoring-progress-card" data-testid={testId}>
      <div className="monitoring-progress-counts">
        {PROGRESS_STATUSES.map((s) => (
          <span key={s} className="monitoring-progress-count" data-testid={`${testId}-${s}`} data-count={counts[s]}>
            <StatusTag status={s} />
            <strong>{counts[s]}</strong>
          </span>
        ))}
        <span className="monitoring-progress-count" data-testid={`${testId}-none`} data-count={counts.none}>
          <Typography.Text type="secondary">{t('monitoring.progressNone')}</Typography.Text>
          <strong>{counts.none}</strong>
        </span>
      </div>
    </Card>
  );
}

interface MonitoringSummaryProps {
  rows: MonitoringRow[];
  counts: Record<EvalStatus, number>;
  actions: Action[];
  tasks: Task[];
  year: number;
}

export function MonitoringSummary({ rows, counts, actions, tasks, year }: MonitoringSummaryProps) {
  const { t } = useTranslation();
  const toExplain = rows.filter((r) => r.evaluation.needsExplanation);
  return (
    <div className="monitoring-summary">
      <div className="monitoring-counts">
        {/* The not-evaluable card only for plans with text targets: no empty card for the others. */}
        {EVAL_STATUSES.filter((s) => s !== 'not_evaluable' || counts[s] > 0).map((s) => (
          <Card
            key={s}
            size="small"
            className={`monitoring-count monitoring-count-${s}`}
            data-testid={`monitoring-count-${s}`}
            data-count={counts[s]}
          >
            <Statistic
              title={<EvalStatusTag status={s} />}
              value={counts[s]}
              suffix={t('monitoring.countSuffix')}
              styles={{ content: { color: COUNT_COLOR[s] } }}
            />
          </Card>
        ))}
      </div>
      {toExplain.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="monitoring-explain"
          data-testid="monitoring-explain"
          title={t('monitoring.explainTitle', { n: toExplain.length })}
          description={
            <ul className="monitoring-explain-list">
              {toExplain.map((r) => (
                <li key={r.key}>{t('monitoring.explainItem', { seq: r.indicator.seq, name: r.indicator.name })}</li>
              ))}
            </ul>
          }
        />
      )}
      <div className="monitoring-progress">
        <ProgressCard
          title={t('monitoring.actionsTitle', { year })}
          items={actions}
          year={year}
          testId="monitoring-actions"
        />
        <ProgressCard
          title={t('monitoring.tasksTitle', { year })}
          items={tasks}
          year={year}
          testId="monitoring-tasks"
        />
      </div>
    </div>
  );
}
