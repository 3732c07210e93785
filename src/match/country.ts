/**
 * A country as an inventory writes it ("Germany", "DE", "DEU", "Deutschland", "PRC", "中国") → its
 * ISO 3166-1 alpha-2 code, through i18n-iso-countries' names in the languages supplier tables are
 * kept in; undefined when the text names no country (a city, a region, "EU", "n/a").
 */
import { createRequire } from 'node:module';
// The library's core without its entry point, which registers all eighty of its languages at import.
import countries from 'i18n-iso-countries/index.js';

const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'ru', 'zh', 'ja', 'ko'] as const;

/** Usual names the library's tables lack. */
const MORE_NAMES: Readonly<Record<string, string>> = {
  prc: 'CN', 'p r china': 'CN', 'pr china': 'CN', 'mainland china': 'CN', 'china mainland': 'CN', 'china prc': 'CN',
  'hong kong sar': 'HK', 'hongkong': 'HK', 'hong kong china': 'HK', 'hk sar': 'HK', macau: 'MO', 'macau sar': 'MO', 'macao sar': 'MO',
  'viet nam': 'VN', 'republic of korea': 'KR', 'korea south': 'KR', 'south korea': 'KR', 'north korea': 'KP', 'dprk': 'KP',
  'u s a': 'US', 'u s': 'US', 'america': 'US', 'uk': 'GB', 'u k': 'GB', 'england': 'GB', 'scotland': 'GB', 'wales': 'GB',
  'uae': 'AE', 'u a e': 'AE', 'russia federation': 'RU', 'taiwan roc': 'TW', 'republic of china taiwan': 'TW',
};

let registered = false;

function register(): void {
  const require = createRequire(import.meta.url);
  for (const language of LANGUAGES) countries.registerLocale(require(`i18n-iso-countries/langs/${language}.json`));
  registered = true;
}

export function countryCode(text: string): string | undefined {
  const t = text.trim();
  if (t.length < 2 || t.length > 80) return undefined;
  if (!registered) register();
  if (/^[A-Za-z]{2,3}$/.test(t)) {
    const upper = t.toUpperCase();
    if (upper === 'UK') return 'GB';
    if (countries.isValid(upper)) return countries.toAlpha2(upper);
  }
  const plain = t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const known = MORE_NAMES[plain];
  if (known) return known;
  for (const language of LANGUAGES) {
    const code = countries.getAlpha2Code(t, language) ?? countries.getAlpha2Code(plain, language);
    if (code) return code;
  }
  return undefined;
}

/** Mainland China, Hong Kong and Macao count as one: lists give either for one company. */
export function sameCountry(a: string, b: string): boolean {
  const greater = (c: string) => (['CN', 'HK', 'MO'].includes(c.toUpperCase()) ? 'CN' : c.toUpperCase());
  return greater(a) === greater(b);
}
