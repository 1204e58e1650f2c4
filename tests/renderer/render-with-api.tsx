// Renders UI with an ApiClient built on a test's own transport (no module mocking).
import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { createApiClient, type Transport } from '../../src/renderer/src/lib/api';
import { ApiContext } from '../../src/renderer/src/lib/api-context';

export function renderWithApi(ui: ReactElement, transport: Transport) {
  const client = createApiClient(transport);
  return render(
    <ConfigProvider locale={zhCN}>
      <ApiContext value={client}>{ui}</ApiContext>
    </ConfigProvider>,
  );
}
