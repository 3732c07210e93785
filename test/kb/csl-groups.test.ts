/**
 * Chinese technology groups whose units the Consolidated Screening List names: the curated group files
 * hold the units under the names the list prints, so the generated dataset lists them there, and a
 * supplier named as the company calls itself is found on the Entity List from its rule's date. Sophgo's
 * count includes the two Sophon units the dataset puts in the group by its SOPHON brand.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, entityListState } from '../helpers.js';

const engine = bundledEngine();
const kb = engine.kb;

const entityList = entityListState;

/** Entity List listings of a curated group, by the name the list gives them. */
function listedIn(group: string): Map<string, { from: string; dateBasis?: string }> {
  const out = new Map<string, { from: string; dateBasis?: string }>();
  for (const l of kb.listings) {
    if (l.measure !== 'us-bis-entity-list' || kb.organisations[l.target]?.group !== group) continue;
    out.set(l.nameAsListed, { from: l.from, ...(l.dateBasis ? { dateBasis: l.dateBasis } : {}) });
  }
  return out;
}

describe('CSL parties in curated groups', () => {
  const cases: { group: string; units: number; name: string; from?: string }[] = [
    { group: 'loongson', units: 1, name: 'Loongson Technology Corporation Limited' },
    { group: 'biren', units: 7, name: 'Shanghai Biren Intelligent Technology Co., Ltd.', from: '2023-10-17' },
    { group: 'moore-threads', units: 3, name: 'Moore Threads', from: '2023-10-17' },
    { group: 'sophgo', units: 8, name: 'Sophgo', from: '2025-01-16' },
    { group: 'zhipu-ai', units: 7, name: 'Zhipu AI', from: '2025-01-16' },
    { group: 'piotech', units: 5, name: '拓荆科技股份有限公司', from: '2024-12-02' },
    { group: 'sicarrier', units: 2, name: 'Shenzhen SiCarrier Technologies Co., Ltd.', from: '2024-12-02' },
    { group: 'wingtech', units: 1, name: '闻泰科技股份有限公司', from: '2024-12-02' },
    { group: 'quantumctek', units: 2, name: '科大国盾量子技术股份有限公司' },
    { group: 'sunway', units: 4, name: 'Jiangnan Computing Technology Research Institute', from: '2019-06-24' },
  ];
  for (const c of cases) {
    test(`${c.group}: ${c.units} Entity List units, and "${c.name}" is found`, () => {
      const units = listedIn(c.group);
      assert.equal(units.size, c.units, [...units.keys()].join('; '));
      assert.equal(entityList(c.name, '2026-07-31'), 'in-force');
      if (c.from) {
        const day = new Date(Date.parse(c.from) - 86_400_000).toISOString().slice(0, 10);
        assert.notEqual(entityList(c.name, day), 'in-force', `not in force on ${day}`);
        assert.equal(entityList(c.name, c.from), 'in-force', `in force on ${c.from}`);
      }
    });
  }
  test('no party of these houses is left in the dataset group, and none is listed twice', () => {
    const houses = /\b(?:loongson|biren|moore thread|sophgo|suanneng|zhipu|piotech|sicarrier|xinkailai|wingtech|quantumctek|jiangnan institute of computing)\b/i;
    const stray = Object.values(kb.organisations).filter((o) => o.group === 'csl-parties' && o.names.some((n) => houses.test(n.value)));
    assert.deepEqual(stray.map((o) => o.id), []);
    const names = kb.listings.filter((l) => l.measure === 'us-bis-entity-list' && houses.test(l.nameAsListed)).map((l) => l.nameAsListed.toLowerCase());
    assert.equal(new Set(names).size, names.length);
  });
  test('YMTC Japan and Phytium are listed under their curated organisations', () => {
    assert.equal(listedIn('ymtc').get('Yangtze Memory Technologies (Japan) Inc.')?.from, '2022-12-16');
    assert.equal(listedIn('cec').get('Tianjin Phytium Information Technology')?.from, '2021-04-08');
    assert.equal(entityList('Phytium Technology Co., Ltd.', '2021-04-08'), 'in-force');
    assert.notEqual(entityList('Phytium Technology Co., Ltd.', '2021-04-07'), 'in-force');
  });
  test('JLD Technology is one entry under the name the list prints, from 2014-06-05', () => {
    const jld = kb.listings.filter((l) => l.measure === 'us-bis-entity-list' && /^JLD Technology/.test(l.nameAsListed));
    assert.deepEqual(jld.map((l) => [l.target, l.nameAsListed, l.from]), [['jld-technology', 'JLD Technology, Hong Kong Co., Ltd.', '2014-06-05']]);
    assert.equal(entityList('JLD Technology, Hong Kong Co., Ltd.', '2014-06-05'), 'in-force');
    assert.notEqual(entityList('JLD Technology, Hong Kong Co., Ltd.', '2014-06-04'), 'in-force');
  });
  test('Zhejiang Perfect New Material stays on the MEU List (no removal rule found)', () => {
    const l = kb.listings.find((x) => x.measure === 'us-bis-meu' && x.target === 'zhejiang-perfect-new-material');
    assert.ok(l && l.to === undefined && /no removal rule was found/.test(l.note ?? ''));
  });
});
