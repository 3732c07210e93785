/**
 * Articles → mentions and restriction events. Rule-based and explainable: every event carries the
 * sentence it was read from and the words that decided its action and status. Pure: no I/O.
 *
 * Per sentence: find action words (lexicon), the clause around each, its status from the nearest
 * modality or tense cue (or a court or revocation cue that overrides it), its targets (names from
 * the knowledge base after the action, else before it, else what "the company" or "them" points
 * back to), its actor (the government phrase that governs it, else the one in context), and a date
 * resolved against the publication date. Negated and denied actions are not events.
 */
import { findDates, statedReference, type ResolvedDate } from './dates.js';
import {
  ACTION_PATTERNS,
  ACTOR_PHRASES,
  CLAUSE_BREAK,
  COREFERENCE_PATTERN,
  COURT_NATIONALITY,
  COURT_PATTERN,
  CMC_DESIGNATION,
  ENJOINED_PATTERN,
  CLASS_TARGETS,
  GENERIC_TARGET_PATTERN,
  GENERIC_TARGET_LOOSE,
  HYPOTHETICAL_PATTERN,
  UPHELD_PATTERN,
  genericTargetKey,
  NEGATION_PATTERN,
  NOT_ACTOR_AFTER,
  continuesAName,
  HEADLINE_PRESENT,
  PAST_FORM,
  POSSESSIVE_NOT_ACTOR,
  PRONOUN_OBJECT,
  REVOKED_PATTERN,
  STATUS_CUES,
  type Action,
  type ActorEntry,
  type EventStatus,
} from './lexicon.js';
import type { EntityTarget, Mention, MentionMatcher } from './mentions.js';
import { coordinatedVerbBetween, onlyModifiers, organisationNames, verbFrameAt } from './nlp.js';
import { readListsAsCommas } from './lists.js';
import { splitSentences, type Sentence } from './sentences.js';
import { demonymAlternation, demonymCode, nationAlternation } from './nations.js';
import { banIsPenaltyOfSale, deniedMarket, ownUseBans, pushesOnOthers, saleDemands } from './frames.js';
import { chooseAction, noAct, type ActionModel } from './action-model.js';
import { preambleOf, type Preamble } from './preamble.js';

export interface Article {
  /** A stable label: file path, URL or feed item link. */
  id: string;
  title?: string;
  text: string;
  /** YYYY-MM-DD; relative dates are resolved against it. */
  published?: string;
  url?: string;
}

export interface Actor extends ActorEntry {
  /** The words that named the actor, or "(context)" when it was carried from earlier sentences. */
  surface: string;
}

export interface EventTarget {
  surface: string;
  /** The knowledge-base organisation or product, when the name resolves to one. */
  entity?: EntityTarget;
  /** A class of companies named without a name ("Chinese apps"): `generic:CN-apps`. */
  generic?: string;
  /** How the target was found: named in the clause, or pointed back to ("the company", "them"). */
  via: 'name' | 'coreference' | 'generic';
}

export interface RestrictionEvent {
  actor: Actor;
  action: Action;
  targets: EventTarget[];
  status: EventStatus;
  /** Whether a word said the status; otherwise it defaulted to "enacted". */
  statusCue?: string;
  date?: string;
  dateText?: string;
  /** Where the date came from: words of the report, or — for the act an article leads with, when no words date it — the publication date. */
  dateSource?: 'text' | 'publication';
  /** The words that named the action. */
  trigger: string;
  /** When the action model re-kinded the reading: the kind the lexicon gave. */
  lexiconAction?: Action;
  evidence: string;
  sentence: number;
  /** For a change read from an official notice (a Federal Register document): the entry as published. */
  official?: OfficialChange;
}

/** An official list change as the notice states it (see `federal-register.ts`). */
export interface OfficialChange {
  list: string;
  change: 'add' | 'remove';
  address?: string;
  country?: string;
  licenceRequirement?: string;
  licencePolicy?: string;
  /** The entry's Federal Register citation ("88 FR 6622"). */
  citation?: string;
  aliases?: string[];
  programmes?: string[];
  /** The FR document number ("2023-02130"). */
  document?: string;
}

export interface ArticleMention {
  surface: string;
  entity: EntityTarget;
  count: number;
}

export interface Extraction {
  article: Article;
  mentions: ArticleMention[];
  events: RestrictionEvent[];
}

interface Span {
  start: number;
  end: number;
}

interface ActorHit extends Span {
  actor: ActorEntry;
  surface: string;
  court: boolean;
  /** After a preposition ("pressure from the US", "concerns about the Chinese government"): not the one acting. */
  oblique: boolean;
}

/** "Taiwan has joined other U.S. states in prohibiting …": those joined acted before; the subject acts now. */
const JOINED_OTHERS_BEFORE = /\b(?:join(?:s|ed|ing)?\s+(?:(?:the|other|several|many|some|fellow|a\s+number\s+of|dozens\s+of)\s+)*|follow(?:s|ed|ing)?\s+(?:(?:other|several|many|some|fellow)\s+)+)$/i;
/** "followed the UK by ordering …", "following Britain in banning …": the one followed acted before (not "follows the U.S. decision to …", where it acts). */
const FOLLOWED_BEFORE = /\bfollow(?:s|ed|ing)?\s+(?:the\s+lead\s+of\s+|in\s+the\s+footsteps\s+of\s+|the\s+example\s+of\s+)?(?:the\s+)?$/i;
const FOLLOWED_AFTER = /^\s*(?:by|in|and)\s+\w+ing\b/i;
const OBLIQUE_BEFORE = /\b(?:about|of|with|against|on|from|over|toward|towards|for|than|between|into|at|in|like|to)\s+(?:the\s+|a\s+)?$/i;
/** A place's name in capitals, of up to four words ("Pakistan", "the United Arab Emirates"). */
const PLACE = String.raw`(?:the\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}`;
/** "tensions between India and China": the second of a pair "between" governs is no actor either. */
const BETWEEN_PAIR_BEFORE = new RegExp(String.raw`\bbetween\s+${PLACE}\s+and\s+$`, 'u');
/** A further item of a list of places: ", Russia", ", and the United Arab Emirates", " or Iran". */
const FURTHER_PLACE = String.raw`(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)${PLACE}`;
/** "from China, Pakistan and" before a place: a list the preposition governs, up to this item. */
const OBLIQUE_LIST_BEFORE = new RegExp(String.raw`\b(?:of|from|in|to|against|on|into|at|with)\s+${PLACE}(?:\s*,\s*${PLACE})*\s*(?:,\s*(?:and|or)?|\s+(?:and|or))\s+(?:the\s+)?$`, 'u');
/** What may follow such a list: more items, then a preposition or the clause's end — no verb whose subject the list is. */
const OBLIQUE_LIST_AFTER = new RegExp(String.raw`^(?:${FURTHER_PLACE})*\s*(?:[.;:)]|$|,\s*(?:which|who|including|among|for|in|on)\b|\s+(?:to|for|in|on|at|into|over|with|under|as|after|since|because|that|which|who)\b)`, 'u');

/**
 * "added 37 entities from China, Pakistan and the United Arab Emirates to the Entity List": a place in a
 * list a preposition governs is no actor either, when nothing after the list makes it a verb's subject
 * ("Like the US, Australia and Japan have banned …" keeps its actors).
 */
function inObliqueList(text: string, span: Span): boolean {
  const before = text.slice(Math.max(0, span.start - 120), span.start);
  // "Companies based in Turkey and the United Arab Emirates were also added": where a class's members are
  // is part of its noun phrase, whatever verb follows.
  return OBLIQUE_LIST_BEFORE.test(before) && (OBLIQUE_LIST_AFTER.test(text.slice(span.end)) || LOCATED_LIST_BEFORE.test(before));
}
const LOCATED_LIST_BEFORE = new RegExp(String.raw`\b(?:based|located|headquartered|registered|incorporated)\s+in\s+${PLACE}(?:\s*,\s*${PLACE})*\s*(?:,\s*(?:and|or)?|\s+(?:and|or))\s+(?:the\s+)?$`, 'u');

interface Trigger extends Span {
  action: Action;
  text: string;
}

/** Something a later "them" or "the company" can point back to. */
interface Antecedent {
  target: EventTarget;
  sentence: number;
  offset: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Actor phrases found by their first word: at each word start the phrases beginning with that
 * word are tried, longest first, and must end at a word boundary. Linear in the text, however
 * many phrases the lexicon holds (a regex alternation of five hundred phrases is not).
 */
let phrasesByFirstWord: Map<string, string[]> | undefined;
let hanPhrases: RegExp | undefined;
function* actorMatches(text: string): Generator<{ index: number; phrase: string }> {
  if (!phrasesByFirstWord) {
    phrasesByFirstWord = new Map();
    for (const { phrase } of [...ACTOR_PHRASES].sort((x, y) => y.phrase.length - x.phrase.length)) {
      if (/^\p{Script=Han}/u.test(phrase)) continue;
      const first = /^[^\s]+/.exec(phrase)?.[0] ?? phrase;
      const key = first.replace(/['’]s$/, '');
      phrasesByFirstWord.set(key, [...(phrasesByFirstWord.get(key) ?? []), phrase]);
    }
    const han = ACTOR_PHRASES.filter((p) => /^\p{Script=Han}/u.test(p.phrase)).map((p) => p.phrase).sort((x, y) => y.length - x.length);
    hanPhrases = new RegExp(han.map(escape).join('|'), 'gu');
  }
  const found: { index: number; phrase: string }[] = [];
  let claimedTo = 0;
  for (const w of text.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}][\p{L}\p{N}.&'’-]*/gu)) {
    const index = w.index ?? 0;
    if (index < claimedTo) continue;
    const word = w[0].replace(/['’]s$/, '');
    const candidates = phrasesByFirstWord.get(word) ?? phrasesByFirstWord.get(word.replace(/[.,]+$/, '')) ?? [];
    for (const phrase of candidates) {
      // A headline in title case capitalises every word: "by Dutch Government".
      if (!text.startsWith(phrase, index) && !text.startsWith(titleCased(phrase), index)) continue;
      if (/[\p{L}\p{N}]/u.test(text[index + phrase.length] ?? '')) continue;
      found.push({ index, phrase });
      claimedTo = index + phrase.length;
      break;
    }
  }
  for (const m of text.matchAll(new RegExp((hanPhrases as RegExp).source, 'gu'))) found.push({ index: m.index ?? 0, phrase: m[0] });
  yield* found.sort((x, y) => x.index - y.index);
}
function titleCased(phrase: string): string {
  return phrase.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, c: string) => space + c.toUpperCase());
}
// The first entry of a phrase wins: the hand-made lists come before the generated ones.
const actorByPhrase = new Map([...ACTOR_PHRASES].reverse().map((p) => [p.phrase, p.actor]));

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** "Canadian Innovation Minister", "the German Federal Network Agency": a people's adjective, a portfolio in capitals, and an office. */
const NATIONAL_OFFICE = new RegExp(
  String.raw`\b(${demonymAlternation().replace(/(^|\||\\s\+)([a-z])/g, (_, before: string, c: string) => before + c.toUpperCase())})\s+((?:\p{Lu}[\p{L}-]*\s+(?:and\s+)?){1,4})(Minister|Ministry|Department|Agency|Authority|Office|Commission|Regulator|Secretary)\b`,
  'gu',
);

function findActors(text: string, mentions: Mention[]): ActorHit[] {
  const out: ActorHit[] = [];
  // The country a national subsidiary is named after ("Hikvision Canada"): where an act against it is
  // taken, when nothing else in the text names the actor.
  const namedAfter: ActorHit[] = [];
  for (const m of actorMatches(text)) {
    const span = { start: m.index, end: m.index + m.phrase.length };
    const inName = mentions.find((x) => overlaps(x, span));
    if (inName) {
      const actor = actorByPhrase.get(m.phrase);
      if (actor && inName.end === span.end && inName.start < span.start) namedAfter.push({ ...span, actor, surface: m.phrase, court: false, oblique: false });
      continue;
    }
    const after = text.slice(span.end);
    if (POSSESSIVE_NOT_ACTOR.test(after) || NOT_ACTOR_AFTER.test(after)) continue;
    const actor = actorByPhrase.get(m.phrase);
    if (actor?.authority === 'government' && continuesAName(after)) continue;
    const followed = FOLLOWED_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start)) && FOLLOWED_AFTER.test(after);
    const oblique = OBLIQUE_BEFORE.test(text.slice(Math.max(0, span.start - 14), span.start)) || BETWEEN_PAIR_BEFORE.test(text.slice(Math.max(0, span.start - 60), span.start)) || JOINED_OTHERS_BEFORE.test(text.slice(Math.max(0, span.start - 30), span.start)) || followed || inObliqueList(text, span);
    if (actor) out.push({ ...span, actor, surface: m.phrase, court: false, oblique });
  }
  for (const m of text.matchAll(new RegExp(COURT_PATTERN.source, COURT_PATTERN.flags))) {
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (out.some((a) => overlaps(a, span))) continue;
    // "a Swedish administrative court", "a federal judge", "US senators": the country is the adjective.
    const words = `${text.slice(Math.max(0, span.start - 30), span.start)}${m[0]}`.split(/\s+/).slice(-4);
    const jurisdiction = words.map((w) => COURT_NATIONALITY[w]).find((j) => j !== undefined) ?? '';
    const authority = /judge|court|justice/i.test(m[0]) ? 'court' : 'legislature';
    out.push({ ...span, actor: { jurisdiction, authority }, surface: m[0], court: true, oblique: false });
  }
  for (const m of text.matchAll(NATIONAL_OFFICE)) {
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    const jurisdiction = demonymCode(m[1] as string);
    if (!jurisdiction || out.some((a) => overlaps(a, span)) || mentions.some((x) => overlaps(x, span))) continue;
    const head = m[3] as string;
    const authority = /^(?:Authority|Regulator|Commission|Agency)$/.test(head) ? 'regulator' : /^(?:Minist|Secretary)/.test(head) ? 'ministry' : 'government';
    out.push({ ...span, actor: { jurisdiction, authority }, surface: m[0], court: false, oblique: OBLIQUE_BEFORE.test(text.slice(Math.max(0, span.start - 14), span.start)) });
  }
  if (out.length === 0) out.push(...namedAfter);
  return out.sort((a, b) => a.start - b.start);
}

/** Nouns that make a divestiture before them a commercial transaction. */
const COMMERCIAL_HEAD_AFTER = /^\s+(?:deals?|agreements?|talks|negotiations|buyers?|bids?|offers?|terms|proceeds|transactions?)\b/i;

const LIST_OF_PRODUCTS_AFTER = /^\s+of\s+(?:[\w-]+\s+){0,2}?(?:equipment|products|services|gear|devices|technologies|software|hardware)\b/i;

const LIST_MEMBER_AFTER = /^[-\s]+(?:part(?:y|ies)|entit(?:y|ies)|compan(?:y|ies)|firms?|members?)\b/i;

/** A ruling or a revocation asked for, not given: "asked a court to block", "seeking to be removed from". */
const REQUEST_GRANTED = /\b(?:grant(?:s|ed|ing)?|approv(?:e|es|ed|ing))\s+(?:[\w’'-]+\s+){0,3}(?:request|petition|motion|application|bid)\b/i;
const REQUESTED_BEFORE = /\b(?:ask(?:s|ed|ing)?|petition(?:s|ed|ing)?|seek(?:s|ing)?|sought|urg(?:e|es|ed|ing)|sue(?:s|d)?|suing|fil(?:e|es|ed|ing)|request(?:s|ed|ing)?|appeal(?:s|ed|ing)?(?!\s+(?:court|judges?|panel))|challeng(?:e|es|ed|ing)|want(?:s|ed)?|hop(?:e|es|ed|ing)|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|bid|lawsuit|suit|efforts?)\b(?:[^.;]|(?<=\b[A-Z])\.){0,60}$/i;

const ON_THE_LIST_BEFORE = /\b(?:is|are|was|were|(?:has|have|had)\s+(?:long\s+)?been|(?<!\b(?:to|will|would|must|should|shall|may|can)\s+)remain(?:s|ed)?)\s+(?:already\s+|also\s+|still\s+)?(?:on|in)\s+(?:the|its|a|an)\s+(?:[\w’'.-]+\s+){0,3}$/i;
/** A person's papers: "work permits", "visas", "residence permits" (before a word of revocation). */
const PERMITS_BEFORE = /\b(?:permits?|visas?|residency|residence cards?)\s+(?:(?:will|would|shall|have|has|had|are|were|is|was|be|been)\s+){0,3}$/i;
/** A ban's scope that is the government's own use, offices or bodies. */
const GOVERNMENT_USE_SCOPE = /\b(?:(?:for|in|on|from)\s+(?:all\s+|any\s+)?(?:[\w-]+\s+)?(?:government|governmental|govt\.?|gov['’]t|federal|public[- ]sector|official)\s+(?:office\s+)?(?:use|work|business|purposes|offices|agencies|departments|bodies|institutions|systems|networks|procurement)|within\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,2}government)\b/i;
/** A sentence that ends as a question. */
const QUESTION_END = /\?["”’')]*\s*$/;
/** What a list holds as it stands: "… list already includes", "… list currently names". */
const LIST_HOLDS = /\blist\s+(?:already|currently|now|still)\s+(?:includes?|contains?|names?|lists?|covers?)\b/i;
/** A possibility someone sees, not anyone's act: "the prospect that X could …", "speculation that Y might …". */
const SPECULATION_BEFORE = /\b(?:prospect|possibility|speculation|likelihood|fears?)\s+(?:that|of)\b[^.;]{0,80}?\b(?:could|might|may|would)\b[^.;]{0,80}$/i;

function findTriggers(text: string): Trigger[] {
  // "wants its allies to ban Huawei": an act others are pressed to do is a push, not the subject's ban.
  // "the law forces ByteDance to relinquish control of TikTok": a demanded sale is a divestment order.
  // "told its staff to uninstall TikTok", "remove the app from government devices": a ban on the government's own use.
  const claimed: Trigger[] = [...pushesOnOthers(text).map((r) => ({ ...r, action: 'boycott-push' as const })), ...ownUseBans(text).map((r) => ({ ...r, action: 'procurement-ban' as const })), ...deniedMarket(text).map((r) => ({ ...r, action: 'ban' as const })), ...saleDemands(text).map((r) => ({ ...r, action: 'divestment-order' as const }))];
  for (const { action, pattern } of ACTION_PATTERNS) {
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      const t = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, action, text: m[0] };
      if (claimed.some((c) => overlaps(c, t))) continue;
      claimed.push(t);
    }
  }
  // "the global campaign to convince allies to swear off …": adjacent words of one action are one trigger.
  claimed.sort((a, b) => a.start - b.start);
  for (let i = claimed.length - 1; i > 0; i--) {
    const [prev, cur] = [claimed[i - 1] as Trigger, claimed[i] as Trigger];
    if (prev.action === cur.action && cur.start - prev.end <= 25 && !/[;,]/.test(text.slice(prev.end, cur.start))) {
      claimed.splice(i - 1, 2, { start: prev.start, end: cur.end, action: prev.action, text: text.slice(prev.start, cur.end) });
    }
  }
  // "… 90 days to sell or face a ban": the ban is the divestment's consequence, not another act.
  // "raised the prospect that New Zealand could follow Australia in banning …": speculation, no act.
  const holds = LIST_HOLDS.exec(text);
  return claimed
    .filter((t) => !SPECULATION_BEFORE.test(text.slice(Math.max(0, t.start - 170), t.start)))
    // "Huawei has been on the Entity List since 2019", "… remain on the blacklist", "The list already
    // includes …": membership stated, no act (members a decision keeps on a list "will remain" on it,
    // and that is read elsewhere).
    .filter((t) => !(/list$/i.test(t.text) && ON_THE_LIST_BEFORE.test(text.slice(Math.max(0, t.start - 60), t.start))))
    // The list's name and what the sentence then says of its members ("firms deemed threats") describe it.
    .filter((t) => holds === null || t.end <= holds.index)
    .filter((t) => !/\bor\s+(?:face|risk)\s+(?:an?\s+)?(?:\w+\s+)?$/i.test(text.slice(Math.max(0, t.start - 30), t.start)))
    // "if a qualified divestiture deal emerges": a divestiture that names a deal, talks or a buyer is the
    // company's transaction, not a government's order.
    .filter((t) => !(t.action === 'divestment-order' && /^divest/i.test(t.text) && COMMERCIAL_HEAD_AFTER.test(text.slice(t.end))))
    // "ownership by an Entity List party", "Entity List entities": a list's name before a noun for its
    // members says who is on it, not that anyone was put there.
    .filter((t) => !(t.action === 'entity-list' && /list$/i.test(t.text) && LIST_MEMBER_AFTER.test(text.slice(t.end))))
    // "would ban TikTok unless ByteDance sells it": a ban that is the penalty for not selling is a divestment order.
    .map((t) => (t.action === 'ban' && banIsPenaltyOfSale(text, t) ? { ...t, action: 'divestment-order' as const } : t))
    .map((t) => (t.action === 'boycott-push' ? dutyOnRegulated(t) : t))
    // "added products made by Kaspersky to a list of equipment that may threaten national security": a list
    // of products, not of parties, is a ban on them (the FCC's Covered List).
    .map((t) => (t.action === 'entity-list' && /list$/i.test(t.text) && LIST_OF_PRODUCTS_AFTER.test(text.slice(t.end)) ? { ...t, action: 'ban' as const } : t))
    // "Pursuant to Executive Order 13959, as amended by E.O. 14032, OFAC sanctioned eight companies": what
    // the orders on securities of Chinese military companies authorise is an investment ban.
    .map((t) => (t.action === 'sanction' && SECURITIES_ORDER.test(text) ? { ...t, action: 'investment-ban' as const } : t))
    .sort((a, b) => a.start - b.start);
}

/** The executive orders on securities of Chinese military companies (13959, 14032), by number. */
const SECURITIES_ORDER = /\b(?:E\.?\s?O\.?|Executive Order)\s*(?:No\.\s*)?(?:13959|14032)\b/i;

const DUTY_ON_REGULATED = /\b(?:operators|carriers|providers|telecoms|companies|firms)\b[^;]{0,40}?\b(?:must|shall|(?:are|were|will be|would be) (?:legally )?(?:required|obliged|obligated) to|have to|had to)\s+(?:(?:also|gradually|fully|now)\s+)?(phase out|remove|replace|strip|rip out|take out)?/i;

/**
 * "told operators … that they must phase out Huawei equipment": a duty a government lays on the
 * operators and companies it regulates is its own act — a removal order when they must take out what
 * is installed, else a ban — not a push on others, which asks ("urged operators to drop …").
 */
function dutyOnRegulated(trigger: Trigger): Trigger {
  const duty = DUTY_ON_REGULATED.exec(trigger.text);
  if (!duty) return trigger;
  return { ...trigger, action: duty[1] ? 'removal-order' : 'ban' };
}

const sentenceActionCache = new Map<string, Action[]>();
/** Every kind some action pattern of the lexicon finds in the text, claimed or not. */
function sentenceActions(text: string): Action[] {
  let found = sentenceActionCache.get(text);
  if (!found) {
    found = [...new Set(ACTION_PATTERNS.filter(({ pattern }) => new RegExp(pattern.source, pattern.flags).test(text)).map((p) => p.action))];
    if (sentenceActionCache.size > 2000) sentenceActionCache.clear();
    sentenceActionCache.set(text, found);
  }
  return found;
}

/**
 * The learned tie-breaker: a reading whose sentence reads, to the model, clearly as another kind takes
 * that kind. Only kinds the lexicon's own words name in the sentence (or in the trigger's words) compete:
 * the model breaks ties, it does not invent. Official notices keep their kind.
 */
export function rekindReadings(events: RestrictionEvent[], model: ActionModel): void {
  if (model.drop) {
    // A model trained to drop leaves out the readings it finds more probably no act than of their kind.
    const kept = events.filter((e) => e.official || !noAct(model, e.evidence, e.trigger, e.action));
    events.splice(0, events.length, ...kept);
    return;
  }
  for (const e of events) {
    if (e.official) continue;
    const action = chooseAction(model, e.evidence, e.trigger, e.action, model.candidates === 'span' ? spanActions(e.evidence, e.trigger) : sentenceActions(e.evidence));
    if (action !== e.action) [e.action, e.lexiconAction] = [action, e.action];
  }
}

/** What a rule's summary says it does, when no act word of the lexicon does: it restricts transactions, or acts on listed parties. */
const RULE_RESTRICTS = /\b(?:prohibit(?:s|ed|ing|ions?)?|restrict(?:s|ed|ing|ions?)?|undue or unacceptable risks?|unacceptable risks?)\b/i;

/**
 * The acts a Federal Register document's title and summary state are at the stage its preamble names
 * (a proposed rule's summary speaks of the rule in the present tense), dated by the rule's effective
 * date when their words give none. When no sentence of them yields an act, the document itself is
 * one, on the knowledge base's names and the classes its title and summary give.
 */
function atPreambleStage(preamble: Preamble, events: RestrictionEvent[], sentences: Sentence[], agency: Actor, mentions: Mention[], body: string, published: string | undefined): void {
  const summary = preamble.summary as NonNullable<Preamble['summary']>;
  const inPreamble = (e: RestrictionEvent) => (sentences[e.sentence]?.start ?? Infinity) < summary.end;
  const stated = events.filter(inPreamble);
  for (const e of stated) {
    if (e.status === 'enjoined' || e.status === 'revoked') continue;
    [e.status, e.statusCue] = [preamble.status, `${preamble.action} (Federal Register)`];
    if (preamble.effective && e.dateSource !== 'text') [e.date, e.dateText, e.dateSource] = [preamble.effective, `effective ${preamble.effective}`, 'text'];
  }
  if (stated.length > 0) return;
  const words = body.slice(0, summary.end);
  const kinds = sentenceActions(words);
  const action: Action | undefined = kinds.find((k) => k !== 'other') ?? (RULE_RESTRICTS.test(summary.text) ? 'ban' : undefined);
  if (!action) return;
  const named = mentions.filter((m) => m.end <= summary.end);
  const seen = new Set<string>();
  const targets: EventTarget[] = [];
  for (const m of named) {
    if (seen.has(m.entity.id)) continue;
    seen.add(m.entity.id);
    targets.push({ surface: m.surface, entity: m.entity, via: 'name' });
  }
  for (const g of genericTargets(words, named)) {
    if (g.target.generic && !seen.has(g.target.generic)) {
      seen.add(g.target.generic);
      targets.push(g.target);
    }
  }
  if (targets.length === 0) return;
  const date = preamble.effective ?? published;
  events.push({
    actor: agency,
    action,
    targets,
    status: preamble.status,
    statusCue: `${preamble.action} (Federal Register)`,
    ...(date ? { date, dateText: preamble.effective ? `effective ${date}` : 'publication date', dateSource: preamble.effective ? ('text' as const) : ('publication' as const) } : {}),
    trigger: preamble.action,
    evidence: summary.text.slice(0, 400),
    sentence: Math.max(0, sentences.findIndex((s) => s.start + s.text.length > summary.start)),
  });
}

/** Every kind some action pattern of the lexicon reads in the trigger's own words (overlapping them). */
function spanActions(text: string, trigger: string): Action[] {
  const at = text.indexOf(trigger);
  if (at < 0) return [];
  const span = { start: at, end: at + trigger.length };
  return [...new Set(ACTION_PATTERNS.filter(({ pattern }) => [...text.matchAll(new RegExp(pattern.source, pattern.flags))].some((m) => overlaps(span, { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }))).map((p) => p.action))];
}

function startsWithActor(text: string): boolean {
  const first = findActors(text.slice(0, 60), [])[0];
  return first !== undefined && /^\s*(?:the\s+)?$/i.test(text.slice(0, first.start));
}

function spans(text: string, pattern: RegExp): (Span & { text: string })[] {
  return [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
}

/** Where the clause holding `at` begins: the last clause break or earlier action before it. */
function clauseStart(breaks: Span[], triggers: Trigger[], at: number): number {
  let start = 0;
  for (const b of breaks) if (b.end <= at && b.end > start) start = b.end;
  for (const t of triggers) if (t.end <= at && t.end > start) start = t.end;
  return start;
}

/** "delivery service Lalamove", "drone maker Skydio": a role noun naming what the next company is. */
const ROLE_BEFORE_NAME = /^(?:[a-z][\w-]*\s+){0,2}(?:service|maker|platform|app|company|firm|giant|operator|provider|developer|retailer|carrier|vendor|supplier|manufacturer|startup|brand|chipmaker)\s+$/;

/** What a ban forbids when it is an export control: selling, supplying or shipping to the target, or items under export rules. */
const EXPORT_CONTENT = /\bfrom\s+(?:selling|supplying|shipping|exporting|providing)\b[^;.]{0,60}?\bto\b|\bsubject to the\s+[“"]?Export Administration Regulations\b|\b(?:U\.S\.|US|American)[- ]origin (?:items|goods|technology|components)\b|\bitems (?:that (?:were|are) )?exported from\b/i;

/** A government backing a decision of other governments, right before the act those others take. */
const BACKS_OTHERS_BEFORE = /\b(?:support|back|endors|welcom|encourag|applaud)(?:e|es|s|ed|ing)?\s+(?:the\s+)?(?:decisions?|moves?|plans?|efforts?|steps?|choices?)\s+(?:of|by)\s+(?:(?:the|its|their|several|many|multiple|some|other|[\w-]+)\s+){0,2}(?:member states|countries|allies|governments|nations|partners|states)\s+to\s+$/i;

/** Where the clause after `from` ends: the next break or action, or a comma not followed by a list. */
function clauseEnd(text: string, breaks: Span[], triggers: Trigger[], mentions: Mention[], from: number): number {
  let end = text.length;
  for (const b of breaks) if (b.start >= from && b.start < end) end = b.start;
  for (const t of triggers) if (t.start >= from && t.start < end) end = t.start;
  for (let i = text.indexOf(',', from); i >= 0 && i < end; i = text.indexOf(',', i + 1)) {
    // "“Webull,” “Moomoo[,]” and Lemon8": a quotation mark or an editor's bracket that closes right after the comma is part of it.
    const rest = text.slice(i + 1).replace(/^[\]’”"]+/, '').trimStart().replace(/^(?:\(\d+\)|\d+\.|\([a-z]\))\s*/, '');
    const restStart = text.length - rest.length;
    // A list of names goes on after a comma: "Epirus, Inc., AeroVironment, Inc., Exelis Inc. …".
    // "… to include new, foreign-made uncrewed aircraft systems": a class after a comma goes on too.
    // "… AliExpress, delivery service Lalamove as well as …": a role noun before the next name goes on too.
    // "… Huawei or ZTE (or their affiliates) or, in some cases, cameras made by Hikvision": a comma right
    // after a conjunction opens an aside inside the list, and the comma that closes a short aside goes on too.
    const aside = /\b(?:and|or)\s*$/i.test(text.slice(from, i)) || /\b(?:and|or),[^,;.()]{1,40}$/i.test(text.slice(from, i));
    // "updated its 1260H list, adding two dozen companies": a participle that adds to the act names its objects.
    // "… three Chinese telecommunications companies, citing national security risks, including China Telecom
    // Americas …": a reason set off by commas before the members does not end the clause.
    const reasonBeforeMembers = /^(?:citing|alleging|claiming|noting|saying|over)\b[^,;.]{0,80},\s*(?:including|such as|among them|namely)\b/i.test(rest);
    const listGoesOn = aside || reasonBeforeMembers || /^(?:and|or|as well as|including|such as|plus)\b/i.test(rest) || /^(?:adding|naming|designating|placing|putting)\b(?!\s+(?:that|it|this)\b|\s*[:,])/i.test(rest) || mentions.some((m) => m.start > restStart && ROLE_BEFORE_NAME.test(text.slice(restStart, m.start))) || genericTargets(rest.slice(0, 120), []).some((g) => g.start === 0) || /^(?:Inc|LLC|Ltd|Corp|Co|Limited|PLC|GmbH|AG|SA)\b\.?/.test(rest) || mentions.some((m) => m.start === restStart) || /^(?:the\s+)?(?:[\w-]+-based\s+)?[“"]?\p{Lu}[\p{L}\p{N}]*(?:[\s,]|$)/u.test(rest) && !/^(?:the\s+)?(?:\p{Lu}\p{L}+\s+)?(?:said|says|told|reported|added|according)\b/u.test(rest) && !startsWithActor(rest);
    if (!listGoesOn) {
      end = i;
      break;
    }
  }
  return end;
}

const ACT_NOUN_TRIGGER = /^(?:(?:\w+\s+)?bans?|prohibitions?|restrictions?|sanctions?|blacklisting|embargo(?:es)?|(?:executive\s+)?orders?|listing|designation)(?:\s+(?:on|of|against))?$/i;
/** A passive verb of a stage right after the act's noun phrase (no clause break, no other verb between). */
const PASSIVE_STAGE_AFTER = /^(?:\s+(?:on|of|against|targeting)\s+[^.;,]{1,60}?)?\s+(?:has|have|had)?\s*(?:been|was|were|is|are)\s+(?:being\s+)?(?:(?:also|repeatedly|widely|long|publicly|openly|reportedly|previously)\s+)?(threatened|proposed|considered|floated|mooted|debated|discussed|mulled|weighed|contemplated)\b/i;

function statusFromCues(before: string, after: string, trigger: string): { status: EventStatus; cue?: string } {
  const afterCue = /^[^.;]{0,60}?\b(took effect|came into (?:force|effect)|went into effect)\b/i.exec(after);
  if (afterCue) return { status: 'in-force', cue: afterCue[1] };
  // "A national ban of TikTok has been threatened by …", "sanctions on Huawei were considered": an act named
  // by a noun, subject of a passive verb of its stage, is at that stage whatever stands before it.
  if (ACT_NOUN_TRIGGER.test(trigger.trim())) {
    const stage = PASSIVE_STAGE_AFTER.exec(after);
    const verb = stage?.[1]?.toLowerCase();
    if (stage && verb) return { status: /^(?:threaten|mooted|floated)/.test(verb) ? 'threatened' : /^propos/.test(verb) ? 'proposed' : 'considered', cue: stage[0].trim() };
  }
  let best: { status: EventStatus; cue: string; at: number } | undefined;
  for (const { status, pattern } of STATUS_CUES) {
    for (const m of before.matchAll(new RegExp(pattern.source, pattern.flags))) {
      // "May" the month is not "may" the modal.
      if (m[0] === 'May' && (m.index ?? 0) > 0) continue;
      const at = (m.index ?? 0) + m[0].length;
      if (!best || at > best.at || (at === best.at && m[0].length > best.cue.length)) best = { status, cue: m[0], at };
    }
  }
  if (best) return { status: best.status, cue: best.cue };
  const word = trigger.split(/\s+/)[0] ?? trigger;
  if (PAST_FORM.test(word)) {
    const present = /\b(is|are|remains?|stays?)\s+(?:\w+\s+)?$/i.exec(before);
    if (present) return { status: 'in-force', cue: `${present[1]} ${word}` };
    return { status: 'enacted', cue: word };
  }
  if (HEADLINE_PRESENT.test(word)) return { status: 'enacted', cue: word };
  if (/ing$/i.test(word) && /\b(?:after|by|since)\s+(?:\w+\s+)?$/i.test(before)) return { status: 'enacted', cue: `after ${word}` };
  return { status: 'enacted' };
}

/**
 * "Canada will bar Huawei from its networks, the minister said on Thursday": a decision announced
 * in the future tense is a decision, not a threat. The action's verb must be in the future tense
 * (compromise) and the sentence must report an announcement, with no word of threat, condition or
 * vagueness in it.
 */
function isAnnouncedDecision(text: string, trigger: Trigger): boolean {
  if (!/\b(?:announc(?:ed|es|ing)|said|says|confirmed|stated|decided|agreed|told (?:reporters|parliament|lawmakers)|inform(?:ed|s)|notifie[ds])\b/i.test(text)) return false;
  let frame = verbFrameAt(text, trigger.start);
  // Where the verb that carries the act's tense begins: the trigger's, or the one it depends on.
  let verbAt = trigger.start;
  // "said it will add Huawei to its Entity List": when the action is named by a noun, the verb that
  // governs it carries the tense.
  // "… will then need to be stripped out": an infinitive takes its tense from the verb it depends on.
  // A determiner before the trigger makes it a noun whatever its tag ("carry out the phase-out").
  const noun = /\b(?:the|a|an|its|their|this|that)\s+$/i.test(text.slice(Math.max(0, trigger.start - 7), trigger.start));
  if (frame.tense === 'none' || frame.tense === 'infinitive' || noun) {
    // The object between the verb and the act's noun may be a long list ("add 28 organizations — including … — to the Entity List").
    const governing = /\b(will|would)\s+(?:(?:\w+ly|then|also|now|still|further)\s+)*(\w+)\b[^.;]{0,300}$/i.exec(text.slice(0, trigger.start));
    if (governing) {
      verbAt = governing.index + governing[0].indexOf(governing[2] as string, (governing[1] as string).length);
      const governed = verbFrameAt(text, verbAt);
      frame = /^will$/i.test(governing[1] as string) && governed.tense !== 'future' ? { ...governed, tense: 'future' } : governed;
    }
  }
  if (frame.negative) return false;
  // "The government said on Tuesday it would ban Huawei", "said it would add 12 companies to its Entity
  // List": in reported speech "would" is "will" shifted back by the past-tense reporting verb, the same
  // announcement; any other "would" is a condition.
  const backshifted = frame.modal === 'would' && REPORTED_WOULD.test(text.slice(0, verbAt));
  // A relative clause about someone else ("…, which considers the company a threat") says nothing of the decision.
  const relative = /,\s*(?:which|who|whom|whose)\b/i.exec(text.slice(trigger.end));
  const own = relative ? text.slice(0, trigger.end + relative.index) : text;
  // "will likely agree … to block", "is expected to": a forecast of a decision is not one announced.
  if (/\b(?:threat(?:en|ens|ened)|warn(?:s|ed)?|vow(?:s|ed)?|if|unless|could|might|may|coming days|soon|consider(?:s|ed|ing)?|likely|probably|expected to|as early as)\b/i.test(own)) return false;
  if (!backshifted && /\bwould\b/i.test(own)) return false;
  return frame.tense === 'future' || backshifted;
}

/**
 * A past-tense reporting verb, then who acts, then "would" and the action: "said on Tuesday it would",
 * "announced that Huawei would be", "confirmed the government would". At most a few words between.
 * Not "he" or "she": a politician saying what he would do ("Trump said he would ban TikTok this
 * weekend") is a pledge, not a government's decision.
 */
const REPORTED_WOULD = /\b(?:said|announced|confirmed|stated|decided|agreed|told (?:reporters|parliament|lawmakers|journalists))\s+(?:(?:on|last|this|late|early) \w+\s+|in a (?:\w+ )?statement\s+)?(?:that\s+)?(?:it|they|the (?:[\w-]+ ){0,3}[\w-]+|\p{Lu}[\p{L}.’'-]*(?: \p{Lu}[\p{L}.’'-]*){0,3})\s+would\s+(?:(?:be|also|now|effectively|formally|officially)\s+)*$/u;

/** "… to the United States", "… to China": the country goods go to, within the sentence. */
/** A destination after "to": the country, not its government or firms ("to the U.S." at a sentence's end too). */
const DESTINATION = String.raw`\bto\s+(?:the\s+)?(United States|U\.S\.|US|America|China|Russia|Iran)(?!\w)(?!\s*(?:government|officials|firms|companies|'s|’s))`;
const EXPORT_DESTINATION = new RegExp(String.raw`^[^.;]{0,150}?${DESTINATION}`);

const SHOW_CAUSE = /\b(?:explain why|show cause|show-cause)\b[^.;]*$/i;
/** The words asking to be shown cause in the 120 characters before `at`, if any. */
const causeShownBefore = (text: string, at: number): string | undefined => SHOW_CAUSE.exec(text.slice(Math.max(0, at - 120), at))?.[0].trim();
const OWNER_APPOSITION = /,\s*(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:subsidiary|unit|division|affiliate|arm)\s+of\s+(?:(?:the\s+)?[\w-]+\s+){0,3}$/i;
const WEAK_STATUS: ReadonlySet<EventStatus> = new Set(['threatened', 'considered', 'proposed']);
/** A proposal an act is told of in a relative clause, right before the act's verb: "the proposed measure, which effectively". */
const PROPOSAL_RELATIVE = /\b(?:proposed|draft)\s+(?:[\w-]+\s+){0,2}?(?:measures?|rules?|regulations?|bans?|bills?|orders?|legislation)\s*,?\s*(?:which|that)\s+(?:would\s+|will\s+|could\s+)?(?:also\s+)?(?:\w+ly\s+)?$/i;
/** "exports of its H20 chips to China, and several other nations, will …": an export's destination before the act's words. */
const EXPORTS_TO_BEFORE = new RegExp(String.raw`\bexports?\s+(?:of\s+[^.;]{0,80}?)?${DESTINATION}`);
/** A bill, a proposal or a draft as the subject of the sentence: "The bill, which passed the Senate, would …". */
const BILL_SUBJECT = /^\W*(?:the|a|this|that|their|his|her|its)\s+(?:[\w-]+\s+){0,3}?(bill|legislation|proposal|proposed rule|draft (?:law|rule|regulation)|amendment)\b/i;
/** "will be prohibited", "shall be banned": a prohibition in the passive future. */
const SCHEDULED_PASSIVE = /\b(?:will|shall)\s+(?:also\s+|then\s+|now\s+)?be\s+(?:\w+\s+)?(?:prohibited|banned|barred|blocked|forbidden|restricted|required|excluded)\b/i;
/** A start date: "from January 11", "starting March 1", "as of", "effective", "beginning in". */
const SCHEDULE_START = /\b(?:from|starting|beginning|as of|effective|with effect from)\s+(?:on\s+|in\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|next|the (?:\d|start|beginning|end))/i;

/**
 * "despite US sanctions", "in spite of the ban", "follows five years of similar U.S. sanctions", "the
 * effects of US sanctions": an act named as the background of something else, or a span of acts rather than one.
 */
const BACKGROUND_BEFORE = /\b(?:(?:despite|in spite of|notwithstanding|amid|facing)\s+(?:the\s+|its\s+)?(?:[\w.’'-]+\s+){0,6}|(?:years|months|decades)\s+of\s+(?:[\w.’'-]+\s+){0,3}|(?:effects?|impacts?|consequences?|fallout)\s+of\s+(?:the\s+)?(?:[\w.’'-]+\s+){0,3})$/i;
/**
 * "The Dutch decision follows a US Department of Homeland Security ban", "The suspension follows an
 * earlier ban": an act named as what the reported one follows is its background (the act reported is
 * the subject's; "followed the US in banning" keeps its verb, read elsewhere).
 */
const FOLLOWS_ACT_BEFORE = /\b(?:decision|move|step|order|ban|suspension|action|announcement|ruling|measure)s?\s+(?:also\s+|comes?\s+(?:as\s+it\s+)?)?follow(?:s|ed|ing)?\s+(?:on\s+(?:from\s+)?)?(?:a|an|the|its|their)\s+(?:(?:earlier|previous|prior|similar|recent|separate|of|U\.S\.|\p{Lu}[\p{L}.’'-]*)\s+){0,7}$/u;
/** "… as U.S. trade sanctions took a toll": an act as the cause of a company's fortunes is background too. */
const BACKGROUND_EFFECT_AFTER = /^[^.;]{0,80}?\b(?:t(?:ook|akes?|aking) (?:a|its|their) toll|weigh(?:s|ed|ing)? on|dent(?:s|ed)|squeez(?:e|es|ed)|hamper(?:s|ed)|hurt(?:s|ing)?)\b/i;

function isNegated(beforeClause: string, sentenceBefore: string): boolean {
  const near = beforeClause.slice(-60).replace(/\b(?:not|\w*n['’]t)\s+(?:only|just|merely)\b/gi, '').replace(/\bno longer\b/gi, '');
  if (new RegExp(NEGATION_PATTERN.source, NEGATION_PATTERN.flags).test(near) || BACKGROUND_BEFORE.test(near) || FOLLOWS_ACT_BEFORE.test(beforeClause.slice(-120))) return true;
  // A reported denial governs everything after it: "Huawei denied reports that it would be banned".
  return /\b(?:denie[sd]|deny(?:ing)?|dismissed (?:reports|claims|speculation)|rejected (?:reports|claims|suggestions))\b|否认/i.test(sentenceBefore);
}

const SUBSUMED_BY: Record<Action, Action[]> = {
  other: ['ban', 'entity-list', 'sanction', 'investment-ban', 'procurement-ban', 'export-control', 'divestment-order', 'removal-order', 'boycott-push'],
  'export-control': ['entity-list'],
  sanction: ['entity-list', 'investment-ban'],
  ban: ['procurement-ban', 'investment-ban', 'divestment-order', 'export-control', 'entity-list'],
  'entity-list': [],
  'investment-ban': [],
  'procurement-ban': [],
  'divestment-order': [],
  'removal-order': [],
  'boycott-push': [],
};

/** Companies an order works through, not against: "app stores hosted by companies like Apple and Google". */
/** "119 apps on Google Play Store": the store an order works through. */
const STORE_AFTER = /^\s*(?:Play(?:\s+Store)?|App\s+Store|app\s+store|[’']s\s+(?:app|play)\s+store|(?:and|or)\s+\p{Lu}[\p{L}]*[’']s\s+(?:app|play)\s+store)/u;
/**
 * "forcing Apple and Google to remove", "requiring carriers X and Y to stop": whom an act obliges, up to
 * its infinitive; and "banning Apple and Google from offering TikTok", "barring the Apple and Android app
 * stores from allowing downloads": those barred from carrying another's product; "informed Nvidia that
 * exports of its H20 chips …", "Nvidia was informed the new licensing requirement …": the
 * exporter told of a control on its sales.
 */
const OBLIGED_PARTIES = /\b(?:(?:forc|requir|order|direct|compel|instruct|oblig)(?:e|es|ed|ing|s)?\s+(?:\p{Lu}[\p{L}.&-]*\s+(?:(?:and|or)\s+)?){1,6}to\s+\w+|(?:bann|barr|prohibit|forbidd?|block)(?:s|ed|ing)?\s+(?:the\s+)?(?:\p{Lu}[\p{L}.&-]*\s+(?:(?:and|or)\s+)?){1,6}(?:(?:app|play|online)\s+stores?\s+)?from\s+(?:offering|allowing|hosting|distributing|carrying|listing|making|processing|providing\s+(?:downloads|updates|access|payments?))\b|(?:inform|notif)(?:s|ed|ied|ies|y)?\s+(?:[\p{L}.-]+\s+){0,2}?(?:\p{Lu}[\p{L}.&-]*\s+(?:(?:and|or)\s+)?){1,4}that\s+(?:[\w-]+\s+){0,3}?(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:chips|products|processors|exports|sales|shipments)\b|(?:\p{Lu}[\p{L}.&-]*\s+(?:(?:and|or)\s+)?){1,4}(?:was|were|(?:has|have|had)\s+been)\s+(?:informed|notified)\s+(?:that\s+|of\s+)?(?:the\s+|a\s+)?(?:new\s+)?(?:licen[cs](?:e|ing)|export)\b)/gu;
const INTERMEDIARY_BEFORE = /\b(?:(?:hosted|operated|run|offered) by|app stores? (?:of|from|like|such as)|companies like)\s+(?:(?:\p{Lu}[\p{L}]*|and|or),?\s+)*$/u;

const LIST_MEMBERSHIP = /\b(?:on the list (?:are|were|is)|(?:specified|named|listed|included|covered) (?:are|were)|the (?:updated |new |latest |specific |full |official )?(?:fcc |commerce |treasury |bis |government )?(?:list|blacklist|designation|order|ban|action|rules?|measure)(?: of (?:[\w-]+ ){0,2}?[\w-]+)? (?:would |will )?(?:also )?(?:includes?|included|names?|named|covers?|contains?|affects?|affected|appl(?:y|ies) to)|(?:new |other |further )?(?:additions?|firms|companies|entities|organi[sz]ations|apps)(?: added)?(?:,\s*(?:which|that))?\s+(?:\w+ ){0,3}(?:include|included|are|were)|among (?:the|them|those)\b[^.;]{0,60}\b(?:are|were|is|was)|(?:newly\s+)?(?:added|listed|designated)\s+(?:[\w-]+\s+)?(?:companies|firms|entities|organi[sz]ations)\b[^.;]{0,120}?\b(?:include|included)\b|^\W*(?:here,\s*)?(?:it|they|the\s+(?:erc|end-user review committee|committee|agency|department|bureau|ministry|pentagon))\s+(?:also\s+|further\s+)?(?:decided to\s+)?add(?:s|ed)?\b(?![^;]{0,150}?\b(?:to|on)\s+(?:the|a|an|its|their)\b)|(?:also|further) (?:includes?|included|names?)|the following (?:[\w-]+\s+){0,3}?(?:entities|companies|firms|organi[sz]ations|apps|parties)|the\s+(?:[\w-]+\s+)?(?:listed|added|designated|blacklisted|sanctioned|named|banned)\s+(?:[\w-]+\s+){0,3}(?:firms|companies|entities|organi[sz]ations|apps)(?=\s*(?:[—–:]|--))|(?:another|one other|a further|one more)\s+(?:[\w-]+\s+)?(?:company|firm|entity|app|organi[sz]ation|supplier|vendor)\s+(?:cited|named|listed|added|included|targeted|designated)\s+(?:is|was)|(?:also|further|additionally)\s+add(?:s|ed)\b(?![^;]{0,150}?\b(?:to|on)\s+(?:the|a|an|its|their)\b))\b/i;

/** A definite noun naming an act, right after a verb: "… the August executive order", "… the ban", "… its earlier orders". */
const DEFINITE_ACT_OBJECT = /^\s+(?:the|these|those|that|this|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:(?:executive\s+)?orders?|bans?|laws?|rules?|measures?|prohibitions?|restrictions|decisions?|directives?|listings?|designations?|determinations?|regulations?)\b/i;

/** "modifies four existing entries on", "revises one entry under": a rule's changes to entries already listed. */
const REVISED_ENTRIES = /\b(?:modif(?:y|ies|ied|ying)|revis(?:e|es|ed|ing)|correct(?:s|ed|ing)?|amend(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,3}?entr(?:y|ies)\b[^.;]{0,30}$/i;

/** "Executive Order 13942 of August 6, 2020 (Addressing the Threat Posed by TikTok, …)": a US order by its number, with its title in brackets. */
const ORDER_WITH_TITLE = /\bExecutive Order (1\d{4})(?: of [A-Z][a-z]+ \d{1,2}, \d{4})?,?\s*\(([^()]{5,400})\)/g;
/** The act a measure of each kind is, for acts known only by the measure they revoke. */
const KIND_ACTION: Record<string, Action> = {
  'app-ban': 'ban',
  'device-ban': 'ban',
  'equipment-ban': 'ban',
  'network-exclusion': 'ban',
  'procurement-ban': 'procurement-ban',
  'investment-ban': 'investment-ban',
  'divestment-order': 'divestment-order',
  'export-control': 'export-control',
  designation: 'entity-list',
};

/** Acts that put names on a list, which a later clause can take them off again. */
const LISTING_ACTIONS = new Set<Action>(['entity-list', 'investment-ban', 'sanction']);
const LIST_WORDS = /\b(?:list|blacklist|additions?|added|update|updated|designations?|designated)\b/i;
/** The noun of an act a ruling or revocation names as its object ("the TikTok ban", "its designation of Xiaomi"). */
const RULED_ACT_NOUN = /\b(?:ban|prohibition|designation|listing|blacklisting|divest(?:ment|iture) order|divest-or-ban law)\b/i;
const ACT_NOUN_KIND: [RegExp, Action][] = [
  [/^(?:ban|prohibition)$/i, 'ban'],
  [/^(?:designation|listing|blacklisting)$/i, 'entity-list'],
  [/^divest/i, 'divestment-order'],
];
/** Where a ruling's object ends: the next clause. */
const CLAUSE_END = /[;:]|,\s+(?:which|who|but|and|while)\b|\s[–—]\s/;
const INVESTMENT_WORD = /\b(?:invest(?:s|ed|ing|ment|ments|ors)?|securities|shares|stocks?)\b/i;
const CMC_DESIGNATION_ANY_CASE = new RegExp(CMC_DESIGNATION.source, 'i');
/** A list a trigger does not name: "its blacklist", "added … to a list" (not the Entity List, not China's unreliable entities). */
const UNNAMED_LIST = /^(?!.*\b(?:entity|unreliable|end[- ]user|military|1260h)\b)(?:.*\blist|(?:trade |economic |export )?black-?list\w*)$/is;
/** "YMTC was removed", "two firms were taken off": a removal in the passive with no list named after it. */
const REMOVAL_SUBJECT_BEFORE = /^[\s,]*(?:(?:the|a|an|and)\s+)?(?:(?!(?:against|of|for|on|in|with|about|to|from|by|over)\b)[a-z][\w-]*\s+){0,3}$/;
const UNNAMED_REMOVAL = /\b(?:was|were|(?:has|have) been)\s+(?:also\s+)?(?:removed|dropped|taken off|delisted)\b(?!\s+(?:from|by|as|in favou?r)\b)/gi;

/** ", which Gov. Greg Gianforte signed in May", ", which the Commerce Department issued on Friday": who made an act named just before, and how. */
const MADE_BY_RELATIVE = /^\s*,?\s*(?:which|that)\s+(?:(?:the|a)\s+)?(?:[\p{Lu}][\p{L}.’'-]*\s+){1,5}(?:had\s+|has\s+)?(signed|issued|imposed|enacted|approved|adopted)\b/u;

const LEGISLATURE = /\b(?:House|Senate|Lower House|Upper House|lower chamber|upper chamber|Congress|legislature|lawmakers|legislators|Assembly|Lok Sabha|Rajya Sabha)\b/i;
const LEGISLATURE_PASSES = /\b(?:pass(?:ed|es)?|approv(?:ed|es)|vot(?:ed|es)\s+(?:to|for)|back(?:ed|s))\b[^.;]{0,40}$/i;

const GOVERNOR = /\b(?:(?:Gov\.|Governor)\s+(?:\p{Lu}[\p{L}.’'-]*\s*){1,3}|[Tt]he (?:state['’]s )?governor\b)/u;

/** The US state an article is about: the one acting in context, else the one its actor words name most. */
function articleState(contextActor: Actor | undefined, votes: Map<string, number>): string | undefined {
  if (contextActor?.jurisdiction.startsWith('US-')) return contextActor.jurisdiction;
  return [...votes.entries()].filter(([j]) => j.startsWith('US-')).sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** "Under this IFR,", "Under the new rule,", "Under the order,": a sentence telling what an act does. */
const UNDER_ACT = /^\W*Under (?:the|this|that|these|its) (?:[\w-]+ ){0,3}?(?:rule|order|IFR|law|regulation|act|executive order|EO|policy|directive|amendment|determination|measure)s?\b/i;

const RESTATED_AS_BAN = new Set<Action>(['procurement-ban', 'investment-ban', 'divestment-order', 'entity-list']);

/** A deadline or start date: "by the end of 2026", "from 2026", "starting in 2026", "as of January 1". */
const SCHEDULE = /\b(?:by the end of|by (?:early |mid-|late )?\d{4}|from \d{4}|starting (?:in|from|on)?|beginning (?:in|on)|as of|no later than|within \d+ (?:days|months|years))\b/i;
const COMPLIANCE_BEFORE = /\b(?:adher(?:e|es|ed|ing) to|compl(?:y|ies|ied|ying) with|in compliance with|violat(?:e|es|ed|ing|ions? of)|breach(?:es|ed|ing)?(?: of)?|circumvent(?:s|ed|ing)?|evad(?:e|es|ed|ing)|skirt(?:s|ed|ing)?|get around|in line with)\b[^;]{0,50}$/i;

/** Words that tell what follows from something said before: "This means that …", "…, which means …", "As a result, …". */
const CONSEQUENCE_BEFORE = /(?:^\W*(?:this|that|it)\s+(?:means|meant)|\bwhich\s+(?:means|meant)|\bmeaning|^\W*as a (?:result|consequence)\b|^\W*consequently\b)/i;

/** A line that links to another story: "ALSO READ: …", "Read more: …", "Related: …", "See also …". */
const OTHER_STORY_LINE = /^[ \t]*(?:also read|read also|read more|related(?: (?:articles?|stories|news|coverage))?|recommended(?: stories)?|see also|more on this|you may also like|must read)\b[ \t]*[:|»>–—-][^\n]*$/gim;

/** The headline and the lead paragraph's first sentences. */
const LEAD_SENTENCES = 3;
/** Words a sentence of prose has at least: fewer, with its final stop, is a heading or a caption. */
const PROSE_WORDS = 8;

const targetKey = (t: EventTarget) => t.entity?.id ?? t.generic ?? t.surface.toLowerCase();

export interface ExtractorOptions {
  /**
   * A learned second opinion on each reading (`action-model.ts`); none by default, the lexicon's
   * readings alone. The trained filter in `src/news/models/action-nb.json` (`shippedActionModel()`)
   * cross-validated well but drops readings the unit tests assert; see docs/news.md, "Seventh round".
   */
  actionModel?: ActionModel | null;
}

export class NewsExtractor {
  private readonly actionModel: ActionModel | null;

  constructor(
    private readonly matcher: MentionMatcher,
    options: ExtractorOptions = {},
  ) {
    this.actionModel = options.actionModel ?? null;
  }

  /** The action model this extractor consults, if any. */
  actionModelInUse(): ActionModel | null {
    return this.actionModel;
  }

  extract(article: Article): Extraction {
    const { mentions, events, reference } = this.readings(article);
    return { article, mentions, events: this.consolidateReadings(events).map((e) => datedByArticle(e, reference)) };
  }

  /**
   * Every sentence's readings before one act is merged from its restatements: what `extract`
   * consolidates, and what the action model is trained on.
   */
  readings(article: Article): Extraction & { reference: string | undefined } {
    // "Moomoo[,] and Lemon8": an editor's bracket around punctuation or a conjunction in a quotation is read as
    // the words it holds (blanks keep every offset).
    // Bulleted names and names between semicolons are read as lists joined by commas.
    // A page's links to other stories ("ALSO READ: US ban on TikTok …") tell nothing of this one: blanked.
    const body = readListsAsCommas((article.title && !article.text.startsWith(article.title) ? `${article.title}\n${article.text}` : article.text).replace(/\[([,;]|and|or)\]/g, (_, x: string) => ` ${x} `)).replace(OTHER_STORY_LINE, (line) => ' '.repeat(line.length));
    const published = article.published;
    // With no publication date, the latest full date the text states resolves its partial and relative
    // dates; a deadline it states only gives a month and day their year.
    const stated = published === undefined ? statedReference(body) : undefined;
    const reference = published ?? (stated?.yearOnly ? undefined : stated?.value);
    const time: TextTime = { reference, placer: published ?? stated?.value };
    const sentences = splitSentences(body);
    // A page's furniture (navigation, headings, captions, a document's header) does not use up its
    // lead: the lead is the headline and the first sentences, and the first sentences of prose.
    let proseBefore = 0;
    const lead = sentences.map((s, i) => {
      const prose = /[.!?]["”’)]*$/.test(s.text.trim()) && s.text.trim().split(/\s+/).length >= PROSE_WORDS;
      const inLead = i <= LEAD_SENTENCES || (prose && proseBefore < LEAD_SENTENCES);
      if (prose) proseBefore++;
      return inLead;
    });
    const allMentions = this.matcher.find(body);
    const items = listItems(sentences.map((x) => x.text));

    const mentionCounts = new Map<string, ArticleMention>();
    for (const m of allMentions) {
      const prior = mentionCounts.get(m.entity.id);
      if (prior) prior.count++;
      else mentionCounts.set(m.entity.id, { surface: m.surface, entity: m.entity, count: 1 });
    }

    const events: RestrictionEvent[] = [];
    const antecedents: Antecedent[] = [];
    // A Federal Register document's agency is the actor of what its summary says the rule does.
    const preamble = preambleOf(body);
    const agency = preamble ? findActors(preamble.agency, []).find((a) => !a.court) : undefined;
    let contextActor: Actor | undefined = agency ? { ...agency.actor, surface: agency.surface } : undefined;
    const jurisdictionVotes = new Map<string, number>();

    // The article's main jurisdiction stands in when a sentence names no actor.
    for (const a of findActors(body, allMentions)) if (!a.court) jurisdictionVotes.set(a.actor.jurisdiction, (jurisdictionVotes.get(a.actor.jurisdiction) ?? 0) + 1);
    // "the UK’s public telecoms networks": a country named as owner is no actor, but says which country the article is about.
    for (const m of actorMatches(body)) {
      const actor = actorByPhrase.get(m.phrase);
      // "China's ZTE" names a company's country, not the article's.
      const owned = m.index + m.phrase.length + 3;
      if (actor && actor.authority === 'government' && /^['’]s\s/.test(body.slice(m.index + m.phrase.length)) && !allMentions.some((x) => (x.start <= m.index && x.end > m.index) || x.start === owned)) jurisdictionVotes.set(actor.jurisdiction, (jurisdictionVotes.get(actor.jurisdiction) ?? 0) + 1);
    }

    sentences.forEach((sentence, index) => {
      const mentions = allMentions
        .filter((m) => m.start >= sentence.start && m.end <= sentence.start + sentence.text.length)
        .map((m) => ({ ...m, start: m.start - sentence.start, end: m.end - sentence.start }));
      const sentenceEvents = this.sentenceEvents(sentence, index, mentions, antecedents, contextActor, jurisdictionVotes, events, published, time, sentences[index + 1]?.text, lead[index], items[index]);
      const actors = findActors(sentence.text, mentions).filter((a) => !a.court && !a.oblique);
      const lastEventActor = sentenceEvents.at(-1)?.actor;
      const lastActor = actors.at(-1);
      // A government named in a sentence that reports no act of it (a reaction: "China's foreign ministry
      // criticised the decision") does not take over from the government whose act the article reports.
      if (lastEventActor) contextActor = lastEventActor;
      else if (lastActor && !events.some((e) => e.sentence < index)) contextActor = { ...lastActor.actor, surface: lastActor.surface };
      for (const m of mentions) antecedents.push({ target: { surface: m.surface, entity: m.entity, via: 'name' }, sentence: index, offset: m.start });
      for (const g of genericTargets(sentence.text, mentions)) antecedents.push({ target: g.target, sentence: index, offset: g.start });
      events.push(...sentenceEvents);
    });

    if (preamble?.summary && contextActor) atPreambleStage(preamble, events, sentences, contextActor, allMentions, body, published);
    if (this.actionModel) rekindReadings(events, this.actionModel);
    // A listing whose members the next sentences did not name is no event.
    return { article, mentions: [...mentionCounts.values()], events: events.filter((e) => e.targets.length > 0), reference };
  }

  /** One event per act from an article's readings, as `extract` gives them (the readings are changed). */
  consolidateReadings(events: RestrictionEvent[]): RestrictionEvent[] {
    return consolidate(events, (t) => this.matcher.country(t));
  }

  private sentenceEvents(
    sentence: Sentence,
    index: number,
    mentions: Mention[],
    antecedents: Antecedent[],
    contextActor: Actor | undefined,
    jurisdictionVotes: Map<string, number>,
    earlier: RestrictionEvent[],
    published: string | undefined,
    time: TextTime = { reference: published, placer: published },
    following?: string,
    inLead = index <= LEAD_SENTENCES,
    listItem = false,
  ): RestrictionEvent[] {
    const text = sentence.text;
    // "ByteDance asked a court to block the law" is a request, not a ruling.
    // "granted TikTok's request for a stay" is the ruling the request asked for.
    const enjoined = spans(text, ENJOINED_PATTERN).filter((e) => {
      const before = text.slice(Math.max(0, e.start - 50), e.start + e.text.search(/block|halt|suspend|struck|strike|paus|stay|froze|freez|enjoin|injunction|restraining/i));
      return !REQUESTED_BEFORE.test(before) || REQUEST_GRANTED.test(before);
    });
    const found = findTriggers(text);
    // "The FCC revoked China Telecom's authorization" is an act, not the end of one.
    // "seeking to be removed from the list" asks for a revocation; it is none, and the list it names is no act.
    // "an Order on Revocation and Termination that … revokes CTA's Section 214 authority": when a sentence revokes a
    // company's licence, its words of revocation are that act's, and an order named "on Revocation" is such an order.
    const revokesLicence = found.some((t) => t.action === 'ban' && /^(?:revok|terminat)/i.test(t.text));
    // "their work permits will be revoked": a person's permit or visa revoked is no act ended.
    const revocations = spans(text, REVOKED_PATTERN).filter((r) => !revokesLicence && !found.some((t) => /^revok/i.test(t.text) && overlaps(t, r)) && !/\bOrders?\s+(?:on|of)\s+$/.test(text.slice(Math.max(0, r.start - 12), r.start)) && !PERMITS_BEFORE.test(text.slice(Math.max(0, r.start - 50), r.start)));
    const requested = revocations.filter((r) => REQUESTED_BEFORE.test(text.slice(Math.max(0, r.start - 50), r.start)));
    const revoked = revocations.filter((r) => !requested.includes(r));
    let triggers = found.filter((t) => !requested.some((r) => t.start >= r.start && t.start <= r.end + 20)).filter(
      // "blocked by a judge": the verb belongs to the court, not to a new ban.
      (t) => !(t.action === 'ban' && /^block/i.test(t.text) && enjoined.some((e) => t.start >= e.start && t.end <= e.end)),
    );
    const previous = earlier.at(-1);
    // "The following orders are revoked: Executive Order 13942 of August 6, 2020 (Addressing the Threat Posed
    // by TikTok …)": orders revoked by number are acts on what their titles name.
    if (triggers.length === 0 && revoked.length > 0) {
      const orders = this.revokedOrders(text, revoked[0] as Span, mentions, index, contextActor);
      if (orders.length > 0) return orders;
    }
    // "A judge blocked the TikTok ban", "granted a stay of the designation of Xiaomi": with no act reported
    // before, the act a ruling or revocation falls on is the one its object names.
    if (triggers.length === 0 && (enjoined.length > 0 || revoked.length > 0) && !previous) {
      const cue = (enjoined[0] ?? revoked[0]) as Span & { text: string };
      const named = RULED_ACT_NOUN.exec(text.slice(cue.start, cue.end + 80).split(CLAUSE_END)[0] ?? '');
      const kind = named ? ACT_NOUN_KIND.find(([pattern]) => pattern.test(named[0]))?.[1] : undefined;
      if (named && kind) {
        const at = cue.start + (named.index ?? 0);
        triggers = [{ start: at, end: at + named[0].length, action: kind, text: named[0] }];
      }
    }
    if (triggers.length === 0 && (enjoined.length > 0 || revoked.length > 0) && previous) {
      // "A judge blocked the order on Sunday": the act is the one reported just before.
      const cue = (enjoined[0] ?? revoked[0]) as Span & { text: string };
      triggers = [{ start: cue.start, end: cue.end, action: previous.action, text: cue.text }];
    }
    // "Other firms added on Wednesday include …", "Among the companies identified are …" may come several
    // paragraphs after the listing it completes; a weaker cue ("They include …") only a few sentences after.
    // "This latest update includes …", "Other notable additions include …": members of a list or its update
    // belong to the latest listing, also when another act was told since ("The list prohibits …").
    const latestListing = LIST_WORDS.test(text) ? [...earlier].reverse().find((e) => LISTING_ACTIONS.has(e.action) && index - e.sentence <= 10) : undefined;
    // "The FCC action would also affect Dahua …" after a proposal of that action was told: members of "the
    // action" belong to the act decided, unless the words name the proposal.
    const decided = previous && WEAK_STATUS.has(previous.status) && !/\b(?:propos\w*|draft|bill|plan)\b/i.test(text) ? [...earlier].reverse().find((e) => e.action === previous.action && e.actor.jurisdiction === previous.actor.jurisdiction && !WEAK_STATUS.has(e.status) && index - e.sentence <= 10) : undefined;
    const completed = latestListing ?? decided ?? previous;
    // Only a listing's members come paragraphs after it; other acts' members are named close by.
    const farMembers = LISTING_ACTIONS.has(completed?.action as Action) && (LIST_MEMBERSHIP.test(text) || /\b(?:add(?:ed|itions?)|identified|designated)\b/i.test(text));
    // "Those additional entities include:" and then one name per line: each line names a member of the listing.
    if (triggers.length === 0 && listItem && completed && LISTING_ACTIONS.has(completed.action) && index - completed.sentence <= 40) {
      const targets: EventTarget[] = [...mentions.filter((m) => !isPossessor(text, m, mentions)).map((m): EventTarget => ({ surface: m.surface, entity: m.entity, via: 'name' })), ...properNouns(text, 0, text.length, mentions, true)];
      const { date, dateText, dateSource } = completed;
      return targets.length > 0 ? [{ ...completed, targets: targets.slice(0, 1), date, dateText, dateSource, trigger: 'list item', evidence: text, sentence: index }] : [];
    }
    if (triggers.length === 0) return completed && index - completed.sentence <= (farMembers ? 10 : 4) ? listMembers(text, mentions, completed, index, time) : [];

    const actors = findActors(text, mentions);
    // "added eight companies — including Hikvision and Dahua — to the list": dashes around examples of
    // the clause's object enclose an aside inside the clause, not a clause of their own.
    const examplesAside = [...text.matchAll(/\s[–—-]{1,2}\s+(?:including|such as|among them|namely|notably|mainly|mostly)\b[^–—;]{1,120}?\s[–—-]{1,2}\s/gi)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
    // A comma before a new subject ("After threatening ZTE, the US has been pushing …") ends a clause.
    const breaks = [
      ...spans(text, CLAUSE_BREAK).filter((b) => !(/[–—-]/.test(b.text) && examplesAside.some((a) => b.start >= a.start && b.end <= a.end && (b.start === a.start || b.end === a.end)))),
      // ", Britain said": a comma before an actor opens a clause; not one inside a list a preposition governs.
      ...actors.filter((a) => !a.oblique).flatMap((a) => {
        const m = /,\s*(?:the\s+)?$/i.exec(text.slice(Math.max(0, a.start - 8), a.start));
        return m ? [{ start: a.start - m[0].length, end: a.start - m[0].length + 1, text: ',' }] : [];
      }),
    ];
    const out: RestrictionEvent[] = [];

    triggers.forEach((trigger, i) => {
      const startOfClause = clauseStart(breaks, triggers.slice(0, i), trigger.start);
      const before = text.slice(startOfClause, trigger.start);
      // "said it would not enforce its ban": a negation inside a revocation's own words revokes, it does not deny.
      const withoutRevocations = revoked.filter((r) => r.start >= startOfClause && r.end <= trigger.start).reduce((s, r) => s.slice(0, r.start - startOfClause) + ' '.repeat(r.end - r.start) + s.slice(r.end - startOfClause), before);
      if (isNegated(withoutRevocations, text.slice(0, trigger.start))) return;
      if (/^(?:sanctions|bans?|restrictions|export controls|curbs)$/i.test(trigger.text) && BACKGROUND_EFFECT_AFTER.test(text.slice(trigger.end))) return;
      if (HYPOTHETICAL_PATTERN.test(text.slice(0, trigger.start))) return;
      // "also modifies four existing entries on the Entity List": revising entries already listed restricts no one anew.
      if (REVISED_ENTRIES.test(before)) return;
      // "the company adheres to … export controls", "to circumvent US chip ban", "for violating U.S.
      // sanctions": a company's conduct towards rules, not a government's act.
      if (COMPLIANCE_BEFORE.test(text.slice(Math.max(0, trigger.start - 70), trigger.start))) return;
      // "calls for boycotting Chinese products … spread on social media": a boycott is a government's push only
      // when a government is its subject, in its own clause and not inside a prepositional phrase.
      if (trigger.action === 'boycott-push' && /^boycott/i.test(trigger.text) && !actors.some((a) => !a.court && !a.oblique && a.start >= startOfClause && a.end <= trigger.start)) return;

      // Status: a court or a revocation in the same clause overrides modality and tense.
      const endOfClause = clauseEnd(text, breaks, triggers.slice(i + 1), mentions, trigger.end);
      const near = (s: Span) => s.end >= startOfClause - 40 && s.start <= endOfClause + 60;
      const court = enjoined.find(near);
      // "lifted the ban on ZTE and imposed sanctions on Huawei": a revocation before the act, with another
      // verb joined by "and" between them, revokes something else.
      const revocation = revoked.find((r) => near(r) && !(r.end <= trigger.start && coordinatedVerbBetween(text, r.end, trigger.start)));
      const upheld = spans(text, UPHELD_PATTERN).find(near);
      let status: EventStatus;
      let statusCue: string | undefined;
      const causeOfRevocation = revocation ? causeShownBefore(text, revocation.start) : undefined;
      // A court that upholds a measure leaves it in force.
      if (upheld) [status, statusCue] = ['in-force', upheld.text];
      else if (court) [status, statusCue] = ['enjoined', court.text];
      // "orders directing the companies to explain why the Commission should not revoke their authorizations":
      // a regulator asking to be shown cause weighs the act.
      else if (causeOfRevocation) [status, statusCue] = ['considered', causeOfRevocation];
      // "A US judge ordered Xiaomi temporarily removed from the blacklist": an end a court orders is an injunction.
      else if (revocation) [status, statusCue] = [/\b(?:judges?|courts?|justices?)\b/i.test(text.slice(Math.max(0, startOfClause - 1), revocation.start)) && !REQUESTED_BEFORE.test(text.slice(Math.max(0, revocation.start - 50), revocation.start)) ? 'enjoined' : 'revoked', revocation.text];
      else {
        const cued = statusFromCues(before, text.slice(trigger.end), trigger.text);
        status = cued.status;
        statusCue = cued.cue;
        // "the ban, which Gov. Greg Gianforte signed in May, …": a relative clause that tells who made the act
        // and when states its enactment, whatever the sentence goes on to say of it.
        const made = MADE_BY_RELATIVE.exec(text.slice(trigger.end, trigger.end + 80));
        if (made && /^(?:bans?|prohibitions?|orders?|executive order|laws?|rules?|restrictions?|sanctions?|blacklist|listing|designation|directive)$/i.test(trigger.text.trim())) [status, statusCue] = ['enacted', made[1] as string];
        // "circulated the proposed measure, which effectively bars the firms …": what a proposal does, told in
        // a relative clause on it, is proposed.
        const proposal = PROPOSAL_RELATIVE.exec(text.slice(0, trigger.start));
        if (proposal && (status === 'enacted' || status === 'in-force')) [status, statusCue] = ['proposed', proposal[0].trim()];
        // "… to explain why the Commission should abstain from revoking their authorizations": shown cause, weighed.
        const cause = causeShownBefore(text, trigger.start);
        if (cause) [status, statusCue] = ['considered', cause];
        // "warned it might shut down …": a warning of what a government may do threatens it.
        const warning = /\b(?:warn(?:s|ed|ing)?|threaten(?:s|ed|ing)?)\b[^.;]{0,40}\b(?:might|may|could|would)\s+(?:\w+\s+){0,2}$/i.exec(text.slice(0, trigger.start));
        if (warning && status === 'considered') [status, statusCue] = ['threatened', warning[0].trim()];
        // An investigation studies a measure: its own words say it is under consideration.
        if (trigger.action === 'other' && /investigat|probe|inquiry/i.test(trigger.text) && (status === 'enacted' || status === 'in-force')) [status, statusCue] = ['considered', trigger.text];
        // "signed into law … legislation that will force ByteDance to sell": the bill is law now.
        const signed = /\b(?:signed (?:\w+ )?into law|signs? (?:\w+ )?into law|became law|is now law|signed the (?:bill|law|legislation))\b/i.exec(text.slice(0, trigger.start));
        if (signed && (status === 'proposed' || status === 'threatened')) [status, statusCue] = ['enacted', signed[0]];
        else if (status === 'threatened' && isAnnouncedDecision(text, trigger)) [status, statusCue] = ['enacted', `announced: ${statusCue ?? trigger.text}`];
        // "Under this IFR, any entity … will itself be subject to …": what an act in force or issued does, told
        // as its effect, is that act, not a threat (a proposed one's effect stays with its proposal).
        else if (status === 'threatened' && /^(?:will|shall)$/i.test(statusCue ?? '') && UNDER_ACT.test(text) && !/\b(?:propos\w*|draft\w*|would|if|unless|threat\w*|warn\w*|vow\w*)\b/i.test(text)) [status, statusCue] = ['enacted', `${UNDER_ACT.exec(text)?.[0].trim()} … ${statusCue}`];
        // "The bill, which passed the Senate on Tuesday, would ban TikTok": what a bill would do is proposed.
        else if ((status === 'threatened' || status === 'considered') && /^(?:would|could|will)$/i.test(statusCue ?? '') && BILL_SUBJECT.test(text)) [status, statusCue] = ['proposed', `${BILL_SUBJECT.exec(text)?.[1]} ${statusCue}`];
        // "US persons will be prohibited from investing in Hikvision from January 11": a prohibition in the
        // passive with its start date is the schedule of an act decided, not a threat.
        else if (status === 'threatened' && /^(?:will|shall)$/i.test(statusCue ?? '') && SCHEDULED_PASSIVE.test(text.slice(Math.max(0, trigger.start - 30), trigger.end)) && SCHEDULE_START.test(text) && !/\b(?:if|unless|threat(?:en|ens|ened)?|warn(?:s|ed)?|vow(?:s|ed)?|could|might|may)\b/i.test(text)) [status, statusCue] = ['enacted', `scheduled: ${statusCue}`];
      }

      // "As a result, Nexperia will have to divest …" after an order was reported: what the act obliges,
      // told as its consequence, is that act, at its stage.
      if (status === 'threatened' && /^(?:will|shall|'ll)$/i.test(statusCue ?? '') && CONSEQUENCE_BEFORE.test(text.slice(0, trigger.start)) && earlier.some((o) => (o.status === 'enacted' || o.status === 'in-force') && o.action === trigger.action && o.sentence < index)) [status, statusCue] = ['enacted', `consequence: ${statusCue}`];
      // "TP-Link routers to be banned in the US?": a question asks whether an act will come; it reports
      // none (a question on an act told in the past, "Why was Huawei banned?", takes it as done).
      if (QUESTION_END.test(text) && (status === 'enacted' || status === 'in-force' || status === 'threatened') && !/\b(?:did|was|were|has|have|had)\b/i.test(before)) [status, statusCue] = ['considered', '?'];
      let targets = this.targetsFor(text, trigger, mentions, antecedents, index, startOfClause, endOfClause, out, earlier, following);
      // "take action against", "measures against", "taking control of": the vaguest words of an act name
      // no organisation by capitals alone; their targets are the knowledge base's names or classes.
      if (trigger.action === 'other') targets = targets.filter((t) => t.entity || t.generic);
      // "added 12 companies to its trade blacklist. They include …": a listing of a counted class whose
      // nationality the words do not give is kept, with no targets yet, for the sentences that name its members.
      const membersToCome = targets.length === 0 && LISTING_ACTIONS.has(trigger.action) && NUMBERED_CLASS.test(text.slice(startOfClause, endOfClause)) && following !== undefined && (LIST_MEMBERSHIP.test(following) || THEY_INCLUDE.test(following) || PASSIVE_MEMBERSHIP.test(following));
      if (targets.length === 0 && !membersToCome) return;
      // "barred U.S. suppliers from selling to Huawei", "All transactions subject to the Export Administration
      // Regulations are prohibited if they involve ZTE": a ban on selling or exporting to the target is an export
      // control. Not when the target is the one barred from selling ("Huawei has been banned from providing 5G
      // technology to Australia"): the names must come after those words.
      const exportContent = trigger.action === 'ban' ? EXPORT_CONTENT.exec(text.slice(startOfClause, endOfClause)) : null;
      const exportsToTarget = exportContent !== null && targets.every((t) => t.via !== 'name' || text.indexOf(t.surface, startOfClause) > startOfClause + exportContent.index);
      // "supports the decision of multiple member states to restrict Huawei": a government backing other
      // governments' restrictions presses them to shun the company; the restriction is theirs.
      const backsOthers = trigger.action !== 'boycott-push' && BACKS_OTHERS_BEFORE.test(text.slice(startOfClause, trigger.start));
      // "any entity at least 50 percent owned by listed entities is subject to Entity List restrictions":
      // affiliates are not put on the list; the list's licence requirements reach them, an export control.
      let action: Action = (trigger.action === 'entity-list' && targets.length > 0 && targets.every((t) => t.generic === 'generic:listed-affiliates')) || exportsToTarget ? 'export-control' : backsOthers ? 'boycott-push' : trigger.action;
      // "bans Huawei devices for government office use", "banning its software's use within the US
      // government": a ban its clause scopes to the government's own use is a procurement ban.
      if (action === 'ban' && GOVERNMENT_USE_SCOPE.test(text.slice(trigger.start, endOfClause))) action = 'procurement-ban';

      const chosen = chooseActor(text, trigger, actors, contextActor, jurisdictionVotes);
      // "the ban, which Gov. Greg Gianforte signed in May", "Governor Mike Dunleavy banned …": a governor
      // named without his state acts for the US state the article is about, not for the nation.
      const governor = GOVERNOR.exec(text.slice(chosen ? startOfClause : 0, trigger.start)) ?? GOVERNOR.exec(MADE_BY_RELATIVE.exec(text.slice(trigger.end, trigger.end + 80))?.[0] ?? '');
      // With no state in the article at all, a governor still acts for a US state, one the words do not name.
      const state = governor && !chosen?.jurisdiction.startsWith('US-') ? articleState(contextActor, jurisdictionVotes) ?? (chosen ? undefined : 'US') : undefined;
      const actor = state ? { jurisdiction: state, authority: 'Governor', surface: governor?.[0] ?? '' } : chosen;
      if (!actor) return;
      // "Xiaohongshu … was also outlawed", after a ban on government devices: "also" extends the act before,
      // with its scope, to another target.
      const extended = earlier.at(-1);
      if (action === 'ban' && extended && SUBSUMED_BY.ban.includes(extended.action) && extended.actor.jurisdiction === actor.jurisdiction && /\balso\s+(?:\w+\s+)?$/i.test(text.slice(startOfClause, trigger.start))) action = extended.action;
      // "The FCC added China Mobile to its blacklist": a list no name identifies is the acting body's own, and
      // the FCC's is the Covered List, a ban on authorising the equipment and services, not the Entity List.
      if (action === 'entity-list' && actor.authority === 'FCC' && UNNAMED_LIST.test(trigger.text)) action = 'ban';
      // "The Pentagon designated DJI as a Chinese military company, a move that bars U.S. investors": the
      // Defense Department's act is the designation; the bar on investing is another body's act it feeds.
      // When the bar on investing governs the designation ("bars Americans from investing in companies the
      // Pentagon designated …"), the act is that bar.
      if (action === 'investment-ban' && actor.authority === 'Department of Defense' && CMC_DESIGNATION_ANY_CASE.test(trigger.text) && !INVESTMENT_WORD.test(text.slice(0, trigger.start))) action = 'entity-list';
      // "The House has approved a ban on TikTok": a legislature passing an act proposes it; it is law once signed.
      // "passed a law requiring …" names what it passed a law: enacted.
      const passed = (status === 'enacted' || status === 'in-force') && LEGISLATURE.test(actor.surface) && LEGISLATURE_PASSES.test(text.slice(startOfClause, trigger.start)) && !/\b(?:signed|into law|became law|royal assent|(?:a|the) law)\b/i.test(text);
      if (passed) [status, statusCue] = ['proposed', `${actor.surface} passed`];
      // A government's own companies are the ones it obliges ("barring U.S. suppliers from selling to
      // Huawei"), not the ones it targets.
      const own = targets.filter((t) => t.generic?.startsWith(`generic:${actor.jurisdiction}-`));
      if (own.length > 0) {
        targets = targets.filter((t) => !own.includes(t));
        // "Megvii has been banned from buying U.S. components": a passive act's subject, when it names someone, is its target.
        if (targets.length === 0 && /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$/i.test(text.slice(startOfClause, trigger.start))) targets = mentions.filter((m) => m.start >= startOfClause && m.end <= trigger.start && !isPossessor(text, m, mentions)).map((m) => ({ surface: m.surface, entity: m.entity, via: 'name' as const }));
        if (targets.length === 0) targets = out.at(-1)?.targets ?? [];
        if (targets.length === 0) return;
      }

      // A passage or a proposal told in the past ("passed a ban on Friday", "proposed a rule on Monday")
      // was done, whatever stage it leaves the act at.
      const toldInThePast = passed || /^propos(?:ed)\b/i.test(statusCue ?? '');
      const future = (status === 'threatened' || status === 'considered' || status === 'proposed') && !toldInThePast;
      const stated = statedDate(text, trigger, time, future);
      let date = stated?.value;
      const dateText = stated?.text;
      let dateSource: RestrictionEvent['dateSource'] = date ? 'text' : undefined;
      // News leads with what just happened: an act in the headline or the first sentences that no
      // words date took place about when the article was published — a threat, plan or proposal too
      // was made then, whenever what it threatens would come.
      // So does an act told in the present perfect ("the government has decided to issue …", "have
      // been added"): the tense of news just made, not of background.
      const presentPerfect = /\b(?:has|have)\s+(?:now\s+|also\s+|today\s+|formally\s+|officially\s+)?(?:been\s+)?\w+(?:ed|en)\b[^.;]{0,80}$/i.test(before) || /^(?:has|have)\s/i.test(statusCue ?? '');
      if (!date && time.reference && (inLead || presentPerfect)) [date, dateSource] = [time.reference, 'publication'];
      // "Non-listed affiliates … subject to restrictions … based on ownership by an Entity List party or
      // Military End User": beside other parties of a listing, the affiliates its restrictions reach are
      // still under an export control, not on the list.
      const affiliates = action === 'entity-list' ? targets.filter((t) => t.generic === 'generic:listed-affiliates') : [];
      if (affiliates.length > 0) {
        out.push({ actor, action: 'export-control', targets: affiliates, status, statusCue, date, dateText, dateSource, trigger: trigger.text, evidence: text, sentence: index });
        targets = targets.filter((t) => !affiliates.includes(t));
      }
      out.push({ actor, action, targets, status, statusCue, date, dateText, dateSource, trigger: trigger.text, evidence: text, sentence: index });
    });

    // An unspecific "action against X" beside a specific action on X is the same act, as is the
    // export control that an Entity List listing is.
    const subsumes = (o: RestrictionEvent, e: RestrictionEvent) => o !== e && SUBSUMED_BY[e.action].includes(o.action) && o.targets.some((t) => e.targets.some((u) => sameTarget(t, u)));
    const kept = out.filter((e) => !out.some((o) => subsumes(o, e)));
    // The specific act keeps the status the general words stated: "US to ban … from federal contracts".
    for (const k of kept) {
      // "the draft being prepared for banning Chinese companies in government agencies includes Huawei": the
      // words that scope a general act to the government's own use carry no stage of their own either.
      const stated = k.statusCue ? undefined : out.find((e) => e.statusCue && (subsumes(k, e) || (e !== k && SUBSUMED_BY[e.action].includes(k.action))));
      if (stated) [k.status, k.statusCue] = [stated.status, stated.statusCue];
    }
    // "… were added to the list, while chipmaker YMTC was removed": a removal that names no list, in a
    // sentence reporting a listing, takes the names of its own clause off that list.
    const listing = kept.find((e) => e.status === 'enacted' && LISTING_ACTIONS.has(e.action));
    if (listing) {
      for (const r of spans(text, UNNAMED_REMOVAL)) {
        const from = clauseStart(breaks, [], r.start);
        const removed = mentions.filter((m) => m.start >= from && m.end <= r.start && !listing.targets.some((t) => t.entity?.id === m.entity.id));
        // The names must be the removal's subject: "chipmaker YMTC was removed", not "a case against YMTC was dropped".
        const first = removed[0];
        const last = removed.at(-1);
        if (!first || !last || !REMOVAL_SUBJECT_BEFORE.test(text.slice(from, first.start)) || !/^\s*(?:\([^)]*\)\s*)?$/.test(text.slice(last.end, r.start))) continue;
        kept.push({ ...listing, targets: removed.map((m) => ({ surface: m.surface, entity: m.entity, via: 'name' as const })), status: 'revoked', statusCue: r.text, trigger: r.text });
      }
    }
    // "Newly added companies to the list, which …, include Megvii …": words of a listing that yield no act
    // of their own name the members of the listing just reported.
    if (kept.length === 0 && previous && index - previous.sentence <= 10 && LIST_MEMBERSHIP.test(text)) return listMembers(text, mentions, previous, index, time);
    return kept;
  }

  private revokedOrders(text: string, cue: Span, mentions: Mention[], index: number, contextActor: Actor | undefined): RestrictionEvent[] {
    const out: RestrictionEvent[] = [];
    for (const m of text.slice(cue.start).matchAll(ORDER_WITH_TITLE)) {
      const from = cue.start + (m.index ?? 0);
      const to = from + m[0].length;
      const titled = mentions.filter((x) => x.start >= from && x.end <= to).map((x): EventTarget => ({ surface: x.surface, entity: x.entity, via: 'name' }));
      const targets = titled.length > 0 ? titled : genericTargets(m[2] as string, []).map((g) => g.target);
      if (targets.length === 0) continue;
      const kind = this.matcher.orderKind(m[1] as string);
      const action: Action = (kind ? KIND_ACTION[kind] : undefined) ?? 'other';
      const actor: Actor = contextActor?.jurisdiction === 'US' ? contextActor : { jurisdiction: 'US', authority: 'President', surface: `Executive Order ${m[1]}` };
      out.push({ actor, action, targets, status: 'revoked', statusCue: text.slice(cue.start, cue.end), trigger: `Executive Order ${m[1]}`, evidence: text, sentence: index });
    }
    return out;
  }

  private targetsFor(
    text: string,
    trigger: Trigger,
    mentions: Mention[],
    antecedents: Antecedent[],
    index: number,
    startOfClause: number,
    endOfClause: number,
    sameSentence: RestrictionEvent[],
    earlier: RestrictionEvent[],
    following?: string,
  ): EventTarget[] {
    const inRange = (from: number, to: number, descriptionsFrom = from): EventTarget[] => {
      const named = mentions
        .filter((m) => m.start >= from && m.end <= to && !isPossessor(text, m, mentions) && !INTERMEDIARY_BEFORE.test(text.slice(Math.max(0, m.start - 45), m.start)) && !STORE_AFTER.test(text.slice(m.end, m.end + 20)))
        .map((m): EventTarget => ({ surface: m.surface, entity: m.entity, via: 'name' }));
      // Beside named members a class is kept for now; consolidation keeps it only when it is of
      // another nationality than every member ("… including YMTC, as well as nine Russian entities").
      if (named.length > 0) return [...named, ...genericTargets(text.slice(from, to), mentions.map((m) => ({ ...m, start: m.start - from, end: m.end - from })), text.slice(to)).map((g) => g.target).filter((t) => !/^generic:CN-/.test(t.generic ?? ''))];
      // Descriptions inside the action's own words ("list of Chinese military companies") name the list, not a target.
      const slice = text.slice(descriptionsFrom, to);
      const corefSpans = [...slice.matchAll(new RegExp(COREFERENCE_PATTERN.source, COREFERENCE_PATTERN.flags))];
      const coref = corefSpans
        .flatMap((m) => resolveCoreference(m[1] as string, m[0], antecedents, index, descriptionsFrom + (m.index ?? 0), mentions, (t, nation) => this.matcher.inNation(t, nation)));
      const generic = genericTargets(slice, [], text.slice(to), following)
        .filter((g) => !corefSpans.some((c) => g.start >= (c.index ?? 0) && g.start < (c.index ?? 0) + c[0].length))
        .map((g) => g.target);
      return [...coref, ...generic];
    };
    const unnamed = (from: number, to: number): EventTarget[] => properNouns(text, from, to, mentions);
    // The trigger's own words may hold the target ("urged allies to drop Huawei", "cut Huawei off").
    // "added more than a dozen Chinese companies to a list": the words inside a list addition are its objects.
    // "The Alipay ban comes as …", "Montana's TikTok ban": a name inside the act's own noun phrase is its target.
    const modifier = mentions.filter((m) => m.end <= trigger.start && /^\s*$/.test(text.slice(m.end, trigger.start)) && /(?:^|\b(?:the|this|that|its|their|a|an)\s+|['’]s\s+)$/i.test(text.slice(Math.max(0, m.start - 30), m.start)));
    if (modifier.length > 0 && /^(?:bans?|blacklisting|prohibition|sanctions?|restrictions?|order)$/i.test(trigger.text)) return modifier.map((m) => ({ surface: m.surface, entity: m.entity, via: 'name' as const }));
    // "ordered the chatbot blocked": words of one action around its object hold the object's description.
    let targets = inRange(trigger.start, endOfClause, /^(?:add|put|plac|designat)/i.test(trigger.text) || new RegExp(COREFERENCE_PATTERN.source, 'i').test(trigger.text) ? trigger.start : trigger.end);
    // "DJI will remain on the Pentagon's blacklist of Chinese companies working with …": a class after a
    // list's "of" describes the list; the one named before it, in its clause, is the one on it.
    if (targets.length > 0 && targets.every((t) => t.generic) && /list$/i.test(trigger.text) && /^\s+of\b/i.test(text.slice(trigger.end))) {
      const subject = mentions.filter((m) => m.start >= startOfClause && m.end <= trigger.start && !isPossessor(text, m, mentions));
      if (subject.length > 0) targets = subject.map((m) => ({ surface: m.surface, entity: m.entity, via: 'name' as const }));
    }
    // "asked Apple and Google to remove DeepSeek": those pressed are not whom they are pressed to shun.
    const pressedUntil = trigger.action === 'boycott-push' ? trigger.text.search(/\bto\s+(?:\S+\s+){0,3}?\S+$/i) : -1;
    if (pressedUntil > 0) {
      const shunned = targets.filter((t) => t.via !== 'name' || text.indexOf(t.surface, trigger.start) >= trigger.start + pressedUntil);
      if (shunned.length > 0) targets = shunned;
    }
    // "the order -- forcing Apple and Google to remove WeChat": those an act obliges to do something to
    // a company are not its targets when that company is named after them.
    // Those barred "from offering" something carry another's product, whether or not it is named here:
    // no name in that span is a target, however it is found.
    const carrierSpans: Span[] = [];
    for (const m of text.slice(startOfClause, endOfClause).matchAll(OBLIGED_PARTIES)) {
      const from = startOfClause + (m.index ?? 0);
      const to = from + m[0].length;
      const within = (t: EventTarget) => text.indexOf(t.surface, from) >= from && text.indexOf(t.surface, from) < to;
      const obliged = targets.filter(within);
      if (/\bfrom\s+\w+ing\b|\bthat\b|\b(?:informed|notified)\b/.test(m[0])) carrierSpans.push({ start: from, end: to });
      else if (obliged.length > 0 && targets.some((t) => !obliged.includes(t) && (t.via !== 'name' || text.indexOf(t.surface, from) >= to))) targets = targets.filter((t) => !obliged.includes(t));
    }
    const carried = (t: EventTarget) => !t.generic && carrierSpans.some((c) => text.indexOf(t.surface, c.start) >= c.start && text.indexOf(t.surface, c.start) < c.end);
    targets = targets.filter((t) => !carried(t));
    // "… owned by certain sanctioned parties", "these banned clones include …": a participle before its
    // noun describes that noun; the act it tells is on that noun or on what it goes on to name, never on
    // anything before it.
    if (targets.length === 0 && isAttributive(text, trigger)) return [];
    if (targets.length === 0 && PRONOUN_OBJECT.test(text.slice(trigger.end))) {
      const pronoun = /^\s*them\b/i.test(text.slice(trigger.end)) ? 'them' : 'it';
      targets = resolveCoreference(pronoun, pronoun, antecedents, index, trigger.end, mentions);
    }
    if (targets.length === 0) targets = inRange(startOfClause, trigger.start);
    // A listing followed by a list of names ("the companies added to the list are Dedrone, DZYNE
    // Technologies, … Cubic Global Defense …"): the names the knowledge base does not hold are targets too.
    // So are those of a list of examples beside a known name ("other apps …, including Webull, Tiger Brokers, Moomoo and Lemon8").
    const examples = /\b(?:including|such as)\s+[“"]?\p{Lu}[^;]*,[^;]*\b(?:and|or)\s/u.test(text.slice(trigger.end, endOfClause));
    if (targets.some((t) => t.entity) && (((trigger.action === 'entity-list' || /^(?:add|put|plac)/i.test(trigger.text)) && (text.slice(trigger.start, endOfClause).match(/,/g)?.length ?? 0) >= 3) || examples)) {
      targets = [...targets, ...properNouns(text, trigger.start, endOfClause, mentions, true)];
    }
    // "added 11 US companies, including drone maker Skydio, to the list", "the companies added to the
    // list are Dedrone, DZYNE Technologies …": the members named beside a class.
    if (targets.length > 0 && targets.every((t) => t.generic)) {
      const cue = /\b(?:including|such as|among them|namely|are|were|include[sd]?)\b/i.exec(text.slice(startOfClause, endOfClause));
      const members = cue ? properNouns(text, startOfClause + cue.index, endOfClause, mentions, true) : [];
      if (members.length > 0) targets = [...targets, ...members];
      // "… 28 Chinese organizations on Monday, which include Hikvision and Dahua": a relative clause right
      // after the act that says what the class holds names its members.
      const relative = /^[\s,]*(?:which|that|who)\s+(?:include[sd]?|are|were|comprise[sd]?)\s+([^;]*)/i.exec(text.slice(endOfClause));
      if (relative) {
        const from = endOfClause + (relative.index ?? 0) + relative[0].length - (relative[1] as string).length;
        targets = [...targets, ...mentions.filter((m) => m.start >= from && !isPossessor(text, m, mentions)).map((m): EventTarget => ({ surface: m.surface, entity: m.entity, via: 'name' })), ...properNouns(text, from, text.length, mentions, true)];
      }
    }
    // Organisations the knowledge base does not hold are still targets, by their names.
    if (targets.length === 0 && /^(?:add|put|plac)/i.test(trigger.text)) targets = properNouns(text, trigger.start, trigger.end, mentions, true);
    if (targets.length === 0) targets = unnamed(trigger.end, endOfClause);
    // "added Lockheed Martin to its unreliable entity list": the list's name is the trigger, the name before it its object.
    const listedBefore = /\b(?:add(?:s|ed|ing)?|put(?:s|ting)?|plac(?:e|es|ed|ing))\b[^;.]*\b(?:to|on)\s+(?:a|an|its|the|their)\s+(?:[\w-]+\s+){0,2}$/i.test(text.slice(startOfClause, trigger.start));
    if (targets.length === 0) targets = properNouns(text, startOfClause, trigger.start, mentions, listedBefore);
    // "… and urged other countries to follow suit": the same targets as the act before.
    if (targets.length === 0) targets = sameSentence.at(-1)?.targets ?? [];
    // "The earlier bans had never taken effect": an act named again points back at its targets.
    // "Courts have blocked the August executive order", "revoked the ban": a ruling or a revocation whose
    // object is an act named by a definite noun is on that act's targets.
    if (targets.length === 0 && (/\b(?:the|these|those|that|this|its|their)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, trigger.start - 30), trigger.start)) || DEFINITE_ACT_OBJECT.test(text.slice(trigger.end, trigger.end + 80)) || DEFINITE_ACT_OBJECT.test(trigger.text.replace(/^\S+/, '')))) {
      // "blocked that ban" after an investment ban: a bare "ban" names whichever act of a ban's kind came last.
      const same = [...earlier].reverse().find((e) => e.action === trigger.action || (trigger.action === 'ban' && RESTATED_AS_BAN.has(e.action)));
      if (same) targets = same.targets.map((t) => ({ ...t, via: 'coreference' as const }));
    }
    // "China bans exports of gallium … to the US", "strengthen the export control of dual-use items to the
    // United States": an export control on a destination, with no company named, is on that country's companies.
    targets = targets.filter((t) => !carried(t));
    // "Nexperia, a subsidiary of Chinese-owned Wingtech, must sell …": the owner an apposition names
    // describes the target before it; it is no target of its own.
    const described = (t: EventTarget) => {
      const at = t.via === 'name' ? text.indexOf(t.surface, startOfClause) : -1;
      return at > 0 && OWNER_APPOSITION.test(text.slice(Math.max(0, at - 80), at)) && targets.some((u) => u !== t && u.via === 'name' && text.indexOf(u.surface, startOfClause) < at);
    };
    if (targets.some(described)) targets = targets.filter((t) => !described(t));
    if (targets.length === 0 && trigger.action === 'export-control') {
      // "exports of its H20 chips to China will require a license": the destination may also come first.
      const destination = EXPORT_DESTINATION.exec(text.slice(trigger.end)) ?? EXPORTS_TO_BEFORE.exec(text.slice(startOfClause, trigger.start));
      if (destination) targets = [{ surface: destination[0].trim(), generic: genericTargetKey(destination[1] as string, 'companies'), via: 'generic' }];
    }
    const seen = new Set<string>();
    return targets.filter((t) => {
      const key = targetKey(t);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}

/** A participle used as an adjective: after a determiner or quantifier, before its noun ("certain sanctioned parties"). */
function isAttributive(text: string, trigger: Trigger): boolean {
  return (
    PAST_FORM.test(trigger.text) &&
    /\b(?:the|these|those|this|that|its|their|certain|other|all|any|some|such|several|many|\d+)\s+(?:\w+ly\s+)?$/i.test(text.slice(Math.max(0, trigger.start - 40), trigger.start)) &&
    /^\s+(?!(?:by|to|in|on|from|for|with|at|as|under|over|after|since|last|this|the|a|an|and|or)\b)\p{Ll}[\p{L}-]*/u.test(text.slice(trigger.end))
  );
}

/**
 * "On the list are China Mobile, Huawei …", "New additions include YMTC and Megvii", "The updated
 * blacklist also includes Quectel": a sentence that names who an act just reported covers, without
 * naming the act again, adds targets to that act.
 */
function listMembers(text: string, mentions: Mention[], previous: RestrictionEvent, index: number, time?: TextTime): RestrictionEvent[] {
  // "They include …" names the members of the class an act in the sentence just before took ("12 companies").
  // "… remain on the list" points back to the list the act made, a few sentences further on, and
  // goes on naming its members in the sentences after ("Huawei and Hikvision also remain on the list").
  const onList = ON_A_LIST.test(text);
  const afterClass = ((index - previous.sentence <= 2 || (index - previous.sentence <= 4 && onList)) && previous.targets.every((t) => t.generic)) || (onList && index - previous.sentence <= 2 && ON_A_LIST.test(previous.evidence));
  // "The following Chinese technology companies were added to the list:" and then the names, bulleted: an
  // act on a class whose sentence ends in a colon has the names that follow as its members.
  if (afterClass && index - previous.sentence === 1 && /:[\s"”’')]*$/.test(previous.evidence)) {
    const listed: EventTarget[] = mentions.filter((m) => !isPossessor(text, m, mentions)).map((m) => ({ surface: m.surface, entity: m.entity, via: 'name' }));
    const targets = [...listed, ...properNouns(text, 0, text.length, mentions)];
    if (targets.length > 0) return [{ ...previous, targets, trigger: ':', evidence: text, sentence: index }];
  }
  // "Among the previously listed companies that they joined are Huawei …": members listed before are no part of this act.
  if (/\b(?:previously|already|earlier)\s+(?:listed|added|designated|sanctioned|blacklisted|named)\b/i.test(text)) return [];
  const cue = LIST_MEMBERSHIP.exec(text) ?? (afterClass && index - previous.sentence === 1 ? THEY_INCLUDE.exec(text) : null);
  if (!cue) return namedAsAdded(text, mentions, previous, index).concat(afterClass ? membersOfClass(text, mentions, previous, index) : []);
  // "the apps are “engaged in activities …”", "Most of these apps are from Hong Kong", "the companies
  // are traded on …": "are" followed by a predicate describes them; it does not name them.
  if (/\b(?:are|were|is|was)$/i.test(cue[0]) && /^\s*(?:[“"‘]|(?:from|in|on|at|to|by|with|for|of|not|also|being|now|still|mostly|mainly|largely|all|believed|said|reported|accused|linked|based|owned)\b|\w+(?:ed|ing)\b)/i.test(text.slice(cue.index + cue[0].length))) return afterClass ? membersOfClass(text, mentions, previous, index) : [];
  const from = cue.index;
  const named: EventTarget[] = mentions.filter((m) => m.start >= from && !isPossessor(text, m, mentions)).map((m) => ({ surface: m.surface, entity: m.entity, via: 'name' }));
  // "Another company cited is 4Paradigm, … backed by Sequoia Capital": a singular cue names one member.
  const single = /^(?:another|one other|a further|one more)\b/i.test(cue[0]);
  const others = properNouns(text, from, text.length, mentions);
  const at = (t: EventTarget) => text.indexOf(t.surface, from);
  const targets = single ? [...named, ...others].sort((a, b) => at(a) - at(b)).slice(0, 1) : [...named, ...others];
  if (targets.length === 0) return namedAsAdded(text, mentions, previous, index);
  // Members told with a date of their own ("added DJI … on October 5, 2022") are of that day's act.
  const own = time ? findDates(text, time.placer, false, time.reference === undefined && time.placer !== undefined)[0] : undefined;
  const { date, dateText, dateSource } = own ? { date: own.value, dateText: own.text, dateSource: 'text' as const } : previous;
  return [{ ...previous, targets, date, dateText, dateSource, trigger: cue[0], evidence: text, sentence: index }];
}

/**
 * The sentences that are items of a list of names a sentence announces with a colon ("Those additional
 * entities include:"): short lines that end in no full stop of a sentence, up to the first line of prose.
 */
function listItems(sentences: readonly string[]): boolean[] {
  const out = sentences.map(() => false);
  for (let i = 0; i < sentences.length; i++) {
    const cue = (sentences[i] as string).trim();
    if (!/:["”’')]*$/.test(cue) || !(LIST_MEMBERSHIP.test(cue) || HOLDS.test(cue))) continue;
    for (let j = i + 1; j < sentences.length; j++) {
      const line = (sentences[j] as string).trim();
      const words = line.split(/\s+/);
      // A name ends in a bracket, a capitalised word or a legal form's full stop ("Co., Ltd."), not in a sentence's.
      const nameLike = words.length <= 16 && /^\p{Lu}/u.test(line) && (!/[.!?]["”’)]*$/.test(line) || /\b(?:Ltd|Inc|Co|Corp|LLC|S\.A|GmbH|Pte)\.$/.test(line));
      if (!nameLike) break;
      out[j] = true;
    }
  }
  return out;
}

/** A number of parties, in figures or words ("12 companies", "nine entities", "dozens of firms"). */
/** Counts in figures or words, before a class: "12", "two", "a dozen", "dozens of". */
const COUNT_WORDS = String.raw`\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|hundreds of`;
const NUMBERED_CLASS = new RegExp(String.raw`\b(?:${COUNT_WORDS}|scores of)\s+(?:more\s+|other\s+|additional\s+|new\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:entities|companies|firms|organi[sz]ations|parties|businesses)\b`, 'i');
const THEY_INCLUDE = /^\W*they\s+(?:include|included)\b/i;

/**
 * "Sugon, Inspur and Hikvision were also added", "Megvii was among those targeted": a passive verb of
 * an act's own kind with no list or place after it has the names of its subject as that act's members.
 */
const PASSIVE_MEMBERSHIP = /\b(?:was|were|(?:has|have) been)\s+(?:also\s+)?(?:among\s+(?:those|the\s+(?:[\w-]+\s+){0,2}(?:companies|entities|firms|parties|organi[sz]ations))\s+)?(?:added|named|listed|included|targeted|designated|hit)\b(?!\s+(?:to|on|by|as|for|from|with)\b|\s+in\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})\b))/i;
function namedAsAdded(text: string, mentions: Mention[], previous: RestrictionEvent, index: number): RestrictionEvent[] {
  if (!LISTING_ACTIONS.has(previous.action)) return [];
  const cue = PASSIVE_MEMBERSHIP.exec(text);
  if (!cue) return [];
  const from = clauseStartBefore(text, cue.index);
  const subject = text.slice(from, cue.index);
  // The names must be the whole subject: "Sugon and Inspur were added", not "a unit that sells to Sugon was named".
  if (/\b(?:that|which|who|whose|of|to|from|by|with|for|against)\b/i.test(subject)) return [];
  const named: EventTarget[] = mentions.filter((m) => m.start >= from && m.end <= cue.index).map((m) => ({ surface: m.surface, entity: m.entity, via: 'name' }));
  const targets = [...named, ...properNouns(text, from, cue.index, mentions, true)];
  if (targets.length === 0) return [];
  const { date, dateText, dateSource } = previous;
  return [{ ...previous, targets, date, dateText, dateSource, trigger: cue[0], evidence: text, sentence: index }];
}
/** An aside between commas inside a subject: its examples (", including …,") or a description of a name (", a maker of …,"). */
const APPOSITION = /,\s*(?:including|such as|notably|among them|a|an|the)\s[^,;]*(?:,|$)/g;
/** Verbs by which a sentence says what a class or a list holds: "Those targeted include", "The list features", "It named". */
const HOLDS = /\b(?:include[sd]?|feature[sd]?|comprise[sd]?|cover(?:s|ed)?|name[sd]?|target(?:s|ed)?)\s+/i;
/** Names that are the subject of being in the class or on the list: "Hikvision and Dahua are among them", "… are also on the list". */
const IS_MEMBER = /\s+(?:is|are|was|were|remain(?:s|ed)?)\s+(?:also\s+|now\s+|still\s+)?(?:among\s+(?:them|those|the\b)|on\s+(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:black)?list\b|one of them\b)/i;
/** Being on a list the text has named: "… are also on the list", "… remain on the blacklist". */
const ON_A_LIST = /\s(?:is|are|was|were|remain(?:s|ed)?)\s+(?:also\s+|now\s+|still\s+)?on\s+(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:black)?list\b/i;
/**
 * In the sentences just after an act on a class ("added 28 Chinese entities to the list"), the names a
 * sentence says the class or list holds are its members: after a verb of holding, or as the subject of
 * being among them or on the list.
 */
function membersOfClass(text: string, mentions: Mention[], previous: RestrictionEvent, index: number): RestrictionEvent[] {
  const holds = HOLDS.exec(text);
  const member = IS_MEMBER.exec(text);
  let from = 0;
  let to = 0;
  if (holds && !mentions.some((m) => m.end <= holds.index)) [from, to] = [holds.index + holds[0].length, text.length];
  // The subject may be a list of names, and a description with its examples or a name with its
  // apposition ("Many of the largest carriers, including China Mobile and China Unicom, remain on the list").
  else if (member && /^[^,;]*$/.test(text.slice(0, member.index).replace(/,\s*$/, '').replace(/,\s*(?:and\s+)?(?=\p{Lu})/gu, ' ').replace(APPOSITION, ' '))) [from, to] = [0, member.index];
  else return [];
  const targets: EventTarget[] = [...mentions.filter((m) => m.start >= from && m.end <= to && !isPossessor(text, m, mentions)).map((m): EventTarget => ({ surface: m.surface, entity: m.entity, via: 'name' })), ...properNouns(text, from, to, mentions, true)];
  if (targets.length === 0) return [];
  const { date, dateText, dateSource } = previous;
  return [{ ...previous, targets, date, dateText, dateSource, trigger: (holds ?? member)?.[0].trim() ?? '', evidence: text, sentence: index }];
}

/** Where the clause that ends at `at` begins: after the last semicolon, dash or subordinating word before it. */
function clauseStartBefore(text: string, at: number): number {
  let from = 0;
  for (const b of text.slice(0, at).matchAll(new RegExp(CLAUSE_BREAK.source, CLAUSE_BREAK.flags))) from = (b.index ?? 0) + b[0].length;
  return from;
}

const NOT_AN_ORGANISATION = new RegExp(
  String.raw`^(?:The|A|An|This|That|These|Those|It|Its|Their|His|Her|He|She|They|We|In|On|At|For|After|Before|Since|Last|Next|Earlier|Later|Chinese|American|British|Indian|Swedish|Russian|Entity List|Covered List|Unreliable Entity List|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Taiwan|Hong Kong|Europe|Asia|Africa|Latin America|Galwan Valley|Communist Party|Chinese Communist Party|Executive Order|President|Secretary|Minister|Section|Act|Congress|Commerce|Defen[cs]e|Treasury|Justice|Homeland Security|Departments? of (?:the )?(?:Commerce|Defen[cs]e|State|Treasury|Justice|Homeland Security|Energy)(?: and (?:the )?(?:Commerce|Defen[cs]e|State|Treasury|Justice|Homeland Security|Energy))?)$`,
);

/** "Savings Clause", "Foreign Direct Product Rule", "General Order": a part or kind of a legal text, no organisation. */
const INSTRUMENT_PART = /\s(?:Clauses?|Provisions?|Amendments?|Exceptions?|Exemptions?|Rules?|Orders?|Regulations?|Directives?|Sections?|Articles?|Paragraphs?|Bills?|Acts?)$/;

/** "CIO Dru Rai", "Commissioner Brendan Carr": a person named with a title is no organisation. */
const PERSON_TITLE = /^(?:CIO|CEO|CTO|CFO|COO|CISO|Chairman|Chairwoman|Chair|Director|Commissioner|Secretary|Minister|Senator|Sen\.?|Rep\.?|Representative|Gov\.?|Governor|President|Judge|Justice|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+\p{Lu}/u;

/**
 * Names of organisations the knowledge base does not hold ("Lockheed Martin", "Raytheon Missiles &
 * Defense") between `from` and `to`, as compromise's tagging finds them (see nlp.ts), less actors,
 * knowledge-base names and the lexicon's words that are never organisations.
 */
/** After a name: its place ("of Shenzhen, China"), then a short name in brackets, quoted or an abbreviation ("(“ZTE Corporation”)", "(the “Company”)", "(AMEC)"). */
const DEFINED_SHORT_NAME = /^(?:,?\s+(?:of|in)\s+[\p{Lu}][\p{L}-]*(?:[\s-]+[\p{Lu}][\p{L}-]*)*)?(?:,\s*[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)*)?\s*\(\s*(?:the\s+|hereinafter\s+)?(?:[“"][^”"()]{1,60}[”"]|[\p{Lu}\p{N}][\p{L}\p{N}&.-]{1,15})\s*\)/u;

function properNouns(text: string, from: number, to: number, mentions: Mention[], objectOfListing = false): EventTarget[] {
  // In a headline in title case every word is capitalised, so capitals say nothing.
  const words = text.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  // A sentence that ends as one is no headline, however many names it lists ("… to U.S." ends in an abbreviation).
  const endsAsSentence = /[.!?…][”"’)]*$/.test(text.trim()) && !/\b(?:[A-Z]\.){2,3}$/.test(text.trim());
  if (words.length >= 4 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.6 && !endsAsSentence) return [];
  if (to <= from) return [];
  const actors = findActors(text, mentions);
  const out: EventTarget[] = [];
  for (const n of organisationNames(text, from, to, { objectOfListing })) {
    const name = n.text.replace(/['’]s$/, '');
    if (NOT_AN_ORGANISATION.test(name) || PERSON_TITLE.test(name) || INSTRUMENT_PART.test(name)) continue;
    // "Elbit Systems of America, LLC", "Bank of China": a country after "of" inside a name is part of it.
    const ofCountry = (a: Span) => a.start > n.start && /\bof\s+(?:the\s+)?$/.test(text.slice(n.start, a.start));
    if (actors.some((a) => overlaps(a, n) && !ofCountry(a)) || mentions.some((x) => overlaps(x, n))) continue;
    if (findActors(name, []).some((a) => !/\bof\s+(?:the\s+)?$/.test(name.slice(0, a.start)) || a.start === 0)) continue;
    // "China’s Uighur population", "India’s Ministry": what a country has is no organisation the act is on.
    const possessor = /^(.+?)['’]s\s/u.exec(name)?.[1];
    if (possessor && actorByPhrase.has(possessor)) continue;
    // "Zhongxing Telecommunications Equipment Corporation of Shenzhen, China (“ZTE Corporation”)": a name
    // followed by the short name a text defines for it is the organisation that short name is.
    const defined = DEFINED_SHORT_NAME.exec(text.slice(n.end, n.end + 160));
    const short = defined ? mentions.find((m) => m.start >= n.end + (defined.index ?? 0) && m.end <= n.end + defined[0].length) : undefined;
    if (short) {
      out.push({ surface: name, entity: short.entity, via: 'name' });
      continue;
    }
    out.push({ surface: name, via: 'name' });
  }
  return out;
}

/** "Ant's Alipay", "TikTok's parent company ByteDance": the act is on what follows the possessive. */
function isPossessor(text: string, m: Mention, mentions: Mention[]): boolean {
  const after = text.slice(m.end, m.end + 40);
  if (!/^['’]s\s/.test(after)) return false;
  return mentions.some((o) => o.start > m.end && o.start - m.end <= 40 && !/[,;]/.test(text.slice(m.end, o.start)));
}

/**
 * A counted class whose nationality follows it: "119 apps …, mostly from China", "more than 200 apps
 * linked to China", "232 apps with Chinese links", "14 defense companies from the United States".
 */
const COUNTED_CLASS = new RegExp(String.raw`\b(?:more than \d[\d,]*|over \d[\d,]*|${COUNT_WORDS})\s+(?:more\s+|other\s+|additional\s+|new\s+)?(?:[a-z][\w-]*\s+){0,2}?(apps|applications|entities|companies|firms|organi[sz]ations)\b`, 'gi');
// China, Russia, Iran and the US after any of these words; any other nation only where the members are ("from",
// "in", "based in"): "integrity of India" says nothing of where apps come from.
const NATIONALITY_AFTER = new RegExp(String.raw`^[^.;]{0,60}?(?:\b(?:from|linked to|tied to|connected to|with|based in|located in|of|in|including|mostly|mainly|largely)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(china|chinese|hong kong|russia|russian|iran|united states|u\.s\.|us)|\b(?:from|based in|located in|headquartered in|in)\s+(?:the\s+)?(${nationAlternation()}))\b`, 'i');
/** The rest of a list of places after its first: ", Russia and the United Arab Emirates". */
const NATION_LIST = new RegExp(String.raw`^(?:${FURTHER_PLACE})+`, 'u');
const NATION_WORD = new RegExp(String.raw`\b(?:${nationAlternation()})\b`, 'gi');
/** A nation opening the words after "based in". */
const NATION_FIRST = new RegExp(String.raw`^(?:the\s+)?(?:${NATION_WORD.source})\b`, 'i');
/** "Companies based in Turkey and the United Arab Emirates", "entities located in Georgia": a class by where its members are. */
const LOCATED_CLASS = /\b(companies|entities|firms|organi[sz]ations|parties|businesses)\s+(?:based|located|headquartered|registered|incorporated)\s+in\s+/gi;

/**
 * "… adding 140 entities to the Entity List. These entries are listed under the destinations of China,
 * …": a sentence that goes on to describe a counted class ("These entries", "The additions", "Most of
 * the companies") gives its nationality, the first one it names.
 */
const DESCRIBES_CLASS = /^\W*(?:(?:these|those|the|all|most|many|some|(?:most|many|some|all) of (?:these|those|the|them))\s+(?:[\w-]+\s+){0,3}?(?:entities|entries|companies|firms|apps|applications|additions|organi[sz]ations|parties)\b|they\s+(?:are|were|include)\b)/i;
const NATION_NAMED = /\b(?:under|in|from|based in|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(China|Hong Kong|Russia|Iran|United States)\b|\b(Chinese|Russian|Iranian)\b/;
function describedNationality(following: string | undefined): string | undefined {
  if (!following || !DESCRIBES_CLASS.test(following)) return undefined;
  const m = NATION_NAMED.exec(following);
  return m?.[1] ?? m?.[2];
}

function genericTargets(text: string, mentions: Mention[], after = '', following?: string): { start: number; target: EventTarget }[] {
  const byNationality = [...text.matchAll(new RegExp(GENERIC_TARGET_PATTERN.source, GENERIC_TARGET_PATTERN.flags))]
    .filter((m) => !mentions.some((x) => overlaps(x, { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length })))
    .map((m) => ({ start: m.index ?? 0, target: { surface: m[0], generic: genericTargetKey(m[1] as string, m[2] as string), via: 'generic' as const } }));
  // "Chinese military-linked companies": any adjectives or nouns between the nationality and the head.
  for (const m of text.matchAll(new RegExp(GENERIC_TARGET_LOOSE.source, GENERIC_TARGET_LOOSE.flags))) {
    const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (byNationality.some((g) => g.start >= span.start && g.start < span.end) || mentions.some((x) => overlaps(x, span))) continue;
    if (!onlyModifiers(m[0], m[2] as string)) continue;
    byNationality.push({ start: span.start, target: { surface: m[0], generic: genericTargetKey(m[1] as string, m[3] as string), via: 'generic' as const } });
  }
  // The words that qualify a class may come after the clause ends ("connected vehicles …, in each case where
  // the items have connections to the PRC"): matched over the rest of the sentence, kept when they begin in the clause.
  // "connected vehicles … linked to China and Russia": one class per nation named.
  const sentence = `${text}${after}`;
  const russia = /\brussia/i.test(sentence);
  const nationsOfKind = [/\b(?:china|prc|chinese|people['’]s republic of china)\b/i.test(sentence) || !russia ? 'CN' : undefined, russia ? 'RU' : undefined].filter((n): n is string => n !== undefined);
  const byKind = CLASS_TARGETS.flatMap(({ key, pattern }) =>
    [...sentence.matchAll(new RegExp(pattern.source, pattern.flags))]
      .filter((m) => (m.index ?? 0) < text.length)
      .flatMap((m) => (key.includes('{nation}') ? nationsOfKind.map((n) => key.replace('{nation}', n)) : [key]).map((generic) => ({ start: m.index ?? 0, target: { surface: m[0], generic, via: 'generic' as const } }))),
  );
  const counted = [...text.matchAll(new RegExp(COUNTED_CLASS.source, COUNTED_CLASS.flags))]
    .filter((m) => !byNationality.some((g) => g.start >= (m.index ?? 0) && g.start < (m.index ?? 0) + m[0].length))
    .flatMap((m) => {
      const rest = `${text.slice((m.index ?? 0) + m[0].length)}${after}`;
      const found = NATIONALITY_AFTER.exec(rest);
      // "entities from China, Russia and the United Arab Emirates": one class per nation the list names.
      const listed = found ? [...(NATION_LIST.exec(rest.slice(found.index + found[0].length))?.[0] ?? '').matchAll(NATION_WORD)].map((n) => n[0]) : [];
      const nations = found ? [(found[1] ?? found[2]) as string, ...listed] : [describedNationality(following)].filter((n): n is string => n !== undefined);
      const keys = [...new Set(nations.map((nation) => genericTargetKey(nation, m[1] as string)))];
      return keys.map((key) => ({ start: m.index ?? 0, target: { surface: m[0], generic: key, via: 'generic' as const } }));
    });
  const located = [...text.matchAll(LOCATED_CLASS)].flatMap((m) => {
    const rest = text.slice((m.index ?? 0) + m[0].length);
    const first = NATION_FIRST.exec(rest);
    if (!first) return [];
    const listed = [...(NATION_LIST.exec(rest.slice(first[0].length))?.[0] ?? '').matchAll(NATION_WORD)].map((n) => n[0]);
    const keys = [...new Set([first[0], ...listed].map((nation) => genericTargetKey(nation, m[1] as string)))];
    return keys.map((key) => ({ start: m.index ?? 0, target: { surface: m[0], generic: key, via: 'generic' as const } }));
  });
  return [...byNationality, ...byKind, ...counted, ...located].sort((a, b) => a.start - b.start);
}

/**
 * "the company", "the app", "them": the nearest earlier name of a fitting kind, from this sentence
 * or the three before it; a plural ("the apps", "them") takes every fitting name of the nearest
 * sentence that has one.
 */
function resolveCoreference(head: string, surface: string, antecedents: Antecedent[], sentence: number, offset: number, mentions: Mention[], inNation?: (entity: EntityTarget, nation: string) => boolean | undefined): EventTarget[] {
  const h = head.toLowerCase();
  // "the Chinese smartphone giant" points back to a Chinese company, not to the nearest name ("it overtook Apple").
  const nation = inNation ? surface.split(/\s+/).map((w) => (/^\p{Lu}/u.test(w) ? demonymCode(w) : undefined)).find((c) => c !== undefined) : undefined;
  const ofNation = (a: Antecedent) => !nation || !a.target.entity || !inNation || inNation(a.target.entity, nation) !== false;
  const wantsApp = /^(?:app|apps|application|applications|platform|platforms|service|services)$/.test(h);
  const plural = /(?:s|them)$/.test(h) && h !== 'business';
  const earlierHere = mentions
    .filter((m) => m.end <= offset)
    .map((m): Antecedent => ({ target: { surface: m.surface, entity: m.entity, via: 'name' }, sentence, offset: m.start }));
  const candidates = [...antecedents.filter((a) => a.sentence >= sentence - 3 && a.sentence < sentence), ...earlierHere].sort((a, b) => b.sentence - a.sentence || b.offset - a.offset);
  const named = (a: Antecedent) => a.target.entity !== undefined && (!wantsApp || a.target.entity.kind === 'product') && ofNation(a);
  const pointing = (t: EventTarget): EventTarget => ({ ...t, surface: `${surface} (${t.surface})`, via: t.generic ? 'generic' : 'coreference' });
  const nearest = candidates.find(named) ?? (wantsApp ? candidates.find((a) => a.target.entity) : undefined);
  if (nearest && plural) {
    const seen = new Set<string>();
    return candidates
      .filter((a) => a.sentence === nearest.sentence && (named(a) || (!wantsApp && a.target.entity)))
      .filter((a) => !seen.has(a.target.entity?.id ?? '') && seen.add(a.target.entity?.id ?? ''))
      .reverse()
      .map((a) => pointing(a.target));
  }
  if (nearest) return [pointing(nearest.target)];
  const generic = plural ? candidates.find((a) => a.target.generic) : undefined;
  return generic ? [pointing(generic.target)] : [];
}

function chooseActor(text: string, trigger: Trigger, actors: ActorHit[], contextActor: Actor | undefined, votes: Map<string, number>): Actor | undefined {
  const government = actors.filter((a) => !a.court && !a.oblique);
  // "asked an appeals court to block the law": the court is asked, it has not acted.
  const courtHit = actors.find((a) => a.court && !/\b(?:ask(?:s|ed|ing)?|petition(?:s|ed|ing)?|urg(?:e|es|ed|ing)|before|in|to)\s+(?:a|an|the)?\s*(?:[\w.]+\s+){0,2}$/i.test(text.slice(Math.max(0, a.start - 40), a.start)));
  const byAgent = government.find((a) => a.start >= trigger.end && /^\s*by\s+(?:the\s+)?$/i.test(text.slice(trigger.end, a.start).replace(/^[^]*?\bby\b/i, 'by')) && a.start - trigger.end < 60);
  // "US lawmakers were banned from using …": an actor whose words begin the action's own words governs it too.
  const beforeHit = [...government].reverse().find((a) => a.end <= trigger.start || (a.start < trigger.start && a.end <= trigger.end));
  const insideHit = government.find((a) => a.start >= trigger.start && a.end <= trigger.end && !/^\s*(?:to|from|in)\b/i.test(text.slice(a.end)));
  // An actor named far after the action ("… also headquartered in Canada, … and Japan") is not its agent.
  const afterHit = government.find((a) => a.start >= trigger.end && (a.start - trigger.end < 100 || !contextActor));
  const hit = byAgent ?? beforeHit ?? insideHit ?? afterHit;
  const defaultJurisdiction = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (courtHit && (!hit || courtHit.start < trigger.start)) {
    // "a federal judge blocks Montana's TikTok ban": the act enjoined is the government's whose it is.
    let owner: ActorEntry | undefined;
    const slice = text.slice(courtHit.end, Math.min(text.length, trigger.end + 60));
    for (const m of actorMatches(slice)) {
      // "Montana's TikTok ban", "a Montana law banning the app": the place's possessive, or the place as the adjective of the act's noun.
      const after = slice.slice(m.index + m.phrase.length);
      const asAdjective = /^\s+(?:[\w-]+\s+){0,1}(?:ban|law|order|prohibition|statute|rule|measure)\b/i.test(after) && /\b(?:a|an|the)\s+$/i.test(slice.slice(0, m.index));
      if (/^['’]s\s+(?:[\w-]+\s+){0,3}(?:ban|law|order|prohibition|statute|rule|measure|restrictions?)\b/i.test(after) || asAdjective) {
        owner = actorByPhrase.get(m.phrase);
        if (owner) break;
      }
    }
    const jurisdiction = owner?.jurisdiction || courtHit.actor.jurisdiction || hit?.actor.jurisdiction || defaultJurisdiction || contextActor?.jurisdiction;
    if (jurisdiction) return { jurisdiction, authority: courtHit.actor.authority, surface: courtHit.surface };
  }
  if (hit) return { ...hit.actor, surface: hit.surface };
  // "Hikvision was added to the Entity List", "the rule adds …": a list named by its proper name is
  // one government's, and with no government in the sentence the act is that government's, whatever
  // country the article otherwise tells of.
  // A trigger that is only a list's last word ("… Complex Companies List") has the list's name before it.
  const owner = listOwner(text.slice(/^list$/i.test(trigger.text) ? Math.max(0, trigger.start - 50) : trigger.start, Math.min(text.length, trigger.end + 60)));
  if (owner) return owner;
  if (contextActor) return { ...contextActor, surface: '(context)' };
  if (defaultJurisdiction) return { jurisdiction: defaultJurisdiction, authority: 'government', surface: '(context)' };
  return undefined;
}

/** Lists that only one government keeps, by their proper names (China's is the "unreliable" entity list). */
const OWNED_LISTS: { pattern: RegExp; actor: Actor }[] = [
  { pattern: /(?<!\b[Uu]nreliable\s)\bEntity List\b/, actor: { jurisdiction: 'US', authority: 'Commerce (BIS)', surface: 'Entity List' } },
  { pattern: /\bCovered List\b/, actor: { jurisdiction: 'US', authority: 'FCC', surface: 'Covered List' } },
  { pattern: /\bNS-CMIC\b|\bChinese Military-Industrial Complex Companies List\b/i, actor: { jurisdiction: 'US', authority: 'Treasury (OFAC)', surface: 'NS-CMIC List' } },
  { pattern: /\b1260H\b/, actor: { jurisdiction: 'US', authority: 'Department of Defense', surface: '1260H list' } },
  { pattern: /\b[Uu]nreliable [Ee]ntit(?:y|ies) [Ll]ist\b|不可靠实体清单/, actor: { jurisdiction: 'CN', authority: 'MOFCOM', surface: 'Unreliable Entity List' } },
];
function listOwner(words: string): Actor | undefined {
  return OWNED_LISTS.find((l) => l.pattern.test(words))?.actor;
}

/** The act is named by a noun with a definite determiner ("the ban", "this blacklist", "the Alipay ban"). */
function definiteMention(e: RestrictionEvent): boolean {
  if (!/^(?:bans?|blacklist(?:ing)?|prohibitions?|sanctions?|restrictions?|embargo|listing|designation|order|(?:denial|executive) order)(?:\s+(?:on|of|against))?$/i.test(e.trigger.trim())) return false;
  const at = e.evidence.indexOf(e.trigger);
  if (at < 0) return false;
  return /\b(?:the|this|that|these|those|its|their|such)\s+(?:[\p{L}\p{N}’'-]+\s+){0,2}$/iu.test(e.evidence.slice(Math.max(0, at - 60), at));
}

const ACT_NOUN = String.raw`(?:order|ban|rule|listing|designation|determination|measure|prohibition|decision|law|legislation|act|sanctions?|restrictions?)`;
const DEFINITE_SUBJECT = new RegExp(String.raw`^\W*(?:the|this|that|these|its|their)\s+(?:[\p{L}-]+\s+){0,2}${ACT_NOUN}\s+(?:(?:will|would|also|further|effectively|now|then|has|have|had|is|are|be|in effect|essentially)\s+){0,4}$`, 'iu');

const ACT_NOUN_ALONE = new RegExp(String.raw`^${ACT_NOUN}$`, 'i');
/** The action's trigger is an act's noun opening the sentence as its subject: "The ban underscores …". */
function actNounSubject(e: RestrictionEvent): boolean {
  if (e.status === 'enjoined' || e.status === 'revoked') return false;
  if (!ACT_NOUN_ALONE.test(e.trigger)) return false;
  const at = e.evidence.indexOf(e.trigger);
  return at > 0 && /^\W*(?:the|this|that|its|their)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(e.evidence.slice(0, at)) && !/^\s+(?:on|against|of|to|in|from)\b/i.test(e.evidence.slice(at + e.trigger.length));
}

/** The action's subject is a definite noun naming an act: "The denial order will effectively prohibit …". */
function definiteSubject(e: RestrictionEvent): boolean {
  if (e.status === 'enjoined' || e.status === 'revoked') return false;
  const at = e.evidence.indexOf(e.trigger);
  return at > 0 && DEFINITE_SUBJECT.test(e.evidence.slice(0, at));
}

function sameTarget(a: EventTarget, b: EventTarget): boolean {
  // Two apps of one publisher are two targets: "AliExpress" in one order and "UC Browser" in another
  // tell two orders, where "Alibaba" and "UC Browser" may tell one.
  if (a.entity?.kind === 'product' && b.entity?.kind === 'product' && a.entity.productKind === 'app' && b.entity.productKind === 'app') return a.entity.id === b.entity.id;
  if (a.entity && b.entity) return a.entity.group === b.entity.group;
  return targetKey(a) === targetKey(b);
}

/**
 * When a text was written: `reference` resolves its relative dates and dates the acts it leads with
 * (the publication date, or a day the text states); `placer`, which may be only a deadline the text
 * names, gives a month and day without a year their year.
 */
interface TextTime {
  reference: string | undefined;
  placer: string | undefined;
}

/**
 * The date the sentence's words give an action: the nearest date expression, leaving out one in a
 * relative clause after the action and one inside an aside in brackets or dashes ("three affiliates of Corad -- added to the Entity List in 2019 -- that
 * sell …", "(as of August 2019)"), which dates the aside, unless the action is in it too.
 */
function statedDate(text: string, trigger: Span, time: TextTime, future: boolean): ResolvedDate | undefined {
  const asides = [...text.matchAll(/\([^()]{0,200}\)|\s(?:--|—|–)\s[^—–]{0,200}?\s(?:--|—|–)\s/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const inAside = (at: number) => asides.find((a) => at >= a.start && at < a.end);
  // "… to block these apps, which mirrors closely the 2022 ban on TikTok": a relative clause after the act dates what it describes.
  // ("the ban, which the governor signed in May" dates the act itself).
  const relative = /,\s*(?:which|who|whose)\b(?![^;]{0,60}\b(?:signed|issued|imposed|enacted|adopted|announced|approved|passed)\b)/.exec(text.slice(trigger.end));
  const relativeFrom = relative ? trigger.end + relative.index : text.length;
  const own = findDates(text, time.placer, future, time.reference === undefined && time.placer !== undefined).filter((d) => {
    const aside = inAside(d.index);
    return (!aside || (trigger.start >= aside.start && trigger.start < aside.end)) && d.index < relativeFrom;
  });
  return own.sort((a, b) => Math.abs(a.index - trigger.start) - Math.abs(b.index - trigger.start))[0];
}

/**
 * An act still undated once its restatements and the acts beside it have lent it theirs is dated by
 * the article it is told in — its publication date, or for a text with none the date it states —
 * since news tells what just happened; marked `publication`, so that a reader sees the date is the
 * article's, not one the text gives the act.
 */
function datedByArticle(e: RestrictionEvent, reference: string | undefined): RestrictionEvent {
  return e.date || !reference ? e : { ...e, date: reference, dateSource: 'publication' };
}

const LIST_NAME = /\b(entity list|unverified list|military end[- ]user list|meu list|covered list|unreliable entity list|sdn list|specially designated nationals|ns-cmic list|1260h list|denied persons list)\b/i;
/** The list an act's sentence names, if any, in lower case. */
function namedList(evidence: string): string | undefined {
  return LIST_NAME.exec(evidence)?.[1]?.toLowerCase().replace(/-/g, ' ');
}

/** The number of a counted class an act's sentence names ("43 Chinese apps" → "43"), as written. */
function countedClassSize(evidence: string): string | undefined {
  const m = new RegExp(String.raw`\b(\d[\d,]*)\s+(?:more\s+|other\s+|additional\s+|new\s+)?(?:[\w-]+\s+){0,2}?(?:apps|applications|entities|companies|firms|organi[sz]ations)\b`, 'i').exec(evidence);
  return m?.[1]?.replace(/,/g, '');
}

/** Two acts dated in different months (or years, when only the year is known): "the addition of Huawei in May" is not the October listing. */
function monthsApart(a: RestrictionEvent, b: RestrictionEvent): boolean {
  if (!a.date || !b.date) return false;
  const precision = Math.min(a.date.length, b.date.length, 7);
  return a.date.slice(0, precision) !== b.date.slice(0, precision);
}

/**
 * One event per act: repeated reports of the same act merge, and an act stated without a status
 * word yields to the same act stated with one ("a US ban" beside "he would ban TikTok").
 */
function consolidate(events: RestrictionEvent[], countryOf: (t: EntityTarget) => string | undefined = () => undefined): RestrictionEvent[] {
  const out: RestrictionEvent[] = [];
  /** The sentences each act was told in, its restatements' included. */
  const toldIn = new Map<RestrictionEvent, Set<number>>();
  const alsoToldIn = (act: RestrictionEvent, sentence: number) => toldIn.set(act, (toldIn.get(act) ?? new Set()).add(sentence));
  const sameAct = (a: RestrictionEvent, b: RestrictionEvent) =>
    a.actor.jurisdiction === b.actor.jurisdiction && a.action === b.action && a.targets.some((t) => b.targets.some((u) => sameTarget(t, u)));
  const specificOnSame = (e: RestrictionEvent) =>
    events.some((o) => o.action !== 'other' && o.actor.jurisdiction === e.actor.jurisdiction && o.status === e.status && o.targets.some((t) => e.targets.some((u) => sameTarget(t, u))));
  for (let e of events) {
    // An act told without a cue beside the same act told with one is that act (not one of another month);
    // targets only the uncued telling names ("Canada to ban Huawei, ZTE" beside "… banned Huawei") stay.
    if (!e.statusCue) {
      const told = events.filter((o) => o !== e && o.statusCue && sameAct(o, e) && !monthsApart(o, e));
      if (told.length > 0) {
        // "Canada to ban Huawei" over "The government will ban Huawei …": the headline's form of a decision
        // says the body's bare "will" tells that decision, not a threat.
        if (e.sentence === 0 && e.status === 'enacted') for (const o of told) if (o.status === 'threatened' && /^(?:will|shall)$/i.test(o.statusCue ?? '') && o.sentence <= LEAD_SENTENCES) [o.status, o.statusCue] = ['enacted', `announced: ${o.statusCue}`];
        const untold = e.targets.filter((t) => !told.some((o) => o.targets.some((u) => sameTarget(t, u))));
        if (untold.length === 0) continue;
        e = { ...e, targets: untold };
      }
    }
    // "Kaspersky said it would fight the ban", "the blacklist is distinct from …": a definite noun
    // points back to an act already reported on the same targets; it is that act, not another ("the
    // blacklist" after an investment ban is that ban: news calls any list a blacklist).
    // "The Texas ban includes other apps …, including Webull": a definite "ban" of the government that
    // just made a more specific ban (on state devices) is that act, and what it includes joins it.
    // "the ban, which the governor signed in May": the act's making told beside a later stage is that stage's act at its own.
    const made = MADE_BY_RELATIVE.test(e.evidence.slice(e.evidence.indexOf(e.trigger) + e.trigger.length)) && e.statusCue !== undefined && /^(?:signed|issued|imposed|enacted|approved|adopted)$/.test(e.statusCue);
    const pointedTo = definiteMention(e)
      ? (out.find((o) => (o.action === e.action || (e.action === 'entity-list' && LISTING_ACTIONS.has(o.action) && /black-?list/i.test(e.trigger))) && (!made || o.status === e.status) && o.targets.some((t) => e.targets.some((u) => sameTarget(t, u)))) ??
        (e.action === 'ban' && /\b(?:includ(?:es|ed|ing)|covers?|extends? to|applies to)\b/i.test(e.evidence) ? [...out].reverse().find((o) => RESTATED_AS_BAN.has(o.action) && o.actor.jurisdiction === e.actor.jurisdiction) : undefined))
      : undefined;
    if (pointedTo) {
      for (const t of e.targets) if (!pointedTo.targets.some((u) => sameTarget(t, u))) pointedTo.targets.push(t);
      alsoToldIn(pointedTo, e.sentence);
      continue;
    }
    // "The denial order will effectively prohibit all persons from providing ZTE with …", "The order
    // also bans WeChat Pay": a definite noun naming an act as the subject of the action's verb says
    // what that act does; it is the act reported before, and any targets it names join it.
    // "The ban underscores growing worries that China could …": the act's own noun as the subject of another
    // verb is the act reported before (whoever else the sentence names), not a new one.
    const referredTo = actNounSubject(e) ? [...out].reverse().find((o) => o.sentence < e.sentence && (o.action === e.action || SUBSUMED_BY[e.action].includes(o.action)) && o.targets.some((t) => e.targets.some((u) => sameTarget(t, u)))) : undefined;
    if (referredTo) {
      for (const t of e.targets) if (!referredTo.targets.some((u) => sameTarget(t, u))) referredTo.targets.push(t);
      alsoToldIn(referredTo, e.sentence);
      continue;
    }
    const restated = definiteSubject(e) ? [...out].reverse().find((o) => o.actor.jurisdiction === e.actor.jurisdiction && o.targets.some((t) => e.targets.some((u) => sameTarget(t, u)))) ?? [...out].reverse().find((o) => o.actor.jurisdiction === e.actor.jurisdiction && o.action === e.action) : undefined;
    if (restated) {
      for (const t of e.targets) if (!restated.targets.some((u) => sameTarget(t, u))) restated.targets.push(t);
      alsoToldIn(restated, e.sentence);
      continue;
    }
    // "BIS is imposing licence requirements on Huawei", "export restrictions for 28 entities including
    // Loongson" beside their addition to the Entity List: the controls are what the listing imposes.
    // Controls dated apart from the listing ("in August 2020 the US expanded restrictions …") are another act.
    const sameTime = (o: RestrictionEvent) => !o.date || !e.date || o.dateSource === 'publication' || e.dateSource === 'publication' || o.date.startsWith(e.date) || e.date.startsWith(o.date);
    if (e.action === 'export-control' && events.some((o) => o.action === 'entity-list' && o.actor.jurisdiction === e.actor.jurisdiction && o.status === e.status && sameTime(o) && e.targets.every((t) => o.targets.some((u) => sameTarget(t, u))))) continue;
    // "By the end of 2026, Huawei and ZTE components will be prohibited" beside the decision to ban
    // them: a bare "will" with a deadline states when the decision bites, not a threat of another act.
    if (e.status === 'threatened' && /^(?:will|shall|'ll)$/i.test(e.statusCue ?? '') && SCHEDULE.test(e.evidence) && events.some((o) => o !== e && (o.status === 'enacted' || o.status === 'in-force') && o.actor.jurisdiction === e.actor.jurisdiction && (o.action === e.action || RESTATED_AS_BAN.has(o.action) || o.action === 'removal-order') && o.targets.some((t) => e.targets.some((u) => sameTarget(t, u))))) continue;
    // "The Order further prohibits downloading DeepSeek" beside a ban on state devices: a general
    // word restating a more specific act on the same targets.
    // A ban the words date apart from it ("an order on 6 August banning transactions", "a separate
    // order on 14 August that ByteDance must sell") is another act.
    const datedApart = (o: RestrictionEvent) => o.dateSource === 'text' && e.dateSource === 'text' && o.date !== undefined && e.date !== undefined && !o.date.startsWith(e.date) && !e.date.startsWith(o.date);
    const restatedAct = e.action === 'ban' ? events.find((o) => RESTATED_AS_BAN.has(o.action) && o.actor.jurisdiction === e.actor.jurisdiction && !datedApart(o) && e.targets.every((t) => o.targets.some((u) => sameTarget(t, u)))) : undefined;
    // A court's or a government's end of "that ban" is the end of the act it restates, of that act's kind.
    if (restatedAct && (e.status === 'enjoined' || e.status === 'revoked') && restatedAct.status !== e.status) e.action = restatedAct.action;
    else if (restatedAct) continue;
    // "US sanctions Huawei" beside the report of its Entity List listing, "the sanctions on the listed
    // companies" beside their investment ban: news calls a listing "sanctions" loosely; the word
    // restates the specific act of that government on the same targets at the same stage.
    if (e.action === 'sanction' && events.some((o) => o !== e && SUBSUMED_BY[e.action].includes(o.action) && o.actor.jurisdiction === e.actor.jurisdiction && o.status === e.status && e.targets.every((t) => o.targets.some((u) => sameTarget(t, u))))) continue;
    // "…, which means a licence will be required to sell to Huawei": what follows from an act reported
    // before is what that act does, not another act — when it is of that act's kind or a more general
    // one. A duty of another kind that follows ("This means that those providers are now legally
    // required to remove Huawei …" after a designation) is a further part of the decision, labelled apart.
    if (CONSEQUENCE_BEFORE.test(e.evidence.slice(0, Math.max(0, e.evidence.indexOf(e.trigger)))) && out.some((o) => (o.action === e.action || SUBSUMED_BY[e.action].includes(o.action)) && o.actor.jurisdiction === e.actor.jurisdiction && o.sentence < e.sentence && (o.status === 'enacted' || o.status === 'in-force') && e.targets.every((t) => o.targets.some((u) => sameTarget(t, u))))) continue;
    // "… to determine whether to take action against SMIC" restates the blacklisting under consideration.
    if (e.action === 'other' && specificOnSame(e)) continue;
    // Two reports of one act agree on its date; "added in March" and "revoked last October" are two acts.
    // A date taken from the publication gives way to one the words give.
    // "India blocks 43 Chinese apps" and "had first banned 59 Chinese apps in June": classes of other sizes are other acts.
    const size = countedClassSize(e.evidence);
    const compatible = (o: RestrictionEvent) => {
      const otherSize = countedClassSize(o.evidence);
      if (size !== undefined && otherSize !== undefined && size !== otherSize) return false;
      // "… to the Entity List" and "… to the Unverified List": additions to two lists are two acts.
      const [list, otherList] = [namedList(e.evidence), namedList(o.evidence)];
      if (list !== undefined && otherList !== undefined && list !== otherList) return false;
      return !o.date || !e.date || o.dateSource === 'publication' || e.dateSource === 'publication' || o.date.startsWith(e.date) || e.date.startsWith(o.date);
    };
    // "… added 14 defense companies from the United States … to their list" then "the companies added
    // to the list are Dedrone, …": the members named just after an act on a class are its targets.
    // (the latest such act: "blacklisted 47 entities in 2021. … added DJI and 12 others. They include: …")
    const classAct = (o: RestrictionEvent) => o.actor.jurisdiction === e.actor.jurisdiction && o.action === e.action && o.status === e.status && compatible(o) && e.sentence > o.sentence && e.sentence - o.sentence <= 3 && o.targets.every((t) => t.generic) && e.targets.every((t) => !t.generic) && !events.some((x) => x !== e && x.action === e.action && x.sentence > o.sentence && x.sentence < e.sentence && !toldIn.get(o)?.has(x.sentence));
    const twin = out.find((o) => sameAct(o, e) && o.status === e.status && compatible(o)) ?? [...out].reverse().find(classAct);
    if (twin) {
      for (const t of e.targets) if (!twin.targets.some((u) => targetKey(u) === targetKey(t))) twin.targets.push(t);
      if (!twin.date || (twin.dateSource === 'publication' && e.dateSource === 'text')) [twin.date, twin.dateText, twin.dateSource] = [e.date, e.dateText, e.dateSource];
      alsoToldIn(twin, e.sentence);
      continue;
    }
    const act = { ...e, targets: [...e.targets] };
    out.push(act);
    alsoToldIn(act, e.sentence);
  }
  // "59 Chinese apps including TikTok": a class stands for the act's targets only while none is named
  // — none of its nationality: "36 Chinese entities, including YMTC, as well as nine Russian entities"
  // keeps the Russian class.
  const nationOf = (t: EventTarget) => /^generic:([A-Z]{2})-/.exec(t.generic ?? '')?.[1];
  for (const e of out) {
    if (!e.targets.some((t) => t.generic)) continue;
    const named = out
      .filter((o) => o.actor.jurisdiction === e.actor.jurisdiction && o.action === e.action && o.status === e.status && !monthsApart(o, e))
      .flatMap((o) => o.targets.filter((t) => !t.generic));
    if (named.length === 0) continue;
    // Chinese groups are often incorporated offshore (Cayman Islands, Singapore, Hong Kong …).
    const CHINESE_HOLDING = new Set(['CN', 'HK', 'MO', 'KY', 'BM', 'VG', 'SG']);
    const countries = named.map((t) => (t.entity ? countryOf(t.entity) : undefined)).map((c) => (c && CHINESE_HOLDING.has(c) ? 'CN' : c));
    e.targets = e.targets.filter((t) => {
      if (!t.generic) return true;
      const nation = nationOf(t);
      // Kept only when every named member is known to be of another country.
      return nation !== undefined && countries.every((c) => c !== undefined && c !== nation);
    });
  }
  // One act, told at its firmest: an article that reports a government's decision, ruling or
  // revocation on a target also tells what the act will do ("the order would allow it to reverse …",
  // "the minister may block …", "no employee shall download …") and what state it leaves ("all
  // transactions are prohibited", "are now banned"). A weak reading (threatened, considered) or a
  // stated state (in force, not by a court) beside a firm act of the same government on the same
  // target is that act's content, not another act.
  const FIRM = new Set<EventStatus>(['enacted', 'enjoined', 'revoked']);
  const stateCue = (e: RestrictionEvent) => e.status === 'in-force' && !spans(e.evidence, UPHELD_PATTERN).length && /^(?:(?:is|are|remains?)\b|in (?:effect|force)|(?:has|have) been\b)/i.test(e.statusCue ?? '');
  // Deliberation stated in its own words ("is also considering incentives for firms that drop Huawei")
  // is a further act under study, and stays.
  const deliberation = (e: RestrictionEvent) => /^(?:consider|debat|weigh|mull|explor|study|review|discuss|evaluat|examin|contemplat|whether)/i.test(e.statusCue ?? '');
  const weakOrState = (e: RestrictionEvent) => ((e.status === 'threatened' || e.status === 'considered') && !deliberation(e)) || stateCue(e);
  const firmOnSame = (e: RestrictionEvent) => out.some((o) => o !== e && FIRM.has(o.status) && o.actor.jurisdiction === e.actor.jurisdiction && !monthsApart(o, e) && o.targets.some((t) => e.targets.some((u) => sameTarget(t, u))));
  // "Canada ordered Hikvision to close its business. Hikvision products are also banned in government
  // use.": a stated state of a specific act of another kind than the decision (a procurement ban beside
  // a wind-up order) is a further part of that decision, at its stage and of its date.
  for (const e of out) {
    if (!stateCue(e) || e.action === 'ban' || e.action === 'other') continue;
    const decision = out.find((o) => o !== e && FIRM.has(o.status) && o.status !== 'enjoined' && o.action !== e.action && !SUBSUMED_BY[o.action].includes(e.action) && o.actor.jurisdiction === e.actor.jurisdiction && o.targets.some((t) => e.targets.some((u) => sameTarget(t, u))));
    if (!decision) continue;
    [e.status, e.statusCue] = [decision.status, `${e.statusCue} (with ${decision.trigger})`];
    if (!e.date) [e.date, e.dateText, e.dateSource] = [decision.date, decision.dateText, decision.dateSource];
  }
  for (const e of out) if (weakOrState(e) && firmOnSame(e)) e.targets = e.targets.filter((t) => !out.some((o) => o !== e && FIRM.has(o.status) && o.actor.jurisdiction === e.actor.jurisdiction && !monthsApart(o, e) && o.targets.some((u) => sameTarget(t, u))));
  const all = [...out];
  const kept = out.filter((e) => e.targets.length > 0);
  out.length = 0;
  out.push(...kept);
  // "The updated blacklist also includes Quectel": more targets of an act dated before. An act the
  // article leads with (headline or first sentences, even one whose class gave way to named
  // members: "Govt bans 47 clones" → "These banned clones include Tiktok Lite …") dates the
  // undated acts of the same government at the same stage that tell it in detail. One sentence
  // telling two acts of a government ("… were also added to the list, while YMTC was removed")
  // tells them at one time: an undated one takes the date of the other.
  for (const e of out) {
    if (e.date) continue;
    const dated =
      all.find((o) => o.date && o.actor.jurisdiction === e.actor.jurisdiction && o.action === e.action && o.status === e.status) ??
      all.find((o) => o.date && o.actor.jurisdiction === e.actor.jurisdiction && toldIn.get(o)?.has(e.sentence)) ??
      all.find((o) => o.date && o.sentence <= LEAD_SENTENCES && o.sentence < e.sentence && o.actor.jurisdiction === e.actor.jurisdiction && o.status === e.status && (e.status === 'enacted' || e.status === 'in-force'));
    if (dated) [e.date, e.dateText, e.dateSource] = [dated.date, dated.dateText, dated.dateSource];
  }
  return out;
}
