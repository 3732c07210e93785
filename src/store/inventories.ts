/**
 * Inventories and their versions. A version is a scan of the inventory's file; once the scan is
 * complete, the findings that changed since the version before are recorded together with the
 * notifications they cause (the outbox rows), in one transaction.
 */
import type { Kysely } from 'kysely';
import type { FindingDigest } from '../inventory/changes.js';
import type { ChangeCounts, FindingChange, InventoryInfo, InventoryVersionInfo, VersionReason } from '../inventory/model.js';
import type { Store } from './db.js';
import type { NotificationTables, OutboxTable } from './notifications.js';
import type { Tables } from './schema.js';

export interface InventoriesTable {
  id: string;
  name: string;
  source: string | null;
  refresh_minutes: number | null;
  profile: string;
  include_historical: number;
  created_by: string;
  created_at: string;
  refreshed_at: string | null;
}

export interface InventoryVersionsTable {
  id: string;
  inventory_id: string;
  seq: number;
  scan_id: string;
  reason: VersionReason;
  file_sha256: string;
  kb_hash: string;
  created_by: string;
  created_at: string;
  compared_to: string | null;
  changes_json: string | null;
}

export interface InventoryChangesTable {
  id: number;
  version_id: string;
  kind: FindingChange['kind'];
  finding_key: string;
  measure_id: string;
  subject_id: string;
  severity: string;
  state: string;
  label: string;
  detail_json: string;
}

export type InventoryTables = Tables &
  NotificationTables & { inventories: InventoriesTable; inventory_versions: InventoryVersionsTable; inventory_changes: Omit<InventoryChangesTable, 'id'> & { id?: number } };

export class InventoryStore {
  private readonly db: Kysely<InventoryTables>;

  constructor(store: Store) {
    this.db = store.db as unknown as Kysely<InventoryTables>;
  }

  async create(row: InventoriesTable): Promise<void> {
    await this.db.insertInto('inventories').values(row).execute();
  }

  async update(id: string, values: Partial<Pick<InventoriesTable, 'source' | 'refresh_minutes' | 'profile' | 'include_historical' | 'refreshed_at'>>): Promise<void> {
    await this.db.updateTable('inventories').set(values).where('id', '=', id).execute();
  }

  async byName(name: string): Promise<InventoriesTable | undefined> {
    return this.db.selectFrom('inventories').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async byId(id: string): Promise<InventoriesTable | undefined> {
    return this.db.selectFrom('inventories').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async all(): Promise<InventoriesTable[]> {
    return this.db.selectFrom('inventories').selectAll().orderBy('name').execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      const versions = await tx.selectFrom('inventory_versions').select('id').where('inventory_id', '=', id).execute();
      if (versions.length) await tx.deleteFrom('inventory_changes').where('version_id', 'in', versions.map((v) => v.id)).execute();
      await tx.deleteFrom('inventory_versions').where('inventory_id', '=', id).execute();
      await tx.deleteFrom('inventories').where('id', '=', id).execute();
    });
  }

  /** Adds a version with the next number (numbers are unique per inventory; a concurrent add retries). */
  async addVersion(row: Omit<InventoryVersionsTable, 'seq' | 'compared_to' | 'changes_json'>): Promise<number> {
    for (let tries = 0; ; tries++) {
      const last = await this.db.selectFrom('inventory_versions').select((eb) => eb.fn.max('seq').as('seq')).where('inventory_id', '=', row.inventory_id).executeTakeFirst();
      const seq = Number(last?.seq ?? 0) + 1;
      try {
        await this.db.insertInto('inventory_versions').values({ ...row, seq, compared_to: null, changes_json: null }).execute();
        return seq;
      } catch (e) {
        if (tries >= 5) throw e;
      }
    }
  }

  /** Scans of versions that completed but whose changes were not recorded (the process stopped in between). */
  async unrecorded(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('inventory_versions as v')
      .innerJoin('scans as s', 's.id', 'v.scan_id')
      .select('v.scan_id')
      .where('s.status', '=', 'complete')
      .where('v.changes_json', 'is', null)
      .orderBy('v.seq')
      .execute();
    return rows.map((r) => r.scan_id);
  }

  async versionOfScan(scanId: string): Promise<InventoryVersionsTable | undefined> {
    return this.db.selectFrom('inventory_versions').selectAll().where('scan_id', '=', scanId).executeTakeFirst();
  }

  async version(id: string): Promise<InventoryVersionsTable | undefined> {
    return this.db.selectFrom('inventory_versions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Versions newest first, with their scans' status. */
  async versions(inventoryId: string, limit = 100, offset = 0): Promise<InventoryVersionInfo[]> {
    const rows = await this.db
      .selectFrom('inventory_versions as v')
      .innerJoin('scans as s', 's.id', 'v.scan_id')
      .innerJoin('inventories as i', 'i.id', 'v.inventory_id')
      .selectAll('v')
      .select(['s.status', 'i.name'])
      .where('v.inventory_id', '=', inventoryId)
      .orderBy('v.seq', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(toVersionInfo);
  }

  /** The newest version whose scan completed and whose changes are recorded, before `seq`. */
  async previousComplete(inventoryId: string, beforeSeq: number): Promise<InventoryVersionsTable | undefined> {
    return this.db
      .selectFrom('inventory_versions as v')
      .innerJoin('scans as s', 's.id', 'v.scan_id')
      .selectAll('v')
      .where('v.inventory_id', '=', inventoryId)
      .where('v.seq', '<', beforeSeq)
      .where('s.status', '=', 'complete')
      .orderBy('v.seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async info(row: InventoriesTable): Promise<InventoryInfo> {
    const [latest] = await this.versions(row.id, 1);
    const currentRow = await this.db
      .selectFrom('inventory_versions as v')
      .innerJoin('scans as s', 's.id', 'v.scan_id')
      .innerJoin('inventories as i', 'i.id', 'v.inventory_id')
      .selectAll('v')
      .select(['s.status', 'i.name'])
      .where('v.inventory_id', '=', row.id)
      .where('s.status', '=', 'complete')
      .where('v.changes_json', 'is not', null)
      .orderBy('v.seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      id: row.id,
      name: row.name,
      ...(row.source ? { source: row.source } : {}),
      ...(row.refresh_minutes ? { refreshMinutes: Number(row.refresh_minutes) } : {}),
      profile: row.profile,
      includeHistorical: Boolean(Number(row.include_historical)),
      createdBy: row.created_by,
      createdAt: row.created_at,
      ...(row.refreshed_at ? { refreshedAt: row.refreshed_at } : {}),
      ...(latest ? { latest } : {}),
      ...(currentRow ? { current: toVersionInfo(currentRow) } : {}),
    };
  }

  /** The findings of a scan, reduced to what a comparison needs. */
  async *digests(scanId: string): AsyncGenerator<FindingDigest> {
    const page = 5000;
    for (let after = 0; ; ) {
      const rows = await this.db
        .selectFrom('findings')
        .select(['id', 'finding_key', 'basis_hash', 'measure_id', 'subject_id', 'severity', 'state', 'label'])
        .where('scan_id', '=', scanId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(page)
        .execute();
      for (const r of rows) yield { key: r.finding_key, basis: r.basis_hash, measure: r.measure_id, subject: r.subject_id, severity: r.severity, state: r.state, label: r.label };
      if (rows.length < page) return;
      after = Number(rows[rows.length - 1]!.id);
    }
  }

  /**
   * Records a version's changes and the notifications they cause, in one transaction; false (and
   * nothing written) when they were recorded already (a job run twice).
   */
  async recordChanges(versionId: string, comparedTo: string | undefined, changes: FindingChange[], counts: ChangeCounts, outbox: OutboxTable[]): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const marked = await tx
        .updateTable('inventory_versions')
        .set({ compared_to: comparedTo ?? null, changes_json: JSON.stringify(counts) })
        .where('id', '=', versionId)
        .where('changes_json', 'is', null)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) === 0) return false;
      const rows = changes.map((c) => ({
        version_id: versionId,
        kind: c.kind,
        finding_key: c.key,
        measure_id: c.measure,
        subject_id: c.subject,
        severity: c.severity,
        state: c.state,
        label: c.label,
        detail_json: JSON.stringify(c.before ?? {}),
      }));
      for (let i = 0; i < rows.length; i += 200) await tx.insertInto('inventory_changes').values(rows.slice(i, i + 200)).execute();
      for (const row of outbox) await tx.insertInto('notification_outbox').values(row).execute();
      return true;
    });
  }

  async changes(versionId: string, options: { kind?: string[]; limit: number; offset: number }): Promise<{ total: number; changes: FindingChange[] }> {
    let q = this.db.selectFrom('inventory_changes').where('version_id', '=', versionId);
    if (options.kind?.length) q = q.where('kind', 'in', options.kind as FindingChange['kind'][]);
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q.selectAll().orderBy('id').limit(options.limit).offset(options.offset).execute();
    return {
      total: Number(total?.n ?? 0),
      changes: rows.map((r) => {
        const before = JSON.parse(r.detail_json) as Partial<NonNullable<FindingChange['before']>>;
        const change: FindingChange = { kind: r.kind, key: r.finding_key, measure: r.measure_id, subject: r.subject_id, severity: r.severity, state: r.state, label: r.label };
        if (before.basis !== undefined) change.before = { state: before.state ?? '', severity: before.severity ?? '', basis: before.basis };
        return change;
      }),
    };
  }
}

function toVersionInfo(row: InventoryVersionsTable & { status: InventoryVersionInfo['status']; name: string }): InventoryVersionInfo {
  return {
    id: row.id,
    inventory: row.name,
    seq: Number(row.seq),
    scanId: row.scan_id,
    status: row.status,
    reason: row.reason,
    fileSha256: row.file_sha256,
    kb: row.kb_hash,
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.compared_to ? { comparedTo: row.compared_to } : {}),
    ...(row.changes_json ? { changes: JSON.parse(row.changes_json) as ChangeCounts } : {}),
  };
}
