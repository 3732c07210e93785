/**
 * Charts for documents, drawn by ECharts on the server as SVG text (no browser, no canvas): the
 * same library the web UI draws with.
 */
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

const FONT = 'Noto Sans, Noto Sans CJK SC, sans-serif';

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A ring of counts with its legend ("open: 3"), the counts inside the ring. */
export function donutSvg(counts: { name: string; value: number; colour: string }[], width = 320, height = 240): string {
  return render(
    {
      legend: { bottom: 0, formatter: (name: string) => `${name}: ${counts.find((c) => c.name === name)?.value ?? 0}` },
      series: [{ type: 'pie', radius: ['38%', '66%'], center: ['50%', '44%'], label: { position: 'inside', formatter: '{c}', color: '#fff' }, data: counts.filter((c) => c.value > 0).map((c) => ({ name: c.name, value: c.value, itemStyle: { color: c.colour } })) }],
    },
    width,
    height,
  );
}

/** Horizontal bars, largest first. */
export function barsSvg(counts: [string, number][], colour: string, width = 420): string {
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  return render(
    {
      grid: { left: 200, right: 30, top: 10, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: sorted.map(([k]) => k), axisLabel: { width: 190, overflow: 'truncate' } },
      series: [{ type: 'bar', data: sorted.map(([, v]) => v), itemStyle: { color: colour }, label: { show: true, position: 'right' } }],
    },
    width,
    Math.max(120, sorted.length * 26 + 40),
  );
}
