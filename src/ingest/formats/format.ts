/**
 * The contract every input format implements. A format turns its input into tables of raw rows;
 * deciding which column holds what, and building inventory items, is shared (see ../table.ts).
 */
import type { Origin } from '../../model/item.js';

/** A row as the format read it, before columns are mapped onto fields. */
export type RawRow =
  /** Positional cells (CSV, XLSX); `undefined` or '' is an empty cell. */
  | { origin: Origin; cells: (string | undefined)[] }
  /** Named values (JSON, JSONL): each key is a column, arrays give several values. */
  | { origin: Origin; values: Map<string, string[]> }
  /** A row that could not be read; it becomes a rejected record. */
  | { origin: Origin; error: string };

export interface Table {
  /** XLSX: the worksheet name. */
  sheet?: string;
  /** CSV: the delimiter that was detected or forced. */
  delimiter?: string;
  rows: AsyncIterable<RawRow>;
}

export interface FormatContext {
  /** The file as the user named it, for origins and messages. */
  file: string;
}

/** A format read from decoded text (CSV, JSON, JSON Lines). */
export interface TextFormat {
  tables(text: AsyncIterable<string>, context: FormatContext): AsyncIterable<Table>;
}

/** A format read from the raw bytes (XLSX). */
export interface BinaryFormat {
  tables(bytes: AsyncIterable<Buffer>, context: FormatContext): AsyncIterable<Table>;
}
