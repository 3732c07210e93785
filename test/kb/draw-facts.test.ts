/**
 * The seeded draw of curated facts for random checks: the same seed gives the same draw, no file gives more
 * than two facts, and neither the generated dataset nor the listed-* group files imported from the
 * Consolidated Screening List are drawn from.
 */
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { curatedFacts, drawFacts, type Fact } from '../../tools/kb/draw-facts.js';
import { BUNDLED_DATA_DIR } from '../../src/kb/files.js';

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'draw-facts-'));
  for (const sub of ['groups', 'measures', 'sources', 'generated']) mkdirSync(join(dir, sub));
  writeFileSync(
    join(dir, 'groups', 'acme.yaml'),
    `group: { id: acme, name: Acme }
organisations:
  - id: acme
    names: [{ value: Acme Ltd., kind: legal }, { value: Acme, kind: brand }, { value: 艾克米, kind: brand, script: hans }]
    country: CN
    identifiers: [{ scheme: ticker, value: "600000", exchange: SSE }]
relations:
  - { subject: acme, predicate: owns, object: acme-sub }
products:
  - { id: acme-app, kind: app, name: Acme, owner: acme, android: [com.acme.app] }
`,
  );
  writeFileSync(join(dir, 'groups', 'listed-us-bis-entity-list.yaml'), 'organisations:\n  - { id: listed-only, names: [{ value: Listed Only, kind: listed }], country: RU }\n');
  writeFileSync(
    join(dir, 'measures', 'm.yaml'),
    'measure:\n  id: m\n  timeline:\n    - { date: 2020-01-01, status: effective, note: In force. }\nlistings:\n  - { target: acme, nameAsListed: ACME LTD., from: 2020-01-01 }\n',
  );
  writeFileSync(
    join(dir, 'sources', 's.yaml'),
    'sources:\n  - { id: fr-1, url: "https://example.org", title: Rule, publisher: BIS, date: 2020-01-02, federalRegister: { volume: 85, firstPage: 100, published: 2020-01-02, effective: 2020-01-01 } }\n  - { id: press, url: "https://example.org/p", title: Press, publisher: P, date: 2020-01-02 }\n',
  );
  writeFileSync(join(dir, 'generated', 'us-csl.json'), '{}');
  return dir;
}

describe('seeded draw of curated facts', () => {
  const facts = curatedFacts(dataDir());

  test('every kind of curated fact is a line, and imported files give none', () => {
    const lines = facts.map((f) => `${f.file} ${f.record} ${f.fact}`);
    assert.ok(lines.some((l) => l.includes('name (legal): Acme Ltd.')));
    assert.ok(lines.some((l) => l.includes('name (brand, hans): 艾克米')));
    assert.ok(!lines.some((l) => l.includes('name (brand): Acme')), 'a Latin brand is not a checked name');
    assert.ok(lines.some((l) => l.includes('country: CN')));
    assert.ok(lines.some((l) => l.includes('identifier ticker (SSE): 600000')));
    assert.ok(lines.some((l) => l.includes('acme owns acme-sub')));
    assert.ok(lines.some((l) => l.includes('android of Acme: com.acme.app')));
    assert.ok(lines.some((l) => l.includes('timeline 2020-01-01 effective')));
    assert.ok(lines.some((l) => l.includes('listed as "ACME LTD." from 2020-01-01')));
    assert.ok(lines.some((l) => l.includes('85 FR 100: published 2020-01-02, effective 2020-01-01')));
    assert.ok(!lines.some((l) => l.includes('Listed Only') || l.includes('press')));
  });

  test('the same seed draws the same facts, another seed another order, at most two a file', () => {
    const key = (drawn: Fact[]) => drawn.map((f) => `${f.file}|${f.record}|${f.fact}`);
    const first = drawFacts(facts, 20261209, 5);
    assert.deepEqual(key(drawFacts(facts, 20261209, 5)), key(first));
    assert.equal(first.length, 5);
    const perFile = new Map<string, number>();
    for (const f of first) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
    assert.ok([...perFile.values()].every((n) => n <= 2));
    const bundled = curatedFacts(BUNDLED_DATA_DIR);
    assert.notDeepEqual(key(drawFacts(bundled, 20261209, 60)), key(drawFacts(bundled, 20261208, 60)));
  });
});
