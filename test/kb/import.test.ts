import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport, lookupFormat, type ImportRequest } from '../../src/cli/commands/kb-import.js';
import { compileDataDir } from '../../src/kb/files.js';
import { writeFilesAtomically } from '../../src/kb/store.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const BASE = new URL('../fixtures/kb/import/base/', import.meta.url).pathname;
const LISTS = new URL('../fixtures/kb/import/lists/', import.meta.url).pathname;

/** A fresh copy of the small import knowledge base, in its own directory named `kb`. */
function freshKb(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'covered-import-')), 'kb');
  cpSync(BASE, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of readdirSync(dir)) for (const f of readdirSync(join(dir, sub))) out[`${sub}/${f}`] = readFileSync(join(dir, sub, f), 'utf8');
  return out;
}

const request = (kbDir: string, format: string, file: string, date: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  kbDir,
  format: lookupFormat(format),
  file: LISTS + file,
  date,
  partial: false,
  dryRun: false,
  ...extra,
});

const kinds = (changes: { kind: string; target?: string; id?: string; description?: string }[]) => changes.map((c) => `${c.kind} ${c.target ?? c.id ?? c.description}`).sort();

describe('kb import', () => {
  test('OFAC NS-CMIC: additions, a removal, new organisations, hand-written notes kept', () => {
    const dir = freshKb();
    const run = runImport(request(dir, 'ofac-non-sdn', 'ofac/cons_prim.csv', '2025-12-19'));
    assert.ok(run.written);
    assert.deepEqual(kinds(run.plan.changes), [
      'added heron-microelectronics',
      'added osprey-avionics',
      'organisation heron-microelectronics',
      'organisation osprey-avionics',
      'removed bluefin-tech',
    ]);
    assert.equal(run.plan.unchanged, 1);
    assert.ok(run.problems.some((p) => /ISIN CNE10000BFT6 .* left out: .*check digit/.test(p.message)), 'a bad ISIN is reported, not written');

    const { kb, problems } = compileDataDir(dir);
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
    const listing = (target: string) => kb.listings.filter((l) => l.measure === 'us-ofac-ns-cmic' && l.target === target);
    assert.equal(listing('bluefin-tech')[0]?.to, '2025-12-19', 'a company the list no longer carries ends on the list date');
    assert.equal(listing('redwood-dynamics')[0]?.note, 'Hand-written note that an import must keep.');
    assert.equal(listing('heron-microelectronics')[0]?.from, '2021-12-10');
    const osprey = kb.organisations['osprey-avionics']!;
    assert.equal(osprey.file, 'kb/groups/listed-us-ofac-ns-cmic.yaml');
    assert.deepEqual(osprey.identifiers.map((i) => i.value), ['CNE10000BFT5']);
    assert.ok(osprey.names.some((n) => n.value === 'Osprey Avionics Sociedad Anónima'));
    assert.equal(kb.sources['import-ofac-non-sdn-2025-12-19']?.date, '2025-12-19');
    assert.match(kb.sources['import-ofac-non-sdn-2025-12-19']?.note ?? '', /sha256 [0-9a-f]{64}/);
  });

  test('importing the same file twice changes nothing the second time', () => {
    const dir = freshKb();
    for (const [format, file, date] of [
      ['ofac-non-sdn', 'ofac/cons_prim.csv', '2025-12-19'],
      ['fcc-covered-list', 'fcc.csv', '2026-08-20'],
      ['dod-1260h', 'dod-1260h.csv', '2026-06-08'],
      ['ndaa', 'ndaa.csv', '2023-12-22'],
      ['csl-json', 'csl.json', '2025-06-01'],
    ] as const) {
      runImport(request(dir, format, file, date));
      const before = snapshot(dir);
      const again = runImport(request(dir, format, file, date));
      assert.deepEqual(again.plan.changes.filter((c) => c.kind !== 'category'), [], `${format}: no changes`);
      assert.equal(again.written, false);
      assert.deepEqual(snapshot(dir), before, `${format}: files byte-identical`);
    }
  });

  test('a later edition: renamed, dates changed, re-listed; parents become relations', () => {
    const dir = freshKb();
    const run = runImport(request(dir, 'dod-1260h', 'dod-1260h.csv', '2026-06-08'));
    assert.deepEqual(kinds(run.plan.changes), [
      'added osprey-avionics',
      'added redwood-dynamics',
      'added redwood-dynamics',
      'organisation osprey-avionics',
    ]);
    const edited = join(dir, '..', 'edition.csv');
    writeFileSync(edited, readFileSync(LISTS + 'dod-1260h.csv', 'utf8').replace('"Redwood Holding Group Co., Ltd. (Redwood Holding)*","Redwood Holding Group Co., Ltd.",Redwood Holding,,,,2021-06-03,,', '"Redwood Holding Group Co., Ltd. (RHG)","Redwood Holding Group Co., Ltd.",RHG,,,,2021-06-03,2026-06-08,'));
    const next = runImport({ ...request(dir, 'dod-1260h', 'x', '2026-06-08'), file: edited });
    assert.deepEqual(next.plan.changes.map((c) => c.kind).sort(), ['dates', 'renamed']);
    const renamed = next.plan.changes.find((c) => c.kind === 'renamed');
    assert.deepEqual(renamed && 'after' in renamed ? [renamed.before, renamed.after] : [], ['Redwood Holding Group Co., Ltd. (Redwood Holding)', 'Redwood Holding Group Co., Ltd. (RHG)']);
    const { kb } = compileDataDir(dir);
    const redwood = kb.listings.filter((l) => l.measure === 'us-dod-1260h' && l.target === 'redwood-dynamics').map((l) => [l.from, l.to]);
    assert.deepEqual(redwood, [['2022-10-05', '2024-01-31'], ['2025-01-07', undefined]]);
    assert.ok(kb.relations.some((r) => r.subject === 'redwood-holding' && r.predicate === 'controls' && r.object === 'osprey-avionics'));
  });

  test('FCC: entity entries resolve by name without legal form; unknown category entries are reported', () => {
    const dir = freshKb();
    const run = runImport(request(dir, 'fcc-covered-list', 'fcc.csv', '2026-08-20'));
    assert.deepEqual(kinds(run.plan.changes), ['added kestrel-networks', 'added kestrel-telecom-americas', 'added redwood-dynamics', 'category Foreign-produced power inverters']);
    const { kb } = compileDataDir(dir);
    const redwood = kb.listings.find((l) => l.measure === 'us-fcc-covered-list' && l.target === 'redwood-dynamics');
    assert.match(redwood?.scope ?? '', /^To the extent used for public safety/);
    assert.equal(run.problems.length, 1);
  });

  test('--partial keeps listings the file does not carry; the CSL is imported whole', () => {
    const dir = freshKb();
    const partial = runImport(request(dir, 'ofac-non-sdn', 'ofac/cons_prim.csv', '2025-12-19', { partial: true }));
    assert.ok(!partial.plan.changes.some((c) => c.kind === 'removed'));
    assert.throws(() => runImport(request(freshKb(), 'csl-csv', 'csl.csv', '2025-06-01', { partial: true })), /imported whole/);
    assert.throws(() => runImport(request(freshKb(), 'csl-csv', 'csl.csv', '2025-06-01', { countries: ['CN'] })), /imported whole/);
  });

  test('a dry run reports and writes nothing', () => {
    const dir = freshKb();
    const before = snapshot(dir);
    const run = runImport(request(dir, 'ndaa', 'ndaa.csv', '2023-12-22', { dryRun: true }));
    assert.equal(run.plan.changes.length, 2);
    assert.equal(run.written, false);
    assert.deepEqual(snapshot(dir), before);
  });

  test('an import that would leave an invalid knowledge base is refused and nothing is written', () => {
    const dir = freshKb();
    // Two listing periods of one company; the file says it was listed throughout, which would overlap the second.
    const measure = join(dir, 'measures', 'us-dod-1260h.yaml');
    writeFileSync(measure, readFileSync(measure, 'utf8').replace('    from: 2021-06-03\n', '    from: 2021-06-03\n    to: 2022-01-01\n') + '  - target: redwood-holding\n    nameAsListed: Redwood Holding\n    from: 2023-01-01\n    sources: [src-list]\n');
    const before = snapshot(dir);
    const run = runImport(request(dir, 'dod-1260h', 'dod-1260h.csv', '2026-06-08'));
    assert.ok(run.refused.some((e) => /overlaps/.test(e.message)));
    assert.equal(run.written, false);
    assert.deepEqual(snapshot(dir), before);
  });

  test('a write that fails midway leaves the last good knowledge base and no staging copy', () => {
    const dir = freshKb();
    const before = snapshot(dir);
    assert.throws(() => writeFilesAtomically(dir, [
      { path: 'kb/sources/test.yaml', text: 'sources: []\n' },
      { path: 'kb/groups', text: 'a directory cannot be written as a file' },
    ]));
    assert.deepEqual(snapshot(dir), before);
    assert.deepEqual(readdirSync(join(dir, '..')), ['kb']);
    writeFilesAtomically(dir, [{ path: 'kb/sources/test.yaml', text: 'sources: []\n' }]);
    assert.equal(readFileSync(join(dir, 'sources', 'test.yaml'), 'utf8'), 'sources: []\n');
    assert.deepEqual(readdirSync(join(dir, '..')), ['kb']);
  });
});

describe('covered kb import (command line)', () => {
  const covered = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  test('a report of the changes, in text and JSON; exit 1 when rows could not be imported', () => {
    const dir = freshKb();
    const text = covered(['kb', 'import', 'ofac-non-sdn', `${LISTS}ofac/cons_prim.csv`, '--kb', dir, '--date', '2025-12-19', '--dry-run']);
    assert.equal(text.status, 1, text.stderr);
    assert.match(text.stdout, /\+ added {5}us-ofac-ns-cmic {2}osprey-avionics {2}"OSPREY AVIONICS CORPORATION" from 2021-12-17/);
    assert.match(text.stdout, /- removed {3}us-ofac-ns-cmic {2}bluefin-tech {2}listed until 2025-12-19/);
    assert.match(text.stdout, /2 added, 1 removed, 0 renamed, 0 with dates changed, 1 unchanged; 2 new organisations/);
    assert.match(text.stdout, /cons_prim line 5: problem: not an OFAC entry/);
    assert.match(text.stdout, /dry run: 3 file\(s\) would change/);
    const json = covered(['kb', 'import', 'ndaa', `${LISTS}ndaa.csv`, '--kb', dir, '--date', '2023-12-22', '--format', 'json']);
    assert.equal(json.status, 0, json.stderr);
    const out = JSON.parse(json.stdout) as { summary: Record<string, number>; written: boolean; source: string; files: string[] };
    assert.equal(out.summary.added, 2);
    assert.equal(out.written, true);
    assert.equal(out.source, 'import-ndaa-2023-12-22');
    assert.deepEqual(out.files.sort(), ['kb/measures/us-ndaa-889.yaml', 'kb/sources/imports.yaml']);
  });

  test('usage and input errors exit 2 with a message and no stack trace', () => {
    const dir = freshKb();
    for (const args of [
      ['kb', 'import', 'pdf', `${LISTS}ndaa.csv`, '--kb', dir],
      ['kb', 'import', 'ndaa', `${LISTS}missing.csv`, '--kb', dir],
      ['kb', 'import', 'csl-json', `${LISTS}ndaa.csv`, '--kb', dir],
      ['kb', 'import', 'ndaa', `${LISTS}ndaa.csv`, '--kb', dir, '--date', '2023-02-30'],
    ]) {
      const r = covered(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    assert.ok(!existsSync(join(dir, 'sources', 'imports.yaml')));
  });
});
