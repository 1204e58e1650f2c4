// 年度监测 against a fake core: statuses computed with the real evaluation rules for a small plan (one indicator per
// status, a lagging 约束性 one, one without data), counts, order, tags with text, the figures on hover, derived
// targets marked 推算, a year change, actions and tasks by status, overrides and the trend drawer.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Transport } from '../../src/renderer/src/lib/api';
import type { StatusInfo } from '../../src/renderer/src/lib/status';
import { MonitoringView } from '../../src/renderer/src/components/monitoring/MonitoringView';
import { MonitoringPage } from '../../src/renderer/src/pages/MonitoringPage';
import { defaultMonitoringYear } from '../../src/renderer/src/lib/monitoring/rows';
import type { Indicator, IndicatorValue, PlanDetail, ProgressEntry } from '../../src/shared/model';
import { parseValue } from '../../src/shared/value';
import { buildPlanDetail, ok } from './plan-fixture';
import { renderWithApi } from './render-with-api';

const AT = '2026-03-01T08:00:00.000Z';
const v = (year: number, kind: IndicatorValue['kind'], text: string): IndicatorValue => ({
  ...parseValue(text),
  year,
  kind,
  note: null,
  updatedAt: AT,
  updatedBy: 'clerk',
});
const GROWTH = [v(2021, 'target', '3.035'), v(2022, 'target', '3.49'), v(2025, 'target', '5.05')];
const BASE = { ...parseValue('2.6336'), year: 2020, source: null };

function ind(id: number, name: string, over: Partial<Indicator>): Indicator {
  return {
    id,
    categoryId: id <= 3 ? 10 : 20,
    seq: String(id),
    printedName: name,
    name,
    unit: null,
    nature: 'expected',
    direction: null,
    targetKind: 'level',
    base: BASE,
    departmentId: null,
    dataSource: null,
    remark: null,
    sortOrder: id,
    values: [],
    ...over,
  };
}

const progress = (year: number, status: ProgressEntry['status']): ProgressEntry => ({
  year,
  text: '按计划推进',
  status,
  updatedAt: AT,
  updatedBy: 'clerk',
});

function detail(): PlanDetail {
  const d = buildPlanDetail();
  d.indicators = [
    ind(1, '在册市场主体总量', {
      unit: '万户',
      values: [...GROWTH, v(2022, 'actual', '3.6'), v(2023, 'actual', '5.1')],
    }),
    ind(2, '企业总量', { unit: '万户', values: [...GROWTH, v(2022, 'actual', '3.2'), v(2023, 'actual', '4.5')] }),
    ind(3, '公司制企业占企业总数比重', {
      unit: '%',
      base: null,
      values: [v(2025, 'target', '≥95'), v(2023, 'actual', '96.2')],
    }),
    ind(4, '有效注册商标数', {
      nature: 'binding',
      values: [...GROWTH, v(2022, 'actual', '3.8'), v(2023, 'actual', '3.5')],
    }),
    ind(5, '万台特种设备事故率', {
      nature: 'binding',
      direction: 'decrease',
      base: { ...parseValue('0.3'), year: 2020, source: null },
      values: [v(2025, 'target', '<0.25')],
    }),
    ind(6, '<b>质量</b>满意度', { values: [...GROWTH, v(2023, 'actual', '3.0')] }),
  ];
  d.actions = [
    { ...d.actions[0], progress: [progress(2023, 'done'), progress(2022, 'in_progress')] },
    { ...d.actions[0], id: 2, seq: '2', sortOrder: 2, progress: [progress(2023, 'lagging')] },
  ];
  d.tasks = [{ ...d.tasks[0], progress: [progress(2022, 'not_started')] }];
  return d;
}

function fakeCore(calls: string[] = []): Transport {
  return async (channel) => {
    calls.push(channel);
    if (channel === 'plan/get') return ok(detail());
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的调用：${channel}` } };
  };
}

async function renderPage() {
  const statuses: StatusInfo[] = [];
  const calls: string[] = [];
  renderWithApi(<MonitoringPage planId={1} onStatus={(s) => statuses.push(s)} />, fakeCore(calls));
  await screen.findByTestId('monitoring-page', {}, { timeout: 5000 });
  return { statuses, calls };
}

const count = (status: string) => screen.getByTestId(`monitoring-count-${status}`).getAttribute('data-count');
const counts = () =>
  Object.fromEntries(['achieved_early', 'ahead', 'on_track', 'lagging', 'no_data'].map((s) => [s, count(s)]));
const order = () =>
  [...document.querySelectorAll('[data-testid^="monitoring-row-"]')].map((r) =>
    r.getAttribute('data-testid')!.replace('monitoring-row-', ''),
  );
const statusText = (seq: string) => screen.getByTestId(`monitoring-status-${seq}`).textContent;
const selectedYear = () =>
  screen.getByTestId('monitoring-year').querySelector('.ant-segmented-item-selected')?.textContent ?? null;

async function hover(seq: string) {
  fireEvent.mouseEnter(screen.getByTestId(`monitoring-status-${seq}`));
  return waitFor(() => {
    const tips = screen.getAllByTestId('monitoring-tip');
    return tips[tips.length - 1];
  });
}

describe('MonitoringPage', () => {
  it('opens on the latest year with actuals and counts the statuses the evaluation rules give', async () => {
    const { statuses, calls } = await renderPage();
    expect(calls).toEqual(['plan/get']);
    expect(selectedYear()).toBe('2023年');
    expect(counts()).toEqual({ achieved_early: '1', ahead: '1', on_track: '1', lagging: '2', no_data: '1' });
    // Every count card names its status in text, not by colour alone.
    expect(screen.getByTestId('monitoring-count-lagging').textContent).toContain('滞后');
    expect(screen.getByTestId('monitoring-count-no_data').textContent).toContain('无数据');
    await waitFor(() => expect(statuses.at(-1)).toEqual({ tone: 'ok', text: '已评价 6 项指标' }));
  });

  it('lists lagging indicators first, then binding ones, then by 序号, with the status as text', async () => {
    await renderPage();
    expect(order()).toEqual(['4', '6', '5', '1', '2', '3']);
    expect(statusText('1')).toBe('提前实现');
    expect(statusText('2')).toBe('快于预期');
    expect(statusText('3')).toBe('基本符合预期');
    expect(statusText('5')).toBe('无数据');
    expect(statusText('6')).toBe('滞后');
    // The lagging 约束性 indicator is flagged for a written explanation, here and in the summary.
    expect(statusText('4')).toBe('滞后需说明');
    expect(screen.getByTestId('monitoring-explain').textContent).toContain('4. 有效注册商标数');
    // Database text stays text.
    expect(screen.getByTestId('monitoring-row-6').textContent).toContain('<b>质量</b>满意度');

    fireEvent.click(screen.getByTestId('monitoring-plan-order'));
    await waitFor(() => expect(order()).toEqual(['1', '2', '3', '4', '5', '6']));
  });

  it('shows the year figures: base, targets (derived ones marked 推算), actual, 完成进度 and 序时进度', async () => {
    await renderPage();
    const row = within(screen.getByTestId('monitoring-row-4'));
    expect(row.getByText('约束性')).toBeTruthy();
    expect(row.getByText('2.6336')).toBeTruthy();
    expect(screen.getByTestId('monitoring-derived-4').textContent).toBe('4.01推算');
    expect(row.getByText('3.5')).toBeTruthy();
    expect(row.getByText('5.05')).toBeTruthy();
    expect(row.getByText('35.9%')).toBeTruthy();
    expect(row.getByText('60.0%')).toBeTruthy();
    // A threshold target without a base value: no 完成进度, no derived target.
    const threshold = within(screen.getByTestId('monitoring-row-3'));
    expect(threshold.getByText('公司制企业占企业总数比重（%）')).toBeTruthy();
    expect(threshold.getByText('≥95')).toBeTruthy();
    expect(screen.queryByTestId('monitoring-derived-3')).toBeNull();
  });

  it('shows the figures behind a status on hover', async () => {
    await renderPage();
    const tip = await hover('4');
    const text = tip.textContent;
    for (const part of [
      '判定依据（2023年）',
      '基期值2.6336（2020年）',
      '当年完成值3.5',
      '规划目标值5.05（2025年）',
      '完成进度35.9%',
      '序时进度60.0%',
      '当年预期值4.01（推算）',
      '约束性指标不设容差',
    ])
      expect(text).toContain(part);
  });

  it('recomputes everything for another year', async () => {
    await renderPage();
    fireEvent.click(within(screen.getByTestId('monitoring-year')).getByText('2022年'));
    await waitFor(() => expect(selectedYear()).toBe('2022年'));
    expect(counts()).toEqual({ achieved_early: '0', ahead: '1', on_track: '1', lagging: '1', no_data: '3' });
    expect(order()).toEqual(['2', '4', '5', '1', '3', '6']);
    expect(statusText('4')).toBe('快于预期');
    expect(screen.queryByTestId('monitoring-explain')).toBeNull();
    // 2022 has a published target: shown as written, not derived.
    expect(screen.queryByTestId('monitoring-derived-1')).toBeNull();
    expect(within(screen.getByTestId('monitoring-row-1')).getAllByText('3.49').length).toBe(1);
    const tip = await hover('1');
    expect(tip.textContent).toContain('当年预期值3.49（规划公布）');
    expect(tip.textContent).toContain('序时进度40.0%');
  });

  it('counts actions and tasks by progress status for the year', async () => {
    await renderPage();
    const n = (id: string) => screen.getByTestId(id).getAttribute('data-count');
    expect(['done', 'lagging', 'in_progress', 'not_started', 'none'].map((s) => n(`monitoring-actions-${s}`))).toEqual([
      '1',
      '1',
      '0',
      '0',
      '0',
    ]);
    expect(screen.getByTestId('monitoring-actions-done').textContent).toBe('已完成1');
    expect(n('monitoring-tasks-none')).toBe('1');
    fireEvent.click(within(screen.getByTestId('monitoring-year')).getByText('2022年'));
    await waitFor(() => expect(n('monitoring-actions-in_progress')).toBe('1'));
    expect(n('monitoring-actions-none')).toBe('1');
    expect(n('monitoring-tasks-not_started')).toBe('1');
  });

  it('opens the trend of an indicator when its row is clicked', async () => {
    await renderPage();
    fireEvent.click(within(screen.getByTestId('monitoring-row-1')).getByText('在册市场主体总量（万户）'));
    const trend = await screen.findByTestId('monitoring-trend');
    // The chart is loaded lazily (ECharts): on a loaded machine that takes longer than findBy's default second.
    expect(await within(trend).findByTestId('trend-chart', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('1. 在册市场主体总量（万户） · 趋势')).toBeTruthy();
    expect(trend.textContent).toContain('2023年完成进度 102.1%，序时进度 60.0%');
    // The figures as a table too: the base year, published and derived values.
    const rows = [...trend.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toBe('2020年—2.63362.6336');
    expect(rows[3]).toBe('2023年—4.01（推算）5.1');
    expect(rows[5]).toBe('2025年5.055.05—');
  });
});

describe('MonitoringView overrides', () => {
  it('shows a status set by hand as such, with the computed one and the reason on hover', async () => {
    const d = detail();
    const reason = '统计口径调整，按新口径已达序时进度';
    const year = defaultMonitoringYear(d);
    d.overrides = [{ indicatorId: 6, year, status: 'on_track', reason, updatedAt: '', updatedBy: 'x' }];
    // An override of another year does not apply.
    d.overrides.push({
      indicatorId: 5,
      year: year - 1,
      status: 'ahead',
      reason: '别的年度',
      updatedAt: '',
      updatedBy: 'x',
    });
    renderWithApi(<MonitoringView detail={d} />, fakeCore());
    expect(statusText('6')).toBe('基本符合预期人工认定');
    expect(count('lagging')).toBe('1');
    const tip = await hover('6');
    expect(tip.textContent).toContain('规则判定滞后');
    expect(tip.textContent).toContain('认定理由统计口径调整，按新口径已达序时进度');
  });
});
