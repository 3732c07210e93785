import type { StoreMigration } from './migration.js';

/**
 * `scan_runs`: which attempt at a scan may write its rows (a fencing token, raised each time a
 * worker takes the scan up). `scan_files`: uploaded files kept in the database in chunks, so that a
 * worker on another machine can read them.
 */
export const scanRunsMigration: StoreMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('scan_runs')
      .addColumn('scan_id', 'text', (c) => c.primaryKey())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('heartbeat_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('scan_files')
      .addColumn('scan_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addPrimaryKeyConstraint('scan_files_pk', ['scan_id', 'seq'])
      .execute();
  },
};
