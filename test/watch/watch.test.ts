/**
 * `covered watch` on a growing dnsmasq log: a listed host is reported once, on standard output and
 * to a signed webhook; the log is rotated and the new file is read from its start.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { verifySignature } from '../../src/notify/signature.js';
import { startCovered, until, type Running } from '../queue/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'covered-watch-'));
let watch: Running | undefined;
const received: { body: string; signature: string }[] = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.on('data', (d: Buffer) => (body += d.toString()));
  req.on('end', () => {
    received.push({ body, signature: String(req.headers['covered-signature']) });
    res.writeHead(204).end();
  });
});
after(async () => {
  await watch?.stop('SIGKILL');
  receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = (host: string, client = '192.0.2.10') => `Dec  5 10:00:00 dnsmasq[812]: query[A] ${host} from ${client}\n`;

test('covered watch reports each listed host once, to standard output and a signed webhook, across a log rotation', { timeout: 120_000 }, async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const log = join(dir, 'pihole.log');
  writeFileSync(log, query('www.example.com'));
  const secret = 'watch-secret-of-some-length';
  watch = startCovered(['watch', log, '--from-start', '--format', 'json', '--webhook', `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, '--webhook-secret', secret], {});
  const events = () => lines.map((l) => JSON.parse(l) as { host: string; client: string; line: number; findings: { measure: { id: string } }[] });
  const lines: string[] = [];
  let partial = '';
  watch.child.stdout!.on('data', (d: Buffer) => {
    partial += d.toString();
    const parts = partial.split('\n');
    partial = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  });

  appendFileSync(log, query('api16-normal-useast5.us.tiktokv.com') + query('www.example.org') + query('api16-normal-useast5.us.tiktokv.com', '192.0.2.11'));
  await until(async () => (events().length >= 1 ? true : undefined), 'the first sighting', 60_000);
  appendFileSync(log, query('api16-normal-useast5.us.tiktokv.com'));

  // Rotation: the log is renamed away and a new one started.
  renameSync(log, `${log}.1`);
  writeFileSync(log, query('api16-normal-useast5.us.tiktokv.com') + query('escaped.bytedance.com', '192.0.2.30'));
  await until(async () => (events().length >= 2 ? true : undefined), 'the sighting in the new file', 60_000);
  await watch.waitFor(/was rotated; reading the new file from its start/);
  await until(async () => (received.length >= 2 ? true : undefined), 'both webhooks', 60_000);
  assert.equal(await watch.stop('SIGTERM'), 0);

  const seen = events();
  assert.deepEqual(seen.map((e) => [e.host, e.client, e.line]), [['api16-normal-useast5.us.tiktokv.com', '192.0.2.10', 2], ['escaped.bytedance.com', '192.0.2.30', 7]]);
  assert.ok(seen.every((e) => e.findings.some((f) => f.measure.id.length > 0)));
  assert.match(watch.stderr(), /watch: 7 lines with a host, 2 first sightings of listed hosts/);
  assert.deepEqual(received.map((r) => (JSON.parse(r.body) as { host: string }).host).sort(), ['api16-normal-useast5.us.tiktokv.com', 'escaped.bytedance.com']);
  for (const r of received) assert.ok(verifySignature(secret, r.signature, r.body).ok);
});
