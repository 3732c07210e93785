import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import { listingPhase } from '../../src/kb/timeline.js';
import type { Profile } from '../../src/model/kb.js';

// The Entity List's Chinese universities and research institutes (a scrape of the list text of
// 2026-03-30), the natural persons among the imported entries, and the MIEU list's Chinese entry.
const engine = bundledEngine();
const kb = engine.kb;
const all = kb.profiles.all as Profile;
const listingsOf = (measure: string) => kb.listings.filter((l) => l.measure === measure);
const activeOn = (measure: string, target: string, date: string) => listingsOf(measure).some((l) => l.target === target && listingPhase(l, date) === 'active');
const elFindings = (name: string, asOf: string) =>
  engine
    .screen(item({ name }), { asOf, profile: all, includeHistorical: false })
    .findings.filter((f) => f.measure.id === 'us-bis-entity-list')
    .map((f) => f.subject.id);

describe('BIS Entity List: universities and research institutes', () => {
  test('the 60 entries of the scrape are listed, each organisation once', () => {
    assert.ok(listingsOf('us-bis-entity-list').length >= 190);
    const institutions = Object.values(kb.organisations).filter((o) => o.file.endsWith('groups/el-research-institutions.yaml'));
    assert.equal(institutions.length, 60);
    for (const o of institutions) assert.ok(listingsOf('us-bis-entity-list').some((l) => l.target === o.id), `${o.id} has an Entity List listing`);
    const listedTwice = new Map<string, number>();
    for (const l of listingsOf('us-bis-entity-list')) listedTwice.set(l.target, (listedTwice.get(l.target) ?? 0) + 1);
    assert.deepEqual([...listedTwice].filter(([, n]) => n > 1), []);
  });
  test('entries the 2023 screening list brought keep their organisation and date, with the aliases the list has since added', () => {
    const nwpu = kb.organisations['northwestern-polytechnical-university']!;
    assert.ok(nwpu.names.some((n) => n.value === '西北工业大学'));
    assert.ok(nwpu.names.some((n) => n.value === 'Northwest Polytechnical University'), 'the CSL alias without its "and"');
    assert.ok(activeOn('us-bis-entity-list', 'national-university-of-defense-technology', '2015-02-18'));
  });
  test('a university is found by its Chinese name and by an alias, from its listing date on', () => {
    assert.deepEqual(elFindings('哈尔滨工业大学', '2020-06-05'), ['harbin-institute-of-technology']);
    assert.deepEqual(elFindings('Harbin Institute of Technology, Shenzhen Research Institute', '2021-01-01'), ['harbin-institute-of-technology']);
    assert.deepEqual(elFindings('哈尔滨工业大学', '2020-06-04'), [], 'not before the rule of 5 June 2020');
    assert.deepEqual(elFindings('Beihang University', '2010-01-01'), ['beijing-university-of-aeronautics-and-astronautics']);
    assert.deepEqual(elFindings('北京航空航天大学', '2010-01-01'), ['beijing-university-of-aeronautics-and-astronautics']);
    assert.deepEqual(elFindings('Zhiyuan Research Institute', '2025-04-01'), ['baai']);
  });
  test('no listing keeps the scrape date: each is dated by the rule that first cites it, or bounded where the rule is undated', () => {
    assert.equal(listingsOf('us-bis-entity-list').filter((l) => l.from === '2026-03-30').length, 0);
    const aircas = listingsOf('us-bis-entity-list').find((l) => l.target === 'cas-aerospace-information-research-institute')!;
    assert.equal(aircas.from, '2025-09-12');
    assert.equal(aircas.dateBasis, undefined);
    assert.ok(aircas.sources.includes('fr-2025-17893'));
    // CAS ICT (87 FR 77505): in force from the rule's effective date, not before.
    assert.equal(activeOn('us-bis-entity-list', 'cas-institute-of-computing-technology', '2022-12-15'), false);
    assert.equal(activeOn('us-bis-entity-list', 'cas-institute-of-computing-technology', '2022-12-16'), true);
    // First cited at 66 FR 24266 (2001), a rule whose dates are not recorded: a bound, not a day.
    const casc1 = listingsOf('us-bis-entity-list').find((l) => l.target === 'casc-1st-academy-first-design-department')!;
    assert.equal(casc1.from, '2001-12-31');
    assert.equal(casc1.dateBasis, 'on-or-before');
  });
  test('secondary-only dates are marked unverified', () => {
    // Once marked unverified because no source read named the rule's "subordinate institute"; a client alert listing
    // the 28 entities of the rule of 9 Oct 2019 names it, and the rule's public inspection copy dates it.
    const xinjiang = listingsOf('us-bis-entity-list').find((l) => l.target === 'xinjiang-police-college')!;
    assert.equal(xinjiang.unverified, undefined);
    assert.equal(xinjiang.from, '2019-10-09');
    assert.ok(xinjiang.sources.includes('vt-lexology-2019-10-el-28-entities'));
    assert.ok(xinjiang.sources.includes('vt-docslib-2019-22210-pi'));
    // Checked since against its Federal Register citation in the July 2026 screening list.
    const tianjin = listingsOf('us-bis-entity-list').find((l) => l.target === 'tianjin-university')!;
    assert.equal(tianjin.unverified, undefined);
    assert.ok(tianjin.sources.includes('staged-csl-2026-07'));
  });
});

describe('imported entries that name people', () => {
  test('natural persons say so in their record', () => {
    const persons = Object.values(kb.organisations).filter((o) => /natural person named on the Entity List/.test(o.note ?? ''));
    assert.ok(persons.length >= 30);
    assert.ok(persons.some((o) => o.id === 'su-bin'));
    assert.ok(!persons.some((o) => o.id === 'dick-kuo'), 'Dick Kuo, Ltd. is a company');
  });
});

describe('BIS MIEU list', () => {
  test('its Chinese entry is recorded and listed from 16 March 2021', () => {
    assert.ok(activeOn('us-bis-mieu', 'intelligence-bureau-of-the-joint-staff-department', '2021-03-16'));
    assert.ok(!activeOn('us-bis-mieu', 'intelligence-bureau-of-the-joint-staff-department', '2021-03-15'));
  });
});
