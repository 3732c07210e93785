/**
 * A scan's results, kept in memory while they are few and on disk (one JSON line each, in a
 * temporary directory) once they are many, so that a scan of millions of rows stays flat in memory.
 * The reports read them back, as often as they need, in the order they were added.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { ItemResult } from '../model/finding.js';

/** Results kept in memory before the spool moves to disk. */
const IN_MEMORY = 2_000;
const WRITE_BATCH = 1 << 20;
const READ_CHUNK = 1 << 20;

export class ResultSpool implements Iterable<ItemResult> {
  private memory: ItemResult[] | undefined = [];
  private file: { dir: string; path: string; fd: number } | undefined;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly inMemory = IN_MEMORY) {}

  /** The temporary directory once the results are on disk. */
  get directory(): string | undefined {
    return this.file?.dir;
  }

  add(result: ItemResult): void {
    if (this.memory) {
      this.memory.push(result);
      if (this.memory.length <= this.inMemory) return;
      this.moveToDisk();
      return;
    }
    this.write(result);
  }

  *[Symbol.iterator](): Iterator<ItemResult> {
    if (this.memory) {
      yield* this.memory;
      return;
    }
    this.flush();
    const { path } = this.file as { path: string };
    const fd = openSync(path, 'r');
    try {
      const decoder = new StringDecoder('utf8');
      const buffer = Buffer.allocUnsafe(READ_CHUNK);
      let rest = '';
      for (let n = readSync(fd, buffer, 0, READ_CHUNK, null); n > 0; n = readSync(fd, buffer, 0, READ_CHUNK, null)) {
        const lines = (rest + decoder.write(buffer.subarray(0, n))).split('\n');
        rest = lines.pop() as string;
        for (const line of lines) yield JSON.parse(line) as ItemResult;
      }
      rest += decoder.end();
      if (rest) yield JSON.parse(rest) as ItemResult;
    } finally {
      closeSync(fd);
    }
  }

  /** Removes the temporary file; the spool is empty afterwards. */
  close(): void {
    this.memory = [];
    this.pending = [];
    this.pendingLength = 0;
    if (!this.file) return;
    closeSync(this.file.fd);
    rmSync(this.file.dir, { recursive: true, force: true });
    this.file = undefined;
  }

  private moveToDisk(): void {
    const dir = mkdtempSync(join(tmpdir(), 'covered-scan-'));
    const path = join(dir, 'results.jsonl');
    this.file = { dir, path, fd: openSync(path, 'w') };
    const held = this.memory as ItemResult[];
    this.memory = undefined;
    for (const result of held) this.write(result);
  }

  private write(result: ItemResult): void {
    const line = `${JSON.stringify(result)}\n`;
    this.pending.push(line);
    this.pendingLength += line.length;
    if (this.pendingLength >= WRITE_BATCH) this.flush();
  }

  private flush(): void {
    if (!this.file || this.pending.length === 0) return;
    writeSync(this.file.fd, this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
  }
}
