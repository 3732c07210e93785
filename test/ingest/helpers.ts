/** Shared by the ingest tests: run readInventory to the end and sort what came out. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InventoryItem, RejectedRow, Sighting } from '../../src/model/item.js';
import { readInventory, type ColumnInfo, type ReadOptions } from '../../src/ingest/read-inventory.js';

export const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));

const scratch = mkdtempSync(join(tmpdir(), 'covered-ingest-'));

/** Writes a file for one test (for binary or encoded content that is clearer built in code). */
export function tempFile(name: string, content: string | Buffer | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

export interface ReadResult {
  items: InventoryItem[];
  rejected: RejectedRow[];
  columns: ColumnInfo[];
  notices: string[];
  sightings: Sighting[];
}

export async function readAll(file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const result: ReadResult = { items: [], rejected: [], columns: [], notices: [], sightings: [] };
  const records = readInventory(file, {
    ...options,
    onColumns: (info) => result.columns.push(info),
    onNotice: (message) => result.notices.push(message),
  });
  for await (const record of records) {
    if (record.kind === 'item') result.items.push(record.item);
    else if (record.kind === 'rejected') result.rejected.push(record.row);
    else result.sightings.push(...record.sightings);
  }
  return result;
}

/** "line: label" for each item, compact enough to compare a whole file at once. */
export const labelsByLine = (items: InventoryItem[]): string[] => items.map((item) => `${item.origin.line}: ${item.label}`);
