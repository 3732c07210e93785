import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/model/item.js';
import { describeColumns } from '../../src/ingest/read-inventory.js';
import { sniffDelimiter } from '../../src/ingest/formats/csv.js';
import { fixture, labelsByLine, readAll, tempFile } from './helpers.js';

test('CSV: header synonyms, line numbers across a multi-line field, and rejected rows in place', async () => {
  const { items, rejected, columns } = await readAll(fixture('suppliers.csv'));
  assert.equal(columns.length, 1);
  assert.equal(columns[0]?.format, 'csv');
  assert.equal(columns[0]?.header, true);
  assert.deepEqual(columns[0]?.columns, { Supplier: 'name', 'MAC Address': 'mac', Model: 'model', Notes: 'unused' });
  assert.equal(describeColumns(columns[0]!), 'Supplier→name, MAC Address→mac, Model→model (unused: Notes)');

  assert.deepEqual(labelsByLine(items), ['2: Huawei Technologies Co.', '4: ZTE Corporation', '8: Dahua Technology']);
  assert.deepEqual(items[0]?.fields, { name: ['Huawei Technologies Co.'], mac: ['00:11:22:33:44:55'], model: ['AR6120'] });
  assert.deepEqual(items[2]?.fields.mac, ['0011.2233.4455']);
  assert.deepEqual(items[0]?.origin, { file: fixture('suppliers.csv'), line: 2 });

  assert.deepEqual(
    rejected.map((row) => [row.origin.line, row.error]),
    [
      [5, 'expected 4 columns (as on the first row), found 2'],
      [7, 'broken quoting: unexpected text after the closing quote of column 1'],
      [9, 'no value in any screened column'],
    ],
  );
});

test('CSV: CRLF line ends, also inside a quoted field, keep line numbers right', async () => {
  const file = tempFile('crlf.csv', 'Vendor,Notes\r\nA Corp,"x\r\ny"\r\nB Corp,z\r\n\r\nC Corp,w\r\n');
  const { items } = await readAll(file);
  assert.deepEqual(labelsByLine(items), ['2: A Corp', '4: B Corp', '6: C Corp']);
});

test('CSV: an unclosed quote costs one row, not the rest of the file', async () => {
  const file = tempFile('unclosed.csv', 'Vendor,Model\nA Corp,"X1\nB Corp,Y2\nC Corp,Z3\n');
  const { items, rejected } = await readAll(file);
  assert.deepEqual(labelsByLine(items), ['3: B Corp', '4: C Corp']);
  assert.deepEqual(rejected.map((row) => [row.origin.line, row.error]), [[2, 'broken quoting: the quote opened on line 2 is never closed']]);
});

test('CSV: a line over 1 MiB is rejected and reading goes on', async () => {
  const file = tempFile('long.csv', `Vendor,Notes\nA Corp,x\nB Corp,${'y'.repeat(1.2 * 1024 * 1024)}\nC Corp,z\n`);
  const { items, rejected } = await readAll(file);
  assert.deepEqual(labelsByLine(items), ['2: A Corp', '4: C Corp']);
  assert.deepEqual(rejected.map((row) => [row.origin.line, row.error]), [[3, 'line is longer than 1 MiB']]);
});

test('delimiters ; and tab are detected from the content', async () => {
  const semicolon = await readAll(fixture('devices-semicolon.csv'));
  assert.equal(semicolon.columns[0]?.delimiter, ';');
  assert.deepEqual(semicolon.columns[0]?.columns, { Manufacturer: 'name', 'Hardware-Address': 'mac', 'Device Type': 'category' });
  assert.deepEqual(semicolon.items[1]?.fields, { name: ['Dahua'], mac: ['66:77:88:99:aa:bb'], category: ['camera'] });

  const tsv = await readAll(fixture('apps.tsv'));
  assert.equal(tsv.columns[0]?.format, 'tsv');
  assert.deepEqual(labelsByLine(tsv.items), ['2: Tencent', '3: ByteDance']);
  assert.deepEqual(tsv.items[1]?.fields.app, ['com.zhiliaoapp.musically']);
});

test('delimiter sniffing prefers consistency and ignores delimiters inside quotes', () => {
  assert.equal(sniffDelimiter('a|b|c\n1|2|3\n4|5|6\n', true), '|');
  assert.equal(sniffDelimiter('name;mac\n"Huawei Co., Ltd.";00:11\n"ZTE, Inc.";00:12\n', true), ';');
  assert.equal(sniffDelimiter('just one column\nanother\n', true), ',');
});

test('a headerless file of MACs is read by content, first row included', async () => {
  const { items, columns } = await readAll(fixture('macs-headerless.txt'));
  assert.equal(columns[0]?.header, false);
  assert.deepEqual(columns[0]?.choices, [{ column: 'column 1', field: 'mac', by: 'content' }]);
  assert.deepEqual(labelsByLine(items), ['1: 00:11:22:33:44:55', '2: 66:77:88:99:AA:BB', '3: 0a-1b-2c-3d-4e-5f']);
});

test('unknown headers: free text is taken for names by content', async () => {
  const { items, columns } = await readAll(fixture('unknown-headers.csv'));
  assert.deepEqual(columns[0]?.columns, { Partner: 'name', Kennung: 'unused', Bemerkung: 'unused' });
  assert.deepEqual(columns[0]?.choices[0], { column: 'Partner', field: 'name', by: 'content' });
  assert.deepEqual(labelsByLine(items), ['2: Huawei', '3: ZTE']);
});

test('the vendor column is known by its title in the languages of common exports; a log export lends no junk columns to names', async () => {
  const german = await readAll(tempFile('geraete.csv', 'Hersteller;MAC-Adresse\nHuawei;00:e0:fc:12:34:56\n'));
  assert.deepEqual(german.columns[0]?.choices[0], { column: 'Hersteller', field: 'name', by: 'header' });
  // A NextDNS export: the domain is screened; its yes/no, country and category columns are not names.
  const nextdns = await readAll(tempFile('nextdns.csv', 'timestamp,domain,query_type,dnssec,destination_country,root_domain\n2026-12-05T09:01:02Z,www.example.com,A,false,US,example.com\n'));
  assert.deepEqual(Object.entries(nextdns.columns[0]?.columns ?? {}).filter(([, field]) => field !== 'unused'), [['domain', 'host']]);
});

test('--map overrides detection, by header or column number, and can ignore a column', async () => {
  const { items, columns } = await readAll(fixture('suppliers.csv'), { map: { 'mac address': 'ignore', Model: 'name', '1': 'category' } });
  assert.deepEqual(columns[0]?.columns, { Supplier: 'category', 'MAC Address': 'unused', Model: 'name', Notes: 'unused' });
  assert.deepEqual(items[0]?.fields, { category: ['Huawei Technologies Co.'], name: ['AR6120'] });
  assert.equal(items[0]?.label, 'AR6120');
});

test('--map errors: a column that does not exist, a field that does not exist', async () => {
  await assert.rejects(readAll(fixture('suppliers.csv'), { map: { Vendorx: 'name' } }), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /--map names no column here: "Vendorx"; the columns are "Supplier", "MAC Address", "Model", "Notes"/);
    return true;
  });
  await assert.rejects(readAll(fixture('suppliers.csv'), { map: { Supplier: 'vendor' as 'name' } }), /unknown field "vendor"/);
});

test('no mappable column is an input error naming the columns and suggesting --map', async () => {
  const file = tempFile('nothing.csv', 'Serial,Qty\nSN123,4\nSN124,5\n');
  await assert.rejects(readAll(file), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /no column could be matched to a field; the columns are "Serial", "Qty"\. .*--map "Serial=name"/);
    return true;
  });
});

test('a file of 50,000 unrecognised columns is refused in a message of twenty of them, not all', async () => {
  const titles = Array.from({ length: 50_000 }, (_, i) => `c${i}`);
  const file = tempFile('wide.csv', `${titles.join(',')}\n${titles.map(() => 'x').join(',')}\n`);
  await assert.rejects(readAll(file), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /"c19" and 49980 more\./);
    assert.ok(error.message.length < 1_000, `${error.message.length} characters`);
    return true;
  });
});

test('a row with values only in unscreened columns is rejected; blank rows are skipped', async () => {
  const file = tempFile('sparse.csv', 'Vendor,Notes\n\n,only a note\nA Corp,\n,\n');
  const { items, rejected } = await readAll(file);
  assert.deepEqual(labelsByLine(items), ['4: A Corp']);
  assert.deepEqual(rejected.map((row) => [row.origin.line, row.error]), [[3, 'no value in any screened column']]);
});

test('values are trimmed, several columns of one field give several values, quotes inside unquoted cells are kept', async () => {
  const file = tempFile('multi.csv', 'Vendor, Host ,Domain,Model\n  A Corp  , a.example.com ,b.example.com,27" panel\n');
  const { items } = await readAll(file);
  assert.deepEqual(items[0]?.fields, { name: ['A Corp'], host: ['a.example.com', 'b.example.com'], model: ['27" panel'] });
});

test('the label prefers the name, then app, host, model, mac …', async () => {
  const file = tempFile('labels.csv', 'MAC,Model,Host\n00:11:22:33:44:55,X1,\n00:11:22:33:44:56,,\n00:11:22:33:44:57,X3,h.example.com\n');
  const { items } = await readAll(file);
  assert.deepEqual(items.map((item) => item.label), ['X1', '00:11:22:33:44:56', 'h.example.com']);
});
