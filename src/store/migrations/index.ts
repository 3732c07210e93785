/**
 * Every migration of the store, in order. A feature with tables of its own adds a file here and one
 * line below with a name that sorts after the last (see docs/server.md); applied names are recorded
 * by kysely's migrator, so a migration never changes once released.
 */
import type { StoreMigration } from './migration.js';
import { coreMigration } from './0001-core.js';
import { newsMigration } from './0002-news.js';
import { auditAppendOnlyMigration } from './0003-audit-append-only.js';
import { assetsAndDispositionHistoryMigration } from './0004-assets-and-disposition-history.js';
import { scanRunsMigration } from './0006-scan-runs.js';
import { inventoriesMigration } from './0007-inventories.js';
import { notificationsMigration } from './0008-notifications.js';
import { findingsExportMigration } from './0009-findings-export.js';

export type { Dialect, StoreMigration } from './migration.js';

export const MIGRATIONS: Record<string, StoreMigration> = {
  '0001-core': coreMigration,
  '0002-news': newsMigration,
  '0003-audit-append-only': auditAppendOnlyMigration,
  '0004-assets-and-disposition-history': assetsAndDispositionHistoryMigration,
  '0006-scan-runs': scanRunsMigration,
  '0007-inventories': inventoriesMigration,
  '0008-notifications': notificationsMigration,
  '0009-findings-export': findingsExportMigration,
};
