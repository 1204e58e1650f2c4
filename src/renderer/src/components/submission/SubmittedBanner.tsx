// A submitted year at a glance: who submitted it and when, each kept file with its SHA-256 (monospace, copyable) and a
// download of the kept bytes (year/submitted-file, delivered like every export), and 解锁.
import { useState } from 'react';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { YearSubmission } from '../../../../shared/model';
import { useApi } from '../../lib/api-context';
import { formatBytes } from '../../lib/format-bytes';
import { formatTime } from '../../lib/time';
import { useFileDelivery } from '../../lib/use-file-delivery';
import { UnlockDialog } from './UnlockDialog';
import './submission.css';

type Format = YearSubmission['files'][number]['format'];

interface SubmittedBannerProps {
  submission: YearSubmission;
  onUnlocked: (text: string) => void;
  /** false for a closed plan: the lock stays as it is */
  canUnlock?: boolean;
}

export function SubmittedBanner({ submission, onUnlocked, canUnlock = true }: SubmittedBannerProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const delivery = useFileDelivery();
  const [busy, setBusy] = useState<Format | null>(null);
  const [unlocking, setUnlocking] = useState(false);
  const { planId, year } = submission;

  const download = async (format: Format) => {
    setBusy(format);
    try {
      await delivery.run(() => api.call('year/submitted-file', { planId, year, format }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {delivery.holders}
      <Alert
        type="info"
        showIcon
        className="submission-banner"
        data-testid="submission-banner"
        title={t('submission.banner', {
          year,
          at: formatTime(submission.submittedAt, i18n.language),
          by: submission.submittedBy,
        })}
        description={
          <>
            <div>{t('submission.bannerHint')}</div>
            <ul className="submission-files">
              {submission.files.map((f) => (
                <li key={f.format} data-testid={`submission-file-${f.format}`}>
                  <Tag>{t(`submission.format.${f.format}`)}</Tag>
                  <span className="submission-file-name">{f.fileName}</span>
                  <Typography.Text type="secondary">{formatBytes(f.size)}</Typography.Text>
                  <span className="submission-sha">
                    <Typography.Text type="secondary">{t('submission.sha')}</Typography.Text>
                    <Typography.Text code copyable={{ text: f.sha256 }} data-testid={`submission-sha-${f.format}`}>
                      {f.sha256}
                    </Typography.Text>
                  </span>
                  <Button
                    size="small"
                    loading={busy === f.format}
                    disabled={busy !== null && busy !== f.format}
                    data-testid={`submission-download-${f.format}`}
                    onClick={() => void download(f.format)}
                  >
                    {t('submission.download', { format: t(`submission.format.${f.format}`) })}
                  </Button>
                </li>
              ))}
            </ul>
          </>
        }
        action={
          canUnlock && (
            <Space>
              <Button danger size="small" data-testid="submission-unlock" onClick={() => setUnlocking(true)}>
                {t('submission.unlock')}
              </Button>
            </Space>
          )
        }
      />
      <UnlockDialog
        planId={planId}
        year={year}
        open={unlocking}
        onClose={() => setUnlocking(false)}
        onUnlocked={(text) => {
          setUnlocking(false);
          onUnlocked(text);
        }}
      />
    </>
  );
}
