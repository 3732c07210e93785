/**
 * The eighth and ninth random checks of December 2026. The eighth (seed 20261211) found no drawn fact wrong;
 * checking around it, Piotech's own announcement gave the Chinese legal name of Piotech Jianke (Haining), one of
 * the units the Entity List rule of 2 December 2024 names, and called it Piotech's controlling subsidiary. The
 * ninth (seed 20261212) found BOE's English legal name recorded in the 1260H list's form, and a name Caixin
 * gives FinDreams Battery that nothing matched.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const engine = bundledEngine();
const kb = engine.kb;
const all = kb.profiles.all as Profile;

describe('random check of December 2026, seed 20261211', () => {
  test("Piotech Jianke's Chinese legal name leads to its own Entity List listing, in force from 2024-12-02", () => {
    const entityList = (asOf: string) =>
      engine
        .screen(item({ name: '拓荆键科（海宁）半导体设备有限公司' }), { asOf, profile: all, includeHistorical: false })
        .findings.filter((f) => f.role === 'obligation' && f.measure.id === 'us-bis-entity-list' && f.kinship === 'self');
    assert.deepEqual(entityList('2024-12-01'), []);
    const self = entityList('2024-12-02')[0];
    assert.equal(self?.state, 'in-force');
    assert.equal(self?.listing?.nameAsListed, 'Piotech Jianke (Haining) Semiconductor Equipment Co., Ltd.');
  });
  test("Piotech's control of Piotech Jianke cites Piotech's own announcement", () => {
    const relation = kb.relations.find((r) => r.subject === 'piotech-inc' && r.object === 'piotech-jianke');
    assert.equal(relation?.predicate, 'controls');
    assert.ok(relation?.sources.includes('vg8-cfi-2025-09-12-piotech-jianke'));
  });
});

describe('random check of December 2026, seed 20261212', () => {
  test("BOE's legal English name is its own; the 1260H list's form stays a listed name of the same record", () => {
    const names = kb.organisations['boe']?.names ?? [];
    const latinLegal = names.filter((n) => n.kind === 'legal' && !/[\u4e00-\u9fff]/.test(n.value)).map((n) => n.value);
    assert.deepEqual(latinLegal, ['BOE Technology Group Co., Ltd.']);
    assert.equal(names.find((n) => n.value === 'BOE Technology Group Company Limited')?.kind, 'listed');
  });
  test('the name Caixin gives FinDreams Battery resolves to it', () => {
    assert.equal(engine.resolver.resolve('name', 'Shenzhen Pingshan Fudi Battery Co., Ltd.').resolutions[0]?.entity.id, 'findreams-battery');
  });
});
