/** A server over a fresh database for tests, driven through fastify's inject (no socket). */
import type { FastifyInstance } from 'fastify';
import { createContext, type Context } from '../../src/app/context.js';
import { buildServer } from '../../src/server/app.js';
import { CoveredService } from '../../src/server/service.js';
import type { TestDatabase } from '../store/databases.js';

let shared: Context | undefined;
/** The bundled knowledge base, built once per test file. */
export function bundledContext(): Context {
  shared ??= createContext();
  return shared;
}

export interface TestServer {
  app: FastifyInstance;
  service: CoveredService;
  close(): Promise<void>;
}

export async function testServer(database: TestDatabase, options: { requireTokens?: boolean; maxUploadBytes?: number } = {}): Promise<TestServer> {
  const created = await database.create();
  const service = await CoveredService.open({ ...created.options, context: bundledContext() });
  const app = await buildServer({ service, requireTokens: options.requireTokens ?? false, ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}), webDir: '/nonexistent' });
  return {
    app,
    service,
    async close() {
      await app.close();
      await service.close();
      await created.drop();
    },
  };
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: string | Buffer; field?: string }): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----covered${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\ncontent-type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Polls a scan until it is complete or failed. */
export async function waitForScan(app: FastifyInstance, id: string, headers: Record<string, string> = {}): Promise<{ status: string; error?: string; summary?: { rowsRead: number; findings: number } }> {
  for (let i = 0; i < 600; i++) {
    const scan = (await app.inject({ method: 'GET', url: `/api/scans/${id}`, headers })).json();
    if (scan.status === 'complete' || scan.status === 'failed') return scan;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`scan ${id} did not finish`);
}
