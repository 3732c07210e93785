import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { fixtureEngine, fixtureKb, item } from '../helpers.js';
import { ScreeningEngine } from '../../src/screen/engine.js';
import { Resolver } from '../../src/match/resolver.js';
import { MacRegistry } from '../../src/match/identifiers/mac.js';
import type { KnowledgeBase } from '../../src/kb/model.js';
import type { Profile } from '../../src/model/kb.js';
import type { InventoryItem } from '../../src/model/item.js';
import { severityRank } from '../../src/kb/timeline.js';
import { openStore, type Store, type StoreOptions } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { ScanStore, type StoredRow } from '../../src/store/scans.js';
import { DispositionStore } from '../../src/store/dispositions.js';
import { AuditLog } from '../../src/store/audit.js';
import { TokenStore, hashToken, roleAllows } from '../../src/store/tokens.js';
import { KbVersionStore } from '../../src/store/kb-versions.js';
import { basisHash, findingKey, itemKey, kbFingerprints, subjectGroup } from '../../src/server/identity.js';
import { testDatabases } from './databases.js';

const kb = fixtureKb();
const engine = fixtureEngine();
const profile = kb.profiles.all as Profile;
const options = { asOf: '2020-09-21', profile, includeHistorical: false };

function rowsFor(eng: ScreeningEngine, items: InventoryItem[]): StoredRow[] {
  return items.map((it) => {
    const result = eng.screen(it, options);
    const key = itemKey(it, result.label);
    return {
      result,
      itemKey: key,
      findings: result.findings.map((finding) => ({ finding, key: findingKey(key, finding), basisHash: basisHash(eng.kb, finding), group: subjectGroup(eng.kb, finding), severityRank: severityRank(finding.severity) })),
    };
  });
}

const ITEMS = [item({ app: 'com.acmetek.chat' }, 2), item({ host: 'a.b.acmechat.com' }, 3), item({ name: 'Nobody In Particular Ltd' }, 4), item({ mac: '00:0c:29' }, 5)];

async function newScan(scans: ScanStore, id: string): Promise<void> {
  await scans.create({ id, file_name: 'inventory.csv', as_of: options.asOf, profile: 'all', include_historical: false, kb_version: kb.version, kb_hash: kb.hash, rows_expected: ITEMS.length, created_by: 'test' });
}

for (const database of await testDatabases()) {
  describe(`store on ${database.name}`, { skip: database.skip ?? false }, () => {
    let store: Store;
    let drop: () => Promise<void>;
    let scans: ScanStore;
    let storeOptions: StoreOptions;
    before(async () => {
      const created = await database.create();
      drop = created.drop;
      storeOptions = created.options;
      store = await openStore(storeOptions);
      scans = new ScanStore(store);
    });
    after(async () => {
      await store?.close();
      await drop?.();
    });

    test('migrations apply once; a feature can add its own migration and table', async () => {
      const again = await openStore({
        ...storeOptions,
        migrations: {
          '0100-test-feature': {
            async up(db) {
              await db.schema.createTable('test_feature_notes').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('body', 'text').execute();
            },
          },
        },
      });
      await again.db.insertInto('test_feature_notes' as never).values({ id: 'a', body: 'hello' } as never).execute();
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(again.db);
      assert.deepEqual(applied.rows.map((r) => r.name), [...Object.keys(MIGRATIONS).sort(), '0100-test-feature']);
      await again.close();
    });

    test('a scan is written in batches and shown once complete: rows in order, findings filtered, sorted and counted', async () => {
      await newScan(scans, 'scan-1');
      const rows = rowsFor(engine, ITEMS);
      await scans.markRunning('scan-1');
      await scans.appendRows('scan-1', 0, rows.slice(0, 2), 2);
      assert.equal((await scans.get('scan-1'))?.progress.rowsDone, 2);
      await scans.appendRows('scan-1', 2, rows.slice(2), 4);
      const summary = { rowsRead: 4, screened: 3, rejected: 1, withFindings: 2, findings: 2, byState: {}, bySeverity: {}, byMeasure: {} };
      await scans.complete('scan-1', [{ file: 'inventory.csv', format: 'csv' }], summary);
      const info = await scans.get('scan-1');
      assert.equal(info?.status, 'complete');
      assert.equal(info?.progress.fraction, 1);
      assert.deepEqual(info?.summary, summary);

      const results = [];
      for await (const r of scans.results('scan-1')) results.push(r);
      assert.deepEqual(results.map((r) => r.origin.line), [2, 3, 4, 5]);
      assert.deepEqual(results, rows.map((r) => r.result), 'the stored rows read back as the engine produced them');

      const all = await scans.findings('scan-1', { limit: 10, offset: 0 });
      assert.equal(all.total, rows.flatMap((r) => r.findings).length);
      assert.ok(all.total >= 2);
      const apps = await scans.findings('scan-1', { kind: ['app'], limit: 10, offset: 0 });
      assert.ok(apps.findings.length > 0 && apps.findings.every((f) => f.finding.match.field === 'app'));
      const page = await scans.findings('scan-1', { sort: 'line', order: 'desc', limit: 1, offset: 0 });
      assert.equal(page.findings.length, 1);
      assert.equal(page.total, all.total);
      assert.equal(page.findings[0]?.item.origin.line, Math.max(...all.findings.map((f) => f.item.origin.line)));
      const none = await scans.findings('scan-1', { measure: ['no-such-measure'], limit: 10, offset: 0 });
      assert.equal(none.total, 0);
      const facets = await scans.facets('scan-1', {});
      assert.equal(Object.values(facets.measure).reduce((a, b) => a + b, 0), all.total);
      assert.deepEqual(facets.disposition, { open: all.total });
    });

    test('a scan interrupted by a crash is failed on restart and its partial rows are removed', async () => {
      await newScan(scans, 'scan-crashed');
      await scans.markRunning('scan-crashed');
      await scans.appendRows('scan-crashed', 0, rowsFor(engine, ITEMS.slice(0, 2)), 2);
      const failed = await scans.failInterrupted('interrupted');
      assert.deepEqual(failed, ['scan-crashed']);
      const info = await scans.get('scan-crashed');
      assert.equal(info?.status, 'failed');
      assert.equal(info?.error, 'interrupted');
      const left = await store.db.selectFrom('findings').select((eb) => eb.fn.countAll().as('n')).where('scan_id', '=', 'scan-crashed').executeTakeFirst();
      assert.equal(Number(left?.n), 0);
      assert.equal((await scans.get('scan-1'))?.status, 'complete', 'complete scans are untouched');
    });

    test('dispositions carry over to a re-scan of the same items and re-open when the listing changes', async () => {
      const dispositions = new DispositionStore(store);
      const first = (await scans.findings('scan-1', { kind: ['app'], limit: 1, offset: 0 })).findings[0]!;
      await dispositions.set({ findingKey: first.key, state: 'false-positive', reason: 'Not our app; a lookalike id', basisHash: await scans.basisOf(first.id), measureId: first.finding.measure.id, subjectId: first.finding.subject.id, label: first.item.label, decidedBy: 'test' });
      assert.equal((await scans.finding(first.id))?.disposition?.state, 'false-positive');

      // The same inventory again, lines moved: the same finding key, the disposition applies.
      await newScan(scans, 'scan-2');
      await scans.appendRows('scan-2', 0, rowsFor(engine, [item({ name: 'Other' }, 2), item({ app: 'com.acmetek.chat' }, 3)]), 2);
      const again = (await scans.findings('scan-2', { kind: ['app'], limit: 5, offset: 0 })).findings[0]!;
      assert.equal(again.key, first.key);
      assert.deepEqual({ ...again.disposition, decidedAt: '' }, { state: 'false-positive', reason: 'Not our app; a lookalike id', decidedBy: 'test', decidedAt: '', reopened: false });
      assert.equal((await scans.findings('scan-2', { disposition: ['open'], kind: ['app'], limit: 5, offset: 0 })).total, 0);

      // The listing's date changes in the knowledge base: the disposition relied on other facts.
      const changed = structuredClone(kb) as KnowledgeBase;
      const listing = changed.listings.find((l) => l.measure === first.finding.measure.id && l.target === first.finding.subject.id)!;
      listing.from = '2020-08-07';
      const registry = new MacRegistry(new Map());
      const engine2 = new ScreeningEngine(changed, new Resolver(changed, () => registry));
      await newScan(scans, 'scan-3');
      await scans.appendRows('scan-3', 0, rowsFor(engine2, [item({ app: 'com.acmetek.chat' }, 2)]), 1);
      const reopened = (await scans.findings('scan-3', { limit: 5, offset: 0 })).findings.find((f) => f.key === first.key)!;
      assert.equal(reopened.disposition?.reopened, true);
      assert.equal((await scans.findings('scan-3', { disposition: ['reopened'], limit: 5, offset: 0 })).total, 1);
      assert.equal((await scans.findings('scan-3', { disposition: ['open'], limit: 5, offset: 0 })).total >= 1, true);
      assert.deepEqual((await scans.reopenedDispositions('scan-3')).map((r) => r.key), [first.key]);
      assert.equal((await scans.findings('scan-2', { disposition: ['false-positive'], limit: 5, offset: 0 })).total, 1, 'the earlier scan still shows it closed');
    });

    test('the audit log is a hash chain: edits, deletions and a cut tail are each detected', async () => {
      const audit = new AuditLog(store);
      for (let i = 0; i < 5; i++) await audit.append('tester', 'test.event', `s${i}`, { i });
      assert.deepEqual(await audit.verify().then((v) => [v.ok, v.entries]), [true, 5]);
      // Concurrent appends stay one chain.
      await Promise.all([1, 2, 3].map((i) => audit.append('tester', 'test.parallel', `p${i}`)));
      assert.equal((await audit.verify()).ok, true);

      // The database refuses changes; someone who can alter the schema drops the triggers first.
      await assert.rejects(store.db.updateTable('audit_log').set({ details_json: '{"i":99}' }).where('seq', '=', 2).execute(), /append-only/);
      await assert.rejects(store.db.deleteFrom('audit_log').where('seq', '=', 2).execute(), /append-only/);
      if (store.dialect === 'postgres') await sql`drop trigger audit_log_append_only on audit_log`.execute(store.db);
      else for (const t of ['audit_log_no_update', 'audit_log_no_delete']) await sql.raw(`drop trigger ${t}`).execute(store.db);
      await store.db.updateTable('audit_log').set({ details_json: '{"i":99}' }).where('seq', '=', 2).execute();
      let v = await audit.verify();
      assert.equal(v.ok, false);
      assert.deepEqual(v.problems.map((p) => p.seq), [2]);
      assert.match(v.problems[0]!.problem, /edited/);
      await store.db.updateTable('audit_log').set({ details_json: '{"i":1}' }).where('seq', '=', 2).execute();
      assert.equal((await audit.verify()).ok, true, 'restoring the content restores the chain');

      const third = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
      await store.db.deleteFrom('audit_log').where('seq', '=', 3).execute();
      v = await audit.verify();
      assert.ok(v.problems.some((p) => p.seq === 4 && /missing/.test(p.problem)));
      await store.db.insertInto('audit_log').values(third).execute();

      await store.db.deleteFrom('audit_log').where('seq', '=', 8).execute();
      v = await audit.verify();
      assert.ok(v.problems.some((p) => /last entries were deleted/.test(p.problem)), JSON.stringify(v.problems));
    });

    test('tokens are stored hashed, authenticate until revoked, and roles are ordered', async () => {
      const tokens = new TokenStore(store);
      const { token, info } = await tokens.create('ci', 'analyst');
      assert.match(token, /^cov_[A-Za-z0-9_-]{40,}$/);
      const stored = await store.db.selectFrom('api_tokens').selectAll().where('id', '=', info.id).executeTakeFirstOrThrow();
      assert.equal(stored.token_hash, hashToken(token));
      assert.ok(!JSON.stringify(stored).includes(token.slice(4)), 'the secret is not stored');
      assert.equal((await tokens.authenticate(token))?.role, 'analyst');
      assert.equal(await tokens.authenticate(`${token}x`), undefined);
      assert.equal((await tokens.revoke(info.id.slice(0, 8)))?.id, info.id);
      assert.equal(await tokens.authenticate(token), undefined);
      assert.ok(roleAllows('admin', 'analyst') && roleAllows('analyst', 'viewer') && !roleAllows('viewer', 'analyst'));
    });

    test('knowledge-base versions are diffed record by record', async () => {
      const versions = new KbVersionStore(store);
      assert.equal(await versions.record(kb.hash, kb.version, kbFingerprints(kb)), true);
      assert.equal(await versions.record(kb.hash, kb.version, kbFingerprints(kb)), false);
      const changed = structuredClone(kb) as KnowledgeBase;
      changed.listings[0]!.nameAsListed = 'CHANGED';
      delete changed.organisations[Object.keys(changed.organisations)[0]!];
      await versions.record('f'.repeat(64), `${kb.version}-b`, kbFingerprints(changed));
      const diff = await versions.diff(kb.hash, 'f'.repeat(64));
      assert.equal(diff?.removed.length, 1);
      assert.ok(diff?.removed[0]?.startsWith('organisation:'));
      assert.ok(diff?.changed.some((k) => k.startsWith('listing:')));
      assert.deepEqual(diff?.added, []);
    });
  });
}
