// The status line at the bottom of the window: each page reports what it shows (or why it cannot).
import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import type { QueryState } from './use-api-query';

export type StatusTone = 'loading' | 'ok' | 'error';

export interface StatusInfo {
  tone: StatusTone;
  text: string;
}

export type StatusReporter = (status: StatusInfo) => void;

/** The status line text for a query: loading, the page's own success text, or the error's message. */
export function statusOf<T>(state: QueryState<T>, t: TFunction, okText: (data: T) => string): StatusInfo {
  if (state.status === 'loading') return { tone: 'loading', text: t('status.loading') };
  if (state.status === 'error') return { tone: 'error', text: t('status.error', { message: state.error.message }) };
  return { tone: 'ok', text: okText(state.data) };
}

/**
 * The pages' status, outside React state: a page reporting 正在保存… / 已保存 re-renders the status line only,
 * not the whole window (the sheet reports on every save).
 */
export interface StatusStore {
  report: StatusReporter;
  get(): StatusInfo | null;
  subscribe(listener: () => void): () => void;
}

export function createStatusStore(): StatusStore {
  let current: StatusInfo | null = null;
  const listeners = new Set<() => void>();
  return {
    report(s) {
      if (current?.tone === s.tone && current.text === s.text) return;
      current = { tone: s.tone, text: s.text };
      listeners.forEach((l) => l());
    },
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Sends the page's status up whenever it changes; tone and text are compared as values, not by object. */
export function useReportStatus(report: StatusReporter | undefined, status: StatusInfo): void {
  const { tone, text } = status;
  useEffect(() => {
    report?.({ tone, text });
  }, [report, tone, text]);
}
