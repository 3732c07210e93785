/**
 * Finds the knowledge base's organisations, apps and products in running text with one
 * Aho–Corasick automaton over every name and alias (Latin and Chinese script), instead of a
 * regular expression per name. Pure: built from a `KnowledgeBase`, no I/O.
 */
import AhoCorasick from 'modern-ahocorasick/unicode';
import nlp from 'compromise';
import { hasHan, simplify } from '../match/names/chinese.js';
import { LEGAL_FORMS } from '../match/names/lexicon.js';
import { isGeneratedFile, type KnowledgeBase } from '../kb/model.js';
import { WHOLE_NAME_KINDS } from '../model/whole-name-kinds.js';

export type EntityKind = 'organisation' | 'product';

export interface EntityTarget {
  kind: EntityKind;
  id: string;
  /** The corporate group the entity belongs to (`data/groups/<group>.yaml`). */
  group: string;
  /** For products: app, service, device-line … */
  productKind?: string;
}

export interface Mention {
  /** UTF-16 offsets into the text that was searched. */
  start: number;
  end: number;
  surface: string;
  entity: EntityTarget;
}

interface PatternData {
  entity: EntityTarget;
  /** Names that are also ordinary words or short codes match only in the knowledge base's own case. */
  caseSensitive: boolean;
  original: string;
  /** The title-case spelling a curated brand also goes by in news ("Oppo" for "OPPO"). */
  titleCase?: string;
}

/**
 * Names that are ordinary words, numbers or common abbreviations in news text; matched only when
 * written exactly as in the knowledge base (so "Honor" the brand, not "honor" the word) — and some
 * not at all, because in news they almost always mean something else ("CAC" is China's
 * cyberspace regulator far more often than COMAC America).
 */
const NEVER_IN_PROSE = new Set(['cac', 'csc', 'cta', 'mi', 'uc', 'x5', 'tbs', 'gdt', 'csj', 'hms', 'tme', 'lts', '360', 'evo', 'eve', 'cec', 'sina', 'nebula', 'trill', 'poco']);
const COMMON_WORDS = new Set(['honor', 'lark', 'pico', 'kirin', 'helo', 'citic', 'likee', 'ant']);

const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[] | undefined> } } }).model().one.lexicon;
const PLACE_TAG = /^(?:Country|City|Region|Place|Continent|Address)$/;
/** "Hong Kong", "Macau": a place's name, as compromise's lexicon knows it (official lists sometimes file an address as an alias). */
export function isPlaceName(name: string): boolean {
  const tag = lexicon[name.toLowerCase().trim()];
  return (Array.isArray(tag) ? tag : tag ? [tag] : []).some((t) => PLACE_TAG.test(t));
}

const GOVERNMENT_BODY = /^(?:the\s+)?(?:ministry|department|bureau|office|agency|directorate|commission|council|committee|administration|service|secretariat)\s+(?:of|for|on)\s+(.+)$/i;
/**
 * "Ministry of Home Affairs", "Department of State Security": a body of government named only by what
 * it does, which every country has. A list's party of that name (of one country) is no one in
 * particular in prose, where such a body is usually the one that acts; "Ministry of Defence of the
 * Russian Federation" names its country and stays.
 */
export function isGenericBody(name: string): boolean {
  const rest = GOVERNMENT_BODY.exec(name.trim())?.[1];
  if (!rest) return false;
  return rest.split(/[\s,]+/).every((w) => {
    const tags = (nlp(w.toLowerCase()).json() as { terms: { tags: string[] }[] }[])[0]?.terms[0]?.tags ?? [];
    return !tags.some((t) => t === 'ProperNoun' || t === 'Place' || t === 'Demonym');
  });
}

const isLegalWord = (w: string) => LEGAL_FORMS.has(w) || ['co', 'ltd', 'inc', 'corp', 'plc', 'llc', 'group', 'holdings'].includes(w);

/** "Huawei Technologies Co., Ltd." → "Huawei Technologies"; names are written short in prose. */
export function shortForm(name: string): string | undefined {
  const words = name.replace(/\([^)]*\)/g, ' ').trim().split(/\s+/);
  let end = words.length;
  while (end > 1 && isLegalWord((words[end - 1] as string).toLowerCase().replace(/[.,]/g, ''))) end--;
  const short = words.slice(0, end).join(' ').replace(/[,.]+$/, '');
  return short !== name && short.length >= 2 ? short : undefined;
}

function isUsable(pattern: string): boolean {
  const lower = pattern.toLowerCase();
  if (NEVER_IN_PROSE.has(lower)) return false;
  if (hasHan(pattern)) return [...pattern].length >= 2;
  if (!/\p{L}/u.test(pattern)) return false;
  const words = lower.split(/\s+/).map((w) => w.replace(/[.,]/g, ''));
  if (words.every(isLegalWord)) return false;
  return pattern.replace(/[^\p{L}\p{N}]/gu, '').length >= 2;
}

function needsCase(pattern: string): boolean {
  if (hasHan(pattern)) return false;
  const letters = pattern.replace(/[^\p{L}\p{N}]/gu, '');
  if (COMMON_WORDS.has(pattern.toLowerCase())) return true;
  // Short codes ("ZTE", "BYD", "QQ") are only names when written in capitals.
  return letters.length <= 4 && !/\s/.test(pattern);
}

/**
 * News writes a four-letter brand set in capitals in title case ("OPPO" as "Oppo"): that spelling is
 * the brand too, unless it is an ordinary word. Shorter codes ("ZTE", "QQ") stay in capitals only.
 */
function titleCased(original: string): string | undefined {
  if (!/^(?:\p{Lu}{4}|\p{Ll}{4})$/u.test(original)) return undefined;
  const title = (original[0] as string).toUpperCase() + original.slice(1).toLowerCase();
  const tag = lexicon[title.toLowerCase()];
  return COMMON_WORDS.has(title.toLowerCase()) || (tag !== undefined && tag !== 'Abbreviation') ? undefined : title;
}

/** A Latin name must start and end at word boundaries; Chinese names sit inside running text. */
function atWordBoundary(ctx: { left: string | undefined; right: string | undefined; first: string; last: string }): boolean {
  const word = /[\p{L}\p{N}]/u;
  const leftOk = ctx.left === undefined || hasHan(ctx.first) || !word.test(ctx.left);
  const rightOk = ctx.right === undefined || hasHan(ctx.last) || !word.test(ctx.right);
  return leftOk && rightOk;
}

export class MentionMatcher {
  private readonly automaton: AhoCorasick<PatternData>;
  readonly patternCount: number;

  constructor(private readonly kb: KnowledgeBase) {
    const patterns = new Map<string, PatternData>();
    const listed = new Set(kb.listings.map((l) => l.target));
    // Curated records win a shared name over an official list's own parties.
    const generated = new Set(Object.values(kb.organisations).filter((o) => isGeneratedFile(o.file)).map((o) => o.id));
    const add = (raw: string, entity: EntityTarget) => {
      const value = raw.trim();
      if (!isUsable(value)) return;
      const key = value.toLowerCase();
      const prior = patterns.get(key);
      // One surface, several entities ("TikTok" the app and TikTok Inc.): prefer the one a measure
      // lists, then the product (news speaks of apps by their names), then the first by id.
      if (prior && !prefer(entity, prior.entity, listed, generated)) return;
      const title = generated.has(entity.id) ? undefined : titleCased(value);
      patterns.set(key, { entity, caseSensitive: needsCase(value), original: value, ...(title ? { titleCase: title } : {}) });
    };
    const addWithVariants = (name: string, entity: EntityTarget) => {
      add(name, entity);
      const short = shortForm(name);
      if (short) add(short, entity);
      if (hasHan(name)) {
        const simplified = simplify(name);
        if (simplified !== name) add(simplified, entity);
      }
    };
    for (const org of Object.values(kb.organisations)) {
      const entity: EntityTarget = { kind: 'organisation', id: org.id, group: org.group };
      if (!isGeneratedFile(org.file)) {
        for (const n of org.names) addWithVariants(n.value, entity);
        continue;
      }
      // An official list's own parties (tens of thousands, many named with everyday words: "United
      // OJSC", "World Co Ltd.") are found only by a full name of two words or more besides the legal
      // form, and people, ships and planes not at all: in prose their names mean something else.
      if (WHOLE_NAME_KINDS.has(org.kind)) continue;
      for (const n of org.names) if (n.value.split(/\s+/).filter((w) => !isLegalWord(w.toLowerCase().replace(/[.,]/g, ''))).length >= 2 && !isPlaceName(n.value) && !isGenericBody(n.value)) add(n.value, entity);
    }
    for (const p of Object.values(kb.products)) {
      const entity: EntityTarget = { kind: 'product', id: p.id, group: p.group, productKind: p.kind };
      for (const n of [p.name, ...p.aliases]) addWithVariants(n, entity);
    }
    // A measure's own wording of a target ("WeChat Pay", "QQ Wallet") is a name too.
    for (const l of kb.listings) {
      if (l.nameAsListed.length > 40 || /[,;(]/.test(l.nameAsListed) || isGeneratedFile(l.file)) continue;
      const entity = entityTarget(kb, l.target);
      if (entity) addWithVariants(l.nameAsListed, entity);
    }
    // "PUBG" for "PUBG Mobile": an app named by its edition ("Mobile", "Lite") is also named without it, in the
    // knowledge base's case, when the shorter name is no other entity's, no ordinary word and no place.
    for (const p of Object.values(kb.products)) {
      const entity: EntityTarget = { kind: 'product', id: p.id, group: p.group, productKind: p.kind };
      for (const n of [p.name, ...p.aliases]) {
        const base = /^(.{4,}?)\s+(?:Mobile|MOBILE|Lite|LITE)$/.exec(n.trim())?.[1];
        if (!base || patterns.has(base.toLowerCase()) || lexicon[base.toLowerCase()] !== undefined || isPlaceName(base) || !isUsable(base)) continue;
        // Only as the knowledge base writes it: "Paddle" the framework, not "paddle".
        patterns.set(base.toLowerCase(), { entity, caseSensitive: true, original: base });
      }
    }
    const inputs = [...patterns.values()].map((data) => ({ pattern: data.original, data }));
    this.patternCount = inputs.length;
    this.automaton = new AhoCorasick(inputs, { boundary: atWordBoundary });
  }

  /** Leftmost-longest, non-overlapping mentions in text order. */
  find(text: string): Mention[] {
    const out: Mention[] = [];
    for (const m of this.automaton.search(text, { strategy: 'leftmost-longest' })) {
      const data = m.data as PatternData;
      const surface = text.slice(m.start, m.end);
      if (data.caseSensitive && surface !== data.original && surface !== data.titleCase) continue;
      out.push({ start: m.start, end: m.end, surface, entity: data.entity });
    }
    return out;
  }

  entity(id: string): EntityTarget | undefined {
    return entityTarget(this.kb, id);
  }

  /** The kind of the measure whose title carries an executive order's number ("13942"), when the knowledge base holds it. */
  orderKind(number: string): string | undefined {
    return Object.values(this.kb.measures).find((m) => new RegExp(String.raw`\b${number}\b`).test(m.title))?.kind;
  }

  /** The country of an organisation, or of a product's or organisation's group when it has none of its own. */
  country(target: EntityTarget): string | undefined {
    const own = this.kb.organisations[target.id]?.country;
    if (own) return own;
    if (!this.groupCountries) {
      this.groupCountries = new Map();
      for (const o of Object.values(this.kb.organisations)) if (o.country && !this.groupCountries.has(o.group)) this.groupCountries.set(o.group, o.country);
    }
    return this.groupCountries.get(target.group);
  }
  private groupCountries: Map<string, string> | undefined;

  /**
   * Whether a group has a unit in a nation (Hong Kong and Macao count as China): Xiaomi, incorporated in
   * the Cayman Islands, is Chinese by its units in China. Undefined when the knowledge base gives no country.
   */
  inNation(target: EntityTarget, nation: string): boolean | undefined {
    if (!this.nationsOfGroups) {
      this.nationsOfGroups = new Map();
      for (const o of Object.values(this.kb.organisations)) {
        if (!o.country) continue;
        const set = this.nationsOfGroups.get(o.group) ?? new Set<string>();
        set.add(o.country === 'HK' || o.country === 'MO' ? 'CN' : o.country);
        this.nationsOfGroups.set(o.group, set);
      }
    }
    const nations = this.nationsOfGroups.get(target.group);
    return nations ? nations.has(nation) : undefined;
  }
  private nationsOfGroups: Map<string, Set<string>> | undefined;
}

function prefer(candidate: EntityTarget, current: EntityTarget, listed: Set<string>, generated: Set<string>): boolean {
  const rank = (e: EntityTarget) => (generated.has(e.id) ? 4 : 0) + (listed.has(e.id) ? 0 : 2) + (e.kind === 'product' ? 0 : 1);
  const a = rank(candidate);
  const b = rank(current);
  return a < b || (a === b && candidate.id < current.id);
}

export function entityTarget(kb: KnowledgeBase, id: string): EntityTarget | undefined {
  const org = kb.organisations[id];
  if (org) return { kind: 'organisation', id, group: org.group };
  const product = kb.products[id];
  if (product) return { kind: 'product', id, group: product.group, productKind: product.kind };
  return undefined;
}
