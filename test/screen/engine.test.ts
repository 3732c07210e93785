import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bundledEngine, fixtureEngine, fixtureKb, item } from '../helpers.js';
import type { Profile } from '../../src/model/kb.js';
import type { FieldKind } from '../../src/model/item.js';
import { ScreeningEngine } from '../../src/screen/engine.js';
import { Resolver } from '../../src/match/resolver.js';

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
  test('values that resolve alike share findings, each with its own value and evidence', () => {
    // The findings are computed once per entity, method and confidence; the value is the row's.
    const options = opts('2020-09-21');
    const hosts = ['one.acmechat.com', 'two.acmechat.com', 'three.acmechat.com'];
    const results = hosts.map((host) => engine.screen(item({ host }), options));
    for (const [i, host] of hosts.entries()) {
      const [f] = results[i]!.findings;
      assert.equal(f?.measure.id, 'xx-order-1');
      assert.equal(f?.match.value, host);
      assert.ok(JSON.stringify(f?.evidence).includes(host), JSON.stringify(f?.evidence));
      assert.ok(!hosts.filter((h) => h !== host).some((other) => JSON.stringify(f).includes(other)));
    }
    assert.equal(results[0]!.findings[0]!.citations, results[1]!.findings[0]!.citations);
  });
  test('the same item changes state with the date: pending, in force, enjoined (historical), revoked', () => {
    const state = (asOf: string, includeHistorical = false) =>
      engine.screen(item({ host: 'a.b.acmechat.com' }), opts(asOf, { includeHistorical })).findings.filter((f) => f.role === 'obligation').map((f) => `${f.state}/${f.status.status}`);
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
    const obligations = cam.findings.filter((f) => f.role === 'obligation');
    assert.deepEqual(obligations.map((f) => f.measure.id), ['xx-list-2']);
    assert.equal(obligations[0]?.kinship, 'own-product');
    // The parent's name is not the listed entity.
    const parent = engine.screen(item({ name: 'Acme Technologies Co Ltd', model: 'AC-1' }), opts('2021-01-01'));
    assert.ok(!parent.findings.some((f) => f.measure.id === 'xx-list-2' && f.role === 'obligation'));
  });
  test('a listing ends on its end date: historical "delisted" afterwards', () => {
    const r = engine.screen(item({ model: 'AC-123' }), opts('2022-06-01', { includeHistorical: true }));
    const f = r.findings.find((x) => x.measure.id === 'xx-list-2');
    assert.equal(f?.status.status, 'delisted');
    assert.equal(f?.state, 'historical');
  });
  test('measures apply only to the facets they speak of: a domain is not a security', () => {
    // xx-invest-3 (securities, affiliates) lists sister, an affiliate of acme-tech.
    const domain = engine.screen(item({ host: 'acmechat.com' }), opts('2021-02-01'));
    assert.ok(!domain.findings.some((f) => f.measure.id === 'xx-invest-3' && f.role === 'obligation'));
    // …but the domain's owner belongs to the listed group: said as context, at info, never dropped silently.
    const context = domain.findings.find((f) => f.measure.id === 'xx-invest-3');
    assert.equal(context?.role, 'context');
    assert.equal(context?.severity, 'info');
    assert.equal(context?.context?.reason, 'facet');
    assert.match(context?.context?.note ?? '', /applies to security; this item is service/);
    const hidden = engine.screen(item({ host: 'acmechat.com' }), { ...opts('2021-02-01'), profile: { ...opts('2021-02-01').profile, context: 'hide' } });
    assert.ok(!hidden.findings.some((f) => f.role === 'context'), 'a profile may hide context');
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
    const measures = r.findings.filter((f) => f.role === 'obligation').map((f) => f.measure.id);
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
    const before = on('2027-06-29');
    assert.deepEqual(before.filter((f) => f.role === 'obligation'), [], `${name} before sec. 805's second stage`);
    // Before then the reach is shown as context, pending from 2027-06-30.
    assert.ok(before.every((f) => f.role === 'context' && f.context?.reason === 'reach-later' && f.context.from === '2027-06-30' && f.severity === 'info'), JSON.stringify(before.map((f) => f.context)));
    const after = on('2027-06-30');
    assert.ok(after.length > 0, `${name} from 2027-06-30`);
    assert.equal(after[0]?.kinship, 'subsidiary');
  });
});

describe('confidence and identifiers in a row', () => {
  const bundled = bundledEngine();
  const everything = bundled.kb.profiles.all as Profile;
  const screen = (fields: Parameters<typeof item>[0]) => bundled.screen(item(fields), { asOf: '2026-12-01', profile: everything, includeHistorical: false });

  test('a weak name match is never high: a presumed subsidiary is at most medium', () => {
    const r = screen({ name: 'Huawei Technologies Duesseldorf GmbH' });
    assert.ok(r.findings.length > 0);
    for (const f of r.findings) assert.ok(['medium', 'low', 'info'].includes(f.severity), `${f.measure.id} ${f.severity}`);
  });
  test('names that share only a common word or a house name with a listed company give nothing', () => {
    for (const name of ['T-MOBILE USA INC', 'Mobile China Ltd', 'Dahua Securities', 'Hua Wei Trading LLC', 'Apple Hospitality REIT']) {
      assert.deepEqual(screen({ name }).findings.map((f) => f.measure.id), [], name);
    }
  });
  test("the row's country sets aside a list party of another country, with a warning that names both", () => {
    const withCountry = (name: string, country: string) =>
      bundled.screen({ ...item({ name }), asset: { country } }, { asOf: '2026-12-01', profile: everything, includeHistorical: false });
    // A party the Entity List places in Russia only.
    const russian = withCountry('ICL Electronics LLC', 'Russia');
    assert.ok(russian.findings.some((f) => f.subject.id === 'icl-electronics-liability'), 'same country: the finding stands');
    assert.ok(withCountry('ICL Electronics LLC', 'RUS').findings.some((f) => f.subject.id === 'icl-electronics-liability'), 'an alpha-3 code');
    const german = withCountry('ICL Electronics LLC', 'Deutschland');
    assert.deepEqual(german.findings.map((f) => f.subject.id), []);
    assert.match(german.warnings?.map((w) => w.message).join(' ') ?? '', /ICL ELECTRONICS.*\(RU\).*Deutschland \(DE\)/i);
    // Mainland China, Hong Kong and Macao are one country for this purpose.
    assert.ok(withCountry('ICGOO Electronics Limited', 'Hong Kong SAR').findings.length > 0);
    // A curated house trades everywhere: its companies are not set aside by country.
    assert.ok(withCountry('Huawei Technologies Co., Ltd.', 'Germany').findings.some((f) => f.subject.id.startsWith('huawei')));
    // A country Covered cannot read weighs nothing and is said.
    const unread = withCountry('ICL Electronics LLC', 'Atlantis');
    assert.ok(unread.findings.some((f) => f.subject.id === 'icl-electronics-liability'));
    assert.match(unread.warnings?.map((w) => w.message).join(' ') ?? '', /"Atlantis" is not a country/);
  });
  test('an ISIN decides the entity over an approximate name in the same row, with a warning, and nothing is doubled', () => {
    const r = screen({ name: 'China Mobil Comms', isin: 'KYG8020E1199' });
    assert.ok(r.findings.every((f) => f.subject.id === 'smic'), r.findings.map((f) => f.subject.id).join());
    assert.match(r.warnings?.[0]?.message ?? '', /identifies Semiconductor Manufacturing International/);
    const both = screen({ name: 'Semiconductor Manufacturing International Corporation', isin: 'KYG8020E1199' });
    const keys = both.findings.map((f) => `${f.measure.id}|${f.subject.id}`);
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('no silent drops: lookup and scan agree on every value', async () => {
  const { entityDossier } = await import('../../src/screen/dossier.js');
  const { CorporateGraph } = await import('../../src/kb/graph.js');
  const bundled = bundledEngine();
  const graph = new CorporateGraph(bundled.kb);
  const asOf = '2026-12-01';
  const values: [FieldKind, string][] = [
    ['library', 'lib/arm64-v8a/libBugly.so'],
    ['app', 'com.tencent.mm'],
    ['host', 'qq.com'],
    ['host', 'www.baidu.com'],
    ['host', 'taobao.com'],
    ['mac', '14:75:90:00:00:01'],
    ['mac', '24:19:72:00:00:01'],
    ['mac', '04:31:10:00:00:01'],
    ['name', 'China Mobile Limited'],
  ];
  for (const [field, value] of values) {
    test(`${field} ${value}: every listing lookup shows in force is a finding of the scan, as an obligation or as context`, () => {
      const outcome = bundled.resolver.resolve(field, value);
      assert.ok(outcome.resolutions.length > 0, `${value} resolves`);
      const shown = new Set(
        outcome.resolutions.flatMap((r) => entityDossier(bundled.kb, graph, r.entity.id, asOf)?.listings ?? []).filter((l) => l.state === 'in-force' || l.state === 'pending').map((l) => l.measure),
      );
      assert.ok(shown.size > 0, `${value} belongs to a listed group`);
      const result = bundled.screen(item({ [field]: value }), { asOf, profile: bundled.kb.profiles.all as Profile, includeHistorical: false });
      const found = new Set(result.findings.map((f) => f.measure.id));
      for (const m of shown) assert.ok(found.has(m), `${value}: lookup shows ${m}; the scan has ${[...found].join(', ')}`);
      for (const f of result.findings.filter((x) => x.role === 'context')) {
        assert.equal(f.severity, 'info');
        assert.ok(f.context?.note, 'context says why the obligation does not apply');
      }
    });
  }
});

describe('no silent drops: an item of a listed house that a measure does not name', () => {
  const bundled = bundledEngine();
  const screen = (fields: Parameters<typeof item>[0]) => bundled.screen(item(fields), { asOf: '2026-12-01', profile: bundled.kb.profiles.all as Profile, includeHistorical: false }).findings;
  test('another app of the publisher of an app India blocked by name gets the order as context', () => {
    // com.elex.coq.gp resolves to Elex by its namespace; India's order of 2020-06-29 names Elex's Clash of Kings.
    const f = screen({ app: 'com.elex.coq.gp' }).find((x) => x.measure.id === 'in-69a-2020-06');
    assert.equal(f?.role, 'context');
    assert.equal(f?.severity, 'info');
    assert.equal(f?.context?.reason, 'outside-reach');
    assert.match(f?.context?.note ?? '', /reaches only what it names; this item's Elex Technology stands above Clash of Kings/);
  });
  test('a subsidiary of a company an order names alone gets that order as context, beside the obligations that reach it', () => {
    const findings = screen({ name: 'Hikvision USA Inc.' });
    const canada = findings.find((x) => x.measure.id === 'ca-ica-hikvision-2025');
    assert.equal(canada?.context?.reason, 'outside-reach');
    assert.equal(canada?.kinship, 'subsidiary');
    assert.ok(findings.some((x) => x.measure.id === 'us-ndaa-889' && x.role === 'obligation'));
  });
  test('lookup names the same measures as context that the scan gives as outside-reach', async () => {
    const { entityDossier } = await import('../../src/screen/dossier.js');
    const { CorporateGraph } = await import('../../src/kb/graph.js');
    const graph = new CorporateGraph(bundled.kb);
    for (const [field, value] of [['app', 'com.elex.coq.gp'], ['name', 'Hikvision USA Inc.']] as const) {
      const outside = screen({ [field]: value }).filter((f) => f.context?.reason === 'outside-reach').map((f) => f.measure.id);
      assert.ok(outside.length > 0, value);
      const shown = bundled.resolver.resolve(field, value).resolutions.flatMap((r) => entityDossier(bundled.kb, graph, r.entity.id, '2026-12-01')?.houseContext.map((x) => x.measure) ?? []);
      for (const m of outside) assert.ok(shown.includes(m), `${value}: the scan gives ${m} as context; lookup shows ${shown.join(', ')}`);
    }
  });
  test("a publisher's namespace is read from its recorded app ids where it is the publisher's own name", () => {
    // Meitu's SelfieCity is recorded as com.meitu.wheecam; MakeupPlus (com.meitu.makeup) is not recorded.
    const f = screen({ app: 'com.meitu.makeup' }).find((x) => x.measure.id === 'in-69a-2020-06');
    assert.equal(f?.match.method, 'app-namespace');
    assert.equal(f?.match.entity?.id, 'meitu');
    assert.equal(f?.context?.reason, 'outside-reach');
    // Meitu's Meitu app is recorded as com.mt.mtxx.mtxx: "mt" is too short to be read as its namespace.
    assert.equal(bundled.resolver.resolve('app', 'com.mt.other').resolutions.length, 0);
  });
  test('a name shared only by the house gives no context from a measure that names the listed company alone', () => {
    // "PDD Group Ltd", a design firm, shares its first word with PDD Holdings, which Texas lists by name.
    assert.ok(!screen({ name: 'PDD Group Ltd' }).some((x) => x.measure.id === 'us-tx-prohibited-technologies'));
  });
  test('a profile that hides context leaves it out', () => {
    const hidden = bundled.screen(item({ app: 'com.elex.coq.gp' }), { asOf: '2026-12-01', profile: { ...(bundled.kb.profiles.all as Profile), context: 'hide' }, includeHistorical: false }).findings;
    assert.ok(!hidden.some((x) => x.measure.id === 'in-69a-2020-06'));
  });
});

describe("a finding states the listing's own status", () => {
  const bundled = bundledEngine();
  const screen = (name: string, asOf: string) => bundled.screen(item({ name }), { asOf, profile: bundled.kb.profiles.all as Profile, includeHistorical: false }).findings;

  test('not the latest addition of other companies to the measure', () => {
    const fcc = screen('China Mobile International USA', '2026-12-01').find((f) => f.measure.id === 'us-fcc-covered-list');
    assert.ok(fcc);
    assert.doesNotMatch(fcc.status.note, /inverters|routers|UAS/i);
    assert.ok(fcc.status.date >= '2022-03-25', fcc.status.date);
    assert.ok(fcc.status.events?.some((e) => e.date === fcc.listing.from), 'the listing date is among its events');
    const el = screen('Hangzhou Hikvision Digital Technology', '2026-12-01').find((f) => f.measure.id === 'us-bis-entity-list');
    assert.equal(el?.listing.from, '2019-10-09');
    assert.doesNotMatch(el?.status.note ?? '', /quantum/i);
  });
  test('nor a change of the measure that names only another house; a change naming the listing\'s own house is its own', () => {
    const el = (name: string) => screen(name, '2026-12-01').find((f) => f.measure.id === 'us-bis-entity-list');
    // The foreign direct product rules of May and August 2020 are about Huawei's entries.
    const hik = el('Hangzhou Hikvision Digital Technology');
    assert.equal(hik?.status.date, '2019-10-09', hik?.status.note);
    assert.ok(!hik?.status.events?.some((e) => e.date === '2020-05-15' || e.date === '2020-08-17'));
    const huawei = el('Huawei Technologies Co., Ltd.');
    assert.equal(huawei?.status.date, '2020-08-17', huawei?.status.note);
  });
  test('future events are marked as future', () => {
    const f = screen('Hangzhou Hikvision Digital Technology', '2026-12-01').find((x) => x.measure.id === 'us-dod-1260h');
    const future = f?.status.events?.filter((e) => e.future) ?? [];
    assert.ok(future.length > 0 && future.every((e) => e.date > '2026-12-01'), JSON.stringify(f?.status.events));
    assert.ok(f?.status.events?.filter((e) => !e.future).every((e) => e.date <= '2026-12-01'));
    assert.ok((f?.status.date ?? '') <= '2026-12-01');
  });
});

describe('control tests: a path is followed only where the shares meet the measure\'s test', () => {
  const kb = fixtureKb();
  // A listed parent, a subsidiary it owns 19.9 % of, one it owns 60 % of, and one of unknown share.
  const template = Object.values(kb.organisations)[0]!;
  const org = (id: string, name: string) => (kb.organisations[id] = { ...template, id, names: [{ value: name, kind: 'legal' }], identifiers: [], namespaces: [], ieeeRegistrants: [] });
  org('ctl-parent', 'Zorblax Holdings Limited');
  org('ctl-minority', 'Quiverton Apps Limited');
  org('ctl-majority', 'Brindlemoor Software Limited');
  org('ctl-unknown', 'Elsworthy Digital Limited');
  const relation = (object: string, share?: number) => ({ ...kb.relations[0]!, subject: 'ctl-parent', predicate: 'owns' as const, object, from: undefined, to: undefined, ...(share !== undefined ? { share } : { share: undefined }) });
  kb.relations.push(relation('ctl-minority', 19.9), relation('ctl-majority', 60), relation('ctl-unknown'));
  const measure = { ...Object.values(kb.measures)[0]!, id: 'xx-control-20', extent: 'subsidiaries' as const, extentChanges: [], facets: ['organisation' as const], control: { share: 20, test: 'at least 20 percent', sources: [] } };
  kb.measures['xx-control-20'] = measure;
  kb.listings.push({ ...kb.listings[0]!, measure: 'xx-control-20', target: 'ctl-parent', nameAsListed: 'Zorblax Holdings', from: '2020-01-01', to: undefined });
  const engine = new ScreeningEngine(kb, new Resolver(kb, () => assert.fail('no MAC is looked up here')));
  const profile = { ...(kb.profiles.all as Profile), measures: { ...(kb.profiles.all as Profile).measures, 'xx-control-20': 'high' as const } };
  const find = (name: string) => engine.screen(item({ name }), { asOf: '2024-01-01', profile, includeHistorical: false }).findings.find((f) => f.measure.id === 'xx-control-20');

  test('a share below the test is not followed', () => {
    assert.equal(find('Quiverton Apps Limited'), undefined);
  });
  test('a share that meets it is, and the finding shows the test as met', () => {
    const f = find('Brindlemoor Software Limited');
    assert.equal(f?.role, 'obligation');
    assert.equal(f?.control?.result, 'met');
    assert.equal(f?.control?.share, 20);
  });
  test('an unknown share is shown as unknown, never as met', () => {
    const f = find('Elsworthy Digital Limited');
    assert.equal(f?.role, 'context');
    assert.equal(f?.severity, 'info');
    assert.equal(f?.control?.result, 'unknown');
    assert.equal(f?.context?.reason, 'share-unknown');
  });
});

describe('the BIS affiliates rule changes the reach of the Entity List on its dates', async () => {
  const { extentOn } = await import('../../src/screen/engine.js');
  const el = bundledEngine().kb.measures['us-bis-entity-list']!;
  test('listed only before 2025-09-29 and during the suspension; 50 % owned affiliates in between and from 2026-11-10 (unverified)', () => {
    assert.equal(extentOn(el, '2025-09-28'), 'listed');
    assert.equal(extentOn(el, '2025-10-15'), 'majority-owned');
    assert.equal(extentOn(el, '2026-06-01'), 'listed');
    assert.equal(extentOn(el, '2026-11-10'), 'majority-owned');
    assert.equal(el.extentChanges.at(-1)?.unverified, true);
  });
});
