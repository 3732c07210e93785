/**
 * Who may write a scan's rows. Each time a worker takes a scan up — the first time, or after the
 * worker before it died — it raises the scan's attempt number and clears whatever the earlier
 * attempt had written, in one transaction. Every later write of that worker (a batch of rows, the
 * completion) first checks, in its own transaction, that its attempt is still the current one; if
 * another worker has taken over, the write is rolled back and the worker stops. On PostgreSQL the
 * check is an UPDATE of the scan's run row, so it waits for and then sees a concurrent take-over:
 * a scan's rows are those of exactly one attempt, none lost, none doubled.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Store } from './db.js';
import type { Tables } from './schema.js';

export interface ScanRunsTable {
  scan_id: string;
  attempt: number;
  owner: string;
  started_at: string;
  heartbeat_at: string;
}

export interface ScanFilesTable {
  scan_id: string;
  seq: number;
  data: Buffer;
}

export type RunTables = Tables & { scan_runs: ScanRunsTable; scan_files: ScanFilesTable };

/** The attempt that wrote was superseded by a later one; its writes were rolled back. */
export class LeaseLost extends Error {
  override name = 'LeaseLost';
}

export const FILE_CHUNK = 1024 * 1024;

export class ScanRunStore {
  private readonly db: Kysely<RunTables>;

  constructor(private readonly store: Store) {
    this.db = store.db as unknown as Kysely<RunTables>;
  }

  /**
   * Takes a queued or running scan up for `owner`: a new attempt number, the scan's partial rows
   * removed and its status running. Undefined when the scan is already complete, failed or gone.
   */
  async claim(scanId: string, owner: string): Promise<number | undefined> {
    return this.db.transaction().execute(async (tx) => {
      const now = new Date().toISOString();
      // The row exists before it is locked, so that two workers taking the scan up at once queue on it.
      await tx.insertInto('scan_runs').values({ scan_id: scanId, attempt: 0, owner, started_at: now, heartbeat_at: now }).onConflict((oc) => oc.column('scan_id').doNothing()).execute();
      let runQuery = tx.selectFrom('scan_runs').select('attempt').where('scan_id', '=', scanId);
      // FOR UPDATE serialises two workers taking the same scan up (PostgreSQL); SQLite has one writer.
      if (this.store.dialect === 'postgres') runQuery = runQuery.forUpdate();
      const run = await runQuery.executeTakeFirst();
      const scan = await tx.selectFrom('scans').select('status').where('id', '=', scanId).executeTakeFirst();
      if (!scan || (scan.status !== 'queued' && scan.status !== 'running')) return undefined;
      const attempt = Number(run?.attempt ?? 0) + 1;
      await tx.updateTable('scan_runs').set({ attempt, owner, started_at: now, heartbeat_at: now }).where('scan_id', '=', scanId).execute();
      await tx.deleteFrom('findings').where('scan_id', '=', scanId).execute();
      await tx.deleteFrom('scan_items').where('scan_id', '=', scanId).execute();
      await tx.updateTable('scans').set({ status: 'running', rows_done: 0 }).where('id', '=', scanId).execute();
      return attempt;
    });
  }

  /** Inside a write's transaction: throws LeaseLost (rolling the write back) unless `attempt` is still current. */
  async fence(tx: Transaction<Tables>, scanId: string, attempt: number): Promise<void> {
    const r = await (tx as unknown as Transaction<RunTables>)
      .updateTable('scan_runs')
      .set({ heartbeat_at: new Date().toISOString() })
      .where('scan_id', '=', scanId)
      .where('attempt', '=', attempt)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new LeaseLost(`scan ${scanId}: attempt ${attempt} was taken over by another worker`);
  }

  async attempt(scanId: string): Promise<{ attempt: number; owner: string } | undefined> {
    const row = await this.db.selectFrom('scan_runs').select(['attempt', 'owner']).where('scan_id', '=', scanId).executeTakeFirst();
    return row ? { attempt: Number(row.attempt), owner: row.owner } : undefined;
  }

  /** Keeps an uploaded file in the database (chunks of up to 1 MiB), for workers on other machines. */
  async saveFile(scanId: string, chunks: AsyncIterable<Buffer>): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('scan_files').where('scan_id', '=', scanId).execute();
      let seq = 0;
      for await (const data of chunks) await tx.insertInto('scan_files').values({ scan_id: scanId, seq: seq++, data }).execute();
    });
  }

  /** The chunks of a kept file in order; none when the file was not kept. */
  async *fileChunks(scanId: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const row = await this.db.selectFrom('scan_files').select('data').where('scan_id', '=', scanId).where('seq', '=', seq).executeTakeFirst();
      if (!row) return;
      yield Buffer.from(row.data);
    }
  }

  async hasFile(scanId: string): Promise<boolean> {
    return Boolean(await this.db.selectFrom('scan_files').select('seq').where('scan_id', '=', scanId).where('seq', '=', 0).executeTakeFirst());
  }

  async deleteFile(scanId: string): Promise<void> {
    await this.db.deleteFrom('scan_files').where('scan_id', '=', scanId).execute();
  }
}
