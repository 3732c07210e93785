/**
 * Runs uploaded files as scans in the background, as jobs on the queue (in this process, or on
 * Redis for `covered worker` processes): each scan's rows are read and screened in a worker thread
 * of its own (scan-worker.ts), so a large or hostile file never holds up the API, and written here
 * in batches with the progress; a scan whose thread sends nothing for too long is stopped. Each run first takes the scan up under a new attempt number and
 * fences every write with it (store/scan-runs.ts), so a scan whose worker died is taken up again
 * from the start and ends with exactly the rows of one run. A scan that fails (unreadable file,
 * lost database) is marked failed and its partial rows removed.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, gunzipSync } from 'node:zlib';
import type { Context } from '../app/context.js';
import type { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS, type IngestLimits } from '../ingest/limits.js';
import { InputError } from '../model/item.js';
import type { Profile } from '../model/kb.js';
import type { JobQueue, QueuedJob } from '../queue/queue.js';
import type { AuditLog } from '../store/audit.js';
import { FILE_CHUNK, LeaseLost, type ScanRunStore } from '../store/scan-runs.js';
import type { ScanStore } from '../store/scans.js';
import type { ScanInfo } from '../model/scan.js';
import type { ScanMessage, ScanThreadJob } from './scan-worker.js';
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

/** What a scan job carries: the request with the profile by id, so any worker can run it. */
export interface ScanJob extends Omit<ScanRequest, 'profile'> {
  profile: string;
}

export interface ScanRunnerOptions {
  /** This process, as recorded on the attempts it makes (host:pid). */
  owner: string;
  uploadsDir: string;
  /** The knowledge-base directory the scan threads load (default: the bundled one); the same as the context's. */
  kbDir?: string;
  limits?: IngestLimits;
  /** A scan whose thread sends nothing for this long is stopped and failed (default 5 minutes). */
  stallMs?: number;
  onError?: (scanId: string, error: unknown) => void;
}

export const DEFAULT_STALL_MS = 5 * 60 * 1000;

/** Called after a scan completed; an inventory version, for instance, then records what changed. */
export type ScanCompleteListener = (scan: ScanInfo) => Promise<void>;

/** A scan's thread ended it: a message for the user, and whether the input was at fault. */
class ThreadFailure extends Error {
  constructor(
    message: string,
    readonly input: boolean,
  ) {
    super(message);
  }
}

type ThreadOutcome = { kind: 'done'; message: Extract<ScanMessage, { kind: 'done' }> } | { kind: 'failed'; message: string; input: boolean };

export class ScanRunner {
  private readonly listeners: ScanCompleteListener[] = [];
  private readonly workers = new Set<Worker>();
  /** The process is stopping: a scan whose thread was stopped is left running, to be failed or taken up later. */
  private stopping = false;

  constructor(
    /** The screening context in use (it changes when the knowledge base is refreshed). */
    private readonly context: () => Context,
    private readonly scans: ScanStore,
    private readonly runs: ScanRunStore,
    private readonly audit: AuditLog,
    private readonly queue: JobQueue,
    private readonly options: ScanRunnerOptions,
  ) {}

  private get ctx(): Context {
    return this.context();
  }

  onComplete(listener: ScanCompleteListener): void {
    this.listeners.push(listener);
  }

  /** Records the scan as queued and puts it on the queue; returns at once. */
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
    // Workers on other machines read the file from the database.
    if (this.queue.kind === 'redis') await this.runs.saveFile(request.id, createReadStream(request.path, { highWaterMark: FILE_CHUNK }));
    await this.audit.append(request.actor, 'scan.create', request.id, { file: request.fileName, asOf: request.asOf, profile: request.profile.id });
    await this.enqueue({ ...request, profile: request.profile.id });
    return (await this.scans.get(request.id)) as ScanInfo;
  }

  /** Puts a recorded scan (back) on the queue; a scan already waiting or running there is left alone. */
  async enqueue(job: ScanJob): Promise<void> {
    await this.queue.add('scan', job, { jobId: `scan-${job.id}` });
  }

  /** Stops every scan thread at once (the process is stopping); their scans are taken up again later. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.workers].map((worker) => worker.terminate()));
  }

  /** Resolves when every scan this process has taken has ended. */
  async idle(): Promise<void> {
    await this.queue.idle();
  }

  /** The queue's handler for scan jobs. */
  async handle(job: QueuedJob): Promise<void> {
    const request = job.data as ScanJob;
    const attempt = await this.runs.claim(request.id, this.options.owner);
    if (attempt === undefined) return; // complete, failed or deleted meanwhile
    const fence = (tx: Parameters<ScanRunStore['fence']>[0]) => this.runs.fence(tx, request.id, attempt);
    if (attempt > 1) await this.audit.append('system', 'scan.resume', request.id, { attempt, worker: this.options.owner });
    try {
      const profile = this.ctx.kb.profiles[request.profile];
      if (!profile) throw new InputError(request.fileName, `the profile "${request.profile}" is not in this worker's knowledge base`);
      const path = await this.localFile(request);
      await this.run(request, path, profile, fence);
    } catch (error) {
      if (error instanceof LeaseLost || this.stopping) return; // another worker has the scan now, or will
      await this.fail(request, error, fence);
      return;
    }
    await this.completed(request.id);
  }

  /** A scan job that will not run again (its workers kept dying): the scan is failed. */
  async failJob(job: QueuedJob, error: Error): Promise<void> {
    const request = job.data as ScanJob;
    const scan = await this.scans.get(request.id);
    if (!scan || scan.status === 'complete' || scan.status === 'failed') return;
    await this.fail(request, error);
  }

  private async fail(request: ScanJob, error: unknown, fence?: Parameters<ScanStore['fail']>[2]): Promise<void> {
    const message =
      error instanceof InputError ? error.message.replace(request.path, request.fileName) : error instanceof ThreadFailure ? error.message : `scan failed: ${(error as Error).message ?? String(error)}`;
    if (!(error instanceof InputError) && !(error instanceof ThreadFailure && error.input)) this.options.onError?.(request.id, error);
    try {
      await this.scans.fail(request.id, message, fence);
      await this.audit.append(request.actor, 'scan.failed', request.id, { file: request.fileName, error: message });
      await this.runs.deleteFile(request.id);
    } catch (storeError) {
      if (storeError instanceof LeaseLost) return;
      // The database itself is gone; the scan is failed when the server starts again.
      this.options.onError?.(request.id, storeError);
    }
    await rm(request.path, { force: true });
  }

  /** The scan's file on this machine: where it was uploaded, or fetched from the database into this worker's data directory. */
  private async localFile(request: ScanJob): Promise<string> {
    if (existsSync(request.path)) return request.path;
    const path = join(this.options.uploadsDir, request.id);
    if (existsSync(path)) return path;
    if (!(await this.runs.hasFile(request.id))) throw new InputError(request.fileName, 'the uploaded file is neither on this machine nor kept in the database; upload it again');
    await mkdir(this.options.uploadsDir, { recursive: true });
    const partial = `${path}.${process.pid}.part`;
    await pipeline(Readable.from(this.runs.fileChunks(request.id)), createWriteStream(partial));
    await rename(partial, path);
    return path;
  }

  private async run(request: ScanJob, path: string, profile: Profile, fence: (tx: Parameters<ScanRunStore['fence']>[0]) => Promise<void>): Promise<void> {
    const kbHash = this.ctx.kb.hash;
    const outcome = await this.inThread({ ...request, path }, profile, fence);
    if (outcome.kind === 'failed') throw new ThreadFailure(outcome.message, outcome.input);
    const { input, summary } = outcome.message;
    await this.scans.complete(request.id, [input], summary, fence);
    await this.audit.append(request.actor, 'scan.complete', request.id, { file: request.fileName, rows: summary.rowsRead, findings: summary.findings, kbHash });
    for (const reopened of await this.scans.reopenedDispositions(request.id)) {
      await this.audit.append('system', 'disposition.reopen', reopened.key, { scan: request.id, measure: reopened.measureId, subject: reopened.subjectId, state: reopened.state });
    }
  }

  /** Runs the scan in a thread, writing its batches as they come (each fenced); settles with how it ended. */
  private inThread(request: ScanJob, profile: Profile, fence: (tx: Parameters<ScanRunStore['fence']>[0]) => Promise<void>): Promise<ThreadOutcome> {
    const job: ScanThreadJob = {
      path: request.path,
      fileName: request.fileName,
      asOf: request.asOf,
      profileId: profile.id,
      includeHistorical: request.includeHistorical,
      ...(this.options.kbDir ? { kbDir: this.options.kbDir } : {}),
      limits: this.options.limits ?? DEFAULT_LIMITS,
    };
    const stallMs = this.options.stallMs ?? DEFAULT_STALL_MS;
    const worker = startWorker('scan-worker', job);
    this.workers.add(worker);
    return new Promise((resolve, reject) => {
      let settled = false;
      let written = 0;
      let watchdog: NodeJS.Timeout | undefined;
      const end = () => {
        settled = true;
        clearTimeout(watchdog);
        this.workers.delete(worker);
        void worker.terminate();
      };
      const settle = (outcome: ThreadOutcome) => {
        if (settled) return;
        end();
        resolve(outcome);
      };
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => settle({ kind: 'failed', input: false, message: `scan failed: no progress for ${stallMs >= 1000 ? `${Math.round(stallMs / 1000)} s` : `${stallMs} ms`} (is the file damaged?); the scan was stopped` }), stallMs);
        watchdog.unref();
      };
      arm();
      worker.on('message', (message: ScanMessage) => {
        arm();
        if (message.kind === 'batch') {
          const rows = message.rows;
          this.scans
            .appendRows(request.id, written, rows, written + rows.length, fence)
            .then(() => {
              written += rows.length;
              if (!settled) worker.postMessage('written');
            })
            .catch((error: unknown) => {
              if (settled) return;
              end();
              reject(error); // a lost lease, or a lost database
            });
        } else if (message.kind === 'done') settle({ kind: 'done', message });
        else settle({ kind: 'failed', message: message.message, input: message.input });
      });
      worker.on('error', (error) => settle({ kind: 'failed', input: false, message: `scan failed: ${error.message}` }));
      worker.on('exit', () => settle({ kind: 'failed', input: false, message: 'scan failed: the reader stopped before the end of the file without an error; is the file damaged?' }));
    });
  }

  /** Tells the listeners; their failures are reported, never turned into a failed scan (it is complete). */
  private async completed(scanId: string): Promise<void> {
    const scan = await this.scans.get(scanId);
    if (!scan) return;
    for (const listener of this.listeners) {
      try {
        await listener(scan);
      } catch (error) {
        this.options.onError?.(scanId, error);
      }
    }
  }
}

/** Lines in a text file, for a progress estimate; 0 (unknown) for compressed files and workbooks. */
export async function estimateRows(path: string): Promise<number> {
  let lines = 0;
  let first = true;
  let gzip = false;
  let zip = false;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    if (first) {
      gzip = chunk[0] === 0x1f && chunk[1] === 0x8b;
      zip = chunk[0] === 0x50 && chunk[1] === 0x4b;
    }
    first = false;
    if (gzip || zip) break;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  if (gzip) return estimateGzipRows(path);
  // Lines less the header; a file without a final newline is one short, which an estimate allows.
  return zip ? 0 : Math.max(0, lines - 1);
}

/**
 * A gzip file's rows, estimated without inflating it whole: its inflated size (the trailer's last
 * four bytes, modulo 4 GiB) divided by the length of the lines at its start. 0 when unreadable.
 */
async function estimateGzipRows(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size < 18) return 0;
    const trailer = Buffer.alloc(4);
    await handle.read(trailer, 0, 4, size - 4);
    const inflatedSize = trailer.readUInt32LE(0);
    const head = Buffer.alloc(Math.min(size, 8 * 1024));
    await handle.read(head, 0, head.length, 0);
    let sample: Buffer;
    try {
      // The first bytes alone: a sync flush gives what they inflate to without the rest of the stream.
      sample = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1024 * 1024 });
    } catch {
      return 0;
    }
    let lines = 0;
    for (let i = sample.indexOf(10); i !== -1; i = sample.indexOf(10, i + 1)) lines++;
    if (lines === 0 || sample.length === 0) return 0;
    return Math.max(0, Math.round((inflatedSize * lines) / sample.length) - 1);
  } finally {
    await handle.close();
  }
}
