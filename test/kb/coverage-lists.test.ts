import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { listingPhase } from '../../src/kb/timeline.js';

// Listings imported from the official list files into the bundled knowledge base. The counts are
// floors: they fall if an import regresses or its records go missing.
const kb = loadKnowledgeBase();
const listingsOf = (measure: string) => kb.listings.filter((l) => l.measure === measure);
const activeOn = (measure: string, target: string, date: string) => listingsOf(measure).some((l) => l.target === target && listingPhase(l, date) === 'active');

describe('imported list coverage', () => {
  test('BIS MEU List: the Chinese entries of December 2020 and January 2021', () => {
    assert.ok(listingsOf('us-bis-meu').length >= 70);
    assert.ok(activeOn('us-bis-meu', 'academy-of-aerospace-solid-propulsion-technology', '2021-01-01'));
    assert.ok(!activeOn('us-bis-meu', 'academy-of-aerospace-solid-propulsion-technology', '2020-12-22'), 'not before the list existed');
  });
  test('BIS Entity List: curated headline entries plus the Chinese entries of the staged CSL', () => {
    const el = listingsOf('us-bis-entity-list');
    assert.ok(el.length >= 140);
    assert.ok(activeOn('us-bis-entity-list', 'huawei-technologies', '2019-05-17'));
    assert.ok(!activeOn('us-bis-entity-list', 'huawei-technologies', '2019-05-15'));
    assert.ok(el.filter((l) => l.from < '2016-01-01').length >= 100, 'entries from before 2016');
  });
  test('every imported listing carries the import source and its file checksum', () => {
    const imported = kb.listings.filter((l) => l.sources.some((s) => s.startsWith('import-')));
    assert.ok(imported.length >= 200);
    for (const id of new Set(imported.flatMap((l) => l.sources.filter((s) => s.startsWith('import-'))))) {
      assert.match(kb.sources[id]?.note ?? '', /sha256 [0-9a-f]{64}/, id);
    }
  });
});
