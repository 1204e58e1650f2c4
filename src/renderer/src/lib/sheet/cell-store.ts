// The texts the sheet shows, in three layers: what plan/get returned, what update-values has stored since, and
// what the clerk typed that is not stored yet (being saved, or failed: kept and marked, never dropped).
// Mutable on purpose (tens of thousands of cells); every change bumps the version of the rows it touched so
// memoised rows re-render alone.
import type { UpdateValuesResult } from '../../../../shared/api-schemas';
import type { Indicator, IndicatorValue } from '../../../../shared/model';
import { parseValue } from '../../../../shared/value';
import { cellKey, type CellRef } from './rows';

export interface PendingCell extends CellRef {
  text: string;
  /** the save call carrying this text; a later call for the same cell supersedes it */
  ticket: number;
  /** the error message once the call failed; null while it is being saved */
  error: string | null;
}

interface StoredCell {
  value: IndicatorValue | null;
  ticket: number;
}

export class CellStore {
  private base = new Map<string, IndicatorValue>();
  private stored = new Map<string, StoredCell>();
  private pending = new Map<string, PendingCell>();
  private warnings = new Map<string, string>();
  private rowVersions = new Map<number, number>();
  /** bumped when the base changes, which may touch every row */
  generation = 0;

  /** Takes a fresh plan/get answer; stores newer than `keepAfter` (saved after the reload began) stay on top. */
  rebase(indicators: readonly Indicator[], keepAfter = Infinity): void {
    this.base = new Map();
    for (const ind of indicators) for (const v of ind.values) this.base.set(cellKey({ ...v, indicatorId: ind.id }), v);
    for (const [key, s] of this.stored) if (s.ticket <= keepAfter) this.stored.delete(key);
    this.generation++;
  }

  rowVersion(indicatorId: number): number {
    return this.rowVersions.get(indicatorId) ?? 0;
  }

  private touch(indicatorId: number): void {
    this.rowVersions.set(indicatorId, this.rowVersion(indicatorId) + 1);
  }

  /** The stored value as the server last reported it. */
  storedValue(ref: CellRef): IndicatorValue | null {
    const key = cellKey(ref);
    const s = this.stored.get(key);
    return s ? s.value : (this.base.get(key) ?? null);
  }

  /** What the cell shows: the clerk's latest text, saved or not. */
  text(ref: CellRef): string {
    const p = this.pending.get(cellKey(ref));
    return p ? p.text : (this.storedValue(ref)?.text ?? '');
  }

  pendingCell(ref: CellRef): PendingCell | undefined {
    return this.pending.get(cellKey(ref));
  }

  warning(ref: CellRef): string | undefined {
    return this.warnings.get(cellKey(ref));
  }

  failedCells(): PendingCell[] {
    return [...this.pending.values()].filter((p) => p.error !== null);
  }

  /** The indicator's values as currently shown, for validation rules that look at other years. */
  currentValues(indicator: Indicator): IndicatorValue[] {
    const out = new Map<string, IndicatorValue>();
    const put = (v: IndicatorValue) => out.set(`${v.year}/${v.kind}`, v);
    const key = (v: Pick<IndicatorValue, 'year' | 'kind'>) => ({
      indicatorId: indicator.id,
      year: v.year,
      kind: v.kind,
    });
    for (const v of indicator.values) {
      const s = this.stored.get(cellKey(key(v)));
      if (!s) put(v);
    }
    for (const [k, s] of this.stored) if (s.value && k.startsWith(`${indicator.id}/`)) put(s.value);
    for (const p of this.pending.values()) {
      if (p.indicatorId !== indicator.id) continue;
      out.delete(`${p.year}/${p.kind}`);
      if (p.text.trim() !== '')
        put({ ...parseValue(p.text), year: p.year, kind: p.kind, note: null, updatedAt: '', updatedBy: '' });
    }
    return [...out.values()];
  }

  /** The clerk's texts, shown at once and marked as being saved by call `ticket`. */
  setPending(cells: readonly (CellRef & { text: string })[], ticket: number): void {
    for (const c of cells) {
      const ref = { indicatorId: c.indicatorId, year: c.year, kind: c.kind };
      this.pending.set(cellKey(ref), { ...ref, text: c.text, ticket, error: null });
      this.warnings.delete(cellKey(ref));
      this.touch(c.indicatorId);
    }
  }

  /** The server's answer to call `ticket`: its stored values and warnings; cells typed again since stay pending. */
  confirm(result: UpdateValuesResult, ticket: number): void {
    for (const v of result.values) {
      const key = cellKey(v);
      const current = this.stored.get(key);
      if (!current || current.ticket <= ticket) this.stored.set(key, { value: v.value, ticket });
      if (this.pending.get(key)?.ticket === ticket) this.pending.delete(key);
      this.touch(v.indicatorId);
    }
    for (const w of result.warnings) this.warnings.set(cellKey(w), w.message);
  }

  /** A value stored by another route (a revert from the history drawer), as of call `ticket`. */
  setStored(ref: CellRef, value: IndicatorValue | null, ticket: number): void {
    this.stored.set(cellKey(ref), { value, ticket });
    this.touch(ref.indicatorId);
  }

  /** Call `ticket` failed: its cells keep their text, marked with the error. */
  fail(cells: readonly CellRef[], ticket: number, message: string): void {
    for (const ref of cells) {
      const p = this.pending.get(cellKey(ref));
      if (p?.ticket === ticket) {
        p.error = message;
        this.touch(ref.indicatorId);
      }
    }
  }
}
