/**
 * Worker thread for one part of a large log: for Zeek TSV the file's header lines, then the bytes
 * of the part, through the byte reader with the host filter. Each chunk of results is posted back
 * as it is read; line numbers count the header and then the part's own lines.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, type Sighting } from '../../model/item.js';
import { HostSuffixFilter } from '../host-filter.js';
import { BYTE_LOG_FORMATS, logByteChunks, type ByteLogFormatId } from './log-bytes.js';
import { zeekTsvByteChunks } from './zeek-bytes.js';

/** The logs that can be read in parts. */
export type PartFormat = 'zeek-tsv' | ByteLogFormatId;

export interface LogPartJob {
  file: string;
  format: PartFormat;
  /** Zeek TSV: the header lines, read before the part. */
  header: Uint8Array;
  /** Byte range of the part, `end` exclusive. */
  start: number;
  end: number;
  domains: string[];
}

export type LogPartMessage =
  | { kind: 'chunk'; sightings: Sighting[]; rejected: { line: number; error: string }[]; seen: number; bytes: number }
  | { kind: 'done'; bytes: number }
  | { kind: 'failed'; message: string; input: boolean };

const job = workerData as LogPartJob;
const port = parentPort;

async function* partBytes(counter: { bytes: number }): AsyncGenerator<Buffer> {
  if (job.header.length > 0) yield Buffer.from(job.header);
  if (job.end <= job.start) return;
  for await (const chunk of createReadStream(job.file, { start: job.start, end: job.end - 1, highWaterMark: 256 * 1024 })) {
    counter.bytes += (chunk as Buffer).length;
    yield chunk as Buffer;
  }
}

async function run(): Promise<void> {
  const counter = { bytes: 0 };
  let reported = 0;
  const filter = new HostSuffixFilter(job.domains);
  const chunks = job.format === 'zeek-tsv' ? zeekTsvByteChunks(partBytes(counter), { file: job.file }, filter) : logByteChunks(partBytes(counter), BYTE_LOG_FORMATS[job.format], filter);
  try {
    for await (const chunk of chunks) {
      port?.postMessage({ kind: 'chunk', ...chunk, bytes: counter.bytes - reported } satisfies LogPartMessage);
      reported = counter.bytes;
    }
    port?.postMessage({ kind: 'done', bytes: counter.bytes - reported } satisfies LogPartMessage);
  } catch (error) {
    const input = error instanceof InputError;
    const message = input ? error.message.slice(job.file.length + 2) : error instanceof Error ? error.message : String(error);
    port?.postMessage({ kind: 'failed', message, input } satisfies LogPartMessage);
  }
}

if (port) await run();
