/** An organisation or product as of the date: names in every script, identifiers, ownership graph, products, measure timeline. */
import { useCallback } from 'react';
import type { Dossier } from '../api';
import { useAsOf } from '../asof';
import { useApi } from '../hooks';
import { go, href } from '../router';
import { Graph } from '../components/Graph';
import { Timeline } from '../components/Timeline';
import { Badge, Loading, Panel } from '../components/ui';

export function Organisation({ id, kind }: { id: string; kind: 'organisations' | 'products' }) {
  const { asOf } = useAsOf();
  const d = useApi<Dossier>(`/api/${kind}/${encodeURIComponent(id)}?asOf=${asOf}`);
  const select = useCallback((node: string) => go(`organisations/${node}`), []);
  if (!d.data) return <Loading error={d.error} loading />;
  const o = d.data;
  return (
    <>
      <Panel title={<>{o.name} <span className="muted">{o.kind} · group {o.group}{o.country ? ` · ${o.country}` : ''}</span></>}>
        {o.unverified && <p className="warn">Parts of this record rest on unverified sources.</p>}
        <div className="two">
          <div>
            <h3>Names</h3>
            <div className="scroll">
              <table className="grid compact" data-testid="names">
                <tbody>
                  {o.names.map((n, i) => (
                    <tr key={i}>
                      <td lang={n.script === 'hans' ? 'zh-Hans' : n.script === 'hant' ? 'zh-Hant' : undefined}>{n.value}</td>
                      <td className="muted">{n.kind}{n.script ? ` · ${n.script}` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {o.identifiers.length > 0 && (
              <>
                <h3>Identifiers</h3>
                <ul>
                  {o.identifiers.map((x, i) => (
                    <li key={i}>
                      {x.scheme.toUpperCase()} <code>{x.value}</code>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {o.products.length > 0 && (
              <>
                <h3>Products</h3>
                <ul>
                  {o.products.map((p) => (
                    <li key={p.id}>
                      <a href={href(`products/${p.id}`)}>{p.name}</a> <span className="muted">{p.kind}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {(o.parents.length > 0 || o.children.length > 0) && (
              <>
                <h3>Relations</h3>
                <ul>
                  {o.parents.map((p, i) => (
                    <li key={`p${i}`}>
                      {p.relation} ← <a href={href(`organisations/${p.id}`)}>{p.name}</a>
                      {p.share !== undefined ? ` (${p.share}%)` : ''}
                    </li>
                  ))}
                  {o.children.map((c, i) => (
                    <li key={`c${i}`}>
                      {c.relation} → <a href={href(`organisations/${c.id}`)}>{c.name}</a>
                      {c.share !== undefined ? ` (${c.share}%)` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <div>
            <h3>Ownership graph of the group as of {asOf}</h3>
            <Graph data={o.groupGraph} focus={o.id} onSelect={select} />
            <p className="muted">Red: listed by a measure on this date.</p>
          </div>
        </div>
      </Panel>
      <Panel title={`Measures reaching ${o.name}`}>
        {o.listings.length === 0 ? (
          <p className="muted">No measure reaches it.</p>
        ) : (
          <>
            <Timeline asOf={asOf} rows={o.listings.map((l) => ({ label: l.short, spans: [{ from: l.from, ...((l.to ?? l.measureEnded) ? { to: (l.to ?? l.measureEnded) as string } : {}), state: l.state, title: `${l.short}: ${l.nameAsListed} (${l.via})` }] }))} />
            <div className="scroll">
              <table className="grid">
                <thead>
                  <tr>
                    <th>Measure</th>
                    <th>Listed as</th>
                    <th>From</th>
                    <th>To</th>
                    <th>How</th>
                    <th>State on {asOf}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.listings.map((l, i) => (
                    <tr key={i}>
                      <td>
                        <a href={href(`measures/${l.measure}`)}>{l.short}</a>
                      </td>
                      <td>{l.nameAsListed}</td>
                      <td>{l.from}</td>
                      <td>{l.to ?? ''}</td>
                      <td>{l.via}</td>
                      <td>
                        <Badge kind="state" value={l.state} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Panel>
      <Panel title="Sources">
        <ul>
          {o.sources.map((s) => (
            <li key={s.id}>
              <a href={s.url} target="_blank" rel="noreferrer noopener">{s.title}</a> <span className="muted">{s.date}</span>
            </li>
          ))}
        </ul>
      </Panel>
    </>
  );
}
