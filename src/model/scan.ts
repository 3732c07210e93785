/**
 * Stored scans and their findings as the store keeps them and the API gives them: one definition
 * for the server and the web UI.
 */
import type { Finding, FieldNote, ItemResult, ScanReport, ScanSummary } from './finding.js';
import type { AssetIdentity } from './item.js';

export type ScanStatus = 'queued' | 'running' | 'complete' | 'failed';

export type DispositionState = 'false-positive' | 'accepted-risk' | 'remediated';

export interface ScanInfo {
  id: string;
  status: ScanStatus;
  fileName: string;
  asOf: string;
  profile: string;
  includeHistorical: boolean;
  kb: { version: string; hash: string };
  progress: { rowsDone: number; rowsExpected: number; fraction: number };
  error?: string;
  summary?: ScanSummary;
  inputs?: ScanReport['inputs'];
  createdBy: string;
  createdAt: string;
  finishedAt?: string;
}

/** A disposition as seen from a finding: `reopened` when the KB facts it relied on have changed. */
export interface FindingDisposition {
  state: DispositionState;
  reason: string;
  decidedBy: string;
  decidedAt: string;
  reopened: boolean;
}

export interface StoredFinding {
  id: number;
  scanId: string;
  key: string;
  item: { idx: number; origin: ItemResult['origin']; label: string; asset?: AssetIdentity; warnings?: FieldNote[] };
  finding: Finding;
  group: string;
  disposition?: FindingDisposition;
}
