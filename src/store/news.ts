/**
 * The news watch in the store: articles, events with their links, the review queue of proposals,
 * and alerts against stored scans. Saving the same article again changes nothing (ids are hashes
 * of the content); a decided proposal keeps its decision.
 */
import type { Kysely } from 'kysely';
import type { Store } from './db.js';
import type { Tables } from './schema.js';
import type { KnowledgeBase } from '../kb/model.js';
import type { NewsProposalsTable, NewsTables } from './migrations/0002-news.js';
import type { ProposalKind, ProposalState, StoredAlert, StoredProposal } from '../model/news.js';
import { articleId, type Alert, type ScanExposure, type WatchedArticle } from '../news/watch.js';

type Db = Kysely<Tables & NewsTables>;

export class NewsStore {
  private readonly db: Db;

  constructor(store: Store) {
    this.db = store.db.withTables<NewsTables>();
  }

  /** Records an article with its events, proposals and alerts; returns what was new. */
  async save(source: string, watched: WatchedArticle, alerts: readonly Alert[]): Promise<{ events: number; proposals: number; alerts: number }> {
    const now = new Date().toISOString();
    const aid = articleId(watched.article);
    return this.db.transaction().execute(async (tx) => {
      const counts = { events: 0, proposals: 0, alerts: 0 };
      const a = watched.article;
      await tx
        .insertInto('news_articles')
        .values({ id: aid, source, url: a.url ?? null, title: a.title ?? null, published: a.published ?? null, read_at: now })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      for (const e of watched.events) {
        const r = await tx
          .insertInto('news_events')
          .values({
            id: e.id,
            article_id: aid,
            jurisdiction: e.actor.jurisdiction,
            authority: e.actor.authority,
            action: e.action,
            status: e.status,
            event_date: e.date ?? null,
            targets_json: JSON.stringify(e.targets),
            links_json: JSON.stringify(e.links),
            evidence: e.evidence,
            created_at: now,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        counts.events += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      for (const p of watched.proposals) {
        const r = await tx
          .insertInto('news_proposals')
          .values({
            id: p.id,
            event_id: p.eventId,
            kind: p.kind,
            target: p.target,
            measure_id: p.measure ?? null,
            state: 'open',
            draft_yaml: p.draft.yaml,
            created_at: now,
            decided_by: null,
            decided_at: null,
            reason: null,
            draft_file: null,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        counts.proposals += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      for (const al of alerts) {
        const r = await tx
          .insertInto('news_alerts')
          .values({ id: al.id, event_id: al.eventId, scan_id: al.scanId, group_id: al.group, item_count: al.itemCount, items_json: JSON.stringify({ items: al.items, scanLabel: al.scanLabel, groupName: al.groupName }), message: al.message, created_at: now })
          .onConflict((oc) => oc.column('id').doNothing())
          .executeTakeFirst();
        counts.alerts += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      return counts;
    });
  }

  async proposals(options: { state?: ProposalState; id?: string; limit?: number; offset?: number } = {}): Promise<StoredProposal[]> {
    let q = this.db
      .selectFrom('news_proposals as p')
      .innerJoin('news_events as e', 'e.id', 'p.event_id')
      .innerJoin('news_articles as a', 'a.id', 'e.article_id')
      .selectAll('p')
      .select(['e.jurisdiction', 'e.authority', 'e.action', 'e.status', 'e.event_date', 'e.evidence', 'a.id as article_id', 'a.title', 'a.url', 'a.published', 'a.source']);
    if (options.state) q = q.where('p.state', '=', options.state);
    if (options.id) q = q.where('p.id', '=', options.id);
    const rows = await q
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id')
      .limit(options.limit ?? 1000)
      .offset(options.offset ?? 0)
      .execute();
    return rows.map((r) => ({
      ...toProposal(r),
      event: { jurisdiction: r.jurisdiction, authority: r.authority, action: r.action, status: r.status, evidence: r.evidence, ...(r.event_date ? { date: r.event_date } : {}) },
      article: { id: r.article_id, source: r.source, ...(r.title ? { title: r.title } : {}), ...(r.url ? { url: r.url } : {}), ...(r.published ? { published: r.published } : {}) },
    }));
  }

  async countProposals(state?: ProposalState): Promise<number> {
    let q = this.db.selectFrom('news_proposals').select((eb) => eb.fn.countAll<number>().as('n'));
    if (state) q = q.where('state', '=', state);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  async proposal(id: string): Promise<StoredProposal | undefined> {
    return (await this.proposals({ id, limit: 1 }))[0];
  }

  /** Decides an open proposal; false when it was not open (decided meanwhile by someone else). */
  async decide(id: string, state: Exclude<ProposalState, 'open'>, by: string, reason: string | undefined, draftFile?: string): Promise<boolean> {
    const r = await this.db
      .updateTable('news_proposals')
      .set({ state, decided_by: by, decided_at: new Date().toISOString(), reason: reason ?? null, draft_file: draftFile ?? null })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async alerts(limit = 1000): Promise<StoredAlert[]> {
    const rows = await this.db.selectFrom('news_alerts').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map((r) => {
      const extra = JSON.parse(r.items_json) as { items: string[]; scanLabel: string; groupName: string };
      return { id: r.id, eventId: r.event_id, scanId: r.scan_id, scanLabel: extra.scanLabel, group: r.group_id, groupName: extra.groupName, itemCount: Number(r.item_count), items: extra.items, message: r.message, createdAt: r.created_at };
    });
  }

  /**
   * The groups each complete scan's items belong to: the matched entity's and the listed
   * subject's group of every finding, counted once per item; for an item without findings, the
   * group its label resolves to, when a resolver is given.
   */
  async exposures(kb: KnowledgeBase, groupOfLabel?: (label: string) => string | undefined): Promise<ScanExposure[]> {
    const scans = await this.db.selectFrom('scans').select(['id', 'file_name', 'created_at']).where('status', '=', 'complete').orderBy('created_at', 'desc').execute();
    const out: ScanExposure[] = [];
    for (const scan of scans) {
      const rows = await this.db.selectFrom('findings').select(['item_idx', 'subject_group', 'label', 'finding_json']).where('scan_id', '=', scan.id).execute();
      const groups = new Map<string, Map<number, string>>();
      const add = (group: string | undefined, idx: number, label: string) => {
        if (!group) return;
        const items = groups.get(group) ?? new Map<number, string>();
        items.set(idx, label);
        groups.set(group, items);
      };
      for (const r of rows) {
        add(r.subject_group, Number(r.item_idx), r.label);
        const matched = (JSON.parse(r.finding_json) as { match?: { entity?: { id?: string } } }).match?.entity?.id;
        if (matched) add(kb.organisations[matched]?.group ?? kb.products[matched]?.group, Number(r.item_idx), r.label);
      }
      if (groupOfLabel) {
        const withFindings = new Set(rows.map((r) => Number(r.item_idx)));
        const items = await this.db.selectFrom('scan_items').select(['idx', 'label']).where('scan_id', '=', scan.id).where('status', '=', 'screened').execute();
        for (const it of items) if (!withFindings.has(Number(it.idx))) add(groupOfLabel(it.label), Number(it.idx), it.label);
      }
      out.push({
        scanId: scan.id,
        scanLabel: `${scan.id} (${scan.file_name}, ${scan.created_at.slice(0, 10)})`,
        groups: new Map([...groups].map(([g, items]) => [g, [...items.entries()].sort((a, b) => a[0] - b[0]).map(([, label]) => label)])),
      });
    }
    return out;
  }
}

function toProposal(r: NewsProposalsTable): Omit<StoredProposal, 'event' | 'article'> {
  return {
    id: r.id,
    eventId: r.event_id,
    kind: r.kind as ProposalKind,
    target: r.target,
    state: r.state,
    draftYaml: r.draft_yaml,
    createdAt: r.created_at,
    ...(r.measure_id ? { measure: r.measure_id } : {}),
    ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
    ...(r.decided_at ? { decidedAt: r.decided_at } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.draft_file ? { draftFile: r.draft_file } : {}),
  };
}
