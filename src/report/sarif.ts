/**
 * SARIF 2.1.0, so code-scanning dashboards and CI annotate the inventory file's lines: one rule per
 * measure, one result per finding at the row it came from.
 */
import { describeAsset } from '../model/item.js';
import { createHash } from 'node:crypto';
import type { ItemResult } from '../model/finding.js';
import type { Severity } from '../model/kb.js';
import { describeChain, describeState } from './describe.js';
import { jsonWithArray, withFindings, type ReportView } from './view.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

export function* renderSarif(report: ReportView): Generator<string> {
  const rules = new Map<string, { id: string; name: string; shortDescription: { text: string }; helpUri?: string }>();
  for (const r of withFindings(report.results)) {
    for (const f of r.findings) {
      if (rules.has(f.measure.id)) continue;
      const url = f.citations.find((c) => c.url)?.url;
      rules.set(f.measure.id, { id: f.measure.id, name: f.measure.short, shortDescription: { text: f.measure.title }, ...(url ? { helpUri: url } : {}) });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'covered', version: report.tool.version, rules: [...rules.values()] } },
        properties: { kb: report.kb, asOf: report.asOf, profile: report.profile.id },
        results: [],
      },
    ],
  };
  yield* jsonWithArray(sarif, 'results', sarifResults(report.results, report.asOf));
  yield '\n';
}

function* sarifResults(results: Iterable<ItemResult>, asOf: string): Generator<unknown> {
  for (const r of withFindings(results)) {
    for (const f of r.findings) {
      const key = `${r.origin.file}|${r.origin.line}|${f.measure.id}|${f.subject.id}`;
      yield {
        ruleId: f.measure.id,
        level: LEVEL[f.severity],
        message: { text: `${r.asset ? `Asset ${describeAsset(r.asset)}: ` : ''}${f.subject.name} (${f.measure.short}): ${describeState(f)}. ${describeChain(f)}. Obliges: ${f.obligation}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: r.origin.file }, region: { startLine: r.origin.line } } }],
        partialFingerprints: { coveredFinding: createHash('sha256').update(key).digest('hex').slice(0, 32) },
        properties: { state: f.state, severity: f.severity, confidence: f.confidence, subject: f.subject.id, asOf, ...(r.asset ? { asset: r.asset } : {}) },
      };
    }
  }
}
