// Asks for a category's name (new category or rename). Mounted only while asking, so every time it opens
// with a fresh form. A refusal from the core is shown inside the dialog, which stays open with the name typed.
import { useState } from 'react';
import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../lib/api';

export interface CategoryNameModalProps {
  title: string;
  initialName: string;
  onCancel(): void;
  /** saves the name; a rejection's message is shown in the dialog */
  onSubmit(name: string): Promise<void>;
}

export function CategoryNameModal({ title, initialName, onCancel, onSubmit }: CategoryNameModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ name }: { name: string }) => {
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit(name.trim());
    } catch (e) {
      setFailure(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t('definitions.save')}
      cancelText={t('definitions.cancel')}
      // data-* keys are not part of ButtonProps' declared members, hence the cast.
      okButtonProps={{ loading: busy, 'data-testid': 'category-name-ok' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onCancel}
    >
      {failure && (
        <div data-testid="category-name-error" style={{ marginBottom: 16 }}>
          <Alert type="error" showIcon title={failure} />
        </div>
      )}
      <Form
        form={form}
        name="category"
        layout="vertical"
        initialValues={{ name: initialName }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t('definitions.categoryName')}
          rules={[{ required: true, whitespace: true, message: t('definitions.categoryNameRequired') }]}
        >
          <Input maxLength={100} autoFocus data-testid="category-name-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
