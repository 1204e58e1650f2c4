// The trend chart's option (a pure function: ECharts cannot draw in jsdom) and the page's pure helpers.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { TrendChart } from '../../src/renderer/src/components/monitoring/TrendChart';
import i18n from '../../src/renderer/src/i18n';
import { formatComputed, formatNumber, formatPercent } from '../../src/renderer/src/lib/monitoring/format';
import { defaultMonitoringYear } from '../../src/renderer/src/lib/monitoring/rows';
import { buildTrendOption, trendData, type TrendOption } from '../../src/renderer/src/lib/monitoring/trend-option';
import type { Indicator, IndicatorValue } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';
import { buildPlanDetail } from './plan-fixture';

const PLAN = { firstYear: 2021, lastYear: 2025, baseYear: 2020 };
const v = (year: number, kind: IndicatorValue['kind'], text: string): IndicatorValue => ({
  ...parseValue(text),
  year,
  kind,
  note: null,
  updatedAt: '',
  updatedBy: '',
});

function ind(over: Partial<Indicator>): Indicator {
  return {
    id: 1,
    categoryId: 1,
    seq: '1',
    printedName: '在册市场主体总量（万户）',
    name: '在册市场主体总量',
    unit: '万户',
    nature: 'expected',
    direction: null,
    targetKind: 'level',
    base: { ...parseValue('2.6336'), year: 2020, source: null },
    departmentId: null,
    dataSource: null,
    remark: null,
    sortOrder: 1,
    values: [
      v(2021, 'target', '3.035'),
      v(2022, 'target', '3.49'),
      v(2025, 'target', '5.05'),
      v(2022, 'actual', '3.6'),
      v(2023, 'actual', '5.1'),
      v(2024, 'actual', '待核实'),
    ],
    ...over,
  };
}

const rounded = (list: (number | null)[]) => list.map((x) => (x === null ? null : Math.round(x * 1e4) / 1e4));
type Series = { name: string; type: string; data: (number | null)[]; lineStyle: { type?: string; width?: number } };
const seriesOf = (o: TrendOption) => o.series as Series[];

describe('trend option', () => {
  const zh = i18n.getFixedT('zh-CN');

  it('gives published targets, the derived path and actuals per year, with nulls where there is nothing', () => {
    const d = trendData(ind({}), PLAN);
    expect(d.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(d.targets).toEqual([null, 3.035, 3.49, null, null, 5.05]);
    expect(rounded(d.path)).toEqual([2.6336, 3.035, 3.49, 4.01, 4.53, 5.05]);
    // The base value starts the actual line; a text without a number ("待核实") is a gap, not a zero.
    expect(d.actuals).toEqual([2.6336, null, 3.6, 5.1, null, null]);
  });

  it('builds three line series: target points, a dashed path, solid actuals, with Chinese labels', () => {
    const o = buildTrendOption(ind({}), PLAN, 2023, zh);
    const [target, path, actual] = seriesOf(o);
    expect(seriesOf(o).map((s) => [s.type, s.name])).toEqual([
      ['line', '规划目标值'],
      ['line', '预期路径（推算）'],
      ['line', '完成值'],
    ]);
    expect(target.data).toEqual([null, 3.035, 3.49, null, null, 5.05]);
    expect(target.lineStyle.width).toBe(0);
    expect(path.lineStyle.type).toBe('dashed');
    expect(rounded(path.data)).toEqual([2.6336, 3.035, 3.49, 4.01, 4.53, 5.05]);
    expect(actual.lineStyle.type).toBe('solid');
    expect(actual.data).toEqual([2.6336, null, 3.6, 5.1, null, null]);
    expect(o.xAxis).toMatchObject({
      type: 'category',
      data: ['2020年', '2021年', '2022年', '2023年', '2024年', '2025年'],
    });
    expect(o.yAxis).toMatchObject({ type: 'value', name: '万户' });
    expect(o.legend).toMatchObject({
      data: [{ name: '规划目标值' }, { name: '预期路径（推算）' }, { name: '完成值' }],
    });
    expect((actual as unknown as { markLine: unknown }).markLine).toMatchObject({
      data: [{ xAxis: '2023年' }],
      label: { formatter: '监测年度 2023年' },
    });
    const format = (o.tooltip as { valueFormatter: (v: unknown, i: number) => string }).valueFormatter;
    expect(format(4.0133333, 3)).toBe('4.0133');
    expect(format(null, 1)).toBe('—');
  });

  it('follows the language', () => {
    const o = buildTrendOption(ind({}), PLAN, 2022, i18n.getFixedT('en'));
    expect(seriesOf(o).map((s) => s.name)).toEqual(['Published target', 'Expected path (derived)', 'Actual']);
    expect(o.xAxis).toMatchObject({ data: ['2020', '2021', '2022', '2023', '2024', '2025'] });
  });

  it('has no path before the first point when there is no base value', () => {
    const d = trendData(ind({ base: null, values: [v(2022, 'target', '≥95'), v(2025, 'target', '≥96')] }), PLAN);
    expect(rounded(d.path)).toEqual([null, null, 95, 95.3333, 95.6667, 96]);
    expect(d.actuals).toEqual([null, null, null, null, null, null]);
  });

  it('runs a cumulative target as running totals against a time-proportional path', () => {
    const cumulative = ind({
      targetKind: 'cumulative',
      base: null,
      values: [v(2025, 'target', '8'), v(2021, 'actual', '1'), v(2022, 'actual', '2'), v(2024, 'actual', '3')],
    });
    const d = trendData(cumulative, PLAN);
    expect(rounded(d.path)).toEqual([0, 1.6, 3.2, 4.8, 6.4, 8]);
    expect(d.actuals).toEqual([null, 1, 3, null, 6, null]);
    expect(seriesOf(buildTrendOption(cumulative, PLAN, 2024, zh))[2].name).toBe('累计完成值');
  });

  it('holds a yearly average at its rate over the plan years', () => {
    const d = trendData(ind({ targetKind: 'yearly_average', values: [v(2025, 'target', '15%以上')] }), PLAN);
    expect(d.path).toEqual([null, 15, 15, 15, 15, 15]);
  });
});

describe('TrendChart', () => {
  it('renders its container (jsdom lays nothing out, so ECharts is never started)', () => {
    render(<TrendChart option={buildTrendOption(ind({}), PLAN, 2023, i18n.t)} label="趋势图" />);
    const box = screen.getByRole('img', { name: '趋势图' });
    expect(box.getAttribute('data-testid')).toBe('trend-chart');
    expect(box.childElementCount).toBe(0);
  });
});

describe('monitoring helpers', () => {
  it('defaults to the latest plan year with an actual, else this year clamped into the plan', () => {
    const d = buildPlanDetail();
    expect(defaultMonitoringYear(d, new Date('2026-05-01'))).toBe(2021);
    d.indicators[2].values.push(v(2020, 'actual', '2.6'), v(2024, 'actual', '4.2'));
    expect(defaultMonitoringYear(d, new Date('2026-05-01'))).toBe(2024);
    d.indicators = [];
    expect(defaultMonitoringYear(d, new Date('2026-05-01'))).toBe(2025);
    expect(defaultMonitoringYear(d, new Date('2019-05-01'))).toBe(2021);
    expect(defaultMonitoringYear(d, new Date('2023-05-01'))).toBe(2023);
  });

  it('formats rates with one decimal and computed numbers without trailing zeros', () => {
    expect(formatPercent(0.60721)).toBe('60.7%');
    expect(formatPercent(-0.0001)).toBe('0.0%');
    expect(formatPercent(null)).toBeNull();
    expect(formatNumber(4.01, 3)).toBe('4.01');
    expect(formatNumber(17, 2)).toBe('17');
    expect(formatNumber(Number.NaN, 2)).toBeNull();
  });

  it('keeps computed values as precise as the plan and never rounds them onto a neighbouring target', () => {
    const rate = ind({ base: null, values: [v(2022, 'target', '0.23'), v(2025, 'target', '0.22')] });
    expect(formatComputed(0.2266667, rate)).toBe('0.227');
    expect(formatComputed(11200, ind({ base: null, values: [v(2025, 'target', '13200')] }))).toBe('11200');
    expect(formatComputed(95.333333, ind({ base: null, values: [v(2025, 'target', '≥96')] }))).toBe('95.3');
    expect(formatComputed(4.0133333, ind({}))).toBe('4.0133');
  });
});
