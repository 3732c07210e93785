import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { buildCache, BUNDLED_DATA_DIR, compileDataDir, loadKnowledgeBase } from '../../kb/files.js';
import { GroupFileSchema, MeasureFileSchema, ProfilesFileSchema, SourcesFileSchema } from '../../model/kb.js';
import type { Problem } from '../../kb/problems.js';
import { colourEnabled, EXIT, write } from '../io.js';
import { createColors } from 'picocolors';

function printProblems(problems: Problem[]) {
  const p = createColors(colourEnabled(process.stdout));
  for (const pr of problems) {
    const tag = pr.severity === 'error' ? p.red('error') : p.yellow('warning');
    write(`${pr.file}: ${pr.path}: ${tag}: ${pr.message}\n`);
  }
}

export function kbCommand(): Command {
  const kb = new Command('kb').summary('validate, summarise and compile the knowledge base');
  kb.command('validate')
    .description('Check every record: schema, sources, dangling references, duplicate ids, date order and overlaps, check digits.')
    .option('--kb <dir>', 'knowledge-base directory', BUNDLED_DATA_DIR)
    .option('--strict', 'treat warnings as errors', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExit codes: 0 valid; 1 problems found (errors, or warnings with --strict); 2 usage error.')
    .action((opts: { kb: string; strict: boolean; format: 'text' | 'json' }) => {
      const { kb: base, problems } = compileDataDir(opts.kb);
      const errors = problems.filter((x) => x.severity === 'error').length;
      const warnings = problems.length - errors;
      if (opts.format === 'json') write(`${JSON.stringify({ version: base.version, hash: base.hash, errors, warnings, problems }, null, 2)}\n`);
      else {
        printProblems(problems);
        write(`${errors} error(s), ${warnings} warning(s) in ${Object.keys(base.measures).length} measures, ${Object.keys(base.organisations).length} organisations, ${Object.keys(base.products).length} products, ${Object.keys(base.sources).length} sources\n`);
      }
      process.exitCode = errors > 0 || (opts.strict && warnings > 0) ? EXIT.findings : EXIT.ok;
    });
  kb.command('stats')
    .description('Counts of records, and listings per measure.')
    .option('--kb <dir>', 'knowledge-base directory', BUNDLED_DATA_DIR)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { kb: string; format: 'text' | 'json' }) => {
      const base = loadKnowledgeBase(opts.kb);
      const perMeasure: Record<string, number> = {};
      for (const m of Object.keys(base.measures).sort()) perMeasure[m] = 0;
      for (const l of base.listings) perMeasure[l.measure] = (perMeasure[l.measure] ?? 0) + 1;
      const productKinds: Record<string, number> = {};
      for (const p of Object.values(base.products)) productKinds[p.kind] = (productKinds[p.kind] ?? 0) + 1;
      const stats = {
        version: base.version,
        hash: base.hash,
        measures: Object.keys(base.measures).length,
        listings: base.listings.length,
        organisations: Object.keys(base.organisations).length,
        names: Object.values(base.organisations).reduce((n, o) => n + o.names.length, 0),
        identifiers: Object.values(base.organisations).reduce((n, o) => n + o.identifiers.length, 0),
        relations: base.relations.length,
        products: productKinds,
        domains: Object.values(base.products).reduce((n, p) => n + p.domains.length, 0),
        sources: Object.keys(base.sources).length,
        groups: Object.keys(base.groups).length,
        listingsPerMeasure: perMeasure,
      };
      if (opts.format === 'json') {
        write(`${JSON.stringify(stats, null, 2)}\n`);
        return;
      }
      const { listingsPerMeasure, products, ...rest } = stats;
      for (const [k, v] of Object.entries(rest)) write(`${k.padEnd(14)} ${v}\n`);
      write(`${'products'.padEnd(14)} ${Object.entries(products).map(([k, v]) => `${v} ${k}`).join(', ')}\n\nlistings per measure:\n`);
      for (const [k, v] of Object.entries(listingsPerMeasure)) write(`  ${k.padEnd(30)} ${v}\n`);
    });
  kb.command('build')
    .description('Compile the bundled knowledge base into the start-up cache (run at install).')
    .option('--quiet', 'print nothing unless there are errors', false)
    .action((opts: { quiet: boolean }) => {
      const { kb: base, problems } = buildCache();
      const errors = problems.filter((x) => x.severity === 'error');
      if (errors.length > 0) {
        printProblems(errors);
        process.exitCode = EXIT.findings;
      } else if (!opts.quiet) write(`knowledge base ${base.version} (${base.hash.slice(0, 12)}) compiled\n`);
    });
  kb.command('schema')
    .description('Write the JSON Schema of the knowledge-base files, for editors.')
    .option('--out <file>', 'write to this file instead of standard output')
    .action((opts: { out?: string }) => {
      const schema = {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: 'Covered knowledge-base file',
        anyOf: [SourcesFileSchema, GroupFileSchema, MeasureFileSchema, ProfilesFileSchema].map((s) => {
          const { $schema: _, ...rest } = z.toJSONSchema(s, { io: 'input' });
          return rest;
        }),
      };
      const text = `${JSON.stringify(schema, null, 2)}\n`;
      if (opts.out) {
        mkdirSync(dirname(opts.out), { recursive: true });
        writeFileSync(opts.out, text);
      } else write(text);
    });
  return kb;
}

export function profilesCommand(): Command {
  return new Command('profiles')
    .summary('list the screening profiles and the measures each weighs')
    .option('--kb <dir>', 'knowledge-base directory', BUNDLED_DATA_DIR)
    .action((opts: { kb: string }) => {
      const base = loadKnowledgeBase(opts.kb);
      for (const p of Object.values(base.profiles).sort((a, b) => a.id.localeCompare(b.id))) {
        write(`${p.id} — ${p.title}\n  ${p.description}\n  ${Object.entries(p.measures).map(([m, s]) => `${m}:${s}`).join(' ')}\n\n`);
      }
    });
}
