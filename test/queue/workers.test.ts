/**
 * Several processes on one PostgreSQL database and one Redis queue: an API-only server and two
 * workers take four uploads of a 40,000-row supplier file; one worker is killed with SIGKILL while
 * it screens. Every scan must complete with exactly the rows and findings `covered scan --format
 * json` gives for the file, and the killed worker's scan must have been taken up again.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import type { ItemResult, ScanReport } from '../../src/model/finding.js';
import { testDatabases } from '../store/databases.js';
import { dropQueue, redisUnavailable, REDIS_URL, ROOT, startCovered, until, type Running } from './processes.js';
import { writeSupplierFile } from '../../tools/bench/supplier-file.js';

const AS_OF = '2026-06-01';
const ROWS = 40_000;
const postgres = (await testDatabases()).find((d) => d.name === 'postgres')!;
const skip = postgres.skip ?? (await redisUnavailable());

const dir = mkdtempSync(join(tmpdir(), 'covered-workers-'));
const file = join(dir, 'suppliers.csv');
const prefix = `covered-test-${process.pid}`;
const started: Running[] = [];
let db: Awaited<ReturnType<typeof postgres.create>> | undefined;

before(async () => {
  if (skip) return;
  db = await postgres.create();
});

after(async () => {
  for (const p of started) await p.stop('SIGKILL');
  if (!skip) await dropQueue(prefix);
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Results as the report gives them, with the file named as uploaded. */
function normalised(results: ItemResult[]): ItemResult[] {
  return results.map((r) => ({ ...r, origin: { ...r.origin, file: 'suppliers.csv' } }));
}

test('four uploads, two workers, one killed mid-scan: every scan completes with exactly the rows and findings of covered scan', { skip, timeout: 600_000 }, async () => {
  writeSupplierFile(file, ROWS);
  // Exit code 1: the file has findings.
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', file, '--as-of', AS_OF, '--format', 'json'], { cwd: ROOT, maxBuffer: 1 << 30, encoding: 'utf8' });
  assert.equal(cli.status, 1, cli.stderr);
  const expected = JSON.parse(cli.stdout) as ScanReport;
  assert.equal(expected.summary.rowsRead, ROWS);
  assert.ok(expected.summary.findings > 1000, 'the file has listed suppliers');

  const env = { DATABASE_URL: db!.options.databaseUrl!, REDIS_URL, COVERED_QUEUE_PREFIX: prefix, COVERED_DATA_DIR: join(dir, 'api') };
  const server = startCovered(['serve', '--workers', '0', '--port', '0', '--no-log'], env);
  started.push(server);
  const url = (await server.waitFor(/running at (http:\/\/\S+?)\/\s/))[1]!;
  const workers = [0, 1].map((n) => startCovered(['worker', '--lease-seconds', '2'], { ...env, COVERED_DATA_DIR: join(dir, `worker${n}`) }));
  started.push(...workers);
  for (const w of workers) await w.waitFor(/taking jobs/);

  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const form = new FormData();
    form.set('asOf', AS_OF);
    form.set('file', new Blob([readFileSync(file)]), 'suppliers.csv');
    const res = await fetch(`${url}/api/scans`, { method: 'POST', body: form });
    assert.equal(res.status, 202);
    ids.push(((await res.json()) as { id: string }).id);
  }

  // Kill the worker that is writing rows of a scan, in the middle of it.
  const client = new pg.Client({ connectionString: db!.options.databaseUrl });
  await client.connect();
  try {
    const victim = await until(async () => {
      const r = await client.query<{ scan_id: string; owner: string; rows_done: number }>(
        "select r.scan_id, r.owner, s.rows_done from scan_runs r join scans s on s.id = r.scan_id where s.status = 'running' and s.rows_done between 1000 and 30000 limit 1",
      );
      return r.rows[0];
    }, 'a scan half-way through');
    const pid = Number(victim.owner.split(':').pop());
    const killed = workers.find((w) => w.child.pid === pid);
    assert.ok(killed, `the scan's owner ${victim.owner} is one of the workers`);
    killed.child.kill('SIGKILL');
    await killed.exited;

    const scans = await until(async () => {
      const res = await fetch(`${url}/api/scans?limit=10`);
      const body = (await res.json()) as { scans: { id: string; status: string; error?: string }[] };
      const failed = body.scans.find((s) => s.status === 'failed');
      if (failed) throw new Error(`scan ${failed.id} failed: ${failed.error}`);
      return body.scans.filter((s) => s.status === 'complete').length === 4 ? body.scans : undefined;
    }, 'all four scans to complete');
    assert.deepEqual(scans.map((s) => s.id).sort(), [...ids].sort());

    const resumed = await client.query<{ subject: string }>("select subject from audit_log where action = 'scan.resume'");
    assert.ok(resumed.rows.some((r) => r.subject === victim.scan_id), 'the killed worker\'s scan was taken up again');
  } finally {
    await client.end();
  }

  // The surviving worker and the server stop cleanly on SIGTERM; the reports are read from a new API server.
  const reader = startCovered(['serve', '--workers', '0', '--port', '0', '--no-log'], env);
  started.push(reader);
  const reportUrl = (await reader.waitFor(/running at (http:\/\/\S+?)\/\s/))[1]!;
  for (const p of [...workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null), server]) assert.equal(await p.stop('SIGTERM'), 0);

  for (const id of ids) {
    const report = (await (await fetch(`${reportUrl}/api/scans/${id}/report`)).json()) as ScanReport;
    assert.deepEqual(report.summary, expected.summary, `scan ${id}: summary`);
    assert.equal(report.results.length, ROWS, `scan ${id}: rows`);
    assert.deepEqual(normalised(report.results), normalised(expected.results), `scan ${id}: rows and findings`);
  }
});
