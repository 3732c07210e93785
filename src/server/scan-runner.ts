/**
 * Runs uploaded files as scans in the background, each in a worker thread of its own (see
 * scan-worker.ts), a few at a time: the rows come back in batches and are written with the
 * progress. A scan that fails (unreadable file, a reader that stops, no progress for too long, lost
 * database) is marked failed and its partial rows removed.
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import type { Context } from '../app/context.js';
import { DEFAULT_LIMITS, type IngestLimits } from '../ingest/limits.js';
import type { Profile } from '../model/kb.js';
import type { AuditLog } from '../store/audit.js';
import type { ScanInfo, ScanStore } from '../store/scans.js';
import type { ScanJob, ScanMessage } from './scan-worker.js';
import { startWorker } from './workers.js';

export interface ScanRequest {
  id: string;
  /** Where the file is on disk: kept after a complete scan (to screen it again as of another date), removed when the scan fails. */
  path: string;
  /** The name the user gave it; shown in results instead of the path. */
  fileName: string;
  asOf: string;
  profile: Profile;
  includeHistorical: boolean;
  actor: string;
}

export interface ScanRunnerOptions {
  concurrency?: number;
  /** The knowledge-base directory the workers load (default: the bundled one); the same as the context's. */
  kbDir?: string;
  limits?: IngestLimits;
  /** A scan whose worker sends nothing for this long is stopped and failed (default 5 minutes). */
  stallMs?: number;
  onError?: (scanId: string, error: unknown) => void;
}

export const DEFAULT_STALL_MS = 5 * 60 * 1000;

export class ScanRunner {
  private readonly running = new Map<string, Promise<void>>();
  private readonly workers = new Set<Worker>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;
  private stopped = false;
  private readonly concurrency: number;
  private readonly onError: (scanId: string, error: unknown) => void;

  constructor(
    private readonly ctx: Context,
    private readonly scans: ScanStore,
    private readonly audit: AuditLog,
    private readonly options: ScanRunnerOptions = {},
  ) {
    this.concurrency = options.concurrency ?? 2;
    this.onError = options.onError ?? (() => {});
  }

  /** Records the scan as queued and starts it when a slot is free; returns at once. */
  async submit(request: ScanRequest): Promise<ScanInfo> {
    const rowsExpected = await estimateRows(request.path);
    await this.scans.create({
      id: request.id,
      file_name: request.fileName,
      as_of: request.asOf,
      profile: request.profile.id,
      include_historical: request.includeHistorical,
      kb_version: this.ctx.kb.version,
      kb_hash: this.ctx.kb.hash,
      rows_expected: rowsExpected,
      created_by: request.actor,
    });
    await this.audit.append(request.actor, 'scan.create', request.id, { file: request.fileName, asOf: request.asOf, profile: request.profile.id });
    const job = this.whenSlotFree()
      .then(() => (this.stopped ? undefined : this.run(request)))
      .finally(() => {
        this.active--;
        this.running.delete(request.id);
        this.waiting.shift()?.();
      });
    this.running.set(request.id, job);
    return (await this.scans.get(request.id)) as ScanInfo;
  }

  /** Resolves when every scan submitted so far has ended. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /**
   * Stops every running scan's worker at once (the server is stopping): the scans stay `running`
   * in the store and the next start marks them failed, as after a crash.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  private whenSlotFree(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.waiting.push(() => {
        this.active++;
        resolve();
      }),
    );
  }

  private async run(request: ScanRequest): Promise<void> {
    let outcome: { kind: 'done'; message: Extract<ScanMessage, { kind: 'done' }> } | { kind: 'failed'; message: string; unexpected?: unknown };
    try {
      await this.scans.markRunning(request.id);
      outcome = await this.inWorker(request);
    } catch (error) {
      outcome = { kind: 'failed', message: `scan failed: ${(error as Error).message ?? String(error)}`, unexpected: error };
    }
    if (this.stopped) return;
    try {
      if (outcome.kind === 'done') {
        await this.scans.complete(request.id, [outcome.message.input], outcome.message.summary);
        const { summary } = outcome.message;
        await this.audit.append(request.actor, 'scan.complete', request.id, { file: request.fileName, rows: summary.rowsRead, findings: summary.findings, kbHash: this.ctx.kb.hash });
        for (const reopened of await this.scans.reopenedDispositions(request.id)) {
          await this.audit.append('system', 'disposition.reopen', reopened.key, { scan: request.id, measure: reopened.measureId, subject: reopened.subjectId, state: reopened.state });
        }
        return;
      }
      if (outcome.unexpected !== undefined) this.onError(request.id, outcome.unexpected);
      await this.scans.fail(request.id, outcome.message);
      await this.audit.append(request.actor, 'scan.failed', request.id, { file: request.fileName, error: outcome.message });
    } catch (storeError) {
      // The database itself is gone; the next start marks the scan failed.
      this.onError(request.id, storeError);
    }
    if (outcome.kind === 'failed') await rm(request.path, { force: true });
  }

  /** Runs the scan in a worker, writing its batches as they come; settles with how it ended. */
  private inWorker(request: ScanRequest): Promise<{ kind: 'done'; message: Extract<ScanMessage, { kind: 'done' }> } | { kind: 'failed'; message: string; unexpected?: unknown }> {
    const job: ScanJob = {
      path: request.path,
      fileName: request.fileName,
      asOf: request.asOf,
      profileId: request.profile.id,
      includeHistorical: request.includeHistorical,
      ...(this.options.kbDir ? { kbDir: this.options.kbDir } : {}),
      limits: this.options.limits ?? DEFAULT_LIMITS,
    };
    const stallMs = this.options.stallMs ?? DEFAULT_STALL_MS;
    const worker = startWorker('scan-worker', job);
    this.workers.add(worker);
    return new Promise((resolve) => {
      let settled = false;
      let written = 0;
      let watchdog: NodeJS.Timeout | undefined;
      const settle = (outcome: Awaited<ReturnType<ScanRunner['inWorker']>>) => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        this.workers.delete(worker);
        void worker.terminate();
        resolve(outcome);
      };
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => settle({ kind: 'failed', message: `scan failed: no progress for ${stallMs >= 1000 ? `${Math.round(stallMs / 1000)} s` : `${stallMs} ms`} (is the file damaged?); the scan was stopped` }), stallMs);
        watchdog.unref();
      };
      arm();
      worker.on('message', (message: ScanMessage) => {
        arm();
        if (message.kind === 'batch') {
          const rows = message.rows;
          this.scans
            .appendRows(request.id, written, rows, written + rows.length)
            .then(() => {
              written += rows.length;
              if (!settled) worker.postMessage('written');
            })
            .catch((error: unknown) => settle({ kind: 'failed', message: `scan failed: ${(error as Error).message}`, unexpected: error }));
        } else if (message.kind === 'done') settle({ kind: 'done', message });
        else settle({ kind: 'failed', message: message.message, ...(message.input ? {} : { unexpected: new Error(message.message) }) });
      });
      worker.on('error', (error) => settle({ kind: 'failed', message: `scan failed: ${error.message}`, unexpected: error }));
      worker.on('exit', () => settle({ kind: 'failed', message: 'scan failed: the reader stopped before the end of the file without an error; is the file damaged?' }));
    });
  }
}

/** Lines in a text file, for a progress estimate; 0 (unknown) for compressed files and workbooks. */
async function estimateRows(path: string): Promise<number> {
  let lines = 0;
  let first = true;
  let binary = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    if (first && ((chunk[0] === 0x1f && chunk[1] === 0x8b) || (chunk[0] === 0x50 && chunk[1] === 0x4b))) binary = true;
    first = false;
    if (binary) break;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  // Lines less the header; a file without a final newline is one short, which an estimate allows.
  return binary ? 0 : Math.max(0, lines - 1);
}
