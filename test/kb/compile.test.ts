import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { compileKnowledgeBase, type DataFile } from '../../src/kb/compile.js';
import { readDataFiles } from '../../src/kb/files.js';
import { FIXTURE_KB_DIR } from '../helpers.js';

const base = () => readDataFiles(FIXTURE_KB_DIR);
const replace = (files: DataFile[], path: string, edit: (text: string) => string) =>
  files.map((f) => (f.path.endsWith(path) ? { ...f, text: edit(f.text) } : f));
const errors = (files: DataFile[]) => compileKnowledgeBase(files, '0.0.0').problems.filter((p) => p.severity === 'error');

describe('kb validate', () => {
  test('the test knowledge base is valid', () => {
    assert.deepEqual(errors(base()), []);
  });
  test('a record without sources is reported with its file and path', () => {
    const files = replace(base(), 'groups/acme.yaml', (t) => t.replace('    names: [{ value: Acme Device Co. Ltd., kind: legal }]\n    sources: [src-a]', '    names: [{ value: Acme Device Co. Ltd., kind: legal }]\n    sources: []'));
    const [e] = errors(files);
    assert.equal(e?.file, 'kb/groups/acme.yaml');
    assert.equal(e?.path, 'organisations[2].sources');
    assert.match(e?.message ?? '', /at least one source/);
  });
  test('an unknown source id is a dangling reference', () => {
    const files = replace(base(), 'measures/xx-list-2.yaml', (t) => t.replace('sources: [src-b]', 'sources: [src-missing]'));
    assert.ok(errors(files).some((e) => e.message === 'unknown source "src-missing"' && e.path.startsWith('listings[')));
  });
  test('a listing of an unknown organisation is a dangling reference', () => {
    const files = replace(base(), 'measures/xx-invest-3.yaml', (t) => t.replace('target: sister', 'target: nobody'));
    assert.ok(errors(files).some((e) => e.message === 'unknown organisation or product "nobody"'));
  });
  test('duplicate ids are reported with both files', () => {
    const files = [...base(), { path: 'kb/groups/dup.yaml', text: 'group: { id: dup, name: Dup }\norganisations:\n  - id: acme-tech\n    names: [{ value: Other }]\n    sources: [src-a]\n' }];
    assert.ok(errors(files).some((e) => /duplicate id "acme-tech" \(also in kb\/groups\/acme.yaml\)/.test(e.message)));
  });
  test('overlapping listings of one target in one measure are reported', () => {
    const files = replace(base(), 'measures/xx-invest-3.yaml', (t) => `${t}  - { target: sister, nameAsListed: SISTER AGAIN, from: 2021-01-01, sources: [src-a] }\n`);
    assert.ok(errors(files).some((e) => /overlaps/.test(e.message)));
  });
  test('dates out of order, bad check digits and broken regular expressions are errors', () => {
    let files = replace(base(), 'measures/xx-order-1.yaml', (t) => t.replace('date: 2021-06-09', 'date: 2020-01-01'));
    assert.ok(errors(files).some((e) => /timeline out of order/.test(e.message)));
    files = replace(base(), 'groups/acme.yaml', (t) => t.replace('US0378331005', 'US0378331006'));
    assert.ok(errors(files).some((e) => e.path === 'organisations[0].identifiers[0].value' && /check digit/.test(e.message)));
    files = replace(base(), 'groups/acme.yaml', (t) => t.replace('AC-\\\\d{3}', 'AC-(\\\\d'));
    assert.ok(errors(files).some((e) => /not a valid regular expression/.test(e.message)));
  });
  test('changes of reach must be in date order and sourced', () => {
    const changes = (a: string, b: string, src = 'src-a') =>
      replace(base(), 'measures/xx-list-2.yaml', (t) =>
        t.replace('  extent: listed\n', `  extent: listed\n  extentChanges:\n    - { from: ${a}, extent: subsidiaries, note: first, sources: [${src}] }\n    - { from: ${b}, extent: affiliates, note: second, sources: [src-a] }\n`),
      );
    assert.deepEqual(errors(changes('2021-01-01', '2022-01-01')), []);
    assert.ok(errors(changes('2022-01-01', '2021-01-01')).some((e) => e.path === 'measure.extentChanges[1].from' && /out of order/.test(e.message)));
    assert.ok(errors(changes('2021-01-01', '2022-01-01', 'src-missing')).some((e) => e.message === 'unknown source "src-missing"'));
  });
  test('YAML syntax errors name the line', () => {
    const files = replace(base(), 'profiles/profiles.yaml', (t) => `${t}  - id: [unclosed\n`);
    assert.ok(errors(files).some((e) => e.file.endsWith('profiles.yaml') && /^line \d+/.test(e.path)));
  });
  test('the hash changes with the content, and an "all" profile is always there', () => {
    const a = compileKnowledgeBase(base(), '0.0.0').kb;
    const b = compileKnowledgeBase(replace(base(), 'sources/test.yaml', (t) => t.replace('Test source A', 'Test source A2')), '0.0.0').kb;
    assert.notEqual(a.hash, b.hash);
    assert.deepEqual(Object.keys(a.profiles.all?.measures ?? {}).sort(), ['xx-invest-3', 'xx-list-2', 'xx-order-1']);
  });
});
