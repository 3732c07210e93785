/**
 * One CSV row per finding; rejected rows and rows with warnings appear too, so nothing is lost. A
 * log's aggregated result carries how often, by whom and when its host was seen.
 */
import { describeChain } from './describe.js';
import { joinLines, type ReportView } from './view.js';

const HEADER = [
  'file', 'line', 'item', 'row_status', 'message', 'measure', 'measure_title', 'subject_id', 'subject', 'state',
  'status', 'status_date', 'severity', 'confidence', 'field', 'value', 'method', 'evidence_chain', 'obligation',
  // Logs: the lines aggregated into this result (`line` is the first).
  'occurrences', 'client', 'first_seen', 'last_seen', 'last_line',
];
const OCCURRENCE_COLUMNS = 5;

function cell(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  // Leading = + - @ would be formulas in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function* renderCsv(report: ReportView): Generator<string> {
  yield* joinLines(csvLines(report));
  yield '\n';
}

function* csvLines(report: ReportView): Generator<string> {
  yield HEADER.join(',');
  for (const r of report.results) {
    const base = [r.origin.file, r.origin.line, r.label];
    const o = r.occurrences;
    const seen = o ? [o.count, o.client, o.firstSeen, o.lastSeen, o.lastLine] : Array(OCCURRENCE_COLUMNS).fill('');
    const message = r.error ?? r.warnings?.map((w) => `${w.field} ${w.value}: ${w.message}`).join('; ');
    if (r.findings.length === 0) {
      if (r.status === 'rejected' || message) yield [...base, r.status, message, ...Array(HEADER.length - 5 - OCCURRENCE_COLUMNS).fill(''), ...seen].map(cell).join(',');
      continue;
    }
    for (const f of r.findings) {
      yield [
        ...base, r.status, message, f.measure.id, f.measure.title, f.subject.id, f.subject.name, f.state, f.status.status,
        f.status.date, f.severity, f.confidence, f.match.field, f.match.value, f.match.method, describeChain(f), f.obligation, ...seen,
      ].map(cell).join(',');
    }
  }
}
