import type { ScanReport } from '../model/finding.js';

/** The stable JSON contract (docs/json-output.md). Key order is fixed by construction. */
export function renderJson(report: ScanReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
