/**
 * Scans and their results. A scan's rows are written in batches while it runs and are shown only
 * once it is complete; a scan interrupted by a crash is marked failed on the next start and its
 * partial rows are removed, so nothing half-written is ever presented as a result.
 */
import { sql, type ExpressionBuilder, type Transaction } from 'kysely';
import type { Finding, FieldNote, ItemResult, ScanReport, ScanSummary } from '../model/finding.js';
import { toNumber, type Store } from './db.js';
import type { FindingsTable, ScanItemsTable, ScansTable, Tables } from './schema.js';
import type { AssetIdentity } from '../model/item.js';
import type { DispositionState, FindingDisposition, ScanInfo, ScanStatus, StoredFinding } from '../model/scan.js';


export type NewScan = Pick<ScansTable, 'id' | 'file_name' | 'as_of' | 'profile' | 'kb_version' | 'kb_hash' | 'rows_expected' | 'created_by'> & { include_historical: boolean };

/** One screened row ready to store: the result, and for each finding its key and basis. */
export interface StoredRow {
  result: ItemResult;
  itemKey: string;
  /** `csvCells`: the finding's CSV cells before the disposition columns (`csvFindingCells`), kept for exports. */
  findings: { finding: Finding; key: string; basisHash: string; group: string; severityRank: number; csvCells?: string }[];
}


/** A finding as the CSV export reads it (see `ScanStore.exportPageAfter`). */
export interface ExportRow {
  id: number;
  cells: string | null;
  disposition?: FindingDisposition;
}


export const DISPOSITION_FILTERS = ['open', 'reopened', 'false-positive', 'accepted-risk', 'remediated', 'closed'] as const;
export type DispositionFilter = (typeof DISPOSITION_FILTERS)[number];

export interface FindingQuery {
  measure?: string[];
  group?: string[];
  state?: string[];
  severity?: string[];
  kind?: string[];
  subject?: string;
  /** The asset's owner or site, exactly as in the input (several: any of them). */
  owner?: string[];
  site?: string[];
  disposition?: DispositionFilter[];
  /** Text in the item label, subject or measure. */
  q?: string;
  sort?: 'severity' | 'confidence' | 'measure' | 'subject' | 'label' | 'line' | 'state';
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** A check run first in a write's transaction; throwing rolls the write back (see scan-runs.ts). */
export type Fence = (tx: Transaction<Tables>) => Promise<void>;

const FACETS = ['measure', 'group', 'state', 'severity', 'kind', 'owner', 'site', 'disposition'] as const;

/** A row that could not be screened, with the reason. */
export interface RejectedItem {
  idx: number;
  origin: ItemResult['origin'];
  label: string;
  error: string;
  asset?: AssetIdentity;
}

/** One input row with the findings that matched the filters: the Findings view's "by item" rows. */
export interface ItemWithFindings {
  idx: number;
  origin: ItemResult['origin'];
  label: string;
  asset?: AssetIdentity;
  findings: StoredFinding[];
}

export class ScanStore {
  constructor(private readonly store: Store) {}

  async create(scan: NewScan): Promise<void> {
    await this.store.db
      .insertInto('scans')
      .values({ ...scan, include_historical: scan.include_historical ? 1 : 0, status: 'queued', rows_done: 0, error: null, inputs_json: null, summary_json: null, created_at: new Date().toISOString(), finished_at: null })
      .execute();
  }

  async markRunning(id: string): Promise<void> {
    await this.store.db.updateTable('scans').set({ status: 'running' }).where('id', '=', id).execute();
  }

  /** Writes a batch of rows and the progress in one transaction, after `fence` (which may refuse the write by throwing). */
  async appendRows(scanId: string, firstIdx: number, rows: StoredRow[], rowsDone: number, fence?: Fence): Promise<void> {
    await this.store.db.transaction().execute(async (tx) => {
      await fence?.(tx);
      const items: ScanItemsTable[] = rows.map((r, i) => ({
        scan_id: scanId,
        idx: firstIdx + i,
        file: r.result.origin.file,
        line: r.result.origin.line,
        sheet: r.result.origin.sheet ?? null,
        label: r.result.label,
        status: r.result.status,
        error: r.result.error ?? null,
        warnings_json: r.result.warnings ? JSON.stringify(r.result.warnings) : null,
        item_key: r.itemKey,
        asset_json: r.result.asset ? JSON.stringify(r.result.asset) : null,
        asset_owner: r.result.asset?.owner ?? null,
        asset_site: r.result.asset?.site ?? null,
      }));
      for (const chunk of chunks(items, 200)) await tx.insertInto('scan_items').values(chunk).execute();
      const findings: Omit<FindingsTable, 'id'>[] = rows.flatMap((r, i) =>
        r.findings.map((f) => ({
          scan_id: scanId,
          item_idx: firstIdx + i,
          finding_key: f.key,
          basis_hash: f.basisHash,
          measure_id: f.finding.measure.id,
          subject_id: f.finding.subject.id,
          subject_group: f.group,
          state: f.finding.state,
          severity: f.finding.severity,
          severity_rank: f.severityRank,
          confidence: f.finding.confidence,
          item_kind: f.finding.match.field,
          label: r.result.label,
          finding_json: JSON.stringify(f.finding),
          csv_cells: f.csvCells ?? null,
        })),
      );
      for (const chunk of chunks(findings, 200)) await tx.insertInto('findings').values(chunk).execute();
      await tx.updateTable('scans').set({ rows_done: rowsDone }).where('id', '=', scanId).execute();
    });
  }

  async complete(id: string, inputs: ScanReport['inputs'], summary: ScanSummary, fence?: Fence): Promise<void> {
    await this.store.db.transaction().execute(async (tx) => {
      await fence?.(tx);
      await tx
        .updateTable('scans')
        .set({ status: 'complete', inputs_json: JSON.stringify(inputs), summary_json: JSON.stringify(summary), rows_done: summary.rowsRead, finished_at: new Date().toISOString() })
        .where('id', '=', id)
        .execute();
    });
  }

  /** Marks a scan failed and removes whatever rows it had written. */
  async fail(id: string, error: string, fence?: Fence): Promise<void> {
    await this.store.db.transaction().execute(async (tx) => {
      await fence?.(tx);
      await removeRows(tx, [id]);
      await tx.updateTable('scans').set({ status: 'failed', error, finished_at: new Date().toISOString() }).where('id', '=', id).execute();
    });
  }

  /** Scans left queued or running by a process that stopped: failed, without their partial rows. */
  async failInterrupted(reason: string): Promise<string[]> {
    const stale = await this.store.db.selectFrom('scans').select('id').where('status', 'in', ['queued', 'running']).execute();
    for (const { id } of stale) await this.fail(id, reason);
    return stale.map((s) => s.id);
  }

  async get(id: string): Promise<ScanInfo | undefined> {
    const row = await this.store.db.selectFrom('scans').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toScanInfo(row) : undefined;
  }

  async list(options: { limit: number; offset: number; status?: ScanStatus }): Promise<{ total: number; scans: ScanInfo[] }> {
    let q = this.store.db.selectFrom('scans');
    if (options.status) q = q.where('status', '=', options.status);
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(options.limit).offset(options.offset).execute();
    return { total: toNumber(total?.n), scans: rows.map(toScanInfo) };
  }

  async delete(id: string): Promise<boolean> {
    return this.store.db.transaction().execute(async (tx) => {
      await removeRows(tx, [id]);
      // The file kept for workers and the run record go with the scan (store/scan-runs.ts).
      await sql`delete from scan_files where scan_id = ${id}`.execute(tx);
      await sql`delete from scan_runs where scan_id = ${id}`.execute(tx);
      const r = await tx.deleteFrom('scans').where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    });
  }

  /** One page of a scan's findings with their dispositions, filtered and sorted. */
  async findings(scanId: string, query: FindingQuery): Promise<{ total: number; findings: StoredFinding[] }> {
    const base = this.filtered(scanId, query);
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const dir = query.order ?? (query.sort === undefined || query.sort === 'severity' || query.sort === 'confidence' ? 'desc' : 'asc');
    let rows = base.selectAll('f').select(DISPOSITION_COLUMNS).select(['i.file', 'i.line', 'i.sheet', 'i.warnings_json', 'i.asset_json']);
    const column = { severity: 'f.severity_rank', confidence: 'f.confidence', measure: 'f.measure_id', subject: 'f.subject_id', label: 'f.label', line: 'f.item_idx', state: 'f.state' } as const;
    rows = rows.orderBy(column[query.sort ?? 'severity'], dir);
    if (query.sort !== 'line') rows = rows.orderBy('f.item_idx');
    rows = rows.orderBy('f.id');
    const found = await rows.limit(query.limit).offset(query.offset).execute();
    return { total: toNumber(total?.n), findings: found.map(toStoredFinding) };
  }

  async finding(id: number): Promise<StoredFinding | undefined> {
    const row = await this.store.db
      .selectFrom('findings as f')
      .innerJoin('scan_items as i', (j) => j.onRef('i.scan_id', '=', 'f.scan_id').onRef('i.idx', '=', 'f.item_idx'))
      .leftJoin('dispositions as d', 'd.finding_key', 'f.finding_key')
      .selectAll('f')
      .select(DISPOSITION_COLUMNS)
      .select(['i.file', 'i.line', 'i.sheet', 'i.warnings_json', 'i.asset_json'])
      .where('f.id', '=', id)
      .executeTakeFirst();
    return row ? toStoredFinding(row) : undefined;
  }

  /** Counts by measure, group, state, severity, item kind and disposition, under the same filters. */
  async facets(scanId: string, query: Omit<FindingQuery, 'limit' | 'offset' | 'sort' | 'order'>): Promise<Record<(typeof FACETS)[number], Record<string, number>>> {
    const base = this.filtered(scanId, { ...query, limit: 0, offset: 0 });
    const out = {} as Record<(typeof FACETS)[number], Record<string, number>>;
    const columns = { measure: 'f.measure_id', group: 'f.subject_group', state: 'f.state', severity: 'f.severity', kind: 'f.item_kind', owner: 'i.asset_owner', site: 'i.asset_site' } as const;
    for (const [facet, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
      const rows = await base.select([`${column} as value`, (eb) => eb.fn.countAll().as('n')]).groupBy(column).execute();
      // Rows without an owner or site are not a value to filter by.
      out[facet] = Object.fromEntries(rows.filter((r) => r.value !== null).map((r) => [String(r.value), toNumber(r.n)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
    }
    const dispositionCase = sql<string>`case when d.finding_key is null then 'open' when d.basis_hash <> f.basis_hash then 'reopened' else d.state end`;
    const rows = await base.select([dispositionCase.as('value'), (eb) => eb.fn.countAll().as('n')]).groupBy(dispositionCase).execute();
    out.disposition = Object.fromEntries(rows.map((r) => [String(r.value), toNumber(r.n)]));
    return out;
  }

  /** Every row of a complete scan in input order, as the JSON report's `results`. */
  async *results(scanId: string): AsyncGenerator<ItemResult> {
    const pageSize = 1000;
    for (let from = 0; ; from += pageSize) {
      const items = await this.store.db.selectFrom('scan_items').selectAll().where('scan_id', '=', scanId).where('idx', '>=', from).where('idx', '<', from + pageSize).orderBy('idx').execute();
      if (items.length === 0) return;
      const findings = await this.store.db.selectFrom('findings').select(['item_idx', 'finding_json']).where('scan_id', '=', scanId).where('item_idx', '>=', from).where('item_idx', '<', from + pageSize).orderBy('id').execute();
      const byItem = new Map<number, Finding[]>();
      for (const f of findings) {
        const list = byItem.get(Number(f.item_idx)) ?? [];
        list.push(JSON.parse(f.finding_json) as Finding);
        byItem.set(Number(f.item_idx), list);
      }
      for (const i of items) {
        const result: ItemResult = { origin: origin(i), label: i.label, status: i.status, findings: byItem.get(Number(i.idx)) ?? [] };
        if (i.error) result.error = i.error;
        if (i.warnings_json) result.warnings = JSON.parse(i.warnings_json) as FieldNote[];
        if (i.asset_json) result.asset = JSON.parse(i.asset_json) as AssetIdentity;
        // Key order as in the engine's output: origin, label, asset, status, error, warnings, findings.
        yield {
          origin: result.origin,
          label: result.label,
          ...(result.asset ? { asset: result.asset } : {}),
          status: result.status,
          ...(result.error ? { error: result.error } : {}),
          ...(result.warnings ? { warnings: result.warnings } : {}),
          findings: result.findings,
        };
      }
      if (items.length < pageSize) return;
    }
  }

  /** A page of the input rows that have findings under the filters, each with those findings (sorted as `findings`). */
  async items(scanId: string, query: FindingQuery): Promise<{ total: number; items: ItemWithFindings[] }> {
    const base = this.filtered(scanId, query);
    const total = await base.select((eb) => eb.fn.count('f.item_idx').distinct().as('n')).executeTakeFirst();
    // Items in order of their most severe finding, then input order.
    const page = await base
      .select(['f.item_idx', (eb) => eb.fn.max('f.severity_rank').as('worst')])
      .groupBy('f.item_idx')
      .orderBy('worst', 'desc')
      .orderBy('f.item_idx')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const idxs = page.map((r) => Number(r.item_idx));
    if (idxs.length === 0) return { total: toNumber(total?.n), items: [] };
    const rows = await base
      .where('f.item_idx', 'in', idxs)
      .selectAll('f')
      .select(DISPOSITION_COLUMNS)
      .select(['i.file', 'i.line', 'i.sheet', 'i.warnings_json', 'i.asset_json'])
      .orderBy('f.severity_rank', 'desc')
      .orderBy('f.id')
      .execute();
    const byIdx = new Map<number, StoredFinding[]>();
    for (const row of rows) {
      const f = toStoredFinding(row);
      byIdx.set(f.item.idx, [...(byIdx.get(f.item.idx) ?? []), f]);
    }
    const items = idxs.map((idx) => {
      const findings = byIdx.get(idx) ?? [];
      const item = findings[0]?.item;
      return { idx, origin: item?.origin ?? { file: '', line: 0 }, label: item?.label ?? '', ...(item?.asset ? { asset: item.asset } : {}), findings };
    });
    return { total: toNumber(total?.n), items };
  }

  /** Findings under the filters in input order, after the finding `afterId`: an export goes through them page by page by id. */
  /**
   * A page of the findings CSV export: each finding after `afterId` (insertion order) with its CSV
   * cells as stored at screening and its disposition, without parsing the finding. `cells` is null
   * for a finding stored before the cells were kept (render it from `findingsById`).
   */
  async exportPageAfter(scanId: string, query: Omit<FindingQuery, 'limit' | 'offset' | 'sort' | 'order'>, afterId: number, limit: number): Promise<ExportRow[]> {
    const rows = await this.filtered(scanId, { ...query, limit, offset: 0 })
      .where('f.id', '>', afterId)
      .select(['f.id', 'f.csv_cells', 'f.basis_hash'])
      .select(DISPOSITION_COLUMNS)
      .orderBy('f.id')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ id: Number(row.id), cells: row.csv_cells, ...(row.d_state ? { disposition: dispositionOf(row as DispositionRow & { d_state: DispositionState }, row.basis_hash) } : {}) }));
  }

  /** The rows of a scan that could not be screened, in input order, with their reasons. */
  async rejected(scanId: string, options: { limit: number; offset: number }): Promise<{ total: number; rows: RejectedItem[] }> {
    const base = this.store.db.selectFrom('scan_items').where('scan_id', '=', scanId).where('status', '=', 'rejected');
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const rows = await base.selectAll().orderBy('idx').limit(options.limit).offset(options.offset).execute();
    return {
      total: toNumber(total?.n),
      rows: rows.map((r) => ({ idx: Number(r.idx), origin: origin(r), label: r.label, error: r.error ?? '', ...(r.asset_json ? { asset: JSON.parse(r.asset_json) as AssetIdentity } : {}) })),
    };
  }

  /** Findings by id with their keys and bases (for decisions on many at once); ids not found are left out. */
  async findingsById(ids: number[]): Promise<StoredFinding[]> {
    const out: StoredFinding[] = [];
    for (const chunk of chunks(ids, 500)) {
      const rows = await this.store.db
        .selectFrom('findings as f')
        .innerJoin('scan_items as i', (j) => j.onRef('i.scan_id', '=', 'f.scan_id').onRef('i.idx', '=', 'f.item_idx'))
        .leftJoin('dispositions as d', 'd.finding_key', 'f.finding_key')
        .selectAll('f')
        .select(DISPOSITION_COLUMNS)
        .select(['i.file', 'i.line', 'i.sheet', 'i.warnings_json', 'i.asset_json'])
        .where('f.id', 'in', chunk)
        .execute();
      out.push(...rows.map(toStoredFinding));
    }
    return out;
  }

  async basisOf(findingId: number): Promise<string> {
    const row = await this.store.db.selectFrom('findings').select('basis_hash').where('id', '=', findingId).executeTakeFirstOrThrow();
    return row.basis_hash;
  }

  /** Dispositions that this scan's findings re-open: same key, another basis. */
  async reopenedDispositions(scanId: string): Promise<{ key: string; measureId: string; subjectId: string; state: DispositionState }[]> {
    const rows = await this.store.db
      .selectFrom('findings as f')
      .innerJoin('dispositions as d', 'd.finding_key', 'f.finding_key')
      .select(['f.finding_key', 'f.measure_id', 'f.subject_id', 'd.state'])
      .distinct()
      .where('f.scan_id', '=', scanId)
      .whereRef('d.basis_hash', '<>', 'f.basis_hash')
      .execute();
    return rows.map((r) => ({ key: r.finding_key, measureId: r.measure_id, subjectId: r.subject_id, state: r.state }));
  }

  private filtered(scanId: string, query: FindingQuery) {
    let q = this.store.db
      .selectFrom('findings as f')
      .innerJoin('scan_items as i', (j) => j.onRef('i.scan_id', '=', 'f.scan_id').onRef('i.idx', '=', 'f.item_idx'))
      .leftJoin('dispositions as d', 'd.finding_key', 'f.finding_key')
      .where('f.scan_id', '=', scanId);
    if (query.measure?.length) q = q.where('f.measure_id', 'in', query.measure);
    if (query.group?.length) q = q.where('f.subject_group', 'in', query.group);
    if (query.state?.length) q = q.where('f.state', 'in', query.state);
    if (query.severity?.length) q = q.where('f.severity', 'in', query.severity);
    if (query.kind?.length) q = q.where('f.item_kind', 'in', query.kind);
    if (query.subject) q = q.where('f.subject_id', '=', query.subject);
    if (query.owner?.length) q = q.where('i.asset_owner', 'in', query.owner);
    if (query.site?.length) q = q.where('i.asset_site', 'in', query.site);
    if (query.q) {
      const like = `%${query.q.toLowerCase().replace(/[%_\\]/g, '')}%`;
      q = q.where((eb) =>
        eb.or([eb(eb.fn('lower', ['f.label']), 'like', like), eb(eb.fn('lower', ['f.subject_id']), 'like', like), eb(eb.fn('lower', ['f.measure_id']), 'like', like), eb(eb.fn('lower', ['i.asset_json']), 'like', like)]),
      );
    }
    if (query.disposition?.length) {
      const wanted = query.disposition;
      q = q.where((eb) => eb.or(wanted.map((d) => dispositionCondition(eb, d))));
    }
    return q;
  }
}

type FindingsScope = ExpressionBuilder<Tables & { f: FindingsTable; d: Tables['dispositions']; i: ScanItemsTable }, 'f' | 'd' | 'i'>;

function dispositionCondition(eb: FindingsScope, filter: DispositionFilter) {
  const live = eb.and([eb('d.finding_key', 'is not', null), eb('d.basis_hash', '=', eb.ref('f.basis_hash'))]);
  switch (filter) {
    case 'open':
      return eb.or([eb('d.finding_key', 'is', null), eb('d.basis_hash', '<>', eb.ref('f.basis_hash'))]);
    case 'reopened':
      return eb.and([eb('d.finding_key', 'is not', null), eb('d.basis_hash', '<>', eb.ref('f.basis_hash'))]);
    case 'closed':
      return live;
    default:
      return eb.and([live, eb('d.state', '=', filter)]);
  }
}

const DISPOSITION_COLUMNS = [
  'd.state as d_state',
  'd.reason as d_reason',
  'd.basis_hash as d_basis',
  'd.decided_by as d_by',
  'd.decided_at as d_at',
] as const;

interface FindingRow extends Omit<FindingsTable, 'id'> {
  id: number;
  d_state: DispositionState | null;
  d_reason: string | null;
  d_basis: string | null;
  d_by: string | null;
  d_at: string | null;
  file: string;
  line: number;
  sheet: string | null;
  warnings_json: string | null;
  asset_json: string | null;
}

function toStoredFinding(row: FindingRow): StoredFinding {
  const out: StoredFinding = {
    id: Number(row.id),
    scanId: row.scan_id,
    key: row.finding_key,
    item: {
      idx: Number(row.item_idx),
      origin: origin(row),
      label: row.label,
      ...(row.asset_json ? { asset: JSON.parse(row.asset_json) as AssetIdentity } : {}),
      ...(row.warnings_json ? { warnings: JSON.parse(row.warnings_json) as FieldNote[] } : {}),
    },
    finding: JSON.parse(row.finding_json) as Finding,
    group: row.subject_group,
  };
  if (row.d_state) out.disposition = dispositionOf({ ...row, d_state: row.d_state }, row.basis_hash);
  return out;
}

type DispositionRow = Pick<FindingRow, 'd_reason' | 'd_basis' | 'd_by' | 'd_at'> & { d_state: DispositionState };

function dispositionOf(row: DispositionRow, basisHash: string): FindingDisposition {
  return { state: row.d_state, reason: row.d_reason ?? '', decidedBy: row.d_by ?? '', decidedAt: row.d_at ?? '', reopened: row.d_basis !== basisHash };
}

function origin(row: { file: string; line: number; sheet: string | null }): ItemResult['origin'] {
  return { file: row.file, line: Number(row.line), ...(row.sheet ? { sheet: row.sheet } : {}) };
}

function toScanInfo(row: ScansTable): ScanInfo {
  const rowsDone = Number(row.rows_done);
  const rowsExpected = Number(row.rows_expected);
  const info: ScanInfo = {
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    asOf: row.as_of,
    profile: row.profile,
    includeHistorical: Boolean(Number(row.include_historical)),
    kb: { version: row.kb_version, hash: row.kb_hash },
    progress: {
      rowsDone,
      rowsExpected: Math.max(rowsExpected, rowsDone),
      fraction: row.status === 'complete' ? 1 : rowsExpected > 0 ? Math.min(0.99, rowsDone / rowsExpected) : 0,
    },
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
  if (row.error) info.error = row.error;
  if (row.summary_json) info.summary = JSON.parse(row.summary_json) as ScanSummary;
  if (row.inputs_json) info.inputs = JSON.parse(row.inputs_json) as ScanReport['inputs'];
  if (row.finished_at) info.finishedAt = row.finished_at;
  return info;
}

async function removeRows(tx: Transaction<Tables>, ids: string[]): Promise<void> {
  await tx.deleteFrom('findings').where('scan_id', 'in', ids).execute();
  await tx.deleteFrom('scan_items').where('scan_id', 'in', ids).execute();
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
