/**
 * Wiring for the CLI (and later the server): the knowledge base from disk, the IEEE registry from
 * the oui-data package, and the resolver and engine built over them.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BUNDLED_DATA_DIR, loadKnowledgeBase, PACKAGE_ROOT } from '../kb/files.js';
import { NameIndex, NameIndexCacheError } from '../match/names/name-index.js';
import type { KnowledgeBase } from '../kb/model.js';
import { MacRegistry } from '../match/identifiers/mac.js';
import { Resolver } from '../match/resolver.js';
import { ScreeningEngine } from '../screen/engine.js';

const require = createRequire(import.meta.url);

export function loadIeeeRegistry(): MacRegistry {
  const file = require.resolve('oui-data');
  return MacRegistry.fromOuiData(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
}

export interface Context {
  kb: KnowledgeBase;
  resolver: Resolver;
  engine: ScreeningEngine;
}

/** The built package and the sources (tests, tools) normalise with different code: each keeps its own cache. */
const NAME_INDEX_CACHE = join(PACKAGE_ROOT, 'dist', import.meta.url.includes('/dist/') ? 'name-index-cache.bin' : 'name-index-cache.src.bin');

/** The normaliser's own files: a changed normaliser invalidates the cached forms as a changed KB does. */
function normaliserFingerprint(): string {
  const dir = dirname(fileURLToPath(import.meta.resolve('../match/names/normalise.js')));
  return readdirSync(dir)
    .sort()
    .map((f) => {
      const s = statSync(join(dir, f));
      return `${f}:${s.size}:${s.mtimeMs}`;
    })
    .join('|');
}

/**
 * The bundled knowledge base's normalised aliases are cached beside the compiled knowledge base:
 * normalising Chinese names needs the OpenCC and pinyin tables, which a Latin-script query then
 * never loads. A cache of another knowledge base or normaliser is rebuilt; a damaged one is
 * reported on standard error and rebuilt.
 */
function nameIndexFor(kb: KnowledgeBase, cacheable: boolean): NameIndex {
  if (cacheable) {
    try {
      const normaliser = normaliserFingerprint();
      const cached = NameIndex.openCache(NAME_INDEX_CACHE, (about) => about.hash === kb.hash && about.normaliser === normaliser);
      if (cached) return cached;
    } catch (e) {
      if (!(e instanceof NameIndexCacheError)) throw e;
      process.stderr.write(`covered: ${e.message}; rebuilding it\n`);
    }
  }
  const index = NameIndex.fromKnowledgeBase(kb);
  if (cacheable) writeNameIndexCache(kb, index);
  return index;
}

function writeNameIndexCache(kb: KnowledgeBase, index: NameIndex): void {
  try {
    mkdirSync(dirname(NAME_INDEX_CACHE), { recursive: true });
    // Written aside and renamed: test processes build it at the same time and read it while it is written.
    const partial = `${NAME_INDEX_CACHE}.${process.pid}`;
    writeFileSync(partial, index.toCacheBuffer({ hash: kb.hash, normaliser: normaliserFingerprint() }));
    renameSync(partial, NAME_INDEX_CACHE);
  } catch {
    // A read-only installation works without the cache.
  }
}

/** Writes the bundled knowledge base's name-index cache anew (`covered kb build`, at install). */
export function buildNameIndexCache(kb: KnowledgeBase): void {
  writeNameIndexCache(kb, NameIndex.fromKnowledgeBase(kb));
}

export function createContext(dataDir: string = BUNDLED_DATA_DIR): Context {
  const kb = loadKnowledgeBase(dataDir);
  const resolver = new Resolver(kb, loadIeeeRegistry, nameIndexFor(kb, dataDir === BUNDLED_DATA_DIR));
  // The engine is built when first used: `covered lookup` needs only the resolver.
  let engine: ScreeningEngine | undefined;
  return {
    kb,
    resolver,
    get engine() {
      return (engine ??= new ScreeningEngine(kb, resolver));
    },
  };
}
