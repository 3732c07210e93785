/**
 * The reach test: whether a candidate name could score at least a given minimum against a query,
 * decided from numbers alone. A search reaches tens of candidates per query and compares only the
 * few that pass, so what the test reads of each candidate is kept in a flat array, one record per
 * index entry (its words' first letters, lengths and weights): the candidate's entry is not
 * parsed, nor its strings read, unless it passes. An index writes these records into its cache file.
 */
import { soundKey } from './edits.js';
import { KINDS_OF_BODY } from './lexicon.js';
import { ALTERNATIVES, alternativesOf, writtenWords, type NameForm } from './normalise.js';

/** How much a word says about which company is meant (see `TokenRarity`). */
export type TokenWeight = (token: string) => number;

/** Compared in full, whatever its words: a Chinese name. */
const FLAG_ALWAYS = 1;
/** A fund or trust of a series ("Partners VI"): compared in full against another series. */
const FLAG_SERIES = 2;
/** The core is made of generic words (see `NameForm.weakCore`). */
const FLAG_WEAK = 4;
/** An acronym ("ZTE"): compared in full when the query's initials spell it (see `reachTest`'s `spelled`). */
const FLAG_ACRONYM = 8;
/** The name of a record imported from an official list (see `reachTest`'s `importedMin`). */
const FLAG_IMPORTED = 16;
/**
 * A name listing alternatives ("Al-Qa'ida/Islamic Army"), which the scorer also compares part by
 * part (see `alternativesOf`): the number of parts and each part's record follow its own.
 */
const FLAG_ALTERNATIVES = 32;

/**
 * What the scorer's rewrites (see `compareWhole`) may read of a name, as bits of one number: the
 * letters a–z (bits 0–25) and, from `KIND_BIT` on, the kinds of body of `KINDS_OF_BODY`.
 */
const KIND_BIT = 26;
const KINDS = [...new Set(KINDS_OF_BODY.values())];
/** A word's bits: its letters, and its kind of body if it names one; set when it is made of letters alone. */
const ONLY_LETTERS_BIT = 1 << 31;
/** Set when the name writes the word with a full stop ("Con."): it may stand for any longer word. */
const DOTTED_BIT = 1 << 30;
if (KINDS.length > 4) throw new Error('reach: more kinds of body than bits for them');

function letterBit(code: number): number {
  return code >= 97 && code <= 122 ? 1 << (code - 97) : 0;
}

function kindBits(word: string): number {
  const kind = KINDS_OF_BODY.get(word);
  return kind === undefined ? 0 : 1 << (KIND_BIT + KINDS.indexOf(kind));
}

/**
 * The word's letters and kind; `ONLY_LETTERS_BIT` when it is made of letters a–z alone (it may be an
 * abbreviation), `DOTTED_BIT` when the name as written (`lowered`: lower-cased once per name) writes it with a full stop.
 */
function wordBits(word: string, lowered: string): number {
  let bits = kindBits(word);
  let onlyLetters = word.length > 0;
  for (let i = 0; i < word.length; i++) {
    const bit = letterBit(word.charCodeAt(i));
    if (bit === 0) onlyLetters = false;
    bits |= bit;
  }
  if (onlyLetters && word.length <= 6 && lowered.includes(`${word}.`)) bits |= DOTTED_BIT;
  return (onlyLetters ? bits | ONLY_LETTERS_BIT : bits) >>> 0;
}

/**
 * What a rewrite of the other name may meet in this one: the first letters of all its words, as
 * normalised and as written (an abbreviation spells them), and the kinds of body it names.
 */
function nameBits(form: NameForm): { initials: number; kinds: number } {
  let initials = 0;
  let kinds = 0;
  for (const t of form.tokens) {
    initials |= letterBit(t.text.charCodeAt(0));
    kinds |= kindBits(t.text);
  }
  for (const w of writtenWords(form.raw)) initials |= letterBit(w.charCodeAt(0));
  return { initials: initials >>> 0, kinds: kinds >>> 0 };
}

/** Set in the code of a word outside the core that is (part of) a legal form: no word is cut short from it. */
const LEGAL_WORD = 0x8000;

/**
 * A name's words outside its core of four letters or more, as codes (`LEGAL_WORD` set for a legal
 * form's): a word of the other name's core may be respelt as one, or cut short from one.
 */
function otherWords(form: NameForm): number[] {
  const out: number[] = [];
  for (const t of form.tokens) if (t.cls !== 'core' && t.text.length >= 4) out.push((wordCode(t.text) | (t.cls === 'legal' ? LEGAL_WORD : 0)) >>> 0);
  return out;
}

/** Numbers before an entry's joined forms, per joined form, and per word. */
const HEAD = 6;
const COMPACT = 4;
const WORD = 4;

/** A word as a number: its first UTF-16 code in the high half, its length (capped) in the low half. */
function wordCode(word: string): number {
  return ((word.charCodeAt(0) << 16) | Math.min(word.length, 0x7fff)) >>> 0;
}
/** The letters a–z a word is made of, as bits 0–25 (other characters have none). */
function letterSet(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= letterBit(word.charCodeAt(i));
  return bits >>> 0;
}

/** The letters of a word and of its sound key (see `soundKey`), as `letterSet`s: what `mayBeTypo` compares. */
function spellingSets(word: string): [number, number] {
  return [letterSet(word), letterSet(soundKey(word))];
}

/** Letters the endings that make another form of one word are made of ("-ical", "-ing", "-eries" …, see `tokenSimilarity`). */
const ENDING_LETTERS = letterSet('icalngsedruy');

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Whether `tokenSimilarity` can be above 0 for two different words, from the letters they and
 * their sound keys are made of and the shorter one's length: every pair it forgives is one edit
 * apart (which adds or takes away at most two letters from the set), two edits apart only from nine
 * letters on (at most four), two slips apart in their sound keys (substitutions there never count),
 * spelled alike by ear (the same sound key), or one base with another ending (the sets differ in the
 * endings' letters alone). "Keystone" and "Karasani" share first letter and length, nothing more.
 */
function mayBeTypo(xLetters: number, xSound: number, yLetters: number, ySound: number, shorter: number): boolean {
  const letters = (xLetters ^ yLetters) >>> 0;
  const apart = bitCount(letters);
  return apart <= 2 || (apart <= 4 && shorter >= 9) || bitCount((xSound ^ ySound) >>> 0) <= 2 || (letters & ~ENDING_LETTERS) === 0;
}

/**
 * Whether `compactSimilarity` can be above 0 for two different joined forms: it takes, of what
 * `tokenSimilarity` forgives, a dropped, added or swapped letter (the letters' sets differ by one at
 * most) or a spelling by ear (the sound keys' sets differ by one at most: equal keys, or one slip
 * between keys of twelve letters or more), never a replaced letter nor two edits.
 */
function mayBeCompactTypo(xLetters: number, xSound: number, yLetters: number, ySound: number): boolean {
  return bitCount((xLetters ^ yLetters) >>> 0) <= 1 || bitCount((xSound ^ ySound) >>> 0) <= 1;
}

/** A joined form as a number: its first and last UTF-16 codes (its length is kept beside it). */
function endsCode(word: string): number {
  return ((word.charCodeAt(0) << 16) | word.charCodeAt(word.length - 1)) >>> 0;
}

/**
 * The numbers laid out entry by entry: entry i's record starts at `recordAt[i]` — its flags, its
 * number of joined forms, of words and of `otherWords`, its `nameBits` (initials, kinds), each
 * joined form's ends code, length and `spellingSets`, its other words' codes, then each word's code,
 * the number of its weight in `weightValues`, its `wordBits` and its sound key's letters (and, for a
 * name listing alternatives, the number of its parts and their records). A search reads hundreds of
 * candidates spread over the whole index, each from one place in memory.
 */
export class ReachTable {
  constructor(
    readonly recordAt: Uint32Array,
    readonly records: Uint32Array,
    /** The words' weights, each distinct value once (there are few). */
    readonly weightValues: Float64Array,
  ) {}

  /** `imported[i]`: entry i names a record imported from an official list (see `reachTest`). */
  static fromForms(forms: readonly NameForm[], weight: TokenWeight, imported: readonly boolean[] = []): ReachTable {
    const n = forms.length;
    const weightNumbers = new Map<number, number>();
    const recordAt = new Uint32Array(n + 1);
    const size = (f: NameForm) => HEAD + COMPACT * f.compacts.length + otherWords(f).length + WORD * f.core.length;
    const parts = forms.map((f) => (!f.han && f.raw.includes('/') ? alternativesOf(f.raw) : []));
    let total = 0;
    forms.forEach((f, i) => {
      recordAt[i] = total;
      total += size(f);
      const ofName = parts[i] as NameForm[];
      if (ofName.length > 0) total += 1 + ofName.reduce((sum, p) => sum + size(p), 0);
    });
    recordAt[n] = total;
    const records = new Uint32Array(total);
    const write = (f: NameForm, at: number, flags: number): number => {
      records[at++] = (f.han ? FLAG_ALWAYS : 0) | (f.acronym ? FLAG_ACRONYM : 0) | (f.series ? FLAG_SERIES : 0) | (f.weakCore ? FLAG_WEAK : 0) | flags;
      records[at++] = f.compacts.length;
      records[at++] = f.core.length;
      const others = otherWords(f);
      records[at++] = others.length;
      const bits = nameBits(f);
      records[at++] = bits.initials;
      records[at++] = bits.kinds;
      for (const c of f.compacts) {
        const [letters, sound] = spellingSets(c);
        records[at++] = endsCode(c);
        records[at++] = c.length;
        records[at++] = letters;
        records[at++] = sound;
      }
      for (const o of others) records[at++] = o;
      const lowered = f.raw.toLowerCase();
      for (const w of f.core) {
        const value = weight(w);
        let number = weightNumbers.get(value);
        if (number === undefined) weightNumbers.set(value, (number = weightNumbers.size));
        records[at++] = wordCode(w);
        records[at++] = number;
        records[at++] = wordBits(w, lowered);
        records[at++] = spellingSets(w)[1];
      }
      return at;
    };
    forms.forEach((f, i) => {
      const ofName = parts[i] as NameForm[];
      const flags = (imported[i] ? FLAG_IMPORTED : 0) | (ofName.length > 0 ? FLAG_ALTERNATIVES : 0);
      let at = write(f, recordAt[i] as number, flags);
      if (ofName.length === 0) return;
      records[at++] = ofName.length;
      for (const p of ofName) at = write(p, at, flags & FLAG_IMPORTED);
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

  /** Whether entry i names a record imported from an official list. */
  imported(i: number): boolean {
    return ((this.records[this.recordAt[i] as number] as number) & FLAG_IMPORTED) !== 0;
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
 * full; a name listing alternatives is tested whole and part by part; joined forms only when one could be a typo of the other (same
 * last letter, first letters of one sound, lengths within two, letters close enough: `mayBeCompactTypo`);
 * and the words' score is bounded by the weights of the words that could pair at all (as joined
 * forms do, or word for word) — or that one of the scorer's rewrites could
 * write as the other name has them (see `compareWhole`): an abbreviation whose letters begin words
 * of the other name ("IC" / "Insurance Company", with those words), a short word that begins a
 * longer one ("Eng." / "Engineering"), a word one slip from a place or generic word of the other
 * ("Suth" / "South"), a kind of body the other names by another word ("Aircompany" /
 * "Aviakompaniya"). What depends on the query alone is worked out once.
 *
 * An acronym on either side ("ZTE") scores beyond its words only as the initials of the other name
 * (see `compareForms`): `spelled(i)` says whether entry i's acronym is one of the query's initials
 * or the query's acronym one of entry i's (the index knows from its acronym keys); without it,
 * every acronym is compared in full.
 *
 * `importedMin` (at least `min`) is the lowest score asked of entries imported from an official list:
 * a caller that has no use for a list's party below its threshold does not have every party that
 * merely shares the query's first word compared (the house-name score, see `compareForms`).
 */
export function reachTest(a: NameForm, weight: TokenWeight, min: number, spelled?: (i: number) => boolean, importedMin = min): (table: ReachTable, i: number) => boolean {
  const always = Boolean(a.han || ALTERNATIVES.test(a.raw));
  const acronym = a.acronym !== undefined;
  const n = a.core.length;
  // Filled by plain loops: a typed array's \`from\` with a mapping function costs more than the test itself.
  const aWeights = new Float64Array(n);
  const aCodes = new Uint32Array(n);
  const aBits = new Uint32Array(n);
  const aSounds = new Uint32Array(n);
  /** Per query word, the rewrites it may take part in (`ABBREVIATION`, `TRUNCATION`). */
  const aRewrites = new Uint8Array(n);
  let named = 0;
  for (const t of a.tokens) if (t.cls !== 'legal') named++;
  let aSum = 0;
  const lowered = a.raw.toLowerCase();
  for (let k = 0; k < n; k++) {
    const word = a.core[k] as string;
    aWeights[k] = weight(word);
    aCodes[k] = wordCode(word);
    aBits[k] = wordBits(word, lowered);
    aSounds[k] = spellingSets(word)[1];
    const onlyLetters = ((aBits[k] as number) & ONLY_LETTERS_BIT) !== 0;
    let rewrites = 0;
    if (onlyLetters && named >= 2 && word.length >= 2 && word.length <= 6) rewrites |= ABBREVIATION;
    if (onlyLetters && word.length >= 3 && word.length <= 6) rewrites |= TRUNCATION;
    aRewrites[k] = rewrites;
    aSum += aWeights[k] as number;
  }
  const aEnds = new Uint32Array(a.compacts.length);
  const aLengths = new Uint32Array(a.compacts.length);
  const aCompactLetters = new Uint32Array(a.compacts.length);
  const aCompactSounds = new Uint32Array(a.compacts.length);
  for (let k = 0; k < a.compacts.length; k++) {
    const compact = a.compacts[k] as string;
    aEnds[k] = endsCode(compact);
    aLengths[k] = compact.length;
    [aCompactLetters[k], aCompactSounds[k]] = spellingSets(compact);
  }
  const aName = nameBits(a);
  // The query's words outside its core: a candidate's word may be respelt as one, or cut short from
  // one (not a legal form) three letters longer, or from any word when it is written with a full stop.
  const aOthers = otherWords(a);
  const aLonger: number[] = [];
  for (const t of a.tokens) if (t.cls !== 'legal') aLonger.push(wordCode(t.text));
  const aRespelt = a.core.length >= 2;
  const aFirstWord = n > 0 ? (aCodes[0] as number) : -1;
  const aFirstLetters = n > 0 ? (aBits[0] as number) & LETTERS : -1;
  const paired = new Uint8Array(n);
  const series = Boolean(a.series);
  return (table, i) => {
    const { records, weightValues } = table;
    let at = table.recordAt[i] as number;
    const entryFlags = records[at] as number;
    if (always || entryFlags & FLAG_ALWAYS || (series && entryFlags & FLAG_SERIES)) return true;
    if ((acronym || entryFlags & FLAG_ACRONYM) && (spelled === undefined || spelled(i))) return true;
    const floor = entryFlags & FLAG_IMPORTED ? importedMin : min;
    // The entry's record, then those of its parts (see `ReachTable`), each a name of its own; the
    // index has no keys of a part's initials, so an acronym on either side is compared in full.
    for (let part = 0, parts = 0; ; part++) {
      const flags = records[at] as number;
      if (part > 0 && (acronym || flags & (FLAG_ALWAYS | FLAG_ACRONYM) || (series && flags & FLAG_SERIES))) return true;
      const compacts = records[at + 1] as number;
      const words = records[at + 2] as number;
      const others = records[at + 3] as number;
      const bInitials = records[at + 4] as number;
      const bKinds = records[at + 5] as number;
      at += HEAD;
      for (let j = 0; j < compacts; j++, at += COMPACT) {
        const yEnds = records[at] as number;
        const yLength = records[at + 1] as number;
        for (let x = 0; x < aEnds.length; x++) {
          const xEnds = aEnds[x] as number;
          if (
            (xEnds & 0xffff) === (yEnds & 0xffff) &&
            couldPair(xEnds >>> 16, aLengths[x] as number, yEnds >>> 16, yLength) &&
            mayBeCompactTypo(aCompactLetters[x] as number, aCompactSounds[x] as number, records[at + 2] as number, records[at + 3] as number)
          )
            return true;
        }
      }
      const othersAt = at;
      at += others;
      // The query's words a rewrite may write as the candidate has them, and the letters and kinds of
      // the candidate's words they may then pair with.
      let any = false;
      let partnerLetters = 0;
      let partnerKinds = 0;
      /** The letters of the query's words that may abbreviate the candidate's (not those cut short). */
      let abbreviated = 0;
      for (let k = 0; k < n; k++) {
        paired[k] = 0;
        const rewrites = aRewrites[k] as number;
        const bits = aBits[k] as number;
        const letters = bits & LETTERS;
        if (rewrites & ABBREVIATION && (letters & bInitials) === letters) {
          paired[k] = 1;
          partnerLetters |= letters;
          abbreviated |= letters;
        }
        const code = aCodes[k] as number;
        const dotted = (bits & DOTTED_BIT) !== 0;
        for (let o = othersAt; o < othersAt + others && paired[k] === 0; o++) {
          const other = records[o] as number;
          const length = other & 0x7fff;
          // Respelt as the candidate's word (one slip), or cut short from it (not from a legal form).
          if (aRespelt && couldPair(code >>> 16, code & 0xffff, other >>> 16, length)) paired[k] = 1;
          else if (rewrites & TRUNCATION && !(other & LEGAL_WORD) && other >>> 16 === code >>> 16 && length >= (code & 0xffff) + 3) paired[k] = 1;
        }
        // Written with a full stop, it may stand for any longer word of the candidate's.
        if (rewrites & TRUNCATION && dotted) partnerLetters |= letterBit(code >>> 16) & bInitials;
        if (bits & bKinds & KINDS_MASK) {
          paired[k] = 1;
          partnerKinds |= bits & KINDS_MASK;
        }
        if (paired[k] === 1) any = true;
      }
      // One pass over the candidate's words: which of the query's words pair with one of them, and
      // the weights of its own words that pair (or may be rewritten) and of all of them.
      const from = at;
      let bReachable = 0;
      let bSum = 0;
      // An abbreviation written out adds the words it stands for to its name, paired with the other's:
      // their weights count on both sides of the fraction (which only raises it).
      let writtenOut = 0;
      let abbreviation = abbreviated !== 0;
      for (let j = 0; j < words; j++, at += WORD) {
        const y = records[at] as number;
        const yBits = records[at + 2] as number;
        const ySound = records[at + 3] as number;
        const first = y >>> 16;
        const length = y & 0xffff;
        // A number the candidate writes in words ("Number One") has its figure for a word: an abbreviation may spell it.
        const figure = first >= 48 && first <= 57;
        let pairs = (letterBit(first) & partnerLetters) !== 0 || (yBits & partnerKinds) !== 0 || (figure && abbreviated !== 0);
        for (let k = 0; k < n; k++) {
          const x = aCodes[k] as number;
          if (couldPair(x >>> 16, x & 0xffff, first, length) && mayBeTypo((aBits[k] as number) & LETTERS, aSounds[k] as number, yBits & LETTERS, ySound, Math.min(x & 0xffff, length))) {
            paired[k] = 1;
            pairs = true;
          }
        }
        // The candidate's word rewritten as the query has it: an abbreviation of the query's words,
        // a word cut short from one of them, a word respelt as a place or generic word of the query's,
        // a kind of body the query names by another word; the query's words it becomes pair with it.
        const letters = yBits & LETTERS;
        if (yBits & ONLY_LETTERS_BIT && length >= 2 && length <= 6 && (letters & aName.initials) === letters) {
          pairs = true;
          abbreviation = true;
          for (let k = 0; k < n; k++) {
            const aFirst = (aCodes[k] as number) >>> 16;
            if (letterBit(aFirst) & letters || (aFirst >= 48 && aFirst <= 57)) {
              paired[k] = 1;
              writtenOut += aWeights[k] as number;
            }
          }
        }
        if (yBits & ONLY_LETTERS_BIT && length >= 3 && length <= 6) {
          const dotted = (yBits & DOTTED_BIT) !== 0;
          for (const x of dotted ? aLonger : aOthers) {
            if (x >>> 16 !== first || (x & 0x7fff) < length + 3 || (!dotted && x & LEGAL_WORD)) continue;
            pairs = true;
            if (dotted) for (let k = 0; k < n; k++) if ((aCodes[k] as number) >>> 16 === first && ((aCodes[k] as number) & 0xffff) >= length + 3) paired[k] = 1;
            break;
          }
        }
        if (words >= 2) for (const x of aOthers) if (couldPair(x >>> 16, x & 0x7fff, first, length)) pairs = true;
        if (yBits & aName.kinds & KINDS_MASK) {
          pairs = true;
          for (let k = 0; k < n; k++) {
            if ((aBits[k] as number) & yBits & KINDS_MASK) {
              paired[k] = 1;
              // Rewritten, the candidate's word weighs as the query's.
              writtenOut += aWeights[k] as number;
            }
          }
        }
        const w = weightValues[records[at + 1] as number] as number;
        // The query's word rewritten as this one weighs as this one.
        if (yBits & partnerKinds) writtenOut += w;
        bSum += w;
        if (pairs) {
          bReachable += w;
          any = true;
        }
        if (letterBit(first) & abbreviated || (figure && abbreviated !== 0)) writtenOut += w;
      }
      if (any) {
        let reachable = 0;
        for (let k = 0; k < n; k++) if (paired[k] === 1) reachable += aWeights[k] as number;
        // A margin for the rounding of scores to three decimals and the order of the sums.
        if ((reachable + bReachable + writtenOut) / (aSum + bSum + writtenOut) >= floor - 0.001) return true;
      }
      // A shared house name leads both: the same first word (as far as numbers tell), neither core
      // generic — or may, once an abbreviation is written out ("MKB Iskra" / "Mashinostroitelnoe
      // Konstruktorskoe Byuro Iskra").
      const sameFirstWord = records[from] === aFirstWord && ((records[from + 2] as number) & LETTERS) === aFirstLetters;
      if (words > 0 && floor <= HOUSE_SCORE && ((sameFirstWord && !a.weakCore && !(flags & FLAG_WEAK)) || abbreviation)) return true;
      // Past the record's words: the number of its parts and their records follow.
      if (part === 0) {
        if (!(entryFlags & FLAG_ALTERNATIVES)) return false;
        parts = records[at++] as number;
      }
      if (part === parts) return false;
    }
  };
}

const LETTERS = (1 << KIND_BIT) - 1;
/** The score of two names of one house (`HOUSE_NAME_MIN` in compare.ts, which imports this file), with the margin for rounding. */
const HOUSE_SCORE = 0.701;
const KINDS_MASK = ~LETTERS & ~ONLY_LETTERS_BIT & ~DOTTED_BIT;
/** Rewrites a query word may take part in (see `reachTest`). */
const ABBREVIATION = 1;
const TRUNCATION = 2;


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
