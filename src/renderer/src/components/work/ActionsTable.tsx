// 十大行动: one row per action with its goal, 牵头科室, 备注 and the chosen year's progress, each saved at once.
import { useState, type HTMLAttributes } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Action, PlanDetail } from '../../../../shared/model';
import type { ArgsIn } from '../../../../shared/api';
import { useApi } from '../../lib/api-context';
import type { StatusReporter } from '../../lib/status';
import { DepartmentSelect } from './DepartmentSelect';
import { ProgressEditor, type ProgressValue } from './ProgressEditor';
import { bySortOrder, progressOf, withProgress } from './progress';
import { TextField } from './TextField';
import { useSaveReporter } from './use-save';
import { planYears, useWorkYear, type WorkYearProps } from './work-year';
import { YearPicker } from './YearPicker';
import { usePlanAccess } from '../../lib/plan-access';
import { LockedNotice, useLockedHint } from '../submission/LockedNotice';
import './work.css';

type ActionFields = ArgsIn<'action/update'>['fields'];

interface ActionsTableProps extends WorkYearProps {
  detail: PlanDetail;
  onStatus?: StatusReporter;
}

export function ActionsTable({ detail, onStatus, ...yearProps }: ActionsTableProps) {
  const { t } = useTranslation();
  const api = useApi();
  const run = useSaveReporter(onStatus);
  const planId = detail.plan.id;
  const [year, setYear] = useWorkYear(detail.plan, yearProps);
  const yearHint = useLockedHint(detail, year);
  // A closed plan: nothing is edited; a submitted year: its progress is not.
  const access = usePlanAccess();
  const lockedHint = access.hint ?? yearHint;
  // The page's own copy, updated from what each save returns.
  const [actions, setActions] = useState(() => [...detail.actions].sort(bySortOrder));
  const patch = (id: number, change: (a: Action) => Action) =>
    setActions((list) => list.map((a) => (a.id === id ? change(a) : a)));

  const update = async (action: Action, fields: ActionFields) => {
    const stored = await run(() => api.call('action/update', { planId, actionId: action.id, fields }));
    patch(action.id, (a) => ({ ...a, ...stored }));
  };
  const setProgress = async (action: Action, value: ProgressValue) => {
    const progress = { year, ...value };
    const entry = await run(() => api.call('action/set-progress', { planId, actionId: action.id, progress }));
    patch(action.id, (a) => ({ ...a, progress: withProgress(a.progress, year, entry) }));
  };

  const columns: TableColumnsType<Action> = [
    { key: 'seq', title: t('actions.seq'), dataIndex: 'seq', width: 56, align: 'center' },
    {
      key: 'name',
      title: t('actions.name'),
      width: 150,
      render: (_, a) => <Typography.Text strong>{a.name}</Typography.Text>,
    },
    {
      key: 'goal',
      title: t('actions.goal'),
      width: 280,
      render: (_, a) => <div className="work-long-text">{a.goal}</div>,
    },
    {
      key: 'department',
      title: t('work.leadDepartment'),
      width: 170,
      render: (_, a) => (
        <DepartmentSelect
          departments={detail.departments}
          value={a.departmentId}
          save={(departmentId) => update(a, { departmentId })}
          testId={`action-dept-${a.seq}`}
          disabled={access.readOnly}
        />
      ),
    },
    {
      key: 'progress',
      title: t('progress.column', { year }),
      width: 320,
      render: (_, a) => (
        <ProgressEditor
          key={year}
          entry={progressOf(a.progress, year)}
          save={(value) => setProgress(a, value)}
          testId={`action-progress-${a.seq}`}
          statusTestId={`action-status-${a.seq}`}
          lockedHint={lockedHint}
        />
      ),
    },
    {
      key: 'remark',
      title: t('actions.remark'),
      width: 200,
      render: (_, a) => (
        <TextField
          multiline
          value={a.remark ?? ''}
          save={(text) => update(a, { remark: text.trim() === '' ? null : text })}
          testId={`action-remark-${a.seq}`}
          label={t('actions.remark')}
          maxLength={2000}
          disabled={access.readOnly}
        />
      ),
    },
  ];
  const appendix = detail.appendices.find((a) => a.kind === 'actions');
  return (
    <div data-testid="actions-page">
      <div className="work-toolbar">
        {appendix && (
          <Typography.Title level={5} className="page-title">
            {`${appendix.label} ${appendix.title}`}
          </Typography.Title>
        )}
        <YearPicker years={planYears(detail.plan)} value={year} onChange={setYear} />
      </div>
      {!access.readOnly && (
        <Typography.Paragraph type="secondary" className="work-hint">
          {t('work.autosaveHint')}
        </Typography.Paragraph>
      )}
      {/* A closed plan says so in the banner above every page. */}
      <LockedNotice hint={access.readOnly ? null : yearHint} />
      <Table<Action>
        rowKey="id"
        columns={columns}
        dataSource={actions}
        bordered
        size="small"
        tableLayout="fixed"
        scroll={{ x: 1176 }}
        pagination={false}
        onRow={(a) => ({ 'data-testid': `action-row-${a.seq}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('common.empty') }}
      />
    </div>
  );
}
