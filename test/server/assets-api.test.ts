/**
 * Findings tied to assets through the API: an inventory with asset tag, owner and site columns
 * keeps them on every finding, groups findings by item, filters by owner and site, shows rejected
 * rows with their reasons, and decides fifty findings in one request — fifty dispositions, fifty
 * history entries, fifty audit entries.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { InjectOptions } from 'fastify';
import { testDatabases } from '../store/databases.js';
import { multipart, testServer, waitForScan, type TestServer } from './helpers.js';

const AS_OF = '2026-11-22';
const VENDORS = ['Huawei Technologies Co., Ltd.', 'Hangzhou Hikvision Digital Technology Co., Ltd.', 'Dell Technologies'];
const rows = ['Asset Tag,Owner,Location,Vendor,Serial'];
for (let i = 1; i <= 30; i++) rows.push(`AT-${String(i).padStart(4, '0')},${i % 2 ? 'Network team' : '"Facilities, East"'},${i % 3 ? 'Berlin' : 'Munich'},"${VENDORS[i % 3]}",SN${i}`);
// Two rows with nothing to screen: rejected, each with its line and reason.
rows.push('AT-9998,Network team,Berlin,,SN-X', 'AT-9999,"Facilities, East",Munich,,SN-Y');
const INVENTORY = `${rows.join('\n')}\n`;

for (const database of await testDatabases()) {
  describe(`assets and bulk decisions on ${database.name}`, { skip: database.skip ?? false }, () => {
    let server: TestServer;
    let scanId: string;
    const inject = (options: InjectOptions) => server.app.inject(options);
    before(async () => {
      server = await testServer(database);
      const upload = await inject({ method: 'POST', url: '/api/scans', ...multipart({ asOf: AS_OF }, { name: 'assets.csv', content: INVENTORY }) });
      assert.equal(upload.statusCode, 202, upload.body);
      scanId = upload.json().id;
      assert.equal((await waitForScan(server.app, scanId)).status, 'complete');
    });
    after(async () => server?.close());

    test('asset columns are recognised and kept on every result and finding', async () => {
      const report = (await inject({ method: 'GET', url: `/api/scans/${scanId}/report` })).json();
      assert.deepEqual(report.inputs[0].columns, { 'Asset Tag': 'asset.tag', Owner: 'asset.owner', Location: 'asset.site', Vendor: 'name', Serial: 'asset.serial' });
      assert.deepEqual(report.results[0].asset, { tag: 'AT-0001', owner: 'Network team', site: 'Berlin', serial: 'SN1' });
      const page = (await inject({ method: 'GET', url: `/api/scans/${scanId}/findings?limit=1000` })).json();
      assert.ok(page.findings.length > 20);
      assert.ok(page.findings.every((f: { item: { asset?: { tag?: string } } }) => /^AT-\d{4}$/.test(f.item.asset?.tag ?? '')));
    });

    test('findings grouped by item, filtered by owner and site; facets count owners and sites', async () => {
      const r = await inject({ method: 'GET', url: `/api/scans/${scanId}/items?owner=${encodeURIComponent('Facilities, East')}&site=Berlin&limit=100` });
      assert.equal(r.statusCode, 200, r.body);
      const { total, items } = r.json() as { total: number; items: { idx: number; asset: { owner: string; site: string; tag: string }; findings: { item: { idx: number } }[] }[] };
      // Even rows are Facilities; of those, rows not divisible by 3 are in Berlin; Dell rows (i % 3 == 2) have no finding.
      const expected = [...Array(30).keys()].map((k) => k + 1).filter((i) => i % 2 === 0 && i % 3 !== 0 && i % 3 !== 2);
      assert.equal(total, expected.length);
      assert.deepEqual(items.map((i) => i.asset.tag).sort(), expected.map((i) => `AT-${String(i).padStart(4, '0')}`).sort());
      for (const item of items) {
        assert.equal(item.asset.owner, 'Facilities, East');
        assert.equal(item.asset.site, 'Berlin');
        assert.ok(item.findings.length > 1, 'the measures of one asset sit inside its row');
        assert.ok(item.findings.every((f) => f.item.idx === item.idx));
      }
      const facets = (await inject({ method: 'GET', url: `/api/scans/${scanId}/facets` })).json();
      assert.deepEqual(Object.keys(facets.owner).sort(), ['Facilities, East', 'Network team']);
      assert.deepEqual(Object.keys(facets.site).sort(), ['Berlin', 'Munich']);
    });

    test('rejected rows are listed with their line and reason', async () => {
      const r = (await inject({ method: 'GET', url: `/api/scans/${scanId}/rejected` })).json();
      assert.equal(r.total, 2);
      assert.deepEqual(
        r.rows.map((row: { origin: { line: number }; error: string }) => [row.origin.line, row.error]),
        [
          [32, 'no value in any screened column'],
          [33, 'no value in any screened column'],
        ],
      );
    });

    test('fifty findings decided in one request: fifty dispositions, history entries and audit entries', async () => {
      const all = (await inject({ method: 'GET', url: `/api/scans/${scanId}/findings?limit=1000&sort=line` })).json();
      const ids = (all.findings as { id: number }[]).slice(0, 50).map((f) => f.id);
      assert.equal(ids.length, 50);
      const auditBefore = (await inject({ method: 'GET', url: '/api/audit?action=disposition.set&limit=1' })).json().total;

      const refused = await inject({ method: 'POST', url: '/api/findings/dispositions', payload: { ids: [...ids.slice(0, 3), 99_999_999], state: 'accepted-risk', reason: 'Replacement budgeted for 2027' } });
      assert.equal(refused.statusCode, 404);
      assert.equal((await inject({ method: 'GET', url: '/api/audit?action=disposition.set&limit=1' })).json().total, auditBefore, 'nothing decided when an id is unknown');

      const r = await inject({ method: 'POST', url: '/api/findings/dispositions', payload: { ids, state: 'accepted-risk', reason: 'Replacement budgeted for 2027' } });
      assert.equal(r.statusCode, 200, r.body);
      assert.equal(r.json().decided, 50);
      assert.ok((r.json().findings as { disposition?: { state: string } }[]).every((f) => f.disposition?.state === 'accepted-risk'));
      const audit = (await inject({ method: 'GET', url: '/api/audit?action=disposition.set&limit=100' })).json();
      assert.equal(audit.total, auditBefore + 50);
      assert.ok(audit.entries.slice(0, 50).every((e: { details: { reason: string; asset?: { tag: string } } }) => e.details.reason === 'Replacement budgeted for 2027' && /^AT-/.test(e.details.asset?.tag ?? '')));
      const history = (await inject({ method: 'GET', url: `/api/findings/${ids[0]}/history` })).json();
      assert.equal(history.history.length, 1);
      assert.equal(history.history[0].state, 'accepted-risk');
      await inject({ method: 'DELETE', url: `/api/findings/${ids[0]}/disposition` });
      const after = (await inject({ method: 'GET', url: `/api/findings/${ids[0]}/history` })).json();
      assert.deepEqual(after.history.map((h: { state: string }) => h.state), ['accepted-risk', 'cleared']);
    });

    test('the CSV export carries the asset and the disposition', async () => {
      const csv = await inject({ method: 'GET', url: `/api/scans/${scanId}/findings.csv?owner=Network%20team` });
      const records = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
      assert.ok(records.length > 5);
      assert.ok(records.every((r) => r.owner === 'Network team' && /^AT-\d{4}$/.test(r.asset_tag ?? '') && r.site));
      assert.ok(records.some((r) => r.disposition === 'accepted-risk' && r.disposition_reason === 'Replacement budgeted for 2027'));
    });

    test('findings stored without their CSV cells (before migration 0009) export the same rows', async () => {
      const url = `/api/scans/${scanId}/findings.csv`;
      const kept = (await inject({ method: 'GET', url })).body;
      await server.service.store.db.updateTable('findings').set({ csv_cells: null }).where('scan_id', '=', scanId).execute();
      const rendered = (await inject({ method: 'GET', url })).body;
      assert.ok(kept.split('\r\n').length > 20);
      assert.equal(rendered, kept);
    });
  });
}
