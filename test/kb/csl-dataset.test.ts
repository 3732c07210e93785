import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport, lookupFormat, type ImportRequest } from '../../src/cli/commands/kb-import.js';
import { createContext } from '../../src/app/context.js';
import { compileDataDir } from '../../src/kb/files.js';
import { parseCslProjection } from '../../src/kb/import/csl.js';
import { dateEntry, firstListed, ruleTable } from '../../src/kb/import/federal-register.js';
import type { KbSource } from '../../src/kb/model.js';

const BASE = new URL('../fixtures/kb/import/base/', import.meta.url).pathname;
const LISTS = new URL('../fixtures/kb/import/lists/', import.meta.url).pathname;
const PROJECTION = readFileSync(`${LISTS}csl-projection.json`, 'utf8');

/** Two Entity List rules as the knowledge base records them (pages and dates from the Federal Register). */
const RULES = `sources:
  - id: fr-2020-28031
    url: https://www.govinfo.gov/content/pkg/FR-2020-12-22/pdf/2020-28031.pdf
    title: "Addition of Entities to the Entity List (85 FR 83416)"
    publisher: Federal Register
    date: 2020-12-22
    federalRegister: { volume: 85, firstPage: 83416, lastPage: 83432, document: 2020-28031, published: 2020-12-22, effective: 2020-12-18 }
  - id: fr-2024-28267
    url: https://www.federalregister.gov/d/2024-28267
    title: "Additions and Modifications to the Entity List (89 FR 96830)"
    publisher: Federal Register
    date: 2024-12-05
    federalRegister: { volume: 89, firstPage: 96830, lastPage: 96837, document: 2024-28267, published: 2024-12-05, effective: 2024-12-02 }
`;

const SDN = `measure:
  id: us-ofac-sdn
  title: Test measure us-ofac-sdn
  short: SDN List
  jurisdiction: US
  authority: Test authority
  kind: designation
  citations: [{ text: Test citation }]
  timeline:
    - { date: 2000-01-01, status: effective, note: In force., sources: [src-law] }
  obliges: Block.
  extent: majority-owned
  facets: [organisation]
  severity: high
  sources: [src-law]
listings: []
`;

/** The small import knowledge base with the rules and an SDN measure, in its own directory. */
function freshKb(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'covered-csl-')), 'kb');
  cpSync(BASE, dir, { recursive: true });
  writeFileSync(join(dir, 'sources', 'rules.yaml'), RULES);
  writeFileSync(join(dir, 'measures', 'us-ofac-sdn.yaml'), SDN);
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sub of readdirSync(dir)) for (const f of readdirSync(join(dir, sub))) out[`${sub}/${f}`] = readFileSync(join(dir, sub, f), 'utf8');
  return out;
}

function importText(dir: string, text: string, extra: Partial<ImportRequest> = {}) {
  const file = join(dir, '..', `edition-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return runImport({ kbDir: dir, format: lookupFormat('csl-projection'), file, date: '2026-12-05', partial: false, dryRun: false, ...extra });
}

/** The projection with only the entries `keep` accepts, its count adjusted. */
function edition(keep: (e: { n: string; s: number }, i: number) => boolean): string {
  const doc = JSON.parse(PROJECTION) as { entries: { n: string; s: number }[]; entryCount: number };
  doc.entries = doc.entries.filter(keep);
  doc.entryCount = doc.entries.length;
  return JSON.stringify(doc);
}

describe('CSL projection', () => {
  const list = parseCslProjection(PROJECTION);
  test('every entry with its list, kind, countries, citations and the list date', () => {
    assert.equal(list.entries.length, 40);
    assert.equal(list.listDate, '2026-07-31');
    const wingtech = list.entries.find((e) => e.name === 'Wingtech Technology Co., Ltd.')!;
    assert.equal(wingtech.measure, 'us-bis-entity-list');
    assert.equal(wingtech.federalRegister, '89 FR 96837');
    assert.deepEqual(wingtech.countries, ['CN']);
    assert.match(wingtech.note ?? '', /Licence requirement: For all items subject to the EAR/);
    assert.ok(list.entries.some((e) => e.measure === 'us-ofac-sdn' && e.kind === 'vessel'));
    assert.ok(list.entries.some((e) => e.measure === 'us-ofac-sdn' && e.kind === 'person'));
    assert.deepEqual(list.problems, []);
  });
  test('a truncated file is a problem, not an exception, and is marked truncated', () => {
    const cut = parseCslProjection(PROJECTION.slice(0, PROJECTION.length / 2));
    assert.match(cut.problems[0]?.message ?? '', /not JSON \(a truncated or damaged file\?\)/);
    const short = parseCslProjection(PROJECTION.replace('"entryCount": 40', '"entryCount": 41'));
    assert.ok(short.truncated);
  });
});

describe('dating entries from their Federal Register citation', () => {
  const table = ruleTable({
    a: { id: 'a', url: 'https://x.test/a', title: 'a', publisher: 'p', date: '2024-12-05', file: 'f', federalRegister: { volume: 89, firstPage: 96830, lastPage: 96837, published: '2024-12-05', effective: '2024-12-02' } },
    b: { id: 'b', url: 'https://x.test/b', title: 'b', publisher: 'p', date: '2024-12-20', file: 'f', federalRegister: { volume: 89, firstPage: 99000, published: '2024-12-20' } },
  } as Record<string, KbSource>);
  test('a page inside a recorded rule takes its effective date', () => {
    assert.deepEqual([dateEntry('89 FR 96837; 90 FR 100', table, '2026-07-31')].map((d) => [d.from, d.basis, d.source]), [['2024-12-02', 'effective', 'a']]);
    assert.doesNotMatch(dateEntry('89 FR 96837', table, '2026-07-31').reason, /secondary/);
  });
  test("a rule whose dates rest on secondary accounts says so in the listing's note", () => {
    const pressDated = ruleTable({
      c: { id: 'c', url: 'https://x.test/c', title: 'c', publisher: 'p', date: '2023-03-06', file: 'f', unverified: true, federalRegister: { volume: 88, firstPage: 13675, published: '2023-03-06', effective: '2023-03-02' } },
    } as Record<string, KbSource>);
    const dated = dateEntry('88 FR 13675', pressDated, '2026-07-31');
    assert.deepEqual([dated.from, dated.basis, dated.source], ['2023-03-02', 'effective', 'c']);
    assert.match(dated.reason, /effective 2023-03-02 \(dated from secondary accounts of the rule; its text was not seen\)/);
  });
  test('otherwise an upper bound: the next recorded rule of the volume, the volume\'s year, or the list date', () => {
    assert.deepEqual([dateEntry('89 FR 98000', table, '2026-07-31')].map((d) => [d.from, d.basis]), [['2024-12-20', 'on-or-before']]);
    assert.deepEqual([dateEntry('88 FR 5000', table, '2026-07-31')].map((d) => [d.from, d.basis]), [['2023-12-31', 'on-or-before']]);
    assert.deepEqual([dateEntry(undefined, table, '2026-07-31')].map((d) => [d.from, d.basis]), [['2026-07-31', 'on-or-before']]);
    assert.equal(dateEntry('75 FR 1699 (1/13/2010)', table, '2026-07-31').from, '2010-01-13', 'the date the list prints beside the citation');
  });
  test('a party with several entries is dated by the earliest, even a bound earlier than an exact date', () => {
    const revision = { d: dateEntry('89 FR 96837', table, '2026-07-31') }; // exact: 2024-12-02
    const addition = { d: dateEntry('88 FR 5000', table, '2026-07-31') }; // bound: on or before 2023-12-31
    assert.equal(firstListed([revision, addition]), addition, 'listed by the end of 2023; the 2024 rule revised the entry');
    const sameDayBound = { d: { ...addition.d, from: '2024-12-02' } };
    assert.equal(firstListed([sameDayBound, revision]), revision, 'of two equal dates, the exact one');
  });
});

describe('kb import of a CSL edition', () => {
  test('first edition: listings dated from their rule; screened across the date; a second import changes nothing', () => {
    const dir = freshKb();
    const run = importText(dir, PROJECTION);
    assert.ok(run.written, JSON.stringify(run.refused));
    const { kb, problems } = compileDataDir(dir);
    assert.deepEqual(problems.filter((p) => p.severity === 'error'), []);
    const wingtech = kb.listings.find((l) => l.measure === 'us-bis-entity-list' && l.nameAsListed === 'Wingtech Technology Co., Ltd.')!;
    assert.deepEqual([wingtech.from, wingtech.dateBasis, wingtech.sources], ['2024-12-02', undefined, ['csl-2026-07-31', 'fr-2024-28267']]);
    const vessel = Object.values(kb.organisations).find((o) => o.kind === 'vessel');
    assert.ok(vessel?.file.endsWith('generated/us-csl.json'));

    const { engine } = createContext(dir);
    const screen = (name: string, asOf: string) =>
      engine.screen({ origin: { file: 't', line: 1 }, fields: { name: [name] }, label: name }, { asOf, profile: kb.profiles.all!, includeHistorical: false }).findings.filter((f) => f.measure.id === 'us-bis-entity-list');
    assert.deepEqual(screen('Wingtech Technology Co., Ltd.', '2024-12-01'), [], 'not listed the day before the rule took effect');
    assert.equal(screen('Wingtech Technology Co., Ltd.', '2024-12-02')[0]?.state, 'in-force');
    // An entry of a rule the test knowledge base does not record, bounded after the measure took effect.
    const undated = kb.listings.find((l) => l.measure === 'us-bis-entity-list' && l.dateBasis === 'on-or-before' && l.from > '2022-06-03')!;
    const yearBefore = `${Number(undated.from.slice(0, 4)) - 1}${undated.from.slice(4)}`;
    assert.equal(screen(undated.nameAsListed, yearBefore)[0]?.state, 'unconfirmed', 'before its bound the listing is neither in force nor absent');
    assert.equal(screen(undated.nameAsListed, undated.from)[0]?.state, 'in-force');

    const before = snapshot(dir);
    const again = importText(dir, PROJECTION);
    assert.deepEqual(again.plan.changes, []);
    assert.equal(again.written, false);
    assert.deepEqual(snapshot(dir), before);
  });

  const safeguards: [string, () => string, RegExp][] = [
    ['a truncated file', () => PROJECTION.slice(0, Math.floor(PROJECTION.length * 0.8)), /damaged or truncated|truncated or damaged/],
    ['a partial file (half the Entity List)', () => edition((e, i) => e.s !== 4 || i % 2 === 0), /looks partial|would end/],
    ['a well-formed five-entry file', () => edition((_, i) => i < 5), /looks partial/],
  ];
  for (const [what, text, reason] of safeguards) {
    test(`${what} leaves the knowledge base as it was, naming what would have ended`, () => {
      const dir = freshKb();
      assert.ok(importText(dir, PROJECTION).written);
      const before = snapshot(dir);
      let run: ReturnType<typeof importText>;
      try {
        run = importText(dir, text());
      } catch (e) {
        // A file that cannot be read at all is an input error (exit 2), with the reason.
        assert.match((e as Error).message, reason);
        assert.deepEqual(snapshot(dir), before, 'nothing written');
        return;
      }
      assert.equal(run.written, false);
      assert.ok(run.refused.some((r) => reason.test(r.message)), run.refused.map((r) => r.message).join('\n'));
      assert.deepEqual(snapshot(dir), before, 'nothing written');
      if (!/truncated/.test(what)) {
        const ended = run.plan.changes.filter((c) => c.kind === 'removed');
        assert.ok(ended.length > 0 && ended.every((c) => c.kind === 'removed' && c.name.length > 0), 'every listing that would end is named');
      }
    });
  }

  test('--allow-removals accepts an edition that ends listings; they end on its date, history kept', () => {
    const dir = freshKb();
    assert.ok(importText(dir, PROJECTION).written);
    const dropped = 'Wingtech Technology Co., Ltd.';
    const next = edition((e) => e.n !== dropped && !e.n.startsWith('Beijing G'));
    const refused = importText(dir, next);
    assert.equal(refused.written, false);
    const accepted = importText(dir, next, { allowRemovals: true });
    assert.ok(accepted.written, accepted.refused.map((r) => r.message).join('\n'));
    const { kb } = compileDataDir(dir);
    const wingtech = kb.listings.find((l) => l.nameAsListed === dropped)!;
    assert.deepEqual([wingtech.from, wingtech.to], ['2024-12-02', '2026-07-31']);
  });

  test('a party the list also calls by a curated company\'s own name is that company; a one-word brand placed in another country is not; a regeneration moves, never ends', () => {
    const dir = freshKb();
    const withParties = (text: string) => {
      const doc = JSON.parse(text) as { entries: Record<string, unknown>[]; entryCount: number };
      doc.entries.push(
        { n: 'Tianjin Heron Weiye Technologies Co., Ltd.', a: ['Heron Vision Technologies'], s: 4, c: ['CN'], lr: 31, lp: 1, fr: '89 FR 96837', u: 3 },
        { n: 'OSPREY', s: 9, t: 'Entity', c: ['CG'], u: 0 },
      );
      doc.entryCount = doc.entries.length;
      return JSON.stringify(doc);
    };
    assert.ok(importText(dir, withParties(PROJECTION)).written);
    // Curated records written after the first edition: a reference company and a brand of the same words.
    writeFileSync(
      join(dir, 'groups', 'heron.yaml'),
      `group: { id: heron, name: Heron }
organisations:
  - id: heron-vision
    names: [{ value: "Heron Vision Technologies Co., Ltd.", kind: legal }, { value: 苍鹭视觉技术有限公司, kind: legal }]
    country: CN
    sources: [src-list]
  - id: osprey-browser
    names: [{ value: "Osprey Software Limited", kind: legal }, { value: Osprey, kind: brand }]
    country: KY
    sources: [src-list]
`,
    );
    const again = importText(dir, withParties(PROJECTION));
    assert.ok(again.written, again.refused.map((r) => r.message).join('\n'));
    assert.deepEqual(
      again.plan.changes.map((c) => [c.kind, c.kind === 'moved' ? c.after : '']),
      [['moved', 'heron-vision']],
      'the listing moves to the curated company; none ends, and the brand takes nothing',
    );
    const { kb } = compileDataDir(dir);
    assert.equal(kb.listings.find((l) => l.nameAsListed === 'Tianjin Heron Weiye Technologies Co., Ltd.')?.target, 'heron-vision');
    assert.notEqual(kb.listings.find((l) => l.nameAsListed === 'OSPREY')?.target, 'osprey-browser');
    const { engine } = createContext(dir);
    const findings = engine.screen({ origin: { file: 't', line: 1 }, fields: { name: ['苍鹭视觉技术有限公司'] }, label: 'x' }, { asOf: '2025-01-01', profile: kb.profiles.all!, includeHistorical: false }).findings;
    assert.ok(findings.some((f) => f.measure.id === 'us-bis-entity-list'), 'the company\'s own names now meet its listing');
  });

  test('a party keeps its id when another of its name leaves for a curated record: nothing is renumbered or ended', () => {
    const dir = freshKb();
    const doc = JSON.parse(PROJECTION) as { entries: Record<string, unknown>[]; entryCount: number };
    doc.entries.push(
      { n: 'Egret Optics Co., Ltd.', s: 4, c: ['CN'], lr: 31, lp: 1, fr: '89 FR 96837', u: 3 },
      { n: 'Egret Optics Limited', s: 4, c: ['HK'], lr: 31, lp: 1, fr: '89 FR 96837', u: 3 },
    );
    doc.entryCount = doc.entries.length;
    const text = JSON.stringify(doc);
    assert.ok(importText(dir, text).written);
    const idsOf = () => Object.values(compileDataDir(dir).kb.organisations).filter((o) => o.names.some((n) => n.value.startsWith('Egret Optics'))).map((o) => `${o.id}:${o.country}`).sort();
    const before = idsOf();
    assert.equal(before.length, 2);
    writeFileSync(join(dir, 'groups', 'egret.yaml'), `group: { id: egret, name: Egret }
organisations:
  - id: egret-optics-cn
    names: [{ value: "Egret Optics Co., Ltd.", kind: legal }]
    country: CN
    sources: [src-list]
`);
    const again = importText(dir, text);
    assert.ok(again.written, again.refused.map((r) => r.message).join('\n'));
    assert.deepEqual(again.plan.changes.map((c) => c.kind), ['moved']);
    const hk = before.find((x) => x.endsWith(':HK'));
    assert.ok(hk && idsOf().includes(hk), `the Hong Kong party keeps ${hk}: ${idsOf().join(', ')}`);
  });
});

