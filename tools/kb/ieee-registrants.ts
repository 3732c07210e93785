/**
 * Proposes IEEE MAC registrant spellings for the knowledge base's organisations: every registrant
 * name in the registry (npm `oui-data`) whose name, without punctuation and legal form, equals a
 * legal, listed or former name of an organisation, and that the organisation does not declare yet.
 * The output is for review: declared spellings go into `ieeeRegistrants` by hand.
 *
 *   node --import tsx tools/kb/ieee-registrants.ts [--kb data] [--json]
 */
import { createRequire } from 'node:module';
import { compileDataDir, BUNDLED_DATA_DIR } from '../../src/kb/files.js';

const args = process.argv.slice(2);
const kbDir = args.includes('--kb') ? args[args.indexOf('--kb') + 1]! : BUNDLED_DATA_DIR;
const registry = createRequire(import.meta.url)('oui-data') as Record<string, string>;

const LEGAL_FORM = /\b(co|company|corp|corporation|ltd|limited|inc|incorporated|llc|gmbh|ag|sa|plc|pte|pty|bv|nv|kk|oy|ab|as|srl|spa|group|holdings?)\b/g;
const core = (name: string) =>
  name.toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').replace(LEGAL_FORM, ' ').replace(/\s+/g, '');

const { kb } = compileDataDir(kbDir);
const byCore = new Map<string, Set<string>>();
for (const o of Object.values(kb.organisations)) {
  for (const n of o.names) {
    if (!['legal', 'listed', 'former'].includes(n.kind)) continue;
    const c = core(n.value);
    if (c.length < 6) continue; // too short to be distinctive
    byCore.set(c, (byCore.get(c) ?? new Set()).add(o.id));
  }
  for (const r of o.ieeeRegistrants) byCore.set(core(r), (byCore.get(core(r)) ?? new Set()).add(o.id));
}

const prefixes = new Map<string, number>();
for (const value of Object.values(registry)) {
  const name = value.split('\n')[0]!.trim();
  prefixes.set(name, (prefixes.get(name) ?? 0) + 1);
}

const proposals: { organisation: string; group: string; registrant: string; prefixes: number }[] = [];
for (const [name, count] of prefixes) {
  const ids = byCore.get(core(name));
  if (!ids || ids.size !== 1) continue;
  const id = [...ids][0]!;
  const o = kb.organisations[id]!;
  if (o.ieeeRegistrants.includes(name)) continue;
  proposals.push({ organisation: id, group: o.group, registrant: name, prefixes: count });
}
proposals.sort((a, b) => a.group.localeCompare(b.group) || b.prefixes - a.prefixes);
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(proposals, null, 2)}\n`);
else for (const p of proposals) process.stdout.write(`${p.group.padEnd(24)} ${p.organisation.padEnd(36)} ${String(p.prefixes).padStart(5)}  ${p.registrant}\n`);
