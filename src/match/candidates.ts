/**
 * Ranked candidates for a query, as a reviewer needs them: every knowledge-base entity a name (or
 * an identifier) could denote, best first, each with its score, the band that score falls in, and
 * the features that made it — whether or not it reaches the threshold a scan reports at.
 */
import type { EntityRef } from '../kb/model.js';
import type { FieldKind } from '../model/item.js';
import { describeFeature, HOUSE_NAME_MIN, SAME_THRESHOLD } from './names/compare.js';
import type { Method, Resolver } from './resolver.js';

/**
 * What a score means. `same` (≥ 0.85): the name denotes the entity; `related` (≥ 0.70): another
 * company of the same house, or a name to review; `weak`: shares a word or a sound, nothing more.
 */
export type ScoreBand = 'same' | 'related' | 'weak';

export function scoreBand(score: number): ScoreBand {
  return score >= SAME_THRESHOLD ? 'same' : score >= HOUSE_NAME_MIN ? 'related' : 'weak';
}

export interface Candidate {
  rank: number;
  entity: EntityRef & { name: string };
  score: number;
  band: ScoreBand;
  /** The score reaches the threshold asked for (a scan reports only these). */
  meetsThreshold: boolean;
  method: Method;
  /** The alias (or identifier) that matched, and what kind of name it is. */
  matched: string;
  matchedKind: string;
  explanation: string[];
}

export interface CandidateList {
  query: string;
  field: FieldKind;
  threshold: number;
  candidates: Candidate[];
  /** Why the value could not be used, or could not be attributed. */
  error?: string;
  note?: string;
}

/** Candidates scoring below this are not worth a reviewer's time. */
const FLOOR = 0.3;

export function rankCandidates(resolver: Resolver, query: string, field: FieldKind, options: { limit: number; threshold: number }): CandidateList {
  const { limit, threshold } = options;
  const name = (ref: EntityRef) =>
    ref.kind === 'product' ? (resolver.kb.products[ref.id]?.name ?? ref.id) : (resolver.kb.organisations[ref.id]?.names[0]?.value ?? ref.id);
  const out: Candidate[] = [];
  if (field === 'name') {
    for (const m of resolver.names.search(query, { limit, minScore: FLOOR })) {
      out.push({
        rank: out.length + 1,
        entity: { ...m.entity, name: name(m.entity) },
        score: m.score,
        band: scoreBand(m.score),
        meetsThreshold: m.score >= threshold,
        method: m.sameCoreDifferentEntity && m.score < SAME_THRESHOLD ? 'group-name' : 'name',
        matched: m.alias,
        matchedKind: m.aliasKind,
        explanation: [...m.features.map(describeFeature), ...(m.exact ? ['the query is this alias word for word'] : [])],
      });
    }
    return { query, field, threshold, candidates: out };
  }
  const outcome = resolver.resolve(field, query);
  for (const r of outcome.resolutions.slice(0, limit)) {
    const ev = r.evidence;
    const matched = ev.type === 'mac' ? `${ev.block} ${ev.prefix} (${ev.registrant})` : ev.type === 'domain' ? ev.listedDomain : ev.type === 'identifier' ? (ev.matchedPrefix ?? ev.value) : ev.type === 'model' ? ev.pattern : ev.type === 'name' ? ev.alias : ev.rule;
    out.push({
      rank: out.length + 1,
      entity: { ...r.entity, name: name(r.entity) },
      score: r.confidence,
      band: scoreBand(r.confidence),
      meetsThreshold: r.confidence >= threshold,
      method: r.method,
      matched,
      matchedKind: ev.type,
      explanation: ev.type === 'name' ? ev.features.map(describeFeature) : [`${r.method}: ${matched}`],
    });
  }
  return { query, field, threshold, candidates: out, ...(outcome.error ? { error: outcome.error } : {}), ...(outcome.note ? { note: outcome.note } : {}) };
}
