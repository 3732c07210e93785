import { statSync } from 'node:fs';
import { Command, Option } from 'commander';
import cliProgress from 'cli-progress';
import { createContext } from '../../app/context.js';
import { INPUT_FORMAT_IDS, INPUT_FORMATS, readInventory, type ColumnInfo, type InputFormat } from '../../ingest/read-inventory.js';
import type { Severity } from '../../model/kb.js';
import { FIELD_KINDS, InputError, type FieldKind } from '../../model/item.js';
import type { ItemResult } from '../../model/finding.js';
import type { ReportView } from '../../report/view.js';
import { renderCsv } from '../../report/csv.js';
import { renderJson } from '../../report/json.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderSarif } from '../../report/sarif.js';
import { renderTable } from '../../report/table.js';
import { severityRank } from '../../kb/timeline.js';
import { addFindingsToSummary, addSightingsToSummary, addToSummary, emptySummary, screenRecord, sortSummary } from '../../screen/scan.js';
import { listedDomains, SightingScreen } from '../../screen/sightings.js';
import { MacLookup } from '../../screen/mac-lookup.js';
import { HostSuffixFilter } from '../../ingest/host-filter.js';
import { ScreeningEngine } from '../../screen/engine.js';
import type { Resolver } from '../../match/resolver.js';
import { packageVersion } from '../../kb/files.js';
import { colourEnabled, EXIT, parseDate, parseThreshold, terminalWidth, UsageError, writeAll } from '../io.js';
import { ResultSpool } from '../result-spool.js';
import { collectGarbageSooner } from '../heap.js';
import { addLimitOptions, limitsFrom, type LimitFlags } from '../limits.js';
import { DEFAULT_LIMITS } from '../../ingest/limits.js';

const FORMATS = ['table', 'json', 'csv', 'md', 'sarif'] as const;
const FAIL_ON = ['critical', 'high', 'medium', 'low', 'info', 'none'] as const;

function collectMap(value: string, previous: Record<string, FieldKind | 'ignore'>) {
  const eq = value.lastIndexOf('=');
  const column = value.slice(0, eq).trim();
  const field = value.slice(eq + 1).trim();
  if (eq <= 0 || !column) throw new UsageError(`--map expects column=field, got "${value}"`);
  if (field !== 'ignore' && !(FIELD_KINDS as readonly string[]).includes(field)) {
    throw new UsageError(`--map ${value}: unknown field "${field}"; fields are ${FIELD_KINDS.join(', ')} or ignore`);
  }
  return { ...previous, [column]: field as FieldKind | 'ignore' };
}

/** The help lists the formats in a column as wide as the longest name. */
const FORMAT_ID_WIDTH = Math.max(...INPUT_FORMAT_IDS.map((id) => id.length));

export function scanCommand(): Command {
  const command = new Command('scan')
    .summary('screen inventory files against the restriction measures as of a date')
    .description(
      // One paragraph per string, without line breaks of its own: the help is wrapped by words to the terminal.
      [
        'Screen inventory files against the knowledge base. The format is recognised from the content (or set with --input-format): tables (CSV, TSV, whitespace-separated text, JSON, JSONL, XLSX), SBOMs (CycloneDX JSON/XML, SPDX JSON/tag-value), network scans (nmap XML, arp -a, ip neigh, dhcpd and dnsmasq leases), logs (Zeek dns/ssl/http, BIND query log, dnsmasq/Pi-hole, Unbound, CoreDNS, Windows DNS Server debug log, Squid) app lists (adb pm list packages) and dependency manifests (pip requirements, go.mod/go.sum, package-lock.json, Gradle build scripts, gradle.lockfile and version catalogs, Maven pom.xml, CocoaPods Podfile and Podfile.lock, yarn.lock, pnpm-lock.yaml). Any of them gzip-compressed; "-" reads standard input.',
        'Table columns are recognised by header and content: supplier/vendor/manufacturer name, MAC, host/domain/URL, app package or bundle id, purl, Java package, ISIN, CUSIP, ticker, LEI, USCC, model, category; asset tag, hostname, IP, owner, site, serial number, cost centre and country columns are carried into every report as the asset the row describes; a name that matched an official list\'s party of another country than the row\'s is set aside with a warning.',
        'Logs are aggregated: one result per client and listed host, with the count and the first and last time seen.',
      ].join('\n\n'),
    )
    .argument('<files...>', 'inventory files')
    .option('--as-of <date>', 'screen as of this date (YYYY-MM-DD)', parseDate, parseDate('today'))
    .option('--profile <name>', 'which measures matter and how much (see `covered profiles`)', 'all')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(FAIL_ON).default('low'))
    .option('--include-historical', 'also show findings on enjoined, revoked or delisted measures', false)
    .option('--threshold <score>', 'lowest name score reported (default 0.8; 0.85 and up: the same entity; see docs/matching.md)', parseThreshold)
    .option('--map <column=field>', 'map a column to a field, or to "ignore" (repeatable)', collectMap, {})
    .addOption(new Option('--input-format <format>', 'skip format detection (see docs/inputs.md)').choices(INPUT_FORMAT_IDS))
    .option('--strict', 'exit 2 when any row is rejected', false)
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled one)')
    .option('--no-progress', 'no progress bar on standard error')
    .option('--threads <n>', 'worker threads for large uncompressed logs (Zeek, BIND, dnsmasq, Squid; default: one per core, at most 4; 1: none)', parseThreads);
  return addLimitOptions(command, DEFAULT_LIMITS)
    .addHelpText(
      'after',
      `\nInput formats (--input-format; recognised from the content otherwise):\n${Object.entries(INPUT_FORMATS)
        .map(([id, description]) => `  ${id.padEnd(FORMAT_ID_WIDTH)} ${description}`)
        .join('\n')}\n` +
        '\nExit codes: 0 nothing at or above --fail-on; 1 findings at or above --fail-on; 2 usage or input error.\n' +
        'Example: covered scan suppliers.xlsx devices.csv --as-of 2021-01-01 --profile us-federal-contractor --format json',
    )
    .action(async (files: string[], opts: ScanOptions) => {
      process.exitCode = await runScan(files, opts);
    });
}

interface ScanOptions extends LimitFlags {
  asOf: string;
  profile: string;
  format: (typeof FORMATS)[number];
  failOn: (typeof FAIL_ON)[number];
  includeHistorical: boolean;
  threshold?: number;
  map: Record<string, FieldKind | 'ignore'>;
  inputFormat?: InputFormat;
  strict: boolean;
  kb?: string;
  progress: boolean;
  threads?: number;
}

function parseThreads(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads expects a whole number from 1 to 64, got "${value}"`);
  return n;
}

async function runScan(files: string[], opts: ScanOptions): Promise<number> {
  collectGarbageSooner();
  const ctx = createContext(opts.kb);
  if (opts.threshold !== undefined) ctx.resolver.nameThreshold = opts.threshold;
  const profile = ctx.kb.profiles[opts.profile];
  if (!profile) throw new UsageError(`unknown profile "${opts.profile}"; profiles: ${Object.keys(ctx.kb.profiles).sort().join(', ')}`);
  if (files.filter((f) => f === '-').length > 1) throw new UsageError('standard input ("-") can be read only once');
  const options = { asOf: opts.asOf, profile, includeHistorical: opts.includeHistorical };
  const summary = emptySummary();
  // Results go to the spool as they come (to disk for a large scan); a log's are held until its
  // aggregates are made, to be put in line order with them.
  const results = new ResultSpool();
  let worst = -1;
  const keep = (result: ItemResult) => {
    for (const f of result.findings) worst = Math.max(worst, severityRank(f.severity));
    results.add(result);
  };
  const inputs: ReportView['inputs'] = [];
  const progress = startProgress(files, opts.progress);
  const engine = bulkEngine(ctx.kb, ctx.resolver);
  const domains = listedDomains(ctx.kb);
  const logs = new SightingScreen(engine, options, domains);
  const hostFilter = new HostSuffixFilter(domains);
  const limits = limitsFrom(opts, DEFAULT_LIMITS);
  for (const file of files) {
    const input: ReportView['inputs'][number] = { file };
    inputs.push(input);
    let log = false;
    let linesNamingHosts = 0;
    const held: ItemResult[] = [];
    const notice = (message: string) => {
      progress?.clear();
      process.stderr.write(`covered: ${file}: ${message}\n`);
    };
    try {
      for await (const record of readInventory(file, {
        ...(Object.keys(opts.map).length > 0 ? { map: opts.map } : {}),
        ...(opts.inputFormat ? { inputFormat: opts.inputFormat } : {}),
        onColumns: (info: ColumnInfo) => {
          if (info.aggregated) log = true;
          input.format = info.format;
          input.columns = { ...input.columns, ...info.columns };
        },
        onNotice: notice,
        onBytes: (count: number) => progress?.advance(count),
        wantHost: logs.wants,
        hostFilter,
        limits,
        ...(opts.threads ? { parallel: { workers: opts.threads } } : {}),
      })) {
        if (record.kind === 'sightings') {
          logs.add(file, record.sightings, record.seen, record.isoTime);
          linesNamingHosts += record.sightings.length + record.seen;
          addSightingsToSummary(summary, record.sightings.length + record.seen);
          continue;
        }
        const result = screenRecord(engine, record, options);
        addToSummary(summary, result);
        if (log) held.push(result);
        else keep(result);
      }
      if (log && linesNamingHosts === 0 && held.length === 0) {
        // Nothing in the file was a line of the format: most likely the wrong --input-format.
        notice(`no line of it is a ${input.format} line naming a host; is it another format? (see --input-format)`);
      }
      const aggregated = logs.take(file);
      for (const result of aggregated) addFindingsToSummary(summary, result);
      // A log read by several threads gives its rejected lines out of order: all in line order.
      for (const result of held.concat(aggregated).sort((a, b) => a.origin.line - b.origin.line)) keep(result);
    } catch (e) {
      results.close();
      progress?.stop();
      if (e instanceof InputError) throw new UsageError(e.message);
      if (isNodeError(e) && (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'EACCES')) {
        throw new UsageError(`${file}: ${e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : 'permission denied'}`);
      }
      // Whatever else a file makes go wrong is still that file's problem for the user: a message, exit 2.
      throw new UsageError(`${file}: could not be read: ${e instanceof Error ? e.message : String(e)} (a fault in covered; please report it with the file)`);
    }
  }
  progress?.stop();
  const report: ReportView = {
    schemaVersion: 1,
    tool: { name: 'covered', version: packageVersion() },
    kb: { version: ctx.kb.version, hash: ctx.kb.hash },
    asOf: opts.asOf,
    profile: { id: profile.id, title: profile.title },
    includeHistorical: opts.includeHistorical,
    inputs,
    summary: sortSummary(summary),
    results,
  };
  try {
    await writeAll(render(report, opts.format));
  } finally {
    results.close();
  }
  if (opts.strict && summary.rejected > 0) return EXIT.usage;
  if (opts.failOn === 'none') return EXIT.ok;
  return worst >= severityRank(opts.failOn as Severity) ? EXIT.findings : EXIT.ok;
}

/**
 * The engine for a scan: the same resolver, except that MAC addresses are answered once per prefix
 * (device inventories repeat a few thousand prefixes over millions of rows).
 */
function bulkEngine(kb: ScreeningEngine['kb'], resolver: Resolver): ScreeningEngine {
  const macs = new MacLookup(resolver);
  const bulk = Object.create(resolver) as Resolver;
  bulk.resolve = (field, value) => (field === 'mac' ? macs.resolve(value) : resolver.resolve(field, value));
  return new ScreeningEngine(kb, bulk);
}

function render(report: ReportView, format: ScanOptions['format']): Iterable<string> {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report);
    case 'md':
      return renderMarkdown(report);
    case 'sarif':
      return renderSarif(report);
    case 'table':
      return renderTable(report, { color: colourEnabled(process.stdout), width: terminalWidth() });
  }
}

interface Progress {
  advance(bytes: number): void;
  /** Clears the bar's line so a message can be written; the bar redraws on the next update. */
  clear(): void;
  stop(): void;
}

/** Bytes read, rate and ETA on a TTY for inputs over 1 MB (unknown total for standard input); silent otherwise. */
function startProgress(files: string[], enabled: boolean): Progress | undefined {
  if (!enabled || !process.stderr.isTTY) return undefined;
  const total = files.reduce((n, f) => n + (f === '-' ? 0 : safeSize(f)), 0);
  if (total < 1_000_000 && !files.includes('-')) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: total > 0 && !files.includes('-') ? 'screening {bar} {percentage}% | {done} of {size} | {rate}/s | ETA {eta_formatted}' : 'screening {done} | {rate}/s',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let read = 0;
  bar.start(Math.max(total, 1), 0, { done: megabytes(0), size: megabytes(total), rate: megabytes(0) });
  return {
    advance(bytes) {
      read += bytes;
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      // A large log read by worker threads reads its first chunk twice; the bar never passes the size.
      const shown = total > 0 ? Math.min(read, total) : read;
      bar.update(Math.min(read, Math.max(total, 1)), { done: megabytes(shown), size: megabytes(total), rate: megabytes(shown / seconds) });
    },
    clear() {
      process.stderr.write('\r\x1b[K');
    },
    stop() {
      bar.stop();
    },
  };
}

function megabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function safeSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function isNodeError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && 'code' in e;
}
