import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { download, FetchError } from '../../src/kb/fetch.js';
import { compileDataDir } from '../../src/kb/files.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const BASE = new URL('../fixtures/kb/import/base/', import.meta.url).pathname;
const LISTS = new URL('../fixtures/kb/import/lists/', import.meta.url).pathname;

// A local server standing in for treasury.gov, trade.gov and fcc.gov: no outside network in tests.
const FILES: Record<string, string> = {
  '/ofac/cons_prim.csv': 'ofac/cons_prim.csv',
  '/ofac/cons_alt.csv': 'ofac/cons_alt.csv',
  '/ofac/cons_add.csv': 'ofac/cons_add.csv',
  '/ofac/cons_comments.csv': 'ofac/cons_comments.csv',
  '/csl/consolidated.json': 'csl.json',
  '/fcc/coveredlist': 'fcc.html',
};
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    const file = FILES[req.url ?? ''];
    if (req.url === '/slow') return; // never answers
    if (req.url === '/big') {
      res.writeHead(200);
      res.end(Buffer.alloc(4096, 'x'));
      return;
    }
    if (!file) {
      res.writeHead(404, 'Not Found');
      res.end();
      return;
    }
    res.writeHead(200);
    res.end(readFileSync(LISTS + file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const sha = (file: string) => createHash('sha256').update(readFileSync(LISTS + file)).digest('hex');
const options = { timeoutMs: 2000, maxBytes: 1024 * 1024 };

describe('download', () => {
  test('the file and its SHA-256', async () => {
    const d = await download(`${base}/csl/consolidated.json`, { ...options, sha256: sha('csl.json') });
    assert.equal(d.sha256, sha('csl.json'));
    assert.deepEqual(d.bytes, readFileSync(LISTS + 'csl.json'));
  });
  test('a different SHA-256 than expected, an HTTP error, a time-out and an over-large file are refused', async () => {
    await assert.rejects(download(`${base}/csl/consolidated.json`, { ...options, sha256: '0'.repeat(64) }), (e: Error) => e instanceof FetchError && /is not the expected 0000/.test(e.message));
    await assert.rejects(download(`${base}/nothing-here`, options), /HTTP 404 Not Found/);
    await assert.rejects(download(`${base}/slow`, { ...options, timeoutMs: 300 }), /no complete answer within 0.3 s/);
    await assert.rejects(download(`${base}/big`, { ...options, maxBytes: 1000 }), /more than the limit of 1000/);
  });
});

function covered(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('covered kb update --fetch (against a local server)', () => {
  const mirror = () => [
    '--url', `ofac-non-sdn=${base}/ofac/cons_prim.csv`,
    '--url', `ofac-non-sdn.alt=${base}/ofac/cons_alt.csv`,
    '--url', `ofac-non-sdn.add=${base}/ofac/cons_add.csv`,
    '--url', `ofac-non-sdn.comments=${base}/ofac/cons_comments.csv`,
    '--url', `csl=${base}/csl/consolidated.json`,
    '--url', `fcc-covered-list=${base}/fcc/coveredlist`,
  ];

  test('downloads every source, imports it, and skips files imported before', async () => {
    const kb = join(mkdtempSync(join(tmpdir(), 'covered-fetch-')), 'kb');
    cpSync(BASE, kb, { recursive: true });
    const first = await covered(['kb', 'update', '--fetch', '--kb', kb, '--date', '2025-12-19', ...mirror(), '--format', 'json']);
    const results = JSON.parse(first.stdout) as { source: string; status: string; summary?: Record<string, number> }[];
    assert.deepEqual(results.map((r) => [r.source, r.status]), [['ofac-non-sdn', 'imported'], ['csl', 'imported'], ['fcc-covered-list', 'imported']]);
    assert.equal(results[0]!.summary?.added, 2);
    assert.match(first.stderr, /downloading ofac-non-sdn \(alt\) from http:\/\/127\.0\.0\.1/);
    assert.equal(first.code, 1, 'the fixture files hold rows that cannot be imported');
    const { kb: compiled, problems } = compileDataDir(kb);
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
    assert.ok(compiled.listings.some((l) => l.measure === 'us-fcc-covered-list' && l.target === 'kestrel-networks'));
    assert.equal(compiled.sources['csl-2025-12-19']?.url, `${base}/csl/consolidated.json`);

    const again = await covered(['kb', 'update', '--fetch', '--kb', kb, '--date', '2025-12-19', ...mirror(), '--format', 'json']);
    const second = JSON.parse(again.stdout) as { status: string; message?: string }[];
    assert.deepEqual(second.map((r) => r.status), ['unchanged', 'unchanged', 'unchanged']);
    assert.match(second[0]!.message ?? '', /import-ofac-non-sdn-2025-12-19/);
    assert.equal(again.code, 0);
  });

  test('a source that fails is reported and the others are still imported', async () => {
    const kb = join(mkdtempSync(join(tmpdir(), 'covered-fetch-')), 'kb');
    cpSync(BASE, kb, { recursive: true });
    const run = await covered(['kb', 'update', '--fetch', '--kb', kb, '--only', 'csl,fcc-covered-list', ...mirror(), '--url', `csl=${base}/slow`, '--timeout', '0.5', '--date', '2026-01-01']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /== csl: failed \(http:\/\/127\.0\.0\.1:\d+\/slow: no complete answer within 0.5 s\)/);
    assert.match(run.stdout, /== fcc-covered-list: imported/);
  });

  test('a checksum that does not match stops that source before anything is written', async () => {
    const kb = join(mkdtempSync(join(tmpdir(), 'covered-fetch-')), 'kb');
    cpSync(BASE, kb, { recursive: true });
    const run = await covered(['kb', 'update', '--fetch', '--kb', kb, '--only', 'fcc-covered-list', ...mirror(), '--sha256', `fcc-covered-list=${'a'.repeat(64)}`]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /fcc-covered-list: failed \(.*SHA-256 [0-9a-f]{64} is not the expected a{64}\)/);
    assert.ok(!compileDataDir(kb).kb.listings.some((l) => l.target === 'kestrel-networks'));
  });

  test('without --fetch, or with an unknown source, it is a usage error', async () => {
    assert.equal((await covered(['kb', 'update'])).code, 2);
    assert.equal((await covered(['kb', 'update', '--fetch', '--only', 'sdn'])).code, 2);
  });
});
