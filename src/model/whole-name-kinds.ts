/** Apart from the record schemas, so that matching names does not load the schema library. */
import type { Organisation } from './kb.js';

/** Kinds of organisation matched only by their whole name: names of people, ships and planes recur. */
export const WHOLE_NAME_KINDS: ReadonlySet<Organisation['kind']> = new Set(['person', 'vessel', 'aircraft']);
