import { describe, expect, it } from 'vitest';
import { evaluateIndicator, expectedValue, type EvalStatus } from '../../src/shared/evaluate';
import type { Indicator, IndicatorValue } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';

const PLAN = { firstYear: 2021, lastYear: 2025, baseYear: 2020 };
const v = (year: number, kind: 'target' | 'actual', text: string): IndicatorValue => ({
  ...parseValue(text),
  year,
  kind,
  note: null,
  updatedAt: '',
  updatedBy: '',
});

function indicator(
  over: Partial<Indicator> & { targets: Record<number, string>; actuals?: Record<number, string>; baseText?: string },
): Indicator {
  const { targets, actuals = {}, baseText, ...rest } = over;
  return {
    id: 1,
    categoryId: 1,
    seq: '1',
    printedName: 'x',
    name: 'x',
    unit: null,
    nature: 'expected',
    direction: null,
    targetKind: 'level',
    base: baseText ? { ...parseValue(baseText), year: 2020, source: null } : null,
    departmentId: null,
    dataSource: null,
    remark: null,
    sortOrder: 1,
    values: [
      ...Object.entries(targets).map(([y, t]) => v(Number(y), 'target', t)),
      ...Object.entries(actuals).map(([y, t]) => v(Number(y), 'actual', t)),
    ],
    ...rest,
  };
}

const status = (ind: Indicator, year: number) => evaluateIndicator(ind, PLAN, year).status;

describe('evaluation rules (DOMAIN.md §4)', () => {
  const growth = (actual: string, year = 2023, nature: 'expected' | 'binding' = 'expected') =>
    indicator({
      nature,
      baseText: '2.6336',
      targets: { 2021: '3.035', 2022: '3.49', 2025: '5.05' },
      actuals: { [year]: actual },
    });

  it.each<[string, number, EvalStatus]>([
    ['4.1', 2023, 'on_track'], // 完成进度 60.7% against 序时进度 60%
    ['4.5', 2023, 'ahead'], // 77%
    ['3.5', 2023, 'lagging'], // 36%
    ['5.1', 2023, 'achieved_early'],
    ['5.1', 2025, 'on_track'], // met in the final year: on time, not early
    ['4.9', 2025, 'lagging'],
  ])('higher is better, with a base value: %s in %i → %s', (actual, year, expected) => {
    expect(status(growth(actual, year), year)).toBe(expected);
  });

  it('reports 完成进度 and 序时进度 as fractions (2023 of 2021–2025 is 60%)', () => {
    const e = evaluateIndicator(growth('4.1'), PLAN, 2023);
    expect(e.expectedProgress).toBeCloseTo(0.6, 10);
    expect(e.progress).toBeCloseTo((4.1 - 2.6336) / (5.05 - 2.6336), 10);
    expect(e.needsExplanation).toBe(false);
  });

  it('gives a 约束性 indicator no tolerance and asks for an explanation when it lags', () => {
    const expected = evaluateIndicator(growth('4.0'), PLAN, 2023);
    const binding = evaluateIndicator(growth('4.0', 2023, 'binding'), PLAN, 2023);
    expect(expected.status).toBe('on_track'); // 56.5% is within 5 points of 60%
    expect(binding.status).toBe('lagging');
    expect(binding.needsExplanation).toBe(true);
  });

  it.each<[string, EvalStatus]>([
    ['0.24', 'on_track'],
    ['0.30', 'lagging'],
    ['0.20', 'achieved_early'],
  ])('lower is better (事故率), no base value: %s in 2021 → %s', (actual, expected) => {
    const rate = indicator({
      direction: 'decrease',
      targets: { 2021: '0.25', 2022: '0.23', 2025: '0.22' },
      actuals: { 2021: actual },
    });
    expect(status(rate, 2021)).toBe(expected);
  });

  it.each<[string, EvalStatus]>([
    ['3', 'on_track'],
    ['4', 'on_track'],
    ['2', 'lagging'],
  ])('a kept level (3 → 3) is met when actual ≥ target: %s → %s', (actual, expected) => {
    const kept = indicator({
      direction: 'maintain',
      targets: { 2021: '3', 2022: '3', 2025: '3' },
      actuals: { 2023: actual },
    });
    expect(status(kept, 2023)).toBe(expected);
  });

  it.each<[string, string, EvalStatus]>([
    ['≥95', '96', 'on_track'],
    ['≥95', '94', 'lagging'],
    ['95以上', '95', 'on_track'],
    ['1个工作日内', '1', 'on_track'],
    ['1个工作日内', '2', 'lagging'],
    ['<4', '4', 'lagging'],
  ])('a threshold target %s is judged by comparing the actual %s with it → %s', (target, actual, expected) => {
    expect(status(indicator({ targets: { 2025: target }, actuals: { 2023: actual } }), 2023)).toBe(expected);
  });

  it.each<[string, EvalStatus]>([
    ['16', 'ahead'],
    ['15.2', 'on_track'],
    ['14', 'lagging'],
  ])('a yearly-average (年均) rate of 15 is held every year: %s → %s', (actual, expected) => {
    const avg = indicator({ targetKind: 'yearly_average', targets: { 2025: '15' }, actuals: { 2023: actual } });
    expect(status(avg, 2023)).toBe(expected);
  });

  it('a cumulative (累计) target is judged on the sum of the actuals so far', () => {
    const cum = indicator({
      targetKind: 'cumulative',
      targets: { 2025: '4000' },
      actuals: { 2021: '900', 2022: '800', 2023: '700' },
    });
    expect(evaluateIndicator(cum, PLAN, 2023)).toMatchObject({ status: 'on_track', progress: 0.6 });
    expect(evaluateIndicator(cum, PLAN, 2022).progress).toBeCloseTo(0.425, 10);
    const done = indicator({
      targetKind: 'cumulative',
      targets: { 2025: '4000' },
      actuals: { 2021: '900', 2022: '800', 2023: '700', 2024: '1700' },
    });
    expect(status(done, 2024)).toBe('achieved_early');
  });

  it('says 无数据 when there is no actual, 无法自动评价 when the actual or the target is words', () => {
    expect(status(growth('4.1'), 2024)).toBe('no_data');
    expect(status(growth('稳步提升'), 2023)).toBe('not_evaluable');
    expect(status(indicator({ targets: { 2025: '翻一番' }, actuals: { 2023: '5' } }), 2023)).toBe('not_evaluable');
    expect(status(indicator({ targets: { 2025: '稳步提升' } }), 2023)).toBe('no_data');
  });

  it('leaves room for the clerk’s judgement on a text target: an override decides, the computed stays visible', () => {
    const e = evaluateIndicator(
      indicator({ targets: { 2025: '稳步提升' }, actuals: { 2023: '明显提升' } }),
      PLAN,
      2023,
      {
        tolerance: 0.05,
        override: { status: 'ahead', reason: '满意度调查由 82 分升至 88 分' },
      },
    );
    expect(e).toMatchObject({
      status: 'ahead',
      computed: 'not_evaluable',
      override: { reason: '满意度调查由 82 分升至 88 分' },
    });
  });

  it('shows a clerk’s override as such, keeping what the rules computed', () => {
    const e = evaluateIndicator(growth('3.5'), PLAN, 2023, {
      tolerance: 0.05,
      override: { status: 'on_track', reason: '统计口径调整' },
    });
    expect(e).toMatchObject({ status: 'on_track', computed: 'lagging', override: { reason: '统计口径调整' } });
  });

  it('interpolates the expected value between published targets and labels it derived', () => {
    const ind = indicator({ targets: { 2021: '80', 2022: '82', 2025: '84' } });
    expect(expectedValue(ind, PLAN, 2021, null)).toEqual({ value: 80, derived: false });
    const y2023 = expectedValue(ind, PLAN, 2023, null);
    expect(y2023.derived).toBe(true);
    expect(y2023.value).toBeCloseTo(82 + 2 / 3, 10);
    expect(expectedValue(ind, PLAN, 2026, null).value).toBeNull();
    // The base value anchors the line before the first published target.
    expect(expectedValue(indicator({ targets: { 2025: '10' } }), PLAN, 2021, 0).value).toBeCloseTo(2, 10);
  });
});

describe('comparator targets (issue 6): met exactly at the bound, missed just below it', () => {
  const threshold = (target: string, actual: string, year = 2023, over: Partial<Indicator> = {}) =>
    status(indicator({ targets: { 2025: target }, actuals: { [year]: actual }, ...over }), year);

  it.each<[string, string, EvalStatus]>([
    ['≥95', '95.0', 'on_track'],
    ['≥95', '95', 'on_track'],
    ['≥95', '94.9', 'lagging'],
    ['95%以上', '95', 'on_track'],
    ['95%以上', '94.99', 'lagging'],
    ['>95', '95', 'lagging'],
    ['>95', '95.01', 'on_track'],
    ['5批次/千人以上', '5', 'on_track'],
    ['5批次/千人以上', '4.9', 'lagging'],
    ['1个工作日内', '1', 'on_track'],
    ['1个工作日内', '0.5', 'on_track'],
    ['1个工作日内', '1.1', 'lagging'],
    ['0.5以内', '0.5', 'on_track'],
    ['0.5以内', '0.51', 'lagging'],
    ['≤0.5', '0.49', 'on_track'],
    ['<0.5', '0.5', 'lagging'],
    ['不低于90', '90', 'on_track'],
    ['不超过3', '3.01', 'lagging'],
    ['稳步提升', '96', 'not_evaluable'],
    ['≥95', '基本达标', 'not_evaluable'],
  ])('target %s, actual %s → %s', (target, actual, expected) => {
    expect(threshold(target, actual)).toBe(expected);
  });

  it('a binding (约束性) threshold has no tolerance either: 94.99 against ≥95 lags and needs an explanation', () => {
    const e = evaluateIndicator(
      indicator({ nature: 'binding', targets: { 2025: '≥95' }, actuals: { 2023: '94.99' } }),
      PLAN,
      2023,
    );
    expect(e).toMatchObject({ status: 'lagging', needsExplanation: true });
  });
});
