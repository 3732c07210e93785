/**
 * `npm run eval:news [-- --corpus DIR] [--errors]`: runs the news extractor over the real articles
 * of a news corpus (default ../shared/news-corpus beside the checkout: articles/NNN.txt and
 * manifest.jsonl) against the project's labels (test/fixtures/news/real-gold.jsonl, by URL and
 * id; labelling guide in docs/news.md) and prints the development and test splits side by side.
 * Articles whose URL hash is in the corpus's excluded-url-hashes.txt are never read.
 *
 * `--dev` prints the development split only, and `--errors` lists the development split's errors only: the test split is for reporting, not for
 * tuning. The development split is also shown in two halves cut by the article's id (`devHalfOf`):
 * `--dev-half a` (or `b`) prints that half alone and lists only its errors, so that a mechanism can be
 * chosen from one half's errors and checked on the other before the test split's figures are read.
 *
 * `--gold FILE` scores another labelled corpus in the same layout (a fresh set of pages labelled
 * outside the project, given with `--corpus`): all its articles are read as one part, whatever split
 * their labels name, and `--errors` lists that part's errors.
 *
 * `--action-model FILE` scores with another action model than the one shipped
 * (`tools/news/train-action-model.ts --half a --out FILE` trains one on half a only, to score half b);
 * `--action-model none` with the lexicon's kinds alone.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { MentionMatcher } from '../../src/news/mentions.js';
import { NewsExtractor } from '../../src/news/extract.js';
import { loadActionModel } from '../../src/news/action-model.js';
import { linkEvent } from '../../src/news/link.js';
import { articleFromText } from '../../src/news/parse.js';
import { prf } from '../../src/news/evaluate.js';
import { readCorpus } from '../news/dev-corpus.js';
import { devHalfOf, emptyScore, isExcluded, scoreRealArticle, splitOf, type GoldRealArticle, type SplitScore } from '../../src/news/corpus.js';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
// While tuning, `--dev` keeps the test split's figures out of sight.
const devOnly = args.includes('--dev');
const halfArg = args.indexOf('--dev-half');
const onlyHalf = halfArg >= 0 ? args[halfArg + 1] : undefined;
if (onlyHalf !== undefined && onlyHalf !== 'a' && onlyHalf !== 'b') {
  console.error('eval:news: --dev-half takes a or b');
  process.exit(2);
}
const corpusArg = args.indexOf('--corpus');
const corpus = resolve(corpusArg >= 0 ? (args[corpusArg + 1] ?? '') : join(process.cwd(), '..', 'shared', 'news-corpus'));
const goldArg = args.indexOf('--gold');
/** A corpus labelled outside the project: one part, read whole. */
const external = goldArg >= 0;
const goldFile = external ? resolve(args[goldArg + 1] ?? '') : 'test/fixtures/news/real-gold.jsonl';

const { excluded, manifest } = readCorpus(corpus, 'eval:news');
const gold = readFileSync(goldFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldRealArticle)
  .map((g) => (external ? { ...g, split: 'dev' as const } : g));

const kb = loadKnowledgeBase();
const modelArg = args.indexOf('--action-model');
const modelFile = modelArg >= 0 ? args[modelArg + 1] : undefined;
const extractor = new NewsExtractor(new MentionMatcher(kb), modelFile === undefined ? {} : { actionModel: modelFile === 'none' ? null : loadActionModel(modelFile) });
// `--action-margin M` overrides the model's margin (to choose one on one half and check it on the other).
const marginArg = args.indexOf('--action-margin');
if (marginArg >= 0) {
  const m = extractor.actionModelInUse();
  if (m) m.margin = Number(args[marginArg + 1]);
}
const scores: Record<'dev' | 'test' | 'a' | 'b', SplitScore> = { dev: emptyScore(), test: emptyScore(), a: emptyScore(), b: emptyScore() };
/** The same scores per kind of text in the manifest (news, law-firm, official, negative), per split. */
const byTextKind = new Map<string, Record<'dev' | 'test', SplitScore>>();
let skipped = 0;
/** Articles outside the part asked for (`--dev`, `--dev-half`): not read. */
let notAsked = 0;
/** Of the articles whose manifest has a date: how often the page's own text gives the same one, or another. */
const pageDates = { total: 0, right: 0, wrong: 0 };
const started = performance.now();

for (const g of gold) {
  const row = manifest.get(g.id);
  if (!row || row.url !== g.url) {
    console.error(`eval:news: ${goldFile}: article ${g.id} is not in the corpus manifest with URL ${g.url}; skipped`);
    skipped++;
    continue;
  }
  if (isExcluded(row.url, excluded)) {
    skipped++;
    continue;
  }
  // With the development part alone asked for, the test part's articles are not read at all.
  if (((devOnly || onlyHalf) && g.split === 'test') || (onlyHalf && devHalfOf(g.id) !== onlyHalf)) {
    notAsked++;
    continue;
  }
  if (!external && splitOf(row.url) !== g.split) throw new Error(`${goldFile}: article ${g.id} is labelled ${g.split} but its URL puts it in ${splitOf(row.url)}`);
  const text = readFileSync(join(corpus, 'articles', `${g.id}.txt`), 'utf8');
  // The manifest's date when it has one (as a feed item or a URL gives it); else what the page says.
  const fromPage = articleFromText(g.id, text);
  if (row.published) {
    pageDates.total++;
    if (fromPage.published === row.published) pageDates.right++;
    else if (fromPage.published) pageDates.wrong++;
  }
  const article = { ...fromPage, published: row.published ?? fromPage.published };
  const result = extractor.extract(article);
  const link = (e: Parameters<typeof linkEvent>[1]) => linkEvent(kb, e, article.published);
  const mentioned = new Set(result.mentions.map((m) => kb.organisations[m.entity.id]?.group ?? kb.products[m.entity.id]?.group ?? m.entity.group));
  scoreRealArticle(kb, g, result.events, link, scores[g.split], mentioned);
  if (g.split === 'dev') scoreRealArticle(kb, g, result.events, link, scores[devHalfOf(g.id)], mentioned);
  const kindScores = byTextKind.get(row.kind) ?? { dev: emptyScore(), test: emptyScore() };
  byTextKind.set(row.kind, kindScores);
  scoreRealArticle(kb, g, result.events, link, kindScores[g.split], mentioned);
}
const ms = performance.now() - started;

const ratio = (a: number, b: number) => (b === 0 ? '   –  ' : `${(a / b).toFixed(3)} `);
const rows: [string, (s: SplitScore) => string][] = [
  ['articles (of them without events)', (s) => `${s.articles} (${s.negatives})`],
  ['strict event precision', (s) => prf(s.strict).precision.toFixed(3)],
  ['strict event recall', (s) => prf(s.strict).recall.toFixed(3)],
  ['strict event F1', (s) => `${prf(s.strict).f1.toFixed(3)} (tp ${s.strict.tp}, fp ${s.strict.fp}, fn ${s.strict.fn})`],
  ['events on articles without events', (s) => String(s.eventsOnNegatives)],
  ['missed: status/action/unatt/unnamed', (s) => `${s.misses.status} / ${s.misses.action} / ${s.misses.unattached} / ${s.misses.unnamed}`],
  ['matched on action + target', (s) => String(s.matched)],
  ['  status right', (s) => `${ratio(s.status, s.matched)}(${s.status}/${s.matched})`],
  ['  actor right', (s) => `${ratio(s.actor, s.matched)}(${s.actor}/${s.matched})`],
  ['  date within 7 days', (s) => `${ratio(s.dates.right, s.dates.total)}(${s.dates.right}/${s.dates.total})`],
  ['  measure link right', (s) => `${ratio(s.links.right, s.links.total)}(${s.links.right}/${s.links.total})`],
];
console.log(`news evaluation on ${relative(process.cwd(), corpus) || '.'}: ${gold.length - skipped - notAsked} articles in ${ms.toFixed(0)} ms${skipped ? ` (${skipped} skipped)` : ''}`);
const columns: [string, SplitScore][] = external
  ? [['all', scores.dev]]
  : onlyHalf
  ? [[`dev half ${onlyHalf}`, scores[onlyHalf]]]
  : [['dev', scores.dev], ['dev half a', scores.a], ['dev half b', scores.b], ...(devOnly ? [] : [['test', scores.test] as [string, SplitScore]])];
console.log(`${''.padEnd(36)}${columns.map(([name]) => name.padEnd(30)).join('')}`);
for (const [label, f] of rows) console.log(`${label.padEnd(36)}${columns.map(([, s]) => f(s).padEnd(30)).join('')}`.trimEnd());
console.log(`publication date read from the page itself: ${pageDates.right} of ${pageDates.total} dated articles agree with the manifest, ${pageDates.wrong} differ, ${pageDates.total - pageDates.right - pageDates.wrong} none found`);
// Which kind boundaries fail, per part: counts only, so the test part's can be read without its errors.
const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ') || 'none';
for (const [name, s] of columns) {
  console.log(`${name}: missed as another action (labelled → extracted): ${counted(s.kindConfusion)}`);
  console.log(`${name}: named but not attached, by labelled action: ${counted(s.unattachedByKind)}`);
  const u = s.unattachedBy;
  console.log(`${name}: named but not attached, by what the article yields: an event of that kind on other targets ${u.sameKindElsewhere}, events of other kinds only ${u.otherKindsOnly}, no event ${u.noEvents}`);
  console.log(`${name}: articles with labelled events and nothing extracted: ${s.silent.articles} (${s.silent.events} labelled events)`);
}
if (!onlyHalf) {
  const splits = devOnly || external ? (['dev'] as const) : (['dev', 'test'] as const);
  for (const [kind, kindScores] of [...byTextKind].sort((x, y) => x[0].localeCompare(y[0]))) {
    const cells = splits.map((split) => {
      const s = kindScores[split];
      return `${split} ${s.articles} articles, strict F1 ${prf(s.strict).f1.toFixed(3)} (tp ${s.strict.tp}, fp ${s.strict.fp}, fn ${s.strict.fn})`;
    });
    console.log(`by kind of text, ${kind}: ${cells.join('; ')}`);
  }
}
if (showErrors) console.log(onlyHalf ? `\ndevelopment half ${onlyHalf} errors:\n${scores[onlyHalf].errors.join('\n')}` : `\ndevelopment split errors:\n${scores.dev.errors.join('\n')}`);
