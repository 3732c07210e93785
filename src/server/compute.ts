/**
 * Runs CPU-heavy request work (screening a request's items, extracting an article's events) in a
 * worker thread with a time budget, one task at a time, so health checks and other requests answer
 * while it runs. A task over its budget ends the worker (the next task starts a fresh one) and is
 * refused with a message.
 */
import type { Worker } from 'node:worker_threads';
import type { ComputeReply, ComputeTask } from './compute-worker.js';
import { startWorker } from './workers.js';

export class WorkTooLongError extends Error {}

/** The request's input could not be worked on (an unreadable article): a 400, not a server error. */
export class WorkInputError extends Error {}

export const DEFAULT_WORK_BUDGET_MS = 30_000;

/** Loading the knowledge base in a fresh worker is not the request's work, but it is bounded too. */
const PREPARE_LIMIT_MS = 180_000;

export class ComputePool {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly kbDir: string | undefined,
    readonly budgetMs: number = DEFAULT_WORK_BUDGET_MS,
  ) {}

  /**
   * The task's result; WorkTooLongError past the budget, counted from when the worker has loaded what
   * the task needs (a fresh worker's start on a busy machine is not charged to the request).
   */
  run<T>(task: ComputeTask): Promise<T> {
    const next = this.queue.then(() => this.perform<T>(task));
    this.queue = next.catch(() => {});
    return next;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private perform<T>(task: ComputeTask): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the server is stopping'));
    const worker = (this.worker ??= startWorker('compute-worker', this.kbDir ? { kbDir: this.kbDir } : {}));
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fresh = () => {
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
      };
      const onMessage = (reply: ComputeReply) => {
        if ('prepared' in reply) {
          clearTimeout(timer);
          timer = setTimeout(overrun, this.budgetMs);
          return;
        }
        done();
        if (reply.ok) resolve(reply.value as T);
        else reject(reply.input ? new WorkInputError(reply.message) : new Error(reply.message));
      };
      const onError = (error: Error) => {
        done();
        fresh();
        reject(error);
      };
      const onExit = () => {
        done();
        fresh();
        reject(new Error('the worker stopped'));
      };
      const overrun = () => {
        done();
        fresh();
        reject(new WorkTooLongError(`this needed more than ${Math.round(this.budgetMs / 1000)} s of work, the budget per request`));
      };
      const unprepared = () => {
        done();
        fresh();
        reject(new Error(`the worker did not load the knowledge base within ${PREPARE_LIMIT_MS / 1000} s`));
      };
      let timer = setTimeout(unprepared, PREPARE_LIMIT_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(task);
    });
  }
}
