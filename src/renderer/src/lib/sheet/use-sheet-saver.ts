// One SheetSession per plan and API client, kept for the life of the window: switching tabs unmounts the sheet,
// but texts still being saved, failed cells and the undo history must outlive it. Keyed by the client so
// tests (each with its own client) never share sessions.
import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import type { ApiClient } from '../api';
import { useApi } from '../api-context';
import type { StatusInfo } from '../status';
import { SheetSession, type SaverSnapshot } from './sheet-saver';

const sessions = new WeakMap<ApiClient, Map<number, SheetSession>>();

export function sessionFor(api: ApiClient, planId: number): SheetSession {
  let byPlan = sessions.get(api);
  if (!byPlan) {
    byPlan = new Map();
    sessions.set(api, byPlan);
  }
  let session = byPlan.get(planId);
  if (!session) {
    session = new SheetSession(api, planId);
    byPlan.set(planId, session);
  }
  return session;
}

/**
 * Drops every plan's session (undo history included) after the data was replaced wholesale (a restore): nothing the
 * clerk did before may be undone or retried into the restored data.
 */
export function forgetSessions(api: ApiClient): void {
  sessions.delete(api);
}

export function useSheetSaver(planId: number): { session: SheetSession; snapshot: SaverSnapshot } {
  const api = useApi();
  const session = sessionFor(api, planId);
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return { session, snapshot };
}

const pad = (n: number) => String(n).padStart(2, '0');
export const clockTime = (d: Date): string => `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

/** The status line: whether the last change is saved, then what the last action did. */
export function sheetStatus(s: SaverSnapshot, t: TFunction, indicatorCount: number): StatusInfo {
  let base: StatusInfo;
  if (s.saving > 0) base = { tone: 'loading', text: t('sheet.status.saving') };
  else if (s.failed > 0)
    base = { tone: 'error', text: t('sheet.status.failed', { message: s.lastError ?? '', n: s.failed }) };
  else if (s.lastSavedAt) {
    const time = clockTime(s.lastSavedAt);
    base = {
      tone: 'ok',
      text: s.lastWarnings
        ? t('sheet.status.savedWithWarnings', { time, n: s.lastWarnings })
        : t('sheet.status.saved', { time }),
    };
  } else base = { tone: 'ok', text: t('status.indicatorsLoaded', { n: indicatorCount }) };
  if (!s.note) return base;
  return {
    tone: base.tone,
    text: t('sheet.status.withNote', { status: base.text, note: t(`sheet.note.${s.note.key}`, s.note.params ?? {}) }),
  };
}
