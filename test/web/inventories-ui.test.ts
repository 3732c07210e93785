/**
 * The Inventories view in a real browser (Debian's chromium through playwright-core): an
 * inventory's current changes, its history, and a notification whose receiver keeps failing shown
 * as retrying with its last error. The UI is built from the current sources into a temporary
 * directory. Skipped with the reason when chromium is not installed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import { CoveredService } from '../../src/server/service.js';
import { until } from '../queue/processes.js';
import { launchChromium, noBrowser } from './browser.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('Inventories view in chromium', { skip: noBrowser }, () => {
  const dirs: string[] = [];
  let service: CoveredService;
  let app: FastifyInstance;
  let receiver: Server;
  let url: string;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'covered-web-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'covered-inventories-ui-'));
    const profileDir = mkdtempSync(join(tmpdir(), 'covered-chromium-'));
    dirs.push(webDir, dataDir, profileDir);
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--outDir', webDir, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
    receiver = createServer((req, res) => req.resume().on('end', () => res.writeHead(503).end()));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    service = await CoveredService.open({ dataDir, dispatch: { attempts: 8, backoffMs: 60_000 } });
    app = await buildServer({ service, requireTokens: false, webDir });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    ({ context, page } = await launchChromium(profileDir));
  });

  after(async () => {
    await context?.close();
    await app?.close();
    await service?.close();
    receiver?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('open Inventories: the current changes, the history, and a delivery retrying with its error', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const rule = await app.inject({ method: 'POST', url: '/api/notifications/rules', payload: { name: 'soc', channel: 'webhook', target: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/` } });
    assert.equal(rule.statusCode, 201);
    const file = join(dirs[1]!, 'push.csv');
    writeFileSync(file, 'name\nZTE Corporation\nAcme Widgets Inc.\n');
    await service.monitor.push('suppliers', file, 'suppliers.csv', 'test');
    await until(async () => ((await service.notifications.deliveries({ state: ['retrying'], limit: 1, offset: 0 })).total === 1 ? true : undefined), 'the first failed attempt');

    await page.goto(`${url}/#/`);
    await page.getByRole('link', { name: 'Inventories' }).click();
    await page.getByRole('link', { name: 'suppliers' }).click();
    const change = page.locator('tr', { hasText: 'ZTE Corporation' }).first();
    await change.waitFor();
    assert.match(await change.innerText(), /new/);
    assert.match(await page.locator('section', { hasText: 'History' }).innerText(), /upload/);
    const delivery = page.locator('tr', { hasText: 'suppliers v1' });
    await delivery.waitFor();
    const text = await delivery.innerText();
    assert.match(text, /webhook/);
    assert.match(text, /retrying/);
    assert.match(text, /HTTP 503/);
    assert.deepEqual(errors, []);
  });
});
