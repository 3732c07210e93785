/**
 * Inventories: named, versioned inventories whose versions are scans; what changed from one
 * version to the next; notification rules and the state of every delivery.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { InventoryError } from '../../inventory/monitor.js';
import { CHANGE_KINDS, CHANNEL_KINDS, type ChangeKind, type ChannelKind, type DeliveryState, type RuleFilter } from '../../inventory/model.js';
import { RequestError } from '../request-error.js';
import { errorSchema, looseObject } from '../schemas.js';
import type { CoveredService } from '../service.js';

const nameParams = { type: 'object', properties: { name: { type: 'string', minLength: 1, maxLength: 80 } } } as const;
const inventorySchema = { ...looseObject, description: 'An inventory with its latest version and its current (newest complete) version.' };
const versionSchema = { ...looseObject, description: 'A version of an inventory: its scan, why it was made, and the counts of new, changed and resolved findings.' };
const changeSchema = { ...looseObject, description: 'A finding that is new, changed or resolved since the version before.' };
const ruleSchema = { ...looseObject, description: 'A notification rule: which changes go to which channel.' };
const deliverySchema = { ...looseObject, description: 'A notification delivery: pending, retrying, delivered or failed, with its attempts and last error.' };
const stringList = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 200 } as const;

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof InventoryError) throw new RequestError(e.statusCode, e.message, e.path);
    throw e;
  }
}

export function registerInventoryRoutes(app: FastifyInstance, service: CoveredService): void {
  const tags = ['inventories'];
  const { monitor } = service;

  app.get('/api/inventories', { config: { role: 'viewer' }, schema: { tags, summary: 'Inventories with their latest and current versions', response: { 200: { type: 'object', properties: { inventories: { type: 'array', items: inventorySchema } } } } } }, async () => ({
    inventories: await monitor.list(),
  }));

  app.post<{ Body: { name: string; source?: string; refreshMinutes?: number; profile?: string; includeHistorical?: boolean } }>(
    '/api/inventories',
    {
      config: { role: 'analyst' },
      schema: {
        tags,
        summary: 'Create an inventory; with a source (an absolute path on the server or an http(s) URL) it is re-read every refreshMinutes (default 1440)',
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', minLength: 1, maxLength: 80 }, source: { type: 'string', maxLength: 2000 }, refreshMinutes: { type: 'integer', minimum: 5, maximum: 527040 }, profile: { type: 'string', maxLength: 100 }, includeHistorical: { type: 'boolean' } },
          additionalProperties: false,
        },
        response: { 201: inventorySchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await guard(() => monitor.create(request.body, request.actor.name))),
  );

  app.get<{ Params: { name: string } }>(
    '/api/inventories/:name',
    { config: { role: 'viewer' }, schema: { tags, summary: 'An inventory; its current findings are those of `current.scanId` (GET /api/scans/{id}/findings)', params: nameParams, response: { 200: inventorySchema, 404: errorSchema } } },
    async (request) => guard(async () => service.inventories.info(await monitor.get(request.params.name))),
  );

  app.delete<{ Params: { name: string } }>(
    '/api/inventories/:name',
    { config: { role: 'admin' }, schema: { tags, summary: 'Delete an inventory and its history (its scans stay)', params: nameParams, response: { 204: { type: 'null' }, 404: errorSchema } } },
    async (request, reply) => {
      await guard(() => monitor.delete(request.params.name, request.actor.name));
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { name: string } }>(
    '/api/inventories/:name/versions',
    {
      config: { role: 'analyst' },
      schema: {
        tags,
        summary: 'Upload a new version of an inventory (created if new): screened as a scan, then compared with the version before',
        description: 'multipart/form-data with the `file`.',
        consumes: ['multipart/form-data'],
        params: nameParams,
        response: { 202: versionSchema, 400: errorSchema, 413: errorSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new RequestError(400, 'send the file as multipart/form-data (field "file")', 'body.file');
      const tmp = join(service.uploadsDir, `incoming-${randomUUID()}`);
      await mkdir(service.uploadsDir, { recursive: true });
      let fileName: string | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') throw new RequestError(400, `unknown field "${part.fieldname}"`, `body.${part.fieldname}`);
          if (part.fieldname !== 'file') throw new RequestError(400, `unexpected file field "${part.fieldname}"; use "file"`, `body.${part.fieldname}`);
          fileName = part.filename || 'upload';
          await pipeline(part.file, createWriteStream(tmp));
        }
        if (!fileName) throw new RequestError(400, 'no file was sent (field "file")', 'body.file');
        const version = await guard(() => monitor.push(request.params.name, tmp, fileName as string, request.actor.name));
        return reply.code(202).send(version);
      } finally {
        await rm(tmp, { force: true });
      }
    },
  );

  app.get<{ Params: { name: string }; Querystring: { limit: number; offset: number } }>(
    '/api/inventories/:name/versions',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'The history of an inventory, newest first',
        params: nameParams,
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, default: 0 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { versions: { type: 'array', items: versionSchema } } }, 404: errorSchema },
      },
    },
    async (request) => guard(async () => ({ versions: await service.inventories.versions((await monitor.get(request.params.name)).id, request.query.limit, request.query.offset) })),
  );

  app.get<{ Params: { name: string }; Querystring: { version?: number; kind?: ChangeKind[]; limit: number; offset: number } }>(
    '/api/inventories/:name/changes',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'The findings that are new, changed or resolved in a version (default: the current one) against the version before',
        params: nameParams,
        querystring: {
          type: 'object',
          properties: { version: { type: 'integer', minimum: 1 }, kind: { type: 'array', items: { type: 'string', enum: [...CHANGE_KINDS] } }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, offset: { type: 'integer', minimum: 0, default: 0 } },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { version: versionSchema, total: { type: 'integer' }, changes: { type: 'array', items: changeSchema } } }, 404: errorSchema },
      },
    },
    async (request) =>
      guard(async () => {
        const inventory = await monitor.get(request.params.name);
        const versions = await service.inventories.versions(inventory.id, 100000);
        const version = request.query.version ? versions.find((v) => v.seq === request.query.version) : versions.find((v) => v.changes);
        if (!version) throw new InventoryError(404, request.query.version ? `inventory "${inventory.name}" has no version ${request.query.version}` : `inventory "${inventory.name}" has no screened version yet`);
        const { total, changes } = await service.inventories.changes(version.id, { ...(request.query.kind ? { kind: request.query.kind } : {}), limit: request.query.limit, offset: request.query.offset });
        return { version, total, changes };
      }),
  );

  const ntags = ['notifications'];
  app.get('/api/notifications/rules', { config: { role: 'viewer' }, schema: { tags: ntags, summary: 'Notification rules', response: { 200: { type: 'object', properties: { rules: { type: 'array', items: ruleSchema } } } } } }, async () => ({
    rules: await service.notifications.rules(),
  }));

  app.post<{ Body: { name: string; channel: ChannelKind; target: string; secret?: string; filter?: RuleFilter } }>(
    '/api/notifications/rules',
    {
      config: { role: 'admin' },
      schema: {
        tags: ntags,
        summary: 'Add a rule: changes of the chosen inventories, measures, severities and kinds go to a signed webhook, a Slack/Teams incoming webhook or e-mail',
        description: 'A webhook rule without a `secret` gets a random one, returned once in this response as `secret`.',
        body: {
          type: 'object',
          required: ['name', 'channel', 'target'],
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 200 },
            channel: { type: 'string', enum: [...CHANNEL_KINDS] },
            target: { type: 'string', minLength: 3, maxLength: 2000 },
            secret: { type: 'string', minLength: 16, maxLength: 200 },
            filter: { type: 'object', properties: { inventories: stringList, measures: stringList, severities: stringList, kinds: { type: 'array', items: { type: 'string', enum: [...CHANGE_KINDS] } } }, additionalProperties: false },
          },
          additionalProperties: false,
        },
        response: { 201: ruleSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.channel === 'email') {
        if (!body.target.split(',').every((a) => /^[^\s@,]+@[^\s@,]+$/.test(a.trim()))) throw new RequestError(400, 'e-mail addresses, comma-separated', 'body.target');
      } else if (!/^https?:\/\//.test(body.target)) throw new RequestError(400, 'an http(s) URL', 'body.target');
      const secret = body.channel === 'webhook' ? (body.secret ?? randomBytes(32).toString('hex')) : null;
      const id = randomUUID();
      const row = { id, name: body.name, channel: body.channel, target: body.target, secret, filter_json: JSON.stringify(body.filter ?? {}), enabled: 1, created_by: request.actor.name, created_at: new Date().toISOString() };
      await service.notifications.addRule(row);
      await service.audit.append(request.actor.name, 'notification.rule.create', id, { name: body.name, channel: body.channel, filter: body.filter ?? {} });
      const [info] = (await service.notifications.rules()).filter((r) => r.id === id);
      return reply.code(201).send({ ...info, ...(secret && !body.secret ? { secret } : {}) });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/notifications/rules/:id',
    { config: { role: 'admin' }, schema: { tags: ntags, summary: 'Delete a rule (its pending deliveries are failed)', params: { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } }, response: { 204: { type: 'null' }, 404: errorSchema } } },
    async (request, reply) => {
      if (!(await service.notifications.deleteRule(request.params.id))) throw new RequestError(404, `no rule ${request.params.id}`);
      await service.audit.append(request.actor.name, 'notification.rule.delete', request.params.id, {});
      return reply.code(204).send();
    },
  );

  app.get<{ Querystring: { state?: DeliveryState[]; rule?: string; limit: number; offset: number } }>(
    '/api/notifications/deliveries',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ntags,
        summary: 'Deliveries, newest first: pending, retrying (with the next attempt and last error), delivered or failed',
        querystring: {
          type: 'object',
          properties: { state: { type: 'array', items: { type: 'string', enum: ['pending', 'retrying', 'delivered', 'failed'] } }, rule: { type: 'string', maxLength: 64 }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 }, offset: { type: 'integer', minimum: 0, default: 0 } },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { total: { type: 'integer' }, deliveries: { type: 'array', items: deliverySchema } } } },
      },
    },
    async (request) => service.notifications.deliveries({ ...(request.query.state ? { state: request.query.state } : {}), ...(request.query.rule ? { rule: request.query.rule } : {}), limit: request.query.limit, offset: request.query.offset }),
  );
}
