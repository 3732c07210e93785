/**
 * One CSV row per finding; rejected rows and rows with warnings appear too, so nothing is lost. A
 * log's aggregated result carries how often, by whom and when its host was seen. The server's
 * export has the same columns, with the disposition columns filled in (`csvStoredCells`).
 */
import type { Finding, ItemResult } from '../model/finding.js';
import { ASSET_FIELDS } from '../model/item.js';
import { describeChain } from './describe.js';
import { joinLines, type ReportView } from './view.js';

/** A byte-order mark, so that spreadsheet programs read the file as UTF-8 (Chinese names intact). */
export const CSV_BOM = '\uFEFF';

export const CSV_HEADER = [
  'file', 'line', 'item',
  // The asset the row describes, when the input has such columns.
  'asset_tag', 'hostname', 'ip', 'owner', 'site', 'serial', 'cost_centre', 'country',
  'row_status', 'message', 'measure', 'measure_title', 'subject_id', 'subject', 'state',
  'status', 'status_date', 'severity', 'confidence', 'field', 'value', 'method', 'evidence_chain', 'obligation',
  // Logs: the lines aggregated into this result (`line` is the first).
  'occurrences', 'client', 'first_seen', 'last_seen', 'last_line',
  // Stored scans only (the server's export): the finding's id and its disposition.
  'finding_id', 'disposition', 'disposition_reason', 'decided_by', 'decided_at',
] as const;


/** The disposition columns of a stored finding. */
export interface StoredColumns {
  findingId: number;
  disposition: string;
  reason?: string;
  decidedBy?: string;
  decidedAt?: string;
}

function cell(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  // Leading = + - @ would be formulas in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type RowOf = Pick<ItemResult, 'origin' | 'label' | 'asset' | 'status' | 'error' | 'warnings' | 'occurrences'>;

/** One CSV line (without its line end) for a result and one of its findings (or none, for a row with a problem). */
export function csvFindingRow(r: RowOf, f: Finding | undefined): string {
  return `${csvFindingCells(r, f)},${csvStoredCells(undefined)}`;
}

/** The cells of `csvFindingRow` before the disposition columns, which a stored scan keeps as rendered. */
export function csvFindingCells(r: RowOf, f: Finding | undefined): string {
  const o = r.occurrences;
  const message = r.error ?? r.warnings?.map((w) => `${w.field} ${w.value}: ${w.message}`).join('; ');
  const findingCells = f
    ? [f.measure.id, f.measure.title, f.subject.id, f.subject.name, f.state, f.status.status, f.status.date, f.severity, f.confidence, f.match.field, f.match.value, f.match.method, describeChain(f), f.obligation]
    : Array<string>(14).fill('');
  return [
    r.origin.file,
    r.origin.line,
    r.label,
    ...ASSET_FIELDS.map((k) => r.asset?.[k]),
    r.status,
    message,
    ...findingCells,
    ...(o ? [o.count, o.client, o.firstSeen, o.lastSeen, o.lastLine] : ['', '', '', '', '']),
  ]
    .map(cell)
    .join(',');
}

/** The disposition columns: a stored finding's id and decision, or empty. */
export function csvStoredCells(stored: StoredColumns | undefined): string {
  return (stored ? [stored.findingId, stored.disposition, stored.reason, stored.decidedBy, stored.decidedAt] : ['', '', '', '', '']).map(cell).join(',');
}

export function* renderCsv(report: ReportView): Generator<string> {
  yield CSV_BOM;
  yield* joinLines(csvLines(report));
  yield '\n';
}

function* csvLines(report: ReportView): Generator<string> {
  yield CSV_HEADER.join(',');
  for (const r of report.results) {
    if (r.findings.length === 0) {
      if (r.status === 'rejected' || r.warnings) yield csvFindingRow(r, undefined);
      continue;
    }
    for (const f of r.findings) yield csvFindingRow(r, f);
  }
}
