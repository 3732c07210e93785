/**
 * Writing changes to a knowledge-base directory so that it is never left half-written: the
 * directory is copied beside itself, the changes are written into the copy, and the copy replaces
 * the original by renaming. If anything fails before the swap, the original is untouched and the
 * copy is removed.
 */
import { cpSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DataFile } from './compile.js';

/** `data/groups/x.yaml` (relative to the directory's parent, as `readDataFiles` gives) → `groups/x.yaml`. */
function insideDir(dataDir: string, path: string): string {
  const prefix = `${basename(dataDir)}/`;
  if (!path.startsWith(prefix)) throw new Error(`${path} is not inside ${dataDir}`);
  const rel = path.slice(prefix.length);
  if (rel.split('/').includes('..')) throw new Error(`${path} leaves ${dataDir}`);
  return rel;
}

export function writeFilesAtomically(dataDir: string, writes: readonly DataFile[]): void {
  if (writes.length === 0) return;
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = join(dirname(dataDir), `.${basename(dataDir)}.import-${stamp}`);
  const previous = join(dirname(dataDir), `.${basename(dataDir)}.previous-${stamp}`);
  try {
    cpSync(dataDir, staging, { recursive: true });
    for (const w of writes) {
      const target = join(staging, insideDir(dataDir, w.path));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, w.text);
    }
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  renameSync(dataDir, previous);
  try {
    renameSync(staging, dataDir);
  } catch (e) {
    renameSync(previous, dataDir);
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  rmSync(previous, { recursive: true, force: true });
}
