/**
 * Nations as news names them — a country's name ("Turkey", "the United Arab Emirates") or its people's
 * adjective ("Turkish", "Emirati") — and the ISO 3166-1 alpha-2 code a class of companies is keyed by
 * ("generic:TR-companies"). Country names come from i18n-iso-countries; the adjectives, which it lacks,
 * are listed here. Hong Kong and Macao are China's: official lists give either for one company.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries/index.js';

const DEMONYMS: Readonly<Record<string, string>> = {
  chinese: 'CN', russian: 'RU', iranian: 'IR', american: 'US', turkish: 'TR', emirati: 'AE', pakistani: 'PK', indian: 'IN',
  malaysian: 'MY', singaporean: 'SG', georgian: 'GE', belarusian: 'BY', japanese: 'JP', korean: 'KR', 'south korean': 'KR',
  'north korean': 'KP', taiwanese: 'TW', vietnamese: 'VN', thai: 'TH', indonesian: 'ID', british: 'GB', german: 'DE',
  french: 'FR', dutch: 'NL', italian: 'IT', spanish: 'ES', swedish: 'SE', finnish: 'FI', estonian: 'EE', israeli: 'IL',
  canadian: 'CA', australian: 'AU', armenian: 'AM', kyrgyz: 'KG', kazakh: 'KZ', uzbek: 'UZ', syrian: 'SY', lebanese: 'LB',
  burmese: 'MM', iraqi: 'IQ', afghan: 'AF', cypriot: 'CY', latvian: 'LV', lithuanian: 'LT', polish: 'PL', czech: 'CZ',
};
/** Usual names the library lacks, or writes another way. */
const MORE_NAMES: Readonly<Record<string, string>> = { russia: 'RU', iran: 'IR', uae: 'AE', 'hong kong': 'CN', macau: 'CN', macao: 'CN', 'the netherlands': 'NL', burma: 'MM', 'mainland china': 'CN' };

let names: Map<string, string> | undefined;

/** Every English name of every country (lower case) → its code; names with commas or brackets left out. */
function nameTable(): Map<string, string> {
  if (names) return names;
  const require = createRequire(import.meta.url);
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const table = new Map<string, string>();
  for (const [code, all] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of all) if (!/[,()]/.test(name) && name.length > 3) table.set(name.toLowerCase(), code);
  }
  for (const [name, code] of Object.entries(MORE_NAMES)) table.set(name, code);
  names = table;
  return table;
}

const chinaForHongKong = (code: string) => (code === 'HK' || code === 'MO' ? 'CN' : code);

/** The code of a nation named by its country's name or its people's adjective; undefined for anything else. */
export function nationCode(words: string): string | undefined {
  const key = words.trim().toLowerCase().replace(/^the\s+/, '').replace(/['’]s$/, '').replace(/\s+/g, ' ');
  if (key === 'u.s.' || key === 'us' || key === 'usa') return 'US';
  const code = DEMONYMS[key] ?? nameTable().get(key) ?? nameTable().get(`the ${key}`);
  return code ? chinaForHongKong(code) : undefined;
}

/** The names and adjectives as one regular-expression alternation, longest first (for matching in running text). */
export function nationAlternation(): string {
  const all = [...nameTable().keys(), ...Object.keys(DEMONYMS)].filter((n) => !n.startsWith('the '));
  return [...new Set(all)].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
}

/** The code of a people's adjective alone ("Chinese" → CN); undefined for a country's name or anything else. */
export function demonymCode(word: string): string | undefined {
  return DEMONYMS[word.trim().toLowerCase()];
}

/** The people's adjectives alone, as an alternation ("turkish|emirati|…"). */
export function demonymAlternation(): string {
  return Object.keys(DEMONYMS).sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s+')).join('|');
}
