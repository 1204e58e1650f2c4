// Under a field whose edit did not reach the core: why, and a retry (values refused before sending have none).
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DraftError } from './use-save';

interface SaveErrorProps<T> {
  error: DraftError<T> | null;
  onRetry: () => void;
  testId: string;
}

export function SaveError<T>({ error, onRetry, testId }: SaveErrorProps<T>) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="work-save-error" data-testid={`${testId}-error`}>
      <Typography.Text type="danger">
        {error.invalid ? error.message : t('work.notSaved', { message: error.message })}
      </Typography.Text>
      {!error.invalid && (
        <Button type="link" size="small" onClick={onRetry} data-testid={`${testId}-retry`}>
          {t('work.retry')}
        </Button>
      )}
    </div>
  );
}
