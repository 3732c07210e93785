/** Fuzzy lookup results: each match with its score and what the KB says of it on the date. */
import type { Dossier } from '../api';
import { useAsOf } from '../asof';
import { useApi } from '../hooks';
import { href } from '../router';
import { Badge, Loading, Panel } from '../components/ui';

export function Lookup({ q }: { q: string }) {
  const { asOf } = useAsOf();
  const r = useApi<{ field: string; note?: string; matches: { score: number; method: string; dossier: Dossier }[] }>(q ? `/api/lookup?q=${encodeURIComponent(q)}&asOf=${asOf}` : undefined);
  return (
    <Panel title={`Look-up: “${q}”`}>
      <Loading error={r.error} loading={r.loading && !r.data} />
      {r.data && r.data.matches.length === 0 && <p>No match{r.data.note ? ` (${r.data.note})` : ''}.</p>}
      <ul className="matches">
        {r.data?.matches.map((m) => (
          <li key={m.dossier.id}>
            <a href={href(`${m.dossier.kind === 'product' ? 'products' : 'organisations'}/${m.dossier.id}`)}>{m.dossier.name}</a> <span className="muted">{m.method}, score {m.score.toFixed(2)} · group {m.dossier.group}</span>
            <div>
              {m.dossier.listings.map((l, i) => (
                <span key={i} className="chip">
                  {l.short} <Badge kind="state" value={l.state} />
                </span>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
