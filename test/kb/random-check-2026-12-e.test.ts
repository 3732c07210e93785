/**
 * The corrections of the fifth random check of December 2026 (seed 20261207) and of the doubts settled
 * after it: Hygon Information Technology is itself on the Entity List (its former name is Tianjin Haiguang
 * Advanced Technology Investment, THATIC, not a subsidiary of it), and the Kaspersky group is headed by its
 * UK holding company, not the other way round.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const engine = bundledEngine();
const kb = engine.kb;
const all = kb.profiles.all as Profile;

describe('random check of December 2026, seed 20261207', () => {
  test('Hygon is listed itself on the Entity List from 2019-06-24, as Higon', () => {
    const entityList = (asOf: string) =>
      engine
        .screen(item({ name: 'Hygon Information Technology Co., Ltd.' }), { asOf, profile: all, includeHistorical: false })
        .findings.filter((f) => f.role === 'obligation' && f.measure.id === 'us-bis-entity-list');
    assert.deepEqual(entityList('2019-06-23'), []);
    const found = entityList('2019-06-24');
    const self = found.find((f) => f.kinship === 'self');
    assert.equal(self?.state, 'in-force');
    assert.match(self?.listing?.nameAsListed ?? '', /^Higon \(a\.k\.a\. Higon Information Technology; Haiguang Xinxi Jishu Youxian Gongsi; THATIC/);
  });
  test('Tianjin Haiguang Advanced Technology Investment is Hygon under its former name: one record, no subsidiary', () => {
    assert.equal(kb.organisations['tianjin-haiguang'], undefined);
    assert.ok(!kb.relations.some((r) => r.object === 'tianjin-haiguang'));
    const names = kb.organisations['hygon']?.names ?? [];
    const kind = (value: string) => names.find((n) => n.value === value)?.kind;
    assert.equal(kind('Tianjin Haiguang Advanced Technology Investment Co., Ltd.'), 'former');
    assert.equal(kind('天津海光先进技术投资有限公司'), 'former');
    assert.equal(kind('THATIC'), 'abbreviation');
    assert.equal(kind('Higon Information Technology'), 'listed');
    assert.equal(kind('Haiguang Xinxi Jishu Youxian Gongsi'), 'listed');
  });
  test('Kaspersky Labs Limited (UK) heads the group: it controls AO Kaspersky Lab, not the reverse', () => {
    assert.ok(kb.relations.some((r) => r.subject === 'kaspersky-labs-ltd' && r.predicate === 'controls' && r.object === 'kaspersky-lab-ao'));
    assert.ok(!kb.relations.some((r) => r.subject === 'kaspersky-lab-ao' && r.object === 'kaspersky-labs-ltd'));
    assert.ok(kb.relations.some((r) => r.subject === 'kaspersky-labs-ltd' && r.predicate === 'owns' && r.object === 'kaspersky-lab-inc'));
  });
  test("Meiya Zhongmin's Chinese name rests on memory and its record says so", () => {
    const org = kb.organisations['meiya-zhongmin'];
    assert.equal(org?.unverified, true);
    assert.match(org?.note ?? '', /from memory/);
  });
});
