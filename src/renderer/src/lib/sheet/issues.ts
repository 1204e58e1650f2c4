// Why a value cell looks suspect, in the clerk's words: the shared validation rules (never blocking) plus the
// core's own warnings from the last save. Computed per rendered cell only, so a 2,000-row plan costs nothing
// for the rows out of view.
import type { TFunction } from 'i18next';
import type { Indicator, IndicatorValue, ValueKind } from '../../../../shared/model';
import { validateCell, type CellIssue } from '../../../../shared/validate';

export function issueMessage(issue: CellIssue, t: TFunction): string {
  return t(`sheet.issue.${issue.code}`, issue.params);
}

export function cellIssues(
  text: string,
  indicator: Indicator,
  values: IndicatorValue[],
  year: number,
  kind: ValueKind,
): CellIssue[] {
  return validateCell(text, { indicator: { unit: indicator.unit, values }, year, kind });
}

/** Messages for the cell's tooltip; the core's warning is left out when the local rules already said it. */
export function cellMessages(issues: readonly CellIssue[], serverWarning: string | undefined, t: TFunction): string[] {
  const messages = issues.map((i) => issueMessage(i, t));
  if (serverWarning && !issues.some((i) => i.code === 'not_number')) messages.push(serverWarning);
  return messages;
}
