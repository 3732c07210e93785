/**
 * Screening without storing (a batch of items in, results out), and the knowledge base as of a
 * date: organisations with their group graph, products, measures and their timelines, fuzzy
 * lookup, the KB version and its diff against earlier versions; health and readiness.
 */
import type { GroupGraph } from '../../model/dossier.js';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { resolveGuessed } from '../../match/identifiers/guess-field.js';
import { CorporateGraph } from '../../kb/graph.js';
import { measureStatus } from '../../kb/timeline.js';
import { packageVersion } from '../../kb/files.js';
import type { FieldKind, InventoryItem } from '../../model/item.js';
import type { ItemResult } from '../../model/finding.js';
import { WorkTooLongError } from '../compute.js';
import { entityDossier, measureDossier } from '../../screen/dossier.js';
import { RequestError } from '../request-error.js';
import { asOfQuery, DATE, errorSchema, itemResultSchema, looseObject, screenBody } from '../schemas.js';
import type { CoveredService } from '../service.js';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A YYYY-MM-DD that passed the schema's pattern must also be a calendar date (not 2021-02-30). */
export function calendarDate(value: string | undefined, path: string): string {
  if (value === undefined) return today();
  const time = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) throw new RequestError(400, `not a calendar date: "${value}"`, path);
  return value;
}

export function profileFor(service: CoveredService, id: string | undefined, path: string) {
  const profile = service.ctx.kb.profiles[id ?? 'all'];
  if (!profile) throw new RequestError(400, `unknown profile "${id}"; profiles: ${Object.keys(service.ctx.kb.profiles).sort().join(', ')}`, path);
  return profile;
}

const LOOKUP_CANDIDATES = 10;
const LOOKUP_MIN_SCORE = 0.5;

function rankedNames(service: CoveredService, q: string): { id: string; name: string; kind: string; alias: string; score: number }[] {
  const seen = new Set<string>();
  const out = [];
  for (const m of service.ctx.resolver.names.search(q, { minScore: LOOKUP_MIN_SCORE, limit: LOOKUP_CANDIDATES * 2 })) {
    if (seen.has(m.entity.id)) continue;
    seen.add(m.entity.id);
    const { kb } = service.ctx;
    const name = m.entity.kind === 'organisation' ? (kb.organisations[m.entity.id]?.names[0]?.value ?? m.entity.id) : (kb.products[m.entity.id]?.name ?? m.entity.id);
    out.push({ id: m.entity.id, name, kind: m.entity.kind, alias: m.alias, score: Math.round(m.score * 1000) / 1000 });
  }
  return out.slice(0, LOOKUP_CANDIDATES);
}

export function registerKnowledgeRoutes(app: FastifyInstance, service: CoveredService): void {
  const { kb } = service.ctx;
  const graph = new CorporateGraph(kb);
  const tags = (t: string) => ({ tags: [t] });

  app.get('/api/health', { schema: { ...tags('service'), summary: 'The process is up', security: [], response: { 200: looseObject } } }, async () => ({ status: 'ok', version: packageVersion() }));

  app.get('/api/ready', { schema: { ...tags('service'), summary: 'The database answers and the knowledge base is loaded', security: [], response: { 200: looseObject, 503: looseObject } } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(service.store.db);
      return { status: 'ready', database: service.store.dialect, kb: { version: kb.version, hash: kb.hash } };
    } catch (e) {
      return reply.code(503).send({ status: 'not ready', error: `database: ${(e as Error).message}` });
    }
  });

  app.get('/api/kb', { config: { role: 'viewer' }, schema: { ...tags('knowledge base'), summary: 'The knowledge-base version in use and the versions seen before', response: { 200: looseObject } } }, async () => ({
    version: kb.version,
    hash: kb.hash,
    counts: {
      measures: Object.keys(kb.measures).length,
      listings: kb.listings.length,
      organisations: Object.keys(kb.organisations).length,
      products: Object.keys(kb.products).length,
      relations: kb.relations.length,
      sources: Object.keys(kb.sources).length,
      groups: Object.keys(kb.groups).length,
    },
    history: await service.kbVersions.list(),
  }));

  app.get<{ Querystring: { from?: string; to?: string } }>(
    '/api/kb/diff',
    {
      config: { role: 'viewer' },
      schema: {
        ...tags('knowledge base'),
        summary: 'Records added, removed and changed between two knowledge-base versions (default: the previous one and the current)',
        querystring: { type: 'object', properties: { from: { type: 'string', maxLength: 64 }, to: { type: 'string', maxLength: 64 } }, additionalProperties: false },
        response: { 200: looseObject, 404: errorSchema },
      },
    },
    async (request) => {
      const history = await service.kbVersions.list();
      const to = request.query.to ?? kb.hash;
      const from = request.query.from ?? history.find((v) => v.hash !== to)?.hash;
      if (!from) throw new RequestError(404, 'no earlier knowledge-base version has been recorded');
      const diff = await service.kbVersions.diff(from, to);
      if (!diff) throw new RequestError(404, `unknown knowledge-base version "${from}" or "${to}" (give a hash or a unique prefix)`);
      return diff;
    },
  );

  app.get('/api/profiles', { config: { role: 'viewer' }, schema: { ...tags('knowledge base'), summary: 'Screening profiles and the measures each weighs', response: { 200: looseObject } } }, async () => ({
    profiles: Object.values(kb.profiles).map((p) => ({ id: p.id, title: p.title, description: p.description, measures: p.measures })),
  }));

  app.post<{ Body: { items: Partial<Record<FieldKind | 'label' | 'country', string[] | string>>[]; asOf?: string; profile?: string; includeHistorical?: boolean } }>(
    '/api/screen',
    {
      config: { role: 'viewer' },
      schema: {
        ...tags('screening'),
        summary: 'Screen up to 1,000 items now; nothing is stored',
        body: screenBody,
        response: { 200: { type: 'object', properties: { asOf: { type: 'string' }, profile: looseObject, kb: looseObject, results: { type: 'array', items: itemResultSchema } }, additionalProperties: true }, 400: errorSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const asOf = calendarDate(body.asOf, 'body.asOf');
      const profile = profileFor(service, body.profile, 'body.profile');
      const options = { asOf, profile, includeHistorical: body.includeHistorical ?? false };
      const items = body.items.map((raw, index): InventoryItem => {
        const fields: InventoryItem['fields'] = {};
        for (const [key, value] of Object.entries(raw)) if (key !== 'label' && key !== 'country') fields[key as FieldKind] = value as string[];
        const label = typeof raw.label === 'string' ? raw.label : (Object.values(fields)[0]?.[0] ?? '');
        if (Object.keys(fields).length === 0) throw new RequestError(400, 'an item needs at least one field besides its label and country', `body.items[${index}]`);
        const country = typeof raw.country === 'string' ? raw.country : undefined;
        return { origin: { file: 'request', line: index + 1 }, fields, label, ...(country ? { asset: { country } } : {}) };
      });
      // Off the server's thread, within a time budget: a large request must not hold up the others.
      const results = await service.compute
        .run<ItemResult[]>({ kind: 'screen', items, asOf, profileId: profile.id, includeHistorical: options.includeHistorical })
        .catch((error: unknown) => {
          if (error instanceof WorkTooLongError) throw new RequestError(422, `${error.message}; send fewer or shorter items`, 'body.items');
          throw error;
        });
      return { schemaVersion: 1, kb: { version: kb.version, hash: kb.hash }, asOf, profile: { id: profile.id, title: profile.title }, includeHistorical: options.includeHistorical, results };
    },
  );

  app.get<{ Querystring: { q: string; asOf?: string; field?: FieldKind } }>(
    '/api/lookup',
    {
      config: { role: 'viewer' },
      schema: {
        ...tags('knowledge base'),
        summary: 'Fuzzy lookup by name (any script) or by MAC, ISIN, LEI, USCC, domain, app id or purl',
        querystring: { type: 'object', required: ['q'], properties: { q: { type: 'string', minLength: 1, maxLength: 500 }, asOf: DATE, field: { type: 'string', maxLength: 20 } }, additionalProperties: false },
        response: { 200: looseObject, 400: errorSchema },
      },
    },
    async (request) => {
      const asOf = calendarDate(request.query.asOf, 'query.asOf');
      const { field, outcome } = request.query.field
        ? { field: request.query.field, outcome: service.ctx.resolver.resolve(request.query.field, request.query.q) }
        : resolveGuessed(service.ctx.resolver, request.query.q);
      if (outcome.error) throw new RequestError(400, outcome.error, 'query.q');
      return {
        query: request.query.q,
        field,
        asOf,
        ...(outcome.note ? { note: outcome.note } : {}),
        matches: outcome.resolutions.map((r) => ({ score: r.confidence, method: r.method, evidence: r.evidence, dossier: entityDossier(kb, graph, r.entity.id, asOf) })),
        // For a name, the nearest names of the knowledge base ranked by score, also those too far to be a match.
        candidates: field === 'name' ? rankedNames(service, request.query.q) : [],
      };
    },
  );

  const entityRoute = (kind: 'organisations' | 'products') =>
    app.get<{ Params: { id: string }; Querystring: { asOf?: string } }>(
      `/api/${kind}/:id`,
      {
        config: { role: 'viewer' },
        schema: {
          ...tags('knowledge base'),
          summary: kind === 'organisations' ? 'An organisation as of a date: names in every script, identifiers, ownership graph, products, measures' : 'A product as of a date: maker, names, measures',
          params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } } },
          querystring: asOfQuery,
          response: { 200: looseObject, 404: errorSchema },
        },
      },
      async (request) => {
        const asOf = calendarDate(request.query.asOf, 'query.asOf');
        const { id } = request.params;
        const exists = kind === 'organisations' ? kb.organisations[id] : kb.products[id];
        const dossier = exists ? entityDossier(kb, graph, id, asOf) : undefined;
        if (!dossier) throw new RequestError(404, `no ${kind === 'organisations' ? 'organisation' : 'product'} "${id}"`);
        return { asOf, ...dossier, groupGraph: groupGraph(service, dossier.group, asOf) };
      },
    );
  entityRoute('organisations');
  entityRoute('products');

  app.get<{ Querystring: { asOf?: string } }>(
    '/api/measures',
    { config: { role: 'viewer' }, schema: { ...tags('knowledge base'), summary: 'Every measure with its state as of a date and its timeline', querystring: asOfQuery, response: { 200: looseObject } } },
    async (request) => {
      const asOf = calendarDate(request.query.asOf, 'query.asOf');
      const counts = new Map<string, number>();
      for (const l of kb.listings) counts.set(l.measure, (counts.get(l.measure) ?? 0) + 1);
      return {
        asOf,
        measures: Object.values(kb.measures)
          .map((m) => ({
            id: m.id,
            short: m.short,
            title: m.title,
            jurisdiction: m.jurisdiction,
            kind: m.kind,
            state: measureStatus(m, asOf)?.state ?? 'not yet',
            timeline: m.timeline,
            listings: counts.get(m.id) ?? 0,
          }))
          .sort((a, b) => (a.timeline[0]?.date ?? '').localeCompare(b.timeline[0]?.date ?? '') || a.id.localeCompare(b.id)),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { asOf?: string } }>(
    '/api/measures/:id',
    {
      config: { role: 'viewer' },
      schema: { ...tags('knowledge base'), summary: 'A measure as of a date: timeline, listings and their states, sources', params: { type: 'object', properties: { id: { type: 'string', maxLength: 200 } } }, querystring: asOfQuery, response: { 200: looseObject, 404: errorSchema } },
    },
    async (request) => {
      const asOf = calendarDate(request.query.asOf, 'query.asOf');
      const dossier = measureDossier(kb, request.params.id, asOf);
      if (!dossier) throw new RequestError(404, `no measure "${request.params.id}"`);
      return { asOf, ...dossier };
    },
  );
}

/** The organisations of a group and the relations between them that hold on the date. */
function groupGraph(service: CoveredService, group: string, asOf: string): GroupGraph {
  const { kb } = service.ctx;
  const members = Object.values(kb.organisations).filter((o) => o.group === group);
  const ids = new Set(members.map((o) => o.id));
  const edges = kb.relations
    .filter((r) => ids.has(r.subject) && ids.has(r.object) && (!r.from || r.from <= asOf) && (!r.to || asOf < r.to))
    .map((r) => ({ from: r.subject, to: r.object, predicate: r.predicate, ...(r.share !== undefined ? { share: r.share } : {}) }));
  const listed = new Set(kb.listings.filter((l) => l.from <= asOf && (!l.to || asOf < l.to)).map((l) => l.target));
  return {
    group,
    nodes: members.map((o) => ({ id: o.id, name: o.names[0]?.value ?? o.id, listed: listed.has(o.id) })),
    edges,
  };
}
