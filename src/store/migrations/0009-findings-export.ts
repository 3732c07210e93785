import type { StoreMigration } from './migration.js';

/**
 * What the findings CSV export reads: an index of a scan's findings in insertion order, so that each
 * keyset page (`id > after`) is read from it instead of sorting all of a scan's findings again; and
 * each finding's CSV cells as written when it was screened (all but the disposition columns), so
 * that an export does not parse every finding's JSON. Findings stored before have none and are
 * rendered from their JSON.
 */
export const findingsExportMigration: StoreMigration = {
  async up(db) {
    await db.schema.createIndex('findings_scan_id').on('findings').columns(['scan_id', 'id']).execute();
    await db.schema.alterTable('findings').addColumn('csv_cells', 'text').execute();
  },
  async down(db) {
    await db.schema.alterTable('findings').dropColumn('csv_cells').execute();
    await db.schema.dropIndex('findings_scan_id').execute();
  },
};
