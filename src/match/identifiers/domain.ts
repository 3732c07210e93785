/**
 * Hostnames and URLs → the product whose domain they fall under, with suffix semantics:
 * `a.b.tiktokv.com` is under `tiktokv.com`; `nottiktokv.com` is not.
 */
import { createRequire } from 'node:module';
import { domainToASCII } from 'node:url';
import type { Parsed } from './check-digits.js';

/** Lower-case ASCII hostname from a hostname, a URL, or a host:port. */
export function parseHost(input: string): Parsed {
  let s = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return { ok: false, error: `"${input}" is not a valid URL` };
    }
  } else {
    s = s.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  }
  s = s.replace(/\.$/, '').replace(/^\*\./, '');
  const ascii = domainToASCII(s.toLowerCase());
  if (!ascii || !/^[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*$/.test(ascii) || ascii.length > 253) {
    return { ok: false, error: `"${input}" is not a hostname` };
  }
  return { ok: true, value: ascii };
}

export interface DomainHit<T> {
  /** The listed domain the host falls under. */
  domain: string;
  value: T;
}

export class DomainIndex<T> {
  private readonly domains = new Map<string, T>();

  add(domain: string, value: T): void {
    const d = domain.toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
    if (!this.domains.has(d)) this.domains.set(d, value);
  }

  /** The most specific listed domain that equals the host or is a parent of it. */
  lookup(host: string): DomainHit<T> | undefined {
    let candidate = host;
    for (;;) {
      const value = this.domains.get(candidate);
      if (value !== undefined) return { domain: candidate, value };
      const dot = candidate.indexOf('.');
      if (dot < 0) return undefined;
      candidate = candidate.slice(dot + 1);
    }
  }

  get size(): number {
    return this.domains.size;
  }
}

const require = createRequire(import.meta.url);
let getDomain: ((host: string) => string | null) | undefined;

/** The registrable domain (eTLD+1) under the public suffix list, for evidence. */
export function registrableDomain(host: string): string | undefined {
  // The public suffix list loads on first use: most scans have no hostnames.
  getDomain ??= (require('tldts') as { getDomain: (h: string) => string | null }).getDomain;
  return getDomain(host) ?? undefined;
}
