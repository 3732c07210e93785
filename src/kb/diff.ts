/**
 * What changed between two versions of the knowledge base: measures and their timelines, listings
 * (added, removed, renamed, dates changed), organisations (names, identifiers), relations, products
 * and sources. Pure: both versions come in compiled.
 */
import type { KnowledgeBase, KbListing, KbRelation } from './model.js';

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffEntry {
  kind: DiffKind;
  /** measure, listing, organisation, relation, product or source */
  record: 'measure' | 'listing' | 'organisation' | 'relation' | 'product' | 'source';
  id: string;
  /** For `changed`: each change in words, e.g. `to: (open) → 2025-01-07`. */
  details: string[];
}

export interface KbDiff {
  from: { version: string; hash: string };
  to: { version: string; hash: string };
  entries: DiffEntry[];
  counts: Record<string, Record<DiffKind, number>>;
}

const show = (v: unknown) => (v === undefined || v === '' ? '(none)' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

function fieldChanges<T extends object>(a: T, b: T, fields: (keyof T)[]): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const x = JSON.stringify(a[f] ?? null);
    const y = JSON.stringify(b[f] ?? null);
    if (x !== y) out.push(`${String(f)}: ${show(a[f])} → ${show(b[f])}`);
  }
  return out;
}

function setChanges(label: string, a: readonly string[], b: readonly string[]): string[] {
  const A = new Set(a);
  const B = new Set(b);
  const added = [...B].filter((x) => !A.has(x));
  const removed = [...A].filter((x) => !B.has(x));
  return [...added.map((x) => `+ ${label} ${x}`), ...removed.map((x) => `- ${label} ${x}`)];
}

function compareMaps<T>(
  record: DiffEntry['record'],
  a: Record<string, T>,
  b: Record<string, T>,
  changes: (x: T, y: T) => string[],
  out: DiffEntry[],
) {
  for (const id of Object.keys(a).sort()) {
    if (!(id in b)) out.push({ kind: 'removed', record, id, details: [] });
    else {
      const details = changes(a[id]!, b[id]!);
      if (details.length > 0) out.push({ kind: 'changed', record, id, details });
    }
  }
  for (const id of Object.keys(b).sort()) if (!(id in a)) out.push({ kind: 'added', record, id, details: [] });
}

const listingKey = (l: KbListing) => `${l.measure} ${l.target} ${l.from}`;
const relationKey = (r: KbRelation) => `${r.subject} ${r.predicate} ${r.object}${r.from ? ` ${r.from}` : ''}`;

/** Listings of one measure and target are matched by start date, then by overlapping period. */
function compareListings(a: KbListing[], b: KbListing[], out: DiffEntry[]) {
  const group = (ls: KbListing[]) => {
    const m = new Map<string, KbListing[]>();
    for (const l of ls) m.set(`${l.measure} ${l.target}`, [...(m.get(`${l.measure} ${l.target}`) ?? []), l]);
    return m;
  };
  const A = group(a);
  const B = group(b);
  for (const key of [...new Set([...A.keys(), ...B.keys()])].sort()) {
    const left = [...(A.get(key) ?? [])];
    const right = [...(B.get(key) ?? [])];
    const pairs: [KbListing, KbListing][] = [];
    for (const l of [...left]) {
      const same = right.find((r) => r.from === l.from);
      if (same) {
        pairs.push([l, same]);
        left.splice(left.indexOf(l), 1);
        right.splice(right.indexOf(same), 1);
      }
    }
    for (const l of [...left]) {
      const overlapping = right.find((r) => r.from < (l.to ?? '9999') && l.from < (r.to ?? '9999'));
      if (overlapping) {
        pairs.push([l, overlapping]);
        left.splice(left.indexOf(l), 1);
        right.splice(right.indexOf(overlapping), 1);
      }
    }
    for (const [l, r] of pairs) {
      const details = fieldChanges(l, r, ['nameAsListed', 'from', 'to', 'scope', 'unverified']);
      details.push(...setChanges('source', l.sources, r.sources));
      if (details.length > 0) out.push({ kind: 'changed', record: 'listing', id: listingKey(r), details });
    }
    for (const l of left) out.push({ kind: 'removed', record: 'listing', id: listingKey(l), details: [l.nameAsListed] });
    for (const r of right) out.push({ kind: 'added', record: 'listing', id: listingKey(r), details: [r.nameAsListed] });
  }
}

export function diffKnowledgeBases(a: KnowledgeBase, b: KnowledgeBase): KbDiff {
  const entries: DiffEntry[] = [];
  compareMaps('measure', a.measures, b.measures, (x, y) => [
    ...fieldChanges(x, y, ['title', 'kind', 'extent', 'scope', 'severity', 'legalForce', 'obliges']),
    ...setChanges('reach change', x.extentChanges.map((c) => `${c.from} ${c.extent}`), y.extentChanges.map((c) => `${c.from} ${c.extent}`)),
    ...setChanges('event', x.timeline.map((e) => `${e.date} ${e.status}`), y.timeline.map((e) => `${e.date} ${e.status}`)),
    ...setChanges('category rule', x.categoryRules.map((r) => `${r.id} from ${r.from}`), y.categoryRules.map((r) => `${r.id} from ${r.from}`)),
    ...setChanges('citation', x.citations.map((c) => c.text), y.citations.map((c) => c.text)),
  ], entries);
  compareListings(a.listings, b.listings, entries);
  compareMaps('organisation', a.organisations, b.organisations, (x, y) => [
    ...fieldChanges(x, y, ['kind', 'country', 'unverified']),
    ...(x.group !== y.group ? [`group: ${x.group} → ${y.group}`] : []),
    ...setChanges('name', x.names.map((n) => n.value), y.names.map((n) => n.value)),
    ...setChanges('identifier', x.identifiers.map((i) => `${i.scheme}:${i.value}`), y.identifiers.map((i) => `${i.scheme}:${i.value}`)),
    ...setChanges('IEEE registrant', x.ieeeRegistrants, y.ieeeRegistrants),
    ...setChanges('namespace', x.namespaces, y.namespaces),
  ], entries);
  const rel = (rs: KbRelation[]) => Object.fromEntries(rs.map((r) => [relationKey(r), r]));
  compareMaps('relation', rel(a.relations), rel(b.relations), (x, y) => fieldChanges(x, y, ['share', 'to', 'unverified']), entries);
  compareMaps('product', a.products, b.products, (x, y) => [
    ...fieldChanges(x, y, ['name', 'owner', 'kind', 'confidence', 'unverified']),
    ...setChanges('android', x.android, y.android),
    ...setChanges('ios', x.ios, y.ios),
    ...setChanges('package', x.packages, y.packages),
    ...setChanges('purl', x.purls, y.purls),
    ...setChanges('domain', x.domains, y.domains),
    ...setChanges('native library', x.nativeLibraries, y.nativeLibraries),
    ...setChanges('model', x.models.map((m) => m.pattern), y.models.map((m) => m.pattern)),
  ], entries);
  compareMaps('source', a.sources, b.sources, (x, y) => fieldChanges(x, y, ['url', 'title', 'date', 'unverified']), entries);

  const counts: KbDiff['counts'] = {};
  for (const e of entries) {
    counts[e.record] ??= { added: 0, removed: 0, changed: 0 };
    counts[e.record]![e.kind]++;
  }
  return { from: { version: a.version, hash: a.hash }, to: { version: b.version, hash: b.hash }, entries, counts };
}
