// Plan → sheet rows (a header row per category, then its indicators, both in sortOrder) and the mapping
// between grid positions and the stored cells they show. Pure, so grouping and edit mapping are easy to test.
import type { ValueChange } from '../../../../shared/api-schemas';
import type { Category, Indicator, ValueKind } from '../../../../shared/model';
import type { SheetColumn } from './columns';
import type { UndoCell } from './undo-stack';

export type SheetRow =
  | { type: 'category'; key: string; categoryId: number | null; name: string | null }
  | { type: 'indicator'; key: string; indicator: Indicator };

export interface CellRef {
  indicatorId: number;
  year: number;
  kind: ValueKind;
}

export const cellKey = (c: CellRef): string => `${c.indicatorId}/${c.year}/${c.kind}`;

const bySortOrder = <T extends { sortOrder: number; id: number }>(a: T, b: T) =>
  a.sortOrder - b.sortOrder || a.id - b.id;

/** Every category gets its header row, empty ones too (so an indicator can be added there); indicators whose
 *  category is unknown are shown last under a fallback header rather than dropped. */
export function buildSheetRows(categories: readonly Category[], indicators: readonly Indicator[]): SheetRow[] {
  const groups = new Map<number | null, Indicator[]>();
  const known = new Set(categories.map((c) => c.id));
  for (const ind of indicators) {
    const gid = known.has(ind.categoryId) ? ind.categoryId : null;
    const list = groups.get(gid);
    if (list) list.push(ind);
    else groups.set(gid, [ind]);
  }
  const rows: SheetRow[] = [];
  const addGroup = (categoryId: number | null, name: string | null, items: Indicator[]) => {
    rows.push({ type: 'category', key: `c${categoryId ?? 'none'}`, categoryId, name });
    for (const indicator of [...items].sort(bySortOrder))
      rows.push({ type: 'indicator', key: `i${indicator.id}`, indicator });
  };
  for (const c of [...categories].sort(bySortOrder)) addGroup(c.id, c.name, groups.get(c.id) ?? []);
  const orphans = groups.get(null);
  if (orphans?.length) addGroup(null, null, orphans);
  return rows;
}

/** The stored cell at a grid position, or null for read-only columns and category rows. */
export function cellRefAt(row: SheetRow | undefined, col: SheetColumn | undefined): CellRef | null {
  if (!row || row.type !== 'indicator' || !col || col.kind !== 'value') return null;
  return { indicatorId: row.indicator.id, year: col.year!, kind: col.valueKind! };
}

/** Row index of every indicator, for jumping to the cells an undo touched. */
export function indexRows(rows: readonly SheetRow[]): Map<number, number> {
  const map = new Map<number, number>();
  rows.forEach((r, i) => {
    if (r.type === 'indicator') map.set(r.indicator.id, i);
  });
  return map;
}

/** One update-values payload for an action, with either side's texts; a cell listed twice keeps its last text. */
export function toValueChanges(cells: readonly UndoCell[], side: 'before' | 'after'): ValueChange[] {
  const byKey = new Map<string, ValueChange>();
  for (const c of cells) {
    byKey.set(cellKey(c), { indicatorId: c.indicatorId, year: c.year, kind: c.kind, text: c[side] });
  }
  return [...byKey.values()];
}
