/**
 * SARIF 2.1.0, so code-scanning dashboards and CI annotate the inventory file's lines: one rule per
 * measure, one result per finding at the row it came from.
 */
import { createHash } from 'node:crypto';
import type { ScanReport } from '../model/finding.js';
import type { Severity } from '../model/kb.js';
import { describeChain, describeState } from './describe.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

export function renderSarif(report: ScanReport): string {
  const rules = new Map<string, { id: string; name: string; shortDescription: { text: string }; helpUri?: string }>();
  const results = [];
  for (const r of report.results) {
    for (const f of r.findings) {
      if (!rules.has(f.measure.id)) {
        const url = f.citations.find((c) => c.url)?.url;
        rules.set(f.measure.id, { id: f.measure.id, name: f.measure.short, shortDescription: { text: f.measure.title }, ...(url ? { helpUri: url } : {}) });
      }
      const key = `${r.origin.file}|${r.origin.line}|${f.measure.id}|${f.subject.id}`;
      results.push({
        ruleId: f.measure.id,
        level: LEVEL[f.severity],
        message: { text: `${f.subject.name} (${f.measure.short}): ${describeState(f)}. ${describeChain(f)}. Obliges: ${f.obligation}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.origin.file }, region: { startLine: r.origin.line } } }],
        partialFingerprints: { coveredFinding: createHash('sha256').update(key).digest('hex').slice(0, 32) },
        properties: { state: f.state, severity: f.severity, confidence: f.confidence, subject: f.subject.id, asOf: report.asOf },
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'covered', version: report.tool.version, rules: [...rules.values()] } },
        properties: { kb: report.kb, asOf: report.asOf, profile: report.profile.id },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
