/**
 * A whole scan: items in, a `ScanReport` out, with the summary counted as results arrive.
 */
import type { ItemResult, ScanReport, ScanSummary } from '../model/finding.js';
import type { IngestRecord } from '../model/item.js';
import type { ScreenOptions, ScreeningEngine } from './engine.js';

export function emptySummary(): ScanSummary {
  return { rowsRead: 0, screened: 0, rejected: 0, withFindings: 0, findings: 0, byState: {}, bySeverity: {}, byMeasure: {} };
}

export function addToSummary(summary: ScanSummary, result: ItemResult): void {
  summary.rowsRead++;
  if (result.status === 'rejected') summary.rejected++;
  else summary.screened++;
  addFindingsToSummary(summary, result);
}

/** Log lines that were screened: they count as rows read; their findings come with the aggregates. */
export function addSightingsToSummary(summary: ScanSummary, lines: number): void {
  summary.rowsRead += lines;
  summary.screened += lines;
}

/** A result that stands for many log lines (already counted as rows) adds only its findings. */
export function addFindingsToSummary(summary: ScanSummary, result: ItemResult): void {
  if (result.findings.length > 0) summary.withFindings++;
  for (const f of result.findings) {
    summary.findings++;
    summary.byState[f.state] = (summary.byState[f.state] ?? 0) + 1;
    summary.bySeverity[f.severity] = (summary.bySeverity[f.severity] ?? 0) + 1;
    summary.byMeasure[f.measure.id] = (summary.byMeasure[f.measure.id] ?? 0) + 1;
  }
}

/** Screens one ingest record; a row the reader rejected becomes a rejected result. */
export function screenRecord(engine: ScreeningEngine, record: Exclude<IngestRecord, { kind: 'sightings' }>, options: ScreenOptions): ItemResult {
  if (record.kind === 'rejected') {
    return { origin: record.row.origin, label: '', ...(record.row.asset ? { asset: record.row.asset } : {}), status: 'rejected', error: record.row.error, findings: [] };
  }
  return engine.screen(record.item, options);
}

export function sortSummary(summary: ScanSummary): ScanSummary {
  const sorted = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  return { ...summary, byState: sorted(summary.byState), bySeverity: sorted(summary.bySeverity), byMeasure: sorted(summary.byMeasure) };
}

export type { ScanReport };
