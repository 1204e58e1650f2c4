// 解锁 a submitted year: a written reason is required (it goes into the change log with the kept files' names and
// SHA-256), and the clerk is told that the kept files go with the lock.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';

interface UnlockDialogProps {
  planId: number;
  year: number;
  open: boolean;
  onClose: () => void;
  onUnlocked: (text: string) => void;
}

export function UnlockDialog({ planId, year, open, onClose, onUnlocked }: UnlockDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const unlock = async () => {
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return; // the form says what is missing
    }
    setBusy(true);
    setError(null);
    try {
      await api.call('year/unlock', { planId, year, reason });
      onUnlocked(t('submission.unlocked', { year }));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('submission.unlockTitle', { year })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={busy}>
          {t('submission.cancel')}
        </Button>,
        <Button key="ok" danger type="primary" loading={busy} data-testid="unlock-ok" onClick={() => void unlock()}>
          {t('submission.unlockOk')}
        </Button>,
      ]}
      destroyOnHidden
    >
      <div data-testid="unlock-dialog">
        <Typography.Paragraph>{t('submission.unlockBody', { year })}</Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item
            name="reason"
            label={t('submission.unlockReason')}
            rules={[{ required: true, whitespace: true, message: t('submission.unlockReasonRequired') }]}
          >
            <Input.TextArea
              data-testid="unlock-reason"
              aria-label={t('submission.unlockReason')}
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={2000}
              showCount
              placeholder={t('submission.unlockReasonPlaceholder')}
            />
          </Form.Item>
        </Form>
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="unlock-error"
            title={t('submission.unlockFailed', { message: error })}
          />
        )}
      </div>
    </Modal>
  );
}
