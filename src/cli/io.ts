import { once } from 'node:events';
/**
 * Shared plumbing for commands: output streams, colour detection, date and choice parsing, and the
 * exit codes documented in `covered --help`.
 */
import { InvalidArgumentError } from 'commander';

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A mistake of the user's (bad option, unreadable file): a message and exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function colourEnabled(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function terminalWidth(): number {
  return process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 80;
}

export function parseDate(value: string): string {
  if (value === 'today') return new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`expected a date as YYYY-MM-DD (or "today"), got "${value}"`);
  }
  return value;
}

export function choice<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${allowed.join(', ')}`);
    return value as T;
  };
}

/** `--threshold`: a name score from 0 (exclusive) to 1; see docs/matching.md for what scores mean. */
export function parseThreshold(value: string): number {
  const n = Number(value);
  if (!/^(0?\.\d+|1(\.0*)?)$/.test(value.trim()) || !(n > 0 && n <= 1)) throw new UsageError(`--threshold expects a score above 0 and at most 1 (e.g. 0.85), got "${value}"`);
  return n;
}

export function write(text: string): void {
  process.stdout.write(text);
}

/** Writes a report piece by piece, in blocks of about 64 KB, waiting whenever standard output is full. */
export async function writeAll(pieces: Iterable<string>): Promise<void> {
  let block = '';
  for (const piece of pieces) {
    block += piece;
    if (block.length < 1 << 16) continue;
    if (!process.stdout.write(block)) await once(process.stdout, 'drain');
    block = '';
  }
  if (block) process.stdout.write(block);
}
