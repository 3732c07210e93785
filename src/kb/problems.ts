/** A problem found in the knowledge base, located by file and path inside the record. */
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** Dotted path inside the file, e.g. `organisations[3].names[0].value`. */
  path: string;
  message: string;
}

export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? String(s) : `.${String(s)}`;
  }
  return out;
}
