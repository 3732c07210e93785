/**
 * The reach test: whether a candidate name could score at least a given minimum against a query,
 * decided from numbers alone. A search reaches tens of candidates per query and compares only the
 * few that pass, so what the test reads of each candidate is kept in a flat array, one record per
 * index entry (its words' first letters, lengths and weights): the candidate's entry is not
 * parsed, nor its strings read, unless it passes. An index writes these records into its cache file.
 */
import type { NameForm } from './normalise.js';

/** How much a word says about which company is meant (see `TokenRarity`). */
export type TokenWeight = (token: string) => number;

/** Compared in full, whatever its words: a Chinese name or an acronym. */
const FLAG_ALWAYS = 1;
/** A fund or trust of a series ("Partners VI"): compared in full against another series. */
const FLAG_SERIES = 2;
/** The core is made of generic words (see `NameForm.weakCore`). */
const FLAG_WEAK = 4;

/** A word as a number: its first UTF-16 code in the high half, its length (capped) in the low half. */
function wordCode(word: string): number {
  return ((word.charCodeAt(0) << 16) | Math.min(word.length, 0xffff)) >>> 0;
}
/** A joined form as a number: its first and last UTF-16 codes (its length is kept beside it). */
function endsCode(word: string): number {
  return ((word.charCodeAt(0) << 16) | word.charCodeAt(word.length - 1)) >>> 0;
}

/**
 * The numbers laid out entry by entry: entry i's record starts at `recordAt[i]` — its flags, its
 * number of joined forms and of words, each joined form's ends code and length, then each word's
 * code and the number of its weight in `weightValues`. A search reads tens of candidates spread
 * over the whole index, each from one place in memory.
 */
export class ReachTable {
  constructor(
    readonly recordAt: Uint32Array,
    readonly records: Uint32Array,
    /** The words' weights, each distinct value once (there are few). */
    readonly weightValues: Float64Array,
  ) {}

  static fromForms(forms: readonly NameForm[], weight: TokenWeight): ReachTable {
    const n = forms.length;
    const weightNumbers = new Map<number, number>();
    const recordAt = new Uint32Array(n + 1);
    let size = 0;
    forms.forEach((f, i) => {
      recordAt[i] = size;
      size += 3 + 2 * f.compacts.length + 2 * f.core.length;
    });
    recordAt[n] = size;
    const records = new Uint32Array(size);
    forms.forEach((f, i) => {
      let at = recordAt[i] as number;
      records[at++] = (f.han || f.acronym ? FLAG_ALWAYS : 0) | (f.series ? FLAG_SERIES : 0) | (f.weakCore ? FLAG_WEAK : 0);
      records[at++] = f.compacts.length;
      records[at++] = f.core.length;
      for (const c of f.compacts) {
        records[at++] = endsCode(c);
        records[at++] = c.length;
      }
      for (const w of f.core) {
        const value = weight(w);
        let number = weightNumbers.get(value);
        if (number === undefined) weightNumbers.set(value, (number = weightNumbers.size));
        records[at++] = wordCode(w);
        records[at++] = number;
      }
    });
    return new ReachTable(recordAt, records, Float64Array.from(weightNumbers.keys()));
  }

  /** The arrays as one buffer (the weights first, where 8-byte alignment is kept) and the counts it needs read back besides the entries'. */
  toBuffer(): { weights: number; records: number; bytes: Buffer } {
    const parts = [this.weightValues, this.recordAt, this.records];
    return {
      weights: this.weightValues.length,
      records: this.records.length,
      bytes: Buffer.concat(parts.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))),
    };
  }

  /** Views over a buffer written by `toBuffer` (whose memory starts 8-byte aligned); undefined when its size does not fit the counts. */
  static fromBuffer(buffer: Buffer, counts: { entries: number; weights: number; records: number }): ReachTable | undefined {
    const { entries: n, weights, records } = counts;
    if (buffer.length !== weights * 8 + (n + 1) * 4 + records * 4 || buffer.byteOffset % 8 !== 0) return undefined;
    const at = buffer.byteOffset;
    const weightValues = new Float64Array(buffer.buffer, at, weights);
    const recordAt = new Uint32Array(buffer.buffer, at + weights * 8, n + 1);
    const table = new Uint32Array(buffer.buffer, at + weights * 8 + (n + 1) * 4, records);
    if (recordAt[n] !== records) return undefined;
    return new ReachTable(recordAt, table, weightValues);
  }
}

/**
 * For a query `a`: a test that is false for entry i of a table only when `compareNames(a, b,
 * weight).score` is certainly below `min`, found without comparing the words: a search skips most
 * of its candidates so, with the same results. Every feature of `compareNames` that could reach
 * `min` is allowed for: Chinese names, acronyms, series and a shared house name are compared in
 * full; joined forms only when one could be a typo of the other (same last letter, first letters
 * of one sound, lengths within two); and the words' score is bounded by the weights of the words
 * that could pair at all. What depends on the query alone is worked out once.
 */
export function reachTest(a: NameForm, weight: TokenWeight, min: number): (table: ReachTable, i: number) => boolean {
  const always = Boolean(a.han || a.acronym);
  const n = a.core.length;
  // Filled by plain loops: a typed array's \`from\` with a mapping function costs more than the test itself.
  const aWeights = new Float64Array(n);
  const aCodes = new Uint32Array(n);
  let aSum = 0;
  for (let k = 0; k < n; k++) {
    const word = a.core[k] as string;
    aWeights[k] = weight(word);
    aCodes[k] = wordCode(word);
    aSum += aWeights[k] as number;
  }
  const aEnds = new Uint32Array(a.compacts.length);
  const aLengths = new Uint32Array(a.compacts.length);
  for (let k = 0; k < a.compacts.length; k++) {
    aEnds[k] = endsCode(a.compacts[k] as string);
    aLengths[k] = (a.compacts[k] as string).length;
  }
  const aFirstWord = n > 0 ? (aCodes[0] as number) : -1;
  const paired = new Uint8Array(n);
  const series = Boolean(a.series);
  return (table, i) => {
    const { records, weightValues } = table;
    let at = table.recordAt[i] as number;
    const flags = records[at] as number;
    if (always || flags & FLAG_ALWAYS || (series && flags & FLAG_SERIES)) return true;
    const compacts = records[at + 1] as number;
    const words = records[at + 2] as number;
    at += 3;
    for (let j = 0; j < compacts; j++, at += 2) {
      const yEnds = records[at] as number;
      const yLength = records[at + 1] as number;
      for (let x = 0; x < aEnds.length; x++) {
        const xEnds = aEnds[x] as number;
        if ((xEnds & 0xffff) === (yEnds & 0xffff) && couldPair(xEnds >>> 16, aLengths[x] as number, yEnds >>> 16, yLength)) return true;
      }
    }
    // One pass over the candidate's words: which of the query's words pair with one of them, and
    // the weights of its own words that pair and of all of them.
    const from = at;
    for (let k = 0; k < n; k++) paired[k] = 0;
    let any = false;
    let bReachable = 0;
    let bSum = 0;
    for (let j = 0; j < words; j++, at += 2) {
      const y = records[at] as number;
      const first = y >>> 16;
      const length = y & 0xffff;
      let pairs = false;
      for (let k = 0; k < n; k++) {
        const x = aCodes[k] as number;
        if (couldPair(x >>> 16, x & 0xffff, first, length)) {
          paired[k] = 1;
          pairs = true;
        }
      }
      const w = weightValues[records[at + 1] as number] as number;
      bSum += w;
      if (pairs) {
        bReachable += w;
        any = true;
      }
    }
    if (any) {
      let reachable = 0;
      for (let k = 0; k < n; k++) if (paired[k] === 1) reachable += aWeights[k] as number;
      // A margin for the rounding of scores to three decimals and the order of the sums.
      if ((reachable + bReachable) / (aSum + bSum) >= min - 0.001) return true;
    }
    // A shared house name leads both: the same first word (as far as numbers tell), neither core generic.
    return words > 0 && records[from] === aFirstWord && !a.weakCore && !(flags & FLAG_WEAK);
  };
}

/**
 * Whether `tokenSimilarity(x, y)` can be above 0 (see there), from the words' first letters and
 * lengths (equal words agree on both).
 */
function couldPair(xFirst: number, xLength: number, yFirst: number, yLength: number): boolean {
  return Math.abs(xLength - yLength) <= 2 && (xFirst === yFirst || otherFirstSoundOf(xFirst, yFirst));
}

/** First letters that write one sound in two transliterations: x/ks, q/k, y/i, zh/j, kh/h (by their two codes: the scorer asks for each pair of words). */
const OTHER_FIRST_SOUND = new Uint8Array(128 * 128);
for (const [x, y] of ['xk', 'kx', 'qk', 'kq', 'xq', 'qx', 'yi', 'iy', 'zj', 'jz', 'kh', 'hk']) OTHER_FIRST_SOUND[(x as string).charCodeAt(0) * 128 + (y as string).charCodeAt(0)] = 1;

export function otherFirstSoundOf(x: number, y: number): boolean {
  return x < 128 && y < 128 && OTHER_FIRST_SOUND[x * 128 + y] === 1;
}
