/**
 * Runs uploaded files as scans in the background, as jobs on the queue (in this process, or on
 * Redis for `covered worker` processes): rows are read as a stream, screened, and written in
 * batches with the progress. Each run first takes the scan up under a new attempt number and
 * fences every write with it (store/scan-runs.ts), so a scan whose worker died is taken up again
 * from the start and ends with exactly the rows of one run. A scan that fails (unreadable file,
 * lost database) is marked failed and its partial rows removed.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Context } from '../app/context.js';
import { readInventory, type ColumnInfo } from '../ingest/read-inventory.js';
import { severityRank } from '../kb/timeline.js';
import type { ScanReport } from '../model/finding.js';
import { InputError } from '../model/item.js';
import type { Profile } from '../model/kb.js';
import type { JobQueue, QueuedJob } from '../queue/queue.js';
import { addToSummary, emptySummary, screenRecord, sortSummary } from '../screen/scan.js';
import type { AuditLog } from '../store/audit.js';
import { FILE_CHUNK, LeaseLost, type ScanRunStore } from '../store/scan-runs.js';
import type { ScanInfo, ScanStore, StoredRow } from '../store/scans.js';
import { basisHash, findingKey, itemKey, subjectGroup } from './identity.js';

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
  onError?: (scanId: string, error: unknown) => void;
}

/** Called after a scan completed; an inventory version, for instance, then records what changed. */
export type ScanCompleteListener = (scan: ScanInfo) => Promise<void>;

const BATCH_ROWS = 250;

export class ScanRunner {
  private readonly listeners: ScanCompleteListener[] = [];

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
      if (error instanceof LeaseLost) return; // another worker has the scan now
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
    const message = error instanceof InputError ? error.message.replace(request.path, request.fileName) : `scan failed: ${(error as Error).message ?? String(error)}`;
    if (!(error instanceof InputError)) this.options.onError?.(request.id, error);
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
    // One knowledge base for the whole scan, even if a refreshed one is loaded meanwhile.
    const ctx = this.ctx;
    const options = { asOf: request.asOf, profile, includeHistorical: request.includeHistorical };
    const summary = emptySummary();
    const input: ScanReport['inputs'][number] = { file: request.fileName };
    let batch: StoredRow[] = [];
    let written = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      await this.scans.appendRows(request.id, written, rows, written + rows.length, fence);
      written += rows.length;
      // Let requests and the queue's lock renewals in between batches: a large scan must not stall the process.
      await new Promise((resolve) => setImmediate(resolve));
    };
    for await (const record of readInventory(path, {
      onColumns: (info: ColumnInfo) => {
        input.format = info.format;
        input.columns = { ...input.columns, ...info.columns };
      },
    })) {
      if (record.kind !== 'item' && record.kind !== 'rejected') throw new InputError(request.fileName, 'this kind of file (a log) can be screened with `covered scan`, not yet uploaded');
      const result = screenRecord(ctx.engine, record, options);
      result.origin = { ...result.origin, file: request.fileName };
      addToSummary(summary, result);
      const key = itemKey(record.kind === 'item' ? record.item : undefined, result.label || `${result.origin.line}`);
      batch.push({
        result,
        itemKey: key,
        findings: result.findings.map((finding) => ({
          finding,
          key: findingKey(key, finding),
          basisHash: basisHash(ctx.kb, finding),
          group: subjectGroup(ctx.kb, finding),
          severityRank: severityRank(finding.severity),
        })),
      });
      if (batch.length >= BATCH_ROWS) await flush();
    }
    await flush();
    const sorted = sortSummary(summary);
    await this.scans.complete(request.id, [input], sorted, fence);
    await this.audit.append(request.actor, 'scan.complete', request.id, { file: request.fileName, rows: sorted.rowsRead, findings: sorted.findings, kbHash: ctx.kb.hash });
    for (const reopened of await this.scans.reopenedDispositions(request.id)) {
      await this.audit.append('system', 'disposition.reopen', reopened.key, { scan: request.id, measure: reopened.measureId, subject: reopened.subjectId, state: reopened.state });
    }
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
