// Draws a trend option with ECharts, importing only the line chart, the components it uses and the SVG renderer.
// The chart starts once its box has a size (a drawer lays out after opening) and follows later resizes; where
// nothing is ever laid out (jsdom) it simply stays an empty box.
import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { TrendOption } from '../../lib/monitoring/trend-option';

registerParts([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

interface TrendChartProps {
  option: TrendOption;
  /** what the chart shows, for screen readers (the table below it carries the figures) */
  label: string;
}

export function TrendChart({ option, label }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const latest = useRef(option);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === 0 || el.clientHeight === 0) return;
      if (chart.current) {
        chart.current.resize();
        return;
      }
      chart.current = init(el, null, { renderer: 'svg' });
      chart.current.setOption(latest.current);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  return <div ref={box} className="monitoring-trend-chart" role="img" aria-label={label} data-testid="trend-chart" />;
}
