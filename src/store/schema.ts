/**
 * The tables of the store, as kysely sees them. Timestamps are ISO-8601 strings and JSON columns
 * are text, so the same rows read the same on SQLite and PostgreSQL.
 */
import type { Generated } from 'kysely';
import type { DispositionState, ScanStatus } from '../model/scan.js';


export interface ScansTable {
  id: string;
  status: ScanStatus;
  file_name: string;
  as_of: string;
  profile: string;
  include_historical: number;
  kb_version: string;
  kb_hash: string;
  /** Estimated rows (from the file's line count) for progress; 0 when unknown. */
  rows_expected: number;
  rows_done: number;
  error: string | null;
  /** ScanReport `inputs` and `summary`, JSON; set when the scan completes. */
  inputs_json: string | null;
  summary_json: string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
}

/** One input row of a scan (ItemResult without its findings). */
export interface ScanItemsTable {
  scan_id: string;
  idx: number;
  file: string;
  line: number;
  sheet: string | null;
  label: string;
  status: 'screened' | 'rejected';
  error: string | null;
  warnings_json: string | null;
  item_key: string;
  /** The asset the row describes (AssetIdentity, JSON); its owner and site apart, for filters. */
  asset_json: string | null;
  asset_owner: string | null;
  asset_site: string | null;
}

export interface FindingsTable {
  id: Generated<number>;
  scan_id: string;
  item_idx: number;
  /** Same item (by its values), same measure, same listed subject: the key dispositions attach to. */
  finding_key: string;
  /** Hash of the knowledge-base facts the finding rests on; a disposition made on another basis re-opens. */
  basis_hash: string;
  measure_id: string;
  subject_id: string;
  subject_group: string;
  state: string;
  severity: string;
  severity_rank: number;
  confidence: number;
  item_kind: string;
  label: string;
  finding_json: string;
  /** The finding's CSV cells before the disposition columns, as rendered when it was screened (null before migration 0009). */
  csv_cells: string | null;
}


export interface DispositionsTable {
  finding_key: string;
  state: DispositionState;
  reason: string;
  basis_hash: string;
  measure_id: string;
  subject_id: string;
  label: string;
  decided_by: string;
  decided_at: string;
}

/** Every decision on a finding, oldest first: the trail the attestation report shows. */
export interface DispositionHistoryTable {
  id: Generated<number>;
  finding_key: string;
  state: DispositionState | 'cleared';
  reason: string;
  basis_hash: string;
  finding_id: number | null;
  scan_id: string | null;
  decided_by: string;
  decided_at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  details_json: string;
  prev_hash: string;
  hash: string;
}

/** The newest audit entry, kept apart so that deleting the tail of the log is also detected. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export type Role = 'viewer' | 'analyst' | 'admin';

export interface ApiTokensTable {
  id: string;
  name: string;
  role: Role;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Each knowledge base the server has run with, with a fingerprint per record for diffs. */
export interface KbVersionsTable {
  hash: string;
  version: string;
  first_seen: string;
  records_json: string;
}

export interface Tables {
  scans: ScansTable;
  scan_items: ScanItemsTable;
  findings: FindingsTable;
  dispositions: DispositionsTable;
  disposition_history: DispositionHistoryTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  api_tokens: ApiTokensTable;
  kb_versions: KbVersionsTable;
}
