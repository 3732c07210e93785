import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/model/item.js';
import { sniffTextFormat } from '../../src/ingest/read-inventory.js';
import { fixture, labelsByLine, readAll, tempFile } from './helpers.js';

test('JSON: items under "items", nested and array values, each element at its starting line', async () => {
  const { items, rejected, columns } = await readAll(fixture('holdings.json'));
  assert.equal(columns[0]?.format, 'json');
  assert.deepEqual(columns[0]?.columns, {
    'Security Name': 'name', ISIN: 'isin', tickers: 'ticker', 'issuer.name': 'name', cusip: 'cusip', notes: 'unused',
  });
  assert.deepEqual(labelsByLine(items), ['4: China Mobile Ltd', '9: Hikvision']);
  assert.deepEqual(items[0]?.fields, { name: ['China Mobile Ltd'], isin: ['HK0941009539'], ticker: ['941', 'CHL'] });
  assert.deepEqual(items[1]?.fields, { name: ['Hikvision'], cusip: ['037833100'] });
  assert.deepEqual(
    rejected.map((row) => [row.origin.line, row.error.replace(/:.*/, ':…')]),
    [
      [10, 'expected a JSON object, found a string'],
      [11, 'not valid JSON:…'],
      [12, 'no value in any screened column'],
    ],
  );
});

test('JSON: a top-level array; keys found by content when the header is unknown', async () => {
  const file = tempFile('top.json', '[{"x": "00:11:22:33:44:55", "who": "A Corp"},\n {"x": "66:77:88:99:aa:bb", "who": "B Corp"}]');
  const { items, columns } = await readAll(file);
  assert.deepEqual(columns[0]?.columns, { x: 'mac', who: 'name' });
  assert.deepEqual(labelsByLine(items), ['1: A Corp', '2: B Corp']);
});

test('JSON: keys first seen after the sampled rows are mapped by their header', async () => {
  const rows = Array.from({ length: 250 }, (_, i) => (i < 220 ? { vendor: `V${i} Corp` } : { vendor: `V${i} Corp`, hostname: `h${i}.example.com` }));
  const { items } = await readAll(tempFile('late.json', JSON.stringify(rows)));
  assert.equal(items.length, 250);
  assert.deepEqual(items[249]?.fields, { name: ['V249 Corp'], host: ['h249.example.com'] });
});

test('JSON: structural problems are input errors with a line', async () => {
  await assert.rejects(readAll(tempFile('open.json', '[\n{"vendor": "A"},\n{"vendor": "B"\n')), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /not valid JSON: the object starting on line 3 is never closed/);
    return true;
  });
  await assert.rejects(readAll(tempFile('two.json', '{"a": [{"vendor": "A"}], "b": [{"vendor": "B"}]}')), /several array properties \(a, b\)/);
  await assert.rejects(readAll(tempFile('none.json', '{\n"vendor": "A"\n}')), /no array property/);
});

test('JSONL: physical line numbers; broken lines and non-objects are rejected', async () => {
  const { items, rejected, columns } = await readAll(fixture('apps.jsonl'));
  assert.equal(columns[0]?.format, 'jsonl');
  assert.deepEqual(columns[0]?.columns, { developer: 'name', app_id: 'app', domains: 'host' });
  assert.deepEqual(labelsByLine(items), ['1: Tencent', '5: ByteDance']);
  assert.deepEqual(items[1]?.fields, { name: ['ByteDance'], app: ['com.ss.android.ugc.trill'], host: ['tiktok.com', 'tiktokv.com'] });
  assert.deepEqual(
    rejected.map((row) => [row.origin.line, row.error.replace(/:.*/, ':…')]),
    [
      [2, 'not valid JSON:…'],
      [4, 'expected a JSON object, found an array'],
    ],
  );
});

test('JSON versus JSON Lines is told from the content', () => {
  assert.equal(sniffTextFormat('  [\n{"a":1}]'), 'json');
  assert.equal(sniffTextFormat('{\n  "items": []\n}'), 'json');
  assert.equal(sniffTextFormat('{"items":[{"a":1},{"a":2}]}'), 'json');
  assert.equal(sniffTextFormat('{"a":1}\n{"a":2}\n'), 'jsonl');
  assert.equal(sniffTextFormat('{"a":1,}\n{"a":2}\n'), 'jsonl');
  assert.equal(sniffTextFormat('vendor,mac\n'), 'csv');
});

test('the format can be forced', async () => {
  const file = tempFile('lines.txt', '{"vendor": "A Corp"}\n');
  const { columns } = await readAll(file, { inputFormat: 'jsonl' });
  assert.equal(columns[0]?.format, 'jsonl');
  await assert.rejects(readAll(file, { inputFormat: 'xlsx' }), /not an XLSX workbook/);
});
