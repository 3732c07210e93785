/**
 * What is fuzzed: every reader of `covered scan` (each format forced, and recognition from the
 * content), the news parsers and extractor, and the matcher's entry points (the resolver for
 * every field, and pair matching). A reader may refuse a file with an InputError (a located
 * message); anything else it throws, or a hang, is a crash.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createContext, type Context } from '../src/app/context.js';
import { readInventory, type InputFormat } from '../src/ingest/read-inventory.js';
import { HostSuffixFilter } from '../src/ingest/host-filter.js';
import { CorporateGraph } from '../src/kb/graph.js';
import { FIELD_KINDS, InputError, type FieldKind } from '../src/model/item.js';
import { matchPair } from '../src/match/pair.js';
import { NewsExtractor, type Article } from '../src/news/extract.js';
import { MentionMatcher } from '../src/news/mentions.js';
import { articlesFromFeed, articleFromText, SourceError } from '../src/news/parse.js';
import { ArticleError, readArticle } from '../src/server/article.js';
import { listedDomains } from '../src/screen/sightings.js';
import type { FuzzTarget } from './engine.js';

const ROOT = new URL('../', import.meta.url).pathname;
const FORMATS = join(ROOT, 'test', 'fixtures', 'ingest', 'formats');
const INGEST = join(ROOT, 'test', 'fixtures', 'ingest');
const SEEDS = join(ROOT, 'fuzz', 'seeds');

const files = (dir: string, pattern: RegExp) => readdirSync(dir).filter((name) => pattern.test(name)).map((name) => join(dir, name));

/** Items screened per input by a reader target. */
const SCREENED = 20;
/**
 * What a news reader gives must be an article the extractor can take: text as a string, a
 * publication date absent or a calendar date. (Reading events has its own target, news-text: at
 * about 20 ms per thousand characters it would make these targets measure the extractor.)
 */
function checkArticle(article: Article): void {
  if (typeof article.text !== 'string') throw new Error(`${article.id}: the text is not a string`);
  if (article.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(article.published)) throw new Error(`${article.id}: publication date ${JSON.stringify(article.published)} is not YYYY-MM-DD`);
}

let context: Context | undefined;
const ctx = () => (context ??= createContext());
let hostFilter: HostSuffixFilter | undefined;
let extractor: NewsExtractor | undefined;

/** A reader target: the input as standard input, the format forced (or recognised when undefined). */
function reader(name: string, format: InputFormat | undefined, seeds: string[]): FuzzTarget {
  return {
    name,
    seeds,
    async run(input) {
      hostFilter ??= new HostSuffixFilter(listedDomains(ctx().kb));
      const records = readInventory('-', { stdin: Readable.from([input]), ...(format ? { inputFormat: format } : {}), hostFilter, wantHost: () => true });
      let screened = 0;
      for await (const record of records) {
        // Whatever a reader gives must be screenable. Every item is read; the first few of each
        // input are screened (screening was most of a reader target's time, and the rows of one
        // input mostly differ only in their values).
        if (record.kind === 'item' && screened++ < SCREENED) ctx().engine.screen(record.item, { asOf: '2026-11-22', profile: ctx().kb.profiles.all!, includeHistorical: false });
      }
    },
    expected: (error) => error instanceof InputError,
  };
}

function resolverTarget(field: FieldKind, seeds: string[]): FuzzTarget {
  return {
    name: `match-${field}`,
    seeds,
    async run(input) {
      // The ingest cap (1,000 characters) bounds what reaches the resolver.
      for (const value of input.toString('utf8').split('\n')) if (value.trim() && value.length <= 1000) ctx().resolver.resolve(field, value.trim());
    },
    expected: () => false,
  };
}

const csvSeeds = [...files(INGEST, /\.(csv|tsv|txt)$/), ...files(FORMATS, /\.csv$/), join(ROOT, 'examples', 'inventory.csv')];

export const TARGETS: FuzzTarget[] = [
  reader('csv', 'csv', csvSeeds),
  reader('json', 'json', files(INGEST, /\.json$/)),
  reader('jsonl', 'jsonl', files(INGEST, /\.jsonl$/)),
  reader('xlsx', 'xlsx', files(SEEDS, /\.xlsx$/)),
  reader('cyclonedx-json', 'cyclonedx-json', files(FORMATS, /^cyclonedx.*\.json$/)),
  reader('cyclonedx-xml', 'cyclonedx-xml', files(FORMATS, /^cyclonedx.*\.xml$/)),
  reader('spdx-json', 'spdx-json', files(FORMATS, /^spdx.*\.json$/)),
  reader('spdx-tag-value', 'spdx-tag-value', files(FORMATS, /\.spdx$/)),
  reader('nmap', 'nmap-xml', files(FORMATS, /^nmap/)),
  reader('arp', 'arp', files(FORMATS, /^arp/)),
  reader('ip-neigh', 'ip-neigh', files(FORMATS, /^ip-neigh/)),
  reader('dhcpd-leases', 'dhcpd-leases', files(FORMATS, /^dhcpd/)),
  reader('dnsmasq-leases', 'dnsmasq-leases', files(FORMATS, /^dnsmasq\.leases$/)),
  reader('zeek-tsv', 'zeek-tsv', files(FORMATS, /^zeek.*\.log$/)),
  reader('zeek-json', 'zeek-json', files(FORMATS, /^zeek.*\.json$/)),
  reader('bind-querylog', 'bind-querylog', files(FORMATS, /^bind/)),
  reader('dnsmasq-log', 'dnsmasq-log', files(FORMATS, /^pihole/)),
  reader('squid-log', 'squid-log', files(FORMATS, /^squid/)),
  reader('adb-packages', 'adb-packages', files(FORMATS, /^adb/)),
  reader('gradle', 'gradle', files(FORMATS, /^build\.gradle/)),
  reader('gradle-lockfile', 'gradle-lockfile', files(FORMATS, /^gradle\.lockfile$/)),
  reader('gradle-version-catalog', 'gradle-version-catalog', files(FORMATS, /\.versions\.toml$/)),
  reader('maven-pom', 'maven-pom', files(FORMATS, /^pom\.xml$/)),
  reader('podfile-lock', 'podfile-lock', files(FORMATS, /^Podfile\.lock$/)),
  reader('podfile', 'podfile', files(FORMATS, /^Podfile$/)),
  reader('yarn-lock', 'yarn-lock', files(FORMATS, /^yarn.*\.lock$/)),
  reader('pnpm-lock', 'pnpm-lock', files(FORMATS, /^pnpm-lock/)),
  reader('detect', undefined, [...files(FORMATS, /./).filter((f) => !f.endsWith('README.md')), ...csvSeeds]),
  {
    name: 'news-html',
    seeds: [join(SEEDS, 'article.html')],
    async run(input) {
      // As the server reads a submitted page (articleFromHtml itself throws on some damaged pages).
      checkArticle(readArticle({ text: input.toString('utf8'), label: 'fuzz.html', format: 'html' }));
    },
    expected: (error) => error instanceof ArticleError,
  },
  {
    name: 'news-feed',
    seeds: files(SEEDS, /\.(rss|atom)$/),
    async run(input) {
      for (const article of articlesFromFeed('fuzz.xml', input.toString('utf8'))) checkArticle(article);
    },
    expected: (error) => error instanceof SourceError,
  },
  {
    name: 'news-text',
    seeds: files(join(ROOT, 'test', 'fixtures', 'news'), /\.txt$/).slice(0, 8),
    async run(input) {
      extractor ??= new NewsExtractor(new MentionMatcher(ctx().kb));
      extractor.extract(articleFromText('fuzz.txt', input.toString('utf8').slice(0, 20_000), '2026-11-22'));
    },
    expected: (error) => error instanceof SourceError,
  },
  ...FIELD_KINDS.map((field) => resolverTarget(field, [join(SEEDS, 'values.txt')])),
  {
    name: 'match-pair',
    seeds: [join(SEEDS, 'values.txt')],
    async run(input) {
      const [a = '', b = ''] = input.toString('utf8').split('\n');
      if (a.length > 1000 || b.length > 1000) return;
      const { kb, resolver } = ctx();
      matchPair(a, b, resolver.names, new CorporateGraph(kb), '2026-11-22');
    },
    expected: () => false,
  },
];

export function seedsOf(target: FuzzTarget): Buffer[] {
  return target.seeds.map((file) => readFileSync(file));
}
