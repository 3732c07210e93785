/**
 * A scan's findings: by item (one row per asset with its measures inside) or one row per finding;
 * filters, sortable columns, paging, decisions on many findings at once, CSV export and the
 * attestation report; the URL keeps the view.
 */
import { useState } from 'react';
import { decideFindings, download, type Asset, type Disposition, type Facets, type ItemWithFindings, type RejectedRow, type Scan, type StoredFinding } from '../api';
import { AsOfNotice } from './Dashboard';
import { useApi } from '../hooks';
import { go, href } from '../router';
import { Badge, DISPOSITION_LABELS, Loading, Panel } from '../components/ui';

const FILTERS = ['measure', 'group', 'state', 'severity', 'kind', 'owner', 'site', 'disposition'] as const;
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
const ITEM_PAGE = 25;

/** "SW-0042 · core-sw1 · Network team · Berlin" */
export function assetLine(asset: Asset | undefined): string {
  if (!asset) return '';
  return (['tag', 'hostname', 'ip', 'owner', 'site', 'serial', 'costCentre', 'country'] as const).flatMap((k) => (asset[k] ? [asset[k]] : [])).join(' · ');
}

function dispositionOf(f: StoredFinding): string {
  return f.disposition ? (f.disposition.reopened ? 'reopened' : f.disposition.state) : 'open';
}

/** The bar over the table when findings are selected: one decision, one reason, for all of them. */
function BulkDecision({ ids, onDone, onClear }: { ids: number[]; onDone(): void; onClear(): void }) {
  const [state, setState] = useState<Disposition['state'] | ''>('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (ids.length === 0 && !message) return null;
  const submit = async () => {
    if (!state) return;
    setBusy(true);
    try {
      const r = await decideFindings(ids, state, reason.trim());
      setMessage({ ok: true, text: `${r.decided} ${r.decided === 1 ? 'finding' : 'findings'} marked ${DISPOSITION_LABELS[state]}.` });
      setReason('');
      onDone();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="bulk" role="region" aria-label="decide selected findings">
      {ids.length > 0 && (
        <>
          <b>
            {ids.length} {ids.length === 1 ? 'finding' : 'findings'} selected
          </b>
          <select value={state} onChange={(e) => setState(e.target.value as Disposition['state'] | '')} aria-label="decision for the selected findings">
            <option value="">Decision…</option>
            {(['false-positive', 'accepted-risk', 'remediated'] as const).map((s) => (
              <option key={s} value={s}>
                {DISPOSITION_LABELS[s]}
              </option>
            ))}
          </select>
          <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason (required)" aria-label="reason for the selected findings" />
          <button onClick={submit} disabled={busy || !state || reason.trim().length < 3}>
            Decide {ids.length} {ids.length === 1 ? 'finding' : 'findings'}
          </button>
          <button onClick={onClear}>Clear selection</button>
        </>
      )}
      {message && (
        <span className={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </span>
      )}
    </div>
  );
}

function subjectCell(f: StoredFinding) {
  return f.finding.subject.kind === 'category' ? f.finding.subject.name : <a href={href(`${f.finding.subject.kind === 'product' ? 'products' : 'organisations'}/${f.finding.subject.id}`)} onClick={(e) => e.stopPropagation()}>{f.finding.subject.name}</a>;
}

/** One row per item (asset): its label and identity, and its findings inside, each selectable. */
function ItemsTable({ items, selected, toggle }: { items: ItemWithFindings[]; selected: Set<number>; toggle(ids: number[], on: boolean): void }) {
  return (
    <div className="scroll">
      <table className="grid items">
        <thead>
          <tr>
            <th aria-label="select" />
            <th>Line</th>
            <th>Item</th>
            <th>Asset</th>
            <th>Findings</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const ids = item.findings.map((f) => f.id);
            const all = ids.every((id) => selected.has(id));
            return (
              <tr key={item.idx} data-item={item.idx}>
                <td>
                  <input type="checkbox" checked={all} onChange={(e) => toggle(ids, e.target.checked)} aria-label={`select every finding of ${item.label}`} />
                </td>
                <td>{item.origin.line}</td>
                <td>{item.label}</td>
                <td className="asset">{assetLine(item.asset) || <span className="muted">—</span>}</td>
                <td>
                  <ul className="item-findings">
                    {item.findings.map((f) => (
                      <li key={f.id} data-finding={f.id}>
                        <input type="checkbox" checked={selected.has(f.id)} onChange={(e) => toggle([f.id], e.target.checked)} aria-label={`select ${f.finding.measure.short} for ${item.label}`} />{' '}
                        <a href={href(`findings/${f.id}`)} title={f.finding.measure.title}>
                          {f.finding.measure.short}
                        </a>{' '}
                        <span className="muted">{subjectCell(f)}</span> <Badge kind="state" value={f.finding.state} /> <Badge kind="severity" value={f.finding.severity} /> <Badge kind="disposition" value={dispositionOf(f)} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function Findings({ scanId, query }: { scanId: string; query: URLSearchParams }) {
  const params = Object.fromEntries(query.entries());
  const byItem = params.view !== 'findings';
  const offset = Number(params.offset ?? 0);
  const pageSize = byItem ? ITEM_PAGE : PAGE;
  const { view: _view, ...filterParams } = params;
  const apiQuery = new URLSearchParams({ ...filterParams, limit: String(pageSize), offset: String(offset) });
  if (byItem) {
    apiQuery.delete('sort');
    apiQuery.delete('order');
  }
  const page = useApi<{ total: number; findings: StoredFinding[] }>(byItem ? undefined : `/api/scans/${scanId}/findings?${apiQuery.toString()}`);
  const items = useApi<{ total: number; items: ItemWithFindings[] }>(byItem ? `/api/scans/${scanId}/items?${apiQuery.toString()}` : undefined);
  const facets = useApi<Facets>(`/api/scans/${scanId}/facets`);
  const scan = useApi<Scan>(`/api/scans/${scanId}`);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const toggle = (ids: number[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const set = (changes: Record<string, string | undefined>) => {
    setSelected(new Set());
    go(`scans/${scanId}/findings`, { ...params, offset: undefined, ...changes });
  };
  /** A click on the sorted column reverses it; on another column sorts by it in its natural order. */
  const sortBy = (key: string) => {
    const current = params.sort ?? 'severity';
    const natural = ['severity', 'confidence'].includes(key) ? 'desc' : 'asc';
    const order = current === key ? ((params.order ?? natural) === 'asc' ? 'desc' : 'asc') : natural;
    set({ sort: key, order });
  };
  const exportCsv = () => {
    const q = new URLSearchParams(filterParams);
    for (const k of ['offset', 'sort', 'order']) q.delete(k);
    void download(`/api/scans/${scanId}/findings.csv?${q.toString()}`, `findings-${scanId.slice(0, 8)}.csv`);
  };
  const decided = () => {
    setSelected(new Set());
    if (byItem) items.reload();
    else page.reload();
    facets.reload();
  };
  const total = byItem ? items.data?.total : page.data?.total;
  const visibleIds = byItem ? (items.data?.items.flatMap((i) => i.findings.map((f) => f.id)) ?? []) : (page.data?.findings.map((f) => f.id) ?? []);

  return (
    <>
      <Panel
        title={<>Findings <span className="muted">{total !== undefined ? `${total} ${byItem ? (total === 1 ? 'item' : 'items') : total === 1 ? 'finding' : 'findings'} matching` : ''}</span></>}
        actions={
          <span className="actions">
            <a href={href(`scans/${scanId}`)}>Dashboard</a> · <a href={href(`scans/${scanId}/findings`, { ...params, view: byItem ? 'findings' : undefined, offset: undefined })}>{byItem ? 'One row per finding' : 'Group by item'}</a> · <button onClick={exportCsv}>Export CSV</button>{' '}
            <AttestationDownload scanId={scanId} />
          </span>
        }
      >
        {scan.data && <AsOfNotice scan={scan.data} />}
        <div className="filters">
          {FILTERS.map((name) => {
            const values = facets.data?.[name] ?? (name === 'disposition' ? { open: 0, closed: 0 } : {});
            // Owner and site exist only when the input has such columns.
            if ((name === 'owner' || name === 'site') && Object.keys(values).length === 0 && !params[name]) return null;
            return (
              <label key={name}>
                {name}
                <select value={params[name] ?? ''} onChange={(e) => set({ [name]: e.target.value || undefined })} aria-label={`filter by ${name}`}>
                  <option value="">all</option>
                  {Object.entries(values).map(([value, n]) => (
                    <option key={value} value={value}>
                      {name === 'disposition' ? (DISPOSITION_LABELS[value] ?? value) : name === 'measure' || name === 'group' ? (facets.data?.labels?.[name][value] ?? value) : value} ({n})
                    </option>
                  ))}
                  {name === 'disposition' && !facets.data?.disposition.closed && <option value="closed">Closed (any)</option>}
                </select>
              </label>
            );
          })}
          <label>
            text
            <input defaultValue={params.q ?? ''} onKeyDown={(e) => e.key === 'Enter' && set({ q: (e.target as HTMLInputElement).value || undefined })} placeholder="item, asset, subject, measure" aria-label="text filter" />
          </label>
          {Object.keys(params).some((k) => !['sort', 'order', 'offset', 'view'].includes(k)) && <button onClick={() => go(`scans/${scanId}/findings`, { view: params.view })}>Clear filters</button>}
        </div>
        <div className="select-page">
          <label>
            <input type="checkbox" checked={visibleIds.length > 0 && visibleIds.every((id) => selected.has(id))} onChange={(e) => toggle(visibleIds, e.target.checked)} aria-label="select every finding on this page" /> select every finding on this page
          </label>
        </div>
        <BulkDecision ids={[...selected]} onDone={decided} onClear={() => setSelected(new Set())} />
        <Loading error={page.error ?? items.error} loading={(page.loading && !page.data) || (items.loading && !items.data)} />
        {byItem && items.data && <ItemsTable items={items.data.items} selected={selected} toggle={toggle} />}
        {!byItem && (
          <div className="scroll">
            <table className="grid findings">
              <thead>
                <tr>
                  <th aria-label="select" />
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
                    <td onClick={(e) => e.stopPropagation()}>
                      <input type="checkbox" checked={selected.has(f.id)} onChange={(e) => toggle([f.id], e.target.checked)} aria-label={`select finding ${f.id}`} />
                    </td>
                    <td>{f.item.origin.line}</td>
                    <td>
                      <a href={href(`findings/${f.id}`)}>{f.item.label}</a>
                      {f.item.asset && <div className="muted">{assetLine(f.item.asset)}</div>}
                    </td>
                    <td title={f.finding.measure.title}>{f.finding.measure.short}</td>
                    <td>{subjectCell(f)}</td>
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
                      <Badge kind="disposition" value={dispositionOf(f)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {total !== undefined && total > pageSize && (
          <div className="pager">
            <button disabled={offset === 0} onClick={() => set({ ...params, offset: String(Math.max(0, offset - pageSize)) })}>
              ← Previous
            </button>
            <span>
              {offset + 1}–{Math.min(offset + pageSize, total)} of {total}
            </span>
            <button disabled={offset + pageSize >= total} onClick={() => set({ ...params, offset: String(offset + pageSize) })}>
              Next →
            </button>
          </div>
        )}
      </Panel>
      {scan.data?.summary?.rejected ? <RejectedRows scanId={scanId} count={scan.data.summary.rejected} /> : null}
    </>
  );
}

/** Rows that could not be screened, each with its line and reason (nothing is dropped silently). */
function RejectedRows({ scanId, count }: { scanId: string; count: number }) {
  const [offset, setOffset] = useState(0);
  const rows = useApi<{ total: number; rows: RejectedRow[] }>(`/api/scans/${scanId}/rejected?limit=100&offset=${offset}`);
  return (
    <Panel title={`Rejected rows (${count})`}>
      <Loading error={rows.error} loading={rows.loading && !rows.data} />
      <div className="scroll">
        <table className="grid rejected">
          <thead>
            <tr>
              <th>File</th>
              <th>Line</th>
              <th>Asset</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.data?.rows.map((r) => (
              <tr key={r.idx}>
                <td>{r.origin.file}{r.origin.sheet ? ` (${r.origin.sheet})` : ''}</td>
                <td>{r.origin.line}</td>
                <td>{assetLine(r.asset)}</td>
                <td>{r.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.data && rows.data.total > 100 && (
        <div className="pager">
          <button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 100))}>
            ← Previous
          </button>
          <span>
            {offset + 1}–{Math.min(offset + 100, rows.data.total)} of {rows.data.total}
          </span>
          <button disabled={offset + 100 >= rows.data.total} onClick={() => setOffset(offset + 100)}>
            Next →
          </button>
        </div>
      )}
    </Panel>
  );
}

/** Downloads the attestation report (HTML or PDF) of this scan for a chosen profile. */
function AttestationDownload({ scanId }: { scanId: string }) {
  const [format, setFormat] = useState<'html' | 'pdf'>('pdf');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const get = async () => {
    setBusy(true);
    setError(null);
    try {
      await download(`/api/scans/${scanId}/attestation?format=${format}&attestation=ndaa-889`, `attestation-${scanId.slice(0, 8)}.${format}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="attestation">
      <select value={format} onChange={(e) => setFormat(e.target.value as 'html' | 'pdf')} aria-label="attestation report format">
        <option value="pdf">PDF</option>
        <option value="html">HTML</option>
      </select>{' '}
      <button onClick={get} disabled={busy}>
        {busy ? 'Preparing…' : '§889 attestation report'}
      </button>
      {error && <span className="error"> {error}</span>}
    </span>
  );
}
