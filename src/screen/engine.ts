/**
 * The screening engine: item → resolutions → corporate path → measures in force as of a date,
 * under a profile → findings with evidence, citations and obligations. Pure: no I/O.
 */
import { CorporateGraph, type Connection, type Step } from '../kb/graph.js';
import { isGeneratedFile, type EntityRef, type KbListing, type KbMeasure, type KnowledgeBase } from '../kb/model.js';
import { listingPhase, measureStatus, severityForState, severityRank, type State } from '../kb/timeline.js';
import type { Facet, Profile, Severity } from '../model/kb.js';
import type { EntitySummary, Finding, FieldNote, ItemResult, PathStep } from '../model/finding.js';
import type { FieldKind, InventoryItem } from '../model/item.js';
import type { FieldOutcome, Resolution, Resolver } from '../match/resolver.js';
import { SAME_THRESHOLD } from '../match/names/compare.js';
import { countryCode, sameCountry } from '../match/country.js';
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

/** Fields whose value identifies one entity beyond doubt, when resolved with this confidence. */
const STRONG_FIELDS: ReadonlySet<FieldKind> = new Set(['isin', 'cusip', 'lei', 'uscc', 'ticker', 'mac', 'app']);
const STRONG_CONFIDENCE = 0.9;

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

/** What a measure's reach takes in, and how an item it does not reach is kin of the listed one: words of a context note. */
const REACH_WORDS: Record<KbMeasure['extent'], string> = {
  listed: 'only what it names',
  subsidiaries: 'what it names and the companies they control',
  'majority-owned': 'what it names and the companies they own by half or more',
  affiliates: 'what it names and its affiliates',
};
const KIN_WORDS: Record<Reach['kinship'], string> = {
  self: 'is',
  'own-product': 'is a product of',
  subsidiary: 'belongs to',
  'presumed-subsidiary': 'is presumed to belong to',
  parent: 'stands above',
  affiliate: 'shares a house with',
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
  private readonly measureHouses = new Map<string, string[]>();
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
    const usable = this.countryDecides(this.identifierDecides(outcomes.filter((o) => !o.error), options.asOf, warnings), item, warnings);
    if (usable.length === 0) {
      return { origin: item.origin, label: item.label, ...(item.asset ? { asset: item.asset } : {}), status: 'rejected', error: warnings.map((w) => w.message).join('; '), findings: [] };
    }
    const best = new Map<string, Finding>();
    for (const outcome of usable) {
      for (const resolution of outcome.resolutions) {
        const fieldFacets = outcome.field === 'name' ? facets : new Set<Facet>([FIELD_FACET[outcome.field]]);
        // Findings depend on the value only through the match's value and its evidence: they are
        // kept per entity, method and confidence, and given this value's (a table of a million
        // distinct MAC addresses of one maker computes them once, and holds one set of them).
        const cacheKey = `${resolution.entity.kind}:${resolution.entity.id}\0${resolution.method}\0${resolution.confidence}\0${[...fieldFacets].sort().join()}`;
        const shared = this.findingsCache(options).get(resolution.field, cacheKey, () => this.findingsFor(resolution, fieldFacets, options));
        for (const cached of shared) {
          const f: Finding = { ...cached, match: { ...cached.match, value: resolution.value }, evidence: [resolution.evidence] };
          // Context is said once per measure (the nearest listing), obligations once per listing.
          const key = f.role === 'context' ? `${f.measure.id}|context` : `${f.measure.id}|${f.subject.id}`;
          const prior = best.get(key);
          // An obligation beats context; then the surer match, then the shorter path.
          if (!prior || f.confidence > prior.confidence || (f.confidence === prior.confidence && f.path.length < prior.path.length)) best.set(key, f);
        }
      }
    }
    for (const f of this.categoryFindings(item, options)) best.set(`${f.measure.id}|${f.subject.id}`, f);
    // A measure with an obligation for the item needs no context beside it.
    const obliged = new Set([...best.values()].filter((f) => f.role === 'obligation').map((f) => f.measure.id));
    const findings = [...best.values()].filter((f) => f.role === 'obligation' || !obliged.has(f.measure.id)).sort(compareFindings);
    const result: ItemResult = { origin: item.origin, label: item.label, ...(item.asset ? { asset: item.asset } : {}), status: 'screened', findings };
    if (warnings.length > 0) result.warnings = warnings;
    return result;
  }

  /**
   * A strong identifier in the row (ISIN, LEI, MAC, app id …) decides which entity the row is: a
   * name in the same row that matched another house only approximately is set aside, with a
   * warning, rather than adding that house's findings. Names that lead to the identified entity's
   * family, or that are another entity's name word for word, stay.
   */
  private identifierDecides(outcomes: FieldOutcome[], asOf: string, warnings: FieldNote[]): FieldOutcome[] {
    const identified = outcomes.filter((o) => STRONG_FIELDS.has(o.field)).flatMap((o) => o.resolutions.filter((r) => r.confidence >= STRONG_CONFIDENCE));
    if (identified.length === 0) return outcomes;
    return outcomes.map((o) => {
      if (o.field !== 'name' || o.resolutions.length === 0) return o;
      // A name that is, word for word, the other entity's name (score 1) is not ambiguous: both stand.
      const agrees = (r: Resolution) => r.confidence >= 1 || identified.some((i) => i.entity.id === r.entity.id || this.graph.sameFamily(i.entity.id, r.entity.id, asOf) !== undefined);
      const kept = o.resolutions.filter(agrees);
      if (kept.length === o.resolutions.length) return o;
      const first = identified[0] as Resolution;
      const setAside = o.resolutions.filter((r) => !agrees(r)).map((r) => `${this.summary(r.entity).name} (${r.confidence})`);
      warnings.push({ field: 'name', value: o.value, message: `the name also matched ${setAside.join(', ')}; the row's ${first.field} ${first.value} identifies ${this.summary(first.entity).name}, which decides` });
      return { ...o, resolutions: kept };
    });
  }

  /**
   * The row's country against an official list's own party: a name that matched a party the list
   * places in one other country ("Digital Solutions Ltd" of Germany, "JSC Digital Solutions" of
   * Russia) is most often another company of the same name, and the match is set aside with a
   * warning that names it. Curated companies are not (a house trades in many countries), nor list
   * parties of several countries or of none recorded; a country the row gives that names no country
   * is said in a warning and weighs nothing.
   */
  private countryDecides(outcomes: FieldOutcome[], item: InventoryItem, warnings: FieldNote[]): FieldOutcome[] {
    const written = item.asset?.country;
    if (!written || !outcomes.some((o) => o.field === 'name' && o.resolutions.length > 0)) return outcomes;
    const country = countryCode(written);
    if (!country) {
      warnings.push({ field: 'name', value: written, message: `the row's country "${written}" is not a country Covered knows; it was not compared with the matched parties' countries` });
      return outcomes;
    }
    return outcomes.map((o) => {
      if (o.field !== 'name') return o;
      const elsewhere = (r: Resolution): string | undefined => {
        if (r.entity.kind !== 'organisation') return undefined;
        const org = this.kb.organisations[r.entity.id];
        const group = org ? this.kb.groups[org.group] : undefined;
        if (!org?.country || !group || !isGeneratedFile(org.file) || !isGeneratedFile(group.file)) return undefined;
        return sameCountry(org.country, country) ? undefined : org.country;
      };
      const setAside = o.resolutions.filter((r) => elsewhere(r) !== undefined);
      if (setAside.length === 0) return o;
      const named = setAside.map((r) => `${this.summary(r.entity).name} (${elsewhere(r)})`).join(', ');
      warnings.push({ field: 'name', value: o.value, message: `the name matched ${named}, which the list places in another country than the row's ${written} (${country}); set aside as another company of that name` });
      return { ...o, resolutions: o.resolutions.filter((r) => elsewhere(r) === undefined) };
    });
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
        const connection = reach(this.graph.connect(start, target, asOf), resolution);
        if (!connection) continue;
        const facetApplies = measure.facets.some((f) => facets.has(f));
        const control = controlTest(measure, connection, asOf);
        const covered = extentCovers(measure, connection, asOf) && control.result === 'met';
        // A share that is not recorded is shown as unknown: context, never an obligation.
        const shareUnknown = control.result === 'unknown' && extentCovers(measure, connection, asOf);
        const later = covered || shareUnknown ? undefined : laterReach(measure, connection, asOf);
        // The measure is about this kind of item and names the listed one alone (or with its
        // subsidiaries), and this item is kin of it by another path: said as context, so that an
        // item of a listed house is never silent. Of another kind as well, or kin only by sharing
        // the house's name, it is too remote to say; a share below the measure's control test puts
        // it outside the house for this measure.
        const outside = !covered && !later && !shareUnknown;
        if (outside && (!facetApplies || connection.kinship === 'presumed-subsidiary' || control.result === 'not met')) continue;
        if ((!facetApplies || !covered) && options.profile.context === 'hide') continue;
        const state = this.stateOf(measure, listing, asOf);
        if (!state) continue;
        if (state.state === 'historical' && !options.includeHistorical) continue;
        const finding = this.finding(resolution, measure, listing, connection, state, baseSeverity, asOf);
        if (control.test !== 'none') finding.control = { test: control.test, share: control.share, result: control.result, ...(control.unknownSteps.length > 0 ? { unknown: control.unknownSteps } : {}) };
        if (facetApplies && covered) {
          out.push(finding);
          continue;
        }
        // No silent drop: the item belongs to a listed group, but the obligation is not about this
        // kind of item, or reaches it only later. Said at `info`, as context.
        const reasons: string[] = [];
        if (!facetApplies) reasons.push(`${measure.short} applies to ${measure.facets.join(' and ')}; this item is ${[...facets].filter((f) => f !== 'organisation' || facets.size === 1).join(' and ')}`);
        if (shareUnknown) reasons.push(`${measure.short} reaches a subsidiary only where the control test is met (${control.test}: ${control.share} % at each ownership step); the share is not recorded for ${control.unknownSteps.join(', ')}`);
        if (later) reasons.push(`${measure.short} reaches ${later.extent === 'subsidiaries' ? 'companies a listed one controls' : later.extent} only from ${later.from}: ${later.note.replace(/\s+/g, ' ').trim()}`);
        if (outside) reasons.push(`${measure.short} reaches ${REACH_WORDS[extentOn(measure, asOf)]}; this item's ${this.summary(resolution.entity).name} ${KIN_WORDS[connection.kinship]} ${finding.subject.name} and is not named by it`);
        out.push({
          ...finding,
          role: 'context',
          context: { reason: outside ? 'outside-reach' : !facetApplies ? 'facet' : shareUnknown ? 'share-unknown' : 'reach-later', note: reasons.join('; '), ...(later ? { from: later.from } : {}) },
          severity: 'info',
          // Context is short: the measure's first citation (`covered explain` gives them all).
          citations: measure.citations.slice(0, 1),
          obligation: `None for this item: ${reasons.join('; ')}.`,
          ...(later && facetApplies ? { state: 'pending' as const } : {}),
        });
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
          role: 'obligation',
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

  /** The names of a listed target's corporate house, as timeline notes would name it (not a list's own catch-all group). */
  private houseNames(target: string): string[] {
    const group = this.kb.groups[this.kb.organisations[target]?.group ?? this.kb.products[target]?.group ?? ''];
    return group && !isGeneratedFile(group.file) ? [group.name] : [];
  }

  /** The houses a measure lists companies of (its curated groups' names), kept per measure. */
  private housesOf(measure: KbMeasure): string[] {
    let names = this.measureHouses.get(measure.id);
    if (!names) {
      names = [...new Set(this.kb.listings.filter((l) => l.measure === measure.id).flatMap((l) => this.houseNames(l.target)))];
      this.measureHouses.set(measure.id, names);
    }
    return names;
  }

  private stateOf(measure: KbMeasure, listing: KbListing, asOf: string): Pick<Finding, 'state' | 'status'> | undefined {
    const phase = listingPhase(listing, asOf);
    if (phase === 'not-yet') return undefined;
    const status = measureStatus(measure, asOf);
    if (!status) return undefined;
    if (phase === 'ended') {
      return { state: 'historical', status: { status: 'delisted', date: listing.to as string, note: listing.note ?? `Removed from ${measure.short} on ${listing.to}.` } };
    }
    if (phase === 'unconfirmed') {
      return {
        state: 'unconfirmed',
        status: { status: 'listed-on-or-before', date: listing.from, note: `On ${measure.short} by ${listing.from}; when it was added is not recorded, so whether it was listed on ${asOf} is not known.` },
      };
    }
    // The listing's own status: the latest event that matters to it — the measure's changes of
    // force, its first taking effect, the listing's own addition — not the latest addition of
    // another company ("Foreign-produced power inverters added" says nothing about China Mobile).
    const events = eventsForListing(measure, listing, this.houseNames(listing.target), this.housesOf(measure));
    const past = events.filter((ev) => ev.date <= asOf);
    const latest = past[past.length - 1];
    const next = events.find((ev) => ev.date > asOf);
    const s: Finding['status'] =
      !latest || listing.from > latest.date
        ? { status: status.event.status, date: listing.from, note: `Listed on ${listing.from} as "${listing.nameAsListed}".` }
        : { status: latest.status, date: latest.date, note: latest.note };
    if (next) s.next = { status: next.status, date: next.date };
    // Dates and statuses only: a report of a million rows repeats them (`covered explain` has the notes).
    s.events = events.map((ev) => ({ date: ev.date, status: ev.status, ...(ev.date > asOf ? { future: true as const } : {}) }));
    return { state: status.state, status: s };
  }

  private finding(
    resolution: Resolution,
    measure: KbMeasure,
    listing: KbListing,
    connection: Reach,
    state: { state: State; status: Finding['status'] },
    baseSeverity: Severity,
    asOf: string,
  ): Finding {
    const unverified = this.unverifiedFacts(resolution, measure, listing, connection.path, asOf);
    const scope = [measure.scope, listing.scope].filter(Boolean).join(' ');
    const finding: Finding = {
      measure: measureSummary(measure),
      role: 'obligation',
      subject: this.summary({ kind: this.kb.products[listing.target] ? 'product' : 'organisation', id: listing.target }),
      listing: { nameAsListed: listing.nameAsListed, from: listing.from, ...(listing.dateBasis === 'on-or-before' ? { dateBasis: 'on-or-before' as const } : {}), ...(listing.to ? { to: listing.to } : {}), ...(listing.scope ? { scope: listing.scope } : {}) },
      state: state.state,
      status: state.status,
      severity: severityForConfidence(severityForState(baseSeverity, state.state), resolution),
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

  private unverifiedFacts(resolution: Resolution, measure: KbMeasure, listing: KbListing, path: Step[], asOf: string): string[] {
    const out: string[] = [];
    // The record the item matched: an app id or a name given from memory, say.
    const { kind, id } = resolution.entity;
    if ((kind === 'product' ? this.kb.products[id] : this.kb.organisations[id])?.unverified) out.push(`${kind} ${id}`);
    if (listing.unverified || listing.sources.some((s) => this.kb.sources[s]?.unverified)) out.push(`listing of ${listing.target} in ${measure.id}`);
    for (const ev of measure.timeline) if (ev.unverified) out.push(`${measure.id} ${ev.status} ${ev.date}`);
    const reach = [...measure.extentChanges].reverse().find((c) => c.from <= asOf);
    if (reach?.unverified) out.push(`${measure.id} reach from ${reach.from}`);
    if (measure.control?.unverified && path.some((s) => s.relation === 'owned by' || s.relation === 'controlled by')) out.push(`${measure.id} control test`);
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

/**
 * How sure the match is enters the severity: a name that scores below the "same entity" threshold
 * (a presumed subsidiary, a name lowered with --threshold), or any value resolved with a
 * confidence below 0.7 (a publisher's namespace, a generic library name), is at most `medium`.
 */
export function severityForConfidence(severity: Severity, resolution: Pick<Resolution, 'method' | 'confidence'>): Severity {
  const weakName = (resolution.method === 'name' || resolution.method === 'group-name') && resolution.confidence < SAME_THRESHOLD;
  const weak = weakName || resolution.confidence < WEAK_CONFIDENCE;
  return weak && severityRank(severity) > severityRank('medium') ? 'medium' : severity;
}

const WEAK_CONFIDENCE = 0.7;

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

/** Timeline notes of list updates: the addition or removal of other entries, not a change of the measure. */
const LIST_UPDATE = /\b(added|adds|adding|removes|removed|annual update|end on this date|\d+ (?:more |further )?[\w -]{0,20}(?:entities|entries|affiliates|companies|parties))\b/i;

/** A name as a whole word of a note, compiled once per name. */
const WORD_PATTERNS = new Map<string, RegExp>();
function wordPattern(name: string): RegExp {
  let re = WORD_PATTERNS.get(name);
  if (!re) WORD_PATTERNS.set(name, (re = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i')));
  return re;
}

/**
 * The measure's events that matter to one listing, oldest first: its changes of force (signed,
 * enjoined, revoked …, and those in force for every entry, such as sec. 805's prohibitions), the
 * first time it took effect, the events on the listing's own dates, and list updates that name the
 * listing's house ("38 more Huawei affiliates …; FDP rule widened" matters to Huawei's entries, not
 * to Hikvision's); not a change of the measure that names only other houses it lists.
 */
export function eventsForListing(measure: KbMeasure, listing: KbListing, houseNames: readonly string[], otherHouses: readonly string[]): KbMeasure['timeline'] {
  const firstEffective = measure.timeline.find((ev) => ev.status === 'effective');
  const named = (names: readonly string[]) => names.filter((n) => n.length >= 3).map(wordPattern);
  const own = named(houseNames);
  const others = named(otherHouses.filter((n) => !houseNames.includes(n)));
  const namesOwn = (note: string) => own.some((re) => re.test(note));
  return measure.timeline.filter(
    (ev) =>
      ev === firstEffective ||
      ev.date === listing.from ||
      ev.date === listing.to ||
      ev.status !== 'effective' ||
      namesOwn(ev.note) ||
      // A change of the measure that names only other houses ("… when Huawei designs them") is theirs.
      (!LIST_UPDATE.test(ev.note) && !others.some((re) => re.test(ev.note))),
  );
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

/** The first later change of the measure's reach that would cover this connection, if any. */
function laterReach(measure: KbMeasure, c: Reach, asOf: string): KbMeasure['extentChanges'][number] | undefined {
  return measure.extentChanges.find((change) => change.from > asOf && extentCovers(measure, c, change.from));
}

export function extentCovers(measure: KbMeasure, c: Reach, asOf: string): boolean {
  if (c.kinship === 'self' || c.kinship === 'own-product') return true;
  switch (extentOn(measure, asOf)) {
    case 'listed':
      return false;
    case 'subsidiaries':
    case 'majority-owned':
      return (c.kinship === 'subsidiary' || c.kinship === 'presumed-subsidiary') && controlTest(measure, c, asOf).result !== 'not met';
    case 'affiliates':
      return true;
  }
}

export interface ControlResult {
  /** The least share at each ownership step, in percent. */
  share: number;
  test: string;
  result: 'met' | 'unknown' | 'not met';
  /** The ownership steps whose share is not recorded (a presumed subsidiary's is never known). */
  unknownSteps: string[];
}

/**
 * The measure's control test along the path from the listed owner down to the item's company:
 * every ownership step must reach the share (a "controls" relation does); a step without a
 * recorded share makes the result unknown, never met. Measures without a test pass.
 */
export function controlTest(measure: KbMeasure, c: Reach, asOf: string): ControlResult {
  const extent = extentOn(measure, asOf);
  const share = measure.control?.share ?? (extent === 'majority-owned' ? 50 : undefined);
  if (share === undefined || c.kinship === 'self' || c.kinship === 'own-product') return { share: 0, test: 'none', result: 'met', unknownSteps: [] };
  const test = measure.control?.test ?? 'owned 50 % or more';
  const unknownSteps: string[] = [];
  if (c.kinship === 'presumed-subsidiary') unknownSteps.push('presumed subsidiary (named after the house)');
  for (const step of c.path) {
    if (step.direction !== 'up' || step.relation !== 'owned by') continue;
    if (step.share === undefined) unknownSteps.push(`${step.from} owned by ${step.to}`);
    else if (step.share < share) return { share, test, result: 'not met', unknownSteps };
  }
  return { share, test, result: unknownSteps.length > 0 ? 'unknown' : 'met', unknownSteps };
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
