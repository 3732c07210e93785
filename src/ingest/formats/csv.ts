/**
 * Delimited text (CSV, TSV, semicolon- or pipe-separated). A small RFC 4180 tokenizer rather than
 * csv-parse: csv-parse cannot resume after a broken quote or an over-long record (it drops the rest
 * of the file) and miscounts lines after a CRLF inside a quoted field; both matter here, since bad
 * rows must be reported with their line and reading must go on.
 */
import type { Origin } from '../../model/item.js';
import { peek } from '../lookahead.js';
import { lineBatches, MAX_LINE_CHARS, type TextLine } from '../lines.js';
import type { RawRow, TextFormat } from './format.js';

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'];
const SNIFF_CHARS = 64 * 1024;
const SNIFF_RECORDS = 50;

/** A delimited-text format; without `delimiter`, it is chosen from the first lines. */
export function delimitedFormat(delimiter?: string): TextFormat {
  return {
    async *tables(text, context) {
      const { head, ended, all } = await peek(text, SNIFF_CHARS);
      const chosen = delimiter ?? sniffDelimiter(head.join(''), ended);
      yield { delimiter: chosen, rows: delimitedRows(all, chosen, context.file) };
    },
  };
}

/**
 * The candidate that splits the first records most consistently into the same number of fields
 * (ties: more fields, then the order of CANDIDATE_DELIMITERS). Comma when nothing splits.
 */
export function sniffDelimiter(sample: string, complete: boolean): string {
  const lines = sample.split(/\r\n|\n|\r/);
  if (!complete && lines.length > 1) lines.pop(); // the last line may be cut off
  let best = { delimiter: ',', consistency: 0, fields: 0 };
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const counts = countOutsideQuotes(lines, delimiter);
    const mode = mostFrequent(counts);
    if (mode === 0) continue;
    const consistency = counts.filter((count) => count === mode).length / counts.length;
    if (consistency > best.consistency || (consistency === best.consistency && mode > best.fields)) {
      best = { delimiter, consistency, fields: mode };
    }
  }
  return best.delimiter;
}

/** Delimiter count per record (a quoted line break continues the record) over the first records. */
function countOutsideQuotes(lines: string[], delimiter: string): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  for (const line of lines) {
    if (!inQuotes && line.trim() === '') continue;
    for (const char of line) {
      if (char === '"') inQuotes = !inQuotes;
      else if (char === delimiter && !inQuotes) count++;
    }
    if (inQuotes) continue;
    counts.push(count);
    count = 0;
    if (counts.length === SNIFF_RECORDS) break;
  }
  return counts;
}

function mostFrequent(values: number[]): number {
  const frequency = new Map<number, number>();
  for (const value of values) frequency.set(value, (frequency.get(value) ?? 0) + 1);
  let best = 0;
  let bestFrequency = 0;
  for (const [value, count] of frequency) {
    if (count > bestFrequency || (count === bestFrequency && value > best)) {
      best = value;
      bestFrequency = count;
    }
  }
  return best;
}

/** A record being read; it spans several lines while a quoted field is open. */
interface OpenRecord {
  startLine: number;
  lines: TextLine[];
  size: number;
  cells: string[];
  field: string;
  inQuotes: boolean;
}

/**
 * Yields one row per record. A record whose quote never closes (by the end of the file or within
 * MAX_LINE_CHARS) is rejected at the line where it started, and the lines after that are read
 * again as records of their own, so one stray quote costs one row rather than the rest of the file.
 */
async function* delimitedRows(text: AsyncIterable<string>, delimiter: string, file: string): AsyncGenerator<RawRow> {
  // Lines come a chunk at a time: awaiting each line would cost more than reading it.
  const batches = lineBatches(text)[Symbol.asyncIterator]();
  let batch: TextLine[] = [];
  let next = 0;
  const refill = async (): Promise<TextLine | undefined> => {
    const read = await batches.next();
    if (read.done) return undefined;
    batch = read.value;
    next = 1;
    return batch[0];
  };
  const replay: TextLine[] = [];
  let open: OpenRecord | undefined;
  let width: number | undefined;
  const origin = (line: number): Origin => ({ file, line });

  /** Rejects the open record and queues its later lines for another reading. */
  function abandon(record: OpenRecord, next?: TextLine): RawRow {
    replay.unshift(...record.lines.slice(1), ...(next ? [next] : []));
    open = undefined;
    return { origin: origin(record.startLine), error: `broken quoting: the quote opened on line ${record.startLine} is never closed` };
  }

  try {
    for (;;) {
      const line = replay.shift() ?? (next < batch.length ? batch[next++] : await refill());
      if (!line) {
        if (!open) return;
        yield abandon(open);
        continue;
      }
      if ('tooLong' in line) {
        if (open) yield abandon(open, line);
        else yield { origin: origin(line.line), error: 'line is longer than 1 MiB' };
        continue;
      }
      const record: OpenRecord = open ?? { startLine: line.line, lines: [], size: 0, cells: [], field: '', inQuotes: false };
      record.lines.push(line);
      record.size += line.text.length;
      const outcome = readFields(line.text, delimiter, record);
      if (outcome === 'open') {
        if (record.size > MAX_LINE_CHARS) yield abandon(record);
        else open = record;
        continue;
      }
      open = undefined;
      if (outcome !== 'complete') {
        yield { origin: origin(record.startLine), error: outcome };
        continue;
      }
      const cells = record.cells;
      if (cells.every((cell) => cell.trim() === '')) continue; // blank line
      width ??= cells.length;
      // Trailing empty cells beyond the first record's width are harmless (a stray delimiter).
      while (cells.length > width && (cells[cells.length - 1] ?? '').trim() === '') cells.pop();
      if (cells.length !== width) {
        yield { origin: origin(record.startLine), error: `expected ${width} columns (as on the first row), found ${cells.length}` };
        continue;
      }
      yield { origin: origin(record.startLine), cells };
    }
  } finally {
    await batches.return?.(undefined);
  }
}

/**
 * Adds the fields of one physical line to `record`. Returns 'complete', 'open' when a quoted field
 * continues on the next line, or the reason the line is malformed.
 */
function readFields(text: string, delimiter: string, record: OpenRecord): 'complete' | 'open' | string {
  const isPadding = (char: string | undefined) => char === ' ' || (char === '\t' && delimiter !== '\t');
  let i = 0;
  if (record.inQuotes) record.field += '\n';
  for (;;) {
    if (!record.inQuotes) {
      let start = i;
      while (isPadding(text[start])) start++;
      if (text[start] !== '"') {
        // Unquoted field: a quote inside it (27" monitor) is kept as an ordinary character.
        const end = text.indexOf(delimiter, i);
        if (end === -1) {
          record.cells.push(text.slice(i));
          return 'complete';
        }
        record.cells.push(text.slice(i, end));
        i = end + delimiter.length;
        continue;
      }
      record.inQuotes = true;
      i = start + 1;
    }
    const quote = text.indexOf('"', i);
    if (quote === -1) {
      record.field += text.slice(i);
      return 'open';
    }
    record.field += text.slice(i, quote);
    if (text[quote + 1] === '"') {
      record.field += '"';
      i = quote + 2;
      continue;
    }
    record.inQuotes = false;
    record.cells.push(record.field);
    record.field = '';
    let after = quote + 1;
    while (isPadding(text[after])) after++;
    if (after === text.length) return 'complete';
    if (!text.startsWith(delimiter, after)) {
      return `broken quoting: unexpected text after the closing quote of column ${record.cells.length}`;
    }
    i = after + delimiter.length;
  }
}
