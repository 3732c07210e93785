import type { ReactNode } from 'react';

export const SEVERITY_COLOURS: Record<string, string> = { critical: '#7f1d1d', high: '#c2410c', medium: '#ca8a04', low: '#2563eb', info: '#64748b' };
export const STATE_COLOURS: Record<string, string> = { 'in-force': '#b91c1c', pending: '#d97706', watch: '#2563eb', historical: '#64748b', unconfirmed: '#a16207', 'not yet': '#cbd5e1' };
export const DISPOSITION_LABELS: Record<string, string> = { open: 'Open', reopened: 'Re-opened', 'false-positive': 'False positive', 'accepted-risk': 'Accepted risk', remediated: 'Remediated', closed: 'Closed' };

export function Badge({ kind, value }: { kind: 'severity' | 'state' | 'disposition'; value: string }) {
  const colour = kind === 'severity' ? SEVERITY_COLOURS[value] : kind === 'state' ? STATE_COLOURS[value] : value === 'open' || value === 'reopened' ? '#b91c1c' : '#15803d';
  return (
    <span className="badge" style={{ background: colour ?? '#64748b' }} data-badge={kind}>
      {kind === 'disposition' ? (DISPOSITION_LABELS[value] ?? value) : value}
    </span>
  );
}

export function Panel({ title, children, actions }: { title: ReactNode; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="panel">
      <header>
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function Loading({ error, loading }: { error?: string | undefined; loading?: boolean }) {
  if (error) return <p className="error" role="alert">{error}</p>;
  if (loading) return <p className="muted">Loading…</p>;
  return null;
}

export function ProgressBar({ fraction, label }: { fraction: number; label: string }) {
  return (
    <div className="progress" role="progressbar" aria-valuenow={Math.round(fraction * 100)} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
      <div style={{ width: `${Math.round(fraction * 100)}%` }} />
      <span>{label}</span>
    </div>
  );
}
