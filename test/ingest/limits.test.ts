/**
 * Inputs built to make a reader crash, hang or grow without bound: each is read to the end with a
 * located message for what cannot be read, and the rest of the file is kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../src/model/item.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { readInventory } from '../../src/ingest/read-inventory.js';
import { readAll, tempFile } from './helpers.js';

async function rejectsWith(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

/** A pseudo-random word of `length` letters: one token, the worst case for name candidates. */
function word(length: number): string {
  let seed = 1;
  let text = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    text += String.fromCharCode(97 + (seed % 26));
  }
  return text;
}

test('a screened value over the cap rejects its row with the line and the cap; the other rows are read', async () => {
  const file = tempFile('long-name.csv', `vendor,mac\n${word(16_400)},00:11:22:33:44:55\nZTE,00:11:22:33:44:56\n`);
  const { items, rejected } = await readAll(file);
  assert.deepEqual(items.map((item) => item.label), ['ZTE']);
  assert.equal(rejected[0]?.origin.line, 2);
  assert.match(rejected[0]?.error ?? '', /column "vendor": a value of 16,400 characters is longer than the cap of 1,000 for a screened value/);
  // The cap is configurable.
  const raised = await readAll(tempFile('long-ok.csv', `vendor\n${word(1_500)}\nZTE\n`), { limits: { ...DEFAULT_LIMITS, maxValueChars: 2_000 } });
  assert.equal(raised.items.length, 2);
});

test('a cell over the cell cap rejects its row, in any column; JSON values and SBOM fields are capped too', async () => {
  const csv = await readAll(tempFile('big-cell.csv', `vendor,notes\nHuawei,"${'x'.repeat(70_000)}"\nZTE,short\n`));
  assert.deepEqual(csv.items.map((item) => item.label), ['ZTE']);
  assert.match(csv.rejected[0]?.error ?? '', /column "notes" holds 70,000 characters, more than the cap of 65,536 per cell/);
  const json = await readAll(tempFile('long.json', JSON.stringify([{ vendor: word(5_000) }, { vendor: 'ZTE' }])));
  assert.deepEqual(json.items.map((item) => item.label), ['ZTE']);
  assert.match(json.rejected[0]?.error ?? '', /column "vendor": a value of 5,000 characters/);
  const bom = { bomFormat: 'CycloneDX', specVersion: '1.5', components: [{ type: 'library', name: 'a', purl: `pkg:npm/${word(3_000)}@1` }, { type: 'library', name: 'b', purl: 'pkg:npm/b@1' }] };
  const sbom = await readAll(tempFile('long.cdx.json', JSON.stringify(bom)));
  assert.deepEqual(sbom.items.map((item) => item.label), ['b']);
  assert.match(sbom.rejected[0]?.error ?? '', /column "purl": a value of 3,\d{3} characters/);
});

test('NUL bytes in a CSV reject the rows that hold them, each with its line, not the whole file', async () => {
  const file = tempFile('nul.csv', 'vendor,mac\nHuawei,00:11:22:33:44:55\nZTE\0Corp,00:11:22:33:44:56\nDell,00:11:22:33:44:57\n');
  const { items, rejected } = await readAll(file);
  assert.deepEqual(items.map((item) => item.label), ['Huawei', 'Dell']);
  assert.deepEqual(rejected.map((row) => [row.origin.line, row.error]), [[3, 'column "vendor" holds a NUL character (binary data in a text file)']]);
  // A file that is mostly NULs is still binary.
  await rejectsWith(readAll(tempFile('zeros.bin', Buffer.alloc(4096))), /not a text file/);
});

test('control characters in JSON keys are located messages, never a crash', async () => {
  const root = tempFile('ctrl-root.json', '{\n"it\u0001ems": [{"vendor": "Huawei"}]}');
  await rejectsWith(readAll(root), /not valid JSON: the property name on line 2 is not a valid string/);
  const element = await readAll(tempFile('ctrl-element.json', '[{"ven\u0001dor": "Huawei"},\n{"vendor": "ZTE"}]'));
  assert.deepEqual(element.items.map((item) => item.label), ['ZTE']);
  assert.equal(element.rejected[0]?.origin.line, 1);
  assert.match(element.rejected[0]?.error ?? '', /not valid JSON/);
  const lines = await readAll(tempFile('ctrl.jsonl', '{"ven\u0001dor": "Huawei"}\n{"vendor": "ZTE"}\n'));
  assert.deepEqual(lines.items.map((item) => item.label), ['ZTE']);
});

test('deep nesting: a JSON row is rejected past the depth cap; CycloneDX 5,000 deep is read without overflowing the stack', async () => {
  const deepRow = `[{"vendor":"Huawei","v":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}},\n{"vendor":"ZTE"}]`;
  const json = await readAll(tempFile('deep.json', deepRow));
  assert.deepEqual(json.items.map((item) => item.label), ['ZTE']);
  assert.match(json.rejected[0]?.error ?? '', /nested more than 32 levels deep/);
  const jsonl = await readAll(tempFile('deep.jsonl', `{"vendor":"Huawei","v":${'['.repeat(50_000)}${']'.repeat(50_000)}}\n{"vendor":"ZTE"}\n`));
  assert.deepEqual(jsonl.items.map((item) => item.label), ['ZTE']);

  let components = '';
  for (let i = 0; i < 5_000; i++) components += `{"type":"library","name":"x${i}","purl":"pkg:npm/x${i}@1","components":[`;
  const cdx = `{"bomFormat":"CycloneDX","specVersion":"1.5","components":[${components}${']}'.repeat(5_000)}]}`;
  const { items } = await readAll(tempFile('deep.cdx.json', cdx));
  assert.equal(items.length, 5_000);
  assert.deepEqual(items.slice(0, 2).map((item) => item.label), ['x0', 'x1']);
  let xml = '<?xml version="1.0"?><bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components>';
  for (let i = 0; i < 5_000; i++) xml += `<component type="library"><name>x</name><purl>pkg:npm/x${i}@1</purl><components>`;
  xml += '</components></component>'.repeat(5_000) + '</components></bom>';
  await rejectsWith(readAll(tempFile('deep.cdx.xml', xml)), /not well-formed XML: Maximum nested tags exceeded/);
});

test('gzip: inflating past the size or ratio cap is refused with the cap named', async () => {
  const bomb = gzipSync(Buffer.from(`vendor\n${`Huawei${' '.repeat(1_000)}\n`.repeat(20_000)}`));
  await rejectsWith(readAll(tempFile('bomb.csv.gz', bomb), { limits: { ...DEFAULT_LIMITS, maxInflateRatio: 100 } }), /inflates more than 100 times its compressed size/);
  await rejectsWith(readAll(tempFile('big.csv.gz', bomb), { limits: { ...DEFAULT_LIMITS, maxInflatedBytes: 4 * 1024 * 1024 } }), /inflates to more than 4 MiB/);
  const small = await readAll(tempFile('ok.csv.gz', gzipSync('vendor\nHuawei\nZTE\n')), { limits: { ...DEFAULT_LIMITS, maxInflateRatio: 2 } });
  assert.equal(small.items.length, 2);
});

test('a gzip bomb of short matching rows is refused before any row is given', async () => {
  // Seven bytes a row: read row by row, 150,000 rows would be screened before its ratio showed.
  const bomb = tempFile('rows.csv.gz', gzipSync(Buffer.from(`vendor\n${'Huawei\n'.repeat(3_000_000)}`), { level: 9 }));
  let given = 0;
  await rejectsWith(
    (async () => {
      for await (const record of readInventory(bomb, { limits: { ...DEFAULT_LIMITS, maxInflateRatio: 200 } })) if (record.kind === 'item') given++;
    })(),
    /inflates more than 200 times its compressed size/,
  );
  assert.equal(given, 0);
});

test('rows past the per-file cap refuse the file with the cap named', async () => {
  const file = tempFile('many.csv', `vendor\n${'Huawei\n'.repeat(101)}`);
  await rejectsWith(readAll(file, { limits: { ...DEFAULT_LIMITS, maxRows: 100 } }), /more than 100 rows; that is the cap on rows per file/);
  assert.equal((await readAll(file, { limits: { ...DEFAULT_LIMITS, maxRows: 101 } })).items.length, 101);
});

test('a large JSON array is read element by element: a broken element is rejected alone, lines kept', async () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => `{"vendor": "V${i} Corp"}`);
  rows[10_000] = '{"vendor": tru}';
  const { items, rejected } = await readAll(tempFile('many.json', `[\n${rows.join(',\n')}\n]`));
  assert.equal(items.length, 19_999);
  assert.deepEqual(rejected.map((row) => row.origin.line), [10_002]);
  assert.equal(items.at(-1)?.origin.line, 20_001);
});
