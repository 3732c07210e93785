/**
 * `npm run bench:news [-- --corpus DIR]`: reading a directory of 100 articles.
 *
 * 1. In process: the extractor (sentences, mentions, events, links) over 100 real articles of the
 *    news corpus (default ../shared/news-corpus; the constructed test articles repeated when it is
 *    absent), against the baseline of the same texts through the knowledge base's mention finder
 *    alone (one Aho–Corasick pass): articles/s and the ratio.
 * 2. End to end: `covered news DIR --format json` (the compiled command when built) on a directory
 *    holding the same 100 articles, wall-clock seconds including start-up and loading the
 *    knowledge base. On a shared machine wall-clock time includes waiting for a core.
 *
 * Results are printed and written to bench-out/bench-news.json. Copies of the articles go to a
 * temporary directory and are deleted afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { MentionMatcher } from '../../src/news/mentions.js';
import { NewsExtractor } from '../../src/news/extract.js';
import { linkEvent } from '../../src/news/link.js';
import { articleFromText } from '../../src/news/parse.js';

const args = process.argv.slice(2);
const corpusArg = args.indexOf('--corpus');
const corpus = resolve(corpusArg >= 0 ? (args[corpusArg + 1] ?? '') : join(process.cwd(), '..', 'shared', 'news-corpus'));
const COUNT = 100;

function texts(): { name: string; text: string }[] {
  const dir = join(corpus, 'articles');
  if (existsSync(dir)) {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, COUNT)
      .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
  }
  const fixtures = 'test/fixtures/news';
  const own = readdirSync(fixtures).filter((f) => f.endsWith('.txt'));
  return Array.from({ length: COUNT }, (_, i) => {
    const f = own[i % own.length] as string;
    return { name: `${String(i).padStart(3, '0')}-${f}`, text: readFileSync(join(fixtures, f), 'utf8') };
  });
}

const articles = texts();
const source = existsSync(join(corpus, 'articles')) ? `${articles.length} real articles` : `${articles.length} constructed articles (no corpus found)`;
const kb = loadKnowledgeBase();
const matcher = new MentionMatcher(kb);
const extractor = new NewsExtractor(matcher);
// Warm both paths once, so neither pays for compilation inside the timing.
extractor.extract(articleFromText('warm', articles[0]?.text ?? ''));

let t = performance.now();
let mentions = 0;
for (const a of articles) mentions += matcher.find(a.text).length;
const baselineMs = performance.now() - t;

t = performance.now();
let events = 0;
for (const a of articles) {
  const article = articleFromText(a.name, a.text);
  const result = extractor.extract(article);
  for (const e of result.events) linkEvent(kb, e, article.published);
  events += result.events.length;
}
const extractMs = performance.now() - t;

const dir = mkdtempSync(join(tmpdir(), 'covered-bench-news-'));
let cliSeconds = Number.NaN;
let cliExit: number | null = null;
let cliCpuSeconds = Number.NaN;
try {
  for (const a of articles) writeFileSync(join(dir, a.name), a.text);
  t = performance.now();
  // The compiled command when `npm run build` has made it, as users run it; else the sources through tsx.
  const command = existsSync('dist/cli/main.js') ? ['dist/cli/main.js'] : ['--import', 'tsx', 'src/cli/main.ts'];
  // /usr/bin/time (GNU time) reports the command's CPU seconds, which a busy machine does not inflate.
  const timed = existsSync('/usr/bin/time');
  const argv = [process.execPath, ...command, 'news', dir, '--format', 'json'];
  const run = timed
    ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', ...argv], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    : spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  cliSeconds = (performance.now() - t) / 1000;
  cliExit = run.status;
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  if (cpu) cliCpuSeconds = Number(cpu[1]) + Number(cpu[2]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);
const result = {
  source,
  baseline: { what: 'mention finder only (Aho–Corasick)', ms: Math.round(baselineMs), articlesPerSecond: Number(rate(articles.length, baselineMs)), mentions },
  extractor: { what: 'sentences, mentions, events and links', ms: Math.round(extractMs), articlesPerSecond: Number(rate(articles.length, extractMs)), events },
  ratio: Number((extractMs / baselineMs).toFixed(1)),
  cli: { what: 'covered news DIR --format json (start-up and knowledge base included)', seconds: Number(cliSeconds.toFixed(2)), cpuSeconds: Number(cliCpuSeconds.toFixed(2)), exit: cliExit },
};
console.log(`news: ${source}`);
console.log(`  baseline  mention finder only           ${result.baseline.articlesPerSecond} articles/s (${result.baseline.ms} ms)`);
console.log(`  extractor sentences, events and links   ${result.extractor.articlesPerSecond} articles/s (${result.extractor.ms} ms), ${result.ratio}× the baseline's time`);
console.log(`  covered news DIR --format json          ${result.cli.seconds} s wall clock, ${Number.isNaN(cliCpuSeconds) ? '?' : cliCpuSeconds.toFixed(2)} s CPU for ${articles.length} articles (exit ${cliExit}; 0 or 1 is a complete run)`);
mkdirSync('bench-out', { recursive: true });
writeFileSync('bench-out/bench-news.json', `${JSON.stringify(result, null, 2)}\n`);
