/**
 * HTML to PDF by Debian's Chromium, headless, through playwright-core: the page is printed as a
 * browser would print it (fonts, CJK glyphs, SVG charts), with no network and a fresh profile.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.COVERED_CHROMIUM ?? '/usr/bin/chromium';

export class PdfError extends Error {
  override name = 'PdfError';
}

export async function htmlToPdf(html: string): Promise<Buffer> {
  if (!existsSync(CHROMIUM)) throw new PdfError(`printing a PDF needs Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set COVERED_CHROMIUM); the HTML format needs nothing`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    // The document is self-contained: nothing it names is fetched.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#64748b">page <span class="pageNumber"></span> of <span class="totalPages"></span></div>', margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' } });
  } finally {
    await browser.close();
  }
}
