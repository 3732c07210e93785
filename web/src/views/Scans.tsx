/** Upload a file as a scan (with upload and screening progress) and the list of scans. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, upload, type Scan } from '../api';
import { useAsOf } from '../asof';
import { useApi } from '../hooks';
import { go, href } from '../router';
import { Loading, Panel, ProgressBar } from '../components/ui';

export function UploadForm({ onDone }: { onDone?: (scan: Scan) => void }) {
  const { asOf } = useAsOf();
  const profiles = useApi<{ profiles: { id: string; title: string }[] }>('/api/profiles');
  const [file, setFile] = useState<File | null>(null);
  const [profile, setProfile] = useState('all');
  const [sent, setSent] = useState<number | null>(null);
  const [scan, setScan] = useState<Scan | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The parent's callback is read through a ref: a parent that re-renders (its list reloading)
  // passes a new function, and an effect depending on it would report the same scan again and again.
  const onDoneRef = useRef(onDone);
  onDoneRef.current = onDone;
  useEffect(() => {
    if (!scan || scan.status === 'failed') return;
    if (scan.status === 'complete') {
      onDoneRef.current?.(scan);
      return;
    }
    const timer = setTimeout(() => api<Scan>(`/api/scans/${scan.id}`).then(setScan, (e: Error) => setError(e.message)), 400);
    return () => clearTimeout(timer);
  }, [scan]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setScan(null);
    const form = new FormData();
    form.set('asOf', asOf);
    form.set('profile', profile);
    form.set('file', file, file.name);
    try {
      setSent(0);
      setScan(await upload(form, setSent));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSent(null);
    }
  };

  return (
    <form onSubmit={submit} className="upload">
      {/* No accept filter: the server recognises the format by content, as the command line does (logs, leases, SBOMs, XML, any extension). */}
      <input type="file" aria-label="inventory file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <label>
        Profile{' '}
        <select value={profile} onChange={(e) => setProfile(e.target.value)}>
          {(profiles.data?.profiles ?? [{ id: 'all', title: 'all' }]).map((p) => (
            <option key={p.id} value={p.id} title={p.title}>
              {p.id}
            </option>
          ))}
        </select>
      </label>
      <span className="muted">as of {asOf}</span>
      <button type="submit" disabled={!file || sent !== null}>
        Screen file
      </button>
      {sent !== null && <ProgressBar fraction={sent} label={`uploading ${Math.round(sent * 100)}%`} />}
      {scan && scan.status !== 'complete' && scan.status !== 'failed' && <ProgressBar fraction={scan.progress.fraction} label={`screening: ${scan.progress.rowsDone} of ~${scan.progress.rowsExpected || '?'} rows`} />}
      {scan?.status === 'complete' && (
        <p className="ok" data-testid="scan-complete">
          Screened {scan.summary?.rowsRead} {scan.summary?.rowsRead === 1 ? 'row' : 'rows'}: {scan.summary?.findings} {scan.summary?.findings === 1 ? 'finding' : 'findings'}. <a href={href(`scans/${scan.id}/findings`)}>See the findings</a>
        </p>
      )}
      {scan?.status === 'failed' && <p className="error" role="alert">{scan.error}</p>}
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

export function Scans() {
  const scans = useApi<{ total: number; scans: Scan[] }>('/api/scans?limit=100');
  return (
    <>
      <Panel title="Screen an inventory">
        <UploadForm onDone={() => scans.reload()} />
        <p className="muted">
          Tables (CSV, TSV, whitespace-separated text, JSON, JSON Lines, XLSX), SBOMs (CycloneDX JSON/XML, SPDX JSON/tag-value), nmap XML, ARP and neighbour tables, DHCP leases, DNS/TLS/proxy logs (Zeek, BIND, dnsmasq, Squid) and adb package lists, also gzipped. Columns are recognised by header and content: supplier/vendor name, MAC, host, app id, purl, ISIN, model, category, and the asset's tag, hostname, IP, owner, site, serial number and cost centre.
        </p>
      </Panel>
      <Panel title="Scans">
        <Loading error={scans.error} loading={scans.loading && !scans.data} />
        <div className="scroll">
          <table className="grid">
            <thead>
              <tr>
                <th>Started</th>
                <th>File</th>
                <th>As of</th>
                <th>Profile</th>
                <th>Status</th>
                <th>Rows</th>
                <th>Findings</th>
              </tr>
            </thead>
            <tbody>
              {scans.data?.scans.map((s) => (
                <tr key={s.id} className="clickable" onClick={() => s.status === 'complete' && go(`scans/${s.id}`)}>
                  <td>{s.createdAt.replace('T', ' ').slice(0, 19)}</td>
                  <td>{s.fileName}</td>
                  <td>{s.asOf}</td>
                  <td>{s.profile}</td>
                  <td title={s.error}>{s.status}{s.status === 'running' ? ` ${Math.round(s.progress.fraction * 100)}%` : ''}</td>
                  <td>{s.summary?.rowsRead ?? s.progress.rowsDone}</td>
                  <td>{s.summary?.findings ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Panel>
    </>
  );
}
