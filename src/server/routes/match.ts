/**
 * `POST /api/match`: the knowledge base's ranked candidates for a name or an identifier, each with
 * its score, band and explanation (as yente's /match does), or the verdict on two names.
 */
import type { FastifyInstance } from 'fastify';
import { guessField } from '../../match/identifiers/guess-field.js';
import { CorporateGraph } from '../../kb/graph.js';
import { rankCandidates } from '../../match/candidates.js';
import { SAME_THRESHOLD } from '../../match/names/compare.js';
import { NAME_REPORT_THRESHOLD } from '../../match/resolver.js';
import { matchPair } from '../../match/pair.js';
import { FIELD_KINDS, type FieldKind } from '../../model/item.js';
import { RequestError } from '../request-error.js';
import { DATE, errorSchema, looseObject } from '../schemas.js';
import type { CoveredService } from '../service.js';
import { calendarDate } from './knowledge.js';

interface MatchBody {
  query: string;
  /** A second name: compare the two instead of ranking candidates. */
  name2?: string;
  field?: FieldKind;
  limit?: number;
  threshold?: number;
  asOf?: string;
}

export function registerMatchRoutes(app: FastifyInstance, service: CoveredService): void {
  const graph = new CorporateGraph(service.ctx.kb);
  app.post<{ Body: MatchBody }>(
    '/api/match',
    {
      config: { role: 'viewer' },
      schema: {
        tags: ['knowledge base'],
        summary: 'Ranked candidates of the knowledge base for a name (any script) or an identifier, with scores and explanations; or, with name2, the verdict on two names',
        body: {
          type: 'object',
          required: ['query'],
          properties: {
            query: { type: 'string', minLength: 1, maxLength: 1000 },
            name2: { type: 'string', minLength: 1, maxLength: 1000 },
            field: { type: 'string', enum: [...FIELD_KINDS], description: 'what kind of value the query is (default: recognised from it)' },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
            threshold: {
              type: 'number',
              exclusiveMinimum: 0,
              maximum: 1,
              description: `candidates: the score marked as reported (default ${NAME_REPORT_THRESHOLD}); two names: the score at which they are the same entity (default ${SAME_THRESHOLD})`,
            },
            asOf: DATE,
          },
          additionalProperties: false,
        },
        response: { 200: looseObject, 400: errorSchema },
      },
    },
    async (request) => {
      const { query, name2, field, limit = 10, threshold } = request.body;
      if (!query.trim()) throw new RequestError(400, 'the query is empty', 'body.query');
      if (name2 !== undefined) {
        if (field !== undefined && field !== 'name') throw new RequestError(400, 'two values are compared as names only', 'body.field');
        const asOf = calendarDate(request.body.asOf, 'body.asOf');
        return matchPair(query, name2, service.ctx.resolver.names, graph, asOf, threshold ?? SAME_THRESHOLD);
      }
      const list = rankCandidates(service.ctx.resolver, query, field ?? guessField(query), { limit, threshold: threshold ?? NAME_REPORT_THRESHOLD });
      if (list.error) throw new RequestError(400, list.error, 'body.query');
      return list;
    },
  );
}
