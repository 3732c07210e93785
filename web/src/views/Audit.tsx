/** The audit log, newest first, and a check of its hash chain (admin). */
import { useState } from 'react';
import { api } from '../api';
import { useApi } from '../hooks';
import { Loading, Panel } from '../components/ui';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
  hash: string;
}

interface Verification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  problems: { seq: number; problem: string }[];
}

export function Audit() {
  const log = useApi<{ total: number; entries: Entry[] }>('/api/audit?limit=200');
  const [check, setCheck] = useState<Verification | string | null>(null);
  const verify = () => api<Verification>('/api/audit/verify').then(setCheck, (e: Error) => setCheck(e.message));
  return (
    <Panel title={`Audit log${log.data ? ` (${log.data.total} entries)` : ''}`} actions={<button onClick={verify}>Verify the chain</button>}>
      {typeof check === 'string' && <p className="error">{check}</p>}
      {check && typeof check !== 'string' && (
        <p className={check.ok ? 'ok' : 'error'} role="status">
          {check.ok ? `Intact: ${check.entries} entries, head ${check.head.hash.slice(0, 16)}…` : `Broken: ${check.problems.map((p) => `entry ${p.seq}: ${p.problem}`).join('; ')}`}
        </p>
      )}
      <Loading error={log.error} loading={!log.data} />
      <div className="scroll">
        <table className="grid audit">
          <thead>
            <tr>
              <th>#</th>
              <th>Time</th>
              <th>Actor</th>
              <th>Action</th>
              <th>Subject</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {log.data?.entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td title={e.subject}>{e.subject.length > 16 ? `${e.subject.slice(0, 16)}…` : e.subject}</td>
                <td>
                  <Details details={e.details} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

/** An entry's details as labelled lines; nested values as compact JSON, wrapped. */
function Details({ details }: { details: Record<string, unknown> }) {
  return (
    <dl className="kv">
      {Object.entries(details).map(([key, value]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
