/**
 * Explainable comparison of two normalised names. The score is the strength of the best feature
 * linking the two distinctive cores, capped when the names carry signs of being different companies
 * of one group (different business qualifiers, a national subsidiary's region).
 */
import type { Feature } from '../../model/evidence.js';
import { distance as editDistance } from 'fastest-levenshtein';
import { singleEdit, slipDistance, soundKey } from './edits.js';
import { BUSINESS_LINES, CITIES, KINDS_OF_BODY, LEADING_COUNTRIES, LEGAL_FORMS, LEGAL_TRADITIONS, ORGANISATION_KINDS } from './lexicon.js';
import { alternativesOf, normaliseName, writtenWords, type NameForm } from './normalise.js';
import { otherFirstSoundOf, type TokenWeight } from './reach.js';

export type { Feature, TokenWeight };

export interface NameComparison {
  score: number;
  /** The cores agree but the qualifiers say "another company of the same group". */
  sameCoreDifferentEntity: boolean;
  features: Feature[];
}

/** Score at or above which two names are taken to denote the same entity. */
export const SAME_THRESHOLD = 0.85;
/** Cap for names whose cores agree but whose qualifiers or regions differ. */
const QUALIFIED_CAP = 0.72;
/** The lowest score of two names of one house ("Samsung SDI" / "Samsung Electronics"). */
export const HOUSE_NAME_MIN = QUALIFIED_CAP - 0.02;
/** Two funds or trusts of one series: just above the threshold for "same". */
const SERIES_SCORE = 0.86;
/** Cap for names without a distinctive word that differ in any word. */
const WEAK_CAP = 0.5;

/** The words of a name made only of generic words, in their order: "Mobile China" is not "China Mobile". */
function meaningfulWords(form: NameForm): string {
  let out = '';
  for (const t of form.tokens) if (t.cls !== 'legal') out = out ? `${out} ${t.text}` : t.text;
  return out;
}

/**
 * Typos are forgiven in proportion to length, and by kind. A different first letter is a different
 * name (Cisco/Sysco, TP-Link/D-Link), and a number must agree exactly. One letter replaced is how
 * lookalike companies differ (Huawei/Huawen, Quectel/Questel), so a replaced consonant counts only in
 * long words, or beside another word that agrees exactly ("Exxor Mobil"); a vowel replaced by another
 * vowel is a misspelling or another transliteration (Tayota, Samsong, Macrosoft). A swapped pair or
 * a dropped letter is a typo from four and five letters on; long words forgive two slips (Trafalgura).
 */
export function tokenSimilarity(a: string, b: string, besideExactWord = false): number {
  if (a === b) return 1;
  // Every rule below forgives at most two letters.
  if (Math.abs(a.length - b.length) > 2) return 0;
  if (hasDigit(a) || hasDigit(b)) return 0;
  const length = Math.min(a.length, b.length);
  if (a[0] !== b[0]) {
    // Another transliteration of the first sound (Xiong/Ksiong, Qeshm/Keshm, Yamaguchi/Iamaguchi) —
    // but a soft c against an s is another name (Cisco/Sysco, Cencora/Sencora).
    return length >= 4 && otherFirstSound(a, b) && soundKey(a) === soundKey(b) ? 0.9 : 0;
  }
  // Spelled as heard: "Bytedanse", "iFlytec", "Qihu" — but Quectel (hard c) is not Questel.
  if (length >= 4 && soundKey(a) === soundKey(b)) return 0.92;
  if (length >= 12) {
    const ka = soundKey(a);
    const kb = soundKey(b);
    // The distance is at least the difference in length: past two, no table is needed.
    const d = Math.abs(ka.length - kb.length) > 2 ? 3 : slipDistance(ka, kb);
    // Slips that keep the length (d beyond the difference in length) are a swap at most: a letter
    // dropped here and another added there is a replaced letter.
    if (d <= 2 && d - Math.abs(ka.length - kb.length) <= 1) return 1 - 0.06 * d;
  }
  if (sameBase(a, b) || trade(a, b)) return 0.9;
  const edit = singleEdit(a, b);
  if (edit === 'transpose' && length >= 5) return 0.94;
  if (edit === 'insert-delete' && length >= 5) return 0.94;
  if (edit === 'substitute') {
    let i = 0;
    while (a[i] === b[i]) i++;
    if (length >= 4 && VOWEL.test(a[i] as string) && VOWEL.test(b[i] as string)) return 0.9;
    if (length >= 8 || (besideExactWord && length >= 5)) return 0.88;
    return 0;
  }
  // Two edits, one of them a replaced letter, in a long word (Trafalgura/Trafigura, Stellaris/Stellantis).
  if (edit === 'more' && length >= 9 && a[a.length - 1] === b[b.length - 1] && editDistance(a, b) <= 2) return 0.86;
  return 0;
}

/** Whether a word has a digit 0–9 (a plain loop: it runs for every pair of words). */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/**
 * Endings that make another form of one word ("Agricultural" / "Agriculture", "Supercomputing" /
 * "Supercomputer"). A stemmer would also join words of other meanings ("Universal" / "University",
 * "Community" / "Communication"); these endings, on a base of six letters or more, do not.
 */
const WORD_FORM_ENDINGS = ['ical', 'ing', 'ics', 'al', 'er', 'ed', 'ic', 'ue', 'e'];
const MIN_BASE = 6;

function bases(word: string): string[] {
  const out = [word];
  for (const end of WORD_FORM_ENDINGS) if (word.endsWith(end) && word.length - end.length >= MIN_BASE) out.push(word.slice(0, -end.length));
  return out;
}

/** Two forms of one word: one base, of six letters or more, with an ending of WORD_FORM_ENDINGS on either. */
function sameBase(a: string, b: string): boolean {
  if (a.length < MIN_BASE || b.length < MIN_BASE) return false;
  // Most pairs part within the base's first letters: no bases are made for them.
  for (let i = 0; i < MIN_BASE; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  const ofB = bases(b);
  return bases(a).some((x) => x.length >= MIN_BASE && ofB.includes(x));
}
/**
 * A trade's place and its work: "-ery" against "-ing" on one base of four letters or more
 * ("Refinery" / "Refining", "Fishery" / "Fishing", "Brewery" / "Brewing"), plural "-eries" too.
 */
function trade(a: string, b: string): boolean {
  // Most pairs end in no "g" on either side: nothing to allocate or compare for them.
  const aIng = a.charCodeAt(a.length - 1) === 103;
  if (!aIng && b.charCodeAt(b.length - 1) !== 103) return false;
  const x = aIng ? b : a;
  const y = aIng ? a : b;
  if (!y.endsWith('ing')) return false;
  const base = x.endsWith('ery') ? x.length - 3 : x.endsWith('eries') ? x.length - 5 : -1;
  // "Battery" / "Batting", "Pottery" / "Potting": a short base ending in a doubled consonant is no trade.
  if (base < 4 || base !== y.length - 3 || (base < 6 && x.charCodeAt(base - 1) === x.charCodeAt(base - 2))) return false;
  return x.startsWith(y.slice(0, base));
}
/** Whether the words' first letters write one sound. */
function otherFirstSound(a: string, b: string): boolean {
  return otherFirstSoundOf(a.charCodeAt(0), b.charCodeAt(0));
}
const VOWEL = /[aeiouy]/;

const UNIFORM: TokenWeight = () => 1;

/** `coreDice`'s working tables, kept between calls and grown as needed. */
let diceUsedB = new Uint8Array(16);
let dicePartner = new Int32Array(16);
let diceSims = new Float64Array(16);

/**
 * One-to-one alignment of core tokens — exact words first, then typos — as a Dice coefficient
 * weighted by each word's rarity, so a common word shared by two names carries little.
 */
function coreDice(a: string[], b: string[], weight: TokenWeight): { score: number; pairs: string[] } {
  if (a.length === 0 || b.length === 0) return { score: 0, pairs: [] };
  if (a.length === 1 && b.length === 1) {
    // One word each (the commonest case): no alignment to make.
    const [ta, tb] = [a[0] as string, b[0] as string];
    const sim = tokenSimilarity(ta, tb);
    return sim === 0 ? { score: 0, pairs: [] } : { score: sim, pairs: [sim === 1 ? ta : `${ta}~${tb}`] };
  }
  // Plain loops, no closures, tables kept between calls: this runs for every candidate.
  if (dicePartner.length < a.length) [dicePartner, diceSims] = [new Int32Array(a.length * 2), new Float64Array(a.length * 2)];
  if (diceUsedB.length < b.length) diceUsedB = new Uint8Array(b.length * 2);
  const usedB = diceUsedB.fill(0, 0, b.length);
  const partner = dicePartner.fill(-1, 0, a.length);
  const sims = diceSims.fill(0, 0, a.length);
  let exactWords = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      if (!usedB[j] && b[j] === a[i]) {
        usedB[j] = 1;
        partner[i] = j;
        sims[i] = 1;
        exactWords++;
        break;
      }
    }
  }
  for (let i = 0; i < a.length; i++) {
    if (partner[i] !== -1) continue;
    let best = 0;
    let bestJ = -1;
    for (let j = 0; j < b.length; j++) {
      if (usedB[j]) continue;
      const s = tokenSimilarity(a[i] as string, b[j] as string, exactWords > 0);
      if (s > best) {
        best = s;
        bestJ = j;
      }
    }
    if (bestJ >= 0) {
      usedB[bestJ] = 1;
      partner[i] = bestJ;
      sims[i] = best;
    }
  }
  let total = 0;
  let sum = 0;
  const pairs: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const ta = a[i] as string;
    const wa = weight(ta);
    sum += wa;
    const j = partner[i] as number;
    if (j === -1) continue;
    const tb = b[j] as string;
    const sim = sims[i] as number;
    total += sim * (wa + weight(tb));
    pairs.push(sim === 1 ? ta : `${ta}~${tb}`);
  }
  for (const tb of b) sum += weight(tb);
  return { score: total / sum, pairs };
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

function bigramDice(a: string, b: string): number {
  const ba = bigrams(a);
  const bb = bigrams(b);
  if (ba.length === 0 || bb.length === 0) return 0;
  const pool = [...bb];
  let hits = 0;
  for (const g of ba) {
    const i = pool.indexOf(g);
    if (i >= 0) {
      hits++;
      pool.splice(i, 1);
    }
  }
  return (2 * hits) / (ba.length + bb.length);
}

/**
 * Compact forms meet exactly, or with a typo inside: a different first or last letter is a word
 * added or dropped ("T Mobile" / "Mobile", "Solutions II" / "Solutions"), not a typo.
 */
function compactSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a[a.length - 1] !== b[b.length - 1]) return 0;
  // Joined words forgive a dropped, added or swapped letter, or a spelling by ear — not a replaced
  // letter: "BWI Industries" is not "BAE Industries".
  const s = tokenSimilarity(a, b);
  return s > 0 && singleEdit(a, b) !== 'substitute' && (s >= 0.92 || singleEdit(a, b) !== 'more') ? s : 0;
}

/** One name's core is the other's with words added ("Bowne Global Solutions II"): not a typo of it. */
function addsWholeWords(a: string[], b: string[]): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length < long.length && short.every((t) => long.includes(t));
}

function bestCompact(xs: string[], ys: string[]): { score: number; a: string; b: string } {
  let best = { score: 0, a: '', b: '' };
  for (const x of xs) for (const y of ys) {
    const s = compactSimilarity(x, y);
    if (s > best.score) best = { score: s, a: x, b: y };
  }
  return best;
}

/**
 * Names of generic words alone ("Aerospace Communications Holdings Group") meet only word for word,
 * in order; "group" or "holding" added at the end says how the company is organised, which the
 * structure check weighs ("Group W" is another name than "W Group").
 */
function sameWithoutStructure(a: string[], b: string[]): boolean {
  return withoutTrailingStructure(a) === withoutTrailingStructure(b);
}

function withoutTrailingStructure(words: string[]): string {
  let end = words.length;
  while (end > 1 && (words[end - 1] === 'group' || words[end - 1] === 'holding')) end--;
  return words.slice(0, end).join(' ');
}

function qualifierSet(form: NameForm): Set<string> {
  const bank = compoundFinancialWord(form) === 'bank';
  return new Set([...form.qualifiers, ...(form.han?.qualifiers ?? [])].filter((q) => q !== 'group' && q !== 'holding' && !(bank && BANK_KIND.has(q))));
}

/**
 * Words that say a body is a bank: beside a name that is a bank's in one word ("Joint Stock
 * Commercial Bank Sarovbusinessbank", "AKB Mosoblbank") they repeat it.
 */
const BANK_KIND = new Set(['bank', 'commercial']);

/**
 * One name has business words, the other none; a kind of organisation ("NPP Okeanos AO" / "Okeanos
 * AO") says what kind of body the name is, as a legal form does, not what it trades in.
 */
function addsBusinessWord(a: Set<string>, b: Set<string>): boolean {
  const onlyOneHas = (x: number, y: number) => x !== y && (x === 0 || y === 0);
  if (!onlyOneHas(a.size, b.size)) return false;
  let aWords = 0;
  let bWords = 0;
  for (const q of a) if (!ORGANISATION_KINDS.has(q)) aWords++;
  for (const q of b) if (!ORGANISATION_KINDS.has(q)) bWords++;
  return onlyOneHas(aWords, bWords);
}

/** Each name has a business word the other lacks ("Enterprise Solutions" / "Technology Enterprise"). */
function eachHasItsOwn(a: Set<string>, b: Set<string>): boolean {
  let aOwn = false;
  let bOwn = false;
  for (const x of a) if (!b.has(x)) aOwn = true;
  for (const x of b) if (!a.has(x)) bOwn = true;
  return aOwn && bOwn;
}

/** A registered name: it ends in a legal form (a Chinese one with 公司; "大华股份" is a stock's short name). */
export function hasLegalForm(form: NameForm): boolean {
  return (form.han?.legal ?? '').includes('公司') || form.tokens.some((t) => t.cls === 'legal' && !ARTICLES.has(t.text));
}

function sameWords(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}

/** Regions of x that y does not write as a place. */
function regionsNotPlacedBy(x: NameForm, y: NameForm): Set<string> {
  const out = new Set(x.regions);
  if (y.places.length === 0) return out;
  for (const r of x.regions) {
    const place = REGION_AS_PLACE.get(r) ?? r;
    for (let i = 0; i < y.places.length; i++) {
      if (y.places[i] === place || `${y.places[i]}${y.places[i + 1] ?? ''}` === place) out.delete(r);
    }
  }
  return out;
}
const REGION_AS_PLACE: ReadonlyMap<string, string> = new Map([['hk', 'hongkong']]);

/** Words the lexicon files with legal forms that are no legal form ("The", "and", "of", Spanish "Los", "Las"). */
const ARTICLES = new Set(['the', 'and', 'of', 'a', 'an', 'de', 'los', 'las']);

/** The strongest feature so far, and whether it matched the whole name, qualifiers included ("HIK VISION"). */
interface Best {
  features: Feature[];
  core: number;
  wholeName: boolean;
}

function considerFeature(best: Best, f: Feature, matchedWholeName = false): void {
  if (f.score > 0) best.features.push(f);
  if (f.score > best.core) {
    best.core = f.score;
    best.wholeName = matchedWholeName;
  }
}

export function compareNames(a: NameForm, b: NameForm, weight: TokenWeight = UNIFORM): NameComparison {
  const whole = compareWhole(a, b, weight);
  // Most names have no slash: nothing more to try.
  if (whole.score >= SAME_THRESHOLD || (!a.raw.includes('/') && !b.raw.includes('/'))) return whole;
  let best = whole;
  for (let side = 0; side < 2; side++) {
    const x = side === 0 ? a : b;
    const y = side === 0 ? b : a;
    for (const part of alternativesOf(x.raw)) {
      const c = side === 0 ? compareWhole(part, y, weight) : compareWhole(y, part, weight);
      if (c.score > best.score) best = { ...c, features: [{ feature: 'alternative', score: c.score, detail: part.raw }, ...c.features] };
    }
  }
  return best;
}

function compareWhole(a: NameForm, b: NameForm, weight: TokenWeight): NameComparison {
  const first = compareForms(a, b, weight);
  if (first.score >= SAME_THRESHOLD || a.weakCore || b.weakCore || a.han || b.han) return first;
  // A name that falls short is read again with some of its words written as the other name has them;
  // the explanation leads with what was rewritten.
  for (const { feature, cap, rewrite, fromNothing } of REWRITES) {
    if (first.score === 0 && !fromNothing) continue;
    for (let side = 0; side < 2; side++) {
      const x = side === 0 ? a : b;
      const y = side === 0 ? b : a;
      const rewritten = rewrite(x, y);
      if (!rewritten) continue;
      const again = side === 0 ? compareForms(rewritten.form, y, weight) : compareForms(y, rewritten.form, weight);
      if (again.score <= first.score) continue;
      const score = Math.min(again.score, cap);
      return { ...again, score, features: [{ feature, score, detail: rewritten.detail }, ...again.features] };
    }
  }
  return first;
}

interface Rewrite {
  form: NameForm;
  detail: string;
}

/**
 * `fromNothing`: tried also when the names share nothing as they stand — an abbreviation may be the
 * only distinctive word of its name ("AGD Bank" / "Asia Green Development Bank").
 */
const REWRITES: readonly { feature: string; cap: number; fromNothing: boolean; rewrite: (x: NameForm, y: NameForm) => Rewrite | undefined }[] = [
  // A place or generic word misspelt ("Suth Kaveh Steel", "Palm Grove Afica") reads as a distinctive
  // word of its own; a respelt word is a typo forgiven, as strong as a dropped letter.
  { feature: 'respelt', cap: 0.94, fromNothing: false, rewrite: respelt },
  // An abbreviation standing for some of the other name's words ("JSC 558 ARP" / "JSC 558 Aircraft
  // Repair Plant", "IRGC Missile Command"), as strong as a whole name's acronym.
  { feature: 'abbreviation', cap: 0.9, fromNothing: true, rewrite: abbreviationsWrittenOut },
  // A word cut short ("Hesco Eng. & Con. Co", "Acme Mach. Works"), as strong as an abbreviation.
  { feature: 'truncated', cap: 0.9, fromNothing: false, rewrite: truncatedWordsWrittenOut },
  // One kind of body named by two words ("Shipbuilding Plant Lotos" / "… Factory Lotos", "Ghezel
  // Hesar Prison" / "… Penitentiary"), as strong as an abbreviation.
  { feature: 'kind-of-body', cap: 0.9, fromNothing: false, rewrite: kindOfBodyWrittenAlike },
];

/**
 * A word of x naming the kind of body that y names by another word of KINDS_OF_BODY: x's word
 * written as y writes it.
 */
function kindOfBodyWrittenAlike(x: NameForm, y: NameForm): Rewrite | undefined {
  for (const t of x.tokens) {
    const kind = KINDS_OF_BODY.get(t.text);
    if (kind === undefined) continue;
    for (const u of y.tokens) {
      if (u.text === t.text || KINDS_OF_BODY.get(u.text) !== kind) continue;
      if (x.tokens.some((v) => v.text === u.text) || y.tokens.some((v) => v.text === t.text)) continue;
      return { form: withWordReplaced(x, t.text, u.text), detail: `${t.text} = ${u.text}` };
    }
  }
  return undefined;
}

/**
 * Words of x's core, three to six letters, that y lacks but begins a longer word of its own with —
 * a business or generic word of y, or any word when x writes the short word with a full stop
 * ("Con." = "Construction"): x's words written out as y has them, up to three. A distinctive word
 * that merely begins another ("Star" / "Starlight") is no truncation.
 */
function truncatedWordsWrittenOut(x: NameForm, y: NameForm): Rewrite | undefined {
  let form = x;
  let written: string[] | undefined;
  // Plain loops, cheapest tests first: this is tried for every candidate that falls short.
  for (const w of x.core) {
    if (w.length < 3 || w.length > 6 || (written && written.length >= 3)) continue;
    const first = w.charCodeAt(0);
    let dotted: boolean | undefined;
    for (const t of y.tokens) {
      if (t.text.length < w.length + 3 || t.text.charCodeAt(0) !== first || t.cls === 'legal' || !t.text.startsWith(w) || !ONLY_LETTERS.test(w)) continue;
      if (t.cls !== 'qualifier' && !(dotted ??= new RegExp(`(^|[^a-z])${w}\\.`).test(x.raw.toLowerCase()))) continue;
      if (x.tokens.some((u) => u.text === t.text) || y.tokens.some((u) => u.text === w)) continue;
      form = withWordReplaced(form, w, t.text);
      (written ??= []).push(`${w}. = ${t.text}`);
      break;
    }
  }
  return written && { form, detail: written.join('; ') };
}

function withWordReplaced(form: NameForm, word: string, by: string): NameForm {
  return normaliseName(form.tokens.map((t) => (t.text === word ? by : t.text)).join(' '));
}

function respelt(x: NameForm, y: NameForm): Rewrite | undefined {
  const slip = misspeltGenericWord(x, y);
  return slip && { form: withWordReplaced(x, slip.word, slip.as), detail: `${slip.word} ~ ${slip.as}` };
}

/** Each abbreviation in turn, up to three ("SB RAS" = "Siberian Branch", "Russian Academy of Sciences"). */
function abbreviationsWrittenOut(x: NameForm, y: NameForm): Rewrite | undefined {
  let form = x;
  const written: string[] = [];
  for (let short = abbreviatedWords(form, y); short && written.length < 3; short = abbreviatedWords(form, y)) {
    form = withWordReplaced(form, short.abbreviation, short.words.join(' '));
    written.push(`${short.abbreviation.toUpperCase()} = ${short.words.join(' ')}`);
  }
  return written.length > 0 ? { form, detail: written.join('; ') } : undefined;
}

/** Words an abbreviation skips: "Ministry of Defence" is MOD or MD. */
const SKIPPED_IN_INITIALS = new Set(['of', 'the', 'and', 'for', 'de']);

/**
 * Words of two letters that are articles and particles of names ("Al Nour", "El Mal", "De Rosa"),
 * not abbreviations.
 */
const NAME_PARTICLES = new Set(['al', 'el', 'ul', 'da', 'de', 'di', 'du', 'la', 'le']);

/**
 * A word of x's core, two to six letters (not a particle of names), that y lacks but spells with the
 * initials of as many of its words in a row (connecting words skipped), not all of them legal
 * forms; x has other words ("IC Rosgosstrakh" = "Insurance Company Rosgosstrakh", "SB RAS" =
 * "Siberian Branch of the Russian Academy of Sciences").
 * y's words are read as normalised and, failing that, as written: the kinds of organisation that
 * normalising makes one word are abbreviated letter by letter ("SPE" = "Scientific Production
 * Enterprise", "RPA" = "Research and Production Association").
 */
function abbreviatedWords(x: NameForm, y: NameForm): { abbreviation: string; words: string[] } | undefined {
  let candidates: string[] | undefined;
  for (const w of x.core) if (w.length >= 2 && w.length <= 6 && !y.core.includes(w) && ONLY_LETTERS.test(w) && !(w.length === 2 && NAME_PARTICLES.has(w))) (candidates ??= []).push(w);
  if (!candidates) return undefined;
  // A name that is an abbreviation and nothing else is the acronym feature's.
  let named = 0;
  for (const t of x.tokens) if (t.cls !== 'legal') named++;
  if (named < 2) return undefined;
  const words = initialWords(y);
  return spelledRun(candidates, words.normalised) ?? (words.written && spelledRun(candidates, words.written));
}

const ONLY_LETTERS = /^[a-z]+$/;

interface InitialWord {
  text: string;
  legal: boolean;
}

/**
 * A name's words that initials may spell: as normalised, and as written when those differ. Kept by
 * the name's text, bounded as the sound keys are: one name is compared with many.
 */
const INITIAL_WORDS = new Map<string, { normalised: InitialWord[]; written?: InitialWord[] }>();

function initialWords(form: NameForm): { normalised: InitialWord[]; written?: InitialWord[] } {
  let words = INITIAL_WORDS.get(form.raw);
  if (words) return words;
  const normalised = form.tokens.filter((t) => !SKIPPED_IN_INITIALS.has(t.text)).map((t) => ({ text: t.text, legal: t.cls === 'legal' }));
  const asWritten = writtenWords(form.raw).filter((w) => !SKIPPED_IN_INITIALS.has(w));
  const same = asWritten.length === normalised.length && asWritten.every((w, i) => w === normalised[i]?.text);
  words = same ? { normalised } : { normalised, written: asWritten.map((w) => ({ text: w, legal: LEGAL_FORMS.has(w) })) };
  if (INITIAL_WORDS.size > 100_000) INITIAL_WORDS.clear();
  INITIAL_WORDS.set(form.raw, words);
  return words;
}

/**
 * The first run of words whose initials spell one of the abbreviations, leaving a word of the name
 * outside it: an abbreviation of the whole name is the acronym feature's, with its guards ("SAIC
 * Motor" is not a company of Science Applications International Corporation).
 */
function spelledRun(abbreviations: string[], words: InitialWord[]): { abbreviation: string; words: string[] } | undefined {
  // Plain loops: names that share nothing are tried too, and most are tried in vain.
  for (const abbreviation of abbreviations) {
    const n = abbreviation.length;
    for (let i = 0; i + n <= words.length; i++) {
      let k = 0;
      let named = false;
      for (; k < n; k++) {
        const t = words[i + k] as InitialWord;
        if (t.text.charCodeAt(0) !== abbreviation.charCodeAt(k)) break;
        if (!t.legal) named = true;
      }
      if (k < n || !named) continue;
      let outside = false;
      for (let j = 0; j < words.length && !outside; j++) if ((j < i || j >= i + n) && !(words[j] as InitialWord).legal) outside = true;
      if (outside) return { abbreviation, words: words.slice(i, i + n).map((t) => t.text) };
    }
  }
  return undefined;
}

/** A word of x's core that y lacks but writes, one slip apart, as a place or a generic word. */
function misspeltGenericWord(x: NameForm, y: NameForm): { word: string; as: string } | undefined {
  if (x.core.length < 2) return undefined;
  for (const word of x.core) {
    if (y.core.includes(word)) continue;
    for (const t of y.tokens) {
      if (t.cls === 'core' || t.text.length < 4) continue;
      if (tokenSimilarity(word, t.text) >= 0.88) return { word, as: t.text };
    }
  }
  return undefined;
}

function compareForms(a: NameForm, b: NameForm, weight: TokenWeight): NameComparison {
  // No closures here: this runs for every candidate, and a closure per call costs more than the rest.
  const best: Best = { features: [], core: 0, wholeName: false };
  const features = best.features;
  const consider = considerFeature;

  if (a.han && b.han) {
    const s = a.han.core === b.han.core ? 1 : bigramDice(a.han.core, b.han.core) * 0.9;
    consider(best, { feature: 'han-core', score: s, detail: `${a.han.core} ~ ${b.han.core}` });
  }
  const dice = coreDice(a.core, b.core, weight);
  if (!(a.weakCore && b.weakCore) || sameWithoutStructure(a.core, b.core)) {
    consider(best, { feature: 'core-tokens', score: dice.score, detail: dice.pairs.join(' ') });
  }
  const compact = bestCompact(a.compacts, b.compacts);
  if (compact.score > dice.score && (compact.score === 1 || !addsWholeWords(a.core, b.core))) {
    consider(best, { feature: 'compact', score: compact.score, detail: `${compact.a} ~ ${compact.b}` }, compact.a !== a.core.join('') || compact.b !== b.core.join(''));
  }
  for (let side = 0; side < 2; side++) {
    const x = side === 0 ? a : b;
    const y = side === 0 ? b : a;
    if (x.han && y.compacts.length > 0 && !y.han) {
      const p = bestCompact([x.han.pinyin, x.han.pinyinFull, x.han.pinyinWhole], y.compacts);
      // Two characters spell a short syllable pair that many Latin names come near (建行 "jianhang"
      // ~ "Jian Zhang", 阿里 "ali" ~ "ALi"): such a name meets a Latin one only exactly, and only
      // from five letters on.
      const short = x.han.core.length <= 2 && (p.score < 1 || p.b.length < 5);
      if (!short) consider(best, { feature: 'pinyin', score: p.score, detail: `${x.han.core} → ${p.a} ~ ${p.b}` }, p.a !== x.han.pinyin);
    }
    // Two letters are the initials of too many names ("BT", "KT") to say which company is meant.
    if (x.acronym && x.acronym.length >= 3 && y.initials.includes(x.acronym) && y.core.length + y.qualifiers.length >= 2 && !placeSpelledByChance(x.acronym, y)) {
      // An acronym already spells out the qualifiers ("CXMT" = ChangXin Memory Technologies).
      consider(best, { feature: 'acronym', score: 0.9, detail: `${x.acronym.toUpperCase()} = initials of "${y.raw}"` }, true);
    }
  }

  // Two funds or trusts of one series ("Partners V" / "Partners VI", "Trust 2004-1" / "2005-1"):
  // the series' name, screened as one.
  if (a.series && b.series && a.series.marker !== b.series.marker && sameWords(a.series.core, b.series.core) && a.tokens.length === b.tokens.length) {
    consider(best, { feature: 'series', score: SERIES_SCORE, detail: `${a.series.core.join(' ')} ${a.series.marker} ~ ${b.series.marker}` });
  }
  const core = best.core;
  const wholeName = best.wholeName;
  let score = core;
  let sameCoreDifferentEntity = false;
  // "Samsung Electronics" / "Samsung SDI", "Haier Group" / "Haier Smart Home": the house name leads
  // both, one adds a distinctive word of its own — another company of the same house.
  if (core < SAME_THRESHOLD && !a.weakCore && !b.weakCore && sharesHouseName(a, b) && !financialOnlyOneSide(a, qualifierSet(a), b, qualifierSet(b))) {
    features.push({ feature: 'house-name', score: QUALIFIED_CAP, detail: `${a.core[0]} leads both; ${a.core.slice(1).join(' ') || '—'} ≠ ${b.core.slice(1).join(' ') || '—'}` });
    return { score: round(Math.max(core, HOUSE_NAME_MIN)), sameCoreDifferentEntity: true, features };
  }
  if (core >= SAME_THRESHOLD && !wholeName) {
    const qa = qualifierSet(a);
    const qb = qualifierSet(b);
    const la = businessLines(a, qa);
    const lb = businessLines(b, qb);
    if (la !== lb && !a.weakCore && !b.weakCore && (financialOnlyOneSide(a, qa, b, qb) || (wholeNameSplit(a, b) && !wholeName))) {
      // "Dahua Securities" is a brokerage, not a company of Dahua Technology; "Hua Wei Trading" a
      // trader whose name, written apart, happens to spell Huawei: neither is a company of that house.
      features.push({ feature: 'unrelated-business', score: -(core - WEAK_CAP), detail: `${la || '—'} ≠ ${lb || '—'}` });
      return { score: round(Math.min(core, WEAK_CAP)), sameCoreDifferentEntity: false, features };
    }
    if (la !== lb && !a.weakCore && !b.weakCore) {
      features.push({ feature: 'business-line-differs', score: -(core - QUALIFIED_CAP), detail: `${la || '—'} ≠ ${lb || '—'}` });
      score = Math.min(score, QUALIFIED_CAP);
      sameCoreDifferentEntity = true;
    } else if (eachHasItsOwn(qa, qb)) {
      features.push({ feature: 'qualifier-conflict', score: -(core - QUALIFIED_CAP), detail: `${[...qa].join(' ')} ≠ ${[...qb].join(' ')}` });
      score = Math.min(score, QUALIFIED_CAP);
      sameCoreDifferentEntity = true;
    } else if (addsBusinessWord(qa, qb) && sameWords(a.core, b.core) && hasLegalForm(a) && hasLegalForm(b)) {
      // Two registered names, one adding a business word ("Crystalord Systems Limited" / "Crystalord
      // Ltd"): two companies registered side by side. A brand against a legal name ("Hikvision" /
      // "Hikvision Digital Technology Co., Ltd.") is one company.
      features.push({ feature: 'qualifier-added', score: -(core - QUALIFIED_CAP), detail: `${[...qa].join(' ') || '—'} ≠ ${[...qb].join(' ') || '—'}` });
      score = Math.min(score, QUALIFIED_CAP);
      sameCoreDifferentEntity = true;
    }
    if (a.structure && b.structure && a.structure !== b.structure) {
      features.push({ feature: 'group-vs-company', score: -(core - QUALIFIED_CAP), detail: `${a.structure} ≠ ${b.structure}` });
      score = Math.min(score, QUALIFIED_CAP);
      sameCoreDifferentEntity = true;
    } else if (a.structure === 'group' && b.structure === 'group') {
      // Two registered names of a group's parent, one "… Group Ltd", the other "… Holdings Inc.":
      // two registrations. One word shared ("Holding Group" / "Holding Company") is one parent.
      const pa = parentWords(a);
      const pb = parentWords(b);
      if ((pa & pb) === 0 && hasLegalForm(a) && hasLegalForm(b)) {
        features.push({ feature: 'group-vs-company', score: -(core - QUALIFIED_CAP), detail: `${PARENT_WORD_NAMES[pa]} ≠ ${PARENT_WORD_NAMES[pb]}` });
        score = Math.min(score, QUALIFIED_CAP);
        sameCoreDifferentEntity = true;
      }
    }
    const ta = legalTraditions(a);
    const tb = legalTraditions(b);
    if (ta !== 0 && tb !== 0 && (ta & tb) === 0) {
      // "Intellexa Limited" / "Intellexa S.A.": one name registered under two legal traditions.
      features.push({ feature: 'legal-forms-differ', score: -(score - QUALIFIED_CAP), detail: `${legalFormsOf(a)} ≠ ${legalFormsOf(b)}` });
      score = Math.min(score, QUALIFIED_CAP);
      sameCoreDifferentEntity = true;
    }
    // A region the other name writes as a place ("… (HK) Co." / "Hong Kong …", "… Society
    // Indonesia" / "Indonesia … Society") is the same place, written at the other end.
    const ra = regionsNotPlacedBy(a, b);
    const rb = regionsNotPlacedBy(b, a);
    if (ra.size + rb.size > 0 && [...ra].sort().join() !== [...rb].sort().join()) {
      features.push({ feature: 'region-differs', score: -(core - QUALIFIED_CAP), detail: `${[...ra].join(' ') || '—'} ≠ ${[...rb].join(' ') || '—'}` });
      score = Math.min(score, QUALIFIED_CAP);
      sameCoreDifferentEntity = true;
    }
    const ca = a.places.filter(isCityOrCountry);
    const cb = b.places.filter(isCityOrCountry);
    if (!a.weakCore && !b.weakCore && ca.length > 0 && cb.length > 0 && !ca.some((c) => cb.includes(c)) && ca.join('') !== cb.join('')) {
      // "Beijing Huawei Digital Technologies" / "Chengdu Huawei Technologies": one house's companies
      // in two cities, or two firms of one trade name registered in each.
      features.push({ feature: 'city-differs', score: -(score - QUALIFIED_CAP), detail: `${ca.join(' ')} ≠ ${cb.join(' ')}` });
      score = Math.min(score, QUALIFIED_CAP);
      sameCoreDifferentEntity = true;
    }
    if (a.weakCore || b.weakCore) {
      sameCoreDifferentEntity = false;
      // Names made only of generic words and places ("China Mobile") must agree on all of them.
      if (!sameWithoutStructure(meaningfulWords(a).split(' '), meaningfulWords(b).split(' ')) && !features.some((f) => f.feature === 'han-core' || f.feature === 'acronym')) {
        if (isLocalCompanyOf(a, b)) {
          // "Semiconductor Manufacturing International (Shanghai) Corporation": the house's company in one city.
          features.push({ feature: 'place-differs', score: -(score - QUALIFIED_CAP), detail: `${a.places.join(' ') || '—'} ≠ ${b.places.join(' ') || '—'}` });
          score = Math.min(score, QUALIFIED_CAP);
          sameCoreDifferentEntity = true;
        } else {
          features.push({ feature: 'generic-only', score: -(score - WEAK_CAP), detail: `"${meaningfulWords(a)}" ≠ "${meaningfulWords(b)}"` });
          score = Math.min(score, WEAK_CAP);
        }
      }
    }
  }
  return { score: round(score), sameCoreDifferentEntity, features };
}

/** The words that make a name a group's parent, as bits: 1 "group" (集团), 2 "holding" (控股). */
function parentWords(form: NameForm): number {
  let bits = 0;
  for (const t of form.tokens) {
    if (t.text === 'group') bits |= 1;
    else if (t.text === 'holding') bits |= 2;
  }
  if (form.han) {
    // Simplified: 集團 is 集团.
    const { legal, qualifiers } = form.han;
    if (legal.includes('集团') || qualifiers.includes('group')) bits |= 1;
    if (legal.includes('控股') || qualifiers.includes('holding')) bits |= 2;
  }
  return bits;
}
const PARENT_WORD_NAMES = ['—', 'group', 'holding', 'group holding'];

const TRADITION_BITS = { common: 1, civil: 2 } as const;

/** The legal traditions of a name's legal forms, as bits (0: none, or a form no tradition owns). */
function legalTraditions(form: NameForm): number {
  let bits = 0;
  for (const t of form.tokens) {
    if (t.cls !== 'legal') continue;
    const tradition = LEGAL_TRADITIONS.get(t.text);
    if (tradition) bits |= TRADITION_BITS[tradition];
  }
  return bits;
}

function legalFormsOf(form: NameForm): string {
  return form.tokens.filter((t) => t.cls === 'legal' && LEGAL_TRADITIONS.has(t.text)).map((t) => t.text).join(' ');
}

function isCityOrCountry(place: string): boolean {
  return CITIES.has(place) || LEADING_COUNTRIES.has(place);
}

/**
 * A long generic name (three words or more) that another name repeats with a place added: one
 * name has no place, the other has one. Short ones ("Shenzhen Technology") say nothing.
 */
function isLocalCompanyOf(a: NameForm, b: NameForm): boolean {
  const words = (f: NameForm) => f.tokens.filter((t) => t.cls !== 'legal' && t.cls !== 'place' && t.cls !== 'region').map((t) => t.text).sort().join(' ');
  const shared = words(a);
  return shared === words(b) && shared.split(' ').length >= 3 && (a.places.length === 0) !== (b.places.length === 0);
}

/**
 * The house name leads both and the longer adds words of its own: a short code ("Samsung SDI") or
 * business words — not a distinctive word of four letters or more, which names another business
 * that happens to share the first word ("Apple Hospitality REIT" is not Apple's).
 */
function sharesHouseName(a: NameForm, b: NameForm): boolean {
  const [short, long] = a.core.length <= b.core.length ? [a, b] : [b, a];
  const [x, y] = [short.core, long.core];
  if (x.length === 0 || x[0] !== y[0] || (x[0]?.length ?? 0) < 3 || x.length === y.length) return false;
  if (!x.every((t, i) => y[i] === t)) return false;
  // …or the longer keeps the house's line of business ("Huawei Technologies Düsseldorf").
  const keepsLine = short.qualifiers.length > 0 && short.qualifiers.every((q) => long.qualifiers.includes(q));
  return keepsLine || y.slice(x.length).every((t) => t.length <= 3);
}

/** Lines of finance and property: a technology house's name on a bank or a fund is another business. */
const FINANCIAL = new Set(['bank', 'trust', 'financial', 'finance', 'insurance', 'securities', 'investment', 'capital', 'fund', 'asset', 'hospitality', 'reit', 'realty', 'property', 'properties']);

function financialOnlyOneSide(a: NameForm, qa: Set<string>, b: NameForm, qb: Set<string>): boolean {
  return isFinancial(a, qa) !== isFinancial(b, qb);
}

function isFinancial(form: NameForm, qualifiers: Set<string>): boolean {
  for (const q of qualifiers) if (FINANCIAL.has(q)) return true;
  return compoundFinancialWord(form) !== undefined;
}

/** The lines of business a name states: its qualifiers of BUSINESS_LINES and a compound's financial ending. */
function businessLines(form: NameForm, qualifiers: Set<string>): string {
  const lines = new Set([...qualifiers].filter((q) => BUSINESS_LINES.has(q)));
  const compound = compoundFinancialWord(form);
  if (compound !== undefined) lines.add(compound);
  return [...lines].sort().join(' ');
}

/** A financial word closing a word of the core: "Sarovbusinessbank" is a bank, "Evrofinance" a finance house. */
function compoundFinancialWord(form: NameForm): string | undefined {
  for (const w of form.core) for (const [ending, line] of FINANCIAL_COMPOUND_ENDINGS) if (w.length > ending.length + 2 && w.endsWith(ending)) return line;
  return undefined;
}
const FINANCIAL_COMPOUND_ENDINGS = [['bank', 'bank'], ['finance', 'finance'], ['invest', 'investment'], ['insurance', 'insurance'], ['capital', 'capital']] as const;

/** One name writes apart the word the other joins ("Hua Wei" / "Huawei"). */
function wholeNameSplit(a: NameForm, b: NameForm): boolean {
  const splits = (x: NameForm, y: NameForm) =>
    x.core.length > 1 && ((y.core.length === 1 && x.core.join('') === y.core[0]) || (y.han !== undefined && y.han.pinyin === x.core.join('')));
  return splits(a, b) || splits(b, a);
}

/**
 * Three letters spelling a city and two distinctive words ("SAP" from "Shenzhen Acme Packaging") are
 * a coincidence: so many suppliers are named "City Word Word". A name made only of a place and
 * generic words is abbreviated that way ("BGI", Beijing Genomics Institute).
 */
function placeSpelledByChance(acronym: string, long: NameForm): boolean {
  if (acronym.length !== 3 || long.weakCore) return false;
  const withoutPlaces = long.tokens.filter((t) => t.cls !== 'legal' && t.cls !== 'place').map((t) => t.text[0]).join('');
  return withoutPlaces !== acronym;
}

/** One feature as a reviewer reads it: "core-tokens 0.9: tayota~toyota". */
export function describeFeature(f: Feature): string {
  return `${f.feature} ${round(f.score)}: ${f.detail}`;
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
