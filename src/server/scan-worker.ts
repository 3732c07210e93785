/**
 * One scan, in a worker thread of its own: the file is read and every row screened here, and the
 * rows are sent to the server's thread in batches, each acknowledged once written, so a large or
 * hostile file never holds up the API and never runs ahead of the database. The worker ends when
 * the scan does; if a reader waits for ever (a corrupt archive) the thread's event loop runs empty
 * and the reader fails with a message instead.
 */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { createContext } from '../app/context.js';
import { readInventory, type ColumnInfo } from '../ingest/read-inventory.js';
import type { IngestLimits } from '../ingest/limits.js';
import { severityRank } from '../kb/timeline.js';
import { csvFindingCells } from '../report/csv.js';
import type { ScanReport } from '../model/finding.js';
import { InputError } from '../model/item.js';
import { addToSummary, emptySummary, screenRecord, sortSummary } from '../screen/scan.js';
import type { StoredRow } from '../store/scans.js';
import { basisHash, findingKey, itemKey, subjectGroup } from './identity.js';

export interface ScanThreadJob {
  path: string;
  fileName: string;
  asOf: string;
  profileId: string;
  includeHistorical: boolean;
  kbDir?: string;
  limits: IngestLimits;
}

export type ScanMessage =
  | { kind: 'batch'; rows: StoredRow[] }
  | { kind: 'done'; input: ScanReport['inputs'][number]; summary: ScanReport['summary'] }
  | { kind: 'failed'; message: string; input: boolean };

const BATCH_ROWS = 250;

async function run(job: ScanThreadJob): Promise<void> {
  const port = parentPort!;
  const ctx = createContext(job.kbDir);
  const profile = ctx.kb.profiles[job.profileId];
  if (!profile) throw new InputError(job.fileName, `unknown profile "${job.profileId}"`);
  const options = { asOf: job.asOf, profile, includeHistorical: job.includeHistorical };
  const summary = emptySummary();
  const input: ScanReport['inputs'][number] = { file: job.fileName };
  let batch: StoredRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    port.postMessage({ kind: 'batch', rows: batch } satisfies ScanMessage);
    batch = [];
    await once(port, 'message'); // written: go on
  };
  for await (const record of readInventory(job.path, {
    limits: job.limits,
    onColumns: (info: ColumnInfo) => {
      input.format = info.format;
      input.columns = { ...input.columns, ...info.columns };
    },
  })) {
    if (record.kind !== 'item' && record.kind !== 'rejected') throw new InputError(job.fileName, 'this kind of file (a log) can be screened with `covered scan`, not yet uploaded');
    const result = screenRecord(ctx.engine, record, options);
    result.origin = { ...result.origin, file: job.fileName };
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
        csvCells: csvFindingCells(result, finding),
      })),
    });
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  port.postMessage({ kind: 'done', input, summary: sortSummary(summary) } satisfies ScanMessage);
}

const job = workerData as ScanThreadJob;
run(job).catch((error: unknown) => {
  const message = error instanceof InputError ? error.message.replace(job.path, job.fileName) : `scan failed: ${error instanceof Error ? error.message : String(error)}`;
  parentPort!.postMessage({ kind: 'failed', message, input: error instanceof InputError } satisfies ScanMessage);
});
