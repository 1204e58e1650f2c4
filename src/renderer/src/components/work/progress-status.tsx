// 进展状态 as a colour-coded Tag, and the Select that picks one (cleared = no status).
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressStatus } from '../../../../shared/model';

export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['not_started', 'in_progress', 'done', 'lagging'];

// Fixed key list keeps t() type-checked.
export const STATUS_KEY = {
  not_started: 'progress.status.not_started',
  in_progress: 'progress.status.in_progress',
  done: 'progress.status.done',
  lagging: 'progress.status.lagging',
} as const satisfies Record<ProgressStatus, string>;

const STATUS_COLOR: Record<ProgressStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  done: 'success',
  lagging: 'error',
};

export function isProgressStatus(v: unknown): v is ProgressStatus {
  return typeof v === 'string' && (PROGRESS_STATUSES as readonly string[]).includes(v);
}

export function StatusTag({ status }: { status: ProgressStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} className="work-status-tag">
      {t(STATUS_KEY[status])}
    </Tag>
  );
}

interface StatusSelectProps {
  value: ProgressStatus | null;
  onChange: (status: ProgressStatus | null) => void;
  testId: string;
  failed?: boolean;
  disabled?: boolean;
}

export function StatusSelect({ value, onChange, testId, failed, disabled }: StatusSelectProps) {
  const { t } = useTranslation();
  return (
    <Select<ProgressStatus>
      data-testid={testId}
      data-status={value ?? ''}
      aria-label={t('progress.statusLabel')}
      className="work-status-select"
      size="small"
      allowClear
      disabled={disabled}
      placeholder={t('progress.statusPlaceholder')}
      status={failed ? 'error' : undefined}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      options={PROGRESS_STATUSES.map((s) => ({ value: s, label: <StatusTag status={s} /> }))}
    />
  );
}
