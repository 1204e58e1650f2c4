// One sheet row: a category header spanning the width, or an indicator with its definition cells and one value
// cell per year and kind. Memoised: a row re-renders only when its cells, or the selection within it, change.
import { memo, type ReactNode } from 'react';
import { Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../shared/model';
import type { CellStore } from '../../lib/sheet/cell-store';
import type { SheetColumn } from '../../lib/sheet/columns';
import { definitionText } from '../../lib/sheet/display';
import { cellIssues, cellMessages } from '../../lib/sheet/issues';
import type { SheetRow } from '../../lib/sheet/rows';

export interface SheetRowViewProps {
  row: SheetRow;
  rowIndex: number;
  columns: readonly SheetColumn[];
  store: CellStore;
  /** changes when any of this row's cells changes (store row version and generation) */
  version: string;
  /** selected columns in this row, or -1/-1 */
  selLeft: number;
  selRight: number;
  /** the active cell's column when it is in this row, else -1 */
  activeCol: number;
  departments: ReadonlyMap<number, string>;
  /** submitted years: their actual cells are read-only */
  lockedYears: ReadonlySet<number>;
  /** a closed plan: every value cell is read-only, for this reason */
  readOnlyHint: string | null;
}

function cellClass(col: SheetColumn, selected: boolean, active: boolean, extra = ''): string {
  let cls = 'sheet-cell';
  if (col.sticky) cls += ' sheet-sticky';
  if (col.kind === 'value') cls += ' sheet-value';
  else cls += ' sheet-readonly';
  if (selected) cls += ' sheet-selected';
  if (active) cls += ' sheet-active';
  return extra ? `${cls} ${extra}` : cls;
}

function definitionCell(col: SheetColumn, ind: Indicator, t: TFunction, departments: ReadonlyMap<number, string>) {
  switch (col.kind) {
    case 'seq':
      return ind.seq;
    case 'name':
      return <span title={ind.printedName}>{ind.name}</span>;
    case 'unit':
      return ind.unit ?? t('common.none');
    case 'base':
      return ind.base ? (
        <span
          data-testid={`base-${ind.seq}`}
          title={ind.base.source ? t('sheet.baseSource', { source: ind.base.source }) : undefined}
        >
          {ind.base.text}
        </span>
      ) : null;
    case 'remark':
      return <span title={ind.remark ?? undefined}>{ind.remark ?? ''}</span>;
    default:
      return definitionText(col, ind, t, departments);
  }
}

function SheetRowViewImpl(props: SheetRowViewProps) {
  const { row, rowIndex, columns, store, selLeft, selRight, activeCol, departments, lockedYears, readOnlyHint } = props;
  const { t } = useTranslation();
  const isSelected = (c: number) => c >= selLeft && c <= selRight;

  if (row.type === 'category') {
    const selected = selLeft >= 0;
    return (
      <tr className="sheet-category-row" data-testid={`category-row-${row.categoryId ?? 'none'}`}>
        <td
          colSpan={columns.length}
          data-row={rowIndex}
          data-col={-1}
          className={`sheet-category-cell${selected ? ' sheet-selected' : ''}${activeCol >= 0 ? ' sheet-active' : ''}`}
        >
          <span className="sheet-category-name">{row.name ?? t('sheet.uncategorized')}</span>
        </td>
      </tr>
    );
  }

  const ind = row.indicator;
  const values = store.currentValues(ind);
  const cells: ReactNode[] = columns.map((col, c) => {
    const style = col.sticky ? { left: col.left } : undefined;
    if (col.kind !== 'value') {
      return (
        <td
          key={col.id}
          data-row={rowIndex}
          data-col={c}
          style={style}
          className={cellClass(col, isSelected(c), activeCol === c)}
        >
          {definitionCell(col, ind, t, departments)}
        </td>
      );
    }
    const ref = { indicatorId: ind.id, year: col.year!, kind: col.valueKind! };
    const text = store.text(ref);
    const pending = store.pendingCell(ref);
    const messages = cellMessages(cellIssues(text, ind, values, ref.year, ref.kind), store.warning(ref), t);
    const failed = pending?.error != null;
    const yearLocked = ref.kind === 'actual' && lockedYears.has(ref.year);
    const locked = readOnlyHint !== null || yearLocked;
    const id = `${ind.seq}-${ref.year}-${ref.kind}`;
    const tips = [
      ...(readOnlyHint !== null ? [readOnlyHint] : yearLocked ? [t('submission.lockedHint', { year: ref.year })] : []),
      ...(failed ? [t('sheet.cell.unsaved', { message: pending.error })] : []),
      ...messages,
    ];
    const extra = [failed ? 'sheet-failed' : pending ? 'sheet-saving' : '', locked ? 'sheet-locked' : '']
      .filter(Boolean)
      .join(' ');
    const td = (
      <td
        key={col.id}
        data-row={rowIndex}
        data-col={c}
        data-locked={locked || undefined}
        aria-readonly={locked || undefined}
        data-state={failed ? 'failed' : pending ? 'saving' : undefined}
        className={cellClass(col, isSelected(c), activeCol === c, extra)}
      >
        <span data-testid={`value-${id}`}>{text}</span>
        {messages.length > 0 && (
          <span className="sheet-mark sheet-mark-issue" data-testid={`issue-${id}`} aria-label={messages.join('\n')} />
        )}
        {failed && (
          <span
            className="sheet-mark sheet-mark-failed"
            data-testid={`unsaved-${id}`}
            aria-label={t('sheet.cell.unsaved', { message: pending.error })}
          />
        )}
      </td>
    );
    if (tips.length === 0) return td;
    return (
      <Tooltip key={col.id} title={<div className="sheet-tip">{tips.join('\n')}</div>} mouseEnterDelay={0.3}>
        {td}
      </Tooltip>
    );
  });

  return (
    <tr className="sheet-row" data-testid={`indicator-row-${ind.seq}`} data-row-key={ind.id}>
      {cells}
    </tr>
  );
}

export const SheetRowView = memo(SheetRowViewImpl);
