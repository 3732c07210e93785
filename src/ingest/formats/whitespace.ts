/**
 * Plain text in columns separated by runs of spaces or tabs, such as a DNS log written as
 * `timestamp client qname`: each line's fields are cells of a table, whose columns are then
 * recognised by header and content like a CSV's. Lines starting with "#" are comments.
 */
import { lineBatches } from '../lines.js';
import type { RawRow, TextFormat } from './format.js';

export const whitespaceFormat: TextFormat = {
  async *tables(text, context) {
    yield { delimiter: ' ', rows: whitespaceRows(text, context.file) };
  },
};

async function* whitespaceRows(text: AsyncIterable<string>, file: string): AsyncGenerator<RawRow> {
  let width: number | undefined;
  for await (const batch of lineBatches(text)) {
    for (const line of batch) {
      if ('tooLong' in line) {
        yield { origin: { file, line: line.line }, error: 'line is longer than 1 MiB' };
        continue;
      }
      const trimmed = line.text.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const cells = trimmed.split(/\s+/);
      width ??= cells.length;
      if (cells.length !== width) {
        yield { origin: { file, line: line.line }, error: `expected ${width} space-separated columns (as on the first line), found ${cells.length}` };
        continue;
      }
      yield { origin: { file, line: line.line }, cells };
    }
  }
}
