/**
 * `npm run fuzz [-- --seconds N] [--runs N] [--only csv,json,…] [--seed N] [--jobs N]`: fuzzes
 * every target (fuzz/targets.ts) for the set time or number of executions (default: 100,000
 * executions or an hour per target, whichever comes first), prints what each reached, and writes
 * each crash's input to fuzz/crashes/. Exit 1 when anything crashed.
 *
 * The targets run in `--jobs` processes at a time (default: one per core), each process taking its
 * share of them in turn: a target that runs out of memory or kills its process is reported as a
 * crash and the rest of its share goes on in a new process, and one that says nothing for ten
 * minutes (a loop no timer can interrupt) is ended and reported the same way.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fuzz, type FuzzReport } from './engine.js';
import { seedsOf, TARGETS } from './targets.js';

const arg = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const seconds = Number(arg('--seconds') ?? 3600);
const runs = Number(arg('--runs') ?? 100_000);
const seed = Number(arg('--seed') ?? Date.now() % 100_000);
const only = arg('--only')?.split(',');
const jobs = Math.max(1, Number(arg('--jobs') ?? availableParallelism()));
const child = arg('--child');
const crashDir = join(new URL('.', import.meta.url).pathname, 'crashes');

interface Wire extends Omit<FuzzReport, 'crashes'> {
  crashes: { input: string; message: string }[];
}

if (child !== undefined) {
  // The targets named, one after another (the knowledge base is loaded once); each one's report
  // as one JSON line on standard output as soon as it ends.
  for (const name of child.split(',')) {
    const target = TARGETS.find((t) => t.name === name);
    if (!target) throw new Error(`no fuzz target ${name}`);
    // A line every few seconds tells the parent the process is alive.
    let said = Date.now();
    const onExecution = (executions: number) => {
      if (Date.now() - said < 5_000) return;
      said = Date.now();
      process.stdout.write(`${JSON.stringify({ alive: name, executions })}\n`);
    };
    const report = await fuzz(target, seedsOf(target), { seconds, runs, seed, onExecution });
    const wire: Wire = { ...report, crashes: report.crashes.map((c) => ({ input: c.input.toString('base64'), message: c.message })) };
    await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(wire)}\n`, () => resolve()));
  }
  process.exit(0);
} else {
  const unknown = (only ?? []).filter((name) => !TARGETS.some((t) => t.name === name));
  if (unknown.length > 0) {
    console.error(`fuzz: no target ${unknown.join(', ')}; the targets are ${TARGETS.map((t) => t.name).join(', ')}`);
    process.exit(2);
  }
  const names = TARGETS.filter((t) => !only || only.includes(t.name)).map((t) => t.name);
  // One group of targets per job, dealt in turn so that the slow readers spread out.
  const groups = Array.from({ length: Math.min(jobs, names.length) }, (_, j) => names.filter((_, i) => i % jobs === j));
  const self = fileURLToPath(import.meta.url);
  // A process that has said nothing for this long is taken to be stuck in a loop no timer can
  // interrupt (each input has 10 s; starting, which loads the knowledge base, can take minutes on
  // a busy machine).
  const silence = 600_000;
  let crashed = 0;

  /** Runs the targets in one process; those it did not report on are returned. */
  const runGroup = (group: string[]) =>
    new Promise<string[]>((resolve) => {
      const left = [...group];
      const proc = spawn(process.execPath, [...process.execArgv, self, '--child', group.join(','), '--seconds', String(seconds), '--runs', String(runs), '--seed', String(seed)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      let watchdog = setTimeout(() => proc.kill('SIGKILL'), silence);
      proc.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        for (let nl = out.indexOf('\n'); nl >= 0; nl = out.indexOf('\n')) {
          const message = JSON.parse(out.slice(0, nl)) as Wire | { alive: string };
          out = out.slice(nl + 1);
          clearTimeout(watchdog);
          watchdog = setTimeout(() => proc.kill('SIGKILL'), silence);
          if ('alive' in message) continue;
          left.splice(left.indexOf(message.target), 1);
          print(message);
        }
      });
      proc.stderr.on('data', (chunk: Buffer) => (err = (err + chunk.toString('utf8')).slice(-4000)));
      proc.on('close', (code, signal) => {
        clearTimeout(watchdog);
        const [name, ...rest] = left;
        if (name !== undefined) {
          // The target running when the process died or stopped answering.
          const how = signal === 'SIGKILL' ? `no sign of life for ${silence / 1000} s (stuck)` : `its process exited ${code ?? signal} without a report`;
          print({ target: name, executions: 0, seconds: 0, cpuSeconds: 0, corpus: 0, blocks: 0, crashes: [{ input: '', message: `${how}\n${err.trim()}` }] });
        }
        resolve(rest);
      });
    });

  const print = (report: Wire) => {
    const rate = report.seconds > 0 ? Math.round(report.executions / report.seconds) : 0;
    console.log(
      `${report.target.padEnd(16)} ${report.executions.toLocaleString('en-US').padStart(9)} executions in ${report.seconds.toFixed(0)} s ` +
        `(${rate.toLocaleString('en-US')}/s; ${report.cpuSeconds.toFixed(0)} s of CPU), corpus ${report.corpus}, ${report.blocks} blocks, ${report.crashes.length} crashes`,
    );
    for (const crash of report.crashes) {
      crashed++;
      const input = Buffer.from(crash.input, 'base64');
      mkdirSync(crashDir, { recursive: true });
      const file = join(crashDir, `${report.target}-${createHash('sha256').update(input).digest('hex').slice(0, 12)}`);
      writeFileSync(file, input);
      console.log(`  crash → ${file}\n    ${crash.message.split('\n').slice(0, 4).join('\n    ')}`);
    }
  };

  await Promise.all(
    groups.map(async (group) => {
      for (let rest = group; rest.length > 0; ) rest = await runGroup(rest);
    }),
  );
  console.log(`fuzz: seed ${seed}; ${crashed} crashes`);
  process.exit(crashed > 0 ? 1 : 0);
}
