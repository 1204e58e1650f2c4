// Every exported file reaches the clerk the same way, whichever channel made it (附件, 年度报送文件, 科室填报表):
// Electron's main has already saved it behind a save dialog and says where (`savedTo`, null when the clerk cancelled);
// the browser shell gets the bytes and downloads them. Outcome and failures go to a message/notification and to the
// status line.
import type { ReactNode } from 'react';
import { message, notification } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExportResult } from '../../../shared/api';
import { toApiError } from './api';
import { downloadFile } from './download';
import type { StatusReporter } from './status';

export type DeliveryOutcome =
  | { kind: 'saved'; path: string; fileName: string }
  | { kind: 'downloaded'; fileName: string }
  | { kind: 'cancelled'; fileName: string }
  | { kind: 'failed'; message: string; fileName?: string };

/** What happened to an export's result: saved by main, cancelled, or downloaded here (the browser shell). */
export function deliverFile(
  result: ExportResult,
  noFile: string,
  downloadFailed: (message: string) => string,
): DeliveryOutcome {
  if (result.savedTo === null) return { kind: 'cancelled', fileName: result.fileName };
  if (typeof result.savedTo === 'string') return { kind: 'saved', path: result.savedTo, fileName: result.fileName };
  if (typeof result.bytesBase64 !== 'string') return { kind: 'failed', message: noFile, fileName: result.fileName };
  try {
    downloadFile({ fileName: result.fileName, mimeType: result.mimeType, bytesBase64: result.bytesBase64 });
  } catch (e) {
    return {
      kind: 'failed',
      message: downloadFailed(e instanceof Error ? e.message : String(e)),
      fileName: result.fileName,
    };
  }
  return { kind: 'downloaded', fileName: result.fileName };
}

export interface FileDelivery {
  /**
   * Calls the export and delivers its file. `quiet` leaves the per-file message out (a caller delivering several files
   * sums them up itself); failures and font warnings are always shown.
   */
  run: (fetch: () => Promise<ExportResult>, opts?: { quiet?: boolean }) => Promise<DeliveryOutcome>;
  /** antd's message/notification holders; render them once inside the page */
  holders: ReactNode;
}

export function useFileDelivery(report?: StatusReporter): FileDelivery {
  const { t } = useTranslation();
  const [messageApi, messageHolder] = message.useMessage();
  const [notificationApi, notificationHolder] = notification.useNotification();

  const fail = (text: string) => {
    notificationApi.error({ title: t('reports.exportFailed'), description: text, duration: 0 });
    report?.({ tone: 'error', text: t('status.error', { message: text }) });
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

  const announce = (outcome: DeliveryOutcome, quiet: boolean) => {
    const text =
      outcome.kind === 'cancelled'
        ? t('reports.cancelled')
        : outcome.kind === 'saved'
          ? t('reports.savedTo', { path: outcome.path })
          : outcome.kind === 'downloaded'
            ? t('reports.downloaded', { fileName: outcome.fileName })
            : outcome.message;
    report?.({ tone: outcome.kind === 'failed' ? 'error' : 'ok', text });
    if (quiet) return;
    if (outcome.kind === 'cancelled') void messageApi.info(text);
    else if (outcome.kind === 'saved') void messageApi.success({ content: text, duration: 6 });
    else if (outcome.kind === 'downloaded') void messageApi.success(text);
  };

  const run: FileDelivery['run'] = async (fetch, opts = {}) => {
    let result: ExportResult;
    try {
      result = await fetch();
    } catch (e) {
      const text = toApiError(e).message;
      fail(text);
      return { kind: 'failed', message: text };
    }
    const outcome = deliverFile(result, t('reports.noFile'), (m) => t('reports.downloadFailed', { message: m }));
    if (outcome.kind === 'failed') {
      fail(outcome.message);
      return outcome;
    }
    announce(outcome, opts.quiet ?? false);
    if (outcome.kind !== 'cancelled') showWarnings(result.warnings);
    return outcome;
  };

  return {
    run,
    holders: (
      <>
        {messageHolder}
        {notificationHolder}
      </>
    ),
  };
}
