/**
 * `npm run bench:server [-- --quick]`: the built server (`dist/`) on loopback under load from wrk
 * (Debian's `wrk`): POST /api/screen with one item and with 100 items, at full speed and, for one
 * item, held near 500 requests/s; GET /api/health in the same run as the floor of the HTTP stack;
 * and a 100,000-row file uploaded as a scan against `covered scan` of the same file.
 * Prints a table and writes bench-out/bench-server.json. Run `npm run build` first.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { prng } from './prng.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const quick = process.argv.includes('--quick');
const DURATION = quick ? 4 : 15;
const CONNECTIONS = 10;

if (spawnSync('wrk', ['--version']).error) {
  console.error('bench:server needs wrk: apt-get install wrk');
  process.exit(2);
}
if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
  console.error('bench:server runs the built server: npm run build first');
  process.exit(2);
}

const rand = prng(20261125);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

// A mix like a real inventory: a few restricted makers and services among many ordinary ones.
const LISTED: Record<string, string>[] = [{ name: 'Hangzhou Hikvision Digital Technology Co., Ltd.' }, { name: 'ZTE CORP' }, { mac: '08:ED:ED:11:22:33' }, { host: 'v16-webapp.tiktokv.com' }, { app: 'com.tencent.mm' }, { name: '华为技术有限公司' }, { isin: 'HK0941009539' }];
const WORDS = ['Acme', 'Northwind', 'Bluefin', 'Silverline', 'Keystone', 'Redwood', 'Summit', 'Harbor', 'Orion', 'Pioneer', 'Vertex', 'Meridian'];
const INDUSTRY = ['Widgets', 'Logistics', 'Office Supplies', 'Cabling', 'Packaging', 'Software', 'Tooling'];
const FORMS = ['Inc.', 'LLC', 'GmbH', 'Ltd', 'S.A.'];
function randomItem(): Record<string, string> {
  const r = rand();
  if (r < 0.1) return pick(LISTED);
  if (r < 0.6) return { name: `${pick(WORDS)} ${pick(INDUSTRY)} ${pick(FORMS)}` };
  if (r < 0.8) return { mac: Array.from({ length: 6 }, () => Math.floor(rand() * 256).toString(16).padStart(2, '0')).join(':').replace(/^(.)./, '$10') };
  return { host: `${pick(WORDS).toLowerCase()}-${Math.floor(rand() * 1000)}.example.com` };
}

/** A wrk script that cycles through the bodies, optionally pausing per connection to hold a rate, and prints JSON. */
function wrkScript(bodies: string[] | undefined, delayMs: number): string {
  const lua = [
    bodies ? 'wrk.method = "POST"' : '',
    bodies ? 'wrk.headers["Content-Type"] = "application/json"' : '',
    bodies ? `local bodies = { ${bodies.map((b) => `[==[${b}]==]`).join(',\n')} }` : '',
    'local i = 0',
    bodies ? 'request = function() i = i % #bodies + 1; return wrk.format(nil, nil, nil, bodies[i]) end' : '',
    delayMs > 0 ? `delay = function() return ${delayMs} end` : '',
    'done = function(summary, latency, requests)',
    '  io.write(string.format("RESULT {\\"requests\\":%d,\\"duration_us\\":%d,\\"errors\\":%d,\\"non2xx\\":%d,\\"p50\\":%d,\\"p90\\":%d,\\"p99\\":%d,\\"max\\":%d}\\n",',
    '    summary.requests, summary.duration, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status,',
    '    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))',
    'end',
  ];
  return lua.filter(Boolean).join('\n');
}

interface Result {
  name: string;
  reqPerSec: number;
  itemsPerSec: number;
  p50ms: number;
  p90ms: number;
  p99ms: number;
  maxMs: number;
  errors: number;
}

function runWrk(name: string, url: string, bodies: string[] | undefined, items: number, delayMs = 0, seconds = DURATION): Result {
  const dir = mkdtempSync(join(tmpdir(), 'covered-wrk-'));
  const script = join(dir, 'script.lua');
  writeFileSync(script, wrkScript(bodies, delayMs));
  const out = execFileSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '5s', '-s', script, url], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  const line = out.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`wrk gave no result:\n${out}`);
  const r = JSON.parse(line.slice(7)) as { requests: number; duration_us: number; errors: number; non2xx: number; p50: number; p90: number; p99: number; max: number };
  const reqPerSec = r.requests / (r.duration_us / 1e6);
  return { name, reqPerSec, itemsPerSec: reqPerSec * items, p50ms: r.p50 / 1000, p90ms: r.p90 / 1000, p99ms: r.p99 / 1000, maxMs: r.max / 1000, errors: r.errors + r.non2xx };
}

// Other work on the machine shows in the tail latencies: the load average is reported with the results.
const loadBefore = loadavg();
const dataDir = mkdtempSync(join(tmpdir(), 'covered-bench-server-'));
const server = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'serve', '--port', '0', '--data-dir', dataDir, '--no-log'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

try {
  const asOf = '2026-11-22';
  const single = Array.from({ length: 500 }, () => JSON.stringify({ asOf, items: [randomItem()] }));
  const batch = Array.from({ length: 50 }, () => JSON.stringify({ asOf, items: Array.from({ length: 100 }, randomItem) }));
  // Warm up: the first requests compile routes and fill the resolution caches, as in a running service.
  runWrk('warm-up', `${base}/api/screen`, [...single, ...batch], 1, 0, 5);
  runWrk('warm-up', `${base}/api/health`, undefined, 0, 0, 3);

  const floor = runWrk('GET /api/health (HTTP floor)', `${base}/api/health`, undefined, 0);
  const fullSpeed = runWrk('screen 1 item, full speed', `${base}/api/screen`, single, 1);
  // wrk waits `delay` after each response on each connection: the pause that makes 500 req/s in all.
  const pause = Math.max(0, Math.round((CONNECTIONS * 1000) / 500 - fullSpeed.p50ms));
  const held = runWrk('screen 1 item, held near 500 req/s', `${base}/api/screen`, single, 1, pause);
  const results = [floor, fullSpeed, held, runWrk('screen 100 items, full speed', `${base}/api/screen`, batch, 100)];
  // A whole file as a scan (stored row by row) against `covered scan` of the same file (nothing stored).
  const rows = quick ? 20_000 : 100_000;
  const inventory = join(dataDir, 'inventory.csv');
  writeFileSync(inventory, `vendor,mac,host\n${Array.from({ length: rows }, () => {
    const it = randomItem();
    return [it.name ?? '', it.mac ?? '', it.host ?? ''].map((v) => (v.includes(',') ? `"${v}"` : v)).join(',');
  }).join('\n')}\n`);
  let started = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'scan', inventory, '--as-of', asOf, '--format', 'json', '--fail-on', 'none', '--no-progress'], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  const cliSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const form = new FormData();
  form.set('asOf', asOf);
  form.set('file', new Blob([readFileSync(inventory)]), 'inventory.csv');
  const { id } = (await (await fetch(`${base}/api/scans`, { method: 'POST', body: form })).json()) as { id: string };
  for (;;) {
    const scan = (await (await fetch(`${base}/api/scans/${id}`)).json()) as { status: string; error?: string };
    if (scan.status === 'complete') break;
    if (scan.status === 'failed') throw new Error(`scan failed: ${scan.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const serverSeconds = (performance.now() - started) / 1000;

  const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
  console.log(`\ncovered serve on loopback, ${cpus().length} cores (${cpus()[0]?.model ?? ''}), Node ${process.version}; wrk -t1 -c${CONNECTIONS} -d${DURATION}s; load average before ${loadBefore.map((l) => l.toFixed(1)).join(' ')}\n`);
  console.log('| run | req/s | items/s | p50 ms | p90 ms | p99 ms | max ms | errors |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.name} | ${fmt(r.reqPerSec, 0)} | ${r.itemsPerSec ? fmt(r.itemsPerSec, 0) : ''} | ${fmt(r.p50ms, 2)} | ${fmt(r.p90ms, 2)} | ${fmt(r.p99ms, 2)} | ${fmt(r.maxMs, 1)} | ${r.errors} |`);
  console.log(`\nsingle item at ${fmt(held.reqPerSec, 0)} req/s: p99 ${fmt(held.p99ms, 2)} ms (target < 25 ms: ${held.p99ms < 25 && held.reqPerSec >= 450 ? 'met' : 'NOT met'}); full-speed single-item throughput is ${fmt(fullSpeed.reqPerSec / floor.reqPerSec, 2)}× the HTTP floor`);
  console.log(`\n${fmt(rows, 0)}-row file: uploaded scan ${fmt(serverSeconds, 1)} s (${fmt(rows / serverSeconds, 0)} rows/s, stored) vs \`covered scan --format json\` ${fmt(cliSeconds, 1)} s (${fmt(rows / cliSeconds, 0)} rows/s, start-up included): ${fmt(serverSeconds / cliSeconds, 2)}×`);
  mkdirSync(join(ROOT, 'bench-out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-out/bench-server.json'), `${JSON.stringify({ date: new Date().toISOString(), loadAverage: loadBefore, duration: DURATION, connections: CONNECTIONS, results, scan: { rows, serverSeconds, cliSeconds } }, null, 2)}\n`);
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
