/**
 * MAC addresses: parsing, the flags that make an address unresolvable (locally administered,
 * multicast), and longest-prefix lookup over the IEEE registry's MA-S (36-bit), MA-M (28-bit) and
 * MA-L (24-bit) blocks.
 */
import type { Parsed } from './check-digits.js';

export interface Mac {
  /** Twelve upper-case hex digits. */
  hex: string;
  /** Colon-separated canonical form, e.g. 44:19:B6:12:34:56. */
  text: string;
}

export function parseMac(input: string): Parsed<Mac> {
  const s = input.trim();
  let hex: string | undefined;
  const grouped = /^([0-9a-f]{1,2})([:-])([0-9a-f]{1,2})\2([0-9a-f]{1,2})\2([0-9a-f]{1,2})\2([0-9a-f]{1,2})\2([0-9a-f]{1,2})$/i.exec(s);
  if (grouped) hex = grouped.slice(1).filter((_, i) => i !== 1).map((g) => g.padStart(2, '0')).join('');
  else if (/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i.test(s)) hex = s.replace(/\./g, '');
  else if (/^[0-9a-f]{12}$/i.test(s)) hex = s;
  if (!hex) return { ok: false, error: `"${input}" is not a MAC address (expected 6 hex octets, e.g. 44:19:b6:12:34:56)` };
  hex = hex.toUpperCase();
  return { ok: true, value: { hex, text: hex.match(/../g)?.join(':') ?? hex } };
}

/** Why an address cannot be attributed to a manufacturer, or undefined when it can. */
export function unresolvableReason(mac: Mac): string | undefined {
  const first = Number.parseInt(mac.hex.slice(0, 2), 16);
  if (mac.hex === 'FFFFFFFFFFFF') return 'broadcast address, not a device';
  if (mac.hex === '000000000000') return 'all-zero address, not a device';
  if (first & 0x01) return 'multicast address, not a device';
  if (first & 0x02) return 'locally administered address (randomised or virtual): it names no manufacturer';
  return undefined;
}

export type Block = 'MA-S' | 'MA-M' | 'MA-L';

export interface Registration {
  prefix: string;
  block: Block;
  /** The registrant as written in the IEEE registry (first line of the entry). */
  registrant: string;
  /** The registrant's country (ISO 3166 alpha-2), from the last line of its address, when the registry gives one. */
  country?: string;
}

let countryCodes: Map<string, string> | undefined;
/** "United States" → US, "Hong Kong SAR China" → HK: the registry writes countries by their CLDR English names. */
export function countryCode(name: string): string | undefined {
  if (!countryCodes) {
    countryCodes = new Map();
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        try {
          const n = names.of(code);
          if (n && n !== code) countryCodes.set(n.toLowerCase(), code);
        } catch {
          // not a region code
        }
      }
    }
  }
  return countryCodes.get(name.trim().toLowerCase());
}

const BLOCKS: readonly [number, Block][] = [
  [9, 'MA-S'],
  [7, 'MA-M'],
  [6, 'MA-L'],
];

/** Longest-prefix lookup in a registry keyed by 6, 7 or 9 hex digits. */
export class MacRegistry {
  constructor(
    private readonly entries: ReadonlyMap<string, string>,
    private readonly countries: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** Builds from the `oui-data` layout: prefix → "Registrant\naddress lines\nCountry". */
  static fromOuiData(data: Record<string, string>): MacRegistry {
    const m = new Map<string, string>();
    const countries = new Map<string, string>();
    for (const [prefix, value] of Object.entries(data)) {
      const lines = value.split('\n');
      m.set(prefix.toUpperCase(), lines[0]?.trim() ?? '');
      const country = lines.length > 1 ? countryCode(lines[lines.length - 1] ?? '') : undefined;
      if (country) countries.set(prefix.toUpperCase(), country);
    }
    return new MacRegistry(m, countries);
  }

  lookup(mac: Mac): Registration | undefined {
    for (const [length, block] of BLOCKS) {
      const prefix = mac.hex.slice(0, length);
      const registrant = this.entries.get(prefix);
      if (registrant !== undefined) {
        const country = this.countries.get(prefix);
        return country ? { prefix, block, registrant, country } : { prefix, block, registrant };
      }
    }
    return undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}
