/** Every decision taken on a finding, newest first. */
import { useApi } from '../hooks';
import { Badge, Loading, Panel } from '../components/ui';

interface DispositionRow {
  findingKey: string;
  state: string;
  reason: string;
  measureId: string;
  subjectId: string;
  label: string;
  decidedBy: string;
  decidedAt: string;
}

export function Dispositions() {
  const d = useApi<{ total: number; dispositions: DispositionRow[] }>('/api/dispositions?limit=500');
  return (
    <Panel title={`Dispositions${d.data ? ` (${d.data.total})` : ''}`}>
      <Loading error={d.error} loading={!d.data} />
      <p className="muted">A decision applies to the same item, measure and listed company in every later scan, until the knowledge-base facts it relied on change.</p>
      <div className="scroll">
        <table className="grid">
          <thead>
            <tr>
              <th>Item</th>
              <th>Measure</th>
              <th>Listed subject</th>
              <th>Decision</th>
              <th>Reason</th>
              <th>By</th>
              <th>On</th>
            </tr>
          </thead>
          <tbody>
            {d.data?.dispositions.map((x) => (
              <tr key={x.findingKey}>
                <td>{x.label}</td>
                <td>{x.measureId}</td>
                <td>{x.subjectId}</td>
                <td>
                  <Badge kind="disposition" value={x.state} />
                </td>
                <td>{x.reason}</td>
                <td>{x.decidedBy}</td>
                <td>{x.decidedAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
