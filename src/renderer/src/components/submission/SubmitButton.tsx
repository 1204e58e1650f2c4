// 报送并锁定 for the year: a confirmation that says what locking means (the year's 完成值, 评价 and 进展 become read-only;
// the annual Excel and PDF are kept with their SHA-256), then year/submit. The core renders both files, so the OK
// button spins until it is done.
import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';

interface SubmitButtonProps {
  planId: number;
  year: number;
  onSubmitted: (text: string) => void;
  onFailed: (text: string) => void;
}

export function SubmitButton({ planId, year, onSubmitted, onFailed }: SubmitButtonProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [modal, modalHolder] = Modal.useModal();

  const submit = async () => {
    try {
      await api.call('year/submit', { planId, year });
      onSubmitted(t('submission.submitted', { year }));
    } catch (e) {
      onFailed(t('submission.submitFailed', { message: toApiError(e).message }));
    }
  };

  const confirm = () =>
    void modal.confirm({
      title: t('submission.confirmTitle', { year }),
      content: <div data-testid="submission-confirm">{t('submission.confirmBody', { year })}</div>,
      okText: t('submission.confirmOk'),
      cancelText: t('submission.cancel'),
      width: 520,
      onOk: submit,
    });

  return (
    <>
      {modalHolder}
      <Button type="primary" data-testid="submission-submit" onClick={confirm}>
        {t('submission.submit')}
      </Button>
    </>
  );
}
