/**
 * Scoring the extractor against the real-article gold set (test/fixtures/news/real-gold.jsonl):
 * which articles may be used at all, the deterministic development/test split, and the measures
 * of docs/news.md — strict event F1 on (action, target group, status), and on events that agree
 * on action and target, the accuracy of status, actor, date (within 7 days) and measure link.
 * Pure: the caller reads the files.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../kb/model.js';
import type { RestrictionEvent } from './extract.js';
import { targetTupleKey } from './evaluate.js';

export interface GoldRealEvent {
  actor: string;
  action: string;
  target: string;
  status: string;
  date?: string;
  measure?: string;
}

export interface GoldRealArticle {
  id: string;
  url: string;
  split: 'dev' | 'test';
  events: GoldRealEvent[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The forms of a URL whose hash may be on the exclusion list: as written, and without scheme, "www." and trailing slash. */
export function urlHashes(url: string): string[] {
  const bare = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
  return [sha256(url), sha256(bare)];
}

export function isExcluded(url: string, excluded: ReadonlySet<string>): boolean {
  return urlHashes(url).some((h) => excluded.has(h));
}

/** About 60 % development, 40 % test, decided by the URL alone so that it never moves. */
export function splitOf(url: string): 'dev' | 'test' {
  return Number.parseInt(sha256(url).slice(0, 8), 16) / 2 ** 32 < 0.6 ? 'dev' : 'test';
}

/**
 * The development part cut in two by the article's corpus id alone (never its labels or text): half
 * `a` to choose mechanisms from, half `b` to check that they transfer before the test part is read.
 */
export function devHalfOf(id: string): 'a' | 'b' {
  return Number.parseInt(sha256(`dev-half:${id}`).slice(0, 8), 16) % 2 === 0 ? 'a' : 'b';
}

export interface SplitScore {
  articles: number;
  strict: { tp: number; fp: number; fn: number };
  /** Events agreeing on action and target: how many, and how many of those also agree on each field. */
  matched: number;
  status: number;
  actor: number;
  dates: { right: number; total: number };
  links: { right: number; total: number };
  /** Events extracted from articles whose gold has none (negatives and articles reporting no act). */
  eventsOnNegatives: number;
  negatives: number;
  /**
   * Why labelled events were missed: an event on the target with the right action but another status;
   * one with another action; the target named in the article (a knowledge-base name of its group) but
   * no event on it; or the target never named (a class, or an organisation the knowledge base lacks).
   */
  misses: { status: number; action: number; unattached: number; unnamed: number };
  /**
   * Misses of another action, as "gold kind → extracted kind" pairs: each kind extracted on the
   * target (none of them the labelled one) counts once per miss.
   */
  kindConfusion: Record<string, number>;
  /** Misses of a target named but not attached, by the labelled action. */
  unattachedByKind: Record<string, number>;
  /**
   * The same misses by what the article's extracted events are: an event of the labelled kind on other
   * targets (the act was read, the target not attached to it), events of other kinds only, or none.
   */
  unattachedBy: { sameKindElsewhere: number; otherKindsOnly: number; noEvents: number };
  /** Articles with labelled events from which nothing is extracted, and how many labelled events they hold. */
  silent: { articles: number; events: number };
  errors: string[];
}

export function emptyScore(): SplitScore {
  return { articles: 0, strict: { tp: 0, fp: 0, fn: 0 }, matched: 0, status: 0, actor: 0, dates: { right: 0, total: 0 }, links: { right: 0, total: 0 }, eventsOnNegatives: 0, negatives: 0, misses: { status: 0, action: 0, unattached: 0, unnamed: 0 }, kindConfusion: {}, unattachedByKind: {}, unattachedBy: { sameKindElsewhere: 0, otherKindsOnly: 0, noEvents: 0 }, silent: { articles: 0, events: 0 }, errors: [] };
}

interface Predicted {
  action: string;
  target: string;
  status: string;
  actor: string;
  date?: string;
  measure: string;
  evidence: string;
  /** The names the target was found by: its surface, and the knowledge-base entity's names. */
  names: string[];
}

const normalName = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const containsWord = (a: string, b: string) => ` ${a} `.includes(` ${b} `);

/**
 * A predicted target agrees with a label when the group keys agree; a `name:` label (an organisation
 * the knowledge base did not hold when labelled) also agrees with a knowledge-base entity by that
 * name, so that the knowledge base growing does not turn right answers into errors.
 */
const sameTarget = (p: Pick<Predicted, 'target' | 'names'>, g: string) => {
  if (p.target === g) return true;
  if (!g.startsWith('name:')) return false;
  const b = g.slice(5);
  if (p.target.startsWith('name:')) {
    const a = p.target.slice(5);
    return a.includes(b) || b.includes(a);
  }
  return p.names.some((a) => a.includes(b) || (a.length >= 4 && containsWord(b, a)));
};

function targetNames(kb: KnowledgeBase, t: RestrictionEvent['targets'][number]): string[] {
  const names = [t.surface];
  if (t.entity) {
    const org = kb.organisations[t.entity.id];
    if (org) names.push(...org.names.map((n) => n.value));
    const product = kb.products[t.entity.id];
    if (product) names.push(product.name);
  }
  return names.map(normalName);
}

/**
 * The actions the labels give an extracted target in one article (empty: no labelled act on it), by
 * the same agreement of targets as the score; what the action model is trained to tell.
 */
export function labelledActions(kb: KnowledgeBase, gold: GoldRealArticle, t: RestrictionEvent['targets'][number]): string[] {
  const p = { target: targetTupleKey(kb, t), names: targetNames(kb, t) };
  return [...new Set(gold.events.filter((g) => sameTarget(p, g.target)).map((g) => g.action))];
}

/**
 * What the action model is trained to give a reading (an extracted event before consolidation): its own
 * kind when the labels give that kind to one of its targets; else the kind the labels give its targets
 * (the most frequent, ties by name); else `none`.
 */
export function readingLabel(kb: KnowledgeBase, gold: GoldRealArticle, e: RestrictionEvent): string {
  const perTarget = e.targets.map((t) => labelledActions(kb, gold, t));
  if (perTarget.some((a) => a.includes(e.action))) return e.action;
  const counts = new Map<string, number>();
  for (const a of perTarget) for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? 'none';
}

const tally = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const DAY = 86_400_000;
/** The days a date stands for: "2020" is the whole year, "2020-08" the month. */
function dateSpan(d: string): [number, number] {
  const [y, m, day] = d.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31)];
  if (day === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 0)];
  const t = Date.UTC(y, m - 1, day);
  return [t, t];
}

/**
 * Within seven days: the spans the two dates stand for come no further apart than a week, and the
 * extracted date is no vaguer than the gold one ("2020" is not right for 2020-08-06).
 */
export function datesAgree(predicted: string | undefined, gold: string): boolean {
  if (!predicted) return false;
  const [a0, a1] = dateSpan(predicted);
  const [b0, b1] = dateSpan(gold);
  return Math.max(0, a0 - b1, b0 - a1) <= 7 * DAY && a1 - a0 <= b1 - b0;
}

/**
 * Scores one article into `score`. Both sides are sets of (action, target, status): one act
 * restated in the headline and the body counts once, and so does one act reported with two
 * names of one group.
 */
export function scoreRealArticle(
  kb: KnowledgeBase,
  gold: GoldRealArticle,
  events: readonly RestrictionEvent[],
  link: (e: RestrictionEvent) => { target: string; measure?: string }[],
  score: SplitScore,
  /** The groups the article names (its mentions), to tell a target never named from one not attached. */
  mentioned: ReadonlySet<string> = new Set(),
): void {
  score.articles++;
  const predicted: Predicted[] = [];
  for (const e of events) {
    const links = link(e);
    for (const t of e.targets) {
      const target = targetTupleKey(kb, t);
      if (predicted.some((p) => p.action === e.action && p.status === e.status && p.target === target)) continue;
      const label = t.entity?.id ?? t.generic ?? t.surface;
      predicted.push({ action: e.action, target, status: e.status, actor: e.actor.jurisdiction, date: e.date, measure: links.find((l) => l.target === label)?.measure ?? 'new', evidence: e.evidence, names: targetNames(kb, t) });
    }
  }
  if (gold.events.length === 0) {
    score.negatives++;
    score.eventsOnNegatives += predicted.length;
    for (const p of predicted) score.errors.push(`${gold.id}: event on an article without events: ${p.actor} ${p.action} ${p.target} ${p.status}  «${p.evidence.slice(0, 110)}»`);
    return;
  }
  if (predicted.length === 0) {
    score.silent.articles++;
    score.silent.events += gold.events.length;
    score.errors.push(`${gold.id}: nothing extracted from an article with ${gold.events.length} labelled events`);
  }
  // Strict: action, target group and status agree.
  const used = new Set<number>();
  for (const g of gold.events) {
    const i = predicted.findIndex((p, j) => !used.has(j) && p.action === g.action && p.status === g.status && sameTarget(p, g.target));
    if (i < 0) {
      score.strict.fn++;
      const why = predicted.some((p) => p.action === g.action && sameTarget(p, g.target)) ? 'status' : predicted.some((p) => sameTarget(p, g.target)) ? 'action' : mentioned.has(g.target) ? 'unattached' : 'unnamed';
      score.misses[why]++;
      if (why === 'action') {
        for (const kind of new Set(predicted.filter((p) => sameTarget(p, g.target)).map((p) => p.action))) tally(score.kindConfusion, `${g.action} → ${kind}`);
      }
      if (why === 'unattached') {
        tally(score.unattachedByKind, g.action);
        score.unattachedBy[predicted.some((p) => p.action === g.action) ? 'sameKindElsewhere' : predicted.length > 0 ? 'otherKindsOnly' : 'noEvents']++;
      }
      score.errors.push(`${gold.id}: missed ${g.actor} ${g.action} ${g.target} ${g.status} (${why})`);
    } else {
      used.add(i);
      score.strict.tp++;
    }
  }
  predicted.forEach((p, j) => {
    if (used.has(j)) return;
    if (gold.events.some((g) => g.action === p.action && g.status === p.status && sameTarget(p, g.target))) return;
    score.strict.fp++;
    score.errors.push(`${gold.id}: spurious ${p.actor} ${p.action} ${p.target} ${p.status}  «${p.evidence.slice(0, 110)}»`);
  });
  // Lenient: action and target agree; then is the status, actor, date and link right?
  const taken = new Set<number>();
  for (const g of gold.events) {
    const candidates = predicted.map((p, j) => ({ p, j })).filter(({ p, j }) => !taken.has(j) && p.action === g.action && sameTarget(p, g.target));
    const best = candidates.find(({ p }) => p.status === g.status) ?? candidates[0];
    if (!best) continue;
    taken.add(best.j);
    const p = best.p;
    score.matched++;
    if (p.status === g.status) score.status++;
    else score.errors.push(`${gold.id}: status of ${g.action} ${g.target}: expected ${g.status}, got ${p.status}`);
    if (p.actor === g.actor) score.actor++;
    else score.errors.push(`${gold.id}: actor of ${g.action} ${g.target}: expected ${g.actor}, got ${p.actor}`);
    if (g.date) {
      score.dates.total++;
      if (datesAgree(p.date, g.date)) score.dates.right++;
      else score.errors.push(`${gold.id}: date of ${g.action} ${g.target} ${g.status}: expected ${g.date}, got ${p.date ?? 'none'}`);
    }
    if (g.measure) {
      score.links.total++;
      if (p.measure === g.measure) score.links.right++;
      else score.errors.push(`${gold.id}: link of ${g.action} ${g.target} ${g.status}: expected ${g.measure}, got ${p.measure}`);
    }
  }
}
