import { jsonWithArray, type ReportView } from './view.js';

/** The stable JSON contract (docs/json-output.md). Key order is fixed by construction. */
export function* renderJson(report: ReportView): Generator<string> {
  yield* jsonWithArray({ ...report, results: [] }, 'results', report.results);
  yield '\n';
}
