/**
 * A quick "might this host be under one of these domains?" over raw bytes, for logs of millions of
 * lines: no string is made for a host that cannot match. Each domain is kept as a hash of its
 * characters read from the end; a host is hashed from its end too, and the hash is looked up at
 * every label boundary, so `a.b.tiktokv.com` is checked as `com`, `tiktokv.com`, `b.tiktokv.com` …
 * A hit is only a candidate (hashes collide); the caller confirms it on the string.
 */
export class HostSuffixFilter {
  private readonly hashes = new Set<number>();
  /** The domains, for handing the filter to worker threads. */
  readonly domains: string[];

  constructor(domains: Iterable<string>) {
    this.domains = [...domains];
    for (const domain of this.domains) {
      const clean = domain.toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
      let hash = 0;
      for (let i = clean.length - 1; i >= 0; i--) hash = (Math.imul(hash, 31) + clean.charCodeAt(i)) | 0;
      this.hashes.add(hash);
    }
  }

  /** False when the host in bytes[start, end) is certainly under none of the domains. */
  mayMatch(bytes: Uint8Array, start: number, end: number): boolean {
    if (end > start && bytes[end - 1] === 0x2e) end--; // a trailing dot (absolute name)
    let hash = 0;
    for (let i = end - 1; i >= start; i--) {
      let byte = bytes[i] as number;
      if (byte >= 0x80) return true; // not ASCII: the caller decides on the decoded name
      if (byte === 0x2e && this.hashes.has(hash)) return true;
      if (byte >= 0x41 && byte <= 0x5a) byte |= 0x20; // ASCII lower case
      hash = (Math.imul(hash, 31) + byte) | 0;
    }
    return this.hashes.has(hash);
  }
}
