// Saves the sheet's edits: each user action (a typed cell, a paste, a clear, an undo, a redo, a retry) is one
// indicator/update-values call with all its cells, so one transaction and one log batch on the core's side.
// Calls go out one at a time in the order the clerk acted, so a later text can never be overwritten by an
// earlier one that arrived late. A failed call leaves its texts in the cells, marked, ready to be retried.
import type { ChangeLogEntry, IndicatorValue, ValueKind } from '../../../../shared/model';
import type { ApiClient } from '../api';
import { toApiError } from '../api';
import { CellStore } from './cell-store';
import { toValueChanges, type CellRef } from './rows';
import { createUndoStack, pushAction, redo, undo, type UndoAction, type UndoCell, type UndoStack } from './undo-stack';

export type NoteKey =
  | 'pasted'
  | 'pastedSkipped'
  | 'pasteUnchanged'
  | 'cleared'
  | 'filled'
  | 'copied'
  | 'undone'
  | 'redone'
  | 'nothingToUndo'
  | 'nothingToRedo'
  | 'readOnly'
  | 'locked'
  | 'pastedLocked'
  | 'categoryRow'
  | 'retrying'
  | 'reverted'
  | 'clipboardDenied'
  /** the plan is closed: nothing may change */
  | 'closed';

export interface SheetNote {
  key: NoteKey;
  params?: Record<string, string | number>;
}

export interface SaverSnapshot {
  /** calls queued or in flight */
  saving: number;
  /** cells whose last save failed */
  failed: number;
  /** the message of the most recent failure among the failed cells */
  lastError: string | null;
  lastSavedAt: Date | null;
  /** warnings the core gave with the last successful save */
  lastWarnings: number;
  note: SheetNote | null;
  undo: UndoStack;
  /** changes whenever any cell's text or state changes */
  version: number;
}

interface Job {
  ticket: number;
  cells: (CellRef & { text: string })[];
}

export class SheetSession {
  readonly cells = new CellStore();
  private queue: Job[] = [];
  private running = false;
  private ticket = 0;
  private reloadTicket = 0;
  private listeners = new Set<() => void>();
  private snapshot: SaverSnapshot = {
    saving: 0,
    failed: 0,
    lastError: null,
    lastSavedAt: null,
    lastWarnings: 0,
    note: null,
    undo: createUndoStack(),
    version: 0,
  };

  constructor(
    private readonly api: ApiClient,
    readonly planId: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SaverSnapshot => this.snapshot;

  private update(patch: Partial<SaverSnapshot>): void {
    const failed = this.cells.failedCells();
    const latest = failed.reduce<(typeof failed)[number] | null>((a, b) => (a && a.ticket > b.ticket ? a : b), null);
    this.snapshot = {
      ...this.snapshot,
      ...patch,
      saving: this.queue.length + (this.running ? 1 : 0),
      failed: failed.length,
      lastError: latest?.error ?? null,
      version: this.snapshot.version + 1,
    };
    for (const l of this.listeners) l();
  }

  /** A new user action: recorded for undo and saved as one call. Returns false when it changes nothing. */
  perform(action: UndoAction, note: SheetNote | null = null): boolean {
    const cells = action.filter((c) => c.before !== c.after);
    if (cells.length === 0) {
      if (note) this.update({ note });
      return false;
    }
    this.send(cells, 'after', { undo: pushAction(this.snapshot.undo, cells), note });
    return true;
  }

  /** Takes back the last action (its `before` texts, saved like any change); null when there is none. */
  undo(): UndoAction | null {
    const step = undo(this.snapshot.undo);
    if (!step) {
      this.update({ note: { key: 'nothingToUndo' } });
      return null;
    }
    this.send(step.action, 'before', { undo: step.stack, note: { key: 'undone', params: { n: step.action.length } } });
    return step.action;
  }

  redo(): UndoAction | null {
    const step = redo(this.snapshot.undo);
    if (!step) {
      this.update({ note: { key: 'nothingToRedo' } });
      return null;
    }
    this.send(step.action, 'after', { undo: step.stack, note: { key: 'redone', params: { n: step.action.length } } });
    return step.action;
  }

  /** Sends every failed cell again, as one call. */
  retry(): void {
    const failed = this.cells.failedCells();
    if (failed.length === 0) return;
    this.enqueue(
      failed.map(({ indicatorId, year, kind, text }) => ({ indicatorId, year, kind, text })),
      {
        note: { key: 'retrying', params: { n: failed.length } },
      },
    );
  }

  setNote(note: SheetNote | null): void {
    this.update({ note });
  }

  /** A revert done in the history drawer: its cell shows the restored value at once, reload or not. */
  applyRevert(entry: ChangeLogEntry, cellTitle: string): void {
    const m = /^(\d{4})\/(target|actual)$/.exec(entry.field ?? '');
    if (entry.entity !== 'indicator_value' || entry.entityId === null || !m) return;
    const ref: CellRef = { indicatorId: entry.entityId, year: Number(m[1]), kind: m[2] as ValueKind };
    const after = entry.after && typeof entry.after === 'object' ? (entry.after as IndicatorValue) : null;
    this.cells.setStored(ref, after, this.ticket);
    this.update({ note: { key: 'reverted', params: { cell: cellTitle } } });
  }

  /** Call before reloading the plan: stores saved after this point must survive the reload's older answer. */
  beginReload(): void {
    this.reloadTicket = this.ticket;
  }

  rebase(indicators: Parameters<CellStore['rebase']>[0]): void {
    this.cells.rebase(indicators, this.reloadTicket);
    this.update({});
  }

  private send(cells: readonly UndoCell[], side: 'before' | 'after', patch: Partial<SaverSnapshot>): void {
    this.enqueue(
      toValueChanges(cells, side).map(({ indicatorId, year, kind, text }) => ({ indicatorId, year, kind, text })),
      patch,
    );
  }

  private enqueue(cells: Job['cells'], patch: Partial<SaverSnapshot>): void {
    const job = { ticket: ++this.ticket, cells };
    this.cells.setPending(cells, job.ticket);
    this.queue.push(job);
    this.update(patch);
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    for (let job = this.queue.shift(); job; job = this.queue.shift()) {
      this.update({});
      try {
        const result = await this.api.call('indicator/update-values', { planId: this.planId, changes: job.cells });
        this.cells.confirm(result, job.ticket);
        this.update({ lastSavedAt: this.now(), lastWarnings: result.warnings.length });
      } catch (e) {
        this.cells.fail(job.cells, job.ticket, toApiError(e).message);
        this.update({});
      }
    }
    this.running = false;
    this.update({});
  }
}
