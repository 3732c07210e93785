import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { compileKnowledgeBase, type DataFile } from '../../src/kb/compile.js';
import { diffKnowledgeBases } from '../../src/kb/diff.js';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { kbStats } from '../../src/cli/commands/kb.js';
import { MacRegistry } from '../../src/match/identifiers/mac.js';
import { Resolver } from '../../src/match/resolver.js';
import { addLibrariesToText, appendProductsToText, planNativeLibraries, readRules } from '../../tools/kb/libchecker-native.js';

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

describe('LibChecker native-library generator', () => {
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
    { category: 'activities-libs', key: 'com.tencent.bugly.BuglyActivity', rule: { label: 'Bugly', team: 'Tencent' } },
  ]
    .map((rule) => JSON.stringify(rule))
    .join('\n');
  const bytedance = withProducts('  - id: pangle-sdk\n    kind: sdk\n    name: Pangle (ByteDance ad network SDK)\n    aliases: [Pangle, 穿山甲]\n    owner: bytedance-ltd\n    nativeLibraries: [libnms.so]\n    sources: [src-a]\n');
  const files = [SOURCES, TENCENT, bytedance];
  const rules = readRules(JSONL);
  const plan = planNativeLibraries(compile(files).kb, rules);

  test('libraries go to the product of their label, to new products, or are reported', () => {
    assert.equal(rules.length, 9, 'component rules are not native libraries');
    assert.deepEqual(Object.fromEntries(plan.additions), { 'bugly-sdk': ['libBugly.so'], 'pangle-sdk': ['libpangleflipped.so'] });
    assert.deepEqual(
      plan.created.map((p) => [p.id, p.group, p.owner, p.name, p.libraries]),
      [
        ['tencent-matrix-sdk', 'tencent', 'tencent-holdings', 'Matrix', ['libmatrix-fd.so', 'libtrace-canary.so']],
        ['tencent-youtu-sdk', 'tencent', 'tencent-holdings', '腾讯优图 SDK', ['libYTCommon.so']],
      ],
    );
    assert.equal(plan.unchanged, 1);
    assert.deepEqual(plan.claimedElsewhere, [{ library: 'libNMS.so', product: 'pangle-sdk', label: 'Hippy' }]);
    assert.deepEqual([...plan.unmappedTeams], [['Google', 1]]);
    assert.deepEqual(plan.notFileNames, ['regex/regex_jpush']);
  });

  test('the edited files validate, resolve the libraries, and a second run changes nothing', () => {
    let tencent = addLibrariesToText(TENCENT.text, 'bugly-sdk', plan.additions.get('bugly-sdk')!);
    assert.ok(tencent);
    tencent = appendProductsToText(tencent, plan.created);
    const pangle = addLibrariesToText(bytedance.text, 'pangle-sdk', plan.additions.get('pangle-sdk')!);
    assert.ok(pangle?.includes('    nativeLibraries: [libnms.so, libpangleflipped.so]\n'));
    assert.ok(tencent.includes('    packages: [com.tencent.bugly]\n    nativeLibraries: [libBugly.so]\n'));
    assert.ok(tencent.includes('    sources: [src-a, grp-libchecker-rules]\n'), 'the extended product cites the rules');

    const edited = [SOURCES, { ...TENCENT, text: tencent }, { ...bytedance, text: pangle! }];
    const { kb, problems } = compile(edited);
    assert.deepEqual(problems, []);
    const resolver = new Resolver(kb, () => new MacRegistry(new Map()));
    assert.equal(resolver.resolve('library', 'libtrace-canary.so').resolutions[0]?.entity.id, 'tencent-matrix-sdk');
    assert.equal(kb.products['tencent-youtu-sdk']?.sources[0], 'grp-libchecker-rules');

    const again = planNativeLibraries(kb, rules);
    assert.deepEqual([again.additions.size, again.created.length, again.unchanged, again.claimedElsewhere.length], [0, 0, 6, 1]);
  });

  test('a team mapped to a group the knowledge base lacks is an error, not a silent skip', () => {
    const baidu = readRules(JSON.stringify({ category: 'native-libs', key: 'libbaiduprotect.so', rule: { label: '百度应用加固', team: 'Baidu' } }));
    assert.throws(() => planNativeLibraries(compile(files).kb, baidu), /team "Baidu": group "baidu"/);
  });
});

describe('bundled native-library signatures', () => {
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
});
