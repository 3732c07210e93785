/** The input caps as command-line options, shared by `covered scan` and `covered serve`. */
import { Command, InvalidArgumentError } from 'commander';
import type { IngestLimits } from '../ingest/limits.js';

export interface LimitFlags {
  maxValueChars?: number;
  maxCellChars?: number;
  maxRows?: number;
  maxInflatedMb?: number;
  maxInflateRatio?: number;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  return n;
}

function shown(n: number): string {
  return Number.isFinite(n) ? String(n) : 'none';
}

export function addLimitOptions(command: Command, defaults: IngestLimits): Command {
  return command
    .option('--max-value-chars <n>', `longest screened value (name, host, app id …); a row with a longer one is rejected (default ${defaults.maxValueChars})`, wholeNumber)
    .option('--max-cell-chars <n>', `longest cell of any column; a row with a longer one is rejected (default ${defaults.maxCellChars})`, wholeNumber)
    .option('--max-rows <n>', `most rows one file may give; a longer file is refused (default ${shown(defaults.maxRows)})`, wholeNumber)
    .option('--max-inflated-mb <n>', `largest size a gzip input may inflate to (default ${Math.round(defaults.maxInflatedBytes / 1024 / 1024)})`, wholeNumber)
    .option('--max-inflate-ratio <n>', `most times its compressed size a gzip input may inflate to (default ${defaults.maxInflateRatio})`, wholeNumber);
}

export function limitsFrom(flags: LimitFlags, defaults: IngestLimits): IngestLimits {
  return {
    maxValueChars: flags.maxValueChars ?? defaults.maxValueChars,
    maxCellChars: flags.maxCellChars ?? defaults.maxCellChars,
    maxRows: flags.maxRows ?? defaults.maxRows,
    maxInflatedBytes: flags.maxInflatedMb !== undefined ? flags.maxInflatedMb * 1024 * 1024 : defaults.maxInflatedBytes,
    maxInflateRatio: flags.maxInflateRatio ?? defaults.maxInflateRatio,
  };
}
