// 设置 → 数据与备份: where the database lives (copyable), its size and schema version, the backups folder and how many
// rolling backups are kept (editable); the rolling backups themselves; 立即备份, 备份到文件… and 从备份恢复… (from a
// chosen file or from a backup in the list). After a restore the whole window loads the restored data.
import { useState } from 'react';
import { Alert, Button, Space, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StorageInfo } from '../../../../shared/backup';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { useFileDelivery } from '../../lib/use-file-delivery';
import { useReloadableQuery } from '../work/use-reloadable-query';
import { BackupTable } from './BackupTable';
import { RestoreDialog } from './RestoreDialog';
import { StorageView } from './StorageView';
import { useRestoreFlow } from './use-restore-flow';
import '../import/import.css';
import './backup.css';

interface DataBackupPanelProps {
  /** after a successful restore, with the text saying so: the window reloads everything */
  onRestored?: (text: string) => void;
}

export function DataBackupPanel({ onRestored }: DataBackupPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const storage = useReloadableQuery('settings/storage', {});
  const list = useReloadableQuery('backup/list', {});
  const [messageApi, messageHolder] = message.useMessage();
  const delivery = useFileDelivery();
  const [busy, setBusy] = useState<'create' | 'export' | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [saved, setSaved] = useState<StorageInfo | null>(null);
  const flow = useRestoreFlow((result, name) => {
    setRestoring(false);
    const text = result.safetyBackup
      ? t('backup.restore.done', { name, safety: result.safetyBackup })
      : t('backup.restore.doneNoSafety', { name });
    onRestored?.(text);
  });

  const reload = () => {
    setSaved(null);
    storage.reload();
    list.reload();
  };

  const create = async () => {
    setBusy('create');
    try {
      const entry = await api.call('backup/create', {});
      void messageApi.success(entry ? t('backup.created', { name: entry.fileName }) : t('backup.createdNone'));
      reload();
    } catch (e) {
      void messageApi.error({ content: t('backup.createFailed', { message: toApiError(e).message }), duration: 8 });
    } finally {
      setBusy(null);
    }
  };

  const exportFile = async () => {
    setBusy('export');
    try {
      await delivery.run(() => api.call('backup/export', {}));
    } finally {
      setBusy(null);
    }
  };

  const shownStorage = saved ?? (storage.state.status === 'ok' ? storage.state.data : storage.lastData);
  const shownList = list.state.status === 'ok' ? list.state.data : list.lastData;
  const failure =
    storage.state.status === 'error' ? storage.state.error : list.state.status === 'error' ? list.state.error : null;

  return (
    <div className="backup-panel" data-testid="backup-panel">
      {messageHolder}
      {delivery.holders}
      <Typography.Title level={5} className="page-title">
        {t('backup.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('backup.intro')}</Typography.Paragraph>
      <Space wrap className="backup-actions">
        <Button type="primary" data-testid="backup-create" loading={busy === 'create'} onClick={() => void create()}>
          {t('backup.create')}
        </Button>
        <Button data-testid="backup-export" loading={busy === 'export'} onClick={() => void exportFile()}>
          {t('backup.export')}
        </Button>
        <Button danger data-testid="backup-restore-open" onClick={() => setRestoring(true)}>
          {t('backup.restore.button')}
        </Button>
      </Space>
      {failure && (
        <Alert
          type="error"
          showIcon
          className="backup-section-hint"
          data-testid="backup-load-error"
          title={t('common.loadFailed')}
          description={failure.message}
        />
      )}
      {shownStorage && <StorageView storage={shownStorage} onSaved={(s) => setSaved(s)} />}
      <Typography.Title level={5} className="backup-section-title">
        {t('backup.listTitle', { n: shownList?.length ?? 0 })}
      </Typography.Title>
      <BackupTable
        backups={shownList ?? []}
        onRestore={(entry) => {
          setRestoring(true);
          void flow.runPreview({ kind: 'backup', entry });
        }}
      />
      <RestoreDialog
        open={restoring}
        flow={flow}
        onCancel={() => {
          if (flow.step === 'restoring') return;
          setRestoring(false);
          flow.reset();
        }}
      />
    </div>
  );
}
