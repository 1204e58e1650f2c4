// The sheet's table: a two-row frozen header (years over 目标/实际) and only the rows in or near the viewport,
// with spacer rows standing in for the rest, so 2,000 indicators render as fast as 20.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellStore } from '../../lib/sheet/cell-store';
import { HEADER_ROW_HEIGHT, ROW_HEIGHT, totalWidth, type SheetColumn } from '../../lib/sheet/columns';
import type { SheetRow } from '../../lib/sheet/rows';
import type { Range } from '../../lib/sheet/selection';
import { SheetRowView } from './SheetRowView';

/** Rows rendered beyond the viewport on each side: keyboard moves and short scrolls never show a gap. */
export const OVERSCAN = 20;

interface SheetTableProps {
  rows: readonly SheetRow[];
  columns: readonly SheetColumn[];
  years: readonly number[];
  baseYear: number | null;
  store: CellStore;
  selection: Range;
  active: { row: number; col: number };
  firstRow: number;
  lastRow: number;
  departments: ReadonlyMap<number, string>;
  /** submitted years: their actual cells are read-only */
  lockedYears: ReadonlySet<number>;
  /** set for a closed plan: every value cell is read-only, for this reason */
  readOnlyHint?: string | null;
}

const Header = memo(function Header({
  columns,
  years,
  baseYear,
  lockedYears,
}: Pick<SheetTableProps, 'columns' | 'years' | 'baseYear' | 'lockedYears'>) {
  const { t } = useTranslation();
  const single = (col: SheetColumn, title: string) => (
    <th
      key={col.id}
      rowSpan={2}
      className={col.sticky ? 'sheet-head sheet-sticky' : 'sheet-head'}
      style={col.sticky ? { left: col.left } : undefined}
    >
      {title}
    </th>
  );
  const lead = columns.filter((c) => c.kind !== 'value' && c.kind !== 'department' && c.kind !== 'remark');
  const tail = columns.filter((c) => c.kind === 'department' || c.kind === 'remark');
  const title = (col: SheetColumn) => {
    if (col.kind === 'base' && baseYear !== null) return t('sheet.col.baseWithYear', { year: baseYear });
    return col.kind === 'value' ? '' : t(`sheet.col.${col.kind}`);
  };
  return (
    <thead>
      <tr style={{ height: HEADER_ROW_HEIGHT }}>
        {lead.map((c) => single(c, title(c)))}
        {years.map((y) => (
          <th key={y} colSpan={2} className="sheet-head sheet-head-year">
            {t('sheet.col.year', { year: y })}
          </th>
        ))}
        {tail.map((c) => single(c, title(c)))}
      </tr>
      <tr style={{ height: HEADER_ROW_HEIGHT }}>
        {years.flatMap((y) =>
          (['target', 'actual'] as const).map((k) => {
            const locked = k === 'actual' && lockedYears.has(y);
            return (
              <th
                key={`${y}/${k}`}
                className={locked ? 'sheet-head sheet-head-kind sheet-head-locked' : 'sheet-head sheet-head-kind'}
                style={{ top: HEADER_ROW_HEIGHT }}
                title={locked ? t('submission.lockedHint', { year: y }) : undefined}
                data-testid={locked ? `sheet-head-locked-${y}` : undefined}
              >
                {t(`sheet.col.${k}`)}
                {locked && <span className="sheet-lock-mark">{t('sheet.lockedMark')}</span>}
              </th>
            );
          }),
        )}
      </tr>
    </thead>
  );
});

export function SheetTable(props: SheetTableProps) {
  const { rows, columns, store, selection, active, firstRow, lastRow, departments, lockedYears, readOnlyHint } = props;
  const body = [];
  for (let r = firstRow; r <= lastRow && r < rows.length; r++) {
    const row = rows[r]!;
    const inSel = r >= selection.top && r <= selection.bottom;
    const version =
      row.type === 'indicator' ? `${store.generation}.${store.rowVersion(row.indicator.id)}` : `${store.generation}`;
    body.push(
      <SheetRowView
        key={row.key}
        row={row}
        rowIndex={r}
        columns={columns}
        store={store}
        version={version}
        selLeft={inSel ? selection.left : -1}
        selRight={inSel ? selection.right : -1}
        activeCol={active.row === r ? active.col : -1}
        departments={departments}
        lockedYears={lockedYears}
        readOnlyHint={readOnlyHint ?? null}
      />,
    );
  }
  const width = totalWidth(columns);
  return (
    <table className="sheet-table" style={{ width }}>
      <colgroup>
        {columns.map((c) => (
          <col key={c.id} style={{ width: c.width }} />
        ))}
      </colgroup>
      <Header columns={columns} years={props.years} baseYear={props.baseYear} lockedYears={lockedYears} />
      <tbody>
        {firstRow > 0 && (
          <tr aria-hidden className="sheet-spacer" style={{ height: firstRow * ROW_HEIGHT }}>
            <td colSpan={columns.length} />
          </tr>
        )}
        {body}
        {lastRow < rows.length - 1 && (
          <tr aria-hidden className="sheet-spacer" style={{ height: (rows.length - 1 - lastRow) * ROW_HEIGHT }}>
            <td colSpan={columns.length} />
          </tr>
        )}
      </tbody>
    </table>
  );
}
