/**
 * The fuzzer's short pass (`npm run fuzz` runs long ones): every target from its seeds for a few
 * dozen mutated inputs, and every input a fuzzing run ever crashed on, kept in fuzz/regressions/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGETS } from '../../fuzz/targets.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const REGRESSIONS = join(ROOT, 'fuzz', 'regressions');

test('every input a fuzzing run crashed on is now read or refused with a message', async () => {
  let replayed = 0;
  for (const target of TARGETS) {
    const dir = join(REGRESSIONS, target.name);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      await target.run(readFileSync(join(dir, name))).catch((error: unknown) => {
        assert.ok(target.expected(error), `${target.name}/${name}: ${(error as Error).stack ?? String(error)}`);
      });
      replayed++;
    }
  }
  assert.ok(replayed > 0);
});

test('a short coverage-guided pass over every target finds no crash', async () => {
  // In a process of its own, as `npm run fuzz` runs: a reader that waits on nothing is noticed by
  // the event loop running empty, which the test runner would take for a test that never ends.
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'fuzz/run.ts', '--runs', '40', '--seed', '1'], { cwd: ROOT, encoding: 'utf8', timeout: 600_000 });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  for (const target of TARGETS) assert.match(run.stdout, new RegExp(`^${target.name} +[\\d,]+ executions .* 0 crashes$`, 'm'));
});
