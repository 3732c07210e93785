/**
 * The knowledge bases a server has run with. Each version keeps a fingerprint per record (measure,
 * listing, organisation, product, relation, source), so two versions can be compared record by record.
 */
import type { Store } from './db.js';

export type RecordFingerprints = Record<string, string>;

export interface KbVersionInfo {
  hash: string;
  version: string;
  firstSeen: string;
}

export interface KbDiff {
  from: KbVersionInfo;
  to: KbVersionInfo;
  added: string[];
  removed: string[];
  changed: string[];
}

export class KbVersionStore {
  constructor(private readonly store: Store) {}

  /** Records this knowledge base; true when it was not seen before. */
  async record(hash: string, version: string, fingerprints: RecordFingerprints): Promise<boolean> {
    const known = await this.store.db.selectFrom('kb_versions').select('hash').where('hash', '=', hash).executeTakeFirst();
    if (known) return false;
    await this.store.db
      .insertInto('kb_versions')
      .values({ hash, version, first_seen: new Date().toISOString(), records_json: JSON.stringify(fingerprints) })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
    return true;
  }

  async list(): Promise<KbVersionInfo[]> {
    const rows = await this.store.db.selectFrom('kb_versions').select(['hash', 'version', 'first_seen']).orderBy('first_seen', 'desc').execute();
    return rows.map((r) => ({ hash: r.hash, version: r.version, firstSeen: r.first_seen }));
  }

  /** Records added, removed and changed from one stored version to another (hash or unique prefix). */
  async diff(fromHash: string, toHash: string): Promise<KbDiff | undefined> {
    const [from, to] = await Promise.all([this.find(fromHash), this.find(toHash)]);
    if (!from || !to) return undefined;
    const a = JSON.parse(from.records_json) as RecordFingerprints;
    const b = JSON.parse(to.records_json) as RecordFingerprints;
    const added = Object.keys(b).filter((k) => !(k in a)).sort();
    const removed = Object.keys(a).filter((k) => !(k in b)).sort();
    const changed = Object.keys(b).filter((k) => k in a && a[k] !== b[k]).sort();
    const info = (r: typeof from) => ({ hash: r.hash, version: r.version, firstSeen: r.first_seen });
    return { from: info(from), to: info(to), added, removed, changed };
  }

  private async find(hashOrPrefix: string) {
    const rows = await this.store.db.selectFrom('kb_versions').selectAll().where('hash', 'like', `${hashOrPrefix.replace(/[%_]/g, '')}%`).limit(2).execute();
    return rows.length === 1 ? rows[0] : undefined;
  }
}
