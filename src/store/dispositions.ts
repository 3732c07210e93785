/**
 * Dispositions: an analyst's decision on a finding (false positive, accepted risk, remediated) with
 * a reason. They attach to the finding's key — the same item values, measure and listed subject —
 * so they carry over to every later scan of the same inventory, and record the basis (the KB facts)
 * they were made on; when a later finding rests on other facts the disposition shows as re-opened.
 */
import type { Store } from './db.js';
import type { DispositionsTable } from './schema.js';
import type { DispositionState } from '../model/scan.js';

/** One decision in a finding's history: a state set with its reason, or `cleared` when re-opened by hand. */
export interface DispositionEvent {
  state: DispositionState | 'cleared';
  reason: string;
  decidedBy: string;
  decidedAt: string;
  findingId?: number;
  scanId?: string;
}

/** The finding a decision was made on, for the history. */
export interface DecidedOn {
  findingId: number;
  scanId: string;
}

export const DISPOSITION_STATES: readonly DispositionState[] = ['false-positive', 'accepted-risk', 'remediated'];

export interface Disposition {
  findingKey: string;
  state: DispositionState;
  reason: string;
  basisHash: string;
  measureId: string;
  subjectId: string;
  label: string;
  decidedBy: string;
  decidedAt: string;
}

export class DispositionStore {
  constructor(private readonly store: Store) {}

  /** Sets the disposition and adds it to the finding's history, in one transaction. */
  async set(d: Omit<Disposition, 'decidedAt'>, on?: DecidedOn): Promise<Disposition> {
    const row: DispositionsTable = {
      finding_key: d.findingKey,
      state: d.state,
      reason: d.reason,
      basis_hash: d.basisHash,
      measure_id: d.measureId,
      subject_id: d.subjectId,
      label: d.label,
      decided_by: d.decidedBy,
      decided_at: new Date().toISOString(),
    };
    const { finding_key: _key, ...update } = row;
    await this.store.db.transaction().execute(async (tx) => {
      await tx.insertInto('dispositions').values(row).onConflict((oc) => oc.column('finding_key').doUpdateSet(update)).execute();
      await tx
        .insertInto('disposition_history')
        .values({ finding_key: row.finding_key, state: row.state, reason: row.reason, basis_hash: row.basis_hash, finding_id: on?.findingId ?? null, scan_id: on?.scanId ?? null, decided_by: row.decided_by, decided_at: row.decided_at })
        .execute();
    });
    return toDisposition(row);
  }

  /** Removes the disposition (the finding is open again); the history keeps the decision and notes the clearing. */
  async remove(key: string, by?: { actor: string; on?: DecidedOn }): Promise<boolean> {
    return this.store.db.transaction().execute(async (tx) => {
      const previous = await tx.selectFrom('dispositions').selectAll().where('finding_key', '=', key).executeTakeFirst();
      if (!previous) return false;
      await tx.deleteFrom('dispositions').where('finding_key', '=', key).execute();
      await tx
        .insertInto('disposition_history')
        .values({ finding_key: key, state: 'cleared', reason: `re-opened (was ${previous.state})`, basis_hash: previous.basis_hash, finding_id: by?.on?.findingId ?? null, scan_id: by?.on?.scanId ?? null, decided_by: by?.actor ?? 'unknown', decided_at: new Date().toISOString() })
        .execute();
      return true;
    });
  }

  /** Each key's decisions, oldest first. */
  async history(keys: string[]): Promise<Map<string, DispositionEvent[]>> {
    const out = new Map<string, DispositionEvent[]>();
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await this.store.db.selectFrom('disposition_history').selectAll().where('finding_key', 'in', keys.slice(i, i + 500)).orderBy('id').execute();
      for (const r of rows) {
        const event: DispositionEvent = { state: r.state, reason: r.reason, decidedBy: r.decided_by, decidedAt: r.decided_at, ...(r.finding_id !== null ? { findingId: Number(r.finding_id) } : {}), ...(r.scan_id ? { scanId: r.scan_id } : {}) };
        out.set(r.finding_key, [...(out.get(r.finding_key) ?? []), event]);
      }
    }
    return out;
  }

  async list(options: { limit: number; offset: number; state?: DispositionState }): Promise<{ total: number; dispositions: Disposition[] }> {
    let q = this.store.db.selectFrom('dispositions');
    if (options.state) q = q.where('state', '=', options.state);
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q.selectAll().orderBy('decided_at', 'desc').limit(options.limit).offset(options.offset).execute();
    return { total: Number(total?.n ?? 0), dispositions: rows.map(toDisposition) };
  }
}

function toDisposition(row: DispositionsTable): Disposition {
  return {
    findingKey: row.finding_key,
    state: row.state,
    reason: row.reason,
    basisHash: row.basis_hash,
    measureId: row.measure_id,
    subjectId: row.subject_id,
    label: row.label,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}
