/**
 * What the extractor asks of English grammar, answered by compromise (part-of-speech tags, verb
 * phrases with their tense and auxiliaries, organisation names): which capitalised runs are the
 * names of organisations, and what tense and mood the verb of an action is in. Pure; compromise
 * is only run on sentences that hold an action.
 */
import nlp from 'compromise';

export interface NameSpan {
  start: number;
  end: number;
  text: string;
}

type Term = { text: string; tags: string[]; offset: { start: number; length: number }; pre: string; post: string };
type Sentence = { terms: Term[] };

const NOT_A_NAME_TAG = new Set(['Determiner', 'Pronoun', 'Date', 'Month', 'WeekDay', 'Preposition', 'Conjunction', 'Value', 'Cardinal']);
const ROLE_BEFORE = /(?:\b[\w.]+-(?:based|owned|headquartered)|\b(?:maker|makers|manufacturer|manufacturers|company|companies|firm|firms|startup|start-up|developer|provider|supplier|vendor|operator|giant|drones|including|include|includes|are|were|namely|banned|banning|blocked|blocking|ordered|added|adding|sanctioned|blacklisted|designated|barred|barring|prohibited|targeted|against))\s+[“"‘']?$/i;
const LEGAL_FORM = /^(?:Inc|LLC|Ltd|Corp|Co|Limited|PLC|AG|SA|NV|BV|GmbH)\.?,?$/;
const CORPORATE_TAIL = /^(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|LLC|LLP|PLC|AG|SA|NV|BV|GmbH|Group|Holdings?|Technologies|Technology|Tech|Systems|Defen[cs]e|Robotics|Drones|Electronics|Semiconductors?|Networks?|Communications|Telecom|Labs?|Aerospace|Industries|Institute|Network|Software|Microelectronics|Instruments|Dynamics)\.?,?$/;
/** Heads that make a capitalised run a body of government, a law, a list or a document, not an organisation that can be a target. */
const NOT_A_TARGET_HEAD = /\b(?:Bureau|Department|Ministry|Minister|Commission|Commissioner|Agency|Office|Administration|Council|Authority|Committee|Court|Congress|Senate|House|Parliament|Government|Govt|Cabinet|Regulations?|Rules?|Act|Amendments?|Order|Orders|Notice|List|Report|Statement|Determination|Alert|Memo|Newsletter|Program(?:me)?|Initiative|Framework|Toolbox|Strategy|Law|Bill|Code|Section|Article|Part|FAQs?|Register|Secretary|Governor|President|Premier|Chairman|Chairwoman|Director|Spokes(?:person|woman|man)|Embassy|Consulate|State|States|Province|Republic|Party|Army|Forces|Navy|Police|Union|Additions?|Revisions?|Removals?|Modifications?|Corrections?|Clarifications?|Entry|Entries|Polic(?:y|ies)|Parts|Guidance|R&O|Complaint|Relief|Motion|Petition|Lawsuit|Injunction|Treaty)\b/;
/**
 * A source, not a subject of the act: "according to Reuters", "Reuters reported", "inputs received from the
 * Indian Cyber Crime Coordination Centre", and every name of a list after the cue ("Reports from Reuters,
 * the Financial Times, and Nikkei Asia").
 */
const SOURCE_BEFORE = /(?:[Aa]ccording to|(?:[Ii]nputs?|[Ii]nformation|[Ii]ntelligence|[Aa]dvice|[Rr]ecommendations?|[Rr]eports?)\s+(?:received\s+|obtained\s+)?(?:from|of|by)|[Rr]eported by|[Rr]eports? (?:from|by|in)|[Tt]old|[Cc]iting|[Cc]ited by|[Vv]ia|[Ss]ources? (?:at|in)|(?:wrote|said) in|[Pp]ublished (?:by|in))\s+(?:(?:the\s+)?\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*,?\s+(?:and\s+)?)*(?:the\s+)?$/u;
const SOURCE_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:reported|reports|said|says|first reported|wrote|writes|added|noted|cited|quoted)\b/i;

const parsed = (text: string): Sentence[] => nlp(text).json({ offset: true, terms: { offset: true } }) as Sentence[];

const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | undefined> } } }).model().one.lexicon;
/**
 * "Tightens", "Safeguards", "Refinements": a capitalised word that is an ordinary English word —
 * in compromise's lexicon, or read as a verb, an adjective or a plural noun once lower-cased — is
 * not the name of an organisation (names such as "Skydio" or "Epirus" are unknown words to it).
 */
function ordinaryWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[’'].*$/, '');
  if (!/^\p{L}+$/u.test(w)) return false;
  if (lexicon[w] !== undefined) return true;
  const tags = (nlp(w).json() as Sentence[])[0]?.terms[0]?.tags ?? [];
  return tags.some((t) => t === 'Verb' || t === 'Adjective' || t === 'Plural');
}

/**
 * An English word by its shape as well: compromise's lexicon is small, and it reads every unknown
 * word as a noun, but abstract nouns carry their derivational suffix ("Declaration", "Conformity",
 * "Fusion", "Technology", "Procurement").
 */
function englishWord(word: string): boolean {
  if (ordinaryWord(word)) return true;
  const w = word.toLowerCase();
  return /^\p{Ll}{2,}(?:tion|sion|ment|ness|ity|ence|ance|ship|ism|ogy|ure|ics|ency|ancy|ization|isation)$/u.test(w);
}

const FUNCTION_WORD = /^(?:of|and|for|to|the|by|on|in|with|from|or|a|an|that|at)$/;
/**
 * Quoted titles of rules, orders and documents ("“Securing the Information and Communication
 * Technology and Services Supply Chain”"): a quotation of four words or more, all capitalised but
 * for function words, one of which is not "and" (a quoted list of names has only "and").
 */
function quotedTitles(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[“"‘]([^”"’]{10,300})[”"’]/g)) {
    const words = (m[1] as string).split(/[\s,]+/).filter(Boolean);
    const content = words.filter((w) => !FUNCTION_WORD.test(w));
    if (words.length < 4 || !content.every((w) => /^[\p{Lu}\p{N}(]/u.test(w))) continue;
    if (!words.some((w) => FUNCTION_WORD.test(w) && w !== 'and')) continue;
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** The capitalised words, function words and bracketed words that go on after a name ("… Technology (Procedure and Safeguards …) Rules"). */
const RUN_GOES_ON = /^(?:\s+(?:\([^)]{0,160}\)|\p{Lu}[\p{L}\p{N}.’'-]*|of|for|and|on|&))+/u;

/**
 * Names of organisations between `from` and `to`: runs of proper nouns that compromise tags as an
 * organisation, that end in a corporate word ("Corp", "Technologies", "Systems"), or that stand
 * alone as an item of a list of such names. Places, people, dates, acronyms standing alone,
 * government bodies, laws and lists, and news sources are not names of targets. `objectOfListing`:
 * the span is the object of a listing ("added … to its list"), where a run tagged as a person counts.
 */
export function organisationNames(text: string, from: number, to: number, options: { objectOfListing?: boolean } = {}): NameSpan[] {
  const out: NameSpan[] = [];
  const titles = quotedTitles(text);
  for (const s of parsed(text)) {
    let run: Term[] = [];
    const flush = () => {
      const whole0 = run;
      run = [];
      if (whole0.length === 0) return;
      const start = (whole0[0] as Term).offset.start;
      const last0 = whole0.at(-1) as Term;
      if (start < from || last0.offset.start + last0.offset.length > to) return;
      // A quotation mark or bracket ends the name; "Authorization of “Covered” Equipment", "E.O. of
      // June 3": a joiner ends no name.
      const cutEnd = start + text.slice(start, last0.offset.start + last0.offset.length).replace(/[([{“"].*$/, '').length;
      let r = whole0.filter((t) => t.offset.start < cutEnd);
      while (r.length > 0 && /^(?:of|&|and)$/.test((r.at(-1) as Term).text)) r = r.slice(0, -1);
      if (r.length === 0) return;
      const first = r[0] as Term;
      const last = r.at(-1) as Term;
      const end = Math.min(cutEnd, last.offset.start + last.offset.length);
      const name = text.slice(start, end).replace(/[”"’)\],.\s]+$/, '');
      if (!name) return;
      if (titles.some((q) => start >= q.start && end <= q.end)) return;
      // "Vehicle Connectivity Systems (“VCS”)", "Supplier’s Declaration of Conformity (SDoC)": a term a rule
      // defines by its initials, quoted or not, is not a company (which has a legal form) or a university.
      const defined = /^\s*\((?:the\s+)?[“"]?([A-Z][A-Za-z]{1,7}?)s?[”"]?\)/.exec(text.slice(end));
      if (defined && !/\b(?:Inc|LLC|Ltd|Corp|Corporation|Co|Company|Limited|Group|PLC|AG|SA|GmbH|University|Academy|Institute|College)\b/.test(name)) {
        const initials = name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
        if (initials.length >= 2 && initials === (defined[1] as string).replace(/[a-z]/g, '')) return;
      }
      // A name inside a title is part of it: "Information Technology (Procedure and Safeguards …) Rules 2009".
      const bracketed = /\(([^()]*)$/.exec(text.slice(Math.max(0, start - 120), start));
      const bracketTail = bracketed ? /^[^()]*\)\s*((?:\p{Lu}[\p{L}]*\s*){1,3})/u.exec(text.slice(start))?.[1] ?? '' : '';
      if (NOT_A_TARGET_HEAD.test(bracketTail)) return;
      // "— Shiv Aroor (@ShivAroor)": the credit of an embedded post.
      if (/^\s*\(@\w+\)/.test(text.slice(end))) return;
      // "Public Safety and Homeland Security Bureau": the whole run decides, not the part before "and".
      const whole = (/(?:(?:\p{Lu}[\p{L}.]*|of|and|&)\s+)+$/u.exec(text.slice(Math.max(0, start - 60), start))?.[0] ?? '') + name + (RUN_GOES_ON.exec(text.slice(start + name.length))?.[0] ?? '');
      const tagged = r.some((t) => t.tags.includes('Organization'));
      const corporate = r.length > 1 && CORPORATE_TAIL.test(last.text);
      // "EAR", "DOD", "ETCs": an acronym standing alone, plural or not.
      // "NS-CMIC": acronyms joined by a hyphen are one.
      const acronymAlone = (r.length === 1 && /^[A-Z0-9.&-]{2,6}s?$/.test(name)) || (name.length <= 10 && /^[A-Z0-9.&]{2,6}(?:-[A-Z0-9.&]{2,6})+s?$/.test(name));
      // "The German ban", "German media": a nationality word is no organisation either, whatever its tag in context.
      const placeOrPerson = r.every((t) => t.tags.includes('Place') || t.tags.includes('Person') || t.tags.includes('Date') || t.tags.includes('Month') || t.tags.includes('WeekDay') || t.tags.includes('Demonym') || lexicon[t.text.toLowerCase()] === 'Demonym');
      // Inside "added Lockheed Martin to its list" the slot says what the name is, whatever tag it bears.
      if ((placeOrPerson && !corporate && !options.objectOfListing) || acronymAlone || NOT_A_TARGET_HEAD.test(whole)) return;
      // A single word is a name when compromise says so, a legal form follows it, or it stands after
      // a role noun ("drone maker Skydio", "server maker Inspur Group") or as an item of a list of names.
      const before = text.slice(Math.max(0, start - 40), start);
      const afterName = text.slice(end, end + 12);
      const single = r.length === 1 && (first.tags.includes('Adjective') || (!tagged && !/^\s*,?\s*(?:Inc|LLC|Ltd|Corp|Co)\b/.test(afterName) && !ROLE_BEFORE.test(before) && !/(?:,|\band|\bor)\s*[“"‘']?$/.test(before)));
      if (single) return;
      if (r.length === 1 && !tagged && ordinaryWord(first.text)) return;
      // "Information Technology", "Electoral College", "Supplier’s Declaration of Conformity": a run of
      // ordinary English words that compromise does not tag as an organisation and that ends in no
      // corporate word is a capitalised phrase, not a name (names hold a word of their own: "Skydio",
      // "Halifax International Security Forum", or a legal form: "Recorded Future, Inc.").
      if (r.length > 1 && !tagged && !corporate && !options.objectOfListing && r.filter((t) => !FUNCTION_WORD.test(t.text)).every((t) => t.text.replace(/[’'].*$/, '').split('-').every((w) => englishWord(w)))) return;
      // "amid border tensions with China in Eastern Ladakh": after "in" or "near", a run with neither an
      // organisation's tag nor a corporate word is a place.
      if (!tagged && !corporate && /\b(?:in|near|across)\s+(?:the\s+)?$/i.test(before)) return;
      if (SOURCE_BEFORE.test(text.slice(Math.max(0, start - 90), start)) || SOURCE_AFTER.test(text.slice(end, end + 40))) return;
      // "suppliers based outside the European Union, NATO or the Organisation for Economic Co-operation
      // and Development", "states that don't belong to …": the blocs a scope is drawn around are places, not targets.
      const outside = /^[^]*\b(?:outside|belong(?:s|ing)?\s+to)\s+([^.;]{0,160})$/.exec(text.slice(Math.max(0, start - 160), start))?.[1];
      if (outside !== undefined && outside.split(/[\s,()]+/).every((w) => !w || /^\p{Lu}/u.test(w) || /^(?:and|or|the|of|for|in)$/.test(w))) return;
      out.push({ start, end: start + name.length, text: name });
    };
    s.terms.forEach((t, i) => {
      // Capitalised words that compromise does not read as a determiner, pronoun, date or the
      // first word of the sentence; it tags places and people, which the run is checked for below.
      const proper = /^[A-Z0-9]/.test(t.text) && (i > 0 || t.tags.includes('ProperNoun') || t.tags.includes('Organization')) && !t.tags.some((g) => NOT_A_NAME_TAG.has(g));
      // "Elbit Systems of America", "Raytheon Missiles & Defense": joiners inside one name.
      const joiner = run.length > 0 && /^(?:of|&)$/.test(t.text) && !/[,;]/.test((run.at(-1) as Term).post) && /^[A-Z]/.test(s.terms[i + 1]?.text ?? '');
      if (!proper && !joiner) {
        flush();
        return;
      }
      run.push(t);
      // A comma, colon or bracket ends a name, unless a legal form follows ("Epirus, Inc.").
      if (/[,;:()]/.test(t.post) && !LEGAL_FORM.test(s.terms[i + 1]?.text ?? '')) flush();
    });
    flush();
  }
  return out;
}

export type Tense = 'past' | 'present' | 'future' | 'infinitive' | 'none';

export interface VerbFrame {
  tense: Tense;
  /** will, would, could, may, might, should, can */
  modal?: string;
  negative: boolean;
  /** The verb phrase as written. */
  text: string;
}

/**
 * The tense and mood of the verb phrase that holds the word at `at` in `text` ("will bar",
 * "has added", "to ban", "banned"); `none` when the word is not part of a verb phrase (a noun
 * such as "the ban").
 */
export function verbFrameAt(text: string, at: number): VerbFrame {
  const doc = nlp(text);
  for (const v of doc.verbs().json({ offset: true }) as { text: string; offset: { start: number; length: number }; verb?: { grammar?: { tense?: string }; auxiliary?: string; negative?: boolean; infinitive?: string } }[]) {
    if (at < v.offset.start || at >= v.offset.start + v.offset.length) continue;
    const aux = (v.verb?.auxiliary ?? '').toLowerCase();
    const modal = /\b(will|would|could|may|might|should|can|shall)\b/.exec(aux)?.[1];
    const grammar = v.verb?.grammar?.tense;
    const infinitive = /^to\s/i.test(v.text) || /\bto\s+$/i.test(text.slice(Math.max(0, v.offset.start - 4), v.offset.start));
    const tense: Tense = infinitive ? 'infinitive' : modal === 'will' || modal === 'shall' || grammar === 'FutureTense' ? 'future' : grammar === 'PastTense' ? 'past' : grammar === 'PresentTense' ? 'present' : 'none';
    return { tense, modal, negative: Boolean(v.verb?.negative), text: v.text };
  }
  return { tense: 'none', negative: false, text: '' };
}

const MODIFIER_NOT = new Set(['Verb', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Modal', 'Auxiliary', 'QuestionWord', 'Copula', 'Possessive']);
/** Heads of government and their people: "Chinese officials", "US government" before a noun are who acts, not what kind of company. */
const GOVERNMENT_WORD = /^(?:officials?|government|governments|authorities|regulators?|lawmakers|legislators|ministry|ministers?|president|administration|state|senators|agencies|courts?|judges?|leaders?|diplomats|media|people|citizens|users|investors|consumers|customers)$/i;

/**
 * Whether the words between a nationality and a head noun ("military-linked", "Military-Industrial
 * Complex") only qualify the noun: adjectives and nouns, as compromise tags them in the phrase, and
 * no word for a government or its people.
 */
export function onlyModifiers(phrase: string, words: string): boolean {
  const wanted = words.trim().split(/\s+/).filter(Boolean);
  if (wanted.length === 0) return true;
  if (wanted.some((w) => GOVERNMENT_WORD.test(w.replace(/[’'].*$/, '')))) return false;
  const terms = (parsed(phrase)[0]?.terms ?? []) as Term[];
  const between = terms.slice(1, -1);
  // compromise splits hyphenated words into their parts.
  if (between.length !== wanted.flatMap((w) => w.split('-').filter(Boolean)).length) return false;
  // "Chinese supercomputing entities": a gerund before the head noun is one of its modifiers.
  return between.every((t) => (t.tags.includes('Gerund') && !/^being$/i.test(t.text)) || (!t.tags.some((g) => MODIFIER_NOT.has(g)) && t.tags.some((g) => g === 'Adjective' || g === 'Noun')));
}

/**
 * Whether a verb joined by "and" (or "then", "but") after an object of its own stands between `from`
 * and `to`: "lifted the ban on ZTE and imposed sanctions on Huawei" — what comes after "imposed" is
 * that verb's, not "lifted"'s.
 */
export function coordinatedVerbBetween(text: string, from: number, to: number): boolean {
  for (const v of nlp(text).verbs().json({ offset: true }) as { offset: { start: number; length: number } }[]) {
    if (v.offset.start < from || v.offset.start + v.offset.length > to) continue;
    // "revoked and replaced the orders": a verb joined straight to the first shares its object.
    const between = text.slice(from, v.offset.start);
    if (/(?:^|[\s,])(?:and|then|but)\s+(?:\w+ly\s+)?$/i.test(between) && /\w/.test(between.replace(/(?:^|[\s,])(?:and|then|but)\s+(?:\w+ly\s+)?$/i, ''))) return true;
  }
  return false;
}
