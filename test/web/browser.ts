/**
 * Debian's chromium driven by playwright-core, started as this machine's closed network needs it:
 * no background networking, no component updates, a fresh profile.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.COVERED_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests are skipped here, or false when they can run. */
export const noBrowser = existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM}; install Debian's chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk)`;

export async function launchChromium(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 1000 },
  });
  // Generous, for every page of the context: the suite runs two test files at once on two cores.
  context.setDefaultTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** A scan reads the knowledge base in a fresh thread first: on a loaded machine that alone takes tens of seconds. */
export const SCAN_TIMEOUT = { timeout: 180_000 };

/** Where browser tests write screenshots for review: `COVERED_TEST_OUTPUT`, or test-output/ in the checkout (not committed). */
export const TEST_OUTPUT = process.env.COVERED_TEST_OUTPUT ?? join(new URL('../../', import.meta.url).pathname, 'test-output');

/**
 * The web UI built from the current sources. `COVERED_TEST_WEB_DIR` names a build to reuse (a loop
 * running the suite many times builds once); otherwise each test file builds into a temporary
 * directory, so a test never runs against a stale build. Returns the directory and how to remove it.
 */
export function buildWeb(): { dir: string; remove(): void } {
  const given = process.env.COVERED_TEST_WEB_DIR;
  if (given && existsSync(join(given, 'index.html'))) return { dir: given, remove: () => {} };
  const root = new URL('../../', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'covered-web-'));
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Counts the page's requests to the API, by path without the query, and knows how many are still open. */
export function countApiRequests(page: Page): { total(): number; byPath(): Record<string, number>; inFlight(except?: string): number } {
  const seen: string[] = [];
  const open = new Map<string, number>();
  const pathOf = (url: string) => new URL(url).pathname;
  page.on('request', (request) => {
    const path = pathOf(request.url());
    if (!path.startsWith('/api/')) return;
    seen.push(path);
    open.set(path, (open.get(path) ?? 0) + 1);
  });
  const done = (request: { url(): string }) => {
    const path = pathOf(request.url());
    if (path.startsWith('/api/')) open.set(path, (open.get(path) ?? 1) - 1);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    total: () => seen.length,
    byPath: () => Object.fromEntries([...new Set(seen)].map((p) => [p, seen.filter((s) => s === p).length])),
    // Requests sent and not yet answered, leaving out those to `except` (a probe's own).
    inFlight: (except?: string) => [...open].reduce((n, [path, count]) => (path === except ? n : n + count), 0),
  };
}
