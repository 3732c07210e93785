/**
 * Corrections made while checking facts that had been recorded from memory (group files A–H, December 2026):
 * AVIC International's purchase of Continental Motors was agreed in December 2010 but completed in April 2011;
 * New Guomai's stock name is now 国脉文化 (新国脉 is the one before it); China BlueChemical's short name
 * 中海化学 was found in no source and is gone; records whose names could not be confirmed say so and are
 * marked unverified.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine } from '../helpers.js';

const kb = bundledEngine().kb;
const names = (id: string) => (kb.organisations[id]?.names ?? []).map((n) => n.value);

describe('memory checks of December 2026 (groups A–H)', () => {
  test('Continental Motors: the purchase by AVIC International was completed in 2011, not 2010', () => {
    const note = kb.organisations['continental-aerospace']?.note ?? '';
    assert.doesNotMatch(note, /bought by AVIC International in 2010/);
    assert.match(note, /completed in April 2011/);
  });
  test('New Guomai: the current stock name 国脉文化 is recorded beside the earlier 新国脉', () => {
    const n = names('new-guomai');
    assert.ok(n.includes('国脉文化'));
    assert.ok(n.includes('新国脉'));
  });
  test('China BlueChemical: the unsourced short name 中海化学 is not a name of the company', () => {
    const n = names('china-bluechemical');
    assert.ok(!n.includes('中海化学'));
    assert.ok(n.includes('中海石油化学股份有限公司'));
  });
  test('AVIC Chengdu Aircraft: the Chinese legal name after the 2025 rename is recorded', () => {
    const org = kb.organisations['avic-chengdu-aircraft'];
    assert.equal(org?.names.find((x) => x.value === '中航成飞股份有限公司')?.kind, 'legal');
    assert.equal(org?.names.find((x) => x.value === '中航电测仪器股份有限公司')?.kind, 'former');
  });
  test('names that rest on memory leave their records unverified', () => {
    for (const id of ['baicells', 'aspire-technologies', 'cetc-15th-institute', 'dji-baiwang', 'china-telecom-satellite']) {
      const org = kb.organisations[id];
      assert.equal(org?.unverified, true, id);
      assert.match(org?.note ?? '', /rest(s)? on memory/, id);
    }
  });
});
