/**
 * The corrections of the fourth random check of December 2026 (seed 20261206): the Halifax International
 * Security Forum's country, the Sina portal's domains under Sina rather than Weibo, and Will Semiconductor's
 * names after its 2025 rename.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const engine = bundledEngine();
const kb = engine.kb;
const all = kb.profiles.all as Profile;

describe('random check of December 2026, seed 20261206', () => {
  test('the Halifax International Security Forum is recorded in the United States and still listed from 2025-10-09', () => {
    assert.equal(kb.organisations['halifax-international-security-forum']?.country, 'US');
    const state = (asOf: string) =>
      engine
        .screen(item({ name: 'Halifax International Security Forum' }), { asOf, profile: all, includeHistorical: false })
        .findings.find((f) => f.role === 'obligation' && f.measure.id === 'cn-unreliable-entity-list')?.state;
    assert.equal(state('2025-10-08'), undefined);
    assert.equal(state('2025-10-09'), 'in-force');
  });
  test("the Sina portal's domains are Sina's, Weibo's stay Weibo's", () => {
    const sina = kb.products['sina-domains'];
    const weibo = kb.products['weibo-domains'];
    assert.equal(sina?.owner, 'sina');
    assert.equal(weibo?.owner, 'weibo-corp');
    for (const d of ['sina.com', 'sina.com.cn', 'sina.cn', 'sinaapp.com']) {
      assert.ok(sina?.domains.includes(d), d);
      assert.ok(!weibo?.domains.includes(d), d);
    }
    for (const d of ['weibo.com', 'weibo.cn', 'weibocdn.com']) assert.ok(weibo?.domains.includes(d), d);
  });
  test('Will Semiconductor: the names before the 2025 rename are former names', () => {
    const names = kb.organisations['will-semi']?.names ?? [];
    const kind = (value: string) => names.find((n) => n.value === value)?.kind;
    assert.equal(kind('上海韦尔半导体股份有限公司'), 'former');
    assert.equal(kind('Will Semiconductor Co., Ltd. Shanghai'), 'former');
    assert.equal(kind('豪威集成电路（集团）股份有限公司'), 'legal');
    assert.equal(kind('OmniVision Integrated Circuits Group, Inc.'), 'legal');
  });
});
