/**
 * China's unreliable entity list: the designations of 2024-2025 screened on each side of their dates, the
 * measures suspended in 2025 (the companies stay listed, the suspension is the listing's scope) and the
 * measures of 4 March 2025 that ended on 10 November 2025.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const engine = bundledEngine();
const all = engine.kb.profiles.all as Profile;
const UEL = 'cn-unreliable-entity-list';

function uel(name: string, asOf: string, includeHistorical = false) {
  const r = engine.screen(item({ name }), { asOf, profile: all, includeHistorical });
  return r.findings.find((f) => f.role === 'obligation' && f.measure.id === UEL);
}
const stateOn = (name: string, asOf: string, includeHistorical = false) => uel(name, asOf, includeHistorical)?.state;

describe("China's unreliable entity list, 2024-2025", () => {
  test('each designation takes effect on its day, not the day before', () => {
    for (const [name, day, before] of [
      ['General Atomics Aeronautical Systems', '2024-05-20', '2024-05-19'],
      ['Boeing Defense, Space & Security', '2024-05-20', '2024-05-19'],
      ['Raytheon Missile Systems', '2025-01-02', '2025-01-01'],
      ['Skydio Inc.', '2025-04-04', '2025-04-03'],
      ['Insitu, Inc.', '2025-04-04', '2025-04-03'],
      ['Shield AI, Inc.', '2025-04-10', '2025-04-09'],
      ['Sierra Nevada Corporation', '2025-04-10', '2025-04-09'],
      ['TechInsights Inc.', '2025-10-09', '2025-10-08'],
      ['Recorded Future, Inc.', '2025-10-09', '2025-10-08'],
      ['Halifax International Security Forum', '2025-10-09', '2025-10-08'],
    ] as const) {
      assert.equal(stateOn(name, before), undefined, `${name} on ${before}`);
      assert.equal(stateOn(name, day), 'in-force', `${name} on ${day}`);
    }
  });

  test('suspended measures: the company stays listed and the finding says the measures are suspended', () => {
    const skydio = uel('Skydio Inc.', '2025-12-01');
    assert.equal(skydio?.state, 'in-force');
    assert.match(skydio?.listing?.scope ?? '', /suspended/);
    assert.match(skydio?.listing?.scope ?? '', /10 Nov 2025/);
    const shield = uel('Shield AI, Inc.', '2025-06-01');
    assert.equal(shield?.state, 'in-force');
    assert.match(shield?.listing?.scope ?? '', /suspended from 14 May 2025/);
  });

  test('the measures of 4 March 2025 end on 10 November 2025', () => {
    for (const name of ['Huntington Ingalls Industries Inc.', 'TCOM, Limited Partnership', 'Cubic Corporation']) {
      assert.equal(stateOn(name, '2025-03-03'), undefined, `${name} before`);
      assert.equal(stateOn(name, '2025-03-04'), 'in-force', `${name} on 4 March`);
      assert.equal(stateOn(name, '2025-11-09'), 'in-force', `${name} on 9 November`);
      assert.equal(stateOn(name, '2025-11-10'), undefined, `${name} on 10 November`);
      assert.equal(stateOn(name, '2025-11-10', true), 'historical', `${name} on 10 November, with history`);
    }
  });

  test('Illumina stays listed after its sequencer ban was lifted', () => {
    assert.equal(stateOn('Illumina, Inc.', '2025-12-01'), 'in-force');
  });

  test('all ten companies of 2 January 2025 are listed from that day', () => {
    for (const name of [
      'Lockheed Martin Missiles and Fire Control',
      'Lockheed Martin Aeronautics',
      'Lockheed Martin Missile System Integration Lab',
      'Lockheed Martin Advanced Technology Laboratories',
      'Lockheed Martin Ventures',
      'Raytheon/Lockheed Martin Javelin Joint Venture',
      'Raytheon Missile Systems',
      'General Dynamics Ordnance and Tactical Systems',
      'General Dynamics Information Technology',
      'General Dynamics Mission Systems',
    ]) {
      assert.equal(stateOn(name, '2025-01-01'), undefined, `${name} before`);
      assert.equal(stateOn(name, '2025-01-02'), 'in-force', `${name} on the day`);
    }
    // and by the Chinese name the announcement gives
    assert.equal(stateOn('通用动力任务系统公司', '2025-01-02'), 'in-force');
  });
});
