/**
 * `npm run eval:reach [-- --index kb|dev] [--split dev] [--losses] [--counts N]`: how many pairs the
 * pair scorer calls a match that a look-up would still miss, because the candidate step (the index's
 * keys, the ranking of candidates, the reach test) never lets the scorer see them.
 *
 * The general-name set's positives (test/fixtures/eval/csl-pairs.csv, the development part only)
 * whose two names score at least 0.85 by `compareNames` are looked up as `covered lookup` does
 * (`NameIndex.search` at the resolver's lowest score, 0.7, 40 results), each name in turn, and the
 * look-up counts as found when the index's entry for the other name (word for word) is compared
 * with the query: then the scorer decides, as `covered match` does. (Not whether the other name's
 * entity comes out: a list's alias is found word for word as its own entry of that entity.) `--index kb` (the default) searches the bundled knowledge base, which holds the list's own
 * names (a made-up variant, a typo, is then only ever a query); `--index dev` an index of the
 * development part's names alone, each its own entity, as the resolver builds one. A miss is put
 * down to the stage that lost it: no key shared, turned away by the reach test, or ranked below the
 * candidates compared. `--counts N` prints, for N of the development part's names looked up against
 * the index, how many entries share a key, how many of them pass the reach test, and how many are
 * compared (at most 32, and the names that are the query word for word).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { createContext } from '../../src/app/context.js';
import { compareNames, SAME_THRESHOLD } from '../../src/match/names/compare.js';
import { NameIndex, type AliasEntry, type SearchTrace } from '../../src/match/names/name-index.js';
import { normaliseName } from '../../src/match/names/normalise.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const which = flag('--index') ?? 'kb';
const split = flag('--split') ?? 'dev';
const countsFlag = flag('--counts');
const showLosses = args.includes('--losses');
const file = args.find((a) => !a.startsWith('--')) ?? 'test/fixtures/eval/csl-pairs.csv';
/** The resolver's search: its lowest score (the house-name floor) and its number of results. */
const LOOKUP = { minScore: 0.7, limit: 40 };

const rows = (parse(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[]).filter((r) => r.split === split);
const names = [...new Set(rows.flatMap((r) => [r.name1 ?? '', r.name2 ?? '']))];

let index: NameIndex;
if (which === 'dev') {
  index = new NameIndex(names.map((name): AliasEntry => ({ entity: { kind: 'organisation', id: name }, name, kind: 'legal', form: normaliseName(name) })));
} else if (which === 'kb') {
  index = createContext().resolver.names;
} else throw new Error(`--index: kb or dev, not ${which}`);
const weight = index.rarity.weight;

type Stage = 'found' | 'no shared key' | 'ranked out' | 'reach test' | 'not in the index';
const tally = new Map<string, number>();
const losses: string[] = [];
let matches = 0;
const started = performance.now();
for (const row of rows) {
  if (row.label !== 'same') continue;
  const [n1, n2] = [row.name1 ?? '', row.name2 ?? ''];
  const cmp = compareNames(normaliseName(n1), normaliseName(n2), weight);
  if (cmp.score < SAME_THRESHOLD) continue;
  matches++;
  for (const [query, target] of [[n1, n2], [n2, n1]] as const) {
    const stage = lookUp(query, target);
    const key = `${stage}|${row.kind}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    tally.set(`${stage}|all`, (tally.get(`${stage}|all`) ?? 0) + 1);
    if (stage !== 'found' && stage !== 'not in the index') losses.push(`${stage} (${row.kind}, ${cmp.score} ${cmp.features.map((f) => f.feature).join(' ')}): ${query} → ${target}`);
  }
}

function lookUp(query: string, target: string): Stage {
  const entries = index.entriesNamed(target);
  if (entries.length === 0) return 'not in the index';
  const trace: SearchTrace = { touched: [], reachable: [], candidates: [] };
  index.search(query, { ...LOOKUP, trace });
  const reaches = (list: number[]) => list.some((i) => entries.includes(i));
  if (reaches(trace.candidates)) return 'found';
  if (reaches(trace.reachable)) return 'ranked out';
  if (reaches(trace.touched)) return 'reach test';
  return 'no shared key';
}

const stages: Stage[] = ['found', 'no shared key', 'ranked out', 'reach test', 'not in the index'];
const kinds = ['all', ...new Set(rows.map((r) => r.kind ?? ''))].filter((k) => [...tally.keys()].some((t) => t.endsWith(`|${k}`)));
console.log(`${matches} ${split} positives scored ≥ ${SAME_THRESHOLD} by the pair scorer; each name looked up against the ${which === 'kb' ? 'knowledge base' : `index of the ${names.length} ${split} names`} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(`look-ups by outcome (two per pair):\n${'kind'.padEnd(16)}${stages.map((s) => s.padStart(19)).join('')}`);
for (const k of kinds) console.log(`${k.padEnd(16)}${stages.map((s) => String(tally.get(`${s}|${k}`) ?? 0).padStart(19)).join('')}`);
const lost = (tally.get('no shared key|all') ?? 0) + (tally.get('ranked out|all') ?? 0) + (tally.get('reach test|all') ?? 0);
console.log(`lost by the candidate step: ${lost} of ${lost + (tally.get('found|all') ?? 0)} look-ups whose target is in the index`);
if (showLosses) console.log(`\nlosses (${losses.length}):\n${losses.map((l) => `  ${l}`).join('\n')}`);

if (countsFlag) {
  const n = Math.min(Number(countsFlag), names.length);
  const touched: number[] = [];
  const reachable: number[] = [];
  const compared: number[] = [];
  const t0 = performance.now();
  for (const name of names.slice(0, n)) {
    const trace: SearchTrace = { touched: [], reachable: [], candidates: [] };
    index.search(name, { ...LOOKUP, trace });
    touched.push(trace.touched.length);
    reachable.push(trace.reachable.length);
    compared.push(trace.candidates.length);
  }
  const ms = performance.now() - t0;
  const describe = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
    return `mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1)}, median ${at(0.5)}, p95 ${at(0.95)}, max ${s[s.length - 1]}`;
  };
  console.log(`\ncandidates per query, ${n} ${split} names against the ${which === 'kb' ? 'knowledge base' : `${split} index`} (${(ms / n).toFixed(2)} ms a query):`);
  console.log(`  sharing a key   ${describe(touched)}`);
  console.log(`  past the reach  ${describe(reachable)}`);
  console.log(`  compared        ${describe(compared)}`);
}
