// The trend chart of one indicator as an ECharts option: published targets (points), the expected path (dashed)
// and the actuals (solid) over the plan's years, the base year first. Pure and free of ECharts' runtime (types
// only), so it is unit-tested in jsdom where nothing can be drawn.
import type { TFunction } from 'i18next';
import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { expectedValue, type PlanYears } from '../../../../shared/evaluate';
import type { Indicator, IndicatorValue } from '../../../../shared/model';
import { formatComputed } from './format';
import { finalTargetOf } from './rows';

export type TrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

export interface TrendData {
  years: number[];
  /** published targets; null where the plan gives none (or one without a number) */
  targets: (number | null)[];
  /** the value expected each year: published, or interpolated between the base value and published targets */
  path: (number | null)[];
  /** actuals (running totals for a cumulative target); the base value in the base year */
  actuals: (number | null)[];
}

export const TREND_COLORS = { target: '#d46b08', path: '#8c8c8c', actual: '#1677ff' } as const;

const num = (v: IndicatorValue | null | undefined): number | null => (v && v.evaluable ? v.number : null);

export function trendData(ind: Indicator, plan: PlanYears): TrendData {
  const baseYear = plan.baseYear ?? plan.firstYear - 1;
  const years: number[] = [];
  for (let y = baseYear; y <= plan.lastYear; y++) years.push(y);
  const at = (year: number, kind: IndicatorValue['kind']) =>
    num(ind.values.find((v) => v.year === year && v.kind === kind));
  const base = ind.base?.evaluable ? ind.base.number : at(baseYear, 'actual');
  const final = num(finalTargetOf(ind, plan.lastYear));
  const targets = years.map((y) => at(y, 'target'));

  let path: (number | null)[];
  let actuals: (number | null)[];
  if (ind.targetKind === 'cumulative') {
    // A sum over the plan's years: expected to grow in step with 序时进度, actuals as running totals.
    const span = plan.lastYear - baseYear;
    path = years.map((y, i) => targets[i] ?? (final === null || span <= 0 ? null : (final * (y - baseYear)) / span));
    let sum = 0;
    actuals = years.map((y) => {
      const a = y >= plan.firstYear ? at(y, 'actual') : null;
      if (a === null) return null;
      sum += a;
      return sum;
    });
  } else if (ind.targetKind === 'yearly_average') {
    // A rate to hold every year of the plan.
    path = years.map((y, i) => (y < plan.firstYear ? null : (targets[i] ?? final)));
    actuals = years.map((y) => at(y, 'actual'));
  } else {
    path = years.map((y) => (y === baseYear ? base : expectedValue(ind, plan, y, base).value));
    actuals = years.map((y) => (y === baseYear ? base : at(y, 'actual')));
  }
  return { years, targets, path, actuals };
}

/** The option for `ind`, with a marker on the year being monitored. Texts come from i18n; no database text. */
export function buildTrendOption(ind: Indicator, plan: PlanYears, year: number, t: TFunction): TrendOption {
  const data = trendData(ind, plan);
  const yearLabel = (y: number) => t('monitoring.trend.year', { year: y });
  const names = {
    target: t('monitoring.trend.target'),
    path: t('monitoring.trend.path'),
    actual: t(ind.targetKind === 'cumulative' ? 'monitoring.trend.actualCumulative' : 'monitoring.trend.actual'),
  };
  const none = t('common.none');
  return {
    color: [TREND_COLORS.target, TREND_COLORS.path, TREND_COLORS.actual],
    grid: { left: 16, right: 32, top: 56, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      data: [
        { name: names.target, icon: 'diamond' },
        { name: names.path, icon: 'path://M0,4h6v2h-6zM9,4h6v2h-6zM18,4h6v2h-6z' },
        { name: names.actual, icon: 'circle' },
      ],
    },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? (formatComputed(v, ind) ?? none) : none),
    },
    xAxis: { type: 'category', boundaryGap: false, data: data.years.map(yearLabel) },
    yAxis: { type: 'value', scale: true, name: ind.unit ?? '', nameTextStyle: { align: 'left' } },
    series: [
      {
        type: 'line',
        name: names.target,
        data: data.targets,
        symbol: 'diamond',
        symbolSize: 13,
        lineStyle: { width: 0, opacity: 0 },
        emphasis: { lineStyle: { width: 0 } },
        connectNulls: false,
        z: 4,
      },
      {
        type: 'line',
        name: names.path,
        data: data.path,
        symbol: 'emptyCircle',
        symbolSize: 5,
        lineStyle: { type: 'dashed', width: 2 },
        connectNulls: true,
        z: 2,
      },
      {
        type: 'line',
        name: names.actual,
        data: data.actuals,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { type: 'solid', width: 3 },
        connectNulls: false,
        z: 3,
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dotted', color: '#595959' },
          label: { formatter: t('monitoring.trend.selectedYear', { year }) },
          data: [{ xAxis: yearLabel(year) }],
        },
      },
    ],
  };
}
