/**
 * Opening the server's store for a command that works on it directly (tokens, audit, news): a
 * store that cannot be opened is a usage error with its reason, and the store is always closed.
 */
import type { Command } from 'commander';
import { storeOptions, type StoreFlags } from '../server/config.js';
import { openStore, StoreError, type Store } from '../store/db.js';
import { UsageError } from './io.js';

export async function withStore<T>(flags: StoreFlags, work: (store: Store) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    store = await openStore(storeOptions(flags));
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(e.message);
    throw e;
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The options that name the store: the same for every command that opens it. */
export function storeFlags(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'the server’s data directory (default .covered, or COVERED_DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL URL (default DATABASE_URL)');
}
