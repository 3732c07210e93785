/**
 * The row-level evaluation on inventories (`npm run eval:inventory`) run on a few rows of its
 * source material (test/fixtures/eval/inventory-sources), so that it cannot rot: the sets are
 * built, written in the scanner's formats, scanned, and scored.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildInventories, figures, scoreRows, splitOf } from '../../tools/eval/inventory-sets.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = fileURLToPath(new URL('../fixtures/eval/inventory-sources', import.meta.url));
const AS_OF = '2026-12-01';

describe('row-level evaluation on inventories', () => {
  test('labels come from the source lists: restricted companies, and rows of every kind', () => {
    const { inventories, labels } = buildInventories(SOURCES, { asOf: AS_OF });
    assert.ok(labels.restricted.has('huawei') && labels.restricted.has('tencent') && labels.restricted.has('hikvision'));
    // ByteDance is restricted by a statute that no staged list carries: cited, not looked up.
    assert.ok(labels.evidence['bytedance']?.some((e) => /Pub\. L\. 118-50/.test(e)));
    // Alibaba enters the 1260H list only in its 2026 edition, which the small copy leaves out.
    assert.ok(!labels.restricted.has('alibaba'));
    const kinds = Object.fromEntries(inventories.map((i) => [i.kind, i]));
    for (const kind of ['dns', 'devices', 'apps', 'suppliers', 'holdings']) assert.ok(kinds[kind]!.rows.length > 0, kind);
    const dns = kinds['dns']!;
    assert.ok(dns.rows.some((r) => r.positive && r.expectGroups.includes('huawei')));
    assert.ok(dns.rows.some((r) => !r.positive && r.category === 'v2fly-unlisted:bilibili'));
    assert.match(dns.content.split('\n')[0]!, /queries: info: client .* query: \S+ IN A/);
    assert.match(kinds['devices']!.content, /^Asset Tag,Hostname,IP Address,MAC Address,Site\n/);
    assert.ok(kinds['holdings']!.rows.every((r) => r.positive && r.expectNames.length > 0));
  });

  test('the split is a hash of the row key, the same on every run', () => {
    assert.equal(splitOf('qq.com'), splitOf('qq.com'));
    const splits = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(splitOf));
    assert.deepEqual([...splits].sort(), ['dev', 'test']);
  });

  test('scoring: expected group found, a finding on a negative row, another group only', () => {
    const { inventories } = buildInventories(SOURCES, { asOf: AS_OF }, ['dns']);
    const inv = inventories[0]!;
    const pos = inv.rows.find((r) => r.positive)!;
    const neg = inv.rows.find((r) => !r.positive)!;
    const finding = (id: string) => ({ subject: { id }, match: { entity: { id } } });
    const groupOf = (id: string) => id;
    const right = scoreRows({ ...inv, rows: [pos, neg] }, [{ origin: { line: pos.line }, label: pos.key, findings: [finding(pos.expectGroups[0]!)] }], groupOf);
    assert.deepEqual(right.map((o) => o.outcome), ['tp', 'tn']);
    const wrong = scoreRows({ ...inv, rows: [pos, neg] }, [
      { origin: { line: pos.line }, label: pos.key, findings: [finding('someone-else')] },
      { origin: { line: neg.line }, label: neg.key, findings: [finding('huawei')] },
    ], groupOf);
    assert.deepEqual(wrong.map((o) => o.outcome), ['wrong', 'fp']);
    const f = figures(wrong);
    assert.deepEqual([f.tp, f.fp, f.fn], [0, 2, 1]);
  });

  test('npm run eval:inventory on the small copy: the scanner finds what the lists say', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/eval/eval-inventory.ts', '--data', SOURCES, '--as-of', AS_OF, '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { figures: { kind: string; split: string; rows: number; tp: number; fp: number; fn: number; recall: number | null; precision: number | null }[] };
    const all = out.figures.find((c) => c.kind === 'all' && c.split === 'all')!;
    assert.ok(all.rows > 40, `${all.rows} rows`);
    assert.ok((all.precision ?? 0) >= 0.9, `precision ${all.precision}`);
    // Misses left: OFAC's tickers of foreign lines ("CTMA DE") the knowledge base does not record.
    assert.ok((all.recall ?? 0) >= 0.8, `recall ${all.recall}`);
    for (const kind of ['dns', 'devices', 'suppliers', 'holdings']) {
      const cell = out.figures.find((c) => c.kind === kind && c.split === 'all')!;
      assert.ok(cell.tp > 0, `${kind}: nothing found`);
    }
  });
});
