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
