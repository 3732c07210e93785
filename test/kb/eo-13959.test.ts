/**
 * The securities ban of EO 13959 as first made (us-eo-13959): the Department of Defense's sec. 1237
 * companies and the subsidiaries OFAC listed, each from the day the purchase prohibition applied to
 * it, until EO 14032 replaced the list on 2 Aug 2021. Holdings are screened by ISIN on both sides of
 * each date.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const engine = bundledEngine();
const kb = engine.kb;
const all = kb.profiles.all as Profile;

const SMIC = 'KYG8020E1199';
const HIKVISION = 'CNE100000PM8';
const CHINA_MOBILE_LTD = 'HK0941009539';
const CNOOC_LTD = 'HK0883013259';

/** The state of a measure's obligation finding for a holding (by ISIN) or a name screened on a date. */
function state(fields: { isin?: string; name?: string }, measure: string, asOf: string, includeHistorical = false): string | undefined {
  const r = engine.screen(item(fields), { asOf, profile: all, includeHistorical });
  return r.findings.find((f) => f.role === 'obligation' && f.measure.id === measure)?.state;
}

const listings = kb.listings.filter((l) => l.measure === 'us-eo-13959');
const listingOf = (target: string) => listings.find((l) => l.target === target);

describe('us-eo-13959: holdings screened across the days the prohibitions applied', () => {
  test('SMIC, named on 3 Dec 2020, is covered from 1 Feb 2021, not before', () => {
    assert.equal(state({ isin: SMIC }, 'us-eo-13959', '2020-12-01'), undefined);
    assert.equal(state({ isin: SMIC }, 'us-eo-13959', '2021-01-20'), undefined);
    assert.equal(state({ isin: SMIC }, 'us-eo-13959', '2021-02-01'), 'in-force');
    assert.equal(state({ isin: SMIC }, 'us-eo-13959', '2021-03-01'), 'in-force');
  });
  test("SMIC's finding is dated by its own tranche, not by later additions or the Xiaomi ruling", () => {
    const r = engine.screen(item({ isin: SMIC }), { asOf: '2021-04-01', profile: all, includeHistorical: false });
    const f = r.findings.find((x) => x.role === 'obligation' && x.measure.id === 'us-eo-13959');
    assert.ok(f);
    assert.equal(f.status.date, '2021-02-01');
  });
  test('an Annex company (Hikvision) is covered from 11 Jan 2021 until 2 Aug 2021, then by the NS-CMIC list alone', () => {
    assert.equal(state({ isin: HIKVISION }, 'us-eo-13959', '2021-01-10'), undefined);
    assert.equal(state({ isin: HIKVISION }, 'us-eo-13959', '2021-01-11'), 'in-force');
    assert.equal(state({ isin: HIKVISION }, 'us-ofac-ns-cmic', '2021-03-01'), undefined);
    assert.equal(state({ isin: HIKVISION }, 'us-eo-13959', '2021-08-01'), 'in-force');
    assert.equal(state({ isin: HIKVISION }, 'us-eo-13959', '2021-08-02'), undefined);
    assert.equal(state({ isin: HIKVISION }, 'us-eo-13959', '2021-08-02', true), 'historical');
    assert.equal(state({ isin: HIKVISION }, 'us-ofac-ns-cmic', '2021-08-02'), 'in-force');
  });
  test('the subsidiaries OFAC listed on 8 Jan 2021 are covered from 9 Mar 2021, after their parents', () => {
    for (const isin of [CHINA_MOBILE_LTD, CNOOC_LTD]) {
      assert.equal(state({ isin }, 'us-eo-13959', '2021-03-01'), undefined, isin);
      assert.equal(state({ isin }, 'us-eo-13959', '2021-03-09'), 'in-force', isin);
    }
    assert.equal(listingOf('china-mobile-group')?.from, '2021-01-11');
    assert.equal(listingOf('cnooc')?.from, '2021-02-01');
  });
});

describe('us-eo-13959: the listings', () => {
  test('the 31 Annex companies of the June and August 2020 tranches are dated 11 Jan 2021', () => {
    assert.equal(listings.filter((l) => l.from === '2021-01-11').length, 31);
  });
  test('each listing starts on a day the prohibitions applied and ends when EO 14032 took effect', () => {
    for (const l of listings) {
      assert.ok(['2021-01-11', '2021-02-01', '2021-03-09', '2021-03-15'].includes(l.from), `${l.target} ${l.from}`);
      assert.equal(l.to, '2021-08-02', l.target);
    }
  });
  test("days reckoned by the 60-day rule cite the rule's texts (the order's page and OFAC FAQ 857) and are not unverified", () => {
    const reckoned = listings.filter((l) => l.from === '2021-03-09' || l.from === '2021-03-15');
    assert.equal(reckoned.length, 11);
    for (const l of reckoned) {
      assert.ok(l.sources.includes('ofac-faq-857'), l.target);
      assert.ok(!l.unverified, l.target);
    }
    for (const target of ['amec', 'comac', 'gowin']) {
      assert.ok(listingOf(target)?.sources.includes('eo13959-fr-page-73186'), target);
      assert.ok(listingOf(target)?.sources.includes('xiaomi-v-dod-2021-03-12'), target);
    }
  });
  test('the CNECC listing, whose company the Department named only as a group, stays unverified', () => {
    assert.equal(listingOf('cnec')?.unverified, true);
  });
  test('the measure is superseded on 2 Aug 2021', () => {
    const m = kb.measures['us-eo-13959']!;
    assert.equal(m.timeline.at(-1)?.date, '2021-08-02');
    assert.equal(m.timeline.at(-1)?.status, 'superseded');
  });
});

describe('us-eo-13959: Xiaomi was enjoined before its prohibition began', () => {
  test('no listing, and no finding while designated, enjoined or after the vacatur', () => {
    assert.equal(listingOf('xiaomi'), undefined);
    for (const asOf of ['2021-02-01', '2021-03-14', '2021-03-16', '2021-06-01']) {
      assert.equal(state({ name: 'Xiaomi Corporation' }, 'us-eo-13959', asOf, true), undefined, asOf);
    }
  });
  test('the designation, the injunction and the vacatur are timeline events', () => {
    const events = kb.measures['us-eo-13959']!.timeline;
    assert.ok(events.some((e) => e.date === '2021-01-14' && /Xiaomi/.test(e.note)));
    assert.ok(events.some((e) => e.date === '2021-03-12' && /Xiaomi/.test(e.note) && e.sources.includes('ofac-faq-880')));
    assert.ok(events.some((e) => e.date === '2021-05-25' && /vacated/.test(e.note)));
  });
  test("the NS-CMIC record points to this measure for the period before it", () => {
    assert.match(kb.measures['us-ofac-ns-cmic']!.note ?? '', /us-eo-13959/);
  });
});
