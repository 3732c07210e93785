import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { InputError } from '../../src/model/item.js';
import { labelsByLine, readAll, tempFile } from './helpers.js';

/** A workbook with a device sheet, a sheet with nothing to screen, and an app sheet starting at B3. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const devices = book.addWorksheet('Devices');
  devices.addRow(['Manufacturer', 'MAC Address', 'Model', 'Purchased']);
  devices.addRow(['Hikvision', '00:11:22:33:44:55', 'DS-2CD2143', new Date('2024-01-02')]);
  devices.addRow([]);
  devices.addRow([{ richText: [{ text: 'Da' }, { text: 'hua' }] }, '66:77:88:99:aa:bb', { formula: '"IPC"&"-1"', result: 'IPC-1' }]);
  devices.addRow([null, null, null, 'only a date']);
  const notes = book.addWorksheet('Notes');
  notes.addRow(['Comment']);
  notes.addRow(['Checked by 123']);
  const apps = book.addWorksheet('Apps');
  apps.getCell('B3').value = 'Bundle ID';
  apps.getCell('B4').value = 'com.tencent.mm';
  apps.getCell('B5').value = 'com.ss.android.ugc.trill';
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The workbook's parts rewritten so that `first` come first in the archive, in that order. */
async function reordered(book: Buffer, first: RegExp[]): Promise<Buffer> {
  const source = await JSZip.loadAsync(book);
  const paths = Object.keys(source.files).filter((path) => !source.files[path]!.dir);
  const rank = (path: string) => {
    const i = first.findIndex((re) => re.test(path));
    return i < 0 ? first.length : i;
  };
  const out = new JSZip();
  for (const path of [...paths].sort((a, b) => rank(a) - rank(b))) out.file(path, await source.file(path)!.async('nodebuffer'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

test('XLSX: sheets before the workbook part in the archive are read, with their names', async () => {
  // The relationships and shared strings first, then the sheets, the workbook part last of the three.
  const order = [/^_rels\//, /^xl\/_rels\/workbook/, /^xl\/sharedStrings/, /^xl\/worksheets\/sheet/, /^xl\/workbook\.xml$/];
  const { items, columns } = await readAll(tempFile('late-workbook.xlsx', await reordered(await workbook(), order)));
  assert.deepEqual(columns.map((info) => info.sheet), ['Devices', 'Apps']);
  assert.ok(items.some((item) => item.origin.sheet === 'Apps' && item.label === 'com.tencent.mm'));
  // And the usual order still reads the same.
  const usual = await readAll(tempFile('usual.xlsx', await reordered(await workbook(), [/^_rels\//, /^xl\/workbook\.xml$/, /^xl\/_rels\//, /^xl\/sharedStrings/])));
  assert.deepEqual(usual.columns.map((info) => info.sheet), ['Devices', 'Apps']);
});

test('XLSX: every sheet is read, with its own header, sheet name and row numbers', async () => {
  const file = tempFile('inventory.xlsx', await workbook());
  const { items, rejected, columns, notices } = await readAll(file);
  assert.deepEqual(
    columns.map((info) => [info.format, info.sheet, info.columns]),
    [
      ['xlsx', 'Devices', { Manufacturer: 'name', 'MAC Address': 'mac', Model: 'model', Purchased: 'unused' }],
      ['xlsx', 'Apps', { 'Bundle ID': 'app' }],
    ],
  );
  assert.deepEqual(
    items.map((item) => [item.origin.sheet, item.origin.line, item.label]),
    [
      ['Devices', 2, 'Hikvision'],
      ['Devices', 4, 'Dahua'],
      ['Apps', 4, 'com.tencent.mm'],
      ['Apps', 5, 'com.ss.android.ugc.trill'],
    ],
  );
  assert.deepEqual(items[1]?.fields, { name: ['Dahua'], mac: ['66:77:88:99:aa:bb'], model: ['IPC-1'] });
  assert.deepEqual(rejected, [{ origin: { file, line: 5, sheet: 'Devices' }, error: 'no value in any screened column' }]);
  assert.deepEqual(notices, ['sheet "Notes": no column could be matched to a field ("Comment"); sheet skipped']);
});

test('XLSX: --map applies to the sheets that have the column; a key no sheet has is an error', async () => {
  const file = tempFile('mapped.xlsx', await workbook());
  const { items } = await readAll(file, { map: { Comment: 'name' } });
  assert.deepEqual(labelsByLine(items.filter((item) => item.origin.sheet === 'Notes')), ['2: Checked by 123']);
  await assert.rejects(readAll(file, { map: { Lieferant: 'name' } }), /--map names no column of any sheet: "Lieferant"/);
});

test('XLSX: gzip-compressed workbooks are read; a truncated workbook is an input error', async () => {
  const bytes = await workbook();
  const { items } = await readAll(tempFile('inventory.xlsx.gz', gzipSync(bytes)));
  assert.equal(items.length, 4);
  const cut = tempFile('cut.xlsx', bytes.subarray(0, 3000));
  await assert.rejects(readAll(cut), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(error.message, /cut\.xlsx: not a readable XLSX workbook/);
    return true;
  });
  await assert.rejects(readAll(tempFile('zip.csv', bytes), { inputFormat: 'csv' }), /ZIP archive \(an XLSX workbook\?\), not csv/);
});

test('XLSX: a workbook that breaks after a sheet was set aside leaves no temporary file or open descriptor behind', async () => {
  // Excel writes the sheets before the shared strings; exceljs keeps such a sheet in a temporary file.
  const bytes = await workbook();
  const sharedStrings = bytes.indexOf('xl/sharedStrings.xml') - 30;
  assert.ok(sharedStrings > bytes.indexOf('xl/worksheets/sheet1.xml'), 'the sheets come first in the archive');
  const file = tempFile('cut-after-sheets.xlsx', bytes.subarray(0, sharedStrings));
  const ours = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`)).length;
  const descriptors = () => readdirSync('/proc/self/fd').length;
  // Files are closed and removed asynchronously once a read ends: wait for that state, with a deadline.
  const settled = async (done: () => boolean) => {
    for (const deadline = Date.now() + 10_000; !done() && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  await assert.rejects(readAll(file), InputError); // the first read loads exceljs and its modules
  await settled(() => ours() === 0);
  const descriptorsBefore = descriptors();
  for (let i = 0; i < 25; i++) await assert.rejects(readAll(file), /not a readable XLSX workbook/);
  await settled(() => ours() === 0 && descriptors() < descriptorsBefore + 5);
  assert.equal(ours(), 0, 'no temporary file is left');
  assert.ok(descriptors() < descriptorsBefore + 5, `open descriptors: ${descriptorsBefore} before, ${descriptors()} after 25 reads`);
});

test('XLSX: a workbook whose sheets are all empty is an input error', async () => {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Sheet1');
  const file = tempFile('empty.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  await assert.rejects(readAll(file), /empty workbook: no sheet has any rows/);
});

test('XLSX: a workbook whose parts the library trips over is refused in words a user can act on', async () => {
  // A sheet that points at shared string 99 of a workbook with none, and never closes: the rows
  // read so far would be all there is, so the sheet is refused.
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="a" r:id="x"/></sheets></workbook>');
  zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row><c t="s"><v>99</v></c></row>');
  const file = tempFile('damaged.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
  await assert.rejects(readAll(file), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.equal(error.message, `${file}: not a readable XLSX workbook (a worksheet ends before its closing tag; is the file damaged or truncated?)`);
    return true;
  });
});

test('XLSX: Chinese names in a large workbook are read whole, however the archive cuts its parts into chunks', async () => {
  const names = ['华为技术有限公司', '杭州海康威视数字技术股份有限公司', '中兴通讯股份有限公司', '浙江大华技术股份有限公司'];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Suppliers');
  sheet.addRow(['Supplier']);
  for (let i = 0; i < 6000; i++) sheet.addRow([`${names[i % names.length]}${i}`]);
  const { items } = await readAll(tempFile('cjk.xlsx', Buffer.from(await book.xlsx.writeBuffer())));
  assert.equal(items.length, 6000);
  const garbled = items.filter((item, i) => item.label !== `${names[i % names.length]}${i}`);
  assert.deepEqual(garbled.map((item) => item.label), []);
});

test('XLSX: rows and cells without their optional references are read in order', async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Devices" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  const cell = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = [
    `<row>${cell('Manufacturer')}${cell('MAC')}</row>`,
    `<row>${cell('Hikvision')}${cell('44:19:b6:12:34:56')}</row>`,
    // A row that gives its number and a cell that gives its column, among ones that do not.
    `<row r="5"><c r="B5" t="inlineStr"><is><t>00:11:22:33:44:55</t></is></c></row>`,
    `<row>${cell('Dahua')}</row>`,
  ];
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  const { items } = await readAll(tempFile('no-refs.xlsx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })));
  assert.deepEqual(
    items.map((item) => [item.origin.line, item.fields]),
    [
      [2, { name: ['Hikvision'], mac: ['44:19:b6:12:34:56'] }],
      [5, { mac: ['00:11:22:33:44:55'] }],
      [6, { name: ['Dahua'] }],
    ],
  );
});
