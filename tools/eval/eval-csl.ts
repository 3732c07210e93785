/**
 * `npm run eval:csl`: does the knowledge base know what the official list knows? Each party of a
 * Consolidated Screening List file is screened by the name the list gives it, as a supplier, and
 * counted as found when it gets a finding on its own list's measure.
 *
 * - As of the list's date: every Entity List entry with a China, Hong Kong or Macau address, and a
 *   sample of every other list (a fixed stride, so runs compare).
 * - The day before each exactly dated listing took effect: no in-force finding of that measure.
 *
 *   npm run eval:csl [-- FILE] [--sample N] [--format json]
 */
import { readFileSync } from 'node:fs';
import { createContext } from '../../src/app/context.js';
import { CSL_SOURCES, parseCslProjection } from '../../src/kb/import/csl.js';
import type { InventoryItem } from '../../src/model/item.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? '../shared/data/csl-2026-07/screening-list.json';
const sampleAt = args.indexOf('--sample');
const sample = sampleAt >= 0 ? Number(args[sampleAt + 1]) : 300;
const json = args.includes('--format') && args[args.indexOf('--format') + 1] === 'json';

const list = parseCslProjection(readFileSync(file, 'utf8'));
const asOf = list.listDate ?? '2026-07-31';
const { kb, engine } = createContext();
const profile = kb.profiles.all!;

function item(name: string, line: number): InventoryItem {
  return { origin: { file: 'csl', line }, fields: { name: [name] }, label: name };
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

interface Row {
  set: string;
  measure: string;
  screened: number;
  found: number;
  misses: string[];
}

const rows: Row[] = [];
for (const { measure } of CSL_SOURCES) {
  const entries = list.entries.filter((e) => e.measure === measure);
  if (entries.length === 0) continue;
  const sets: [string, typeof entries][] =
    measure === 'us-bis-entity-list'
      ? [
          ['CN/HK/MO, all', entries.filter((e) => e.countries.some((c) => ['CN', 'HK', 'MO'].includes(c)))],
          [`others, sample ${sample}`, entries.filter((e) => !e.countries.some((c) => ['CN', 'HK', 'MO'].includes(c)))],
        ]
      : [[entries.length <= sample ? 'all' : `sample ${sample}`, entries]];
  for (const [set, all] of sets) {
    const stride = Math.max(1, Math.floor(all.length / sample));
    const chosen = set.includes('all') ? all : all.filter((_, i) => i % stride === 0).slice(0, sample);
    const row: Row = { set, measure, screened: 0, found: 0, misses: [] };
    chosen.forEach((e, i) => {
      row.screened++;
      const result = engine.screen(item(e.listedAs ?? e.name, i + 1), { asOf, profile, includeHistorical: false });
      if (result.findings.some((f) => f.measure.id === measure)) row.found++;
      else row.misses.push(e.listedAs ?? e.name);
    });
    rows.push(row);
  }
}

// Before the effective date of exactly dated listings: no in-force finding of that measure.
let early = 0;
let earlyWrong = 0;
const earlyExamples: string[] = [];
for (const l of kb.listings) {
  if (l.dateBasis === 'on-or-before' || !l.file.includes('generated/') || !kb.organisations[l.target]) continue;
  early++;
  const name = l.nameAsListed;
  const result = engine.screen(item(name, 0), { asOf: dayBefore(l.from), profile, includeHistorical: false });
  const wrong = result.findings.some((f) => f.measure.id === l.measure && f.subject.id === l.target && f.state === 'in-force');
  if (wrong) {
    earlyWrong++;
    if (earlyExamples.length < 10) earlyExamples.push(`${name} (${l.measure}, from ${l.from})`);
  }
}

if (json) {
  process.stdout.write(`${JSON.stringify({ file, asOf, rows, beforeEffective: { screened: early, inForce: earlyWrong, examples: earlyExamples } }, null, 2)}\n`);
} else {
  process.stdout.write(`Consolidated Screening List ${file}, as of ${asOf}: parties screened by their listed names as suppliers\n\n`);
  process.stdout.write(`${'measure'.padEnd(24)} ${'set'.padEnd(22)} ${'screened'.padStart(8)} ${'found'.padStart(6)} ${'recall'.padStart(7)}\n`);
  for (const r of rows) {
    process.stdout.write(`${r.measure.padEnd(24)} ${r.set.padEnd(22)} ${String(r.screened).padStart(8)} ${String(r.found).padStart(6)} ${(r.found / r.screened).toFixed(3).padStart(7)}\n`);
  }
  for (const r of rows.filter((x) => x.misses.length > 0)) process.stdout.write(`\nmissed in ${r.measure} (${r.set}): ${r.misses.slice(0, 8).join(' | ')}${r.misses.length > 8 ? ' …' : ''}\n`);
  process.stdout.write(`\nThe day before each exactly dated listing took effect: ${earlyWrong} of ${early} screened in force${earlyExamples.length ? ` (${earlyExamples.join('; ')})` : ''}\n`);
}
