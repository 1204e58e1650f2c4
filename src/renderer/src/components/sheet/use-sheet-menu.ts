// The sheet's context menu: what it offers for the right-clicked cell, and what each item does.
import { useState } from 'react';
import { blockFromClipboard, readSystemClipboard } from '../../lib/sheet/clipboard';
import type { SheetColumn } from '../../lib/sheet/columns';
import { cellRefAt, type CellRef, type SheetRow } from '../../lib/sheet/rows';
import type { Pos } from '../../lib/sheet/selection';
import type { SheetSession } from '../../lib/sheet/sheet-saver';
import { canRedo, canUndo } from '../../lib/sheet/undo-stack';
import type { MenuAction, MenuTarget } from './SheetContextMenu';
import type { useSheetCommands } from './use-sheet-commands';

interface MenuDeps {
  rows: readonly SheetRow[];
  columns: readonly SheetColumn[];
  session: SheetSession;
  cmds: ReturnType<typeof useSheetCommands>;
  focus: () => void;
  openHistory: (ref: CellRef) => void;
  openDefinition: (pos: Pos) => boolean;
  onNewIndicator?: (categoryId: number | undefined) => void;
  /** a closed plan: the menu offers no editing */
  readOnly?: boolean;
}

export function useSheetMenu(deps: MenuDeps) {
  const { rows, columns, session, cmds } = deps;
  const [menu, setMenu] = useState<(MenuTarget & { pos: Pos }) | null>(null);

  const openMenu = (pos: Pos, x: number, y: number) => {
    const row = rows[pos.row];
    const undoStack = session.getSnapshot().undo;
    setMenu({
      x,
      y,
      pos,
      value: cellRefAt(row, columns[pos.col]) !== null,
      indicator: row?.type === 'indicator',
      definitions: deps.onNewIndicator !== undefined,
      canUndo: canUndo(undoStack),
      canRedo: canRedo(undoStack),
      readOnly: deps.readOnly ?? false,
    });
  };

  const onMenuAction = (action: MenuAction) => {
    deps.focus();
    const pos = menu?.pos ?? cmds.getSel().active;
    const row = rows[pos.row];
    switch (action) {
      case 'copy':
      case 'cut':
        // Runs the browser's own command, so the focused text box receives a real copy/cut event.
        document.execCommand(action);
        return;
      case 'paste':
        readSystemClipboard().then(
          (data) => cmds.pasteBlock(blockFromClipboard(data)),
          () => session.setNote({ key: 'clipboardDenied' }),
        );
        return;
      case 'clear':
        return cmds.clear();
      case 'undo':
      case 'redo':
        return cmds.undoOrRedo(action);
      case 'history': {
        const ref = cellRefAt(row, columns[pos.col]);
        if (ref) deps.openHistory(ref);
        return;
      }
      case 'editDefinition':
        deps.openDefinition(pos);
        return;
      case 'newIndicator':
        deps.onNewIndicator?.(row?.type === 'indicator' ? row.indicator.categoryId : (row?.categoryId ?? undefined));
    }
  };

  return { menu, openMenu, closeMenu: () => setMenu(null), onMenuAction };
}
