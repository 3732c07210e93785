/**
 * The compiled knowledge base: every record of `data/`, keyed by id, with the file each came from.
 * Plain JSON-serialisable data so it can be cached; indexes are built from it by `match/`.
 */
import type { Listing, Measure, Organisation, Product, Profile, Relation, Source } from '../model/kb.js';

export interface Located {
  /** Repository-relative file the record came from. */
  file: string;
}

export type KbOrganisation = Organisation & Located & { group: string };
export type KbProduct = Product & Located & { group: string };
export type KbRelation = Relation & Located;
export type KbMeasure = Measure & Located;
export type KbListing = Listing & Located & { measure: string };
export type KbSource = Source & Located;

export interface KnowledgeBase {
  /** Version label: the package version and the date of the newest source. */
  version: string;
  /** sha256 over every data file's path and content, in path order. */
  hash: string;
  sources: Record<string, KbSource>;
  organisations: Record<string, KbOrganisation>;
  products: Record<string, KbProduct>;
  relations: KbRelation[];
  measures: Record<string, KbMeasure>;
  listings: KbListing[];
  profiles: Record<string, Profile>;
  groups: Record<string, { id: string; name: string; file: string }>;
}

/**
 * How a knowledge base read from its cache finds the listings of some targets without parsing the
 * others (a lookup needs a few dozen of the 26,000). Kept under a symbol: not part of the data.
 */
export interface ListingIndex {
  /** The positions in `listings` of these targets' listings, in order. */
  positions(targets: ReadonlySet<string>): number[];
  listing(position: number): KbListing;
  /** Each listing's target, in the order of `listings`. */
  targets: readonly string[];
}

export const LISTING_INDEX = Symbol('listing index');

/** The listings of these targets, in the knowledge base's order. */
export function listingsOf(kb: KnowledgeBase, targets: Iterable<string>): KbListing[] {
  const index = (kb as KnowledgeBase & { [LISTING_INDEX]?: ListingIndex })[LISTING_INDEX];
  const wanted = new Set(targets);
  if (!index) return kb.listings.filter((l) => wanted.has(l.target));
  return index.positions(wanted).map((p) => index.listing(p));
}

/** Every listing's target, in order, without parsing the listings where the cache can tell. */
export function listingTargets(kb: KnowledgeBase): readonly string[] {
  const index = (kb as KnowledgeBase & { [LISTING_INDEX]?: ListingIndex })[LISTING_INDEX];
  return index ? index.targets : kb.listings.map((l) => l.target);
}

/** A record of a generated file (`data/generated/*.json`), written by an importer from an official list. */
export function isGeneratedFile(file: string): boolean {
  return /(?:^|\/)generated\/[^/]+\.json$/.test(file);
}

/**
 * A file an importer writes: a generated file, or `groups/listed-<measure>.yaml`, where `kb import`
 * puts a list's parties that no curated group covers. Its organisations name only themselves: they
 * are an official list's parties, not houses whose names other companies carry.
 */
export function isImportedFile(file: string): boolean {
  const parts = file.split('/');
  const base = parts[parts.length - 1] ?? '';
  return /^listed-.*\.ya?ml$/.test(base) || parts.slice(0, -1).includes('generated');
}

export type EntityRef = { kind: 'organisation'; id: string } | { kind: 'product'; id: string };

export function entityName(kb: KnowledgeBase, ref: EntityRef): string {
  if (ref.kind === 'organisation') return kb.organisations[ref.id]?.names[0]?.value ?? ref.id;
  return kb.products[ref.id]?.name ?? ref.id;
}
