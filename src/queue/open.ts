/** The queue the configuration asks for: BullMQ on Redis with a queue URL, else jobs in this process. */
import { InProcessQueue } from './in-process.js';
import type { JobQueue } from './queue.js';
import { RedisQueue } from './redis.js';

export interface QueueOptions {
  /** `redis://…` (default REDIS_URL); absent: jobs run in this process. */
  url?: string;
  lockMs?: number;
  prefix?: string;
}

export class QueueError extends Error {
  override name = 'QueueError';
}

export async function openQueue(options: QueueOptions): Promise<JobQueue> {
  if (!options.url) return new InProcessQueue();
  if (!/^rediss?:\/\//.test(options.url)) throw new QueueError(`the queue URL must start with redis:// or rediss:// (got "${options.url.replace(/\/\/[^@]*@/, '//***@')}")`);
  try {
    return await RedisQueue.open({ url: options.url, ...(options.lockMs ? { lockMs: options.lockMs } : {}), ...(options.prefix ? { prefix: options.prefix } : {}) });
  } catch (e) {
    throw new QueueError((e as Error).message);
  }
}
