/**
 * Background jobs (scans, re-screens of inventories, notification deliveries) behind one small
 * interface, with two variants: in this process (the embedded default: nothing to install) and
 * BullMQ on Redis (any number of `covered worker` processes on any machine).
 */

export type JobName = 'scan' | 'rescreen' | 'refresh' | 'deliver';

export interface QueuedJob<T = unknown> {
  id: string;
  name: JobName;
  data: T;
  /** 1 for the first run; a job taken up again after its worker died or after a failure counts on. */
  attempt: number;
}

export interface EnqueueOptions {
  /** Adding a job whose id is already waiting or running does nothing: the id makes adds idempotent. */
  jobId: string;
  /** Runs in all, counting the first; a handler that throws is run again after a backoff. */
  attempts?: number;
  /** First backoff; each later one doubles. */
  backoffMs?: number;
}

export type JobHandler = (job: QueuedJob) => Promise<void>;

export interface WorkOptions {
  /** Jobs run at once in this process. */
  concurrency: number;
  /** Called when a job has failed for the last time (every attempt threw, or its workers kept dying). */
  onFailed?: (job: QueuedJob, error: Error) => Promise<void> | void;
}

export interface JobQueue {
  /** `in-process` jobs die with the process; `redis` jobs outlive any worker. */
  readonly kind: 'in-process' | 'redis';
  add(name: JobName, data: unknown, options: EnqueueOptions): Promise<void>;
  /** Starts taking jobs in this process. */
  work(handlers: Partial<Record<JobName, JobHandler>>, options: WorkOptions): void;
  /** Resolves when no job of this process is running or waiting (retries waiting on a backoff are dropped at close). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export function backoffDelay(attempt: number, firstMs: number): number {
  return firstMs * 2 ** Math.max(0, attempt - 1);
}
