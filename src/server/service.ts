/**
 * Everything the server needs, opened together: the screening context, the store and its
 * repositories, and the scan runner. On open, scans a stopped process left running are marked
 * failed, and a knowledge base not seen before is recorded (with an audit entry and its diff).
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createContext, type Context } from '../app/context.js';
import { AuditLog } from '../store/audit.js';
import { openStore, type Store, type StoreOptions } from '../store/db.js';
import { DispositionStore } from '../store/dispositions.js';
import { KbVersionStore } from '../store/kb-versions.js';
import { ScanStore } from '../store/scans.js';
import { TokenStore } from '../store/tokens.js';
import { kbFingerprints } from './identity.js';
import { ScanRunner } from './scan-runner.js';
import { ComputePool } from './compute.js';
import { SERVER_LIMITS, type IngestLimits } from '../ingest/limits.js';

export interface ServiceOptions extends StoreOptions {
  /** A screening context already built (tests share one); otherwise built from `kbDir` or the bundled KB. */
  context?: Context;
  kbDir?: string;
  scanConcurrency?: number;
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
  readonly runner: ScanRunner;
  /** The worker thread for a request's screening and article extraction. */
  readonly compute: ComputePool;
  readonly uploadsDir: string;

  private constructor(
    readonly ctx: Context,
    readonly store: Store,
    options: ServiceOptions,
  ) {
    this.scans = new ScanStore(store);
    this.dispositions = new DispositionStore(store);
    this.audit = new AuditLog(store);
    this.tokens = new TokenStore(store);
    this.kbVersions = new KbVersionStore(store);
    this.runner = new ScanRunner(ctx, this.scans, this.audit, {
      concurrency: options.scanConcurrency ?? 2,
      ...(options.kbDir ? { kbDir: options.kbDir } : {}),
      limits: options.limits ?? SERVER_LIMITS,
      ...(options.scanStallMs ? { stallMs: options.scanStallMs } : {}),
      ...(options.onScanError ? { onError: options.onScanError } : {}),
    });
    this.compute = new ComputePool(options.kbDir, options.workBudgetMs);
    this.uploadsDir = join(options.dataDir, 'uploads');
  }

  static async open(options: ServiceOptions): Promise<CoveredService> {
    const ctx = options.context ?? createContext(options.kbDir);
    // On SQLite the server holds the data directory alone; on PostgreSQL, the database may be shared.
    const exclusive = !options.databaseUrl;
    const store = await openStore({ ...options, exclusive });
    const service = new CoveredService(ctx, store, options);
    for (const id of await service.scans.failInterrupted(INTERRUPTED)) await service.audit.append('system', 'scan.failed', id, { error: INTERRUPTED });
    if (exclusive) await service.removeOrphanUploads();
    await service.recordKnowledgeBase();
    return service;
  }

  /** An audit entry whenever the server starts with another knowledge base than the one it last ran with. */
  private async recordKnowledgeBase(): Promise<void> {
    const { kb } = this.ctx;
    await this.kbVersions.record(kb.hash, kb.version, kbFingerprints(kb));
    const last = (await this.audit.list({ action: 'kb.update', limit: 1, offset: 0 })).entries[0];
    if (last?.subject === kb.hash) return;
    const diff = last ? await this.kbVersions.diff(last.subject, kb.hash) : undefined;
    await this.audit.append('system', 'kb.update', kb.hash, {
      version: kb.version,
      ...(last ? { previous: last.subject } : {}),
      ...(diff ? { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length } : {}),
    });
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
    await this.runner.idle();
    await this.compute.close();
    await this.store.close();
  }
}
