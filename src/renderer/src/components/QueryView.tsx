// Shared loading / error presentation, so no page can end up blank while waiting or after a failure.
import type { ReactNode } from 'react';
import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../lib/use-api-query';

interface QueryViewProps<T> {
  state: QueryState<T>;
  children: (data: T) => ReactNode;
}

export function QueryView<T>({ state, children }: QueryViewProps<T>) {
  const { t } = useTranslation();
  if (state.status === 'loading') {
    return (
      <div data-testid="query-loading" className="query-loading">
        {/* The description only shows when Spin wraps content, hence the placeholder block. */}
        <Spin description={t('common.loading')} size="large">
          <div style={{ minHeight: 160 }} />
        </Spin>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div data-testid="query-error">
        <Alert type="error" showIcon title={t('common.loadFailed')} description={state.error.message} />
      </div>
    );
  }
  return <>{children(state.data)}</>;
}
