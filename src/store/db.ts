/**
 * Opening the store: SQLite (a file in the data directory; the default) or PostgreSQL (a
 * `postgres://` URL, usually from DATABASE_URL), migrated to the newest schema on open.
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import { MIGRATIONS, type Dialect, type StoreMigration } from './migrations/index.js';
import type { Tables } from './schema.js';

export interface StoreOptions {
  /** `postgres://…`; when absent, SQLite in `dataDir`. */
  databaseUrl?: string;
  /** Directory for the SQLite file (and uploads); created when missing. */
  dataDir: string;
  /** Extra migrations from other features, merged with the core ones by name. */
  migrations?: Record<string, StoreMigration>;
  /**
   * SQLite: hold the data directory for this process alone (the server, which runs scans), so a
   * second one refuses to start instead of failing the first one's running scans. Released when
   * the store closes or the process ends, however it ends.
   */
  exclusive?: boolean;
}

export interface Store {
  db: Kysely<Tables>;
  dialect: Dialect;
  /** Where the data lives, for messages: the SQLite file or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

export async function openStore(options: StoreOptions): Promise<Store> {
  let db: Kysely<Tables>;
  let dialect: Dialect;
  let location: string;
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) throw new StoreError(`DATABASE_URL must start with postgres:// (got "${redact(options.databaseUrl)}")`);
    dialect = 'postgres';
    location = redact(options.databaseUrl);
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client losing its connection must not take the process down.
    pool.on('error', () => {});
    db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    try {
      await pool.query('select 1');
    } catch (e) {
      await db.destroy();
      throw new StoreError(`cannot connect to PostgreSQL at ${location}: ${(e as Error).message}`);
    }
  } else {
    dialect = 'sqlite';
    // Scans, findings, audit entries and uploads are the organisation's: the owner's alone.
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    location = join(options.dataDir, 'covered.db');
    const release = options.exclusive ? lockDataDir(options.dataDir) : undefined;
    // SQLite gives its -wal and -shm files the database file's permissions.
    closeSync(openSync(location, 'a', 0o600));
    chmodSync(location, 0o600);
    const sqlite = new Database(location);
    // WAL: readers are not blocked by the scan writer; a crash loses at most the open transaction.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
    if (release) {
      const database = db;
      await migrate(database, dialect, { ...MIGRATIONS, ...options.migrations });
      return {
        db: database,
        dialect,
        location,
        close: async () => {
          await database.destroy();
          release();
        },
      };
    }
  }
  await migrate(db, dialect, { ...MIGRATIONS, ...options.migrations });
  return { db, dialect, location, close: () => db.destroy() };
}

/**
 * An exclusive lock on `covered.lock` in the data directory, held through SQLite's own file
 * locking (an open exclusive transaction), which the operating system drops when the process
 * ends, even by kill -9: there is no stale lock to clear by hand. Returns its release.
 */
function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'covered.lock');
  closeSync(openSync(path, 'a', 0o600));
  const lock = new Database(path, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    lock.close();
    if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new StoreError(`the data directory ${dataDir} is in use by another covered server; one server per data directory (stop the other one, or choose another --data-dir)`);
    }
    throw e;
  }
  return () => {
    lock.exec('ROLLBACK');
    lock.close();
  };
}

async function migrate(db: Kysely<Tables>, dialect: Dialect, migrations: Record<string, StoreMigration>): Promise<void> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(migrations)) {
        out[name] = { up: (k) => m.up(k, dialect), ...(m.down ? { down: (k: Kysely<any>) => m.down!(k, dialect) } : {}) };
      }
      return out;
    },
  };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new StoreError(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message ?? String(error)}`);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

/** Counts come back as strings from PostgreSQL and numbers from SQLite. */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}
