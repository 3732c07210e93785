/**
 * Comparing extracted events with gold labels: each event becomes one (actor, action, target,
 * status) tuple per target, with the target at the level of its corporate group, so "TikTok" and
 * "ByteDance" are one target and a name the knowledge base does not hold is compared as text.
 */
import type { KnowledgeBase } from '../kb/model.js';
import type { EventTarget, RestrictionEvent } from './extract.js';

export interface EventTuple {
  actor: string;
  action: string;
  target: string;
  status: string;
}

export interface GoldEvent extends EventTuple {
  /** The measure the event reports, `new`, or absent when it cannot be linked. */
  measure?: string;
}

export function targetTupleKey(kb: KnowledgeBase, t: EventTarget): string {
  if (t.entity) return kb.organisations[t.entity.id]?.group ?? kb.products[t.entity.id]?.group ?? t.entity.group;
  if (t.generic) return t.generic;
  return `name:${t.surface.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

export function eventTuples(kb: KnowledgeBase, e: RestrictionEvent): EventTuple[] {
  const targets = [...new Set(e.targets.map((t) => targetTupleKey(kb, t)))];
  return targets.map((target) => ({ actor: e.actor.jurisdiction, action: e.action, target, status: e.status }));
}

export function tupleMatches(p: EventTuple, g: EventTuple): boolean {
  if (p.actor !== g.actor || p.action !== g.action || p.status !== g.status) return false;
  if (p.target === g.target) return true;
  if (p.target.startsWith('name:') && g.target.startsWith('name:')) {
    const a = p.target.slice(5);
    const b = g.target.slice(5);
    return a.includes(b) || b.includes(a);
  }
  return false;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ArticleScore {
  events: Counts;
  mentions: Counts;
  links: { right: number; total: number };
  errors: string[];
}

export interface GoldArticle {
  published: string;
  mentions?: string[];
  events?: GoldEvent[];
}

/**
 * Scores one article's extraction against its gold labels. Gold mentions of groups the knowledge
 * base does not hold are skipped, so adding a group never makes the set wrong.
 */
export function scoreArticle(kb: KnowledgeBase, name: string, events: readonly RestrictionEvent[], mentionGroups: readonly string[], gold: GoldArticle, link: (e: RestrictionEvent) => { target: string; measure?: string; kind: string; reasons: string[] }[]): ArticleScore {
  const score: ArticleScore = { events: { tp: 0, fp: 0, fn: 0 }, mentions: { tp: 0, fp: 0, fn: 0 }, links: { right: 0, total: 0 }, errors: [] };
  const predicted = events.flatMap((e) => eventTuples(kb, e).map((t) => ({ ...t, event: e })));
  const goldTuples = (gold.events ?? []).map((g) => ({ ...g, target: String(g.target) }));
  const used = new Set<number>();
  for (const g of goldTuples) {
    const i = predicted.findIndex((p, j) => !used.has(j) && tupleMatches(p, g));
    const match = predicted[i];
    if (!match) {
      score.events.fn++;
      score.errors.push(`${name}: missed ${g.actor} ${g.action} ${g.target} ${g.status}`);
      continue;
    }
    used.add(i);
    score.events.tp++;
    if (!g.measure) continue;
    score.links.total++;
    const target = match.event.targets.find((t) => tupleMatches({ ...g, target: targetTupleKey(kb, t) }, g));
    const label = target?.entity?.id ?? target?.generic ?? target?.surface;
    const l = link(match.event).find((x) => x.target === label);
    const got = l?.measure ?? 'new';
    if (got === g.measure) score.links.right++;
    else score.errors.push(`${name}: link ${g.actor} ${g.action} ${g.target} ${g.status}: expected ${g.measure}, got ${got} (${l?.kind}; ${l?.reasons.join('; ')})`);
  }
  predicted.forEach((p, j) => {
    // Several predicted tuples can restate one gold tuple (the same act, two names of one group).
    if (used.has(j) || goldTuples.some((g) => tupleMatches(p, g))) return;
    score.events.fp++;
    score.errors.push(`${name}: spurious ${p.actor} ${p.action} ${p.target} ${p.status}  «${p.event.evidence.slice(0, 120)}»`);
  });
  const known = new Set(Object.keys(kb.groups));
  const goldMentions = new Set((gold.mentions ?? []).filter((g) => known.has(g)));
  const predictedMentions = new Set(mentionGroups);
  for (const g of goldMentions) {
    if (predictedMentions.has(g)) score.mentions.tp++;
    else {
      score.mentions.fn++;
      score.errors.push(`${name}: mention of ${g} missed`);
    }
  }
  for (const p of predictedMentions) {
    if (goldMentions.has(p)) continue;
    score.mentions.fp++;
    score.errors.push(`${name}: spurious mention of ${p}`);
  }
  return score;
}

export function prf({ tp, fp, fn }: Counts): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
