/**
 * Wiring for the CLI (and later the server): the knowledge base from disk, the IEEE registry from
 * the oui-data package, and the resolver and engine built over them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BUNDLED_DATA_DIR, loadKnowledgeBase } from '../kb/files.js';
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

export function createContext(dataDir: string = BUNDLED_DATA_DIR): Context {
  const kb = loadKnowledgeBase(dataDir);
  const resolver = new Resolver(kb, loadIeeeRegistry);
  return { kb, resolver, engine: new ScreeningEngine(kb, resolver) };
}
