import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { measureStatus } from '../../src/kb/timeline.js';
import { CorporateGraph } from '../../src/kb/graph.js';
import { fixtureKb } from '../helpers.js';

const kb = fixtureKb();

describe('as-of state of a measure', () => {
  const m = kb.measures['xx-order-1'];
  assert.ok(m);
  const cases: [string, string | undefined, string | undefined][] = [
    ['2020-08-01', undefined, undefined],
    ['2020-08-06', 'pending', 'signed'],
    ['2020-09-01', 'pending', 'signed'],
    ['2020-09-20', 'in-force', 'effective'],
    ['2020-10-15', 'historical', 'enjoined'],
    ['2022-01-01', 'historical', 'revoked'],
  ];
  for (const [date, state, status] of cases) {
    test(`${date}: ${state ?? 'nothing yet'}`, () => {
      const s = measureStatus(m, date);
      assert.equal(s?.state, state);
      assert.equal(s?.event.status, status);
    });
  }
  test('a pending measure says what comes next', () => {
    assert.deepEqual(measureStatus(m, '2020-09-01')?.next?.date, '2020-09-20');
  });
});

describe('corporate graph', () => {
  const graph = new CorporateGraph(kb);
  test('a product reaches the listed parent of its maker, with every step dated and sourced', () => {
    const c = graph.connect('acme-app', 'acme-holding', '2021-01-01');
    assert.equal(c?.kinship, 'subsidiary');
    assert.deepEqual(c?.path.map((s) => `${s.from} ${s.relation} ${s.to}`), ['acme-app product of acme-tech', 'acme-tech owned by acme-holding']);
    assert.equal(c?.share, 100);
  });
  test("a product of the listed company is the company's own product", () => {
    assert.equal(graph.connect('acme-app', 'acme-tech', '2021-01-01')?.kinship, 'own-product');
  });
  test('shares multiply along the path', () => {
    assert.equal(graph.connect('acme-device', 'acme-holding', '2021-01-01')?.share, 40);
  });
  test('a relation that ended no longer connects: the spun-off company left the family', () => {
    assert.equal(graph.connect('spunoff', 'acme-tech', '2020-06-01')?.kinship, 'subsidiary');
    assert.equal(graph.connect('spunoff', 'acme-tech', '2020-11-17'), undefined);
    assert.equal(graph.connect('spunoff', 'acme-tech', '2021-01-01'), undefined);
  });
  test('parents and sister companies are found through the common ancestor', () => {
    assert.equal(graph.connect('acme-holding', 'acme-tech', '2021-01-01')?.kinship, 'parent');
    const sister = graph.connect('acme-app', 'sister', '2021-01-01');
    assert.equal(sister?.kinship, 'affiliate');
    assert.deepEqual(sister?.path.map((s) => s.direction), ['up', 'up', 'down']);
  });
});
