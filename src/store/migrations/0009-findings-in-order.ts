import type { StoreMigration } from './migration.js';

/**
 * Findings of a scan in insertion order: the CSV export and other keyset pages (`id > after`) read
 * each page from this index instead of sorting all of a scan's findings again for every page.
 */
export const findingsInOrderMigration: StoreMigration = {
  async up(db) {
    await db.schema.createIndex('findings_scan_id').on('findings').columns(['scan_id', 'id']).execute();
  },
  async down(db) {
    await db.schema.dropIndex('findings_scan_id').execute();
  },
};
