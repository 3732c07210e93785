/** Every measure on a timeline with its state on the as-of date; one measure's listings. */
import { useCallback, useMemo } from 'react';
import type { ListingView, MeasureInfo, TimelineEvent } from '../api';
import { useAsOf } from '../asof';
import { useApi } from '../hooks';
import { go, href } from '../router';
import { Timeline } from '../components/Timeline';
import { Badge, Loading, Panel } from '../components/ui';

export function Measures() {
  const { asOf } = useAsOf();
  const m = useApi<{ measures: MeasureInfo[] }>(`/api/measures?asOf=${asOf}`);
  const rows = useMemo(() => (m.data?.measures ?? []).map((x) => ({ label: x.short, events: x.timeline.map((e) => ({ date: e.date, status: e.status, ...(e.note ? { note: e.note } : {}) })) })), [m.data]);
  const byShort = useMemo(() => new Map((m.data?.measures ?? []).map((x) => [x.short, x.id])), [m.data]);
  const select = useCallback((label: string) => byShort.get(label) && go(`measures/${byShort.get(label)}`), [byShort]);
  if (!m.data) return <Loading error={m.error} loading />;
  return (
    <>
      <Panel title={`Measures timeline (as of ${asOf})`}>
        <Timeline rows={rows} asOf={asOf} onSelect={select} />
      </Panel>
      <Panel title="Measures">
        <div className="scroll">
          <table className="grid">
            <thead>
              <tr>
                <th>Measure</th>
                <th>Jurisdiction</th>
                <th>Kind</th>
                <th>State on {asOf}</th>
                <th>Listings</th>
              </tr>
            </thead>
            <tbody>
              {m.data.measures.map((x) => (
                <tr key={x.id}>
                  <td>
                    <a href={href(`measures/${x.id}`)}>{x.short}</a> <span className="muted">{x.title}</span>
                  </td>
                  <td>{x.jurisdiction}</td>
                  <td>{x.kind}</td>
                  <td>
                    <Badge kind="state" value={x.state} />
                  </td>
                  <td>{x.listings}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </>
  );
}

interface MeasureDossier {
  measure: { id: string; title: string; short: string; jurisdiction: string; obliges: string; extent: string; citations: { text: string; url?: string }[] };
  state?: string;
  timeline: TimelineEvent[];
  listings: ListingView[];
  sources: { id: string; title: string; url: string; date: string }[];
}

export function MeasureDetail({ id }: { id: string }) {
  const { asOf } = useAsOf();
  const d = useApi<MeasureDossier>(`/api/measures/${encodeURIComponent(id)}?asOf=${asOf}`);
  if (!d.data) return <Loading error={d.error} loading />;
  const m = d.data;
  return (
    <>
      <Panel title={<>{m.measure.short} <span className="muted">{m.measure.title}</span></>}>
        <p>
          State on {asOf}: <Badge kind="state" value={m.state ?? 'not yet'} /> · reaches: {m.measure.extent}
        </p>
        <p>{m.measure.obliges}</p>
        <Timeline asOf={asOf} rows={[{ label: m.measure.short, events: m.timeline.map((e) => ({ date: e.date, status: e.status, ...(e.note ? { note: e.note } : {}) })) }]} />
        <ol>
          {m.timeline.map((e, i) => (
            <li key={i}>
              <b>{e.date}</b> {e.status}: {e.note}
            </li>
          ))}
        </ol>
      </Panel>
      <Panel title={`Listings (${m.listings.length})`}>
        <div className="scroll">
          <table className="grid">
            <thead>
              <tr>
                <th>Listed</th>
                <th>As listed</th>
                <th>From</th>
                <th>To</th>
                <th>State on {asOf}</th>
              </tr>
            </thead>
            <tbody>
              {m.listings.map((l, i) => (
                <tr key={i}>
                  <td>
                    <a href={href(`organisations/${l.target}`)}>{l.via}</a>
                  </td>
                  <td>{l.nameAsListed}</td>
                  <td>{l.from}</td>
                  <td>{l.to ?? ''}</td>
                  <td>
                    <Badge kind="state" value={l.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
      <Panel title="Sources">
        <ul>
          {m.sources.map((s) => (
            <li key={s.id}>
              <a href={s.url} target="_blank" rel="noreferrer noopener">{s.title}</a> <span className="muted">{s.date}</span>
            </li>
          ))}
        </ul>
      </Panel>
    </>
  );
}
