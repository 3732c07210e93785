#!/usr/bin/env node
// Runs every test file under test/ with node's test runner (TypeScript through tsx) and ends with
// the plain summary line `N passed, N failed` that CI reads.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
// One summary file per run, so that parallel runs do not read each other's counts.
const summaryFile = join(tmpdir(), `covered-test-summary-${process.pid}.json`);
const files = findTests('test').filter((f) => filter.length === 0 || filter.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error('no test files found');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const child = spawn(
  process.execPath,
  [
    '--import', 'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./tools/summary-reporter.mjs', `--test-reporter-destination=${summaryFile}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
child.on('exit', async (code) => {
  const { readFileSync, rmSync } = await import('node:fs');
  let summary = { passed: 0, failed: 1 };
  try {
    summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    rmSync(summaryFile);
  } catch {
    // The runner died before writing a summary: count that as a failure.
  }
  const failed = summary.failed + (code !== 0 && summary.failed === 0 ? 1 : 0);
  console.log(`${summary.passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
});
