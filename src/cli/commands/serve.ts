import { randomUUID } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { PACKAGE_ROOT } from '../../kb/files.js';
import { buildServer, DEFAULT_MAX_UPLOAD } from '../../server/app.js';
import { isLoopback, storeOptions, type StoreFlags } from '../../server/config.js';
import { CoveredService } from '../../server/service.js';
import { mailSettingsFromEnv } from '../../notify/channels.js';
import { StoreError } from '../../store/db.js';
import { parseDate, UsageError } from '../io.js';
import { addLimitOptions, limitsFrom, type LimitFlags } from '../limits.js';
import { SERVER_LIMITS } from '../../ingest/limits.js';
import { DEFAULT_STALL_MS } from '../../server/scan-runner.js';
import { DEFAULT_WORK_BUDGET_MS } from '../../server/compute.js';
import { DEFAULT_MAX_ARTICLE_CHARS } from '../../server/routes/news.js';

const EXAMPLE = join(PACKAGE_ROOT, 'examples', 'inventory.csv');

interface ServeOptions extends StoreFlags, LimitFlags {
  scanStallSeconds: number;
  workSeconds: number;
  maxArticleChars: number;
  authFailuresPerMinute: number;
  host: string;
  port: number;
  kb?: string;
  loadExample: boolean;
  exampleAsOf: string;
  maxUploadMb: number;
  requireTokens: boolean;
  log: boolean;
  workers: number;
  queueUrl?: string;
  kbRefresh?: number | true;
  kbRefreshUrl: string[];
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535 * 1000) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return n;
}

export function serveCommand(): Command {
  const command = new Command('serve')
    .summary('run the API and web UI: scans, findings, dispositions, audit log')
    .description(
      'Serve the JSON API (OpenAPI at /openapi.json, docs at /docs) and the web UI.\n' +
        'Data is kept in SQLite under --data-dir, or in PostgreSQL when DATABASE_URL (or --database-url) is set.\n' +
        'On 127.0.0.1 no token is needed; bound to any other address, every API call needs a token (`covered token create`).',
    )
    .option('--host <address>', 'address to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--port <n>', 'port (0 picks a free one)', positiveInt, Number(process.env.PORT ?? 8080))
    .option('--data-dir <dir>', 'directory for the SQLite database and uploads (default .covered, or COVERED_DATA_DIR)')
    .option('--database-url <url>', 'PostgreSQL URL (default DATABASE_URL)')
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled one)')
    .option('--load-example', 'scan the bundled example inventory at start when there are no scans yet', false)
    .option('--example-as-of <date>', 'as-of date of the example scan', parseDate, parseDate('today'))
    .option('--max-upload-mb <n>', 'largest upload accepted (larger: 413)', positiveInt, DEFAULT_MAX_UPLOAD / 1024 / 1024)
    .option('--require-tokens', 'require API tokens even on 127.0.0.1', false)
    .option('--workers <n>', 'jobs (scans, re-screens, notifications) this process runs at once; 0: API and UI only, jobs are left to `covered worker`', positiveInt, 2)
    .option('--kb-refresh [hours]', 'run `covered kb update --fetch` on the --kb directory every N hours (24 when no number is given); off by default, for air-gapped installs', positiveInt)
    .option('--kb-refresh-url <name=url>', 'in the scheduled refresh, download a source from this address (a mirror), as `kb update --url`; repeatable', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--queue-url <url>', 'Redis URL of the job queue shared with `covered worker` processes (default REDIS_URL; needs DATABASE_URL)')
    .addOption(new Option('--no-log', 'no request log on standard error'))
    .option('--scan-stall-seconds <n>', 'stop and fail a scan that makes no progress for this long', positiveInt, DEFAULT_STALL_MS / 1000)
    .option('--work-seconds <n>', 'time budget of one request\'s screening or article extraction (past it: 422)', positiveInt, DEFAULT_WORK_BUDGET_MS / 1000)
    .option('--max-article-chars <n>', 'longest article text POST /api/news/articles takes (longer: 413)', positiveInt, DEFAULT_MAX_ARTICLE_CHARS)
    .option('--auth-failures-per-minute <n>', 'failed authentications one address may make in a minute (more: 429)', positiveInt, 20);
  return addLimitOptions(command, SERVER_LIMITS)
    .addHelpText('after', '\nExit codes: 0 stopped cleanly; 2 usage error, port in use, or database unreachable.\nExample: DATABASE_URL=postgres://covered@db/covered covered serve --host 0.0.0.0 --port 8080')
    .action(async (opts: ServeOptions) => {
      await runServe(opts);
    });
}

async function runServe(opts: ServeOptions): Promise<void> {
  const stores = storeOptions(opts);
  let queueUrl = opts.queueUrl ?? process.env.REDIS_URL;
  if (!opts.queueUrl && queueUrl && !stores.databaseUrl) {
    // The embedded shape keeps working on a machine that happens to export REDIS_URL.
    process.stderr.write('covered: REDIS_URL is set but DATABASE_URL is not: a shared queue needs PostgreSQL, so jobs run in this process\n');
    queueUrl = undefined;
  }
  if (opts.workers === 0 && !queueUrl) throw new UsageError('--workers 0 leaves scans to `covered worker` processes, which need a shared queue: set REDIS_URL (or --queue-url) and DATABASE_URL');
  if (opts.kbRefresh !== undefined && !opts.kb) throw new UsageError('--kb-refresh updates a knowledge-base directory of your own: pass --kb DIR (start from a copy of the bundled data/ directory)');
  const kbRefresh = opts.kbRefresh !== undefined && opts.kb ? { kbDir: opts.kb, everyHours: opts.kbRefresh === true ? 24 : opts.kbRefresh, args: opts.kbRefreshUrl.flatMap((u) => ['--url', u]) } : undefined;
  if (kbRefresh && kbRefresh.everyHours < 1) throw new UsageError('--kb-refresh takes a number of hours, at least 1');
  let service: CoveredService;
  try {
    service = await CoveredService.open({
      ...(kbRefresh ? { kbRefresh } : {}),
      ...stores,
      ...(opts.kb ? { kbDir: opts.kb } : {}),
      ...(queueUrl ? { queueUrl } : {}),
      workers: opts.workers,
      ...(mailSettingsFromEnv() ? { mail: mailSettingsFromEnv() } : {}),
      ...(process.env.COVERED_QUEUE_PREFIX ? { queuePrefix: process.env.COVERED_QUEUE_PREFIX } : {}),
      limits: limitsFrom(opts, SERVER_LIMITS),
      scanStallMs: Math.max(1, opts.scanStallSeconds) * 1000,
      workBudgetMs: Math.max(1, opts.workSeconds) * 1000,
      onScanError: (id, error) => process.stderr.write(`covered: scan ${id}: ${(error as Error).stack ?? String(error)}\n`),
    });
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(e.message);
    throw e;
  }
  const requireTokens = opts.requireTokens || !isLoopback(opts.host);
  const app = await buildServer({
    service,
    requireTokens,
    host: opts.host,
    maxUploadBytes: opts.maxUploadMb * 1024 * 1024,
    maxArticleChars: opts.maxArticleChars,
    authFailuresPerMinute: opts.authFailuresPerMinute,
    logger: opts.log,
  });
  if (opts.log) {
    app.addHook('onResponse', async (request, reply) => {
      if (request.url.startsWith('/api/')) process.stderr.write(`${new Date().toISOString()} ${request.method} ${request.url} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms\n`);
    });
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`covered: ${signal}, stopping\n`);
    // Whatever is still running (a request's work, a scan), the process is gone within seconds.
    setTimeout(() => process.exit(0), 3000).unref();
    // Running scans are left as they are (each batch is its own transaction): the next start marks them
    // failed, or, with a shared queue, another worker takes them up.
    await service.runner.stop();
    await service.compute.close();
    await app.close();
    process.exit(0);
  };
  // Installed before the server listens: a signal sent the moment the address is printed must find the
  // handler in place. Kept for every signal, not once: a repeated signal while stopping must not fall
  // back to the default (an abrupt kill).
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  let address: string;
  try {
    address = await app.listen({ host: opts.host, port: opts.port });
  } catch (e) {
    await service.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${opts.port} on ${opts.host} is in use; choose another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on ${opts.host}: not an address of this machine`);
    throw e;
  }
  if (opts.loadExample && (await service.scans.list({ limit: 1, offset: 0 })).total === 0) {
    const profile = service.ctx.kb.profiles.all;
    if (profile) {
      const id = randomUUID();
      await mkdir(service.uploadsDir, { recursive: true, mode: 0o700 });
      await copyFile(EXAMPLE, service.uploadPath(id));
      await service.runner.submit({ id, path: service.uploadPath(id), fileName: 'examples/inventory.csv', asOf: opts.exampleAsOf, profile, includeHistorical: false, actor: 'system' });
    }
  }
  const url = address.replace('[::1]', 'localhost');
  process.stdout.write(`Covered is running at ${url}/  (API docs ${url}/docs; data in ${service.store.location})\n`);
  if (requireTokens && (await service.tokens.list()).every((t) => t.revokedAt)) {
    process.stderr.write('covered: API tokens are required on this address and none exists yet; create one with `covered token create --name NAME --role admin`\n');
  }
}
