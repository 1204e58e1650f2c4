// The sheet's one text box. It sits over the active cell and holds the keyboard focus all the time, invisible
// while the cell is merely selected. Typing, or an IME composition, therefore lands in it directly and editing
// begins with the same element: the first keystroke or the composition in progress is never lost or re-typed.
// It is uncontrolled (React never writes its value), because writing the value during a composition breaks it.
import { useRef, type ClipboardEvent, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';
import type { EditMode } from '../../lib/sheet/keymap';

export interface EditorBox {
  top: number;
  left: number;
  width: number;
  height: number;
}

interface ValueCellEditorProps {
  inputRef: RefObject<HTMLTextAreaElement | null>;
  editing: EditMode | null;
  box: EditorBox;
  label: string;
  /** the textarea typed into while idle: true when the active cell accepts text and editing has begun */
  onTypingStart: () => boolean;
  /** text typed into a read-only cell was thrown away */
  onRejected: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  onCopy: (e: ClipboardEvent<HTMLTextAreaElement>) => void;
  onCut: (e: ClipboardEvent<HTMLTextAreaElement>) => void;
  onPaste: (e: ClipboardEvent<HTMLTextAreaElement>) => void;
  onBlur: (e: FocusEvent<HTMLTextAreaElement>) => void;
}

export function ValueCellEditor(props: ValueCellEditorProps) {
  const { inputRef, editing, box, label } = props;
  const composing = useRef(false);
  // Text typed over a read-only cell is dropped, but only once an IME has finished with it.
  const discard = useRef(false);

  const begin = () => {
    if (editing) return;
    if (!props.onTypingStart()) discard.current = true;
  };
  const dropIfRejected = () => {
    const el = inputRef.current;
    if (!discard.current || composing.current || !el) return;
    discard.current = false;
    el.value = '';
    props.onRejected();
  };

  return (
    <textarea
      ref={inputRef}
      data-testid="sheet-editor"
      aria-label={label}
      className={editing ? 'sheet-editor sheet-editor-open' : 'sheet-editor sheet-editor-idle'}
      style={{ top: box.top, left: box.left, width: box.width, minHeight: box.height }}
      rows={1}
      spellCheck={false}
      autoComplete="off"
      onCompositionStart={() => {
        composing.current = true;
        begin();
      }}
      onCompositionEnd={() => {
        composing.current = false;
        dropIfRejected();
      }}
      onInput={() => {
        begin();
        dropIfRejected();
      }}
      onKeyDown={(e) => {
        // Keys that confirm or steer an IME candidate (Enter, arrows, Esc, Space) belong to the IME.
        if (e.nativeEvent.isComposing || e.keyCode === 229 || composing.current) return;
        props.onKeyDown(e);
      }}
      onCopy={props.onCopy}
      onCut={props.onCut}
      onPaste={props.onPaste}
      onBlur={props.onBlur}
    />
  );
}
