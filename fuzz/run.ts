/**
 * `npm run fuzz [-- --seconds N] [--runs N] [--only csv,json,…] [--seed N]`: fuzzes every target in
 * turn (fuzz/targets.ts) for the set time or number of executions (default: 100,000 executions or
 * 15 minutes per target, whichever comes first), prints what each reached, and writes each crash's
 * input to fuzz/crashes/. Exit 1 when anything crashed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fuzz } from './engine.js';
import { seedsOf, TARGETS } from './targets.js';

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const seconds = Number(arg('--seconds') ?? 900);
const runs = Number(arg('--runs') ?? 100_000);
const seed = Number(arg('--seed') ?? Date.now() % 100_000);
const only = arg('--only')?.split(',');
const crashDir = join(new URL('.', import.meta.url).pathname, 'crashes');

let crashed = 0;
for (const target of TARGETS.filter((t) => !only || only.includes(t.name))) {
  const report = await fuzz(target, seedsOf(target), { seconds, runs, seed });
  console.log(
    `${target.name.padEnd(16)} ${report.executions.toLocaleString('en-US').padStart(9)} executions in ${report.seconds.toFixed(0)} s ` +
      `(${Math.round(report.executions / report.seconds).toLocaleString('en-US')}/s), corpus ${report.corpus}, ${report.blocks} blocks, ${report.crashes.length} crashes`,
  );
  for (const crash of report.crashes) {
    crashed++;
    mkdirSync(crashDir, { recursive: true });
    const file = join(crashDir, `${target.name}-${createHash('sha256').update(crash.input).digest('hex').slice(0, 12)}`);
    writeFileSync(file, crash.input);
    console.log(`  crash → ${file}\n    ${crash.message.split('\n').slice(0, 4).join('\n    ')}`);
  }
}
console.log(`fuzz: seed ${seed}; ${crashed} crashes`);
process.exit(crashed > 0 ? 1 : 0);
