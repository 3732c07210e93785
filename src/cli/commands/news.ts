/**
 * `covered news SOURCE…`: read articles (text, HTML, RSS/Atom, directories, URLs), extract the
 * restriction events they report, link them to known measures, and — with `--save` — keep them in
 * the store with a review queue of proposals for the knowledge base and alerts on stored scans.
 * `covered news queue|accept|reject|alerts` work that queue.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { createColors } from 'picocolors';
import { createContext, type Context } from '../../app/context.js';
import { labelResolver } from '../../app/label-resolver.js';
import { loadKnowledgeBase, packageVersion } from '../../kb/files.js';
import type { KnowledgeBase } from '../../kb/model.js';
import type { Article } from '../../news/extract.js';
import { NewsExtractor } from '../../news/extract.js';
import { MentionMatcher } from '../../news/mentions.js';
import { detectFederalRegister, readFederalRegister, type FrDocument } from '../../news/federal-register.js';
import { articleFromHtml, articleFromText, articlesFromFeed, detectKind, SourceError, urlDate } from '../../news/parse.js';
import { alertsFor, watchArticle, watchOfficialDocument, type Alert, type ScanExposure, type WatchedArticle } from '../../news/watch.js';
import { storeOptions } from '../../server/config.js';
import { NewsStore } from '../../store/news.js';
import type { StoredProposal } from '../../model/news.js';
import { acceptProposal, rejectProposal, ReviewError, saveWatchedArticles } from '../../store/news-review.js';
import { colourEnabled, EXIT, parseDate, UsageError, write } from '../io.js';
import { storeFlags, withStore } from '../store.js';

const FORMATS = ['table', 'json'] as const;
type Format = (typeof FORMATS)[number];
const ARTICLE_FILE = /\.(?:txt|text|md|html?|xhtml|xml|rss|atom|json)$/i;

/** An article, and for a Federal Register document that states list changes, the document read. */
type Read = Article & { official?: FrDocument };

interface ReadOptions {
  published?: string;
  timeout: number;
  maxBytes: number;
}

interface Problem {
  source: string;
  message: string;
}

const p = () => createColors(colourEnabled(process.stdout));

function decode(bytes: Uint8Array, contentType?: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** GET with a deadline for the whole exchange and a cap on the body, whatever the server claims. */
export async function fetchLimited(url: string, timeoutMs: number, maxBytes: number): Promise<{ body: string; contentType?: string; finalUrl: string }> {
  let res: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    res = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: { 'user-agent': `covered/${packageVersion()} (news watch)`, accept: 'text/html, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8' },
    });
  } catch (e) {
    throw new SourceError(signal.aborted ? `no answer within ${timeoutMs / 1000} s` : `cannot fetch: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
  }
  if (!res.ok) throw new SourceError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new SourceError(`larger than the limit of ${maxBytes} bytes (${declared} bytes declared); raise --max-bytes to read it`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  try {
    for (;;) {
      const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader?.cancel();
        throw new SourceError(`larger than the limit of ${maxBytes} bytes; raise --max-bytes to read it`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(signal.aborted ? `not received within ${timeoutMs / 1000} s` : `download failed: ${(e as Error).message}`);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const contentType = res.headers.get('content-type') ?? undefined;
  return { body: decode(bytes, contentType), contentType, finalUrl: res.url || url };
}

function articlesOf(id: string, body: string, options: ReadOptions, contentType?: string, url?: string): Read[] {
  // A Federal Register document that states list changes is read as those changes; one that does
  // not (a rule on policy, metadata alone) is read as prose like any article.
  const fr = detectFederalRegister(body, id);
  if (fr) {
    const doc = readFederalRegister(body, fr, url);
    const article: Article = { id, ...(doc.title ? { title: doc.title } : {}), text: doc.text, ...(doc.published ?? options.published ? { published: doc.published ?? options.published } : {}), ...(doc.url ? { url: doc.url } : {}) };
    if (doc.changes.length > 0) return [{ ...article, official: { ...doc, ...(article.published ? { published: article.published } : {}) } }];
    if (fr === 'json' || fr === 'xml') return [article];
  } else if (/^\s*[[{]/.test(body) && /\.json$/i.test(id)) {
    throw new SourceError('a JSON file that is not a Federal Register document (federalregister.gov API form)');
  }
  switch (detectKind(body, contentType, id)) {
    case 'feed':
      return articlesFromFeed(id, body, options.published);
    case 'html':
      return [articleFromHtml(id, body, url, options.published)];
    default:
      return [{ ...articleFromText(id, body, urlDate(url) ?? options.published), ...(url ? { url } : {}) }];
  }
}

/** Paths below the working directory are shown relative to it, others as given. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function listDirectory(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listDirectory(path));
    else if (ARTICLE_FILE.test(name)) out.push(path);
  }
  return out;
}

/** Every article of every source, with a problem (and nothing else) for a source that cannot be read. */
async function readSources(sources: string[], options: ReadOptions, problems: Problem[]): Promise<{ source: string; article: Read }[]> {
  const out: { source: string; article: Read }[] = [];
  const readFile = (file: string) => {
    const size = statSync(file).size;
    if (size > options.maxBytes) throw new SourceError(`larger than the limit of ${options.maxBytes} bytes; raise --max-bytes to read it`);
    const shown = displayPath(file);
    for (const article of articlesOf(shown, decode(readFileSync(file)), options)) out.push({ source: shown, article });
  };
  for (const source of sources) {
    try {
      if (/^https?:\/\//i.test(source)) {
        process.stderr.write(`fetching ${source}\n`);
        const got = await fetchLimited(source, options.timeout, options.maxBytes);
        for (const article of articlesOf(source, got.body, options, got.contentType, got.finalUrl)) out.push({ source, article });
      } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
        throw new SourceError('only http:// and https:// URLs can be fetched');
      } else if (!existsSync(source)) {
        throw new SourceError('no such file or directory');
      } else if (statSync(source).isDirectory()) {
        const files = listDirectory(source);
        if (files.length === 0) throw new SourceError('no article files (.txt, .md, .html, .xml, .rss, .atom) in the directory');
        for (const file of files) {
          try {
            readFile(file);
          } catch (e) {
            if (!(e instanceof SourceError)) throw e;
            problems.push({ source: displayPath(file), message: e.message });
          }
        }
      } else {
        readFile(source);
      }
    } catch (e) {
      if (e instanceof SourceError || (e as NodeJS.ErrnoException).code) problems.push({ source, message: (e as Error).message });
      else throw e;
    }
  }
  return out;
}

/** Groups exposed in `covered scan --format json` reports: each finding's matched entity and listed subject, else the item's label. */
function exposuresFromReports(ctx: Context, files: string[]): ScanExposure[] {
  const { kb } = ctx;
  const groupOfLabel = labelResolver(ctx);
  return files.map((file) => {
    let report: { results?: { label?: string; status?: string; findings?: { subject?: { id?: string }; match?: { entity?: { id?: string } } }[] }[] };
    try {
      report = JSON.parse(readFileSync(file, 'utf8')) as typeof report;
    } catch (e) {
      throw new UsageError(`${file}: not a JSON scan report (${(e as Error).message.split('\n')[0]})`);
    }
    if (!Array.isArray(report.results)) throw new UsageError(`${file}: not a scan report from \`covered scan --format json\` (no "results")`);
    const groups = new Map<string, string[]>();
    report.results.forEach((r, i) => {
      const label = r.label ?? `row ${i + 1}`;
      const seen = new Set<string>();
      const ids = (r.findings ?? []).flatMap((f) => [f.subject?.id, f.match?.entity?.id]);
      const found: (string | undefined)[] = ids.map((id) => (id ? (kb.organisations[id]?.group ?? kb.products[id]?.group) : undefined));
      if (!found.some((g) => g !== undefined) && r.status !== 'rejected') found.push(groupOfLabel(label));
      for (const g of found) {
        if (!g || seen.has(g)) continue;
        seen.add(g);
        groups.set(g, [...(groups.get(g) ?? []), label]);
      }
    });
    return { scanId: file, scanLabel: file, groups };
  });
}


function renderArticle(w: WatchedArticle, showEmpty: boolean, kb: KnowledgeBase): string {
  const c = p();
  const a = w.article;
  if (w.events.length === 0 && !showEmpty) return '';
  const lines = [c.bold(a.title ?? a.id) + c.dim(`  ${a.url ?? a.id}${a.published ? `, ${a.published}` : ', publication date unknown'}`)];
  const named = [...new Set(w.mentions.map((m) => kb.groups[m.entity.group]?.name ?? m.entity.group))];
  lines.push(c.dim(`  mentions: ${named.length > 0 ? named.join(', ') : 'none from the knowledge base'}`));
  if (w.events.length === 0) lines.push('  no restriction events');
  for (const e of w.events) {
    const statusColour = e.status === 'enacted' || e.status === 'in-force' ? c.red : e.status === 'enjoined' || e.status === 'revoked' ? c.green : c.yellow;
    const targets = e.targets.map((t) => (t.entity ? `${t.surface} [${t.entity.id}]` : t.generic ? `${t.surface} [${t.generic}]` : `${t.surface} [not in KB]`)).join(', ');
    lines.push(`  ${statusColour(e.status.padEnd(10))} ${e.action} by ${e.actor.jurisdiction} ${e.actor.authority} against ${targets}${e.date ? ` — ${e.date}` : ''}  ${c.dim(e.id)}`);
    for (const l of e.links) {
      const what = l.kind === 'known' ? `reports ${l.measure}${l.matchedDate ? ` (${l.matchedDate})` : ''}` : l.kind === 'new-stage' ? `new stage of ${l.measure}` : l.kind === 'new-listing' ? `new listing on ${l.measure}` : 'NEW — no known measure';
      lines.push(`      ${l.target}: ${l.kind === 'known' ? what : c.cyan(what)}`);
    }
    lines.push(c.dim(`      “${e.evidence.length > 220 ? `${e.evidence.slice(0, 217)}…` : e.evidence}”`));
  }
  return `${lines.join('\n')}\n`;
}

function renderProposals(proposals: StoredProposal[]): string {
  const c = p();
  if (proposals.length === 0) return 'No proposals.\n';
  return proposals
    .map((pr) => {
      const head = `${c.bold(pr.id)}  ${pr.state.padEnd(8)} ${pr.kind === 'new' ? 'new measure' : pr.kind === 'new-stage' ? `new stage of ${pr.measure}` : `new listing on ${pr.measure}`} — ${pr.event.status} ${pr.event.action} by ${pr.event.jurisdiction} ${pr.event.authority} against ${pr.target}${pr.event.date ? `, ${pr.event.date}` : ''}`;
      const from = c.dim(`    from: ${pr.article.title ?? pr.article.id}${pr.article.published ? ` (${pr.article.published})` : ''} ${pr.article.url ?? pr.article.source}`);
      const evidence = c.dim(`    “${pr.event.evidence.length > 200 ? `${pr.event.evidence.slice(0, 197)}…` : pr.event.evidence}”`);
      const decided = pr.decidedAt ? `\n    ${pr.state} by ${pr.decidedBy} on ${pr.decidedAt.slice(0, 10)}${pr.reason ? `: ${pr.reason}` : ''}${pr.draftFile ? ` → ${pr.draftFile}` : ''}` : '';
      return `${head}\n${from}\n${evidence}${decided}`;
    })
    .join('\n')
    .concat('\n');
}

function renderAlerts(alerts: Alert[]): string {
  if (alerts.length === 0) return '';
  const c = p();
  return `${c.bold(`Alerts (${alerts.length})`)}\n${alerts.map((a) => `  ${c.red('!')} ${a.message}\n      ${c.dim(a.items.join('; '))}${a.itemCount > a.items.length ? c.dim(` … and ${a.itemCount - a.items.length} more`) : ''}`).join('\n')}\n`;
}


/**
 * `covered news queue --data-dir X`: commander hands options after the subcommand's name to
 * `news`, which has the same flags, so the subcommands read them from there too.
 */
function withParentFlags<T extends object>(opts: T, cmd: Command): T {
  const parent = cmd.parent;
  if (!parent) return opts;
  const merged: Record<string, unknown> = { ...(opts as Record<string, unknown>) };
  for (const [key, value] of Object.entries(parent.opts())) {
    if (parent.getOptionValueSource(key) === 'cli' && cmd.getOptionValueSource(key) !== 'cli') merged[key] = value;
  }
  return merged as T;
}

/** A decision the queue refuses (unknown or decided proposal) is a usage error. */
async function decided<T>(decide: () => Promise<T>): Promise<T> {
  try {
    return await decide();
  } catch (e) {
    if (e instanceof ReviewError) throw new UsageError(e.kind === 'unknown' ? `${e.message} (see covered news queue)` : e.message);
    throw e;
  }
}

function decider(flags: { by?: string }): string {
  return flags.by ?? process.env.COVERED_USER ?? process.env.USER ?? 'cli';
}

export function newsCommand(): Command {
  const news = new Command('news')
    .summary('read news and notices: restriction events, links to measures, review queue, alerts')
    .description(
      'Reads articles from text files, HTML pages, RSS/Atom feeds, directories or http(s) URLs, and reports the ' +
        'restriction events they describe: who acts (jurisdiction, authority), what (ban, entity-list, sanction, ' +
        'investment-ban, procurement-ban, export-control, divestment-order, removal-order, boycott-push, other), ' +
        'against whom, how far along (threatened … in-force, enjoined, revoked), when, and the sentence that says so. ' +
        'Each event is linked to the measure it reports, or flagged new. With --save, events are kept in the store, ' +
        'new ones become proposals in a review queue (covered news queue / accept / reject), and events on groups ' +
        'found in stored scans raise alerts. --scan checks JSON scan reports without a store.',
    )
    .argument('[sources...]', 'files, directories, feeds or http(s) URLs')
    .option('--published <date>', 'publication date of the articles, when the source does not say (YYYY-MM-DD)', parseDate)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--save', 'keep events in the store, queue proposals and raise alerts on stored scans')
    .option('--scan <report...>', 'JSON scan reports (covered scan --format json) to raise alerts on')
    .option('--all', 'also list articles without restriction events')
    .option('--timeout <seconds>', 'deadline for each URL', (v) => Number(v), 15)
    .option('--max-bytes <n>', 'largest document read', (v) => Number(v), 5_000_000)
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled one)');
  storeFlags(news)
    .addHelpText(
      'after',
      '\nExit codes: 0 read, no alerts; 1 alerts raised (an event targets a group in a scan); 2 usage error or a source could not be read (the others are still processed).\n' +
        'Examples:\n  covered news article.html --published 2020-08-02\n  covered news https://example.com/feed.xml --save\n  covered news notices/ --scan report.json --format json',
    )
    .action(async (sources: string[], opts: { published?: string; format: Format; save?: boolean; scan?: string[]; all?: boolean; timeout: number; maxBytes: number; kb?: string; dataDir?: string; databaseUrl?: string }) => {
      if (sources.length === 0) throw new UsageError('give at least one source (file, directory, feed or URL); see covered news --help');
      if (!(opts.timeout > 0)) throw new UsageError('--timeout must be a positive number of seconds');
      if (!(opts.maxBytes > 0)) throw new UsageError('--max-bytes must be a positive number');
      // The resolver is needed only to place scanned items in groups.
      const ctx = opts.scan || opts.save ? createContext(opts.kb) : undefined;
      const kb = ctx?.kb ?? loadKnowledgeBase(opts.kb);
      const problems: Problem[] = [];
      const read = await readSources(sources, { published: opts.published, timeout: opts.timeout * 1000, maxBytes: opts.maxBytes }, problems);
      const matcher = new MentionMatcher(kb);
      const extractor = new NewsExtractor(matcher);
      const watched = read.map(({ source, article: { official, ...article } }) => ({ source, watched: official ? watchOfficialDocument(kb, matcher, official, article.id) : watchArticle(kb, extractor, article) }));
      for (const { source, watched: w } of watched) {
        if (!w.article.published) problems.push({ source: w.article.id === source ? source : `${source} (${w.article.id})`, message: 'no publication date found; relative dates are left unresolved (give --published)' });
      }
      const exposures = opts.scan && ctx ? exposuresFromReports(ctx, opts.scan) : [];
      let alerts: Alert[] = watched.flatMap(({ watched: w }) => alertsFor(kb, w.events, exposures));
      if (opts.save) {
        await withStore(opts, async (store) => {
          const { counts: saved, alerts: storeAlerts } = await saveWatchedArticles(store, kb, watched, ctx ? labelResolver(ctx) : undefined);
          alerts = [...alerts, ...storeAlerts];
          process.stderr.write(`saved to ${store.location}: ${saved.events} new events, ${saved.proposals} new proposals, ${saved.alerts} new alerts\n`);
        });
      }
      if (opts.format === 'json') {
        const articles = watched.map(({ source, watched: w }) => ({
          source,
          id: w.article.id,
          title: w.article.title ?? null,
          url: w.article.url ?? null,
          published: w.article.published ?? null,
          mentions: w.mentions,
          events: w.events,
          proposals: w.proposals.map((pr) => ({ id: pr.id, eventId: pr.eventId, kind: pr.kind, target: pr.target, measure: pr.measure ?? null, draftFile: pr.draft.fileName })),
        }));
        write(`${JSON.stringify({ kb: { version: kb.version, hash: kb.hash }, articles, alerts, problems }, null, 2)}\n`);
      } else {
        const out = watched.map(({ watched: w }) => renderArticle(w, Boolean(opts.all), kb)).filter((s) => s.length > 0);
        const events = watched.reduce((n, { watched: w }) => n + w.events.length, 0);
        write(out.join('\n'));
        write(`${out.length > 0 ? '\n' : ''}${watched.length} article${watched.length === 1 ? '' : 's'}, ${events} restriction event${events === 1 ? '' : 's'}${watched.length > out.length ? ` (${watched.length - out.length} without events; --all lists them)` : ''}\n`);
        write(renderAlerts(alerts));
      }
      for (const pr of problems) process.stderr.write(`covered: ${pr.source}: ${pr.message}\n`);
      const unreadable = problems.some((pr) => !pr.message.startsWith('no publication date'));
      process.exitCode = unreadable ? EXIT.usage : alerts.length > 0 ? EXIT.findings : EXIT.ok;
    });

  storeFlags(
    news
      .command('queue')
      .description('list proposals for the knowledge base from news events, newest first')
      .addOption(new Option('--state <state>', 'which proposals').choices(['open', 'accepted', 'rejected', 'all']).default('open'))
      .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table')),
  )
    .addHelpText('after', '\nExit codes: 0 ok; 2 usage error or store unreachable.\nExample: covered news queue --state all')
    .action(async (options: { state: 'open' | 'accepted' | 'rejected' | 'all'; format: Format; dataDir?: string; databaseUrl?: string }, cmd: Command) => {
      const opts = withParentFlags(options, cmd);
      await withStore(opts, async (store) => {
        const proposals = await new NewsStore(store).proposals(opts.state === 'all' ? {} : { state: opts.state });
        write(opts.format === 'json' ? `${JSON.stringify({ proposals }, null, 2)}\n` : renderProposals(proposals));
      });
    });

  storeFlags(
    news
      .command('accept')
      .description('accept a proposal: write its draft record (YAML, marked draft, with the article as source) for review')
      .argument('<id>', 'proposal id, as listed by covered news queue')
      .option('--out <dir>', 'directory for the draft file (default: drafts/ in the data directory)')
      .option('--reason <text>', 'why')
      .option('--by <name>', 'who decides (default COVERED_USER or USER)'),
  )
    .addHelpText('after', '\nThe draft is not part of the knowledge base: verify it, move its records into data/, and run covered kb validate.\nExit codes: 0 ok; 2 unknown or decided proposal, usage error or store unreachable.\nExample: covered news accept p1a2b3c4 --reason "confirmed in the Federal Register"')
    .action(async (id: string, options: { out?: string; reason?: string; by?: string; dataDir?: string; databaseUrl?: string }, cmd: Command) => {
      const opts = withParentFlags(options, cmd);
      await withStore(opts, async (store) => {
        const { draftFile: file } = await decided(() => acceptProposal(store, id, { by: decider(opts), reason: opts.reason, draftDir: resolve(opts.out ?? join(storeOptions(opts).dataDir, 'drafts')) }));
        write(`accepted ${id}; draft written to ${file}\nIt is not in the knowledge base yet: check it against the official text, move its records into data/, then run covered kb validate.\n`);
      });
    });

  storeFlags(
    news
      .command('reject')
      .description('reject a proposal (the event stays recorded; nothing is written)')
      .argument('<id>', 'proposal id')
      .requiredOption('--reason <text>', 'why (kept with the decision and in the audit log)')
      .option('--by <name>', 'who decides (default COVERED_USER or USER)'),
  )
    .addHelpText('after', '\nExit codes: 0 ok; 2 unknown or decided proposal, usage error or store unreachable.\nExample: covered news reject p1a2b3c4 --reason "opinion piece, no act"')
    .action(async (id: string, options: { reason: string; by?: string; dataDir?: string; databaseUrl?: string }, cmd: Command) => {
      const opts = withParentFlags(options, cmd);
      await withStore(opts, async (store) => {
        await decided(() => rejectProposal(store, id, { by: decider(opts), reason: opts.reason }));
        write(`rejected ${id}\n`);
      });
    });

  storeFlags(
    news
      .command('alerts')
      .description('list alerts raised by saved news events on stored scans, newest first')
      .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table')),
  )
    .addHelpText('after', '\nExit codes: 0 ok; 2 usage error or store unreachable.\nExample: covered news alerts --format json')
    .action(async (options: { format: Format; dataDir?: string; databaseUrl?: string }, cmd: Command) => {
      const opts = withParentFlags(options, cmd);
      await withStore(opts, async (store) => {
        const alerts = await new NewsStore(store).alerts();
        if (opts.format === 'json') write(`${JSON.stringify({ alerts }, null, 2)}\n`);
        else write(alerts.length === 0 ? 'No alerts.\n' : renderAlerts(alerts));
      });
    });

  return news;
}
