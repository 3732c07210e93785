/**
 * Inventories kept on the server: each with its current version and what changed (new, changed,
 * resolved findings) since the version before, its history, and the notifications sent about it
 * with their delivery state.
 */
import type { DeliveryInfo, FindingChange, InventoryInfo, InventoryVersionInfo } from '../../../src/inventory/model';
import { useApi } from '../hooks';
import { href } from '../router';
import { Badge, Loading, Panel } from '../components/ui';

const DELIVERY_COLOURS: Record<DeliveryInfo['state'], string> = { pending: '#64748b', retrying: '#d97706', delivered: '#15803d', failed: '#b91c1c' };

function counts(v?: InventoryVersionInfo) {
  if (!v) return <span className="muted">no version yet</span>;
  if (!v.changes) return <span className="muted">{v.status === 'failed' ? 'failed' : 'screening…'}</span>;
  return (
    <span>
      {v.changes.new} new · {v.changes.changed} changed · {v.changes.resolved} resolved
    </span>
  );
}

const REASONS: Record<InventoryVersionInfo['reason'], string> = { upload: 'upload', schedule: 're-read from its source', 'kb-update': 'knowledge-base update' };

function Deliveries() {
  const d = useApi<{ total: number; deliveries: DeliveryInfo[] }>('/api/notifications/deliveries?limit=50');
  return (
    <Panel title={`Notifications${d.data ? ` (${d.data.total})` : ''}`} actions={<button onClick={d.reload}>Refresh</button>}>
      <Loading error={d.error} loading={!d.data} />
      <table className="grid">
        <thead>
          <tr>
            <th>About</th>
            <th>Channel</th>
            <th>State</th>
            <th>Attempts</th>
            <th>Next attempt / delivered</th>
            <th>Last error</th>
          </tr>
        </thead>
        <tbody>
          {d.data?.deliveries.map((x) => (
            <tr key={x.id}>
              <td>{x.subject}</td>
              <td>{x.channel ?? '(rule deleted)'}</td>
              <td style={{ color: DELIVERY_COLOURS[x.state], fontWeight: 600 }}>{x.state}</td>
              <td>{x.attempts}</td>
              <td>{(x.deliveredAt ?? x.nextAttemptAt ?? '').slice(0, 19).replace('T', ' ')}</td>
              <td className="muted">{x.lastError ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function InventoryDetail({ name }: { name: string }) {
  const path = encodeURIComponent(name);
  const versions = useApi<{ versions: InventoryVersionInfo[] }>(`/api/inventories/${path}/versions`);
  const changes = useApi<{ version: InventoryVersionInfo; total: number; changes: FindingChange[] }>(`/api/inventories/${path}/changes?limit=500`);
  return (
    <>
      <Panel title={`${name}: what changed in the current version`}>
        <Loading error={changes.error} loading={!changes.data && !changes.error} />
        {changes.data && (
          <p>
            Version {changes.data.version.seq} ({REASONS[changes.data.version.reason]}): {counts(changes.data.version)} —{' '}
            <a href={href(`scans/${changes.data.version.scanId}/findings`)}>all current findings</a>
          </p>
        )}
        <table className="grid">
          <thead>
            <tr>
              <th>Change</th>
              <th>Item</th>
              <th>Measure</th>
              <th>Listed subject</th>
              <th>State</th>
              <th>Severity</th>
              <th>Before</th>
            </tr>
          </thead>
          <tbody>
            {changes.data?.changes.map((c) => (
              <tr key={`${c.kind}-${c.key}`}>
                <td>
                  <strong>{c.kind}</strong>
                </td>
                <td>{c.label}</td>
                <td>
                  <a href={href(`measures/${c.measure}`)}>{c.measure}</a>
                </td>
                <td>{c.subject}</td>
                <td>
                  <Badge kind="state" value={c.state} />
                </td>
                <td>
                  <Badge kind="severity" value={c.severity} />
                </td>
                <td className="muted">{c.before ? `${c.before.state}, ${c.before.severity}${c.before.state === c.state && c.before.severity === c.severity ? ' (facts changed)' : ''}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title="History">
        <Loading error={versions.error} loading={!versions.data} />
        <table className="grid">
          <thead>
            <tr>
              <th>Version</th>
              <th>When</th>
              <th>Why</th>
              <th>Changes</th>
              <th>Scan</th>
            </tr>
          </thead>
          <tbody>
            {versions.data?.versions.map((v) => (
              <tr key={v.id}>
                <td>{v.seq}</td>
                <td>{v.createdAt.slice(0, 19).replace('T', ' ')}</td>
                <td>{REASONS[v.reason]}</td>
                <td>{counts(v)}</td>
                <td>
                  <a href={href(`scans/${v.scanId}`)}>{v.status}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </>
  );
}

export function Inventories({ name }: { name?: string | undefined }) {
  const list = useApi<{ inventories: InventoryInfo[] }>('/api/inventories');
  return (
    <>
      <Panel title="Inventories" actions={<button onClick={list.reload}>Refresh</button>}>
        <Loading error={list.error} loading={!list.data} />
        <p className="muted">Each upload (or re-read of a source, or new knowledge base) is a version, screened and compared with the one before. Push one with `covered inventory push NAME FILE`.</p>
        <table className="grid">
          <thead>
            <tr>
              <th>Inventory</th>
              <th>Current version</th>
              <th>Changes</th>
              <th>Source</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.inventories.map((i) => (
              <tr key={i.id}>
                <td>
                  <a href={href(`inventories/${encodeURIComponent(i.name)}`)}>{i.name}</a>
                </td>
                <td>{i.current ? `v${i.current.seq}, ${i.current.createdAt.slice(0, 10)}` : ''}</td>
                <td>{counts(i.latest)}</td>
                <td className="muted">{i.source ? `${i.source} (every ${i.refreshMinutes} min)` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      {name && <InventoryDetail name={name} />}
      <Deliveries />
    </>
  );
}
