/**
 * Everything the knowledge base says about one organisation, product or measure as of a date:
 * names in every script, identifiers, the corporate group, products, and the measures that reach it.
 */
import type { CorporateGraph } from '../kb/graph.js';
import { listingsOf, type KbMeasure, type KnowledgeBase } from '../kb/model.js';
import { listingPhase, measureStatus, type State } from '../kb/timeline.js';
import type { EntityDossier, HouseContextView, ListingView } from '../model/dossier.js';
import type { Name, TimelineEvent } from '../model/kb.js';
import { extentCovers } from './engine.js';

export type { EntityDossier, HouseContextView, ListingView };

export interface MeasureDossier {
  kind: 'measure';
  measure: KbMeasure;
  state?: State;
  timeline: TimelineEvent[];
  listings: ListingView[];
  sources: { id: string; title: string; url: string; date: string }[];
}

function nameOf(kb: KnowledgeBase, id: string): string {
  return kb.organisations[id]?.names[0]?.value ?? kb.products[id]?.name ?? id;
}

export function entityDossier(kb: KnowledgeBase, graph: CorporateGraph, id: string, asOf: string): EntityDossier | undefined {
  const org = kb.organisations[id];
  const product = kb.products[id];
  if (!org && !product) return undefined;
  const parents: EntityDossier['parents'] = [];
  const children: EntityDossier['children'] = [];
  for (const r of kb.relations) {
    const entry = { relation: r.predicate, ...(r.share !== undefined ? { share: r.share } : {}), ...(r.from ? { since: r.from } : {}), ...(r.to ? { until: r.to } : {}) };
    const childIsSubject = r.predicate === 'brand-of';
    const child = childIsSubject ? r.subject : r.object;
    const parent = childIsSubject ? r.object : r.subject;
    if (child === id) parents.push({ id: parent, name: nameOf(kb, parent), ...entry });
    if (parent === id) children.push({ id: child, name: nameOf(kb, child), ...entry });
  }
  if (product?.owner) parents.push({ id: product.owner, name: nameOf(kb, product.owner), relation: 'product of' });
  const products = Object.values(kb.products)
    .filter((p) => p.owner === id)
    .map((p) => ({ id: p.id, name: p.name, kind: p.kind }));
  const listings: ListingView[] = [];
  const houseContext = new Map<string, HouseContextView>();
  // Only the listings of entities the graph could connect with this one are read.
  for (const l of listingsOf(kb, graph.nodes.has(id) ? [id, ...graph.nodes] : [id])) {
    const measure = kb.measures[l.measure];
    if (!measure) continue;
    const connection = graph.connect(id, l.target, asOf);
    if (!connection) continue;
    const phase = listingPhase(l, asOf);
    const status = measureStatus(measure, asOf);
    const via = connection.kinship === 'self' ? 'listed itself' : `${connection.kinship} of ${nameOf(kb, l.target)}`;
    if (!extentCovers(measure, connection, asOf)) {
      // As a scan says it (context, reason outside-reach), once per measure, for listings in force.
      if (phase !== 'active' || status?.state !== 'in-force') continue;
      const seen = houseContext.get(l.measure);
      if (seen) seen.listings++;
      else houseContext.set(l.measure, { measure: l.measure, short: measure.short, listings: 1, example: { target: l.target, name: nameOf(kb, l.target), nameAsListed: l.nameAsListed, via } });
      continue;
    }
    const state: ListingView['state'] = phase === 'not-yet' || !status ? 'not yet' : phase === 'ended' ? 'historical' : status.state;
    const last = measure.timeline.at(-1);
    const measureEnded = last && last.date >= l.from && measureStatus(measure, last.date)?.state === 'historical' ? last.date : undefined;
    listings.push({
      measure: l.measure,
      short: measure.short,
      target: l.target,
      nameAsListed: l.nameAsListed,
      from: l.from,
      ...(l.to ? { to: l.to } : {}),
      state,
      via,
      ...(measureEnded ? { measureEnded } : {}),
    });
  }
  listings.sort((a, b) => a.from.localeCompare(b.from) || a.measure.localeCompare(b.measure));
  const record = org ?? product;
  const sourceIds = record?.sources ?? [];
  const dossier: EntityDossier = {
    kind: org ? 'organisation' : 'product',
    id,
    name: nameOf(kb, id),
    group: (org ?? product)?.group ?? '',
    names: org ? org.names : [{ value: product?.name ?? id, kind: 'brand' }, ...(product?.aliases ?? []).map((a): Name => ({ value: a, kind: 'alias' }))],
    identifiers: org?.identifiers ?? [],
    parents,
    children,
    products,
    listings,
    houseContext: [...houseContext.values()].filter((x) => !listings.some((l) => l.measure === x.measure && l.state === 'in-force')).sort((a, b) => a.measure.localeCompare(b.measure)),
    sources: sourceList(kb, sourceIds),
    unverified: Boolean(record?.unverified),
  };
  if (org) dossier.organisationKind = org.kind;
  if (org?.country) dossier.country = org.country;
  return dossier;
}

export function measureDossier(kb: KnowledgeBase, id: string, asOf: string): MeasureDossier | undefined {
  const measure = kb.measures[id];
  if (!measure) return undefined;
  const status = measureStatus(measure, asOf);
  const listings: ListingView[] = kb.listings
    .filter((l) => l.measure === id)
    .map((l) => {
      const phase = listingPhase(l, asOf);
      return {
        measure: id,
        short: measure.short,
        target: l.target,
        nameAsListed: l.nameAsListed,
        from: l.from,
        ...(l.to ? { to: l.to } : {}),
        state: phase === 'not-yet' || !status ? 'not yet' : phase === 'ended' ? 'historical' : status.state,
        via: nameOf(kb, l.target),
      };
    });
  const dossier: MeasureDossier = { kind: 'measure', measure, timeline: measure.timeline, listings, sources: sourceList(kb, measure.sources) };
  if (status) dossier.state = status.state;
  return dossier;
}

function sourceList(kb: KnowledgeBase, ids: readonly string[]) {
  return ids.flatMap((s) => {
    const src = kb.sources[s];
    return src ? [{ id: s, title: src.title, url: src.url, date: src.date }] : [];
  });
}
