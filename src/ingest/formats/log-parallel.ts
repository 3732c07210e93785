/**
 * Large logs on several cores. The file is cut at line boundaries into one part per core; each
 * part is read from the bytes by a worker thread (a Zeek TSV file's header lines are handed to every
 * worker), and their chunks are merged here as they arrive. Line numbers are made global by
 * counting the lines of every part but the last beforehand, which runs at memory speed. A Zeek TSV
 * file whose header changes part-way (concatenated logs with different columns), and any other log
 * that is not valid UTF-8 throughout (its decoding would depend on what came before), are left to
 * the single-threaded reader.
 */
import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../model/item.js';
import { completeUtf8Length } from '../decode.js';
import type { HostSuffixFilter } from '../host-filter.js';
import type { SightingChunk } from './format.js';
import type { LogPartJob, LogPartMessage, PartFormat } from './log-worker.js';

/** Below this a single thread is as fast: starting workers costs more than they save. */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;
const WINDOW = 1024 * 1024;
const NEWLINE = 0x0a;
const HASH = 0x23;

interface Part {
  start: number;
  end: number;
  /** Added to a worker's line numbers (which count the header, then the part's lines). */
  lineOffset: number;
}

interface Plan {
  header: Buffer;
  parts: Part[];
}

/** How many worker threads a large file gets: one per core, at most four. */
export function parallelWorkers(): number {
  return Math.min(4, availableParallelism());
}

/**
 * The parts of the file, or undefined when it should be read by one thread. A Zeek TSV file starts
 * with its header lines; other logs have none, and are read whole here to check that they are
 * valid UTF-8.
 */
export async function planParts(file: string, size: number, workers: number, format: PartFormat, minBytes = PARALLEL_MIN_BYTES): Promise<Plan | undefined> {
  if (workers < 2 || size < minBytes) return undefined;
  const zeek = format === 'zeek-tsv';
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    let headerEnd = 0;
    let headerLines = 0;
    while (zeek && headerEnd < head.length && head[headerEnd] === HASH) {
      const newline = head.indexOf(NEWLINE, headerEnd);
      if (newline < 0) return undefined;
      headerEnd = newline + 1;
      headerLines++;
    }
    if (zeek && headerLines === 0) return undefined;
    const bounds = [headerEnd];
    const window = Buffer.alloc(WINDOW);
    for (let k = 1; k < workers; k++) {
      const target = headerEnd + Math.floor(((size - headerEnd) * k) / workers);
      const { bytesRead } = await handle.read(window, 0, WINDOW, target);
      const newline = window.subarray(0, bytesRead).indexOf(NEWLINE);
      if (newline < 0) return undefined;
      bounds.push(Math.max(target + newline + 1, bounds[bounds.length - 1] as number));
    }
    bounds.push(size);
    const parts: Part[] = [];
    let firstLine = headerLines + 1;
    for (let k = 0; k < workers; k++) {
      const start = bounds[k] as number;
      const end = bounds[k + 1] as number;
      parts.push({ start, end, lineOffset: firstLine - 1 - headerLines });
      if (k < workers - 1 || !zeek) {
        const lines = await countLines(handle, start, end, zeek);
        if (lines === undefined) return undefined;
        firstLine += lines;
      }
    }
    return { header: head.subarray(0, headerEnd), parts };
  } finally {
    await handle.close();
  }
}

/**
 * Newlines in [start, end), or undefined when the part cannot be read apart from the rest: in Zeek
 * TSV a header line (other than #close/#open) among them, in other logs bytes that are not UTF-8.
 */
async function countLines(handle: FileHandle, start: number, end: number, zeek: boolean): Promise<number | undefined> {
  const buffer = Buffer.alloc(WINDOW);
  let lines = 0;
  let atLineStart = true;
  let carry = 0; // bytes of a UTF-8 sequence cut by the window's end, read again with the next window
  for (let position = start; position < end; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(WINDOW, end - position), position);
    if (bytesRead === 0) break;
    if (!zeek) {
      const complete = position + bytesRead < end ? completeUtf8Length(buffer.subarray(0, bytesRead)) : bytesRead;
      if (complete === 0 || !isUtf8(buffer.subarray(0, complete))) return undefined;
      carry = bytesRead - complete;
    }
    const counted = bytesRead - carry;
    if (zeek && atLineStart && buffer[0] === HASH && isHeaderChange(buffer, 0, counted)) return undefined;
    for (let newline = buffer.indexOf(NEWLINE); newline >= 0 && newline < counted; newline = buffer.indexOf(NEWLINE, newline + 1)) {
      lines++;
      if (zeek && newline + 1 < counted && buffer[newline + 1] === HASH && isHeaderChange(buffer, newline + 1, counted)) return undefined;
    }
    atLineStart = buffer[counted - 1] === NEWLINE;
    position += counted;
  }
  return lines;
}

function isHeaderChange(buffer: Buffer, at: number, length: number): boolean {
  const text = buffer.toString('latin1', at, Math.min(length, at + 16));
  return !text.startsWith('#close') && !text.startsWith('#open');
}

/**
 * Runs the workers and yields their chunks, with global line numbers, as they arrive. A sighting
 * whose host `wanted` turns down is counted as the single-threaded reader would count it.
 */
export async function* parallelLogChunks(
  file: string,
  plan: Plan,
  format: PartFormat,
  filter: HostSuffixFilter,
  wanted: ((host: string) => boolean) | undefined,
  onBytes?: (count: number) => void,
): AsyncGenerator<SightingChunk> {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const workerUrl = new URL(fromSource ? './log-worker.ts' : './log-worker.js', here);
  // Run from the TypeScript source (tests, development), the worker registers the TypeScript loader first.
  const source = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); })`;
  const queue: { message: LogPartMessage; offset: number }[] = [];
  let wake: (() => void) | undefined;
  let running = plan.parts.length;
  const workers = plan.parts.map((part) => {
    const job: LogPartJob = { file, format, header: plan.header, start: part.start, end: part.end, domains: filter.domains };
    const worker = fromSource ? new Worker(source, { eval: true, workerData: job }) : new Worker(workerUrl, { workerData: job });
    const push = (message: LogPartMessage) => {
      queue.push({ message, offset: part.lineOffset });
      wake?.();
    };
    worker.on('message', push);
    worker.on('error', (error) => push({ kind: 'failed', message: error.message, input: false }));
    return worker;
  });
  try {
    while (running > 0) {
      const next = queue.shift();
      if (!next) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      const { message, offset } = next;
      if (message.kind === 'failed') {
        if (message.input) throw new InputError(file, message.message);
        throw new Error(`reading ${file} in a worker thread: ${message.message}`);
      }
      onBytes?.(message.bytes);
      if (message.kind === 'done') {
        running--;
        continue;
      }
      let seen = message.seen;
      const sightings = wanted ? message.sightings.filter((sighting) => wanted(sighting.host) || (seen++, false)) : message.sightings;
      for (const sighting of sightings) sighting.line += offset;
      for (const rejected of message.rejected) rejected.line += offset;
      yield { sightings, rejected: message.rejected, seen };
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
