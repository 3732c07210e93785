import type { Kysely } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

export interface StoreMigration {
  /** `db` is untyped on purpose: a migration describes the schema as it was at that point. */
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<any>, dialect: Dialect): Promise<void>;
}
