/**
 * Corrections made in December 2026 while checking facts whose notes said they rested on memory: each test
 * fails on the value recorded before.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine } from '../helpers.js';

const kb = bundledEngine().kb;
const legal = (org: string, script?: string) =>
  (kb.organisations[org]?.names ?? []).filter((n) => n.kind === 'legal' && n.script === script).map((n) => n.value);

describe('facts once recorded from memory, corrected against sources', () => {
  test('SenseTime is SenseTime Group Inc. (its HKEX filings); SenseTime Group Limited is only an alias', () => {
    assert.deepEqual(legal('sensetime'), ['SenseTime Group Inc.']);
    const limited = kb.organisations['sensetime']?.names.find((n) => n.value === 'SenseTime Group Limited');
    assert.equal(limited?.kind, 'alias');
    assert.deepEqual(legal('sensetime', 'hans'), ['商汤集团股份有限公司']);
  });
  test("TDK's Japanese legal name is labelled Japanese, not simplified Chinese", () => {
    const name = kb.organisations['tdk']?.names.find((n) => n.value === 'TDK株式会社');
    assert.equal(name?.script, 'other');
  });
  test("ZTE keeps only the former names a source gives: the Chinese one from its 2001 prospectus", () => {
    const names = kb.organisations['zte-corporation']?.names ?? [];
    assert.ok(names.some((n) => n.value === '深圳市中兴通讯股份有限公司' && n.kind === 'former'));
    assert.ok(!names.some((n) => n.value === 'Shenzhen Zhongxing Telecom Co., Ltd.'));
  });
});
