/**
 * Dates of Entity List rules in data/sources/federal-register-rules.yaml that were checked again
 * in December 2026, and how the Consolidated Screening List import dates the entries citing them.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { dateEntry, ruleTable } from '../../src/kb/import/federal-register.js';

const kb = loadKnowledgeBase();
const rule = (id: string) => {
  const s = kb.sources[id];
  assert.ok(s?.federalRegister, `source ${id} records a Federal Register rule`);
  return { ...s, fr: s.federalRegister };
};
const table = ruleTable(kb.sources);
const LIST_DATE = '2026-07-31';

describe('Entity List rule dates', () => {
  test('89 FR 68548 (FR Doc. 2024-19130): published and effective 2024-08-27, not 2024-08-23', () => {
    const r = rule('fr-89-68548');
    assert.equal(r.fr.document, '2024-19130');
    assert.equal(r.fr.published, '2024-08-27');
    assert.equal(r.fr.effective, '2024-08-27');
    const d = dateEntry('89 FR 68548', table, LIST_DATE);
    assert.deepEqual([d.from, d.basis, d.source], ['2024-08-27', 'effective', 'fr-89-68548']);
  });

  test('87 FR 75174 (FR Doc. 2022-26622): published 2022-12-08, so entries on page 75173 are bounded by that day', () => {
    const r = rule('fr-87-75174');
    assert.equal(r.fr.document, '2022-26622');
    assert.equal(r.fr.published, '2022-12-08');
    const d = dateEntry('87 FR 75173', table, LIST_DATE);
    assert.deepEqual([d.from, d.basis], ['2022-12-08', 'on-or-before']);
  });

  test('86 FR 60760 (FR Doc. 2021-24123, NSO Group and others): confirmed, effective 2021-11-04', () => {
    const r = rule('fr-86-60760');
    assert.equal(r.fr.document, '2021-24123');
    assert.equal(r.fr.published, '2021-11-04');
    assert.equal(r.fr.effective, '2021-11-04');
    assert.notEqual(r.unverified, true);
  });

  test('85 FR 52898 (South China Sea additions): published and effective 2020-08-27, not the announcement day', () => {
    const r = rule('fr-85-52898');
    assert.equal(r.fr.published, '2020-08-27');
    assert.equal(r.fr.effective, '2020-08-27');
    assert.equal(r.unverified, true);
    const d = dateEntry('85 FR 52901', table, LIST_DATE);
    assert.deepEqual([d.from, d.basis, d.source], ['2020-08-27', 'effective', 'fr-85-52898']);
    const listed = kb.listings.filter((l) => l.sources.includes('fr-85-52898'));
    assert.equal(listed.length, 59);
    assert.deepEqual([...new Set(listed.map((l) => l.from))], ['2020-08-27']);
  });

  test('88 FR 38739 (FR Doc. 2023-12726): begins on page 38739, published 2023-06-14, effective 2023-06-12, confirmed', () => {
    const r = rule('fr-88-38741');
    assert.equal(r.fr.document, '2023-12726');
    assert.equal(r.fr.firstPage, 38739);
    assert.equal(r.fr.published, '2023-06-14');
    assert.equal(r.fr.effective, '2023-06-12');
    assert.notEqual(r.unverified, true);
    const d = dateEntry('88 FR 38741', table, LIST_DATE);
    assert.deepEqual([d.from, d.basis, d.source], ['2023-06-12', 'effective', 'fr-88-38741']);
  });

  test('89 FR 14388 (FR Doc. 2024-03969): published 2024-02-27, effective date still from press accounts', () => {
    const r = rule('fr-89-14388');
    assert.equal(r.fr.document, '2024-03969');
    assert.equal(r.fr.published, '2024-02-27');
    assert.equal(r.fr.effective, '2024-02-23');
    assert.equal(r.unverified, true);
  });
});
