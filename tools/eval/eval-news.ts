/**
 * `npm run eval:news [-- DIR] [--errors]`: runs the news extractor over labelled articles
 * (`<name>.txt` + `<name>.gold.yaml`, see test/fixtures/news/README.md) and prints precision,
 * recall and F1 for events — each (actor, action, target, status) tuple — and for mentions of
 * knowledge-base groups, plus how often an event is linked to the measure the gold names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { MentionMatcher } from '../../src/news/mentions.js';
import { NewsExtractor } from '../../src/news/extract.js';
import { linkEvent } from '../../src/news/link.js';
import { prf, scoreArticle, type Counts, type GoldArticle } from '../../src/news/evaluate.js';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const dir = args.find((a) => !a.startsWith('--')) ?? 'test/fixtures/news';

const kb = loadKnowledgeBase();
const extractor = new NewsExtractor(new MentionMatcher(kb));
const total = { events: { tp: 0, fp: 0, fn: 0 }, mentions: { tp: 0, fp: 0, fn: 0 }, links: { right: 0, total: 0 } };
const errors: string[] = [];
let articles = 0;
const started = performance.now();

for (const goldFile of readdirSync(dir).filter((f) => f.endsWith('.gold.yaml')).sort()) {
  const name = goldFile.replace(/\.gold\.yaml$/, '');
  const gold = parse(readFileSync(join(dir, goldFile), 'utf8')) as GoldArticle;
  const published = String(gold.published);
  const result = extractor.extract({ id: name, text: readFileSync(join(dir, `${name}.txt`), 'utf8'), published });
  const score = scoreArticle(kb, name, result.events, result.mentions.map((m) => m.entity.group), gold, (e) => linkEvent(kb, e, published));
  for (const k of ['tp', 'fp', 'fn'] as const) {
    total.events[k] += score.events[k];
    total.mentions[k] += score.mentions[k];
  }
  total.links.right += score.links.right;
  total.links.total += score.links.total;
  errors.push(...score.errors);
  articles++;
}

const ms = performance.now() - started;
const line = (c: Counts) => {
  const { precision, recall, f1 } = prf(c);
  return `precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  F1 ${f1.toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
};
console.log(`news evaluation: ${articles} articles in ${dir} (${ms.toFixed(0)} ms)`);
console.log(`events   (actor, action, target, status): ${line(total.events)}`);
console.log(`mentions (knowledge-base groups):         ${line(total.mentions)}`);
console.log(`linking  (event → measure named in gold):  ${total.links.right}/${total.links.total} right`);
if (showErrors && errors.length > 0) console.log(`\n${errors.join('\n')}`);
else if (errors.length > 0) console.log(`(${errors.length} errors; add --errors to list them)`);
