/**
 * Stable identities for stored findings. An item is known by its values (not its line, which moves
 * when rows are added); a finding by its item, measure and listed subject. A finding's basis is the
 * knowledge-base facts it rests on — the listing, the measure's timeline and the ownership path —
 * so a disposition made on one basis re-opens when any of them changes.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../kb/model.js';
import type { Finding } from '../model/finding.js';
import type { InventoryItem } from '../model/item.js';
import type { RecordFingerprints } from '../store/kb-versions.js';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The item's fields, values trimmed and lower-cased, in a fixed order. */
export function itemKey(item: InventoryItem | undefined, fallbackLabel: string): string {
  if (!item) return sha256(`label\0${fallbackLabel.trim().toLowerCase()}`);
  const fields = Object.entries(item.fields)
    .map(([field, values]) => [field, [...(values ?? [])].map((v) => v.trim().toLowerCase()).sort()] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  // The asset is part of the item's identity: the same switch model at two sites is two items. A
  // row without asset columns keeps the key it always had.
  if (!item.asset) return sha256(JSON.stringify(fields));
  const asset = Object.entries(item.asset).map(([k, v]) => [k, v.trim().toLowerCase()] as const).sort(([a], [b]) => a.localeCompare(b));
  return sha256(JSON.stringify([fields, asset]));
}

export function findingKey(itemKeyValue: string, finding: Finding): string {
  return sha256(`${itemKeyValue}\0${finding.measure.id}\0${finding.subject.id}`);
}

export function basisHash(kb: KnowledgeBase, finding: Finding): string {
  const measure = kb.measures[finding.measure.id];
  const basis = {
    listing: finding.listing,
    timeline: measure?.timeline.map((e) => [e.status, e.date]) ?? [],
    extent: measure?.extent,
    path: finding.path.map((s) => [s.from.id, s.relation, s.to.id, s.share ?? null, s.since ?? null, s.until ?? null]),
    match: [finding.match.method, finding.match.entity.id],
  };
  return sha256(JSON.stringify(basis));
}

/** A short fingerprint of every record of the knowledge base, keyed "kind:id". */
export function kbFingerprints(kb: KnowledgeBase): RecordFingerprints {
  const out: RecordFingerprints = {};
  const put = (key: string, record: unknown) => {
    out[key] = sha256(JSON.stringify(record)).slice(0, 16);
  };
  for (const [id, m] of Object.entries(kb.measures)) put(`measure:${id}`, m);
  for (const l of kb.listings) put(`listing:${l.measure}/${l.target}/${l.from}`, l);
  for (const [id, o] of Object.entries(kb.organisations)) put(`organisation:${id}`, o);
  for (const [id, p] of Object.entries(kb.products)) put(`product:${id}`, p);
  for (const r of kb.relations) put(`relation:${r.subject}/${r.predicate}/${r.object}${r.from ? `/${r.from}` : ''}`, r);
  for (const [id, s] of Object.entries(kb.sources)) put(`source:${id}`, s);
  return out;
}

/** The corporate group a listed subject belongs to (for filtering and the dashboard). */
export function subjectGroup(kb: KnowledgeBase, finding: Finding): string {
  const id = finding.subject.id;
  return kb.organisations[id]?.group ?? kb.products[id]?.group ?? (finding.subject.kind === 'category' ? 'category-rule' : id);
}
