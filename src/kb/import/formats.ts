/**
 * The list formats `covered kb import` reads, with the official address each is published at (the
 * default source URL of an import and the download of `covered kb update --fetch`).
 */
import { parseCslCsv, parseCslJson, parseCslProjection } from './csl.js';
import { parseDod1260h } from './dod-1260h.js';
import { parseFccCoveredList } from './fcc.js';
import { parseNdaaList } from './ndaa.js';
import { parseOfacNonSdn } from './ofac.js';
import type { ParsedList } from './types.js';

/** A file's text, and the text of companion files next to it (OFAC's cons_alt.csv …) when present. */
export interface ImportInput {
  text: string;
  companions: Record<string, string | undefined>;
  countries?: readonly string[];
}

export interface ImportFormat {
  name: string;
  description: string;
  /** Where the official file is published. */
  url: string;
  title: string;
  publisher: string;
  /** Legacy OFAC files are Windows-1252, not UTF-8. */
  encoding: 'utf-8' | 'windows-1252';
  /** Files read from the same directory as the named file, by role. */
  companions?: Record<string, string>;
  /** The list is imported whole as a generated dataset (`data/generated/`), not reconciled into curated files. */
  dataset?: boolean;
  parse(input: ImportInput): ParsedList;
}

export const IMPORT_FORMATS: ImportFormat[] = [
  {
    name: 'ofac-non-sdn',
    description: 'OFAC consolidated non-SDN list, legacy CSV (cons_prim.csv; cons_alt, cons_add, cons_comments read from the same folder): NS-CMIC',
    url: 'https://ofac.treasury.gov/downloads/consolidated/cons_prim.csv',
    title: 'OFAC Consolidated (non-SDN) Sanctions List, cons_prim.csv',
    publisher: 'U.S. Department of the Treasury, Office of Foreign Assets Control',
    encoding: 'windows-1252',
    companions: { alt: 'cons_alt.csv', add: 'cons_add.csv', comments: 'cons_comments.csv' },
    parse: ({ text, companions }) => parseOfacNonSdn({ prim: text, alt: companions.alt, add: companions.add, comments: companions.comments }),
  },
  {
    name: 'csl-csv',
    description: 'trade.gov Consolidated Screening List, CSV: every source list (Entity List, MEU, UVL, DPL, SDN, SSI, NS-CMIC, ITAR debarred, ISN …)',
    url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv',
    title: 'Consolidated Screening List (CSV)',
    publisher: 'International Trade Administration, U.S. Department of Commerce',
    encoding: 'utf-8',
    dataset: true,
    parse: ({ text }) => parseCslCsv(text),
  },
  {
    name: 'csl-json',
    description: 'trade.gov Consolidated Screening List, JSON ({"results": [...]})',
    url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json',
    title: 'Consolidated Screening List (JSON)',
    publisher: 'International Trade Administration, U.S. Department of Commerce',
    encoding: 'utf-8',
    dataset: true,
    parse: ({ text }) => parseCslJson(text),
  },
  {
    name: 'csl-projection',
    description: 'trade.gov Consolidated Screening List in the compact projection ({"tables": …, "entries": [{"n", "a", "s", "t", "c", "fr", …}]})',
    url: 'https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json',
    title: 'Consolidated Screening List (JSON, compact projection)',
    publisher: 'International Trade Administration, U.S. Department of Commerce',
    encoding: 'utf-8',
    dataset: true,
    parse: ({ text }) => parseCslProjection(text),
  },
  {
    name: 'fcc-covered-list',
    description: 'FCC Covered List table as CSV (covered equipment or services, date of inclusion): entity and category entries',
    url: 'https://www.fcc.gov/supplychain/coveredlist',
    title: 'FCC Covered List',
    publisher: 'Federal Communications Commission',
    encoding: 'utf-8',
    parse: ({ text }) => parseFccCoveredList(text),
  },
  {
    name: 'dod-1260h',
    description: 'DoD section 1260H list as a table of listing periods per edition (Name, Clean Name, Alias, Previous Name, Parent Name, Note, Start date, End date, Source Url)',
    url: 'https://media.defense.gov/2026/Jun/08/2003945537/-1/-1/1/ENTITIES-IDENTIFIED-AS-CHINESE-MILITARY-COMPANIES-OPERATING-IN-THE-UNITED-STATES-IN-ACCORDANCE-WITH-SECTION-1260H.PDF',
    title: 'Entities identified as Chinese military companies operating in the United States (section 1260H)',
    publisher: 'U.S. Department of Defense',
    encoding: 'utf-8',
    parse: ({ text }) => parseDod1260h(text),
  },
  {
    name: 'ndaa',
    description: 'NDAA statutory lists (sections 889, 5949, 154) as a table: name, aliases, program, report-date, start-date, end-date, notes',
    url: 'https://www.congress.gov/118/plaws/publ31/PLAW-118publ31.pdf',
    title: 'National Defense Authorization Acts, statutory lists of covered companies',
    publisher: 'U.S. Congress',
    encoding: 'utf-8',
    parse: ({ text }) => parseNdaaList(text),
  },
];

export function importFormat(name: string): ImportFormat | undefined {
  return IMPORT_FORMATS.find((f) => f.name === name);
}
