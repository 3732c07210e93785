import type { FieldKind } from '../../model/item.js';

/** What kind of value a free-text query is, so that a MAC or an ISIN is looked up as one. */
export function guessField(query: string): FieldKind {
  const q = query.trim();
  if (/^([0-9a-f]{1,2}[:-]){5}[0-9a-f]{1,2}$/i.test(q) || /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(q)) return 'mac';
  if (/^[A-Z]{2}[A-Z0-9]{9}\d$/i.test(q) && /\d/.test(q.slice(2))) return 'isin';
  if (/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(q)) return 'uscc';
  if (/^[A-Z0-9]{18}\d{2}$/.test(q)) return 'lei';
  if (/^pkg:/i.test(q)) return 'purl';
  if (/^(?:.*[/\\])?lib[^/\\\s]*\.so(?:\.\d+)*$/i.test(q)) return 'library';
  if (/^[a-z][a-z0-9_]*(\.[a-z0-9_]+){2,}$/i.test(q)) return 'app';
  if (/^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(\/.*)?$/i.test(q)) return 'host';
  return 'name';
}
