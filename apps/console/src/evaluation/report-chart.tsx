import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts the report's charts use, so the console does not carry all of ECharts. SVG, as in the PDF.
echarts.use([BarChart, LineChart, ScatterChart, AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** What a chart was drawn from, read back from ECharts itself: each series' name and the values of its bars. */
function drawnSeries(chart: echarts.ECharts): { name: string; type: string; values: unknown[] }[] {
  const series = (chart.getOption() as { series?: { name?: string; type?: string; data?: unknown[] }[] }).series ?? [];
  return series.map((s) => ({ name: String(s.name ?? ''), type: String(s.type ?? ''), values: (s.data ?? []).map((d) => (d !== null && typeof d === 'object' && 'value' in d ? (d as { value: unknown }).value : d)) }));
}

/**
 * One chart of the report, drawn from the same option object the PDF draws (libs/reports/src/charts). The figures
 * themselves are in the tables below it, which a screen reader reads; the chart carries a label saying so. The caller
 * builds the option in the console's language (report-view.tsx); the PDF builds it in Chinese.
 * data-series holds what ECharts drew, so a test can compare the chart with the report.
 */
export function ReportChart({ option, label, testId, height = 380 }: { option: EChartsOption; label: string; testId: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption({ animation: false, ...option }, true);
    element.dataset['series'] = JSON.stringify(drawnSeries(chart));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={box} className="report-chart" role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
