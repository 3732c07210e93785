/**
 * A seeded random draw of curated knowledge-base facts for a hand check against sources. Every fact of the
 * curated files is one line: an organisation's legal or Chinese name, its country, an identifier, a
 * relation, a product's owner, app id or package prefix, a measure's timeline event, a listing's date and
 * name as listed, a Federal Register rule's dates. Files under `generated/` and the `listed-*` group files
 * (imported from the Consolidated Screening List) are left out. At most two facts are taken from one file,
 * so that the large files do not fill the draw; the same seed and data give the same draw.
 *
 *   node --import tsx tools/kb/draw-facts.ts --seed 20261209 [--count 60] [--kb data]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { isImportedFile } from '../../src/kb/model.js';
import { prng } from '../bench/prng.js';

export interface Fact {
  file: string;
  record: string;
  fact: string;
  unverified: boolean;
}

type Rec = Record<string, unknown>;
const list = (v: unknown): Rec[] => (Array.isArray(v) ? (v as Rec[]) : []);
const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The names worth checking: legal, listed and former names and any name in Chinese script. */
const CHECKED_NAME_KINDS = new Set(['legal', 'listed', 'former']);

function organisationFacts(file: string, org: Rec): Fact[] {
  const record = text(org.id);
  const unverified = org.unverified === true;
  const facts: Fact[] = [];
  for (const name of list(org.names)) {
    if (CHECKED_NAME_KINDS.has(text(name.kind)) || name.script !== undefined) {
      facts.push({ file, record, fact: `name (${text(name.kind)}${name.script ? `, ${text(name.script)}` : ''}): ${text(name.value)}`, unverified });
    }
  }
  if (org.country !== undefined) facts.push({ file, record, fact: `country: ${text(org.country)}`, unverified });
  for (const id of list(org.identifiers)) {
    facts.push({ file, record, fact: `identifier ${text(id.scheme)}${id.exchange ? ` (${text(id.exchange)})` : ''}: ${text(id.value)}`, unverified });
  }
  return facts;
}

function productFacts(file: string, product: Rec): Fact[] {
  const record = text(product.id);
  const unverified = product.unverified === true;
  const facts: Fact[] = [];
  if (product.owner !== undefined) facts.push({ file, record, fact: `owner of ${text(product.name)}: ${text(product.owner)}`, unverified });
  for (const key of ['android', 'ios', 'packages', 'namespaces'] as const) {
    for (const value of Array.isArray(product[key]) ? (product[key] as unknown[]) : []) {
      facts.push({ file, record, fact: `${key} of ${text(product.name)}: ${text(value)}`, unverified });
    }
  }
  return facts;
}

function groupFacts(file: string, doc: Rec): Fact[] {
  return [
    ...list(doc.organisations).flatMap((o) => organisationFacts(file, o)),
    ...list(doc.relations).map((r) => ({
      file,
      record: `${text(r.subject)} ${text(r.predicate)} ${text(r.object)}`,
      fact: `relation${r.from ? ` from ${text(r.from)}` : ''}${r.to ? ` to ${text(r.to)}` : ''}`,
      unverified: r.unverified === true,
    })),
    ...list(doc.products).flatMap((p) => productFacts(file, p)),
  ];
}

function measureFacts(file: string, doc: Rec): Fact[] {
  const measure = (doc.measure ?? {}) as Rec;
  const id = text(measure.id);
  return [
    ...list(measure.timeline).map((t) => ({
      file,
      record: id,
      fact: `timeline ${text(t.date)} ${text(t.status)}: ${text(t.note)}`,
      unverified: t.unverified === true,
    })),
    ...list(doc.listings).map((l) => ({
      file,
      record: `${id} listing ${text(l.target)}`,
      fact: `listed as "${text(l.nameAsListed)}" from ${text(l.from)}${l.to ? ` to ${text(l.to)}` : ''}`,
      unverified: l.unverified === true,
    })),
  ];
}

function sourceFacts(file: string, doc: Rec): Fact[] {
  return list(doc.sources)
    .filter((s) => s.federalRegister !== undefined)
    .map((s) => {
      const fr = s.federalRegister as Rec;
      return {
        file,
        record: text(s.id),
        fact: `${text(fr.volume)} FR ${text(fr.firstPage)}${fr.document ? ` (FR Doc. ${text(fr.document)})` : ''}: published ${text(fr.published)}, effective ${text(fr.effective)}`,
        unverified: s.unverified === true,
      };
    });
}

export function curatedFacts(dataDir: string): Fact[] {
  const facts: Fact[] = [];
  for (const dir of ['groups', 'measures', 'sources']) {
    for (const name of readdirSync(join(dataDir, dir)).sort()) {
      const path = join(dataDir, dir, name);
      const file = relative(dataDir, path);
      if (!name.endsWith('.yaml') || isImportedFile(file)) continue;
      const doc = (parse(readFileSync(path, 'utf8')) ?? {}) as Rec;
      if (dir === 'groups') facts.push(...groupFacts(file, doc));
      else if (dir === 'measures') facts.push(...measureFacts(file, doc));
      else facts.push(...sourceFacts(file, doc));
    }
  }
  return facts;
}

/** Shuffles the facts with the seeded generator and keeps the first `count`, at most `perFile` from a file. */
export function drawFacts(facts: Fact[], seed: number, count: number, perFile = 2): Fact[] {
  const random = prng(seed);
  const order = facts.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const taken = new Map<string, number>();
  const drawn: Fact[] = [];
  for (const fact of order) {
    if (drawn.length === count) break;
    const n = taken.get(fact.file) ?? 0;
    if (n >= perFile) continue;
    taken.set(fact.file, n + 1);
    drawn.push(fact);
  }
  return drawn;
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const seed = Number(option(args, '--seed'));
  if (!Number.isInteger(seed)) throw new Error('--seed N is required');
  const count = Number(option(args, '--count') ?? 60);
  const facts = curatedFacts(resolve(option(args, '--kb') ?? 'data'));
  const drawn = drawFacts(facts, seed, count);
  console.log(`# seed ${seed}: ${drawn.length} of ${facts.length} curated facts`);
  drawn.forEach((f, i) => console.log(`${i + 1}. [${f.file}] ${f.record} — ${f.fact}${f.unverified ? ' (unverified)' : ''}`));
}
