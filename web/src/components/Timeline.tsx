/**
 * Rows on a time axis: spans (a listing from its start to its end) and events (a measure signed,
 * effective, enjoined…), with the as-of date drawn across.
 */
import { useMemo } from 'react';
import { Chart, type ChartOption } from './Chart';
import { STATE_COLOURS } from './ui';

export interface TimelineRow {
  label: string;
  spans?: { from: string; to?: string; state: string; title: string }[];
  events?: { date: string; status: string; note?: string }[];
}

const EVENT_COLOURS: Record<string, string> = { effective: '#b91c1c', signed: '#d97706', enacted: '#d97706', announced: '#2563eb', proposed: '#2563eb', enjoined: '#64748b', revoked: '#334155', expired: '#334155', superseded: '#334155' };

export function Timeline({ rows, asOf, onSelect }: { rows: TimelineRow[]; asOf: string; onSelect?: (label: string) => void }) {
  const option = useMemo<ChartOption>(() => {
    const labels = rows.map((r) => r.label);
    const end = new Date(Math.max(Date.now(), Date.parse(asOf))).toISOString().slice(0, 10);
    const spans = rows.flatMap((r, i) => (r.spans ?? []).map((s) => ({ value: [i, s.from, s.to ?? end, s.title], itemStyle: { color: STATE_COLOURS[s.state] ?? '#94a3b8' } })));
    const statuses = [...new Set(rows.flatMap((r) => (r.events ?? []).map((e) => e.status)))];
    return {
      tooltip: { trigger: 'item', formatter: (p: { value: unknown[]; seriesName: string }) => (p.seriesName === 'listing' ? `${p.value[3]}<br/>${p.value[1]} → ${p.value[2]}` : `${p.seriesName} ${p.value[0]}<br/>${p.value[2] ?? ''}`) },
      legend: { top: 0, data: statuses },
      grid: { left: 170, right: 24, top: 30, bottom: 50 },
      xAxis: { type: 'time', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
      // Open on the ten years before the date (older events are a slider away), so recent ones do not crowd together.
      dataZoom: [{ type: 'slider', xAxisIndex: 0, height: 18, bottom: 8, filterMode: 'none', startValue: `${Number(asOf.slice(0, 4)) - 10}${asOf.slice(4)}`, endValue: end }],
      series: [
        {
          name: 'listing',
          type: 'custom',
          encode: { x: [1, 2], y: 0 },
          renderItem: (_params: unknown, api: { value(i: number): number | string; coord(v: unknown[]): number[]; size(v: unknown[]): number[]; style(): object }) => {
            const start = api.coord([api.value(1), api.value(0)]);
            const stop = api.coord([api.value(2), api.value(0)]);
            const h = (api.size([0, 1])[1] ?? 20) * 0.5;
            return { type: 'rect', shape: { x: start[0], y: (start[1] ?? 0) - h / 2, width: Math.max(2, (stop[0] ?? 0) - (start[0] ?? 0)), height: h }, style: api.style() };
          },
          data: spans,
          markLine: { symbol: 'none', silent: true, lineStyle: { color: '#0f172a', type: 'dashed' }, label: { formatter: `as of ${asOf}` }, data: [{ xAxis: asOf }] },
        },
        ...statuses.map((status) => ({
          name: status,
          type: 'scatter',
          symbolSize: 11,
          itemStyle: { color: EVENT_COLOURS[status] ?? '#475569' },
          data: rows.flatMap((r) => (r.events ?? []).filter((e) => e.status === status).map((e) => [e.date, r.label, e.note ?? ''])),
        })),
      ],
    };
  }, [rows, asOf]);
  return <Chart option={option} height={Math.max(160, rows.length * 28 + 90)} label="timeline" onClick={onSelect ? (p) => p.data && onSelect(String((p.data as unknown[])[1] ?? p.name)) : undefined} />;
}
