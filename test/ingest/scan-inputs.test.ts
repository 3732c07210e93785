/** End to end: real exports through `covered scan`, and the aggregation of logs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundledEngine } from '../helpers.js';
import type { ScanReport } from '../../src/model/finding.js';
import { listedDomains, SightingScreen, underListedDomain } from '../../src/screen/sightings.js';
import { fixture, readAll } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function scan(args: string[], input?: Buffer) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', '--as-of', '2026-11-22', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('listed domains match with suffix semantics only', () => {
  const domains = new Set(['tiktokv.com']);
  assert.equal(underListedDomain('api16-normal-useast5.us.tiktokv.com', domains), true);
  assert.equal(underListedDomain('tiktokv.com', domains), true);
  assert.equal(underListedDomain('nottiktokv.com', domains), false);
  assert.equal(underListedDomain('tiktokv.com.example.org', domains), false);
});

test('log sightings aggregate per client and host: count, first and last line and time', async () => {
  const engine = bundledEngine();
  const options = { asOf: '2026-11-22', profile: engine.kb.profiles.all!, includeHistorical: false };
  const screen = new SightingScreen(engine, options, listedDomains(engine.kb));
  const file = fixture('formats/zeek-dns.log');
  const { sightings } = await readAll(file);
  screen.add(file, sightings, 0, (raw) => new Date(Number(raw) * 1000).toISOString());
  assert.equal(screen.sightings, 6);
  const results = screen.take(file);
  assert.deepEqual(
    results.map((r) => [r.origin.line, r.label, r.occurrences]),
    [
      [9, 'api16-normal-useast5.us.tiktokv.com', { count: 3, lastLine: 16, client: '192.0.2.10', firstSeen: '2026-11-25T00:00:01.120Z', lastSeen: '2026-11-25T00:01:39.000Z' }],
      // Alibaba's Umeng: Alibaba is on the 1260H list, which is about organisations and securities —
      // reported as context, not dropped — and on Texas's prohibited technologies since 2026-01-26.
      [13, 'log.umeng.com', { count: 1, lastLine: 13, client: '192.0.2.20', firstSeen: '2026-11-25T00:00:05.000Z', lastSeen: '2026-11-25T00:00:05.000Z' }],
      [15, 'mon.tiktokv.com', { count: 1, lastLine: 15, client: '192.0.2.10', firstSeen: '2026-11-25T00:01:09.000Z', lastSeen: '2026-11-25T00:01:09.000Z' }],
    ],
    'the upper-case, dot-terminated query is the same host; www.example.com and unlisted hosts give no result',
  );
  const umeng = new Map(results[1]?.findings.map((f) => [f.measure.id, f]));
  assert.deepEqual([umeng.get('us-dod-1260h')?.role, umeng.get('us-dod-1260h')?.severity], ['context', 'info']);
  assert.equal(umeng.get('us-tx-prohibited-technologies')?.role, 'obligation');
  for (const result of results) {
    assert.ok(result.findings.length > 0);
    assert.ok(result.findings.every((f) => f.match.field === 'host' && f.evidence[0]?.type === 'domain'));
  }
  assert.deepEqual(screen.take(file), [], 'taken results are released');
});

test('covered scan on a gzip-compressed Zeek log from standard input: aggregated results, rows counted per line', () => {
  const run = scan(['-', '--format', 'json', '--fail-on', 'none'], gzipSync(readFileSync(fixture('formats/zeek-dns.log'))));
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as ScanReport;
  assert.deepEqual(report.inputs, [{ file: '-', format: 'zeek-tsv', columns: { host: 'host', client: 'unused', time: 'unused' } }]);
  assert.equal(report.summary.rowsRead, 7);
  assert.equal(report.summary.screened, 6);
  assert.equal(report.summary.rejected, 1);
  assert.deepEqual(
    report.results.map((r) => [r.origin.line, r.status, r.occurrences?.count]),
    [
      [9, 'screened', 3],
      [13, 'screened', 1],
      [14, 'rejected', undefined],
      [15, 'screened', 1],
    ],
  );
  assert.equal(report.summary.withFindings, 3);
  assert.ok(report.results[0]?.findings.some((f) => /bytedance|tiktok/.test(f.subject.id)));
});

test('covered scan reads an SBOM, an nmap scan and an app list in one run; exit 1 on findings', () => {
  const run = scan([fixture('formats/cyclonedx-1.6.xml'), fixture('formats/nmap-lan.xml'), fixture('formats/adb-packages.txt'), '--format', 'json']);
  assert.equal(run.code, 1, run.stderr);
  const report = JSON.parse(run.stdout) as ScanReport;
  assert.deepEqual(report.inputs.map((input) => input.format), ['cyclonedx-xml', 'nmap-xml', 'adb-packages']);
  const labelled = (label: string) => report.results.find((r) => r.label === label);
  assert.ok(labelled('Lobby NVR@5.7.3')?.findings.some((f) => f.subject.id === 'hikvision'), 'the NVR is made by Hikvision');
  assert.ok(labelled('cam-lobby.corp.example')?.findings.some((f) => f.subject.id === 'hikvision'));
  assert.ok(labelled('com.zhiliaoapp.musically')?.findings.length);
  assert.equal(labelled('com.example.notes')?.findings.length, 0);
  assert.match(run.stderr, /nmap-lan\.xml: 1 host reported down by nmap; not screened/);
  for (const r of report.results.filter((result) => result.status === 'screened')) assert.equal(r.occurrences, undefined, 'inventories are not aggregated');
});

test('covered scan: --input-format forces a format; refused XML is a usage error (exit 2) without a stack trace', () => {
  const forced = scan([fixture('formats/ios-bundle-ids.txt'), '--input-format', 'adb-packages', '--format', 'json', '--fail-on', 'none']);
  const report = JSON.parse(forced.stdout) as ScanReport;
  assert.equal(report.summary.rejected, 3);
  const bad = scan([fixture('formats/arp-linux.txt'), '--input-format', 'nonsense']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Allowed choices are csv, tsv, whitespace, json/);
  const xxe = scan(['-', '--format', 'json'], Buffer.from('<?xml version="1.0"?>\n<!DOCTYPE bom [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n<bom/>\n'));
  assert.equal(xxe.code, 2);
  assert.match(xxe.stderr, /XXE risk/);
  assert.doesNotMatch(xxe.stderr, /\n\s+at /);
});
