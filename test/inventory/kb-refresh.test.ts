/**
 * The scheduled knowledge-base refresh: the server runs `kb update --fetch` (here against a local
 * mirror of the official files), records the outcome in the audit log, loads the new knowledge
 * base and screens every inventory again, recording what changed.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CoveredService } from '../../src/server/service.js';
import { until } from '../queue/processes.js';

const BASE = new URL('../fixtures/kb/import/base/', import.meta.url).pathname;
const LISTS = new URL('../fixtures/kb/import/lists/', import.meta.url).pathname;
const FILES: Record<string, string> = {
  '/ofac/cons_prim.csv': 'ofac/cons_prim.csv',
  '/ofac/cons_alt.csv': 'ofac/cons_alt.csv',
  '/ofac/cons_add.csv': 'ofac/cons_add.csv',
  '/ofac/cons_comments.csv': 'ofac/cons_comments.csv',
  '/csl/consolidated.json': 'csl.json',
  '/fcc/coveredlist': 'fcc.html',
};

const dir = mkdtempSync(join(tmpdir(), 'covered-kb-refresh-'));
const mirror = createServer((req, res) => {
  const file = FILES[req.url ?? ''];
  if (!file) return void res.writeHead(404).end();
  res.writeHead(200).end(readFileSync(LISTS + file));
});
after(() => {
  mirror.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a scheduled kb update --fetch is audited, loads the new knowledge base and screens every inventory again', { timeout: 300_000 }, async () => {
  await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
  const kbDir = join(dir, 'kb');
  cpSync(BASE, kbDir, { recursive: true });
  const options = { dataDir: join(dir, 'data'), kbDir };

  let service = await CoveredService.open(options);
  const file = join(dir, 'suppliers.csv');
  writeFileSync(file, 'name\nKestrel Networks\nOrdinary Widgets Inc.\n');
  await service.monitor.push('suppliers', file, 'suppliers.csv', 'test');
  await until(async () => ((await service.monitor.list())[0]?.current ? true : undefined), 'version 1');
  const before = service.ctx.kb.hash;
  await service.close();

  const args = [
    '--url', `ofac-non-sdn=${base}/ofac/cons_prim.csv`,
    '--url', `ofac-non-sdn.alt=${base}/ofac/cons_alt.csv`,
    '--url', `ofac-non-sdn.add=${base}/ofac/cons_add.csv`,
    '--url', `ofac-non-sdn.comments=${base}/ofac/cons_comments.csv`,
    '--url', `csl=${base}/csl/consolidated.json`,
    '--url', `fcc-covered-list=${base}/fcc/coveredlist`,
    '--date', '2025-12-19',
  ];
  service = await CoveredService.open({ ...options, kbRefresh: { kbDir, everyHours: 24, args } });
  try {
    const [inventory] = await until(async () => {
      const list = await service.monitor.list();
      return list[0]?.current?.seq === 2 ? list : undefined;
    }, 'the inventory to be screened under the refreshed knowledge base');
    assert.notEqual(service.ctx.kb.hash, before);
    assert.equal(inventory!.current!.reason, 'kb-update');
    assert.equal(inventory!.current!.kb, service.ctx.kb.hash);
    const { changes } = await service.inventories.changes(inventory!.current!.id, { limit: 100, offset: 0 });
    assert.ok(changes.some((c) => c.kind === 'new' && c.subject === 'kestrel-networks' && c.measure === 'us-fcc-covered-list'), JSON.stringify(changes));

    const refresh = (await service.audit.list({ action: 'kb.refresh', limit: 5, offset: 0 })).entries;
    assert.equal(refresh.length, 1);
    const sources = (refresh[0]!.details as { sources: { source: string; status: string }[] }).sources;
    assert.deepEqual(sources.map((s) => [s.source, s.status]), [['ofac-non-sdn', 'imported'], ['csl', 'imported'], ['fcc-covered-list', 'imported']]);
    const updates = (await service.audit.list({ action: 'kb.update', limit: 5, offset: 0 })).entries;
    assert.equal(updates[0]!.subject, service.ctx.kb.hash);
  } finally {
    await service.close();
  }
});
