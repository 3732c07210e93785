/**
 * The append-only audit log. Each entry's hash covers its content and the previous entry's hash,
 * and the newest (seq, hash) is also kept in `audit_head`, so editing, deleting or reordering any
 * entry — including the last ones — breaks the chain and `verify()` names the entry.
 */
import { createHash } from 'node:crypto';
import type { Store } from './db.js';
import { AUDIT_GENESIS } from './migrations/0001-core.js';
import type { AuditLogTable } from './schema.js';

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
  hash: string;
}

export interface AuditProblem {
  seq: number;
  problem: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string };
  problems: AuditProblem[];
}

function entryHash(prevHash: string, e: Pick<AuditLogTable, 'seq' | 'at' | 'actor' | 'action' | 'subject' | 'details_json'>): string {
  const content = JSON.stringify([e.seq, e.at, e.actor, e.action, e.subject, e.details_json]);
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export class AuditLog {
  constructor(private readonly store: Store) {}

  async append(actor: string, action: string, subject: string, details: Record<string, unknown> = {}): Promise<AuditEntry> {
    return this.store.db.transaction().execute(async (tx) => {
      // FOR UPDATE serialises appends from several connections (PostgreSQL); SQLite has one writer.
      let headQuery = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
      if (this.store.dialect === 'postgres') headQuery = headQuery.forUpdate();
      const head = (await headQuery.executeTakeFirst()) ?? { seq: 0, hash: AUDIT_GENESIS };
      const row = {
        seq: Number(head.seq) + 1,
        at: new Date().toISOString(),
        actor,
        action,
        subject,
        details_json: JSON.stringify(details),
        prev_hash: head.hash,
        hash: '',
      };
      row.hash = entryHash(head.hash, row);
      await tx.insertInto('audit_log').values(row).execute();
      await tx.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
      return toEntry(row);
    });
  }

  async list(options: { limit: number; offset: number; action?: string }): Promise<{ total: number; entries: AuditEntry[] }> {
    let q = this.store.db.selectFrom('audit_log');
    if (options.action) q = q.where('action', '=', options.action);
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q.selectAll().orderBy('seq', 'desc').limit(options.limit).offset(options.offset).execute();
    return { total: Number(total?.n ?? 0), entries: rows.map(toEntry) };
  }

  /** Whether an entry with this hash is in the log: a head noted earlier must still be there. */
  async contains(hash: string): Promise<boolean> {
    return Boolean(await this.store.db.selectFrom('audit_log').select('seq').where('hash', '=', hash).executeTakeFirst());
  }

  async verify(): Promise<AuditVerification> {
    const problems: AuditProblem[] = [];
    const head = (await this.store.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst()) ?? { seq: -1, hash: '' };
    let expectedSeq = 1;
    let prevHash = AUDIT_GENESIS;
    let entries = 0;
    const pageSize = 5000;
    for (let after = 0; ; ) {
      const rows = await this.store.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
      for (const row of rows) {
        const seq = Number(row.seq);
        entries++;
        if (seq !== expectedSeq) problems.push({ seq, problem: `entries ${expectedSeq}–${seq - 1} are missing (deleted)` });
        if (row.prev_hash !== prevHash) problems.push({ seq, problem: 'does not chain from the entry before it (an earlier entry was deleted or changed)' });
        if (entryHash(row.prev_hash, { ...row, seq }) !== row.hash) problems.push({ seq, problem: 'content does not match its hash (the entry was edited)' });
        expectedSeq = seq + 1;
        prevHash = row.hash;
        after = seq;
      }
      if (rows.length < pageSize) break;
    }
    const headSeq = Number(head.seq);
    if (headSeq !== expectedSeq - 1 || head.hash !== prevHash) {
      problems.push({
        seq: headSeq,
        problem: headSeq > expectedSeq - 1 ? `the log ends at entry ${expectedSeq - 1} but ${headSeq} were written (the last entries were deleted)` : 'the recorded head does not match the last entry',
      });
    }
    return { ok: problems.length === 0, entries, head: { seq: headSeq, hash: head.hash }, problems };
  }
}

function toEntry(row: AuditLogTable): AuditEntry {
  return { seq: Number(row.seq), at: row.at, actor: row.actor, action: row.action, subject: row.subject, details: JSON.parse(row.details_json) as Record<string, unknown>, hash: row.hash };
}
