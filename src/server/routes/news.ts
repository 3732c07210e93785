/**
 * The news watch over HTTP: the review queue of proposals for the knowledge base (listed, accepted
 * into a draft file, rejected with a reason), the alerts news events raised on stored scans, and
 * the submission of an article's text for extraction. Decisions go through the same functions as
 * `covered news accept|reject`, so the rows, draft files and audit entries are the same.
 */
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { labelResolver } from '../../app/label-resolver.js';
import type { Article } from '../../news/extract.js';
import { acceptProposal, rejectProposal, ReviewError, saveWatchedArticles } from '../../store/news-review.js';
import { NewsStore } from '../../store/news.js';
import type { StoredProposal } from '../../model/news.js';
import type { WatchedArticle } from '../../news/watch.js';
import { WorkInputError, WorkTooLongError } from '../compute.js';
import type { ProposalState } from '../../model/news.js';
import { RequestError } from '../request-error.js';
import { DATE, errorSchema, looseObject } from '../schemas.js';
import type { CoveredService } from '../service.js';
import { calendarDate } from './knowledge.js';

const PROPOSAL_STATES = ['open', 'accepted', 'rejected'] as const;

const proposalSchema = {
  type: 'object',
  description: 'A proposal for the knowledge base from a news event the knowledge base does not know.',
  properties: {
    id: { type: 'string' },
    eventId: { type: 'string' },
    kind: { type: 'string', enum: ['new', 'new-stage', 'new-listing'], description: 'new measure, new stage of a known measure, or new listing on a known list' },
    target: { type: 'string', description: 'entity id, or the name as written when the knowledge base does not hold it' },
    measure: { type: 'string', description: 'the known measure, for a new stage or listing' },
    state: { type: 'string', enum: [...PROPOSAL_STATES] },
    draftYaml: { type: 'string', description: 'the draft record that accepting writes' },
    createdAt: { type: 'string' },
    decidedBy: { type: 'string' },
    decidedAt: { type: 'string' },
    reason: { type: 'string' },
    draftFile: { type: 'string' },
    event: {
      type: 'object',
      properties: { jurisdiction: { type: 'string' }, authority: { type: 'string' }, action: { type: 'string' }, status: { type: 'string' }, date: { type: 'string' }, evidence: { type: 'string' } },
      additionalProperties: true,
    },
    article: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, published: { type: 'string' }, source: { type: 'string' } }, additionalProperties: true },
  },
  additionalProperties: true,
} as const;

const alertSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    eventId: { type: 'string' },
    scanId: { type: 'string' },
    scanLabel: { type: 'string' },
    group: { type: 'string' },
    groupName: { type: 'string' },
    itemCount: { type: 'integer' },
    items: { type: 'array', items: { type: 'string' }, description: 'the first affected items’ labels' },
    message: { type: 'string' },
    createdAt: { type: 'string' },
  },
  additionalProperties: true,
} as const;

const proposalIdParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } as const;

interface ArticleBody {
  text: string;
  published?: string;
  title?: string;
  url?: string;
  format?: 'text' | 'html';
}

/** The longest article text accepted by default; extraction time grows with it. */
export const DEFAULT_MAX_ARTICLE_CHARS = 500_000;

export function registerNewsRoutes(app: FastifyInstance, service: CoveredService, maxArticleChars = DEFAULT_MAX_ARTICLE_CHARS): void {
  const tags = ['news'];
  const { kb } = service.ctx;
  const news = new NewsStore(service.store);
  // Drafts go where `covered news accept` puts them by default: drafts/ in the data directory.
  const draftDir = join(dirname(service.uploadsDir), 'drafts');

  app.get<{ Querystring: { state?: ProposalState; limit: number; offset: number } }>(
    '/api/news/proposals',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'The review queue: proposals for the knowledge base from news events, newest first',
        querystring: {
          type: 'object',
          properties: {
            state: { type: 'string', enum: [...PROPOSAL_STATES], description: 'only proposals in this state (default: all)' },
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
            offset: { type: 'integer', minimum: 0, default: 0 },
          },
          additionalProperties: false,
        },
        response: { 200: { type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, proposals: { type: 'array', items: proposalSchema } } }, 400: errorSchema },
      },
    },
    async (request) => {
      const { state, limit, offset } = request.query;
      const [total, proposals] = await Promise.all([news.countProposals(state), news.proposals({ ...(state ? { state } : {}), limit, offset })]);
      return { total, limit, offset, proposals };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/news/proposals/:id',
    { config: { role: 'viewer' }, schema: { tags, summary: 'One proposal with its event, article and draft record', params: proposalIdParams, response: { 200: proposalSchema, 404: errorSchema } } },
    async (request) => {
      const proposal = await news.proposal(request.params.id);
      if (!proposal) throw new RequestError(404, `no proposal "${request.params.id}"`);
      return proposal;
    },
  );

  app.post<{ Params: { id: string }; Body: { reason?: string } }>(
    '/api/news/proposals/:id/accept',
    {
      config: { role: 'analyst' },
      schema: {
        tags,
        summary: 'Accept a proposal: its draft record (YAML, marked draft, with the article as its source) is written to drafts/ in the server’s data directory',
        description: 'The draft is not part of the knowledge base: a reviewer checks it against the official text, moves its records into data/ and runs `covered kb validate`. 409 when the proposal was already decided.',
        params: proposalIdParams,
        body: { type: 'object', properties: { reason: { type: 'string', maxLength: 2000 } }, additionalProperties: false },
        response: {
          200: { type: 'object', properties: { proposal: proposalSchema, draftFile: { type: 'string', description: 'where the draft was written, on the server' }, draftYaml: { type: 'string' } } },
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request) => {
      const reason = request.body?.reason?.trim() || undefined;
      return decide(() => acceptProposal(service.store, request.params.id, { by: request.actor.name, ...(reason ? { reason } : {}), draftDir }));
    },
  );

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/api/news/proposals/:id/reject',
    {
      config: { role: 'analyst' },
      schema: {
        tags,
        summary: 'Reject a proposal with a reason (kept with the decision and in the audit log); nothing is written',
        params: proposalIdParams,
        body: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 1, maxLength: 2000 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { proposal: proposalSchema } }, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const reason = request.body.reason.trim();
      if (!reason) throw new RequestError(400, 'give a reason', 'body.reason');
      return { proposal: await decide(() => rejectProposal(service.store, request.params.id, { by: request.actor.name, reason })) };
    },
  );

  app.get<{ Querystring: { limit: number } }>(
    '/api/news/alerts',
    {
      config: { role: 'viewer' },
      schema: {
        tags,
        summary: 'Alerts raised by saved news events on stored scans (event → scan → affected items), newest first',
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { alerts: { type: 'array', items: alertSchema } } }, 400: errorSchema },
      },
    },
    async (request) => ({ alerts: await news.alerts(request.query.limit) }),
  );

  app.post<{ Body: ArticleBody }>(
    '/api/news/articles',
    {
      config: { role: 'analyst' },
      schema: {
        tags,
        summary: 'Submit an article’s text (or HTML) for extraction: its events are saved, new ones queued as proposals, and alerts raised on stored scans',
        description: 'Nothing is fetched: send the text. Without `published`, a dateline in the text is used; without either, relative dates stay unresolved and a warning says so.',
        body: {
          type: 'object',
          required: ['text'],
          properties: {
            text: { type: 'string', minLength: 1, description: 'the article, as plain text or HTML (at most 500,000 characters unless the server sets another cap)' },
            published: { ...DATE, description: 'publication date; relative dates ("on Friday") are resolved against it' },
            title: { type: 'string', maxLength: 500 },
            url: { type: 'string', pattern: '^https?://', maxLength: 2000, description: 'where the article was published; cited in drafts' },
            format: { type: 'string', enum: ['text', 'html'], description: 'default: detected' },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              article: { type: 'object', properties: { id: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, published: { type: 'string' } }, additionalProperties: true },
              events: { type: 'array', items: looseObject },
              proposals: { type: 'array', items: proposalSchema },
              alerts: { type: 'array', items: alertSchema },
              saved: { type: 'object', properties: { events: { type: 'integer' }, proposals: { type: 'integer' }, alerts: { type: 'integer' } }, description: 'how many of each were new' },
              warnings: { type: 'array', items: { type: 'string' } },
            },
          },
          400: errorSchema,
        },
      },
    },
    async (request) => {
      const body = request.body;
      const published = body.published === undefined ? undefined : calendarDate(body.published, 'body.published');
      const label = body.url ?? body.title ?? 'submitted article';
      if (body.text.length > maxArticleChars) {
        throw new RequestError(413, `the article holds ${body.text.length.toLocaleString('en-US')} characters, more than the cap of ${maxArticleChars.toLocaleString('en-US')}`, 'body.text');
      }
      // Parsing and extraction run off the server's thread, within a time budget.
      const { article, watched } = await service.compute
        .run<{ article: Article; watched?: WatchedArticle }>({
          kind: 'article',
          text: body.text,
          label,
          ...(body.format ? { format: body.format } : {}),
          ...(body.url ? { url: body.url } : {}),
          ...(body.title ? { title: body.title } : {}),
          ...(published ? { published } : {}),
        })
        .catch((error: unknown) => {
          if (error instanceof WorkTooLongError) throw new RequestError(422, `${error.message}; send a shorter article`, 'body.text');
          if (error instanceof WorkInputError) throw new RequestError(400, error.message, 'body.text');
          throw error;
        });
      if (!watched) throw new RequestError(400, 'the article has no text', 'body.text');
      const { counts, alerts } = await saveWatchedArticles(service.store, kb, [{ source: `api (${request.actor.name})`, watched }], labelResolver(service.ctx));
      const ids = new Set(watched.proposals.map((p) => p.id));
      const proposals: StoredProposal[] = [];
      for (const id of ids) {
        const stored = await news.proposal(id);
        if (stored) proposals.push(stored);
      }
      await service.audit.append(request.actor.name, 'news.article', label, { title: article.title ?? null, published: article.published ?? null, events: watched.events.length, newProposals: counts.proposals, newAlerts: counts.alerts });
      const warnings = article.published ? [] : ['no publication date given or found; relative dates are left unresolved'];
      return {
        article: { id: article.id, ...(article.title ? { title: article.title } : {}), ...(article.url ? { url: article.url } : {}), ...(article.published ? { published: article.published } : {}) },
        events: watched.events,
        proposals,
        alerts,
        saved: counts,
        warnings,
      };
    },
  );
}

/** Unknown proposal → 404, decided already (or its draft file exists) → 409. */
async function decide<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof ReviewError) throw new RequestError(e.kind === 'unknown' ? 404 : 409, e.message);
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new RequestError(409, `the draft file already exists: ${(e as NodeJS.ErrnoException).path ?? ''}`);
    throw e;
  }
}
