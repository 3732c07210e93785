/**
 * Candidate generation for names: an inverted index from blocking keys (core tokens, their
 * one-deletion variants, compact forms, Han cores, pinyin, acronyms) to the knowledge base's
 * aliases. A query is scored only against aliases sharing a key with it — never all pairs.
 */
import type { EntityRef, KnowledgeBase } from '../../kb/model.js';
import { WHOLE_NAME_KINDS } from '../../model/kb.js';
import { compareNames, round, type Feature } from './compare.js';
import { normaliseName, type NameForm } from './normalise.js';

export interface AliasEntry {
  entity: EntityRef;
  name: string;
  kind: string;
  form: NameForm;
  /** A person's name: it matches only word for word, since personal names recur ("Wang Wei"). */
  wholeNameOnly?: true;
}

export interface NameMatch {
  entity: EntityRef;
  /** The alias of the entity that matched best, and what kind of name it is (legal, brand …). */
  alias: string;
  aliasKind: string;
  score: number;
  /** The query and the alias are the same words once normalised (not just the same core). */
  exact: boolean;
  sameCoreDifferentEntity: boolean;
  features: Feature[];
}

/** The whole name, normalised: equal keys mean the same words, legal form included ("China Mobile" ≠ "China Mobile Ltd"). */
function fullKey(form: NameForm): string {
  const words = form.tokens.map((t) => t.text).join(' ');
  return `${words}|${form.han ? `${form.han.places.join('')}${form.han.core}${form.han.qualifiers.join(' ')}${form.han.legal}` : ''}`;
}

function entityKey(entity: EntityRef): string {
  return `${entity.kind}:${entity.id}`;
}

/** Words longer than this get no typo neighbourhood: the keys of one word stay linear in its length. */
const MAX_TYPO_KEY_LENGTH = 20;
/** Joined names (compact forms) longer than this get no typo neighbourhood. */
const MAX_COMPACT_TYPO_KEY_LENGTH = 12;
/** Query words looked up with two letters dropped, at most this long (their keys grow with the square). */
const MAX_TWO_SLIP_LENGTH = 11;

function blockingKeys(form: NameForm, side: 'alias' | 'query' = 'alias'): Set<string> {
  const keys = new Set<string>();
  // Typo neighbourhoods for words of 5 letters or more: the word and each spelling of it with one
  // letter dropped (SymSpell), so one typo on either side still shares a key. A long query word
  // also looks up its spellings with two letters dropped: two slips (Trafalgura/Trafigura).
  const addToken = (t: string, twice: boolean, longest = MAX_TYPO_KEY_LENGTH) => {
    keys.add(`t:${t}`);
    if (t.length < 5 || t.length > longest) return;
    for (let i = 0; i < t.length; i++) {
      const once = `${t.slice(0, i)}${t.slice(i + 1)}`;
      keys.add(`t:${once}`);
      if (twice) for (let j = i; j < once.length; j++) keys.add(`t:${once.slice(0, j)}${once.slice(j + 1)}`);
    }
  };
  // Two slips are looked for in a short name's long words only: the keys grow with the square.
  for (const t of form.core) addToken(t, side === 'query' && form.core.length <= 2 && t.length >= 9 && t.length <= MAX_TWO_SLIP_LENGTH);
  // A compact form made of one core word is that word; the others forgive one slip up to a length
  // (past it, their words carry the typo keys), which keeps the index and each query small.
  for (const t of form.compacts) if (!form.core.includes(t)) addToken(t, false, MAX_COMPACT_TYPO_KEY_LENGTH);
  if (form.han) {
    keys.add(`h:${form.han.core}`);
    keys.add(`t:${form.han.pinyin}`);
    keys.add(`t:${form.han.pinyinFull}`);
  }
  return keys;
}

/**
 * How rare each word of the knowledge base's names is (inverse document frequency over its
 * aliases): a word in a handful of names weighs 1, one in a large share of them (Trading, Al,
 * Petroleum in a sanctions list) weighs down to a quarter, so it cannot carry a match alone.
 */
export class TokenRarity {
  private readonly full: number;
  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    private readonly names: number,
  ) {
    this.full = Math.log(Math.max(names, RARE_COUNT + 1) / RARE_COUNT);
  }

  static fromForms(forms: Iterable<NameForm>): TokenRarity {
    const counts = new Map<string, number>();
    let names = 0;
    for (const form of forms) {
      names++;
      for (const t of new Set([...form.core, ...form.qualifiers])) counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    return new TokenRarity(counts, names);
  }

  /** Only the words common enough to weigh less than 1 are kept. */
  toJSON(): { names: number; common: Record<string, number> } {
    return { names: this.names, common: Object.fromEntries([...this.counts].filter(([, n]) => n > RARE_COUNT)) };
  }

  static fromJSON(json: { names: number; common: Record<string, number> }): TokenRarity {
    return new TokenRarity(new Map(Object.entries(json.common)), json.names);
  }

  private readonly weights = new Map<string, number>();

  readonly weight = (token: string): number => {
    const n = this.counts.get(token);
    if (n === undefined || n <= RARE_COUNT) return 1;
    let w = this.weights.get(token);
    if (w === undefined) {
      w = Math.max(MIN_WEIGHT, Math.log(this.names / n) / this.full);
      this.weights.set(token, w);
    }
    return w;
  };
}

/**
 * The `k` entries with the highest scores, ties to the lower entry number (curated records come
 * first), in one pass: a common word's hundreds of candidates are not sorted.
 */
function topScored(touched: readonly number[], scores: Float64Array, k: number): number[] {
  const top: number[] = [];
  const better = (x: number, y: number) => (scores[x] as number) > (scores[y] as number) || ((scores[x] as number) === (scores[y] as number) && x < y);
  for (const i of touched) {
    if (top.length === k && !better(i, top[k - 1] as number)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && better(i, top[at - 1] as number)) {
      top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = i;
    if (top.length > k) top.length = k;
  }
  return top;
}

/** Files of generated records (an official list's parties), as the knowledge base names them. */
const GENERATED_FILE = /(?:^|\/)generated\/[^/]+\.json$/;

/** Candidates scored per query, at most (see `search`). */
const MAX_SCORED = 32;

/** Names sharing a key beyond which the key counts as common (see `search`). */
const COMMON_KEY_POSTINGS = 200;

/** A word in this many names or fewer is as distinctive as any. */
const RARE_COUNT = 5;
const MIN_WEIGHT = 0.25;

/** An acronym meets the initials of a long form, whichever side is the query — never initials meet initials. */
function addAcronymKeys(keys: Set<string>, form: NameForm, side: 'alias' | 'query'): Set<string> {
  if (form.acronym) keys.add(side === 'alias' ? `a:${form.acronym}` : `i:${form.acronym}`);
  for (const i of form.initials) keys.add(side === 'alias' ? `i:${i}` : `a:${i}`);
  return keys;
}

/**
 * The index as text, cached beside the compiled knowledge base: a header line (JSON), then one line
 * per key, sorted ("t:hikvision\t3,17"), then one line per entry (its JSON). Read back, a key is
 * found by binary search and an entry parsed when a query first reaches it, so a cold `covered
 * lookup` reads the file and little more; a hash map of the keys is built once enough look-ups
 * come (a scan) for it to pay.
 */
interface CacheHeader {
  keys: number;
  withHanName: string[];
  withFullName: string[];
  rarity: ReturnType<TokenRarity['toJSON']>;
  /** The caller's own fields (the knowledge base's hash …), given back by `readCacheHeader`. */
  about: Record<string, string>;
}

/** Key look-ups answered by binary search before the keys are put in a hash map. */
const LOOKUPS_BEFORE_MAP = 20_000;

export class NameIndex {
  /** Key → entry numbers; built from `keyLines` on demand for an index read from its cache. */
  private keys: Map<string, number[]> | undefined = new Map();
  /** Sorted "key\tnumbers" lines of an index read from its cache, until `keys` is built. */
  private keyLines: string[] = [];
  private lookups = 0;
  /** Entities with a name in Chinese script: a Chinese query is compared with that, not by sound. */
  private readonly withHanName = new Set<string>();
  /** Entities known by a name longer than an abbreviation ("TCL Technology Group" beside "TCL"). */
  private readonly withFullName = new Set<string>();
  /** Parsed entries, or their JSON text until first use (an index read from its cache). */
  private readonly entries: (AliasEntry | string)[];
  private sharedScores: Float64Array | undefined;
  /** How rare each word of the knowledge base's names is; names are compared with these weights. */
  rarity: TokenRarity;

  constructor(entries: readonly AliasEntry[]) {
    this.entries = [...entries];
    this.rarity = TokenRarity.fromForms(entries.map((e) => e.form));
    const keys = this.keys as Map<string, number[]>;
    entries.forEach((entry, i) => {
      if (entry.form.han) this.withHanName.add(entityKey(entry.entity));
      if (!entry.form.acronym) this.withFullName.add(entityKey(entry.entity));
      // A person's name is found only word for word: by its whole normalised form, not by its words.
      const entryKeys = entry.wholeNameOnly ? new Set([`f:${fullKey(entry.form)}`]) : addAcronymKeys(blockingKeys(entry.form), entry.form, 'alias');
      for (const key of entryKeys) {
        const list = keys.get(key);
        if (list) list.push(i);
        else keys.set(key, [i]);
      }
    });
  }

  /** The header of a cached index: the fields given to `toCacheText`, without reading the rest. */
  static readCacheHeader(text: string): Record<string, string> | undefined {
    try {
      return (JSON.parse(text.slice(0, text.indexOf('\n'))) as CacheHeader).about;
    } catch {
      return undefined;
    }
  }

  static fromCacheText(text: string): NameIndex {
    const lines = text.split('\n');
    const header = JSON.parse(lines[0] as string) as CacheHeader;
    const index = new NameIndex([]);
    index.keys = undefined;
    index.keyLines = lines.slice(1, 1 + header.keys);
    index.entries.push(...lines.slice(1 + header.keys));
    for (const key of header.withHanName) index.withHanName.add(key);
    for (const key of header.withFullName) index.withFullName.add(key);
    index.rarity = TokenRarity.fromJSON(header.rarity);
    return index;
  }

  toCacheText(about: Record<string, string>): string {
    const keyLines = [...this.keyMap()].map(([key, list]) => `${key}\t${list.join(',')}`).sort();
    const header: CacheHeader = { keys: keyLines.length, withHanName: [...this.withHanName], withFullName: [...this.withFullName], rarity: this.rarity.toJSON(), about };
    const entries = this.entries.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
    return [JSON.stringify(header), ...keyLines, ...entries].join('\n');
  }

  private keyMap(): Map<string, number[]> {
    if (!this.keys) {
      this.keys = new Map();
      for (const line of this.keyLines) {
        const tab = line.indexOf('\t');
        this.keys.set(line.slice(0, tab), line.slice(tab + 1).split(',').map(Number));
      }
      this.keyLines = [];
    }
    return this.keys;
  }

  private postings(key: string): readonly number[] | undefined {
    if (this.keys || ++this.lookups > LOOKUPS_BEFORE_MAP) return this.keyMap().get(key);
    // Keys hold no tab, so the lines sort as their keys do.
    const prefix = `${key}\t`;
    let lo = 0;
    let hi = this.keyLines.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keyLines[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const line = this.keyLines[lo];
    return line?.startsWith(prefix) ? line.slice(prefix.length).split(',').map(Number) : undefined;
  }

  /** Each entry's `fullKey`, computed when a query first reaches it. */
  private readonly fullKeys: string[] = [];

  private fullKey(i: number, entry: AliasEntry): string {
    return (this.fullKeys[i] ??= fullKey(entry.form));
  }

  private entry(i: number): AliasEntry {
    const e = this.entries[i] as AliasEntry | string;
    if (typeof e !== 'string') return e;
    const parsed = JSON.parse(e) as AliasEntry;
    this.entries[i] = parsed;
    return parsed;
  }

  static fromKnowledgeBase(kb: KnowledgeBase): NameIndex {
    const entries: AliasEntry[] = [];
    const named = new Set<string>();
    const addName = (org: KnowledgeBase['organisations'][string], value: string, kind: string) => {
      if (named.has(`${org.id}\0${value}`)) return;
      named.add(`${org.id}\0${value}`);
      const entry: AliasEntry = { entity: { kind: 'organisation', id: org.id }, name: value, kind, form: normaliseName(value) };
      if (WHOLE_NAME_KINDS.has(org.kind)) entry.wholeNameOnly = true;
      entries.push(entry);
    };
    // Curated records first: when more candidates tie than are scored, the earlier entries are, and a
    // curated house ("Huawei") is not crowded out by the list's many parties that share its name.
    const organisations = Object.values(kb.organisations);
    const generated = (o: (typeof organisations)[number]) => GENERATED_FILE.test(o.file);
    for (const org of [...organisations.filter((o) => !generated(o)), ...organisations.filter(generated)]) for (const n of org.names) addName(org, n.value, n.kind);
    // The name a list prints ("Foo Co., Ltd. (FCL)") finds its entry as the list's users type it.
    for (const l of kb.listings) {
      const org = kb.organisations[l.target];
      if (org) addName(org, l.nameAsListed, 'listed');
    }
    for (const p of Object.values(kb.products)) {
      for (const [name, kind] of [[p.name, 'product'] as const, ...p.aliases.map((a) => [a, 'product alias'] as const)]) {
        entries.push({ entity: { kind: 'product', id: p.id }, name, kind, form: normaliseName(name) });
      }
    }
    return new NameIndex(entries);
  }

  /** Best match per entity, best first; ties broken by entity id so results are reproducible. */
  search(query: string | NameForm, options: { limit?: number; minScore?: number } = {}): NameMatch[] {
    const form = typeof query === 'string' ? normaliseName(query) : query;
    const queryKey = fullKey(form);
    const lists: (readonly number[])[] = [];
    for (const key of addAcronymKeys(blockingKeys(form, 'query'), form, 'query')) {
      const list = this.postings(key);
      if (list) lists.push(list);
    }
    // Names that are the query word for word (a person's name is found only so) are always scored.
    const whole = this.postings(`f:${queryKey}`) ?? [];
    // A key shared by hundreds of names (a common word, or a spelling one letter from it) is used
    // only when the query has no rarer one: a name that shares nothing but a common word with
    // another is not a candidate for it, and the cost of a query stays bounded.
    lists.sort((a, b) => a.length - b.length);
    // Each candidate is ranked by the keys it shares, a rare key counting more than a common one,
    // and only the best are scored: the cost of a query does not grow with the knowledge base.
    // Scores are summed in one array kept between queries (entry number → score), not a map per query.
    const scores = (this.sharedScores ??= new Float64Array(this.entries.length));
    const touched: number[] = [];
    for (let n = 0; n < lists.length; n++) {
      const list = lists[n] as readonly number[];
      if (n > 0 && list.length > COMMON_KEY_POSTINGS) break;
      const weight = 1 / Math.log2(2 + list.length);
      for (const i of list) {
        if (scores[i] === 0) touched.push(i);
        scores[i] = (scores[i] as number) + weight;
      }
    }
    const candidates = new Set([...whole, ...(touched.length > MAX_SCORED ? topScored(touched, scores, MAX_SCORED) : touched)]);
    for (const i of touched) scores[i] = 0;
    const best = new Map<string, NameMatch>();
    for (const i of candidates) {
      const entry = this.entry(i);
      const key = entityKey(entry.entity);
      // Homophones: 华纬 and 华为 are both "huawei"; an entity whose Chinese name is known is
      // matched by characters, not by the pinyin of its Latin names.
      if (form.han && !entry.form.han && this.withHanName.has(key)) continue;
      // A long name whose initials spell a house's abbreviation ("Tampere Crescent Logistics", TCL)
      // is that house only if it matches one of the house's full names, compared on their own.
      if (entry.form.acronym && !form.acronym && !form.core.includes(entry.form.acronym) && this.withFullName.has(key)) continue;
      const exact = queryKey === this.fullKey(i, entry);
      if (entry.wholeNameOnly && !exact) continue;
      const cmp = compareNames(form, entry.form, this.rarity.weight);
      if (cmp.score <= 0 && !cmp.sameCoreDifferentEntity) continue;
      const prior = best.get(key);
      if (!prior || cmp.score > prior.score || (cmp.score === prior.score && exact && !prior.exact)) {
        best.set(key, {
          entity: entry.entity,
          alias: entry.name,
          aliasKind: entry.kind,
          score: round(cmp.score),
          exact,
          sameCoreDifferentEntity: cmp.sameCoreDifferentEntity,
          features: cmp.features,
        });
      }
    }
    const minScore = options.minScore ?? 0;
    return [...best.values()]
      .filter((m) => m.score >= minScore)
      .sort((a, b) => b.score - a.score || Number(b.exact) - Number(a.exact) || a.entity.id.localeCompare(b.entity.id))
      .slice(0, options.limit ?? 10);
  }
}
