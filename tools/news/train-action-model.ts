/**
 * `node --import tsx tools/news/train-action-model.ts --out FILE [--corpus DIR] [--half a|b] [--margin M]
 *   [--features t,w,s,r] [--candidates sentence|span] [--drop] [--dump]`
 *
 * Trains the action model (`src/news/action-model.ts`) on the development part of the labelled real
 * articles (test/fixtures/news/real-gold.jsonl; the test part's articles are never read), and writes
 * it as JSON. Deterministic: the same labels, corpus and knowledge base give the same file. Feature
 * families: `t` the trigger's lemmas, `w` the eight lemmas either side, `s` the sentence's, `r` the
 * lexicon's kind (default all). `--margin` (natural log, default 2) is how much more probable another
 * kind must be to replace the lexicon's; `--candidates` which kinds may (default `sentence`); `--drop`
 * makes a model that leaves out readings it finds more probably no act instead of re-kinding.
 * The shipped model: `--features t,r --drop --margin 4 --out src/news/models/action-nb.json`.
 *
 * Examples are the extractor's readings before consolidation, with the lexicon's kinds alone (no
 * model), labelled by `readingLabel` (src/news/corpus.ts). `tools/news/cv-action-model.ts`
 * cross-validates settings without writing models.
 *
 * `--half a` (or `b`) trains on that half of the development part only, for cross-validation: train on
 * one half, score the other with `npm run eval:news -- --dev-half b --action-model FILE`.
 * `--dump` prints the examples whose label differs from the lexicon's kind.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { MentionMatcher } from '../../src/news/mentions.js';
import { NewsExtractor } from '../../src/news/extract.js';
import { articleFromText } from '../../src/news/parse.js';
import { actionFeatures, trainActionModel } from '../../src/news/action-model.js';
import { devHalfOf, isExcluded, readingLabel, splitOf } from '../../src/news/corpus.js';
import { devGold, readCorpus } from './dev-corpus.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const half = opt('--half');
if (half !== undefined && half !== 'a' && half !== 'b') {
  console.error('train-action-model: --half takes a or b');
  process.exit(2);
}
const margin = Number(opt('--margin') ?? '2');
const families = opt('--features')?.split(',');
const candidates = opt('--candidates') as 'sentence' | 'span' | undefined;
if (candidates !== undefined && candidates !== 'sentence' && candidates !== 'span') {
  console.error('train-action-model: --candidates takes sentence or span');
  process.exit(2);
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const outArg = opt('--out');
if (!outArg) {
  console.error('train-action-model: give --out FILE');
  process.exit(2);
}
const out = resolve(outArg);
const corpus = resolve(opt('--corpus') ?? join(root, '..', 'shared', 'news-corpus'));
const { excluded, manifest } = readCorpus(corpus, 'train-action-model');
// Only development articles, and of them only the half asked for: the test part is never read.
const gold = devGold(root).filter((g) => half === undefined || devHalfOf(g.id) === half);

const kb = loadKnowledgeBase();
const extractor = new NewsExtractor(new MentionMatcher(kb), { actionModel: null });
const examples: { features: string[]; label: string }[] = [];
let articles = 0;
for (const g of gold) {
  const row = manifest.get(g.id);
  if (!row || row.url !== g.url || isExcluded(row.url, excluded) || splitOf(row.url) !== 'dev') continue;
  articles++;
  const text = readFileSync(join(corpus, 'articles', `${g.id}.txt`), 'utf8');
  const fromPage = articleFromText(g.id, text);
  const article = { ...fromPage, published: row.published ?? fromPage.published };
  for (const e of extractor.readings(article).events) {
    if (e.official) continue;
    const label = readingLabel(kb, g, e);
    examples.push({ features: actionFeatures(e.evidence, e.trigger, e.action, families), label });
    if (args.includes('--dump') && label !== e.action) console.log(`${g.id} ${e.action} -> ${label}  [${e.trigger}] «${e.evidence.slice(0, 160)}»`);
  }
}
const model = trainActionModel(examples, margin, { articles, readings: examples.length, split: half ? `dev half ${half}` : 'dev' }, families, candidates, args.includes('--drop'));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(model)}\n`);
const byLabel = new Map<string, number>();
for (const e of examples) byLabel.set(e.label, (byLabel.get(e.label) ?? 0) + 1);
console.log(`action model: ${articles} articles, ${examples.length} readings (${[...byLabel].sort().map(([l, n]) => `${l} ${n}`).join(', ')}), ${Object.keys(model.likelihood).length} features, margin ${margin} → ${out}`);
