/**
 * Gathering what the attestation report shows: from a stored scan (covered items with their
 * dispositions and history) or from a JSON report file (covered items only).
 */
import { packageVersion } from '../kb/files.js';
import type { KnowledgeBase } from '../kb/model.js';
import type { ScanReport } from '../model/finding.js';
import type { AttestationInput, AttestationSpec, CoveredItem } from '../report/attestation.js';
import type { DispositionStore } from '../store/dispositions.js';
import type { ScanStore } from '../store/scans.js';
import type { ScanInfo } from '../model/scan.js';

/** Chinese names of the listed subjects, for the report to show beside the English ones. */
function otherNames(kb: KnowledgeBase, subjectIds: Iterable<string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of subjectIds) {
    const names = (kb.organisations[id]?.names ?? []).filter((n) => n.script === 'hans' || n.script === 'hant').map((n) => n.value);
    if (names.length) out[id] = [...new Set(names)].slice(0, 3);
  }
  return out;
}

function header(spec: AttestationSpec): Pick<AttestationInput, 'spec' | 'toolVersion' | 'generatedAt'> {
  return { spec, toolVersion: packageVersion(), generatedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
}

export async function attestationFromStore(stores: { scans: ScanStore; dispositions: DispositionStore }, scan: ScanInfo, spec: AttestationSpec, kb: KnowledgeBase): Promise<AttestationInput> {
  const items: CoveredItem[] = [];
  const pageSize = 200;
  for (let offset = 0; ; offset += pageSize) {
    const page = await stores.scans.items(scan.id, { measure: spec.measures, limit: pageSize, offset });
    const history = await stores.dispositions.history(page.items.flatMap((i) => i.findings.map((f) => f.key)));
    for (const item of page.items) {
      items.push({
        origin: item.origin,
        label: item.label,
        ...(item.asset ? { asset: item.asset } : {}),
        findings: item.findings.map((f) => ({ finding: f.finding, ...(f.disposition ? { disposition: f.disposition } : {}), history: history.get(f.key) ?? [] })),
      });
    }
    if (page.items.length < pageSize) break;
  }
  items.sort((a, b) => a.origin.file.localeCompare(b.origin.file) || a.origin.line - b.origin.line);
  const rejected = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await stores.scans.rejected(scan.id, { limit: 1000, offset });
    rejected.push(...page.rows.map((r) => ({ origin: r.origin, error: r.error })));
    if (page.rows.length < 1000) break;
  }
  const summary = scan.summary ?? { rowsRead: 0, screened: 0, rejected: 0 };
  return {
    ...header(spec),
    asOf: scan.asOf,
    kb: scan.kb,
    profile: scan.profile,
    scanId: scan.id,
    files: [scan.fileName],
    summary: { rowsRead: summary.rowsRead, screened: summary.screened, rejected: summary.rejected },
    items,
    rejected,
    dispositionsKnown: true,
    otherNames: otherNames(kb, items.flatMap((i) => i.findings.map((f) => f.finding.subject.id))),
  };
}

export function attestationFromReport(report: ScanReport, spec: AttestationSpec, kb: KnowledgeBase): AttestationInput {
  const wanted = new Set(spec.measures);
  const items: CoveredItem[] = [];
  const rejected = [];
  for (const r of report.results) {
    if (r.status === 'rejected') rejected.push({ origin: r.origin, error: r.error ?? '' });
    const findings = r.findings.filter((f) => wanted.has(f.measure.id));
    if (findings.length) items.push({ origin: r.origin, label: r.label, ...(r.asset ? { asset: r.asset } : {}), findings: findings.map((finding) => ({ finding, history: [] })) });
  }
  return {
    ...header(spec),
    asOf: report.asOf,
    kb: report.kb,
    profile: report.profile.id,
    files: report.inputs.map((i) => i.file),
    summary: { rowsRead: report.summary.rowsRead, screened: report.summary.screened, rejected: report.summary.rejected },
    items,
    rejected,
    dispositionsKnown: false,
    otherNames: otherNames(kb, items.flatMap((i) => i.findings.map((f) => f.finding.subject.id))),
  };
}
