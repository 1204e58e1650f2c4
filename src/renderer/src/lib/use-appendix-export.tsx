// Exporting an appendix (附件1, 附件2 or both, Excel or PDF), one at a time, delivered like every other export (see
// use-file-delivery): Electron saves it behind a dialog, the browser shell downloads it.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from './api-context';
import type { StatusReporter } from './status';
import { useFileDelivery } from './use-file-delivery';

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
  const delivery = useFileDelivery(report);
  const [busy, setBusy] = useState<ExportJob | null>(null);

  const run = async (job: ExportJob) => {
    if (busy) return;
    setBusy(job);
    report({ tone: 'loading', text: t('status.exporting') });
    try {
      await delivery.run(() =>
        api.call('export/appendix', { plan: planId, appendix: job.appendix, format: job.format }),
      );
    } finally {
      setBusy(null);
    }
  };

  return { busy, run, holders: delivery.holders };
}
