// 重新打开 a closed plan: a written reason is required (it goes into the change log); the plan becomes editable again.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../shared/model';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';

/** Mounted while open. */
interface ReopenPlanDialogProps {
  plan: PlanSummary;
  onClose: () => void;
  onReopened: (plan: PlanSummary) => void;
}

export function ReopenPlanDialog({ plan, onClose, onReopened }: ReopenPlanDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reopen = async () => {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return; // the form says the reason is missing
    }
    setBusy(true);
    setError(null);
    try {
      onReopened(await api.call('plan/reopen', { planId: plan.id, reason }));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('plans.reopen.title', { shortName: plan.shortName })}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={busy}>
          {t('plans.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} data-testid="plan-reopen-ok" onClick={() => void reopen()}>
          {t('plans.reopen.ok')}
        </Button>,
      ]}
    >
      <div data-testid="plan-reopen-dialog">
        <Typography.Paragraph>{t('plans.reopen.body', { shortName: plan.shortName })}</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item
            name="reason"
            label={t('plans.reopen.reason')}
            rules={[{ required: true, whitespace: true, message: t('plans.reopen.reasonRequired') }]}
          >
            <Input.TextArea
              data-testid="plan-reopen-reason"
              aria-label={t('plans.reopen.reason')}
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={2000}
              showCount
              placeholder={t('plans.reopen.reasonPlaceholder')}
            />
          </Form.Item>
        </Form>
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="plan-reopen-error"
            title={t('plans.reopen.failed', { message: error })}
          />
        )}
      </div>
    </Modal>
  );
}
