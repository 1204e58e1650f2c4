// The sheet's scroll box: fills the window down to the status line, renders only the rows near the viewport,
// scrolls the active cell into view past the frozen header and columns, and places the editor over a cell.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { HEADER_HEIGHT, ROW_HEIGHT, stickyWidth, type SheetColumn } from '../../lib/sheet/columns';
import type { Pos } from '../../lib/sheet/selection';
import type { EditorBox } from './ValueCellEditor';
import { OVERSCAN } from './SheetTable';

/** Height of the window's status line (app.css .app-status), which the sheet must not run under. */
const STATUS_BAR_HEIGHT = 32;
/** The page content's bottom padding (app.css .app-content). */
const BOTTOM_GAP = 16;
const MIN_HEIGHT = 240;

export function useSheetViewport(rowCount: number, columns: readonly SheetColumn[]) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const [height, setHeight] = useState(600);
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef<number | null>(null);

  useLayoutEffect(() => {
    const measure = () => {
      const el = scrollRef.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top;
      setHeight(Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - STATUS_BAR_HEIGHT - BOTTOM_GAP)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const onScroll = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      if (scrollRef.current) setScrollTop(scrollRef.current.scrollTop);
    });
  }, []);

  const pageRows = Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT));
  const top = Math.floor(scrollTop / ROW_HEIGHT);
  const firstRow = Math.max(0, top - OVERSCAN);
  const lastRow = Math.min(rowCount - 1, top + pageRows + OVERSCAN);

  /** Scrolls just enough for the cell to be fully visible, not hidden by the header or frozen columns. */
  const ensureVisible = useCallback(
    (pos: Pos) => {
      const el = scrollRef.current;
      if (!el) return;
      const viewH = el.clientHeight || height;
      const rowTop = pos.row * ROW_HEIGHT;
      if (rowTop < el.scrollTop) el.scrollTop = rowTop;
      else if (HEADER_HEIGHT + rowTop + ROW_HEIGHT > el.scrollTop + viewH)
        el.scrollTop = HEADER_HEIGHT + rowTop + ROW_HEIGHT - viewH;
      const col = columns[pos.col];
      // Onto a frozen column (Home, ← past the frozen edge): back to the start, as Excel does with frozen panes.
      if (col?.sticky) el.scrollLeft = 0;
      else if (col && el.clientWidth > 0) {
        const frozen = stickyWidth(columns);
        if (col.left - frozen < el.scrollLeft) el.scrollLeft = col.left - frozen;
        else if (col.left + col.width > el.scrollLeft + el.clientWidth)
          el.scrollLeft = col.left + col.width - el.clientWidth;
      }
      setScrollTop(el.scrollTop);
    },
    [columns, height],
  );

  const editorBox = (pos: Pos): EditorBox => {
    const col = columns[pos.col] ?? columns[0]!;
    return { top: HEADER_HEIGHT + pos.row * ROW_HEIGHT, left: col.left, width: col.width, height: ROW_HEIGHT };
  };

  return { scrollRef, height, onScroll, firstRow, lastRow, pageRows, ensureVisible, editorBox };
}
