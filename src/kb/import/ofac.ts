/**
 * OFAC's consolidated non-SDN list in its legacy CSV layout: `cons_prim.csv` (one row per entry, no
 * header), with the aliases in `cons_alt.csv`, addresses in `cons_add.csv` and the overflow of long
 * remarks in `cons_comments.csv`. The NS-CMIC entries (program `CMIC-EO13959`) carry ISINs, equity
 * tickers, USCC numbers, listing and divestment dates and the parent ("Linked To:") in their remarks.
 */
import { readCsv } from './csv.js';
import type { Identifier } from '../../model/kb.js';
import { countryCode, parseListDate, trimSentenceEnd, uniq } from './text.js';
import { emptyList, skip, type ImportedEntry, type ParsedList } from './types.js';

/** OFAC program tag → knowledge-base measure. */
export const OFAC_PROGRAMS: Record<string, string> = { 'CMIC-EO13959': 'us-ofac-ns-cmic' };

export interface OfacFiles {
  prim: string;
  alt?: string;
  add?: string;
  comments?: string;
}

const EMPTY = '-0-';
const clean = (v: string | undefined) => (v === undefined || v.trim() === EMPTY ? '' : v.trim());

function rows(text: string, file: string, list: ParsedList): { line: number; cells: string[] }[] {
  const { records, problems } = readCsv(text);
  for (const p of problems) list.problems.push({ at: `${file} ${p.at}`, message: p.message });
  return records;
}

/** Splits OFAC remarks into their `; `-separated statements, leaving quoted aliases whole. */
function remarkParts(remarks: string): string[] {
  return remarks
    .split(/;\s+/)
    .map((s) => trimSentenceEnd(s))
    .filter(Boolean);
}

export function parseOfacNonSdn(files: OfacFiles): ParsedList {
  const list = emptyList('ofac-non-sdn');
  const byNumber = new Map<string, ImportedEntry>();
  const overflow = new Map<string, string>();
  if (files.comments) for (const r of rows(files.comments, 'cons_comments', list)) overflow.set(clean(r.cells[0]), (overflow.get(clean(r.cells[0])) ?? '') + (r.cells[1] ?? ''));

  for (const { line, cells } of rows(files.prim, 'cons_prim', list)) {
    const at = `cons_prim line ${line}`;
    const [num, name, , programField] = cells.map(clean);
    if (!num || !/^\d+$/.test(num) || !name) {
      list.problems.push({ at, message: 'not an OFAC entry: expected an entry number and a name in the first two columns' });
      continue;
    }
    const programs = (programField ?? '').split(/\]\s*\[/).map((p) => p.replace(/[[\]]/g, '').trim());
    const measure = programs.map((p) => OFAC_PROGRAMS[p]).find(Boolean);
    if (!measure) {
      skip(list, `program ${programs.join(', ') || '(none)'} has no measure in the knowledge base`);
      continue;
    }
    const remarks = clean(cells[11]) + (overflow.get(num) ?? '');
    const entry: ImportedEntry = { at, measure, name, aliases: [], formerNames: [], identifiers: [], countries: [] };
    applyRemarks(entry, remarks);
    byNumber.set(num, entry);
    list.entries.push(entry);
  }
  for (const m of uniq(list.entries.map((e) => e.measure))) list.complete.push(m);

  if (files.alt) {
    for (const { cells } of rows(files.alt, 'cons_alt', list)) {
      const entry = byNumber.get(clean(cells[0]));
      const alias = clean(cells[3]);
      if (!entry || !alias) continue;
      const type = clean(cells[2]).toLowerCase();
      if (type === 'fka') entry.formerNames.push(alias);
      else entry.aliases.push(alias);
    }
  }
  if (files.add) {
    for (const { cells } of rows(files.add, 'cons_add', list)) {
      const entry = byNumber.get(clean(cells[0]));
      const country = countryCode(clean(cells[4]));
      if (entry && country) entry.countries.push(country);
    }
  }
  for (const e of list.entries) {
    e.aliases = uniq(e.aliases.filter((a) => a !== e.name));
    e.formerNames = uniq(e.formerNames);
    e.countries = uniq(e.countries);
  }
  return list;
}

function applyRemarks(entry: ImportedEntry, remarks: string) {
  const dates: string[] = [];
  const issuerNames: string[] = [];
  for (const part of remarkParts(remarks)) {
    const p = part.replace(/^alt\.\s+/, '');
    let m: RegExpExecArray | null;
    if ((m = /^Equity Ticker\s+(\S+)(?:\s+(\S+))?$/.exec(p))) entry.identifiers.push(ticker(m[1]!, m[2]));
    else if ((m = /^ISIN\s+([A-Z0-9]{12})$/.exec(p))) entry.identifiers.push({ scheme: 'isin', value: m[1]! });
    else if ((m = /^Unified Social Credit Code \(USCC\)\s+([0-9A-Z]{18})/.exec(p))) entry.identifiers.push({ scheme: 'uscc', value: m[1]! });
    else if ((m = /^Legal Entity Number\s+([0-9A-Z]{20})$/.exec(p))) entry.identifiers.push({ scheme: 'lei', value: m[1]! });
    else if ((m = /^Issuer Name\s+(.+)$/.exec(p))) issuerNames.push(m[1]!);
    else if ((m = /^a\.k\.a\.\s+'(.+)'$/.exec(p))) entry.aliases.push(m[1]!);
    else if ((m = /^f\.k\.a\.\s+'(.+)'$/.exec(p))) entry.formerNames.push(m[1]!);
    else if ((m = /^Linked To:\s+(.+)$/.exec(p))) entry.parent = m[1]!;
    else if ((m = /^Listing Date \((?:CMIC|EO 14032)\):?\s+(.+)$/.exec(p))) entry.from = parseListDate(m[1]);
    else if ((m = /^(Effective Date|Purchase\/Sales For Divestment Date) \(CMIC\):?\s+(.+)$/.exec(p))) {
      const d = parseListDate(m[2]);
      if (d) dates.push(`${m[1] === 'Effective Date' ? 'Effective Date' : 'Divestment Date'} ${d}`);
    }
  }
  entry.aliases.push(...issuerNames);
  const notes = [entry.from ? `Listing Date (CMIC) ${entry.from}` : undefined, ...dates];
  if (entry.parent) notes.push(`Linked To ${entry.parent}`);
  entry.note = notes.filter(Boolean).join('; ') || undefined;
}

/** OFAC prints the market as a country code (`002415 CN`); the code is kept as the exchange. */
function ticker(value: string, market: string | undefined): Identifier {
  return market ? { scheme: 'ticker', value, exchange: market } : { scheme: 'ticker', value };
}
