import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { InputError } from '../../src/model/item.js';
import { fixture, readAll, tempFile } from './helpers.js';

async function rejectsWith(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    assert.match(error.message, pattern);
    return true;
  });
}

test('XML with an external entity (XXE) is refused before parsing, and nothing is read from disk', async () => {
  const xxe = tempFile(
    'xxe.xml',
    '<?xml version="1.0"?>\n<!DOCTYPE bom [\n  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.5"><components><component type="library"><name>&secret;</name><purl>pkg:npm/x@1</purl></component></components></bom>\n',
  );
  await rejectsWith(readAll(xxe), /line 2: the XML refers to an external entity or DTD \(an XXE risk\)/);
  const externalDtd = tempFile('dtd.xml', '<?xml version="1.0"?>\n<!DOCTYPE nmaprun SYSTEM "http://203.0.113.1/nmap.dtd">\n<nmaprun></nmaprun>\n');
  await rejectsWith(readAll(externalDtd), /external entity or DTD/);
});

test('a billion-laughs document is refused without expanding anything', async () => {
  const levels = Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
  const bomb = tempFile('laughs.xml', `<?xml version="1.0"?>\n<!DOCTYPE nmaprun [\n  <!ENTITY lol0 "lol">\n${levels}\n]>\n<nmaprun><host><hostnames><hostname name="&lol9;"/></hostnames></host></nmaprun>\n`);
  const before = process.memoryUsage().heapUsed;
  await rejectsWith(readAll(bomb), /declares entities \(entity expansion can exhaust memory\)/);
  assert.ok(process.memoryUsage().heapUsed - before < 50 * 1024 * 1024);
});

test('malformed SBOMs name the position of the problem', async () => {
  const json = tempFile('broken.cdx.json', '{\n  "bomFormat": "CycloneDX",\n  "specVersion": "1.5",\n  "components": [ { "name": "a", } ]\n}\n');
  await rejectsWith(readAll(json), /not valid JSON at line 4, column \d+/);
  const xml = tempFile('broken.cdx.xml', '<?xml version="1.0"?>\n<bom xmlns="http://cyclonedx.org/schema/bom/1.6">\n<components>\n<component><name>a</name></componentx>\n</components></bom>\n');
  await rejectsWith(readAll(xml), /line 4: not well-formed XML/);
  const notCycloneDx = tempFile('other.json', '{"bomFormat": "CycloneDX", "components": {"name": "a"}}');
  await rejectsWith(readAll(notCycloneDx), /"components" is not an array/);
});

test('binary garbage is refused; UTF-16 without a byte-order mark is named as such', async () => {
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  await rejectsWith(readAll(tempFile('garbage.log', garbage)), /not a text file \(it contains binary data\)/);
  const utf16 = Buffer.from('package:com.tencent.mm\npackage:com.android.chrome\n', 'utf16le');
  await rejectsWith(readAll(tempFile('apps-utf16.txt', utf16)), /apparently UTF-16 without a byte-order mark/);
});

test('a UTF-16 log with a byte-order mark and a Latin-1 log are decoded', async () => {
  const zeek = readFileSync(fixture('formats/zeek-dns.log'), 'utf8');
  const utf16 = await readAll(tempFile('dns-utf16.log', Buffer.from(`\ufeff${zeek}`, 'utf16le')));
  assert.equal(utf16.columns[0]?.encoding, 'utf-16le');
  assert.equal(utf16.sightings.length, 6);
  const latin1 = Buffer.concat([
    Buffer.from('Nov 25 00:00:01 dnsmasq[812]: query[A] api16-normal-useast5.us.tiktokv.com from caf', 'latin1'),
    Buffer.from([0xe9]),
    Buffer.from('-laptop\n', 'latin1'),
  ]);
  const decoded = await readAll(tempFile('pihole-latin1.log', latin1));
  assert.equal(decoded.sightings[0]?.client, 'café-laptop');
  assert.deepEqual(decoded.notices, ['not valid UTF-8; reading it as Windows-1252 (Latin-1)']);
});

test('an over-long line in a log is rejected with its number and the lines after it are read', async () => {
  const text = `Nov 25 00:00:01 dnsmasq[812]: query[A] a.example.com from 192.0.2.1\n${'x'.repeat(1024 * 1024 + 10)}\nNov 25 00:00:02 dnsmasq[812]: query[A] b.example.com from 192.0.2.1\n`;
  const { sightings, rejected } = await readAll(tempFile('long.log', text), { inputFormat: 'dnsmasq-log' });
  assert.deepEqual(sightings.map((s) => [s.line, s.host]), [[1, 'a.example.com'], [3, 'b.example.com']]);
  assert.deepEqual(rejected.map((row) => [row.origin.line, row.error]), [[2, 'line is longer than 1 MiB']]);
});

test('a truncated gzip log is an input error, after the lines before the cut', async () => {
  const zeek = readFileSync(fixture('formats/zeek-dns.log'), 'utf8');
  const lines = zeek.split('\n').filter((line) => !line.startsWith('#close') && !line.startsWith('this line'));
  const body = lines.slice(0, 8).join('\n') + '\n' + Array.from({ length: 20000 }, (_, i) => lines[8]?.replace('CAbc1', `C${i}`)).join('\n');
  const whole = gzipSync(body);
  await rejectsWith(readAll(tempFile('cut.log.gz', whole.subarray(0, Math.floor(whole.length * 0.6)))), /gzip data is truncated/);
});

test('a Zeek log without a query, server_name or host column is an input error naming the columns', async () => {
  const file = tempFile('conn.log', '#separator \\x09\n#fields\tts\tuid\tid.orig_h\tid.resp_h\n1795564801.1\tC1\t192.0.2.1\t192.0.2.2\n');
  await rejectsWith(readAll(file), /line 2: this Zeek log has no query, server_name or host column/);
});

test('rejected rows carry the file and line and nothing else is dropped', async () => {
  const text = 'package:com.tencent.mm\nnot a package line\npackage:com.android.chrome\n';
  const file = tempFile('apps.txt', text);
  const { items, rejected } = await readAll(file, { inputFormat: 'adb-packages' });
  assert.equal(items.length + rejected.length, 3);
  assert.deepEqual(rejected, [{ origin: { file, line: 2 }, error: 'not a "package:NAME" line of pm list packages' }]);
});
