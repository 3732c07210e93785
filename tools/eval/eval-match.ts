/**
 * `npm run eval:match [-- FILE.csv] [--as-of DATE] [--errors]`: runs the pair matcher over a labelled
 * set (columns name1,name2,label with label same|family|different) and prints precision, recall
 * and F1 for "same" and for "family", at the default thresholds, plus a confusion matrix.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { createContext } from '../../src/app/context.js';
import { CorporateGraph } from '../../src/kb/graph.js';
import { matchPair, type Verdict } from '../../src/match/pair.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const showErrors = args.includes('--errors');
const asOf = flag('--as-of') ?? new Date().toISOString().slice(0, 10);
const file = args.find((a) => !a.startsWith('--')) ?? 'test/fixtures/eval/name-pairs.csv';

const rows = parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
const ctx = createContext();
const graph = new CorporateGraph(ctx.kb);
const labels: Verdict[] = ['same', 'family', 'different'];
const confusion = new Map<string, number>();
const errors: string[] = [];
const started = performance.now();
for (const row of rows) {
  const gold = row.label as Verdict;
  if (!labels.includes(gold)) throw new Error(`${file}: bad label "${row.label}"`);
  const result = matchPair(row.name1 ?? '', row.name2 ?? '', ctx.resolver.names, graph, asOf);
  const key = `${gold}>${result.verdict}`;
  confusion.set(key, (confusion.get(key) ?? 0) + 1);
  if (gold !== result.verdict) errors.push(`${gold} → ${result.verdict} (${result.score}) [${row.category ?? ''}] ${row.name1} | ${row.name2}\n      ${result.reasons.join('\n      ')}`);
}
const ms = performance.now() - started;

function prf(label: Verdict) {
  const count = (g: (v: Verdict) => boolean, p: (v: Verdict) => boolean) =>
    labels.reduce((n, a) => n + labels.reduce((m, b) => m + (g(a) && p(b) ? confusion.get(`${a}>${b}`) ?? 0 : 0), 0), 0);
  const tp = count((g) => g === label, (p) => p === label);
  const fp = count((g) => g !== label, (p) => p === label);
  const fn = count((g) => g === label, (p) => p !== label);
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

const fmt = (x: number) => x.toFixed(3);
console.log(`pairs: ${rows.length} from ${file}; as of ${asOf}; ${(rows.length / (ms / 1000)).toFixed(0)} pairs/s`);
console.log('label      precision  recall  F1     (tp/fp/fn)');
for (const label of ['same', 'family'] as const) {
  const s = prf(label);
  console.log(`${label.padEnd(10)} ${fmt(s.precision).padEnd(10)} ${fmt(s.recall).padEnd(7)} ${fmt(s.f1)}  (${s.tp}/${s.fp}/${s.fn})`);
}
// "same or family" is what a screen relies on: did the name lead to the group at all?
const related = (v: string) => v === 'same' || v === 'family';
let tp = 0, fp = 0, fn = 0;
for (const [key, n] of confusion) {
  const [g, p] = key.split('>') as [string, string];
  if (related(g) && related(p)) tp += n;
  else if (!related(g) && related(p)) fp += n;
  else if (related(g) && !related(p)) fn += n;
}
const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1);
console.log(`${'related'.padEnd(10)} ${fmt(p).padEnd(10)} ${fmt(r).padEnd(7)} ${fmt((2 * p * r) / (p + r || 1))}  (${tp}/${fp}/${fn})`);
console.log('\nconfusion (gold → predicted):');
for (const g of labels) console.log(`  ${g.padEnd(10)} ${labels.map((v) => `${v}:${confusion.get(`${g}>${v}`) ?? 0}`).join('  ')}`);
if (showErrors) console.log(`\nerrors (${errors.length}):\n${errors.map((e) => `  ${e}`).join('\n')}`);
