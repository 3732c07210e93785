/**
 * Large Zeek TSV files on several cores. The file is cut at line boundaries into one part per
 * core; each part is read by a worker thread (the header lines are handed to every worker), and
 * their chunks are merged here as they arrive. Line numbers are made global by counting the lines
 * of every part but the last beforehand, which runs at memory speed. A file whose header changes
 * part-way (concatenated logs with different columns) is left to the single-threaded reader.
 */
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../model/item.js';
import type { HostSuffixFilter } from '../host-filter.js';
import type { SightingChunk } from './format.js';
import type { ZeekPartJob, ZeekPartMessage } from './zeek-worker.js';

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

/** The parts of the file, or undefined when it should be read by one thread. */
export async function planParts(file: string, size: number, workers: number, minBytes = PARALLEL_MIN_BYTES): Promise<Plan | undefined> {
  if (workers < 2 || size < minBytes) return undefined;
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    let headerEnd = 0;
    let headerLines = 0;
    while (headerEnd < head.length && head[headerEnd] === HASH) {
      const newline = head.indexOf(NEWLINE, headerEnd);
      if (newline < 0) return undefined;
      headerEnd = newline + 1;
      headerLines++;
    }
    if (headerLines === 0) return undefined;
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
      if (k < workers - 1) {
        const lines = await countLines(handle, start, end);
        if (lines === undefined) return undefined;
        firstLine += lines;
      }
    }
    return { header: head.subarray(0, headerEnd), parts };
  } finally {
    await handle.close();
  }
}

/** Newlines in [start, end), or undefined when a header line (other than #close/#open) is among them. */
async function countLines(handle: import('node:fs/promises').FileHandle, start: number, end: number): Promise<number | undefined> {
  const buffer = Buffer.alloc(WINDOW);
  let lines = 0;
  let atLineStart = true;
  for (let position = start; position < end; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(WINDOW, end - position), position);
    if (bytesRead === 0) break;
    if (atLineStart && buffer[0] === HASH && isHeaderChange(buffer, 0, bytesRead)) return undefined;
    for (let newline = buffer.indexOf(NEWLINE); newline >= 0 && newline < bytesRead; newline = buffer.indexOf(NEWLINE, newline + 1)) {
      lines++;
      if (newline + 1 < bytesRead && buffer[newline + 1] === HASH && isHeaderChange(buffer, newline + 1, bytesRead)) return undefined;
    }
    atLineStart = buffer[bytesRead - 1] === NEWLINE;
    position += bytesRead;
  }
  return lines;
}

function isHeaderChange(buffer: Buffer, at: number, length: number): boolean {
  const text = buffer.toString('latin1', at, Math.min(length, at + 16));
  return !text.startsWith('#close') && !text.startsWith('#open');
}

/** Runs the workers and yields their chunks, with global line numbers, as they arrive. */
export async function* zeekTsvParallelChunks(file: string, plan: Plan, filter: HostSuffixFilter, onBytes?: (count: number) => void): AsyncGenerator<SightingChunk> {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const workerUrl = new URL(fromSource ? './zeek-worker.ts' : './zeek-worker.js', here);
  // Run from the TypeScript source (tests, development), the worker registers the TypeScript loader first.
  const source = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); })`;
  const queue: { message: ZeekPartMessage; offset: number }[] = [];
  let wake: (() => void) | undefined;
  let running = plan.parts.length;
  const workers = plan.parts.map((part) => {
    const job: ZeekPartJob = { file, header: plan.header, start: part.start, end: part.end, domains: filter.domains };
    const worker = fromSource ? new Worker(source, { eval: true, workerData: job }) : new Worker(workerUrl, { workerData: job });
    const push = (message: ZeekPartMessage) => {
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
      for (const sighting of message.sightings) sighting.line += offset;
      for (const rejected of message.rejected) rejected.line += offset;
      yield { sightings: message.sightings, rejected: message.rejected, seen: message.seen };
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
