/**
 * Links an extracted event to the knowledge-base measure it reports: same jurisdiction, a target
 * the measure lists (the entity itself or its group), an action that fits the measure's kind, and
 * a timeline entry of a fitting status near the event's date. Pure.
 */
import type { KbListing, KnowledgeBase } from '../kb/model.js';
import type { Measure, TimelineStatus } from '../model/kb.js';
import type { Action, EventStatus } from './lexicon.js';
import type { RestrictionEvent } from './extract.js';
import type { ProposalKind } from '../model/news.js';

/**
 * `known`: the measure's timeline (or the target's listing) already records this act; the others
 * are proposals (`new-stage`: the measure reported, a stage not in its timeline yet; `new-listing`:
 * a list the knowledge base holds, with a target it does not list yet; `new`: no measure matches).
 */
export type LinkKind = 'known' | ProposalKind;

export interface MeasureLink {
  kind: LinkKind;
  /** The target this link is for (an event on TikTok and WeChat reports two measures). */
  target: string;
  measure?: string;
  /** The timeline entry or listing date the event matched. */
  matchedDate?: string;
  reasons: string[];
}

const ACTION_FITS: Record<Action, Measure['kind'][]> = {
  ban: ['app-ban', 'equipment-ban', 'device-ban', 'network-exclusion', 'policy', 'procurement-ban'],
  'entity-list': ['export-control', 'designation'],
  sanction: ['export-control', 'designation', 'investment-ban'],
  'investment-ban': ['investment-ban', 'designation'],
  'procurement-ban': ['procurement-ban', 'device-ban'],
  'export-control': ['export-control'],
  'divestment-order': ['divestment-order', 'app-ban'],
  'removal-order': ['network-exclusion', 'equipment-ban', 'policy'],
  'boycott-push': ['policy', 'network-exclusion'],
  other: ['app-ban', 'export-control', 'procurement-ban', 'equipment-ban', 'investment-ban', 'designation', 'divestment-order', 'policy', 'device-ban', 'network-exclusion', 'framework'],
};

const STATUS_FITS: Record<EventStatus, TimelineStatus[]> = {
  threatened: ['threatened', 'announced', 'considered'],
  considered: ['considered', 'threatened', 'announced'],
  proposed: ['proposed', 'announced'],
  enacted: ['signed', 'effective', 'announced'],
  'in-force': ['effective', 'signed'],
  enjoined: ['enjoined'],
  revoked: ['revoked', 'expired', 'superseded'],
};

const DAY = 86_400_000;
const toTime = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The span of days an event date stands for: "2019" is the whole year. */
function eventSpan(event: RestrictionEvent, published: string | undefined): [number, number] | undefined {
  const d = event.date;
  if (d && /^\d{4}-\d{2}-\d{2}$/.test(d)) return [toTime(d), toTime(d)];
  if (d && /^\d{4}-\d{2}$/.test(d)) {
    const start = toTime(`${d}-01`);
    const [y, m] = d.split('-').map(Number) as [number, number];
    return [start, Date.UTC(y, m, 1) - DAY];
  }
  if (d && /^\d{4}$/.test(d)) return [toTime(`${d}-01-01`), toTime(`${d}-12-31`)];
  if (!published) return undefined;
  // Undated and done: any time before publication ("its efforts to force ByteDance to sell").
  if (event.status === 'enacted' || event.status === 'in-force' || event.status === 'enjoined' || event.status === 'revoked') return [toTime(published) - 3650 * DAY, toTime(published)];
  // Undated and to come: announced in the days before publication.
  return [toTime(published) - 30 * DAY, toTime(published) + 7 * DAY];
}

function distanceDays(span: [number, number], date: string): number {
  const t = toTime(date);
  if (t >= span[0] && t <= span[1]) return 0;
  return Math.round(Math.min(Math.abs(t - span[0]), Math.abs(t - span[1])) / DAY);
}

function groupOf(kb: KnowledgeBase, id: string): string | undefined {
  return kb.organisations[id]?.group ?? kb.products[id]?.group;
}

/** Each measure's listings, and those of each group: a knowledge base with the lists holds tens of thousands. */
interface MeasureListings {
  all: KbListing[];
  byGroup: Map<string | undefined, KbListing[]>;
}
const listingIndexes = new WeakMap<KnowledgeBase, Map<string, MeasureListings>>();

function measureListings(kb: KnowledgeBase, measure: string): MeasureListings {
  let index = listingIndexes.get(kb);
  if (!index) {
    index = new Map();
    for (const l of kb.listings) {
      let of = index.get(l.measure);
      if (!of) index.set(l.measure, (of = { all: [], byGroup: new Map() }));
      of.all.push(l);
      const group = groupOf(kb, l.target);
      const inGroup = of.byGroup.get(group);
      if (inGroup) inGroup.push(l);
      else of.byGroup.set(group, [l]);
    }
    listingIndexes.set(kb, index);
  }
  return index.get(measure) ?? { all: [], byGroup: new Map() };
}

interface Candidate {
  measure: string;
  score: number;
  nearest: number;
  matchedDate?: string;
  listed: boolean;
  /** It lists the target itself, not only another unit or product of its group. */
  exact: boolean;
  reasons: string[];
}

/**
 * Lists and instruments named in prose, and the measure each is. A name in the evidence sentence
 * links an act on a company the knowledge base does not list to the list it was added to.
 */
const INSTRUMENT_NAMES: { pattern: RegExp; measure: string }[] = [
  { pattern: /unreliable entit(?:y|ies) list|不可靠实体清单/i, measure: 'cn-unreliable-entity-list' },
  { pattern: /(?<!unreliable )entity list|(?<!不可靠)实体清单/i, measure: 'us-bis-entity-list' },
  { pattern: /unreliable entit(?:y|ies) list|list of unreliable (?:entities|organi[sz]ations|companies)|不可靠实体清单/i, measure: 'cn-unreliable-entity-list' },
  { pattern: /military end[- ]user/i, measure: 'us-bis-mieu' },
  { pattern: /covered list/i, measure: 'us-fcc-covered-list' },
  { pattern: /designation notice|designated vendor direction/i, measure: 'uk-tsa-designated-vendor-2022' },
  { pattern: /clean network/i, measure: 'us-clean-network-2020' },
  { pattern: /1260h|chinese military compan(?:y|ies) (?:list|operating)/i, measure: 'us-dod-1260h' },
  { pattern: /ns-cmic|non-sdn chinese military|cmic list/i, measure: 'us-ofac-ns-cmic' },
  { pattern: /section 889|§ ?889/i, measure: 'us-ndaa-889' },
  { pattern: /section 69a|69a of the information technology act/i, measure: 'in-69a-2020-06' },
];

function namedInstruments(kb: KnowledgeBase, evidence: string): Set<string> {
  const out = new Set<string>();
  for (const { pattern, measure } of INSTRUMENT_NAMES) if (kb.measures[measure] && pattern.test(evidence)) out.add(measure);
  // "Executive Order 13942", "EO 13942": the number is in the measure's title.
  for (const m of evidence.matchAll(/\b(?:executive order|e\.?o\.?)\s*(?:no\.\s*)?(1\d{4})\b/gi)) {
    for (const measure of Object.values(kb.measures)) if (measure.title.includes(m[1] as string)) out.add(measure.id);
  }
  return out;
}

/**
 * The government bodies that make a measure or an act, by name. A body's own act is one of its
 * measures, never another body's: a Pentagon list is not the Entity List, a bill is not an executive
 * order. The President, "the administration" and a government at large act through any of them.
 */
const AGENCIES: { agency: string; pattern: RegExp }[] = [
  { agency: 'commerce', pattern: /\bcommerce\b|\bBIS\b|Bureau of Industry and Security/i },
  { agency: 'treasury', pattern: /\btreasury\b|\bOFAC\b/i },
  { agency: 'defense', pattern: /\bdefen[cs]e\b|\bpentagon\b|\bnavy\b|\barmy\b|\bair force\b/i },
  { agency: 'fcc', pattern: /\bFCC\b|Federal Communications Commission/i },
  { agency: 'state-department', pattern: /\bState Department\b|\b(?:Department|Secretary) of State\b/i },
  { agency: 'cfius', pattern: /\bCFIUS\b|Committee on Foreign Investment/i },
  { agency: 'legislature', pattern: /\bcongress\b|\blegislat|\bparliament\b|\bsenate\b|\bHouse of Representatives\b/i },
];

/** Each authority's agencies, read once: an event is linked against every measure. */
const AGENCIES_OF = new Map<string, Set<string>>();

function agenciesOf(authority: string): Set<string> {
  let agencies = AGENCIES_OF.get(authority);
  if (!agencies) AGENCIES_OF.set(authority, (agencies = readAgencies(authority)));
  return agencies;
}

function readAgencies(authority: string): Set<string> {
  // What a body acts under ("under the Defense Production Act") and asides in brackets are not who acts.
  const bodies = authority
    .replace(/\([^)]*\)/g, ' ')
    .split(';')
    .map((part) => part.replace(/\bunder\b.*$/i, ''))
    .join(';');
  return new Set(AGENCIES.filter(({ pattern }) => pattern.test(bodies)).map(({ agency }) => agency));
}

/** +1 when the act's body makes the measure, -3 when both are known and differ, else 0. */
function agencyFit(actor: string, measure: Measure): { score: number; reason?: string } {
  const acting = agenciesOf(actor);
  if (acting.size === 0) return { score: 0 };
  const making = agenciesOf(measure.authority);
  if (making.size === 0) return { score: 0 };
  for (const agency of acting) if (making.has(agency)) return { score: 1, reason: `made by the ${actor}` };
  return { score: -3, reason: `made by another body than the ${actor}` };
}

/** Links each target of an event to the measure it reports, or says it is new. */
export function linkEvent(kb: KnowledgeBase, event: RestrictionEvent, published?: string): MeasureLink[] {
  const named = namedInstruments(kb, event.evidence);
  const seen = new Set<string>();
  const out: MeasureLink[] = [];
  for (const t of event.targets) {
    const key = t.entity?.group ?? t.generic ?? t.surface;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = t.entity?.id ?? t.generic ?? t.surface;
    if (t.generic) {
      out.push({ kind: 'new', target: label, reasons: ['a class of companies, not one the knowledge base can hold'] });
      continue;
    }
    out.push({ ...linkTarget(kb, event, t.entity ? { id: t.entity.id, group: t.entity.group } : undefined, named, published), target: label });
  }
  return out;
}

function linkTarget(kb: KnowledgeBase, event: RestrictionEvent, entity: { id: string; group: string } | undefined, named: Set<string>, published: string | undefined): Omit<MeasureLink, 'target'> {
  const span = eventSpan(event, published);
  const candidates: Candidate[] = [];

  for (const measure of Object.values(kb.measures)) {
    // A state's own measure is the act of that state ("US-MT"), never the national act reported.
    if (measure.subdivision ? measure.subdivision !== event.actor.jurisdiction : measure.jurisdiction !== event.actor.jurisdiction) continue;
    // A governor makes no national measure, also when the words leave the state unnamed.
    if (event.actor.authority === 'Governor' && !measure.subdivision) continue;
    // A listing made years after the act says nothing about which measure the act was.
    const inTime = (l: KbListing) => !span || toTime(l.from) <= span[1] + 400 * DAY;
    const { all, byGroup } = measureListings(kb, measure.id);
    const family = entity ? (byGroup.get(entity.group) ?? []).filter(inTime) : [];
    const exact = entity ? family.filter((l) => l.target === entity.id) : [];
    const fits = ACTION_FITS[event.action];
    const isNamed = named.has(measure.id);
    // A list the act adds to: the knowledge base need not list the target yet.
    const byAgency = agencyFit(event.actor.authority, measure);
    // Another body's list is not where this body's act adds the target.
    const listAct = (event.action === 'entity-list' || event.action === 'investment-ban') && fits[0] === measure.kind && byAgency.score >= 0 && atLeast(all, 5, inTime);
    if (family.length === 0 && !isNamed && !listAct) continue;
    const reasons: string[] = [];
    let score = 0;
    if (exact.length > 0) [score, reasons[0]] = [3, `lists ${exact[0]?.target}`];
    else if (family.length > 0) [score, reasons[0]] = [2, `lists ${family[0]?.target} of the same group`];
    if (isNamed) {
      score += 4;
      reasons.push('named in the sentence');
    } else if (listAct && family.length === 0) {
      score += 2;
      reasons.push('a list of this kind of act');
    }
    if (fits[0] === measure.kind) {
      score += 2;
      reasons.push(`a ${event.action} is what a ${measure.kind} measure does`);
    } else if (fits.includes(measure.kind)) {
      score += 1;
      reasons.push(`a ${event.action} fits a ${measure.kind} measure`);
    } else if (!isNamed) {
      score -= 2;
    }
    score += byAgency.score;
    if (byAgency.reason) reasons.push(byAgency.reason);
    // Dates the act could be: timeline entries of a fitting status, and for acts that list or
    // delist, the listing dates of the target.
    const exactStatus = STATUS_FITS[event.status][0];
    const entries = measure.timeline.filter((t) => STATUS_FITS[event.status].includes(t.status));
    const dates: { date: string; exact: boolean }[] = entries.map((t) => ({ date: t.date, exact: t.status === exactStatus }));
    const own = exact.length > 0 ? exact : family;
    if (event.status === 'enacted' || event.status === 'in-force') dates.push(...own.map((l) => ({ date: l.from, exact: true })));
    if (event.status === 'revoked') dates.push(...own.flatMap((l) => (l.to ? [{ date: l.to, exact: true }] : [])));
    let nearest = Number.POSITIVE_INFINITY;
    let matchedDate: string | undefined;
    let exactMatch = false;
    if (span) {
      for (const d of dates) {
        const dist = distanceDays(span, d.date);
        if (dist < nearest || (dist === nearest && d.exact && !exactMatch)) [nearest, matchedDate, exactMatch] = [dist, d.date, d.exact];
      }
    }
    if (nearest <= 45) {
      score += (nearest <= 7 ? 3 : 2) + (exactMatch ? 1 : 0);
      reasons.push(`${event.status} on ${matchedDate} in its timeline`);
    }
    // A measure whose life spans the event's date may be the one reported at a new stage.
    const first = measure.timeline[0]?.date;
    const last = measure.timeline.at(-1)?.date;
    const withinLife = span && first && last ? span[1] >= toTime(first) - 400 * DAY && span[0] <= toTime(last) + 400 * DAY : false;
    // Neither the act nor the article dated: a measure of this government that lists the target for this
    // kind of act may still be the one, when it is the only one (below).
    const undated = !span && family.length > 0 && fits.includes(measure.kind) && dates.length > 0;
    if (!withinLife && nearest > 45 && !isNamed && !undated) continue;
    candidates.push({ measure: measure.id, score, nearest, matchedDate, listed: family.length > 0, exact: exact.length > 0, reasons: undated ? [...reasons, 'no date to compare; the only measure of this government listing the target for this kind of act'] : reasons });
  }
  if (!span) {
    const fitting = candidates.filter((c) => c.listed);
    if (fitting.length === 1 && !candidates.some((c) => c !== fitting[0] && c.score >= (fitting[0] as Candidate).score)) {
      const only = fitting[0] as Candidate;
      if (only.score >= 4) return { kind: 'known', measure: only.measure, reasons: only.reasons };
    }
    // "43 apps including AliExpress": of the measures that list the target's group, the only one that lists
    // the target itself (the app, not another app of its publisher).
    const itself = fitting.filter((c) => c.exact);
    if (fitting.length > 1 && itself.length === 1 && (itself[0] as Candidate).score >= 4 && !candidates.some((c) => named.has(c.measure))) {
      const only = itself[0] as Candidate;
      return { kind: 'known', measure: only.measure, reasons: [...only.reasons, 'no date to compare; the only measure listing the target itself'] };
    }
    // "The Commerce Department … added …", undated: of the measures that list the target, the one the acting
    // body itself makes is the one its act is.
    // (a body's lists that hold only another unit of the group rank below the one that lists the target itself).
    const ownBody = fitting.filter((c) => agencyFit(event.actor.authority, kb.measures[c.measure] as Measure).score > 0).sort((a, b) => b.score - a.score);
    const own = ownBody[0];
    if (fitting.length > 1 && own && !(ownBody[1] && ownBody[1].score >= own.score) && !candidates.some((c) => named.has(c.measure))) {
      if (own.score >= 4) return { kind: 'known', measure: own.measure, reasons: [...own.reasons, 'no date to compare; the only measure listing the target that the acting body makes'] };
    }
    // Else, of those, the only one whose kind comes first among what this act does (the Covered List, an
    // equipment ban, for a ban, beside procurement and investment lists that hold the same group).
    const rank = (c: Candidate) => ACTION_FITS[event.action].indexOf(kb.measures[c.measure]?.kind as Measure['kind']);
    const closest = Math.min(...fitting.map(rank).filter((r) => r >= 0));
    const ofTheKind = fitting.filter((c) => rank(c) === closest);
    const chief = ofTheKind[0];
    if (fitting.length > 1 && ofTheKind.length === 1 && chief && chief.score >= 4 && !candidates.some((c) => named.has(c.measure))) {
      return { kind: 'known', measure: chief.measure, reasons: [...chief.reasons, 'no date to compare; the only measure listing the target whose kind comes first among what this act does'] };
    }
    // "… banning 8 Chinese apps including AliPay and WeChat Pay": of those, the only one that also lists the
    // act's other targets is the one it reports.
    // Apps count as themselves ("AliExpress" and "Taobao Live" beside "CamCard"): an order lists apps, not publishers.
    const others = event.targets.flatMap((t) => (t.entity && t.entity.id !== entity?.id && (t.entity.group !== entity?.group || t.entity.productKind === 'app') ? [t.entity] : []));
    const coListed = new Map(
      fitting.map((c) => {
        const { all, byGroup } = measureListings(kb, c.measure);
        const isApp = (o: (typeof others)[number]) => o.productKind === 'app';
        return [c, new Set(others.filter((o) => (isApp(o) ? all.some((l) => l.target === o.id) : (byGroup.get(o.group) ?? []).length > 0)).map((o) => (isApp(o) ? o.id : o.group))).size];
      }),
    );
    const most = Math.max(0, ...coListed.values());
    const withOthers = fitting.filter((c) => coListed.get(c) === most);
    const together = withOthers[0];
    if (fitting.length > 1 && most > 0 && withOthers.length === 1 && together && !candidates.some((c) => named.has(c.measure))) {
      return { kind: 'known', measure: together.measure, reasons: [...together.reasons, `no date to compare; the only measure listing the target that also lists ${most} other target${most === 1 ? '' : 's'} of the act (apps by name, companies by group)`] };
    }
    if (fitting.length > 1 && !candidates.some((c) => named.has(c.measure))) return { kind: 'new', reasons: ['no date to tell the measures that list the target apart'] };
  }

  candidates.sort((a, b) => b.score - a.score || a.nearest - b.nearest || a.measure.localeCompare(b.measure));
  const best = candidates[0];
  if (!best || best.score < 4) return { kind: 'new', reasons: ['no measure of this jurisdiction lists the target for this kind of act'] };
  if (!best.listed) return { kind: 'new-listing', measure: best.measure, reasons: [...best.reasons, 'the target is not on it in the knowledge base'] };
  if (best.nearest <= 45) return { kind: 'known', measure: best.measure, matchedDate: best.matchedDate, reasons: best.reasons };
  return { kind: 'new-stage', measure: best.measure, reasons: [...best.reasons, `no ${event.status} entry near the event's date in its timeline`] };
}

/** Whether at least `n` of the items pass `test` (stops counting there). */
function atLeast<T>(items: readonly T[], n: number, test: (item: T) => boolean): boolean {
  let count = 0;
  for (const item of items) if (test(item) && ++count >= n) return true;
  return false;
}
