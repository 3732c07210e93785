/**
 * `npm run bench [-- --quick]`: name screening against the whole knowledge base, side by side with
 * a naive all-pairs Jaro-Winkler baseline in the same run, the cold start of `covered lookup`
 * against a bare Node start, and the peak memory of a whole `covered scan`. Prints a table and
 * writes bench-out/bench.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpus } from 'node:os';
import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import { createContext } from '../../src/app/context.js';
import { prng } from './prng.js';
import { supplierCsv } from './supplier-file.js';

const quick = process.argv.includes('--quick');
const NAMES = quick ? 10_000 : 100_000;
const BASELINE_SAMPLE = quick ? 500 : 5_000;
const COLD_RUNS = quick ? 3 : 10;

const rand = prng(20261122);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

// The name index's cache is made (when the knowledge base or the normaliser changed since it was
// written) in a process of its own, as `covered kb build` makes it: the peak memory measured below
// is that of screening names, not of building the index once.
const prepared = spawnSync(process.execPath, [...process.execArgv, '--input-type=module', '-e', `await import(${JSON.stringify(new URL('../../src/app/context.ts', import.meta.url).href)}).then((m) => m.createContext())`], { stdio: 'inherit' });
if (prepared.status !== 0) throw new Error('could not open or build the name index');
const ctx = createContext();
const aliases = Object.values(ctx.kb.organisations).flatMap((o) => o.names.filter((n) => !/\p{Script=Han}/u.test(n.value)).map((n) => n.value));

const PLACES = ['Shenzhen', 'Ningbo', 'Austin', 'Lyon', 'Osaka', 'Pune', 'Leeds', 'Porto', 'Dayton', 'Bergen', 'Xiamen', 'Tampere'];
const WORDS = ['Acme', 'Northwind', 'Bluefin', 'Silverline', 'Keystone', 'Redwood', 'Summit', 'Harbor', 'Orion', 'Pioneer', 'Vertex', 'Meridian', 'Crescent', 'Granite', 'Falcon', 'Juniper', 'Lumen', 'Nimbus', 'Quarry', 'Sable'];
const INDUSTRY = ['Widgets', 'Precision Parts', 'Logistics', 'Office Supplies', 'Cabling', 'Packaging', 'Software', 'Foods', 'Textiles', 'Tooling', 'Plastics', 'Print'];
const FORMS = ['Inc.', 'LLC', 'Co., Ltd.', 'GmbH', 'Ltd', 'S.A.', 'Corp.', 'Pty Ltd'];

function perturb(name: string): string {
  const variants = [
    (s: string) => s.toUpperCase(),
    (s: string) => s.replace(/Technolog(y|ies)/i, 'TECH').replace(/Company/i, 'CO').replace(/Limited/i, 'LTD'),
    (s: string) => s.replace(/,?\s*(Co\.,?\s*Ltd\.?|Limited|Inc\.?|Corporation|Corp\.?)$/i, ''),
    (s: string) => `${s} (Shenzhen)`,
    (s: string) => s.replace(/([a-z])([a-z])/, '$2$1'),
  ];
  return pick(variants)(name);
}

const planted = new Set<number>();
const names: string[] = [];
for (let i = 0; i < NAMES; i++) {
  if (rand() < 0.05) {
    planted.add(i);
    names.push(perturb(pick(aliases)));
  } else {
    names.push(`${rand() < 0.5 ? `${pick(PLACES)} ` : ''}${pick(WORDS)} ${pick(INDUSTRY)} ${pick(FORMS)}`);
  }
}

/**
 * CPU time of this process (user + system): on a shared machine the time the other work takes
 * does not count against either side. Both sides run single-threaded.
 */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

function measureOurs(list: string[]) {
  let found = 0;
  let falsePositives = 0;
  const started = cpuSeconds();
  list.forEach((n, i) => {
    const hit = ctx.resolver.resolve('name', n).resolutions.length > 0;
    if (planted.has(i) && hit) found++;
    if (!planted.has(i) && hit) falsePositives++;
  });
  return { seconds: cpuSeconds() - started, found, falsePositives };
}

const simple = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const baselineAliases = aliases.map(simple);
function measureBaseline(count: number) {
  let found = 0;
  let falsePositives = 0;
  const started = cpuSeconds();
  for (let i = 0; i < count; i++) {
    const q = simple(names[i] as string);
    let best = 0;
    for (const a of baselineAliases) {
      const s = jaroWinkler(q, a);
      if (s > best) best = s;
    }
    const hit = best >= 0.9;
    if (planted.has(i) && hit) found++;
    if (!planted.has(i) && hit) falsePositives++;
  }
  return { seconds: cpuSeconds() - started, found, falsePositives };
}

measureOurs(names.slice(0, 2000)); // warm-up
const ours = measureOurs(names);
const base = measureBaseline(BASELINE_SAMPLE);
const plantedIn = (n: number) => [...planted].filter((i) => i < n).length;
const oursRate = NAMES / ours.seconds;
const baseRate = BASELINE_SAMPLE / base.seconds;
const rss = process.resourceUsage().maxRSS / 1024;

// Cold start of `covered lookup` (built CLI) against a bare node start.
if (!existsSync('dist/cli/main.js')) execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
function timeRuns(args: string[]): number[] {
  const out: number[] = [];
  // One untimed run first: each timed run then starts a new process with the files in the OS cache.
  spawnSync(process.execPath, args, { encoding: 'utf8' });
  for (let i = 0; i < COLD_RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    out.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  }
  return out.sort((a, b) => a - b);
}
const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] as number;
const lookup = timeRuns(['dist/cli/main.js', 'lookup', 'Hikvision', '--format', 'json']);
const bare = timeRuns(['-e', '']);

// Peak memory of a whole `covered scan` of a supplier file (built CLI), from /usr/bin/time when it is there.
const SCAN_ROWS = quick ? 10_000 : 100_000;
function scanPeak(): { rows: number; peakRssMiB: number; cpuSeconds: number } | undefined {
  if (!existsSync('/usr/bin/time')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'covered-bench-'));
  try {
    const file = join(dir, 'suppliers.csv');
    writeFileSync(file, supplierCsv(SCAN_ROWS));
    const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', process.execPath, 'dist/cli/main.js', 'scan', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const [kb, user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    return { rows: SCAN_ROWS, peakRssMiB: Math.round((kb as number) / 1024), cpuSeconds: Math.round(((user as number) + (sys as number)) * 100) / 100 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const scan = scanPeak();

const results = {
  date: new Date().toISOString().slice(0, 10),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version },
  kb: { version: ctx.kb.version, aliases: aliases.length },
  nameScreening: {
    names: NAMES,
    ours: { namesPerSecond: Math.round(oursRate), recallOnPlanted: ours.found / planted.size, falsePositiveRate: ours.falsePositives / (NAMES - planted.size) },
    baselineAllPairsJaroWinkler: {
      sample: BASELINE_SAMPLE,
      namesPerSecond: Math.round(baseRate),
      recallOnPlanted: base.found / Math.max(1, plantedIn(BASELINE_SAMPLE)),
      falsePositiveRate: base.falsePositives / (BASELINE_SAMPLE - plantedIn(BASELINE_SAMPLE)),
    },
    speedRatio: Math.round((oursRate / baseRate) * 10) / 10,
    peakRssMiB: Math.round(rss),
  },
  coldStart: {
    runs: COLD_RUNS,
    lookupMs: { median: Math.round(q(lookup, 0.5)), p90: Math.round(q(lookup, 0.9)) },
    bareNodeMs: { median: Math.round(q(bare, 0.5)), p90: Math.round(q(bare, 0.9)) },
    ratio: Math.round((q(lookup, 0.5) / q(bare, 0.5)) * 10) / 10,
  },
  scan,
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const n = results.nameScreening;
console.log(`machine: ${results.machine.cpu} × ${results.machine.cores}, node ${results.machine.node}; KB ${results.kb.version}, ${results.kb.aliases} Latin aliases`);
console.log('\nname screening                         names/cpu-s recall(planted)  false positives');
console.log(`covered (index + scorer), ${String(NAMES).padEnd(7)}      ${String(n.ours.namesPerSecond).padStart(8)}   ${pct(n.ours.recallOnPlanted).padStart(14)}  ${pct(n.ours.falsePositiveRate).padStart(15)}`);
console.log(`baseline all-pairs Jaro-Winkler, ${String(BASELINE_SAMPLE).padEnd(6)} ${String(n.baselineAllPairsJaroWinkler.namesPerSecond).padStart(8)}   ${pct(n.baselineAllPairsJaroWinkler.recallOnPlanted).padStart(14)}  ${pct(n.baselineAllPairsJaroWinkler.falsePositiveRate).padStart(15)}`);
console.log(`ratio covered / baseline: ${n.speedRatio}×; peak RSS ${n.peakRssMiB} MiB`);
console.log(`\ncold start (${COLD_RUNS} runs)   median   p90`);
console.log(`covered lookup          ${String(results.coldStart.lookupMs.median).padStart(6)} ms ${String(results.coldStart.lookupMs.p90).padStart(5)} ms`);
console.log(`bare node -e ""         ${String(results.coldStart.bareNodeMs.median).padStart(6)} ms ${String(results.coldStart.bareNodeMs.p90).padStart(5)} ms   (lookup = ${results.coldStart.ratio}× bare start)`);
if (scan) console.log(`\ncovered scan of ${scan.rows} supplier rows (--format json): peak RSS ${scan.peakRssMiB} MiB, ${scan.cpuSeconds} CPU s`);
mkdirSync('bench-out', { recursive: true });
writeFileSync('bench-out/bench.json', `${JSON.stringify(results, null, 2)}\n`);
