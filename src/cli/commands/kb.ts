import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { buildCache, BUNDLED_DATA_DIR, compileDataDir, loadKnowledgeBase } from '../../kb/files.js';
import { GroupFileSchema, MeasureFileSchema, ProfilesFileSchema, SourcesFileSchema } from '../../model/kb.js';
import type { Problem } from '../../kb/problems.js';
import { colourEnabled, EXIT, parseDate, write } from '../io.js';
import { formatNames, lookupFormat, printImport, runImport } from './kb-import.js';
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
  kb.command('import')
    .description('Import an official list file into the knowledge base: reconcile its entries with the organisations and listings there, write the result atomically and report what changed.')
    .argument('<format>', `list format: ${formatNames()}`)
    .argument('<file>', 'the list file as published (companion files are read from the same folder)')
    .option('--kb <dir>', 'knowledge-base directory', BUNDLED_DATA_DIR)
    .option('--date <date>', "the list's publication date (YYYY-MM-DD): its source date, and the end date of listings it no longer carries", parseDate, new Date().toISOString().slice(0, 10))
    .option('--source-url <url>', 'where the file was published (defaults to the official address of the format)')
    .option('--partial', 'the file is not the whole list: do not end listings it does not carry', false)
    .option('--country <codes>', 'keep only entries with an address in these countries (CSL), comma-separated ISO codes, e.g. CN,HK,MO', (v: string) => v.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean))
    .option('--dry-run', 'report the changes without writing them', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', `
Formats:
  ofac-non-sdn      OFAC consolidated non-SDN list, legacy CSV (cons_prim.csv; cons_alt/add/comments beside it)
  csl-csv, csl-json trade.gov Consolidated Screening List (Entity List, MEU, MIEU, NS-CMIC rows)
  fcc-covered-list  FCC Covered List table as CSV (entity entries; category entries are reported)
  dod-1260h         DoD section 1260H list as a table of listing periods per edition
  ndaa              NDAA section 889 / 5949 / 154 lists as a table

Importing the same file twice changes nothing. Organisations the knowledge base does not know are
written to groups/listed-<measure>.yaml; curated group files are not edited. If the result would not
validate, nothing is written.

Exit codes: 0 imported (or nothing to change); 1 some rows could not be imported, or the import was refused; 2 usage or input error.`)
    .action((formatName: string, file: string, opts: { kb: string; date: string; sourceUrl?: string; partial: boolean; country?: string[]; dryRun: boolean; format: 'text' | 'json' }) => {
      const run = runImport({ kbDir: opts.kb, format: lookupFormat(formatName), file, date: opts.date, sourceUrl: opts.sourceUrl, partial: opts.partial, countries: opts.country, dryRun: opts.dryRun });
      printImport(run, opts.format, opts.dryRun);
      process.exitCode = run.refused.length > 0 || run.problems.length > 0 ? EXIT.findings : EXIT.ok;
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
