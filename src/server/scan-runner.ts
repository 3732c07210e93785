/**
 * Runs uploaded files as scans in the background: rows are read as a stream, screened, and written
 * in batches with the progress, a few scans at a time. A scan that fails (unreadable file, lost
 * database) is marked failed and its partial rows removed.
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { Context } from '../app/context.js';
import { readInventory, type ColumnInfo } from '../ingest/read-inventory.js';
import { severityRank } from '../kb/timeline.js';
import type { ScanReport } from '../model/finding.js';
import { InputError } from '../model/item.js';
import type { Profile } from '../model/kb.js';
import { addToSummary, emptySummary, screenRecord, sortSummary } from '../screen/scan.js';
import type { AuditLog } from '../store/audit.js';
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

const BATCH_ROWS = 250;

export class ScanRunner {
  private readonly running = new Map<string, Promise<void>>();
  private readonly waiting: (() => void)[] = [];
  private active = 0;

  constructor(
    private readonly ctx: Context,
    private readonly scans: ScanStore,
    private readonly audit: AuditLog,
    private readonly concurrency = 2,
    private readonly onError: (scanId: string, error: unknown) => void = () => {},
  ) {}

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
      .then(() => this.run(request))
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
    const options = { asOf: request.asOf, profile: request.profile, includeHistorical: request.includeHistorical };
    const summary = emptySummary();
    const input: ScanReport['inputs'][number] = { file: request.fileName };
    let batch: StoredRow[] = [];
    let written = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      await this.scans.appendRows(request.id, written, rows, written + rows.length);
      written += rows.length;
      // Let requests in between batches: a large scan must not stall the API.
      await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      await this.scans.markRunning(request.id);
      for await (const record of readInventory(request.path, {
        onColumns: (info: ColumnInfo) => {
          input.format = info.format;
          input.columns = { ...input.columns, ...info.columns };
        },
      })) {
        if (record.kind !== 'item' && record.kind !== 'rejected') throw new InputError(request.fileName, 'this kind of file (a log) can be screened with `covered scan`, not yet uploaded');
        const result = screenRecord(this.ctx.engine, record, options);
        result.origin = { ...result.origin, file: request.fileName };
        addToSummary(summary, result);
        const key = itemKey(record.kind === 'item' ? record.item : undefined, result.label || `${result.origin.line}`);
        batch.push({
          result,
          itemKey: key,
          findings: result.findings.map((finding) => ({
            finding,
            key: findingKey(key, finding),
            basisHash: basisHash(this.ctx.kb, finding),
            group: subjectGroup(this.ctx.kb, finding),
            severityRank: severityRank(finding.severity),
          })),
        });
        if (batch.length >= BATCH_ROWS) await flush();
      }
      await flush();
      const sorted = sortSummary(summary);
      await this.scans.complete(request.id, [input], sorted);
      await this.audit.append(request.actor, 'scan.complete', request.id, { file: request.fileName, rows: sorted.rowsRead, findings: sorted.findings, kbHash: this.ctx.kb.hash });
      for (const reopened of await this.scans.reopenedDispositions(request.id)) {
        await this.audit.append('system', 'disposition.reopen', reopened.key, { scan: request.id, measure: reopened.measureId, subject: reopened.subjectId, state: reopened.state });
      }
    } catch (error) {
      const message = error instanceof InputError ? error.message.replace(request.path, request.fileName) : `scan failed: ${(error as Error).message ?? String(error)}`;
      if (!(error instanceof InputError)) this.onError(request.id, error);
      try {
        await this.scans.fail(request.id, message);
        await this.audit.append(request.actor, 'scan.failed', request.id, { file: request.fileName, error: message });
      } catch (storeError) {
        // The database itself is gone; the next start marks the scan failed.
        this.onError(request.id, storeError);
      }
      await rm(request.path, { force: true });
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
