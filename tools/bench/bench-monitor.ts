/**
 * `npm run bench:monitor [-- --quick]` (also part of `npm run bench`): continuous monitoring.
 *  1. Scan throughput of four uploads of a supplier file: the embedded server (SQLite, jobs in the
 *     process, two at a time) beside an API-only server with 1, 2 and 4 `covered worker` processes
 *     on PostgreSQL and Redis.
 *  2. Time from a knowledge-base change to the first signed webhook (the change is loaded, the
 *     inventory screened again, the change recorded, the outbox delivered), beside the time the
 *     same inventory takes to screen in the process.
 *  3. `covered watch` lines per second on a log appended while it follows it, beside `covered scan`
 *     of the same log read at once.
 * Needs PostgreSQL on 127.0.0.1:5432 and Redis on 6379 for (1); prints a table and writes
 * bench-out/bench-monitor.json.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { CoveredService } from '../../src/server/service.js';
import { testDatabases } from '../../test/store/databases.js';
import { dropQueue, redisUnavailable, REDIS_URL, ROOT, startCovered, until, type Running } from '../../test/queue/processes.js';
import { prng } from './prng.js';
import { writeSupplierFile } from './supplier-file.js';

const quick = process.argv.includes('--quick');
const ROWS = quick ? 10_000 : 40_000;
const UPLOADS = 4;
const WATCH_LINES = quick ? 100_000 : 400_000;
const dir = mkdtempSync(join(tmpdir(), 'covered-bench-monitor-'));
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const running: Running[] = [];

async function uploadAll(url: string, file: string): Promise<number> {
  const started = process.hrtime.bigint();
  const bytes = readFileSync(file);
  for (let i = 0; i < UPLOADS; i++) {
    const form = new FormData();
    form.set('asOf', '2026-06-01');
    form.set('file', new Blob([bytes]), 'suppliers.csv');
    const res = await fetch(`${url}/api/scans`, { method: 'POST', body: form });
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
  }
  await until(async () => {
    const { scans } = (await (await fetch(`${url}/api/scans?limit=50`)).json()) as { scans: { status: string; error?: string }[] };
    const failed = scans.find((s) => s.status === 'failed');
    if (failed) throw new Error(`a scan failed: ${failed.error}`);
    return scans.length === UPLOADS && scans.every((s) => s.status === 'complete') ? true : undefined;
  }, 'the scans', 1_800_000);
  return seconds(started);
}

async function throughput(file: string): Promise<{ name: string; seconds: number }[]> {
  const out: { name: string; seconds: number }[] = [];
  const embedded = startCovered(['serve', '--port', '0', '--no-log', '--data-dir', join(dir, 'embedded')], { DATABASE_URL: '', REDIS_URL: '' });
  running.push(embedded);
  const url = (await embedded.waitFor(/running at (http:\/\/\S+?)\/\s/))[1]!;
  out.push({ name: 'in-process (SQLite, 2 at a time)', seconds: await uploadAll(url, file) });
  await embedded.stop();

  const postgres = (await testDatabases()).find((d) => d.name === 'postgres')!;
  const skip = postgres.skip ?? (await redisUnavailable());
  if (skip) {
    console.error(`skipping the worker runs: ${skip}`);
    return out;
  }
  for (const workers of [1, 2, 4]) {
    const db = await postgres.create();
    const prefix = `covered-bench-${process.pid}-${workers}`;
    const env = { DATABASE_URL: db.options.databaseUrl!, REDIS_URL, COVERED_QUEUE_PREFIX: prefix, COVERED_DATA_DIR: join(dir, `api-${workers}`) };
    const api = startCovered(['serve', '--workers', '0', '--port', '0', '--no-log'], env);
    running.push(api);
    const apiUrl = (await api.waitFor(/running at (http:\/\/\S+?)\/\s/))[1]!;
    const ws = Array.from({ length: workers }, (_, n) => startCovered(['worker'], { ...env, COVERED_DATA_DIR: join(dir, `w-${workers}-${n}`) }));
    running.push(...ws);
    for (const w of ws) await w.waitFor(/taking jobs/);
    out.push({ name: `${workers} worker${workers > 1 ? 's' : ''} (PostgreSQL, Redis)`, seconds: await uploadAll(apiUrl, file) });
    for (const p of [api, ...ws]) await p.stop();
    await dropQueue(prefix);
    await db.drop();
  }
  return out;
}

async function kbChangeLatency(): Promise<{ latency: number; screen: number }> {
  const kbDir = join(dir, 'kb');
  cpSync(join(ROOT, 'test/fixtures/kb'), kbDir, { recursive: true });
  rmSync(join(kbDir, 'import'), { recursive: true, force: true });
  let resolveFirst: () => void = () => {};
  const first = new Promise<void>((resolve) => (resolveFirst = resolve));
  const receiver = createServer((req, res) => {
    req.resume().on('end', () => {
      res.writeHead(204).end();
      resolveFirst();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const service = await CoveredService.open({ dataDir: join(dir, 'latency'), kbDir });
  try {
    const file = join(dir, 'inventory.csv');
    const rand = prng(7);
    writeFileSync(file, `name\n${Array.from({ length: 5000 }, (_, i) => (i === 2500 ? 'Sisterco Cloud Ltd.' : `Supplier ${Math.floor(rand() * 1e6)} Ltd`)).join('\n')}\n`);
    let started = process.hrtime.bigint();
    await service.monitor.push('suppliers', file, 'inventory.csv', 'bench');
    await until(async () => ((await service.monitor.list())[0]?.current ? true : undefined), 'version 1');
    const screen = seconds(started);
    await service.notifications.addRule({ id: 'bench', name: 'bench', channel: 'webhook', target: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, secret: 'bench-secret-0123456789', filter_json: '{}', enabled: 1, created_by: 'bench', created_at: new Date().toISOString() });
    writeFileSync(join(kbDir, 'measures', 'xx-list-5.yaml'), readFileSync(join(ROOT, 'test/notify/notifications.test.ts'), 'utf8').split('const NEW_LISTING = `')[1]!.split('`;')[0]!);
    started = process.hrtime.bigint();
    await service.reloadKnowledgeBase();
    await first;
    return { latency: seconds(started), screen };
  } finally {
    receiver.close();
    await service.close();
  }
}

function dnsmasqLine(rand: () => number, i: number): string {
  const host = rand() < 0.001 ? 'api16-normal-useast5.us.tiktokv.com' : `host-${Math.floor(rand() * 50_000)}.example-${i % 97}.com`;
  return `Dec  5 10:00:00 dnsmasq[812]: query[A] ${host} from 192.0.2.${i % 250}\n`;
}

async function watchRate(): Promise<{ watch: number; scan: number }> {
  const log = join(dir, 'dnsmasq.log');
  const rand = prng(11);
  writeFileSync(log, dnsmasqLine(rand, 0));
  const watch = startCovered(['watch', log, '--from-start', '--format', 'json'], {});
  running.push(watch);
  await watch.waitFor(/watching .* as dnsmasq/);
  const started = process.hrtime.bigint();
  const chunk = 10_000;
  for (let i = 0; i < WATCH_LINES; i += chunk) appendFileSync(log, Array.from({ length: Math.min(chunk, WATCH_LINES - i) }, (_, j) => dnsmasqLine(rand, i + j)).join(''));
  appendFileSync(log, 'Dec  5 10:00:01 dnsmasq[812]: query[A] the-end.bytedance.com from 192.0.2.1\n');
  await watch.waitFor(/the-end\.bytedance\.com/, 600_000);
  const watchSeconds = seconds(started);
  await watch.stop();
  const scanStarted = process.hrtime.bigint();
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', log, '--format', 'json'], { cwd: ROOT, stdio: 'ignore' });
  return { watch: (WATCH_LINES + 1) / watchSeconds, scan: (WATCH_LINES + 1) / seconds(scanStarted) };
}

try {
  const loadBefore = loadavg();
  const file = join(dir, 'suppliers.csv');
  writeSupplierFile(file, ROWS);
  const runs = await throughput(file);
  const latency = await kbChangeLatency();
  const watch = await watchRate();
  const base = runs[0]!;
  console.log(`\ncontinuous monitoring, ${cpus().length} cores (${cpus()[0]?.model ?? ''}), Node ${process.version}; load average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log(`| ${UPLOADS} uploads of a ${fmt(ROWS)}-row supplier file | seconds | rows/s | vs in-process |`);
  console.log('|---|---|---|---|');
  for (const r of runs) console.log(`| ${r.name} | ${fmt(r.seconds, 1)} | ${fmt((ROWS * UPLOADS) / r.seconds)} | ${fmt(base.seconds / r.seconds, 2)}× |`);
  console.log(`\nknowledge-base change → first signed webhook (5,000-row inventory): ${fmt(latency.latency, 2)} s; screening the same inventory in the process: ${fmt(latency.screen, 2)} s (${fmt(latency.latency / latency.screen, 2)}×)`);
  console.log(`covered watch on an appended dnsmasq log (${fmt(WATCH_LINES)} lines): ${fmt(watch.watch)} lines/s; covered scan of the same log: ${fmt(watch.scan)} lines/s, start-up included (${fmt(watch.watch / watch.scan, 2)}×)`);
  mkdirSync(join(ROOT, 'bench-out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-out/bench-monitor.json'), `${JSON.stringify({ date: new Date().toISOString(), loadAverage: loadBefore, rows: ROWS, uploads: UPLOADS, runs, latency, watch }, null, 2)}\n`);
} finally {
  for (const p of running) await p.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
