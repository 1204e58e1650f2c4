// 十大行动: the plan's actions (附件2) as a plain read-only table.
import { useMemo } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Action, PlanDetail } from '../../../shared/model';
import { QueryView } from '../components/QueryView';
import { statusOf, useReportStatus, type StatusReporter } from '../lib/status';
import { useApiQuery } from '../lib/use-api-query';

function ActionsTable({ detail }: { detail: PlanDetail }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () => [...detail.actions].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id),
    [detail.actions],
  );
  const columns: TableColumnsType<Action> = [
    { key: 'seq', title: t('actions.seq'), dataIndex: 'seq', width: 64, align: 'center' },
    { key: 'name', title: t('actions.name'), dataIndex: 'name', width: 220 },
    { key: 'goal', title: t('actions.goal'), dataIndex: 'goal' },
    { key: 'remark', title: t('actions.remark'), width: 180, render: (_, a) => a.remark ?? '' },
  ];
  const appendix = detail.appendices.find((a) => a.kind === 'actions');
  return (
    <div data-testid="actions-page">
      {appendix && (
        <Typography.Title level={5} className="page-title">
          {`${appendix.label} ${appendix.title}`}
        </Typography.Title>
      )}
      <Table<Action>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        bordered
        size="small"
        pagination={false}
        locale={{ emptyText: t('common.empty') }}
      />
    </div>
  );
}

export function ActionsPage({ planId, onStatus }: { planId: number; onStatus?: StatusReporter }) {
  const { t } = useTranslation();
  const state = useApiQuery('plan/get', { plan: planId });
  useReportStatus(
    onStatus,
    statusOf(state, t, (d) => t('status.actionsLoaded', { n: d.actions.length })),
  );
  return <QueryView state={state}>{(detail) => <ActionsTable detail={detail} />}</QueryView>;
}
