/**
 * Dotted-prefix lookup for reverse-DNS identifiers: Android packages, iOS bundle ids, Java
 * packages. `com.tencent` matches `com.tencent.mm` but not `com.tencentx`.
 */
export interface PrefixHit<T> {
  prefix: string;
  value: T;
  exact: boolean;
}

export class DottedPrefixIndex<T> {
  private readonly entries = new Map<string, T>();

  add(prefix: string, value: T): void {
    const key = prefix.toLowerCase().replace(/\.\*?$/, '');
    if (!this.entries.has(key)) this.entries.set(key, value);
  }

  /** The longest registered prefix of the identifier, on a dot boundary. */
  lookup(identifier: string): PrefixHit<T> | undefined {
    let candidate = identifier.toLowerCase();
    for (;;) {
      const value = this.entries.get(candidate);
      if (value !== undefined) return { prefix: candidate, value, exact: candidate.length === identifier.length };
      const dot = candidate.lastIndexOf('.');
      if (dot <= 0) return undefined;
      candidate = candidate.slice(0, dot);
    }
  }
}

/** Reverse-DNS identifiers: at least two dot-separated labels of letters, digits and underscores. */
export function isDottedIdentifier(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)+$/.test(s);
}
