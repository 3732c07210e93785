/**
 * MAC addresses in bulk. A network's devices share a few thousand prefixes, and what a MAC
 * resolves to depends only on its prefix: the IEEE block it falls in, and the registrant's owner.
 * The resolver answers once per prefix; later addresses under the same prefix reuse that answer
 * with their own value in the evidence. An MA-L block owned by a company covers its whole 24-bit
 * prefix; addresses under the IEEE's own prefixes (carved into MA-M and MA-S blocks) or under an
 * unregistered prefix are keyed by their first 36 bits, the longest block there is.
 */
import type { FieldOutcome, Resolution, Resolver } from '../match/resolver.js';
import { TwoGenerationCache } from './two-generation-cache.js';

/** Prefixes remembered (up to twice this); others are asked again. */
const CACHE_ENTRIES = 200_000;

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX['0123456789abcdef'.charCodeAt(i)] = i;
  HEX['0123456789ABCDEF'.charCodeAt(i)] = i;
}
const DIGITS = '0123456789ABCDEF';

export class MacLookup {
  private readonly byOui = new TwoGenerationCache<number, FieldOutcome>(CACHE_ENTRIES);
  private readonly byLongPrefix = new TwoGenerationCache<number, FieldOutcome>(CACHE_ENTRIES);

  constructor(private readonly resolver: Resolver) {}

  /** The same outcome as `resolver.resolve('mac', value)`. */
  resolve(value: string): FieldOutcome {
    // Unusual spellings go to the resolver as they are.
    if (!readNibbles(value)) return this.resolver.resolve('mac', value);
    const oui = (nibbles[0]! << 20) | (nibbles[1]! << 16) | (nibbles[2]! << 12) | (nibbles[3]! << 8) | (nibbles[4]! << 4) | nibbles[5]!;
    // So do the broadcast and all-zero addresses (whose prefixes are FFFFFF and 000000).
    if ((oui === 0 && sameNibbles(0)) || (oui === 0xffffff && sameNibbles(15))) return this.resolver.resolve('mac', value);
    const known = this.byOui.get(oui);
    if (known) return withValue(known, value);
    const long = oui * 4096 + ((nibbles[6]! << 8) | (nibbles[7]! << 4) | nibbles[8]!);
    const knownLong = this.byLongPrefix.get(long);
    if (knownLong) return withValue(knownLong, value);
    const outcome = this.resolver.resolve('mac', value);
    if (coversWholeOui(outcome)) this.byOui.set(oui, outcome);
    else this.byLongPrefix.set(long, outcome);
    return outcome;
  }
}

/** The twelve nibbles of the address being looked up (one lookup at a time, so one shared array). */
const nibbles = new Uint8Array(12);

/** Reads "aa:bb:cc:dd:ee:ff", "aa-bb-…" or "aabbccddeeff" (surrounding space allowed) into `nibbles`. */
function readNibbles(value: string): boolean {
  const text = value.length === 12 || value.length === 17 ? value : value.trim();
  if (text.length === 12) {
    for (let i = 0; i < 12; i++) {
      const n = HEX[text.charCodeAt(i)] ?? -1;
      if (n < 0) return false;
      nibbles[i] = n;
    }
    return true;
  }
  if (text.length !== 17) return false;
  const separator = text.charCodeAt(2);
  if (separator !== 58 /* : */ && separator !== 45 /* - */) return false;
  for (let group = 0; group < 6; group++) {
    const at = group * 3;
    if (group > 0 && text.charCodeAt(at - 1) !== separator) return false;
    const high = HEX[text.charCodeAt(at)] ?? -1;
    const low = HEX[text.charCodeAt(at + 1)] ?? -1;
    if (high < 0 || low < 0) return false;
    nibbles[group * 2] = high;
    nibbles[group * 2 + 1] = low;
  }
  return true;
}

function sameNibbles(value: number): boolean {
  for (let i = 0; i < 12; i++) if (nibbles[i] !== value) return false;
  return true;
}

/** Whether every address under the same 24-bit prefix gets this outcome. */
function coversWholeOui(outcome: FieldOutcome): boolean {
  const evidence = outcome.resolutions[0]?.evidence;
  if (evidence?.type === 'mac') return evidence.block === 'MA-L' && !/IEEE Registration Authority/i.test(evidence.registrant);
  // The multicast and locally-administered bits are in the first octet.
  if (outcome.note?.startsWith('unresolvable:')) return true;
  const registered = /^registered to (.*) \(MA-L [0-9A-F]{6}\)$/.exec(outcome.note ?? '');
  return registered !== null && !/IEEE Registration Authority/i.test(registered[1] ?? '');
}

const COLON = 58;
const CODES = Array.from(DIGITS, (digit) => digit.charCodeAt(0));

/** "44:19:B6:12:34:56" for the address in `nibbles`, made as one flat string. */
function canonicalText(value: string): string {
  if (value.length === 17 && value.charCodeAt(2) === COLON) return value.toUpperCase();
  const n = nibbles;
  const c = CODES;
  return String.fromCharCode(
    c[n[0]!]!, c[n[1]!]!, COLON, c[n[2]!]!, c[n[3]!]!, COLON, c[n[4]!]!, c[n[5]!]!, COLON,
    c[n[6]!]!, c[n[7]!]!, COLON, c[n[8]!]!, c[n[9]!]!, COLON, c[n[10]!]!, c[n[11]!]!,
  );
}

/** The cached outcome for another address under the same prefix. */
function withValue(outcome: FieldOutcome, value: string): FieldOutcome {
  if (outcome.resolutions.length === 0) return { ...outcome, value };
  const text = canonicalText(value);
  const resolutions = new Array<Resolution>(outcome.resolutions.length);
  for (let i = 0; i < resolutions.length; i++) {
    const resolution = outcome.resolutions[i]!;
    const evidence = resolution.evidence.type === 'mac' ? { ...resolution.evidence, input: value, mac: text } : resolution.evidence;
    resolutions[i] = { ...resolution, value, evidence };
  }
  return { ...outcome, value, resolutions };
}
