import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, fixtureEngine, fixtureKb, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';

const engine = fixtureEngine();
const kb = fixtureKb();
const all = kb.profiles.all as Profile;
const opts = (asOf: string, extra: Partial<{ includeHistorical: boolean; profile: Profile }> = {}) => ({ asOf, profile: all, includeHistorical: false, ...extra });

describe('screening engine', () => {
  test('an app id resolves to the app, up to its maker, to the listing — with path, evidence and citation', () => {
    const r = engine.screen(item({ app: 'com.acmetek.chat' }), opts('2020-09-21'));
    assert.equal(r.status, 'screened');
    const [f] = r.findings;
    assert.equal(f?.measure.id, 'xx-order-1');
    assert.equal(f?.subject.id, 'acme-tech');
    assert.equal(f?.state, 'in-force');
    assert.equal(f?.kinship, 'own-product');
    assert.deepEqual(f?.path.map((s) => `${s.from.id} ${s.relation} ${s.to.id}`), ['acme-app product of acme-tech']);
    assert.equal(f?.match.method, 'app-id');
    assert.equal(f?.evidence[0]?.type, 'identifier');
    assert.deepEqual(f?.citations, [{ text: 'Test citation 1' }]);
    assert.equal(f?.obligation, 'No transactions with the app.');
  });
  test('the same item changes state with the date: pending, in force, enjoined (historical), revoked', () => {
    const state = (asOf: string, includeHistorical = false) =>
      engine.screen(item({ host: 'a.b.acmechat.com' }), opts(asOf, { includeHistorical })).findings.map((f) => `${f.state}/${f.status.status}`);
    assert.deepEqual(state('2020-07-01'), []);
    assert.deepEqual(state('2020-09-01'), ['pending/signed']);
    assert.deepEqual(state('2020-09-21'), ['in-force/effective']);
    assert.deepEqual(state('2020-10-15'), [], 'historical findings are hidden by default');
    assert.deepEqual(state('2020-10-15', true), ['historical/enjoined']);
    assert.deepEqual(state('2022-01-01', true), ['historical/revoked']);
  });
  test('historical findings are reported at info severity', () => {
    const [f] = engine.screen(item({ host: 'acmechat.com' }), opts('2022-01-01', { includeHistorical: true })).findings;
    assert.equal(f?.severity, 'info');
  });
  test("a measure that reaches only the listed entity does not reach its parent's other companies", () => {
    // xx-list-2 (extent: listed) lists acme-device; a model of acme-device's cameras is its own product.
    const cam = engine.screen(item({ model: 'AC-123' }), opts('2021-01-01'));
    assert.deepEqual(cam.findings.map((f) => f.measure.id), ['xx-list-2']);
    assert.equal(cam.findings[0]?.kinship, 'own-product');
    // The parent's name is not the listed entity.
    const parent = engine.screen(item({ name: 'Acme Technologies Co Ltd', model: 'AC-1' }), opts('2021-01-01'));
    assert.ok(!parent.findings.some((f) => f.measure.id === 'xx-list-2'));
  });
  test('a listing ends on its end date: historical "delisted" afterwards', () => {
    const r = engine.screen(item({ model: 'AC-123' }), opts('2022-06-01', { includeHistorical: true }));
    assert.equal(r.findings[0]?.status.status, 'delisted');
    assert.equal(r.findings[0]?.state, 'historical');
  });
  test('measures apply only to the facets they speak of: a domain is not a security', () => {
    // xx-invest-3 (securities, affiliates) lists sister, an affiliate of acme-tech.
    const domain = engine.screen(item({ host: 'acmechat.com' }), opts('2021-02-01'));
    assert.ok(!domain.findings.some((f) => f.measure.id === 'xx-invest-3'));
    const security = engine.screen(item({ isin: 'US0378331005' }), opts('2021-02-01'));
    const f = security.findings.find((x) => x.measure.id === 'xx-invest-3');
    assert.equal(f?.kinship, 'parent');
    assert.ok(f?.unverified?.some((u) => u.includes('acme-holding owns sister')), 'the path rests on an unverified relation');
  });
  test('a MAC resolves through a declared IEEE registrant; randomised MACs are unresolvable, not guessed', () => {
    const r = engine.screen(item({ mac: '00:0c:29:ab:cd:ef', category: 'camera' }), opts('2021-01-01'));
    assert.equal(r.status, 'screened');
    const local = engine.screen(item({ mac: 'da:a1:19:00:11:22' }), opts('2021-01-01'));
    assert.equal(local.status, 'screened');
    assert.match(local.warnings?.[0]?.message ?? '', /locally administered/);
  });
  test('a row whose only value is malformed is rejected with the reason', () => {
    const r = engine.screen(item({ isin: 'US0378331006' }), opts('2021-01-01'));
    assert.equal(r.status, 'rejected');
    assert.match(r.error ?? '', /bad check digit/);
  });
  test('a row with a malformed value and a good one is screened, with a warning', () => {
    const r = engine.screen(item({ isin: 'US0378331006', app: 'com.acmetek.chat' }), opts('2021-01-01'));
    assert.equal(r.status, 'screened');
    assert.equal(r.warnings?.[0]?.field, 'isin');
  });
  test('a profile limits the measures and sets their severity', () => {
    const investor = kb.profiles.investor as Profile;
    const r = engine.screen(item({ isin: 'US0378331005', app: 'com.acmetek.chat' }), opts('2021-02-01', { profile: investor }));
    assert.deepEqual(r.findings.map((f) => `${f.measure.id}:${f.severity}`), ['xx-invest-3:critical']);
  });
  test('a publisher namespace resolves to the organisation at lower confidence', () => {
    const r = engine.screen(item({ app: 'com.acmetek.other' }), opts('2020-09-21'));
    assert.equal(r.findings[0]?.match.method, 'app-namespace');
    assert.ok((r.findings[0]?.confidence ?? 1) < 0.7);
  });
});

describe('category rules', () => {
  test('a router is flagged under a category rule from its start date, with the exceptions, at medium at most', () => {
    assert.deepEqual(engine.screen(item({ category: 'Router' }), opts('2021-01-01')).findings, []);
    const [f] = engine.screen(item({ category: 'Router', name: 'Some Vendor' }), opts('2021-06-01')).findings;
    assert.equal(f?.subject.id, 'foreign-routers');
    assert.equal(f?.kinship, 'category');
    assert.equal(f?.severity, 'medium');
    assert.deepEqual(f?.exceptions, ['Routers with a Conditional Approval']);
    assert.equal(f?.confidence, 0.5);
  });
  test('other categories are not flagged', () => {
    assert.deepEqual(engine.screen(item({ category: 'switch' }), opts('2021-06-01')).findings, []);
  });
});

describe('companies named after a listed house', () => {
  const bundled = bundledEngine();
  const everything = bundled.kb.profiles.all as Profile;
  const screen = (name: string) => bundled.screen(item({ name }), { asOf: '2024-01-01', profile: everything, includeHistorical: false });

  test('a subsidiary missing from the knowledge base is presumed one, for measures that reach subsidiaries only', () => {
    const r = screen('Huawei Technologies Reykjavik ehf.');
    const measures = r.findings.map((f) => f.measure.id);
    assert.ok(measures.includes('us-ndaa-889'), measures.join());
    // The Entity List names each company it lists: a presumed subsidiary is not on it.
    assert.ok(!measures.includes('us-bis-entity-list'), measures.join());
    for (const f of r.findings) {
      assert.equal(f.kinship, 'presumed-subsidiary');
      assert.equal(f.match.method, 'group-name');
      assert.ok(f.confidence < 0.8, `${f.measure.id} ${f.confidence}`);
    }
  });
  test('a company of the knowledge base is matched as itself, not presumed', () => {
    const f = screen('Huawei Technologies Co., Ltd.').findings.find((x) => x.measure.id === 'us-ndaa-889');
    assert.equal(f?.kinship, 'self');
    assert.equal(f?.match.method, 'name');
  });
  test("an unlisted house's name and a city-and-words name that spells an abbreviation give nothing", () => {
    for (const name of ['Juniper Widgets Inc.', 'Tampere Crescent Logistics Inc.', 'Shenzhen Acme Packaging Co., Ltd.']) {
      assert.deepEqual(screen(name).findings, [], name);
      assert.deepEqual(bundled.resolver.resolve('name', name).resolutions, [], name);
    }
    // The abbreviation itself still finds the house.
    assert.equal(bundled.resolver.resolve('name', 'TCL').resolutions[0]?.entity.id, 'tcl-technology');
  });
});

describe('unverified records', () => {
  test('a finding reached through a record marked unverified says so', () => {
    const bundled = bundledEngine();
    const product = Object.values(bundled.kb.products).find((p) => p.unverified && p.android.length > 0 && bundled.kb.listings.some((l) => l.target === p.id));
    assert.ok(product, 'the bundled knowledge base has an unverified app with a listing');
    const listing = bundled.kb.listings.find((l) => l.target === product.id)!;
    const asOf = listing.from;
    const r = bundled.screen(item({ app: product.android[0]! }), { asOf, profile: bundled.kb.profiles.all as Profile, includeHistorical: true });
    const f = r.findings.find((x) => x.subject.id === product.id);
    assert.ok(f?.unverified?.includes(`product ${product.id}`), JSON.stringify(f?.unverified));
  });
});

describe('a reach that changes with time', () => {
  test('from 2027-06-30 the 1260H list reaches the companies a listed one controls (NDAA FY2024 sec. 805)', () => {
    const bundled = bundledEngine();
    const kb = bundled.kb;
    const listed = new Set(kb.listings.filter((l) => l.measure === 'us-dod-1260h' && l.to === undefined).map((l) => l.target));
    const everListed = new Set(kb.listings.filter((l) => l.measure === 'us-dod-1260h').map((l) => l.target));
    const rel = kb.relations.find(
      (r) => (r.predicate === 'owns' || r.predicate === 'controls') && listed.has(r.subject) && !everListed.has(r.object) && !r.to && kb.organisations[r.object] && !r.from,
    );
    assert.ok(rel, 'a listed company controls an unlisted one');
    const name = kb.organisations[rel.object]!.names[0]!.value;
    const on = (asOf: string) =>
      bundled
        .screen(item({ name }), { asOf, profile: kb.profiles.all as Profile, includeHistorical: false })
        .findings.filter((f) => f.measure.id === 'us-dod-1260h');
    assert.deepEqual(on('2027-06-29'), [], `${name} before sec. 805's second stage`);
    const after = on('2027-06-30');
    assert.ok(after.length > 0, `${name} from 2027-06-30`);
    assert.equal(after[0]?.kinship, 'subsidiary');
  });
});
