import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { estimateRows } from '../../src/server/scan-runner.js';

describe("a scan's expected rows, for its progress", () => {
  const dir = mkdtempSync(join(tmpdir(), 'covered-estimate-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const csv = `vendor,country\n${Array.from({ length: 20_000 }, (_, i) => `Supplier number ${i} Ltd,DE`).join('\n')}\n`;

  test('a plain file: its lines less the header', async () => {
    writeFileSync(join(dir, 'plain.csv'), csv);
    assert.equal(await estimateRows(join(dir, 'plain.csv')), 20_000);
  });
  test('a gzipped file: from its inflated size and the lines at its start, within a tenth', async () => {
    writeFileSync(join(dir, 'packed.csv.gz'), gzipSync(csv));
    const estimate = await estimateRows(join(dir, 'packed.csv.gz'));
    assert.ok(Math.abs(estimate - 20_000) <= 2_000, `estimated ${estimate}`);
  });
  test('a damaged gzip file or a zip archive: unknown (0), no error', async () => {
    writeFileSync(join(dir, 'damaged.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    assert.equal(await estimateRows(join(dir, 'damaged.gz')), 0);
    writeFileSync(join(dir, 'book.xlsx'), Buffer.from('PK\u0003\u0004rest of an archive'));
    assert.equal(await estimateRows(join(dir, 'book.xlsx')), 0);
  });
});
