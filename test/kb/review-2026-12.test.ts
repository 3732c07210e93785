/**
 * The corrections of the December 2026 knowledge-base review and the 2023-2026 actions it found
 * missing, screened on each side of every date they introduced.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';
import type { InventoryItem } from '../../src/model/item.js';
import { measureStatus } from '../../src/kb/timeline.js';

const engine = bundledEngine();
const kb = engine.kb;
const all = kb.profiles.all as Profile;

/** measure id → finding state, for an item screened on a date. */
function findings(it: InventoryItem, asOf: string, includeHistorical = false): Map<string, string> {
  const r = engine.screen(it, { asOf, profile: all, includeHistorical });
  // Obligations only: context findings (a reach that begins later, another kind of item) say something else.
  return new Map(r.findings.filter((f) => f.role === 'obligation').map((f) => [f.measure.id, f.state]));
}
const supplier = (name: string, asOf: string, includeHistorical = false) => findings(item({ name }), asOf, includeHistorical);
const stateOf = (measure: string, asOf: string) => {
  const m = kb.measures[measure];
  assert.ok(m, `measure ${measure} exists`);
  return measureStatus(m, asOf)?.state;
};

describe('review corrections', () => {
  test('1260H: YMTC and CXMT stay listed through the withdrawn posting of February 2026', () => {
    for (const name of ['Yangtze Memory Technologies Co., Ltd.', 'ChangXin Memory Technologies, Inc.']) {
      for (const asOf of ['2026-02-12', '2026-02-13', '2026-02-18', '2026-03-15', '2026-06-07', '2026-06-08', '2026-07-01']) {
        assert.equal(supplier(name, asOf).get('us-dod-1260h'), 'in-force', `${name} on ${asOf}`);
      }
    }
  });
  test('1260H: the companies missing from the June 2026 edition end with it, not in February', () => {
    assert.equal(supplier('Costar Group Co., Ltd.', '2026-03-01').get('us-dod-1260h'), 'in-force');
    assert.equal(supplier('Costar Group Co., Ltd.', '2026-06-07').get('us-dod-1260h'), 'in-force');
    assert.equal(supplier('Costar Group Co., Ltd.', '2026-06-08').get('us-dod-1260h'), undefined);
    assert.equal(supplier('Costar Group Co., Ltd.', '2026-06-08', true).get('us-dod-1260h'), 'historical');
    assert.ok(!kb.listings.some((l) => l.measure === 'us-dod-1260h' && (l.from === '2026-02-17' || l.to === '2026-02-17')));
  });
  test('1260H: the June 2026 edition cites its Federal Register notice, and the DJI ruling is dated', () => {
    const m = kb.measures['us-dod-1260h']!;
    assert.ok(m.citations.some((c) => c.text.includes('91 FR 35189')));
    assert.ok(m.timeline.some((e) => e.date === '2025-09-26' && /DJI/.test(e.note)));
    assert.equal(supplier('SZ DJI Technology Co., Ltd.', '2025-09-27').get('us-dod-1260h'), 'in-force');
  });
  test('FCC Covered List: the routers entry reaches consumer-grade routers only, from 2026-03-23', () => {
    const at = (category: string, asOf: string) => findings(item({ category, name: 'Some Vendor' }), asOf).get('us-fcc-covered-list');
    assert.equal(at('Home router', '2026-03-22'), undefined);
    for (const category of ['Home router', 'Wireless Router', 'SOHO router', 'consumer router', 'Wi-Fi router']) {
      assert.equal(at(category, '2026-03-23'), 'in-force', category);
    }
    for (const category of ['router', 'enterprise router', 'core router']) assert.equal(at(category, '2026-04-01'), undefined, category);
    const rule = kb.measures['us-fcc-covered-list']!.categoryRules.find((r) => r.id === 'foreign-routers')!;
    assert.ok(rule.exceptions.some((e) => e.includes('1 Mar 2027')));
  });
  test('EO 13873: the interim final rule took effect on 2021-03-22, not on its publication', () => {
    const m = kb.measures['us-eo-13873']!;
    assert.ok(!m.timeline.some((e) => e.date === '2021-01-19'));
    assert.equal(measureStatus(m, '2021-02-01')?.event.date, '2019-05-15');
    assert.equal(measureStatus(m, '2021-03-22')?.event.date, '2021-03-22');
  });
  test('TikTok: the enforcement-delay orders are numbered, and EO 14352 is on the 2020 CFIUS order', () => {
    const notes = kb.measures['us-pafaca-2024']!.timeline.map((e) => `${e.date} ${e.note}`);
    for (const [date, eo] of [['2025-06-19', 'EO 14310'], ['2025-09-16', 'EO 14350'], ['2025-09-25', 'EO 14352']]) {
      assert.ok(notes.some((n) => n.startsWith(date!) && n.includes(eo!)), `${date} ${eo}`);
    }
    const cfius = kb.measures['us-cfius-bytedance-2020']!;
    assert.ok(cfius.citations.some((c) => c.text.includes('EO 14352')));
    assert.match(cfius.note ?? '', /never revoked/);
    assert.equal(stateOf('us-cfius-bytedance-2020', '2026-02-01'), 'in-force');
  });
  test("China's unreliable entity list is binding and dates its designations", () => {
    assert.equal(kb.measures['cn-unreliable-entity-list']!.legalForce, true);
    assert.equal(supplier('Lockheed Martin Corporation', '2023-02-15').get('cn-unreliable-entity-list'), undefined);
    assert.equal(supplier('Lockheed Martin Corporation', '2023-02-16').get('cn-unreliable-entity-list'), 'in-force');
    assert.equal(supplier('PVH Corp.', '2025-02-03').get('cn-unreliable-entity-list'), undefined);
    assert.equal(supplier('PVH Corp.', '2025-02-04').get('cn-unreliable-entity-list'), 'in-force');
    assert.equal(supplier('Illumina, Inc.', '2025-02-04').get('cn-unreliable-entity-list'), 'in-force');
  });
  test('group records: Tmall, Instagram, the 502 institute', () => {
    const names = (id: string) => kb.organisations[id]!.names.map((n) => n.value);
    assert.ok(!names('taobao').includes('Tmall'));
    assert.ok(names('tmall').includes('Zhejiang Tmall Network Co., Ltd.'));
    const instagram = kb.relations.find((r) => r.object === 'instagram' && r.subject === 'meta-platforms')!;
    assert.equal(instagram.from, '2012-08-31');
    const bice = kb.organisations['cast-502-institute']!;
    assert.ok(bice.names.some((n) => n.value === '北京控制工程研究所' && n.kind === 'legal'));
    assert.ok(!bice.names.some((n) => n.value === '中国空间技术研究院502研究所' && n.kind === 'legal'));
  });
});

describe('2020-2026 actions', () => {
  test('Kaspersky ICTS ban: new sales barred from 2024-07-20, updates from 2024-09-29', () => {
    assert.equal(supplier('Kaspersky Lab, Inc.', '2024-07-19').get('us-bis-icts-kaspersky-2024'), undefined);
    assert.equal(supplier('Kaspersky Lab, Inc.', '2024-07-20').get('us-bis-icts-kaspersky-2024'), 'in-force');
    const m = kb.measures['us-bis-icts-kaspersky-2024']!;
    assert.ok(m.timeline.some((e) => e.date === '2024-09-29' && e.status === 'effective'));
    assert.ok(m.citations.some((c) => c.text.includes('89 FR 52434')));
  });
  test('rules by class: connected vehicles, outbound investment, Bad Labs take effect on their dates', () => {
    for (const [id, before, on] of [
      ['us-bis-icts-connected-vehicles-2025', '2025-03-16', '2025-03-17'],
      ['us-treasury-outbound-2025', '2025-01-01', '2025-01-02'],
      ['us-fcc-bad-labs-2025', '2025-09-07', '2025-09-08'],
    ] as const) {
      assert.equal(stateOf(id, before), 'pending', `${id} before`);
      assert.equal(stateOf(id, on), 'in-force', `${id} on`);
      assert.ok(kb.measures[id]!.citations.some((c) => / FR \d+/.test(c.text)), `${id} cites the Federal Register`);
    }
    assert.equal(stateOf('eu-csa-revision-2026', '2026-02-01'), 'watch');
  });
  test('DeepSeek: Italy from 2025-01-30, Taiwan and Texas from 2025-01-31, New York from 2025-02-10, Virginia from 2025-02-11', () => {
    const deepseek = 'Hangzhou DeepSeek Artificial Intelligence';
    assert.equal(supplier(deepseek, '2025-01-29').get('it-garante-deepseek-2025'), undefined);
    assert.equal(supplier(deepseek, '2025-01-30').get('it-garante-deepseek-2025'), 'in-force');
    const app = (asOf: string) => findings(item({ app: 'DeepSeek' }), asOf);
    assert.equal(app('2025-01-30').get('tw-moda-deepseek-2025'), undefined);
    assert.equal(app('2025-01-31').get('tw-moda-deepseek-2025'), 'in-force');
    assert.equal(app('2025-01-31').get('us-tx-prohibited-technologies'), 'in-force');
    assert.equal(app('2025-02-09').get('us-ny-deepseek-2025'), undefined);
    assert.equal(app('2025-02-10').get('us-ny-deepseek-2025'), 'in-force');
    assert.equal(app('2025-02-10').get('us-va-eo46-deepseek-2025'), undefined);
    assert.equal(app('2025-02-11').get('us-va-eo46-deepseek-2025'), 'in-force');
  });
  test('Montana SB 419 was enjoined before it took effect', () => {
    assert.equal(stateOf('us-mt-sb419-2023', '2023-06-01'), 'pending');
    assert.equal(stateOf('us-mt-sb419-2023', '2023-11-30'), 'historical');
  });
  test('Huawei: Canada from 2022-05-19, Germany from 2024-07-11, the EU communication from 2023-06-15', () => {
    const huawei = (asOf: string) => supplier('Huawei Technologies Co., Ltd.', asOf);
    assert.equal(huawei('2022-05-18').get('ca-5g-huawei-zte-2022'), undefined);
    assert.equal(huawei('2022-05-19').get('ca-5g-huawei-zte-2022'), 'in-force');
    assert.equal(huawei('2024-07-10').get('de-5g-huawei-zte-2024'), undefined);
    assert.equal(huawei('2024-07-11').get('de-5g-huawei-zte-2024'), 'in-force');
    assert.equal(huawei('2023-06-14').get('eu-5g-toolbox-2023'), undefined);
    assert.equal(huawei('2023-06-15').get('eu-5g-toolbox-2023'), 'in-force');
  });
  test('Canada: Hikvision Canada closed from 2025-06-27', () => {
    assert.equal(supplier('Hikvision Canada Inc.', '2025-06-26').get('ca-ica-hikvision-2025'), undefined);
    assert.equal(supplier('Hikvision Canada Inc.', '2025-06-27').get('ca-ica-hikvision-2025'), 'in-force');
  });
  test('Netherlands: the Nexperia order from 2025-09-30, suspended on 2025-11-19', () => {
    assert.equal(supplier('Nexperia B.V.', '2025-09-29').get('nl-wbg-nexperia-2025'), undefined);
    assert.equal(supplier('Nexperia B.V.', '2025-10-01').get('nl-wbg-nexperia-2025'), 'in-force');
    assert.equal(supplier('Nexperia B.V.', '2025-11-19', true).get('nl-wbg-nexperia-2025'), 'historical');
  });
  test('courts and orders with few or no listings are dated: Pacific Networks on appeal, India 2020-07 and 2025-02', () => {
    assert.ok(kb.measures['us-fcc-214-cn-carriers']!.timeline.some((e) => e.date === '2023-08-15'));
    assert.equal(stateOf('in-69a-2020-07', '2020-07-23'), undefined);
    assert.equal(stateOf('in-69a-2020-07', '2020-07-24'), 'in-force');
    assert.equal(stateOf('in-69a-2025-02', '2025-02-18'), 'in-force');
  });
});
