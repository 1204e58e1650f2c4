// What the clerk's keys and clipboard do in the sheet: move, edit, commit, cancel, clear, copy, cut, paste,
// undo and redo. Every change is one SheetSession action (one update-values call); moves and edits follow Excel.
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { blockFromClipboard, toHtmlTable, toTsv, type Block } from '../../lib/sheet/clipboard';
import { editCommand, idleCommand, type EditMode } from '../../lib/sheet/keymap';
import {
  copyBlock,
  overflows,
  planClear,
  planPaste,
  type PasteContext,
  type PastePlan,
} from '../../lib/sheet/range-ops';
import { cellRefAt, type CellRef } from '../../lib/sheet/rows';
import {
  collapsed,
  moveSelection,
  rangeOf,
  selectAll,
  stepRows,
  type Grid,
  type Move,
  type Pos,
  type Selection,
} from '../../lib/sheet/selection';
import type { SheetNote, SheetSession } from '../../lib/sheet/sheet-saver';
import type { UndoAction } from '../../lib/sheet/undo-stack';

export interface CommandDeps {
  ctx: PasteContext;
  grid: Grid;
  session: SheetSession;
  inputRef: RefObject<HTMLTextAreaElement | null>;
  ensureVisible: (pos: Pos) => void;
  /** row index per indicator id, column index per `${year}/${kind}` */
  rowOf: ReadonlyMap<number, number>;
  colOf: ReadonlyMap<string, number>;
  /** asks before pasting a block that does not fit; calls back only on yes */
  confirmOversize: (plan: PastePlan, proceed: () => void) => void;
  openHistory: (ref: CellRef) => void;
  openDefinition: (pos: Pos) => boolean;
  /**
   * A keystroke, paste, clear, undo or redo met a cell of a submitted year: tell the clerk, change nothing there.
   * `quiet` (Enter moving through the sheet) says it on the status line only.
   */
  onLocked: (year: number, quiet?: boolean) => void;
}

export function useSheetCommands(deps: CommandDeps, initial: Pos) {
  const { ctx, grid, session, inputRef } = deps;
  const [sel, setSelState] = useState<Selection>(() => collapsed(initial));
  const [editing, setEditingState] = useState<EditMode | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const editingRef = useRef<EditMode | null>(null);
  const selRef = useRef(sel);
  // Excel's Tab…Tab, Enter: Enter returns to the column where the tabbing started.
  const tabStart = useRef<number | null>(null);

  const setSel = (next: Selection, scroll = true) => {
    selRef.current = next;
    setSelState(next);
    if (scroll) deps.ensureVisible(next.corner);
  };
  const setEditing = (mode: EditMode | null) => {
    editingRef.current = mode;
    setEditingState(mode);
  };
  const activeRef = (): CellRef | null => {
    const a = selRef.current.active;
    return cellRefAt(ctx.rows[a.row], ctx.columns[a.col]);
  };

  /** Ends an edit: a fresh textarea replaces the old one, so its native undo never reaches another cell. */
  const closeEditor = () => {
    setEditing(null);
    setEditorKey((k) => k + 1);
  };

  const commit = () => {
    const mode = editingRef.current;
    const el = inputRef.current;
    if (!mode || !el) return;
    const ref = activeRef();
    if (ref) {
      const before = session.cells.text(ref);
      session.perform([{ ...ref, before, after: el.value }]);
    }
    closeEditor();
  };

  /** Ctrl+Enter: the edited text into every value cell of the selection, as one action. */
  const fill = () => {
    const el = inputRef.current;
    if (!el) return;
    const plan = planPaste([[el.value]], rangeOf(selRef.current), ctx);
    session.perform(plan.cells, plan.cells.length > 1 ? { key: 'filled', params: { n: plan.cells.length } } : null);
    closeEditor();
  };

  const startEdit = (mode: EditMode, quiet = false) => {
    const ref = activeRef();
    const el = inputRef.current;
    if (ref && ctx.isLocked?.(ref)) {
      deps.onLocked(ref.year, quiet);
      return false;
    }
    if (!ref || !el) {
      if (!ref)
        session.setNote({ key: ctx.rows[selRef.current.active.row]?.type === 'category' ? 'categoryRow' : 'readOnly' });
      return false;
    }
    deps.ensureVisible(selRef.current.active);
    if (mode === 'edit') {
      el.value = session.cells.text(ref);
      el.setSelectionRange(el.value.length, el.value.length);
    }
    setEditing(mode);
    return true;
  };

  const move = (m: Move, tab = false) => {
    if (!tab) tabStart.current = null;
    else if (tabStart.current === null) tabStart.current = selRef.current.active.col;
    setSel(moveSelection(selRef.current, m, grid));
  };
  /** After Enter: down (or up) a data row, back to the column the tabbing started from. */
  const enterMove = (dRow: number) => {
    const a = selRef.current.active;
    const col = tabStart.current ?? a.col;
    tabStart.current = null;
    setSel(collapsed({ row: stepRows(grid.rows, a.row, dRow), col }));
  };

  const selectCells = (action: UndoAction) => {
    const rs = action.map((c) => deps.rowOf.get(c.indicatorId)).filter((r): r is number => r !== undefined);
    const cs = action.map((c) => deps.colOf.get(`${c.year}/${c.kind}`)).filter((c): c is number => c !== undefined);
    if (!rs.length || !cs.length) return;
    setSel({
      active: { row: Math.min(...rs), col: Math.min(...cs) },
      corner: { row: Math.max(...rs), col: Math.max(...cs) },
    });
  };

  const clear = () => {
    const { cells, skippedReadOnly, skippedLocked, lockedYear } = planClear(rangeOf(selRef.current), ctx);
    if (lockedYear !== null) deps.onLocked(lockedYear);
    if (cells.length === 0 && skippedLocked > 0) return;
    if (cells.length === 0 && skippedReadOnly > 0) session.setNote({ key: 'readOnly' });
    else session.perform(cells, { key: 'cleared', params: { n: cells.length } });
  };

  const applyPaste = (plan: PastePlan) => {
    if (plan.lockedYear !== null) deps.onLocked(plan.lockedYear);
    if (plan.cells.length === 0 && plan.skippedLocked > 0) return;
    const note: SheetNote =
      plan.cells.length === 0
        ? { key: 'pasteUnchanged' }
        : plan.skippedLocked > 0
          ? {
              key: 'pastedLocked',
              params: { n: plan.cells.length, skipped: plan.skippedLocked, year: plan.lockedYear! },
            }
          : plan.skippedReadOnly > 0
            ? { key: 'pastedSkipped', params: { n: plan.cells.length, skipped: plan.skippedReadOnly } }
            : { key: 'pasted', params: { n: plan.cells.length } };
    session.perform(plan.cells, note);
    if (plan.target) {
      const t = plan.target;
      setSel({ active: { row: t.top, col: t.left }, corner: { row: t.bottom, col: t.right } });
    }
  };

  const pasteBlock = (block: Block) => {
    if (block.length === 0) return;
    const plan = planPaste(block, rangeOf(selRef.current), ctx);
    if (overflows(plan)) deps.confirmOversize(plan, () => applyPaste(plan));
    else applyPaste(plan);
  };

  const copyTo = (data: DataTransfer) => {
    const block = copyBlock(rangeOf(selRef.current), ctx);
    data.setData('text/plain', toTsv(block));
    data.setData('text/html', toHtmlTable(block));
    session.setNote({ key: 'copied', params: { rows: block.length, cols: block[0]?.length ?? 0 } });
  };

  const undoOrRedo = (which: 'undo' | 'redo') => {
    // An undo or redo reaching into a submitted year would be refused by the core: keep it for after an unlock.
    const stack = session.getSnapshot().undo;
    const next = which === 'undo' ? stack.past.at(-1) : stack.future.at(-1);
    const locked = next?.find((c) => ctx.isLocked?.(c));
    if (locked) {
      deps.onLocked(locked.year);
      return;
    }
    const action = which === 'undo' ? session.undo() : session.redo();
    if (action) selectCells(action);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const mode = editingRef.current;
    if (mode) {
      const cmd = editCommand(e, mode);
      if (!cmd) return;
      e.preventDefault();
      if (cmd.type === 'cancel') closeEditor();
      else if (cmd.type === 'newline') document.execCommand('insertText', false, '\n');
      else if (cmd.type === 'fill') fill();
      else {
        commit();
        if (cmd.dRow !== 0) enterMove(cmd.dRow);
        else move({ type: 'step', dRow: 0, dCol: cmd.dCol, extend: false, toEdge: false }, cmd.tab);
      }
      return;
    }
    const cmd = idleCommand(e);
    if (!cmd) return;
    e.preventDefault();
    switch (cmd.type) {
      case 'move':
        return move(cmd.move, cmd.tab);
      case 'enter':
        if (cmd.up || !startEdit('edit', true)) enterMove(cmd.up ? -1 : 1);
        return;
      case 'edit':
        if (!startEdit('edit')) deps.openDefinition(selRef.current.active);
        return;
      case 'clear':
        return clear();
      case 'undo':
      case 'redo':
        return undoOrRedo(cmd.type);
      case 'selectAll':
        return setSel(selectAll(grid), false);
      case 'history': {
        const ref = activeRef();
        if (ref) deps.openHistory(ref);
        return;
      }
      case 'collapse':
        return setSel(collapsed(selRef.current.active), false);
    }
  };

  const idle = () => editingRef.current === null;
  return {
    sel,
    editing,
    editorKey,
    setSel,
    commit,
    startEdit,
    clear,
    pasteBlock,
    undoOrRedo,
    onKeyDown,
    getSel: () => selRef.current,
    isEditing: () => editingRef.current !== null,
    onTypingStart: () => startEdit('replace'),
    onRejected: () => setEditorKey((k) => k + 1),
    onCopy: (e: ClipboardEvent<HTMLTextAreaElement>) => {
      if (!idle()) return;
      e.preventDefault();
      copyTo(e.clipboardData);
    },
    onCut: (e: ClipboardEvent<HTMLTextAreaElement>) => {
      if (!idle()) return;
      e.preventDefault();
      copyTo(e.clipboardData);
      clear();
    },
    onPaste: (e: ClipboardEvent<HTMLTextAreaElement>) => {
      if (!idle()) return;
      e.preventDefault();
      pasteBlock(
        blockFromClipboard({ html: e.clipboardData.getData('text/html'), text: e.clipboardData.getData('text/plain') }),
      );
    },
    onBlur: () => {
      // Leaving for another window keeps the edit open, as Excel does; leaving for another control commits.
      if (editingRef.current && document.hasFocus()) commit();
    },
  };
}
