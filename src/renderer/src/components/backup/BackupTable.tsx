// The rolling backups, newest first: when, why (and whether pruning keeps it), size, file name, and 恢复… from it.
import type { HTMLAttributes } from 'react';
import { Button, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../shared/backup';
import { formatBytes } from '../../lib/format-bytes';
import { formatTime } from '../../lib/time';

export function BackupTable({ backups, onRestore }: { backups: BackupEntry[]; onRestore: (b: BackupEntry) => void }) {
  const { t, i18n } = useTranslation();
  const columns: TableColumnsType<BackupEntry> = [
    { key: 'at', title: t('backup.col.at'), width: 180, render: (_, b) => formatTime(b.at, i18n.language) },
    {
      key: 'reason',
      title: t('backup.col.reason'),
      width: 190,
      render: (_, b) => (
        <Space size={4} wrap>
          <Tag color={b.reason === 'manual' ? 'blue' : undefined}>{b.reasonLabel}</Tag>
          {b.kept && (
            <Tooltip title={t('backup.keptHint')}>
              <Tag color="green">{t('backup.kept')}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    { key: 'size', title: t('backup.col.size'), width: 100, align: 'right', render: (_, b) => formatBytes(b.bytes) },
    {
      key: 'file',
      title: t('backup.col.file'),
      render: (_, b) => <span className="backup-file-name">{b.fileName}</span>,
    },
    {
      key: 'restore',
      title: t('backup.col.restore'),
      width: 110,
      align: 'center',
      render: (_, b) => (
        <Button size="small" data-testid={`backup-restore-${b.fileName}`} onClick={() => onRestore(b)}>
          {t('backup.restoreThis')}
        </Button>
      ),
    },
  ];
  return (
    <Table<BackupEntry>
      data-testid="backup-list"
      rowKey="fileName"
      columns={columns}
      dataSource={backups}
      size="small"
      bordered
      tableLayout="fixed"
      scroll={{ x: 760 }}
      pagination={backups.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      onRow={(b) => ({ 'data-testid': `backup-row-${b.fileName}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('backup.none') }}
    />
  );
}
