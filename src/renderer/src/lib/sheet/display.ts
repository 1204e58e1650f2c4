// The text a read-only definition cell shows, as plain text: what copy puts on the clipboard and what the row
// renders for the label columns (属性, 方向, 责任科室).
import type { TFunction } from 'i18next';
import type { Indicator } from '../../../../shared/model';
import type { SheetColumn } from './columns';

export function definitionText(
  col: SheetColumn,
  ind: Indicator,
  t: TFunction,
  departments: ReadonlyMap<number, string>,
): string {
  switch (col.kind) {
    case 'seq':
      return ind.seq;
    case 'name':
      return ind.name;
    case 'unit':
      return ind.unit ?? '';
    case 'nature':
      return ind.nature ? t(`sheet.nature.${ind.nature}`) : '';
    case 'direction':
      return ind.direction ? t(`sheet.direction.${ind.direction}`) : '';
    case 'base':
      return ind.base?.text ?? '';
    case 'department':
      return ind.departmentId === null ? '' : (departments.get(ind.departmentId) ?? '');
    case 'remark':
      return ind.remark ?? '';
    case 'value':
      return '';
  }
}
