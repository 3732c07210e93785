/**
 * Delivers the outbox: each row becomes a `deliver` job; an attempt that fails is recorded (state
 * `retrying`, the error, the time of the next attempt) and retried with exponential backoff, up to
 * a number of attempts after which the row is `failed`. Delivery is at least once: a receiver may
 * see a delivery twice (a worker that died after sending, before recording) and drops it by its id.
 */
import type { ChangeNotification } from '../inventory/model.js';
import type { JobQueue, QueuedJob } from '../queue/queue.js';
import { backoffDelay } from '../queue/queue.js';
import type { NotificationStore, OutboxTable } from '../store/notifications.js';
import type { Channels } from './channels.js';

export interface DispatchOptions {
  attempts: number;
  backoffMs: number;
}

export const DEFAULT_DISPATCH: DispatchOptions = { attempts: 8, backoffMs: 5000 };

export class Dispatcher {
  constructor(
    private readonly store: NotificationStore,
    private readonly channels: Channels,
    private readonly queue: JobQueue,
    private readonly options: DispatchOptions = DEFAULT_DISPATCH,
  ) {}

  async enqueue(rows: readonly Pick<OutboxTable, 'id'>[]): Promise<void> {
    for (const row of rows) await this.queue.add('deliver', { id: row.id }, { jobId: `deliver-${row.id}`, attempts: this.options.attempts, backoffMs: this.options.backoffMs });
  }

  /** Deliveries left pending or retrying by a stopped process go back on the queue. */
  async requeueUnsent(): Promise<void> {
    await this.enqueue(await this.store.unsent());
  }

  async handle(job: QueuedJob): Promise<void> {
    const { id } = job.data as { id: string };
    const row = await this.store.delivery(id);
    if (!row || row.state === 'delivered' || row.state === 'failed') return;
    const attempt = Number(row.attempts) + 1;
    const rule = await this.store.rule(row.rule_id);
    if (!rule) {
      await this.store.markAttemptFailed(id, attempt, 'the rule was deleted', undefined);
      return;
    }
    try {
      await this.channels.send(rule, JSON.parse(row.payload_json) as ChangeNotification);
      await this.store.markDelivered(id, attempt);
    } catch (error) {
      const last = attempt >= this.options.attempts;
      const next = last ? undefined : new Date(Date.now() + backoffDelay(job.attempt, this.options.backoffMs)).toISOString();
      await this.store.markAttemptFailed(id, attempt, (error as Error).message ?? String(error), next);
      if (!last) throw error;
    }
  }
}
