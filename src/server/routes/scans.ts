/**
 * Scans of uploaded files (asynchronous, with progress), their findings paged and filtered, the
 * full JSON report and a CSV export, and dispositions on findings.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { packageVersion } from '../../kb/files.js';
import type { ScanReport } from '../../model/finding.js';
import { DISPOSITION_STATES } from '../../store/dispositions.js';
import { DISPOSITION_FILTERS, type DispositionFilter, type FindingQuery } from '../../store/scans.js';
import type { DispositionState, FindingDisposition, ScanInfo, ScanStatus, StoredFinding } from '../../model/scan.js';
import { CSV_BOM, CSV_HEADER, csvFindingCells, csvStoredCells, type StoredColumns } from '../../report/csv.js';
import { ATTESTATIONS, renderAttestationHtml, type AttestationSpec } from '../../report/attestation.js';
import { htmlToPdf, PdfError } from '../../app/pdf.js';
import { attestationFromStore } from '../attestation.js';
import { RequestError } from '../request-error.js';
import { DATE, dispositionSchema, errorSchema, findingFilters, looseObject, scanSchema, storedFindingSchema } from '../schemas.js';
import type { CoveredService } from '../service.js';
import { calendarDate, profileFor } from './knowledge.js';

type Filters = { [K in keyof typeof findingFilters]?: K extends 'subject' | 'q' ? string : string[] };

const scanIdParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } as const;
/** Findings one bulk decision may cover. */
const MAX_BULK = 1000;
const findingIdParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } } } as const;

export function registerScanRoutes(app: FastifyInstance, service: CoveredService): void {
  const tags = ['scans'];

  app.post(
    '/api/scans',
    {
      config: { role: 'analyst' },
      schema: {
        tags,
        summary: 'Upload an inventory file (CSV, TSV, JSON, JSONL, XLSX, .gz) as a scan; returns at once with the scan to poll',
        description: 'multipart/form-data with fields `asOf` (YYYY-MM-DD), `profile`, `includeHistorical` ("true"), then the `file`. Oversized files are refused with 413.',
        consumes: ['multipart/form-data'],
        response: { 202: scanSchema, 400: errorSchema, 413: errorSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new RequestError(400, 'send the file as multipart/form-data (field "file")', 'body.file');
      const id = randomUUID();
      await mkdir(service.uploadsDir, { recursive: true, mode: 0o700 });
      const path = service.uploadPath(id);
      const fields: Record<string, string> = {};
      let fileName: string | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file') throw new RequestError(400, `unexpected file field "${part.fieldname}"; use "file"`, `body.${part.fieldname}`);
            fileName = part.filename || 'upload';
            await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
          } else {
            fields[part.fieldname] = String(part.value);
          }
        }
        if (!fileName) throw new RequestError(400, 'no file was sent (field "file")', 'body.file');
        for (const key of Object.keys(fields)) if (!['asOf', 'profile', 'includeHistorical'].includes(key)) throw new RequestError(400, `unknown field "${key}"`, `body.${key}`);
        if (fields.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(fields.asOf)) throw new RequestError(400, 'must be a date as YYYY-MM-DD', 'body.asOf');
        const asOf = calendarDate(fields.asOf || undefined, 'body.asOf');
        const profile = profileFor(service, fields.profile || undefined, 'body.profile');
        if (fields.includeHistorical !== undefined && !['true', 'false', ''].includes(fields.includeHistorical)) throw new RequestError(400, 'must be true or false', 'body.includeHistorical');
        const scan = await service.runner.submit({ id, path, fileName, asOf, profile, includeHistorical: fields.includeHistorical === 'true', actor: request.actor.name });
        return reply.code(202).header('location', `/api/scans/${id}`).send(scan);
      } catch (e) {
        await rm(path, { force: true });
        throw e;
      }
    },
  );

  app.get<{ Querystring: { status?: ScanStatus; limit: number; offset: number } }>(
    '/api/scans',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Scans, newest first',
        querystring: {
          type: 'object',
          properties: { status: { type: 'string', enum: ['queued', 'running', 'complete', 'failed'] }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, default: 0 } },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { total: { type: 'integer' }, scans: { type: 'array', items: scanSchema } } } },
      },
    },
    async (request) => service.scans.list(request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/api/scans/:id',
    { config: { role: 'viewer' }, schema: { tags, summary: 'A scan with its progress, and its summary once complete', params: scanIdParams, response: { 200: scanSchema, 404: errorSchema } } },
    async (request) => scanOr404(service, request.params.id),
  );

  app.delete<{ Params: { id: string } }>(
    '/api/scans/:id',
    { config: { role: 'admin' }, schema: { tags, summary: 'Delete a scan and its results (dispositions stay)', params: scanIdParams, response: { 204: { type: 'null' }, 404: errorSchema, 409: errorSchema } } },
    async (request, reply) => {
      const scan = await scanOr404(service, request.params.id);
      if (scan.status === 'queued' || scan.status === 'running') throw new RequestError(409, 'the scan is still running');
      await service.scans.delete(scan.id);
      await rm(service.uploadPath(scan.id), { force: true });
      await service.audit.append(request.actor.name, 'scan.delete', scan.id, { file: scan.fileName });
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: { asOf?: string; profile?: string; includeHistorical?: boolean } }>(
    '/api/scans/:id/rescan',
    {
      config: { role: 'analyst' },
      schema: {
        tags,
        summary: 'Screen a scan’s file again, as of another date or under another profile; a new scan',
        params: scanIdParams,
        body: { type: 'object', properties: { asOf: DATE, profile: { type: 'string', maxLength: 100 }, includeHistorical: { type: 'boolean' } }, additionalProperties: false },
        response: { 202: scanSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const source = await scanOr404(service, request.params.id);
      const body = request.body ?? {};
      const asOf = calendarDate(body.asOf ?? source.asOf, 'body.asOf');
      const profile = profileFor(service, body.profile ?? source.profile, 'body.profile');
      const id = randomUUID();
      try {
        await copyFile(service.uploadPath(source.id), service.uploadPath(id));
      } catch {
        throw new RequestError(404, `the file of scan ${source.id} is no longer kept; upload it again`);
      }
      const scan = await service.runner.submit({ id, path: service.uploadPath(id), fileName: source.fileName, asOf, profile, includeHistorical: body.includeHistorical ?? source.includeHistorical, actor: request.actor.name });
      return reply.code(202).header('location', `/api/scans/${id}`).send(scan);
    },
  );

  const filterQuery = {
    type: 'object',
    properties: {
      ...findingFilters,
      sort: { type: 'string', enum: ['severity', 'confidence', 'measure', 'subject', 'label', 'line', 'state'] },
      order: { type: 'string', enum: ['asc', 'desc'] },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
      offset: { type: 'integer', minimum: 0, default: 0 },
    },
    additionalProperties: false,
  } as const;

  app.get<{ Params: { id: string }; Querystring: Filters & { sort?: FindingQuery['sort']; order?: 'asc' | 'desc'; limit: number; offset: number } }>(
    '/api/scans/:id/findings',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'A page of a complete scan’s findings, filtered by measure, group, state, severity, item kind, disposition or text, and sorted',
        params: scanIdParams,
        querystring: filterQuery,
        response: { 200: { type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, findings: { type: 'array', items: storedFindingSchema } } }, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      await completeScan(service, request.params.id);
      const query: FindingQuery = { ...toQuery(request.query), limit: request.query.limit, offset: request.query.offset };
      if (request.query.sort) query.sort = request.query.sort;
      if (request.query.order) query.order = request.query.order;
      const page = await service.scans.findings(request.params.id, query);
      return { total: page.total, limit: query.limit, offset: query.offset, findings: page.findings };
    },
  );

  app.get<{ Params: { id: string }; Querystring: Filters }>(
    '/api/scans/:id/facets',
    {
      config: { role: 'viewer' },
      schema: { tags, summary: 'Finding counts by measure, group, state, severity, item kind and disposition (for dashboards), under the same filters', params: scanIdParams, querystring: { type: 'object', properties: findingFilters, additionalProperties: false }, response: { 200: looseObject } },
    },
    async (request) => {
      await completeScan(service, request.params.id);
      const facets = await service.scans.facets(request.params.id, toQuery(request.query));
      return { ...facets, labels: facetLabels(service, facets) };
    },
  );

  app.get<{ Params: { id: string }; Querystring: Filters }>(
    '/api/scans/:id/findings.csv',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'All findings matching the filters as CSV, in input order, streamed; the columns of `covered scan --format csv`, with the disposition filled in',
        params: scanIdParams,
        querystring: { ...filterQuery, properties: { ...filterQuery.properties } },
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const scan = await completeScan(service, request.params.id);
      const query = toQuery(request.query);
      // Small pages: what a page allocates dies young (pages of 2,000 parsed findings were
      // promoted to the old generation, and collecting them took most of an export's time).
      const pageSize = 250;
      async function* lines(): AsyncGenerator<string> {
        yield `${CSV_BOM}${CSV_HEADER.join(',')}\r\n`;
        for (let after = 0; ; ) {
          const page = await service.scans.exportPageAfter(scan.id, query, after, pageSize);
          if (page.length === 0) return;
          const unrendered = page.filter((f) => f.cells === null).map((f) => f.id);
          const full = new Map(unrendered.length > 0 ? (await service.scans.findingsById(unrendered)).map((f) => [f.id, f]) : []);
          yield page.map((f) => `${f.cells ?? storedCsvCells(full.get(f.id) as StoredFinding)},${csvStoredCells(storedColumns(f.id, f.disposition))}\r\n`).join('');
          after = page[page.length - 1]!.id;
          if (page.length < pageSize) return;
        }
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="covered-${scan.id.slice(0, 8)}-findings.csv"`)
        .send(Readable.from(lines()));
    },
  );

  app.get<{ Params: { id: string }; Querystring: Filters & { limit: number; offset: number } }>(
    '/api/scans/:id/items',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'A page of the items (input rows) with findings under the filters, each with those findings: one entry per asset, most severe first',
        params: scanIdParams,
        querystring: { type: 'object', properties: { ...findingFilters, limit: { type: 'integer', minimum: 1, maximum: 500, default: 25 }, offset: { type: 'integer', minimum: 0, default: 0 } }, additionalProperties: false },
        response: { 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      await completeScan(service, request.params.id);
      const page = await service.scans.items(request.params.id, { ...toQuery(request.query), limit: request.query.limit, offset: request.query.offset });
      return { total: page.total, limit: request.query.limit, offset: request.query.offset, items: page.items };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>(
    '/api/scans/:id/rejected',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'The rows that could not be screened, in input order, each with its file, line and reason',
        params: scanIdParams,
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, offset: { type: 'integer', minimum: 0, default: 0 } }, additionalProperties: false },
        response: { 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      await completeScan(service, request.params.id);
      const page = await service.scans.rejected(request.params.id, request.query);
      return { total: page.total, limit: request.query.limit, offset: request.query.offset, rows: page.rows };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/scans/:id/report',
    { config: { role: 'viewer' }, schema: { tags, summary: 'The complete scan as the JSON report contract (docs/json-output.md)', params: scanIdParams, response: { 404: errorSchema, 409: errorSchema } } },
    async (request, reply) => {
      const scan = await completeScan(service, request.params.id);
      const results = [];
      for await (const r of service.scans.results(scan.id)) results.push(r);
      const profile = service.ctx.kb.profiles[scan.profile];
      const report: ScanReport = {
        schemaVersion: 1,
        tool: { name: 'covered', version: packageVersion() },
        kb: scan.kb,
        asOf: scan.asOf,
        profile: { id: scan.profile, title: profile?.title ?? scan.profile },
        includeHistorical: scan.includeHistorical,
        inputs: scan.inputs ?? [],
        summary: scan.summary as ScanReport['summary'],
        results,
      };
      return reply.type('application/json').send(JSON.stringify(report));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { format: 'html' | 'pdf'; attestation: string } }>(
    '/api/scans/:id/attestation',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'The attestation report of a complete scan (ndaa-889: FAR 52.204-24/-26) as HTML or PDF: the representation, a summary with charts, every covered item with its evidence, citations and disposition history',
        params: scanIdParams,
        querystring: { type: 'object', properties: { format: { type: 'string', enum: ['html', 'pdf'], default: 'html' }, attestation: { type: 'string', enum: Object.keys(ATTESTATIONS), default: 'ndaa-889' } }, additionalProperties: false },
        produces: ['text/html', 'application/pdf'],
        response: { 404: errorSchema, 409: errorSchema, 503: errorSchema },
      },
    },
    async (request, reply) => {
      const scan = await completeScan(service, request.params.id);
      const spec = ATTESTATIONS[request.query.attestation] as AttestationSpec;
      const html = renderAttestationHtml(await attestationFromStore({ scans: service.scans, dispositions: service.dispositions }, scan, spec, service.ctx.kb));
      const name = `covered-${scan.id.slice(0, 8)}-${spec.id}-attestation`;
      await service.audit.append(request.actor.name, 'attestation.report', scan.id, { attestation: spec.id, format: request.query.format, asOf: scan.asOf, kb: scan.kb.version });
      if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').header('content-disposition', `attachment; filename="${name}.html"`).send(html);
      let pdf: Buffer;
      try {
        pdf = await htmlToPdf(html);
      } catch (e) {
        if (e instanceof PdfError) throw new RequestError(503, e.message);
        throw e;
      }
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}.pdf"`).send(pdf);
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/findings/:id',
    { config: { role: 'viewer' }, schema: { tags: ['findings'], summary: 'One finding with its item, evidence, path and disposition', params: findingIdParams, response: { 200: storedFindingSchema, 404: errorSchema } } },
    async (request) => {
      const found = await service.scans.finding(request.params.id);
      if (!found) throw new RequestError(404, `no finding ${request.params.id}`);
      return found;
    },
  );

  app.put<{ Params: { id: number }; Body: { state: DispositionState; reason: string } }>(
    '/api/findings/:id/disposition',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['findings'],
        summary: 'Mark a finding false positive, accepted risk or remediated, with a reason; it carries over to later scans of the same item until the KB facts change',
        params: findingIdParams,
        body: { type: 'object', required: ['state', 'reason'], properties: { state: { type: 'string', enum: [...DISPOSITION_STATES] }, reason: { type: 'string', minLength: 3, maxLength: 4000 } }, additionalProperties: false },
        response: { 200: storedFindingSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const found = await service.scans.finding(request.params.id);
      if (!found) throw new RequestError(404, `no finding ${request.params.id}`);
      const reason = request.body.reason.trim();
      if (reason.length < 3) throw new RequestError(400, 'give a reason', 'body.reason');
      await decide(service, found, request.body.state, reason, request.actor.name);
      return service.scans.finding(found.id);
    },
  );

  app.post<{ Body: { ids: number[]; state: DispositionState; reason: string } }>(
    '/api/findings/dispositions',
    {
      config: { role: 'analyst' },
      schema: {
        tags: ['findings'],
        summary: 'Decide many findings at once with one reason: each gets the disposition, an entry in its history and one in the audit log',
        body: {
          type: 'object',
          required: ['ids', 'state', 'reason'],
          properties: {
            ids: { type: 'array', items: { type: 'integer', minimum: 1 }, minItems: 1, maxItems: MAX_BULK, uniqueItems: true },
            state: { type: 'string', enum: [...DISPOSITION_STATES] },
            reason: { type: 'string', minLength: 3, maxLength: 4000 },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { decided: { type: 'integer' }, findings: { type: 'array', items: storedFindingSchema } } }, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const reason = request.body.reason.trim();
      if (reason.length < 3) throw new RequestError(400, 'give a reason', 'body.reason');
      const found = await service.scans.findingsById(request.body.ids);
      // All or nothing: a list with an unknown id is refused before anything is decided.
      const known = new Set(found.map((f) => f.id));
      const missing = request.body.ids.filter((id) => !known.has(id));
      if (missing.length > 0) throw new RequestError(404, `no finding ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ` (and ${missing.length - 10} more)` : ''}`, 'body.ids');
      for (const f of found) await decide(service, f, request.body.state, reason, request.actor.name);
      const findings = await service.scans.findingsById(request.body.ids);
      return { decided: found.length, findings };
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/findings/:id/history',
    { config: { role: 'viewer' }, schema: { tags: ['findings'], summary: 'Every decision on this finding (and on the same item, measure and subject in other scans), oldest first', params: findingIdParams, response: { 404: errorSchema } } },
    async (request) => {
      const found = await service.scans.finding(request.params.id);
      if (!found) throw new RequestError(404, `no finding ${request.params.id}`);
      return { key: found.key, history: (await service.dispositions.history([found.key])).get(found.key) ?? [] };
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/api/findings/:id/disposition',
    { config: { role: 'analyst' }, schema: { tags: ['findings'], summary: 'Re-open a finding (remove its disposition)', params: findingIdParams, response: { 200: storedFindingSchema, 404: errorSchema } } },
    async (request) => {
      const found = await service.scans.finding(request.params.id);
      if (!found) throw new RequestError(404, `no finding ${request.params.id}`);
      if (await service.dispositions.remove(found.key, { actor: request.actor.name, on: { findingId: found.id, scanId: found.scanId } })) {
        await service.audit.append(request.actor.name, 'disposition.clear', found.key, { finding: found.id, scan: found.scanId, previous: found.disposition?.state });
      }
      return service.scans.finding(found.id);
    },
  );

  app.get<{ Querystring: { state?: DispositionState; limit: number; offset: number } }>(
    '/api/dispositions',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['findings'],
        summary: 'All dispositions, newest first',
        querystring: { type: 'object', properties: { state: { type: 'string', enum: [...DISPOSITION_STATES] }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, offset: { type: 'integer', minimum: 0, default: 0 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { total: { type: 'integer' }, dispositions: { type: 'array', items: dispositionSchema } } } },
      },
    },
    async (request) => service.dispositions.list(request.query),
  );
}

/** Names for the ids the facets count by, so that a view shows "NDAA §889" and "Hikvision", not ids. */
function facetLabels(service: CoveredService, facets: Record<string, Record<string, number>>): { measure: Record<string, string>; group: Record<string, string> } {
  const { kb } = service.ctx;
  const measure = Object.fromEntries(Object.keys(facets.measure ?? {}).map((id) => [id, kb.measures[id]?.short ?? id]));
  const group = Object.fromEntries(
    Object.keys(facets.group ?? {}).map((id) => [id, id === 'category-rule' ? 'Category rules (no company)' : (kb.groups[id]?.name ?? kb.organisations[id]?.names[0]?.value ?? id)]),
  );
  return { measure, group };
}

async function scanOr404(service: CoveredService, id: string): Promise<ScanInfo> {
  const scan = await service.scans.get(id);
  if (!scan) throw new RequestError(404, `no scan "${id}"`);
  return scan;
}

/** Results exist only for complete scans; a running or failed one has none to show. */
async function completeScan(service: CoveredService, id: string): Promise<ScanInfo> {
  const scan = await scanOr404(service, id);
  if (scan.status !== 'complete') throw new RequestError(409, scan.status === 'failed' ? `the scan failed: ${scan.error ?? ''}` : `the scan is ${scan.status} (${scan.progress.rowsDone} rows so far); results appear when it completes`);
  return scan;
}

function toQuery(q: Filters): Omit<FindingQuery, 'limit' | 'offset'> {
  const list = (v: string[] | undefined) => v?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const out: Omit<FindingQuery, 'limit' | 'offset'> = {};
  for (const key of ['measure', 'group', 'state', 'severity', 'kind'] as const) {
    const values = list(q[key]);
    if (values?.length) out[key] = values;
  }
  const dispositions = list(q.disposition);
  if (dispositions?.length) {
    const bad = dispositions.find((d) => !(DISPOSITION_FILTERS as readonly string[]).includes(d));
    if (bad) throw new RequestError(400, `unknown disposition filter "${bad}"; use ${DISPOSITION_FILTERS.join(', ')}`, 'query.disposition');
    out.disposition = dispositions as DispositionFilter[];
  }
  if (q.subject) out.subject = q.subject;
  // Owners and sites may contain commas ("Network, Berlin"): only repeated parameters make a list.
  for (const key of ['owner', 'site'] as const) {
    const values = q[key]?.map((s) => s.trim()).filter(Boolean);
    if (values?.length) out[key] = values;
  }
  if (q.q) out.q = q.q;
  return out;
}

/** A stored finding as a row of the shared CSV columns, its disposition filled in. */
function storedCsvCells(f: StoredFinding): string {
  return csvFindingCells({ origin: f.item.origin, label: f.item.label, ...(f.item.asset ? { asset: f.item.asset } : {}), status: 'screened', ...(f.item.warnings ? { warnings: f.item.warnings } : {}) }, f.finding);
}

function storedColumns(id: number, d: FindingDisposition | undefined): StoredColumns {
  return { findingId: id, disposition: d ? (d.reopened ? 'reopened' : d.state) : 'open', ...(d ? { reason: d.reason, decidedBy: d.decidedBy, decidedAt: d.decidedAt } : {}) };
}

/** Sets a disposition with its history entry and its audit entry. */
async function decide(service: CoveredService, found: StoredFinding, state: DispositionState, reason: string, actor: string): Promise<void> {
  const basis = await service.scans.basisOf(found.id);
  await service.dispositions.set(
    { findingKey: found.key, state, reason, basisHash: basis, measureId: found.finding.measure.id, subjectId: found.finding.subject.id, label: found.item.label, decidedBy: actor },
    { findingId: found.id, scanId: found.scanId },
  );
  await service.audit.append(actor, 'disposition.set', found.key, {
    finding: found.id,
    scan: found.scanId,
    state,
    reason,
    measure: found.finding.measure.id,
    subject: found.finding.subject.id,
    item: found.item.label,
    ...(found.item.asset ? { asset: found.item.asset } : {}),
  });
}
