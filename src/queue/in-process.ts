/**
 * Jobs in the server's own process: a few at a time, retried with exponential backoff. Nothing
 * survives the process; what must (a scan left running, a notification not yet delivered) is
 * recovered from the database when the server starts again.
 */
import { backoffDelay, type EnqueueOptions, type JobHandler, type JobName, type JobQueue, type QueuedJob, type WorkOptions } from './queue.js';

interface Pending {
  job: QueuedJob;
  options: EnqueueOptions;
}

export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process';
  private readonly ready: Pending[] = [];
  private readonly known = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private handlers: Partial<Record<JobName, JobHandler>> = {};
  private options: WorkOptions = { concurrency: 0 };
  private closed = false;

  async add(name: JobName, data: unknown, options: EnqueueOptions): Promise<void> {
    if (this.closed || this.known.has(options.jobId)) return;
    this.known.add(options.jobId);
    this.ready.push({ job: { id: options.jobId, name, data, attempt: 1 }, options });
    this.pump();
  }

  work(handlers: Partial<Record<JobName, JobHandler>>, options: WorkOptions): void {
    this.handlers = handlers;
    this.options = options;
    this.pump();
  }

  async idle(): Promise<void> {
    while (this.running.size > 0 || (this.ready.length > 0 && this.options.concurrency > 0)) {
      await Promise.allSettled([...this.running]);
      if (this.running.size === 0 && this.ready.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.ready.length = 0;
    await Promise.allSettled([...this.running]);
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.options.concurrency && this.ready.length > 0) {
      const next = this.ready.shift() as Pending;
      const run = this.run(next).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run({ job, options }: Pending): Promise<void> {
    const handler = this.handlers[job.name];
    try {
      if (!handler) throw new Error(`no handler for ${job.name} jobs`);
      await handler(job);
      this.known.delete(job.id);
    } catch (error) {
      const attempts = options.attempts ?? 1;
      if (job.attempt < attempts && !this.closed) {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.ready.push({ job: { ...job, attempt: job.attempt + 1 }, options });
          this.pump();
        }, backoffDelay(job.attempt, options.backoffMs ?? 1000));
        this.timers.add(timer);
        return;
      }
      this.known.delete(job.id);
      await this.options.onFailed?.(job, error instanceof Error ? error : new Error(String(error)));
    }
  }
}
