/**
 * Following a log as it grows, like `tail -F`: new text is read as it is appended; when the file is
 * rotated (renamed away and a new one created, or truncated), the rest of the old file is read and
 * the new one is read from its start. Memory is one read buffer, whatever the log's size.
 */
import { watch, type FSWatcher } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

export interface FollowOptions {
  /** Read the text already in the file first (default: start at its end, as tail -F). */
  fromStart?: boolean;
  /** Stop at the end of the file instead of waiting for more. */
  once?: boolean;
  /** Longest wait between two looks at the file when no change is signalled. */
  pollMs?: number;
  signal?: AbortSignal;
  /** Told when the file was rotated or truncated. */
  onRotate?: (why: 'rotated' | 'truncated') => void;
}

const CHUNK = 1 << 20;

export async function* followFile(path: string, options: FollowOptions = {}): AsyncGenerator<string> {
  const pollMs = options.pollMs ?? 250;
  let handle: FileHandle = await open(path, 'r');
  let inode = (await handle.stat()).ino;
  let position = options.fromStart ? 0 : (await handle.stat()).size;
  let decoder = new StringDecoder('utf8');
  const buffer = Buffer.allocUnsafe(CHUNK);
  /** What the open file holds past `position`, as text. */
  async function* readToEnd(): AsyncGenerator<string> {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      const text = decoder.write(buffer.subarray(0, bytesRead));
      if (text) yield text;
    }
  }
  let wake: (() => void) | undefined;
  let watcher: FSWatcher | undefined;
  const arm = () => {
    watcher?.close();
    try {
      watcher = watch(path, { persistent: false }, () => wake?.());
      watcher.on('error', () => {});
    } catch {
      watcher = undefined; // the file is between rotation steps; polling finds the new one
    }
  };
  arm();
  const abort = () => wake?.();
  options.signal?.addEventListener('abort', abort);
  try {
    for (;;) {
      // Everything there is to read now.
      yield* readToEnd();
      if (options.once || options.signal?.aborted) break;
      const current = await stat(path).catch(() => undefined);
      if (current && current.ino !== inode) {
        // Rotated: what was written to the old file before it was renamed is read to its end (the
        // open handle still reaches it), then the new one from its start.
        yield* readToEnd();
        const tail = decoder.end();
        if (tail) yield tail;
        await handle.close();
        handle = await open(path, 'r');
        inode = (await handle.stat()).ino;
        position = 0;
        decoder = new StringDecoder('utf8');
        arm();
        options.onRotate?.('rotated');
        continue;
      }
      if (current && current.size < position) {
        position = 0;
        decoder = new StringDecoder('utf8');
        options.onRotate?.('truncated');
        continue;
      }
      if (current && current.size > position) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    watcher?.close();
    await handle.close();
  }
}

/** Standard input as text, to its end. */
export async function* followStdin(): AsyncGenerator<string> {
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) yield chunk as string;
}
