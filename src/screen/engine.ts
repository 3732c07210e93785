/**
 * The screening engine: item → resolutions → corporate path → measures in force as of a date,
 * under a profile → findings with evidence, citations and obligations. Pure: no I/O.
 */
import { CorporateGraph, type Connection, type Step } from '../kb/graph.js';
import type { EntityRef, KbListing, KbMeasure, KnowledgeBase } from '../kb/model.js';
import { listingPhase, measureStatus, severityForState, severityRank, type State } from '../kb/timeline.js';
import type { Facet, Profile, Severity } from '../model/kb.js';
import type { EntitySummary, Finding, FieldNote, ItemResult, PathStep } from '../model/finding.js';
import type { FieldKind, InventoryItem } from '../model/item.js';
import type { FieldOutcome, Resolution, Resolver } from '../match/resolver.js';
import { TwoGenerationCache } from './two-generation-cache.js';

export interface ScreenOptions {
  /** YYYY-MM-DD. */
  asOf: string;
  profile: Profile;
  includeHistorical: boolean;
}

/** Which facet of an item each field speaks of. A name takes the facet of what it names. */
const FIELD_FACET: Record<Exclude<FieldKind, 'name'>, Facet> = {
  mac: 'equipment',
  model: 'equipment',
  category: 'equipment',
  host: 'service',
  app: 'app',
  purl: 'software',
  package: 'software',
  library: 'software',
  isin: 'security',
  cusip: 'security',
  ticker: 'security',
  lei: 'organisation',
  uscc: 'organisation',
};

/** Confidence kept along a corporate path: a subsidiary's listing is a fact about the parent. */
/**
 * How the matched entity reaches the listed one; `presumed-subsidiary` when the item's name only
 * shares a house's name (a `group-name` match) and the house is, or belongs to, the listed entity.
 */
type Reach = Omit<Connection, 'kinship'> & { kinship: Connection['kinship'] | 'presumed-subsidiary' };

const KINSHIP_FACTOR: Record<Reach['kinship'], number> = {
  self: 1,
  'own-product': 1,
  subsidiary: 0.95,
  'presumed-subsidiary': 0.9,
  parent: 0.85,
  affiliate: 0.75,
};

/**
 * Logs repeat the same hosts and apps millions of times: resolutions and their findings are kept
 * for the most recent values, with a bound so memory stays flat on any input.
 */
const CACHE_ENTRIES = 10_000;

class BoundedCache<T> {
  // Two generations, not eviction from the front of one Map: deleting a Map's oldest key leaves a
  // hole that every later keys().next() walks over, which made each eviction cost ~50 µs.
  private readonly cache: TwoGenerationCache<string, T>;
  constructor(limit: number) {
    this.cache = new TwoGenerationCache(limit);
  }

  get(field: string, value: string, compute: () => T): T {
    const key = `${field}\0${value}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const computed = compute();
    this.cache.set(key, computed);
    return computed;
  }
}

export class ScreeningEngine {
  private readonly outcomes = new BoundedCache<FieldOutcome>(CACHE_ENTRIES);
  private readonly findingCaches = new WeakMap<ScreenOptions, BoundedCache<Finding[]>>();
  private readonly graph: CorporateGraph;
  private readonly listingsByTarget = new Map<string, KbListing[]>();
  private readonly children = new Map<string, string[]>();

  constructor(
    readonly kb: KnowledgeBase,
    readonly resolver: Resolver,
  ) {
    this.graph = new CorporateGraph(kb);
    for (const l of kb.listings) {
      const list = this.listingsByTarget.get(l.target) ?? [];
      list.push(l);
      this.listingsByTarget.set(l.target, list);
    }
    const addChild = (parent: string, child: string) => {
      const list = this.children.get(parent) ?? [];
      list.push(child);
      this.children.set(parent, list);
    };
    for (const p of Object.values(kb.products)) if (p.owner) addChild(p.owner, p.id);
    for (const r of kb.relations) {
      if (r.predicate === 'brand-of') addChild(r.object, r.subject);
      else addChild(r.subject, r.object);
    }
  }

  screen(item: InventoryItem, options: ScreenOptions): ItemResult {
    const facets = itemFacets(item);
    const outcomes: FieldOutcome[] = [];
    for (const [field, values] of Object.entries(item.fields) as [FieldKind, string[]][]) {
      for (const value of values) outcomes.push(this.outcomes.get(field, value, () => this.resolver.resolve(field, value)));
    }
    const warnings: FieldNote[] = [];
    for (const o of outcomes) {
      if (o.error) warnings.push({ field: o.field, value: o.value, message: o.error });
      else if (o.note) warnings.push({ field: o.field, value: o.value, message: o.note });
    }
    const usable = outcomes.filter((o) => !o.error);
    if (usable.length === 0) {
      return { origin: item.origin, label: item.label, ...(item.asset ? { asset: item.asset } : {}), status: 'rejected', error: warnings.map((w) => w.message).join('; '), findings: [] };
    }
    const best = new Map<string, Finding>();
    for (const outcome of usable) {
      for (const resolution of outcome.resolutions) {
        const fieldFacets = outcome.field === 'name' ? facets : new Set<Facet>([FIELD_FACET[outcome.field]]);
        const cacheKey = `${resolution.entity.id}\0${[...fieldFacets].sort().join()}`;
        for (const f of this.findingsCache(options).get(resolution.field, `${resolution.value}\0${cacheKey}`, () => this.findingsFor(resolution, fieldFacets, options))) {
          const key = `${f.measure.id}|${f.subject.id}`;
          const prior = best.get(key);
          if (!prior || f.confidence > prior.confidence || (f.confidence === prior.confidence && f.path.length < prior.path.length)) best.set(key, f);
        }
      }
    }
    for (const f of this.categoryFindings(item, options)) best.set(`${f.measure.id}|${f.subject.id}`, f);
    const findings = [...best.values()].sort(compareFindings);
    const result: ItemResult = { origin: item.origin, label: item.label, ...(item.asset ? { asset: item.asset } : {}), status: 'screened', findings };
    if (warnings.length > 0) result.warnings = warnings;
    return result;
  }

  /** Findings depend on the options; one cache per options object (one scan). */
  private findingsCache(options: ScreenOptions): BoundedCache<Finding[]> {
    let cache = this.findingCaches.get(options);
    if (!cache) {
      cache = new BoundedCache<Finding[]>(CACHE_ENTRIES);
      this.findingCaches.set(options, cache);
    }
    return cache;
  }

  private findingsFor(resolution: Resolution, facets: Set<Facet>, options: ScreenOptions): Finding[] {
    const { asOf } = options;
    const start = resolution.entity.id;
    const out: Finding[] = [];
    for (const target of this.familyOf(start, asOf)) {
      for (const listing of this.listingsByTarget.get(target) ?? []) {
        const measure = this.kb.measures[listing.measure];
        const baseSeverity = options.profile.measures[listing.measure];
        if (!measure || !baseSeverity) continue;
        if (!measure.facets.some((f) => facets.has(f))) continue;
        const connection = reach(this.graph.connect(start, target, asOf), resolution);
        if (!connection || !extentCovers(measure, connection, asOf)) continue;
        const state = this.stateOf(measure, listing, asOf);
        if (!state) continue;
        if (state.state === 'historical' && !options.includeHistorical) continue;
        out.push(this.finding(resolution, measure, listing, connection, state, baseSeverity));
      }
    }
    return out;
  }

  /**
   * Category rules ("routers produced in a foreign country") apply to an item by its category, not
   * its maker. Where the item was produced is not in an inventory, so the finding asks for a check
   * (confidence 0.5) and lists the exceptions.
   */
  private categoryFindings(item: InventoryItem, options: ScreenOptions): Finding[] {
    const categories = (item.fields.category ?? []).map((c) => c.trim().toLowerCase());
    if (categories.length === 0) return [];
    const out: Finding[] = [];
    for (const measure of Object.values(this.kb.measures)) {
      const baseSeverity = options.profile.measures[measure.id];
      if (!baseSeverity) continue;
      for (const rule of measure.categoryRules) {
        if (options.asOf < rule.from || (rule.to !== undefined && options.asOf >= rule.to)) continue;
        const hit = categories.find((c) => rule.categories.some((rc) => c === rc || c.split(/[\s/,_-]+/).includes(rc) || c === `${rc}s`));
        if (hit === undefined) continue;
        const status = measureStatus(measure, options.asOf);
        if (!status || (status.state === 'historical' && !options.includeHistorical)) continue;
        const value = item.fields.category?.find((c) => c.trim().toLowerCase() === hit) ?? hit;
        const finding: Finding = {
          measure: measureSummary(measure),
          subject: { id: rule.id, name: rule.description, kind: 'category' },
          listing: { nameAsListed: rule.description, from: rule.from, ...(rule.to ? { to: rule.to } : {}) },
          state: status.state,
          status: { status: status.event.status, date: status.event.date, note: status.event.note },
          severity: severityForState(severityRank(baseSeverity) > severityRank('medium') ? 'medium' : baseSeverity, status.state),
          confidence: 0.5,
          match: { field: 'category', value, method: 'category', entity: { id: rule.id, name: rule.description, kind: 'category' } },
          path: [],
          kinship: 'category',
          evidence: [{ type: 'category', input: value, rule: rule.id, category: rule.categories.find((rc) => hit === rc || hit.split(/[\s/,_-]+/).includes(rc) || hit === `${rc}s`) ?? hit }],
          citations: measure.citations,
          obligation: measure.obliges,
          exceptions: rule.exceptions,
        };
        out.push(finding);
      }
    }
    return out;
  }

  /** The entity, its ancestors, and everything below them: the only places a listing can be. */
  private familyOf(id: string, asOf: string): string[] {
    const up = [id, ...this.graph.ancestors(id, asOf).keys()];
    const all = new Set(up);
    const queue = [...up];
    while (queue.length > 0) {
      const next = queue.pop() as string;
      for (const child of this.children.get(next) ?? []) {
        if (!all.has(child)) {
          all.add(child);
          queue.push(child);
        }
      }
    }
    return [...all].filter((t) => this.listingsByTarget.has(t)).sort();
  }

  private stateOf(measure: KbMeasure, listing: KbListing, asOf: string): Pick<Finding, 'state' | 'status'> | undefined {
    const phase = listingPhase(listing, asOf);
    if (phase === 'not-yet') return undefined;
    const status = measureStatus(measure, asOf);
    if (!status) return undefined;
    if (phase === 'ended') {
      return { state: 'historical', status: { status: 'delisted', date: listing.to as string, note: listing.note ?? `Removed from ${measure.short} on ${listing.to}.` } };
    }
    const s: Finding['status'] = { status: status.event.status, date: status.event.date, note: status.event.note };
    if (status.next) s.next = { status: status.next.status, date: status.next.date };
    return { state: status.state, status: s };
  }

  private finding(
    resolution: Resolution,
    measure: KbMeasure,
    listing: KbListing,
    connection: Reach,
    state: { state: State; status: Finding['status'] },
    baseSeverity: Severity,
  ): Finding {
    const unverified = this.unverifiedFacts(resolution, measure, listing, connection.path);
    const scope = [measure.scope, listing.scope].filter(Boolean).join(' ');
    const finding: Finding = {
      measure: measureSummary(measure),
      subject: this.summary({ kind: this.kb.products[listing.target] ? 'product' : 'organisation', id: listing.target }),
      listing: { nameAsListed: listing.nameAsListed, from: listing.from, ...(listing.to ? { to: listing.to } : {}), ...(listing.scope ? { scope: listing.scope } : {}) },
      state: state.state,
      status: state.status,
      severity: severityForState(baseSeverity, state.state),
      confidence: round2(resolution.confidence * KINSHIP_FACTOR[connection.kinship] ** Math.max(1, connection.path.filter((s) => s.relation === 'owned by' || s.relation === 'controlled by').length)),
      match: { field: resolution.field, value: resolution.value, method: resolution.method, entity: this.summary(resolution.entity) },
      path: connection.path.map((s) => this.pathStep(s)),
      kinship: connection.kinship,
      evidence: [resolution.evidence],
      citations: measure.citations,
      obligation: measure.obliges,
    };
    if (scope) finding.scope = scope;
    if (unverified.length > 0) finding.unverified = unverified;
    return finding;
  }

  private unverifiedFacts(resolution: Resolution, measure: KbMeasure, listing: KbListing, path: Step[]): string[] {
    const out: string[] = [];
    // The record the item matched: an app id or a name given from memory, say.
    const { kind, id } = resolution.entity;
    if ((kind === 'product' ? this.kb.products[id] : this.kb.organisations[id])?.unverified) out.push(`${kind} ${id}`);
    if (listing.unverified || listing.sources.some((s) => this.kb.sources[s]?.unverified)) out.push(`listing of ${listing.target} in ${measure.id}`);
    for (const ev of measure.timeline) if (ev.unverified) out.push(`${measure.id} ${ev.status} ${ev.date}`);
    for (const s of path) {
      const rel = this.kb.relations.find((r) => (r.subject === s.from || r.object === s.from) && (r.subject === s.to || r.object === s.to));
      if (rel?.unverified) out.push(`${rel.subject} ${rel.predicate} ${rel.object}`);
    }
    return out;
  }

  private summary(ref: EntityRef): EntitySummary {
    if (ref.kind === 'product') return { id: ref.id, name: this.kb.products[ref.id]?.name ?? ref.id, kind: 'product' };
    return { id: ref.id, name: this.kb.organisations[ref.id]?.names[0]?.value ?? ref.id, kind: 'organisation' };
  }

  private entitySummary(id: string): EntitySummary {
    return this.summary(this.kb.products[id] ? { kind: 'product', id } : { kind: 'organisation', id });
  }

  private pathStep(s: Step): PathStep {
    const step: PathStep = {
      from: this.entitySummary(s.from),
      relation: s.direction === 'up' ? s.relation : downwardLabel(s.relation),
      to: this.entitySummary(s.to),
      sources: s.sources,
    };
    if (s.share !== undefined) step.share = s.share;
    if (s.since) step.since = s.since;
    if (s.until) step.until = s.until;
    return step;
  }
}

function measureSummary(m: KbMeasure): Finding['measure'] {
  return { id: m.id, title: m.title, short: m.short, jurisdiction: m.jurisdiction, kind: m.kind, legalForce: m.legalForce };
}

function downwardLabel(relation: Step['relation']): string {
  switch (relation) {
    case 'owned by':
      return 'owns';
    case 'controlled by':
      return 'controls';
    case 'brand of':
      return 'has brand';
    case 'made by (OEM)':
      return 'makes (OEM) for';
    case 'operated by':
      return 'operates';
    case 'published by':
      return 'publishes';
    case 'product of':
      return 'makes';
  }
}

/** A company named after a house, not itself in the knowledge base, is presumed the house's subsidiary. */
function reach(c: Connection | undefined, resolution: Resolution): Reach | undefined {
  if (!c || resolution.method !== 'group-name') return c;
  return c.kinship === 'self' || c.kinship === 'subsidiary' ? { ...c, kinship: 'presumed-subsidiary' } : c;
}

/** Does the measure's reach through the corporate group include this connection? */
/** The measure's reach on a date: its `extent`, or the latest of its `extentChanges` by then. */
export function extentOn(measure: KbMeasure, asOf: string): KbMeasure['extent'] {
  let extent = measure.extent;
  for (const change of measure.extentChanges) if (change.from <= asOf) extent = change.extent;
  return extent;
}

export function extentCovers(measure: KbMeasure, c: Reach, asOf: string): boolean {
  if (c.kinship === 'self' || c.kinship === 'own-product') return true;
  switch (extentOn(measure, asOf)) {
    case 'listed':
      return false;
    case 'subsidiaries':
      return c.kinship === 'subsidiary' || c.kinship === 'presumed-subsidiary';
    case 'majority-owned':
      // A presumed subsidiary's share is unknown, as is an owned-by relation's without a share.
      return c.kinship === 'presumed-subsidiary' || (c.kinship === 'subsidiary' && (c.share === undefined || c.share > 50));
    case 'affiliates':
      return true;
  }
}

function itemFacets(item: InventoryItem): Set<Facet> {
  const facets = new Set<Facet>();
  for (const field of Object.keys(item.fields) as FieldKind[]) if (field !== 'name') facets.add(FIELD_FACET[field]);
  // A bare name is an organisation; beside a MAC or an app id it is that thing's maker.
  facets.add('organisation');
  return facets;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.measure.id.localeCompare(b.measure.id) ||
    a.subject.id.localeCompare(b.subject.id)
  );
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
