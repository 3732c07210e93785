/**
 * JSON Schemas of requests and responses: fastify validates requests with them and
 * @fastify/swagger turns them into the OpenAPI document. Response objects allow further
 * properties, so the documented shape never strips a field of the report contract.
 */
import { FIELD_KINDS } from '../model/item.js';

export const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export const STATES = ['in-force', 'pending', 'watch', 'historical', 'unconfirmed'] as const;

const stringList = (description: string) => ({ type: 'array', items: { type: 'string', maxLength: 200 }, description }) as const;

export const asOfQuery = {
  type: 'object',
  properties: { asOf: { ...DATE, description: 'states as of this date (default today)' } },
  additionalProperties: false,
} as const;

export const itemSchema = {
  type: 'object',
  description: 'One inventory item: any of the fields Covered understands, each a string or a list of strings.',
  properties: {
    label: { type: 'string', maxLength: 500 },
    country: { type: 'string', maxLength: 80, description: "the item's country (of its supplier, vendor or issuer): a name or ISO code; a name match to a list party of another country is set aside with a warning" },
    ...Object.fromEntries(FIELD_KINDS.map((f) => [f, { type: 'array', items: { type: 'string', minLength: 1, maxLength: 1000 }, maxItems: 50 }])),
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const screenBody = {
  type: 'object',
  required: ['items'],
  properties: {
    items: { type: 'array', items: itemSchema, minItems: 1, maxItems: 1000 },
    asOf: DATE,
    profile: { type: 'string', maxLength: 100, description: 'screening profile id (default "all")' },
    includeHistorical: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

const entity = { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } }, additionalProperties: true } as const;

export const findingSchema = {
  type: 'object',
  description: 'A finding as in the JSON report contract (docs/json-output.md).',
  properties: {
    measure: { type: 'object', properties: { id: { type: 'string' }, short: { type: 'string' }, title: { type: 'string' } }, additionalProperties: true },
    subject: entity,
    state: { type: 'string', enum: [...STATES] },
    severity: { type: 'string', enum: [...SEVERITIES] },
    confidence: { type: 'number' },
  },
  additionalProperties: true,
} as const;

export const itemResultSchema = {
  type: 'object',
  properties: {
    origin: { type: 'object', additionalProperties: true },
    label: { type: 'string' },
    asset: { type: 'object', additionalProperties: { type: 'string' }, description: 'the asset the row describes: tag, hostname, ip, owner, site, serial, costCentre, country (each when the input has it)' },
    status: { type: 'string', enum: ['screened', 'rejected'] },
    findings: { type: 'array', items: findingSchema },
  },
  additionalProperties: true,
} as const;

export const scanSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'complete', 'failed'] },
    fileName: { type: 'string' },
    asOf: { type: 'string' },
    profile: { type: 'string' },
    progress: { type: 'object', properties: { rowsDone: { type: 'integer' }, rowsExpected: { type: 'integer' }, fraction: { type: 'number' } } },
    error: { type: 'string' },
  },
  additionalProperties: true,
} as const;

export const dispositionSchema = {
  type: 'object',
  properties: {
    state: { type: 'string', enum: ['false-positive', 'accepted-risk', 'remediated'] },
    reason: { type: 'string' },
    decidedBy: { type: 'string' },
    decidedAt: { type: 'string' },
    reopened: { type: 'boolean', description: 'the KB facts the decision relied on have changed since' },
  },
  additionalProperties: true,
} as const;

export const storedFindingSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    scanId: { type: 'string' },
    key: { type: 'string', description: 'stable across re-scans of the same item; dispositions attach to it' },
    item: { type: 'object', additionalProperties: true },
    finding: findingSchema,
    group: { type: 'string' },
    disposition: dispositionSchema,
  },
  additionalProperties: true,
} as const;

export const findingFilters = {
  measure: stringList('measure ids (repeat or comma-separate)'),
  group: stringList('corporate group ids of the listed subject'),
  state: stringList(`finding states: ${STATES.join(', ')}`),
  severity: stringList(`severities: ${SEVERITIES.join(', ')}`),
  kind: stringList(`item field that matched: ${FIELD_KINDS.join(', ')}`),
  disposition: stringList('open, reopened, closed, false-positive, accepted-risk, remediated'),
  subject: { type: 'string', maxLength: 200, description: 'listed subject id' },
  owner: stringList('the asset owner (team) as in the input'),
  site: stringList('the asset site (location) as in the input'),
  q: { type: 'string', maxLength: 200, description: 'text in the item label, asset, subject or measure id' },
} as const;

export const errorSchema = {
  type: 'object',
  properties: {
    error: { type: 'string' },
    problems: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
} as const;

export const looseObject = { type: 'object', additionalProperties: true } as const;
