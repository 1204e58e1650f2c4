import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../../src/shared/model';
import { usualDecimals, validateCell } from '../../src/shared/validate';
import { parseValue } from '../../src/shared/value';

const value = (year: number, kind: 'target' | 'actual', text: string): IndicatorValue => ({
  ...parseValue(text),
  year,
  kind,
  note: null,
  updatedAt: '',
  updatedBy: '',
});
const indicator = (unit: string | null, values: IndicatorValue[]) => ({ unit, values });
const codes = (text: string, ind: ReturnType<typeof indicator>, year = 2023, kind: 'target' | 'actual' = 'actual') =>
  validateCell(text, { indicator: ind, year, kind }).map((i) => i.code);

describe('cell validation', () => {
  const share = indicator('%', [value(2021, 'target', '40'), value(2025, 'target', '60'), value(2022, 'actual', '45')]);
  const money = indicator('亿元', [
    value(2021, 'target', '1.88'),
    value(2022, 'target', '2'),
    value(2022, 'actual', '2.1'),
  ]);

  it('accepts ordinary values and empty cells', () => {
    expect(codes('50', share)).toEqual([]);
    expect(codes('≥50', share)).toEqual([]);
    expect(codes('', share)).toEqual([]);
    expect(codes('  ', share)).toEqual([]);
    expect(codes('2.35', money)).toEqual([]);
  });

  it('flags text that is not a number, keeping its words in the message', () => {
    const issues = validateCell('稳步提升', { indicator: share, year: 2023, kind: 'actual' });
    expect(issues).toEqual([{ code: 'not_number', params: { text: '稳步提升' } }]);
    expect(codes('abc', share)).toEqual(['not_number']);
  });

  it('flags a percentage over 100, whether the unit is the indicator’s or written in the value', () => {
    expect(codes('101', share)).toContain('percent_over_100');
    expect(codes('100', share)).not.toContain('percent_over_100');
    expect(codes('150%', indicator(null, []))).toEqual(['percent_over_100']);
    expect(codes('150', indicator('家', []))).toEqual([]);
  });

  it('flags more decimals than the plan uses for the indicator', () => {
    expect(usualDecimals(money)).toBe(2);
    expect(codes('2.345', money)).toEqual(['too_many_decimals']);
    expect(codes('45.5', share)).toEqual(['too_many_decimals']);
    expect(codes('45.5', indicator('%', []))).toEqual([]);
  });

  it('flags a jump of more than the factor from the previous year of the same kind', () => {
    expect(codes('200', share)).toEqual(expect.arrayContaining(['jump', 'percent_over_100']));
    expect(codes('10', share)).toEqual(['jump']);
    expect(codes('46', share)).toEqual([]);
    // No previous actual for 2022 → nothing to compare with.
    expect(codes('999', indicator('件', [value(2021, 'target', '1')]), 2022)).toEqual([]);
    const factor2 = validateCell('100', { indicator: share, year: 2023, kind: 'actual', settings: { jumpFactor: 2 } });
    expect(factor2.map((i) => i.code)).toEqual(['jump']);
    expect(factor2[0]!.params).toEqual({ previous: '45', factor: 2 });
  });
});
