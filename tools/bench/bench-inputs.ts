/**
 * `npm run bench:inputs [-- --quick | --full]`: large inputs, each side by side with a baseline in
 * the same run.
 *
 * 1. DNS log screening (generated Zeek dns.log) on one core, against `grep -F -f <every KB domain>`
 *    over the same file: lines/s, MB/s and the ratio.
 * 2. The other logs (Zeek JSON, BIND, Pi-hole, Squid) and gzip-compressed ones, read from the bytes
 *    against the text reader on the same file.
 * 3. MAC lookups on 1,000,000 addresses (the prefix-cached lookup the scan uses, against the
 *    resolver's own MAC path).
 * 4. SBOM components per second (a generated CycloneDX JSON), against JSON.parse of the same file.
 * 5. Peak RSS of the compiled `covered scan` on generated DNS logs of 100 MB and 1 GB (and 2 GB
 *    with --full), and on a generated 200 MB CSV device inventory, against the same command on a
 *    1 MB file of the same kind.
 *
 * Generated inputs go to a temporary directory and are deleted afterwards. Results are printed
 * and written to bench-out/bench-inputs.json.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { createContext } from '../../src/app/context.js';
import { readInventory, type ReadOptions } from '../../src/ingest/read-inventory.js';
import { HostSuffixFilter } from '../../src/ingest/host-filter.js';
import { MacLookup } from '../../src/screen/mac-lookup.js';
import { listedDomains, SightingScreen } from '../../src/screen/sightings.js';
import { prng } from './prng.js';

const quick = process.argv.includes('--quick');
/** `--only dns,mac,sbom,rss` runs some of the measurements. */
const only = new Set((process.argv[process.argv.indexOf('--only') + 1] ?? '').split(',').filter(() => process.argv.includes('--only')));
const runs = (name: string) => only.size === 0 || only.has(name);
const full = process.argv.includes('--full');
const MB = 1024 * 1024;
const THROUGHPUT_BYTES = (quick ? 40 : 400) * MB;
const RSS_SIZES = quick ? [20 * MB, 100 * MB] : full ? [100 * MB, 1024 * MB, 2048 * MB] : [100 * MB, 1024 * MB];
const FORMAT_BYTES = (quick ? 20 : 100) * MB;
const MAC_COUNT = 1_000_000;
const SBOM_COMPONENTS = quick ? 20_000 : 200_000;

const ROOT = new URL('../../', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const scratch = mkdtempSync(join(tmpdir(), 'covered-bench-'));


/** `--kb DIR` screens against another knowledge-base directory (default: the bundled one). */
const kbDir = process.argv.includes('--kb') ? process.argv[process.argv.indexOf('--kb') + 1] : undefined;
const ctx = createContext(kbDir);
const domains = [...listedDomains(ctx.kb)].sort();

// ---- generated Zeek dns.log ------------------------------------------------------------------------

const ZEEK_HEADER = [
  '#separator \\x09',
  '#set_separator\t,',
  '#empty_field\t(empty)',
  '#unset_field\t-',
  '#path\tdns',
  '#open\t2026-11-25-00-00-00',
  '#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\ttrans_id\trtt\tquery\tqclass\tqclass_name\tqtype\tqtype_name\trcode\trcode_name\tAA\tTC\tRD\tRA\tZ\tanswers\tTTLs\trejected',
  '#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tcount\tinterval\tstring\tcount\tstring\tcount\tstring\tcount\tstring\tbool\tbool\tbool\tbool\tcount\tvector[string]\tvector[interval]\tbool',
].join('\n');

/** The log formats the generator writes: the same queries as each log would show them. */
type LogShape = 'zeek-tsv' | 'zeek-json' | 'bind-querylog' | 'dnsmasq-log' | 'squid-log';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One query as a line (lines, for dnsmasq: query, forwarded, reply) of the log. */
function logLines(shape: LogShape, ts: number, uid: string, client: string, port: number, query: string, i: number): string {
  switch (shape) {
    case 'zeek-tsv':
      return `${ts.toFixed(6)}\t${uid}\t${client}\t${port}\t10.0.0.1\t53\tudp\t${i % 65536}\t0.012000\t${query}\t1\tC_INTERNET\t1\tA\t0\tNOERROR\tF\tF\tT\tT\t0\t198.51.100.${i % 250}\t60.000000\tF\n`;
    case 'zeek-json':
      return `{"ts":${ts.toFixed(6)},"uid":"${uid}","id.orig_h":"${client}","id.orig_p":${port},"id.resp_h":"10.0.0.1","id.resp_p":53,"proto":"udp","trans_id":${i % 65536},"rtt":0.012,"query":"${query}","qclass":1,"qclass_name":"C_INTERNET","qtype":1,"qtype_name":"A","rcode":0,"rcode_name":"NOERROR","AA":false,"TC":false,"RD":true,"RA":true,"Z":0,"answers":["198.51.100.${i % 250}"],"TTLs":[60.0],"rejected":false}\n`;
    case 'bind-querylog': {
      const d = new Date(ts * 1000);
      const stamp = `${String(d.getUTCDate()).padStart(2, '0')}-${MONTH_NAMES[d.getUTCMonth()]}-${d.getUTCFullYear()} ${d.toISOString().slice(11, 23)}`;
      return `${stamp} queries: info: client @0x7f3a1c0a2b68 ${client}#${port} (${query}): query: ${query} IN A +E(0)K (10.0.0.1)\n`;
    }
    case 'squid-log':
      return `${ts.toFixed(3)} ${(i % 900) + 10} ${client} TCP_TUNNEL/200 ${(i % 9000) + 1000} CONNECT ${query}:443 - HIER_DIRECT/198.51.100.${i % 250} -\n`;
    case 'dnsmasq-log': {
      const d = new Date(ts * 1000);
      const stamp = `${MONTH_NAMES[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} dnsmasq[812]:`;
      return `${stamp} query[A] ${query} from ${client}\n${stamp} forwarded ${query} to 10.0.0.1\n${stamp} reply ${query} is 198.51.100.${i % 250}\n`;
    }
  }
}

/**
 * A DNS log of about `bytes` (a Zeek dns.log unless another shape is asked for): 1,000 clients and
 * 50,000 distinct ordinary hosts with a skewed popularity; 1% of queries go to 400 hosts under
 * domains of the knowledge base, asked by the 100 clients that have such apps, each of which uses
 * 20 of them, as on a real network. Returns the number of lines.
 */
function generateDnsLog(path: string, bytes: number, shape: LogShape = 'zeek-tsv'): number {
  const rand = prng(20261125);
  const words = ['cdn', 'api', 'img', 'static', 'edge', 'login', 'mail', 'www', 'telemetry', 'update', 'media', 'assets'];
  const tlds = ['com', 'net', 'org', 'io', 'de', 'co.uk', 'fr', 'jp'];
  const hosts = Array.from({ length: 50_000 }, (_, i) => `${words[i % words.length]}${i % 7}.site${Math.floor(i / 3)}.${tlds[i % tlds.length]}`);
  const clients = Array.from({ length: 1000 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.${(i * 7) % 250 + 2}`);
  const listedHosts = Array.from({ length: 400 }, (_, i) => `${words[i % words.length]}${i % 5}.${domains[Math.floor(rand() * domains.length)]}`);
  const fd = openSync(path, 'w');
  const header = shape === 'zeek-tsv' ? `${ZEEK_HEADER}\n` : '';
  writeSync(fd, header);
  let written = header.length;
  let lines = 0; // data lines: the Zeek header is not counted
  let ts = 1795564800;
  let queries = 0;
  while (written < bytes) {
    const parts: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      ts += rand() * 0.01;
      const listed = rand() < 0.01;
      // A client with such apps asks for the 20 listed hosts its apps use.
      const asker = Math.floor(rand() * (listed ? 100 : clients.length));
      const query = listed ? listedHosts[(asker * 37 + Math.floor(rand() * 20) * 11) % listedHosts.length] : hosts[Math.floor(rand() ** 3 * hosts.length)];
      parts.push(logLines(shape, ts, `C${(queries + i).toString(36)}`, clients[asker] as string, 49152 + (i % 16000), query as string, i));
    }
    const chunk = parts.join('');
    writeSync(fd, chunk);
    written += Buffer.byteLength(chunk);
    queries += parts.length;
    lines += shape === 'dnsmasq-log' ? 3 * parts.length : parts.length;
  }
  closeSync(fd);
  return lines;
}

// ---- 1. DNS log screening vs grep ------------------------------------------------------------------

async function screenLog(path: string, extra: ReadOptions = {}): Promise<{ seconds: number; cpuSeconds: number; lines: number; results: number }> {
  const options = { asOf: '2026-11-22', profile: ctx.kb.profiles.all!, includeHistorical: false };
  const screen = new SightingScreen(ctx.engine, options, new Set(domains));
  const started = performance.now();
  const cpu = process.cpuUsage();
  for await (const record of readInventory(path, { wantHost: screen.wants, hostFilter: new HostSuffixFilter(domains), ...extra })) {
    if (record.kind === 'sightings') screen.add(path, record.sightings, record.seen, record.isoTime);
  }
  const results = screen.take(path).length;
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, lines: screen.sightings, results };
}

/** The run with the median CPU time of `count` runs (after the caller's warm-up): one pass is noisy on a shared machine. */
async function median<T extends { cpuSeconds: number }>(count: number, run: () => T | Promise<T>): Promise<T> {
  const runs: T[] = [];
  for (let i = 0; i < count; i++) runs.push(await run());
  return runs.sort((a, b) => a.cpuSeconds - b.cpuSeconds)[Math.floor(count / 2)] as T;
}

/** grep's wall time, and its CPU time (user + system) as /usr/bin/time reports it. */
function grepLog(path: string): { seconds: number; cpuSeconds: number; matches: number } {
  const patterns = join(scratch, 'domains.txt');
  writeFileSync(patterns, `${domains.join('\n')}\n`);
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', 'grep', '-F', '-c', '-f', patterns, path], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0 && run.status !== 1) throw new Error(`grep failed: ${run.stderr}`);
  const [user = 0, system = 0] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { seconds, cpuSeconds: user + system, matches: Number(run.stdout.trim()) };
}

// ---- 2. MAC lookups --------------------------------------------------------------------------------

function macAddresses(count: number): string[] {
  const rand = prng(1260);
  const registry = require('oui-data') as Record<string, string>;
  // Real prefixes, the listed makers' among them, as a network's devices would show.
  const prefixes = Object.keys(registry).filter((prefix) => prefix.length === 6);
  const common = Array.from({ length: 3000 }, () => prefixes[Math.floor(rand() * prefixes.length)] as string);
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  return Array.from({ length: count }, () => {
    const prefix = common[Math.floor(rand() ** 2 * common.length)] as string;
    const nic = hex(Math.floor(rand() * 0x1000000), 6);
    return `${prefix}${nic}`.toLowerCase().replace(/(..)(?!$)/g, '$1:');
  });
}

/** CPU seconds (this thread and the process's helpers) spent in `work`. */
function cpuSeconds(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

function measureMacs(addresses: string[]) {
  const lookup = new MacLookup(ctx.resolver);
  let attributed = 0;
  // The first pass asks the resolver once per prefix (a name match of each registrant); the second is the steady state.
  const coldSeconds = cpuSeconds(() => {
    for (const address of addresses) if (lookup.resolve(address).resolutions.length > 0) attributed++;
  });
  const warm = () => cpuSeconds(() => {
    for (const address of addresses) lookup.resolve(address);
  });
  const warmSeconds = [warm(), warm(), warm()].sort((a, b) => a - b)[1] as number;
  // The resolver on its own, every address parsed and looked up afresh (its registrant names are cached by now).
  const sample = addresses.slice(0, 100_000);
  const baselineSeconds = cpuSeconds(() => {
    for (const address of sample) ctx.resolver.resolve('mac', address);
  }) * (addresses.length / sample.length);
  return { coldSeconds, warmSeconds, baselineSeconds, attributed };
}

// ---- 3. SBOM components ----------------------------------------------------------------------------

function generateSbom(path: string, count: number): void {
  const rand = prng(16);
  const groups = ['org.apache.commons', 'com.google.guava', 'io.netty', 'com.fasterxml.jackson.core', 'com.umeng.umsdk', 'com.tencent.bugly', 'org.slf4j'];
  const components = Array.from({ length: count }, (_, i) => {
    const group = groups[Math.floor(rand() * groups.length)];
    return { type: 'library', 'bom-ref': `c${i}`, group, name: `artifact-${i}`, version: `1.${i % 50}.0`, purl: `pkg:maven/${group}/artifact-${i}@1.${i % 50}.0`, supplier: { name: i % 10 === 0 ? 'Tencent' : 'Example Foundation' } };
  });
  writeFileSync(path, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components }, null, 1));
}

async function measureSbom(path: string) {
  const options = { asOf: '2026-11-22', profile: ctx.kb.profiles.all!, includeHistorical: false };
  let started = performance.now();
  let components = 0;
  let withFindings = 0;
  for await (const record of readInventory(path)) {
    if (record.kind !== 'item') continue;
    components++;
    if (ctx.engine.screen(record.item, options).findings.length > 0) withFindings++;
  }
  const seconds = (performance.now() - started) / 1000;
  started = performance.now();
  JSON.parse(require('node:fs').readFileSync(path, 'utf8'));
  const parseSeconds = (performance.now() - started) / 1000;
  return { seconds, parseSeconds, components, withFindings };
}

// ---- 4. peak RSS of covered scan --------------------------------------------------------------------

/** The compiled CLI, as users run it (compiled once per run, so the measurement is of this source). */
let builtCli: string | undefined;
function cli(): string {
  if (!builtCli) {
    // Type errors elsewhere do not stop tsc from writing the JavaScript.
    spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    builtCli = join(ROOT, 'dist', 'cli', 'main.js');
  }
  return builtCli;
}

function scanRss(path: string, extra: string[] = []): { maxRssMb: number; seconds: number } {
  const command = cli();
  const started = performance.now();
  // The report (gigabytes for a large table) goes to /dev/null: only the process's memory is measured.
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, command, 'scan', path, '--as-of', '2026-11-22', '--format', 'json', '--fail-on', 'none', '--no-progress', ...(kbDir ? ['--kb', kbDir] : []), ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`covered scan failed: ${run.stderr}`);
  const kb = Number(run.stderr.trim().split('\n').pop());
  return { maxRssMb: kb / 1024, seconds };
}

// ---- run -------------------------------------------------------------------------------------------

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const results: Record<string, unknown> = { date: new Date().toISOString().slice(0, 10), node: process.version, cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`, quick, full, listedDomains: domains.length };
  try {
    if (runs('dns')) await dnsBench(results);
    if (runs('formats')) await formatsBench(results);
    if (runs('mac')) macBench(results);
    if (runs('sbom')) await sbomBench(results);
    if (runs('rss')) rssBench(results);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  mkdirSync(join(ROOT, 'bench-out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench-out', 'bench-inputs.json'), `${JSON.stringify(results, null, 2)}\n`);
}

async function dnsBench(results: Record<string, unknown>): Promise<void> {
  const log = join(scratch, 'dns.log');
  const lines = generateDnsLog(log, THROUGHPUT_BYTES);
  const size = statSync(log).size;
  // Warm-up: the first pass compiles the hot loop and fills the page cache for both. One thread:
  // the worker threads are measured by the whole command below.
  const oneThread = { parallel: { workers: 1 } };
  await screenLog(log, oneThread);
  grepLog(log);
  const grep = await median(3, () => grepLog(log));
  const ours = await median(3, () => screenLog(log, oneThread));
  const ourRate = ours.lines / ours.cpuSeconds;
  const grepRate = lines / grep.cpuSeconds;
  results.dns = { bytes: size, lines, covered: { ...ours, linesPerCpuSecond: ourRate }, grep: { ...grep, linesPerCpuSecond: grepRate }, ratio: ourRate / grepRate };
  console.log(`DNS log screening, ${fmt(size / MB)} MB, ${fmt(lines)} lines (one core; rates per CPU second, median of 3 runs, wall time in brackets)`);
  console.log(`  covered  ${fmt(ourRate)} lines/s  ${fmt(size / MB / ours.cpuSeconds)} MB/s  (${fmt(ours.seconds, 2)} s)  ${fmt(ours.results)} aggregated results`);
  console.log(`  grep -F  ${fmt(grepRate)} lines/s  ${fmt(size / MB / grep.cpuSeconds)} MB/s  (${fmt(grep.seconds, 2)} s)  ${fmt(grep.matches)} matching lines`);
  console.log(`  ratio    ${fmt(ourRate / grepRate, 2)}× grep (target ≥ 0.5×; ≥ 1,000,000 lines/s)`);
  // The whole command, on one thread and with a worker thread per core (at most 4).
  const single = scanRss(log, ['--threads', '1']);
  const workers = scanRss(log);
  results.dnsThreads = { cores: cpus().length, oneThread: single, workers, speedup: single.seconds / workers.seconds };
  console.log(`  covered scan, wall time: ${fmt(single.seconds, 1)} s on one thread, ${fmt(workers.seconds, 1)} s with worker threads (${cpus().length} cores) — ${fmt(single.seconds / workers.seconds, 2)}×`);
  rmSync(log);
}

/**
 * The other logs, and gzip: the same queries written as each format, read from the bytes (as the
 * scan does) and through the text reader, on one thread, per CPU second (inflating included).
 */
async function formatsBench(results: Record<string, unknown>): Promise<void> {
  const shapes: [string, LogShape, boolean][] = [
    ['Zeek JSON', 'zeek-json', false],
    ['BIND query log', 'bind-querylog', false],
    ['dnsmasq/Pi-hole', 'dnsmasq-log', false],
    ['Squid', 'squid-log', false],
    ['Zeek TSV, gzip', 'zeek-tsv', true],
    ['BIND, gzip', 'bind-querylog', true],
  ];
  const rows: Record<string, unknown>[] = [];
  console.log(`Other logs, ${fmt(FORMAT_BYTES / MB)} MB each (one thread; lines of the file per CPU second, median of 3 runs, wall time in brackets)`);
  for (const [label, shape, gzip] of shapes) {
    let path = join(scratch, `formats.${shape}`);
    const lines = generateDnsLog(path, FORMAT_BYTES, shape);
    if (gzip) {
      spawnSync('gzip', ['-f', path]);
      path = `${path}.gz`;
    }
    const one = { parallel: { workers: 1 } };
    await screenLog(path, one);
    const bytes = await median(3, () => screenLog(path, one));
    await screenLog(path, { textOnly: true });
    const text = await median(3, () => screenLog(path, { textOnly: true }));
    // The whole command, on one thread and with worker threads (files are read in parts when not compressed).
    const command = gzip ? undefined : { oneThread: scanRss(path, ['--threads', '1']), workers: scanRss(path) };
    rmSync(path);
    if (bytes.results !== text.results || bytes.lines !== text.lines) throw new Error(`${label}: the byte and text readers disagree`);
    const row = { format: shape, gzip, bytes: FORMAT_BYTES, lines, fromBytes: { ...bytes, linesPerCpuSecond: lines / bytes.cpuSeconds }, text: { ...text, linesPerCpuSecond: lines / text.cpuSeconds }, ...(command && { command }) };
    rows.push(row);
    const threads = command ? `; covered scan ${fmt(command.oneThread.seconds, 1)} s on one thread, ${fmt(command.workers.seconds, 1)} s with worker threads` : '';
    console.log(`  ${label.padEnd(16)} ${fmt(lines / bytes.cpuSeconds).padStart(10)} lines/s from bytes (${fmt(bytes.seconds, 2)} s), ${fmt(lines / text.cpuSeconds).padStart(10)} as text (${fmt(text.seconds, 2)} s) — ${fmt(text.cpuSeconds / bytes.cpuSeconds, 2)}×${threads}`);
  }
  results.formats = rows;
}

function macBench(results: Record<string, unknown>): void {
  const macs = macAddresses(MAC_COUNT);
  const mac = measureMacs(macs);
  results.mac = {
    addresses: MAC_COUNT,
    firstPassPerSecond: MAC_COUNT / mac.coldSeconds,
    lookupsPerSecond: MAC_COUNT / mac.warmSeconds,
    resolverPerSecond: MAC_COUNT / mac.baselineSeconds,
    attributed: mac.attributed,
  };
  console.log(`MAC lookups, ${fmt(MAC_COUNT)} addresses under 3,000 real prefixes (per CPU second; steady state: median of 3 passes)`);
  console.log(`  prefix-cached lookup  ${fmt(MAC_COUNT / mac.warmSeconds)} /s (target ≥ 5,000,000/s); first pass ${fmt(MAC_COUNT / mac.coldSeconds)} /s`);
  console.log(`  resolver per address  ${fmt(MAC_COUNT / mac.baselineSeconds)} /s (on the first 100,000)`);
  console.log(`  ratio                 ${fmt(mac.baselineSeconds / mac.warmSeconds, 1)}×; ${fmt(mac.attributed)} addresses attributed to a KB organisation`);
}

async function sbomBench(results: Record<string, unknown>): Promise<void> {
  const sbom = join(scratch, 'bom.json');
  generateSbom(sbom, SBOM_COMPONENTS);
  const sb = await measureSbom(sbom);
  results.sbom = { components: sb.components, componentsPerSecond: sb.components / sb.seconds, withFindings: sb.withFindings, jsonParseSeconds: sb.parseSeconds, seconds: sb.seconds };
  console.log(`SBOM, CycloneDX JSON, ${fmt(sb.components)} components (${fmt(statSync(sbom).size / MB)} MB)`);
  console.log(`  read + screen  ${fmt(sb.components / sb.seconds)} components/s (${fmt(sb.withFindings)} with findings)`);
  console.log(`  JSON.parse     ${fmt(sb.components / sb.parseSeconds)} components/s — ratio ${fmt(sb.parseSeconds / sb.seconds, 2)}×`);
  rmSync(sbom);
}

function rssBench(results: Record<string, unknown>): void {
  const small = join(scratch, 'small.log');
  generateDnsLog(small, 1 * MB);
  const baseline = scanRss(small);
  const rss: { bytes: number; maxRssMb: number; seconds: number }[] = [];
  console.log('Peak RSS of covered scan on generated Zeek dns.log files');
  console.log(`  1 MB (baseline)  ${fmt(baseline.maxRssMb)} MB`);
  for (const bytes of RSS_SIZES) {
    const path = join(scratch, `dns-${bytes}.log`);
    generateDnsLog(path, bytes);
    const run = scanRss(path);
    rmSync(path);
    rss.push({ bytes, ...run });
    console.log(`  ${fmt(bytes / MB)} MB  ${fmt(run.maxRssMb)} MB peak RSS, ${fmt(run.seconds, 1)} s (${fmt(bytes / MB / run.seconds)} MB/s) — ${fmt(run.maxRssMb / baseline.maxRssMb, 2)}× baseline (target < 300 MB, flat)`);
  }
  const smallCsv = join(scratch, 'small.csv');
  generateCsv(smallCsv, 1 * MB);
  const csvBaseline = scanRss(smallCsv);
  const csvPath = join(scratch, 'devices.csv');
  const csvBytes = (quick ? 20 : 200) * MB;
  const rows = generateCsv(csvPath, csvBytes);
  const csv = scanRss(csvPath);
  rmSync(csvPath);
  console.log('Peak RSS of covered scan on a generated CSV device inventory (vendor, MAC, model)');
  console.log(`  1 MB (baseline)  ${fmt(csvBaseline.maxRssMb)} MB`);
  console.log(`  ${fmt(csvBytes / MB)} MB (${fmt(rows)} rows)  ${fmt(csv.maxRssMb)} MB peak RSS, ${fmt(csv.seconds, 1)} s — ${fmt(csv.maxRssMb / csvBaseline.maxRssMb, 2)}× baseline (target < 500 MB)`);
  results.rss = { baseline, runs: rss, csv: { baseline: csvBaseline, bytes: csvBytes, rows, ...csv } };
}

/** A device inventory of about `bytes`: asset, vendor, MAC and model, listed vendors among others. Returns the rows. */
function generateCsv(path: string, bytes: number): number {
  const vendors = ['Hikvision', 'Dahua Technology', 'Cisco Systems', 'ZTE Corporation', 'Acme Widgets Ltd', 'Huawei Technologies Co., Ltd.', 'Lenovo', 'Hytera', 'Dell Inc.', 'Hewlett Packard Enterprise'];
  const models = ['DS-2CD2143G2-I', 'IPC-HDW2431T', 'C9300-48P', 'ZXHN F670L', 'W-100', 'AR6140', 'ThinkPad T14', 'PD785', 'PowerEdge R750', 'ProLiant DL380'];
  const random = prng(17);
  const fd = openSync(path, 'w');
  let written = 0;
  let rows = 0;
  let block = 'asset,vendor,mac,model\n';
  while (written + block.length < bytes) {
    const v = Math.floor(random() * vendors.length);
    const mac = Math.floor(random() * 0xffffff).toString(16).padStart(6, '0').replace(/(..)(..)(..)/, '18:80:25:$1:$2:$3');
    block += `asset ${rows},${vendors[v]},${mac},${models[v]}\n`;
    rows++;
    if (block.length > 1 << 20) {
      writeSync(fd, block);
      written += block.length;
      block = '';
    }
  }
  writeSync(fd, block);
  closeSync(fd);
  return rows;
}

const generateAt = process.argv.indexOf('--generate');
if (generateAt >= 0) {
  // `--generate <path> <megabytes> [format]`: write a generated DNS log (Zeek TSV unless a format is named) and stop, for profiling or trying the CLI.
  const path = process.argv[generateAt + 1] ?? 'dns.log';
  const shape = (process.argv[generateAt + 3] ?? 'zeek-tsv') as LogShape;
  console.log(`${fmt(generateDnsLog(path, Number(process.argv[generateAt + 2] ?? 100) * MB, shape))} lines written to ${path}`);
  rmSync(scratch, { recursive: true, force: true });
} else {
  await main();
}
