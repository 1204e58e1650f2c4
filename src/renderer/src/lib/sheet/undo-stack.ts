// The sheet's undo history: one entry per user action (a typed cell, a paste, a range clear), each holding the
// texts of every cell it touched before and after. Pure and immutable, so React state and tests can hold it as is.
import type { ValueKind } from '../../../../shared/model';

export interface UndoCell {
  indicatorId: number;
  year: number;
  kind: ValueKind;
  before: string;
  after: string;
}

export type UndoAction = readonly UndoCell[];

export interface UndoStack {
  readonly past: readonly UndoAction[];
  readonly future: readonly UndoAction[];
  /** the oldest actions are forgotten beyond this many */
  readonly limit: number;
}

export const DEFAULT_UNDO_LIMIT = 500;

export function createUndoStack(limit = DEFAULT_UNDO_LIMIT): UndoStack {
  return { past: [], future: [], limit };
}

/** Records a new action; a new action after some undos makes the undone ones unreachable, as in Excel. */
export function pushAction(stack: UndoStack, action: UndoAction): UndoStack {
  const cells = action.filter((c) => c.before !== c.after);
  if (cells.length === 0) return stack;
  const past = [...stack.past, cells];
  return { ...stack, past: past.length > stack.limit ? past.slice(past.length - stack.limit) : past, future: [] };
}

export const canUndo = (stack: UndoStack): boolean => stack.past.length > 0;
export const canRedo = (stack: UndoStack): boolean => stack.future.length > 0;

/** The action to take back (send its `before` texts), and the stack after it. */
export function undo(stack: UndoStack): { stack: UndoStack; action: UndoAction } | null {
  const action = stack.past.at(-1);
  if (!action) return null;
  return { action, stack: { ...stack, past: stack.past.slice(0, -1), future: [...stack.future, action] } };
}

/** The action to apply again (send its `after` texts), and the stack after it. */
export function redo(stack: UndoStack): { stack: UndoStack; action: UndoAction } | null {
  const action = stack.future.at(-1);
  if (!action) return null;
  return { action, stack: { ...stack, past: [...stack.past, action], future: stack.future.slice(0, -1) } };
}
