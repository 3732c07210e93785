/**
 * How much one input may hold. Every reader is bounded by these, so no file, however made, can make
 * the work grow faster than the file or hold more than a line in memory at a time. Past a cap the
 * row is rejected with a message naming the cap (or, for whole-file caps, the file is refused).
 */
export interface IngestLimits {
  /** Characters in one screened value (a name, host, app id …): names are compared by their parts, which costs more the longer they are. */
  maxValueChars: number;
  /** Characters in one cell of any column, screened or not. */
  maxCellChars: number;
  /** Bytes a gzip-compressed input may inflate to. */
  maxInflatedBytes: number;
  /** How many times its compressed size a gzip input may inflate to (checked once past 1 MiB inflated). */
  maxInflateRatio: number;
  /** Rows (items and rejected rows) one input may give; past it the input is refused. Infinity: no cap. */
  maxRows: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxValueChars: 1000,
  maxCellChars: 64 * 1024,
  maxInflatedBytes: 16 * 1024 ** 3,
  maxInflateRatio: 1000,
  maxRows: Infinity,
};

/** The server's: an upload is someone else's file, so a decompression bomb or an endless upload is refused sooner. */
export const SERVER_LIMITS: IngestLimits = {
  ...DEFAULT_LIMITS,
  maxInflatedBytes: 2 * 1024 **3,
  maxInflateRatio: 200,
  maxRows: 1_000_000,
};

/** Inflation is judged by its ratio only past this many bytes: a tiny file of repeated text may inflate far. */
export const RATIO_GRACE_BYTES = 1024 * 1024;

/** "16,400" */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}
