/** The audit log and its verification (admin only). */
import type { FastifyInstance } from 'fastify';
import { looseObject } from '../schemas.js';
import type { CoveredService } from '../service.js';

export function registerAdminRoutes(app: FastifyInstance, service: CoveredService): void {
  app.get<{ Querystring: { action?: string; limit: number; offset: number } }>(
    '/api/audit',
    {
      config: { role: 'admin' },
      schema: {
        tags: ['audit'],
        summary: 'Audit entries, newest first: scans, dispositions, knowledge-base updates, token changes',
        querystring: { type: 'object', properties: { action: { type: 'string', maxLength: 50 }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, offset: { type: 'integer', minimum: 0, default: 0 } }, additionalProperties: false },
        response: { 200: looseObject },
      },
    },
    async (request) => service.audit.list(request.query),
  );

  app.get('/api/audit/verify', { config: { role: 'admin' }, schema: { tags: ['audit'], summary: 'Check the hash chain: every edited, deleted or missing entry is named', response: { 200: looseObject } } }, async () => service.audit.verify());
}
