/**
 * The eleventh to fifteenth random checks of December 2026 (seeds 20261221-20261225; verdicts in
 * data/sources/checks-2026-12-k.yaml). Three drawn facts were wrong: TDK's former name, recorded without the word
 * Kogyo; EO 14032 dated as effective on the day it was signed; Kingsoft Security given as Cheetah Mobile's former
 * name, when it was a business merged into it.
 * Checking around the draws found an Entity List listing that gave one entry's name with another entry's date, and
 * Sophgo's own Chinese legal name; a listing that rests on one press copy of India's list is now marked unverified.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const engine = bundledEngine();
const kb = engine.kb;
const all = kb.profiles.all as Profile;

const entityList = (name: string, asOf: string) =>
  engine
    .screen(item({ name }), { asOf, profile: all, includeHistorical: false })
    .findings.filter((f) => f.role === 'obligation' && f.measure.id === 'us-bis-entity-list' && f.kinship === 'self');

describe('random checks of December 2026, seeds 20261221-20261225', () => {
  test("TDK's former name is the one it bore, Tokyo Denkikagaku Kogyo K.K. (東京電気化学工業株式会社)", () => {
    const former = (kb.organisations['tdk']?.names ?? []).filter((n) => n.kind === 'former').map((n) => n.value);
    assert.deepEqual(former.sort(), ['Tokyo Denkikagaku Kogyo K.K.', '東京電気化学工業株式会社'].sort());
  });

  test("Sophgo's Chinese legal name, from its own documentation, finds its Entity List listing from 2025-01-16", () => {
    assert.deepEqual(entityList('北京算能科技有限公司', '2025-01-15'), []);
    const self = entityList('北京算能科技有限公司', '2025-01-16')[0];
    assert.equal(self?.state, 'in-force');
    assert.equal(self?.listing?.nameAsListed, 'Sophgo Technologies Ltd.');
  });

  test('the Xian Semi Electronic record is listed from 2010-01-13 under the name the entry of that day bore', () => {
    assert.deepEqual(entityList('Xian Semi Electronic Co., Ltd.', '2010-01-12'), []);
    const self = entityList('Xian Semi Electronic Co., Ltd.', '2010-01-13')[0];
    assert.equal(self?.listing?.nameAsListed, 'Exodus Microelectronics Company Limited');
  });

  test("India's listing of CamOCR, known from one press copy of the list, is marked unverified", () => {
    const listing = kb.listings.find((l) => l.measure === 'in-69a-2020-09' && l.target === 'camocr-app');
    assert.equal(listing?.unverified, true);
  });

  test('NS-CMIC listings of 3 June 2021 are pending until EO 14032 took effect on 2 August 2021', () => {
    const timeline = kb.measures['us-ofac-ns-cmic']!.timeline;
    assert.equal(timeline.find((ev) => ev.date === '2021-06-03')?.status, 'signed');
    assert.equal(timeline.find((ev) => ev.date === '2021-08-02')?.status, 'effective');
    const nsCmic = (asOf: string) =>
      engine
        .screen(item({ name: 'Hangzhou Hikvision Digital Technology Co., Ltd.' }), { asOf, profile: all, includeHistorical: false })
        .findings.find((f) => f.measure.id === 'us-ofac-ns-cmic' && f.kinship === 'self');
    assert.equal(nsCmic('2021-07-01')?.state, 'pending');
    assert.equal(nsCmic('2021-08-02')?.state, 'in-force');
  });

  test('Kingsoft Security, a business merged into Cheetah Mobile, is an alias of it, not a former name', () => {
    const name = kb.organisations['cheetah-mobile']?.names.find((n) => n.value === 'Kingsoft Security');
    assert.equal(name?.kind, 'alias');
    assert.equal(engine.resolver.resolve('name', 'Kingsoft Security').resolutions[0]?.entity.id, 'cheetah-mobile');
  });
});
