/** Small text helpers shared by the importers: dates as lists print them, names for comparison. */
import anyAscii from 'any-ascii';
import { PLACES, REGIONS } from '../../match/names/lexicon.js';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

function iso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

const DATE_FORMS = /(\d{4})-(\d{2})-(\d{2})|\b(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?!\d)|\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)|\b(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/g;

/** Every date in a text, in order, in any of the forms official lists use: `2021-06-03`,
 * `03 Jun 2021`, `March 12, 2021`, `06/03/2021` (US order). Words that are not dates are passed over. */
export function allListDates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DATE_FORMS)) {
    let d: string | undefined;
    if (m[1]) d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    else if (m[4] && MONTHS[m[5]!.toLowerCase()]) d = iso(Number(m[6]), MONTHS[m[5]!.toLowerCase()]!, Number(m[4]));
    else if (m[7] && MONTHS[m[7].toLowerCase()]) d = iso(Number(m[9]), MONTHS[m[7].toLowerCase()]!, Number(m[8]));
    else if (m[10]) d = iso(Number(m[12]), Number(m[10]), Number(m[11]));
    if (d) out.push(d);
  }
  return out;
}

/** The first date in a text (see `allListDates`); undefined when there is none. */
export function parseListDate(text: string | undefined): string | undefined {
  return text ? allListDates(text)[0] : undefined;
}

const LEGAL_FORMS: [RegExp, string][] = [
  [/\bcompany\b/g, 'co'],
  [/\bcorporation\b/g, 'corp'],
  [/\blimited\b/g, 'ltd'],
  [/\bincorporated\b/g, 'inc'],
  [/\bgroup\b/g, 'grp'],
];

/**
 * A name reduced for exact comparison across lists: case, punctuation, `&`/`and`, and the spelling of
 * legal forms (Company/Co., Limited/Ltd.) do not count. Chinese text is kept as it is.
 */
export function normaliseName(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().replace(/&/g, ' and ');
  s = s.replace(/[.,'"’()[\]\-–—/:;*]+/g, ' ');
  for (const [re, to] of LEGAL_FORMS) s = s.replace(re, to);
  return s.replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
}

/** A parenthesis that only says where: `(Shanghai)`, `(Hong Kong)`, `(USA)`. */
function isPlaceQualifier(text: string): boolean {
  const words = text.toLowerCase().split(/[\s,.]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => PLACES.has(w) || REGIONS.has(w));
}

/**
 * `Huawei Technologies Co., Ltd. (Huawei)` → `Huawei Technologies Co., Ltd.` (and the alias). A
 * parenthesis that only names a place belongs to the name: `ACM Research (Shanghai)` is the Shanghai
 * company, not `ACM Research` also called `Shanghai`.
 */
export function splitTrailingAlias(name: string): { name: string; alias?: string } {
  const m = /^(.*\S)\s*\(([^()]+)\)\s*\*?$/.exec(name.trim());
  if (!m || isPlaceQualifier(m[2]!)) return { name: name.trim().replace(/\*$/, '').trim() };
  return { name: m[1]!.trim(), alias: m[2]!.trim() };
}

/** A record id from a name: `Beijing Foo Technology Co., Ltd.` → `beijing-foo-technology`. */
export function slugFromName(name: string): string {
  let s = anyAscii(name).toLowerCase().replace(/&/g, ' and ');
  s = s.replace(/\b(co|company|corp|corporation|ltd|limited|inc|incorporated|llc|plc|gmbh|jsc|ao|oao|pjsc|s a|sa|the)\b\.?/g, ' ');
  s = s.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (s.length > 60) s = s.slice(0, 60).replace(/-[^-]*$/, '');
  return s.length >= 2 ? s : `org-${s || 'x'}`;
}

const COUNTRY_CODES: Record<string, string> = {
  china: 'CN', "china, people's republic of": 'CN', 'hong kong': 'HK', 'macau': 'MO', 'macao': 'MO', taiwan: 'TW',
  russia: 'RU', 'united states': 'US', 'united kingdom': 'GB', singapore: 'SG', germany: 'DE', japan: 'JP',
  iran: 'IR', 'north korea': 'KP', 'korea, north': 'KP', pakistan: 'PK', 'united arab emirates': 'AE', india: 'IN',
  malaysia: 'MY', belarus: 'BY', turkey: 'TR', 'cayman islands': 'KY', 'british virgin islands': 'VG', canada: 'CA',
};

/** An ISO country code for a country name or code as lists print it, if known. */
export function countryCode(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  if (/^[A-Z]{2}$/.test(t)) return t;
  return COUNTRY_CODES[t.toLowerCase()];
}

export const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Drops the full stop that ends a sentence, but not the one of an abbreviation (`Co., Ltd.`, `Inc.`). */
export function trimSentenceEnd(s: string): string {
  const t = s.trim();
  if (!t.endsWith('.') || /\b(?:Inc|Ltd|Co|Corp|Bhd|S\.A|L\.L\.C|N\.V|B\.V)\.$/i.test(t)) return t;
  return t.slice(0, -1).trim();
}
