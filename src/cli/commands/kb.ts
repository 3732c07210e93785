import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { compileKnowledgeBase } from '../../kb/compile.js';
import { diffKnowledgeBases } from '../../kb/diff.js';
import { buildCache, BUNDLED_DATA_DIR, compileDataDir, loadKnowledgeBase, packageVersion, readDataFiles } from '../../kb/files.js';
import type { KnowledgeBase } from '../../kb/model.js';
import { citationsByKind, unverifiedShares } from '../../kb/stats.js';
import { listingPhase } from '../../kb/timeline.js';
import { readVersion, VersionError } from '../../kb/versions.js';
import { GroupFileSchema, MeasureFileSchema, ProfilesFileSchema, SourcesFileSchema } from '../../model/kb.js';
import type { Problem } from '../../kb/problems.js';
import { colourEnabled, EXIT, parseDate, UsageError, write } from '../io.js';
import { formatNames, lookupFormat, printImport, runImport, runUpdate, summarise } from './kb-import.js';
import { FETCH_SOURCES } from '../../kb/fetch.js';
import { createColors } from 'picocolors';

/** `--kb`, defaulting to the bundled knowledge base; help names it rather than printing its path. */
function kbDirOption(description: string): Option {
  return new Option('--kb <dir>', description).default(BUNDLED_DATA_DIR, 'the bundled one');
}

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
    .description('Check every record: schema, sources, dangling references, duplicate ids, date order and overlaps, listings inside their measure\'s life, unverified support, orphan products, check digits.')
    .addOption(kbDirOption('knowledge-base directory'))
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
    .description('Counts of records: listings per measure (active on a date, ended, organisations and products listed), measures per kind, names per kind and script, unverified records and their share (overall and of curated records: generated ones are those in groups/listed-*.yaml or a generated/ folder, and listings citing only import sources), sources and citations by kind of source (primary-official, court, secondary-press, law-firm, wikipedia, dataset).')
    .addOption(kbDirOption('knowledge-base directory'))
    .option('--as-of <date>', 'count listings active on this date', parseDate, new Date().toISOString().slice(0, 10))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { kb: string; asOf: string; format: 'text' | 'json' }) => {
      const stats = kbStats(loadKnowledgeBase(opts.kb), opts.asOf);
      if (opts.format === 'json') {
        write(`${JSON.stringify(stats, null, 2)}\n`);
        return;
      }
      const { perMeasure, measureKinds, products, nameKinds, scripts, unverified, unverifiedShares: shares, citationsByKind: cited, ...totals } = stats;
      for (const [k, v] of Object.entries(totals)) write(`${k.padEnd(14)} ${v}\n`);
      const line = (label: string, counts: Record<string, number>) => write(`${label.padEnd(14)} ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}\n`);
      line('products', products);
      line('measure kinds', measureKinds);
      line('names', nameKinds);
      line('scripts', scripts);
      line('unverified', unverified);
      for (const [label, part] of [['unverified %', shares.overall], ['  curated', shares.curated]] as const) {
        write(`${label.padEnd(14)} ${Object.entries(part).map(([k, v]) => `${k} ${v.percent}% (${v.unverified}/${v.total})`).join(', ')}\n`);
      }
      line('sources by', cited.sources);
      line('citations by', cited.citations);
      write(`\n${'measure'.padEnd(32)} ${'kind'.padEnd(16)} listings  active  ended  orgs  products\n`);
      for (const m of perMeasure) {
        write(`${m.id.padEnd(32)} ${m.kind.padEnd(16)} ${String(m.listings).padStart(8)}  ${String(m.active).padStart(6)}  ${String(m.ended).padStart(5)}  ${String(m.organisations).padStart(4)}  ${String(m.products).padStart(8)}\n`);
      }
      write(`(active on ${opts.asOf})\n`);
    });
  kb.command('diff')
    .description('What changed between two versions of the knowledge base: measures, listings (added, removed, renamed, dates), organisations, relations, products, sources.')
    .argument('<a>', 'the older version: a knowledge-base directory or a git revision (HEAD~1, a tag, a commit)')
    .argument('[b]', 'the newer version (default: the knowledge-base directory as it is now)')
    .addOption(kbDirOption('knowledge-base directory (read at the git revisions, and the default newer version)'))
    .option('--exit-code', 'exit 1 when the versions differ', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExit codes: 0 compared (with --exit-code: no differences); 1 the versions differ (with --exit-code); 2 usage error or a version that cannot be read.')
    .action((a: string, b: string | undefined, opts: { kb: string; exitCode: boolean; format: 'text' | 'json' }) => {
      const load = (spec: string) => {
        try {
          const v = readVersion(spec, opts.kb);
          return { label: v.label, kb: compileKnowledgeBase(v.files, packageVersion()).kb };
        } catch (e) {
          if (e instanceof VersionError) throw new UsageError(e.message);
          throw e;
        }
      };
      const older = load(a);
      const newer = b ? load(b) : { label: opts.kb, kb: compileKnowledgeBase(readDataFiles(opts.kb), packageVersion()).kb };
      const diff = diffKnowledgeBases(older.kb, newer.kb);
      if (opts.format === 'json') write(`${JSON.stringify({ a: older.label, b: newer.label, ...diff }, null, 2)}\n`);
      else {
        const p = createColors(colourEnabled(process.stdout));
        write(`${older.label} → ${newer.label}\n`);
        for (const e of diff.entries) {
          const mark = e.kind === 'added' ? p.green('+') : e.kind === 'removed' ? p.red('-') : p.yellow('~');
          write(`${mark} ${e.record.padEnd(12)} ${e.id}${e.kind !== 'changed' && e.details[0] ? `  "${e.details[0]}"` : ''}\n`);
          if (e.kind === 'changed') for (const d of e.details) write(`    ${d}\n`);
        }
        const summary = Object.entries(diff.counts).map(([r, c]) => `${r}s +${c.added} -${c.removed} ~${c.changed}`);
        write(`${summary.length ? summary.join('; ') : 'no differences'}\n`);
      }
      if (opts.exitCode && diff.entries.length > 0) process.exitCode = EXIT.findings;
    });
  kb.command('import')
    .description('Import an official list file into the knowledge base: reconcile its entries with the organisations and listings there, write the result atomically and report what changed.')
    .argument('<format>', `list format: ${formatNames()}`)
    .argument('<file>', 'the list file as published (companion files are read from the same folder)')
    .addOption(kbDirOption('knowledge-base directory'))
    .option('--date <date>', "the list's publication date (YYYY-MM-DD): its source date, and the end date of listings it no longer carries", parseDate, new Date().toISOString().slice(0, 10))
    .option('--source-url <url>', 'where the file was published (defaults to the official address of the format)')
    .option('--partial', 'the file is not the whole list: do not end listings it does not carry (not for the CSL, which is imported whole)', false)
    .option('--country <codes>', 'keep only entries with an address in these countries, comma-separated ISO codes (not for the CSL)', (v: string) => v.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean))
    .option('--allow-removals', 'accept an edition of the CSL that ends more than 5 % of a list\'s listings, or any listing of a curated group', false)
    .option('--dry-run', 'report the changes without writing them', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', `
Formats:
  ofac-non-sdn      OFAC consolidated non-SDN list, legacy CSV (cons_prim.csv; cons_alt/add/comments beside it)
  csl-csv, csl-json trade.gov Consolidated Screening List, every source list (Entity List, MEU, UVL, DPL,
  csl-projection    SDN, SSI, NS-MBS, PLC, CAP, NS-CMIC, ITAR debarred, ISN); the projection is its compact form
  fcc-covered-list  FCC Covered List table as CSV (entity entries; category entries are reported)
  dod-1260h         DoD section 1260H list as a table of listing periods per edition
  ndaa              NDAA section 889 / 5949 / 154 lists as a table

Importing the same file twice changes nothing. Organisations the knowledge base does not know are
written to groups/listed-<measure>.yaml; curated group files are not edited. The CSL is imported whole
as a generated dataset (data/generated/us-csl.json), each entry dated from its Federal Register
citation; a damaged or partial file, or an edition that would end more than 5 % of a list's listings
or any listing of a curated group, is refused (--allow-removals accepts the removals). If the result
would not validate, nothing is written.

Exit codes: 0 imported (or nothing to change); 1 some rows could not be imported, or the import was refused; 2 usage or input error.`)
    .action((formatName: string, file: string, opts: { kb: string; date: string; sourceUrl?: string; partial: boolean; country?: string[]; allowRemovals: boolean; dryRun: boolean; format: 'text' | 'json' }) => {
      const run = runImport({ kbDir: opts.kb, format: lookupFormat(formatName), file, date: opts.date, sourceUrl: opts.sourceUrl, partial: opts.partial, countries: opts.country, allowRemovals: opts.allowRemovals, dryRun: opts.dryRun });
      printImport(run, opts.format, opts.dryRun);
      process.exitCode = run.refused.length > 0 || run.problems.length > 0 ? EXIT.findings : EXIT.ok;
    });
  const collect = (value: string, previous: Record<string, string>) => {
    const at = value.indexOf('=');
    if (at <= 0) throw new InvalidArgumentError(`expected NAME=VALUE, got "${value}"`);
    return { ...previous, [value.slice(0, at)]: value.slice(at + 1) };
  };
  kb.command('update')
    .description('Download the official list files (OFAC non-SDN, trade.gov CSL, FCC Covered List) and import each, as `covered kb import` does.')
    .option('--fetch', 'download the files from their published addresses (required: the update needs the network)', false)
    .addOption(kbDirOption('knowledge-base directory'))
    .option('--only <names>', `only these sources, comma-separated: ${FETCH_SOURCES.map((s) => s.name).join(', ')}`, (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .option('--url <name=url>', 'download a source (or a companion file, e.g. ofac-non-sdn.alt) from another address, e.g. a mirror', collect, {})
    .option('--sha256 <name=hex>', 'refuse a downloaded file unless its SHA-256 is this', collect, {})
    .option('--timeout <seconds>', 'time limit for each download', (v: string) => {
      const n = Number(v);
      if (!(n > 0)) throw new InvalidArgumentError('expected a number of seconds');
      return n;
    }, 120)
    .option('--max-size <MB>', 'size limit for each download', (v: string) => {
      const n = Number(v);
      if (!(n > 0)) throw new InvalidArgumentError('expected a number of megabytes');
      return n;
    }, 200)
    .option('--allow-removals', "accept a list edition that ends more than 5 % of a list's listings, or any listing of a curated group", false)
    .option('--date <date>', "the lists' date (source date, and end date of listings they no longer carry)", parseDate, new Date().toISOString().slice(0, 10))
    .option('--force', 'import even a file identical to one imported before', false)
    .option('--dry-run', 'report the changes without writing them', false)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nA file identical (by SHA-256) to one imported before is skipped. Progress goes to standard error.\n\nExit codes: 0 every source imported or unchanged; 1 a source failed, was refused, or had rows that could not be imported; 2 usage error.')
    .action(async (opts: { fetch: boolean; kb: string; only?: string[]; url: Record<string, string>; sha256: Record<string, string>; timeout: number; maxSize: number; allowRemovals: boolean; date: string; force: boolean; dryRun: boolean; format: 'text' | 'json' }) => {
      if (!opts.fetch) throw new UsageError('covered kb update downloads the official files: add --fetch (or import a file you downloaded with `covered kb import`)');
      const results = await runUpdate(
        {
          kbDir: opts.kb,
          only: opts.only,
          urls: opts.url,
          sha256: opts.sha256,
          timeoutMs: opts.timeout * 1000,
          maxBytes: opts.maxSize * 1024 * 1024,
          date: opts.date,
          allowRemovals: opts.allowRemovals,
          dryRun: opts.dryRun,
          force: opts.force,
        },
        (line) => process.stderr.write(`${line}\n`),
      );
      if (opts.format === 'json') {
        write(`${JSON.stringify(results.map(({ run, ...r }) => ({ ...r, ...(run ? { summary: summarise(run.plan), changes: run.plan.changes, problems: run.problems, sha256: run.sha256 } : {}) })), null, 2)}\n`);
      } else {
        for (const r of results) {
          write(`== ${r.source}: ${r.status}${r.message ? ` (${r.message})` : ''}\n`);
          if (r.run) printImport(r.run, 'text', opts.dryRun);
        }
      }
      const failed = results.some((r) => r.status === 'failed' || (r.run && r.run.problems.length > 0));
      process.exitCode = failed ? EXIT.findings : EXIT.ok;
    });
  kb.command('build')
    .description('Compile the bundled knowledge base and its name index into the start-up caches (run at install).')
    .option('--quiet', 'print nothing unless there are errors', false)
    .action(async (opts: { quiet: boolean }) => {
      const { kb: base, problems } = buildCache();
      const errors = problems.filter((x) => x.severity === 'error');
      if (errors.length > 0) {
        printProblems(errors);
        process.exitCode = EXIT.findings;
        return;
      }
      // The name index too, so that the first screening after an install does not build it.
      (await import('../../app/context.js')).buildNameIndexCache(base);
      if (!opts.quiet) write(`knowledge base ${base.version} (${base.hash.slice(0, 12)}) compiled\n`);
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

const count = (xs: Iterable<string>) => {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
};

export function kbStats(base: KnowledgeBase, asOf: string) {
  const orgs = Object.values(base.organisations);
  const products = Object.values(base.products);
  const perMeasure = Object.values(base.measures)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((m) => {
      const ls = base.listings.filter((l) => l.measure === m.id);
      return {
        id: m.id,
        kind: m.kind,
        listings: ls.length,
        active: ls.filter((l) => listingPhase(l, asOf) === 'active').length,
        ended: ls.filter((l) => l.to !== undefined && l.to <= asOf).length,
        organisations: new Set(ls.filter((l) => base.organisations[l.target]).map((l) => l.target)).size,
        products: new Set(ls.filter((l) => base.products[l.target]).map((l) => l.target)).size,
        categoryRules: m.categoryRules.length,
      };
    });
  return {
    version: base.version,
    hash: base.hash,
    measures: perMeasure.length,
    listings: base.listings.length,
    groups: Object.keys(base.groups).length,
    organisations: orgs.length,
    names: orgs.reduce((n, o) => n + o.names.length, 0),
    identifiers: orgs.reduce((n, o) => n + o.identifiers.length, 0),
    ieeeRegistrants: orgs.reduce((n, o) => n + o.ieeeRegistrants.length, 0),
    relations: base.relations.length,
    domains: products.reduce((n, p) => n + p.domains.length, 0),
    appIds: products.reduce((n, p) => n + p.android.length + p.ios.length, 0),
    sdkPackages: products.reduce((n, p) => n + p.packages.length, 0),
    nativeLibraries: products.reduce((n, p) => n + p.nativeLibraries.length, 0),
    modelPatterns: products.reduce((n, p) => n + p.models.length, 0),
    sources: Object.keys(base.sources).length,
    products: count(products.map((p) => p.kind)),
    measureKinds: count(perMeasure.map((m) => m.kind)),
    nameKinds: count(orgs.flatMap((o) => o.names.map((n) => n.kind))),
    scripts: count(orgs.flatMap((o) => o.names.map((n) => n.script ?? (/[\u3400-\u9fff]/.test(n.value) ? 'chinese' : 'latin')))),
    unverified: {
      organisations: orgs.filter((o) => o.unverified).length,
      relations: base.relations.filter((r) => r.unverified).length,
      listings: base.listings.filter((l) => l.unverified).length,
      products: products.filter((p) => p.unverified).length,
      sources: Object.values(base.sources).filter((s) => s.unverified).length,
    },
    unverifiedShares: unverifiedShares(base),
    citationsByKind: citationsByKind(base),
    perMeasure,
  };
}

export function profilesCommand(): Command {
  return new Command('profiles')
    .summary('list the screening profiles and the measures each weighs')
    .addOption(kbDirOption('knowledge-base directory'))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((opts: { kb: string; format: 'text' | 'json' }) => {
      const base = loadKnowledgeBase(opts.kb);
      const profiles = Object.values(base.profiles).sort((a, b) => a.id.localeCompare(b.id));
      if (opts.format === 'json') {
        write(`${JSON.stringify(profiles.map((p) => ({ id: p.id, title: p.title, description: p.description, measures: p.measures })), null, 2)}\n`);
        return;
      }
      for (const p of profiles) {
        write(`${p.id} — ${p.title}\n  ${p.description}\n  ${Object.entries(p.measures).map(([m, s]) => `${m}:${s}`).join(' ')}\n\n`);
      }
    });
}
