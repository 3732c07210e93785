/**
 * Reading an inventory file of any supported format into inventory items and rejected rows.
 *
 * The file (or standard input) is read as a stream: gzip is undone, the format is recognised from
 * the first bytes, text is decoded, and each table (a whole CSV/JSON file, or one worksheet) has its
 * columns mapped onto fields before its rows are turned into records.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError, type AssetField, type FieldKind, type IngestRecord } from '../model/item.js';
import type { ColumnChoice } from './columns.js';
import { decodeText, encodingFromBom, looksBinary, type TextEncoding } from './decode.js';
import { detectTextFormat, opensWithBracketedStamp, type InputFormat } from './detect.js';
import { adbPackagesFormat } from './formats/apps.js';
import { goModFormat, npmLockfileFormat, pipRequirementsFormat } from './formats/manifests.js';
import { gradleLockfileFormat, gradleScriptFormat, gradleVersionCatalogFormat } from './formats/gradle.js';
import { mavenPomFormat } from './formats/maven-pom.js';
import { podfileFormat, podfileLockFormat } from './formats/cocoapods.js';
import { pnpmLockFormat, yarnLockFormat } from './formats/js-lockfiles.js';
import { delimitedFormat } from './formats/csv.js';
import { whitespaceFormat } from './formats/whitespace.js';
import type { FormatContext, LogFormat, SightingChunk, Table, TextFormat } from './formats/format.js';
import { BYTE_LOG_FORMATS, logByteChunks, type ByteLogFormatId } from './formats/log-bytes.js';
import { zeekTsvByteChunks } from './formats/zeek-bytes.js';
import { parallelLogChunks, parallelWorkers, planParts } from './formats/log-parallel.js';
import type { PartFormat } from './formats/log-worker.js';
import type { HostSuffixFilter } from './host-filter.js';
import { jsonFormat } from './formats/json.js';
import { jsonLinesFormat } from './formats/jsonl.js';
import { bindQueryLogFormat, corednsLogFormat, dnsmasqLogFormat, squidLogFormat, unboundLogFormat, windowsDnsLogFormat, zeekJsonFormat, zeekTsvFormat } from './formats/logs.js';
import { arpFormat, dhcpdLeasesFormat, dnsmasqLeasesFormat, ipNeighFormat, nmapXmlFormat } from './formats/network.js';
import { isObject } from './formats/objects.js';
import { cycloneDxJsonFormat, cycloneDxXmlFormat, spdxJsonFormat, spdxTagValueFormat } from './formats/sbom.js';
import { xlsxFormat } from './formats/xlsx.js';
import { positionOf } from './locate.js';
import { peek } from './lookahead.js';
import { entityDeclarationProblem } from './xml.js';
import { count, DEFAULT_LIMITS, RATIO_GRACE_BYTES, type IngestLimits } from './limits.js';
import { listedColumns, tableRecords, type TableMapping } from './table.js';

export type { ColumnChoice } from './columns.js';
export { INPUT_FORMAT_IDS, INPUT_FORMATS, type InputFormat } from './detect.js';

export interface ReadOptions {
  /** Column header (or 1-based column number) → field, or 'ignore'; overrides detection. */
  map?: Record<string, FieldKind | 'ignore'>;
  /** Skip format detection. */
  inputFormat?: InputFormat;
  /** Read when `file` is `-`; defaults to process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** Called for each table (each worksheet of a workbook) before its first record. */
  onColumns?(info: ColumnInfo): void;
  /** Things the user should know that do not stop the reading, e.g. a guessed encoding (without the file name). */
  onNotice?(message: string): void;
  /** Called as input bytes are read (compressed bytes for gzip), for a progress bar. */
  onBytes?(count: number): void;
  /**
   * Logs: asked for each host as soon as it is read; lines with an unwanted host are only counted
   * (in the records' `seen`), so the rest of them is never sliced out. Without it all are kept.
   */
  wantHost?(host: string): boolean;
  /** Logs read from the bytes: hosts this filter rules out are counted without being decoded. */
  hostFilter?: HostSuffixFilter;
  /**
   * Worker threads for a large uncompressed log file read from the bytes (Zeek TSV and JSON, BIND,
   * dnsmasq, Squid) with a host filter (default: one per core, at most four, for files of 64 MiB or more).
   * `workers: 1` reads on this thread.
   */
  parallel?: { workers?: number; minBytes?: number };
  /**
   * Read logs through the text reader only, never from the bytes: the reference the byte readers
   * are tested against (their results must be the same).
   */
  textOnly?: boolean;
  /** Caps on values, cells, rows and inflation (default DEFAULT_LIMITS). */
  limits?: IngestLimits;
}

/** What was detected about a table, for verbose output and the JSON summary. */
export interface ColumnInfo {
  file: string;
  format: InputFormat;
  /** A log: its lines come as sightings, aggregated per client and host, not one result per line. */
  aggregated?: boolean;
  /** Delimited text: the field delimiter. */
  delimiter?: string;
  /** Text formats: the character encoding. */
  encoding?: TextEncoding;
  gzip: boolean;
  /** XLSX: the worksheet. */
  sheet?: string;
  /** False when the first row was data, and columns are named "column 1", "column 2" … */
  header: boolean;
  /** Column → the field its values go to, `asset.<part>` for a column of the asset's identity only, or 'unused' (the shape of the scan report's `columns`). */
  columns: Record<string, FieldKind | 'unused' | `asset.${AssetField}`>;
  /** Every column in order, with how its field was chosen (map, header or content). */
  choices: ColumnChoice[];
}

/** "Vendor→name, MAC Address→mac (unused: Notes)" */
export function describeColumns(info: ColumnInfo): string {
  const mapped = info.choices.filter((choice) => choice.field || choice.asset).map((choice) => `${choice.column}→${choice.field ?? `asset ${choice.asset}`}`);
  const unused = info.choices.filter((choice) => !choice.field && !choice.asset).map((choice) => choice.column);
  return mapped.join(', ') + (unused.length > 0 ? ` (unused: ${unused.join(', ')})` : '');
}

const SNIFF_BYTES = 8 * 1024;
const SNIFF_CHARS = 64 * 1024;

const TEXT_FORMATS: Partial<Record<InputFormat, TextFormat>> = {
  csv: delimitedFormat(),
  tsv: delimitedFormat('\t'),
  whitespace: whitespaceFormat,
  json: jsonFormat,
  jsonl: jsonLinesFormat,
  'cyclonedx-json': cycloneDxJsonFormat,
  'cyclonedx-xml': cycloneDxXmlFormat,
  'spdx-json': spdxJsonFormat,
  'spdx-tag-value': spdxTagValueFormat,
  'nmap-xml': nmapXmlFormat,
  arp: arpFormat,
  'ip-neigh': ipNeighFormat,
  'dhcpd-leases': dhcpdLeasesFormat,
  'dnsmasq-leases': dnsmasqLeasesFormat,
  'adb-packages': adbPackagesFormat,
  'pip-requirements': pipRequirementsFormat,
  'go-mod': goModFormat,
  'npm-lockfile': npmLockfileFormat,
  gradle: gradleScriptFormat,
  'gradle-lockfile': gradleLockfileFormat,
  'gradle-version-catalog': gradleVersionCatalogFormat,
  'maven-pom': mavenPomFormat,
  'podfile-lock': podfileLockFormat,
  podfile: podfileFormat,
  'yarn-lock': yarnLockFormat,
  'pnpm-lock': pnpmLockFormat,
};

/** The formats read as logs of look-ups (also followed by `covered watch`). */
export const LOG_READERS: Partial<Record<InputFormat, LogFormat>> = {
  'zeek-tsv': zeekTsvFormat,
  'zeek-json': zeekJsonFormat,
  'bind-querylog': bindQueryLogFormat,
  'dnsmasq-log': dnsmasqLogFormat,
  'unbound-log': unboundLogFormat,
  'coredns-log': corednsLogFormat,
  'windows-dns-log': windowsDnsLogFormat,
  'squid-log': squidLogFormat,
};

export async function* readInventory(file: string, options: ReadOptions = {}): AsyncGenerator<IngestRecord> {
  const notice = options.onNotice ?? (() => {});
  const context: FormatContext = { file, notice };
  const limits = options.limits ?? DEFAULT_LIMITS;

  let bytes = await peek(openBytes(file, options.stdin, options.onBytes), SNIFF_BYTES);
  const gzip = startsWith(bytes.head, [0x1f, 0x8b]);
  if (gzip) {
    // A file is inflated once without being read, up to the caps, before a row is screened: read
    // row by row, a bomb of matching rows ("Huawei" thirty million times) fills the results long
    // before it has inflated far enough for its ratio to show.
    if (file !== '-') for await (const _ of gunzip(openBytes(file, undefined, undefined), file, limits));
    bytes = await peek(gunzip(bytes.all, file, limits), SNIFF_BYTES);
  }
  const head = Buffer.concat(bytes.head);
  if (head.length === 0) throw new InputError(file, 'empty file');

  let format: InputFormat;
  let encoding: TextEncoding | undefined;
  let tables: AsyncIterable<Table>;
  if (startsWith(bytes.head, [0x50, 0x4b])) {
    // "PK": a ZIP archive, which is what an XLSX workbook is.
    if (options.inputFormat && options.inputFormat !== 'xlsx') {
      throw new InputError(file, `this is a ZIP archive (an XLSX workbook?), not ${options.inputFormat}`);
    }
    format = 'xlsx';
    tables = xlsxFormat.tables(bytes.all, context);
  } else if (options.inputFormat === 'xlsx') {
    throw new InputError(file, 'not an XLSX workbook (it is not a ZIP archive)');
  } else if (startsWith(bytes.head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new InputError(file, 'this is an old binary Excel (.xls) file; save it as .xlsx or CSV');
  } else {
    const bom = encodingFromBom(head);
    if (!bom && looksBinary(head)) {
      throw new InputError(file, `not a text file (it contains binary data${utf16WithoutBom(head)}); what can be read is text — tables, SBOMs, scanner output, logs — and Excel workbooks, any of them gzipped`);
    }
    encoding = bom?.encoding ?? 'utf-8';
    const utf16 = bom && bom.encoding !== 'utf-8' ? bom.encoding : undefined;
    // Zeek TSV, the largest logs, is read from the bytes: it is ASCII by construction.
    if (!utf16 && !options.textOnly && (options.inputFormat ?? detectTextFormat(head.toString('latin1'), sniffTextFormat)) === 'zeek-tsv') {
      format = 'zeek-tsv';
      options.onColumns?.(logColumns(file, format, encoding, gzip));
      const parallel = await readInParts(file, format, gzip || bom !== undefined, options);
      if (parallel) {
        await bytes.all.return(undefined);
        yield* logChunkRecords(parallel, file, zeekTsvFormat.isoTime);
        return;
      }
      yield* logChunkRecords(zeekTsvByteChunks(dropBytes(bytes.all, bom?.bomLength ?? 0), context, options.hostFilter, options.wantHost), file, zeekTsvFormat.isoTime);
      return;
    }
    const onFallback = (): void => {
      if (encoding === 'windows-1252') return; // the start was decoded twice: once to recognise the format
      encoding = 'windows-1252';
      notice('not valid UTF-8; reading it as Windows-1252 (Latin-1)');
    };
    // The raw bytes read while the format is recognised are kept, for a log read from the bytes.
    const raw = replayable(dropBytes(bytes.all, bom?.bomLength ?? 0));
    const text = await peek(decodeText(raw.stream, utf16, onFallback), SNIFF_CHARS);
    const rawBytes = raw.stopRecording();
    const start = text.head.join('');
    if (text.ended && start.trim() === '') throw new InputError(file, 'empty file');
    // Refused before anything else looks at it, whatever the root element.
    const xmlProblem = start.trimStart().startsWith('<') ? entityDeclarationProblem(start) : undefined;
    if (xmlProblem) throw new InputError(file, `line ${positionOf(start, start.search(/<!DOCTYPE/i)).line}: ${xmlProblem}`);
    const detected = options.inputFormat ?? detectTextFormat(start, sniffTextFormat);
    if (typeof detected !== 'string') throw new InputError(file, `cannot read ${detected.unsupported}`);
    format = detected;
    const log = LOG_READERS[detected];
    if (log && !utf16 && !options.textOnly && isByteLog(detected)) {
      options.onColumns?.(logColumns(file, format, encoding, gzip));
      const parallel = await readInParts(file, detected, gzip || bom !== undefined, options);
      if (parallel) await rawBytes.return(undefined);
      yield* logChunkRecords(parallel ?? logByteChunks(rawBytes, BYTE_LOG_FORMATS[detected], options.hostFilter, options.wantHost, onFallback), file, log.isoTime);
      return;
    }
    if (log) {
      options.onColumns?.(logColumns(file, format, encoding, gzip));
      yield* logChunkRecords(log.sightings(text.all, context, options.wantHost), file, log.isoTime);
      return;
    }
    const textFormat = TEXT_FORMATS[detected];
    if (!textFormat) throw new InputError(file, `not an XLSX workbook (it is not a ZIP archive)`);
    tables = textFormat.tables(text.all, context);
  }

  const lenient = format === 'xlsx';
  const unmatchedEverywhere = new Set(Object.keys(options.map ?? {}));
  const skippedSheets: string[] = [];
  let mappedTables = 0;
  let rows = 0;
  for await (const table of tables) {
    const onMapping = (mapping: TableMapping): void => {
      for (const key of Object.keys(options.map ?? {})) if (!mapping.unmatchedMapKeys.includes(key)) unmatchedEverywhere.delete(key);
      const columns = listedColumns(mapping.columns.map((choice) => choice.column));
      if (!mapping.columns.some((choice) => choice.field)) {
        skippedSheets.push(`${table.sheet ?? ''} (${columns})`);
        notice(`sheet "${table.sheet ?? ''}": no column could be matched to a field (${columns}); sheet skipped`);
        return;
      }
      mappedTables++;
      options.onColumns?.({
        file,
        format: table.delimiter === '\t' ? 'tsv' : format,
        ...(table.delimiter !== undefined && { delimiter: table.delimiter }),
        ...(encoding && { encoding }),
        gzip,
        ...(table.sheet !== undefined && { sheet: table.sheet }),
        header: mapping.header,
        columns: Object.fromEntries(mapping.columns.map((choice) => [choice.column, choice.field ?? (choice.asset ? (`asset.${choice.asset}` as const) : 'unused')])),
        choices: mapping.columns,
      });
    };
    for await (const record of tableRecords(table, { file, map: options.map, lenient, onMapping, limits })) {
      if (++rows > limits.maxRows) throw new InputError(file, `more than ${count(limits.maxRows)} rows; that is the cap on rows per file`);
      yield record;
    }
  }
  // A workbook's sheets are checked as a whole, once all are read.
  if (lenient && mappedTables === 0) {
    if (skippedSheets.length === 0) throw new InputError(file, 'empty workbook: no sheet has any rows');
    throw new InputError(file, `no column of any sheet could be matched to a field: ${skippedSheets.join('; ')}. Say which is which with --map column=field`);
  }
  if (lenient && unmatchedEverywhere.size > 0) {
    throw new InputError(file, `--map names no column of any sheet: ${[...unmatchedEverywhere].map((key) => `"${key}"`).join(', ')}`);
  }
}

 function isByteLog(format: InputFormat): format is ByteLogFormatId {
  return Object.hasOwn(BYTE_LOG_FORMATS, format);
}

/**
 * A large log file (not compressed, not standard input) read by worker threads, or undefined when
 * it is read on this thread: see log-parallel.ts. Only with a host filter, which the workers use.
 */
async function readInParts(file: string, format: PartFormat, encoded: boolean, options: ReadOptions): Promise<AsyncGenerator<SightingChunk> | undefined> {
  if (file === '-' || encoded || !options.hostFilter) return undefined;
  const plan = await planParts(file, statSync(file).size, options.parallel?.workers ?? parallelWorkers(), format, options.parallel?.minBytes);
  return plan && parallelLogChunks(file, plan, format, options.hostFilter, options.wantHost, options.onBytes);
}

/** A log's chunks as sighting records, and its unreadable lines as rejected rows. */
async function* logChunkRecords(chunks: AsyncIterable<SightingChunk>, file: string, isoTime: ((raw: string) => string) | undefined): AsyncGenerator<IngestRecord> {
  for await (const chunk of chunks) {
    for (const rejected of chunk.rejected) yield { kind: 'rejected', row: { origin: { file, line: rejected.line }, error: rejected.error } };
    if (chunk.sightings.length > 0 || chunk.seen > 0) {
      yield { kind: 'sightings', file, sightings: chunk.sightings, seen: chunk.seen, ...(isoTime && { isoTime }) };
    }
  }
}

/** A log's columns as the report shows them: the host is screened; client and time are kept for the aggregates. */
function logColumns(file: string, format: InputFormat, encoding: TextEncoding | undefined, gzip: boolean): ColumnInfo {
  return {
    file,
    format,
    aggregated: true,
    ...(encoding && { encoding }),
    gzip,
    header: true,
    columns: { host: 'host', client: 'unused', time: 'unused' },
    choices: [{ column: 'host', field: 'host', by: 'header' }, { column: 'client' }, { column: 'time' }],
  };
}

/** ", apparently UTF-16 without a byte-order mark" when every other byte is NUL. */
function utf16WithoutBom(head: Buffer): string {
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenNuls++;
    if (head[i + 1] === 0) oddNuls++;
  }
  const pairs = Math.floor(head.length / 2);
  if (pairs > 0 && Math.max(evenNuls, oddNuls) > pairs * 0.8) return ', apparently UTF-16 without a byte-order mark: save it as UTF-8 or UTF-16 with a BOM';
  return '';
}

/**
 * JSON when the text starts with "[" or is one JSON document starting with "{"; JSON Lines when
 * the first line is a complete object (or looks like one but is broken, which is then reported
 * for that line alone); delimited text otherwise.
 */
export function sniffTextFormat(start: string): 'csv' | 'json' | 'jsonl' {
  const text = start.trimStart();
  if (text.startsWith('[')) return opensWithBracketedStamp(text) ? 'csv' : 'json';
  if (!text.startsWith('{')) return 'csv';
  const firstLine = (text.split(/\r\n|\n|\r/, 1)[0] ?? '').trim();
  try {
    const parsed: unknown = JSON.parse(firstLine);
    // A one-line document such as {"items":[{…},{…}]} holds its objects in an array.
    const holdsObjects = isObject(parsed) && Object.values(parsed).some((value) => Array.isArray(value) && value.some(isObject));
    return holdsObjects ? 'json' : 'jsonl';
  } catch {
    return firstLine.endsWith('}') ? 'jsonl' : 'json';
  }
}

async function* openBytes(file: string, stdin: NodeJS.ReadableStream | undefined, onBytes: ((count: number) => void) | undefined): AsyncGenerator<Buffer> {
  const stream = file === '-' ? (stdin ?? process.stdin) : createReadStream(file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      onBytes?.(buffer.length);
      yield buffer;
    }
  } catch (error) {
    throw fileError(file, error);
  }
}

function fileError(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(file, 'no such file');
  if (code === 'EISDIR') return new InputError(file, 'is a directory, not a file');
  if (code === 'EACCES' || code === 'EPERM') return new InputError(file, 'permission denied');
  return error instanceof Error ? error : new Error(String(error));
}

/** Inflates gzip data, refusing it once it inflates past the size or ratio cap (a decompression bomb). */
async function* gunzip(compressed: AsyncIterable<Buffer>, file: string, limits: IngestLimits): AsyncGenerator<Buffer> {
  let compressedBytes = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of compressed) {
      compressedBytes += chunk.length;
      yield chunk;
    }
  }
  const inflated = pipeline(Readable.from(counted()), createGunzip(), () => {
    // Errors surface through the iteration below.
  });
  let inflatedBytes = 0;
  try {
    for await (const chunk of inflated) {
      inflatedBytes += (chunk as Buffer).length;
      if (inflatedBytes > limits.maxInflatedBytes) {
        throw new InputError(file, `the gzip data inflates to more than ${megabytes(limits.maxInflatedBytes)}, the cap on a compressed input's inflated size`);
      }
      if (inflatedBytes > RATIO_GRACE_BYTES && inflatedBytes > compressedBytes * limits.maxInflateRatio) {
        throw new InputError(file, `the gzip data inflates more than ${count(limits.maxInflateRatio)} times its compressed size (a decompression bomb?); that is the cap on the inflation ratio`);
      }
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') throw new InputError(file, 'the gzip data is truncated (unexpected end of file)');
    if (typeof code === 'string' && code.startsWith('Z_')) throw new InputError(file, `the gzip data is corrupt (${(error as Error).message})`);
    throw error;
  } finally {
    inflated.destroy();
  }
}

function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${count(Math.round((bytes / 1024 ** 3) * 10) / 10)} GiB` : `${count(Math.round(bytes / 1024 ** 2))} MiB`;
}

/**
 * A byte stream whose chunks are kept as they are read, until `stopRecording`, which returns the
 * stream again from its first chunk (the kept ones, then the rest of the source).
 */
function replayable(source: AsyncIterable<Buffer>): { stream: AsyncGenerator<Buffer>; stopRecording(): AsyncGenerator<Buffer> } {
  const iterator = source[Symbol.asyncIterator]();
  let recorded: Buffer[] | undefined = [];
  async function* stream(): AsyncGenerator<Buffer> {
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        recorded?.push(next.value);
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  async function* again(kept: Buffer[]): AsyncGenerator<Buffer> {
    try {
      yield* kept;
      kept.length = 0;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  return {
    stream: stream(),
    stopRecording() {
      const kept = recorded ?? [];
      recorded = undefined;
      return again(kept);
    },
  };
}

async function* dropBytes(chunks: AsyncIterable<Buffer>, count: number): AsyncGenerator<Buffer> {
  let remaining = count;
  for await (const chunk of chunks) {
    if (remaining >= chunk.length) {
      remaining -= chunk.length;
      continue;
    }
    yield remaining > 0 ? chunk.subarray(remaining) : chunk;
    remaining = 0;
  }
}

function startsWith(chunks: Buffer[], signature: number[]): boolean {
  const head = Buffer.concat(chunks.slice(0, signature.length));
  return signature.every((byte, index) => head[index] === byte);
}
