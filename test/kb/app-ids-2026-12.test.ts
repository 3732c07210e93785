import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, inForceObligations } from '../helpers.js';

// App identifiers checked in December 2026 against copies of app-store metadata (sources/app-ids-2026-12.yaml).
const engine = bundledEngine();
const kb = engine.kb;
const findings = inForceObligations;

describe('app identifiers checked in December 2026', () => {
  test('Game of Sultans: both store ids reach its listing, and the record is no longer unverified', () => {
    const record = kb.products['game-of-sultans-app']!;
    assert.deepEqual(record.android, ['com.dc.hwsj']);
    assert.deepEqual(record.ios, ['com.dcdc.hwsj']);
    assert.notEqual(record.unverified, true);
    assert.equal(record.owner, undefined, 'its developer is not a recorded organisation');
    for (const appId of ['com.dc.hwsj', 'com.dcdc.hwsj']) {
      assert.ok(findings('app', appId, '2021-01-01').includes('in-69a-2020-09 → game-of-sultans-app'), appId);
      assert.deepEqual(findings('app', appId, '2020-09-01'), [], `${appId}: not before the order`);
    }
  });

  test('Clash of Kings: the iOS bundle id reaches the June 2020 listing; the record stays unverified for its Android ids', () => {
    const record = kb.products['clash-of-kings-app']!;
    assert.ok(record.ios.includes('com.elex-tech.ClashOfKings'));
    assert.equal(record.unverified, true);
    assert.ok(findings('app', 'com.elex-tech.ClashOfKings', '2021-01-01').includes('in-69a-2020-06 → clash-of-kings-app'));
  });

  test('the App Store game Ludo SuperStar of BlackLight Studio Works is not Ludo World', () => {
    assert.deepEqual(findings('app', 'com.blacklightsw.ludo', '2021-01-01'), []);
    assert.ok(findings('app', 'com.tencent.ludosuperstar', '2021-01-01').includes('in-69a-2020-09 → ludo-world-app'));
  });
});
