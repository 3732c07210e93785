/** One finding: the evidence chain from the item to the listed company and the measure, and its disposition. */
import { useState, type FormEvent } from 'react';
import { api, type Disposition, type StoredFinding } from '../api';
import { useApi } from '../hooks';
import { href } from '../router';
import { Badge, DISPOSITION_LABELS, Loading, Panel } from '../components/ui';

function entityLink(e: { id: string; name: string; kind: string }) {
  if (e.kind === 'organisation') return <a href={href(`organisations/${e.id}`)}>{e.name}</a>;
  if (e.kind === 'product') return <a href={href(`products/${e.id}`)}>{e.name}</a>;
  return <span>{e.name}</span>;
}

/** The chain drawn as a path of boxes: item value → matched entity → … → listed subject → measure. */
function EvidencePath({ f }: { f: StoredFinding }) {
  const { finding } = f;
  const nodes: { kind: string; body: React.ReactNode; edge?: string }[] = [
    { kind: 'item', body: <><small>{finding.match.field}</small><b>{finding.match.value}</b></> },
    { kind: 'entity', edge: `${finding.match.method} match`, body: <><small>{finding.match.entity.kind}</small>{entityLink(finding.match.entity)}</> },
  ];
  for (const step of finding.path) {
    const detail = [step.share !== undefined ? `${step.share}%` : '', step.since ? `since ${step.since}` : '', step.until ? `until ${step.until}` : ''].filter(Boolean).join(', ');
    nodes.push({ kind: step.to.id === finding.subject.id ? 'listed' : 'entity', edge: `${step.relation}${detail ? ` (${detail})` : ''}`, body: <><small>{step.to.kind}</small>{entityLink(step.to)}</> });
  }
  if (finding.path.length === 0 && finding.subject.id !== finding.match.entity.id) {
    nodes.push({ kind: 'listed', edge: finding.kinship, body: <><small>{finding.subject.kind}</small>{entityLink(finding.subject)}</> });
  }
  const last = nodes[nodes.length - 1];
  if (last && finding.subject.id === (finding.path.at(-1)?.to.id ?? finding.match.entity.id)) last.kind = 'listed';
  nodes.push({ kind: 'measure', edge: `listed from ${finding.listing.from}${finding.listing.to ? ` to ${finding.listing.to}` : ''}`, body: <><small>{finding.measure.jurisdiction} measure</small><a href={href(`measures/${finding.measure.id}`)}>{finding.measure.short}</a></> });
  return (
    <ol className="evidence-path" aria-label="evidence chain">
      {nodes.map((n, i) => (
        <li key={i} className={`node ${n.kind}`}>
          {n.edge && <span className="edge">{n.edge}</span>}
          <div className="box">{n.body}</div>
        </li>
      ))}
    </ol>
  );
}

function DispositionForm({ f, onSaved }: { f: StoredFinding; onSaved(f: StoredFinding): void }) {
  // No decision is preselected: the analyst chooses one.
  const [state, setState] = useState<Disposition['state'] | undefined>(f.disposition?.state);
  const [reason, setReason] = useState(f.disposition?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!state) return setError('choose a decision');
    try {
      setError(null);
      onSaved(await api<StoredFinding>(`/api/findings/${f.id}/disposition`, { method: 'PUT', body: JSON.stringify({ state, reason }) }));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const reopen = async () => {
    try {
      onSaved(await api<StoredFinding>(`/api/findings/${f.id}/disposition`, { method: 'DELETE' }));
      setReason('');
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={save} className="disposition">
      {f.disposition && (
        <p data-testid="disposition-status">
          <Badge kind="disposition" value={f.disposition.reopened ? 'reopened' : f.disposition.state} /> {DISPOSITION_LABELS[f.disposition.state]} by {f.disposition.decidedBy} on {f.disposition.decidedAt.slice(0, 10)}: “{f.disposition.reason}”
          {f.disposition.reopened && <strong> — re-opened: the knowledge-base facts it relied on have changed since.</strong>}
        </p>
      )}
      <fieldset>
        <legend>Decision</legend>
        {(['false-positive', 'accepted-risk', 'remediated'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="state" value={s} checked={state === s} onChange={() => setState(s)} /> {DISPOSITION_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <textarea value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Reason (required)" aria-label="reason" rows={3} required minLength={3} />
      <div>
        <button type="submit" disabled={!state}>Save decision</button> {f.disposition && <button type="button" onClick={reopen}>Re-open</button>}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

export function FindingDetail({ id }: { id: number }) {
  const loaded = useApi<StoredFinding>(`/api/findings/${id}`);
  const [saved, setSaved] = useState<StoredFinding | null>(null);
  const f = saved?.id === id ? saved : loaded.data;
  if (!f) return <Loading error={loaded.error} loading />;
  const { finding } = f;
  return (
    <>
      <Panel
        title={
          <>
            {f.item.label} <span className="muted">— {finding.measure.short}</span>
          </>
        }
        actions={<a href={href(`scans/${f.scanId}/findings`)}>← Findings</a>}
      >
        <p>
          <Badge kind="state" value={finding.state} /> <Badge kind="severity" value={finding.severity} /> confidence {finding.confidence.toFixed(2)} · {f.item.origin.file} line {f.item.origin.line}
          {f.item.origin.sheet ? ` (sheet ${f.item.origin.sheet})` : ''}
        </p>
        <EvidencePath f={f} />
        <dl className="facts">
          <dt>Measure</dt>
          <dd>{finding.measure.title}</dd>
          <dt>Listed as</dt>
          <dd>
            {finding.listing.nameAsListed}
            {finding.listing.scope ? ` (${finding.listing.scope})` : ''}
          </dd>
          <dt>Status</dt>
          <dd>
            {finding.status.status} on {finding.status.date}: {finding.status.note}
            {finding.status.next && ` Next: ${finding.status.next.status} on ${finding.status.next.date}.`}
          </dd>
          <dt>Obliges</dt>
          <dd>{finding.obligation}</dd>
          {finding.scope && (
            <>
              <dt>Scope</dt>
              <dd>{finding.scope}</dd>
            </>
          )}
          {finding.exceptions && (
            <>
              <dt>Exceptions</dt>
              <dd>{finding.exceptions.join('; ')}</dd>
            </>
          )}
          <dt>Citations</dt>
          <dd>
            {finding.citations.map((c, i) => (
              <div key={i}>{c.url ? <a href={c.url} target="_blank" rel="noreferrer noopener">{c.text}</a> : c.text}</div>
            ))}
          </dd>
          {finding.unverified && (
            <>
              <dt>Unverified</dt>
              <dd className="warn">{finding.unverified.join('; ')}</dd>
            </>
          )}
          {f.item.warnings && (
            <>
              <dt>Warnings</dt>
              <dd>{f.item.warnings.map((w) => `${w.field} ${w.value}: ${w.message}`).join('; ')}</dd>
            </>
          )}
        </dl>
        <details>
          <summary>Evidence</summary>
          <pre>{JSON.stringify(finding.evidence, null, 2)}</pre>
        </details>
      </Panel>
      <Panel title="Disposition">
        <DispositionForm f={f} onSaved={setSaved} />
      </Panel>
    </>
  );
}
