/**
 * `covered kb import FORMAT FILE`: reads an official list file, reconciles it with the knowledge base
 * and writes the result atomically, reporting what changed. Also the shared steps of
 * `covered kb update --fetch`, which downloads the files first.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createColors } from 'picocolors';
import { compileKnowledgeBase, type DataFile } from '../../kb/compile.js';
import { packageVersion, readDataFiles } from '../../kb/files.js';
import { importFormat, IMPORT_FORMATS, type ImportFormat } from '../../kb/import/formats.js';
import { buildCslDataset } from '../../kb/import/csl-dataset.js';
import { reconcile, type Change, type ImportPlan } from '../../kb/import/reconcile.js';
import type { ParsedList } from '../../kb/import/types.js';
import type { Problem } from '../../kb/problems.js';
import { writeFilesAtomically } from '../../kb/store.js';
import { download, FetchError, FETCH_SOURCES } from '../../kb/fetch.js';
import { colourEnabled, UsageError, write } from '../io.js';

export interface ImportRun {
  format: string;
  file: string;
  sha256: string;
  entries: number;
  skipped: Record<string, number>;
  problems: { at: string; message: string }[];
  plan: ImportPlan;
  /** Errors the import would have introduced; when present nothing was written. */
  refused: Problem[];
  written: boolean;
}

export interface ImportRequest {
  kbDir: string;
  format: ImportFormat;
  /** The file's bytes and the path it came from (companion files are looked up beside it). */
  file: string;
  bytes?: Buffer;
  companions?: Record<string, Buffer | undefined>;
  date: string;
  sourceUrl?: string;
  partial: boolean;
  countries?: string[];
  /** Accept an edition of a generated list that ends many listings, or listings of curated groups. */
  allowRemovals?: boolean;
  dryRun: boolean;
}

export function formatNames(): string {
  return IMPORT_FORMATS.map((f) => f.name).join(', ');
}

export function lookupFormat(name: string): ImportFormat {
  const format = importFormat(name);
  if (!format) throw new UsageError(`unknown list format "${name}"; expected one of ${formatNames()}`);
  return format;
}

/** SHA-256 of the file, or of the file and its companions (in role order) when they were given. */
export function fingerprint(bytes: Buffer, companions?: Record<string, Buffer | undefined>): string {
  const hash = createHash('sha256').update(bytes);
  for (const role of Object.keys(companions ?? {}).sort()) {
    const data = companions?.[role];
    if (data) hash.update(`\0${role}\0`).update(data);
  }
  return hash.digest('hex');
}

function decode(bytes: Buffer, format: ImportFormat): string {
  return new TextDecoder(format.encoding).decode(bytes);
}

function readBytes(path: string): Buffer {
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`${path} is a directory, not a list file`);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export function runImport(req: ImportRequest): ImportRun {
  const bytes = req.bytes ?? readBytes(req.file);
  const companions: Record<string, string | undefined> = {};
  for (const [role, name] of Object.entries(req.format.companions ?? {})) {
    const given = req.companions?.[role];
    const beside = join(dirname(req.file), name);
    const data = given ?? (existsSync(beside) ? readFileSync(beside) : undefined);
    companions[role] = data ? decode(data, req.format) : undefined;
  }
  if (req.format.dataset && (req.partial || req.countries?.length)) {
    throw new UsageError(`${req.format.name} is imported whole, as one edition of the list: --partial and --country do not apply (a partial file is refused)`);
  }
  const list: ParsedList = req.format.parse({ text: decode(bytes, req.format), companions, countries: req.countries });
  if (list.entries.length === 0 && list.categories.length === 0 && list.problems.length > 0) {
    throw new UsageError(`${req.file} is not a readable ${req.format.name} file: ${list.problems.map((p) => `${p.at}: ${p.message}`).join('; ')}`);
  }
  const sha256 = fingerprint(bytes, req.companions);
  const files = readDataFiles(req.kbDir);
  const before = compileKnowledgeBase(files, packageVersion());
  const existingErrors = before.problems.filter((p) => p.severity === 'error');
  if (existingErrors.length > 0) {
    throw new UsageError(`the knowledge base in ${req.kbDir} has ${existingErrors.length} error(s); fix them first (covered kb validate)`);
  }
  const source = { url: req.sourceUrl ?? req.format.url, title: req.format.title, publisher: req.format.publisher, date: list.listDate ?? req.date };
  let plan: ImportPlan;
  const refused: Problem[] = [];
  if (req.format.dataset) {
    const dataset = buildCslDataset(before.kb, files, list, { source: { ...source, sha256 }, allowRemovals: req.allowRemovals ?? false });
    plan = dataset;
    refused.push(...dataset.refusals.map((message) => ({ severity: 'error' as const, file: req.file, path: 'file', message })));
  } else {
    plan = reconcile(before.kb, files, list, {
      source: { ...source, note: `Imported from ${basename(req.file)} (sha256 ${sha256}) by covered kb import ${req.format.name}.` },
      partial: req.partial,
      countries: req.countries,
    });
  }
  if (refused.length === 0) {
    const merged: DataFile[] = [...files.filter((f) => !plan.writes.some((w) => w.path === f.path)), ...plan.writes];
    const after = compileKnowledgeBase(merged, packageVersion());
    refused.push(...after.problems.filter((p) => p.severity === 'error'));
  }
  const written = refused.length === 0 && !req.dryRun && plan.writes.length > 0;
  if (written) writeFilesAtomically(req.kbDir, plan.writes);
  return {
    format: req.format.name,
    file: req.file,
    sha256,
    entries: list.entries.length + list.categories.length,
    skipped: list.skipped,
    problems: [...list.problems, ...plan.problems],
    plan,
    refused,
    written,
  };
}

const SYMBOL: Record<Change['kind'], string> = { added: '+', removed: '-', renamed: '~', moved: '~', dates: '~', organisation: '+', category: '?' };

function describe(c: Change): string {
  switch (c.kind) {
    case 'added':
      return `added     ${c.measure}  ${c.target}  "${c.name}" from ${c.from}${c.to ? ` to ${c.to}` : ''}`;
    case 'removed':
      return `removed   ${c.measure}  ${c.target}  listed until ${c.to}`;
    case 'renamed':
      return `renamed   ${c.measure}  ${c.target}  "${c.before}" → "${c.after}"`;
    case 'moved':
      return `moved     ${c.measure}  "${c.name}"  ${c.before} → ${c.after}`;
    case 'dates':
      return `dates     ${c.measure}  ${c.target}  ${c.before.from}…${c.before.to ?? ''} → ${c.after.from}…${c.after.to ?? ''}`;
    case 'organisation':
      return `new organisation  ${c.id}  "${c.name}" in ${c.file}`;
    case 'category':
      return `category entry without a rule  ${c.measure}  "${c.description}" from ${c.from} (categories: ${c.categories.join(', ') || 'none recognised'}); add it to the measure's categoryRules`;
  }
}

export function summarise(plan: ImportPlan): Record<string, number> {
  const counts: Record<string, number> = { added: 0, removed: 0, renamed: 0, moved: 0, dates: 0, organisations: 0, categories: 0, unchanged: plan.unchanged };
  for (const c of plan.changes) {
    const key = c.kind === 'organisation' ? 'organisations' : c.kind === 'category' ? 'categories' : c.kind;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function printImport(run: ImportRun, format: 'text' | 'json', dryRun: boolean) {
  if (format === 'json') {
    const { plan, ...rest } = run;
    write(`${JSON.stringify({ ...rest, summary: summarise(plan), changes: plan.changes, files: plan.writes.map((w) => w.path), source: plan.sourceId }, null, 2)}\n`);
    return;
  }
  const p = createColors(colourEnabled(process.stdout));
  const s = summarise(run.plan);
  write(`${run.format} ${run.file}: ${run.entries} entries read\n`);
  // Every removal and change is named; additions of a large list are counted past the first 50.
  let additions = 0;
  for (const c of run.plan.changes) {
    const added = c.kind === 'added' || c.kind === 'organisation';
    if (added && ++additions > 50) continue;
    const line = `  ${SYMBOL[c.kind]} ${describe(c)}\n`;
    write(c.kind === 'removed' ? p.red(line) : added ? p.green(line) : p.yellow(line));
  }
  if (additions > 50) write(p.green(`  + … and ${additions - 50} more additions (--format json lists every change)\n`));
  write(`${s.added} added, ${s.removed} removed, ${s.renamed} renamed, ${s.moved ? `${s.moved} moved to another record, ` : ""}${s.dates} with dates changed, ${s.unchanged} unchanged; ${s.organisations} new organisations${s.categories ? `, ${s.categories} category entries to add by hand` : ''}\n`);
  const skipped = Object.entries(run.skipped);
  if (skipped.length > 0) {
    write(`skipped ${skipped.reduce((n, [, v]) => n + v, 0)} rows:\n`);
    for (const [reason, n] of skipped.sort((a, b) => b[1] - a[1])) write(`  ${String(n).padStart(6)}  ${reason}\n`);
  }
  for (const pr of run.problems) write(`${run.file}: ${pr.at}: ${p.yellow('problem')}: ${pr.message}\n`);
  if (run.refused.length > 0) {
    for (const e of run.refused) write(`${e.file}: ${e.path}: ${p.red('error')}: ${e.message}\n`);
    write(p.red(`import refused (${run.refused.length} reason${run.refused.length === 1 ? '' : 's'}); the knowledge base was not changed\n`));
  } else if (dryRun) write(`dry run: ${run.plan.writes.length} file(s) would change\n`);
  else if (run.written) write(`${run.plan.writes.length} file(s) written\n`);
  else write('the knowledge base is up to date\n');
}

export interface UpdateOptions {
  kbDir: string;
  only?: string[];
  urls: Record<string, string>;
  sha256: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  date: string;
  allowRemovals: boolean;
  dryRun: boolean;
  force: boolean;
}

export interface UpdateResult {
  source: string;
  status: 'imported' | 'unchanged' | 'failed';
  message?: string;
  run?: ImportRun;
}

/** Downloads each official file and imports it; a source that fails leaves the others to go on. */
export async function runUpdate(options: UpdateOptions, progress: (line: string) => void): Promise<UpdateResult[]> {
  const unknown = (options.only ?? []).filter((n) => !FETCH_SOURCES.some((s) => s.name === n));
  if (unknown.length > 0) throw new UsageError(`unknown source ${unknown.join(', ')}; expected ${FETCH_SOURCES.map((s) => s.name).join(', ')}`);
  const results: UpdateResult[] = [];
  for (const source of FETCH_SOURCES.filter((s) => !options.only || options.only.includes(s.name))) {
    try {
      const urlOf = (role: string) => options.urls[role === 'main' ? source.name : `${source.name}.${role}`] ?? source.urls[role]!;
      const get = async (role: string) => {
        const url = urlOf(role);
        progress(`downloading ${source.name}${role === 'main' ? '' : ` (${role})`} from ${url}`);
        const expected = options.sha256[role === 'main' ? source.name : `${source.name}.${role}`];
        return download(url, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, sha256: expected });
      };
      const main = await get('main');
      const companions: Record<string, Buffer> = {};
      for (const role of Object.keys(source.urls).filter((r) => r !== 'main')) companions[role] = (await get(role)).bytes;
      const sha = fingerprint(main.bytes, companions);
      const known = compileKnowledgeBase(readDataFiles(options.kbDir), packageVersion()).kb.sources;
      const previous = Object.values(known).find((s) => s.note?.includes(sha));
      if (previous && !options.force) {
        results.push({ source: source.name, status: 'unchanged', message: `same file as the import recorded in source "${previous.id}"` });
        continue;
      }
      const format = lookupFormat(source.format);
      const run = runImport({
        kbDir: options.kbDir,
        format,
        file: basename(new URL(main.url).pathname) || source.name,
        bytes: main.bytes,
        companions,
        date: options.date,
        sourceUrl: main.url,
        partial: false,
        allowRemovals: options.allowRemovals,
        dryRun: options.dryRun,
      });
      results.push({ source: source.name, status: run.refused.length > 0 ? 'failed' : 'imported', run, message: run.refused.length > 0 ? 'import refused' : undefined });
    } catch (e) {
      if (e instanceof FetchError || e instanceof UsageError) results.push({ source: source.name, status: 'failed', message: e.message });
      else throw e;
    }
  }
  return results;
}
