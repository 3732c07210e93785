/**
 * Jobs on Redis through BullMQ. A worker holds a lock on each job it runs and renews it while the
 * job runs; when the worker dies the lock lapses, BullMQ's stalled-job check moves the job back to
 * the waiting list and another worker takes it up (the handlers fence their writes, see
 * store/scan-runs.ts). Failed attempts are retried with exponential backoff.
 */
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { EnqueueOptions, JobHandler, JobName, JobQueue, QueuedJob, WorkOptions } from './queue.js';

export const QUEUE_NAME = 'covered-jobs';

export interface RedisQueueOptions {
  url: string;
  /** How long a job's lock lasts without renewal: a dead worker's job is taken up again after about this long. */
  lockMs?: number;
  /** How many times a job may lose its worker before it is failed. */
  maxStalls?: number;
  /** Key prefix in Redis, so that several installations can share one Redis (default `covered`). */
  prefix?: string;
}

export class RedisQueue implements JobQueue {
  readonly kind = 'redis';
  private readonly queue: Queue;
  private worker?: Worker;
  /** The worker's own connection (BullMQ blocks on it while waiting for jobs); closed with the queue. */
  private workerConnection?: Redis;
  private readonly running = new Set<Promise<unknown>>();

  private constructor(
    private readonly connection: Redis,
    private readonly options: RedisQueueOptions,
  ) {
    this.queue = new Queue(QUEUE_NAME, { connection, prefix: options.prefix ?? 'covered' });
    this.queue.on('error', () => {});
  }

  static async open(options: RedisQueueOptions): Promise<RedisQueue> {
    // BullMQ needs commands to wait for a lost connection rather than fail after a few retries.
    const connection = new Redis(options.url, { maxRetriesPerRequest: null, lazyConnect: true });
    connection.on('error', () => {});
    try {
      await connection.connect();
      await connection.ping();
    } catch (e) {
      connection.disconnect();
      throw new Error(`cannot connect to Redis at ${redact(options.url)}: ${(e as Error).message}`);
    }
    return new RedisQueue(connection, options);
  }

  async add(name: JobName, data: unknown, options: EnqueueOptions): Promise<void> {
    await this.queue.add(name, data, {
      jobId: options.jobId,
      attempts: options.attempts ?? 1,
      backoff: { type: 'exponential', delay: options.backoffMs ?? 1000 },
      // Finished jobs are kept a while for inspection, then trimmed; the database is the record.
      removeOnComplete: { age: 3600, count: 10000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  work(handlers: Partial<Record<JobName, JobHandler>>, options: WorkOptions): void {
    if (options.concurrency <= 0) return;
    const lockDuration = this.options.lockMs ?? 30_000;
    this.worker = new Worker(
      QUEUE_NAME,
      async (job: Job) => {
        const handler = handlers[job.name as JobName];
        if (!handler) throw new Error(`no handler for ${job.name} jobs`);
        const run = handler(toQueuedJob(job));
        this.running.add(run);
        try {
          await run;
        } finally {
          this.running.delete(run);
        }
      },
      {
        connection: (this.workerConnection = this.connection.duplicate()),
        prefix: this.options.prefix ?? 'covered',
        concurrency: options.concurrency,
        lockDuration,
        stalledInterval: lockDuration,
        maxStalledCount: this.options.maxStalls ?? 3,
      },
    );
    this.worker.on('error', () => {});
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      const attempts = job.opts.attempts ?? 1;
      // "failed" also fires for attempts that will be retried; only the last one is final.
      if (job.attemptsMade >= attempts || /stalled/i.test(error.message)) void options.onFailed?.(toQueuedJob(job), error);
    });
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    this.workerConnection?.disconnect();
    this.connection.disconnect();
  }
}

function toQueuedJob(job: Job): QueuedJob {
  return { id: job.id ?? '', name: job.name as JobName, data: job.data, attempt: Math.max(1, job.attemptsStarted ?? job.attemptsMade + 1) };
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
}
