/** Exposure of one scan (the newest by default) by measure, group, severity and state, with charts. */
import { useMemo, useState } from 'react';
import { api, type Facets, type Scan } from '../api';
import { useAsOf } from '../asof';
import { useApi } from '../hooks';
import { go, href } from '../router';
import { Chart, type ChartOption } from '../components/Chart';
import { Loading, Panel, SEVERITY_COLOURS, STATE_COLOURS } from '../components/ui';
import { UploadForm } from './Scans';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

function barOption(counts: Record<string, number>, colour: string, labels?: Record<string, string>): ChartOption {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 190, right: 20, top: 10, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: entries.map(([k]) => k), axisLabel: { width: 180, overflow: 'truncate', formatter: (k: string) => labels?.[k] ?? k } },
    series: [{ type: 'bar', data: entries.map(([, v]) => v), itemStyle: { color: colour } }],
  };
}

function pieOption(counts: Record<string, number>, colours: Record<string, string>, order: string[]): ChartOption {
  const entries = Object.entries(counts).sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  return {
    tooltip: { trigger: 'item' },
    // Names and counts go in the legend; the ring carries only the counts, so no label is cut at the panel's edge.
    legend: { bottom: 0, formatter: (name: string) => `${name}: ${counts[name] ?? 0}` },
    series: [{ type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], data: entries.map(([name, value]) => ({ name, value, itemStyle: { color: colours[name] ?? '#94a3b8' } })), label: { position: 'inside', formatter: '{c}', color: '#fff' } }],
  };
}

/** A scan was screened as of one date; when the date control says another, offer to screen its file again. */
export function AsOfNotice({ scan }: { scan: Scan }) {
  const { asOf } = useAsOf();
  const [error, setError] = useState<string | null>(null);
  if (scan.asOf === asOf) return null;
  const rescan = async () => {
    try {
      setError(null);
      await api<Scan>(`/api/scans/${scan.id}/rescan`, { method: 'POST', body: JSON.stringify({ asOf }) });
      go('scans');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <p className="notice">
      This scan was screened as of {scan.asOf}; the date control says {asOf}. <button onClick={rescan}>Screen this file as of {asOf}</button>
      {error && <span className="error"> {error}</span>}
    </p>
  );
}

export function Dashboard({ scanId }: { scanId?: string }) {
  const latest = useApi<{ scans: Scan[] }>(scanId ? undefined : '/api/scans?status=complete&limit=1');
  const id = scanId ?? latest.data?.scans[0]?.id;
  const scan = useApi<Scan>(id ? `/api/scans/${id}` : undefined);
  const facets = useApi<Facets>(id ? `/api/scans/${id}/facets` : undefined);
  const measures = useApi<{ measures: { id: string; short: string }[] }>('/api/measures');
  const shortNames = useMemo(() => Object.fromEntries((measures.data?.measures ?? []).map((m) => [m.id, m.short])), [measures.data]);

  if (!scanId && latest.data && latest.data.scans.length === 0) {
    return (
      <Panel title="No scans yet">
        <UploadForm onDone={(s) => go(`scans/${s.id}`)} />
      </Panel>
    );
  }
  const s = scan.data;
  const f = facets.data;
  const filtered = (key: string) => (p: { name: string }) => id && go(`scans/${id}/findings`, { [key]: p.name });
  return (
    <>
      <Loading error={latest.error ?? scan.error ?? facets.error} loading={!s} />
      {s && (
        <Panel
          title={
            <>
              {s.fileName} <span className="muted">screened as of {s.asOf}, profile {s.profile}</span>
            </>
          }
          actions={<a href={href(`scans/${s.id}/findings`)}>All findings →</a>}
        >
          <AsOfNotice scan={s} />
          <div className="cards">
            <div><b>{s.summary?.rowsRead}</b> rows read</div>
            <div><b>{s.summary?.screened}</b> screened</div>
            <div><b>{s.summary?.rejected}</b> rejected</div>
            <div><b>{s.summary?.withFindings}</b> items with findings</div>
            <div><b>{s.summary?.findings}</b> findings</div>
            <div><b>{(f?.disposition.open ?? 0) + (f?.disposition.reopened ?? 0)}</b> open</div>
          </div>
        </Panel>
      )}
      {f && (
        <div className="charts">
          <Panel title="Findings by measure">
            <Chart label="findings by measure" option={barOption(f.measure, '#b91c1c', f.labels?.measure ?? shortNames)} height={Math.max(160, Object.keys(f.measure).length * 24 + 40)} onClick={filtered('measure')} />
          </Panel>
          <Panel title="By severity">
            <Chart label="findings by severity" option={pieOption(f.severity, SEVERITY_COLOURS, SEVERITY_ORDER)} onClick={filtered('severity')} />
          </Panel>
          <Panel title="By corporate group">
            <Chart label="findings by group" option={barOption(f.group, '#475569', f.labels?.group)} height={Math.max(160, Object.keys(f.group).length * 24 + 40)} onClick={filtered('group')} />
          </Panel>
          <Panel title="By state">
            <Chart label="findings by state" option={pieOption(f.state, STATE_COLOURS, ['in-force', 'pending', 'watch', 'historical'])} onClick={filtered('state')} />
            <h3>By disposition</h3>
            <ul className="inline">
              {Object.entries(f.disposition).map(([k, v]) => (
                <li key={k}>
                  <a href={href(`scans/${id}/findings`, { disposition: k })}>{k}</a>: {v}
                </li>
              ))}
            </ul>
          </Panel>
        </div>
      )}
    </>
  );
}
