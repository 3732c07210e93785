/**
 * The contract every input format implements. A format turns its input into tables of raw rows;
 * deciding which column holds what, and building inventory items, is shared (see ../table.ts).
 */
import type { FieldKind, Origin, Sighting } from '../../model/item.js';

/** A row as the format read it, before columns are mapped onto fields. */
export type RawRow =
  /** Positional cells (CSV, XLSX); `undefined` or '' is an empty cell. */
  | { origin: Origin; cells: (string | undefined)[] }
  /** Named values (JSON, JSONL): each key is a column, arrays give several values. */
  | { origin: Origin; values: Map<string, string[]> }
  /** A row that could not be read; it becomes a rejected record. */
  | { origin: Origin; error: string }
  /** Fixed-layout formats (SBOM components, nmap hosts, leases): the fields are known already. */
  | { origin: Origin; fields: Partial<Record<FieldKind, string[]>>; label?: string };

export interface Table {
  /** XLSX: the worksheet name. */
  sheet?: string;
  /** CSV: the delimiter that was detected or forced. */
  delimiter?: string;
  rows: AsyncIterable<RawRow>;
  /**
   * Fixed-layout formats: what each source column became, for the report's `columns`. Set only when
   * the rows are `fields` rows, which skip column detection.
   */
  fixedColumns?: Record<string, FieldKind | 'unused'>;
}

export interface FormatContext {
  /** The file as the user named it, for origins and messages. */
  file: string;
  /** Things the user should know that do not stop the reading (e.g. hosts nmap reported down). */
  notice?(message: string): void;
}

/** A format read from decoded text (CSV, JSON, JSON Lines). */
export interface TextFormat {
  tables(text: AsyncIterable<string>, context: FormatContext): AsyncIterable<Table>;
}

/** A format read from the raw bytes (XLSX). */
export interface BinaryFormat {
  tables(bytes: AsyncIterable<Buffer>, context: FormatContext): AsyncIterable<Table>;
}

/** Lines read from a log, in chunks: the sightings to screen and the lines that could not be read. */
export interface SightingChunk {
  sightings: Sighting[];
  rejected: { line: number; error: string }[];
  /** Lines that named a host the reader was told it need not keep (see LogFormat.sightings). */
  seen: number;
}

/**
 * A log of look-ups (DNS queries, proxy requests, TLS server names). Logs are screened per distinct
 * host and aggregated per client and host, so they are read as chunks of sightings, not as rows.
 */
export interface LogFormat {
  /**
   * `wanted` is asked once the host of a line is known; for an unwanted host the line is only
   * counted, and the rest of it is not read. Without it every sighting is kept.
   */
  sightings(text: AsyncIterable<string>, context: FormatContext, wanted?: (host: string) => boolean): AsyncIterable<SightingChunk>;
  /** Turns the log's own timestamp notation into ISO 8601 where it can (syslog stamps have no year). */
  isoTime?(raw: string): string;
}
