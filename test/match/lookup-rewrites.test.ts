/**
 * A look-up reaches the names the pair scorer matches only after a rewrite: the candidate step keys
 * and tests names as the scorer reads them (real names of the bundled lists, written another way).
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createContext, type Context } from '../../src/app/context.js';

let ctx: Context | undefined;
const resolved = (query: string) => (ctx ??= createContext()).resolver.resolveName(query).resolutions.map((r) => r.entity.id);

describe('look-ups reach names through the scorer\'s rewrites', () => {
  for (const [query, id, how] of [
    ['JOINT STOCK COMPANY SPE RADIY', 'joint-stock-scientific-production-enterprise-radiy', 'an abbreviation of the listed words (Scientific Production Enterprise)'],
    ['OJSC MBP Arsenal', 'open-joint-stock-machine-building-plant-arsenal', 'an abbreviation of the listed words (Machine Building Plant)'],
    ['RADA Aircompany LLC', 'aviakompaniya-rada', 'a kind of body named by another word (Airlines)'],
    ['JOINT STOCK COMPANY LUCH Factory', 'joint-stock-luch-plant', 'a kind of body named by another word (Plant)'],
    ['Allparc Trading Co Ltd', 'allparts-trading', 'a word spelled as heard (Allparts)'],
  ] as const) {
    test(`${query}: ${how}`, () => {
      assert.ok(resolved(query).includes(id), `${query} → ${resolved(query).join(', ') || 'nothing'}`);
    });
  }
});
