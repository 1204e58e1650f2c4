// The entries of 修改记录, newest first: when, who, what (kind, name, field, operation), before → after, and a
// 撤销 that writes the `before` back (after a confirmation; the revert is itself logged).
import type { HTMLAttributes } from 'react';
import { Button, Popconfirm, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeLogEntry } from '../../../../shared/model';
import { formatTime } from '../../lib/time';
import { canRevert, describeChange, entityLabel, fieldLabel, subjectName, type Lookup } from './describe';
import { annualOpLabel } from './describe-annual';
import { isPlanLifecycle, planOpLabel } from './describe-plan';

const OP_KEY = {
  create: 'changelog.op.create',
  update: 'changelog.op.update',
  delete: 'changelog.op.delete',
} as const satisfies Record<ChangeLogEntry['op'], string>;

const OP_COLOR: Record<ChangeLogEntry['op'], string> = { create: 'green', update: 'blue', delete: 'red' };

interface ChangeLogTableProps {
  entries: ChangeLogEntry[];
  lookup: Lookup;
  loading: boolean;
  /** the entry being reverted, if any */
  reverting: number | null;
  onRevert: (entry: ChangeLogEntry) => void;
  /** a closed plan: nothing is reverted, for this reason */
  readOnlyHint?: string | null;
  pagination: { current: number; pageSize: number; total: number };
  onPage: (current: number, pageSize: number) => void;
}

function Change({ entry, lookup }: { entry: ChangeLogEntry; lookup: Lookup }) {
  const { t } = useTranslation();
  const { before, after } = describeChange(entry, lookup);
  return (
    <>
      <div className="changelog-change">
        <span className="changelog-before" data-testid={`changelog-before-${entry.id}`} title={before}>
          {before}
        </span>
        <span className="changelog-arrow" aria-hidden>
          {'→'}
        </span>
        <span className="changelog-after" data-testid={`changelog-after-${entry.id}`} title={after}>
          {after}
        </span>
      </div>
      {entry.source && (
        <Typography.Text type="secondary" className="changelog-source" data-testid={`changelog-source-${entry.id}`}>
          {t('changelog.annual.source', { file: entry.source })}
        </Typography.Text>
      )}
    </>
  );
}

export function ChangeLogTable(props: ChangeLogTableProps) {
  const { entries, lookup, loading, reverting, onRevert, pagination, onPage, readOnlyHint } = props;
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<ChangeLogEntry> = [
    { key: 'at', title: t('changelog.time'), width: 170, render: (_, e) => formatTime(e.at, i18n.language) },
    { key: 'actor', title: t('changelog.actor'), width: 100, dataIndex: 'actor' },
    {
      key: 'what',
      title: t('changelog.what'),
      width: 320,
      render: (_, e) => (
        <div className="changelog-what" data-testid={`changelog-what-${e.id}`}>
          <Tag color={OP_COLOR[e.op]}>{annualOpLabel(e, t) ?? planOpLabel(e, t) ?? t(OP_KEY[e.op])}</Tag>
          <Tag>{entityLabel(e.entity, t)}</Tag>
          <Typography.Text strong>{subjectName(e, lookup)}</Typography.Text>
          {e.field && e.entity !== 'year_submission' && !isPlanLifecycle(e) && (
            <Typography.Text type="secondary">{fieldLabel(e.field, t)}</Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'change', title: t('changelog.change'), render: (_, e) => <Change entry={e} lookup={lookup} /> },
    {
      key: 'revert',
      title: t('changelog.revertColumn'),
      width: 90,
      align: 'center',
      render: (_, e) =>
        readOnlyHint ? (
          <Tooltip title={readOnlyHint}>
            <Button size="small" disabled data-testid={`changelog-revert-${e.id}`}>
              {t('changelog.revert')}
            </Button>
          </Tooltip>
        ) : canRevert(e) ? (
          <Popconfirm
            title={t('changelog.revertConfirmTitle')}
            description={t('changelog.revertConfirm')}
            okText={t('changelog.revert')}
            cancelText={t('changelog.cancel')}
            onConfirm={() => onRevert(e)}
          >
            <Button
              size="small"
              loading={reverting === e.id}
              disabled={reverting !== null}
              data-testid={`changelog-revert-${e.id}`}
            >
              {t('changelog.revert')}
            </Button>
          </Popconfirm>
        ) : (
          <Tooltip title={t('changelog.cannotRevert')}>
            <Button size="small" disabled data-testid={`changelog-revert-${e.id}`}>
              {t('changelog.revert')}
            </Button>
          </Tooltip>
        ),
    },
  ];
  return (
    <Table<ChangeLogEntry>
      rowKey="id"
      columns={columns}
      dataSource={entries}
      loading={loading}
      bordered
      size="small"
      tableLayout="fixed"
      scroll={{ x: 1000 }}
      onRow={(e) => ({ 'data-testid': `changelog-entry-${e.id}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('changelog.empty') }}
      pagination={{
        ...pagination,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('changelog.total', { total }),
        onChange: onPage,
      }}
    />
  );
}
