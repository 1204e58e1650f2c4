// 新建规划: an empty plan from its metadata and, if the clerk names them, its categories (indicators are then added on
// 主要指标). Checked before sending; the core's refusal (e.g. a short name already used) stays in the dialog.
import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../shared/model';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import { lines, listError, toPlanMeta, type PlanFormValues } from './plan-form';
import { PlanMetaFields } from './PlanMetaFields';

/** Mounted while open: each opening starts with an empty form. */
interface CreatePlanDialogProps {
  onClose: () => void;
  onCreated: (plan: PlanSummary) => void;
}

export function CreatePlanDialog({ onClose, onCreated }: CreatePlanDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [form] = Form.useForm<PlanFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    let values: PlanFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form says what is wrong, next to the field
    }
    setBusy(true);
    setError(null);
    try {
      const plan = await api.call('plan/create', { plan: toPlanMeta(values), categories: lines(values.categories) });
      onCreated(plan);
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  // A period typed from its first year: the usual five years and the year before as base, unless already typed.
  const onValuesChange = (changed: Partial<PlanFormValues>) => {
    const first = changed.firstYear;
    if (typeof first !== 'number') return;
    if (!form.isFieldTouched('lastYear')) form.setFieldValue('lastYear', first + 4);
    if (!form.isFieldTouched('baseYear')) form.setFieldValue('baseYear', first - 1);
  };

  return (
    <Modal
      open
      title={t('plans.create.title')}
      width={720}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={busy}>
          {t('plans.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} data-testid="plan-create-ok" onClick={() => void create()}>
          {t('plans.create.ok')}
        </Button>,
      ]}
    >
      <div data-testid="plan-create-dialog">
        <Typography.Paragraph type="secondary">{t('plans.create.intro')}</Typography.Paragraph>
        <Form<PlanFormValues>
          form={form}
          layout="vertical"
          requiredMark
          initialValues={{ title: '', shortName: '', firstYear: null, lastYear: null, baseYear: null, issuers: '' }}
          onValuesChange={onValuesChange}
        >
          <PlanMetaFields />
          <Form.Item<PlanFormValues>
            name="categories"
            label={t('plans.create.categories')}
            extra={t('plans.create.categoriesHint')}
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  const problem = listError(lines(value), { max: 100, maxLength: 100, unique: true }, t);
                  return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.TextArea
              data-testid="plan-form-categories"
              aria-label={t('plans.create.categories')}
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t('plans.create.categoriesPlaceholder')}
            />
          </Form.Item>
        </Form>
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="plan-create-error"
            title={t('plans.create.failed', { message: error })}
          />
        )}
      </div>
    </Modal>
  );
}
