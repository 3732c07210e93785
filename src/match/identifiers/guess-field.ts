import type { FieldKind } from '../../model/item.js';
import type { FieldOutcome } from '../resolver.js';
import { canonicalExchange } from './check-digits.js';

/** What kind of value a free-text query is, so that a MAC or an ISIN is looked up as one. */
export function guessField(query: string): FieldKind {
  const q = query.trim();
  if (/^([0-9a-f]{1,2}[:-]){5}[0-9a-f]{1,2}$/i.test(q) || /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(q)) return 'mac';
  if (/^[A-Z]{2}[A-Z0-9]{9}\d$/i.test(q) && /\d/.test(q.slice(2))) return 'isin';
  if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(q)) return 'uscc';
  if (/^[A-Z0-9]{18}\d{2}$/.test(q)) return 'lei';
  if (/^pkg:/i.test(q)) return 'purl';
  if (/^(?:.*[/\\])?lib[^/\\\s]*\.so(?:\.\d+)*$/i.test(q)) return 'library';
  if (isQualifiedTicker(q)) return 'ticker';
  if (/^[a-z][a-z0-9_]*(\.[a-z0-9_]+){2,}$/i.test(q)) return 'app';
  if (/^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(\/.*)?$/i.test(q)) return 'host';
  return 'name';
}

/**
 * A ticker with its market, in capitals as lists and terminals print them: `CHL RU`, `0941.HK`,
 * `HKG:0941`, `CTM GY Equity`. A bare symbol is not guessed (it reads as a name).
 */
function isQualifiedTicker(q: string): boolean {
  const suffixed = /^[A-Z0-9][A-Z0-9\-]{0,11}[.\s]+([A-Z]{1,6})(?:\s+Equity)?$/.exec(q);
  if (suffixed && canonicalExchange(suffixed[1] as string)) return true;
  const prefixed = /^([A-Z]{1,6}):\s*[A-Z0-9][A-Z0-9.\-]{0,11}$/.exec(q);
  return Boolean(prefixed && canonicalExchange(prefixed[1] as string));
}

/**
 * Resolves a free-text query by its guessed kind; a query that looks like a ticker but meets none
 * ("ZTE US" is also a name), or a bare domain that meets no recorded domain (companies named after
 * theirs: "Pony.ai", "Booking.com"), is looked up as a name.
 */
export function resolveGuessed(resolver: { resolve(field: FieldKind, value: string): FieldOutcome }, query: string): { field: FieldKind; outcome: FieldOutcome } {
  const field = guessField(query);
  const outcome = resolver.resolve(field, query);
  const alsoAName = field === 'ticker' || (field === 'host' && !/[/:]/.test(query));
  if (alsoAName && outcome.resolutions.length === 0) return { field: 'name', outcome: resolver.resolve('name', query) };
  return { field, outcome };
}
