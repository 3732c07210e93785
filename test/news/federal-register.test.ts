import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { detectFederalRegister, readFederalRegister, splitEntityCell } from '../../src/news/federal-register.js';
import { watchOfficialDocument } from '../../src/news/watch.js';
import { news } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/news/federal-register/${name}`, import.meta.url), 'utf8');
const read = (name: string) => {
  const body = fixture(name);
  const form = detectFederalRegister(body, name);
  assert.ok(form, `${name} is read as a Federal Register document`);
  return readFederalRegister(body, form);
};

describe('Federal Register documents', () => {
  test('each form is recognised; ordinary news is not', () => {
    assert.equal(detectFederalRegister(fixture('2023-02130.xml')), 'xml');
    assert.equal(detectFederalRegister(fixture('2023-02130.json')), 'json');
    assert.equal(detectFederalRegister(fixture('2023-02130.govinfo.txt')), 'text');
    assert.equal(detectFederalRegister('US adds Chinese firms to the Entity List\n\nThe Commerce Department said on Friday …'), undefined);
    assert.equal(detectFederalRegister('FCC adds Kaspersky to its list\n\nThe rule (see https://www.federalregister.gov/d/2022-06563) said …'), undefined, 'a link to a document is not the document');
  });

  test('the govinfo text gives the citation, pages, dates and subject', () => {
    const d = read('2023-02130.govinfo.txt');
    assert.equal(d.documentNumber, '2023-02130');
    assert.equal(d.citation, '88 FR 6621');
    assert.deepEqual([d.firstPage, d.lastPage], [6621, 6624]);
    assert.equal(d.published, '2023-02-01');
    assert.equal(d.effective, '2023-01-31');
    assert.equal(d.title, 'Additions to the Entity List');
    assert.deepEqual(d.agencies, ['Bureau of Industry and Security', 'Department of Commerce']);
  });

  test('the federalregister.gov JSON gives the same facts', () => {
    const d = read('2023-02130.json');
    assert.equal(d.citation, '88 FR 6621');
    assert.equal(d.published, '2023-02-01');
    assert.equal(d.effective, '2023-01-31');
    assert.equal(d.url, 'https://www.federalregister.gov/documents/2023/02/01/2023-02130/additions-to-the-entity-list');
    assert.deepEqual(d.changes, [], 'metadata alone names no party');
  });

  test('the XML supplement gives each added party with its aliases, licence terms, citation and date', () => {
    const d = read('2023-02130.xml');
    assert.equal(d.changes.length, 7);
    assert.ok(d.changes.every((c) => c.list === 'us-bis-entity-list' && c.change === 'add' && c.country === 'IRAN' && c.effective === '2023-01-31'));
    const dama = d.changes.find((c) => c.name === 'Design and Manufacturing of Aircraft Engines (DAMA)');
    assert.ok(dama);
    assert.deepEqual(dama.aliases, ['DAMA', 'Design and Manufacturing of Aero-Engine Company', 'Iranian Turbine Manufacturing Industries', 'Turbine Engine Manufacturing Co.']);
    assert.match(dama.licencePolicy ?? '', /^Policy of denial for all items subject to the EAR apart from food and medicine/);
    assert.match(dama.licenceRequirement ?? '', /^For All Items Subject to the EAR/);
    assert.equal(dama.citation, '88 FR 6622, 2/1/2023');
    assert.equal(d.volume, 88);
    assert.equal(d.published, '2023-02-01', 'the date the entries cite');
    assert.equal(d.documentNumber, '2023-02130');
  });

  test('an entity cell splits into name, aliases and address', () => {
    assert.deepEqual(splitEntityCell('Huawei Technologies Co., Ltd., Bantian, Longgang District, Shenzhen, 518129, China.'), {
      name: 'Huawei Technologies Co., Ltd.',
      aliases: [],
      address: 'Bantian, Longgang District, Shenzhen, 518129, China',
    });
    assert.deepEqual(splitEntityCell('Beijing Example Technology Co., Ltd., a.k.a., the following two aliases: —Example Tech; and —BET. Room 101, No. 1 Example Road, Haidian District, Beijing, China.'), {
      name: 'Beijing Example Technology Co., Ltd.',
      aliases: ['Example Tech', 'BET'],
      address: 'Room 101, No. 1 Example Road, Haidian District, Beijing, China',
    });
  });

  test('removals are read from the amendatory instruction', () => {
    const text = [
      'Removal of an Entity From the Entity List',
      'AGENCY: Bureau of Industry and Security, Commerce.',
      'ACTION: Final rule.',
      'DATES: This rule is effective March 4, 2024.',
      '[FR Doc. 2024-00001 Filed 3-1-24; 8:45 am]',
      '3. Supplement No. 4 to part 744 is amended by removing under CHINA, PEOPLE\'S REPUBLIC OF, the entity "Huawei Technologies Co., Ltd."',
    ].join('\n');
    const d = readFederalRegister(text, detectFederalRegister(text)!);
    assert.deepEqual(d.changes.map((c) => [c.change, c.name, c.country, c.effective]), [['remove', 'Huawei Technologies Co., Ltd.', "CHINA, PEOPLE'S REPUBLIC OF", '2024-03-04']]);
  });

  test('an OFAC notice gives each blocked entity with its programme tags and date (constructed in the notices\' layout)', () => {
    const text = [
      'Notice of OFAC Sanctions Actions',
      'AGENCY: Office of Foreign Assets Control, Treasury.',
      'ACTION: Notice.',
      '[FR Doc. 2021-99999 Filed 6-8-21; 8:45 am]',
      'On June 3, 2021, OFAC determined that the property and interests in property subject to U.S. jurisdiction of the following persons are blocked under the relevant sanctions authorities listed below.',
      'Entities',
      '1. EXAMPLE TELECOM GROUP CO., LTD. (a.k.a. EXAMPLE TELECOM), No. 1 Example Street, Beijing, China; Organization Type: Telecommunications [CMIC-EO13959].',
    ].join('\n');
    const d = readFederalRegister(text, detectFederalRegister(text)!);
    assert.equal(d.changes.length, 1);
    const [c] = d.changes;
    assert.equal(c?.list, 'us-ofac-sdn');
    assert.equal(c?.name, 'EXAMPLE TELECOM GROUP CO., LTD.');
    assert.deepEqual(c?.programmes, ['CMIC-EO13959']);
    assert.equal(c?.effective, '2021-06-03');
  });

  test('an FCC Covered List update gives each producer or supplier named', () => {
    const text = [
      'PUBLIC NOTICE',
      'DA 22-000',
      'Released: March 25, 2022',
      'Public Safety and Homeland Security Bureau Announces Additions to the List of Equipment and Services Covered by Section 2 of the Secure Networks Act',
      'The Bureau adds the following to the Covered List:',
      'Information security products, solutions, and services supplied, directly or indirectly, by AO Kaspersky Lab or any of its predecessors, successors, parents, subsidiaries, or affiliates.',
    ].join('\n');
    const d = readFederalRegister(text, detectFederalRegister(text)!);
    assert.deepEqual(d.changes.map((c) => [c.list, c.change, c.name, c.effective]), [['us-fcc-covered-list', 'add', 'AO Kaspersky Lab', '2022-03-25']]);
  });
});

describe('official changes as events and proposals', () => {
  test('a party the knowledge base already lists is known; a new one is a listing draft one review away', () => {
    const { kb, matcher } = news();
    const doc = read('2023-02130.xml');
    const watched = watchOfficialDocument(kb, matcher, doc, 'fr-2023-02130');
    assert.equal(watched.events.length, 7);
    assert.ok(watched.events.every((e) => e.action === 'entity-list' && e.status === 'enacted' && e.date === '2023-01-31' && e.actor.jurisdiction === 'US'));
    for (const e of watched.events) {
      const [link] = e.links;
      assert.equal(link?.measure, 'us-bis-entity-list');
      assert.equal(link?.kind === 'known', Boolean(e.targets[0]?.entity && kb.listings.some((l) => l.measure === 'us-bis-entity-list' && l.target === e.targets[0]!.entity!.id)));
    }
    // A party the knowledge base does not hold: drop the fixture's parties from the matcher's view.
    const unknown = { ...doc, changes: [{ ...doc.changes[0]!, name: 'Example Aero Parts Trading LLC', aliases: ['EAPT'], address: 'Example Street 1, Tehran, Iran' }] };
    const w = watchOfficialDocument(kb, matcher, unknown, 'fr-2023-02130');
    assert.equal(w.proposals.length, 1);
    const draft = parse(w.proposals[0]!.draft.yaml) as Record<string, any>;
    assert.equal(draft.addToMeasure, 'us-bis-entity-list');
    assert.equal(draft.sources[0].federalRegister.volume, 88);
    assert.equal(draft.sources[0].federalRegister.effective, '2023-01-31');
    assert.equal(draft.listings[0].from, '2023-01-31');
    assert.equal(draft.listings[0].dateBasis, 'effective');
    assert.match(draft.listings[0].scope, /Licence review policy: Policy of denial/);
    assert.match(draft.listings[0].note, /Address: Example Street 1, Tehran, Iran\. Federal Register citation: 88 FR 6622/);
    assert.deepEqual(draft.organisations[0].names.map((n: { value: string }) => n.value), ['Example Aero Parts Trading LLC', 'EAPT']);
  });

  test('removing a listed party proposes the end of its listing', () => {
    const { kb, matcher } = news();
    const listed = kb.listings.find((l) => l.measure === 'us-bis-entity-list' && !l.to && kb.organisations[l.target]);
    assert.ok(listed);
    const name = kb.organisations[listed.target]!.names[0]!.value;
    const text = `Removal From the Entity List\nAGENCY: Bureau of Industry and Security, Commerce.\nDATES: This rule is effective May 1, 2025.\n[FR Doc. 2025-00002 Filed 4-30-25; 8:45 am]\nSupplement No. 4 to part 744 is amended by removing under CHINA, the entity "${name}".`;
    const w = watchOfficialDocument(kb, matcher, readFederalRegister(text, 'text'), 'x');
    assert.equal(w.events[0]?.status, 'revoked');
    assert.equal(w.events[0]?.targets[0]?.entity?.id, listed.target);
    const draft = parse(w.proposals[0]!.draft.yaml) as Record<string, any>;
    assert.equal(draft.endListing.target, listed.target);
    assert.equal(draft.endListing.to, '2025-05-01');
  });
});
