/**
 * API tokens: shown once at creation, stored only as a SHA-256 hash. A token is 32 random bytes, so
 * an unsalted fast hash is enough (there is nothing to brute-force).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Store } from './db.js';
import type { Role } from './schema.js';

export const ROLES: readonly Role[] = ['viewer', 'analyst', 'admin'];

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export class TokenStore {
  /** When each token was last recorded as used; written at most once a minute per token. */
  private readonly lastWrite = new Map<string, number>();

  constructor(private readonly store: Store) {}

  async create(name: string, role: Role): Promise<{ token: string; info: TokenInfo }> {
    const token = `cov_${randomBytes(32).toString('base64url')}`;
    const row = { id: randomUUID(), name, role, token_hash: hashToken(token), created_at: new Date().toISOString(), revoked_at: null, last_used_at: null };
    await this.store.db.insertInto('api_tokens').values(row).execute();
    return { token, info: toInfo(row) };
  }

  async list(): Promise<TokenInfo[]> {
    const rows = await this.store.db.selectFrom('api_tokens').selectAll().orderBy('created_at').execute();
    return rows.map(toInfo);
  }

  /** Revokes by id (or a unique id prefix); returns the token revoked, if any. */
  async revoke(idOrPrefix: string): Promise<TokenInfo | undefined> {
    const rows = await this.store.db.selectFrom('api_tokens').selectAll().where('id', 'like', `${idOrPrefix.replace(/[%_]/g, '')}%`).execute();
    if (rows.length !== 1) return undefined;
    const row = rows[0]!;
    const revokedAt = new Date().toISOString();
    await this.store.db.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', row.id).where('revoked_at', 'is', null).execute();
    return toInfo({ ...row, revoked_at: row.revoked_at ?? revokedAt });
  }

  /** The live token with this secret, or undefined. */
  async authenticate(token: string): Promise<TokenInfo | undefined> {
    const row = await this.store.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null).executeTakeFirst();
    if (!row) return undefined;
    const now = Date.now();
    if ((this.lastWrite.get(row.id) ?? 0) < now - 60_000) {
      this.lastWrite.set(row.id, now);
      await this.store.db.updateTable('api_tokens').set({ last_used_at: new Date(now).toISOString() }).where('id', '=', row.id).execute();
    }
    return toInfo(row);
  }
}

function toInfo(row: { id: string; name: string; role: Role; created_at: string; revoked_at: string | null; last_used_at: string | null }): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    ...(row.last_used_at ? { lastUsedAt: row.last_used_at } : {}),
  };
}
