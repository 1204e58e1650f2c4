// Where an import's finding sits, as the clerk would look for it: 文件 · 工作表 · 单元格.
import type { ImportPlace } from '../../../../shared/import';

export function placeText(p: ImportPlace): string {
  return [p.file, p.sheet, p.cell].filter((x): x is string => typeof x === 'string' && x !== '').join(' · ');
}
