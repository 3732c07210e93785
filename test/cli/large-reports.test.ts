import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultSpool } from '../../src/cli/result-spool.js';
import type { ItemResult } from '../../src/model/finding.js';
import { renderTable } from '../../src/report/table.js';
import { jsonWithArray, type ReportView } from '../../src/report/view.js';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const ROOT = new URL('../../', import.meta.url).pathname;

const result = (line: number, label = `row ${line}`): ItemResult => ({ origin: { file: 'in.csv', line }, label, status: 'screened', findings: [] });

describe('results kept on disk', () => {
  test('past its memory limit the spool moves to disk and reads back every result in order, as often as asked', () => {
    const spool = new ResultSpool(10);
    for (let line = 2; line < 1_002; line++) spool.add(result(line, `ünïcode ${line} "quoted"`));
    const dir = spool.directory;
    assert.ok(dir, 'the results went to a temporary file');
    assert.ok(!existsSync(dir), 'which is already gone from the disk: a killed scan leaves nothing behind');
    for (let pass = 0; pass < 2; pass++) {
      const back = [...spool];
      assert.equal(back.length, 1_000);
      assert.deepEqual(back[0], result(2, 'ünïcode 2 "quoted"'));
      assert.deepEqual(back.at(-1), result(1_001, 'ünïcode 1001 "quoted"'));
      assert.ok(back.every((r, i) => r.origin.line === i + 2));
    }
    spool.close();
    assert.deepEqual([...spool], [], 'closed: the spool is empty');
  });
  test('results longer than a read, and characters cut by a read, come back whole', () => {
    const spool = new ResultSpool(1);
    // Three-byte characters put read boundaries inside characters; 2.5 MB labels exceed the 1 MB read.
    const labels = [`${'界'.repeat(900_000)}a`, 'short', `${'é'.repeat(1_300_000)}`, 'last'];
    labels.forEach((label, i) => spool.add(result(i + 2, label)));
    const back = [...spool];
    assert.deepEqual(back.map((r) => r.label), labels);
    spool.close();
  });
  test('a small spool stays in memory', () => {
    const spool = new ResultSpool(10);
    for (let line = 2; line < 12; line++) spool.add(result(line));
    assert.equal(spool.directory, undefined);
    assert.equal([...spool].length, 10);
  });
});

describe('reports written in pieces', () => {
  test('a JSON document with its array filled piece by piece is the same text as stringified whole', () => {
    const items = [{ a: 1, b: [1, { c: 'x\ny' }] }, { a: 2, b: [] }, {}];
    for (const list of [[], items.slice(0, 1), items]) {
      const whole = { schema: 1, nested: { results: [] as unknown[], inner: { results: [] as unknown[] } }, results: list };
      const pieces = [...jsonWithArray({ ...whole, results: [] }, 'results', list)].join('');
      assert.equal(pieces, JSON.stringify(whole, null, 2));
    }
    const sarifLike = { runs: [{ tool: {}, results: [] as unknown[] }] };
    const filled = { runs: [{ tool: {}, results: items }] };
    assert.equal([...jsonWithArray(sarifLike, 'results', items)].join(''), JSON.stringify(filled, null, 2));
  });
  test('the table laid out in pieces is the same as laid out at once', () => {
    const engine = bundledEngine();
    const options = { asOf: '2024-01-01', profile: engine.kb.profiles.all as Profile, includeHistorical: false };
    const results = ['Hikvision', 'Zhejiang Dahua Technology', 'Acme Widgets', 'ZTE Corporation', 'Hytera'].map((name, i) => ({
      ...engine.screen(item({ name }, i + 2), options),
    }));
    const report: ReportView = {
      schemaVersion: 1,
      tool: { name: 'covered', version: '0' },
      kb: { version: engine.kb.version, hash: engine.kb.hash },
      asOf: '2024-01-01',
      profile: { id: 'all', title: 'all' },
      includeHistorical: false,
      inputs: [{ file: 'test.csv' }],
      summary: { rowsRead: 5, screened: 5, rejected: 0, findings: 1, withFindings: 1, bySeverity: {}, byMeasure: {}, byState: {} } as unknown as ReportView['summary'],
      results,
    };
    const once = [...renderTable(report, { color: false, width: 80, resultsPerPiece: 1_000 })].join('');
    const pieces = [...renderTable(report, { color: false, width: 80, resultsPerPiece: 1 })].join('');
    assert.ok(results.filter((r) => r.findings.length > 0).length >= 3, 'several results with findings');
    assert.equal(pieces, once);
    assert.equal(once.split('\n').filter((l) => l.startsWith('Line')).length, 1, 'one head line');
  });
});

describe('a scan larger than memory holds', () => {
  test('25,000 device rows: every row has its record in the JSON, in order; the table and CSV come out whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'covered-large-'));
    const csv = join(dir, 'devices.csv');
    const rows = ['hostname,mac'];
    for (let i = 0; i < 25_000; i++) rows.push(`cam-${i},44:19:b6:${(i >> 16) & 255 ? 'ff' : '00'}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`);
    writeFileSync(csv, `${rows.join('\n')}\n`);
    const run = (format: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', csv, '--format', format, '--as-of', '2024-01-01'], {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, NO_COLOR: '1' },
      });
    const json = run('json');
    assert.equal(json.status, 1, json.stderr);
    const report = JSON.parse(json.stdout) as { summary: { rowsRead: number }; results: ItemResult[] };
    assert.equal(report.summary.rowsRead, 25_000);
    assert.equal(report.results.length, 25_000);
    assert.ok(report.results.every((r, i) => r.origin.line === i + 2 && r.findings.length > 0));
    const table = run('table');
    assert.equal(table.status, 1, table.stderr);
    assert.match(table.stdout, /25000 rows read, 25000 screened, 0 rejected/);
    assert.ok(table.stdout.includes('dev…:25001 cam-24999 '), 'the last row is in the table, with its line number whole');
    const csvOut = run('csv');
    assert.equal(csvOut.status, 1, csvOut.stderr);
    assert.ok(csvOut.stdout.split('\n').filter((l) => l.startsWith(`${csv},`)).length >= 25_000);
  });
});
