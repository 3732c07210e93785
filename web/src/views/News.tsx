/**
 * The news watch: the review queue of proposals for the knowledge base (accept into a draft
 * record, or reject with a reason), an article form for analysts, and the alerts news events
 * raised on stored scans. Accepting never changes the knowledge base: it writes a draft to review.
 */
import { useState, type FormEvent } from 'react';
import { acceptNewsProposal, rejectNewsProposal, submitNewsArticle, type NewsAlert, type NewsProposal } from '../api';
import { useApi } from '../hooks';
import { go, href } from '../router';
import { Loading, Panel } from '../components/ui';

const PAGE = 50;
const STATES = ['open', 'accepted', 'rejected', 'all'] as const;
const STATE_COLOURS: Record<NewsProposal['state'], string> = { open: '#d97706', accepted: '#15803d', rejected: '#64748b' };

function linkLabel(p: NewsProposal) {
  if (p.kind === 'new') return <strong>new measure</strong>;
  const what = p.kind === 'new-stage' ? 'new stage of' : 'new listing on';
  return (
    <>
      {what} <a href={href(`measures/${p.measure}`)}>{p.measure}</a>
    </>
  );
}

function ArticleSource({ a }: { a: NewsProposal['article'] }) {
  const title = a.title ?? a.id;
  return (
    <>
      {a.url ? (
        <a href={a.url} target="_blank" rel="noreferrer noopener">
          {title}
        </a>
      ) : (
        title
      )}
      <br />
      <small className="muted">
        {a.published ?? 'undated'} · {a.source}
      </small>
    </>
  );
}

/** Accept (optional reason) or reject (reason required) one open proposal. */
function Decide({ p, onDecided }: { p: NewsProposal; onDecided: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (decision: 'accept' | 'reject') => {
    setError(undefined);
    if (decision === 'reject' && !reason.trim()) return setError('A rejection needs a reason.');
    setBusy(true);
    try {
      if (decision === 'accept') {
        const r = await acceptNewsProposal(p.id, reason);
        onDecided(`Accepted ${p.id}: draft written to ${r.draftFile}. It is not in the knowledge base until reviewed and moved into data/.`);
      } else {
        await rejectNewsProposal(p.id, reason.trim());
        onDecided(`Rejected ${p.id}.`);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="news-decide">
      <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason (required to reject)" aria-label={`reason for ${p.id}`} />
      <button disabled={busy} onClick={() => run('accept')}>
        Accept
      </button>{' '}
      <button disabled={busy} onClick={() => run('reject')}>
        Reject
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function Decision({ p }: { p: NewsProposal }) {
  if (p.state === 'open') return null;
  return (
    <small data-testid="decision">
      {p.state} by {p.decidedBy} on {p.decidedAt?.slice(0, 10)}
      {p.reason ? `: “${p.reason}”` : ''}
      {p.draftFile ? ` → ${p.draftFile}` : ''}
    </small>
  );
}

function ArticleForm({ onSaved }: { onSaved: (message: string) => void }) {
  const [text, setText] = useState('');
  const [published, setPublished] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const r = await submitNewsArticle({ text, ...(published ? { published } : {}), ...(url.trim() ? { url: url.trim() } : {}) });
      onSaved(
        `${r.events.length} restriction event${r.events.length === 1 ? '' : 's'}; ${r.saved.proposals} new proposal${r.saved.proposals === 1 ? '' : 's'}; ${r.saved.alerts} new alert${r.saved.alerts === 1 ? '' : 's'}.${r.warnings.length ? ` ${r.warnings.join('; ')}.` : ''}`,
      );
      setText('');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details>
      <summary>Submit an article</summary>
      <form onSubmit={submit} className="news-article">
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={6} required placeholder="Article text or HTML" aria-label="article text" />
        <label>
          Published <input type="date" value={published} onChange={(e) => setPublished(e.target.value)} aria-label="publication date" />
        </label>{' '}
        <label>
          URL <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" aria-label="article URL" />
        </label>{' '}
        <button type="submit" disabled={busy || !text.trim()}>
          Extract and save
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}

function Alerts() {
  const alerts = useApi<{ alerts: NewsAlert[] }>('/api/news/alerts');
  return (
    <Panel title={`Alerts${alerts.data ? ` (${alerts.data.alerts.length})` : ''}`}>
      <Loading error={alerts.error} loading={!alerts.data} />
      <p className="muted">A saved news event whose targets include a company group found in a stored scan.</p>
      {alerts.data && alerts.data.alerts.length === 0 && <p>No alerts.</p>}
      {alerts.data && alerts.data.alerts.length > 0 && (
        <div className="scroll">
          <table className="grid" data-testid="news-alerts">
            <thead>
              <tr>
                <th>Event</th>
                <th>Scan</th>
                <th>Affected items</th>
                <th>Raised</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.alerts.map((a) => (
                <tr key={a.id}>
                  <td>{a.message.split(' — ')[0]}</td>
                  <td>
                    <a href={href(`scans/${a.scanId}`)}>{a.scanLabel}</a>
                  </td>
                  <td title={a.items.join('\n')}>
                    {a.itemCount} ({a.groupName})
                    <br />
                    <small className="muted">
                      {a.items.slice(0, 3).join('; ')}
                      {a.itemCount > 3 ? ' …' : ''}
                    </small>
                  </td>
                  <td>{a.createdAt.slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

export function News({ query }: { query: URLSearchParams }) {
  const state = (STATES as readonly string[]).includes(query.get('state') ?? '') ? (query.get('state') as (typeof STATES)[number]) : 'open';
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const apiQuery = new URLSearchParams({ ...(state === 'all' ? {} : { state }), limit: String(PAGE), offset: String(offset) });
  const page = useApi<{ total: number; proposals: NewsProposal[] }>(`/api/news/proposals?${apiQuery}`);
  const [notice, setNotice] = useState<string>();
  const done = (message: string) => {
    setNotice(message);
    page.reload();
  };
  const set = (changes: Record<string, string | undefined>) => go('news', { state, offset: undefined, ...changes });

  return (
    <>
      <Panel
        title={`Review queue${page.data ? ` (${page.data.total})` : ''}`}
        actions={
          <label>
            Show{' '}
            <select value={state} onChange={(e) => set({ state: e.target.value })} aria-label="proposal state">
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        }
      >
        <p className="muted">
          Restriction events from the news that the knowledge base does not know. Accepting writes a draft record with the article as its source, to be checked against the official text; nothing enters the knowledge base unreviewed.
        </p>
        <ArticleForm onSaved={done} />
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <Loading error={page.error} loading={!page.data} />
        {page.data && page.data.proposals.length === 0 && <p>No {state === 'all' ? '' : `${state} `}proposals.</p>}
        {page.data && page.data.proposals.length > 0 && (
          <div className="scroll">
            <table className="grid" data-testid="news-queue">
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Actor</th>
                  <th>Action</th>
                  <th>Target</th>
                  <th>Status</th>
                  <th>Link</th>
                  <th>Evidence</th>
                  <th>Article</th>
                  <th>Review</th>
                </tr>
              </thead>
              <tbody>
                {page.data.proposals.map((p) => (
                  <tr key={p.id} data-proposal={p.id}>
                    <td>{p.event.date ?? p.article.published ?? '—'}</td>
                    <td>
                      {p.event.jurisdiction} {p.event.authority}
                    </td>
                    <td>{p.event.action}</td>
                    <td>{p.target}</td>
                    <td>{p.event.status}</td>
                    <td>{linkLabel(p)}</td>
                    <td>
                      <q>{p.event.evidence}</q>
                      <details>
                        <summary>Draft record</summary>
                        <pre>{p.draftYaml}</pre>
                      </details>
                    </td>
                    <td>
                      <ArticleSource a={p.article} />
                    </td>
                    <td>
                      <span className="badge" style={{ background: STATE_COLOURS[p.state] }} data-badge="proposal">
                        {p.state}
                      </span>{' '}
                      {p.state === 'open' ? <Decide p={p} onDecided={done} /> : <Decision p={p} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page.data && page.data.total > PAGE && (
          <div className="pager">
            <button disabled={offset === 0} onClick={() => set({ offset: String(Math.max(0, offset - PAGE)) })}>
              Previous
            </button>
            <span>
              {offset + 1}–{Math.min(offset + PAGE, page.data.total)} of {page.data.total}
            </span>
            <button disabled={offset + PAGE >= page.data.total} onClick={() => set({ offset: String(offset + PAGE) })}>
              Next
            </button>
          </div>
        )}
      </Panel>
      <Alerts />
    </>
  );
}
