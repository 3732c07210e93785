/**
 * The web UI in a real browser (Debian's chromium through playwright-core): upload the example,
 * see the findings, open one, mark it false positive, reload — the decision is still there; the
 * organisation page shows Chinese names with real glyphs. Skipped with the reason when chromium
 * is not installed (`apt-get install chromium fonts-noto-cjk`).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, noBrowser } from './browser.js';
import { buildServer, WEB_DIR } from '../../src/server/app.js';
import { CoveredService } from '../../src/server/service.js';
import type { FastifyInstance } from 'fastify';

// Predicates below run in the page (functions, since the server's CSP forbids evaluating strings).
declare const document: { querySelectorAll(selector: string): ArrayLike<{ textContent: string }> & Iterable<{ textContent: string }> };
declare const location: { hash: string };

const ROOT = new URL('../../', import.meta.url).pathname;
const EXAMPLE = join(ROOT, 'examples', 'inventory.csv');
const skip = noBrowser;

describe('web UI in chromium', { skip }, () => {
  let dataDir: string;
  let profileDir: string;
  let service: CoveredService;
  let app: FastifyInstance;
  let url: string;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
    dataDir = mkdtempSync(join(tmpdir(), 'covered-ui-'));
    profileDir = mkdtempSync(join(tmpdir(), 'covered-chromium-'));
    service = await CoveredService.open({ dataDir });
    app = await buildServer({ service, requireTokens: false });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    ({ context, page } = await launchChromium(profileDir));
  });

  after(async () => {
    await context?.close();
    await app?.close();
    await service?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  test('upload the example, see findings, open one, mark it false positive, reload: it persists', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/#/scans`);
    await page.setInputFiles('input[type=file]', EXAMPLE);
    await page.getByRole('button', { name: 'Screen file' }).click();
    await page.getByTestId('scan-complete').waitFor();
    assert.match(await page.getByTestId('scan-complete').innerText(), /Screened 18 rows: \d+ findings/);
    await page.getByRole('link', { name: 'See the findings' }).click();

    const rows = page.locator('table.findings tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) > 10);
    await page.locator('th', { hasText: 'Line' }).click();
    await page.waitForFunction(() => location.hash.includes('sort=line'));
    await page.waitForFunction(() => (() => { const lines = [...document.querySelectorAll('table.findings tbody tr td:first-child')].map((td) => Number(td.textContent)); return lines.length > 10 && lines.every((n, i) => i === 0 || lines[i - 1]! <= n) && lines[0] === 2; })());
    await page.locator('th', { hasText: 'Line' }).click();
    await page.waitForFunction(() => (() => { const lines = [...document.querySelectorAll('table.findings tbody tr td:first-child')].map((td) => Number(td.textContent)); return lines.length > 10 && lines.every((n, i) => i === 0 || lines[i - 1]! >= n); })());
    await page.getByLabel('filter by measure').selectOption('us-ndaa-889');
    await page.waitForFunction(() => [...document.querySelectorAll('table.findings tbody tr')].every((r) => r.textContent.includes('NDAA')));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path()) as string, 'utf8').trim().split('\r\n');
    assert.match(csv[0]!, /^finding,file,line,item,measure/);
    assert.ok(csv.length > 1 && csv.slice(1).every((line) => line.includes(',us-ndaa-889,')), 'the export follows the filter');
    const hikvision = page.locator('table.findings tbody tr', { hasText: 'HANGZHOU HIKVISION' }).first();
    await hikvision.getByRole('link', { name: 'HANGZHOU HIKVISION DIGITAL TECH CO LTD' }).click();

    const path = page.getByRole('list', { name: 'evidence chain' });
    await path.waitFor();
    const chain = await path.innerText();
    assert.match(chain, /HANGZHOU HIKVISION DIGITAL TECH CO LTD/);
    assert.match(chain, /NDAA §889/);
    await page.getByLabel('False positive').check();
    await page.getByLabel('reason').fill('Camera replaced by a non-covered model in 2025');
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.getByTestId('disposition-status').waitFor();

    await page.reload();
    const status = page.getByTestId('disposition-status');
    await status.waitFor();
    const text = await status.innerText();
    assert.match(text, /False positive/);
    assert.match(text, /Camera replaced by a non-covered model in 2025/);

    await page.getByRole('link', { name: '← Findings' }).click();
    await page.getByLabel('filter by disposition').waitFor();
    await page.goto(`${page.url().split('#')[0]}#/scans/${(await service.scans.list({ limit: 1, offset: 0 })).scans[0]!.id}/findings?disposition=false-positive`);
    await page.waitForFunction(() => document.querySelectorAll('table.findings tbody tr').length === 1);
    await page.goto(`${url}/#/audit`);
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    assert.match(await page.getByRole('status').innerText(), /^Intact: \d+ entries/);
    assert.ok(await page.locator('table.grid tbody tr', { hasText: 'disposition.set' }).count(), 'the decision is in the audit log');
    assert.deepEqual(errors, [], 'no script errors');
  });

  test('the dashboard draws its charts; the organisation page shows Chinese names with real glyphs and the ownership graph', async () => {
    await page.goto(`${url}/#/`);
    await page.locator('.chart svg').first().waitFor();
    assert.ok((await page.locator('.chart svg').count()) >= 4, 'four charts');

    await page.goto(`${url}/#/organisations/hikvision`);
    const names = page.getByTestId('names');
    await names.waitFor();
    assert.match(await names.innerText(), /海康威视/);
    await page.locator('.graph canvas').first().waitFor();
    // Two different ideographs draw differently only when a font has them; missing glyphs all draw the same box.
    // A string, not a function: the test's compiler would wrap inner functions in helpers the page lacks.
    const distinct = (await page.evaluate(`(() => {
      const cell = [...document.querySelectorAll('[data-testid=names] td')].find((td) => /海康威视/.test(td.textContent || ''));
      const font = getComputedStyle(cell).fontFamily;
      const draw = (ch) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 40;
        const ctx = canvas.getContext('2d');
        ctx.font = '32px ' + font;
        ctx.fillText(ch, 2, 34);
        return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
      };
      return { differ: draw('海') !== draw('康'), tofu: draw('海') === draw('\u{10FFFD}') };
    })()`)) as { differ: boolean; tofu: boolean };
    assert.equal(distinct.tofu, false, 'Chinese characters do not render as missing-glyph boxes');
    assert.equal(distinct.differ, true);
    await page.screenshot({ path: join(tmpdir(), 'covered-ui-organisation.png') });
  });

  test('the measures timeline follows the as-of date control', async () => {
    await page.goto(`${url}/#/measures`);
    await page.getByLabel('as-of date').fill('2020-10-15');
    const row = page.locator('table.grid tbody tr', { hasText: 'EO 13942' }).first();
    await row.waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('table.grid tbody tr')].some((r) => /EO 13942/.test(r.textContent) && /historical/.test(r.textContent)));
    await page.getByLabel('as-of date').fill('2020-09-01');
    await page.waitForFunction(() => [...document.querySelectorAll('table.grid tbody tr')].some((r) => /EO 13942/.test(r.textContent) && /pending/.test(r.textContent)));
    assert.ok(await page.locator('.chart svg').count());
  });
});
