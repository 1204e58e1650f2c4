// Why a value looks suspect. Never blocking: the value is saved as written and the cell shows a mark and a message.
// Rules return codes with parameters; the renderer turns them into words through i18n.
import type { Indicator, ParsedValue, ValueKind } from './model';
import { parseValue } from './value';

export type IssueCode = 'not_number' | 'percent_over_100' | 'too_many_decimals' | 'jump';

export interface CellIssue {
  code: IssueCode;
  /** values for the message: decimals allowed, the previous year's text, the factor */
  params: Record<string, string | number>;
}

export interface ValidationSettings {
  /** a change from the previous year by more than this factor (either way) is flagged */
  jumpFactor: number;
}

export const DEFAULT_VALIDATION: ValidationSettings = { jumpFactor: 3 };

/** The most decimals the plan itself uses for this indicator's targets (null when it has none). */
export function usualDecimals(indicator: Pick<Indicator, 'values'>): number | null {
  const ds = indicator.values.filter((v) => v.kind === 'target' && v.decimals !== null).map((v) => v.decimals!);
  return ds.length ? Math.max(...ds) : null;
}

export function validateCell(
  text: string,
  ctx: {
    indicator: Pick<Indicator, 'unit' | 'values'>;
    year: number;
    kind: ValueKind;
    settings?: ValidationSettings;
  },
): CellIssue[] {
  if (text.trim() === '') return [];
  const v: ParsedValue = parseValue(text);
  if (!v.evaluable || v.number === null) return [{ code: 'not_number', params: { text } }];
  const issues: CellIssue[] = [];
  if ((ctx.indicator.unit === '%' || v.unit === '%') && v.number > 100) {
    issues.push({ code: 'percent_over_100', params: { value: v.number } });
  }
  const usual = usualDecimals(ctx.indicator);
  if (usual !== null && (v.decimals ?? 0) > usual) {
    issues.push({ code: 'too_many_decimals', params: { decimals: v.decimals ?? 0, usual } });
  }
  const factor = (ctx.settings ?? DEFAULT_VALIDATION).jumpFactor;
  const previous = ctx.indicator.values.find((p) => p.year === ctx.year - 1 && p.kind === ctx.kind);
  const p = previous?.number;
  if (p !== undefined && p !== null && p !== 0 && v.number !== 0 && Math.sign(p) === Math.sign(v.number)) {
    const ratio = v.number / p;
    if (ratio > factor || ratio < 1 / factor)
      issues.push({ code: 'jump', params: { previous: previous!.text, factor } });
  }
  return issues;
}
