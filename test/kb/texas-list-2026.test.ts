/**
 * The Texas prohibited technologies update of 26 Jan 2026: all 26 companies and entities the press reports
 * name from the list as state officials gave it, screened the day before and on the date.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';
import type { InventoryItem } from '../../src/model/item.js';

const engine = bundledEngine();
const kb = engine.kb;
const all = kb.profiles.all as Profile;
const MEASURE = 'us-tx-prohibited-technologies';
const FROM = '2026-01-26';

function state(it: InventoryItem, asOf: string): string | undefined {
  const r = engine.screen(it, { asOf, profile: all, includeHistorical: false });
  return r.findings.find((f) => f.role === 'obligation' && f.measure.id === MEASURE)?.state;
}
const supplier = (name: string, asOf: string) => state(item({ name }), asOf);

describe('Texas prohibited technologies, update of 2026-01-26', () => {
  test('the update lists all 26 companies and entities from its date', () => {
    const listed = kb.listings.filter((l) => l.measure === MEASURE && l.from === FROM);
    assert.equal(listed.length, 26);
    assert.equal(new Set(listed.map((l) => l.target)).size, 26);
    for (const l of listed) assert.ok(!l.unverified, l.target);
  });
  const suppliers = ['SenseTime Group Limited', 'Megvii Technology Limited', 'Xiaomi Corporation', 'Baidu, Inc.', 'Hisense', 'Gotion High-tech Co., Ltd.', 'MiniMax', 'Moonshot AI', 'StepFun', 'Tongfang NucTech Technology Ltd.'];
  for (const name of suppliers) {
    test(`${name}: not listed the day before, in force on ${FROM}`, () => {
      assert.equal(supplier(name, '2026-01-25'), undefined);
      assert.equal(supplier(name, FROM), 'in-force');
    });
  }
});
