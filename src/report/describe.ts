/**
 * Plain-language descriptions of a finding's evidence chain, shared by the text renderers.
 */
import type { Evidence } from '../match/resolver.js';
import type { Finding, ItemResult, Occurrences } from '../model/finding.js';

/** "1 finding", "2 findings", "1 entry", "3 entries". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function describeEvidence(e: Evidence): string {
  switch (e.type) {
    case 'name':
      return `name "${e.input}" ~ ${e.aliasKind} name "${e.alias}" (score ${e.score})`;
    case 'mac':
      return `MAC ${e.mac}: IEEE ${e.block} ${e.prefix} registered to "${e.registrant}"`;
    case 'domain':
      return `host ${e.host} is under ${e.listedDomain}`;
    case 'identifier':
      return e.exact ? `${e.scheme} ${e.value}` : `${e.scheme} ${e.value} under ${e.matchedPrefix}`;
    case 'model':
      return `model "${e.input}" fits pattern /${e.pattern}/`;
    case 'category':
      return `category "${e.input}" is "${e.category}" under rule ${e.rule}`;
  }
}

/** "MAC … → Hangzhou Hikvision … → owned by … → listed as "…"" */
export function describeChain(f: Finding): string {
  const parts = f.evidence.map(describeEvidence);
  if (f.kinship === 'category') {
    parts.push(`${f.subject.name} (from ${f.listing.from}; not if: ${(f.exceptions ?? []).join('; ') || 'no exceptions'})`);
    return parts.join(' → ');
  }
  parts.push(f.match.entity.name);
  for (const step of f.path) {
    const share = step.share !== undefined ? ` ${step.share}%` : '';
    parts.push(`${step.relation}${share} ${step.to.name}`);
  }
  const listed = f.listing.nameAsListed.length > 90 ? `${f.listing.nameAsListed.slice(0, 89)}…` : f.listing.nameAsListed;
  parts.push(`listed as "${listed}" since ${f.listing.from}`);
  return parts.join(' → ');
}

export function describeState(f: Finding): string {
  // The next event is after the screening date: it reads as what comes, not as another state now.
  const next = f.status.next ? `; next: ${f.status.next.status} from ${f.status.next.date}` : '';
  const context = f.role === 'context' && f.context ? `context, not an obligation here: ${f.context.note}; ` : '';
  return `${context}${f.state} (${f.status.status} ${f.status.date}${next})`;
}


/**
 * A log result's aggregate: "seen 3 times by 192.0.2.10 from 2026-11-25T00:00:01.120Z to
 * 2026-11-25T00:01:39.000Z, lines 9–16"; undefined for a result that is not from a log.
 */
export function describeOccurrences(result: ItemResult): string | undefined {
  const o: Occurrences | undefined = result.occurrences;
  if (!o) return undefined;
  const times = o.count === 1 ? 'once' : `${o.count.toLocaleString('en-US')} times`;
  const by = o.client !== undefined && o.client !== '' ? ` by ${o.client}` : '';
  let when = '';
  if (o.firstSeen !== undefined && (o.lastSeen === undefined || o.lastSeen === o.firstSeen)) when = ` at ${o.firstSeen}`;
  else if (o.firstSeen !== undefined) when = ` from ${o.firstSeen} to ${o.lastSeen}`;
  const lines = o.lastLine === result.origin.line ? `line ${result.origin.line}` : `lines ${result.origin.line}–${o.lastLine}`;
  return `seen ${times}${by}${when}, ${lines}`;
}
