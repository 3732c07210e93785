/**
 * `covered watch FILE|-`: follows a DNS or proxy log as it grows and reports the first sighting
 * of every host that leads to a finding, on standard output and, if asked, to a signed webhook.
 */
import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import { createContext } from '../../app/context.js';
import { detectTextFormat, INPUT_FORMATS, type InputFormat } from '../../ingest/detect.js';
import { LOG_READERS, sniffTextFormat } from '../../ingest/read-inventory.js';
import { Channels } from '../../notify/channels.js';
import { InProcessQueue } from '../../queue/in-process.js';
import { listedDomains } from '../../screen/sightings.js';
import { FirstSightings, type FirstSighting } from '../../watch/first-sightings.js';
import { followFile, followStdin } from '../../watch/follow.js';
import { parseDate, UsageError } from '../io.js';

interface WatchOptions {
  inputFormat?: InputFormat;
  fromStart: boolean;
  once: boolean;
  asOf: string;
  profile: string;
  kb?: string;
  format: 'text' | 'json';
  webhook?: string;
  webhookSecret?: string;
  maxHosts: number;
}

export interface FirstSightingEvent {
  event: 'watch.first-sighting';
  id: string;
  source: string;
  host: string;
  client?: string;
  time?: string;
  line: number;
  findings: FirstSighting['findings'];
}

export function watchCommand(): Command {
  return new Command('watch')
    .summary('follow a DNS or proxy log and report the first sighting of each listed host')
    .description(
      'Follow a log as it grows (Zeek dns/ssl/http, BIND query log, dnsmasq/Pi-hole, Unbound, CoreDNS, Windows ' +
        'DNS Server debug log, Squid), surviving log rotation, and report each host that leads to a finding the ' +
        'first time it is seen — on standard output (one line, or one JSON object per line with --format json) ' +
        'and to a signed webhook with --webhook. Memory stays constant: verdicts and reported hosts are kept in ' +
        'bounded caches (--max-hosts).',
    )
    .argument('<file>', 'the log to follow, or - for standard input')
    .addOption(new Option('--input-format <format>', 'the log format (default: recognised from the first lines)').choices(Object.keys(LOG_READERS)))
    .option('--from-start', 'read what is already in the file first (default: only what is appended from now on)', false)
    .option('--once', 'stop at the end of the file instead of following it', false)
    .option('--as-of <date>', 'screen as of this date (YYYY-MM-DD)', parseDate, parseDate('today'))
    .option('--profile <name>', 'which measures matter and how much (see `covered profiles`)', 'all')
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled one)')
    .addOption(new Option('--format <format>', 'output').choices(['text', 'json']).default('text'))
    .option('--webhook <url>', 'also POST each first sighting there (JSON, retried with backoff)')
    .option('--webhook-secret <secret>', 'sign webhook bodies with HMAC-SHA256 (Covered-Signature header; default COVERED_WEBHOOK_SECRET)', process.env.COVERED_WEBHOOK_SECRET)
    .option('--max-hosts <n>', 'hosts remembered (verdicts and reported hosts, each)', (v) => Number(v), 100_000)
    .addHelpText('after', '\nStops on SIGINT/SIGTERM (or at the end with --once) and prints what it read on standard error.\nExit codes: 0 stopped; 2 usage or input error (unreadable file, not a log).\nExample: covered watch /var/log/pihole/pihole.log --format json --webhook https://soc.example/hooks/covered')
    .action(async (file: string, opts: WatchOptions) => {
      const ctx = createContext(opts.kb);
      const profile = ctx.kb.profiles[opts.profile];
      if (!profile) throw new UsageError(`unknown profile "${opts.profile}"; profiles: ${Object.keys(ctx.kb.profiles).sort().join(', ')}`);
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      let text: AsyncGenerator<string>;
      try {
        text = file === '-' ? followStdin() : followFile(file, { fromStart: opts.fromStart, once: opts.once, signal: stop.signal, onRotate: (why) => process.stderr.write(`covered: ${file} was ${why}; reading the new file from its start\n`) });
      } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
      const first = await text.next().catch((e: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read ${file}: ${e.code ?? e.message}`);
      });
      const head = first.done ? '' : first.value;
      let format = opts.inputFormat;
      if (!format) {
        const detected = head ? detectTextFormat(head, sniffTextFormat) : undefined;
        if (typeof detected !== 'string' || !LOG_READERS[detected]) {
          if (!head && !first.done) throw new UsageError(`${file}: nothing to recognise the format from yet; give --input-format`);
          if (!head) return;
          throw new UsageError(`${file} is not a log covered watch reads (${typeof detected === 'string' ? INPUT_FORMATS[detected] : (detected?.unsupported ?? 'unknown')}); give --input-format: ${Object.keys(LOG_READERS).join(', ')}`);
        }
        format = detected;
      }
      const reader = LOG_READERS[format]!;
      process.stderr.write(`covered: watching ${file} as ${INPUT_FORMATS[format]}\n`);
      async function* all(): AsyncGenerator<string> {
        if (head) yield head;
        yield* text;
      }

      const watch = new FirstSightings(ctx.engine, { asOf: opts.asOf, profile, includeHistorical: false }, listedDomains(ctx.kb), opts.maxHosts);
      const channels = new Channels();
      const deliveries = new InProcessQueue();
      deliveries.work(
        { deliver: async (job) => channels.post(opts.webhook!, JSON.stringify(job.data), job.data as FirstSightingEvent, opts.webhookSecret) },
        { concurrency: 2, onFailed: (job, error) => void process.stderr.write(`covered: webhook: ${(job.data as FirstSightingEvent).host} not delivered: ${error.message}\n`) },
      );
      let lines = 0;
      let reported = 0;
      let rejected = 0;
      for await (const chunk of reader.sightings(all(), { file, notice: (m) => process.stderr.write(`covered: ${m}\n`) }, watch.wants)) {
        lines += chunk.sightings.length + chunk.seen;
        // Lines not understood are named (the first few) and counted, never silently dropped.
        for (const r of chunk.rejected) if (rejected++ < 20) process.stderr.write(`covered: ${file}:${r.line}: ${r.error}${rejected === 20 ? ' (further lines not understood are only counted)' : ''}\n`);
        for (const s of watch.take(chunk.sightings)) {
          reported++;
          const time = s.time !== undefined && reader.isoTime ? reader.isoTime(s.time) : s.time;
          const event: FirstSightingEvent = { event: 'watch.first-sighting', id: randomUUID(), source: file, host: s.host, ...(s.client ? { client: s.client } : {}), ...(time ? { time } : {}), line: s.line, findings: s.findings };
          if (opts.format === 'json') process.stdout.write(`${JSON.stringify(event)}\n`);
          else process.stdout.write(`${time ?? '-'}  ${s.host}${s.client ? ` (${s.client})` : ''}  line ${s.line}: ${[...new Set(s.findings.map((f) => `${f.measure.short ?? f.measure.id} ${f.severity}`))].join('; ')}\n`);
          if (opts.webhook) await deliveries.add('deliver', event, { jobId: event.id, attempts: 5, backoffMs: 1000 });
        }
      }
      await deliveries.idle();
      await deliveries.close();
      process.stderr.write(`covered: watch: ${lines} lines with a host, ${reported} first sightings of listed hosts${rejected ? `, ${rejected} lines not understood` : ''}\n`);
    });
}
