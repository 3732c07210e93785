/**
 * Scan rows keep the asset they describe (its identity as JSON, owner and site apart for filtering),
 * and every decision on a finding — set, changed or cleared — is kept in the disposition history.
 */
import type { StoreMigration } from './migration.js';

export const assetsAndDispositionHistoryMigration: StoreMigration = {
  async up(db, dialect) {
    await db.schema.alterTable('scan_items').addColumn('asset_json', 'text').execute();
    await db.schema.alterTable('scan_items').addColumn('asset_owner', 'text').execute();
    await db.schema.alterTable('scan_items').addColumn('asset_site', 'text').execute();

    await db.schema
      .createTable('disposition_history')
      .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('finding_key', 'text', (c) => c.notNull())
      // A disposition state, or "cleared" when the finding was re-opened by hand.
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('basis_hash', 'text', (c) => c.notNull())
      .addColumn('finding_id', 'integer')
      .addColumn('scan_id', 'text')
      .addColumn('decided_by', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('disposition_history_key').on('disposition_history').columns(['finding_key', 'id']).execute();
  },
};
