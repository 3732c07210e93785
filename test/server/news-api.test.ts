import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { InjectOptions } from 'fastify';
import { parse } from 'yaml';
import { testDatabases } from '../store/databases.js';
import { multipart, testServer, waitForScan, type TestServer } from './helpers.js';

const ARTICLE = {
  title: 'US weighs ban on TP-Link routers',
  text: 'US weighs ban on TP-Link routers\nUS authorities are considering banning TP-Link routers, people familiar said. President Trump vowed on Friday to ban TikTok from the United States.',
  published: '2020-08-02',
  url: 'https://news.example.com/2020/08/02/tp-link',
};
const SECOND = {
  text: 'US weighs ban on DJI drones\nUS lawmakers are considering a ban on DJI drones, people familiar with the matter said.',
  published: '2020-08-03',
};
const INVENTORY = 'name\nTP-Link Technologies Co., Ltd.\nByteDance Ltd.\nAcme Hardware Inc.\n';

for (const database of await testDatabases()) {
  describe(`news API on ${database.name}`, { skip: database.skip ?? false }, () => {
    let server: TestServer;
    before(async () => {
      server = await testServer(database);
    });
    after(async () => server?.close());
    const inject = (options: InjectOptions) => server.app.inject(options);

    test('a submitted article becomes events, a queued proposal and alerts on stored scans', async () => {
      const upload = await inject({ method: 'POST', url: '/api/scans', ...multipart({ asOf: '2020-08-01' }, { name: 'suppliers.csv', content: INVENTORY }) });
      assert.equal(upload.statusCode, 202, upload.body);
      assert.equal((await waitForScan(server.app, upload.json().id)).status, 'complete');

      const r = await inject({ method: 'POST', url: '/api/news/articles', payload: ARTICLE });
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.article.published, '2020-08-02');
      assert.ok(body.events.some((e: { action: string; status: string }) => e.action === 'ban' && e.status === 'considered'), 'the TP-Link ban under consideration is an event');
      const tpLink = body.proposals.find((p: { target: string }) => /tp-link/i.test(p.target));
      assert.ok(tpLink, 'the unknown TP-Link ban is proposed');
      assert.equal(tpLink.state, 'open');
      assert.ok(body.saved.proposals >= 1);
      assert.ok(body.alerts.some((a: { scanId: string; itemCount: number }) => a.scanId === upload.json().id && a.itemCount >= 1), 'an alert names the scan with exposed items');
      assert.deepEqual(body.warnings, []);

      const again = (await inject({ method: 'POST', url: '/api/news/articles', payload: ARTICLE })).json();
      assert.equal(again.saved.proposals, 0, 'the same article twice queues nothing new');

      const queue = (await inject({ method: 'GET', url: '/api/news/proposals?state=open' })).json();
      assert.equal(queue.total, body.proposals.length);
      assert.ok(queue.proposals.some((p: { id: string; article: { url: string }; event: { evidence: string } }) => p.id === tpLink.id && p.article.url === ARTICLE.url && /TP-Link/.test(p.event.evidence)));
      const page = (await inject({ method: 'GET', url: '/api/news/proposals?limit=1&offset=0' })).json();
      assert.equal(page.proposals.length, 1);
      assert.equal(page.limit, 1);

      const alerts = (await inject({ method: 'GET', url: '/api/news/alerts' })).json().alerts;
      assert.ok(alerts.some((a: { message: string }) => /items? in scan/.test(a.message)));
    });

    test('accepting writes the draft with the article as its source and audits the decision; a decided proposal cannot be decided again', async () => {
      const open = (await inject({ method: 'GET', url: '/api/news/proposals?state=open' })).json().proposals as { id: string }[];
      const id = open[0]!.id;
      const r = await inject({ method: 'POST', url: `/api/news/proposals/${id}/accept`, payload: { reason: 'confirmed by the agency' } });
      assert.equal(r.statusCode, 200, r.body);
      const body = r.json();
      assert.equal(body.proposal.state, 'accepted');
      assert.equal(body.proposal.reason, 'confirmed by the agency');
      assert.ok(body.draftFile.endsWith('.yaml') && body.draftFile.includes('drafts'));
      assert.equal(readFileSync(body.draftFile, 'utf8'), body.draftYaml, 'the returned draft is the file written');
      const draft = parse(body.draftYaml) as { sources: { url: string; unverified: boolean }[] };
      assert.equal(draft.sources[0]!.url, ARTICLE.url);
      assert.equal(draft.sources[0]!.unverified, true);
      const twice = await inject({ method: 'POST', url: `/api/news/proposals/${id}/accept`, payload: {} });
      assert.equal(twice.statusCode, 409);
      const audit = (await inject({ method: 'GET', url: '/api/audit?action=news.accept' })).json();
      assert.ok(audit.entries.some((e: { subject: string }) => e.subject === id), 'the acceptance is in the audit log');
      assert.equal((await inject({ method: 'GET', url: '/api/news/proposals?state=accepted' })).json().total, 1);
    });

    test('rejecting needs a reason; unknown proposals are 404; bad queries are 400 with field paths', async () => {
      const submitted = (await inject({ method: 'POST', url: '/api/news/articles', payload: SECOND })).json();
      assert.equal(submitted.proposals.length, 1, 'the DJI ban is proposed');
      const id = submitted.proposals[0].id as string;
      const missing = await inject({ method: 'POST', url: `/api/news/proposals/${id}/reject`, payload: {} });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(missing.json().problems.map((p: { path: string }) => p.path), ['body.reason']);
      const blank = await inject({ method: 'POST', url: `/api/news/proposals/${id}/reject`, payload: { reason: '   ' } });
      assert.equal(blank.statusCode, 400);
      const reasons = ['opinion piece', 'duplicate'];
      const answers = await Promise.all(reasons.map((reason) => inject({ method: 'POST', url: `/api/news/proposals/${id}/reject`, payload: { reason } })));
      // Two reviewers at once: whichever comes second is told it was decided, in either order.
      assert.deepEqual(answers.map((a) => a.statusCode).sort(), [200, 409], answers.map((a) => a.body).join(' | '));
      const winner = answers.findIndex((a) => a.statusCode === 200);
      assert.equal(answers[winner]!.json().proposal.state, 'rejected');
      assert.equal(answers[winner]!.json().proposal.reason, reasons[winner]);
      assert.equal((await inject({ method: 'POST', url: '/api/news/proposals/pnope/reject', payload: { reason: 'x' } })).statusCode, 404);
      assert.equal((await inject({ method: 'POST', url: '/api/news/proposals/pnope/accept', payload: {} })).statusCode, 404);
      assert.equal((await inject({ method: 'GET', url: '/api/news/proposals/pnope' })).statusCode, 404);
      const bad = await inject({ method: 'GET', url: '/api/news/proposals?state=maybe&limit=0' });
      assert.deepEqual(bad.json().problems.map((p: { path: string }) => p.path).sort(), ['query.limit', 'query.state']);
      const article = await inject({ method: 'POST', url: '/api/news/articles', payload: { text: 'x', published: '2020-02-30', colour: 'red' } });
      assert.equal(article.statusCode, 400);
      assert.deepEqual(article.json().problems.map((p: { path: string }) => p.path).sort(), ['body.colour']);
      const date = await inject({ method: 'POST', url: '/api/news/articles', payload: { text: 'x', published: '2020-02-30' } });
      assert.deepEqual(date.json().problems.map((p: { path: string }) => p.path), ['body.published']);
      const doc = (await inject({ method: 'GET', url: '/openapi.json' })).json();
      for (const path of ['/api/news/proposals', '/api/news/proposals/{id}/accept', '/api/news/proposals/{id}/reject', '/api/news/alerts', '/api/news/articles']) assert.ok(doc.paths[path], `documents ${path}`);
    });
  });
}

describe('news API access', () => {
  test('with tokens required, a viewer reads the queue but cannot decide or submit; an analyst can', async () => {
    const [sqlite] = await testDatabases();
    const server = await testServer(sqlite!, { requireTokens: true });
    try {
      const viewer = (await server.service.tokens.create('reader', 'viewer')).token;
      const analyst = (await server.service.tokens.create('analyst', 'analyst')).token;
      const as = (token: string) => ({ authorization: `Bearer ${token}` });
      assert.equal((await server.app.inject({ method: 'GET', url: '/api/news/proposals' })).statusCode, 401);
      assert.equal((await server.app.inject({ method: 'POST', url: '/api/news/articles', payload: ARTICLE, headers: as(viewer) })).statusCode, 403);
      const submitted = await server.app.inject({ method: 'POST', url: '/api/news/articles', payload: ARTICLE, headers: as(analyst) });
      assert.equal(submitted.statusCode, 200, submitted.body);
      const queue = (await server.app.inject({ method: 'GET', url: '/api/news/proposals', headers: as(viewer) })).json();
      const id = queue.proposals[0].id as string;
      assert.equal((await server.app.inject({ method: 'POST', url: `/api/news/proposals/${id}/accept`, payload: {}, headers: as(viewer) })).statusCode, 403);
      assert.equal((await server.app.inject({ method: 'POST', url: `/api/news/proposals/${id}/reject`, payload: { reason: 'no' }, headers: as(viewer) })).statusCode, 403);
      const rejected = await server.app.inject({ method: 'POST', url: `/api/news/proposals/${id}/reject`, payload: { reason: 'duplicate' }, headers: as(analyst) });
      assert.equal(rejected.json().proposal.decidedBy, 'token:analyst');
    } finally {
      await server.close();
    }
  });
});
