import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { bundledEngine, item } from '../helpers.js';
import { testDatabases } from '../store/databases.js';
import { severityRank } from '../../src/kb/timeline.js';
import { MeasureFileSchema, type Profile } from '../../src/model/kb.js';
import { openStore, type Store } from '../../src/store/db.js';
import { ScanStore, type StoredRow } from '../../src/store/scans.js';
import { basisHash, findingKey, itemKey, subjectGroup } from '../../src/server/identity.js';
import { NewsStore } from '../../src/store/news.js';
import { alertsFor, watchArticle } from '../../src/news/watch.js';
import { news } from './helpers.js';

const ARTICLE = {
  id: 'tp-link.txt',
  title: 'US weighs ban on TP-Link routers',
  text: 'US weighs ban on TP-Link routers\nUS authorities are considering banning TP-Link routers, people familiar said. President Trump vowed on Friday to ban TikTok from the United States.',
  published: '2020-08-02',
};

/** A completed scan of three items, two of them ByteDance's. */
async function storeScan(store: Store, id: string) {
  const engine = bundledEngine();
  const profile = engine.kb.profiles.all as Profile;
  const items = [item({ name: 'ByteDance Ltd.' }, 2), item({ app: 'com.zhiliaoapp.musically' }, 3), item({ name: 'Acme Hardware Inc.' }, 4)];
  const rows: StoredRow[] = items.map((it) => {
    const result = engine.screen(it, { asOf: '2020-09-21', profile, includeHistorical: false });
    const key = itemKey(it, result.label);
    return {
      result,
      itemKey: key,
      findings: result.findings.map((finding) => ({ finding, key: findingKey(key, finding), basisHash: basisHash(engine.kb, finding), group: subjectGroup(engine.kb, finding), severityRank: severityRank(finding.severity) })),
    };
  });
  const scans = new ScanStore(store);
  await scans.create({ id, file_name: 'apps.csv', as_of: '2020-09-21', profile: 'all', include_historical: false, kb_version: engine.kb.version, kb_hash: engine.kb.hash, rows_expected: 3, created_by: 'test' });
  await scans.appendRows(id, 0, rows, 3);
  await scans.complete(id, [], { rowsRead: 3, screened: 3, rejected: 0, withFindings: 2, findings: 0, byState: {}, bySeverity: {}, byMeasure: {} } as never);
}

for (const database of await testDatabases()) {
  describe(`news in the store on ${database.name}`, { skip: database.skip ?? false }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    before(async () => {
      const created = await database.create();
      drop = created.drop;
      store = await openStore(created.options);
      await storeScan(store, 'scan-1');
    });
    after(async () => {
      await store?.close();
      await drop?.();
    });

    test('events, proposals and alerts are saved once; decisions are kept', async () => {
      const { kb, extractor } = news();
      const newsStore = new NewsStore(store);
      const watched = watchArticle(kb, extractor, ARTICLE);
      const exposures = await newsStore.exposures(kb);
      assert.deepEqual(exposures.map((e) => e.scanId), ['scan-1']);
      assert.equal(exposures[0]?.groups.get('bytedance')?.length, 2, 'both ByteDance items, once each');

      const alerts = alertsFor(kb, watched.events, exposures);
      assert.equal(alerts.length, 1);
      assert.match(alerts[0]?.message ?? '', /^threatened ban by US President against ByteDance — 2 items in scan scan-1 \(apps\.csv, /);

      const first = await newsStore.save('tp-link.txt', watched, alerts);
      assert.equal(first.events, 2);
      assert.equal(first.alerts, 1);
      assert.ok(first.proposals >= 1, 'TP-Link is a new event');
      assert.deepEqual(await newsStore.save('tp-link.txt', watched, alerts), { events: 0, proposals: 0, alerts: 0 }, 'saving again adds nothing');

      const open = await newsStore.proposals({ state: 'open' });
      const tpLink = open.find((p) => p.target === 'tp-link');
      assert.ok(tpLink, 'a proposal for TP-Link');
      assert.equal(tpLink.kind, 'new');
      assert.equal(tpLink.event.status, 'considered');
      assert.equal(tpLink.article.title, ARTICLE.title);

      await newsStore.decide(tpLink.id, 'accepted', 'analyst', 'confirmed', '/drafts/x.yaml');
      const decided = await newsStore.proposal(tpLink.id);
      assert.equal(decided?.state, 'accepted');
      assert.equal(decided?.decidedBy, 'analyst');
      assert.equal(decided?.draftFile, '/drafts/x.yaml');
      assert.equal((await newsStore.proposals({ state: 'open' })).some((p) => p.id === tpLink.id), false);
      assert.equal((await newsStore.alerts()).length, 1);
    });
  });
}

describe('draft records', () => {
  test('a draft carries the article as an unverified source and cannot be loaded as a measure file', () => {
    const { kb, extractor } = news();
    const watched = watchArticle(kb, extractor, { ...ARTICLE, url: 'https://news.example/tp-link' });
    const proposal = watched.proposals.find((p) => p.target === 'tp-link');
    assert.ok(proposal);
    assert.match(proposal.draft.yaml, /^# DRAFT proposal /);
    const doc = parse(proposal.draft.yaml) as { draft: { kind: string }; sources: { url: string; unverified: boolean }[]; measure: { jurisdiction: string; kind: string; timeline: { status: string; unverified: boolean }[] }; listings: { target: string }[] };
    assert.equal(doc.draft.kind, 'new');
    assert.equal(doc.sources[0]?.url, 'https://news.example/tp-link');
    assert.equal(doc.sources[0]?.unverified, true);
    assert.equal(doc.measure.jurisdiction, 'US');
    assert.equal(doc.measure.timeline[0]?.status, 'considered');
    assert.equal(doc.measure.timeline[0]?.unverified, true);
    assert.equal(doc.listings[0]?.target, 'tp-link');
    assert.equal(MeasureFileSchema.safeParse(doc).success, false, 'the draft block keeps it out of the knowledge base');
    const { draft: _draft, sources: _sources, ...records } = doc;
    assert.equal(MeasureFileSchema.safeParse(records).success, true, 'without it, the records are well-formed for the reviewer to complete');
  });
});
