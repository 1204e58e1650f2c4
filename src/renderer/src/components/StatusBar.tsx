// The status line at the bottom of the window: what is shown, or what went wrong.
import { Typography } from 'antd';
import type { StatusInfo } from '../lib/status';

export function StatusBar({ status }: { status: StatusInfo }) {
  return (
    <div role="status" aria-live="polite" data-testid="status-line" data-tone={status.tone} className="status-line">
      <Typography.Text type={status.tone === 'error' ? 'danger' : 'secondary'}>{status.text}</Typography.Text>
    </div>
  );
}
