import type { StoreMigration } from './migration.js';

/**
 * Named inventories and their versions (each version is a scan), and the findings that changed
 * from one version to the next (new, changed, resolved).
 */
export const inventoriesMigration: StoreMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('inventories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('source', 'text')
      .addColumn('refresh_minutes', 'integer')
      .addColumn('profile', 'text', (c) => c.notNull())
      .addColumn('include_historical', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('refreshed_at', 'text')
      .execute();
    await db.schema
      .createTable('inventory_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('inventory_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('scan_id', 'text', (c) => c.notNull().unique())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('file_sha256', 'text', (c) => c.notNull())
      .addColumn('kb_hash', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('compared_to', 'text')
      .addColumn('changes_json', 'text')
      .addUniqueConstraint('inventory_versions_seq', ['inventory_id', 'seq'])
      .execute();
    await db.schema
      .createTable('inventory_changes')
      .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('version_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('finding_key', 'text', (c) => c.notNull())
      .addColumn('measure_id', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('detail_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('inventory_changes_version').on('inventory_changes').column('version_id').execute();
  },
};
