import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs the CLI without blocking this process, so the test's HTTP server can answer it. */
function covered(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', COVERED_USER: 'tester' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const PAGE = `<!doctype html><html><head><title>TikTok order</title><meta property="article:published_time" content="2020-08-07T09:00:00Z"></head>
<body><nav>Home | World | Markets | Huawei deals</nav><article><h1>Trump signs order banning TikTok</h1>
<p>President Donald Trump on Thursday signed an executive order banning transactions with TikTok and its owner ByteDance, effective in 45 days.</p>
<p>The order cites the national emergency declared last year over information and communications technology from foreign adversaries.</p>
<p>TikTok said it was shocked by the order and would pursue all remedies available to it.</p></article>
<footer>Subscribe to our newsletter for ZTE and Xiaomi deals.</footer></body></html>`;

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>US weighs ban on Anker chargers</title><link>https://wire.example/anker</link><pubDate>Wed, 18 Dec 2024 10:00:00 GMT</pubDate>
<description>US authorities are considering banning Anker chargers, people familiar said.</description></item>
<item><title>Xiaomi beats forecasts</title><link>https://wire.example/xiaomi</link><pubDate>Tue, 19 Nov 2024 10:00:00 GMT</pubDate>
<description>Xiaomi reported higher revenue on Tuesday.</description></item></channel></rss>`;

let server: Server;
let base: string;
const tmp = mkdtempSync(join(tmpdir(), 'covered-news-'));

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/article.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/feed.xml') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
    else if (req.url === '/slow') {
      // Never answers; the client's deadline must end it.
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 64 && res.write(chunk)) sent++;
        if (sent < 64) res.once('drain', pump);
        else res.end();
      };
      pump();
    } else res.writeHead(404).end('not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

describe('covered news over URLs (local server)', () => {
  test('an HTML page and a feed are read; a slow and a missing URL are reported and the rest still processed', async () => {
    const run = await covered(['news', `${base}/article.html`, `${base}/feed.xml`, `${base}/slow`, `${base}/missing`, 'file:///etc/passwd', '--timeout', '1', '--format', 'json']);
    assert.equal(run.code, 2, 'a source could not be read');
    assert.match(run.stderr, /\/slow: no answer within 1 s/);
    assert.match(run.stderr, /\/missing: HTTP 404/);
    assert.match(run.stderr, /file:\/\/\/etc\/passwd: only http:\/\/ and https:\/\/ URLs can be fetched/);
    const out = JSON.parse(run.stdout) as { articles: { url: string; published: string; events: { action: string; status: string; links: { target: string; kind: string; measure?: string }[] }[] }[] };
    assert.equal(out.articles.length, 3, 'the page and two feed items');
    const page = out.articles.find((a) => a.url === `${base}/article.html`);
    assert.equal(page?.published, '2020-08-07');
    const order = page?.events.find((e) => e.action === 'ban');
    assert.equal(order?.status, 'enacted');
    assert.ok(order?.links.some((l) => l.kind === 'known' && l.measure === 'us-eo-13942'), JSON.stringify(order?.links));
    const anker = out.articles.find((a) => a.url === 'https://wire.example/anker');
    assert.equal(anker?.events[0]?.status, 'considered');
    assert.equal(anker?.events[0]?.links[0]?.kind, 'new');
    assert.deepEqual(out.articles.find((a) => a.url === 'https://wire.example/xiaomi')?.events, []);
  });

  test('a body over --max-bytes is refused', async () => {
    const run = await covered(['news', `${base}/big`, '--max-bytes', '100000']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /larger than the limit of 100000 bytes/);
  });
});

describe('covered news over files', () => {
  const dir = join(tmp, 'articles');
  mkdirSync(join(dir, 'more'), { recursive: true });
  writeFileSync(join(dir, 'india.txt'), 'India bans TikTok\nIndia on Monday banned TikTok, WeChat and 57 other Chinese apps.\n');
  writeFileSync(join(dir, 'more', 'earnings.txt'), 'Xiaomi beats forecasts\nXiaomi reported a 20% rise in revenue on Tuesday.\n');
  writeFileSync(join(dir, 'notes.csv'), 'not,an,article\n');

  test('a directory is read recursively; table output names the measure', async () => {
    const run = await covered(['news', dir, '--published', '2020-06-30']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /enacted\s+ban by IN government against TikTok \[tiktok-app\], WeChat \[wechat-app\]/);
    assert.match(run.stdout, /tiktok-app: reports in-69a-2020-06/);
    assert.match(run.stdout, /2 articles, 1 restriction event \(1 without events; --all lists them\)/);
  });

  test('a Federal Register document is read as one event per named party, in the same JSON', async () => {
    const r = await covered(['news', 'test/fixtures/news/federal-register/2023-02130.xml', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { articles: { title: string; published: string; events: { action: string; status: string; date: string; targets: { surface: string }[]; links: { measure?: string }[]; official: { list: string; citation: string; licencePolicy: string } }[] }[] };
    const [article] = out.articles;
    assert.equal(article?.title, 'Additions to the Entity List');
    assert.equal(article?.published, '2023-02-01');
    assert.equal(article?.events.length, 7);
    for (const e of article!.events) {
      assert.deepEqual([e.action, e.status, e.date, e.links[0]?.measure, e.official.list, e.official.citation], ['entity-list', 'enacted', '2023-01-31', 'us-bis-entity-list', 'us-bis-entity-list', '88 FR 6622, 2/1/2023']);
    }
    assert.ok(article!.events.some((e) => e.targets[0]?.surface === 'Qods Aviation Industry'));
  });

  test('alerts against a JSON scan report, exit code 1', async () => {
    const inventory = join(tmp, 'apps.csv');
    writeFileSync(inventory, 'name\nByteDance Ltd.\nTencent Holdings Ltd.\nAcme Hardware Inc.\n');
    const scan = await covered(['scan', inventory, '--as-of', '2020-07-01', '--format', 'json', '--fail-on', 'none']);
    const report = join(tmp, 'report.json');
    writeFileSync(report, scan.stdout);
    const run = await covered(['news', join(dir, 'india.txt'), '--published', '2020-06-30', '--scan', report]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /enacted ban by IN government against ByteDance — 1 item in scan .*report\.json/);
    assert.match(run.stdout, /enacted ban by IN government against Tencent — 1 item in scan/);
    assert.match(run.stdout, /Tencent Holdings Ltd\./);
  });

  test('a missing file is a usage error with its name; --help documents exit codes', async () => {
    const run = await covered(['news', join(tmp, 'nope.txt')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /nope\.txt: no such file or directory/);
    const help = await covered(['news', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes: 0 read, no alerts; 1 alerts raised/);
  });
});

describe('the review queue', () => {
  const dataDir = join(tmp, 'store');
  const drafts = join(tmp, 'drafts');
  const article = join(tmp, 'anker.txt');
  writeFileSync(article, 'US weighs ban on Anker chargers\nUS authorities are considering banning Anker chargers, people familiar said. The Commerce Department is also weighing export restrictions on CXMT.\n');

  test('save, list, accept (draft written), reject, and a decided proposal stays decided', async () => {
    const saved = await covered(['news', article, '--published', '2024-12-18', '--save', '--data-dir', dataDir]);
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stderr, /saved to .*covered\.db: 2 new events, 2 new proposals, 0 new alerts/);

    const queue = await covered(['news', 'queue', '--data-dir', dataDir, '--format', 'json']);
    const { proposals } = JSON.parse(queue.stdout) as { proposals: { id: string; target: string; state: string }[] };
    assert.deepEqual(proposals.map((p) => p.target).sort(), ['anker', 'cxmt']);
    const anker = proposals.find((p) => p.target === 'anker')?.id as string;
    const cxmt = proposals.find((p) => p.target === 'cxmt')?.id as string;

    const accepted = await covered(['news', 'accept', anker, '--data-dir', dataDir, '--out', drafts, '--reason', 'checked']);
    assert.equal(accepted.code, 0, accepted.stderr);
    const file = /draft written to (\S+)/.exec(accepted.stdout)?.[1] as string;
    assert.ok(file.startsWith(drafts) && existsSync(file));
    assert.match(readFileSync(file, 'utf8'), /^# DRAFT proposal /);
    assert.match(accepted.stdout, /not in the knowledge base yet/);

    const again = await covered(['news', 'accept', anker, '--data-dir', dataDir, '--out', drafts]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already accepted/);

    const rejected = await covered(['news', 'reject', cxmt, '--data-dir', dataDir, '--reason', 'rumour']);
    assert.equal(rejected.code, 0, rejected.stderr);

    const all = await covered(['news', 'queue', '--state', 'all', '--data-dir', dataDir]);
    assert.match(all.stdout, /accepted by tester on \d{4}-\d{2}-\d{2}: checked/);
    assert.match(all.stdout, /rejected by tester on \d{4}-\d{2}-\d{2}: rumour/);

    const audit = await covered(['audit', 'verify', '--data-dir', dataDir]);
    assert.equal(audit.code, 0, `decisions are in the intact audit log: ${audit.stdout}${audit.stderr}`);
  });

  test('an unknown proposal is a usage error', async () => {
    const run = await covered(['news', 'accept', 'pnope', '--data-dir', dataDir]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no proposal "pnope"/);
  });
});
