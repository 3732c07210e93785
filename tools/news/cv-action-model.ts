/**
 * `node --import tsx tools/news/cv-action-model.ts [--corpus DIR]`
 *
 * Cross-validates the action model (`src/news/action-model.ts`) on the development part of the
 * labelled real articles, in one process: the lexicon's readings of every development article are
 * taken once, then for each setting (feature families, which kinds may compete, margin) a model is
 * trained on one part and the readings of the other are re-kinded, consolidated and scored with the
 * evaluation's strict event F1 — trained on half a and scored on half b, the reverse, and leave one
 * article out (trained on the other 91). The test part's articles are never read. Prints one row per
 * setting, and the lexicon alone first. `--drop`: the model leaves out readings it finds more
 * probably no labelled act (`none`) instead of re-kinding them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { MentionMatcher } from '../../src/news/mentions.js';
import { NewsExtractor, rekindReadings, type RestrictionEvent } from '../../src/news/extract.js';
import { linkEvent } from '../../src/news/link.js';
import { articleFromText } from '../../src/news/parse.js';
import { prf } from '../../src/news/evaluate.js';
import { actionFeatures, scoreAction, trainActionModel, type ActionModel } from '../../src/news/action-model.js';
import { devHalfOf, emptyScore, isExcluded, readingLabel, scoreRealArticle, splitOf, type GoldRealArticle, type SplitScore } from '../../src/news/corpus.js';
import { devGold, readCorpus } from './dev-corpus.js';

const args = process.argv.slice(2);
const corpusArg = args.indexOf('--corpus');
const root = fileURLToPath(new URL('../../', import.meta.url));
const corpus = resolve(corpusArg >= 0 ? (args[corpusArg + 1] ?? '') : join(root, '..', 'shared', 'news-corpus'));
const { excluded, manifest } = readCorpus(corpus, 'cv-action-model');
const gold = devGold(root);

const kb = loadKnowledgeBase();
const extractor = new NewsExtractor(new MentionMatcher(kb), { actionModel: null });
interface Item {
  gold: GoldRealArticle;
  half: 'a' | 'b';
  published?: string;
  readings: RestrictionEvent[];
  mentioned: Set<string>;
  examples: { features: string[]; label: string; evidence: string; trigger: string; action: string }[];
}
const items: Item[] = [];
for (const g of gold) {
  const row = manifest.get(g.id);
  if (!row || row.url !== g.url || isExcluded(row.url, excluded) || splitOf(row.url) !== 'dev') continue;
  const fromPage = articleFromText(g.id, readFileSync(join(corpus, 'articles', `${g.id}.txt`), 'utf8'));
  const article = { ...fromPage, published: row.published ?? fromPage.published };
  const r = extractor.readings(article);
  items.push({
    gold: g,
    half: devHalfOf(g.id),
    published: article.published,
    readings: r.events,
    mentioned: new Set(r.mentions.map((m) => kb.organisations[m.entity.id]?.group ?? kb.products[m.entity.id]?.group ?? m.entity.group)),
    examples: r.events.filter((e) => !e.official).map((e) => ({ features: actionFeatures(e.evidence, e.trigger, e.action), label: readingLabel(kb, g, e), evidence: e.evidence, trigger: e.trigger, action: e.action })),
  });
}

const only = (features: string[], families: string[]) => features.filter((f) => families.includes(f.slice(0, 1)));
function train(from: Item[], families: string[], candidates: ActionModel['candidates'], margin: number): ActionModel {
  return trainActionModel(
    from.flatMap((i) => i.examples.map((x) => ({ features: only(x.features, families), label: x.label }))),
    margin,
    undefined,
    families,
    candidates,
  );
}
/** `--drop`: instead of re-kinding, leave out the readings the model finds more probably `none` (no labelled act) than their kind, by more than the margin. */
const drop = args.includes('--drop');
function score(item: Item, model: ActionModel | null, into: SplitScore[]): void {
  let events = structuredClone(item.readings);
  if (model && drop) events = events.filter((e) => {
    if (e.official) return true;
    const s = scoreAction(model, actionFeatures(e.evidence, e.trigger, e.action, model.features));
    return !((s.none ?? -Infinity) - (s[e.action] ?? -Infinity) > model.margin);
  });
  else if (model) rekindReadings(events, model);
  const consolidated = extractor.consolidateReadings(events);
  for (const s of into) scoreRealArticle(kb, item.gold, consolidated, (e) => linkEvent(kb, e, item.published), s, item.mentioned);
}
const f1 = (s: SplitScore) => `${prf(s.strict).f1.toFixed(3)} (tp ${s.strict.tp}, fp ${s.strict.fp})`;

const settings: { families: string[]; candidates: ActionModel['candidates']; margin: number }[] = [];
for (const families of [['t', 'w', 's', 'r'], ['t', 'w', 'r'], ['t', 'r']])
  for (const candidates of drop ? (['sentence'] as const) : (['sentence', 'span'] as const)) for (const margin of [0, 2, 4, 8]) settings.push({ families, candidates, margin });

const base = { a: emptyScore(), b: emptyScore(), dev: emptyScore() };
for (const i of items) score(i, null, [base[i.half], base.dev]);
console.log(`action model cross-validation on ${items.length} development articles (${items.reduce((n, i) => n + i.examples.length, 0)} readings); strict event F1`);
console.log(`${'setting'.padEnd(34)}${'a → b'.padEnd(24)}${'b → a'.padEnd(24)}${'leave one out: dev'.padEnd(24)}${'(half a'.padEnd(22)}half b)`);
console.log(`${'lexicon alone'.padEnd(34)}${f1(base.b).padEnd(24)}${f1(base.a).padEnd(24)}${f1(base.dev).padEnd(24)}${f1(base.a).padEnd(22)}${f1(base.b)}`);
for (const { families, candidates, margin } of settings) {
  const halves = { a: emptyScore(), b: emptyScore() };
  const models = { a: train(items.filter((i) => i.half === 'a'), families, candidates, margin), b: train(items.filter((i) => i.half === 'b'), families, candidates, margin) };
  for (const i of items) score(i, models[i.half === 'a' ? 'b' : 'a'], [halves[i.half]]);
  const loo = { a: emptyScore(), b: emptyScore(), dev: emptyScore() };
  for (const i of items) score(i, train(items.filter((o) => o !== i), families, candidates, margin), [loo[i.half], loo.dev]);
  const name = `${families.join('')} ${drop ? 'drop' : candidates} margin ${margin}`;
  console.log(`${name.padEnd(34)}${f1(halves.b).padEnd(24)}${f1(halves.a).padEnd(24)}${f1(loo.dev).padEnd(24)}${f1(loo.a).padEnd(22)}${f1(loo.b)}`);
}
