/**
 * Notification rules and the outbox of deliveries. Outbox rows are written in the transaction that
 * records the change they report (store/inventories.ts); each is then sent at least once by a
 * `deliver` job, with its attempts, next attempt and last error kept here for the API and UI.
 */
import type { Kysely } from 'kysely';
import type { ChannelKind, DeliveryInfo, DeliveryState, NotificationRuleInfo, RuleFilter } from '../inventory/model.js';
import type { Store } from './db.js';

export interface RulesTable {
  id: string;
  name: string;
  channel: ChannelKind;
  target: string;
  secret: string | null;
  filter_json: string;
  enabled: number;
  created_by: string;
  created_at: string;
}

export interface OutboxTable {
  id: string;
  rule_id: string;
  idempotency_key: string;
  event: string;
  subject: string;
  payload_json: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface NotificationTables {
  notification_rules: RulesTable;
  notification_outbox: OutboxTable;
}

export class NotificationStore {
  private readonly db: Kysely<NotificationTables>;

  constructor(store: Store) {
    this.db = store.db as unknown as Kysely<NotificationTables>;
  }

  async addRule(row: RulesTable): Promise<void> {
    await this.db.insertInto('notification_rules').values(row).execute();
  }

  async deleteRule(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('notification_rules').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async rule(id: string): Promise<RulesTable | undefined> {
    return this.db.selectFrom('notification_rules').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async enabledRules(): Promise<RulesTable[]> {
    return this.db.selectFrom('notification_rules').selectAll().where('enabled', '=', 1).orderBy('created_at').execute();
  }

  async rules(): Promise<NotificationRuleInfo[]> {
    const rows = await this.db.selectFrom('notification_rules').selectAll().orderBy('created_at').execute();
    return rows.map(toRuleInfo);
  }

  async delivery(id: string): Promise<OutboxTable | undefined> {
    return this.db.selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Deliveries not yet delivered or given up, oldest first (to put back on the queue at start). */
  async unsent(): Promise<OutboxTable[]> {
    return this.db.selectFrom('notification_outbox').selectAll().where('state', 'in', ['pending', 'retrying']).orderBy('created_at').execute();
  }

  async deliveries(options: { state?: DeliveryState[]; rule?: string; limit: number; offset: number }): Promise<{ total: number; deliveries: DeliveryInfo[] }> {
    let q = this.db.selectFrom('notification_outbox as o').leftJoin('notification_rules as r', 'r.id', 'o.rule_id');
    if (options.state?.length) q = q.where('o.state', 'in', options.state);
    if (options.rule) q = q.where('o.rule_id', '=', options.rule);
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q.selectAll('o').select('r.channel').orderBy('o.created_at', 'desc').orderBy('o.id').limit(options.limit).offset(options.offset).execute();
    return { total: Number(total?.n ?? 0), deliveries: rows.map(toDeliveryInfo) };
  }

  async markDelivered(id: string, attempts: number): Promise<void> {
    await this.db.updateTable('notification_outbox').set({ state: 'delivered', attempts, delivered_at: new Date().toISOString(), next_attempt_at: null, last_error: null }).where('id', '=', id).execute();
  }

  async markAttemptFailed(id: string, attempts: number, error: string, nextAttemptAt: string | undefined): Promise<void> {
    await this.db
      .updateTable('notification_outbox')
      .set({ state: nextAttemptAt ? 'retrying' : 'failed', attempts, last_error: error.slice(0, 1000), next_attempt_at: nextAttemptAt ?? null })
      .where('id', '=', id)
      .where('state', '<>', 'delivered')
      .execute();
  }
}

export function toRuleInfo(row: RulesTable): NotificationRuleInfo {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    target: row.target,
    signed: Boolean(row.secret),
    filter: JSON.parse(row.filter_json) as RuleFilter,
    enabled: Boolean(Number(row.enabled)),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function toDeliveryInfo(row: OutboxTable & { channel: ChannelKind | null }): DeliveryInfo {
  return {
    id: row.id,
    rule: row.rule_id,
    ...(row.channel ? { channel: row.channel } : {}),
    idempotencyKey: row.idempotency_key,
    event: row.event,
    subject: row.subject,
    state: row.state,
    attempts: Number(row.attempts),
    ...(row.next_attempt_at ? { nextAttemptAt: row.next_attempt_at } : {}),
    ...(row.last_error ? { lastError: row.last_error } : {}),
    createdAt: row.created_at,
    ...(row.delivered_at ? { deliveredAt: row.delivered_at } : {}),
  };
}
