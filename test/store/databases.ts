/**
 * The databases store and server tests run against: SQLite in a temporary directory, and
 * PostgreSQL in a database of its own on 127.0.0.1:5432 (created here, dropped afterwards). Where
 * PostgreSQL is not reachable its tests are skipped with the reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreOptions } from '../../src/store/db.js';

export const POSTGRES_ADMIN_URL = process.env.COVERED_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Why the database's tests are skipped, or undefined when it is available. */
  skip?: string;
  /** A fresh, empty database; `drop` removes it. */
  create(): Promise<{ options: StoreOptions; drop(): Promise<void> }>;
}

async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (e) {
    return `PostgreSQL not reachable at ${POSTGRES_ADMIN_URL.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@')} (${(e as Error).message}); set COVERED_TEST_POSTGRES_URL to run these tests`;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function testDatabases(): Promise<TestDatabase[]> {
  const pgSkip = await postgresUnavailable();
  const sqlite: TestDatabase = {
    name: 'sqlite',
    async create() {
      const dataDir = mkdtempSync(join(tmpdir(), 'covered-store-'));
      return { options: { dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  };
  const postgres: TestDatabase = {
    name: 'postgres',
    ...(pgSkip ? { skip: pgSkip } : {}),
    async create() {
      const name = `covered_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(POSTGRES_ADMIN_URL);
      url.pathname = `/${name}`;
      const dataDir = mkdtempSync(join(tmpdir(), 'covered-store-pg-'));
      return {
        options: { dataDir, databaseUrl: url.toString() },
        async drop() {
          const c = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
          await c.connect();
          await c.query(`drop database if exists ${name} with (force)`);
          await c.end();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
  return [sqlite, postgres];
}
