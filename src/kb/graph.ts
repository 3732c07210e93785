/**
 * The corporate graph: products to their makers, brands to their owners, subsidiaries to their
 * parents — each edge dated, so the path from an item to a listed company holds as of a date.
 */
import type { Predicate } from '../model/kb.js';
import type { KnowledgeBase } from './model.js';
import { spanContains } from './timeline.js';

/** One step up the graph, from a child (product, brand, subsidiary) to its parent. */
export interface Step {
  from: string;
  to: string;
  /** How `from` relates to `to`, read left to right: "owned by", "product of" … */
  relation: 'product of' | 'owned by' | 'controlled by' | 'brand of' | 'made by (OEM)' | 'operated by' | 'published by';
  /** `up` reads "from <relation> to"; `down` is the same edge walked from parent to child. */
  direction: 'up' | 'down';
  share?: number;
  since?: string;
  until?: string;
  sources: string[];
}

const UPWARD: Record<Predicate, { childIsSubject: boolean; relation: Step['relation'] }> = {
  owns: { childIsSubject: false, relation: 'owned by' },
  controls: { childIsSubject: false, relation: 'controlled by' },
  'brand-of': { childIsSubject: true, relation: 'brand of' },
  'oem-for': { childIsSubject: false, relation: 'made by (OEM)' },
  operates: { childIsSubject: false, relation: 'operated by' },
  publishes: { childIsSubject: false, relation: 'published by' },
};

/** Steps that make an item the listed company's own product rather than a separate company's. */
const IDENTITY_RELATIONS = new Set<Step['relation']>(['product of', 'brand of', 'made by (OEM)', 'operated by', 'published by']);

export type Kinship = 'self' | 'own-product' | 'subsidiary' | 'parent' | 'affiliate';

export interface Connection {
  kinship: Kinship;
  /** Steps from the item's entity to the target; for parent/affiliate, up to the common ancestor then down. */
  path: Step[];
  /** Product of the ownership shares along the upward steps, where all are known. */
  share?: number;
}

const MAX_DEPTH = 8;
/** Walks remembered per graph before the memory starts again (a long-running server sees many dates). */
const MAX_WALKED = 50_000;
const NO_ANCESTORS: ReadonlyMap<string, Step[]> = new Map();

export class CorporateGraph {
  private readonly up = new Map<string, Step[]>();
  /** Every entity with an edge: no other is connected to anything but itself. */
  readonly nodes = new Set<string>();

  constructor(kb: KnowledgeBase) {
    const add = (s: Step) => {
      const list = this.up.get(s.from) ?? [];
      list.push(s);
      this.up.set(s.from, list);
      this.nodes.add(s.from).add(s.to);
    };
    for (const p of Object.values(kb.products)) if (p.owner) add({ from: p.id, to: p.owner, relation: 'product of', direction: 'up', sources: p.sources });
    for (const r of kb.relations) {
      const dir = UPWARD[r.predicate];
      add({
        from: dir.childIsSubject ? r.subject : r.object,
        to: dir.childIsSubject ? r.object : r.subject,
        relation: dir.relation,
        direction: 'up',
        ...(r.share !== undefined ? { share: r.share } : {}),
        ...(r.from ? { since: r.from } : {}),
        ...(r.to ? { until: r.to } : {}),
        sources: r.sources,
      });
    }
    for (const list of this.up.values()) list.sort((a, b) => a.to.localeCompare(b.to) || a.relation.localeCompare(b.relation));
  }

  /** Ancestors already walked, by date and id: a dossier connects one entity with every listing. */
  private readonly walked = new Map<string, ReadonlyMap<string, Step[]>>();

  /**
   * Every ancestor of `id` as of the date, with the shortest path to it (ties: first in id order).
   * The map is shared between calls: callers read it, never change it.
   */
  ancestors(id: string, asOf: string): ReadonlyMap<string, Step[]> {
    if (!this.up.has(id)) return NO_ANCESTORS;
    const key = `${asOf}\0${id}`;
    let out = this.walked.get(key);
    if (!out) {
      if (this.walked.size >= MAX_WALKED) this.walked.clear();
      out = this.walk(id, asOf);
      this.walked.set(key, out);
    }
    return out;
  }

  private walk(id: string, asOf: string): Map<string, Step[]> {
    const out = new Map<string, Step[]>();
    let frontier: { id: string; path: Step[] }[] = [{ id, path: [] }];
    const seen = new Set([id]);
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const next: { id: string; path: Step[] }[] = [];
      for (const node of frontier) {
        for (const step of this.up.get(node.id) ?? []) {
          if (seen.has(step.to) || !spanContains({ from: step.since, to: step.until }, asOf)) continue;
          seen.add(step.to);
          const path = [...node.path, step];
          out.set(step.to, path);
          next.push({ id: step.to, path });
        }
      }
      frontier = next;
    }
    return out;
  }

  /** How `itemEntity` is connected to `target` as of the date, or undefined when it is not. */
  connect(itemEntity: string, target: string, asOf: string): Connection | undefined {
    if (itemEntity === target) return { kinship: 'self', path: [] };
    const mine = this.ancestors(itemEntity, asOf);
    const upPath = mine.get(target);
    if (upPath) {
      const kinship: Kinship = upPath.every((s) => IDENTITY_RELATIONS.has(s.relation)) ? 'own-product' : 'subsidiary';
      const share = combinedShare(upPath);
      return share === undefined ? { kinship, path: upPath } : { kinship, path: upPath, share };
    }
    const theirs = this.ancestors(target, asOf);
    const downPath = theirs.get(itemEntity);
    if (downPath) return { kinship: 'parent', path: reverse(downPath) };
    // Nearest common ancestor: shortest combined path.
    let best: Step[] | undefined;
    for (const [ancestor, pathUp] of mine) {
      const pathDown = theirs.get(ancestor);
      if (!pathDown) continue;
      const full = [...pathUp, ...reverse(pathDown)];
      if (!best || full.length < best.length) best = full;
    }
    return best ? { kinship: 'affiliate', path: best } : undefined;
  }

  /** Whether two entities belong to one corporate family as of the date. */
  sameFamily(a: string, b: string, asOf: string): Connection | undefined {
    return this.connect(a, b, asOf);
  }
}

/** Multiplies known ownership shares; an edge without a share (brand, product, control) counts as whole. */
function combinedShare(path: Step[]): number | undefined {
  let share = 100;
  let known = false;
  for (const s of path) {
    if (s.relation === 'owned by') {
      if (s.share === undefined) return undefined;
      share = (share * s.share) / 100;
      known = true;
    }
  }
  return known ? Math.round(share * 100) / 100 : undefined;
}

/** A downward path, written as steps from parent to child. */
function reverse(path: Step[]): Step[] {
  return [...path].reverse().map((s): Step => ({ ...s, from: s.to, to: s.from, direction: 'down' }));
}
