import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { compileKnowledgeBase, type DataFile } from '../../src/kb/compile.js';
import { diffKnowledgeBases } from '../../src/kb/diff.js';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { kbStats } from '../../src/cli/commands/kb.js';
import { MacRegistry } from '../../src/match/identifiers/mac.js';
import { Resolver } from '../../src/match/resolver.js';
import { addSignaturesToText, appendProductsToText, classPackage, planSignatures, readRules } from '../../tools/kb/libchecker.js';

const SOURCES: DataFile = {
  path: 'kb/sources/test.yaml',
  text: 'sources:\n  - { id: grp-libchecker-rules, url: "https://example.org/rules", title: Rules, publisher: Test, date: 2024-06-12 }\n  - { id: src-a, url: "https://example.org/a", title: A, publisher: Test, date: 2020-01-01 }\n',
};
const TENCENT: DataFile = {
  path: 'kb/groups/tencent.yaml',
  text: `group: { id: tencent, name: Tencent }
organisations:
  - id: tencent-holdings
    names: [{ value: Tencent Holdings Ltd., kind: legal }]
    sources: [src-a]
products:
  - id: bugly-sdk
    kind: sdk
    name: Tencent Bugly
    owner: tencent-holdings
    packages: [com.tencent.bugly]
    sources: [src-a]
`,
};
const BYTEDANCE: DataFile = {
  path: 'kb/groups/bytedance.yaml',
  text: `group: { id: bytedance, name: ByteDance }
organisations:
  - id: bytedance-ltd
    names: [{ value: ByteDance Ltd., kind: legal }]
    sources: [src-a]
relations: []
products: []
`,
};

const compile = (files: DataFile[]) => compileKnowledgeBase(files, '0.0.0');
const errors = (files: DataFile[]) => compile(files).problems.filter((p) => p.severity === 'error');
const withProducts = (yaml: string): DataFile => ({ ...BYTEDANCE, text: BYTEDANCE.text.replace('products: []\n', `products:\n${yaml}`) });
const sdk = (id: string, libraries: string) => `  - { id: ${id}, kind: sdk, name: ${id}, owner: bytedance-ltd, nativeLibraries: ${libraries}, sources: [grp-libchecker-rules] }\n`;

describe('native libraries in the knowledge base', () => {
  test('a product may be identified by its libraries alone', () => {
    const { problems } = compile([SOURCES, TENCENT, withProducts(sdk('pangle-sdk', '[libpangleflipped.so, libnms.so]'))]);
    assert.deepEqual(problems, []);
  });

  test('a library name must be a bare lib….so file name', () => {
    for (const bad of ['Bugly.so', 'libfoo.so.1', 'lib/arm64-v8a/libfoo.so', 'libfoo']) {
      const found = errors([SOURCES, TENCENT, withProducts(sdk('pangle-sdk', `["${bad}"]`))]);
      assert.equal(found.length, 1, bad);
      assert.equal(found[0]?.path, 'products[0].nativeLibraries[0]', bad);
      assert.match(found[0]?.message ?? '', /shared-library file name/, bad);
    }
  });

  test('a library claimed by two products, in any case, is an error naming the first', () => {
    const found = errors([SOURCES, TENCENT, withProducts(sdk('pangle-sdk', '[libnms.so]') + sdk('other-sdk', '[libNMS.so]'))]);
    assert.deepEqual(
      found.map((e) => [e.file, e.path, e.message]),
      [['kb/groups/bytedance.yaml', 'products[1].nativeLibraries[0]', 'native library "libNMS.so" is also claimed by product "pangle-sdk"']],
    );
  });

  test('kb diff and kb stats count libraries', () => {
    const before = compile([SOURCES, TENCENT, withProducts(sdk('pangle-sdk', '[libnms.so]'))]).kb;
    const after = compile([SOURCES, TENCENT, withProducts(sdk('pangle-sdk', '[libnms.so, libpangleflipped.so]'))]).kb;
    assert.deepEqual(diffKnowledgeBases(before, after).entries, [{ kind: 'changed', record: 'product', id: 'pangle-sdk', details: ['+ native library libpangleflipped.so'] }]);
    assert.equal(kbStats(after, '2026-01-01').nativeLibraries, 2);
  });
});

describe('LibChecker generator', () => {
  const JSONL = [
    { category: 'native-libs', key: 'libBugly.so', rule: { label: 'Bugly', team: 'Tencent' } },
    { category: 'native-libs', key: 'libmatrix-fd.so', rule: { label: 'Matrix', team: 'Tencent' } },
    { category: 'native-libs', key: 'libtrace-canary.so', rule: { label: 'Matrix', team: 'Tencent' } },
    { category: 'native-libs', key: 'libYTCommon.so', rule: { label: '腾讯优图 SDK', team: 'Tencent' } },
    { category: 'native-libs', key: 'libpangleflipped.so', rule: { label: 'Pangle SDK', team: 'ByteDance' } },
    { category: 'native-libs', key: 'libnms.so', rule: { label: 'Pangle SDK', team: 'ByteDance' } },
    { category: 'native-libs', key: 'libNMS.so', rule: { label: 'Hippy', team: 'Tencent' } },
    { category: 'native-libs', key: 'libflutter.so', rule: { label: 'Flutter', team: 'Google' } },
    { category: 'native-libs', key: 'regex/regex_jpush', rule: { label: '极光推送', team: 'Tencent' } },
    // A new package on a product that has a packages line, and on one that has none.
    { category: 'activities-libs', key: 'com.tencent.feedback.anr.AnrActivity', rule: { label: 'Bugly', team: 'Tencent' } },
    { category: 'activities-libs', key: 'com.ss.android.downloadlib.activity.TTDelegateActivity', rule: { label: 'Pangle SDK', team: 'ByteDance' } },
    // Already covered: by the label's own product, and by another product's prefix (reported, left there).
    { category: 'activities-libs', key: 'com.tencent.bugly.beta.ui.BetaActivity', rule: { label: 'Bugly', team: 'Tencent' } },
    { category: 'services-libs', key: 'com.tencent.bugly.hippy.HippyService', rule: { label: 'Hippy', team: 'Tencent' } },
    // A new product with libraries and packages; the narrower package comes first in the file and is covered by the broader one.
    { category: 'providers-libs', key: 'com.tencent.matrix.resource.analyzer.AnalyzerProvider', rule: { label: 'Matrix', team: 'Tencent' } },
    { category: 'services-libs', key: 'com.tencent.matrix.resource.CanaryResultService', rule: { label: 'Matrix', team: 'Tencent' } },
    // Not recorded: a package of two segments, a regex rule, a class without package, an unmapped team, a static library.
    { category: 'receivers-libs', key: 'com.tencent.TencentReceiver', rule: { label: '腾讯移动推送', team: 'Tencent' } },
    { category: 'activities-libs', key: 'regex/regex_tinker', rule: { label: 'Tinker', team: 'Tencent' } },
    { category: 'activities-libs', key: 'MainActivity', rule: { label: 'Tinker', team: 'Tencent' } },
    { category: 'activities-libs', key: 'com.google.android.gms.ads.AdActivity', rule: { label: 'AdMob', team: 'Google' } },
    { category: 'static-libs', key: 'com.google.android.trichromelibrary', rule: { label: 'Trichrome', team: 'Tencent' } },
  ]
    .map((rule) => JSON.stringify(rule))
    .join('\n');
  const bytedance = withProducts('  - id: pangle-sdk\n    kind: sdk\n    name: Pangle (ByteDance ad network SDK)\n    aliases: [Pangle, 穿山甲]\n    owner: bytedance-ltd\n    nativeLibraries: [libnms.so]\n    sources: [src-a]\n');
  const files = [SOURCES, TENCENT, bytedance];
  const rules = readRules(JSONL);
  const plan = planSignatures(compile(files).kb, rules);

  test('a component class gives its package; a regex rule or a bare class name gives none', () => {
    assert.equal(classPackage('com.tencent.tauth.AuthActivity'), 'com.tencent.tauth');
    assert.equal(classPackage('regex/regex_tinker'), undefined);
    assert.equal(classPackage('MainActivity'), undefined);
  });

  test('libraries and packages go to the product of their label, to new products, or are reported', () => {
    assert.deepEqual(
      rules.map((r) => r.kind),
      [...Array<string>(9).fill('nativeLibraries'), ...Array<string>(10).fill('packages')],
      'static libraries are neither',
    );
    assert.deepEqual(Object.fromEntries(plan.additions), {
      'bugly-sdk': { nativeLibraries: ['libBugly.so'], packages: ['com.tencent.feedback.anr'] },
      'pangle-sdk': { nativeLibraries: ['libpangleflipped.so'], packages: ['com.ss.android.downloadlib.activity'] },
    });
    assert.deepEqual(
      plan.created.map((p) => [p.id, p.group, p.owner, p.name, p.nativeLibraries, p.packages]),
      [
        ['tencent-matrix-sdk', 'tencent', 'tencent-holdings', 'Matrix', ['libmatrix-fd.so', 'libtrace-canary.so'], ['com.tencent.matrix.resource']],
        ['tencent-youtu-sdk', 'tencent', 'tencent-holdings', '腾讯优图 SDK', ['libYTCommon.so'], []],
      ],
    );
    assert.deepEqual(plan.unchanged, { nativeLibraries: 1, packages: 2 });
    assert.deepEqual(plan.claimedElsewhere, [
      { kind: 'nativeLibraries', value: 'libNMS.so', product: 'pangle-sdk', label: 'Hippy' },
      { kind: 'packages', value: 'com.tencent.bugly.hippy', product: 'bugly-sdk', label: 'Hippy' },
    ]);
    assert.deepEqual(plan.tooBroad, [{ package: 'com.tencent', key: 'com.tencent.TencentReceiver', label: '腾讯移动推送' }]);
    assert.deepEqual([...plan.unmappedTeams], [['Google', 2]]);
    assert.deepEqual(plan.notNames, ['regex/regex_jpush', 'regex/regex_tinker', 'MainActivity']);
  });

  test('the edited files validate, resolve the libraries and packages, and a second run changes nothing', () => {
    let tencent = addSignaturesToText(TENCENT.text, 'bugly-sdk', plan.additions.get('bugly-sdk')!);
    assert.ok(tencent);
    tencent = appendProductsToText(tencent, plan.created);
    const pangle = addSignaturesToText(bytedance.text, 'pangle-sdk', plan.additions.get('pangle-sdk')!);
    assert.ok(pangle?.includes('    owner: bytedance-ltd\n    packages: [com.ss.android.downloadlib.activity]\n    nativeLibraries: [libnms.so, libpangleflipped.so]\n'));
    assert.ok(tencent.includes('    packages: [com.tencent.bugly, com.tencent.feedback.anr]\n    nativeLibraries: [libBugly.so]\n'));
    assert.ok(tencent.includes('    sources: [src-a, grp-libchecker-rules]\n'), 'the extended product cites the rules');
    assert.ok(tencent.includes('    owner: tencent-holdings\n    nativeLibraries: [libmatrix-fd.so, libtrace-canary.so]\n    packages: [com.tencent.matrix.resource]\n'));

    const edited = [SOURCES, { ...TENCENT, text: tencent }, { ...bytedance, text: pangle! }];
    const { kb, problems } = compile(edited);
    assert.deepEqual(problems, []);
    const resolver = new Resolver(kb, () => new MacRegistry(new Map()));
    assert.equal(resolver.resolve('library', 'libtrace-canary.so').resolutions[0]?.entity.id, 'tencent-matrix-sdk');
    const component = resolver.resolve('package', 'com.tencent.matrix.resource.analyzer.AnalyzerProvider').resolutions;
    assert.deepEqual(component.map((r) => [r.entity.id, r.method]), [['tencent-matrix-sdk', 'sdk-package']]);
    assert.equal(resolver.resolve('package', 'com.tencent.feedback.anr.AnrActivity').resolutions[0]?.entity.id, 'bugly-sdk');
    assert.equal(kb.products['tencent-youtu-sdk']?.sources[0], 'grp-libchecker-rules');

    const again = planSignatures(kb, rules);
    assert.deepEqual(
      [again.additions.size, again.created.length, again.unchanged, again.claimedElsewhere.length],
      [0, 0, { nativeLibraries: 6, packages: 5 }, 2],
    );
  });

  test('a list written over several lines, or a product without a block of its own, is left to be edited by hand', () => {
    const multiline = TENCENT.text.replace('    packages: [com.tencent.bugly]\n', '    packages:\n      - com.tencent.bugly\n');
    assert.equal(addSignaturesToText(multiline, 'bugly-sdk', { packages: ['com.tencent.feedback.anr'] }), undefined);
    assert.equal(addSignaturesToText(multiline, 'bugly-sdk', { nativeLibraries: ['libBugly.so'] })?.includes('    nativeLibraries: [libBugly.so]\n'), true);
    assert.equal(addSignaturesToText(TENCENT.text, 'no-such-sdk', { packages: ['com.example.sdk'] }), undefined);
  });

  test('a team mapped to a group the knowledge base lacks is an error, not a silent skip', () => {
    const baidu = readRules(JSON.stringify({ category: 'services-libs', key: 'com.baidu.protect.ProtectService', rule: { label: '百度应用加固', team: 'Baidu' } }));
    assert.throws(() => planSignatures(compile(files).kb, baidu), /team "Baidu": group "baidu"/);
  });
});

describe('bundled LibChecker signatures', () => {
  const kb = loadKnowledgeBase();
  const products = Object.values(kb.products).filter((p) => p.nativeLibraries.length > 0);

  test('the LibChecker libraries of Chinese SDK vendors are there (floors)', () => {
    const libraries = products.reduce((n, p) => n + p.nativeLibraries.length, 0);
    assert.ok(libraries >= 301, `only ${libraries} native libraries`);
    assert.ok(products.length >= 105, `only ${products.length} products with native libraries`);
    const groups = new Set(products.map((p) => p.group));
    for (const group of ['tencent', 'alibaba', 'baidu', 'bytedance', 'huawei', 'xiaomi', 'netease', 'kuaishou', 'aurora-mobile', 'iflytek']) {
      assert.ok(groups.has(group), `no native libraries in group ${group}`);
    }
    assert.ok(kb.products['bugly-sdk']?.nativeLibraries.includes('libBugly.so'));
    assert.ok(kb.products['pangle-sdk']?.nativeLibraries.includes('libpangleflipped.so'));
    assert.ok(kb.products['tencent-matrix-sdk']?.nativeLibraries.length === 17);
  });

  test('every product with native libraries cites the rules they came from', () => {
    for (const p of products) assert.ok(p.sources.includes('grp-libchecker-rules'), p.id);
  });

  test('the packages of LibChecker component rules are there (floors)', () => {
    const cited = Object.values(kb.products).filter((p) => p.sources.includes('grp-libchecker-rules') && p.packages.length > 0);
    const packages = cited.reduce((n, p) => n + p.packages.length, 0);
    assert.ok(packages >= 165, `only ${packages} packages on products citing the rules`);
    assert.ok(cited.length >= 59, `only ${cited.length} products citing the rules have packages`);
    assert.ok(kb.products['tencent-open-platform-sdk']?.packages.includes('com.tencent.tauth'));
    assert.ok(kb.products['tencent-matrix-sdk']?.packages.includes('com.tencent.matrix.resource'), 'a product may have libraries and packages');
  });

  test('a component class named by a rule resolves to its SDK by its package', () => {
    const resolver = new Resolver(kb, () => new MacRegistry(new Map()));
    const outcome = resolver.resolve('package', 'com.tencent.tauth.AuthActivity');
    assert.deepEqual(
      outcome.resolutions.map((r) => [r.entity.id, r.method, r.evidence]),
      [['tencent-open-platform-sdk', 'sdk-package', { type: 'identifier', input: 'com.tencent.tauth.AuthActivity', scheme: 'java package', value: 'com.tencent.tauth.AuthActivity', matchedPrefix: 'com.tencent.tauth', exact: false }]],
    );
  });
});
