/**
 * Refreshes the knowledge base's domain sets from v2fly/domain-list-community. A domain-set product
 * that cites a v2fly list (a source whose URL ends in `data/<list>`) gets every domain of that list,
 * with its `include:` lines resolved — except included lists that another product cites, which
 * that product covers (ByteDance's list includes TikTok's, kept under the TikTok product).
 * `regexp:` and `keyword:` rules cannot be expressed as domains and are counted, not added.
 * Domains already in a product are kept; only additions are written, each product's `domains:` line
 * edited in place.
 *
 *   node --import tsx tools/kb/v2fly-domains.ts <v2fly data dir> [--kb data] [--apply]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_DATA_DIR, compileDataDir } from '../../src/kb/files.js';

const args = process.argv.slice(2);
const v2flyDir = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--kb');
if (!v2flyDir || !existsSync(v2flyDir)) {
  process.stderr.write('usage: v2fly-domains.ts <v2fly data dir> [--kb dir] [--apply]\n');
  process.exit(2);
}
const kbDir = args.includes('--kb') ? args[args.indexOf('--kb') + 1]! : BUNDLED_DATA_DIR;
const apply = args.includes('--apply');

interface ListRules {
  domains: string[];
  includes: string[];
  unsupported: number;
}

/** One list file: `domain`, `full:domain`, `include:list`, attributes (`@cn`) and comments. */
function readList(name: string): ListRules | undefined {
  const file = join(v2flyDir!, name);
  if (!existsSync(file)) return undefined;
  const rules: ListRules = { domains: [], includes: [], unsupported: 0 };
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const [rule] = line.split(/\s+/);
    const m = /^(?:(domain|full|include|regexp|keyword):)?(.+)$/.exec(rule!);
    if (!m) continue;
    const [, type = 'domain', value] = m;
    if (type === 'include') rules.includes.push(value!.replace(/@.*$/, ''));
    else if (type === 'domain' || type === 'full') rules.domains.push(value!.toLowerCase());
    else rules.unsupported++;
  }
  return rules;
}

const { kb } = compileDataDir(kbDir);
const listOf = (sourceId: string) => /domain-list-community\/.*\/data\/([^/]+)$/.exec(kb.sources[sourceId]?.url ?? '')?.[1];
const cited = new Map<string, string[]>();
for (const p of Object.values(kb.products)) {
  if (p.kind !== 'domain-set') continue;
  const lists = p.sources.map(listOf).filter((l): l is string => Boolean(l));
  if (lists.length > 0) cited.set(p.id, lists);
}
const citers = new Map<string, string[]>();
for (const [product, lists] of cited) for (const l of lists) citers.set(l, [...(citers.get(l) ?? []), product]);
/** The product that takes a list whole: its only citer, or the one named after it (`tiktok` → `tiktok-domains`). */
const claimant = (list: string) => {
  const c = citers.get(list) ?? [];
  return c.length === 1 ? c[0] : c.find((p) => p.startsWith(`${list}-`));
};
const elsewhere = new Map<string, string>();
for (const p of Object.values(kb.products)) for (const d of p.domains) elsewhere.set(d, p.id);

let written = 0;
for (const [productId, lists] of cited) {
  const product = kb.products[productId]!;
  const domains = new Set<string>();
  let unsupported = 0;
  const seen = new Set<string>();
  const walk = (name: string, top: boolean) => {
    if (seen.has(name)) return;
    seen.add(name);
    if (claimant(name) !== productId && (!top || citers.has(name))) return;
    const rules = readList(name);
    if (!rules) return;
    rules.domains.forEach((d) => domains.add(d));
    unsupported += rules.unsupported;
    rules.includes.forEach((i) => walk(i, false));
  };
  lists.forEach((l) => walk(l, true));
  const current = new Set(product.domains);
  // A domain under one the product already has adds nothing.
  const covered = (d: string) => [...current].some((c) => d === c || d.endsWith(`.${c}`));
  // …and one that another product has stays with that product.
  const additions = [...domains].filter((d) => !covered(d) && (elsewhere.get(d) ?? productId) === productId).sort();
  process.stdout.write(`${productId.padEnd(28)} ${String(product.domains.length).padStart(4)} + ${String(additions.length).padStart(4)}  (${lists.join(', ')}${unsupported ? `; ${unsupported} regexp/keyword rules not expressible` : ''})\n`);
  if (!apply || additions.length === 0) continue;
  const file = join(kbDir, '..', product.file);
  const text = readFileSync(file, 'utf8');
  const block = new RegExp(`(^  - id: ${productId}\\n(?:    .*\\n)*?    domains: \\[)([^\\]]*)(\\])`, 'm');
  if (!block.test(text)) {
    process.stdout.write(`  ${product.file}: no one-line domains list for ${productId}; edit by hand\n`);
    continue;
  }
  writeFileSync(file, text.replace(block, (_, open: string, list: string, close: string) => `${open}${[list.trim(), ...additions].filter(Boolean).join(', ')}${close}`));
  written++;
}
if (apply) process.stdout.write(`${written} product(s) updated\n`);
