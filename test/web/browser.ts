/**
 * Debian's chromium driven by playwright-core, started as this machine's closed network needs it:
 * no background networking, no component updates, a fresh profile.
 */
import { existsSync } from 'node:fs';
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
  const page = context.pages()[0] ?? (await context.newPage());
  // Generous: the suite runs two test files at once on two cores.
  page.setDefaultTimeout(60_000);
  return { context, page };
}
