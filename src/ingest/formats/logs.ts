/**
 * Logs of look-ups: Zeek dns.log, http.log and ssl.log (TSV with a #fields header, or JSON),
 * BIND query logs, dnsmasq and Pi-hole logs, Unbound and CoreDNS query logs, Windows DNS Server debug logs, and
 * Squid access logs. Each line is one sighting of a
 * host by a client at a time. Logs run to gigabytes, so lines are cut out of the decoded text with
 * plain index searches and only the three values needed are sliced out; nothing else is parsed.
 */
import { InputError } from '../../model/item.js';
import type { Sighting } from '../../model/item.js';
import { MAX_LINE_CHARS } from '../lines.js';
import type { LogFormat, SightingChunk } from './format.js';
import { isObject } from './objects.js';

type Rejected = SightingChunk['rejected'][number];

/** A line that named a host the caller does not want: counted, not kept. */
export const SEEN = 1;

/**
 * What a line parser makes of one line: a sighting, SEEN, nothing (a header or a follow-up line),
 * or an error. Parsers ask `wanted` as soon as they have the host, and read the rest only then.
 */
export type LineResult = Sighting | typeof SEEN | undefined | string;
export type LineParser = (line: string, number: number, wanted: (host: string) => boolean) => LineResult;

const everyHost = () => true;

/**
 * Cuts decoded text into lines (\n, \r\n) and hands each to `parse`; yields one chunk of results
 * per text chunk. A line over MAX_LINE_CHARS is rejected without being held in memory.
 */
async function* logChunks(text: AsyncIterable<string>, parse: LineParser, wanted: (host: string) => boolean = everyHost): AsyncGenerator<SightingChunk> {
  let carry = '';
  let lineNumber = 1;
  let skipping = false;
  for await (const chunk of text) {
    const sightings: Sighting[] = [];
    const rejected: Rejected[] = [];
    let seen = 0;
    const take = (line: string) => {
      const result = parse(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line, lineNumber, wanted);
      if (result === SEEN) seen++;
      else if (typeof result === 'string') rejected.push({ line: lineNumber, error: result });
      else if (result) sightings.push(result);
    };
    let start = 0;
    let end = chunk.indexOf('\n');
    if (end >= 0) {
      // The first line continues what the previous chunk left over.
      if (skipping || carry.length + end > MAX_LINE_CHARS) rejected.push({ line: lineNumber, error: 'line is longer than 1 MiB' });
      else take(carry + chunk.slice(0, end));
      skipping = false;
      carry = '';
      lineNumber++;
      start = end + 1;
      for (end = chunk.indexOf('\n', start); end >= 0; end = chunk.indexOf('\n', start)) {
        if (end - start > MAX_LINE_CHARS) rejected.push({ line: lineNumber, error: 'line is longer than 1 MiB' });
        else take(chunk.slice(start, end));
        lineNumber++;
        start = end + 1;
      }
    }
    if (!skipping) {
      carry += start === 0 ? chunk : chunk.slice(start);
      if (carry.length > MAX_LINE_CHARS) {
        skipping = true;
        carry = '';
      }
    }
    if (sightings.length > 0 || rejected.length > 0 || seen > 0) yield { sightings, rejected, seen };
  }
  if (skipping) yield { sightings: [], rejected: [{ line: lineNumber, error: 'line is longer than 1 MiB' }], seen: 0 };
  else if (carry.trim() !== '') {
    const result = parse(carry.replace(/\r$/, ''), lineNumber, wanted);
    if (result === SEEN) yield { sightings: [], rejected: [], seen: 1 };
    else if (typeof result === 'string') yield { sightings: [], rejected: [{ line: lineNumber, error: result }], seen: 0 };
    else if (result) yield { sightings: [result], rejected: [], seen: 0 };
  }
}

/** A log whose lines each stand alone: every line read by `parse`, the log's time notation by `isoTime`. */
function lineLog(parse: LineParser, isoTime?: (raw: string) => string): LogFormat {
  return { sightings: (text, _context, wanted) => logChunks(text, parse, wanted), ...(isoTime ? { isoTime } : {}) };
}

/** Seconds since the epoch (Zeek, Squid) → ISO 8601 in UTC. */
function epochToIso(raw: string): string {
  const seconds = Number(raw);
  return Number.isFinite(seconds) && raw.trim() !== '' ? new Date(Math.round(seconds * 1000)).toISOString() : raw;
}

// ---- Zeek TSV ------------------------------------------------------------------------------------

/** The column that names the host in each Zeek log, in order of preference. */
const ZEEK_HOST_COLUMNS = ['query', 'server_name', 'host'];

export const zeekTsvFormat: LogFormat = {
  sightings(text, context, wanted) {
    let columns: ZeekColumns | undefined;
    let separator = '\t';
    let unset = '-';
    let empty = '(empty)';
    const starts = new Int32Array(64);
    const ends = new Int32Array(64);
    const parse: LineParser = (line, number, wants) => {
      if (line.charCodeAt(0) === 35 /* # */) {
        const directive = line.slice(1, line.indexOf(separator) > 0 ? line.indexOf(separator) : undefined).trim();
        if (line.startsWith('#separator ')) separator = unescapeZeek(line.slice('#separator '.length).trim());
        else if (directive === 'unset_field') unset = line.slice(line.indexOf(separator) + 1);
        else if (directive === 'empty_field') empty = line.slice(line.indexOf(separator) + 1);
        else if (directive === 'fields') columns = zeekColumns(line.split(separator).slice(1), context.file, number);
        return undefined;
      }
      if (line === '') return undefined;
      if (!columns) return 'data before the #fields header line';
      // Only the boundaries of the first columns are found; only the host is sliced out unless wanted.
      let start = 0;
      for (let index = 0; index <= columns.last; index++) {
        const end = line.indexOf(separator, start);
        if (end < 0 && index < columns.last) return 'fewer columns than the #fields header names';
        starts[index] = start;
        ends[index] = end < 0 ? line.length : end;
        start = end + separator.length;
      }
      const host = line.slice(starts[columns.host], ends[columns.host]);
      if (host === unset || host === empty || host === '') return undefined;
      if (!wants(host)) return SEEN;
      const sighting: Sighting = { line: number, host };
      if (columns.client >= 0) sighting.client = line.slice(starts[columns.client], ends[columns.client]);
      if (columns.time >= 0) sighting.time = line.slice(starts[columns.time], ends[columns.time]);
      return sighting;
    };
    return logChunks(text, parse, wanted);
  },
  isoTime: epochToIso,
};

export interface ZeekColumns {
  host: number;
  client: number;
  time: number;
  /** The last of the three: columns after it are not looked at. */
  last: number;
}

export function zeekColumns(names: string[], file: string, line: number): ZeekColumns {
  const host = ZEEK_HOST_COLUMNS.map((name) => names.indexOf(name)).find((index) => index >= 0);
  if (host === undefined) throw new InputError(file, `line ${line}: this Zeek log has no query, server_name or host column (#fields ${names.join(' ')})`);
  const client = names.indexOf('id.orig_h');
  const time = names.indexOf('ts');
  return { host, client, time, last: Math.max(host, client, time) };
}

/** "\x09" → tab, as Zeek writes its separator. */
export function unescapeZeek(value: string): string {
  return value.replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

// ---- Zeek JSON -----------------------------------------------------------------------------------

export const zeekJsonFormat: LogFormat = {
  sightings(text, _context, wanted) {
    return logChunks(text, zeekJsonLine, wanted);
  },
  isoTime: (raw) => (/^\d+(\.\d+)?$/.test(raw) ? epochToIso(raw) : raw),
};

export const zeekJsonLine: LineParser = (line, number, wants) => {
  if (line.trim() === '') return undefined;
  return quickZeekJson(line, number, wants) ?? slowZeekJson(line, number, wants);
};

/**
 * Reads "query", "id.orig_h" and "ts" straight from the text when the line is a plain object and
 * the values have no escapes, which is nearly always; undefined sends the line to JSON.parse.
 */
function quickZeekJson(line: string, number: number, wanted: (host: string) => boolean): Sighting | typeof SEEN | undefined {
  if (line.charCodeAt(0) !== 123 || line.charCodeAt(line.length - 1) !== 125) return undefined;
  let host: string | undefined;
  for (const name of ZEEK_HOST_COLUMNS) {
    host = stringProperty(line, name);
    if (host !== undefined) break;
  }
  if (host === undefined || host.includes('\\')) return undefined;
  const sighting: Sighting = { line: number, host };
  const client = stringProperty(line, 'id.orig_h');
  if (client !== undefined) sighting.client = client;
  if (!wanted(host)) return SEEN;
  const time = numberOrStringProperty(line, 'ts');
  if (time !== undefined) sighting.time = time;
  return sighting;
}

function stringProperty(line: string, name: string): string | undefined {
  const key = `"${name}":"`;
  const at = line.indexOf(key);
  if (at < 0) return undefined;
  const start = at + key.length;
  const end = line.indexOf('"', start);
  return end < 0 ? undefined : line.slice(start, end);
}

function numberOrStringProperty(line: string, name: string): string | undefined {
  const key = `"${name}":`;
  const at = line.indexOf(key);
  if (at < 0) return undefined;
  let start = at + key.length;
  if (line.charCodeAt(start) === 34) return stringProperty(line, name);
  let end = start;
  while (end < line.length && line.charCodeAt(end) !== 44 && line.charCodeAt(end) !== 125) end++;
  if (line.charCodeAt(start) === 32) start++;
  return line.slice(start, end);
}

function slowZeekJson(line: string, number: number, wanted: (host: string) => boolean): LineResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return `not valid JSON: ${(error as Error).message}`;
  }
  if (!isObject(parsed)) return 'expected a JSON object';
  const host = ZEEK_HOST_COLUMNS.map((name) => parsed[name]).find((value) => typeof value === 'string' && value !== '');
  if (typeof host !== 'string') return undefined; // e.g. an HTTP request without a Host header
  if (!wanted(host)) return SEEN;
  const sighting: Sighting = { line: number, host };
  if (typeof parsed['id.orig_h'] === 'string') sighting.client = parsed['id.orig_h'];
  if (typeof parsed.ts === 'number' || typeof parsed.ts === 'string') sighting.time = String(parsed.ts);
  return sighting;
}

// ---- BIND query log ------------------------------------------------------------------------------

const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/**
 * "25-Nov-2026 00:00:01.123 queries: info: client @0x7f… 192.0.2.5#53211 (example.com): query:
 * example.com IN A +E(0)K (192.0.2.1)"; with syslog the line starts "Nov 25 00:00:01 ns1 named[…]:".
 */
export const bindQueryLine: LineParser = (line, number, wants) => {
  const query = line.indexOf(' query: ');
  if (query < 0) return line.trim() === '' || !line.includes('client ') ? undefined : 'a client line without "query:"';
  const hostStart = query + ' query: '.length;
  const hostEnd = line.indexOf(' ', hostStart);
  const host = line.slice(hostStart, hostEnd < 0 ? undefined : hostEnd);
  if (host === '') return 'no name after "query:"';
  if (!wants(host)) return SEEN;
  const sighting: Sighting = { line: number, host };
  const client = /client (?:@\S+ )?([^\s#]+)#/.exec(line.slice(0, query));
  if (client) sighting.client = client[1];
  const timeEnd = line.search(/ (queries:|client |\S+ named\[)/);
  if (timeEnd > 0) sighting.time = line.slice(0, timeEnd);
  return sighting;
};

export const bindQueryLogFormat: LogFormat = lineLog(bindQueryLine, (raw) => {
  const match = /^(\d{2})-(\w{3})-(\d{4}) (\d{2}:\d{2}:\d{2})(\.\d+)?$/.exec(raw);
  const month = match ? MONTHS[match[2] ?? ''] : undefined;
  return match && month ? `${match[3]}-${month}-${match[1]}T${match[4]}${match[5] ?? ''}` : raw;
});

// ---- dnsmasq / Pi-hole -----------------------------------------------------------------------------

/**
 * "Nov 25 00:00:01 dnsmasq[123]: query[A] example.com from 192.0.2.5"; replies and forwards are the
 * same look-up. Syslog time stamps carry no year; they are kept as written.
 */
export const dnsmasqLine: LineParser = (line, number, wants) => {
  const query = line.indexOf(': query[');
  if (query < 0) return undefined;
  const hostStart = line.indexOf('] ', query) + 2;
  if (hostStart < 2) return 'a query line without "]"';
  const hostEnd = line.indexOf(' ', hostStart);
  const host = line.slice(hostStart, hostEnd < 0 ? undefined : hostEnd);
  if (!wants(host)) return SEEN;
  const sighting: Sighting = { line: number, host };
  const from = line.indexOf(' from ', hostStart);
  if (from > 0) sighting.client = line.slice(from + ' from '.length).trim();
  const stamp = line.indexOf(' dnsmasq[');
  if (stamp > 0 && stamp < query) sighting.time = line.slice(0, stamp);
  return sighting;
};

export const dnsmasqLogFormat: LogFormat = lineLog(dnsmasqLine);

// ---- Unbound ---------------------------------------------------------------------------------------

/**
 * Unbound with `log-queries` or `log-replies`: "[1701388800] unbound[1234:0] info: 192.0.2.5
 * example.com. A IN", a reply line adding "NOERROR 0.000123 0 45"; with syslog the line starts
 * "Dec  5 09:01:02 ns1 unbound: [1234:0] info:". Both kinds are sightings: a resolver logs one or
 * the other (with both on, each look-up is counted twice).
 */
export const unboundLine: LineParser = (line, number, wants) => {
  const info = line.indexOf(' info: ');
  if (info < 0 || !line.includes('unbound')) return undefined;
  const parts = line.slice(info + ' info: '.length).trim().split(/\s+/);
  // Other info lines ("server stats", "start of service") are not look-ups.
  const [client, name, , dnsClass] = parts;
  if (parts.length < 4 || !name?.endsWith('.') || !/^[A-Z]{2,4}$/.test(dnsClass ?? '')) return undefined;
  const host = name === '.' ? '' : name.slice(0, -1);
  if (host === '') return undefined;
  if (!wants(host)) return SEEN;
  const sighting: Sighting = { line: number, host, client: client as string };
  const stamp = /^\[(\d+)\]/.exec(line);
  const time = stamp ? stamp[1] : line.slice(0, line.search(/ \S+ unbound(?:\[|:)/));
  if (time) sighting.time = time;
  return sighting;
};

export const unboundLogFormat: LogFormat = lineLog(unboundLine, (raw) => {
  return /^\d{9,11}$/.test(raw) ? epochToIso(raw) : raw;
});

// ---- CoreDNS -----------------------------------------------------------------------------------------

/**
 * CoreDNS's log plugin in its default format: `[INFO] 192.0.2.5:51234 - 4321 "A IN example.com. udp
 * 32 false 512" NOERROR qr,rd,ra 89 0.023s` (journald or a container runtime may put a stamp before it).
 */

const COREDNS_QUERY = /\] (?:plugin\/log: )?(\S+) - \d+ "\S+ \S+ (\S+) /;

export const corednsLine: LineParser = (line, number, wants) => {
  const match = COREDNS_QUERY.exec(line);
  if (!match) return undefined;
  const host = (match[2] as string).replace(/\.$/, '');
  if (host === '') return undefined;
  if (!wants(host)) return SEEN;
  const address = match[1] as string;
  // "192.0.2.5:51234", "[2001:db8::5]:51234": the client without its port.
  const client = address.startsWith('[') ? address.slice(1, address.indexOf(']')) : address.slice(0, address.lastIndexOf(':') > 0 ? address.lastIndexOf(':') : undefined);
  const level = line.indexOf('[');
  const time = level > 0 ? line.slice(0, level).trim() : '';
  return { line: number, host, client, ...(time ? { time } : {}) };
};

export const corednsLogFormat: LogFormat = lineLog(corednsLine);

// ---- Windows DNS Server debug log -------------------------------------------------------------------

/**
 * The DNS Server's debug log ("Log packets for debugging"): "12/5/2026 9:01:02 AM 0E58 PACKET
 * 000000A1B2C3D4E0 UDP Rcv 10.0.0.5 1a2b   Q [0001   D   NOERROR] A (3)www(6)tiktok(3)com(0)".
 * A query received from a client is a sighting; the answer sent back, and the server's own queries
 * to its forwarders, are the same look-up. The date is written as the server's locale writes it and
 * is kept as written.
 */

const WINDOWS_DNS_PACKET = / PACKET\s+\S+\s+(?:UDP|TCP)\s+(Rcv|Snd)\s+(\S+)\s+[0-9A-Fa-f]+\s+(R\s+)?[A-Z?]\s+\[[^\]]*\]\s+\S+\s+(\S+)\s*$/;

export const windowsDnsLine: LineParser = (line, number, wants) => {
  const packet = line.indexOf(' PACKET ');
  // The preamble, blank lines and the server's other events name no look-up.
  if (packet < 0) return undefined;
  const match = WINDOWS_DNS_PACKET.exec(line);
  if (!match) return 'a PACKET line not in the debug log\'s shape ("… UDP Rcv ADDRESS ID Q [FLAGS] TYPE (3)www(7)example(3)com(0)")';
  if (match[1] !== 'Rcv' || match[3] !== undefined) return undefined;
  const host = (match[4] as string).replace(/\(\d+\)/g, '.').replace(/^\.+|\.+$/g, '');
  if (host === '') return undefined;
  if (!wants(host)) return SEEN;
  const time = line.slice(0, packet).replace(/\s+[0-9A-Fa-f]+$/, '').trim();
  return { line: number, host, client: match[2] as string, ...(time ? { time } : {}) };
};

export const windowsDnsLogFormat: LogFormat = lineLog(windowsDnsLine);

// ---- Squid access log ----------------------------------------------------------------------------

/** Native format: "time elapsed client code/status bytes method URL user hierarchy/peer type". */
export const squidLine: LineParser = (line, number, wants) => {
  const parts = line.trim().split(/\s+/);
  if (parts.length === 1 && parts[0] === '') return undefined;
  if (parts.length < 7 || !/^\d+(\.\d+)?$/.test(parts[0] ?? '')) return 'not a Squid access log line ("time elapsed client code/status bytes method URL …")';
  const host = hostOfUrl(parts[6] ?? '');
  if (!host) return `no host in the URL "${parts[6]}"`;
  if (!wants(host)) return SEEN;
  return { line: number, host, client: parts[2] as string, time: parts[0] as string };
};

export const squidLogFormat: LogFormat = lineLog(squidLine, epochToIso);

/** "https://a.example.com/x" or "a.example.com:443" (CONNECT) → "a.example.com". */
export function hostOfUrl(url: string): string | undefined {
  const scheme = url.indexOf('://');
  let rest = scheme >= 0 ? url.slice(scheme + 3) : url;
  const slash = rest.search(/[/?#]/);
  if (slash >= 0) rest = rest.slice(0, slash);
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  if (rest.startsWith('[')) return undefined; // an IPv6 literal names no host
  const colon = rest.lastIndexOf(':');
  if (colon >= 0) rest = rest.slice(0, colon);
  return rest === '' || rest === '-' ? undefined : rest;
}
