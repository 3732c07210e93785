/**
 * Dispositions: an analyst's decision on a finding (false positive, accepted risk, remediated) with
 * a reason. They attach to the finding's key — the same item values, measure and listed subject —
 * so they carry over to every later scan of the same inventory, and record the basis (the KB facts)
 * they were made on; when a later finding rests on other facts the disposition shows as re-opened.
 */
import type { Store } from './db.js';
import type { DispositionState, DispositionsTable } from './schema.js';

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

  async set(d: Omit<Disposition, 'decidedAt'>): Promise<Disposition> {
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
    await this.store.db.insertInto('dispositions').values(row).onConflict((oc) => oc.column('finding_key').doUpdateSet(update)).execute();
    return toDisposition(row);
  }

  async remove(key: string): Promise<boolean> {
    const r = await this.store.db.deleteFrom('dispositions').where('finding_key', '=', key).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
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
