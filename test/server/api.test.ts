import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { InjectOptions } from 'fastify';
import { testDatabases } from '../store/databases.js';
import { multipart, testServer, waitForScan, type TestServer } from './helpers.js';
import { fixtureKb } from '../helpers.js';
import type { KnowledgeBase } from '../../src/kb/model.js';
import { MacRegistry } from '../../src/match/identifiers/mac.js';
import { Resolver } from '../../src/match/resolver.js';
import { ScreeningEngine } from '../../src/screen/engine.js';
import { buildServer } from '../../src/server/app.js';
import { CoveredService } from '../../src/server/service.js';
import { isLoopback } from '../../src/server/config.js';

const EXAMPLE = readFileSync(new URL('../../examples/inventory.csv', import.meta.url));
const AS_OF = '2026-11-22';

for (const database of await testDatabases()) {
  describe(`API on ${database.name}`, { skip: database.skip ?? false }, () => {
    let server: TestServer;
    let scanId: string;
    before(async () => {
      server = await testServer(database);
    });
    after(async () => server?.close());
    const inject = (options: InjectOptions) => server.app.inject(options);

    test('health, readiness, the OpenAPI document and the interactive docs', async () => {
      assert.equal((await inject({ method: 'GET', url: '/api/health' })).json().status, 'ok');
      const ready = (await inject({ method: 'GET', url: '/api/ready' })).json();
      assert.equal(ready.status, 'ready');
      assert.equal(ready.database, database.name);
      const doc = (await inject({ method: 'GET', url: '/openapi.json' })).json();
      assert.equal(doc.openapi, '3.0.3');
      for (const path of ['/api/screen', '/api/scans', '/api/scans/{id}/findings', '/api/findings/{id}/disposition', '/api/lookup', '/api/match', '/api/organisations/{id}', '/api/measures', '/api/kb/diff', '/api/audit/verify']) {
        assert.ok(doc.paths[path], `documents ${path}`);
      }
      assert.ok(doc.paths['/api/screen'].post.requestBody, 'the request body schema is documented');
      const docs = await inject({ method: 'GET', url: '/docs/' });
      assert.equal(docs.statusCode, 200);
      assert.match(docs.body, /swagger/i);
    });

    test('synchronous screening of a batch returns the report contract’s results', async () => {
      const r = await inject({ method: 'POST', url: '/api/screen', payload: { asOf: AS_OF, items: [{ name: 'Hangzhou Hikvision Digital Technology' }, { mac: ['08:ED:ED:11:22:33'], label: 'NVR' }, { host: 'example.org' }] } });
      assert.equal(r.statusCode, 200);
      const body = r.json();
      assert.equal(body.asOf, AS_OF);
      assert.equal(body.results.length, 3);
      assert.ok(body.results[0].findings.some((f: { measure: { id: string }; subject: { id: string } }) => f.measure.id === 'us-ndaa-889' && f.subject.id === 'hikvision'));
      assert.equal(body.results[1].label, 'NVR');
      assert.ok(body.results[1].findings.some((f: { subject: { id: string } }) => f.subject.id === 'dahua-technology'));
      assert.deepEqual(body.results[2].findings, []);
      assert.ok(body.results[0].findings[0].evidence.length > 0 && body.results[0].findings[0].citations.length > 0, 'findings keep their evidence and citations');
    });

    test("an item's country sets aside a list party of another country, with a warning", async () => {
      const items = [{ name: 'ICL Electronics LLC', country: 'Russia' }, { name: 'ICL Electronics LLC', country: 'DE' }];
      const r = await inject({ method: 'POST', url: '/api/screen', payload: { asOf: AS_OF, items } });
      assert.equal(r.statusCode, 200);
      const [russian, german] = r.json().results;
      assert.ok(russian.findings.some((f: { subject: { id: string } }) => f.subject.id === 'icl-electronics-liability'));
      assert.deepEqual(german.findings, []);
      assert.equal(german.asset.country, 'DE');
      assert.match(german.warnings.map((w: { message: string }) => w.message).join(' '), /another country than the row's DE/);
    });

    test('POST /api/match ranks candidates with scores and explanations, and compares two names at a threshold', async () => {
      const r = await inject({ method: 'POST', url: '/api/match', payload: { query: 'Hangzhou Hikvison Digital Technology', limit: 3 } });
      assert.equal(r.statusCode, 200);
      const list = r.json();
      assert.equal(list.field, 'name');
      assert.equal(list.candidates[0].entity.id, 'hikvision');
      assert.equal(list.candidates[0].band, 'same');
      assert.ok(list.candidates[0].explanation.length > 0);
      assert.ok(list.candidates.length <= 3);
      const mac = (await inject({ method: 'POST', url: '/api/match', payload: { query: '08:ED:ED:11:22:33' } })).json();
      assert.equal(mac.field, 'mac');
      assert.equal(mac.candidates[0].entity.id, 'dahua-technology');
      const pair = (await inject({ method: 'POST', url: '/api/match', payload: { query: 'Hikvision', name2: '海康威视' } })).json();
      assert.equal(pair.verdict, 'same');
      const strict = (await inject({ method: 'POST', url: '/api/match', payload: { query: 'Hikvison Digital', name2: 'Hikvision Digital', threshold: 0.99 } })).json();
      assert.notEqual(strict.verdict, 'same');
      const bad = await inject({ method: 'POST', url: '/api/match', payload: { query: 'x', threshold: 2 } });
      assert.equal(bad.statusCode, 400);
    });

    test('bad requests are 400 with the path of every offending field', async () => {
      const r = await inject({ method: 'POST', url: '/api/screen', payload: { asOf: 'yesterday', items: [{ name: 'x' }, { colour: 'red' }, {}] } });
      assert.equal(r.statusCode, 400);
      const paths = r.json().problems.map((p: { path: string }) => p.path).sort();
      assert.deepEqual(paths, ['body.asOf', 'body.items[1].colour', 'body.items[2]']);
      const profile = await inject({ method: 'POST', url: '/api/screen', payload: { profile: 'nope', items: [{ name: 'x' }] } });
      assert.equal(profile.statusCode, 400);
      assert.deepEqual(profile.json().problems.map((p: { path: string }) => p.path), ['body.profile']);
      const date = await inject({ method: 'GET', url: '/api/measures?asOf=2021-02-30' });
      assert.deepEqual(date.json().problems.map((p: { path: string }) => p.path), ['query.asOf']);
      const missing = await inject({ method: 'POST', url: '/api/screen', payload: {} });
      assert.deepEqual(missing.json().problems.map((p: { path: string }) => p.path), ['body.items']);
      const tooMany = await inject({ method: 'POST', url: '/api/screen', payload: { items: Array.from({ length: 1001 }, () => ({ name: 'x' })) } });
      assert.equal(tooMany.statusCode, 400);
      const filter = await inject({ method: 'GET', url: '/api/scans?limit=0&colour=red' });
      assert.deepEqual(filter.json().problems.map((p: { path: string }) => p.path).sort(), ['query.colour', 'query.limit']);
    });

    test('an uploaded file becomes a scan with progress; its findings are paged, filtered, counted and exported', async () => {
      const upload = await inject({ method: 'POST', url: '/api/scans', ...multipart({ asOf: AS_OF, profile: 'all' }, { name: 'inventory.csv', content: EXAMPLE }) });
      assert.equal(upload.statusCode, 202, upload.body);
      scanId = upload.json().id;
      assert.ok(['queued', 'running', 'complete'].includes(upload.json().status));
      const scan = await waitForScan(server.app, scanId);
      assert.equal(scan.status, 'complete');
      assert.equal(scan.summary?.rowsRead, 18);

      const list = (await inject({ method: 'GET', url: '/api/scans' })).json();
      assert.equal(list.scans[0].id, scanId);

      const page = (await inject({ method: 'GET', url: `/api/scans/${scanId}/findings?limit=5&offset=0` })).json();
      assert.equal(page.findings.length, 5);
      assert.equal(page.total, scan.summary?.findings);
      const ranks = page.findings.map((f: { finding: { severity: string } }) => ['info', 'low', 'medium', 'high', 'critical'].indexOf(f.finding.severity));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a), 'most severe first');

      const ndaa = (await inject({ method: 'GET', url: `/api/scans/${scanId}/findings?measure=us-ndaa-889&limit=100` })).json();
      assert.ok(ndaa.total > 0 && ndaa.findings.every((f: { finding: { measure: { id: string } } }) => f.finding.measure.id === 'us-ndaa-889'));
      const two = (await inject({ method: 'GET', url: `/api/scans/${scanId}/findings?severity=high,medium&kind=app&limit=100` })).json();
      assert.ok(two.findings.every((f: { finding: { severity: string; match: { field: string } } }) => ['high', 'medium'].includes(f.finding.severity) && f.finding.match.field === 'app'));
      const group = (await inject({ method: 'GET', url: `/api/scans/${scanId}/findings?group=huawei&limit=100` })).json();
      assert.ok(group.total > 0 && group.findings.every((f: { group: string }) => f.group === 'huawei'));

      const facets = (await inject({ method: 'GET', url: `/api/scans/${scanId}/facets` })).json();
      assert.equal(Object.values(facets.severity as Record<string, number>).reduce((a, b) => a + b, 0), scan.summary?.findings);
      assert.equal(facets.measure['us-ndaa-889'], ndaa.total);

      const csv = await inject({ method: 'GET', url: `/api/scans/${scanId}/findings.csv?measure=us-ndaa-889` });
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      const lines = csv.body.trim().split('\r\n');
      assert.equal(lines.length, ndaa.total + 1);
      assert.deepEqual([...csv.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark');
      assert.match(lines[0]!, /^\uFEFF?file,line,item,asset_tag,hostname,ip,owner,site,serial,cost_centre,country,row_status,/, 'the columns of the command line\'s CSV');
      assert.match(lines[0]!, /,finding_id,disposition,disposition_reason,decided_by,decided_at$/);

      const report = (await inject({ method: 'GET', url: `/api/scans/${scanId}/report` })).json();
      assert.equal(report.schemaVersion, 1);
      assert.equal(report.results.length, 18);
      assert.equal(report.results[0].origin.file, 'inventory.csv', 'the uploaded name, not a server path');
      assert.equal(report.results.filter((r: { status: string }) => r.status === 'rejected').length, 2);
    });

    test('organisations, products and measures as of a date; fuzzy lookup; KB version', async () => {
      const org = (await inject({ method: 'GET', url: '/api/organisations/hikvision?asOf=2019-01-01' })).json();
      assert.equal(org.id, 'hikvision');
      assert.ok(org.names.some((n: { value: string }) => /海康威视/.test(n.value)), 'names in every script');
      assert.ok(org.groupGraph.nodes.length > 0);
      assert.ok(org.listings.some((l: { measure: string; state: string }) => l.measure === 'us-ndaa-889'));
      assert.equal((await inject({ method: 'GET', url: '/api/organisations/no-such-org' })).statusCode, 404);
      const measures = (await inject({ method: 'GET', url: '/api/measures?asOf=2020-10-15' })).json();
      const eo = measures.measures.find((m: { id: string }) => m.id === 'us-eo-13942');
      assert.equal(eo?.state, 'historical', 'EO 13942 was enjoined on 2020-10-15');
      const m = (await inject({ method: 'GET', url: '/api/measures/us-eo-13942?asOf=2020-09-01' })).json();
      assert.equal(m.state, 'pending');
      const lookup = (await inject({ method: 'GET', url: `/api/lookup?q=${encodeURIComponent('海康威视')}` })).json();
      assert.equal(lookup.matches[0]?.dossier.id, 'hikvision');
      const kb = (await inject({ method: 'GET', url: '/api/kb' })).json();
      assert.match(kb.hash, /^[0-9a-f]{64}$/);
      assert.equal(kb.history[0].hash, kb.hash);
      assert.equal((await inject({ method: 'GET', url: '/api/kb/diff' })).statusCode, 404, 'no earlier version yet');
    });

    test('dispositions: a finding marked false positive stays so in a re-scan, can be re-opened, and every step is audited', async () => {
      const target = (await inject({ method: 'GET', url: `/api/scans/${scanId}/findings?measure=us-ndaa-889&limit=1` })).json().findings[0];
      const bad = await inject({ method: 'PUT', url: `/api/findings/${target.id}/disposition`, payload: { state: 'ignored' } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(bad.json().problems.map((p: { path: string }) => p.path).sort(), ['body.reason', 'body.state']);
      const set = await inject({ method: 'PUT', url: `/api/findings/${target.id}/disposition`, payload: { state: 'false-positive', reason: 'The camera was replaced in 2024' } });
      assert.equal(set.statusCode, 200);
      assert.equal(set.json().disposition.state, 'false-positive');

      const again = await inject({ method: 'POST', url: '/api/scans', ...multipart({ asOf: AS_OF }, { name: 'inventory-v2.csv', content: EXAMPLE }) });
      const second = again.json().id;
      await waitForScan(server.app, second);
      const carried = (await inject({ method: 'GET', url: `/api/scans/${second}/findings?disposition=false-positive` })).json();
      assert.equal(carried.total, 1);
      assert.equal(carried.findings[0].key, target.key);
      assert.equal(carried.findings[0].disposition.reason, 'The camera was replaced in 2024');
      const open = (await inject({ method: 'GET', url: `/api/scans/${second}/facets` })).json();
      assert.equal(open.disposition['false-positive'], 1);

      const listed = (await inject({ method: 'GET', url: '/api/dispositions' })).json();
      assert.deepEqual(listed.dispositions.map((d: { state: string; measureId: string; decidedBy: string }) => [d.state, d.measureId, d.decidedBy]), [['false-positive', 'us-ndaa-889', 'local']]);
      assert.equal((await inject({ method: 'GET', url: '/api/findings/999999' })).statusCode, 404);
      assert.equal((await inject({ method: 'PUT', url: '/api/findings/999999/disposition', payload: { state: 'remediated', reason: 'gone' } })).statusCode, 404);
      const cleared = await inject({ method: 'DELETE', url: `/api/findings/${carried.findings[0].id}/disposition` });
      assert.equal(cleared.json().disposition, undefined);

      const audit = (await inject({ method: 'GET', url: '/api/audit?limit=100' })).json();
      const actions = audit.entries.map((e: { action: string }) => e.action);
      for (const a of ['kb.update', 'scan.create', 'scan.complete', 'disposition.set', 'disposition.clear']) assert.ok(actions.includes(a), `audits ${a}`);
      assert.equal((await inject({ method: 'GET', url: '/api/audit/verify' })).json().ok, true);
    });

    test('a file that cannot be read fails its scan with the reason; no results are shown for it', async () => {
      const upload = await inject({ method: 'POST', url: '/api/scans', ...multipart({}, { name: 'photo.png', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]) }) });
      const scan = await waitForScan(server.app, upload.json().id);
      assert.equal(scan.status, 'failed');
      assert.match(scan.error ?? '', /^photo\.png: not a text file/);
      const findings = await inject({ method: 'GET', url: `/api/scans/${upload.json().id}/findings` });
      assert.equal(findings.statusCode, 409);
      const noFile = await inject({ method: 'POST', url: '/api/scans', ...multipart({ asOf: AS_OF }) });
      assert.equal(noFile.statusCode, 400);
      assert.deepEqual(noFile.json().problems.map((p: { path: string }) => p.path), ['body.file']);
      const badDate = await inject({ method: 'POST', url: '/api/scans', ...multipart({ asOf: '2020-13-01' }, { name: 'a.csv', content: EXAMPLE }) });
      assert.deepEqual(badDate.json().problems.map((p: { path: string }) => p.path), ['body.asOf']);
    });

    test('a kept file is screened again as of another date: a new scan with that date’s states', async () => {
      const r = await inject({ method: 'POST', url: `/api/scans/${scanId}/rescan`, payload: { asOf: '2020-10-15' } });
      assert.equal(r.statusCode, 202, r.body);
      const again = await waitForScan(server.app, r.json().id);
      assert.equal(again.status, 'complete');
      assert.equal(r.json().asOf, '2020-10-15');
      assert.equal(r.json().fileName, 'inventory.csv');
      const pafaca = (await inject({ method: 'GET', url: `/api/scans/${r.json().id}/findings?measure=us-pafaca-2024` })).json();
      assert.equal(pafaca.total, 0, 'PAFACA was not law in 2020');
      assert.equal((await inject({ method: 'POST', url: `/api/scans/${scanId}/rescan`, payload: { asOf: '2020-02-30' } })).statusCode, 400);
      assert.equal((await inject({ method: 'POST', url: '/api/scans/no-such-scan/rescan', payload: {} })).statusCode, 404);
    });

    test('several scans run at once, each complete with its own rows', async () => {
      const uploads = await Promise.all(
        [1, 2, 3, 4].map((n) => inject({ method: 'POST', url: '/api/scans', ...multipart({ asOf: AS_OF }, { name: `part-${n}.csv`, content: EXAMPLE.toString().split('\n').slice(0, n * 4 + 1).join('\n') }) })),
      );
      const done = await Promise.all(uploads.map((u) => waitForScan(server.app, u.json().id)));
      assert.deepEqual(done.map((s) => [s.status, s.summary?.rowsRead]), [['complete', 4], ['complete', 8], ['complete', 12], ['complete', 16]]);
    });
  });
}

describe('limits and access', () => {
  test('an upload over the limit is refused with 413; a JSON body over 5 MB too', async () => {
    const [sqlite] = await testDatabases();
    const server = await testServer(sqlite!, { maxUploadBytes: 1024 });
    try {
      const big = await server.app.inject({ method: 'POST', url: '/api/scans', ...multipart({}, { name: 'big.csv', content: `vendor\n${'Huawei\n'.repeat(1000)}` }) });
      assert.equal(big.statusCode, 413);
      assert.match(big.json().error, /too large/);
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/scans' })).json().total, 0, 'no scan was created');
      const json = await server.app.inject({ method: 'POST', url: '/api/screen', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ items: [{ name: 'x'.repeat(6 * 1024 * 1024) }] }) });
      assert.equal(json.statusCode, 413);
    } finally {
      await server.close();
    }
  });

  test('tokens are required on every address but loopback', () => {
    assert.deepEqual(['127.0.0.1', '127.0.0.2', '::1', 'localhost'].map(isLoopback), [true, true, true, true]);
    assert.deepEqual(['0.0.0.0', '::', '192.168.1.20', 'covered.example.org'].map(isLoopback), [false, false, false, false]);
  });

  test('with tokens required: 401 without one, roles limit what each token may do, revoked tokens stop working', async () => {
    const [sqlite] = await testDatabases();
    const server = await testServer(sqlite!, { requireTokens: true });
    try {
      const { tokens } = server.service;
      const viewer = (await tokens.create('reader', 'viewer')).token;
      const analyst = await tokens.create('analyst', 'analyst');
      const admin = (await tokens.create('boss', 'admin')).token;
      const as = (token: string) => ({ authorization: `Bearer ${token}` });
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/scans' })).statusCode, 401);
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/scans', headers: as('cov_wrong') })).statusCode, 401);
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/health' })).statusCode, 200, 'health needs no token');
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/scans', headers: as(viewer) })).statusCode, 200);
      const upload = (token: string) => {
        const body = multipart({}, { name: 'a.csv', content: EXAMPLE });
        return server.app.inject({ method: 'POST', url: '/api/scans', payload: body.payload, headers: { ...body.headers, ...as(token) } });
      };
      assert.equal((await upload(viewer)).statusCode, 403);
      const ok = await upload(analyst.token);
      assert.equal(ok.statusCode, 202);
      await waitForScan(server.app, ok.json().id, as(viewer));
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/audit', headers: as(analyst.token) })).statusCode, 403);
      const audit = (await server.app.inject({ method: 'GET', url: '/api/audit', headers: as(admin) })).json();
      assert.ok(audit.entries.some((e: { action: string; actor: string }) => e.action === 'scan.create' && e.actor === 'token:analyst'), 'the audit names the token');
      await tokens.revoke(analyst.info.id);
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/scans', headers: as(analyst.token) })).statusCode, 401);
    } finally {
      await server.close();
    }
  });
});

describe('knowledge-base updates', () => {
  test('a server started with another knowledge base audits the change and serves the diff', async () => {
    const kb = fixtureKb();
    const context = (k: KnowledgeBase) => {
      const resolver = new Resolver(k, () => new MacRegistry(new Map()));
      return { kb: k, resolver, engine: new ScreeningEngine(k, resolver) };
    };
    const [sqlite] = await testDatabases();
    const { options, drop } = await sqlite!.create();
    try {
      const first = await CoveredService.open({ ...options, context: context(kb) });
      await first.close();
      const changed = structuredClone(kb) as KnowledgeBase;
      changed.hash = 'e'.repeat(64);
      changed.listings[0]!.from = '2019-01-01';
      const second = await CoveredService.open({ ...options, context: context(changed) });
      const app = await buildServer({ service: second, requireTokens: false, webDir: '/nonexistent' });
      const updates = (await app.inject({ method: 'GET', url: '/api/audit?action=kb.update' })).json().entries;
      assert.deepEqual(updates.map((e: { subject: string }) => e.subject), [changed.hash, kb.hash]);
      assert.deepEqual([updates[0].details.added, updates[0].details.removed], [1, 1]);
      const diff = (await app.inject({ method: 'GET', url: '/api/kb/diff' })).json();
      assert.equal(diff.from.hash, kb.hash);
      assert.deepEqual(diff.changed, []);
      assert.ok(diff.removed.includes(`listing:${kb.listings[0]!.measure}/${kb.listings[0]!.target}/${kb.listings[0]!.from}`));
      assert.equal(diff.added.length + diff.removed.length, 2, 'the listing is keyed by its start date: one removed, one added');
      await app.close();
      await second.close();
      // Back to the first knowledge base: that is a change too.
      const third = await CoveredService.open({ ...options, context: context(kb) });
      assert.equal((await third.audit.list({ action: 'kb.update', limit: 5, offset: 0 })).entries[0]?.subject, kb.hash);
      await third.close();
    } finally {
      await drop();
    }
  });
});
