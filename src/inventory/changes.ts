/**
 * What changed between two versions of an inventory, finding by finding. Findings are matched by
 * their key (the item's values, the measure and the listed subject — the key dispositions attach
 * to): a key only in the newer version is new, one only in the older is resolved, and one in both
 * whose state, severity or basis (the knowledge-base facts it rests on) differs has changed.
 */
import type { ChangeCounts, FindingChange, RuleFilter } from './model.js';

export interface FindingDigest {
  key: string;
  basis: string;
  measure: string;
  subject: string;
  severity: string;
  state: string;
  label: string;
}

export function diffFindings(before: Iterable<FindingDigest>, after: Iterable<FindingDigest>): FindingChange[] {
  const old = new Map<string, FindingDigest>();
  for (const f of before) if (!old.has(f.key)) old.set(f.key, f);
  const seen = new Set<string>();
  const changes: FindingChange[] = [];
  for (const f of after) {
    if (seen.has(f.key)) continue;
    seen.add(f.key);
    const was = old.get(f.key);
    const change = { key: f.key, measure: f.measure, subject: f.subject, severity: f.severity, state: f.state, label: f.label };
    if (!was) changes.push({ kind: 'new', ...change });
    else if (was.basis !== f.basis || was.state !== f.state || was.severity !== f.severity) changes.push({ kind: 'changed', ...change, before: { state: was.state, severity: was.severity, basis: was.basis } });
  }
  for (const [key, f] of old) {
    if (!seen.has(key)) changes.push({ kind: 'resolved', key, measure: f.measure, subject: f.subject, severity: f.severity, state: f.state, label: f.label });
  }
  return changes;
}

export function countChanges(changes: readonly FindingChange[]): ChangeCounts {
  const counts: ChangeCounts = { new: 0, changed: 0, resolved: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
}

/** The changes a notification rule asks for. */
export function selectChanges(changes: readonly FindingChange[], inventory: string, filter: RuleFilter): FindingChange[] {
  if (filter.inventories?.length && !filter.inventories.includes(inventory)) return [];
  return changes.filter(
    (c) =>
      (!filter.measures?.length || filter.measures.includes(c.measure)) &&
      (!filter.severities?.length || filter.severities.includes(c.severity)) &&
      (!filter.kinds?.length || filter.kinds.includes(c.kind)),
  );
}
