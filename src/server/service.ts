/**
 * Everything the server and the workers need, opened together: the screening context, the store
 * and its repositories, the job queue and the scan runner. On open, a knowledge base not seen
 * before is recorded (with an audit entry and its diff). Scans a stopped process left behind are
 * failed when jobs run in this process only; with a shared queue they are put back on it.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, readdir, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createContext, type Context } from '../app/context.js';
import { InventoryMonitor, type ScanPort } from '../inventory/monitor.js';
import { Channels, type MailSettings } from '../notify/channels.js';
import { DEFAULT_DISPATCH, Dispatcher, type DispatchOptions } from '../notify/dispatcher.js';
import { openQueue } from '../queue/open.js';
import type { JobHandler, JobName, JobQueue } from '../queue/queue.js';
import { AuditLog } from '../store/audit.js';
import { openStore, StoreError, type Store, type StoreOptions } from '../store/db.js';
import { DispositionStore } from '../store/dispositions.js';
import { InventoryStore } from '../store/inventories.js';
import { NotificationStore } from '../store/notifications.js';
import { KbVersionStore } from '../store/kb-versions.js';
import { ScanRunStore } from '../store/scan-runs.js';
import { ScanStore } from '../store/scans.js';
import { TokenStore } from '../store/tokens.js';
import { kbFingerprints } from './identity.js';
import { runKbUpdate, type KbRefreshSettings } from './kb-refresh.js';
import { ScanRunner } from './scan-runner.js';
import { ComputePool } from './compute.js';
import { SERVER_LIMITS, type IngestLimits } from '../ingest/limits.js';

export interface ServiceOptions extends StoreOptions {
  /** A screening context already built (tests share one); otherwise built from `kbDir` or the bundled KB. */
  context?: Context;
  kbDir?: string;
  /** Jobs this process runs at once; 0: none (an API-only server with a shared queue). Default 2. */
  workers?: number;
  /** `redis://…`: jobs go through BullMQ on Redis, shared with `covered worker` processes. Needs PostgreSQL. */
  queueUrl?: string;
  /** How long a job's lock lasts without renewal (a dead worker's job is taken up again after about this long). */
  lockMs?: number;
  /** Key prefix of the queue in Redis (COVERED_QUEUE_PREFIX), for several installations on one Redis. */
  queuePrefix?: string;
  /** SMTP server and sender for e-mail notifications. */
  mail?: MailSettings;
  /** Attempts and first backoff of notification deliveries. */
  dispatch?: DispatchOptions;
  /** How often due inventory sources and knowledge-base refreshes are looked for (default every minute). */
  scheduleMs?: number;
  /** The scheduled `kb update --fetch` (off when absent: air-gapped installs). */
  kbRefresh?: KbRefreshSettings;
  onScanError?: (scanId: string, error: unknown) => void;
  /** Caps on uploaded files (default SERVER_LIMITS). */
  limits?: IngestLimits;
  /** A scan that makes no progress for this long is stopped and failed (default 5 minutes). */
  scanStallMs?: number;
  /** The time budget of one request's screening or article extraction (default 30 s). */
  workBudgetMs?: number;
}

export const INTERRUPTED = 'interrupted: the server stopped while the scan was running; no partial result was kept. Upload the file again.';

export class CoveredService {
  readonly scans: ScanStore;
  readonly dispositions: DispositionStore;
  readonly audit: AuditLog;
  readonly tokens: TokenStore;
  readonly kbVersions: KbVersionStore;
  readonly scanRuns: ScanRunStore;
  readonly runner: ScanRunner;
  readonly inventories: InventoryStore;
  readonly notifications: NotificationStore;
  readonly monitor: InventoryMonitor;
  readonly dispatcher: Dispatcher;
  /** The worker thread for a request's screening and article extraction. */
  readonly compute: ComputePool;
  readonly uploadsDir: string;
  private readonly channels: Channels;
  private scheduler?: NodeJS.Timeout;
  /** This process, as recorded on the scan attempts it makes. */
  readonly owner = `${hostname()}:${process.pid}`;
  private readonly handlers: Partial<Record<JobName, JobHandler>> = {};
  private readonly failHandlers: Partial<Record<JobName, (job: Parameters<JobHandler>[0], error: Error) => Promise<void>>> = {};

  private constructor(
    /** Replaced when a refreshed knowledge base is loaded (reloadKnowledgeBase). */
    public ctx: Context,
    readonly store: Store,
    readonly queue: JobQueue,
    options: ServiceOptions,
  ) {
    this.scans = new ScanStore(store);
    this.dispositions = new DispositionStore(store);
    this.audit = new AuditLog(store);
    this.tokens = new TokenStore(store);
    this.kbVersions = new KbVersionStore(store);
    this.scanRuns = new ScanRunStore(store);
    this.compute = new ComputePool(options.kbDir, options.workBudgetMs);
    this.uploadsDir = join(options.dataDir, 'uploads');
    this.runner = new ScanRunner(() => this.ctx, this.scans, this.scanRuns, this.audit, queue, {
      owner: this.owner,
      uploadsDir: this.uploadsDir,
      ...(options.kbDir ? { kbDir: options.kbDir } : {}),
      limits: options.limits ?? SERVER_LIMITS,
      ...(options.scanStallMs ? { stallMs: options.scanStallMs } : {}),
      ...(options.onScanError ? { onError: options.onScanError } : {}),
    });
    this.handle('scan', (job) => this.runner.handle(job), (job, error) => this.runner.failJob(job, error));
    this.inventories = new InventoryStore(store);
    this.notifications = new NotificationStore(store);
    this.channels = new Channels(options.mail);
    this.dispatcher = new Dispatcher(this.notifications, this.channels, queue, options.dispatch ?? DEFAULT_DISPATCH);
    this.monitor = new InventoryMonitor(this.inventories, this.notifications, this.audit, queue, this.dispatcher, this.scanPort());
    this.runner.onComplete((scan) => this.monitor.onScanComplete(scan.id));
    this.handle('deliver', (job) => this.dispatcher.handle(job));
    this.handle('refresh', (job) => this.monitor.handleRefresh(job, join(options.dataDir, 'tmp')));
    this.handle('rescreen', async (job) => {
      // A worker that shares the knowledge-base directory picks up a refreshed one before it screens.
      if ((job.data as { kb: string }).kb !== this.ctx.kb.hash && this.kbDir) await this.reloadKnowledgeBase();
      await this.monitor.handleRescreen(job);
    });
    this.kbDir = options.kbDir;
    this.kbRefresh = options.kbRefresh;
  }

  private readonly kbDir: string | undefined;
  private readonly kbRefresh: KbRefreshSettings | undefined;
  private refreshing?: Promise<void>;

  /** Runs `kb update --fetch`, audits the outcome, and loads the knowledge base if it changed. */
  async refreshKnowledgeBase(): Promise<void> {
    if (!this.kbRefresh) return;
    const outcome = await runKbUpdate(this.kbRefresh);
    await this.audit.append('system', 'kb.refresh', this.kbRefresh.kbDir, { ...outcome });
    if (outcome.sources.some((s) => s.status === 'imported')) await this.reloadKnowledgeBase();
  }

  /** Loads the knowledge-base directory again; a new version is recorded and every inventory screened again. */
  async reloadKnowledgeBase(): Promise<boolean> {
    const next = createContext(this.kbDir);
    if (next.kb.hash === this.ctx.kb.hash) return false;
    this.ctx = next;
    if (await this.recordKnowledgeBase()) await this.monitor.rescreenAll(next.kb.hash);
    return true;
  }

  private scanPort(): ScanPort {
    return {
      uploadPath: (id) => this.uploadPath(id),
      copyFile: async (id, to) => {
        if (existsSync(this.uploadPath(id))) return copyFile(this.uploadPath(id), to);
        if (!(await this.scanRuns.hasFile(id))) throw new Error(`the file of scan ${id} is neither on this machine nor kept in the database`);
        await pipeline(Readable.from(this.scanRuns.fileChunks(id)), createWriteStream(to));
      },
      submit: async (r) => {
        const profile = this.ctx.kb.profiles[r.profile];
        if (!profile) throw new Error(`unknown profile "${r.profile}"`);
        return this.runner.submit({ ...r, profile });
      },
      kbHash: () => this.ctx.kb.hash,
      profiles: () => Object.keys(this.ctx.kb.profiles).sort(),
    };
  }

  static async open(options: ServiceOptions): Promise<CoveredService> {
    if (options.queueUrl && !options.databaseUrl) throw new StoreError('a shared queue (REDIS_URL) needs a shared database: set DATABASE_URL to a PostgreSQL URL');
    const ctx = options.context ?? createContext(options.kbDir);
    // On SQLite the server holds the data directory alone; on PostgreSQL, the database may be shared.
    const exclusive = !options.databaseUrl;
    const store = await openStore({ ...options, exclusive });
    let queue: JobQueue;
    try {
      queue = await openQueue({ ...(options.queueUrl ? { url: options.queueUrl } : {}), ...(options.lockMs ? { lockMs: options.lockMs } : {}), ...(options.queuePrefix ? { prefix: options.queuePrefix } : {}) });
    } catch (e) {
      await store.close();
      throw new StoreError((e as Error).message);
    }
    const service = new CoveredService(ctx, store, queue, options);
    if (queue.kind === 'in-process') {
      for (const id of await service.scans.failInterrupted(INTERRUPTED)) await service.audit.append('system', 'scan.failed', id, { error: INTERRUPTED });
      if (exclusive) await service.removeOrphanUploads();
    } else {
      await service.requeueUnfinished();
    }
    if (await service.recordKnowledgeBase()) await service.monitor.rescreenAll(ctx.kb.hash);
    for (const scanId of await service.inventories.unrecorded()) await service.monitor.onScanComplete(scanId);
    await service.dispatcher.requeueUnsent();
    queue.work(service.handlers, {
      concurrency: options.workers ?? 2,
      onFailed: async (job, error) => {
        await service.failHandlers[job.name]?.(job, error);
      },
    });
    const tick = () => void service.schedule().catch((e) => options.onScanError?.('schedule', e));
    service.scheduler = setInterval(tick, options.scheduleMs ?? 60_000);
    service.scheduler.unref();
    tick();
    return service;
  }

  /** Queues what is due: inventory sources to re-read, and the knowledge-base refresh. */
  private async schedule(now = Date.now()): Promise<void> {
    await this.monitor.scheduleRefreshes(now);
    if (!this.kbRefresh) return;
    const every = this.kbRefresh.everyHours * 3_600_000;
    const last = (await this.audit.list({ action: 'kb.refresh', limit: 1, offset: 0 })).entries[0];
    if (last && now - Date.parse(last.at) < every) return;
    // Run here, by the process configured for it (one per installation), never twice at once.
    this.refreshing ??= this.refreshKnowledgeBase().finally(() => (this.refreshing = undefined));
    await this.refreshing;
  }

  /** Registers the handler of a kind of job (before the queue starts taking jobs). */
  handle(name: JobName, handler: JobHandler, onFailed?: (job: Parameters<JobHandler>[0], error: Error) => Promise<void>): void {
    this.handlers[name] = handler;
    if (onFailed) this.failHandlers[name] = onFailed;
  }

  /** Scans recorded as queued or running go (back) on the shared queue; those still there are not doubled. */
  private async requeueUnfinished(): Promise<void> {
    for (const status of ['queued', 'running'] as const) {
      for (const scan of (await this.scans.list({ limit: 100000, offset: 0, status })).scans) {
        await this.runner.enqueue({ id: scan.id, path: this.uploadPath(scan.id), fileName: scan.fileName, asOf: scan.asOf, profile: scan.profile, includeHistorical: scan.includeHistorical, actor: scan.createdBy });
      }
    }
  }

  /**
   * An audit entry whenever the server starts with another knowledge base than the one it last ran
   * with; true when this one replaces an earlier one (inventories are then screened again).
   */
  private async recordKnowledgeBase(): Promise<boolean> {
    const { kb } = this.ctx;
    await this.kbVersions.record(kb.hash, kb.version, kbFingerprints(kb));
    const last = (await this.audit.list({ action: 'kb.update', limit: 1, offset: 0 })).entries[0];
    if (last?.subject === kb.hash) return false;
    const diff = last ? await this.kbVersions.diff(last.subject, kb.hash) : undefined;
    await this.audit.append('system', 'kb.update', kb.hash, {
      version: kb.version,
      ...(last ? { previous: last.subject } : {}),
      ...(diff ? { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length } : {}),
    });
    return Boolean(last);
  }

  /** Files in the uploads directory that belong to no scan (a process stopped during an upload). */
  private async removeOrphanUploads(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.uploadsDir);
    } catch {
      return; // no uploads yet
    }
    for (const name of names) if (!(await this.scans.get(name))) await rm(join(this.uploadsDir, name), { force: true, recursive: true });
  }

  /** Where a scan's file is kept. */
  uploadPath(scanId: string): string {
    return join(this.uploadsDir, scanId);
  }

  async close(): Promise<void> {
    clearInterval(this.scheduler);
    await this.refreshing;
    await this.runner.idle();
    await this.queue.close();
    this.channels.close();
    await this.compute.close();
    await this.store.close();
  }
}
