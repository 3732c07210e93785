import { Command } from 'commander';
import { storeOptions, type StoreFlags } from '../../server/config.js';
import { CoveredService } from '../../server/service.js';
import { mailSettingsFromEnv } from '../../notify/channels.js';
import { StoreError } from '../../store/db.js';
import { UsageError } from '../io.js';

interface WorkerOptions extends StoreFlags {
  kb?: string;
  concurrency: number;
  queueUrl?: string;
  leaseSeconds: number;
}

function wholeNumber(min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`expected a whole number of at least ${min}, got "${value}"`);
    return n;
  };
}

export function workerCommand(): Command {
  return new Command('worker')
    .summary('take scan, re-screen and notification jobs from the shared queue')
    .description(
      'Run jobs for `covered serve` processes that share the same PostgreSQL database (DATABASE_URL) and\n' +
        'Redis queue (REDIS_URL). Start any number, on any machine; a worker that dies mid-job loses nothing:\n' +
        'its job is taken up again by another worker after --lease-seconds and redone from the start.',
    )
    .option('--database-url <url>', 'PostgreSQL URL (default DATABASE_URL)')
    .option('--queue-url <url>', 'Redis URL of the job queue (default REDIS_URL)')
    .option('--data-dir <dir>', 'where uploaded files are cached while they are screened (default .covered, or COVERED_DATA_DIR)')
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled one); use the same as the servers')
    .option('--concurrency <n>', 'jobs run at once (scans are CPU-bound: about one per core)', wholeNumber(1), 1)
    .option('--lease-seconds <n>', 'a job whose worker stops renewing its lock for this long is taken up by another worker', wholeNumber(1), 30)
    .addHelpText('after', '\nExit codes: 0 stopped cleanly (SIGINT/SIGTERM, after the running jobs end); 2 usage error, database or queue unreachable.\nExample: DATABASE_URL=postgres://covered@db/covered REDIS_URL=redis://queue:6379 covered worker --concurrency 2')
    .action(async (opts: WorkerOptions) => {
      const stores = storeOptions(opts);
      const queueUrl = opts.queueUrl ?? process.env.REDIS_URL;
      if (!stores.databaseUrl) throw new UsageError('covered worker needs the shared PostgreSQL database: set DATABASE_URL (or --database-url)');
      if (!queueUrl) throw new UsageError('covered worker needs the shared queue: set REDIS_URL (or --queue-url)');
      let service: CoveredService;
      try {
        service = await CoveredService.open({
          ...stores,
          ...(opts.kb ? { kbDir: opts.kb } : {}),
          queueUrl,
          workers: opts.concurrency,
          ...(mailSettingsFromEnv() ? { mail: mailSettingsFromEnv() } : {}),
          lockMs: opts.leaseSeconds * 1000,
          ...(process.env.COVERED_QUEUE_PREFIX ? { queuePrefix: process.env.COVERED_QUEUE_PREFIX } : {}),
          onScanError: (id, error) => process.stderr.write(`covered: scan ${id}: ${(error as Error).stack ?? String(error)}\n`),
        });
      } catch (e) {
        if (e instanceof StoreError) throw new UsageError(e.message);
        throw e;
      }
      process.stderr.write(`covered: worker ${service.owner} taking jobs (concurrency ${opts.concurrency}; data in ${service.store.location})\n`);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          process.stderr.write(`covered: ${signal}, finishing the running jobs\n`);
          void service.close().then(resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
    });
}
