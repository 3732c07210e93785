import { Command, Option } from 'commander';
import { createColors } from 'picocolors';
import { createContext, type Context } from '../../app/context.js';
import { CorporateGraph } from '../../kb/graph.js';
import { resolveGuessed } from '../../match/identifiers/guess-field.js';
import { entityDossier, measureDossier, type EntityDossier, type MeasureDossier } from '../../screen/dossier.js';
import { colourEnabled, parseDate, parseThreshold, UsageError, write } from '../io.js';

export function lookupCommand(): Command {
  return new Command('lookup')
    .summary('find an organisation, product or identifier and show its group, products and measures')
    .description('Fuzzy search by name (any script), or by MAC, ISIN, LEI, USCC, domain, app id, purl or native library (libBugly.so).')
    .argument('<query>')
    .option('--as-of <date>', 'states as of this date', parseDate, parseDate('today'))
    .option('--threshold <score>', 'lowest name score shown (default 0.8; see docs/matching.md)', parseThreshold)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled one)')
    .addHelpText('after', '\nExit codes: 0 found; 1 nothing found; 2 usage error.\nExample: covered lookup 海康威视 --as-of 2021-06-01')
    .action((query: string, opts: { asOf: string; threshold?: number; format: 'table' | 'json'; kb?: string }) => {
      const ctx = createContext(opts.kb);
      if (opts.threshold !== undefined) ctx.resolver.nameThreshold = opts.threshold;
      const { field, outcome } = resolveGuessed(ctx.resolver, query);
      if (outcome.error) throw new UsageError(outcome.error);
      const graph = new CorporateGraph(ctx.kb);
      const matches = outcome.resolutions.map((r) => ({ score: r.confidence, method: r.method, evidence: r.evidence, dossier: entityDossier(ctx.kb, graph, r.entity.id, opts.asOf) }));
      if (opts.format === 'json') {
        write(`${JSON.stringify({ query, field, asOf: opts.asOf, note: outcome.note, matches }, null, 2)}\n`);
      } else if (matches.length === 0) {
        write(`No match for "${query}"${outcome.note ? ` (${outcome.note})` : ''}.\n`);
      } else {
        write(matches.map((m) => `${renderEntity(m.dossier as EntityDossier, opts.asOf)}  match: ${m.method}, confidence ${m.score}\n`).join('\n'));
      }
      process.exitCode = matches.length > 0 ? 0 : 1;
    });
}

export function explainCommand(): Command {
  return new Command('explain')
    .summary('show a measure, organisation, product or source by its id')
    .argument('<id>', 'e.g. us-eo-13942, hikvision, tiktok-app')
    .option('--as-of <date>', 'states as of this date', parseDate, parseDate('today'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--kb <dir>', 'knowledge-base directory (default: the bundled one)')
    .addHelpText('after', '\nExit codes: 0 found; 2 unknown id.\nExample: covered explain us-eo-13942 --as-of 2020-10-15')
    .action((id: string, opts: { asOf: string; format: 'table' | 'json'; kb?: string }) => {
      const ctx: Context = createContext(opts.kb);
      const measure = measureDossier(ctx.kb, id, opts.asOf);
      const entity = measure ? undefined : entityDossier(ctx.kb, new CorporateGraph(ctx.kb), id, opts.asOf);
      const source = ctx.kb.sources[id];
      const found = measure ?? entity ?? source;
      if (!found) throw new UsageError(`no measure, organisation, product or source has the id "${id}"`);
      if (opts.format === 'json') write(`${JSON.stringify(found, null, 2)}\n`);
      else if (measure) write(renderMeasure(measure, opts.asOf));
      else if (entity) write(renderEntity(entity, opts.asOf));
      else write(`${source?.title}\n${source?.publisher}, ${source?.date}\n${source?.url}\n`);
    });
}

const c = () => createColors(colourEnabled(process.stdout));

export function renderEntity(d: EntityDossier, asOf: string): string {
  const p = c();
  const lines = [p.bold(`${d.name}`) + p.dim(`  [${d.organisationKind === 'person' ? 'person' : d.kind} ${d.id}, group ${d.group}${d.country ? `, ${d.country}` : ''}]${d.unverified ? ' (unverified)' : ''}`)];
  lines.push(`  names: ${d.names.map((n) => `${n.value} (${n.kind})`).join('; ')}`);
  if (d.identifiers.length > 0) lines.push(`  identifiers: ${d.identifiers.map((i) => `${i.scheme.toUpperCase()} ${i.value}${i.exchange ? ` ${i.exchange}` : ''}`).join('; ')}`);
  const rel = (r: EntityDossier['parents'][number]) =>
    `${r.name} (${r.relation}${r.share !== undefined ? ` ${r.share}%` : ''}${r.since ? ` from ${r.since}` : ''}${r.until ? ` until ${r.until}` : ''})`;
  if (d.parents.length > 0) lines.push(`  parents: ${d.parents.map(rel).join('; ')}`);
  if (d.children.length > 0) lines.push(`  subsidiaries and brands: ${d.children.map(rel).join('; ')}`);
  if (d.products.length > 0) lines.push(`  products: ${d.products.map((x) => `${x.name} (${x.kind})`).join('; ')}`);
  if (d.listings.length > 0) {
    lines.push(`  measures as of ${asOf}:`);
    for (const l of d.listings) lines.push(`    ${l.from}${l.to ? `…${l.to}` : ''}  ${l.short.padEnd(22)} ${l.state.padEnd(10)} ${p.dim(`${l.via}: "${l.nameAsListed}"`)}`);
  } else lines.push(`  measures as of ${asOf}: none`);
  if (d.houseContext.length > 0) {
    lines.push(`  context: in force on others of its house, not reaching this ${d.kind}:`);
    for (const x of d.houseContext) lines.push(`    ${x.short.padEnd(34)} ${p.dim(`${x.listings === 1 ? '' : `${x.listings} listings, e.g. `}${x.example.via}: "${x.example.nameAsListed}"`)}`);
  }
  return `${lines.join('\n')}\n`;
}

function renderMeasure(d: MeasureDossier, asOf: string): string {
  const p = c();
  const m = d.measure;
  const lines = [p.bold(m.title), p.dim(`  ${m.id} · ${m.jurisdiction} · ${m.authority} · ${m.kind}${m.legalForce ? '' : ' · no legal force'}`)];
  lines.push(`  state as of ${asOf}: ${d.state ?? 'not yet announced'}`);
  lines.push('  timeline:');
  for (const ev of d.timeline) lines.push(`    ${ev.date}  ${ev.status.padEnd(10)} ${ev.note}${ev.unverified ? ' (unverified)' : ''}`);
  lines.push(`  obliges: ${m.obliges}`);
  lines.push(`  reach: ${m.extent}${m.extentNote ? ` — ${m.extentNote}` : ''}`);
  for (const change of m.extentChanges) lines.push(`    from ${change.from}: ${change.extent} — ${change.note}`);
  if (m.scope) lines.push(`  scope: ${m.scope}`);
  lines.push(`  citations: ${m.citations.map((x) => x.text).join('; ')}`);
  if (d.listings.length > 0) {
    lines.push(`  listings (${d.listings.length}):`);
    for (const l of d.listings) lines.push(`    ${l.from}${l.to ? `…${l.to}` : ''}  ${l.state.padEnd(10)} ${l.nameAsListed}`);
  }
  return `${lines.join('\n')}\n`;
}
