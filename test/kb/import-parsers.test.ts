import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readCsv } from '../../src/kb/import/csv.js';
import { parseCslCsv, parseCslJson } from '../../src/kb/import/csl.js';
import { parseDod1260h } from '../../src/kb/import/dod-1260h.js';
import { fccEntities, parseFccCoveredList } from '../../src/kb/import/fcc.js';
import { parseNdaaList } from '../../src/kb/import/ndaa.js';
import { parseOfacNonSdn } from '../../src/kb/import/ofac.js';
import { listingPeriods } from '../../src/kb/import/reconcile.js';
import { normaliseName, parseListDate, slugFromName, splitTrailingAlias } from '../../src/kb/import/text.js';

const LISTS = new URL('../fixtures/kb/import/lists/', import.meta.url).pathname;
const text = (name: string) => readFileSync(LISTS + name, 'utf8');
const cp1252 = (name: string) => new TextDecoder('windows-1252').decode(readFileSync(LISTS + name));

describe('list text helpers', () => {
  test('dates in the forms official lists print', () => {
    assert.equal(parseListDate('03 Jun 2021'), '2021-06-03');
    assert.equal(parseListDate('March 12, 2021'), '2021-03-12');
    assert.equal(parseListDate('December 22, 2025Updated:January 7, 2026'), '2025-12-22');
    assert.equal(parseListDate('2021-06-03'), '2021-06-03');
    assert.equal(parseListDate('Sept 9, 2020'), '2020-09-09');
    assert.equal(parseListDate('February 30, 2021'), undefined, 'not a calendar date');
    assert.equal(parseListDate('soon'), undefined);
  });
  test('names compare without case, punctuation or the spelling of legal forms', () => {
    assert.equal(normaliseName('Huawei Technologies Company'), normaliseName('HUAWEI TECHNOLOGIES CO.'));
    assert.equal(normaliseName('Sinotrans & CSC Holdings Co., Ltd.'), normaliseName('Sinotrans and CSC Holdings Co Ltd'));
    assert.notEqual(normaliseName('China Telecom Corporation Limited'), normaliseName('China Telecom Group Co., Ltd.'));
    assert.equal(slugFromName('Beijing Foo Technology Co., Ltd.'), 'beijing-foo-technology');
  });
  test('a trailing parenthesis is an alias unless it only names a place', () => {
    assert.deepEqual(splitTrailingAlias('Huawei Technologies Co., Ltd. (Huawei)'), { name: 'Huawei Technologies Co., Ltd.', alias: 'Huawei' });
    assert.deepEqual(splitTrailingAlias('ACM Research (Shanghai)'), { name: 'ACM Research (Shanghai)' });
    assert.deepEqual(splitTrailingAlias('AccoTest Technology Co., Ltd. (Hong Kong)'), { name: 'AccoTest Technology Co., Ltd. (Hong Kong)' });
  });
  test('the CSV reader keeps the records before a truncated quoted field and reports its line', () => {
    const r = readCsv('a,b\r\n"x\ny",2\r\n3,"unclosed\n');
    assert.deepEqual(r.records.map((x) => [x.line, x.cells]), [[1, ['a', 'b']], [2, ['x\ny', '2']]]);
    assert.deepEqual(r.problems.map((p) => p.at), ['line 4']);
  });
});

describe('OFAC consolidated non-SDN (legacy CSV)', () => {
  const list = parseOfacNonSdn({ prim: cp1252('ofac/cons_prim.csv'), alt: cp1252('ofac/cons_alt.csv'), add: cp1252('ofac/cons_add.csv'), comments: cp1252('ofac/cons_comments.csv') });
  const byName = (n: string) => list.entries.find((e) => e.name === n);

  test('NS-CMIC entries with identifiers, dates and parent from the remarks', () => {
    assert.deepEqual(list.entries.map((e) => e.name), ['REDWOOD DYNAMICS CO., LTD.', 'OSPREY AVIONICS CORPORATION', 'HERON MICROELECTRONICS LIMITED']);
    const redwood = byName('REDWOOD DYNAMICS CO., LTD.')!;
    assert.equal(redwood.measure, 'us-ofac-ns-cmic');
    assert.equal(redwood.from, '2021-06-03');
    assert.equal(redwood.parent, 'REDWOOD HOLDING GROUP CO., LTD.');
    assert.deepEqual(redwood.identifiers, [
      { scheme: 'ticker', value: '600999', exchange: 'CN' },
      { scheme: 'isin', value: 'CNE10000RDW0' },
      { scheme: 'uscc', value: '91330000REDWXXD01L' },
    ]);
    assert.match(redwood.note ?? '', /Effective Date 2021-08-02; Divestment Date 2022-06-03/);
    assert.ok(redwood.aliases.includes('Redwood Dynamics Co Ltd'), 'issuer names are aliases');
  });
  test('remarks cut off in cons_prim continue in cons_comments', () => {
    const heron = byName('HERON MICROELECTRONICS LIMITED')!;
    assert.equal(heron.from, '2021-12-10');
    assert.deepEqual(heron.formerNames, ['HERON CHIPS LIMITED']);
  });
  test('aliases, former names and countries from the companion files (Windows-1252)', () => {
    const osprey = byName('OSPREY AVIONICS CORPORATION')!;
    assert.deepEqual(osprey.aliases, ['OAC', 'Osprey Avionics Sociedad Anónima']);
    assert.deepEqual(osprey.formerNames, ['OSPREY AERO CORP']);
    assert.deepEqual(osprey.countries, ['CN']);
  });
  test('other programs are counted as skipped, broken rows reported with their line', () => {
    assert.deepEqual(list.skipped, { 'program NS-PLC has no measure in the knowledge base': 1 });
    assert.deepEqual(list.problems.map((p) => p.at), ['cons_prim line 5']);
    assert.deepEqual(list.complete, ['us-ofac-ns-cmic']);
  });
});

describe('trade.gov Consolidated Screening List', () => {
  const csv = parseCslCsv(text('csl.csv'));
  const json = parseCslJson(text('csl.json'));
  const strip = (l: typeof csv) => l.entries.map(({ at: _, ...e }) => e);

  test('CSV and JSON give the same entries', () => {
    assert.equal(csv.entries.length, 6);
    assert.deepEqual(strip(json), strip(csv));
    assert.deepEqual(json.skipped, csv.skipped);
  });
  test('each source list goes to its measure; the repeated header line is skipped', () => {
    assert.deepEqual(csv.entries.map((e) => e.measure), ['us-bis-entity-list', 'us-bis-entity-list', 'us-bis-entity-list', 'us-bis-meu', 'us-ofac-sdn', 'us-ofac-ns-cmic']);
    assert.deepEqual(csv.entries[4]!.kind, 'person', 'the SDN row is typed Individual');
    assert.deepEqual(csv.skipped, {});
    assert.deepEqual(csv.problems, []);
  });
  test('names, aliases, countries, Federal Register citation and CMIC dates', () => {
    const redwood = csv.entries[0]!;
    assert.equal(redwood.name, 'Redwood Dynamics Co., Ltd.');
    assert.equal(redwood.listedAs, 'Redwood Dynamics Co., Ltd. (Redwood)');
    assert.deepEqual(redwood.aliases, ['Redwood', 'RDC']);
    assert.equal(redwood.from, '2021-06-03');
    assert.match(redwood.note ?? '', /^Federal Register: 86 FR 1234; .*Licence policy: Presumption of denial\.$/);
    assert.deepEqual(csv.entries[2]!.countries, ['CN', 'HK']);
    const cmic = csv.entries[5]!;
    assert.equal(cmic.from, '2021-06-03', 'the CMIC listing date comes from the ids column');
    assert.deepEqual(cmic.identifiers.map((i) => i.scheme), ['isin', 'ticker', 'uscc']);
  });
  test('a country filter keeps only entries with an address there', () => {
    const cn = parseCslCsv(text('csl.csv'), { countries: ['CN'] });
    assert.ok(!cn.entries.some((e) => e.name === 'Magpie Sensors GmbH'));
    assert.equal(cn.skipped['no address in CN'], 2, 'Magpie Sensors (DE) and the SDN individual without an address');
  });
  test('a file that is not JSON is a problem, not an exception', () => {
    assert.match(parseCslJson('{"results": [').problems[0]?.message ?? '', /not JSON/);
  });
  test('individuals are marked as people and vessels as vessels; the list\'s "and" joint is not part of an alias', () => {
    const header = text('csl.csv').split('\n')[0]!;
    const row = (type: string, name: string, alt: string) => {
      const cells = Object.fromEntries(header.split(',').map((c) => [c, '']));
      Object.assign(cells, { source: 'Entity List (EL) - Bureau of Industry and Security', type, name, addresses: 'Shenzhen, CN', start_date: '2011-10-31', alt_names: alt });
      return header.split(',').map((c) => JSON.stringify(cells[c])).join(',');
    };
    const file = [header, row('Individual', 'Lin Wei', ''), row('', 'Kestrel Optics Ltd.', 'Kestrel; and Kestrel Photonics'), row('Entity', 'Heron Labs', ''), row('Vessel', 'Blue Tern', '')].join('\n');
    const list = parseCslCsv(file);
    assert.deepEqual(list.entries.map((e) => [e.name, e.kind ?? 'company']), [['Lin Wei', 'person'], ['Kestrel Optics Ltd.', 'company'], ['Heron Labs', 'company'], ['Blue Tern', 'vessel']]);
    assert.deepEqual(list.skipped, {});
    assert.deepEqual(list.entries[1]!.aliases, ['Kestrel', 'Kestrel Photonics']);
    const json = parseCslJson(JSON.stringify({ results: [{ source: 'Entity List (EL) - Bureau of Industry and Security', type: 'Individual', name: 'Lin Wei', addresses: [{ country: 'CN' }], start_date: '2011-10-31' }] }));
    assert.deepEqual(json.entries.map((e) => [e.name, e.kind]), [['Lin Wei', 'person']]);
  });
});

describe('FCC Covered List table', () => {
  const list = parseFccCoveredList(text('fcc.csv'));

  test('the producer or provider each entity entry names', () => {
    assert.deepEqual(fccEntities('Information security products supplied, directly or indirectly, by AO Kaspersky Lab or any of its predecessors.'), ['AO Kaspersky Lab']);
    assert.deepEqual(fccEntities('Cybersecurity software produced or provided by Kaspersky Lab, Inc. or any of its successors and assignees.'), ['Kaspersky Lab, Inc.']);
    assert.deepEqual(list.entries.map((e) => e.name), ['Bluefin Technology Company', 'Redwood Dynamics Company', 'Kestrel Networks Corp', 'Kestrel Telecom (Americas) Corp.']);
  });
  test('the public-safety qualifier becomes the listing scope', () => {
    assert.equal(list.entries[1]!.scope, 'To the extent used for public safety, security of government facilities, and other national security purposes.');
    assert.equal(list.entries[0]!.scope, undefined);
  });
  test('category entries with their exceptions and device categories', () => {
    assert.deepEqual(
      list.categories.map((c) => [c.description, c.categories, c.from, c.exceptions]),
      [
        ['Routers produced in a foreign country', ['router'], '2026-03-23', ['routers which have been granted a Conditional Approval by DoW or DHS']],
        ['Foreign-produced power inverters', ['inverter'], '2026-07-28', ['power inverters which have been granted a Conditional Approval by DoW or DHS']],
      ],
    );
    assert.equal(list.categories[1]!.note, 'Entry updated 2026-08-03.');
  });
  test('a row without a date of inclusion is reported and the rest read', () => {
    assert.deepEqual(list.problems, [{ at: 'line 7', message: 'no date of inclusion in "soon"' }]);
  });
});

describe('DoD 1260H editions', () => {
  test('later editions decide from their date on', () => {
    assert.deepEqual(listingPeriods([{ from: '2021-06-03' }, { from: '2025-01-07' }]), [{ from: '2021-06-03', to: undefined }]);
    assert.deepEqual(listingPeriods([{ from: '2024-01-31' }, { from: '2025-01-07', to: '2026-02-17' }, { from: '2026-06-08' }]), [
      { from: '2024-01-31', to: '2026-02-17' },
      { from: '2026-06-08', to: undefined },
    ]);
    assert.deepEqual(listingPeriods([{ from: '2021-06-03', to: '2025-01-07' }, { from: '2024-01-31' }]), [{ from: '2021-06-03', to: undefined }]);
    assert.deepEqual(listingPeriods([{ from: '2022-10-05', to: '2024-01-31' }, { from: '2025-01-07' }]), [
      { from: '2022-10-05', to: '2024-01-31' },
      { from: '2025-01-07', to: undefined },
    ]);
  });
  test('rows with names, aliases, former names, parents; bad rows reported', () => {
    const list = parseDod1260h(text('dod-1260h.csv'));
    assert.equal(list.entries.length, 5);
    const osprey = list.entries[3]!;
    assert.deepEqual([osprey.name, osprey.listedAs, osprey.aliases, osprey.formerNames, osprey.parent], [
      'Osprey Avionics Corporation',
      'Osprey Avionics Corporation (OAC)',
      ['OAC'],
      ['Osprey Aero Corp'],
      'Redwood Holding Group Co., Ltd.',
    ]);
    assert.equal(list.entries[0]!.listedAs, 'Redwood Holding Group Co., Ltd. (Redwood Holding)', 'the footnote star is dropped');
    assert.deepEqual(list.problems.map((p) => p.at), ['line 7', 'line 8']);
  });
});

describe('NDAA statutory lists', () => {
  test('the section decides the measure; other sections are skipped', () => {
    const list = parseNdaaList(text('ndaa.csv'));
    assert.deepEqual(list.entries.map((e) => [e.measure, e.listedAs, e.from]), [
      ['us-ndaa-889', 'Bluefin Technology Company', undefined],
      ['us-ndaa-889', 'Redwood Dynamics Co., Ltd. (RDC)', undefined],
    ]);
    assert.equal(list.entries[1]!.note, 'The prohibition applies from 2020-08-13.');
    assert.equal(Object.values(list.skipped)[0], 1);
  });
});

describe('FCC Covered List page (HTML)', () => {
  test('the page gives the same entries as the table saved as CSV', () => {
    const html = parseFccCoveredList(text('fcc.html'));
    const csv = parseFccCoveredList(text('fcc.csv'));
    const strip = (l: typeof csv) => [l.entries.map(({ at: _, ...e }) => e), l.categories.map(({ at: _, ...c }) => c)];
    assert.deepEqual(strip(html), strip(csv));
    assert.deepEqual(html.problems, [{ at: 'table row 7', message: 'no date of inclusion in "soon"' }]);
  });
  test('a page without the table is a problem', () => {
    assert.match(parseFccCoveredList('<html><body><p>Moved</p></body></html>').problems[0]?.message ?? '', /no table/);
  });
});
