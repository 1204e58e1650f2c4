// 设置 → 数据与备份: where the database lives (copyable), its size and schema version, the backups folder, how many
// rolling backups are kept (edited through settings/set-backup-keep) and how many there are.
import { useState } from 'react';
import { Button, Descriptions, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StorageInfo } from '../../../../shared/backup';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { formatBytes } from '../../lib/format-bytes';
import { formatTime } from '../../lib/time';

/** The core's bounds for how many rolling backups are kept (shared/backup.ts). */
export const MIN_BACKUP_KEEP = 3;
export const MAX_BACKUP_KEEP = 500;

const IN_MEMORY = ':memory:';

function KeepEditor({ storage, onSaved }: { storage: StorageInfo; onSaved: (s: StorageInfo) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  // undefined: untouched (the stored number shows); null: the clerk emptied the field.
  const [draft, setDraft] = useState<number | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const value = draft === undefined ? storage.keep : draft;
  const valid = value !== null && Number.isInteger(value) && value >= MIN_BACKUP_KEEP && value <= MAX_BACKUP_KEEP;

  const save = async () => {
    if (!valid || value === null || value === storage.keep) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('settings/set-backup-keep', { keep: value });
      setDraft(undefined);
      onSaved(saved);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="backup-keep">
      <Space wrap>
        <span>{t('backup.keepBefore')}</span>
        <InputNumber<number>
          data-testid="backup-keep"
          aria-label={t('backup.keepLabel')}
          min={MIN_BACKUP_KEEP}
          max={MAX_BACKUP_KEEP}
          precision={0}
          value={value}
          status={valid ? undefined : 'error'}
          onChange={(v) => setDraft(v)}
          onPressEnter={() => void save()}
          className="backup-keep-input"
        />
        <span>{t('backup.keepAfter')}</span>
        <Button
          size="small"
          data-testid="backup-keep-save"
          loading={busy}
          disabled={!valid || value === storage.keep}
          onClick={() => void save()}
        >
          {t('backup.keepSave')}
        </Button>
      </Space>
      {!valid && (
        <Typography.Text type="danger" className="backup-keep-error" data-testid="backup-keep-invalid">
          {t('backup.keepRange', { min: MIN_BACKUP_KEEP, max: MAX_BACKUP_KEEP })}
        </Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" className="backup-keep-error" data-testid="backup-keep-error">
          {t('backup.keepFailed', { message: error })}
        </Typography.Text>
      )}
    </div>
  );
}

export function StorageView({ storage, onSaved }: { storage: StorageInfo; onSaved: (s: StorageInfo) => void }) {
  const { t, i18n } = useTranslation();
  const memory = storage.dbFile === IN_MEMORY;
  const path = (p: string, testId: string) => (
    <Typography.Text code copyable={{ text: p }} className="backup-path" data-testid={testId}>
      {p}
    </Typography.Text>
  );
  const latest = storage.latestBackup;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      className="backup-storage"
      data-testid="backup-storage"
      items={[
        {
          key: 'db',
          label: t('backup.dbFile'),
          children: memory ? t('backup.inMemory') : path(storage.dbFile, 'backup-db-file'),
        },
        {
          key: 'size',
          label: t('backup.dbSize'),
          children: (
            <span data-testid="backup-db-size">
              {t('backup.dbSizeValue', { size: formatBytes(storage.dbBytes), version: storage.schemaVersion })}
            </span>
          ),
        },
        {
          key: 'dir',
          label: t('backup.dir'),
          children: storage.backupsDir ? path(storage.backupsDir, 'backup-dir') : t('backup.noDir'),
        },
        {
          key: 'keep',
          label: t('backup.keepTitle'),
          children: <KeepEditor storage={storage} onSaved={onSaved} />,
        },
        {
          key: 'count',
          label: t('backup.existing'),
          children: (
            <span data-testid="backup-count">
              {t('backup.existingValue', { n: storage.backupCount, size: formatBytes(storage.backupBytes) })}
              {latest && t('backup.latest', { at: formatTime(latest.at, i18n.language), reason: latest.reasonLabel })}
            </span>
          ),
        },
      ]}
    />
  );
}
