import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, confirmedProductProblems, inForceObligations } from '../helpers.js';

// App identifiers and publishers checked in December 2026, fifth pass (sources/app-ids-2026-12e.yaml): ids that two
// files by different hands agree on (a list that repeats an earlier one does not count for the ids it shares with it),
// an App Store bundle id from a copy of the store metadata, publishers from the press.
const kb = bundledEngine().kb;
const findings = inForceObligations;

describe('app identifiers checked in December 2026 (fifth pass)', () => {
  test('each confirmed product cites a source of the pass and is no longer unverified', () => {
    const confirmed: [string, string][] = [
      ['pubg-mobile-app', 'ape-marlvel-pubg-mobile'],
      ['pubg-mobile-lite-app', 'ape-dragonapps-list'],
      ['pitu-app', 'ape-gkd-feymanpaper-ttpic'],
      ['capcut-app', 'ape-riky-morphe-capcut'],
      ['lemon8-app', 'ape-mobilemorph-lemon8-report'],
    ];
    assert.deepEqual(confirmedProductProblems(confirmed), []);
  });

  test('PUBG MOBILE LITE is owned by Tencent: no source names the publishing company of this edition', () => {
    assert.equal(kb.products['pubg-mobile-lite-app']!.owner, 'tencent-holdings');
    assert.deepEqual(kb.products['pubg-mobile-app']!.ios, ['com.tencent.ig']);
  });

  test('an id resting on one list, or on a list and its copy, keeps its record unverified', () => {
    for (const id of ['tiktok-lite-app', 'vmate-app', 'youcam-makeup-app', 'voov-meeting-app']) {
      assert.equal(kb.products[id]!.unverified, true, id);
    }
    assert.ok(kb.products['tiktok-lite-app']!.android.includes('com.ss.android.ugc.trill.go'));
  });

  test('confirmed ids still reach the India listings', () => {
    assert.ok(findings('app', 'com.tencent.iglite', '2021-01-01').includes('in-69a-2020-09 → pubg-mobile-lite-app'));
    assert.ok(findings('app', 'com.tencent.ttpic', '2021-01-01').includes('in-69a-2020-09 → pitu-app'));
  });
});
