/**
 * Links an extracted event to the knowledge-base measure it reports: same jurisdiction, a target
 * the measure lists (the entity itself or its group), an action that fits the measure's kind, and
 * a timeline entry of a fitting status near the event's date. Pure.
 */
import type { KnowledgeBase } from '../kb/model.js';
import type { Measure, TimelineStatus } from '../model/kb.js';
import type { Action, EventStatus } from './lexicon.js';
import type { RestrictionEvent } from './extract.js';

export type LinkKind =
  /** The measure's timeline (or the target's listing) already records this act. */
  | 'known'
  /** The measure is the one reported, but this stage of it is not in its timeline yet. */
  | 'new-stage'
  /** No measure in the knowledge base matches: a new act. */
  | 'new';

export interface MeasureLink {
  kind: LinkKind;
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
  // Undated: news reports what happened in the days before publication, or what is to come.
  if (published) return [toTime(published) - 30 * DAY, toTime(published) + 7 * DAY];
  return undefined;
}

function distanceDays(span: [number, number], date: string): number {
  const t = toTime(date);
  if (t >= span[0] && t <= span[1]) return 0;
  return Math.round(Math.min(Math.abs(t - span[0]), Math.abs(t - span[1])) / DAY);
}

function groupOf(kb: KnowledgeBase, id: string): string | undefined {
  return kb.organisations[id]?.group ?? kb.products[id]?.group;
}

interface Candidate {
  measure: string;
  score: number;
  nearest: number;
  matchedDate?: string;
  reasons: string[];
}

export function linkEvent(kb: KnowledgeBase, event: RestrictionEvent, published?: string): MeasureLink {
  const entities = event.targets.flatMap((t) => (t.entity ? [t.entity] : []));
  if (entities.length === 0) return { kind: 'new', reasons: ['no target resolves to a knowledge-base record'] };
  const span = eventSpan(event, published);
  const candidates: Candidate[] = [];

  for (const measure of Object.values(kb.measures)) {
    if (measure.jurisdiction !== event.actor.jurisdiction) continue;
    const listings = kb.listings.filter((l) => l.measure === measure.id);
    const exact = listings.filter((l) => entities.some((e) => e.id === l.target));
    const family = listings.filter((l) => entities.some((e) => e.group === groupOf(kb, l.target)));
    if (family.length === 0) continue;
    const reasons = [exact.length > 0 ? `lists ${exact[0]?.target}` : `lists ${family[0]?.target} of the same group`];
    let score = exact.length > 0 ? 3 : 2;
    if (ACTION_FITS[event.action].includes(measure.kind)) {
      score += 2;
      reasons.push(`a ${event.action} fits a measure of kind ${measure.kind}`);
    } else {
      score -= 2;
    }
    // Dates the act could be: timeline entries of a fitting status, and for acts that list or
    // delist, the listing dates of the target.
    const dates: string[] = measure.timeline.filter((t) => STATUS_FITS[event.status].includes(t.status)).map((t) => t.date);
    if (event.status === 'enacted' || event.status === 'in-force') dates.push(...(exact.length > 0 ? exact : family).map((l) => l.from));
    if (event.status === 'revoked') dates.push(...(exact.length > 0 ? exact : family).flatMap((l) => (l.to ? [l.to] : [])));
    let nearest = Number.POSITIVE_INFINITY;
    let matchedDate: string | undefined;
    if (span) {
      for (const d of dates) {
        const dist = distanceDays(span, d);
        if (dist < nearest) [nearest, matchedDate] = [dist, d];
      }
    }
    if (nearest <= 45) {
      score += nearest <= 7 ? 3 : 2;
      reasons.push(`${event.status} on ${matchedDate} in its timeline`);
    }
    // A measure whose life spans the event's date may be the one reported at a new stage.
    const first = measure.timeline[0]?.date;
    const last = measure.timeline.at(-1)?.date;
    const withinLife = span && first && last ? span[1] >= toTime(first) - 400 * DAY && span[0] <= toTime(last) + 400 * DAY : false;
    if (!withinLife && nearest > 45) continue;
    candidates.push({ measure: measure.id, score, nearest, matchedDate, reasons });
  }

  candidates.sort((a, b) => b.score - a.score || a.nearest - b.nearest || a.measure.localeCompare(b.measure));
  const best = candidates[0];
  if (!best || best.score < 4) return { kind: 'new', reasons: ['no measure of this jurisdiction lists the target for this kind of act'] };
  if (best.nearest <= 45) return { kind: 'known', measure: best.measure, matchedDate: best.matchedDate, reasons: best.reasons };
  return { kind: 'new-stage', measure: best.measure, reasons: [...best.reasons, `no ${event.status} entry near the event's date in its timeline`] };
}
