/**
 * `npm run eval:inventory [-- --data DIR] [--as-of DATE] [--format table|json] [--kinds dns,apps]
 * [--per N] [--errors] [--out DIR] [--dist]`: writes inventories built from third-party material
 * (see inventory-sets.ts and docs/matching.md, "Row-level evaluation on inventories"), runs the
 * scanner on each (`covered scan FILE --format json --as-of DATE --profile all`, from the sources
 * through tsx or, with --dist, the compiled CLI), and scores each row: the expected group found
 * (TP), a listed group's finding on a negative row (FP), a positive row without it (FN). Rows are
 * split by a hash of their key into dev and test; `--errors` lists the dev errors only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/files.js';
import { isGeneratedFile } from '../../src/kb/model.js';
import { buildInventories, figures, KINDS, scoreRows, type Figures, type Kind, type ReportResult, type RowOutcome } from './inventory-sets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const dataDir = resolve(flag('--data') ?? process.env.COVERED_EVAL_DATA ?? join(ROOT, '..', 'shared', 'data'));
const asOf = flag('--as-of') ?? '2026-12-01';
const format = flag('--format') ?? 'table';
const kinds = (flag('--kinds')?.split(',') ?? KINDS) as Kind[];
const per = flag('--per');
const outDir = flag('--out');
const showErrors = args.includes('--errors');
const useDist = args.includes('--dist');

const { inventories, labels } = buildInventories(dataDir, { asOf, ...(per ? { perCategory: Number(per) } : {}) }, kinds);
const kb = loadKnowledgeBase();
const groupOf = (id: string) => {
  const rec = kb.organisations[id] ?? kb.products[id];
  if (!rec) return undefined;
  // A party of a generated list's catch-all group stands for itself.
  return isGeneratedFile(kb.groups[rec.group]?.file ?? '') ? id : rec.group;
};

// A listed name the source gives is translated into the record(s) bearing it, word for word (an
// identity look-up, not a match): a finding for that record, under any measure, is a hit.
const byName = new Map<string, Set<string>>();
for (const o of Object.values(kb.organisations)) {
  for (const n of o.names) {
    const key = n.value.toLowerCase();
    if (!byName.has(key)) byName.set(key, new Set());
    byName.get(key)!.add(groupOf(o.id) ?? o.id);
  }
}
for (const inv of inventories) {
  for (const row of inv.rows) {
    const groups = new Set(row.expectGroups);
    for (const n of row.expectNames) for (const g of byName.get(n) ?? []) groups.add(g);
    row.expectGroups = [...groups];
  }
}

const dir = outDir ? resolve(outDir) : mkdtempSync(join(tmpdir(), 'covered-eval-inventory-'));
mkdirSync(dir, { recursive: true });
const outcomes: RowOutcome[] = [];
const timings: Record<string, number> = {};
for (const inv of inventories) {
  const file = join(dir, inv.file);
  writeFileSync(file, inv.content);
  const cli = useDist ? [join(ROOT, 'dist/cli/main.js')] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
  const started = performance.now();
  const run = spawnSync(process.execPath, [...cli, 'scan', file, '--format', 'json', '--as-of', asOf, '--profile', 'all', '--fail-on', 'none', '--no-progress'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  timings[inv.kind] = performance.now() - started;
  if (run.status !== 0) throw new Error(`scan of ${inv.file} failed (${run.status}): ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { results: ReportResult[] };
  outcomes.push(...scoreRows(inv, report.results, groupOf));
}
if (!outDir) rmSync(dir, { recursive: true, force: true });

type Cell = Figures & { kind: string; split: string };
const cells: Cell[] = [];
for (const kind of [...kinds, 'all'] as const) {
  for (const split of ['dev', 'test', 'all'] as const) {
    // The plain host list repeats the DNS log's rows in another format: "all" counts each row once.
    const these = outcomes.filter((o) => (kind === 'all' ? o.row.kind !== 'hosts' : o.row.kind === kind) && (split === 'all' || o.row.split === split));
    cells.push({ kind, split, ...figures(these) });
  }
}
const byCategory: Record<string, { dev: Figures; test: Figures }> = {};
for (const cat of [...new Set(outcomes.map((o) => `${o.row.kind} ${o.row.category}`))].sort()) {
  const of = (split: string) => figures(outcomes.filter((o) => `${o.row.kind} ${o.row.category}` === cat && o.row.split === split));
  byCategory[cat] = { dev: of('dev'), test: of('test') };
}
const devErrors = outcomes
  .filter((o) => o.row.split === 'dev' && ['fp', 'fn', 'wrong'].includes(o.outcome))
  .map((o) => ({ kind: o.row.kind, category: o.row.category, key: o.row.key, outcome: o.outcome, expected: o.row.expectAny ? ['(any)'] : o.row.expectGroups.length ? o.row.expectGroups : o.row.expectNames.slice(0, 1), found: o.found }));

if (format === 'json') {
  console.log(JSON.stringify({ asOf, data: dataDir, companies: labels.evidence, figures: cells, byCategory, ...(showErrors ? { devErrors } : {}) }, null, 2));
} else {
  const f = (x: number | null) => (x === null ? '  -  ' : x.toFixed(3));
  console.log(`row-level evaluation on inventories, as of ${asOf}, from ${dataDir}`);
  console.log(`restricted companies (from the staged lists): ${[...labels.restricted].sort().join(', ')}`);
  console.log('');
  console.log(`${'kind'.padEnd(10)} │ ${'dev: rows  pos   P      R      F1   '} │ ${'test: rows  pos   P      R      F1   '} │ scan s`);
  for (const kind of [...kinds, 'all']) {
    const d = cells.find((c) => c.kind === kind && c.split === 'dev')!;
    const t = cells.find((c) => c.kind === kind && c.split === 'test')!;
    const fig = (c: Cell) => `${String(c.rows).padStart(5)} ${String(c.positives).padStart(5)}  ${f(c.precision)}  ${f(c.recall)}  ${f(c.f1)}`;
    const secs = kind === 'all' ? Object.values(timings).reduce((a, b) => a + b, 0) : timings[kind] ?? 0;
    console.log(`${kind.padEnd(10)} │ ${fig(d).padEnd(36)} │ ${fig(t).padEnd(37)} │ ${(secs / 1000).toFixed(1)}`);
  }
  console.log('\nby source (dev tp/fp/fn │ test tp/fp/fn):');
  for (const [cat, { dev, test }] of Object.entries(byCategory)) {
    console.log(`  ${cat.padEnd(44)} ${`${dev.tp}/${dev.fp}/${dev.fn}`.padStart(12)} │ ${`${test.tp}/${test.fp}/${test.fn}`.padEnd(12)} (rows ${dev.rows}+${test.rows})`);
  }
  if (showErrors) {
    console.log(`\ndev errors (${devErrors.length}):`);
    for (const e of devErrors) console.log(`  ${e.outcome.padEnd(5)} ${e.kind.padEnd(9)} ${e.category.padEnd(28)} ${e.key}  expected ${e.expected.join('|')}  found ${e.found.join('|') || '-'}`);
  }
}
