import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseFields, fieldForHeader, valueShapes } from '../../src/ingest/columns.js';
import { readAll, tempFile } from './helpers.js';

test('native library values have their own shape, unlike hostnames and app ids', () => {
  for (const value of ['libBugly.so', 'libmmkv.so.1', 'lib/arm64-v8a/libBugly.so', 'libc++_shared.so']) assert.deepEqual(valueShapes(value), ['library'], value);
  assert.deepEqual(valueShapes('libfoo.so.com'), ['host']);
  assert.deepEqual(valueShapes('example.so'), ['host']);
  assert.deepEqual(valueShapes('com.tencent.mm'), ['app']);
});

test('a native-library column is recognised by its header, and a bare "library" column by its content', () => {
  for (const header of ['Native library', 'native_libraries', 'Shared Library', 'SO file', 'JNI library']) assert.equal(fieldForHeader(header), 'library', header);
  assert.equal(fieldForHeader('Library'), undefined);
  const { choices } = chooseFields(
    'apps.csv',
    ['package name', 'Library', 'lib', 'notes'],
    [['com.example.a', 'com.example.b'], ['libBugly.so', 'libmmkv.so.1'], ['okhttp 4.9', 'retrofit 2.9'], ['a', 'b']],
    true,
    undefined,
  );
  assert.deepEqual(
    choices.map((c) => [c.column, c.field, c.by]),
    [['package name', 'app', 'header'], ['Library', 'library', 'content'], ['lib', 'name', 'content'], ['notes', undefined, undefined]],
  );
});

test('a list of libraries without a header is read as data; a row with only a library is screened under its name', async () => {
  const { items, rejected, columns } = await readAll(tempFile('libs.txt', 'libBugly.so\nlib/x86/libnesec.so\nlibc.so.6\n'));
  assert.deepEqual(rejected, []);
  assert.deepEqual(columns[0]?.columns, { 'column 1': 'library' });
  assert.deepEqual(items.map((i) => [i.label, i.fields]), [
    ['libBugly.so', { library: ['libBugly.so'] }],
    ['lib/x86/libnesec.so', { library: ['lib/x86/libnesec.so'] }],
    ['libc.so.6', { library: ['libc.so.6'] }],
  ]);
});

test('CycloneDX and SPDX: a component named as a shared library is screened as one', async () => {
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    components: [
      { type: 'file', name: 'lib/arm64-v8a/libBugly.so' },
      { type: 'library', name: 'libmmkv.so.1', version: '1.3.4', purl: 'pkg:generic/libmmkv.so@1.3.4' },
      { type: 'library', name: 'okhttp', group: 'com.squareup.okhttp3', version: '4.9.0' },
      { type: 'file', name: 'README.txt' },
    ],
  };
  const cyclonedx = await readAll(tempFile('apk.cdx.json', JSON.stringify(bom, null, 2)));
  assert.deepEqual(cyclonedx.items.map((i) => i.fields), [
    { library: ['lib/arm64-v8a/libBugly.so'] },
    { purl: ['pkg:generic/libmmkv.so@1.3.4'], library: ['libmmkv.so.1'] },
    { package: ['com.squareup.okhttp3'] },
  ]);
  assert.deepEqual(cyclonedx.rejected.map((r) => r.error), ['component README.txt has no purl, supplier, author, group or shared-library name: nothing to screen']);
  assert.equal(cyclonedx.columns[0]?.columns.name, 'library');

  const spdx = {
    spdxVersion: 'SPDX-2.3',
    packages: [{ SPDXID: 'SPDXRef-a', name: 'libpangleflipped.so', versionInfo: '5.0' }],
    files: [
      { SPDXID: 'SPDXRef-File-1', fileName: './lib/arm64-v8a/libBugly.so' },
      { SPDXID: 'SPDXRef-File-2', fileName: './res/layout/main.xml' },
    ],
  };
  const text = JSON.stringify(spdx, null, 2);
  const { items } = await readAll(tempFile('apk.spdx.json', text));
  assert.deepEqual(items.map((i) => i.fields), [{ library: ['libpangleflipped.so'] }, { library: ['./lib/arm64-v8a/libBugly.so'] }]);
  // The file's item points at the line of its entry.
  const fileLine = text.split('\n').findIndex((l) => l.includes('SPDXRef-File-1')) + 1;
  assert.equal(items[1]?.origin.line, fileLine);
});

test('SPDX tag-value: files that are shared libraries are screened, other files and snippets are not', async () => {
  const doc = [
    'SPDXVersion: SPDX-2.3',
    'PackageName: okhttp',
    'SPDXID: SPDXRef-Package-okhttp',
    'ExternalRef: PACKAGE-MANAGER purl pkg:maven/com.squareup.okhttp3/okhttp@4.9.0',
    'FileName: ./lib/armeabi-v7a/libmmkv.so',
    'SPDXID: SPDXRef-File-1',
    'FileName: ./classes.dex',
    'SPDXID: SPDXRef-File-2',
    'SnippetSPDXID: SPDXRef-Snippet-1',
    '',
  ].join('\n');
  const { items, rejected } = await readAll(tempFile('apk.spdx', doc));
  assert.deepEqual(items.map((i) => [i.origin.line, i.fields]), [
    [2, { purl: ['pkg:maven/com.squareup.okhttp3/okhttp@4.9.0'] }],
    [5, { library: ['./lib/armeabi-v7a/libmmkv.so'] }],
  ]);
  assert.deepEqual(rejected, []);
});
