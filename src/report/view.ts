/**
 * What the renderers read: the scan report with its results as something they can go through more
 * than once (an array, or results kept on disk for a large scan), and written out piece by piece so
 * that no report has to fit in one string.
 */
import type { ItemResult, ScanReport } from '../model/finding.js';

export type ReportView = Omit<ScanReport, 'results'> & { results: Iterable<ItemResult> };

/**
 * `JSON.stringify(document, null, 2)` in pieces, with the array under `key` (empty in `document`,
 * the last such key) filled from `items` one at a time: the same text as stringifying it whole.
 */
export function* jsonWithArray(document: unknown, key: string, items: Iterable<unknown>): Generator<string> {
  const text = JSON.stringify(document, null, 2);
  const marker = `${JSON.stringify(key)}: []`;
  const at = text.lastIndexOf(marker);
  if (at < 0) throw new Error(`no empty "${key}" array in the document`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const indent = ' '.repeat(at - lineStart);
  const open = at + marker.length - 1;
  yield text.slice(0, open);
  // An item stringified inside `depth` arrays comes out already indented as the array's items are
  // (re-indenting each item's text was most of this function's time on large reports).
  const depth = indent.length / 2 + 1;
  const frame = depth * (depth + 1);
  let first = true;
  for (const item of items) {
    let nested: unknown = item;
    for (let i = 0; i < depth; i++) nested = [nested];
    const body = JSON.stringify(nested, null, 2);
    yield `${first ? '\n' : ',\n'}${body.slice(frame, body.length - frame)}`;
    first = false;
  }
  yield first ? text.slice(open) : `\n${indent}${text.slice(open)}`;
}

/** Results that carry findings or problems, for the renderers that show only those. */
export function* withFindings(results: Iterable<ItemResult>): Generator<ItemResult> {
  for (const r of results) if (r.findings.length > 0) yield r;
}

export function* withProblems(results: Iterable<ItemResult>): Generator<ItemResult> {
  for (const r of results) if (r.status === 'rejected' || r.warnings) yield r;
}

/** Lines joined by newlines, as `[...lines].join('\n')` would, without holding them all. */
export function* joinLines(lines: Iterable<string>): Generator<string> {
  let first = true;
  for (const line of lines) {
    yield first ? line : `\n${line}`;
    first = false;
  }
}
