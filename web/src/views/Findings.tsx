/** A scan's findings: filters, sortable columns, paging and CSV export; the URL keeps the view. */
import { download, type Facets, type Scan, type StoredFinding } from '../api';
import { AsOfNotice } from './Dashboard';
import { useApi } from '../hooks';
import { go, href } from '../router';
import { Badge, DISPOSITION_LABELS, Loading, Panel } from '../components/ui';

const FILTERS = ['measure', 'group', 'state', 'severity', 'kind', 'disposition'] as const;
const COLUMNS: { key: string; label: string; sort?: string }[] = [
  { key: 'line', label: 'Line', sort: 'line' },
  { key: 'item', label: 'Item', sort: 'label' },
  { key: 'measure', label: 'Measure', sort: 'measure' },
  { key: 'subject', label: 'Listed subject', sort: 'subject' },
  { key: 'state', label: 'State', sort: 'state' },
  { key: 'severity', label: 'Severity', sort: 'severity' },
  { key: 'confidence', label: 'Confidence', sort: 'confidence' },
  { key: 'match', label: 'Matched on' },
  { key: 'disposition', label: 'Disposition' },
];
const PAGE = 50;

export function Findings({ scanId, query }: { scanId: string; query: URLSearchParams }) {
  const params = Object.fromEntries(query.entries());
  const offset = Number(params.offset ?? 0);
  const apiQuery = new URLSearchParams({ ...params, limit: String(PAGE), offset: String(offset) }).toString();
  const page = useApi<{ total: number; findings: StoredFinding[] }>(`/api/scans/${scanId}/findings?${apiQuery}`);
  const facets = useApi<Facets>(`/api/scans/${scanId}/facets`);
  const scan = useApi<Scan>(`/api/scans/${scanId}`);
  const set = (changes: Record<string, string | undefined>) => go(`scans/${scanId}/findings`, { ...params, offset: undefined, ...changes });
  /** A click on the sorted column reverses it; on another column sorts by it in its natural order. */
  const sortBy = (key: string) => {
    const current = params.sort ?? 'severity';
    const natural = ['severity', 'confidence'].includes(key) ? 'desc' : 'asc';
    const order = current === key ? ((params.order ?? natural) === 'asc' ? 'desc' : 'asc') : natural;
    set({ sort: key, order });
  };
  const exportCsv = () => {
    const q = new URLSearchParams(params);
    q.delete('offset');
    void download(`/api/scans/${scanId}/findings.csv?${q.toString()}`, `findings-${scanId.slice(0, 8)}.csv`);
  };

  return (
    <Panel
      title={<>Findings <span className="muted">{page.data ? `${page.data.total} matching` : ''}</span></>}
      actions={
        <span>
          <a href={href(`scans/${scanId}`)}>Dashboard</a> · <button onClick={exportCsv}>Export CSV</button>
        </span>
      }
    >
      {scan.data && <AsOfNotice scan={scan.data} />}
      <div className="filters">
        {FILTERS.map((name) => (
          <label key={name}>
            {name}
            <select value={params[name] ?? ''} onChange={(e) => set({ [name]: e.target.value || undefined })} aria-label={`filter by ${name}`}>
              <option value="">all</option>
              {Object.entries(facets.data?.[name] ?? (name === 'disposition' ? { open: 0, closed: 0 } : {})).map(([value, n]) => (
                <option key={value} value={value}>
                  {name === 'disposition' ? (DISPOSITION_LABELS[value] ?? value) : name === 'measure' || name === 'group' ? (facets.data?.labels?.[name][value] ?? value) : value} ({n})
                </option>
              ))}
              {name === 'disposition' && !facets.data?.disposition.closed && <option value="closed">Closed (any)</option>}
            </select>
          </label>
        ))}
        <label>
          text
          <input defaultValue={params.q ?? ''} onKeyDown={(e) => e.key === 'Enter' && set({ q: (e.target as HTMLInputElement).value || undefined })} placeholder="item, subject, measure" aria-label="text filter" />
        </label>
        {Object.keys(params).some((k) => k !== 'sort' && k !== 'order' && k !== 'offset') && <button onClick={() => go(`scans/${scanId}/findings`)}>Clear filters</button>}
      </div>
      <Loading error={page.error} loading={page.loading && !page.data} />
      <div className="scroll">
        <table className="grid findings">
          <thead>
            <tr>
              {COLUMNS.map((c) => {
                // Without a sort in the URL the API sorts by severity, most severe first.
                const active = c.sort !== undefined && (params.sort ?? 'severity') === c.sort;
                const ascending = params.order ? params.order === 'asc' : !['severity', 'confidence'].includes(c.sort ?? '');
                return (
                  <th key={c.key} onClick={c.sort ? () => sortBy(c.sort as string) : undefined} className={c.sort ? 'sortable' : ''} aria-sort={active ? (ascending ? 'ascending' : 'descending') : undefined}>
                    {c.label}
                    {active ? (ascending ? ' ▲' : ' ▼') : ''}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {page.data?.findings.map((f) => (
              <tr key={f.id} className="clickable" onClick={() => go(`findings/${f.id}`)} data-finding={f.id}>
                <td>{f.item.origin.line}</td>
                <td>
                  <a href={href(`findings/${f.id}`)}>{f.item.label}</a>
                </td>
                <td title={f.finding.measure.title}>{f.finding.measure.short}</td>
                <td>
                  {f.finding.subject.kind === 'category' ? f.finding.subject.name : <a href={href(`${f.finding.subject.kind === 'product' ? 'products' : 'organisations'}/${f.finding.subject.id}`)} onClick={(e) => e.stopPropagation()}>{f.finding.subject.name}</a>}
                </td>
                <td>
                  <Badge kind="state" value={f.finding.state} />
                </td>
                <td>
                  <Badge kind="severity" value={f.finding.severity} />
                </td>
                <td>{f.finding.confidence.toFixed(2)}</td>
                <td>
                  {f.finding.match.field}: <code>{f.finding.match.value}</code>
                </td>
                <td>
                  <Badge kind="disposition" value={f.disposition ? (f.disposition.reopened ? 'reopened' : f.disposition.state) : 'open'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.data && page.data.total > PAGE && (
        <div className="pager">
          <button disabled={offset === 0} onClick={() => set({ ...params, offset: String(Math.max(0, offset - PAGE)) })}>
            ← Previous
          </button>
          <span>
            {offset + 1}–{Math.min(offset + PAGE, page.data.total)} of {page.data.total}
          </span>
          <button disabled={offset + PAGE >= page.data.total} onClick={() => set({ ...params, offset: String(offset + PAGE) })}>
            Next →
          </button>
        </div>
      )}
    </Panel>
  );
}
