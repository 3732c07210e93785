import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { listingPhase } from '../../src/kb/timeline.js';

// Coverage of the DoD sec. 1260H list (all editions, staged OpenSanctions transcription) and of OFAC's NS-CMIC list
// (68 entries, program CMIC-EO13959). The counts are floors: they fall if records go missing.
const kb = loadKnowledgeBase();
const listingsOf = (measure: string) => kb.listings.filter((l) => l.measure === measure);
const activeOn = (measure: string, target: string, date: string) =>
  listingsOf(measure).some((l) => l.target === target && listingPhase(l, date) === 'active');
const everListed = (measure: string, target: string) => listingsOf(measure).some((l) => l.target === target);
const names = (id: string) => (kb.organisations[id]?.names ?? []).map((n) => n.value);

/** ISINs the OFAC NS-CMIC remarks give per organisation (ISINs whose check digit fails are left out). */
const OFAC_ISINS: Record<string, string[]> = {
  'china-telecom-corp': ['US1694261033', 'CNE1000002V2', 'CND100020NC4', 'CND1000248G3', 'CND10003ND87'],
  'china-mobile-ltd': ['US16941M1099', 'HK0941009539', 'BRC1HLBDR003', 'ARDEUT111812'],
  'china-unicom-hk': ['US16945R1041', 'HK0000049939'],
  'avic': ['CND10001WSL0', 'CND10002HNP1', 'CND10002DPC3'],
  'cnooc-ltd': ['HK0883013259', 'US1261321095', 'HK2998013240'],
  'casic': ['CND1000142N4'],
  'casc': ['CND1000090Q8', 'CND100006HP7'],
  'cccc': ['CND10000GBD8', 'CND10001TD67', 'CND10002GB63', 'CND10001TD75', 'US1689261030', 'CND10002G6P3', 'CND10003TZ93', 'CND100017CS9', 'CND10001TD59', 'CND10002H1Z2', 'CND10003R421', 'CND10002KKV9', 'CND10002DZZ3', 'CND10003KT58', 'CND100043Z00', 'CNE1000002F5', 'CND10002GB71', 'CNE100001FN5'],
  'cec': ['CND10000KG49', 'CND10002F8S4'],
  'csgc': ['CND10000KTG5', 'CND10000K5V9', 'CND10000KTF7', 'CND10000GGC9', 'CND10000K0B2', 'CND10000GGD7', 'CND10000KTD2', 'CND10000K5W7', 'CND10001TRP9', 'CND10001TRQ7'],
  'china-spacesat': ['CNE000000SM3'],
  'cgn': ['CND10003XXN0', 'CND1000248C2', 'CND10003GZY7', 'CND1000363K2'],
  'cssc': ['CND100005C60', 'CND10000KTB6', 'CND10000KT93', 'CND100005MX3', 'CND10000LD58', 'CND10000LLH8'],
  'hikvision': ['CNE100000PM8'],
  'smic': ['KYG8020E1199', 'XS1432320429', 'US81663N2062', 'XS2101828452', 'KYG8020E1017', 'XS1730881247', 'KYG802041031', 'CNE1000041W8', 'CND100022N41'],
  'cnnc': ['CND10000KRQ8', 'CND100005B38', 'CND10002J9T6', 'CND100027TJ1', 'CND10002DLF5', 'CND10003RXC5', 'CND10002J9V2', 'CND100005B20', 'CND100025BB0', 'CND10003VCD9', 'CND10003RXB7', 'CND10001ZPR6'],
  'norinco': ['CND10001PXG4', 'CND10000KPW0', 'CND10000KSK9', 'CND1000133M5'],
  'cnec': ['CNE100002896', 'CND10003XJ14'],
  'crcc': ['CNE1000009T1'],
  'anhui-greatwall-military': ['CNE1000036L1'],
  'avic-xian': ['CNE000000RF9'],
  'avic-heavy-machinery': ['CNE000000N22'],
  'avic-jonhon': ['CND10003VVT5', 'CNE1000007T5'],
  'avic-shenyang': ['CNE000000MH6'],
  'china-satcom': ['CNE100003PX9'],
  'cccg': ['CND10003RDS3', 'CND100041XX5', 'CND1000455C3', 'CND100041XW7', 'CND1000455B5'],
  'aerospace-communications': ['CNE000000BS6'],
  'torch-electron': ['CNE100001TY3'],
  'inner-mongolia-first-machinery': ['CNE000001HP7'],
  'comec': ['CNE100000395'],
  'avic-aviation-hi-tech': ['CNE000000GZ0'],
  'aerospace-ch-uav': ['CNE100000N20'],
  'china-aerospace-times-electronics': ['CNE000000J93', 'CND10003B821', 'CND100034J27', 'CND100037514', 'CND100032457', 'CND10002R795', 'CND10003D843', 'CND100035G37', 'CND100037S23', 'CND10002B3Q3', 'CND10002T6Q6', 'CND100044B23'],
  'huawei-investment-holding': ['CND10003D0F9', 'CND100035KT2', 'CND10002K3Y6', 'CND10002J7T0', 'CND1000336F8', 'CND1000439R5'],
  'hongdu-aviation': ['CNE0000015N3', 'CND10001KJ52', 'CND10001KHB9'],
  'proven-glory-capital': ['XS1809220830', 'XS1808982398', 'XS1808982471', 'XS1567423501', 'XS1567423766', 'XS1809220913'],
  'avic-airborne-systems': ['CNE0000018C0', 'CND100018CL2'],
  'proven-honour-capital': ['XS1233275194', 'HK0000216777', 'XS1401816761', 'HK0000111952'],
  'csic-ltd': ['CNE100000J75'],
  'guizhou-space-appliance': ['CNE000001KG0', 'CN000A0B7NS3'],
  'jingjia-micro': ['CNE100002664'],
  'china-marine-info-elec': ['CNE000000N30'],
  'csic-power': ['CNE000001KB1'],
  'costar': ['CNE100000882'],
  'nanjing-panda': ['CNE1000003T4', 'CN0009003921', 'CNE000000NB7', 'CN0005815195'],
  'aerosun': ['CNE000001857'],
  'north-navigation': ['CNE000001F88'],
  'shaanxi-zhongtian-rocket': ['CNE1000046W7'],
  'avic-chengdu-aircraft': ['CNE100000T08'],
  'sugon': ['CNE100001TW7'],
  'leon-technology': ['CNE100002Q17'],
  'netposa': ['CNE100001S40'],
  'sdic-intelligence': ['CNE100001120']
};

describe('1260H and NS-CMIC coverage', () => {
  test('every 1260H company is a listed organisation', () => {
    const targets = new Set(listingsOf('us-dod-1260h').map((l) => l.target));
    assert.ok(targets.size >= 213, `only ${targets.size} distinct 1260H targets`);
    for (const t of targets) assert.ok(kb.organisations[t] || kb.products[t], `unknown 1260H target ${t}`);
  });

  test('all 68 NS-CMIC entries are listed, one target each', () => {
    const listings = listingsOf('us-ofac-ns-cmic');
    const targets = new Set(listings.map((l) => l.target));
    assert.ok(listings.length >= 68, `only ${listings.length} NS-CMIC listings`);
    assert.ok(targets.size >= 68, `only ${targets.size} distinct NS-CMIC targets`);
    for (const t of Object.keys(OFAC_ISINS)) assert.ok(targets.has(t), `${t} is not listed under NS-CMIC`);
  });

  test('every NS-CMIC organisation carries the ISINs OFAC gives for it', () => {
    for (const [id, isins] of Object.entries(OFAC_ISINS)) {
      const org = kb.organisations[id];
      assert.ok(org, `missing organisation ${id}`);
      const have = new Set(org.identifiers.filter((i) => i.scheme === 'isin').map((i) => i.value));
      for (const isin of isins) assert.ok(have.has(isin), `${id} lacks ISIN ${isin}`);
    }
  });

  test('spot checks: listed on given dates', () => {
    assert.ok(activeOn('us-dod-1260h', 'avic', '2021-06-03'));
    assert.ok(activeOn('us-dod-1260h', 'avic-jonhon', '2025-06-01'));
    assert.ok(activeOn('us-dod-1260h', 'cosco-shipping', '2025-01-07'));
    assert.ok(activeOn('us-dod-1260h', 'bgi-genomics', '2023-01-01'));
    assert.ok(activeOn('us-dod-1260h', 'cetc-cyberspace-security', '2026-07-01'));
    assert.ok(!activeOn('us-dod-1260h', 'cosco-shipping', '2024-12-31'));
    assert.ok(activeOn('us-ofac-ns-cmic', 'cnooc-ltd', '2021-06-03'));
    assert.ok(activeOn('us-ofac-ns-cmic', 'netposa', '2022-01-01'));
    assert.ok(!activeOn('us-ofac-ns-cmic', 'netposa', '2021-12-15'));
    assert.ok(activeOn('us-ofac-ns-cmic', 'china-spacesat', '2024-01-01'));
  });

  test('spot checks: removed companies are historical after their end date', () => {
    // Removed in the 2024 edition ("No apparent U.S. nexus").
    assert.ok(activeOn('us-dod-1260h', 'torch-electron', '2023-01-01'));
    assert.ok(!activeOn('us-dod-1260h', 'torch-electron', '2024-01-31'));
    // Removed in the 2025 edition.
    assert.ok(activeOn('us-dod-1260h', 'crcc', '2024-12-31'));
    assert.ok(!activeOn('us-dod-1260h', 'crcc', '2025-01-07'));
    assert.ok(everListed('us-dod-1260h', 'crcc'));
    // Not in the June 2026 edition; on the list continuously from 2021 until then (the February 2026
    // posting that would have removed it was withdrawn).
    assert.ok(activeOn('us-dod-1260h', 'costar', '2022-01-01'));
    assert.ok(activeOn('us-dod-1260h', 'costar', '2026-03-01'));
    assert.ok(!activeOn('us-dod-1260h', 'costar', '2026-06-08'));
  });

  test('spot checks: names, identifiers and parents', () => {
    assert.ok(names('avic-chengdu-aircraft').includes('Zhonghang Electronic Measuring Instruments Company Limited'));
    assert.ok(names('cetc-digital-technology').includes('Shanghai East China Computer Co., Ltd.'));
    assert.ok(names('cnooc').includes('CNOOC'));
    assert.ok(kb.organisations['crcc']?.identifiers.some((i) => i.scheme === 'ticker' && i.value === '601186' && i.exchange === 'SSE'));
    assert.ok(kb.organisations['casic']?.identifiers.some((i) => i.scheme === 'uscc' && i.value === '91110000710925243K'));
    // OFAC's file gives a ticker's market as a country code ("CHL RU", "CTM DE"), not an exchange:
    // a ticker sourced to it names that country, or the exchange a Chinese or Hong Kong code implies.
    const ofacTickers = Object.values(kb.organisations).flatMap((o) => o.identifiers.filter((i) => i.scheme === 'ticker' && i.source === 'grp-ofac-ns-cmic'));
    assert.ok(ofacTickers.length > 40);
    for (const t of ofacTickers) assert.ok(['US', 'RU', 'DE', 'AR', 'BR', 'CA', 'SG', 'HKEX', 'SSE', 'SZSE'].includes(t.exchange ?? ''), `${t.value} ${t.exchange}`);
    const controls = (a: string, b: string) => kb.relations.some((r) => r.subject === a && r.object === b && (r.predicate === 'controls' || r.predicate === 'owns'));
    assert.ok(controls('avic', 'avic-jonhon'));
    assert.ok(controls('cnooc', 'cnooc-ltd'));
    assert.ok(controls('cccg', 'cccc'));
    assert.ok(controls('bgi-group', 'mgi-tech'));
  });
});
