/**
 * Chinese technology companies whose Entity List parties the CSL prints only in Latin script: their
 * curated records carry the listed name and the Chinese legal name from a filing, so a supplier named
 * in Chinese is found on the Entity List from its rule's date, and the list's units sit in the group.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, entityListState } from '../helpers.js';

const engine = bundledEngine();
const kb = engine.kb;

const entityList = entityListState;

function unitsIn(group: string): string[] {
  return kb.listings.filter((l) => l.measure === 'us-bis-entity-list' && kb.organisations[l.target]?.group === group).map((l) => l.nameAsListed);
}

describe('Entity List parties found by their Chinese names', () => {
  const cases: { group: string; units: number; name: string; from: string }[] = [
    { group: 'cambricon', units: 10, name: '中科寒武纪科技股份有限公司', from: '2022-12-16' },
    { group: 'cambricon', units: 10, name: '寒武纪（西安）集成电路有限公司', from: '2022-12-16' },
    { group: 'smee', units: 1, name: '上海微电子装备（集团）股份有限公司', from: '2022-12-16' },
    { group: 'geovis', units: 2, name: '中科星图股份有限公司', from: '2024-05-09' },
    { group: 'acm-research', units: 4, name: '盛美半导体设备（上海）股份有限公司', from: '2024-12-02' },
    { group: 'empyrean', units: 8, name: '北京华大九天科技股份有限公司', from: '2024-12-02' },
    { group: 'skyverse', units: 11, name: '深圳中科飞测科技股份有限公司', from: '2024-12-02' },
    { group: 'fudan-micro', units: 4, name: '上海复旦微电子集团股份有限公司', from: '2025-09-12' },
    { group: 'deepglint', units: 1, name: '北京格灵深瞳信息技术股份有限公司', from: '2021-07-12' },
    { group: 'hangzhou-zhongke-micro', units: 1, name: '杭州中科微电子', from: '2021-11-26' },
  ];
  for (const c of cases) {
    test(`${c.group}: "${c.name}" is on the Entity List from ${c.from}`, () => {
      assert.equal(unitsIn(c.group).length, c.units, unitsIn(c.group).join('; '));
      const day = new Date(Date.parse(c.from) - 86_400_000).toISOString().slice(0, 10);
      assert.equal(entityList(c.name, c.from), 'in-force');
      assert.notEqual(entityList(c.name, day), 'in-force', `not in force on ${day}`);
    });
  }
  test("Empyrean's Beijing company (the list's 'BGI Jiutian') is not in BGI's group", () => {
    const empyrean = kb.listings.find((l) => l.measure === 'us-bis-entity-list' && l.nameAsListed === 'Beijing Huada Jiutian Technology Co., Ltd.');
    assert.equal(kb.organisations[empyrean!.target]?.group, 'empyrean');
  });
  test("CETC's 13th institute is found by its Chinese names, and its subordinate institutions keep their own entries", () => {
    assert.equal(entityList('中国电科产业基础研究院', '2018-08-01'), 'in-force');
    assert.equal(entityList('河北半导体研究所', '2018-08-01'), 'in-force');
    const subordinate = kb.listings.filter((l) => l.measure === 'us-bis-entity-list' && l.nameAsListed.startsWith('China Electronics Technology Group Corporation 13th Research Institute (CETC 13). Subordinate'));
    assert.equal(subordinate.length, 12);
    assert.ok(subordinate.every((l) => l.to === undefined));
  });
  test('the US parent of ACM Research (Shanghai) is told apart from its listed subsidiary', () => {
    assert.notEqual(entityList('ACM Research, Inc.', '2026-07-31'), 'in-force');
    assert.equal(entityList('ACM Research (Shanghai), Inc.', '2026-07-31'), 'in-force');
  });
});
