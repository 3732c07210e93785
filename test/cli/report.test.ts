/**
 * `covered report`: the attestation report of the example scan as HTML and as a PDF printed by
 * Debian's Chromium. The PDF's text (pdftotext) names every covered item, its measure and its
 * citations; its first page renders to an image (pdftoppm) that is not blank; the Chinese names are
 * set in a CJK font. From a stored scan, the report carries each decision's history.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanReport } from '../../src/model/finding.js';
import { CHROMIUM } from '../../src/app/pdf.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const hasTools = existsSync(CHROMIUM) && ['pdftotext', 'pdftoppm', 'pdffonts', 'fc-match'].every((t) => spawnSync('which', [t]).status === 0);
const skip = hasTools ? false : `needs ${CHROMIUM} and poppler-utils (apt-get install chromium fonts-noto-cjk poppler-utils)`;

function covered(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 1 << 28 });
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('covered report (attestation)', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'covered-report-'));
  const json = join(dir, 'scan.json');

  test('HTML and PDF of the example scan; the PDF text names every covered item, its measure and citations', () => {
    const scan = covered(['scan', 'examples/inventory.csv', '--as-of', '2026-11-22', '--format', 'json', '--fail-on', 'none']);
    assert.equal(scan.status, 0, scan.stderr);
    writeFileSync(json, scan.stdout);
    const report = JSON.parse(scan.stdout) as ScanReport;
    const coveredItems = report.results.filter((r) => r.findings.some((f) => f.measure.id === 'us-ndaa-889'));
    assert.ok(coveredItems.length >= 3, 'the example has §889 items');

    const html = covered(['report', json, '--format', 'html', '--out', join(dir, 'a.html')]);
    assert.equal(html.status, 0, html.stderr);
    const page = readFileSync(join(dir, 'a.html'), 'utf8');
    assert.match(page, /FAR 52\.204-26\(c\)/);
    assert.match(page, /<svg/, 'charts drawn as SVG');

    const pdf = covered(['report', json, '--format', 'pdf', '--out', join(dir, 'a.pdf')]);
    assert.equal(pdf.status, 0, pdf.stderr);
    assert.equal(readFileSync(join(dir, 'a.pdf')).subarray(0, 5).toString(), '%PDF-');
    const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }));
    assert.match(text, /as of 2026-11-22/);
    assert.ok(text.includes(report.kb.version), 'the knowledge-base version');
    for (const item of coveredItems) {
      assert.ok(text.includes(flat(item.label)), `covered item ${item.label}`);
      for (const f of item.findings.filter((x) => x.measure.id === 'us-ndaa-889')) {
        assert.ok(text.includes(flat(f.measure.short)), `measure of ${item.label}`);
        for (const c of f.citations) assert.ok(text.includes(flat(c.text)), `citation "${c.text}" of ${item.label}`);
      }
    }
    assert.match(text, /海康威视/, 'Chinese names are in the text');
    // Chromium embeds the OpenType CJK font as Type 3 glyphs (pdffonts shows no name): check that the
    // font the page asks for is a real CJK font here, and that glyphs were embedded.
    assert.match(page, /'Noto Sans CJK SC'/);
    assert.match(execFileSync('fc-match', ['-f', '%{file}', 'Noto Sans CJK SC'], { encoding: 'utf8' }), /CJK/i, 'fonts-noto-cjk is installed');
    assert.match(execFileSync('pdffonts', [join(dir, 'a.pdf')], { encoding: 'utf8' }), /Type 3\s+Custom\s+yes/);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', join(dir, 'a.pdf'), join(dir, 'page')]);
    const png = join(dir, 'page-1.png');
    assert.ok(existsSync(png) && statSync(png).size > 5000, 'the first page renders to an image with content');
  });

  test('a report file that is not a JSON report is a usage error (exit 2)', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"hello": 1}');
    const r = covered(['report', bad]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not a covered JSON report/);
    const none = covered(['report', 'no-such-scan', '--data-dir', dir]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no file and no scan "no-such-scan"/);
  });
});
