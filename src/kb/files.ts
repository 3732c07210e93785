/**
 * Reading the knowledge base from disk, with a compiled cache so that a cold `covered` start does
 * not parse every YAML file. The cache is keyed by the paths, sizes and modification times of the
 * data files and of the code that compiles them.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompileResult, DataFile } from './compile.js';
import { LISTING_INDEX, type KbListing, type KbOrganisation, type KnowledgeBase, type ListingIndex } from './model.js';

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

const require = createRequire(import.meta.url);

export function compileDataDir(dataDir: string): CompileResult {
  // Loaded only when the cache cannot serve: the compiler brings the YAML parser and the record
  // schemas, which a cold `covered lookup` would otherwise load for nothing.
  const { compileKnowledgeBase } = require('./compile.js') as typeof import('./compile.js');
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
 * The cache file: its key on the first line; on the second, the length of the third; on the third,
 * the compiled knowledge base as JSON without its organisations and listings, and where each of
 * those is in the rest of the file, one JSON text after another. Organisations and listings (nine
 * tenths of the file: the official lists' parties) are read and parsed one by one when first used,
 * so that a lookup reads a few dozen of them, not 50,000. Everything past the key is ASCII
 * (characters past it escaped): no UTF-8 decoding. The format's version is part of the key.
 */
const CACHE_FORMAT = 'kb-cache/3';
/** The second line: the third's length, in ten digits. */
const LENGTH_LINE = 11;
/** Records read one by one before the rest is read in one go (a scan reads them all). */
const RECORD_READS_BEFORE_WHOLE = 2_000;

/** Where the organisations and listings are: record i is bytes `offsets[i] … offsets[i + 1]` of the records part. */
interface RecordsIndex {
  /** Organisation ids in the knowledge base's order, then one listing target per listing. */
  organisations: string[];
  listingTargets: string[];
  offsets: number[];
}

type CachedCore = Omit<KnowledgeBase, 'organisations' | 'listings'> & { organisations: null; listings: null; records: RecordsIndex };

/** Closes a cache file once its knowledge base is collected (a server reloads the knowledge base). */
const openCaches = new FinalizationRegistry<number>((fd) => closeSync(fd));

function readCache(key: string): KnowledgeBase | undefined {
  let fd: number;
  try {
    fd = openSync(CACHE_FILE, 'r');
  } catch {
    return undefined;
  }
  let kept = false;
  try {
    const size = fstatSync(fd).size;
    const keyLine = Buffer.from(`${CACHE_FORMAT} ${key}\n`, 'utf8');
    const head = readAt(fd, 0, Math.min(size, keyLine.length + LENGTH_LINE));
    if (!head.subarray(0, keyLine.length).equals(keyLine)) return undefined;
    const coreAt = keyLine.length + LENGTH_LINE;
    const coreLength = Number(head.toString('latin1', keyLine.length, coreAt - 1));
    const recordsAt = coreAt + coreLength + 1;
    const core = JSON.parse(readAt(fd, coreAt, coreLength).toString('latin1')) as CachedCore;
    const { organisations, listingTargets, offsets } = core.records;
    if (offsets.length !== organisations.length + listingTargets.length + 1 || recordsAt + (offsets.at(-1) as number) !== size) return undefined;
    const kb = lazyKnowledgeBase(core, recordReader(fd, recordsAt, offsets));
    openCaches.register(kb, fd);
    kept = true;
    return kb;
  } catch {
    // A damaged cache is rebuilt.
    return undefined;
  } finally {
    if (!kept) closeSync(fd);
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new Error('cut short');
    done += n;
  }
  return out;
}

/** Parses record i, read from the open file; once many have been, the rest of the file is read in one go. */
function recordReader(fd: number, recordsAt: number, offsets: readonly number[]): (i: number) => unknown {
  let reads = 0;
  let all: Buffer | undefined;
  return (i) => {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    if (!all && ++reads > RECORD_READS_BEFORE_WHOLE) all = readAt(fd, recordsAt, offsets.at(-1) as number);
    try {
      return JSON.parse(all ? all.toString('latin1', start, end) : readAt(fd, recordsAt + start, end - start).toString('latin1'));
    } catch {
      throw new KnowledgeBaseError(`the knowledge-base cache ${CACHE_FILE} is damaged (record ${i} is unreadable); delete it or run \`covered kb build\``);
    }
  };
}

/** Replaces a property read on first use by its value. */
function settle<T>(target: object, key: PropertyKey, value: T): T {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/**
 * Organisations by id, each parsed when first read. A proxy over the ids, not an object with a
 * getter per id: defining 25,000 getters was a tenth of a cold `covered lookup`. It reads like the
 * plain object it stands for (keys in order, `in`, `Object.values`, JSON); it is never written to.
 */
function lazyRecords<T>(ids: readonly string[], record: (i: number) => unknown): Record<string, T> {
  const positions = new Map<string, number>();
  ids.forEach((id, i) => positions.set(id, i));
  const parsed = new Array<T | undefined>(ids.length).fill(undefined);
  const value = (key: string | symbol): T | undefined => {
    const i = typeof key === 'string' ? positions.get(key) : undefined;
    return i === undefined ? undefined : (parsed[i] ??= record(i) as T);
  };
  return new Proxy({} as Record<string, T>, {
    get: (_, key) => value(key),
    has: (_, key) => typeof key === 'string' && positions.has(key),
    ownKeys: () => [...ids],
    // An accessor, so that listing the keys parses no record.
    getOwnPropertyDescriptor: (_, key) => (typeof key === 'string' && positions.has(key) ? { get: () => value(key), enumerable: true, configurable: true } : undefined),
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/**
 * The knowledge base over the cached records: each organisation is parsed when first read, the
 * listings all together when `listings` is first read, or by target through `listingsOf`.
 */
function lazyKnowledgeBase(core: CachedCore, record: (i: number) => unknown): KnowledgeBase {
  const { organisations: ids, listingTargets } = core.records;
  const organisations = lazyRecords<KbOrganisation>(ids, record);
  const parsed = new Array<KbListing | undefined>(listingTargets.length).fill(undefined);
  const listing = (p: number) => (parsed[p] ??= record(ids.length + p) as KbListing);
  const index: ListingIndex = {
    positions: (targets) => {
      const out: number[] = [];
      listingTargets.forEach((t, p) => targets.has(t) && out.push(p));
      return out;
    },
    listing,
    targets: listingTargets,
  };
  // The fields in the order the compiled knowledge base has them.
  const kb = {} as KnowledgeBase;
  for (const [field, value] of Object.entries(core)) {
    if (field === 'records') continue;
    if (field === 'organisations') kb.organisations = organisations;
    else if (field === 'listings') Object.defineProperty(kb, 'listings', { enumerable: true, configurable: true, get: () => settle(kb, 'listings', listingTargets.map((_, p) => listing(p))) });
    else Object.assign(kb, { [field]: value });
  }
  Object.defineProperty(kb, LISTING_INDEX, { value: index });
  return kb;
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
    const texts = [...Object.values(kb.organisations), ...kb.listings].map((r) => asciiJson(r));
    const offsets = [0];
    for (const t of texts) offsets.push((offsets.at(-1) as number) + t.length);
    const records: RecordsIndex = { organisations: Object.keys(kb.organisations), listingTargets: kb.listings.map((l) => l.target), offsets };
    const core = asciiJson({ ...kb, organisations: null, listings: null, records } satisfies CachedCore);
    // Written aside and renamed, so that a process reading it at the same time never sees half of it.
    const partial = `${CACHE_FILE}.${process.pid}`;
    writeFileSync(partial, `${CACHE_FORMAT} ${key}\n${String(core.length).padStart(LENGTH_LINE - 1, '0')}\n${core}\n${texts.join('')}`);
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
