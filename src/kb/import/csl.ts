/**
 * The trade.gov Consolidated Screening List, as CSV (`consolidated.csv`), JSON
 * (`consolidated.json`, `{ results: [...] }`) or the compact projection of it that keeps one short-keyed
 * object per party with interned tables (`{ tables, entries: [{ n, a, s, t, c, e, lr, lp, pg, fr, u }] }`).
 * Each row names its source list, and every source list is a measure of the knowledge base (Entity
 * List, MEU, UVL, DPL, SDN, SSI, ITAR debarred, ISN, PLC, NS-MBS, CAP, NS-CMIC); a row of a list
 * the knowledge base does not know is counted as skipped, by list. Addresses give the country.
 *
 * Rows whose `type` says Individual, Vessel or Aircraft become records of that kind. The BIS and
 * State lists leave `type` empty, so their individuals cannot be told apart here and are imported
 * as organisations (a reviewer sets `kind: person`; re-imports keep it).
 */
import { readCsv } from './csv.js';
import type { Identifier } from '../../model/kb.js';
import { countryCode, parseListDate, splitTrailingAlias, uniq } from './text.js';
import { emptyList, skip, type ImportedEntry, type ParsedList } from './types.js';
import { SUCCESSOR_CLAUSE } from '../../model/list-prose.js';

/** CSL `source` → measure. A CSL file lists each of these sources completely. */
export const CSL_SOURCES: { pattern: RegExp; measure: string }[] = [
  { pattern: /^Entity List\b/i, measure: 'us-bis-entity-list' },
  { pattern: /^Military End User \(MEU\)/i, measure: 'us-bis-meu' },
  { pattern: /^Military-Intelligence End User/i, measure: 'us-bis-mieu' },
  { pattern: /^Unverified List\b/i, measure: 'us-bis-uvl' },
  { pattern: /^Denied Persons List\b/i, measure: 'us-bis-dpl' },
  { pattern: /Chinese Military-Industrial Complex|\(CMIC\)/i, measure: 'us-ofac-ns-cmic' },
  { pattern: /^Specially Designated Nationals\b/i, measure: 'us-ofac-sdn' },
  { pattern: /^Sectoral Sanctions Identifications\b/i, measure: 'us-ofac-ssi' },
  { pattern: /^Non-SDN Menu-Based Sanctions\b/i, measure: 'us-ofac-ns-mbs' },
  { pattern: /^Palestinian Legislative Council\b/i, measure: 'us-ofac-plc' },
  { pattern: /^Capta List\b|^Correspondent Account or Payable-Through Account Sanctions\b/i, measure: 'us-ofac-cap' },
  { pattern: /^ITAR Debarred\b/i, measure: 'us-state-itar-debarred' },
  { pattern: /^Nonproliferation Sanctions\b/i, measure: 'us-state-isn' },
];

/** Kinds of party the CSL's `type` names besides entities. */
const PARTY_KINDS: Record<string, ImportedEntry['kind']> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft' };

export interface CslOptions {
  /** Keep only entries with an address in one of these countries (ISO codes). */
  countries?: readonly string[];
}

/** One CSL row with the fields the importer reads, whatever the file format. */
interface CslRow {
  at: string;
  source: string;
  entityNumber: string;
  /** Entity, Individual, Vessel, Aircraft — or empty (the BIS lists do not say). */
  type: string;
  name: string;
  altNames: string[];
  addresses: { text: string; country?: string }[];
  federalRegister: string;
  startDate: string;
  endDate: string;
  licenceRequirement: string;
  licencePolicy: string;
  ids: { type: string; number: string; country?: string }[];
  programs: string[];
}

const splitList = (s: string | undefined) =>
  (s ?? '')
    .split(/;\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

/** Alternate names keep the list's prose joint: `Foo; and Bar` → `Bar`, not `and Bar`. */
const altNameList = (names: readonly string[]) => names.map((n) => n.replace(/^and\s+/, '').trim()).filter(Boolean);

/** CSV addresses look like `Bantian, Longgang District, Shenzhen, Guangdong, CN; …`, country last. */
function csvAddress(text: string) {
  const last = text.split(',').pop()?.trim();
  return { text, country: countryCode(last) };
}

/** CSV ids look like `ISIN, CNE1000002V2; Listing Date (CMIC), 2021-06-03`. */
function csvIds(text: string) {
  return splitList(text).map((part) => {
    const [type, number, country] = part.split(/,\s*/);
    return { type: type ?? '', number: number ?? '', country };
  });
}

export function parseCslCsv(text: string, options: CslOptions = {}): ParsedList {
  const { records, problems } = readCsv(text);
  const list = emptyList('csl-csv');
  list.problems.push(...problems);
  let header: string[] | undefined;
  const rows: CslRow[] = [];
  for (const { cells: record, line } of records) {
    if (record[0] === '_id' || (record.includes('source') && record.includes('name') && record.includes('alt_names'))) {
      header = record; // the published file repeats its header line; any copy is skipped
      continue;
    }
    const at = `line ${line}`;
    if (!header) {
      list.problems.push({ at, message: 'no CSL header line (_id,source,entity_number,…) before the first row' });
      return list;
    }
    const get = (col: string) => record[header!.indexOf(col)] ?? '';
    if (!get('source') || !get('name')) {
      list.problems.push({ at, message: 'row without a source or a name' });
      continue;
    }
    rows.push({
      at,
      source: get('source'),
      entityNumber: get('entity_number'),
      type: get('type'),
      name: get('name'),
      altNames: altNameList(splitList(get('alt_names'))),
      addresses: splitList(get('addresses')).map(csvAddress),
      federalRegister: get('federal_register_notice'),
      startDate: get('start_date'),
      endDate: get('end_date'),
      licenceRequirement: get('license_requirement'),
      licencePolicy: get('license_policy'),
      ids: csvIds(get('ids')),
      programs: splitList(get('programs')),
    });
  }
  if (!header) list.problems.push({ at: 'line 1', message: 'no CSL header line (_id,source,entity_number,…)' });
  return toList(list, rows, options);
}

export function parseCslJson(text: string, options: CslOptions = {}): ParsedList {
  const list = emptyList('csl-json');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    list.problems.push({ at: 'file', message: `not JSON: ${(e as Error).message}` });
    return list;
  }
  const results = Array.isArray(doc) ? doc : (doc as { results?: unknown }).results;
  if (!Array.isArray(results)) {
    list.problems.push({ at: 'file', message: 'expected a JSON array or an object with "results"' });
    return list;
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const arr = (v: unknown) => (Array.isArray(v) ? v : v == null || v === '' ? [] : [v]);
  const rows: CslRow[] = [];
  results.forEach((r: Record<string, unknown>, i) => {
    const at = `results[${i}]`;
    if (typeof r !== 'object' || r === null || !str(r.source) || !str(r.name)) {
      list.problems.push({ at, message: 'entry without a source or a name' });
      return;
    }
    rows.push({
      at,
      source: str(r.source),
      entityNumber: str(r.entity_number),
      type: str(r.type),
      name: str(r.name),
      altNames: altNameList(arr(r.alt_names).map(str)),
      addresses: arr(r.addresses).map((a: Record<string, unknown>) => ({
        text: [a.address, a.city, a.state, a.postal_code, a.country].map(str).filter(Boolean).join(', '),
        country: countryCode(str(a.country)),
      })),
      federalRegister: str(r.federal_register_notice),
      startDate: str(r.start_date),
      endDate: str(r.end_date),
      licenceRequirement: str(r.license_requirement),
      licencePolicy: str(r.license_policy),
      ids: arr(r.ids).map((x: Record<string, unknown>) => ({ type: str(x.type), number: str(x.number), country: str(x.country) || undefined })),
      programs: arr(r.programs).map(str).filter(Boolean),
    });
  });
  return toList(list, rows, options);
}

/** The compact projection of the CSL: short keys, and list texts interned in `tables`. */
export function parseCslProjection(text: string, options: CslOptions = {}): ParsedList {
  const list = emptyList('csl-projection');
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    list.problems.push({ at: 'file', message: `not JSON (a truncated or damaged file?): ${(e as Error).message}` });
    return list;
  }
  const tables = (doc?.tables ?? {}) as Record<string, unknown>;
  const entries = doc?.entries;
  if (!Array.isArray(entries) || typeof tables !== 'object') {
    list.problems.push({ at: 'file', message: 'expected an object with "tables" and "entries" (the CSL projection)' });
    return list;
  }
  const table = (name: string) => (Array.isArray(tables[name]) ? (tables[name] as unknown[]).map((v) => (typeof v === 'string' ? v : '')) : []);
  const sources = table('sources');
  const requirements = table('licenceRequirements');
  const policies = table('licencePolicies');
  const programmes = table('programmes');
  const at = (i: unknown, t: string[]) => (typeof i === 'number' ? (t[i] ?? '') : Array.isArray(i) ? i.map((x) => (typeof x === 'number' ? (t[x] ?? '') : '')).join('; ') : '');
  const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const rows: CslRow[] = [];
  entries.forEach((r: Record<string, unknown>, i) => {
    const where = `entries[${i}]`;
    if (typeof r !== 'object' || r === null || typeof r.s !== 'number' || !sources[r.s] || !str(r.n)) {
      list.problems.push({ at: where, message: 'entry without a known source list or a name' });
      return;
    }
    rows.push({
      at: where,
      source: sources[r.s]!,
      entityNumber: str(r.e),
      type: str(r.t),
      name: str(r.n),
      altNames: altNameList(Array.isArray(r.a) ? r.a.map(str) : []),
      addresses: (Array.isArray(r.c) ? r.c.map(str) : []).map((c) => ({ text: c, country: countryCode(c) })),
      federalRegister: str(r.fr),
      startDate: '',
      endDate: '',
      licenceRequirement: at(r.lr, requirements),
      licencePolicy: at(r.lp, policies),
      ids: [],
      programs: splitList(at(r.pg, programmes)),
    });
  });
  const generated = /^\d{4}-\d{2}-\d{2}/.exec(str(doc.sourceGeneratedAt))?.[0];
  if (generated) list.listDate = generated;
  if (typeof doc.entryCount === 'number' && doc.entryCount !== entries.length) {
    list.problems.push({ at: 'file', message: `the file says it has ${doc.entryCount} entries but holds ${entries.length} (truncated?)` });
    list.truncated = true;
  }
  return toList(list, rows, options);
}

function toList(list: ParsedList, rows: CslRow[], options: CslOptions): ParsedList {
  const measures = new Set<string>();
  for (const row of rows) {
    const measure = CSL_SOURCES.find((s) => s.pattern.test(row.source))?.measure;
    if (!measure) {
      skip(list, `source "${row.source}" has no measure in the knowledge base`);
      continue;
    }
    measures.add(measure);
    const type = row.type.trim().toLowerCase();
    if (type && type !== 'entity' && !PARTY_KINDS[type]) {
      skip(list, `entry of type "${row.type}", which the knowledge base does not record`);
      continue;
    }
    const countries = uniq(row.addresses.map((a) => a.country).filter((c): c is string => Boolean(c)));
    if (options.countries && !countries.some((c) => options.countries!.includes(c))) {
      skip(list, `no address in ${options.countries.join(', ')}`);
      continue;
    }
    const kind = PARTY_KINDS[type];
    list.entries.push({ ...entry(row, measure, countries), ...(kind ? { kind } : {}) });
  }
  // A country-filtered file still lists its measures completely for those countries; reconcile
  // only ends listings of organisations in the kept countries (see reconcile's `countries`).
  list.complete.push(...measures);
  return list;
}

/**
 * A party's name without the list's prose around it: `Foo Ltd. (Hong Kong entity), and any
 * successor, sub-unit, or subsidiary thereof` → `Foo Ltd.`; `Foo [aka Bar, aka Baz]` and
 * `Foo -AKA- Bar` give the other names as aliases.
 */
export function cleanPartyName(listedAs: string): { name: string; aliases: string[] } {
  let name = listedAs;
  const aliases: string[] = [];
  name = name.replace(SUCCESSOR_CLAUSE, '');
  name = name.replace(/\[\s*a\.?k\.?a\.?:?\s*([^\]]+)\]/i, (_, inner: string) => {
    aliases.push(...inner.split(/,?\s*\ba\.?k\.?a\.?:?\s*/i).map((a) => a.trim().replace(/,$/, '')).filter(Boolean));
    return ' ';
  });
  name = name.replace(/\((?:[^()]*\b(?:entity|individual)\b[^()]*)\)/gi, ' ');
  const aka = /^(.*?)\s*(?:-\s*AKA\s*-|[,;]\s*a\.k\.a\.?)\s*(.+)$/i.exec(name);
  if (aka && aka[1]!.trim().length >= 2) {
    name = aka[1]!;
    aliases.push(...aka[2]!.split(/[;,]?\s*\ba\.k\.a\.?\s*/i).map((a) => a.trim()).filter(Boolean));
  }
  name = name.replace(/\s+/g, ' ').replace(/[\s,;]+$/, '').trim();
  return { name: name || listedAs.trim(), aliases };
}

function entry(row: CslRow, measure: string, countries: string[]): ImportedEntry {
  const listedAs = row.name.replace(/\s+/g, ' ').trim();
  const cleaned = cleanPartyName(listedAs);
  const { name, alias } = splitTrailingAlias(cleaned.name);
  const identifiers: Identifier[] = [];
  const facts: string[] = [];
  let from = parseListDate(row.startDate);
  for (const id of row.ids) {
    const t = id.type.toLowerCase();
    if (t === 'isin' && /^[A-Z0-9]{12}$/.test(id.number)) identifiers.push({ scheme: 'isin', value: id.number });
    else if (t.startsWith('unified social credit code') && /^[0-9A-Z]{18}$/.test(id.number)) identifiers.push({ scheme: 'uscc', value: id.number });
    else if (t === 'legal entity number' && /^[0-9A-Z]{20}$/.test(id.number)) identifiers.push({ scheme: 'lei', value: id.number });
    else if (t === 'equity ticker') {
      const [value, market] = id.number.split(/\s+/);
      if (value) identifiers.push(market ? { scheme: 'ticker', value, exchange: market } : { scheme: 'ticker', value });
    } else if (t.startsWith('listing date')) from ??= parseListDate(id.number);
    else if (t.startsWith('effective date') || t.startsWith('purchase/sales for divestment date')) {
      const d = parseListDate(id.number);
      if (d) facts.push(`${id.type} ${d}`);
    }
  }
  if (row.federalRegister) facts.unshift(`Federal Register: ${row.federalRegister}`);
  if (row.licenceRequirement) facts.push(`Licence requirement: ${row.licenceRequirement}`);
  if (row.licencePolicy) facts.push(`Licence policy: ${row.licencePolicy}`);
  if (row.programs.length > 0) facts.push(`Programs: ${row.programs.join('; ')}`);
  return {
    at: row.at,
    measure,
    ...(row.entityNumber ? { entityNumber: row.entityNumber } : {}),
    ...(row.federalRegister ? { federalRegister: row.federalRegister } : {}),
    name,
    listedAs,
    aliases: uniq([...(alias ? [alias] : []), ...cleaned.aliases, ...row.altNames]).filter((a) => a !== name),
    formerNames: [],
    identifiers,
    countries,
    from,
    to: parseListDate(row.endDate),
    note: facts.join('; ') || undefined,
  };
}
