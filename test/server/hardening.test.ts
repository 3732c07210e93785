/**
 * The server under hostile use: a web page trying to drive the loopback API (DNS rebinding, a
 * cross-origin upload), guessing tokens, files built to hang or exhaust it, a second server on the
 * same data directory, and SIGTERM while it works. Real server processes where a process matters.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { multipart, testServer, waitForScan, type TestServer } from './helpers.js';
import { testDatabases } from '../store/databases.js';
import { until } from '../queue/processes.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const children: ChildProcess[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'covered-harden-'));

after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
});

interface Served {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; stderr: string }>;
}

/** `covered serve` in a child process; resolves once it prints its URL, or rejects with its exit. */
function serve(dataDir: string, extra: string[] = []): { started: Promise<Served>; exited: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--data-dir', dataDir, '--no-log', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  // 'close', not 'exit': standard error is read to its end.
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, stderr: `${stderr}${signal ? ` (ended by ${signal})` : ''}` })));
  const started = new Promise<Served>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve({ child, url: m[0], exited });
    });
    void exited.then(({ code }) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
  started.catch(() => {});
  return { started, exited };
}

describe('a loopback server a web page cannot drive', () => {
  let server: TestServer;
  before(async () => {
    const [sqlite] = await testDatabases();
    server = await testServer(sqlite!);
  });
  after(async () => server.close());

  test('only loopback names are accepted as Host: DNS rebinding is refused', async () => {
    const rebound = await server.app.inject({ method: 'GET', url: '/api/audit', headers: { host: 'attacker.example:8080' } });
    assert.equal(rebound.statusCode, 403);
    assert.match(rebound.json().error, /the Host "attacker\.example:8080" is refused/);
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080']) {
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/audit', headers: { host } })).statusCode, 200, host);
    }
  });

  test('a state-changing request from another origin is refused; the same origin and no origin are not', async () => {
    const form = multipart({ asOf: '2026-11-22' }, { name: 'inventory.csv', content: 'vendor\nHuawei\n' });
    const foreign = await server.app.inject({ method: 'POST', url: '/api/scans', payload: form.payload, headers: { ...form.headers, host: '127.0.0.1:8080', origin: 'http://evil.example' } });
    assert.equal(foreign.statusCode, 403);
    assert.match(foreign.json().error, /another origin \(http:\/\/evil\.example\)/);
    const sandboxed = await server.app.inject({ method: 'POST', url: '/api/scans', payload: form.payload, headers: { ...form.headers, origin: 'null' } });
    assert.equal(sandboxed.statusCode, 403);
    const crossSite = await server.app.inject({ method: 'PUT', url: '/api/findings/1/disposition', payload: { state: 'remediated', reason: 'x' }, headers: { 'sec-fetch-site': 'cross-site' } });
    assert.equal(crossSite.statusCode, 403);
    const referred = await server.app.inject({ method: 'POST', url: '/api/scans', payload: form.payload, headers: { ...form.headers, host: '127.0.0.1:8080', referer: 'http://evil.example/page' } });
    assert.equal(referred.statusCode, 403, 'a foreign Referer without an Origin');
    assert.equal((await server.app.inject({ method: 'GET', url: '/api/scans', headers: { origin: 'http://evil.example' } })).statusCode, 200, 'reads are not changes');
    const same = await server.app.inject({ method: 'POST', url: '/api/scans', payload: form.payload, headers: { ...form.headers, host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' } });
    assert.equal(same.statusCode, 202);
    const sameReferer = await server.app.inject({ method: 'POST', url: '/api/scans', payload: form.payload, headers: { ...form.headers, host: '127.0.0.1:8080', referer: 'http://127.0.0.1:8080/scans' } });
    assert.equal(sameReferer.statusCode, 202);
    const plain = await server.app.inject({ method: 'POST', url: '/api/scans', payload: form.payload, headers: form.headers });
    assert.equal(plain.statusCode, 202);
    await server.service.runner.idle();
  });

  test('security headers: CSP, nosniff, frame denial, referrer policy', async () => {
    for (const url of ['/', '/api/health']) {
      const response = await server.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['x-frame-options'], 'DENY');
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
    }
  });

  test('a screened value over 1,000 characters is refused with its path', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/screen', payload: { items: [{ name: ['x'.repeat(16_400)] }] } });
    assert.equal(response.statusCode, 400);
    assert.match(response.json().problems[0].path, /^body\.items\[0\]\.name\[0\]$/);
  });

  test('an upload with a 16,400-character name finishes at once with that row rejected and its line', async () => {
    const name = Array.from({ length: 16_400 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('');
    const form = multipart({ asOf: '2026-11-22' }, { name: 'long.csv', content: `vendor\n${name}\nHuawei\n` });
    const created = (await server.app.inject({ method: 'POST', url: '/api/scans', payload: form.payload, headers: form.headers })).json();
    const scan = await waitForScan(server.app, created.id);
    assert.equal(scan.status, 'complete');
    const report = (await server.app.inject({ method: 'GET', url: `/api/scans/${created.id}/report` })).json();
    const rejected = report.results.filter((r: { status: string }) => r.status === 'rejected');
    assert.deepEqual(rejected.map((r: { origin: { line: number }; error: string }) => [r.origin.line, r.error.replace(/ of .*/, '')]), [[2, 'column "vendor": a value']]);
  });

  test('a corrupt workbook fails its scan with a message, and later uploads run', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Devices');
    sheet.addRow(['Manufacturer', 'MAC Address']);
    for (let i = 0; i < 50; i++) sheet.addRow(['Huawei', `00:11:22:33:44:${10 + i}`]);
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    // Twenty bytes flipped with a fixed seed: exceljs then waits on a stream that never ends.
    let seed = 5 * 7919 + 13;
    for (let i = 0; i < 20; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const at = seed % bad.length;
      bad[at] = (bad[at] ?? 0) ^ (1 + ((seed >> 8) % 255));
    }
    const ids: string[] = [];
    for (const file of [{ name: 'corrupt.xlsx', content: bad }, { name: 'corrupt-again.xlsx', content: bad }, { name: 'ok.csv', content: 'vendor\nHuawei\n' }]) {
      const form = multipart({ asOf: '2026-11-22' }, file);
      ids.push((await server.app.inject({ method: 'POST', url: '/api/scans', payload: form.payload, headers: form.headers })).json().id);
    }
    const [first, second, third] = await Promise.all(ids.map((id) => waitForScan(server.app, id)));
    assert.equal(first?.status, 'failed');
    assert.match(first?.error ?? '', /corrupt\.xlsx: not a readable XLSX workbook/);
    assert.equal(second?.status, 'failed');
    assert.equal(third?.status, 'complete');
  });

  test('a page the HTML parser cannot read is a 400 with a message, not a server error (found by fuzzing)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = join(ROOT, 'fuzz', 'regressions', 'news-html');
    const unreadable = readdirSync(dir).filter((name) => name.startsWith('unreadable-'));
    assert.ok(unreadable.length >= 2);
    for (const name of unreadable) {
      const response = await server.app.inject({ method: 'POST', url: '/api/news/articles', payload: { text: readFileSync(join(dir, name), 'utf8'), format: 'html' } });
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      assert.match(response.json().error, /could not be read as an article/);
    }
  });

  test('an article over the cap is refused with the cap named', async () => {
    const response = await server.app.inject({ method: 'POST', url: '/api/news/articles', payload: { text: 'The Commerce Department added Huawei to the Entity List. '.repeat(10_000) } });
    assert.equal(response.statusCode, 413);
    assert.match(response.json().error, /more than the cap of 500,000/);
  });

  test('a gzip bomb is refused by the inflation cap', async () => {
    const { gzipSync } = await import('node:zlib');
    const bomb = gzipSync(Buffer.from(`vendor\n${`Huawei${' '.repeat(1_000)}\n`.repeat(20_000)}`));
    const form = multipart({ asOf: '2026-11-22' }, { name: 'bomb.csv.gz', content: bomb });
    const created = (await server.app.inject({ method: 'POST', url: '/api/scans', payload: form.payload, headers: form.headers })).json();
    const scan = await waitForScan(server.app, created.id);
    assert.equal(scan.status, 'failed');
    assert.match(scan.error ?? '', /bomb\.csv\.gz: the gzip data inflates more than 200 times its compressed size/);
  });
});

describe('the scan watchdog', () => {
  test('a scan that sends nothing for longer than the stall limit is stopped and failed, and the next one runs', async () => {
    const { CoveredService } = await import('../../src/server/service.js');
    const { bundledContext } = await import('./helpers.js');
    const [sqlite] = await testDatabases();
    const { options, drop } = await sqlite!.create();
    // 50 ms: less than the worker needs to load the knowledge base, so the first scan makes no progress in time.
    const service = await CoveredService.open({ ...options, context: bundledContext(), scanStallMs: 50 });
    try {
      mkdirSync(service.uploadsDir, { recursive: true });
      const path = service.uploadPath('stalled');
      writeFileSync(path, 'vendor\nHuawei\n');
      const profile = service.ctx.kb.profiles.all!;
      await service.runner.submit({ id: 'stalled', path, fileName: 'stalled.csv', asOf: '2026-11-22', profile, includeHistorical: false, actor: 'test' });
      await service.runner.idle();
      const scan = await service.scans.get('stalled');
      assert.equal(scan?.status, 'failed');
      assert.match(scan?.error ?? '', /no progress for 50 ms .*the scan was stopped/);
      assert.equal(existsSync(path), false, 'the failed scan\'s file is removed');
    } finally {
      await service.close();
      await drop();
    }
  });
});

describe('failed authentication is rate-limited', () => {
  test('after 20 bad tokens in a minute an address gets 429, not 401', async () => {
    const [sqlite] = await testDatabases();
    const server = await testServer(sqlite!, { requireTokens: true });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 25; i++) codes.push((await server.app.inject({ method: 'GET', url: '/api/scans', headers: { authorization: `Bearer cov_wrong${i}` } })).statusCode);
      assert.deepEqual(codes.slice(0, 20), Array(20).fill(401));
      assert.deepEqual(codes.slice(20), Array(5).fill(429));
      const limited = await server.app.inject({ method: 'GET', url: '/api/scans', headers: { authorization: 'Bearer cov_wrong' } });
      assert.ok(Number(limited.headers['retry-after']) >= 1);
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200, 'health needs no token');
    } finally {
      await server.close();
    }
  });
});

describe('one server per data directory, and what it leaves on disk', () => {
  test('a second covered serve on the same data directory refuses to start; the first keeps serving', async () => {
    const dataDir = join(scratch, 'shared');
    const first = await serve(dataDir).started;
    const second = serve(dataDir);
    const { code, stderr } = await second.exited;
    assert.equal(code, 2);
    assert.match(stderr, /the data directory .* is in use by another covered server/);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.equal((await fetch(`${first.url}/api/health`)).status, 200);

    // Private files: the directory 0700, the database and uploads 0600.
    const form = new FormData();
    form.set('file', new Blob(['vendor\nHuawei\n']), 'inventory.csv');
    const created = (await (await fetch(`${first.url}/api/scans`, { method: 'POST', body: form })).json()) as { id: string };
    assert.equal(statSync(dataDir).mode & 0o777, 0o700);
    assert.equal(statSync(join(dataDir, 'covered.db')).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'uploads', created.id)).mode & 0o777, 0o600);

    // The scan's thread has loaded the knowledge base and ended before the server is stopped (a thread
    // still starting from the TypeScript sources when SIGTERM arrives is another case, not this test's).
    await until(async () => {
      const scan = (await (await fetch(`${first.url}/api/scans/${created.id}`)).json()) as { status: string };
      return scan.status === 'complete' || scan.status === 'failed' ? true : undefined;
    }, 'the scan to end');
    first.child.kill('SIGTERM');
    const firstEnd = await first.exited;
    assert.equal(firstEnd.code, 0, firstEnd.stderr);
    // An upload cut off by a stopped process leaves a file no scan owns: removed at the next start.
    const orphan = join(dataDir, 'uploads', 'b3f1c7de-0000-4000-8000-000000000000');
    writeFileSync(orphan, 'vendor\nHalf an upl');
    const third = await serve(dataDir).started;
    assert.equal(existsSync(orphan), false);
    assert.equal(existsSync(join(dataDir, 'uploads', created.id)), true, 'the scan\'s own file is kept');
    third.child.kill('SIGTERM');
    const thirdEnd = await third.exited;
    assert.equal(thirdEnd.code, 0, thirdEnd.stderr);
  });
});

describe('heavy requests run off the event loop; SIGTERM stops the server in every state', () => {
  test('health answers within a second during a long screen request, and SIGTERM then stops the server within seconds', async () => {
    const dataDir = join(scratch, 'busy');
    mkdirSync(dataDir);
    const server = await serve(dataDir, ['--work-seconds', '600']).started;
    // 5,000 names of 1,000 characters: tens of seconds of matching.
    let seed = 7;
    const name = () => Array.from({ length: 1_000 }, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 26))).join('');
    const items = Array.from({ length: 1_000 }, () => ({ name: Array.from({ length: 5 }, name) }));
    const heavy = fetch(`${server.url}/api/screen`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) }).catch(() => undefined);
    // Wait until the work has started (the worker is busy), then time health checks.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      const response = await fetch(`${server.url}/api/health`);
      assert.equal(response.status, 200);
      assert.ok(Date.now() - started < 1_000, `health took ${Date.now() - started} ms`);
    }
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const { code, stderr } = await server.exited;
    assert.equal(code, 0, stderr);
    assert.ok(Date.now() - signalled < 5_000, `stopping took ${Date.now() - signalled} ms`);
    await heavy;
  });
});
