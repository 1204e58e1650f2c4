// 从 Excel 导入规划: one wide dialog through the import — choose the workbook (and optionally name the plan), reading
// and analysing with progress, the preview, then 确认创建规划. Cancel at any point writes nothing; while the plan is
// being created the dialog cannot be closed (its answer decides which plan is shown).
import { Alert, Button, Form, Input, Modal, Progress, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../shared/model';
import { formatBytes } from '../../lib/format-bytes';
import { PlanImportPreviewView } from './PlanImportPreviewView';
import { usePlanImportFlow, type PlanImportError, type PlanImportFlow } from './use-plan-import-flow';
import '../import/import.css';

function ErrorAlert({ error, onRepreview }: { error: PlanImportError; onRepreview: () => void }) {
  const { t } = useTranslation();
  const title =
    error.kind === 'stale'
      ? t('planImport.stale')
      : error.kind === 'read'
        ? t('planImport.readFailed', { message: error.message })
        : error.kind === 'preview'
          ? t('planImport.previewFailed', { message: error.message })
          : t('planImport.applyFailed', { message: error.message });
  return (
    <Alert
      type="error"
      showIcon
      className="import-error"
      data-testid="plan-import-error"
      title={title}
      description={error.kind === 'stale' ? error.message : undefined}
      action={
        error.kind === 'stale' ? (
          <Button size="small" type="primary" onClick={onRepreview} data-testid="plan-import-repreview">
            {t('planImport.repreview')}
          </Button>
        ) : undefined
      }
    />
  );
}

function Picker({ flow }: { flow: PlanImportFlow }) {
  const { t } = useTranslation();
  return (
    <div className="import-picker">
      <Upload.Dragger
        accept={{ format: '.xlsx', filter: 'native' }}
        showUploadList={false}
        beforeUpload={(file) => {
          flow.choose(file);
          return Upload.LIST_IGNORE;
        }}
        data-testid="plan-import-dropzone"
      >
        <p className="import-picker-hint">{t('planImport.pickHint')}</p>
        <p className="import-picker-detail">{t('planImport.pickDetail')}</p>
      </Upload.Dragger>
      {flow.refused && (
        <Alert
          type="warning"
          showIcon
          className="import-refused"
          data-testid="plan-import-refused"
          title={t('planImport.tooLarge', { name: flow.refused.name })}
        />
      )}
      {flow.file && (
        <div className="import-chosen" data-testid="plan-import-chosen">
          <Typography.Text strong>{t('planImport.chosen')}</Typography.Text>
          <ul>
            <li>
              <span className="import-file-name">{flow.file.name}</span>
              <Typography.Text type="secondary">{formatBytes(flow.file.size)}</Typography.Text>
            </li>
          </ul>
        </div>
      )}
      <Form layout="vertical" className="plan-import-names">
        <Typography.Paragraph type="secondary">{t('planImport.namesHint')}</Typography.Paragraph>
        <Form.Item label={t('planImport.shortName')}>
          <Input
            data-testid="plan-import-short-name"
            aria-label={t('planImport.shortName')}
            maxLength={20}
            value={flow.shortName}
            placeholder={t('planImport.shortNamePlaceholder')}
            onChange={(e) => flow.setShortName(e.target.value)}
          />
        </Form.Item>
        <Form.Item label={t('planImport.title')}>
          <Input
            data-testid="plan-import-title"
            aria-label={t('planImport.title')}
            maxLength={200}
            value={flow.title}
            placeholder={t('planImport.titlePlaceholder')}
            onChange={(e) => flow.setTitle(e.target.value)}
          />
        </Form.Item>
      </Form>
    </div>
  );
}

/** Mounted while open. */
interface PlanImportDialogProps {
  onClose: () => void;
  onCreated: (plan: PlanSummary) => void;
}

export function PlanImportDialog({ onClose, onCreated }: PlanImportDialogProps) {
  const { t } = useTranslation();
  const flow = usePlanImportFlow(onCreated);
  const { step, preview, error } = flow;
  const errors = preview?.problems.filter((p) => p.severity === 'error').length ?? 0;
  const close = () => {
    if (step !== 'applying') onClose();
  };

  const body = () => {
    if (step === 'reading' || step === 'previewing') {
      return (
        <div className="import-progress" data-testid="plan-import-progress">
          <Progress percent={step === 'previewing' ? 100 : flow.percent} status="active" />
          <Spin size="small" />
          <span>
            {step === 'reading'
              ? t('planImport.reading', { name: flow.file?.name ?? '' })
              : t('planImport.analysing', { name: flow.file?.name ?? '' })}
          </span>
        </div>
      );
    }
    if ((step === 'preview' || step === 'applying') && preview) return <PlanImportPreviewView preview={preview} />;
    return <Picker flow={flow} />;
  };

  const footer =
    step === 'preview' || step === 'applying'
      ? [
          <Button key="back" onClick={flow.back} disabled={step === 'applying'} data-testid="plan-import-back">
            {t('planImport.back')}
          </Button>,
          <Button key="cancel" onClick={close} disabled={step === 'applying'} data-testid="plan-import-cancel">
            {t('plans.cancel')}
          </Button>,
          <Button
            key="apply"
            type="primary"
            data-testid="plan-import-apply"
            loading={step === 'applying'}
            disabled={errors > 0 || error?.kind === 'stale'}
            onClick={() => void flow.apply()}
          >
            {t('planImport.confirm', { shortName: preview?.plan.shortName ?? '' })}
          </Button>,
        ]
      : [
          <Button key="cancel" onClick={close} data-testid="plan-import-cancel">
            {t('plans.cancel')}
          </Button>,
          <Button
            key="preview"
            type="primary"
            data-testid="plan-import-run-preview"
            loading={step === 'reading' || step === 'previewing'}
            disabled={flow.file === null}
            onClick={() => void flow.runPreview()}
          >
            {t('planImport.preview')}
          </Button>,
        ];

  return (
    <Modal
      open
      title={t('planImport.dialogTitle')}
      width="min(1200px, 96vw)"
      onCancel={close}
      closable={step !== 'applying'}
      mask={{ closable: false }}
      footer={footer}
    >
      <div data-testid="plan-import-dialog">
        {error && <ErrorAlert error={error} onRepreview={() => void flow.runPreview()} />}
        {body()}
      </div>
    </Modal>
  );
}
