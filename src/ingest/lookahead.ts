/**
 * Reading the start of a stream without losing it: formats and encodings are sniffed from the
 * first bytes or characters, and the same stream is then read from the beginning.
 */

export interface Peeked<T> {
  /** The first chunks, at least `atLeast` units long unless the stream ended first. */
  head: T[];
  /** True when `head` is the whole stream. */
  ended: boolean;
  /** The whole stream again: `head`, then everything after it. */
  all: AsyncGenerator<T>;
}

export async function peek<T extends { length: number }>(source: AsyncIterable<T>, atLeast: number): Promise<Peeked<T>> {
  const iterator = source[Symbol.asyncIterator]();
  const head: T[] = [];
  let size = 0;
  let ended = false;
  while (size < atLeast) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  async function* all(): AsyncGenerator<T> {
    try {
      yield* head;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Closes the underlying file stream when the reader stops early.
      await iterator.return?.();
    }
  }
  return { head, ended, all: all() };
}
