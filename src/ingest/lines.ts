/** Splitting decoded text into physical lines, with a cap so one huge line cannot exhaust memory. */

/** Lines longer than this (in characters) are reported instead of being held in memory. */
export const MAX_LINE_CHARS = 1024 * 1024;

export type TextLine = { line: number; text: string } | { line: number; tooLong: true };

/** Yields each physical line (terminated by \n, \r\n or a lone \r) with its 1-based number. */
export async function* splitLines(chunks: AsyncIterable<string>, maxChars = MAX_LINE_CHARS): AsyncGenerator<TextLine> {
  for await (const batch of lineBatches(chunks, maxChars)) yield* batch;
}

/** The lines of splitLines, as many at a time as each chunk of text completes (never an empty batch). */
export async function* lineBatches(chunks: AsyncIterable<string>, maxChars = MAX_LINE_CHARS): AsyncGenerator<TextLine[]> {
  let pending = '';
  let line = 1;
  let skipping = false; // inside an over-long line whose text has been dropped
  const breakPattern = /\r\n|\n|\r/g;

  for await (const chunk of chunks) {
    pending += chunk;
    const batch: TextLine[] = [];
    let start = 0;
    breakPattern.lastIndex = 0;
    for (let match = breakPattern.exec(pending); match; match = breakPattern.exec(pending)) {
      // A \r at the very end may be the first half of \r\n: wait for the next chunk.
      if (match[0] === '\r' && match.index === pending.length - 1) break;
      const text = pending.slice(start, match.index);
      batch.push(skipping || text.length > maxChars ? { line, tooLong: true } : { line, text });
      skipping = false;
      line++;
      start = breakPattern.lastIndex;
    }
    pending = pending.slice(start);
    if (pending.length > maxChars) {
      skipping = true;
      pending = pending.endsWith('\r') ? '\r' : '';
    }
    if (batch.length > 0) yield batch;
  }
  if (skipping) yield [{ line, tooLong: true }];
  else if (pending.length > 0) yield [{ line, text: pending.replace(/\r$/, '') }];
}
