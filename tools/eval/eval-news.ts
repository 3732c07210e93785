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
import { eventTuples, targetTupleKey, tupleMatches, type GoldEvent } from '../../src/news/evaluate.js';

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const dir = args.find((a) => !a.startsWith('--')) ?? 'test/fixtures/news';

interface Gold {
  published: string;
  origin: string;
  mentions: string[];
  events: GoldEvent[];
}

const kb = loadKnowledgeBase();
const extractor = new NewsExtractor(new MentionMatcher(kb));
const counts = { events: { tp: 0, fp: 0, fn: 0 }, mentions: { tp: 0, fp: 0, fn: 0 }, links: { right: 0, total: 0 } };
const errors: string[] = [];
let articles = 0;
const started = performance.now();

for (const goldFile of readdirSync(dir).filter((f) => f.endsWith('.gold.yaml')).sort()) {
  const name = goldFile.replace(/\.gold\.yaml$/, '');
  const gold = parse(readFileSync(join(dir, goldFile), 'utf8')) as Gold;
  const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
  const published = String(gold.published);
  const result = extractor.extract({ id: name, text, published });
  articles++;

  const predicted = result.events.flatMap((e) => eventTuples(kb, e).map((t) => ({ ...t, event: e })));
  const goldTuples = (gold.events ?? []).map((g) => ({ ...g, target: String(g.target) }));
  const used = new Set<number>();
  for (const g of goldTuples) {
    const i = predicted.findIndex((p, j) => !used.has(j) && tupleMatches(p, g));
    if (i >= 0) {
      used.add(i);
      counts.events.tp++;
      if (g.measure) {
        counts.links.total++;
        const event = (predicted[i] as (typeof predicted)[number]).event;
        const target = event.targets.find((t) => tupleMatches({ ...g, target: targetTupleKey(kb, t) }, g));
        const label = target?.entity?.id ?? target?.generic ?? target?.surface;
        const link = linkEvent(kb, event, published).find((l) => l.target === label);
        const got = link?.measure ?? 'new';
        if (got === g.measure) counts.links.right++;
        else errors.push(`${name}: link ${g.actor} ${g.action} ${g.target} ${g.status}: expected ${g.measure}, got ${got} (${link?.kind}; ${link?.reasons.join('; ')})`);
      }
    } else {
      counts.events.fn++;
      errors.push(`${name}: missed ${g.actor} ${g.action} ${g.target} ${g.status}`);
    }
  }
  predicted.forEach((p, j) => {
    if (used.has(j)) return;
    // Several predicted tuples can restate one gold tuple (same act, two names of one group).
    if (goldTuples.some((g) => tupleMatches(p, g))) return;
    counts.events.fp++;
    errors.push(`${name}: spurious ${p.actor} ${p.action} ${p.target} ${p.status}  «${p.event.evidence.slice(0, 120)}»`);
  });

  const known = new Set(Object.keys(kb.groups));
  const goldMentions = new Set((gold.mentions ?? []).filter((g) => known.has(g)));
  const predictedMentions = new Set(result.mentions.map((m) => m.entity.group));
  for (const g of goldMentions) {
    if (predictedMentions.has(g)) counts.mentions.tp++;
    else {
      counts.mentions.fn++;
      errors.push(`${name}: mention of ${g} missed`);
    }
  }
  for (const p of predictedMentions) {
    if (goldMentions.has(p)) continue;
    counts.mentions.fp++;
    const surfaces = result.mentions.filter((m) => m.entity.group === p).map((m) => m.surface);
    errors.push(`${name}: spurious mention of ${p} (${surfaces.join(', ')})`);
  }
}

const ms = performance.now() - started;
const prf = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `precision ${p.toFixed(3)}  recall ${r.toFixed(3)}  F1 ${f.toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`;
};
console.log(`news evaluation: ${articles} articles in ${dir} (${ms.toFixed(0)} ms)`);
console.log(`events   (actor, action, target, status): ${prf(counts.events)}`);
console.log(`mentions (knowledge-base groups):         ${prf(counts.mentions)}`);
console.log(`linking  (event → measure named in gold):  ${counts.links.right}/${counts.links.total} right`);
if (showErrors && errors.length > 0) console.log(`\n${errors.join('\n')}`);
else if (errors.length > 0) console.log(`(${errors.length} errors; add --errors to list them)`);

