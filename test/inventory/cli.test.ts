/**
 * `covered inventory` against a real `covered serve` (embedded: SQLite, jobs in the process):
 * push, wait, see what changed; a disposition made on version 1 carries over to version 2.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { InventoryInfo } from '../../src/inventory/model.js';
import { ROOT, startCovered, type Running } from '../queue/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'covered-inventory-cli-'));
let server: Running | undefined;
after(async () => {
  await server?.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function covered(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('covered inventory push --wait reports new findings, a second push none; dispositions carry over to the next version', { timeout: 300_000 }, async () => {
  server = startCovered(['serve', '--port', '0', '--no-log', '--data-dir', join(dir, 'data')], {});
  const url = (await server.waitFor(/running at (http:\/\/\S+?)\/\s/))[1]!;
  const file = join(dir, 'suppliers.csv');
  writeFileSync(file, 'name\nZTE Corporation\nAcme Widgets Inc.\n');

  const first = await covered(['inventory', 'push', 'suppliers', file, '--wait', '--server', url]);
  assert.equal(first.code, 1, first.stderr);
  assert.match(first.stdout, /^suppliers v1 .* upload +scan \S+ +[1-9]\d* new, 0 changed, 0 resolved$/m);

  // An analyst decides on one finding of version 1.
  const inventory = (await (await fetch(`${url}/api/inventories/suppliers`)).json()) as InventoryInfo;
  const { findings } = (await (await fetch(`${url}/api/scans/${inventory.current!.scanId}/findings?limit=1`)).json()) as { findings: { id: number; key: string }[] };
  const decided = findings[0]!;
  const put = await fetch(`${url}/api/findings/${decided.id}/disposition`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ state: 'accepted-risk', reason: 'legacy switch, replaced in Q3' }) });
  assert.equal(put.status, 200);

  const second = await covered(['inventory', 'push', 'suppliers', file, '--wait', '--server', url, '--format', 'json']);
  assert.equal(second.code, 0, second.stderr);
  const v2 = JSON.parse(second.stdout) as { seq: number; changes: unknown; scanId: string };
  assert.equal(v2.seq, 2);
  assert.deepEqual(v2.changes, { new: 0, changed: 0, resolved: 0 });
  const carried = (await (await fetch(`${url}/api/scans/${v2.scanId}/findings?disposition=accepted-risk`)).json()) as { findings: { key: string; disposition?: { state: string } }[] };
  assert.deepEqual(carried.findings.map((f) => [f.key, f.disposition?.state]), [[decided.key, 'accepted-risk']]);

  const list = await covered(['inventory', 'list', '--server', url]);
  assert.equal(list.code, 0);
  assert.match(list.stdout, /^suppliers v2 /m);
  const changes = await covered(['inventory', 'changes', 'suppliers', '--number', '1', '--server', url]);
  assert.equal(changes.code, 0, changes.stderr);
  assert.match(changes.stdout, /^NEW +ZTE Corporation — \S+ → zte-corporation/m);
  const missing = await covered(['inventory', 'changes', 'nowhere', '--server', url]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /404: no inventory named "nowhere"/);
});
