// What copy, paste and clear do to a selected range. Category header rows are not data: copy leaves them out,
// and a pasted block flows over them, so a column copied from Excel lands on consecutive indicators. Read-only
// columns inside a pasted block's width are skipped cell by cell. A block that does not fit is reported, never
// silently cut: the sheet asks the clerk first. Cells of a submitted (报送) year are locked: skipped and counted apart,
// so the clerk is told why they did not change.
import type { SheetColumn } from './columns';
import type { Block } from './clipboard';
import { cellRefAt, type CellRef, type SheetRow } from './rows';
import type { Range } from './selection';
import type { UndoCell } from './undo-stack';

export interface PastePlan {
  cells: UndoCell[];
  /** pasted values that fell on read-only cells and were not used */
  skippedReadOnly: number;
  /** pasted values that fell on cells of a submitted year, and the first such year */
  skippedLocked: number;
  lockedYear: number | null;
  /** cells whose text was already the pasted one */
  unchanged: number;
  /** the block's size, and how much of it fits from the anchor */
  blockRows: number;
  blockCols: number;
  fitRows: number;
  fitCols: number;
  /** where the pasted values went, for selecting them afterwards */
  target: Range | null;
}

export interface PasteContext {
  rows: readonly SheetRow[];
  columns: readonly SheetColumn[];
  textOf: (row: SheetRow, col: SheetColumn) => string;
  /** a value cell of a submitted year (报送), which only an unlock makes writable again */
  isLocked?: (ref: CellRef) => boolean;
}

export const overflows = (p: PastePlan): boolean => p.fitRows < p.blockRows || p.fitCols < p.blockCols;

/** The indicator rows from `top` downwards (a category row at `top` is stepped over), at most `limit`. */
function dataRowsFrom(rows: readonly SheetRow[], top: number, limit: number): number[] {
  const out: number[] = [];
  for (let i = top; i < rows.length && out.length < limit; i++) if (rows[i]!.type === 'indicator') out.push(i);
  return out;
}

/**
 * Plans a paste into `sel`. A single value pasted over a multi-cell selection fills it (as Excel does);
 * otherwise the block starts at the selection's top-left cell. Only the part that fits is planned.
 */
export function planPaste(block: Block, sel: Range, ctx: PasteContext): PastePlan {
  const blockRows = block.length;
  const blockCols = block.reduce((w, r) => Math.max(w, r.length), 0);
  const single = blockRows === 1 && blockCols === 1;
  const fill = single && (sel.bottom > sel.top || sel.right > sel.left);

  let rowIdx: number[];
  let colIdx: number[];
  if (fill) {
    rowIdx = dataRowsFrom(ctx.rows, sel.top, sel.bottom - sel.top + 1).filter((r) => r <= sel.bottom);
    colIdx = range(sel.left, sel.right);
  } else {
    rowIdx = dataRowsFrom(ctx.rows, sel.top, blockRows);
    colIdx = range(sel.left, Math.min(sel.left + blockCols - 1, ctx.columns.length - 1));
  }

  const cells: UndoCell[] = [];
  let skippedReadOnly = 0;
  let unchanged = 0;
  const locked = lockTally();
  rowIdx.forEach((r, i) => {
    colIdx.forEach((c, j) => {
      const text = fill ? block[0]![0]! : block[i]?.[j];
      if (text === undefined) return;
      const row = ctx.rows[r]!;
      const col = ctx.columns[c]!;
      const ref = cellRefAt(row, col);
      if (!ref) {
        skippedReadOnly++;
        return;
      }
      if (ctx.isLocked?.(ref)) {
        locked.add(ref);
        return;
      }
      const before = ctx.textOf(row, col);
      if (before === text) unchanged++;
      else cells.push({ ...ref, before, after: text });
    });
  });

  const target =
    rowIdx.length && colIdx.length
      ? { top: rowIdx[0]!, bottom: rowIdx.at(-1)!, left: colIdx[0]!, right: colIdx.at(-1)! }
      : null;
  return {
    cells,
    skippedReadOnly,
    skippedLocked: locked.count,
    lockedYear: locked.year,
    unchanged,
    blockRows: fill ? rowIdx.length : blockRows,
    blockCols: fill ? colIdx.length : blockCols,
    fitRows: rowIdx.length,
    fitCols: colIdx.length,
    target,
  };
}

/** Counts locked cells met on the way and remembers the first one's year (for the message). */
function lockTally() {
  const tally = {
    count: 0,
    year: null as number | null,
    add(ref: CellRef) {
      tally.count++;
      tally.year ??= ref.year;
    },
  };
  return tally;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** The selected range as text rows for the clipboard: every column as shown, category rows left out. */
export function copyBlock(sel: Range, ctx: PasteContext): Block {
  const out: Block = [];
  for (let r = sel.top; r <= sel.bottom; r++) {
    const row = ctx.rows[r];
    if (!row || row.type !== 'indicator') continue;
    const line: string[] = [];
    for (let c = sel.left; c <= sel.right; c++) line.push(ctx.textOf(row, ctx.columns[c]!));
    out.push(line);
  }
  return out;
}

export interface ClearPlan {
  cells: UndoCell[];
  skippedReadOnly: number;
  /** non-empty cells of a submitted year left alone, and the first such year */
  skippedLocked: number;
  lockedYear: number | null;
}

/** Emptying the range: the value cells that hold something, and how many read-only or locked cells were left alone. */
export function planClear(sel: Range, ctx: PasteContext): ClearPlan {
  const cells: UndoCell[] = [];
  let skippedReadOnly = 0;
  const locked = lockTally();
  for (let r = sel.top; r <= sel.bottom; r++) {
    const row = ctx.rows[r];
    if (!row || row.type !== 'indicator') continue;
    for (let c = sel.left; c <= sel.right; c++) {
      const col = ctx.columns[c]!;
      const ref = cellRefAt(row, col);
      if (!ref) {
        if (ctx.textOf(row, col) !== '') skippedReadOnly++;
        continue;
      }
      const before = ctx.textOf(row, col);
      if (before === '') continue;
      if (ctx.isLocked?.(ref)) locked.add(ref);
      else cells.push({ ...ref, before, after: '' });
    }
  }
  return { cells, skippedReadOnly, skippedLocked: locked.count, lockedYear: locked.year };
}
