import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { isGenericLibraryName, parseLibraryFileName } from '../../src/match/identifiers/native-library.js';
import type { ScreenOptions } from '../../src/screen/engine.js';
import { bundledEngine, item } from '../helpers.js';

const engine = bundledEngine();
const kb = engine.kb;
const options = (asOf: string): ScreenOptions => ({ asOf, profile: kb.profiles.all!, includeHistorical: false });

describe('native library file names', () => {
  test('the directory and a version suffix are dropped; anything else is not a library name', () => {
    assert.deepEqual(parseLibraryFileName('lib/arm64-v8a/libBugly.so'), { ok: true, value: 'libBugly.so' });
    assert.deepEqual(parseLibraryFileName(' libmmkv.so.1.2.3 '), { ok: true, value: 'libmmkv.so' });
    assert.deepEqual(parseLibraryFileName('C:\\apk\\lib\\x86\\libnesec.so'), { ok: true, value: 'libnesec.so' });
    for (const bad of ['okhttp-4.9.jar', '.so', 'libfoo.so.1a', 'libfoo.so.com']) assert.equal(parseLibraryFileName(bad).ok, false, bad);
  });

  test('short names and names made of generic words are generic; a vendor word is not', () => {
    for (const name of ['libhs.so', 'libpag.so', 'libutility.so', 'libcrashsdk.so', 'libsecuritydevice.so', 'libmp3decoder.so', 'libwind_x86.so']) {
      assert.ok(isGenericLibraryName(name), name);
    }
    for (const name of ['libBugly.so', 'libweexcore.so', 'libpangleflipped.so', 'libjiagu_x86.so', 'libbaiduprotect.so']) {
      assert.ok(!isGenericLibraryName(name), name);
    }
  });
});

describe('resolving a native library', () => {
  test('an SDK library resolves to its product by file name, ignoring case, directory and version', () => {
    const outcome = engine.resolver.resolve('library', 'lib/arm64-v8a/LIBBUGLY.so.1');
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.resolutions.length, 1);
    const [r] = outcome.resolutions;
    assert.deepEqual(r?.entity, { kind: 'product', id: 'bugly-sdk' });
    assert.equal(r?.method, 'native-library');
    assert.equal(r?.confidence, 0.9);
    assert.deepEqual(r?.evidence, { type: 'identifier', input: 'lib/arm64-v8a/LIBBUGLY.so.1', scheme: 'native library', value: 'libBugly.so', exact: true });
  });

  test('a generic library name resolves with less confidence than a Java package of the same SDK', () => {
    const library = engine.resolver.resolve('library', 'libhs.so').resolutions[0];
    const pkg = engine.resolver.resolve('package', 'com.baidu.sofire.ac').resolutions[0];
    assert.equal(library?.entity.id, 'baidu-sdks');
    assert.equal(pkg?.entity.id, 'baidu-sdks');
    assert.equal(library?.confidence, 0.6);
    assert.ok((library?.confidence ?? 1) < (pkg?.confidence ?? 0));
  });

  test('a system or unknown library resolves to nothing; a value that is no file name is an error', () => {
    for (const value of ['libc.so', 'libc++_shared.so', 'libnotasdk.so.2']) {
      const outcome = engine.resolver.resolve('library', value);
      assert.deepEqual(outcome.resolutions, [], value);
      assert.equal(outcome.error, undefined, value);
    }
    assert.match(engine.resolver.resolve('library', 'okhttp').error ?? '', /not a shared-library file name/);
  });

  test('a library reaches the measures of its maker as of the date (software facet)', () => {
    const findingsOf = (library: string, asOf: string) =>
      engine.screen(item({ library }), options(asOf)).findings.map((f) => `${f.measure.id} ${f.state} ${f.subject.id} ${f.kinship} ${f.match.method}`);
    // Pangle is ByteDance Ltd.'s: PAFACA is in force again from 2026-01-22, and did not exist in 2023.
    assert.ok(findingsOf('libpangleflipped.so', '2026-06-01').includes('us-pafaca-2024 in-force bytedance-ltd own-product native-library'));
    assert.ok(!findingsOf('libpangleflipped.so', '2023-06-01').some((f) => f.startsWith('us-pafaca-2024')));
    // Bugly is Tencent's: EO 13943 signed 2020-08-06, effective 2020-09-20.
    assert.ok(findingsOf('libBugly.so', '2020-09-01').includes('us-eo-13943 pending tencent-holdings own-product native-library'));
    assert.deepEqual(findingsOf('libc.so', '2026-06-01'), []);
  });
});
