/**
 * The verdict on two names: the same entity, the same corporate family (through the knowledge
 * base's relations as of a date), or different — with the reasons as data.
 */
import type { CorporateGraph } from '../kb/graph.js';
import { compareNames, describeFeature, HOUSE_NAME_MIN, round, SAME_THRESHOLD } from './names/compare.js';
import type { NameIndex, NameMatch } from './names/name-index.js';
import { normaliseName } from './names/normalise.js';

export type Verdict = 'same' | 'family' | 'different';

export interface PairResult {
  name1: string;
  name2: string;
  score: number;
  verdict: Verdict;
  reasons: string[];
}

/**
 * From one search: the knowledge-base entities a name denotes with confidence (ties at the top all
 * kept), and the houses it is named after without being any of their companies.
 */
function inKnowledgeBase(names: NameIndex, name: string, threshold: number): { resolved: NameMatch[]; houses: NameMatch[]; reached: NameMatch[] } {
  const found = names.search(name, { minScore: Math.min(HOUSE_NAME_MIN, threshold), limit: 5 });
  const matches = found.filter((m) => m.score >= threshold && !m.sameCoreDifferentEntity);
  const top = matches[0]?.score ?? 0;
  const exact = matches.filter((m) => m.exact && m.score === top);
  return {
    resolved: exact.length > 0 ? exact : matches.filter((m) => m.score >= top - 0.02),
    houses: found.filter((m) => m.sameCoreDifferentEntity),
    reached: matches,
  };
}

/**
 * `threshold` is the score at which two names are the same entity (default 0.85, see
 * docs/matching.md); a higher one trades recall for precision.
 */
export function matchPair(name1: string, name2: string, names: NameIndex, graph: CorporateGraph, asOf: string, threshold: number = SAME_THRESHOLD): PairResult {
  const direct = compareNames(normaliseName(name1), normaliseName(name2), names.rarity.weight);
  const reasons = direct.features.map(describeFeature);
  const kb1 = inKnowledgeBase(names, name1, threshold);
  const kb2 = inKnowledgeBase(names, name2, threshold);
  const r1 = kb1.resolved;
  const r2 = kb2.resolved;
  if (r1.length > 0 && r2.length > 0) {
    const kbScore = round(Math.min(r1[0]?.score ?? 0, r2[0]?.score ?? 0));
    const common = r1.find((a) => r2.some((b) => b.entity.id === a.entity.id));
    if (common) {
      const other = r2.find((b) => b.entity.id === common.entity.id) as NameMatch;
      // The knowledge base holds one record for the house ("Inspur"); two names that are both its
      // exact aliases are one entity, but a group and its listed company reaching it through a short
      // name are two companies of one family.
      if (direct.sameCoreDifferentEntity && !(common.exact && other.exact)) {
        reasons.push(`kb: both reach ${common.entity.kind} "${common.entity.id}" ("${common.alias}"), but the names are different companies of that house`);
        return { name1, name2, score: Math.min(direct.score, kbScore), verdict: 'family', reasons };
      }
      reasons.push(`kb: both are ${common.entity.kind} "${common.entity.id}" ("${common.alias}")`);
      return { name1, name2, score: round(Math.max(direct.score, kbScore)), verdict: 'same', reasons };
    }
    for (const a of r1) {
      for (const b of r2) {
        const link = graph.sameFamily(a.entity.id, b.entity.id, asOf);
        if (link) {
          const path = link.path.map((s) => `${s.from} ${s.direction === 'up' ? s.relation : `(${s.relation}, reversed)`} ${s.to}`).join('; ');
          reasons.push(`kb: "${a.entity.id}" and "${b.entity.id}" are one family as of ${asOf} (${link.kinship}): ${path}`);
          return { name1, name2, score: kbScore, verdict: 'family', reasons };
        }
      }
    }
    // Two records that each name matches ("Gazprom Neft JSC" / "Gazprom Neft OAO" reaching two
    // records of one name): the knowledge base cannot tell the names apart, so it does not overrule them.
    const crossed = direct.score >= threshold && !direct.sameCoreDifferentEntity &&
      (kb2.reached.some((m) => r1.some((a) => a.entity.id === m.entity.id)) || kb1.reached.some((m) => r2.some((b) => b.entity.id === m.entity.id)));
    if (crossed) {
      reasons.push(`kb: "${r1[0]?.entity.id}" and "${r2[0]?.entity.id}" are two records, but each name matches both`);
      return { name1, name2, score: direct.score, verdict: 'same', reasons };
    }
    reasons.push(`kb: "${r1[0]?.entity.id}" and "${r2[0]?.entity.id}" are different entities with no relation as of ${asOf}`);
    return { name1, name2, score: round(Math.min(direct.score, 1 - kbScore / 2)), verdict: 'different', reasons };
  }
  if (direct.score >= threshold) return { name1, name2, score: direct.score, verdict: 'same', reasons };
  // "BYD Auto" and "比亚迪汽车": neither is in the knowledge base, but both are named after one house in it.
  if (r1.length === 0 && r2.length === 0) {
    const house = kb1.houses.find((a) => kb2.houses.some((b) => b.entity.id === a.entity.id));
    if (house) {
      reasons.push(`kb: both are named after ${house.entity.kind} "${house.entity.id}" ("${house.alias}") and add words of their own: companies of that house`);
      return { name1, name2, score: round(Math.max(direct.score, house.score)), verdict: 'family', reasons };
    }
  }
  if (direct.sameCoreDifferentEntity) {
    reasons.push('same distinctive name with a different business line or region: another company of the same group');
    return { name1, name2, score: direct.score, verdict: 'family', reasons };
  }
  return { name1, name2, score: direct.score, verdict: 'different', reasons };
}
