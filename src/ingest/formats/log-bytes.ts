/**
 * Line-per-record logs (BIND query logs, dnsmasq/Pi-hole, Zeek JSON, Squid) read from the bytes. Most
 * lines of a large log name a host under no listed domain and end as a count: for those the host is
 * found in the bytes and ruled out by the host filter, and the line is never decoded. Every other
 * line (a possible hit, or one that is not in the plain shape the locator knows) is decoded and
 * handed to the format's text parser, so the result is the text reader's, line for line.
 * The bytes are cut and decoded as the text reader cuts and decodes them (see utf8Pieces).
 */
import type { Sighting } from '../../model/item.js';
import { decodePiece, utf8Pieces } from '../decode.js';
import type { HostSuffixFilter } from '../host-filter.js';
import { MAX_LINE_CHARS } from '../lines.js';
import type { SightingChunk } from './format.js';
import { bindQueryLine, dnsmasqLine, SEEN, squidLine, zeekJsonLine, type LineParser } from './logs.js';

/** The line names no host: the text parser would return nothing for it. */
const NO_HOST = 0;
/** The host is bytes[span.start, span.end), ASCII, and the text parser would count the line if the host is unwanted. */
const HOST = 1;
/** Decode the line and ask the text parser. */
const ASK_TEXT = 2;

interface Span {
  start: number;
  end: number;
}

/** Finds a line's host as the format's text parser does, for the lines in the plain shape. */
type Locator = (bytes: Buffer, start: number, end: number, span: Span) => typeof NO_HOST | typeof HOST | typeof ASK_TEXT;

export interface ByteLogFormat {
  /** A fresh locator per reader: locators remember where they last searched. */
  locator(): Locator;
  parse: LineParser;
}

const NEWLINE = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** A partial line longer than this many bytes is longer than MAX_LINE_CHARS characters whatever it holds. */
const CERTAINLY_TOO_LONG = 3 * MAX_LINE_CHARS + 3;

/**
 * The first occurrence of a needle at or after a position, remembered per buffer: searching once
 * per line would rescan the rest of the buffer for each line that lacks the needle. The search
 * looks for one byte of the needle that is rare in such lines (`anchor`, e.g. the q of "query")
 * and compares the rest around it: a one-byte search is much cheaper than Buffer's search for a
 * whole needle, which prepares its tables on every call.
 */
class NeedleSearch {
  private readonly needle: Buffer;
  private readonly anchorByte: number;
  private buffer: Buffer | undefined;
  private next = 0;

  constructor(
    needle: string,
    private readonly anchor: number,
  ) {
    this.needle = Buffer.from(needle, 'latin1');
    this.anchorByte = this.needle[anchor] as number;
  }

  /** Where the needle starts within [start, end), or -1. */
  find(buffer: Buffer, start: number, end: number): number {
    if (buffer !== this.buffer || this.next < start) {
      this.buffer = buffer;
      this.next = this.search(buffer, start);
    }
    return this.next + this.needle.length <= end ? this.next : -1;
  }

  get length(): number {
    return this.needle.length;
  }

  /** The first occurrence at or after `from`, or the buffer's length. */
  private search(buffer: Buffer, from: number): number {
    const { needle, anchor } = this;
    for (let at = buffer.indexOf(this.anchorByte, from + anchor); at >= 0; at = buffer.indexOf(this.anchorByte, at + 1)) {
      const start = at - anchor;
      if (start + needle.length > buffer.length) break;
      let k = 0;
      while (k < needle.length && buffer[start + k] === needle[k]) k++;
      if (k === needle.length) return start;
    }
    return buffer.length;
  }
}

/** The bytes up to the next space (or the line's end); empty or odd hosts go to the text parser. */
function hostToSpace(bytes: Buffer, start: number, end: number, span: Span): typeof HOST | typeof ASK_TEXT {
  let at = start;
  while (at < end && bytes[at] !== SPACE) at++;
  if (at === start) return ASK_TEXT;
  span.start = start;
  span.end = at;
  return HOST;
}

/** "… client @0x… 192.0.2.5#53211 (name): query: NAME IN A …" (see bindQueryLine). */
export const bindQueryLogBytes: ByteLogFormat = {
  locator() {
    const query = new NeedleSearch(' query: ', 1);
    return (bytes, start, end, span) => {
      const at = query.find(bytes, start, end);
      return at < 0 ? ASK_TEXT : hostToSpace(bytes, at + query.length, end, span);
    };
  },
  parse: bindQueryLine,
};

/** "Nov 25 00:00:01 dnsmasq[812]: query[A] NAME from ADDRESS"; other lines name no query (see dnsmasqLine). */
export const dnsmasqLogBytes: ByteLogFormat = {
  locator() {
    const query = new NeedleSearch(': query[', 2);
    return (bytes, start, end, span) => {
      const at = query.find(bytes, start, end);
      if (at < 0) return NO_HOST;
      let close = at + query.length;
      while (close + 1 < end && !(bytes[close] === 0x5d && bytes[close + 1] === SPACE)) close++;
      if (close + 1 >= end) return ASK_TEXT;
      return hostToSpace(bytes, close + 2, end, span);
    };
  },
  parse: dnsmasqLine,
};

/** A plain JSON object per line with "query", "server_name" or "host" as a string without escapes (see zeekJsonLine). */
export const zeekJsonBytes: ByteLogFormat = {
  locator() {
    // Anchored on q, v and h: the keys before "query" in Zeek's dns.log have no q.
    const keys = [new NeedleSearch('"query":"', 1), new NeedleSearch('"server_name":"', 4), new NeedleSearch('"host":"', 1)];
    return (bytes, start, end, span) => {
      if (bytes[start] !== 0x7b || bytes[end - 1] !== 0x7d) return ASK_TEXT;
      for (const key of keys) {
        const at = key.find(bytes, start, end);
        if (at < 0) continue;
        const hostStart = at + key.length;
        let close = hostStart;
        while (close < end && bytes[close] !== QUOTE) {
          if (bytes[close] === BACKSLASH) return ASK_TEXT;
          close++;
        }
        if (close === end || close === hostStart) return ASK_TEXT;
        span.start = hostStart;
        span.end = close;
        return HOST;
      }
      return ASK_TEXT;
    };
  },
  parse: zeekJsonLine,
};

/** JavaScript's \s among ASCII bytes: space, tab, line feed, vertical tab, form feed, carriage return. */
function isSpace(byte: number | undefined): boolean {
  return byte === SPACE || (byte !== undefined && byte >= 0x09 && byte <= 0x0d);
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

/**
 * Squid's native access log, "time elapsed client code/status bytes method URL …": the host of the
 * seventh field, as hostOfUrl takes it (see squidLine). Lines with other bytes than ASCII before the
 * URL's end (JavaScript counts some of them as spaces) go to the text parser.
 */
export const squidLogBytes: ByteLogFormat = {
  locator() {
    return (bytes, start, end, span) => {
      let i = start;
      while (i < end && isSpace(bytes[i])) i++;
      // The time: digits, and a fraction.
      const time = i;
      while (isDigit(bytes[i]) && i < end) i++;
      if (i === time) return ASK_TEXT;
      if (bytes[i] === 0x2e && i < end) {
        const fraction = ++i;
        while (isDigit(bytes[i]) && i < end) i++;
        if (i === fraction) return ASK_TEXT;
      }
      if (i === end || !isSpace(bytes[i])) return ASK_TEXT;
      // Five more fields, then the URL.
      let urlStart = i;
      for (let field = 1; field <= 6; field++) {
        while (i < end && isSpace(bytes[i])) i++;
        if (i === end) return ASK_TEXT;
        urlStart = i;
        while (i < end && !isSpace(bytes[i])) {
          if ((bytes[i] as number) >= 0x80) return ASK_TEXT;
          i++;
        }
      }
      const urlEnd = i;
      // hostOfUrl on the bytes: after "://", before / ? #, after the last @, before the last colon.
      let hostStart = urlStart;
      for (let k = urlStart; k + 2 < urlEnd; k++) {
        if (bytes[k] === 0x3a && bytes[k + 1] === 0x2f && bytes[k + 2] === 0x2f) {
          hostStart = k + 3;
          break;
        }
      }
      let hostEnd = hostStart;
      while (hostEnd < urlEnd && bytes[hostEnd] !== 0x2f && bytes[hostEnd] !== 0x3f && bytes[hostEnd] !== 0x23) hostEnd++;
      for (let k = hostEnd - 1; k >= hostStart; k--) {
        if (bytes[k] === 0x40) {
          hostStart = k + 1;
          break;
        }
      }
      if (bytes[hostStart] === 0x5b && hostStart < hostEnd) return ASK_TEXT;
      for (let k = hostEnd - 1; k >= hostStart; k--) {
        if (bytes[k] === 0x3a) {
          hostEnd = k;
          break;
        }
      }
      if (hostEnd === hostStart || (hostEnd - hostStart === 1 && bytes[hostStart] === 0x2d)) return ASK_TEXT;
      span.start = hostStart;
      span.end = hostEnd;
      return HOST;
    };
  },
  parse: squidLine,
};

export const BYTE_LOG_FORMATS = {
  'zeek-json': zeekJsonBytes,
  'bind-querylog': bindQueryLogBytes,
  'dnsmasq-log': dnsmasqLogBytes,
  'squid-log': squidLogBytes,
} as const satisfies Record<string, ByteLogFormat>;

export type ByteLogFormatId = keyof typeof BYTE_LOG_FORMATS;

/**
 * Reads a log from its bytes in chunks of sightings, as the text reader (logChunks) would from the
 * decoded text. Without a filter every line is decoded.
 */
export async function* logByteChunks(
  bytes: AsyncIterable<Buffer>,
  format: ByteLogFormat,
  filter: HostSuffixFilter | undefined,
  wanted: (host: string) => boolean = () => true,
  onFallback: () => void = () => {},
): AsyncGenerator<SightingChunk> {
  const locate = format.locator();
  const parse = format.parse;
  const span: Span = { start: 0, end: 0 };
  let lineNumber = 1;
  let carryParts: Buffer[] = []; // the unfinished line from earlier pieces, joined once it ends
  let carryLength = 0;
  let carryUtf8Bytes = 0; // of the carry, bytes from pieces read as UTF-8 before the switch to Windows-1252
  let skipping = false; // inside a line certainly over MAX_LINE_CHARS

  let chunk: SightingChunk = { sightings: [], rejected: [], seen: 0 };
  const take = (buffer: Buffer, start: number, end: number, latin: boolean, utf8Prefix: number): void => {
    const number = lineNumber++;
    if (end - start > MAX_LINE_CHARS && characters(buffer, start, end, latin, utf8Prefix) > MAX_LINE_CHARS) {
      chunk.rejected.push({ line: number, error: 'line is longer than 1 MiB' });
      return;
    }
    if (end > start && buffer[end - 1] === CR) end--;
    if (filter && utf8Prefix === 0) {
      const found = locate(buffer, start, end, span);
      if (found === NO_HOST) return;
      if (found === HOST && !filter.mayMatch(buffer, span.start, span.end)) {
        chunk.seen++;
        return;
      }
    }
    const text = utf8Prefix > 0 ? buffer.toString('utf8', start, start + utf8Prefix) + decodePiece(buffer, true, start + utf8Prefix, end) : decodePiece(buffer, latin, start, end);
    const result = parse(text, number, wanted);
    if (result === SEEN) chunk.seen++;
    else if (typeof result === 'string') chunk.rejected.push({ line: number, error: result });
    else if (result) chunk.sightings.push(result as Sighting);
  };

  const keep = (bytes: Buffer): void => {
    if (skipping) return;
    carryLength += bytes.length;
    if (carryLength > CERTAINLY_TOO_LONG) {
      skipping = true;
      carryParts = [];
      carryLength = 0;
    } else {
      carryParts.push(bytes);
    }
  };
  const joinCarry = (tail?: Buffer): Buffer => {
    const joined = Buffer.concat(tail ? [...carryParts, tail] : carryParts);
    carryParts = [];
    carryLength = 0;
    return joined;
  };

  let wasLatin = false;
  for await (const { bytes: piece, latin } of utf8Pieces(bytes, onFallback)) {
    if (latin && !wasLatin && carryLength > 0) carryUtf8Bytes = carryLength;
    wasLatin = latin;
    let from = 0;
    if (carryLength > 0 || skipping) {
      const newline = piece.indexOf(NEWLINE);
      if (newline < 0) {
        keep(piece);
        continue;
      }
      if (skipping) {
        chunk.rejected.push({ line: lineNumber++, error: 'line is longer than 1 MiB' });
        skipping = false;
      } else {
        const line = joinCarry(piece.subarray(0, newline));
        take(line, 0, line.length, latin, carryUtf8Bytes);
      }
      carryUtf8Bytes = 0;
      from = newline + 1;
    }
    for (let newline = piece.indexOf(NEWLINE, from); newline >= 0; newline = piece.indexOf(NEWLINE, from)) {
      take(piece, from, newline, latin, 0);
      from = newline + 1;
    }
    // A copy, so the whole piece is not kept alive for its tail.
    if (from < piece.length) keep(Buffer.from(piece.subarray(from)));
    if (chunk.sightings.length > 0 || chunk.rejected.length > 0 || chunk.seen > 0) {
      yield chunk;
      chunk = { sightings: [], rejected: [], seen: 0 };
    }
  }
  if (skipping) {
    chunk.rejected.push({ line: lineNumber, error: 'line is longer than 1 MiB' });
  } else if (carryLength > 0) {
    const carry = joinCarry();
    const text = carryUtf8Bytes > 0 && wasLatin
      ? carry.toString('utf8', 0, carryUtf8Bytes) + decodePiece(carry, true, carryUtf8Bytes)
      : decodePiece(carry, wasLatin);
    if (characters(carry, 0, carry.length, wasLatin, carryUtf8Bytes) > MAX_LINE_CHARS) chunk.rejected.push({ line: lineNumber, error: 'line is longer than 1 MiB' });
    else if (text.trim() !== '') {
      const result = parse(text.replace(/\r$/, ''), lineNumber, wanted);
      if (result === SEEN) chunk.seen++;
      else if (typeof result === 'string') chunk.rejected.push({ line: lineNumber, error: result });
      else if (result) chunk.sightings.push(result as Sighting);
    }
  }
  if (chunk.sightings.length > 0 || chunk.rejected.length > 0 || chunk.seen > 0) yield chunk;
}

/** The length in UTF-16 code units of bytes[start, end) decoded (Windows-1252 after the first `utf8Prefix` bytes when `latin`). */
function characters(bytes: Buffer, start: number, end: number, latin: boolean, utf8Prefix: number): number {
  const utf8End = latin ? start + utf8Prefix : end;
  let units = end - utf8End;
  for (let i = start; i < utf8End; i++) {
    const byte = bytes[i] as number;
    if ((byte & 0xc0) !== 0x80) units++;
    if (byte >= 0xf0) units++; // four bytes make a surrogate pair
  }
  return units;
}
