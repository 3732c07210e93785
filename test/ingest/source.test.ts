import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../src/model/item.js';
import { fixture, labelsByLine, readAll, tempFile } from './helpers.js';

const suppliers = 'Vendor,Country\nSociété Générale,FR\nMüller GmbH,DE\n供应商甲,CN\n';

/** Asserts an InputError for `file` whose message matches `pattern`. */
async function rejectsWith(promise: Promise<unknown>, file: string, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.equal(error.file, file);
    assert.match(error.message, pattern);
    return true;
  });
}

test('gzip is decompressed transparently, whatever the format inside', async () => {
  const csv = await readAll(tempFile('suppliers.csv.gz', gzipSync(suppliers)));
  assert.equal(csv.columns[0]?.gzip, true);
  assert.deepEqual(labelsByLine(csv.items), ['2: Société Générale', '3: Müller GmbH', '4: 供应商甲']);
  const jsonl = await readAll(tempFile('apps.data', gzipSync('{"publisher": "Tencent", "bundle id": "com.tencent.mm"}\n')));
  assert.equal(jsonl.columns[0]?.format, 'jsonl');
  assert.deepEqual(jsonl.items[0]?.fields, { name: ['Tencent'], app: ['com.tencent.mm'] });
});

test('a truncated gzip file is an input error naming the file', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => `Vendor ${i} Corp,${i}`).join('\n');
  const whole = gzipSync(`Vendor,Id\n${rows}\n`);
  const file = tempFile('cut.csv.gz', whole.subarray(0, Math.floor(whole.length / 2)));
  await rejectsWith(readAll(file), file, /gzip data is truncated/);
  const empty = tempFile('empty.csv.gz', gzipSync(''));
  await rejectsWith(readAll(empty), empty, /empty file/);
});

test('UTF-8 with a BOM, and UTF-16 LE and BE with a BOM, are decoded', async () => {
  const utf8 = await readAll(tempFile('bom8.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(suppliers)])));
  assert.deepEqual(utf8.columns[0]?.columns, { Vendor: 'name', Country: 'asset.country' }, 'the BOM is not part of the first header');

  const littleEndian = Buffer.from(`\ufeff${suppliers}`, 'utf16le');
  const bigEndian = Buffer.from(littleEndian).swap16();
  for (const [name, bytes, encoding] of [['le.csv', littleEndian, 'utf-16le'], ['be.csv', bigEndian, 'utf-16be']] as const) {
    const { items, columns, notices } = await readAll(tempFile(name, bytes));
    assert.equal(columns[0]?.encoding, encoding);
    assert.deepEqual(labelsByLine(items), ['2: Société Générale', '3: Müller GmbH', '4: 供应商甲'], name);
    assert.deepEqual(notices, []);
  }
});

test('bytes that are not UTF-8 are read as Windows-1252, with one notice', async () => {
  const latin1 = Buffer.concat([
    Buffer.from('Vendor\nSociété Générale\nMüller GmbH\n', 'latin1'),
    Buffer.from([0x80, 0x20, 0x93, 0x41, 0x94, 0x0a]), // € “A” in Windows-1252
  ]);
  const { items, columns, notices } = await readAll(tempFile('latin1.csv', latin1));
  assert.deepEqual(labelsByLine(items), ['2: Société Générale', '3: Müller GmbH', '4: € “A”']);
  assert.equal(columns[0]?.encoding, 'windows-1252');
  assert.deepEqual(notices, ['not valid UTF-8; reading it as Windows-1252 (Latin-1)']);
});

test('UTF-8 characters split across read chunks stay UTF-8', async () => {
  const rows = Array.from({ length: 20000 }, (_, i) => `供应商${i}号,${i}`).join('\n');
  const { items, notices } = await readAll(tempFile('big-utf8.csv', `供应商,编号\n${rows}\n`));
  assert.equal(items.length, 20000);
  assert.equal(items[19999]?.label, '供应商19999号');
  assert.deepEqual(notices, []);
});

test('binary garbage, an old .xls and an empty file are input errors', async () => {
  const garbage = tempFile('garbage.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256)));
  await rejectsWith(readAll(garbage), garbage, /not a text file \(it contains binary data\)/);
  const xls = tempFile('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
  await rejectsWith(readAll(xls), xls, /old binary Excel \(\.xls\)/);
  const empty = tempFile('empty.csv', '');
  await rejectsWith(readAll(empty), empty, /empty file/);
  const blank = tempFile('blank.csv', '\n  \r\n\n');
  await rejectsWith(readAll(blank), blank, /empty file/);
  const missing = tempFile('x', '').replace(/x$/, 'does-not-exist.csv');
  await rejectsWith(readAll(missing), missing, /no such file/);
});

test('"-" reads standard input', async () => {
  const stdin = Readable.from([Buffer.from('MAC Address,Vendor\n00:11:22:33:44:55,'), Buffer.from('A Corp\n')]);
  const { items } = await readAll('-', { stdin });
  assert.deepEqual(items, [{ origin: { file: '-', line: 2 }, fields: { mac: ['00:11:22:33:44:55'], name: ['A Corp'] }, label: 'A Corp' }]);
  await rejectsWith(readAll('-', { stdin: Readable.from([]) }), '-', /empty file/);
});

test('a compressed stream through stdin works too', async () => {
  const bytes = gzipSync(readFileSync(fixture('apps.tsv')));
  const { items } = await readAll('-', { stdin: Readable.from([bytes.subarray(0, 1), bytes.subarray(1)]) });
  assert.deepEqual(labelsByLine(items), ['2: Tencent', '3: ByteDance']);
});
