import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { getToken, setToken } from './api';
import { AsOfContext, today } from './asof';
import { go, href, useRoute } from './router';
import { Dashboard } from './views/Dashboard';
import { Scans } from './views/Scans';
import { Findings } from './views/Findings';
import { FindingDetail } from './views/FindingDetail';
import { Measures, MeasureDetail } from './views/Measures';
import { Dispositions } from './views/Dispositions';
import { Lookup } from './views/Lookup';
import { Audit } from './views/Audit';
import { News } from './views/News';
import { Inventories } from './views/Inventories';

// The graph library is needed only on organisation pages: loaded with them.
const Organisation = lazy(() => import('./views/Organisation').then((m) => ({ default: m.Organisation })));

const AS_OF_KEY = 'covered.asOf';

function NotFound({ path }: { path: string }) {
  return (
    <section className="panel" role="alert">
      <h2>No page “{path}”</h2>
      <p>
        The address names no page of Covered. Go to the <a href={href('dashboard')}>dashboard</a> or the <a href={href('scans')}>scans</a>.
      </p>
    </section>
  );
}

export function App() {
  const route = useRoute();
  const [asOf, setAsOfState] = useState(() => localStorage.getItem(AS_OF_KEY) ?? today());
  const setAsOf = (d: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return;
    localStorage.setItem(AS_OF_KEY, d);
    setAsOfState(d);
  };
  const [query, setQuery] = useState('');
  const [showToken, setShowToken] = useState(false);
  const [tokenDraft, setTokenDraft] = useState(getToken());
  const [section = 'dashboard', id, sub] = route.path;

  useEffect(() => {
    const onUnauthorised = () => setShowToken(true);
    window.addEventListener('covered:unauthorised', onUnauthorised);
    return () => window.removeEventListener('covered:unauthorised', onUnauthorised);
  }, []);

  const search = (e: FormEvent) => {
    e.preventDefault();
    if (query.trim()) go('lookup', { q: query.trim() });
  };

  let view;
  if (section === 'scans' && id && sub === 'findings') view = <Findings scanId={id} query={route.query} />;
  else if (section === 'scans' && id) view = <Dashboard scanId={id} />;
  else if (section === 'scans') view = <Scans />;
  else if (section === 'findings' && id) view = <FindingDetail id={Number(id)} />;
  else if ((section === 'organisations' || section === 'products') && id) view = <Organisation id={id} kind={section} />;
  else if (section === 'measures' && id) view = <MeasureDetail id={id} />;
  else if (section === 'measures') view = <Measures />;
  else if (section === 'dispositions') view = <Dispositions />;
  else if (section === 'audit') view = <Audit />;
  else if (section === 'news') view = <News query={route.query} />;
  else if (section === 'inventories') view = <Inventories name={id} />;
  else if (section === 'lookup') view = <Lookup q={route.query.get('q') ?? ''} />;
  else if (section === 'dashboard') view = <Dashboard />;
  else view = <NotFound path={route.path.join('/')} />;

  const nav = (path: string, label: string) => (
    <a href={href(path)} className={section === path || (path === 'dashboard' && route.path.length === 0) ? 'active' : ''}>
      {label}
    </a>
  );

  return (
    <AsOfContext.Provider value={{ asOf, setAsOf }}>
      <header className="top">
        <a className="brand" href={href('dashboard')}>
          Covered
        </a>
        <nav>
          {nav('dashboard', 'Dashboard')}
          {nav('scans', 'Scans')}
          {nav('measures', 'Measures')}
          {nav('dispositions', 'Dispositions')}
          {nav('inventories', 'Inventories')}
          {nav('news', 'News')}
          {nav('audit', 'Audit')}
        </nav>
        <form onSubmit={search} className="search" role="search">
          <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Look up a company, MAC, domain, app id…" aria-label="look up" />
        </form>
        <label className="asof">
          As of
          <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} aria-label="as-of date" />
        </label>
        <button className="link" onClick={() => setShowToken((s) => !s)} title="API token">
          {getToken() ? 'Token ✓' : 'Token'}
        </button>
      </header>
      {showToken && (
        <form
          className="token-bar"
          onSubmit={(e) => {
            e.preventDefault();
            setToken(tokenDraft.trim());
            setShowToken(false);
            location.reload();
          }}
        >
          <span>This server needs an API token (from <code>covered token create</code>) unless it runs on 127.0.0.1.</span>
          <input type="password" value={tokenDraft} onChange={(e) => setTokenDraft(e.target.value)} placeholder="cov_…" aria-label="API token" />
          <button type="submit">Save</button>
        </form>
      )}
      <main>
        <Suspense fallback={<p className="muted">Loading…</p>}>{view}</Suspense>
      </main>
    </AsOfContext.Provider>
  );
}
