import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, inForceObligations } from '../helpers.js';

// Corrections from a second reading of the names added to the section 69A orders: a name whose store app is not
// known stays on its own record, a name other apps carry or a publisher nothing supports is left out, and a listing
// that rests on one report or on secondary sites only is marked unverified.
const kb = bundledEngine().kb;
const listing = (measure: string, name: string) => kb.listings.find((l) => l.measure === measure && l.nameAsListed === name);

describe('India orders: names added from later copies of the lists, read again', () => {
  test('the Baidu names reported from the July 2020 list are their own records, not the apps listed again in September', () => {
    assert.deepEqual(inForceObligations('app', 'com.baidu.searchbox', '2020-08-01'), []);
    assert.deepEqual(inForceObligations('app', 'com.baidu.searchbox.lite', '2020-08-01'), []);
    assert.deepEqual(inForceObligations('app', 'Baidu Search', '2020-08-01'), ['in-69a-2020-07 → baidu-search-app']);
    assert.equal(listing('in-69a-2020-07', 'Baidu Lite')?.target, 'baidu-lite-reported-app');
  });

  test('a game no source ties to QuVideo, whose title an unrelated game carries, is not recorded', () => {
    assert.deepEqual(inForceObligations('app', 'Heroes War', '2020-08-01'), []);
    assert.equal(kb.products['heroes-war-app'], undefined);
  });

  test('a photo-vault name that many unrelated apps carry is not recorded', () => {
    assert.deepEqual(inForceObligations('app', 'Gallery Vault', '2020-09-03'), []);
    assert.equal(kb.products['gallery-vault-app'], undefined);
  });

  test('listings resting on one report or on secondary sites only are marked unverified', () => {
    for (const name of ['U-Dictionary', 'Tantan', 'Huya']) assert.equal(listing('in-69a-2020-09', name)?.unverified, true, name);
    // Names that one weak site alone gives are not recorded.
    for (const name of ['MV Master', 'Parallel Space Lite', 'LivU']) assert.equal(listing('in-69a-2020-09', name), undefined, name);
    for (const name of ['Baidu Search', 'CapCut', 'SlidePlus']) assert.equal(listing('in-69a-2020-07', name)?.unverified, true, name);
  });

  test('a listing a second report confirms is not marked unverified', () => {
    const zakzak = listing('in-69a-2020-09', 'Zakzak')!;
    assert.equal(zakzak.unverified, undefined);
    assert.ok(zakzak.sources.includes('newsbytes-2020-09-02-118-apps'));
    assert.ok(listing('in-69a-2020-07', 'Mi Browser Pro')!.sources.includes('ndtv-reuters-2020-08-05-xiaomi-baidu'));
  });

  test("NetEase's games confirmed by the gaming press keep their publisher, while a listing on secondary copies alone stays unverified", () => {
    for (const id of ['eve-echoes-app', 'extraordinary-ones-app', 'stick-fight-mobile-app', 'twilight-pioneers-app']) {
      assert.equal(kb.products[id]?.owner, 'netease', id);
      assert.equal(kb.products[id]?.unverified, undefined, id);
    }
    assert.equal(listing('in-69a-2022-02', 'EVE Echoes')?.unverified, true);
    // Moneycontrol names these among NetEase's titles on the order: a second report beside the secondary copies
    for (const name of ['Twilight Pioneers', 'Extraordinary Ones']) {
      const l = listing('in-69a-2022-02', name)!;
      assert.equal(l.unverified, undefined, name);
      assert.ok(l.sources.includes('moneycontrol-2022-02-54-apps-netease'), name);
    }
  });

  test('names from one outlet or one report alone are marked unverified', () => {
    for (const name of ['Ride Out Heroes', 'Soul Hunters']) assert.equal(listing('in-69a-2020-09', name)?.unverified, true, name);
    assert.equal(listing('in-69a-2022-02', 'UU Game Booster')?.unverified, true);
    // a publisher is recorded only where a source names it
    assert.equal(kb.products['uu-game-booster-app']?.owner, 'netease');
    assert.equal(kb.products['ride-out-heroes-app']?.owner, undefined);
    assert.equal(kb.products['soul-hunters-app']?.owner, undefined);
    // a card-game title many apps carry is not recorded
    assert.equal(listing('in-69a-2020-09', 'Fighting Landlords'), undefined);
  });

  test('a publisher the press confirms is cited, while an id from memory keeps the product unverified', () => {
    const snack = kb.products['snack-video-app']!;
    assert.equal(snack.owner, 'kuaishou');
    assert.ok(snack.sources.includes('scmp-2020-kuaishou-snack-video'));
    assert.equal(kb.sources['scmp-2020-kuaishou-snack-video']?.unverified, undefined);
    assert.equal(snack.unverified, true);
  });
});
