/** Where the store is, as the CLI commands take it: --database-url / DATABASE_URL, else --data-dir. */
import { resolve } from 'node:path';
import type { StoreOptions } from '../store/db.js';

export const DEFAULT_DATA_DIR = '.covered';

export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
}

export function storeOptions(flags: StoreFlags): StoreOptions {
  const databaseUrl = flags.databaseUrl ?? process.env.DATABASE_URL;
  return {
    dataDir: resolve(flags.dataDir ?? process.env.COVERED_DATA_DIR ?? DEFAULT_DATA_DIR),
    ...(databaseUrl ? { databaseUrl } : {}),
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
