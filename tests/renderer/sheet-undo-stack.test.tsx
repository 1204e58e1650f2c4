// The sheet's undo history: one step per user action, redo cleared by a new action, both sides' texts kept.
import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  createUndoStack,
  pushAction,
  redo,
  undo,
  type UndoCell,
} from '../../src/renderer/src/lib/sheet/undo-stack';

const cell = (indicatorId: number, before: string, after: string, year = 2023): UndoCell => ({
  indicatorId,
  year,
  kind: 'actual',
  before,
  after,
});

describe('undo stack', () => {
  it('starts empty: nothing to undo or redo', () => {
    const s = createUndoStack();
    expect(canUndo(s)).toBe(false);
    expect(canRedo(s)).toBe(false);
    expect(undo(s)).toBeNull();
    expect(redo(s)).toBeNull();
  });

  it('undoes and redoes one whole action at a time, newest first', () => {
    const typed = [cell(1, '', '3.5')];
    const pasted = [cell(1, '3.5', '4', 2024), cell(2, '', '≥95', 2024), cell(3, '稳步提升', '', 2024)];
    let s = pushAction(pushAction(createUndoStack(), typed), pasted);

    const u1 = undo(s)!;
    expect(u1.action).toEqual(pasted);
    s = u1.stack;
    const u2 = undo(s)!;
    expect(u2.action).toEqual(typed);
    s = u2.stack;
    expect(canUndo(s)).toBe(false);

    const r1 = redo(s)!;
    expect(r1.action).toEqual(typed);
    const r2 = redo(r1.stack)!;
    expect(r2.action).toEqual(pasted);
    expect(canRedo(r2.stack)).toBe(false);
    expect(canUndo(r2.stack)).toBe(true);
  });

  it('a new action after an undo makes the undone branch unreachable', () => {
    let s = pushAction(createUndoStack(), [cell(1, '', 'a')]);
    s = pushAction(s, [cell(1, 'a', 'b')]);
    s = undo(s)!.stack;
    expect(canRedo(s)).toBe(true);
    s = pushAction(s, [cell(1, 'a', 'c')]);
    expect(canRedo(s)).toBe(false);
    expect(undo(s)!.action).toEqual([cell(1, 'a', 'c')]);
  });

  it('ignores actions that change nothing, and cells within an action that keep their text', () => {
    const s0 = createUndoStack();
    expect(pushAction(s0, [])).toBe(s0);
    expect(pushAction(s0, [cell(1, 'x', 'x')])).toBe(s0);
    const s1 = pushAction(s0, [cell(1, 'x', 'x'), cell(2, '', '1')]);
    expect(undo(s1)!.action).toEqual([cell(2, '', '1')]);
  });

  it('forgets the oldest actions beyond its limit', () => {
    let s = createUndoStack(2);
    for (const t of ['1', '2', '3']) s = pushAction(s, [cell(1, '', t)]);
    expect(s.past.map((a) => a[0]!.after)).toEqual(['2', '3']);
  });

  it('never mutates a stack it was given', () => {
    const s = pushAction(createUndoStack(), [cell(1, '', 'a')]);
    const frozen = JSON.stringify(s);
    undo(s);
    pushAction(s, [cell(2, '', 'b')]);
    expect(JSON.stringify(s)).toBe(frozen);
  });
});
