/**
 * Logs read from the bytes (with the host filter, worker threads, gzip, standard input) must give
 * exactly what the text reader gives: the same sightings, rejected lines and counted lines.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { planParts } from '../../src/ingest/formats/log-parallel.js';
import type { PartFormat } from '../../src/ingest/formats/log-worker.js';
import { HostSuffixFilter } from '../../src/ingest/host-filter.js';
import { readInventory, type ReadOptions } from '../../src/ingest/read-inventory.js';
import { listedDomains, SightingScreen, underListedDomain } from '../../src/screen/sightings.js';
import { bundledEngine } from '../helpers.js';
import { fixture, tempFile } from './helpers.js';

const DOMAINS = ['tiktokv.com', 'bytedance.com', 'qlogo.cn', 'douyin.com', 'bücher.example'];
const listed = new Set(DOMAINS);
/** As the scan's SightingScreen decides (see sightings.ts): under a listed domain, or not ASCII. */
const wantHost = (raw: string): boolean => {
  const host = raw.toLowerCase().replace(/\.$/, '');
  return host.length > 0 && (underListedDomain(host, listed) || /[^\x00-\x7f]/.test(host));
};

interface Read {
  format: string | undefined;
  encoding: string | undefined;
  sightings: string[];
  rejected: string[];
  seen: number;
  notices: string[];
}

async function read(file: string, options: ReadOptions): Promise<Read> {
  const result: Read = { format: undefined, encoding: undefined, sightings: [], rejected: [], seen: 0, notices: [] };
  for await (const record of readInventory(file, {
    ...options,
    wantHost,
    onColumns: (info) => {
      result.format = info.format;
      result.encoding = info.encoding;
    },
    onNotice: (message) => result.notices.push(message),
  })) {
    if (record.kind === 'rejected') result.rejected.push(`${record.row.origin.line} ${record.row.error}`);
    else if (record.kind === 'sightings') {
      result.seen += record.seen;
      for (const s of record.sightings) result.sightings.push(JSON.stringify([s.line, s.host, s.client, s.time]));
    }
  }
  // Worker threads deliver parts in any order; what matters is the set, with line numbers.
  result.sightings.sort();
  result.rejected.sort();
  return result;
}

const filter = new HostSuffixFilter(DOMAINS);

/**
 * Each way of reading from the bytes against the text reader on the same input: the file (also by
 * worker threads), 7-byte pieces through standard input, and gzip-compressed. (Invalid UTF-8
 * switches the rest of the input to Windows-1252 from the read chunk where it is met, so the text
 * reader is run on the same chunks.)
 */
async function assertSameBothWays(name: string, content: Buffer, format: string): Promise<Read> {
  const file = tempFile(name, content);
  const gzipped = tempFile(`${name}.gz`, gzipSync(content));
  // Small pieces cut lines and characters anywhere; large inputs get larger ones, to keep the test quick.
  const size = content.length < 100_000 ? 7 : 4099;
  const pieces = () => Readable.from(Array.from({ length: Math.ceil(content.length / size) }, (_, i) => content.subarray(i * size, i * size + size)));
  const text = await read(file, { textOnly: true });
  assert.equal(text.format, format);
  const plan = await planParts(file, statSync(file).size, 3, format as PartFormat, 1);
  assert.equal(plan?.parts.length, isUtf8(content) ? 3 : undefined, `${name}: read in three parts unless it is not UTF-8`);
  type Way = ReadOptions & { file: string };
  const ways: [string, Way, Way][] = [
    ['bytes', { file, hostFilter: filter }, { file, textOnly: true }],
    ['bytes without a filter', { file }, { file, textOnly: true }],
    ['worker threads', { file, hostFilter: filter, parallel: { workers: 3, minBytes: 1 } }, { file, textOnly: true }],
    ['small pieces through standard input', { file: '-', hostFilter: filter, stdin: pieces() }, { file: '-', textOnly: true, stdin: pieces() }],
    ['gzip', { file: gzipped, hostFilter: filter }, { file: gzipped, textOnly: true }],
  ];
  for (const [way, bytes, reference] of ways) {
    assert.deepEqual(await read(bytes.file, bytes), way === 'bytes' ? text : await read(reference.file, reference), `${name}: ${way}`);
  }
  return text;
}

const FIXTURES: [string, string][] = [
  ['bind-query.log', 'bind-querylog'],
  ['pihole.log', 'dnsmasq-log'],
  ['zeek-dns.json', 'zeek-json'],
  ['zeek-ssl.json', 'zeek-json'],
  ['squid-access.log', 'squid-log'],
  ['zeek-dns.log', 'zeek-tsv'],
];

test('each log fixture reads the same from the bytes as from the text', async () => {
  let hits = 0;
  let counted = 0;
  for (const [name, format] of FIXTURES) {
    const read = await assertSameBothWays(name, readFileSync(fixture(`formats/${name}`)), format);
    hits += read.sightings.length;
    counted += read.seen;
  }
  assert.ok(hits > 5 && counted > 0, 'some lines are hits, some are only counted');
});

test('odd lines read the same both ways: CRLF, blank lines, odd shapes, non-ASCII names, no final newline', async () => {
  const bind = readFileSync(fixture('formats/bind-query.log'), 'utf8').split('\n').filter(Boolean);
  const bindOdd = [
    ...bind,
    ...bind,
    ...bind,
    '',
    '25-Nov-2026 00:00:03.000 queries: info: client @0x1 192.0.2.30#1 (x): query:  IN A +',
    '25-Nov-2026 00:00:04.000 queries: info: client @0x1 192.0.2.30#1 (x): no query here',
    '25-Nov-2026 00:00:05.000 queries: info: client @0x1 192.0.2.30#1 (x): query: WWW.TikTokV.com. IN A +',
    '25-Nov-2026 00:00:06.000 queries: info: client @0x1 192.0.2.31#1 (x): query: bücher.example IN A +',
    '25-Nov-2026 00:00:07.000 queries: info: client @0x1 192.0.2.31#1 (x): query: a.b.qlogo.cn',
    'something else entirely',
    '25-Nov-2026 00:00:08.000 queries: info: client @0x1 192.0.2.32#1 (x): query: nottiktokv.com IN A +',
  ];
  await assertSameBothWays('odd-bind.log', Buffer.from(bindOdd.join('\r\n')), 'bind-querylog');

  const pihole = readFileSync(fixture('formats/pihole.log'), 'utf8').split('\n').filter(Boolean);
  const piholeOdd = [
    ...pihole,
    'Nov 25 00:02:00 dnsmasq[812]: query[A]',
    'Nov 25 00:02:01 dnsmasq[812]: query[A] ',
    'Nov 25 00:02:02 dnsmasq[812]: query[AAAA] x.douyin.com from 192.0.2.40',
    'Nov 25 00:02:03 dnsmasq[812]: query[A] straße.example from 192.0.2.41',
    'Nov 25 00:02:04 dnsmasq[812]: query[A] tiktokv.com',
    '   ',
  ];
  await assertSameBothWays('odd-pihole.log', Buffer.from(`${piholeOdd.join('\n')}\n\n`), 'dnsmasq-log');

  const json = readFileSync(fixture('formats/zeek-dns.json'), 'utf8').split('\n').filter(Boolean);
  const jsonOdd = [
    ...json,
    '{"ts":1795564902.0,"id.orig_h":"192.0.2.50","query":""}',
    '{"ts":1795564903.0,"id.orig_h":"192.0.2.50","server_name":"im.douyin.com"}',
    '{"ts":1795564904.0,"id.orig_h":"192.0.2.50","host":"www.example.org","uri":"/"}',
    ' {"ts":1795564905.0,"id.orig_h":"192.0.2.50","query":"x.tiktokv.com"}',
    '{"ts":1795564906.0,"id.orig_h":"192.0.2.50","query":"bücher.example"}',
    '{"ts":1795564907.0,"id.orig_h":"192.0.2.50"}',
    '[1, 2]',
    '{"ts":1795564908.0,"id.orig_h":"192.0.2.51","query":"y.tiktokv.com"}',
  ];
  await assertSameBothWays('odd.json', Buffer.from(jsonOdd.join('\n')), 'zeek-json');

  const squid = readFileSync(fixture('formats/squid-access.log'), 'utf8').split('\n').filter(Boolean);
  const squidOdd = [
    ...squid,
    ...squid,
    ...squid,
    ...squid,
    ...squid,
    ...squid,
    '  1795564902.5   12 192.0.2.80 TCP_MISS/200 100 GET https://user@X.TikTokV.com:8443/a?b#c - HIER_DIRECT/203.0.113.9 -',
    '1795564903 12 192.0.2.80 TCP_MISS/200 100 GET http://[2001:db8::1]/ - HIER_DIRECT/203.0.113.9 -',
    '1795564904 12 192.0.2.80 TCP_MISS/200 100 GET - - HIER_NONE/- -',
    '1795564905 12 192.0.2.80 TCP_MISS/200 100 GET http://www.example.org/',
    '1795564906\u00a012 192.0.2.81 TCP_MISS/200 100 GET http://a.douyin.com/ - HIER_DIRECT/203.0.113.9 -',
    '1795564907 12 192.0.2.81 TCP_MISS/200 100 GET http://bücher.example/ - HIER_DIRECT/203.0.113.9 -',
    '179556490x 12 192.0.2.81 TCP_MISS/200 100 GET http://b.douyin.com/ - HIER_DIRECT/203.0.113.9 -',
    '1795564908 12 192.0.2.81 TCP_MISS/200',
    '1795564909 12 192.0.2.81 TCP_TUNNEL/200 100 CONNECT c.qlogo.cn:443 - HIER_DIRECT/203.0.113.9 -',
  ];
  await assertSameBothWays('odd-squid.log', Buffer.from(squidOdd.join('\n')), 'squid-log');
});

test('over-long lines, multi-byte characters and a switch to Windows-1252 part-way read the same both ways', async () => {
  const pihole = readFileSync(fixture('formats/pihole.log'), 'utf8');
  // Over 1 MiB in bytes but not in characters (three bytes each), and over 1 MiB in characters.
  const wide = `Nov 25 00:03:00 dnsmasq[812]: query[A] ${'漢'.repeat(400_000)}.tiktokv.com from 192.0.2.60`;
  const long = `Nov 25 00:03:01 dnsmasq[812]: query[A] ${'a'.repeat(1024 * 1024)}.tiktokv.com from 192.0.2.61`;
  await assertSameBothWays('long-pihole.log', Buffer.from(`${pihole}${wide}\n${long}\n${pihole}`), 'dnsmasq-log');

  // Valid UTF-8 for the first 360 KB (more than one read chunk), then a Latin-1 byte: the rest is Windows-1252.
  const filler = 'Nov 25 00:04:00 dnsmasq[812]: query[A] www.example.com from 192.0.2.70\n'.repeat(5000);
  const utf8 = Buffer.from(`${pihole}Nov 25 00:04:01 dnsmasq[812]: query[A] x.tiktokv.com from café-ü\n${filler}`);
  const latin = Buffer.from(`Nov 25 00:04:02 dnsmasq[812]: query[A] y.tiktokv.com from caf\xe9\nNov 25 00:04:03 dnsmasq[812]: query[A] caf\x80.example from 192.0.2.71\n${pihole}`, 'latin1');
  const mixed = await assertSameBothWays('mixed-pihole.log', Buffer.concat([utf8, latin]), 'dnsmasq-log');
  assert.deepEqual(mixed.notices, ['not valid UTF-8; reading it as Windows-1252 (Latin-1)']);
  assert.ok(mixed.sightings.some((s) => s.includes('"café-ü"')) && mixed.sightings.some((s) => s.includes('"café"')));
});

test('each log fixture screens to the same report from the bytes (one thread and worker threads) as from the text', async () => {
  const engine = bundledEngine();
  const options = { asOf: '2026-11-22', profile: engine.kb.profiles.all!, includeHistorical: false };
  const domains = listedDomains(engine.kb);
  const screenWith = async (file: string, read: ReadOptions) => {
    const screen = new SightingScreen(engine, options, domains);
    const rejected: string[] = [];
    for await (const record of readInventory(file, { ...read, wantHost: screen.wants })) {
      if (record.kind === 'sightings') screen.add(file, record.sightings, record.seen, record.isoTime);
      else if (record.kind === 'rejected') rejected.push(`${record.row.origin.line} ${record.row.error}`);
    }
    return { lines: screen.sightings, rejected: rejected.sort(), results: JSON.stringify(screen.take(file)) };
  };
  const filterOfKb = new HostSuffixFilter(domains);
  let results = 0;
  for (const [name] of FIXTURES) {
    const file = fixture(`formats/${name}`);
    const text = await screenWith(file, { textOnly: true });
    assert.deepEqual(await screenWith(file, { hostFilter: filterOfKb, parallel: { workers: 1 } }), text, `${name}: bytes`);
    assert.deepEqual(await screenWith(file, { hostFilter: filterOfKb, parallel: { workers: 2, minBytes: 1 } }), text, `${name}: worker threads`);
    results += (JSON.parse(text.results) as unknown[]).length;
  }
  assert.ok(results >= FIXTURES.length, 'every fixture leads to findings');
});
