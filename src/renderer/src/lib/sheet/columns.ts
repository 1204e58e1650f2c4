// The sheet's columns: identity and the frozen 序号 / 指标名称 on the left, read-only definition columns, a
// 目标/实际 pair per plan year (the only editable cells), then 责任科室 and 备注. Widths are fixed pixels so row
// and column offsets are arithmetic (virtualised rows, the editor overlay, scrolling into view).
import type { ValueKind } from '../../../../shared/model';

export type ColumnKind = 'seq' | 'name' | 'unit' | 'nature' | 'direction' | 'base' | 'value' | 'department' | 'remark';

export interface SheetColumn {
  id: string;
  kind: ColumnKind;
  width: number;
  /** offset of the column's left edge from the table's left edge */
  left: number;
  /** frozen: stays visible when scrolling right */
  sticky: boolean;
  year?: number;
  valueKind?: ValueKind;
}

export const ROW_HEIGHT = 30;
export const HEADER_ROW_HEIGHT = 30;
/** two header rows: the year, then 目标 / 实际 under it */
export const HEADER_HEIGHT = HEADER_ROW_HEIGHT * 2;

const WIDTHS: Record<ColumnKind, number> = {
  seq: 52,
  name: 240,
  unit: 72,
  nature: 64,
  direction: 56,
  base: 124,
  value: 88,
  department: 120,
  remark: 200,
};

export function buildColumns(years: readonly number[]): SheetColumn[] {
  const specs: Omit<SheetColumn, 'left' | 'width'>[] = [
    { id: 'seq', kind: 'seq', sticky: true },
    { id: 'name', kind: 'name', sticky: true },
    { id: 'unit', kind: 'unit', sticky: false },
    { id: 'nature', kind: 'nature', sticky: false },
    { id: 'direction', kind: 'direction', sticky: false },
    { id: 'base', kind: 'base', sticky: false },
    ...years.flatMap((year) =>
      (['target', 'actual'] as const).map((valueKind) => ({
        id: `${year}/${valueKind}`,
        kind: 'value' as const,
        sticky: false,
        year,
        valueKind,
      })),
    ),
    { id: 'department', kind: 'department', sticky: false },
    { id: 'remark', kind: 'remark', sticky: false },
  ];
  let left = 0;
  return specs.map((spec) => {
    const col = { ...spec, width: WIDTHS[spec.kind], left };
    left += col.width;
    return col;
  });
}

export const isEditableColumn = (col: SheetColumn | undefined): boolean => col?.kind === 'value';

export const totalWidth = (columns: readonly SheetColumn[]): number => columns.reduce((sum, c) => sum + c.width, 0);

/** Width of the frozen columns: the part of the viewport scrolled cells must not hide behind. */
export const stickyWidth = (columns: readonly SheetColumn[]): number =>
  columns.filter((c) => c.sticky).reduce((sum, c) => sum + c.width, 0);
