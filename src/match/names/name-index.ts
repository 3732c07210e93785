/**
 * Candidate generation for names: an inverted index from blocking keys (core tokens, their
 * one-deletion variants, compact forms, Han cores, pinyin, acronyms) to the knowledge base's
 * aliases. A query is scored only against aliases sharing a key with it — never all pairs.
 */
import type { EntityRef, KnowledgeBase } from '../../kb/model.js';
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

function blockingKeys(form: NameForm): Set<string> {
  const keys = new Set<string>();
  // Typo neighbourhoods for words of 7 letters or more: the word and each spelling of it with one
  // letter dropped (SymSpell), so one typo on either side still shares a key.
  const addToken = (t: string) => {
    keys.add(`t:${t}`);
    if (t.length >= 7) for (let i = 0; i < t.length; i++) keys.add(`t:${t.slice(0, i)}${t.slice(i + 1)}`);
  };
  for (const t of form.core) addToken(t);
  for (const t of form.compacts) addToken(t);
  if (form.han) {
    keys.add(`h:${form.han.core}`);
    keys.add(`t:${form.han.pinyin}`);
    keys.add(`t:${form.han.pinyinFull}`);
  }
  return keys;
}

/** An acronym meets the initials of a long form, whichever side is the query — never initials meet initials. */
function addAcronymKeys(keys: Set<string>, form: NameForm, side: 'alias' | 'query'): Set<string> {
  if (form.acronym) keys.add(side === 'alias' ? `a:${form.acronym}` : `i:${form.acronym}`);
  for (const i of form.initials) keys.add(side === 'alias' ? `i:${i}` : `a:${i}`);
  return keys;
}

/**
 * The index as cached beside the compiled knowledge base. Each entry is kept as its own JSON text
 * and parsed only when a query reaches it: a cold `covered lookup` touches a handful of entries.
 */
export interface NameIndexCache {
  entries: string[];
  postings: [string, number[]][];
  withHanName: string[];
  withFullName: string[];
}

export class NameIndex {
  private readonly keys = new Map<string, number[]>();
  /** Entities with a name in Chinese script: a Chinese query is compared with that, not by sound. */
  private readonly withHanName = new Set<string>();
  /** Entities known by a name longer than an abbreviation ("TCL Technology Group" beside "TCL"). */
  private readonly withFullName = new Set<string>();
  /** Parsed entries, or their JSON text until first use (an index read from its cache). */
  private readonly entries: (AliasEntry | string)[];

  constructor(entries: readonly AliasEntry[]) {
    this.entries = [...entries];
    entries.forEach((entry, i) => {
      if (entry.form.han) this.withHanName.add(entityKey(entry.entity));
      if (!entry.form.acronym) this.withFullName.add(entityKey(entry.entity));
      for (const key of addAcronymKeys(blockingKeys(entry.form), entry.form, 'alias')) {
        const list = this.keys.get(key);
        if (list) list.push(i);
        else this.keys.set(key, [i]);
      }
    });
  }

  static fromCache(cache: NameIndexCache): NameIndex {
    const index = new NameIndex([]);
    index.entries.push(...cache.entries);
    for (const [key, list] of cache.postings) index.keys.set(key, list);
    for (const key of cache.withHanName) index.withHanName.add(key);
    for (const key of cache.withFullName) index.withFullName.add(key);
    return index;
  }

  toCache(): NameIndexCache {
    return {
      entries: this.entries.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))),
      postings: [...this.keys],
      withHanName: [...this.withHanName],
      withFullName: [...this.withFullName],
    };
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
    for (const org of Object.values(kb.organisations)) {
      for (const n of org.names) {
        const entry: AliasEntry = { entity: { kind: 'organisation', id: org.id }, name: n.value, kind: n.kind, form: normaliseName(n.value) };
        if (org.kind === 'person') entry.wholeNameOnly = true;
        entries.push(entry);
      }
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
    const candidates = new Set<number>();
    for (const key of addAcronymKeys(blockingKeys(form), form, 'query')) {
      const list = this.keys.get(key);
      if (list) for (const i of list) candidates.add(i);
    }
    const best = new Map<string, NameMatch>();
    const queryKey = fullKey(form);
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
      const cmp = compareNames(form, entry.form);
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
