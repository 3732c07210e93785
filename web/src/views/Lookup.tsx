/** Look-up results: the matches with what the KB says of them on the date, then every near name ranked by score. */
import type { Dossier } from '../api';
import { useAsOf } from '../asof';
import { useApi } from '../hooks';
import { href } from '../router';
import { Badge, Loading, Panel } from '../components/ui';

interface LookupResult {
  field: string;
  note?: string;
  matches: { score: number; method: string; dossier: Dossier }[];
  candidates: { id: string; name: string; kind: string; alias: string; score: number }[];
}

const entityHref = (kind: string, id: string) => href(`${kind === 'product' ? 'products' : 'organisations'}/${id}`);

export function Lookup({ q }: { q: string }) {
  const { asOf } = useAsOf();
  const r = useApi<LookupResult>(q ? `/api/lookup?q=${encodeURIComponent(q)}&asOf=${asOf}` : undefined);
  const matched = new Set(r.data?.matches.map((m) => m.dossier.id));
  const others = r.data?.candidates.filter((c) => !matched.has(c.id)) ?? [];
  return (
    <Panel title={`Look-up: “${q}”`}>
      <Loading error={r.error} loading={r.loading && !r.data} />
      {r.data && r.data.matches.length === 0 && <p>No match{r.data.note ? ` (${r.data.note})` : ''}.</p>}
      <ol className="matches" aria-label="matches">
        {r.data?.matches.map((m) => (
          <li key={m.dossier.id}>
            <a href={entityHref(m.dossier.kind, m.dossier.id)}>{m.dossier.name}</a> <span className="muted">{m.method}, score {m.score.toFixed(2)} · group {m.dossier.group}</span>
            <div>
              {m.dossier.listings.map((l, i) => (
                <span key={i} className="chip">
                  {l.short} <Badge kind="state" value={l.state} />
                </span>
              ))}
            </div>
            {m.dossier.houseContext.length > 0 && (
              <div className="muted" aria-label="house context">
                Context, not reaching this {m.dossier.kind}:{' '}
                {m.dossier.houseContext.map((x) => `${x.short} (${x.example.via}${x.listings > 1 ? ` and ${x.listings - 1} more` : ''})`).join('; ')}
              </div>
            )}
          </li>
        ))}
      </ol>
      {others.length > 0 && (
        <>
          <h3>{r.data?.matches.length ? 'Other near names' : 'Nearest names'} <span className="muted">(below the match threshold, ranked by score)</span></h3>
          <div className="scroll">
            <table className="grid" aria-label="ranked names">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Name</th>
                  <th>Matched alias</th>
                  <th>Kind</th>
                  <th>Score</th>
                </tr>
              </thead>
              <tbody>
                {others.map((c, i) => (
                  <tr key={c.id}>
                    <td>{i + 1}</td>
                    <td>
                      <a href={entityHref(c.kind, c.id)}>{c.name}</a>
                    </td>
                    <td>{c.alias}</td>
                    <td>{c.kind}</td>
                    <td>{c.score.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Panel>
  );
}
