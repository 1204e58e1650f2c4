// Mouse in the sheet: click selects (Shift+click and dragging extend), double-click edits a value or opens an
// indicator's definition, right-click opens the context menu on the cell (keeping a range it falls inside).
// Cells carry data-row / data-col, so one handler on the table serves every cell.
import { useEffect, useRef, type MouseEvent } from 'react';
import { collapsed, inRange, rangeOf, type Pos, type Selection } from '../../lib/sheet/selection';

interface MouseDeps {
  getSel: () => Selection;
  setSel: (sel: Selection, scroll?: boolean) => void;
  isEditing: () => boolean;
  commit: () => void;
  focus: () => void;
  /** double-click on a cell: true when it was handled */
  onActivate: (pos: Pos) => void;
  onMenu: (pos: Pos, x: number, y: number) => void;
}

function posOf(target: EventTarget, fallbackCol: number): Pos | null {
  const td = (target as Element).closest?.('td[data-row]');
  if (!(td instanceof HTMLElement)) return null;
  const row = Number(td.dataset.row);
  const col = Number(td.dataset.col);
  // A category row is one merged cell: selecting it keeps the column the clerk was in.
  return { row, col: col < 0 ? fallbackCol : col };
}

export function useSheetMouse(deps: MouseDeps) {
  const dragging = useRef(false);
  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  const onMouseDown = (e: MouseEvent) => {
    const sel = deps.getSel();
    const pos = posOf(e.target, sel.active.col);
    if (!pos) return;
    // Keeps the focus (and any open edit) in the sheet's text box, and stops the browser selecting text.
    e.preventDefault();
    if (deps.isEditing()) deps.commit();
    if (e.button === 2 && inRange(rangeOf(sel), pos.row, pos.col)) {
      deps.focus();
      return;
    }
    deps.setSel(e.shiftKey ? { active: sel.active, corner: pos } : collapsed(pos), false);
    dragging.current = e.button === 0;
    deps.focus();
  };

  const onMouseOver = (e: MouseEvent) => {
    if (!dragging.current) return;
    const sel = deps.getSel();
    const pos = posOf(e.target, sel.active.col);
    if (pos && (pos.row !== sel.corner.row || pos.col !== sel.corner.col))
      deps.setSel({ active: sel.active, corner: pos }, false);
  };

  const onDoubleClick = (e: MouseEvent) => {
    const pos = posOf(e.target, deps.getSel().active.col);
    if (pos) deps.onActivate(pos);
  };

  const onContextMenu = (e: MouseEvent) => {
    const pos = posOf(e.target, deps.getSel().active.col);
    if (!pos) return;
    e.preventDefault();
    deps.onMenu(pos, e.clientX, e.clientY);
  };

  return { onMouseDown, onMouseOver, onDoubleClick, onContextMenu };
}
