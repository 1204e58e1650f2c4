// 导入填报表: one wide dialog through the whole import — choose files, reading and analysing (with progress), the
// preview, then 确认导入 N 处修改. Cancel at any point writes nothing.
import { Alert, Button, Modal, Progress, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportFilePicker } from './ImportFilePicker';
import { ImportPreviewView } from './ImportPreviewView';
import type { ImportError, ImportFlow } from './use-import-flow';

interface ImportDialogProps {
  open: boolean;
  flow: ImportFlow;
  onCancel: () => void;
}

function ErrorAlert({ error, onRepreview }: { error: ImportError; onRepreview: () => void }) {
  const { t } = useTranslation();
  const title =
    error.kind === 'stale'
      ? t('importer.stale')
      : error.kind === 'read'
        ? t('importer.readFailed', { name: error.fileName, message: error.message })
        : error.kind === 'preview'
          ? t('importer.previewFailed', { message: error.message })
          : t('importer.applyFailed', { message: error.message });
  return (
    <Alert
      type="error"
      showIcon
      className="import-error"
      data-testid="import-error"
      title={title}
      action={
        error.kind === 'stale' ? (
          <Button size="small" type="primary" onClick={onRepreview} data-testid="import-repreview">
            {t('importer.repreview')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function ImportDialog({ open, flow, onCancel }: ImportDialogProps) {
  const { t } = useTranslation();
  const { step, files, preview, error, progress } = flow;
  const working = step === 'reading' || step === 'previewing';
  const changes = preview?.changes.length ?? 0;

  const body = () => {
    if (step === 'reading' || step === 'previewing') {
      return (
        <div className="import-progress" data-testid="import-progress">
          <Progress percent={step === 'previewing' ? 100 : (progress?.percent ?? 0)} status="active" />
          <Spin size="small" />
          <span>
            {step === 'reading' && progress
              ? t('importer.reading', { i: progress.index, n: progress.count, name: progress.name })
              : t('importer.analysing', { n: files.length })}
          </span>
        </div>
      );
    }
    if ((step === 'preview' || step === 'applying') && preview) return <ImportPreviewView preview={preview} />;
    return <ImportFilePicker files={files} refused={flow.refused} onAdd={flow.add} onRemove={flow.remove} />;
  };

  const footer =
    step === 'preview' || step === 'applying'
      ? [
          <Button key="back" onClick={flow.back} disabled={step === 'applying'} data-testid="import-back">
            {t('importer.back')}
          </Button>,
          <Button key="cancel" onClick={onCancel} disabled={step === 'applying'} data-testid="import-cancel">
            {t('importer.cancel')}
          </Button>,
          <Button
            key="apply"
            type="primary"
            data-testid="import-apply"
            loading={step === 'applying'}
            disabled={changes === 0 || error?.kind === 'stale'}
            onClick={() => void flow.apply()}
          >
            {t('importer.confirm', { n: changes })}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={onCancel} data-testid="import-cancel">
            {t('importer.cancel')}
          </Button>,
          <Button
            key="preview"
            type="primary"
            data-testid="import-run-preview"
            loading={working}
            disabled={files.length === 0}
            onClick={() => void flow.runPreview()}
          >
            {t('importer.preview', { n: files.length })}
          </Button>,
        ];

  return (
    <Modal
      open={open}
      title={t('importer.title')}
      width="min(1200px, 96vw)"
      onCancel={onCancel}
      closable={step !== 'applying'}
      mask={{ closable: false }}
      footer={footer}
      destroyOnHidden
    >
      <div data-testid="import-dialog">
        {error && <ErrorAlert error={error} onRepreview={() => void flow.runPreview()} />}
        {body()}
      </div>
    </Modal>
  );
}
