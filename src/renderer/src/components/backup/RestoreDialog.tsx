// 从备份恢复: choose a backup file (or come with a rolling backup already chosen), see what it holds and what it replaces,
// then 确认恢复. The current data is backed up first; while the restore runs the dialog cannot be closed.
import { Alert, Button, Modal, Progress, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../lib/format-bytes';
import { RestorePreviewView } from './RestorePreviewView';
import type { RestoreError, RestoreFlow } from './use-restore-flow';

function ErrorAlert({ error, onRepreview }: { error: RestoreError; onRepreview: () => void }) {
  const { t } = useTranslation();
  let title: string;
  let description: string | undefined;
  switch (error.kind) {
    case 'refused':
      title = t(error.reason === 'tooLarge' ? 'backup.restore.tooLarge' : 'backup.restore.empty', { name: error.name });
      break;
    case 'read':
      title = t('backup.restore.readFailed', { message: error.message });
      break;
    case 'preview':
      title = t('backup.restore.refused');
      description = error.message;
      break;
    case 'stale':
      title = t('backup.restore.stale');
      description = error.message;
      break;
    case 'restore':
      title = t('backup.restore.failed', { message: error.message });
  }
  return (
    <Alert
      type="error"
      showIcon
      className="backup-section-hint"
      data-testid="restore-error"
      title={title}
      description={description}
      action={
        error.kind === 'stale' ? (
          <Button size="small" type="primary" onClick={onRepreview} data-testid="restore-repreview">
            {t('backup.restore.repreview')}
          </Button>
        ) : undefined
      }
    />
  );
}

function Picker({ flow }: { flow: RestoreFlow }) {
  const { t } = useTranslation();
  const { source } = flow;
  return (
    <div className="import-picker">
      <Upload.Dragger
        accept={{ format: '.db', filter: 'native' }}
        showUploadList={false}
        beforeUpload={(file) => {
          flow.choose(file);
          return Upload.LIST_IGNORE;
        }}
        data-testid="restore-dropzone"
      >
        <p className="import-picker-hint">{t('backup.restore.pickHint')}</p>
        <p className="import-picker-detail">{t('backup.restore.pickDetail')}</p>
      </Upload.Dragger>
      {source && (
        <div className="import-chosen" data-testid="restore-chosen">
          <Typography.Text strong>{t('backup.restore.chosen')}</Typography.Text>
          <ul>
            <li>
              <span className="import-file-name">
                {source.kind === 'file' ? source.file.name : source.entry.fileName}
              </span>
              <Typography.Text type="secondary">
                {formatBytes(source.kind === 'file' ? source.file.size : source.entry.bytes)}
              </Typography.Text>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}

interface RestoreDialogProps {
  open: boolean;
  flow: RestoreFlow;
  onCancel: () => void;
}

export function RestoreDialog({ open, flow, onCancel }: RestoreDialogProps) {
  const { t } = useTranslation();
  const { step, preview, error } = flow;
  const restoring = step === 'restoring';
  const name = flow.source?.kind === 'file' ? flow.source.file.name : (flow.source?.entry.fileName ?? '');

  const body = () => {
    if (step === 'reading' || step === 'previewing')
      return (
        <div className="import-progress" data-testid="restore-progress">
          <Progress percent={step === 'previewing' ? 100 : flow.percent} status="active" />
          <Spin size="small" />
          <span>
            {step === 'reading' ? t('backup.restore.reading', { name }) : t('backup.restore.checking', { name })}
          </span>
        </div>
      );
    if ((step === 'preview' || restoring) && preview) return <RestorePreviewView preview={preview} />;
    return <Picker flow={flow} />;
  };

  const footer =
    step === 'preview' || restoring
      ? [
          <Button key="back" onClick={flow.back} disabled={restoring} data-testid="restore-back">
            {t('backup.restore.back')}
          </Button>,
          <Button key="cancel" onClick={onCancel} disabled={restoring} data-testid="restore-cancel">
            {t('backup.cancel')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            danger
            data-testid="restore-ok"
            loading={restoring}
            disabled={error?.kind === 'stale'}
            onClick={() => void flow.restore()}
          >
            {t('backup.restore.confirm')}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={onCancel} data-testid="restore-cancel">
            {t('backup.cancel')}
          </Button>,
          <Button
            key="preview"
            type="primary"
            data-testid="restore-run-preview"
            loading={step === 'reading' || step === 'previewing'}
            disabled={flow.source === null}
            onClick={() => void flow.runPreview()}
          >
            {t('backup.restore.preview')}
          </Button>,
        ];

  return (
    <Modal
      open={open}
      title={t('backup.restore.title')}
      width="min(960px, 96vw)"
      onCancel={onCancel}
      closable={!restoring}
      mask={{ closable: false }}
      footer={footer}
      destroyOnHidden
    >
      <div data-testid="restore-dialog">
        {error && <ErrorAlert error={error} onRepreview={() => void flow.runPreview()} />}
        {body()}
      </div>
    </Modal>
  );
}
