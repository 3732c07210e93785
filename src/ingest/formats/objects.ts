/** Turning parsed JSON objects into named values, shared by the JSON and JSON Lines formats. */

/** How deep objects and arrays inside one row may nest; deeper is not an inventory row but an attack on the reader. */
export const MAX_JSON_DEPTH = 32;

/** A row nested deeper than MAX_JSON_DEPTH: the row is rejected with this message. */
export class TooDeepError extends Error {
  constructor() {
    super(`objects and arrays are nested more than ${MAX_JSON_DEPTH} levels deep`);
  }
}

/**
 * The object's keys become columns. Strings and numbers are values; arrays give several values;
 * nested objects contribute dotted keys ("vendor.name"). Other values (null, booleans) are skipped.
 * Throws TooDeepError past MAX_JSON_DEPTH levels.
 */
export function objectValues(object: Record<string, unknown>): Map<string, string[]> {
  const values = new Map<string, string[]>();
  const collect = (value: unknown, key: string, depth = 0): void => {
    if (depth > MAX_JSON_DEPTH) throw new TooDeepError();
    if (typeof value === 'string' || typeof value === 'number') {
      const list = values.get(key);
      if (list) list.push(String(value));
      else values.set(key, [String(value)]);
    } else if (Array.isArray(value)) {
      for (const element of value) collect(element, key, depth + 1);
    } else if (isObject(value)) {
      for (const [inner, innerValue] of Object.entries(value)) collect(innerValue, `${key}.${inner}`, depth + 1);
    }
  };
  for (const [key, value] of Object.entries(object)) collect(value, key);
  return values;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "an array", "a string" … for messages about values that should have been objects. */
export function describeJsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
