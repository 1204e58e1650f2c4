// Exporting an appendix, delivered the way the current shell wants it: Electron's main saves the file behind a
// dialog and tells us where (`savedTo`, null when the clerk cancelled); the browser shell gets the bytes and
// downloads them. Outcome and failures go to a message/notification and to the status line.
import { useState, type ReactNode } from 'react';
import { message, notification } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/api';
import { toApiError } from './api';
import { useApi } from './api-context';
import { downloadFile } from './download';
import type { StatusReporter } from './status';

export type AppendixChoice = '1' | '2' | 'all';
export type ExportFormat = 'xlsx' | 'pdf';

export interface ExportJob {
  appendix: AppendixChoice;
  format: ExportFormat;
}

export interface AppendixExport {
  /** the export in progress, if any (one at a time) */
  busy: ExportJob | null;
  run: (job: ExportJob) => Promise<void>;
  /** antd's message/notification holders; render them once inside the page */
  holders: ReactNode;
}

export function useAppendixExport(planId: number, report: StatusReporter): AppendixExport {
  const { t } = useTranslation();
  const api = useApi();
  const [messageApi, messageHolder] = message.useMessage();
  const [notificationApi, notificationHolder] = notification.useNotification();
  const [busy, setBusy] = useState<ExportJob | null>(null);

  const fail = (text: string) => {
    notificationApi.error({ title: t('reports.exportFailed'), description: text, duration: 0 });
    report({ tone: 'error', text: t('status.error', { message: text }) });
  };

  const showWarnings = (warnings: string[]) => {
    if (warnings.length === 0) return;
    notificationApi.warning({
      title: t('reports.exportWarnings'),
      description: (
        <ul className="export-warnings" data-testid="export-warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ),
      duration: 0,
    });
  };

  const deliver = (result: ExportResult) => {
    // Electron: main already showed the save dialog and wrote the file (or the clerk cancelled it).
    if (result.savedTo === null) {
      void messageApi.info(t('reports.cancelled'));
      report({ tone: 'ok', text: t('reports.cancelled') });
      return;
    }
    if (typeof result.savedTo === 'string') {
      const text = t('reports.savedTo', { path: result.savedTo });
      void messageApi.success({ content: text, duration: 6 });
      report({ tone: 'ok', text });
      showWarnings(result.warnings);
      return;
    }
    // Browser shell: the bytes came back; save them as a download.
    if (typeof result.bytesBase64 !== 'string') {
      fail(t('reports.noFile'));
      return;
    }
    try {
      downloadFile({ fileName: result.fileName, mimeType: result.mimeType, bytesBase64: result.bytesBase64 });
    } catch (e) {
      fail(t('reports.downloadFailed', { message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const text = t('reports.downloaded', { fileName: result.fileName });
    void messageApi.success(text);
    report({ tone: 'ok', text });
    showWarnings(result.warnings);
  };

  const run = async (job: ExportJob) => {
    if (busy) return;
    setBusy(job);
    report({ tone: 'loading', text: t('status.exporting') });
    try {
      let result: ExportResult;
      try {
        result = await api.call('export/appendix', { plan: planId, appendix: job.appendix, format: job.format });
      } catch (e) {
        fail(toApiError(e).message);
        return;
      }
      deliver(result);
    } finally {
      setBusy(null);
    }
  };

  return {
    busy,
    run,
    holders: (
      <>
        {messageHolder}
        {notificationHolder}
      </>
    ),
  };
}
