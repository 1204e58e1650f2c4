import type { ParsedValue } from '../../../shared/model';
import type { ReportCell } from '../../../shared/report';

/**
 * A value as printed: a plain number becomes a numeric cell with its decimals as written ("3.035" → 3 places),
 * anything else (≥95, 88%以上, 稳步提升) stays the verbatim text.
 */
export function valueCell(v: ParsedValue | undefined): ReportCell {
  if (!v) return { text: '', align: 'center' };
  const plain = v.evaluable && v.comparator === null && v.unit === null && v.number !== null && v.decimals !== null;
  return plain && /^-?[\d.]+$/.test(v.text.trim())
    ? { text: v.text, number: v.number!, decimals: v.decimals!, align: 'center' }
    : { text: v.text, align: 'center' };
}
