// Renderer entry: token capture, locales, i18n, then the app.
// Must stay the first import: under the dev server it installs React Refresh from a module file, because the
// page's CSP (script-src 'self') blocks the inline preamble plugin-react would otherwise inject. It is empty in
// production builds.
import '@vitejs/plugin-react/preamble';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import App from './App';
import { initI18n } from './i18n';
import { captureToken } from './lib/token';
import './app.css';

// Scrub ?token= from the address bar right away, before anything else can read or log the URL.
captureToken();
dayjs.locale('zh-cn');
initI18n();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN}>
      <App />
    </ConfigProvider>
  </StrictMode>,
);
