/**
 * `npm run eval:match [-- FILE.csv] [--as-of DATE] [--errors] [--general CSL-PAIRS.csv]
 * [--bench NAME_BENCH_CASES.csv]`: runs the pair matcher over a labelled set (columns
 * name1,name2,label with label same|family|different) and prints precision, recall and F1 for "same"
 * and for "family", at the default thresholds, plus a confusion matrix; then the general-name set by
 * kind of variation, dev and test apart; then, when given, the organisation pairs of a public
 * benchmark in the layout of nomenklatura's name_bench `cases.csv` (not stored in the project).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { createContext } from '../../src/app/context.js';
import { CorporateGraph } from '../../src/kb/graph.js';
import { matchPair, type Verdict } from '../../src/match/pair.js';
import { compareNames, SAME_THRESHOLD } from '../../src/match/names/compare.js';
import { normaliseName } from '../../src/match/names/normalise.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const showErrors = args.includes('--errors');
const generalFlag = flag('--general');
const benchFlag = flag('--bench');
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

/**
 * The general-name set built from the Consolidated Screening List (tools/eval/build-csl-pairs.ts):
 * the names compared on their own (no knowledge-base look-up, which would know many of them), at
 * the threshold for "same", split into dev (tuned on) and test (never tuned on).
 */
/** Confusion counts per key (a split, a kind of variation …). */
type Tally = Map<string, { tp: number; fp: number; fn: number; tn: number }>;

function countPair(tally: Tally, key: string, gold: boolean, predicted: boolean): void {
  const t = tally.get(key) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
  if (gold && predicted) t.tp++;
  else if (!gold && predicted) t.fp++;
  else if (gold) t.fn++;
  else t.tn++;
  tally.set(key, t);
}

const generalFile = generalFlag ?? 'test/fixtures/eval/csl-pairs.csv';
if (!file.endsWith('csl-pairs.csv') && existsSync(generalFile)) {
  const general = parse(readFileSync(generalFile), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
  const tally: Tally = new Map();
  const count = (key: string, gold: boolean, predicted: boolean) => countPair(tally, key, gold, predicted);
  const generalErrors: string[] = [];
  for (const row of general) {
    const cmp = compareNames(normaliseName(row.name1 ?? ''), normaliseName(row.name2 ?? ''), ctx.resolver.names.rarity.weight);
    const gold = row.label === 'same';
    const predicted = cmp.score >= SAME_THRESHOLD;
    count(`${row.split}|all`, gold, predicted);
    count(`${row.split}|${row.kind}`, gold, predicted);
    if (gold !== predicted && row.split === 'dev') generalErrors.push(`${row.label} (${row.kind}) ${cmp.score}: ${row.name1} | ${row.name2}`);
  }
  console.log(`\ngeneral names: ${general.length} pairs from ${generalFile}, compared by name alone at ${SAME_THRESHOLD}`);
  console.log('split kind                 precision  recall  F1     (tp/fp/fn/tn)');
  const kinds = [...new Set(general.map((r) => r.kind as string))].sort();
  for (const split of ['dev', 'test']) {
    for (const kind of ['all', ...kinds]) {
      const t = tally.get(`${split}|${kind}`);
      if (!t) continue;
      const p = t.tp + t.fp === 0 ? NaN : t.tp / (t.tp + t.fp);
      const r = t.tp + t.fn === 0 ? NaN : t.tp / (t.tp + t.fn);
      const f = (2 * p * r) / (p + r);
      const show = (x: number) => (Number.isNaN(x) ? '  —  ' : fmt(x));
      console.log(`${split.padEnd(5)} ${kind.padEnd(20)} ${show(p).padEnd(10)} ${show(r).padEnd(7)} ${show(f)}  (${t.tp}/${t.fp}/${t.fn}/${t.tn})`);
    }
  }
  if (showErrors) console.log(`\ngeneral-name errors on dev (${generalErrors.length}):\n${generalErrors.map((e) => `  ${e}`).join('\n')}`);
}

/**
 * A public benchmark of screening name pairs (columns schema,name1,name2,is_match, as nomenklatura's
 * `contrib/name_bench/cases.csv`): its Company and Organization pairs, a *same* verdict counted as a
 * match. Split in two by a hash of the pair: dev (tuned on) and test (not looked at while tuning).
 */
if (benchFlag) {
  const bench = (parse(readFileSync(benchFlag), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[])
    .filter((r) => r.schema === 'Company' || r.schema === 'Organization');
  const split = (r: Record<string, string>) => ((createHash('sha256').update(`${r.name1}\u0000${r.name2}`).digest()[0] as number) < 128 ? 'test' : 'dev');
  const tally: Tally = new Map();
  const benchErrors: string[] = [];
  for (const row of bench) {
    const result = matchPair(row.name1 ?? '', row.name2 ?? '', ctx.resolver.names, graph, asOf);
    const gold = row.is_match === 'true';
    const predicted = result.verdict === 'same';
    for (const key of [split(row), 'all', `all ${row.schema}`, `${split(row)}|${row.case_group ?? ''}`]) countPair(tally, key, gold, predicted);
    if (gold !== predicted && split(row) === 'dev') benchErrors.push(`${gold ? 'miss' : 'false match'}: ${result.verdict} ${result.score} ${row.name1} | ${row.name2}\n      ${result.reasons.join('\n      ')}`);
  }
  console.log(`\npublic benchmark: ${bench.length} Company/Organization pairs from ${benchFlag}, verdict "same" = match`);
  console.log('split                      precision  recall  F1     (tp/fp/fn/tn)');
  const keys = [...tally.keys()].sort((a, b) => (a.includes('|') ? 1 : 0) - (b.includes('|') ? 1 : 0) || a.localeCompare(b));
  for (const key of keys) {
    const t = tally.get(key) as { tp: number; fp: number; fn: number; tn: number };
    const p = t.tp / (t.tp + t.fp || 1), r = t.tp / (t.tp + t.fn || 1);
    console.log(`${key.padEnd(26)} ${fmt(p).padEnd(10)} ${fmt(r).padEnd(7)} ${fmt((2 * p * r) / (p + r || 1))}  (${t.tp}/${t.fp}/${t.fn}/${t.tn})`);
  }
  if (showErrors) console.log(`\nbenchmark errors on dev (${benchErrors.length}):\n${benchErrors.map((e) => `  ${e}`).join('\n')}`);
}
