// What a restore would do, before anything is replaced: the backup (file, size, when it was taken, SHA-256, schema
// version, integrity check) and, plan by plan, what it holds against what is there now — so the clerk sees what
// would be lost — with the departments and change-log entries on each side.
import type { HTMLAttributes } from 'react';
import { Alert, Descriptions, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DatabaseContents, PlanContents, RestorePreview } from '../../../../shared/backup';
import { formatBytes } from '../../lib/format-bytes';
import { formatTime } from '../../lib/time';

interface PlanRow {
  key: string;
  backup: PlanContents | null;
  current: PlanContents | null;
}

/** The plans of both sides, matched by short name, in the backup's order then the current-only ones. */
export function comparePlans(backup: DatabaseContents, current: DatabaseContents | null): PlanRow[] {
  const now = new Map((current?.plans ?? []).map((p) => [p.shortName, p]));
  const rows: PlanRow[] = backup.plans.map((p) => ({
    key: p.shortName,
    backup: p,
    current: now.get(p.shortName) ?? null,
  }));
  const inBackup = new Set(backup.plans.map((p) => p.shortName));
  for (const p of current?.plans ?? [])
    if (!inBackup.has(p.shortName)) rows.push({ key: p.shortName, backup: null, current: p });
  return rows;
}

function PlansTable({ preview }: { preview: RestorePreview }) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const plan = (r: PlanRow) => (r.backup ?? r.current)!;
  const columns: TableColumnsType<PlanRow> = [
    { key: 'shortName', title: t('backup.preview.col.shortName'), width: 100, render: (_, r) => plan(r).shortName },
    {
      key: 'title',
      title: t('backup.preview.col.title'),
      render: (_, r) => (
        <>
          <div>{plan(r).title}</div>
          {r.backup === null && <Tag color="red">{t('backup.preview.onlyNow')}</Tag>}
          {r.current === null && <Tag color="blue">{t('backup.preview.onlyInBackup')}</Tag>}
        </>
      ),
    },
    {
      key: 'period',
      title: t('backup.preview.col.period'),
      width: 110,
      render: (_, r) => t('plans.period', { first: plan(r).firstYear, last: plan(r).lastYear }),
    },
    {
      key: 'backup',
      title: t('backup.preview.col.inBackup'),
      width: 170,
      render: (_, r) =>
        r.backup ? t('backup.preview.counts', { indicators: r.backup.indicators, values: r.backup.values }) : dash,
    },
    {
      key: 'current',
      title: t('backup.preview.col.now'),
      width: 170,
      render: (_, r) =>
        r.current ? t('backup.preview.counts', { indicators: r.current.indicators, values: r.current.values }) : dash,
    },
  ];
  return (
    <Table<PlanRow>
      data-testid="restore-plans"
      rowKey="key"
      columns={columns}
      dataSource={comparePlans(preview.backup, preview.current)}
      size="small"
      bordered
      tableLayout="fixed"
      pagination={false}
      onRow={(r) => ({ 'data-testid': `restore-plan-${r.key}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('backup.preview.noPlans') }}
    />
  );
}

export function RestorePreviewView({ preview }: { preview: RestorePreview }) {
  const { t, i18n } = useTranslation();
  const { source, backup, current } = preview;
  const none = t('common.none');
  const contents = (c: DatabaseContents | null) =>
    c === null
      ? t('backup.preview.unreadable')
      : t('backup.preview.contents', {
          plans: c.plans.length,
          departments: c.departments,
          entries: c.changeLogEntries,
          last: c.lastChangeAt ? formatTime(c.lastChangeAt, i18n.language) : none,
        });
  return (
    <div className="restore-preview" data-testid="restore-preview">
      <Alert
        type="warning"
        showIcon
        className="backup-section-hint"
        data-testid="restore-explain"
        title={t('backup.preview.replaceTitle')}
        description={t('backup.preview.replaceBody')}
      />
      <Descriptions
        size="small"
        bordered
        column={2}
        data-testid="restore-source"
        items={[
          { key: 'name', label: t('backup.preview.file'), children: source.name, span: 2 },
          {
            key: 'takenAt',
            label: t('backup.preview.takenAt'),
            children: source.takenAt ? formatTime(source.takenAt, i18n.language) : t('backup.preview.takenAtUnknown'),
          },
          { key: 'bytes', label: t('backup.preview.size'), children: formatBytes(source.bytes) },
          {
            key: 'schema',
            label: t('backup.preview.schema'),
            children: (
              <span data-testid="restore-schema">
                {preview.needsUpgrade
                  ? t('backup.preview.schemaUpgrade', {
                      version: backup.schemaVersion,
                      app: preview.appSchemaVersion,
                    })
                  : t('backup.preview.schemaVersion', { version: backup.schemaVersion })}
              </span>
            ),
          },
          {
            key: 'integrity',
            label: t('backup.preview.integrity'),
            children: (
              <Tag color="green" data-testid="restore-integrity">
                {t('backup.preview.integrityOk')}
              </Tag>
            ),
          },
          {
            key: 'sha',
            label: t('backup.preview.sha'),
            span: 2,
            children: (
              <Typography.Text code className="backup-sha">
                {source.sha256}
              </Typography.Text>
            ),
          },
          { key: 'backup', label: t('backup.preview.inBackup'), span: 2, children: contents(backup) },
          { key: 'current', label: t('backup.preview.now'), span: 2, children: contents(current) },
        ]}
      />
      <Typography.Title level={5} className="backup-section-title">
        {t('backup.preview.plansTitle')}
      </Typography.Title>
      <PlansTable preview={preview} />
    </div>
  );
}
