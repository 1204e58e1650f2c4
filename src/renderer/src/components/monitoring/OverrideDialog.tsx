// 人工调整 of one indicator's 评价 for the year: the status and a written reason (required), or removing an existing
// adjustment. The computed status and any stored adjustment (who, when, why) are shown first, so the clerk sees what
// they are overriding. Saves through evaluation/set-override; the page reloads the plan afterwards.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvalStatus, OverrideStatus } from '../../../../shared/evaluate';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { OVERRIDE_STATUSES, type MonitoringRow } from '../../lib/monitoring/rows';
import { formatTime } from '../../lib/time';
import { EvalStatusTag } from './EvaluationTag';

interface OverrideDialogProps {
  planId: number;
  year: number;
  /** the row being adjusted; null keeps the dialog closed */
  row: MonitoringRow | null;
  onClose: () => void;
  /** after a save or a removal, with the text to confirm it to the clerk */
  onSaved: (text: string) => void;
}

interface FormValues {
  status: OverrideStatus;
  reason: string;
}

function OverrideForm({ planId, year, row, onClose, onSaved }: OverrideDialogProps & { row: MonitoringRow }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ind = row.indicator;
  const existing = row.override;
  const computed = t(`monitoring.status.${row.evaluation.computed}`);
  const names = { seq: ind.seq, name: ind.name };

  const send = async (override: FormValues | null) => {
    setBusy(true);
    setError(null);
    try {
      await api.call('evaluation/set-override', { planId, indicatorId: ind.id, year, override });
      onSaved(
        override
          ? t('override.saved', { ...names, status: t(`monitoring.status.${override.status}`) })
          : t('override.removed', names),
      );
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    await send({ status: values.status, reason: values.reason.trim() });
  };

  return (
    <div className="override-dialog" data-testid="override-dialog">
      <Typography.Paragraph className="override-intro">
        {t('override.intro', { status: computed })}
      </Typography.Paragraph>
      {existing && (
        <Alert
          type="info"
          className="override-current"
          data-testid="override-current"
          title={
            <Space size={4} wrap>
              {t('override.current', { status: t(`monitoring.status.${existing.status}`) })}
              <EvalStatusTag status={existing.status} />
            </Space>
          }
          description={
            <>
              <div className="override-reason">{t('override.currentReason', { reason: existing.reason })}</div>
              <Typography.Text type="secondary">
                {t('override.currentBy', { by: existing.updatedBy, at: formatTime(existing.updatedAt, i18n.language) })}
              </Typography.Text>
            </>
          }
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={{ status: existing?.status ?? row.evaluation.computed, reason: existing?.reason ?? '' }}
      >
        <Form.Item
          name="status"
          label={t('override.status')}
          rules={[{ required: true, message: t('override.statusRequired') }]}
        >
          <Select<EvalStatus>
            data-testid="override-status"
            aria-label={t('override.status')}
            options={OVERRIDE_STATUSES.map((s) => ({ value: s, label: t(`monitoring.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('override.reason')}
          rules={[{ required: true, whitespace: true, message: t('override.reasonRequired') }]}
        >
          <Input.TextArea
            data-testid="override-reason"
            aria-label={t('override.reason')}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={2000}
            showCount
            placeholder={t('override.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      {error && (
        <Alert type="error" showIcon data-testid="override-error" title={t('override.failed', { message: error })} />
      )}
      <div className="override-footer">
        {existing && (
          <Popconfirm
            title={t('override.removeTitle')}
            description={t('override.removeConfirm', { status: computed })}
            okText={t('override.removeOk')}
            cancelText={t('override.cancel')}
            onConfirm={() => send(null)}
          >
            <Button danger disabled={busy} data-testid="override-remove">
              {t('override.remove')}
            </Button>
          </Popconfirm>
        )}
        <span className="override-footer-spacer" />
        <Button onClick={onClose} disabled={busy}>
          {t('override.cancel')}
        </Button>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="override-save">
          {t('override.save')}
        </Button>
      </div>
    </div>
  );
}

export function OverrideDialog(props: OverrideDialogProps) {
  const { t } = useTranslation();
  const { row, year } = props;
  const title = row ? t('override.title', { seq: row.indicator.seq, name: row.indicator.name, year }) : '';
  return (
    <Modal open={row !== null} title={title} onCancel={props.onClose} footer={null} width={560} destroyOnHidden>
      {row && <OverrideForm {...props} row={row} />}
    </Modal>
  );
}
