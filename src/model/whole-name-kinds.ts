/** Apart from the record schemas, so that matching names does not load the schema library. */

/** Kinds of organisation matched only by their whole name: names of people, ships and planes recur. */
export const WHOLE_NAME_KINDS: ReadonlySet<string> = new Set(['person', 'vessel', 'aircraft']);
