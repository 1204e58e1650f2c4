// Keys → sheet commands, as Excel/WPS clerks expect them. Pure: the sheet decides what a command does, and
// tests can check the map without a browser. Ctrl and Cmd are the same modifier (Windows/UOS and macOS).
import type { Move } from './selection';

export interface KeyInfo {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type IdleCommand =
  | { type: 'move'; move: Move; tab?: boolean }
  | { type: 'edit' }
  | { type: 'enter'; up: boolean }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'selectAll' }
  | { type: 'history' }
  | { type: 'collapse' };

export type EditCommand =
  | { type: 'commit'; dRow: number; dCol: number; tab?: boolean }
  | { type: 'cancel' }
  | { type: 'newline' }
  /** Ctrl+Enter: the typed text goes into every cell of the selected range, as in Excel */
  | { type: 'fill' };

/** How the edit began: typing over the cell (arrows commit, like Excel's Enter mode) or F2 / double-click. */
export type EditMode = 'replace' | 'edit';

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The letter of a shortcut, whatever the keyboard layout or Shift state reports as `key`. */
function letter(k: KeyInfo): string {
  if (k.code?.startsWith('Key')) return k.code.slice(3).toLowerCase();
  return k.key.length === 1 ? k.key.toLowerCase() : '';
}

export function idleCommand(k: KeyInfo): IdleCommand | null {
  const mod = k.ctrlKey || k.metaKey;
  const arrow = ARROWS[k.key];
  if (arrow) {
    const [dRow, dCol] = arrow;
    return { type: 'move', move: { type: 'step', dRow, dCol, extend: k.shiftKey, toEdge: mod } };
  }
  switch (k.key) {
    case 'Tab':
      return {
        type: 'move',
        tab: true,
        move: { type: 'step', dRow: 0, dCol: k.shiftKey ? -1 : 1, extend: false, toEdge: false },
      };
    case 'Enter':
      return k.shiftKey ? { type: 'enter', up: true } : { type: 'enter', up: false };
    case 'F2':
      return { type: 'edit' };
    case 'Delete':
    case 'Backspace':
      return mod || k.altKey ? null : { type: 'clear' };
    case 'PageDown':
    case 'PageUp':
      return { type: 'move', move: { type: 'page', dir: k.key === 'PageDown' ? 1 : -1, extend: k.shiftKey } };
    case 'Home':
    case 'End':
      return { type: 'move', move: { type: 'line', end: k.key === 'End', wholeSheet: mod, extend: k.shiftKey } };
    case 'Escape':
      return { type: 'collapse' };
  }
  const l = letter(k);
  if (k.altKey && !mod && l === 'h') return { type: 'history' };
  if (!mod || k.altKey) return null;
  if (l === 'z') return k.shiftKey ? { type: 'redo' } : { type: 'undo' };
  if (l === 'y' && !k.shiftKey) return { type: 'redo' };
  if (l === 'a' && !k.shiftKey) return { type: 'selectAll' };
  return null;
}

/**
 * While a cell is edited. Undo/redo and caret keys are left to the input itself (its own undo works on the
 * text being typed); only leaving the cell is ours.
 */
export function editCommand(k: KeyInfo, mode: EditMode): EditCommand | null {
  const mod = k.ctrlKey || k.metaKey;
  if (k.key === 'Escape') return { type: 'cancel' };
  if (k.key === 'Enter') {
    if (k.altKey) return { type: 'newline' };
    if (mod) return { type: 'fill' };
    return { type: 'commit', dRow: k.shiftKey ? -1 : 1, dCol: 0 };
  }
  if (k.key === 'Tab') return { type: 'commit', dRow: 0, dCol: k.shiftKey ? -1 : 1, tab: true };
  const arrow = ARROWS[k.key];
  if (arrow && mode === 'replace' && !mod && !k.shiftKey && !k.altKey) {
    return { type: 'commit', dRow: arrow[0], dCol: arrow[1] };
  }
  return null;
}

/** A key that types a character (and so starts editing when nothing is being edited). */
export const isTypingKey = (k: KeyInfo): boolean => k.key.length === 1 && !k.ctrlKey && !k.metaKey && !k.altKey;
