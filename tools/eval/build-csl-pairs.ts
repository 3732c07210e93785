/**
 * `node --import tsx tools/eval/build-csl-pairs.ts CSL.json [OUT.csv]`: builds the general-name
 * evaluation set from the trade.gov Consolidated Screening List (the compact JSON projection with
 * `entries[].n` name, `a` alternative names, `t` type, `e` entity number). Organisations only.
 *
 * Positives: a party's name against its own alternative names that share a word with it (an alias
 * sharing no word is a former or translated name no spelling rule can reach), and against variants
 * of it made here: a typo, another transliteration, another legal form, the legal form moved. Hard
 * negatives: two different parties that share a word common in the list ("Trading", "Industrial",
 * "Al"), and two that share their first word. Every pair carries its kind.
 *
 * The split is by party (a hash of the entity number), so no party's names are in both halves:
 * `dev` is for tuning, `test` is never looked at while tuning. Deterministic: same input, same file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

interface Entry {
  n: string;
  a?: string[];
  t?: string;
  e?: string;
}

const [input, output = 'test/fixtures/eval/csl-pairs.csv'] = process.argv.slice(2);
if (!input) {
  process.stderr.write('usage: build-csl-pairs.ts screening-list.json [out.csv]\n');
  process.exit(2);
}
const entries = (JSON.parse(readFileSync(input, 'utf8')) as { entries: Entry[] }).entries;

/** A small seeded generator (mulberry32): the same set on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(20261205);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const LEGAL = /\b(LIMITED|LTD|LLC|INC|CORP|CORPORATION|COMPANY|CO|JSC|OJSC|PJSC|CJSC|OAO|ZAO|OOO|PAO|AO|GMBH|AG|SA|SRL|LLP|PLC|FZE|FZCO|PTE|PVT|BV|SAS|SARL)\b\.?/i;
const isOrganisation = (e: Entry) => e.t === 'Entity' || (e.t === undefined && LEGAL.test(e.n));
const parties = entries.filter((e) => isOrganisation(e) && e.e && /[A-Za-z]/.test(e.n));

const split = (e: Entry) => (createHash('sha256').update(e.e as string).digest()[0] as number) < 77 ? 'test' : 'dev';
const words = (s: string) => s.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w.length > 0);
const LEGAL_WORDS = new Set(['LIMITED', 'LTD', 'LLC', 'INC', 'CORP', 'CORPORATION', 'COMPANY', 'CO', 'JSC', 'OJSC', 'PJSC', 'CJSC', 'OAO', 'ZAO', 'OOO', 'PAO', 'AO', 'GMBH', 'AG', 'SA', 'SRL', 'LLP', 'PLC', 'FZE', 'FZCO', 'PTE', 'PVT', 'BV', 'SAS', 'SARL', 'THE', 'OF', 'AND', 'FOR', 'AL', 'EL']);
const distinctive = (s: string) => words(s).filter((w) => !LEGAL_WORDS.has(w) && w.length >= 3);

// How many parties each word appears in: the common ones make hard negatives.
const df = new Map<string, number>();
for (const p of parties) for (const w of new Set(distinctive(p.n))) df.set(w, (df.get(w) ?? 0) + 1);

type Row = { name1: string; name2: string; label: 'same' | 'different'; kind: string; split: string };
const rows: Row[] = [];
const add = (name1: string, name2: string, label: Row['label'], kind: string, party: Entry) => {
  if (name1.trim() && name2.trim() && name1 !== name2) rows.push({ name1, name2, label, kind, split: split(party) });
};

function typo(name: string): string | undefined {
  const ws = name.split(' ');
  const candidates = ws.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z]{6,}$/.test(w) && !LEGAL_WORDS.has(w.toUpperCase()));
  if (candidates.length === 0) return undefined;
  const [w, i] = pick(candidates);
  const at = 1 + Math.floor(rand() * (w.length - 2));
  const kind = Math.floor(rand() * 3);
  const changed =
    kind === 0 ? w.slice(0, at) + w.slice(at + 1) // dropped letter
    : kind === 1 ? w.slice(0, at) + (w[at + 1] ?? '') + w[at] + w.slice(at + 2) // swapped pair
    : w.slice(0, at) + w[at] + w.slice(at); // doubled letter
  ws[i] = changed;
  return ws.join(' ');
}

/** Spellings of one sound in transliterations from Russian, Persian and Arabic. */
const TRANSLIT: [RegExp, string][] = [
  [/KH/g, 'H'], [/IY\b/g, 'Y'], [/YE/g, 'IE'], [/YA/g, 'IA'], [/YU/g, 'IU'], [/OU/g, 'U'], [/EE/g, 'I'],
  [/SCH/g, 'SH'], [/KS/g, 'X'], [/Y\b/g, 'I'], [/OE\b/g, 'OYE'], [/ZH/g, 'J'], [/Q/g, 'K'], [/TS/g, 'C'], [/X/g, 'KS'],
];
function transliterate(name: string): string | undefined {
  const upper = name.toUpperCase();
  const applicable = TRANSLIT.filter(([re]) => re.test(upper));
  for (const [re] of TRANSLIT) re.lastIndex = 0;
  if (applicable.length === 0) return undefined;
  const [re, to] = pick(applicable);
  re.lastIndex = 0;
  return upper.replace(re, to);
}

const LEGAL_SWAPS: [RegExp, string[]][] = [
  [/\bLIMITED LIABILITY COMPANY\b/i, ['LLC', 'OOO', 'L.L.C.']],
  [/\bJOINT[- ]STOCK COMPANY\b/i, ['JSC', 'AO']],
  [/\bOPEN JOINT[- ]STOCK COMPANY\b/i, ['OJSC', 'OAO']],
  [/\bCO\.?,? LTD\.?$/i, ['COMPANY LIMITED', 'Co. Limited', 'Ltd']],
  [/\bLIMITED$/i, ['LTD', 'Ltd.', 'CO LTD']],
  [/\bLTD\.?$/i, ['LIMITED', 'Limited']],
  [/\bLLC$/i, ['L.L.C.', 'Limited Liability Company']],
  [/\bINC\.?$/i, ['Incorporated', 'INC.']],
  [/\bCORPORATION$/i, ['CORP', 'Corp.']],
  [/\bGMBH$/i, ['G.m.b.H.', 'Gesellschaft mit beschraenkter Haftung']],
  [/\bS\.?A\.?$/i, ['S.A.', 'Sociedad Anonima']],
];
function legalForm(name: string): string | undefined {
  const applicable = LEGAL_SWAPS.filter(([re]) => re.test(name));
  if (applicable.length === 0) return undefined;
  const [re, tos] = pick(applicable);
  return name.replace(re, pick(tos)).replace(/\s+/g, ' ').trim();
}

/** "OOO ROMASHKA" ↔ "ROMASHKA OOO": the legal form before or after the name. */
function legalFormMoved(name: string): string | undefined {
  const m = /^(OOO|AO|OAO|ZAO|PAO|JSC|OJSC|PJSC|CJSC|LLC|TOO|PT|LIMITED LIABILITY COMPANY|JOINT STOCK COMPANY)\s+(.+)$/i.exec(name);
  if (m) return `${(m[2] as string).replace(/["“”«»]/g, '')} ${m[1]}`;
  const n = /^(.+?),?\s+(LLC|JSC|OOO|AO|OJSC|PJSC|LTD|LIMITED)$/i.exec(name);
  if (n) return `${n[2]} ${n[1]}`;
  return undefined;
}

const common = [...df].filter(([, n]) => n >= 25 && n <= 2000).map(([w]) => w);
const byWord = new Map<string, Entry[]>();
for (const p of parties) for (const w of new Set(distinctive(p.n))) if (df.get(w)! >= 25) byWord.set(w, [...(byWord.get(w) ?? []), p]);
const byFirst = new Map<string, Entry[]>();
for (const p of parties) {
  const first = distinctive(p.n)[0];
  if (first) byFirst.set(first, [...(byFirst.get(first) ?? []), p]);
}

for (const p of parties) {
  const own = new Set(distinctive(p.n));
  for (const alias of (p.a ?? []).slice(0, 3)) {
    if (distinctive(alias).some((w) => own.has(w))) add(p.n, alias, 'same', 'alias', p);
  }
  const r = rand();
  const variant =
    r < 0.3 ? ['typo', typo(p.n)] : r < 0.5 ? ['transliteration', transliterate(p.n)] : r < 0.8 ? ['legal-form', legalForm(p.n)] : ['word-order', legalFormMoved(p.n)];
  if (variant[1]) add(p.n, variant[1], 'same', variant[0] as string, p);
}
// Hard negatives, as many as positives: a shared common word, or a shared first word.
const positives = rows.length;
const PER_LABEL = 2_000;
for (let i = 0; rows.length < positives * 2 && i < positives * 20; i++) {
  if (rand() < 0.6) {
    const group = byWord.get(pick(common));
    if (!group || group.length < 2) continue;
    const a = pick(group);
    const b = pick(group);
    if (a.e === b.e || a.n.toUpperCase() === b.n.toUpperCase()) continue;
    // The pair takes the split of the party sorted first, and is dropped if the two disagree.
    if (split(a) !== split(b)) continue;
    add(a.n, b.n, 'different', 'shared-word', a);
  } else {
    const firsts = [...byFirst.values()].filter((g) => g.length >= 2);
    const group = pick(firsts);
    const a = pick(group);
    const b = pick(group);
    if (a.e === b.e || a.n.toUpperCase() === b.n.toUpperCase() || split(a) !== split(b)) continue;
    add(a.n, b.n, 'different', 'shared-first-word', a);
  }
}
// A sample keeps the file small: 2,000 positives and 2,000 negatives, drawn with the same seed.
const sample = (label: Row['label']) => rows.filter((r) => r.label === label).map((r) => [rand(), r] as const).sort((x, y) => x[0] - y[0]).slice(0, PER_LABEL).map(([, r]) => r);
rows.splice(0, rows.length, ...sample('same'), ...sample('different'));
const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const columns = ['name1', 'name2', 'label', 'kind', 'split'] as const;
writeFileSync(output, [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c])).join(','))].join('\n') + '\n');
const count = (f: (r: Row) => boolean) => rows.filter(f).length;
process.stdout.write(`${rows.length} pairs (${count((r) => r.label === 'same')} same, ${count((r) => r.label === 'different')} different; ${count((r) => r.split === 'test')} test) → ${output}\n`);
