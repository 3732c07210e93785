/**
 * Tables of the news watch: articles read, the restriction events found in them with their links
 * to measures, proposals for the knowledge base awaiting review, and alerts on stored scans.
 */
import type { StoreMigration } from './migration.js';
import type { ProposalState } from '../../model/news.js';

export interface NewsArticlesTable {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  published: string | null;
  read_at: string;
}

export interface NewsEventsTable {
  id: string;
  article_id: string;
  jurisdiction: string;
  authority: string;
  action: string;
  status: string;
  event_date: string | null;
  /** `[{ surface, entity?, generic?, via }]` */
  targets_json: string;
  /** `[{ kind, target, measure?, matchedDate?, reasons }]` */
  links_json: string;
  evidence: string;
  created_at: string;
}



export interface NewsProposalsTable {
  id: string;
  event_id: string;
  /** new | new-stage | new-listing */
  kind: string;
  target: string;
  measure_id: string | null;
  state: ProposalState;
  /** The draft record, as YAML, that accepting writes out. */
  draft_yaml: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  draft_file: string | null;
}

export interface NewsAlertsTable {
  id: string;
  event_id: string;
  scan_id: string;
  group_id: string;
  item_count: number;
  /** Labels of the first affected items. */
  items_json: string;
  message: string;
  created_at: string;
}

// A type alias, not an interface: kysely's `withTables` wants an indexable record.
export type NewsTables = {
  news_articles: NewsArticlesTable;
  news_events: NewsEventsTable;
  news_proposals: NewsProposalsTable;
  news_alerts: NewsAlertsTable;
};

export const newsMigration: StoreMigration = {
  async up(db) {
    await db.schema
      .createTable('news_articles')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('title', 'text')
      .addColumn('published', 'text')
      .addColumn('read_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('news_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('news_articles.id').onDelete('cascade'))
      .addColumn('jurisdiction', 'text', (c) => c.notNull())
      .addColumn('authority', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('event_date', 'text')
      .addColumn('targets_json', 'text', (c) => c.notNull())
      .addColumn('links_json', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('news_events_article').on('news_events').column('article_id').execute();
    await db.schema
      .createTable('news_proposals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('news_events.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('measure_id', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('draft_yaml', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('decided_by', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('reason', 'text')
      .addColumn('draft_file', 'text')
      .execute();
    await db.schema.createIndex('news_proposals_state').on('news_proposals').columns(['state', 'created_at']).execute();
    await db.schema
      .createTable('news_alerts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('news_events.id').onDelete('cascade'))
      .addColumn('scan_id', 'text', (c) => c.notNull().references('scans.id').onDelete('cascade'))
      .addColumn('group_id', 'text', (c) => c.notNull())
      .addColumn('item_count', 'integer', (c) => c.notNull())
      .addColumn('items_json', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('news_alerts_created').on('news_alerts').column('created_at').execute();
  },
  async down(db) {
    for (const table of ['news_alerts', 'news_proposals', 'news_events', 'news_articles']) await db.schema.dropTable(table).execute();
  },
};
