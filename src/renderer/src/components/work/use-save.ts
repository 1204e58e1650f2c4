// Immediate saving: every edit goes to the core at once, the status line says 正在保存… / 已保存 / 保存失败,
// and a failed edit stays on screen (marked, with a retry) instead of snapping back to the stored value.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../lib/api';
import type { StatusReporter } from '../../lib/status';

/** Wraps one save: reports it to the status line and rethrows a failure as an ApiError. */
export function useSaveReporter(onStatus?: StatusReporter) {
  const { t } = useTranslation();
  return useCallback(
    async <T>(run: () => Promise<T>): Promise<T> => {
      onStatus?.({ tone: 'loading', text: t('work.saving') });
      try {
        const result = await run();
        onStatus?.({ tone: 'ok', text: t('work.saved') });
        return result;
      } catch (e) {
        const error = toApiError(e);
        onStatus?.({ tone: 'error', text: t('work.saveFailed', { message: error.message }) });
        throw error;
      }
    },
    [onStatus, t],
  );
}

export interface DraftError<T> {
  message: string;
  /** the value that failed, so committing it again unchanged waits for an explicit retry */
  value: T;
  /** true when the value was refused before sending (nothing to retry) */
  invalid: boolean;
}

export interface Draft<T> {
  /** what the field shows: the clerk's draft, else the stored value */
  value: T;
  saving: boolean;
  error: DraftError<T> | null;
  set(value: T): void;
  commit(value?: T): Promise<void>;
  retry(): void;
  /** drops the draft and shows the stored value again */
  reset(): void;
}

export interface DraftOptions<T> {
  same?: (a: T, b: T) => boolean;
  /** a message refuses the value before it is sent */
  validate?: (value: T) => string | null;
}

export function useDraft<T>(saved: T, save: (value: T) => Promise<void>, opts: DraftOptions<T> = {}): Draft<T> {
  const same = opts.same ?? Object.is;
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const [error, setError] = useState<DraftError<T> | null>(null);
  const [saving, setSaving] = useState(false);
  // The value on its way to the core: a blur right after Ctrl+Enter must not send it twice.
  const inFlight = useRef<{ value: T } | null>(null);
  const value = draft ? draft.value : saved;

  const send = async (next: T, force: boolean) => {
    if (same(next, saved)) {
      setDraft(null);
      setError(null);
      return;
    }
    if (inFlight.current && same(inFlight.current.value, next)) return;
    if (!force && error && same(error.value, next)) return;
    const invalid = opts.validate?.(next) ?? null;
    setDraft({ value: next });
    if (invalid !== null) {
      setError({ message: invalid, value: next, invalid: true });
      return;
    }
    inFlight.current = { value: next };
    setSaving(true);
    setError(null);
    try {
      await save(next);
      // Typing that went on during the save stays as a newer draft.
      setDraft((cur) => (cur && same(cur.value, next) ? null : cur));
    } catch (e) {
      setError({ message: toApiError(e).message, value: next, invalid: false });
    } finally {
      inFlight.current = null;
      setSaving(false);
    }
  };

  return {
    value,
    saving,
    error,
    set: (next) => setDraft({ value: next }),
    commit: (next = value) => send(next, false),
    retry: () => void send(value, true),
    reset: () => {
      setDraft(null);
      setError(null);
    },
  };
}
