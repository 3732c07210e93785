/**
 * How much of the knowledge base rests on unverified records, and what kinds of source its facts cite.
 *
 * Generated records (what the importers write) are told apart from curated ones so that an import of
 * thousands of sourced list entries does not hide how much of the hand-written part is still unchecked.
 */
import { isImportedFile, type KnowledgeBase } from './model.js';

/** Sources an import adds (`import-<format>-<date>`, see `sources/imports.yaml`). */
export function isImportSource(id: string): boolean {
  return id.startsWith('import-');
}

export interface Share {
  total: number;
  unverified: number;
  /** unverified / total in percent, one decimal; 0 when there is nothing. */
  percent: number;
}

export interface UnverifiedShares {
  organisations: Share;
  relations: Share;
  listings: Share;
  products: Share;
}

function share(records: { unverified?: boolean }[]): Share {
  const unverified = records.filter((r) => r.unverified).length;
  return { total: records.length, unverified, percent: records.length ? Math.round((unverified / records.length) * 1000) / 10 : 0 };
}

/**
 * Unverified shares overall and for curated records only. A record is generated when its file is
 * generated; a listing also when every source it cites is an import (importers append listings to the
 * measure's own file).
 */
export function unverifiedShares(kb: KnowledgeBase): { overall: UnverifiedShares; curated: UnverifiedShares } {
  const orgs = Object.values(kb.organisations);
  const products = Object.values(kb.products);
  const generatedListing = (l: KnowledgeBase['listings'][number]) => isImportedFile(l.file) || l.sources.every(isImportSource);
  return {
    overall: { organisations: share(orgs), relations: share(kb.relations), listings: share(kb.listings), products: share(products) },
    curated: {
      organisations: share(orgs.filter((o) => !isImportedFile(o.file))),
      relations: share(kb.relations.filter((r) => !isImportedFile(r.file))),
      listings: share(kb.listings.filter((l) => !generatedListing(l))),
      products: share(products.filter((p) => !isImportedFile(p.file))),
    },
  };
}

/** `store`: an app-store listing (the publisher's own page for an app id). */
export const SOURCE_KINDS = ['primary-official', 'court', 'secondary-press', 'law-firm', 'wikipedia', 'dataset', 'store'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Hosts of official bodies (and of the Federal Register's verbatim mirrors) beyond the .gov / .mil families. */
const OFFICIAL_HOSTS = [
  'federalregister.gov', 'govinfo.gov', 'congress.gov', 'fcc.gov', 'treasury.gov', 'defense.gov', 'war.gov', 'bis.gov',
  'europa.eu', 'canada.ca', 'gc.ca', 'rijksoverheid.nl', 'tweedekamer.nl', 'garanteprivacy.it', 'pts.se', 'mofcom.gov.cn',
  'scio.gov.cn', 'pib.gov.in', 'meity.gov.in', 'gov.uk', 'legislation.gov.uk', 'wikisource.org',
  // The Federal Register text as republished page for page:
  'regulations.justia.com', 'federal.elaws.us', 'downloads.regulations.gov', 'frnow.com', 'regulations.vlex.com',
];
const COURT_HOSTS = ['uscourts.gov', 'supremecourt.gov', 'courtlistener.com', 'casetext.com', 'law.justia.com', 'docs.justia.com', 'elawyers.us', 'studicata.com'];
const LAW_FIRM_HOSTS = [
  'bakermckenzie.com', 'cooley.com', 'cov.com', 'covington.com', 'gibsondunn.com', 'wilmerhale.com', 'thompsonhinesmartrade.com',
  'thompsonhine.com', 'hklaw.com', 'akingump.com', 'crowell.com', 'steptoe.com', 'steptoeinternationalcomplianceblog.com',
  'mofo.com', 'morganlewis.com', 'davispolk.com', 'dechert.com', 'sidley.com', 'mayerbrown.com', 'orrick.com',
  'clearytradewatch.com', 'pillsburylaw.com', 'reedsmith.com', 'linklaters.com', 'squirepattonboggs.com', 'wiley.law',
  'mondaq.com', 'jdsupra.com', 'natlawreview.com', 'fenwick.com', 'kslaw.com', 'whitecase.com', 'lw.com', 'hoganlovells.com',
  'junhe.com', 'deheng.com', 'dehengny.com', 'winston.com', 'tradepractitioner.com', 'dataguidance.com', 'internationaltradeinsights.com', 'datamatters.sidley.com', 'sanctionsnews.bakermckenzie.com',
];
const STORE_HOSTS = ['play.google.com', 'apps.apple.com', 'itunes.apple.com'];
const DATASET_HOSTS = ['github.com', 'raw.githubusercontent.com', 'gitlab.com', 'opensanctions.org', 'npmjs.com', 'ieee.org', 'trade.gov'];

const onHost = (host: string, hosts: string[]) => hosts.some((h) => host === h || host.endsWith(`.${h}`));

/** The kind of a source, from its address (and, for imports and staged files, its id). */
export function sourceKind(source: { id: string; url: string; publisher: string }): SourceKind {
  let host = '';
  try {
    host = new URL(source.url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    // An unparsable address is classified by its publisher alone.
  }
  if (isImportSource(source.id) || source.id.startsWith('staged-') || onHost(host, DATASET_HOSTS)) return 'dataset';
  if (onHost(host, STORE_HOSTS)) return 'store';
  // Wikipedia and its verbatim mirrors.
  if (onHost(host, ['wikipedia.org', 'owiki.org', 'wikiclassic.com', 'wikisum.wiki'])) return 'wikipedia';
  if (onHost(host, COURT_HOSTS)) return 'court';
  if (/(^|\.)(gov|mil)(\.[a-z]{2})?$/.test(host) || onHost(host, OFFICIAL_HOSTS)) return 'primary-official';
  if (onHost(host, LAW_FIRM_HOSTS) || /\bLLP\b/.test(source.publisher)) return 'law-firm';
  return 'secondary-press';
}

/** Every reference from a record to a source: the source ids, one per citation. */
function citedSourceIds(kb: KnowledgeBase): string[] {
  const out: string[] = [];
  for (const o of Object.values(kb.organisations)) {
    out.push(...o.sources);
    for (const i of o.identifiers) if (i.source) out.push(i.source);
  }
  for (const p of Object.values(kb.products)) out.push(...p.sources);
  for (const r of kb.relations) out.push(...r.sources);
  for (const l of kb.listings) out.push(...l.sources);
  for (const m of Object.values(kb.measures)) {
    out.push(...m.sources);
    for (const e of m.timeline) out.push(...e.sources);
    for (const r of m.categoryRules) out.push(...r.sources);
    for (const c of m.extentChanges) out.push(...c.sources);
  }
  return out;
}

/** Sources and citations (record → source references) by kind of source. */
export function citationsByKind(kb: KnowledgeBase): { sources: Record<SourceKind, number>; citations: Record<SourceKind, number> } {
  const zero = () => Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0])) as Record<SourceKind, number>;
  const sources = zero();
  const citations = zero();
  const kindOf = new Map<string, SourceKind>();
  for (const s of Object.values(kb.sources)) {
    const k = sourceKind(s);
    kindOf.set(s.id, k);
    sources[k] += 1;
  }
  for (const id of citedSourceIds(kb)) {
    const k = kindOf.get(id);
    if (k) citations[k] += 1;
  }
  return { sources, citations };
}
