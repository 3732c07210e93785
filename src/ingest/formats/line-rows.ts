/** Formats of one entry per line: each line read by the format, a line over the cap rejected without being held. */
import type { Origin } from '../../model/item.js';
import { splitLines } from '../lines.js';
import type { RawRow } from './format.js';

/** `read` gives a line's row, the rows of a line that declares several, or undefined for a line that declares none. */
export async function* rowsOfLines(text: AsyncIterable<string>, file: string, read: (entry: string, origin: Origin) => RawRow | RawRow[] | undefined): AsyncGenerator<RawRow> {
  for await (const line of splitLines(text)) {
    const origin = { file, line: line.line };
    if ('tooLong' in line) {
      yield { origin, error: 'line is longer than 1 MiB' };
      continue;
    }
    const row = read(line.text, origin);
    if (Array.isArray(row)) yield* row;
    else if (row) yield row;
  }
}
