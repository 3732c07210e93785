/** JSON Lines: one JSON object per physical line; a line that is not an object is rejected. */
import { splitLines } from '../lines.js';
import type { RawRow, TextFormat } from './format.js';
import { describeJsonValue, isObject, objectValues, TooDeepError } from './objects.js';

export const jsonLinesFormat: TextFormat = {
  async *tables(text, context) {
    yield { rows: jsonLinesRows(text, context.file) };
  },
};

async function* jsonLinesRows(text: AsyncIterable<string>, file: string): AsyncGenerator<RawRow> {
  for await (const line of splitLines(text)) {
    const origin = { file, line: line.line };
    if ('tooLong' in line) {
      yield { origin, error: 'line is longer than 1 MiB' };
      continue;
    }
    if (line.text.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line.text);
    } catch (error) {
      yield { origin, error: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (!isObject(parsed)) {
      yield { origin, error: `expected a JSON object, found ${describeJsonValue(parsed)}` };
      continue;
    }
    try {
      yield { origin, values: objectValues(parsed) };
    } catch (error) {
      if (!(error instanceof TooDeepError)) throw error;
      yield { origin, error: error.message };
    }
  }
}
