import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileKnowledgeBase, type DataFile } from '../../src/kb/compile.js';
import { diffKnowledgeBases } from '../../src/kb/diff.js';
import { readDataFiles } from '../../src/kb/files.js';
import { readVersion, VersionError } from '../../src/kb/versions.js';
import { kbStats } from '../../src/cli/commands/kb.js';
import { isImportedFile } from '../../src/kb/model.js';
import { sourceKind } from '../../src/kb/stats.js';
import { FIXTURE_KB_DIR } from '../helpers.js';

const base = () => readDataFiles(FIXTURE_KB_DIR);
const edit = (files: DataFile[], path: string, change: (text: string) => string) => files.map((f) => (f.path.endsWith(path) ? { ...f, text: change(f.text) } : f));
const compile = (files: DataFile[]) => compileKnowledgeBase(files, '0.0.0');

describe('kb diff', () => {
  test('listings ended, renamed and added; organisations and sources added or removed', () => {
    let files = edit(base(), 'measures/xx-list-2.yaml', (t) =>
      t
        .replace('{ target: spunoff, nameAsListed: Spunoff, from: 2019-03-01, sources: [src-b] }', '{ target: spunoff, nameAsListed: Spunoff Ltd, from: 2019-03-01, to: 2024-05-01, sources: [src-b] }')
        .replace(/$/, '  - { target: acme-tech, nameAsListed: ACME TECH, from: 2023-01-01, sources: [src-a] }\n'),
    );
    files = edit(files, 'groups/acme.yaml', (t) => t.replace('[{ value: Acme Device Co. Ltd., kind: legal }]', '[{ value: Acme Device Co. Ltd., kind: legal }, { value: 艾克米设备, kind: legal }]'));
    const diff = diffKnowledgeBases(compile(base()).kb, compile(files).kb);
    const spunoff = diff.entries.find((e) => e.record === 'listing' && e.id === 'xx-list-2 spunoff 2019-03-01');
    assert.deepEqual(spunoff?.details, ['nameAsListed: Spunoff → Spunoff Ltd', 'to: (none) → 2024-05-01']);
    assert.ok(diff.entries.some((e) => e.kind === 'added' && e.id === 'xx-list-2 acme-tech 2023-01-01'));
    assert.ok(diff.entries.some((e) => e.record === 'organisation' && e.kind === 'changed' && e.details.includes('+ name 艾克米设备')));
    assert.deepEqual(diff.counts.listing, { added: 1, removed: 0, changed: 1 });
    assert.notEqual(diff.from.hash, diff.to.hash);
  });
  test('a listing whose start date moved is one changed listing, not a removal and an addition', () => {
    const files = edit(base(), 'measures/xx-list-2.yaml', (t) => t.replace('{ target: spunoff, nameAsListed: Spunoff, from: 2019-03-01,', '{ target: spunoff, nameAsListed: Spunoff, from: 2019-04-01,'));
    const diff = diffKnowledgeBases(compile(base()).kb, compile(files).kb);
    assert.deepEqual(diff.entries.map((e) => [e.kind, e.id, e.details]), [['changed', 'xx-list-2 spunoff 2019-04-01', ['from: 2019-03-01 → 2019-04-01']]]);
  });
  test('identical versions have no differences', () => {
    assert.deepEqual(diffKnowledgeBases(compile(base()).kb, compile(base()).kb).entries, []);
  });
  test('a git revision of the knowledge-base directory is read as it was committed', () => {
    const repo = mkdtempSync(join(tmpdir(), 'covered-diff-'));
    const kbDir = join(repo, 'kb');
    cpSync(FIXTURE_KB_DIR, kbDir, { recursive: true });
    const git = (...args: string[]) => {
      const r = spawnSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: repo, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
    };
    git('init', '-q');
    git('add', 'kb');
    git('commit', '-q', '-m', 'first');
    const measure = join(kbDir, 'measures', 'xx-list-2.yaml');
    writeFileSync(measure, readFileSync(measure, 'utf8').replace('from: 2019-03-01, sources: [src-b]', 'from: 2019-03-01, to: 2025-01-01, sources: [src-b]'));
    const old = readVersion('HEAD', kbDir);
    assert.match(old.label, /^HEAD \([0-9a-f]{12}\)$/);
    assert.deepEqual(old.files.map((f) => f.path).sort(), readDataFiles(kbDir).map((f) => f.path).sort());
    const diff = diffKnowledgeBases(compile(old.files).kb, compile(readDataFiles(kbDir)).kb);
    assert.deepEqual(diff.entries.map((e) => e.details), [['to: (none) → 2025-01-01']]);
    assert.throws(() => readVersion('no-such-revision', kbDir), VersionError);
  });
});

describe('kb validate: the life of a measure, unverified support, orphan products', () => {
  const problems = (files: DataFile[]) => compile(files).problems;
  test('a listing that starts after its measure was revoked is an error', () => {
    const files = edit(base(), 'measures/xx-order-1.yaml', (t) => `${t}  - { target: acme-app, nameAsListed: AcmeChat, from: 2022-01-01, sources: [src-a] }\n`);
    assert.ok(problems(files).some((p) => p.severity === 'error' && p.message === 'listing starts 2022-01-01, after the measure ended (2021-06-09)'));
  });
  test('a listing that ends before its measure began is an error', () => {
    const files = edit(base(), 'measures/xx-list-2.yaml', (t) => t.replace('from: 2019-03-01, to: 2022-01-01', 'from: 2017-03-01, to: 2018-01-01'));
    assert.ok(problems(files).some((p) => p.severity === 'error' && /ends 2018-01-01, before the measure's first dated event/.test(p.message)));
  });
  test('a listing resting only on unverified sources must say so', () => {
    const unverified = compile(base()).kb.sources;
    const weakSource = Object.values(unverified).find((s) => s.unverified)!.id;
    const files = edit(base(), 'measures/xx-list-2.yaml', (t) => t.replace('{ target: spunoff, nameAsListed: Spunoff, from: 2019-03-01, sources: [src-b] }', `{ target: spunoff, nameAsListed: Spunoff, from: 2019-03-01, sources: [${weakSource}] }`));
    assert.ok(problems(files).some((p) => p.severity === 'warning' && /every source of this listing is unverified/.test(p.message)));
    const marked = edit(files, 'measures/xx-list-2.yaml', (t) => t.replace(`sources: [${weakSource}] }`, `sources: [${weakSource}], unverified: true }`));
    assert.ok(!problems(marked).some((p) => /every source of this listing is unverified/.test(p.message)));
  });
  test('a product owned by an organisation of another group file is an orphan', () => {
    const files = [...base(), { path: 'kb/groups/other.yaml', text: 'group: { id: other, name: Other }\nproducts:\n  - { id: stray-app, kind: app, name: Stray, owner: acme-tech, android: [com.stray], sources: [src-a] }\n' }];
    assert.ok(problems(files).some((p) => p.severity === 'warning' && p.message === 'product "stray-app" is owned by "acme-tech" of another group file (kb/groups/acme.yaml)'));
  });
});

describe('kb stats', () => {
  test('listings per measure: active on the date, ended, organisations and products listed', () => {
    const stats = kbStats(compile(base()).kb, '2023-01-01');
    const list2 = stats.perMeasure.find((m) => m.id === 'xx-list-2')!;
    assert.deepEqual([list2.listings, list2.active, list2.ended], [2, 1, 1]);
    assert.equal(stats.listings, stats.perMeasure.reduce((n, m) => n + m.listings, 0));
    assert.equal(stats.measures, 3);
    assert.ok(stats.products.app! >= 1);
  });
  test('unverified shares, overall and of curated records: a generated group file and import-only listings do not dilute the curated share', () => {
    let files = edit(base(), 'groups/acme.yaml', (t) => t.replace('  - id: sister\n    names: [{ value: Sisterco Cloud Ltd., kind: legal }]\n    sources: [src-a]', '  - id: sister\n    names: [{ value: Sisterco Cloud Ltd., kind: legal }]\n    sources: [src-a]\n    unverified: true'));
    files = [
      ...files,
      { path: 'kb/groups/listed-xx-list-2.yaml', text: 'group: { id: listed-xx-list-2, name: Listed }\norganisations:\n' + [1, 2, 3, 4].map((i) => `  - { id: listed-${i}, names: [{ value: Listed Co ${i}, kind: listed }], sources: [import-csl-2026-07-31] }\n`).join('') },
      { path: 'kb/sources/imports.yaml', text: 'sources:\n  - { id: import-csl-2026-07-31, url: "https://data.trade.gov/consolidated_screening_list/v1/consolidated.json", title: CSL, publisher: ITA, date: 2026-07-31 }\n' },
    ];
    files = edit(files, 'measures/xx-list-2.yaml', (t) => t.replace(/$/, '  - { target: listed-1, nameAsListed: Listed Co 1, from: 2020-01-01, sources: [import-csl-2026-07-31] }\n'));
    const { unverifiedShares: shares } = kbStats(compile(files).kb, '2023-01-01');
    assert.deepEqual(shares.overall.organisations, { total: 9, unverified: 1, percent: 11.1 });
    assert.deepEqual(shares.curated.organisations, { total: 5, unverified: 1, percent: 20 });
    assert.equal(shares.overall.listings.total, shares.curated.listings.total + 1);
  });
  test('generated files and kinds of source', () => {
    assert.ok(isImportedFile('data/groups/listed-us-bis-entity-list.yaml'));
    assert.ok(isImportedFile('data/generated/csl/entity-list.yaml'));
    assert.ok(!isImportedFile('data/groups/huawei.yaml'));
    assert.ok(!isImportedFile('data/groups/unlisted-apps.yaml'));
    const kind = (url: string, id = 'x', publisher = 'P') => sourceKind({ id, url, publisher });
    assert.equal(kind('https://www.federalregister.gov/documents/2024/06/24/2024-13532/x'), 'primary-official');
    assert.equal(kind('https://www.govinfo.gov/content/pkg/FR-2025-08-07/html/2025-14970.htm'), 'primary-official');
    assert.equal(kind('https://pib.gov.in/PressReleasePage.aspx?PRID=1635206'), 'primary-official');
    assert.equal(kind('https://www.gov.uk/government/news/x'), 'primary-official');
    assert.equal(kind('https://law.justia.com/cases/federal/appellate-courts/cadc/22-1054/22-1054-2023-08-15.html'), 'court');
    assert.equal(kind('https://en.wikipedia.org/wiki/Huawei'), 'wikipedia');
    assert.equal(kind('https://www.cooley.com/news/insight/2026/x'), 'law-firm');
    assert.equal(kind('https://example.com/alert', 'x', 'Example & Partners LLP'), 'law-firm');
    assert.equal(kind('https://github.com/v2fly/domain-list-community/blob/x/data/huawei'), 'dataset');
    assert.equal(kind('https://data.trade.gov/x', 'import-csl-2026-07-31'), 'dataset');
    assert.equal(kind('https://play.google.com/store/apps/details?id=com.tencent.mm'), 'store');
    assert.equal(kind('https://www.reuters.com/technology/x'), 'secondary-press');
    assert.equal(kind('not a url'), 'secondary-press');
    const { citationsByKind: cited } = kbStats(compile(base()).kb, '2023-01-01');
    assert.equal(cited.sources['secondary-press'], 2, 'example.org is neither official nor a known firm');
    assert.ok(cited.citations['secondary-press'] > cited.sources['secondary-press']);
  });
});
