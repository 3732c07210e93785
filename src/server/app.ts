/**
 * The HTTP server: the JSON API under /api (OpenAPI document at /openapi.json, interactive docs at
 * /docs), and the web UI from the built `dist/web`. Requests are validated against their schemas;
 * a bad request is answered 400 with the path of every offending field.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import { PACKAGE_ROOT, packageVersion } from '../kb/files.js';
import type { Role } from '../store/schema.js';
import { roleAllows } from '../store/tokens.js';
import { registerScanRoutes } from './routes/scans.js';
import { registerKnowledgeRoutes } from './routes/knowledge.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerNewsRoutes } from './routes/news.js';
import { registerInventoryRoutes } from './routes/inventories.js';
import { registerMatchRoutes } from './routes/match.js';
import type { CoveredService } from './service.js';
import { RequestError } from './request-error.js';

export interface ServerOptions {
  service: CoveredService;
  /** Off only when bound to loopback: everyone who can connect is then a local admin. */
  requireTokens: boolean;
  maxUploadBytes?: number;
  /** The built web UI; defaults to dist/web of the package. */
  webDir?: string;
  /** Log server errors (as JSON lines) on standard output. */
  logger?: boolean;
  /**
   * The address the server listens on. Without tokens (loopback), only requests whose Host is this
   * address or a loopback name are answered: a web page reaching the port through DNS rebinding
   * names its own host.
   */
  host?: string;
  /** The longest article text POST /api/news/articles takes (default 500,000 characters). */
  maxArticleChars?: number;
  /** Failed authentications one address may make in a minute before it is answered 429 (default 20). */
  authFailuresPerMinute?: number;
}

export interface Actor {
  name: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    /** The least role that may call the route; routes without one are public. */
    role?: Role;
  }
}

export const DEFAULT_MAX_UPLOAD = 100 * 1024 * 1024;
export const WEB_DIR = join(PACKAGE_ROOT, 'dist', 'web');

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const maxUpload = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD;
  const app = Fastify({
    logger: options.logger ? { level: 'error' } : false,
    bodyLimit: 5 * 1024 * 1024,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array' } },
  });

  app.decorateRequest('actor', { getter: () => LOCAL });
  await app.register(helmet, {
    // The built UI loads its scripts and styles from this origin; ECharts and cytoscape draw on
    // canvases and React sets inline styles through the DOM, which CSP allows; /docs sets its own.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    // Served over plain HTTP on loopback: telling browsers to insist on HTTPS would lock them out.
    strictTransportSecurity: false,
  });
  registerOriginChecks(app, options);
  await app.register(rateLimit, { global: false });
  const failedAuthentications = app.createRateLimit({ max: options.authFailuresPerMinute ?? 20, timeWindow: 60_000 });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const where = error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const problems = error.validation.map((v) => ({ path: fieldPath(where, v.instancePath, v.params as Record<string, unknown>), message: v.message ?? 'invalid' }));
      return reply.code(400).send({ error: `invalid request: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, problems });
    }
    if (error instanceof RequestError) {
      return reply.code(error.statusCode).send({ error: error.message, ...(error.path ? { problems: [{ path: error.path, message: error.message }] } : {}) });
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({ error: `too large: uploads are limited to ${Math.round(maxUpload / 1024 / 1024)} MB and JSON bodies to 5 MB` });
    }
    if (status < 500) return reply.code(status).send({ error: error.message });
    request.log.error(error);
    return reply.code(500).send({ error: 'internal error; see the server log' });
  });

  await app.register(multipart, { limits: { fileSize: maxUpload, files: 1, fields: 10 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Covered API',
        version: packageVersion(),
        description: 'Screen technology against national-security restrictions as of any date; scans, findings with evidence, dispositions and the audit log.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'an API token from `covered token create` (not needed on 127.0.0.1)' } } },
      security: [{ bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const { tokens } = options.service;
  app.addHook('onRequest', async (request, reply) => {
    const needed = request.routeOptions.config?.role;
    if (!needed) return;
    if (!options.requireTokens) return;
    // An address that has failed too often is refused before its token is even looked at.
    const standing = await failedAuthentications(request, { increment: false });
    if (!standing.isAllowed && standing.isExceeded) return tooManyFailures(reply, standing.ttlInSeconds);
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const info = token ? await tokens.authenticate(token) : undefined;
    if (!info) {
      const counted = await failedAuthentications(request);
      if (!counted.isAllowed && counted.isExceeded) return tooManyFailures(reply, counted.ttlInSeconds);
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'an API token is required: Authorization: Bearer <token> (create one with `covered token create`)' });
    }
    if (!roleAllows(info.role, needed)) return reply.code(403).send({ error: `this needs the ${needed} role; the token "${info.name}" is ${info.role}` });
    const actor: Actor = { name: `token:${info.name}`, role: info.role };
    Object.defineProperty(request, 'actor', { value: actor });
  });

  registerKnowledgeRoutes(app, options.service);
  registerScanRoutes(app, options.service);
  registerAdminRoutes(app, options.service);
  registerNewsRoutes(app, options.service, options.maxArticleChars);
  registerInventoryRoutes(app, options.service);
  registerMatchRoutes(app, options.service);

  const webDir = options.webDir ?? WEB_DIR;
  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', index: 'index.html', wildcard: true });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html').send('<!doctype html><meta charset="utf-8"><title>Covered</title><p>The web UI is not built. Run <code>npm run build</code>. The API is at <a href="/docs">/docs</a>.</p>'),
    );
  }
  return app;
}

const LOCAL: Actor = { name: 'local', role: 'admin' };

function tooManyFailures(reply: FastifyReply, retryAfterSeconds: number) {
  return reply
    .code(429)
    .header('retry-after', String(Math.max(1, retryAfterSeconds)))
    .send({ error: `too many failed authentications from this address; try again in ${Math.max(1, retryAfterSeconds)} s` });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A web page the user visits must not be able to drive the API. Without tokens (loopback, where
 * everyone who connects is an admin) only loopback names and the bound address are accepted as
 * Host, which defeats DNS rebinding; and a request that changes anything from another origin (a
 * form or fetch from another site, a sandboxed frame's "null") is refused, whatever the binding.
 */
function registerOriginChecks(app: FastifyInstance, options: ServerOptions): void {
  const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]', '::1', ...(options.host ? [options.host.toLowerCase()] : [])]);
  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').toLowerCase();
    if (!options.requireTokens) {
      const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
      if (!loopbackNames.has(name) && !/^127(\.\d{1,3}){3}$/.test(name)) {
        return reply.code(403).send({ error: `this server answers on loopback only to localhost or its own address; the Host "${host}" is refused` });
      }
    }
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    let foreign = site === 'cross-site' || site === 'same-site';
    // Without an Origin (an old client, a proxy that drops it), a Referer from another site says the same.
    const from = origin ?? request.headers.referer;
    if (from !== undefined) {
      try {
        foreign ||= new URL(from).host.toLowerCase() !== host;
      } catch {
        foreign = true; // "null" and other non-URLs
      }
    }
    if (foreign) return reply.code(403).send({ error: `a request from another origin (${from ?? site}) may not change anything here` });
  });
}

/** "body.items[2].mac" from an Ajv instance path and the missing or extra property. */
function fieldPath(where: string, instancePath: string, params: Record<string, unknown>): string {
  let path = where;
  for (const part of instancePath.split('/').slice(1)) path += /^\d+$/.test(part) ? `[${part}]` : `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}`;
  const extra = params.missingProperty ?? params.additionalProperty;
  if (typeof extra === 'string') path += `.${extra}`;
  return path;
}
