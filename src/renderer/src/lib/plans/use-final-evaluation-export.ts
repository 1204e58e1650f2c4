// 总结评估 (every indicator's final status against its final target) as Excel or PDF, delivered like every other
// export (see use-file-delivery): Electron saves it behind a dialog, the browser shell downloads it. One at a time.
// A closed plan exports it too: that is what closing a plan is for.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api-context';
import type { StatusReporter } from '../status';
import { useFileDelivery } from '../use-file-delivery';

export type EvaluationFormat = 'xlsx' | 'pdf';

export interface FinalEvaluationExport {
  /** the export under way, if any */
  busy: { planId: number; format: EvaluationFormat } | null;
  run: (planId: number, format: EvaluationFormat) => Promise<void>;
  /** antd's message/notification holders; render them once */
  holders: ReactNode;
}

export function useFinalEvaluationExport(report?: StatusReporter): FinalEvaluationExport {
  const { t } = useTranslation();
  const api = useApi();
  const delivery = useFileDelivery(report);
  const [busy, setBusy] = useState<FinalEvaluationExport['busy']>(null);

  const run = async (planId: number, format: EvaluationFormat) => {
    if (busy) return;
    setBusy({ planId, format });
    report?.({ tone: 'loading', text: t('status.exporting') });
    try {
      await delivery.run(() => api.call('export/final-evaluation', { plan: planId, format }));
    } finally {
      setBusy(null);
    }
  };

  return { busy, run, holders: delivery.holders };
}
