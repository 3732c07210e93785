/**
 * Curated listings checked in December 2026 against sources found for facts that were marked
 * unverified: each correction is screened on both sides of the date it introduced.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const engine = bundledEngine();
const kb = engine.kb;
const all = kb.profiles.all as Profile;

/** The state of a measure's obligation finding for a supplier name screened on a date. */
function state(name: string, measure: string, asOf: string, includeHistorical = false): string | undefined {
  const r = engine.screen(item({ name }), { asOf, profile: all, includeHistorical });
  return r.findings.find((f) => f.role === 'obligation' && f.measure.id === measure)?.state;
}

describe('1260H listings ended by the removal notice of December 2024', () => {
  for (const name of ['Advanced Micro-Fabrication Equipment Inc. China', 'IDG Capital Partners Co., Ltd.']) {
    test(`${name}: listed from 31 Jan 2024 until the notice of 18 Dec 2024, not after`, () => {
      assert.equal(state(name, 'us-dod-1260h', '2024-01-30'), undefined);
      assert.equal(state(name, 'us-dod-1260h', '2024-06-01'), 'in-force');
      assert.equal(state(name, 'us-dod-1260h', '2024-12-17'), 'in-force');
      assert.equal(state(name, 'us-dod-1260h', '2024-12-18'), undefined);
      assert.equal(state(name, 'us-dod-1260h', '2025-02-01'), undefined);
      assert.equal(state(name, 'us-dod-1260h', '2025-02-01', true), 'historical');
    });
  }
  test('the measure dates the removal notice in its timeline', () => {
    const m = kb.measures['us-dod-1260h']!;
    assert.ok(m.timeline.some((e) => e.date === '2024-12-18' && /2024-30018/.test(e.note) && /AMEC/.test(e.note)));
  });
  test('the removal notice is cited by both listings', () => {
    for (const target of ['amec', 'idg-capital']) {
      const l = kb.listings.find((x) => x.measure === 'us-dod-1260h' && x.target === target);
      assert.ok(l, target);
      assert.equal(l.to, '2024-12-18');
      assert.ok(l.sources.includes('vs-usregs-2024-30018-1260h-removal'));
    }
  });
});

describe('records confirmed without a change of value', () => {
  test('Hesai stays listed through its relisting of October 2024 and the ruling of July 2025', () => {
    for (const asOf of ['2024-10-25', '2025-01-08', '2025-07-12', '2026-06-07']) {
      assert.equal(state('Hesai Technology Co., Ltd.', 'us-dod-1260h', asOf), 'in-force', asOf);
    }
  });
  test("China Unicom Americas' revocation is dated by the FCC's own release", () => {
    const l = kb.listings.find((x) => x.measure === 'us-fcc-214-cn-carriers' && x.target === 'china-unicom-americas');
    assert.ok(l);
    assert.equal(l.from, '2022-01-27');
    assert.ok(!l.unverified);
    assert.ok(l.sources.some((id) => kb.sources[id]?.url.startsWith('https://docs.fcc.gov/')));
  });
  test("Geely Holding's control of Geely Auto cites the group's own release", () => {
    const r = kb.relations.find((x) => x.subject === 'geely-holding' && x.predicate === 'controls' && x.object === 'geely-auto');
    assert.ok(r && !r.unverified);
    assert.ok(r.sources.includes('vs-pap-2018-02-26-geely-daimler'));
  });
});
