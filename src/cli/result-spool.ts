/**
 * A scan's results, kept in memory while they are few and on disk (one JSON line each, in a
 * temporary file) once they are many, so that a scan of millions of rows stays flat in memory.
 * The reports read them back, as often as they need, in the order they were added. The file is
 * unlinked as soon as it is opened and lives on only through its descriptor, so a scan that is
 * interrupted or killed leaves nothing behind.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ItemResult } from '../model/finding.js';

/** Results kept in memory before the spool moves to disk. */
const IN_MEMORY = 2_000;
const WRITE_BATCH = 1 << 20;
const READ_CHUNK = 1 << 20;

export class ResultSpool implements Iterable<ItemResult> {
  private memory: ItemResult[] | undefined = [];
  private file: { dir: string; fd: number; size: number } | undefined;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly inMemory = IN_MEMORY) {}

  /** The temporary directory the results went to once they were many (already removed from disk). */
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
    const { fd, size } = this.file as { fd: number; size: number };
    let buffer = Buffer.allocUnsafe(READ_CHUNK);
    let held = 0;
    // Positional reads: the one descriptor is also the one written to. Each line is decoded on its
    // own, so a character split between two reads is whole by the time its line is.
    for (let at = 0; at < size; ) {
      if (held === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      const n = readSync(fd, buffer, held, Math.min(buffer.length - held, size - at), at);
      if (n === 0) break;
      at += n;
      const end = held + n;
      const filled = buffer.subarray(0, end);
      let start = 0;
      for (let newline = filled.indexOf(10); newline >= 0; newline = filled.indexOf(10, start)) {
        yield JSON.parse(filled.toString('utf8', start, newline)) as ItemResult;
        start = newline + 1;
      }
      buffer.copy(buffer, 0, start, end);
      held = end - start;
    }
    if (held > 0) yield JSON.parse(buffer.toString('utf8', 0, held)) as ItemResult;
  }

  /** Removes the temporary file; the spool is empty afterwards. */
  close(): void {
    this.memory = [];
    this.pending = [];
    this.pendingLength = 0;
    if (!this.file) return;
    closeSync(this.file.fd);
    this.file = undefined;
  }

  private moveToDisk(): void {
    const dir = mkdtempSync(join(tmpdir(), 'covered-scan-'));
    const path = join(dir, 'results.jsonl');
    const fd = openSync(path, 'w+', 0o600);
    rmSync(dir, { recursive: true, force: true });
    this.file = { dir, fd, size: 0 };
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
    const chunk = Buffer.from(this.pending.join(''));
    writeSync(this.file.fd, chunk, 0, chunk.length, this.file.size);
    this.file.size += chunk.length;
    this.pending = [];
    this.pendingLength = 0;
  }
}
