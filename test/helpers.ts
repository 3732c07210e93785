/** Shared set-up for tests: the small test knowledge base and the bundled one. */
import { compileDataDir, loadKnowledgeBase } from '../src/kb/files.js';
import type { KnowledgeBase } from '../src/kb/model.js';
import { MacRegistry } from '../src/match/identifiers/mac.js';
import { Resolver } from '../src/match/resolver.js';
import { ScreeningEngine } from '../src/screen/engine.js';
import { loadIeeeRegistry } from '../src/app/context.js';
import type { InventoryItem, FieldKind } from '../src/model/item.js';
import type { Profile } from '../src/model/kb.js';

export const FIXTURE_KB_DIR = new URL('./fixtures/kb/', import.meta.url).pathname;

export function fixtureKb(): KnowledgeBase {
  const { kb, problems } = compileDataDir(FIXTURE_KB_DIR);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture KB has errors: ${JSON.stringify(errors)}`);
  return kb;
}

export function fixtureEngine(): ScreeningEngine {
  const kb = fixtureKb();
  const registry = new MacRegistry(new Map([['000C29', 'VMware, Inc.'], ['001BC5001', 'Small Block Registrant']]));
  return new ScreeningEngine(kb, new Resolver(kb, () => registry));
}

let bundled: ScreeningEngine | undefined;
export function bundledEngine(): ScreeningEngine {
  if (!bundled) {
    const kb = loadKnowledgeBase();
    bundled = new ScreeningEngine(kb, new Resolver(kb, loadIeeeRegistry));
  }
  return bundled;
}

export function item(fields: Partial<Record<FieldKind, string | string[]>>, line = 2): InventoryItem {
  const f: InventoryItem['fields'] = {};
  for (const [k, v] of Object.entries(fields)) f[k as FieldKind] = Array.isArray(v) ? v : [v as string];
  return { origin: { file: 'test.csv', line }, fields: f, label: Object.values(fields).flat()[0] as string };
}

/** The bundled knowledge base's Entity List finding state for a supplier name on a date (obligations only). */
export function entityListState(name: string, asOf: string): string | undefined {
  const engine = bundledEngine();
  const r = engine.screen(item({ name }), { asOf, profile: engine.kb.profiles.all as Profile, includeHistorical: false });
  return r.findings.find((f) => f.role === 'obligation' && f.measure.id === 'us-bis-entity-list')?.state;
}

/** The bundled knowledge base's in-force obligations for one inventory value on a date, as `measure → listed subject`. */
export function inForceObligations(field: 'app' | 'name', value: string, asOf: string): string[] {
  const engine = bundledEngine();
  return engine
    .screen(item({ [field]: value }), { asOf, profile: engine.kb.profiles.all as Profile, includeHistorical: false })
    .findings.filter((f) => f.state === 'in-force' && f.role === 'obligation')
    .map((f) => `${f.measure.id} → ${f.subject.id}`);
}

/** Products a check confirmed: each is no longer unverified and cites the given source, which has a web address. */
export function confirmedProductProblems(pairs: [product: string, source: string][]): string[] {
  const kb = bundledEngine().kb;
  const problems: string[] = [];
  for (const [id, source] of pairs) {
    const record = kb.products[id];
    if (!record) problems.push(`${id}: no such product`);
    else if (record.unverified) problems.push(`${id}: still unverified`);
    else if (!record.sources.includes(source)) problems.push(`${id}: does not cite ${source}`);
    else if (!/^https?:\/\//.test(kb.sources[source]?.url ?? '')) problems.push(`${source}: no web address`);
  }
  return problems;
}
