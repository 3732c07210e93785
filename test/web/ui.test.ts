/**
 * The web UI in a real browser (Debian's chromium through playwright-core): upload the example,
 * see the findings, open one, mark it false positive, reload — the decision is still there; the
 * organisation page shows Chinese names with real glyphs. Skipped with the reason when chromium
 * is not installed (`apt-get install chromium fonts-noto-cjk`).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { buildWeb, countApiRequests, launchChromium, noBrowser, SCAN_TIMEOUT, TEST_OUTPUT } from './browser.js';
import { buildServer } from '../../src/server/app.js';
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
  let web: ReturnType<typeof buildWeb>;

  before(async () => {
    web = buildWeb();
    mkdirSync(TEST_OUTPUT, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'covered-ui-'));
    profileDir = mkdtempSync(join(tmpdir(), 'covered-chromium-'));
    service = await CoveredService.open({ dataDir });
    app = await buildServer({ service, requireTokens: false, webDir: web.dir });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    ({ context, page } = await launchChromium(profileDir));
  });

  after(async () => {
    await context?.close();
    await app?.close();
    await service?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
    web?.remove();
  });

  test('upload the example, see findings, open one, mark it false positive, reload: it persists', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/#/scans`);
    await page.setInputFiles('input[type=file]', EXAMPLE);
    await page.getByRole('button', { name: 'Screen file' }).click();
    await page.getByTestId('scan-complete').waitFor(SCAN_TIMEOUT);
    assert.match(await page.getByTestId('scan-complete').innerText(), /Screened 18 rows: \d+ findings/);
    await page.getByRole('link', { name: 'See the findings' }).click();
    // Grouped by item by default; the per-finding table is a link away.
    await page.locator('table.items tbody tr').first().waitFor();
    await page.getByRole('link', { name: 'One row per finding' }).click();

    const rows = page.locator('table.findings tbody tr');
    await rows.first().waitFor();
    assert.ok((await rows.count()) > 10);
    await page.locator('table.findings th', { hasText: 'Line' }).click();
    await page.waitForFunction(() => location.hash.includes('sort=line'));
    await page.waitForFunction(() => (() => { const lines = [...document.querySelectorAll('table.findings tbody tr td:nth-child(2)')].map((td) => Number(td.textContent)); return lines.length > 10 && lines.every((n, i) => i === 0 || lines[i - 1]! <= n) && lines[0] === 2; })());
    await page.locator('table.findings th', { hasText: 'Line' }).click();
    await page.waitForFunction(() => (() => { const lines = [...document.querySelectorAll('table.findings tbody tr td:nth-child(2)')].map((td) => Number(td.textContent)); return lines.length > 10 && lines.every((n, i) => i === 0 || lines[i - 1]! >= n); })());
    await page.getByLabel('filter by measure').selectOption('us-ndaa-889');
    await page.waitForFunction(() => [...document.querySelectorAll('table.findings tbody tr')].every((r) => r.textContent.includes('NDAA')));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    const raw = readFileSync((await download.path()) as string, 'utf8');
    assert.equal(raw.charCodeAt(0), 0xfeff, 'a byte-order mark');
    const csv = raw.slice(1).trim().split('\r\n');
    assert.match(csv[0]!, /^file,line,item,asset_tag,hostname,ip,owner,site,serial,cost_centre,country,row_status/);
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
    await page.goto(`${page.url().split('#')[0]}#/scans/${(await service.scans.list({ limit: 1, offset: 0 })).scans[0]!.id}/findings?disposition=false-positive&view=findings`);
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
    await page.screenshot({ path: join(TEST_OUTPUT, 'organisation.png') });
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

  test('an asset inventory: findings grouped by asset, filtered by owner, decided in bulk (one audit entry each); rejected rows with reasons', async () => {
    const rows = ['Asset Tag,Owner,Location,Vendor'];
    for (let i = 1; i <= 24; i++) rows.push(`AT-${String(i).padStart(4, '0')},${i % 2 ? 'Network team' : 'Facilities'},${i % 3 ? 'Berlin' : 'Munich'},${i % 3 === 2 ? 'Dell Technologies' : i % 3 ? 'Huawei Technologies Co. Ltd' : 'Zhejiang Dahua Technology Co. Ltd'}`);
    rows.push('AT-9999,Facilities,Munich,');
    const file = join(dataDir, 'assets.csv');
    writeFileSync(file, `${rows.join('\n')}\n`);
    await page.goto(`${url}/#/scans`);
    await page.setInputFiles('input[type=file]', file);
    await page.getByRole('button', { name: 'Screen file' }).click();
    await page.getByTestId('scan-complete').waitFor(SCAN_TIMEOUT);
    await page.getByRole('link', { name: 'See the findings' }).click();
    const items = page.locator('table.items tbody tr');
    await items.first().waitFor();
    assert.match(await items.first().innerText(), /AT-\d{4} · (Network team|Facilities) · (Berlin|Munich)/);
    await page.getByLabel('filter by owner').selectOption('Network team');
    await page.waitForFunction(() => (() => { const rows = [...document.querySelectorAll('table.items tbody tr')]; return rows.length > 0 && rows.every((r) => r.textContent.includes('Network team')); })());
    // Each asset's measures are inside its one row.
    const first = items.first();
    assert.ok((await first.locator('ul.item-findings li').count()) > 1);
    const auditBefore = (await service.audit.list({ limit: 1, offset: 0, action: 'disposition.set' })).total;
    await page.getByLabel('select every finding on this page').check();
    const selected = Number((await page.getByRole('region', { name: 'decide selected findings' }).locator('b').innerText()).match(/\d+/)?.[0]);
    assert.ok(selected >= 10, `${selected} findings selected`);
    await page.getByLabel('decision for the selected findings').selectOption('accepted-risk');
    await page.getByLabel('reason for the selected findings').fill('Replacement budgeted for 2027');
    await page.getByRole('button', { name: `Decide ${selected} findings` }).click();
    await page.getByRole('status').filter({ hasText: `${selected} findings marked Accepted risk` }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('table.items ul.item-findings li')].every((li) => li.textContent.includes('Accepted risk')));
    assert.equal((await service.audit.list({ limit: 1, offset: 0, action: 'disposition.set' })).total, auditBefore + selected, 'one audit entry per finding');
    const rejected = page.locator('table.rejected tbody tr');
    await rejected.first().waitFor();
    assert.equal(await rejected.count(), 1);
    assert.match(await rejected.first().innerText(), /26\s+AT-9999 · Facilities · Munich\s+no value in any screened column/);
  });

  /**
   * After the page shows its content, page time is run a minute ahead (every poll and timer fires)
   * and a probe goes to the server and back; no request to the API may have been made meanwhile.
   * A render loop (one request per render, as the upload once caused) would be caught in the probe's
   * round trip without any timer.
   */
  async function assertIdle(idle: Page, requests: ReturnType<typeof countApiRequests>, what: string): Promise<void> {
    const probe = async () => assert.equal(await idle.evaluate(`fetch('/api/health').then((r) => r.ok)`), true);
    // Settled: no request still unanswered, and none started while a probe went to the server and
    // back (a response may render a part that asks for more, e.g. the rejected rows once the scan is
    // known — a response still on its way when the probe returns would do that after it).
    for (let settled = false; !settled; ) {
      const before = requests.total();
      await probe();
      settled = requests.total() === before + 1 && requests.inFlight('/api/health') === 0;
    }
    const before = requests.byPath();
    await idle.clock.runFor(60_000);
    for (let i = 0; i < 3; i++) await probe();
    const after = requests.byPath();
    delete before['/api/health'];
    delete after['/api/health'];
    assert.deepEqual(after, before, `${what}: no API request while idle`);
  }

  test('pages make no API requests while idle, also after an upload completes', async () => {
    const idle = await context.newPage();
    try {
      await idle.clock.install();
      const requests = countApiRequests(idle);
      await idle.goto(`${url}/#/scans`);
      await idle.setInputFiles('input[type=file]', EXAMPLE);
      await idle.getByRole('button', { name: 'Screen file' }).click();
      await idle.getByTestId('scan-complete').waitFor(SCAN_TIMEOUT);
      // The list has been fetched again and shows the new scan as complete.
      await idle.waitForFunction(() => [...document.querySelectorAll('table.grid tbody tr')].filter((r) => r.textContent.includes('complete')).length >= 2);
      await assertIdle(idle, requests, 'scans page after an upload');
      assert.equal(await idle.getByText('Failed to fetch').count(), 0);
      const scanId = (await service.scans.list({ limit: 1, offset: 0 })).scans[0]!.id;
      const pages: [string, string][] = [
        ['#/', '.chart svg'],
        [`#/scans/${scanId}/findings`, 'table.items tbody tr'],
        [`#/scans/${scanId}/findings?view=findings`, 'table.findings tbody tr'],
        ['#/measures', '.chart svg'],
        ['#/audit', 'table.grid tbody tr'],
        ['#/dispositions', 'h2'],
        ['#/news', 'h2'],
      ];
      for (const [hash, ready] of pages) {
        await idle.goto(`${url}/${hash}`);
        await idle.locator(ready).first().waitFor();
        await assertIdle(idle, requests, hash);
      }
    } finally {
      await idle.close();
    }
  });

  test('no page is wider than the screen at 1400 and 390 pixels; screenshots for review', async () => {
    const scanId = (await service.scans.list({ limit: 1, offset: 0 })).scans[0]!.id;
    const findingId = (await service.scans.findings(scanId, { limit: 1, offset: 0 })).findings[0]!.id;
    const pages: [string, string, string][] = [
      ['dashboard', '#/', '.chart svg'],
      ['scans', '#/scans', 'table.grid tbody tr'],
      ['findings', `#/scans/${scanId}/findings`, 'table.items tbody tr'],
      ['findings-by-finding', `#/scans/${scanId}/findings?view=findings`, 'table.findings tbody tr'],
      ['finding', `#/findings/${findingId}`, '.evidence-path'],
      ['organisation', '#/organisations/hikvision', '.graph canvas'],
      ['measures', '#/measures', '.chart svg'],
      ['measure', '#/measures/us-ndaa-889', 'table.grid tbody tr'],
      ['audit', '#/audit', 'table.grid tbody tr'],
      ['dispositions', '#/dispositions', 'h2'],
      ['lookup', '#/lookup?q=Hikvision', '.matches li'],
      ['not-found', '#/no-such-page', '[role=alert]'],
    ];
    for (const width of [1400, 390]) {
      await page.setViewportSize({ width, height: width > 1000 ? 1000 : 844 });
      for (const [name, hash, ready] of pages) {
        await page.goto(`${url}/${hash}`);
        await page.locator(ready).first().waitFor();
        await page.screenshot({ path: join(TEST_OUTPUT, `layout-${width}-${name}.png`), fullPage: true });
        const overflow = (await page.evaluate(`(() => {
          const out = [];
          if (document.documentElement.scrollWidth > window.innerWidth) out.push('page ' + document.documentElement.scrollWidth + 'px');
          for (const el of document.querySelectorAll('header.top, .panel')) {
            if (el.scrollWidth > el.clientWidth + 1) out.push((el.querySelector('h2')?.textContent || el.className) + ' ' + el.scrollWidth + '>' + el.clientWidth);
          }
          return out;
        })()`)) as string[];
        assert.deepEqual(overflow, [], `${name} at ${width}px overflows`);
      }
    }
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  test('an unknown address says so instead of showing the dashboard; look-up ranks near names', async () => {
    await page.goto(`${url}/#/no-such-page`);
    assert.match(await page.getByRole('alert').innerText(), /No page “no-such-page”/);
    await page.goto(`${url}/#/lookup?q=${encodeURIComponent('Hikvison Digital')}`);
    await page.getByRole('table', { name: 'ranked names' }).or(page.locator('.matches li')).first().waitFor();
    const ranked = await page.locator('table[aria-label="ranked names"] tbody tr td:last-child').allInnerTexts();
    const scores = ranked.map(Number);
    assert.ok(scores.every((n, i) => i === 0 || scores[i - 1]! >= n), 'ranked by score');
  });
});
