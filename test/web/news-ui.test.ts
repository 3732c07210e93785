/**
 * The News view in a real browser (Debian's chromium through playwright-core): a proposal from a
 * submitted article is in the review queue; rejecting it needs a reason; after a reload it is
 * still rejected, with the reason. The UI is built from the current sources into a temporary
 * directory, so the test never runs against a stale build. Skipped with the reason when chromium
 * is not installed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, noBrowser } from './browser.js';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import { CoveredService } from '../../src/server/service.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const skip = noBrowser;

const ARTICLE = {
  text: 'US weighs ban on DJI drones\nUS lawmakers are considering a ban on DJI drones, people familiar with the matter said.',
  published: '2020-08-03',
  url: 'https://news.example.com/2020/08/03/dji',
};

describe('News view in chromium', { skip }, () => {
  let dataDir: string;
  let webDir: string;
  let profileDir: string;
  let service: CoveredService;
  let app: FastifyInstance;
  let url: string;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'covered-web-'));
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--outDir', webDir, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' });
    dataDir = mkdtempSync(join(tmpdir(), 'covered-news-ui-'));
    profileDir = mkdtempSync(join(tmpdir(), 'covered-chromium-'));
    service = await CoveredService.open({ dataDir });
    app = await buildServer({ service, requireTokens: false, webDir });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    ({ context, page } = await launchChromium(profileDir));
  });

  after(async () => {
    await context?.close();
    await app?.close();
    await service?.close();
    for (const dir of [dataDir, webDir, profileDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('open News, see the proposal, reject it with a reason, reload: it stays rejected', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const submitted = await app.inject({ method: 'POST', url: '/api/news/articles', payload: ARTICLE });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const id = submitted.json().proposals[0].id as string;

    await page.goto(`${url}/#/`);
    await page.getByRole('link', { name: 'News' }).click();
    const row = page.locator(`tr[data-proposal="${id}"]`);
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /considered/);
    assert.match(text, /DJI drones/, 'the evidence sentence is shown');
    assert.match(text, /new measure/);

    await row.getByRole('button', { name: 'Reject' }).click();
    assert.match(await row.getByRole('alert').innerText(), /needs a reason/);
    await row.getByLabel(`reason for ${id}`).fill('Lawmakers talk; no bill yet');
    await row.getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('status').filter({ hasText: `Rejected ${id}` }).waitFor();
    // The queue is fetched again after the status shows: wait for the row to go, then check.
    await page.locator(`tr[data-proposal="${id}"]`).waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    assert.equal(await page.locator(`tr[data-proposal="${id}"]`).count(), 0, 'the open queue no longer lists it');

    await page.reload();
    await page.getByLabel('proposal state').selectOption('rejected');
    const decided = page.locator(`tr[data-proposal="${id}"]`);
    await decided.getByTestId('decision').waitFor();
    assert.match(await decided.getByTestId('decision').innerText(), /rejected by local on \d{4}-\d{2}-\d{2}: “Lawmakers talk; no bill yet”/);
    assert.equal((await service.audit.list({ action: 'news.reject', limit: 5, offset: 0 })).entries.length, 1, 'the rejection is audited');
    assert.deepEqual(errors, [], 'no script errors');
  });
});
