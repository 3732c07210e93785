import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { inForceObligations } from '../helpers.js';

// Names added to the section 69A orders from later copies of their lists: each is found once its order is in force,
// and not the day before.
describe('apps added to India orders from later copies of their lists', () => {
  test('a game of the February 2022 list is screened by its title from the order on', () => {
    assert.deepEqual(inForceObligations('app', 'EVE Echoes', '2022-03-01'), ['in-69a-2022-02 → eve-echoes-app']);
    assert.deepEqual(inForceObligations('app', 'EVE Echoes', '2022-02-13'), []);
    assert.deepEqual(inForceObligations('app', 'Conquer Online – MMORPG Game', '2022-03-01'), ['in-69a-2022-02 → conquer-online-app']);
  });

  test('a game added from a later list of the games blocked is screened from the September 2020 order on', () => {
    assert.deepEqual(inForceObligations('app', 'Ride Out Heroes', '2020-09-03'), ['in-69a-2020-09 → ride-out-heroes-app']);
    assert.deepEqual(inForceObligations('app', 'Ride Out Heroes', '2020-09-01'), []);
    // the longer title of an app already listed reaches the same listing
    assert.deepEqual(inForceObligations('app', 'Arena of Valor: 5v5 Arena Games', '2020-09-03'), ['in-69a-2020-09 → arena-of-valor-app']);
  });

  test('an app Moneycontrol named from the February 2022 list is screened from the order on', () => {
    assert.deepEqual(inForceObligations('app', 'UU Game Booster', '2022-03-01'), ['in-69a-2022-02 → uu-game-booster-app']);
    assert.deepEqual(inForceObligations('app', 'UU Game Booster', '2022-02-13'), []);
  });

  test('an app reported from the unpublished July 2020 list is screened from that order on', () => {
    assert.deepEqual(inForceObligations('app', 'Mi Browser Pro', '2020-08-01'), ['in-69a-2020-07 → mi-browser-pro-app']);
    assert.deepEqual(inForceObligations('app', 'Mi Browser Pro', '2020-07-23'), []);
  });

  test('an app already on record gains the earlier order by its package id', () => {
    assert.ok(inForceObligations('app', 'com.lemon.lvoverseas', '2020-08-01').includes('in-69a-2020-07 → capcut-app'));
    assert.ok(!inForceObligations('app', 'com.lemon.lvoverseas', '2020-07-23').includes('in-69a-2020-07 → capcut-app'));
  });

  test('a short name of the September 2020 list is screened from that order on', () => {
    assert.deepEqual(inForceObligations('app', 'U-Dictionary', '2020-09-03'), ['in-69a-2020-09 → u-dictionary-app']);
    assert.deepEqual(inForceObligations('app', 'U-Dictionary', '2020-09-01'), []);
  });

  test('an app the press named from the unpublished February 2025 order is screened from the disclosure on', () => {
    assert.deepEqual(inForceObligations('app', 'ChillChat', '2025-03-01'), ['in-69a-2025-02 → chillchat-app']);
    assert.deepEqual(inForceObligations('app', 'ChillChat', '2025-02-17'), []);
    // a name another, unrelated app carries is left out
    assert.deepEqual(inForceObligations('app', 'Honeycam', '2025-03-01'), []);
  });
});
