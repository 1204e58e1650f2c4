// Where the clerk is in the sheet: the active cell (the one typing goes to) and the opposite corner of the
// selected range, as in Excel. Vertical moves step over category header rows, so Enter and ↓ walk a year's
// column straight through the groups.
import type { SheetRow } from './rows';

export interface Pos {
  row: number;
  col: number;
}

export interface Selection {
  active: Pos;
  corner: Pos;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Move =
  | { type: 'step'; dRow: number; dCol: number; extend: boolean; toEdge: boolean }
  | { type: 'page'; dir: 1 | -1; extend: boolean }
  | { type: 'line'; end: boolean; wholeSheet: boolean; extend: boolean };

export interface Grid {
  rows: readonly Pick<SheetRow, 'type'>[];
  colCount: number;
  /** rows that fit in the viewport, for PageUp / PageDown */
  pageRows: number;
}

export const collapsed = (pos: Pos): Selection => ({ active: pos, corner: pos });

export function rangeOf(sel: Selection): Range {
  return {
    top: Math.min(sel.active.row, sel.corner.row),
    bottom: Math.max(sel.active.row, sel.corner.row),
    left: Math.min(sel.active.col, sel.corner.col),
    right: Math.max(sel.active.col, sel.corner.col),
  };
}

export const inRange = (r: Range, row: number, col: number): boolean =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

const isData = (rows: Grid['rows'], i: number) => rows[i]?.type === 'indicator';

/** `count` indicator rows up or down from `row`, stopping at the last one there is. */
export function stepRows(rows: Grid['rows'], row: number, delta: number): number {
  const dir = Math.sign(delta);
  if (dir === 0) return row;
  let at = row;
  let left = Math.abs(delta);
  for (let i = row + dir; i >= 0 && i < rows.length && left > 0; i += dir) {
    if (isData(rows, i)) {
      at = i;
      left--;
    }
  }
  return at;
}

export function firstDataRow(rows: Grid['rows']): number {
  const i = rows.findIndex((r) => r.type === 'indicator');
  return i < 0 ? 0 : i;
}

function lastDataRow(rows: Grid['rows']): number {
  for (let i = rows.length - 1; i >= 0; i--) if (isData(rows, i)) return i;
  return Math.max(rows.length - 1, 0);
}

function movePos(pos: Pos, move: Move, grid: Grid): Pos {
  const lastCol = Math.max(grid.colCount - 1, 0);
  switch (move.type) {
    case 'step': {
      if (move.toEdge) {
        return {
          row: move.dRow < 0 ? firstDataRow(grid.rows) : move.dRow > 0 ? lastDataRow(grid.rows) : pos.row,
          col: move.dCol < 0 ? 0 : move.dCol > 0 ? lastCol : pos.col,
        };
      }
      return { row: stepRows(grid.rows, pos.row, move.dRow), col: clamp(pos.col + move.dCol, 0, lastCol) };
    }
    case 'page':
      return { row: stepRows(grid.rows, pos.row, move.dir * Math.max(grid.pageRows - 1, 1)), col: pos.col };
    case 'line': {
      const col = move.end ? lastCol : 0;
      if (!move.wholeSheet) return { row: pos.row, col };
      return { row: move.end ? lastDataRow(grid.rows) : firstDataRow(grid.rows), col };
    }
  }
}

/** The selection after a keyboard move: extending moves the far corner, otherwise the active cell moves alone. */
export function moveSelection(sel: Selection, move: Move, grid: Grid): Selection {
  if (move.extend) return { active: sel.active, corner: movePos(sel.corner, move, grid) };
  return collapsed(movePos(sel.active, move, grid));
}

export function selectAll(grid: Grid): Selection {
  return {
    active: { row: firstDataRow(grid.rows), col: 0 },
    corner: { row: Math.max(grid.rows.length - 1, 0), col: Math.max(grid.colCount - 1, 0) },
  };
}
