import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { loadKnowledgeBase } from '../../src/kb/files.js';

const GROUPS = new URL('../../data/groups/', import.meta.url).pathname;

describe('group notes agree with the listings', () => {
  test('no group whose note says it is no target of any measure holds a listing', () => {
    const kb = loadKnowledgeBase();
    const listed = new Set(kb.listings.map((l) => kb.organisations[l.target]?.group ?? kb.products[l.target]?.group));
    const wrong = readdirSync(GROUPS)
      .map((f) => (parse(readFileSync(`${GROUPS}${f}`, 'utf8')) as { group: { id: string; note?: string } }).group)
      .filter((g) => /Not a target of any measure/.test(g.note ?? '') && listed.has(g.id))
      .map((g) => g.id);
    assert.deepEqual(wrong, []);
  });
});
