// The status line at the bottom of the window: what is shown, or what went wrong.
import { useSyncExternalStore } from 'react';
import { Typography } from 'antd';
import type { StatusInfo, StatusStore } from '../lib/status';

export function StatusBar({ status }: { status: StatusInfo }) {
  return (
    <div role="status" aria-live="polite" data-testid="status-line" data-tone={status.tone} className="status-line">
      <Typography.Text type={status.tone === 'error' ? 'danger' : 'secondary'}>{status.text}</Typography.Text>
    </div>
  );
}

/** The window's status line: the app's own status when it has one, else what the page last reported. */
export function PageStatusBar({
  own,
  store,
  loading,
}: {
  own: StatusInfo | null;
  store: StatusStore;
  loading: StatusInfo;
}) {
  const reported = useSyncExternalStore(store.subscribe, store.get);
  return <StatusBar status={own ?? reported ?? loading} />;
}
