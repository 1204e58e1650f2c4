// Right-click menu of the sheet, opened at the mouse: clipboard and undo for value cells, the cell's change
// history, and the definitions panel (edit this indicator, add one to this category) when the page offers it.
import { Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';

export type MenuAction =
  'copy' | 'cut' | 'paste' | 'clear' | 'undo' | 'redo' | 'history' | 'editDefinition' | 'newIndicator';

export interface MenuTarget {
  x: number;
  y: number;
  /** a value cell (target/actual) */
  value: boolean;
  /** an indicator row (as opposed to a category header) */
  indicator: boolean;
  definitions: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** a closed plan: copy, history and viewing the definition only */
  readOnly?: boolean;
}

interface SheetContextMenuProps {
  target: MenuTarget | null;
  onAction: (action: MenuAction) => void;
  onClose: () => void;
}

const SHORTCUTS: Partial<Record<MenuAction, string>> = {
  copy: 'Ctrl+C',
  cut: 'Ctrl+X',
  paste: 'Ctrl+V',
  clear: 'Delete',
  undo: 'Ctrl+Z',
  redo: 'Ctrl+Y',
  history: 'Alt+H',
  editDefinition: 'F2',
};

export function SheetContextMenu({ target, onAction, onClose }: SheetContextMenuProps) {
  const { t } = useTranslation();
  if (!target) return null;
  const item = (key: MenuAction, disabled = false) => ({
    key,
    label: t(key === 'editDefinition' && target.readOnly ? 'sheet.menu.viewDefinition' : `sheet.menu.${key}`),
    extra: SHORTCUTS[key],
    disabled,
    'data-testid': `sheet-menu-${key}`,
  });
  const items: MenuProps['items'] = [];
  if (target.indicator) {
    items.push(item('copy'));
    if (!target.readOnly) {
      if (target.value) items.push(item('cut'), item('paste'), item('clear'));
      items.push({ type: 'divider' }, item('undo', !target.canUndo), item('redo', !target.canRedo));
    }
  }
  if (target.value) items.push({ type: 'divider' }, item('history'));
  if (target.definitions && (target.indicator || !target.readOnly)) {
    items.push({ type: 'divider' });
    if (target.indicator) items.push(item('editDefinition'));
    if (!target.readOnly) items.push(item('newIndicator'));
  }
  if (items[0] && 'type' in items[0] && items[0].type === 'divider') items.shift();
  if (items.length === 0) return null;

  return (
    <Dropdown
      open
      menu={{
        items,
        onClick: ({ key }) => {
          onClose();
          onAction(key as MenuAction);
        },
      }}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      trigger={['contextMenu']}
    >
      <span className="sheet-menu-anchor" style={{ left: target.x, top: target.y }} />
    </Dropdown>
  );
}
