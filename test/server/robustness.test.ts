/**
 * A real server process killed with SIGKILL in the middle of a scan: after a restart the scan is
 * failed, none of its rows are kept or shown, the audit chain is intact and new scans work.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const ROOT = new URL('../../', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'covered-kill-'));
const children: ChildProcess[] = [];

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--data-dir', dataDir, '--no-log'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
  return { child, url };
}

async function json(url: string, init?: RequestInit): Promise<any> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json() };
}

async function upload(url: string, name: string, content: string): Promise<string> {
  const form = new FormData();
  form.set('asOf', '2026-11-22');
  form.set('file', new Blob([content]), name);
  const r = await json(`${url}/api/scans`, { method: 'POST', body: form });
  assert.equal(r.status, 202, JSON.stringify(r.body));
  return r.body.id;
}

/** A large inventory whose values repeat (as real ones do), so it takes a few seconds to screen. */
function largeInventory(rows: number): string {
  const vendors = ['Hikvision', 'Dahua Technology', 'Cisco Systems', 'ZTE Corporation', 'Acme Widgets Ltd', 'Huawei Technologies Co., Ltd.', 'Lenovo', 'Hytera'];
  const lines = ['asset,vendor,mac'];
  for (let i = 0; i < rows; i++) lines.push(`asset ${i},${vendors[i % vendors.length]},${(0x100000 + (i % 4096)).toString(16).padStart(6, '0').replace(/(..)(..)(..)/, '18:80:25:$1:$2:$3')}`);
  return `${lines.join('\n')}\n`;
}

after(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 during a scan', () => {
  test('after a restart the scan is failed, its partial rows are gone, the audit log verifies, and new scans work', async () => {
    const first = await startServer();
    const id = await upload(first.url, 'large.csv', largeInventory(120_000));
    let seen: { status: string; progress: { rowsDone: number } } | undefined;
    for (let i = 0; i < 400; i++) {
      seen = (await json(`${first.url}/api/scans/${id}`)).body;
      if (seen!.status === 'running' && seen!.progress.rowsDone > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(seen?.status, 'running', 'the scan was caught mid-way');
    const killed = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await killed;

    const db = new Database(join(dataDir, 'covered.db'), { readonly: true });
    const partial = (db.prepare('select count(*) as n from scan_items where scan_id = ?').get(id) as { n: number }).n;
    db.close();
    assert.ok(partial > 0, 'rows had been written before the kill');

    const second = await startServer();
    const scan = (await json(`${second.url}/api/scans/${id}`)).body;
    assert.equal(scan.status, 'failed');
    assert.match(scan.error, /interrupted/);
    assert.equal((await json(`${second.url}/api/scans/${id}/findings`)).status, 409, 'no partial result is served');
    const after = new Database(join(dataDir, 'covered.db'), { readonly: true });
    const left = (after.prepare('select (select count(*) from scan_items where scan_id = ?) + (select count(*) from findings where scan_id = ?) as n').get(id, id) as { n: number }).n;
    after.close();
    assert.equal(left, 0, 'the partial rows were removed');
    const verify = (await json(`${second.url}/api/audit/verify`)).body;
    assert.equal(verify.ok, true, JSON.stringify(verify.problems));
    const audit = (await json(`${second.url}/api/audit?action=scan.failed`)).body;
    assert.equal(audit.entries[0].subject, id);

    const again = await upload(second.url, 'inventory.csv', readFileSync(join(ROOT, 'examples/inventory.csv'), 'utf8'));
    for (let i = 0; i < 200; i++) {
      const s = (await json(`${second.url}/api/scans/${again}`)).body;
      if (s.status === 'complete') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal((await json(`${second.url}/api/scans/${again}`)).body.status, 'complete');
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});

describe('covered token and covered audit', () => {
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });

  test('a token is printed once, listed without its secret, revoked; audit verify fails on an edited entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'covered-cli-store-'));
    try {
      const created = await cli(['token', 'create', '--data-dir', dir, '--name', 'ci', '--role', 'analyst']);
      assert.equal(created.code, 0, created.stderr);
      const token = created.stdout.trim();
      assert.match(token, /^cov_/);
      const listed = await cli(['token', 'list', '--data-dir', dir, '--format', 'json']);
      const tokens = JSON.parse(listed.stdout) as { id: string; name: string; role: string }[];
      assert.deepEqual(tokens.map((t) => [t.name, t.role]), [['ci', 'analyst']]);
      assert.ok(!listed.stdout.includes(token));
      assert.equal((await cli(['token', 'revoke', '--data-dir', dir, tokens[0]!.id.slice(0, 8)])).code, 0);

      const ok = await cli(['audit', 'verify', '--data-dir', dir]);
      assert.equal(ok.code, 0, ok.stdout + ok.stderr);
      assert.match(ok.stdout, /intact: 2 entries; head 2 [0-9a-f]{64}/);
      const head = /[0-9a-f]{64}/.exec(ok.stdout)![0];
      assert.equal((await cli(['audit', 'verify', '--data-dir', dir, '--head', head])).code, 0, 'the noted head is still there');
      const rewritten = await cli(['audit', 'verify', '--data-dir', dir, '--head', 'f'.repeat(64)]);
      assert.equal(rewritten.code, 1);
      assert.match(rewritten.stdout, /the log was rewritten/);
      const db = new Database(join(dir, 'covered.db'));
      assert.throws(() => db.prepare(`update audit_log set actor = 'someone-else' where seq = 1`).run(), /append-only/);
      db.exec('drop trigger audit_log_no_update');
      db.prepare(`update audit_log set actor = 'someone-else' where seq = 1`).run();
      db.close();
      const broken = await cli(['audit', 'verify', '--data-dir', dir]);
      assert.equal(broken.code, 1);
      assert.match(broken.stdout, /entry 1: content does not match its hash \(the entry was edited\)/);
      const unreachable = await cli(['audit', 'verify', '--database-url', 'postgres://nobody@127.0.0.1:1/none']);
      assert.equal(unreachable.code, 2);
      assert.match(unreachable.stderr, /cannot connect to PostgreSQL/);
      assert.doesNotMatch(unreachable.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
