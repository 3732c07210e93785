/**
 * A knowledge-base change re-screens every inventory and tells the receivers: a signed webhook
 * (an HTTP server of the test's own, which fails twice before accepting), a Slack-style incoming
 * webhook, and an e-mail through a real SMTP server process on loopback.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ChangeNotification, DeliveryInfo } from '../../src/inventory/model.js';
import { verifySignature } from '../../src/notify/signature.js';
import { buildServer } from '../../src/server/app.js';
import { CoveredService } from '../../src/server/service.js';
import { FIXTURE_KB_DIR } from '../helpers.js';
import { until } from '../queue/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'covered-notify-'));
const kbDir = join(dir, 'kb');
cpSync(FIXTURE_KB_DIR, kbDir, { recursive: true });
rmSync(join(kbDir, 'import'), { recursive: true, force: true });
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
  rmSync(dir, { recursive: true, force: true });
});

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** An HTTP receiver that answers 500 to the first `failures` attempts of each delivery, then 200. */
async function receiver(failures: number): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = req.headers['covered-delivery'];
      const status = received.filter((r) => r.headers['covered-delivery'] === id).length < failures ? 500 : 200;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
}

async function smtpReceiver(): Promise<{ port: number; messages: { to: string[]; data: string }[] }> {
  const child = spawn(process.execPath, [new URL('./smtp-receiver.mjs', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => {
    child.kill('SIGKILL');
  });
  const messages: { to: string[]; data: string }[] = [];
  let buffer = '';
  let resolvePort: (port: number) => void;
  const port = new Promise<number>((resolve) => (resolvePort = resolve));
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const listening = /^listening (\d+)$/.exec(line);
      if (listening) resolvePort(Number(listening[1]));
      else messages.push(JSON.parse(line) as { to: string[]; data: string });
    }
  });
  return { port: await port, messages };
}

/** The text of a quoted-printable message body (soft line breaks joined, =XX bytes decoded as UTF-8). */
function quotedPrintable(message: string): string {
  const body = message.replace(/=\r\n/g, '');
  return Buffer.from(body.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}

const NEW_LISTING = `measure:
  id: xx-list-5
  title: Test list 5 of cloud providers
  short: List 5
  jurisdiction: US
  authority: Test authority
  kind: designation
  citations: [{ text: Test citation 5 }]
  timeline:
    - { date: 2019-01-01, status: effective, note: In force., sources: [src-a] }
  obliges: Do not buy the services.
  extent: listed
  facets: [organisation, service]
  severity: high
  sources: [src-a]
listings:
  - { target: sister, nameAsListed: SISTERCO CLOUD, from: 2019-06-01, sources: [src-a] }
`;

test('a knowledge-base change re-screens every inventory and delivers a signed webhook (after two failures), a chat message and an e-mail with the changed findings', { timeout: 300_000 }, async () => {
  const webhook = await receiver(2);
  const chat = await receiver(0);
  const smtp = await smtpReceiver();
  const options = {
    dataDir: join(dir, 'data'),
    kbDir,
    mail: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'covered@example.org' },
    dispatch: { attempts: 5, backoffMs: 100 },
  };

  let service = await CoveredService.open(options);
  let app = await buildServer({ service, requireTokens: false, webDir: '/nonexistent' });
  const files = { suppliers: 'name\nSisterco Cloud Ltd.\nAcme Holding Co. Ltd.\nOrdinary Widgets Inc.\n', vendors: 'name\nOther Things LLC\nSisterco Cloud Ltd.\n' };
  for (const [name, content] of Object.entries(files)) {
    const boundary = 'b0undary';
    const payload = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}.csv"\r\ncontent-type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    const res = await app.inject({ method: 'POST', url: `/api/inventories/${name}/versions`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    assert.equal(res.statusCode, 202, res.body);
  }
  await until(async () => ((await service.monitor.list()).every((i) => i.current?.seq === 1) ? true : undefined), 'the first versions to be screened');

  const secret = 'a-test-secret-of-enough-length';
  const rules = [
    { name: 'security team hook', channel: 'webhook', target: webhook.url, secret },
    { name: 'chat', channel: 'slack', target: chat.url, filter: { kinds: ['new', 'changed'] } },
    { name: 'mail', channel: 'email', target: 'compliance@example.org', filter: { inventories: ['suppliers'], severities: ['high', 'critical'] } },
  ];
  for (const rule of rules) assert.equal((await app.inject({ method: 'POST', url: '/api/notifications/rules', payload: rule })).statusCode, 201);
  await app.close();
  await service.close();

  // The knowledge base gains a listing; the server starts with it.
  writeFileSync(join(kbDir, 'measures', 'xx-list-5.yaml'), NEW_LISTING);
  service = await CoveredService.open(options);
  app = await buildServer({ service, requireTokens: false, webDir: '/nonexistent' });
  cleanups.push(async () => {
    await app.close();
    await service.close();
  });

  const deliveries = await until(async () => {
    const { deliveries } = (await app.inject({ method: 'GET', url: '/api/notifications/deliveries?limit=100' })).json() as { deliveries: DeliveryInfo[] };
    const bad = deliveries.find((d) => d.state === 'failed');
    if (bad) throw new Error(`delivery failed: ${bad.lastError}`);
    return deliveries.length === 5 && deliveries.every((d) => d.state === 'delivered') ? deliveries : undefined;
  }, 'every delivery to be delivered');

  // Both inventories were screened again under the new knowledge base, as version 2.
  for (const inventory of await service.monitor.list()) {
    assert.equal(inventory.current?.seq, 2, inventory.name);
    assert.equal(inventory.current?.reason, 'kb-update');
    // Suppliers also holds Acme Holding, Sisterco's owner: the new list names Sisterco alone, so Acme gets it as context.
    assert.deepEqual(inventory.current?.changes, { new: inventory.name === 'suppliers' ? 2 : 1, changed: 0, resolved: 0 }, inventory.name);
  }

  // The webhook: for each inventory two failed attempts, then delivered, all with the delivery's id and a valid, fresh signature.
  const delivered = webhook.received.filter((r) => r.status === 200);
  assert.equal(delivered.length, 2, 'one delivery per inventory');
  for (const d of delivered) assert.deepEqual(webhook.received.filter((r) => r.headers['covered-delivery'] === d.headers['covered-delivery']).map((r) => r.status), [500, 500, 200]);
  for (const r of webhook.received) {
    const check = verifySignature(secret, r.headers['covered-signature'] as string, r.body);
    assert.ok(check.ok, JSON.stringify(check));
    assert.equal(verifySignature('another-secret-of-some-length', r.headers['covered-signature'] as string, r.body).ok, false);
    assert.equal(verifySignature(secret, r.headers['covered-signature'] as string, r.body, { now: Math.floor(Date.now() / 1000) + 3600 }).ok, false, 'an hour later the message is refused as a replay');
  }
  const payloads = delivered.map((r) => JSON.parse(r.body) as ChangeNotification).sort((a, b) => a.inventory.localeCompare(b.inventory));
  assert.deepEqual(payloads.map((p) => p.inventory), ['suppliers', 'vendors']);
  for (const p of payloads) assert.equal(p.reason, 'kb-update');
  assert.deepEqual(payloads[0]!.changes.map((c) => [c.kind, c.measure, c.subject, c.label]).sort(), [
    ['new', 'xx-list-5', 'sister', 'Acme Holding Co. Ltd.'],
    ['new', 'xx-list-5', 'sister', 'Sisterco Cloud Ltd.'],
  ]);
  assert.deepEqual(payloads[1]!.changes.map((c) => [c.kind, c.measure, c.subject, c.label]), [['new', 'xx-list-5', 'sister', 'Sisterco Cloud Ltd.']]);
  assert.deepEqual(deliveries.filter((d) => d.channel === 'webhook').map((d) => d.attempts), [3, 3]);
  assert.deepEqual(deliveries.filter((d) => d.channel !== 'webhook').map((d) => d.attempts), [1, 1, 1]);

  // The chat message and the e-mail.
  assert.equal(chat.received.length, 2);
  for (const r of chat.received) assert.match((JSON.parse(r.body) as { text: string }).text, /[12] new.*\n(?:.*\n)*• NEW +Sisterco Cloud Ltd\. — xx-list-5 → sister/);
  await until(async () => (smtp.messages.length >= 1 ? true : undefined), 'the e-mail');
  assert.equal(smtp.messages.length, 1, 'only the suppliers inventory is mailed');
  assert.deepEqual(smtp.messages[0]!.to, ['compliance@example.org']);
  assert.match(smtp.messages[0]!.data, /Subject: Covered: suppliers v2 \(after a knowledge-base\s+update\): 1 new/);
  assert.match(quotedPrintable(smtp.messages[0]!.data), /NEW +Sisterco Cloud Ltd\. — xx-list-5 → sister: in-force, high/);

  // What changed is kept with the version.
  const changes = (await app.inject({ method: 'GET', url: '/api/inventories/suppliers/changes' })).json() as { version: { seq: number }; changes: { kind: string; subject: string }[] };
  assert.equal(changes.version.seq, 2);
  assert.deepEqual(changes.changes.map((c) => [c.kind, c.subject]), [['new', 'sister'], ['new', 'sister']]);
});
