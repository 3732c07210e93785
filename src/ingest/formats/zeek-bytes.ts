/**
 * Zeek TSV logs straight from the bytes: the reader for large logs. Zeek writes ASCII (other bytes
 * escaped as \xNN), one record per line, so lines and columns are found by scanning bytes, and a
 * line's host is turned into a string only when the host filter lets it through. Header lines
 * (#separator, #fields …) are read as text, as the text reader does.
 */
import { InputError, type Sighting } from '../../model/item.js';
import type { HostSuffixFilter } from '../host-filter.js';
import { MAX_LINE_CHARS } from '../lines.js';
import type { FormatContext, SightingChunk } from './format.js';
import { unescapeZeek, zeekColumns, type ZeekColumns } from './logs.js';

const NEWLINE = 0x0a;
const HASH = 0x23;
const EMPTY = Buffer.alloc(0);

export async function* zeekTsvByteChunks(
  bytes: AsyncIterable<Buffer>,
  context: FormatContext,
  filter: HostSuffixFilter | undefined,
  wanted: (host: string) => boolean = () => true,
  /** Set at the end: how many lines were read, header included. */
  counted?: { lines: number },
): AsyncGenerator<SightingChunk> {
  let columns: ZeekColumns | undefined;
  let separator = 0x09;
  let unset = '-';
  let empty = '(empty)';
  let lineNumber = 1;
  let carry: Buffer = EMPTY;
  let skipping = false; // inside an over-long line
  const starts = new Int32Array(64);
  const ends = new Int32Array(64);

  const header = (line: string, number: number): void => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.startsWith('#separator ')) {
      const value = unescapeZeek(text.slice('#separator '.length).trim());
      if (value.length !== 1 || value.charCodeAt(0) > 0x7f) throw new InputError(context.file, `line ${number}: the separator must be one ASCII character`);
      separator = value.charCodeAt(0);
      return;
    }
    const sep = String.fromCharCode(separator);
    const cut = text.indexOf(sep);
    const directive = text.slice(1, cut > 0 ? cut : undefined).trim();
    if (directive === 'unset_field') unset = text.slice(cut + 1);
    else if (directive === 'empty_field') empty = text.slice(cut + 1);
    else if (directive === 'fields') columns = zeekColumns(text.split(sep).slice(1), context.file, number);
  };

  const isNoValue = (value: string) => value === unset || value === empty;

  /** Reads the complete lines of `buffer`; returns what they gave and where the unfinished line starts. */
  const readLines = (buffer: Buffer, from: number, chunk: SightingChunk): number => {
    const { sightings, rejected } = chunk;
    let seen = 0;
    let lineStart = from;
    for (;;) {
      const newline = buffer.indexOf(NEWLINE, lineStart);
      if (newline < 0) break;
      const number = lineNumber++;
      let lineEnd = newline;
      const start = lineStart;
      lineStart = newline + 1;
      if (skipping || lineEnd - start > MAX_LINE_CHARS) {
        rejected.push({ line: number, error: 'line is longer than 1 MiB' });
        skipping = false;
        continue;
      }
      if (lineEnd > start && buffer[lineEnd - 1] === 0x0d) lineEnd--;
      if (lineEnd === start) continue;
      if (buffer[start] === HASH) {
        header(buffer.toString('latin1', start, lineEnd), number);
        continue;
      }
      if (!columns) {
        rejected.push({ line: number, error: 'data before the #fields header line' });
        continue;
      }
      // Column boundaries up to the last column needed.
      const last = columns.last;
      const sep = separator;
      let column = 0;
      starts[0] = start;
      for (let i = start; i < lineEnd; i++) {
        if (buffer[i] !== sep) continue;
        ends[column] = i;
        if (++column > last) break;
        starts[column] = i + 1;
      }
      if (column < last) {
        rejected.push({ line: number, error: 'fewer columns than the #fields header names' });
        continue;
      }
      if (column === last) ends[column] = lineEnd;
      const hostStart = starts[columns.host] as number;
      const hostEnd = ends[columns.host] as number;
      if (hostEnd === hostStart) continue;
      const hostLength = hostEnd - hostStart;
      if ((hostLength === unset.length || hostLength === empty.length) && isNoValue(buffer.toString('latin1', hostStart, hostEnd))) continue;
      if (filter && !filter.mayMatch(buffer, hostStart, hostEnd)) {
        seen++;
        continue;
      }
      const host = buffer.toString(hasHighByte(buffer, hostStart, hostEnd) ? 'utf8' : 'latin1', hostStart, hostEnd);
      if (!wanted(host)) {
        seen++;
        continue;
      }
      const sighting: Sighting = { line: number, host };
      if (columns.client >= 0) sighting.client = buffer.toString('latin1', starts[columns.client], ends[columns.client]);
      if (columns.time >= 0) sighting.time = buffer.toString('latin1', starts[columns.time], ends[columns.time]);
      sightings.push(sighting);
    }
    chunk.seen += seen;
    return lineStart;
  };

  for await (const buffer of bytes) {
    const chunk: SightingChunk = { sightings: [], rejected: [], seen: 0 };
    let from = 0;
    if (carry.length > 0) {
      // Only the line cut by the previous chunk's end is copied together, not the whole chunk.
      const newline = buffer.indexOf(NEWLINE);
      if (newline < 0 && carry.length + buffer.length <= MAX_LINE_CHARS) {
        carry = Buffer.concat([carry, buffer]);
        continue;
      }
      if (newline < 0) {
        skipping = true;
        carry = EMPTY;
        continue;
      }
      readLines(Buffer.concat([carry, buffer.subarray(0, newline + 1)]), 0, chunk);
      from = newline + 1;
    }
    const rest = readLines(buffer, from, chunk);
    carry = buffer.subarray(rest);
    if (carry.length > MAX_LINE_CHARS) {
      // Drop the text of an over-long line as it arrives; it is reported at its end.
      skipping = true;
      carry = EMPTY;
    } else if (carry.length > 0) {
      carry = Buffer.from(carry); // a copy, so the whole chunk is not kept alive for its tail
    }
    if (chunk.sightings.length > 0 || chunk.rejected.length > 0 || chunk.seen > 0) yield chunk;
  }
  if (skipping) {
    yield { sightings: [], rejected: [{ line: lineNumber++, error: 'line is longer than 1 MiB' }], seen: 0 };
  } else if (carry.length > 0) {
    // The last line has no newline.
    const chunk: SightingChunk = { sightings: [], rejected: [], seen: 0 };
    readLines(Buffer.concat([carry, Buffer.from([NEWLINE])]), 0, chunk);
    yield chunk;
  }
  if (counted) counted.lines = lineNumber - 1;
}

function hasHighByte(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] as number) >= 0x80) return true;
  return false;
}
