/**
 * Reading the knowledge base from disk, with a compiled cache so that a cold `covered` start does
 * not parse every YAML file. The cache is keyed by the paths, sizes and modification times of the
 * data files and of the code that compiles them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileKnowledgeBase, type CompileResult, type DataFile } from './compile.js';
import type { KnowledgeBase } from './model.js';

/** The installed package's root (this file is at src/kb or dist/kb). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLED_DATA_DIR = join(PACKAGE_ROOT, 'data');
/** The compiled code and the sources (tests, tools) compile with different code: each keeps its own cache. */
const CACHE_FILE = join(PACKAGE_ROOT, 'dist', import.meta.url.includes('/dist/') ? 'kb-cache.json' : 'kb-cache.src.json');

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

function listDataFiles(dataDir: string): string[] {
  const out: string[] = [];
  for (const sub of ['sources', 'groups', 'measures', 'profiles', 'generated']) {
    const dir = join(dataDir, sub);
    if (!existsSync(dir)) continue;
    const ext = sub === 'generated' ? /\.json$/ : /\.ya?ml$/;
    for (const name of readdirSync(dir).sort()) if (ext.test(name)) out.push(join(dir, name));
  }
  return out;
}

/** Paths are reported relative to the data directory's parent, e.g. `data/groups/huawei.yaml`. */
function displayPath(dataDir: string, file: string): string {
  return relative(dirname(dataDir), file).split('\\').join('/');
}

export function readDataFiles(dataDir: string): DataFile[] {
  if (!existsSync(dataDir)) throw new Error(`knowledge-base directory not found: ${dataDir}`);
  return listDataFiles(dataDir).map((file) => ({ path: displayPath(dataDir, file), text: readFileSync(file, 'utf8') }));
}

export function compileDataDir(dataDir: string): CompileResult {
  return compileKnowledgeBase(readDataFiles(dataDir), packageVersion());
}

/** The code that compiles records (this folder and the record schemas): a new version of it makes the cache stale. */
const COMPILER_DIRS = [dirname(fileURLToPath(import.meta.url)), fileURLToPath(new URL('../model/', import.meta.url))];

function fingerprint(dataDir: string): string {
  const compiler = COMPILER_DIRS.flatMap((dir) => readdirSync(dir).sort().map((name) => join(dir, name)));
  return [...listDataFiles(dataDir), ...compiler]
    .map((f) => {
      const s = statSync(f);
      return `${relative(PACKAGE_ROOT, f).split('\\').join('/')}:${s.size}:${s.mtimeMs}`;
    })
    .join('|');
}

export class KnowledgeBaseError extends Error {
  constructor(
    message: string,
    readonly result?: CompileResult,
  ) {
    super(message);
    this.name = 'KnowledgeBaseError';
  }
}

/**
 * The cache file: its key on the first line, then the compiled knowledge base as JSON with every
 * character past ASCII escaped, so that reading it needs no UTF-8 decoding (a third of the time of
 * a cold start went to decoding the 20 MB file). The format's version is part of the key.
 */
const CACHE_FORMAT = 'kb-cache/2';

function readCache(key: string): KnowledgeBase | undefined {
  let text: string;
  try {
    text = readFileSync(CACHE_FILE, 'latin1');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  // The file is read as Latin-1: the key line is compared as its UTF-8 bytes read so.
  if (newline < 0 || text.slice(0, newline) !== Buffer.from(`${CACHE_FORMAT} ${key}`, 'utf8').toString('latin1')) return undefined;
  try {
    return JSON.parse(text.slice(newline + 1)) as KnowledgeBase;
  } catch {
    // A damaged cache is rebuilt.
    return undefined;
  }
}

/** Loads the knowledge base, refusing one with errors (warnings are `covered kb validate`'s business). */
export function loadKnowledgeBase(dataDir: string = BUNDLED_DATA_DIR): KnowledgeBase {
  const useCache = dataDir === BUNDLED_DATA_DIR;
  const key = useCache ? fingerprint(dataDir) : '';
  const cached = useCache ? readCache(key) : undefined;
  if (cached) return cached;
  const result = compileDataDir(dataDir);
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new KnowledgeBaseError(
      `the knowledge base in ${dataDir} has ${errors.length} error(s); run \`covered kb validate\` to list them`,
      result,
    );
  }
  if (useCache) writeCache(key, result.kb);
  return result.kb;
}

/** JSON in ASCII: the same value, each character past ASCII written as its \\u escape. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function writeCache(key: string, kb: KnowledgeBase) {
  try {
    mkdirSync(dirname(CACHE_FILE), { recursive: true });
    // Written aside and renamed, so that a process reading it at the same time never sees half of it.
    const partial = `${CACHE_FILE}.${process.pid}`;
    writeFileSync(partial, `${CACHE_FORMAT} ${key}\n${asciiJson(kb)}`);
    renameSync(partial, CACHE_FILE);
  } catch {
    // A read-only installation still works, only without the cache.
  }
}

/** Rebuilds the cache (used at install time by `covered kb build`). */
export function buildCache(dataDir: string = BUNDLED_DATA_DIR): CompileResult {
  const result = compileDataDir(dataDir);
  if (!result.problems.some((p) => p.severity === 'error')) writeCache(fingerprint(dataDir), result.kb);
  return result;
}
