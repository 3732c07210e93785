/**
 * Candidate generation for names: an inverted index from blocking keys (core tokens, their
 * one-deletion variants, compact forms, Han cores, pinyin, acronyms) to the knowledge base's
 * aliases. A query is scored only against aliases sharing a key with it — never all pairs.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { isImportedFile, type EntityRef, type KnowledgeBase } from '../../kb/model.js';
import { WHOLE_NAME_KINDS } from '../../model/whole-name-kinds.js';
import { compareNames, hasLegalForm, round, type Feature } from './compare.js';
import { soundKey } from './edits.js';
import { ReachTable, reachTest } from './reach.js';
import { normaliseName, shapedForm, type NameForm } from './normalise.js';

export interface AliasEntry {
  entity: EntityRef;
  name: string;
  kind: string;
  form: NameForm;
  /** A person's name: it matches only word for word, since personal names recur ("Wang Wei"). */
  wholeNameOnly?: true;
  /**
   * The name of a record imported from an official list (see `isImportedFile`): kept from the
   * search's `importedMinScore`. Held in the reach tables, not in the cache file's entries.
   */
  imported?: true;
}

/**
 * What one search went through, for measuring the candidate step (tools/eval/eval-reach.ts): the
 * entries sharing a key with the query, those of them that passed the reach test, and those ranked
 * high enough among these to be compared (with the names that are the query word for word). Entry
 * numbers; `entityOfEntry` names their entities.
 */
export interface SearchTrace {
  touched: number[];
  reachable: number[];
  candidates: number[];
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

/**
 * A key of the index: its kind ("t:" a word or joined form, "h:" a Han core, "a:"/"i:" an acronym
 * and initials, "f:" a whole name) and its text without the letters at `skip1` and `skip2` (−1:
 * none). A query's typo keys are looked up so, without a string made for each.
 */
type KeyVisitor = (kind: string, text: string, skip1: number, skip2: number) => void;

function keyText(kind: string, text: string, skip1: number, skip2: number): string {
  if (skip1 < 0) return `${kind}${text}`;
  if (skip2 < 0) return `${kind}${text.slice(0, skip1)}${text.slice(skip1 + 1)}`;
  return `${kind}${text.slice(0, skip1)}${text.slice(skip1 + 1, skip2)}${text.slice(skip2 + 1)}`;
}

/** A word's keys are its typo neighbourhood (see `forEachTokenKey`), visited as one. */
type TokenVisitor = (token: string, twice: boolean, longest: number) => void;

/**
 * Typo neighbourhoods for words of 5 letters or more: the word and each spelling of it with one
 * letter dropped (SymSpell), so one typo on either side still shares a key. A long query word also
 * looks up its spellings with two letters dropped (`twice`): two slips (Trafalgura/Trafigura).
 */
function forEachTokenKey(t: string, twice: boolean, longest: number, visit: KeyVisitor): void {
  visit('t:', t, -1, -1);
  if (t.length < 5 || t.length > longest) return;
  for (let i = 0; i < t.length; i++) {
    visit('t:', t, i, -1);
    if (twice) for (let j = i + 1; j < t.length; j++) visit('t:', t, i, j);
  }
}

/** A word's sound key (see `soundKey`) where it differs from the word and the scorer reads words by sound (four letters or more). */
function soundKeyOf(word: string): string | undefined {
  if (word.length < 4) return undefined;
  const key = soundKey(word);
  return key !== word && key.length >= 4 ? key : undefined;
}

/** Visits each of a name's index keys in a fixed order, some more than once (the caller keeps each once). */
function forEachBlockingKey(
  form: NameForm,
  side: 'alias' | 'query',
  visit: KeyVisitor,
  visitToken: TokenVisitor = (t, twice, longest) => forEachTokenKey(t, twice, longest, visit),
): void {
  // Two slips are looked for in a short name's long words only: the keys grow with the square.
  for (const t of form.core) {
    visitToken(t, side === 'query' && form.core.length <= 2 && t.length >= 9 && t.length <= MAX_TWO_SLIP_LENGTH, MAX_TYPO_KEY_LENGTH);
    // A word spelled as heard, as the scorer reads it (Druzhba/Drujba, Chemix/Chemiks, Polymetal/
    // Polimetall): its sound key and that key's typo neighbourhood (Rostshipservice/Rostshipservis).
    const sound = soundKeyOf(t);
    if (sound) visitToken(sound, false, MAX_TYPO_KEY_LENGTH);
  }
  // A compact form made of one core word is that word; the others forgive one slip up to a length
  // (past it, their words carry the typo keys), which keeps the index and each query small.
  for (const t of form.compacts) {
    if (form.core.includes(t)) continue;
    visitToken(t, false, MAX_COMPACT_TYPO_KEY_LENGTH);
    const sound = soundKeyOf(t);
    if (sound) visitToken(sound, false, MAX_COMPACT_TYPO_KEY_LENGTH);
  }
  if (form.han) {
    visit('h:', form.han.core, -1, -1);
    visit('t:', form.han.pinyin, -1, -1);
    visit('t:', form.han.pinyinFull, -1, -1);
  }
  // An acronym meets the initials of a long form, whichever side is the query — never initials meet initials.
  if (form.acronym) visit(side === 'alias' ? 'a:' : 'i:', form.acronym, -1, -1);
  for (const i of form.initials) visit(side === 'alias' ? 'i:' : 'a:', i, -1, -1);
}

/**
 * How rare each word of the knowledge base's names is (inverse document frequency over its
 * aliases): a word in a handful of names weighs 1, one in a large share of them (Trading, Al,
 * Petroleum in a sanctions list) weighs down to a quarter, so it cannot carry a match alone.
 */
export class TokenRarity {
  /** The weight of each word common enough to weigh less than 1, computed once: the scorer asks for it per word of each candidate. */
  private readonly weights = new Map<string, number>();

  constructor(
    private readonly counts: ReadonlyMap<string, number>,
    private readonly names: number,
  ) {
    const full = Math.log(Math.max(names, RARE_COUNT + 1) / RARE_COUNT);
    for (const [token, n] of counts) if (n > RARE_COUNT) this.weights.set(token, Math.max(MIN_WEIGHT, Math.log(names / n) / full));
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

  readonly weight = (token: string): number => this.weights.get(token) ?? 1;
}

/**
 * The `k` entries with the highest scores, ties to the lower entry number (curated records come
 * first), in one pass: a common word's hundreds of candidates are not sorted.
 */
function topScored(touched: readonly number[], scores: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (const i of touched) {
    if (top.length === k && !ranksBefore(scores, i, top[k - 1] as number)) continue;
    let at = top.length === k ? k - 1 : top.length;
    while (at > 0 && ranksBefore(scores, i, top[at - 1] as number)) {
      top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = i;
    if (top.length > k) top.length = k;
  }
  return top;
}

/** Entry x ranks before entry y: a higher score, or the same and a lower number (no closure: it runs for every candidate). */
function ranksBefore(scores: Float64Array, x: number, y: number): boolean {
  return (scores[x] as number) > (scores[y] as number) || ((scores[x] as number) === (scores[y] as number) && x < y);
}

/** Files of generated records (an official list's parties), as the knowledge base names them. */
const GENERATED_FILE = /(?:^|\/)generated\/[^/]+\.json$/;

/** A letter of the Latin script: a name with none was written in another script. */
const LATIN_LETTER = /\p{Script=Latin}/u;

/** Entity ids in `localeCompare`'s order, from one collator: `localeCompare` makes one per call. */
const ID_ORDER = new Intl.Collator();

/** Candidates scored per query, at most (see `search`). */
const MAX_SCORED = 32;
/** Query words whose keys are remembered; past this many the memory starts again. */
const TOKEN_MEMO_SIZE = 50_000;

/** Names sharing a key beyond which the key counts as common (see `search`). */
const COMMON_KEY_POSTINGS = 200;

/** A word in this many names or fewer is as distinctive as any. */
const RARE_COUNT = 5;
const MIN_WEIGHT = 0.25;

/**
 * The index as a binary file, cached beside the compiled knowledge base, laid out so that opening
 * it costs little: a cold `covered lookup` reads a few tables and the entries its query reaches,
 * and a scan looks its keys up in the file's own hash table instead of building a map.
 *
 *   "CVNI", format version (u32), header length (u32), header (JSON, padded to 4 bytes);
 *   tables (u32, little-endian): hash slots (key number + 1, 0 = empty; FNV-1a of the key's UTF-16
 *   code units, linear probing), key offsets, postings offsets, postings, entry offsets, then the
 *   keys' UTF-8 bytes (sorted, padded to 4);
 *   the reach tables (see `ReachTable`: the weights, then each entry's words and joined forms as numbers), read whole;
 *   entries: each entry's JSON, parsed when a query first passes its reach test.
 *
 * The header names the sizes of each part and the CRC-32 of the tables (a damaged file is refused;
 * a SHA-256 cost a cold start more than the rest of opening); a file of another format version,
 * another length or with other tables is not used.
 */
interface CacheHeader {
  keys: number;
  slots: number;
  postings: number;
  entries: number;
  keyBytes: number;
  tablesBytes: number;
  entriesBytes: number;
  /** CRC-32 of each `TABLE_PAGE` bytes of the tables, checked as each page is read. */
  pageCrc32: number[];
  /** The reach tables' counts of weights and record numbers, length and CRC-32 (see `ReachTable`). */
  reach: { weights: number; records: number; bytes: number; crc32: number };
  withHanName: string[];
  withFullName: string[];
  withAcronym: string[];
  rarity: ReturnType<TokenRarity['toJSON']>;
  /** The caller's own fields (the knowledge base's hash …), given back to `openCache`'s check. */
  about: Record<string, string>;
}

const CACHE_MAGIC = 'CVNI';
/** Raised whenever the layout changes: an older file is then rebuilt, never misread. */
const CACHE_FORMAT = 10;
const PREAMBLE = 12;
/** The tables are read from the file in pages of this many bytes, as queries reach them. */
const TABLE_PAGE = 16 * 1024;
/** Pages read one by one before the rest is read in one go (a scan reaches most of them). */
const PAGE_READS_BEFORE_WHOLE = 128;
/** Entries read from the file one by one before the rest is read in one go (a scan reaches thousands). */
const ENTRY_READS_BEFORE_WHOLE = 256;

export class NameIndexCacheError extends Error {
  constructor(path: string, why: string) {
    super(`the name-index cache ${path} is damaged (${why}); delete it or run \`covered kb build\``);
    this.name = 'NameIndexCacheError';
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units: the same on both sides, and no encoding of the query's keys (see `KeyTable.find`). */
function keyHash(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const pad4 = (n: number) => (n + 3) & ~3;

/**
 * Key → postings: an open-addressing hash table over the keys in byte order, the same in memory and
 * in the cache file, so that a key is found by probing, without a map, and a key's postings are read
 * by offsets, without a view per key.
 */
class KeyTable {
  /**
   * Set while the tables are still being read from the cache file: makes bytes `from … to` of the
   * tables (in the file's order) present before they are read. Cleared once all are.
   */
  need: ((from: number, to: number) => void) | undefined;

  constructor(
    private readonly slots: Uint32Array,
    private readonly keyOffsets: Uint32Array,
    /** Key k's postings are `postingList[postOffsets[k] … postOffsets[k + 1]]`. */
    readonly postOffsets: Uint32Array,
    readonly postingList: Uint32Array,
    private readonly keyBytes: Buffer,
  ) {}

  static build(keys: ReadonlyMap<string, readonly number[]>): KeyTable {
    const sorted = [...keys].map(([key, list]) => ({ bytes: Buffer.from(key, 'utf8'), key, list })).sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    let slotCount = 1;
    while (slotCount < sorted.length * 2) slotCount *= 2;
    const slots = new Uint32Array(slotCount);
    const keyOffsets = new Uint32Array(sorted.length + 1);
    const postOffsets = new Uint32Array(sorted.length + 1);
    let keyBytes = 0;
    let postingCount = 0;
    sorted.forEach(({ key, bytes, list }, k) => {
      let slot = keyHash(key) & (slotCount - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (slotCount - 1);
      slots[slot] = k + 1;
      keyBytes += bytes.length;
      postingCount += list.length;
      keyOffsets[k + 1] = keyBytes;
      postOffsets[k + 1] = postingCount;
    });
    const postingList = new Uint32Array(postingCount);
    sorted.forEach(({ list }, k) => postingList.set(list, postOffsets[k]));
    const keyBlob = Buffer.alloc(pad4(keyBytes));
    let at = 0;
    for (const { bytes } of sorted) at += bytes.copy(keyBlob, at);
    return new KeyTable(slots, keyOffsets, postOffsets, postingList, keyBlob.subarray(0, keyBytes));
  }

  /** The tables in the cache file's order (the entry offsets between the postings and the keys' bytes). */
  toBuffers(entryOffsets: Uint32Array): { sizes: Pick<CacheHeader, 'keys' | 'slots' | 'postings' | 'keyBytes'>; tables: Buffer } {
    const u32 = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const keyBlob = Buffer.alloc(pad4(this.keyBytes.length));
    this.keyBytes.copy(keyBlob);
    return {
      sizes: { keys: this.keyOffsets.length - 1, slots: this.slots.length, postings: this.postingList.length, keyBytes: this.keyBytes.length },
      tables: Buffer.concat([u32(this.slots), u32(this.keyOffsets), u32(this.postOffsets), u32(this.postingList), u32(entryOffsets), keyBlob]),
    };
  }

  /** The key's number, or -1 (see `KeyVisitor` for the arguments). */
  find(kind: string, text: string, skip1 = -1, skip2 = -1): number {
    let h = FNV_OFFSET;
    for (let i = 0; i < kind.length; i++) h = Math.imul(h ^ kind.charCodeAt(i), FNV_PRIME);
    for (let i = 0; i < text.length; i++) if (i !== skip1 && i !== skip2) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    const mask = this.slots.length - 1;
    for (let slot = (h >>> 0) & mask; ; slot = (slot + 1) & mask) {
      this.need?.(this.slots.byteOffset + slot * 4, this.slots.byteOffset + slot * 4 + 4);
      const k = this.slots[slot] as number;
      if (k === 0) return -1;
      if (this.equals(kind, text, skip1, skip2, k - 1)) return k - 1;
    }
  }

  get keyCount(): number {
    return this.keyOffsets.length - 1;
  }

  size(k: number): number {
    return this.postingsEnd(k) - this.postingsStart(k);
  }

  /** Key k's postings are `postingList[postingsStart(k) … postingsEnd(k)]`, present once asked for. */
  postingsStart(k: number): number {
    this.need?.(this.postOffsets.byteOffset + k * 4, this.postOffsets.byteOffset + k * 4 + 8);
    return this.postOffsets[k] as number;
  }

  postingsEnd(k: number): number {
    const end = this.postOffsets[k + 1] as number;
    this.need?.(this.postingList.byteOffset + (this.postOffsets[k] as number) * 4, this.postingList.byteOffset + end * 4);
    return end;
  }

  private equals(kind: string, text: string, skip1: number, skip2: number, k: number): boolean {
    this.need?.(this.keyOffsets.byteOffset + k * 4, this.keyOffsets.byteOffset + k * 4 + 8);
    const end = this.keyOffsets[k + 1] as number;
    const bytes = this.keyBytes;
    let at = this.keyOffsets[k] as number;
    this.need?.(bytes.byteOffset + at, bytes.byteOffset + end);
    for (let i = 0; i < kind.length; i++) if (bytes[at++] !== kind.charCodeAt(i)) return false;
    for (let i = 0; i < text.length; i++) {
      if (i === skip1 || i === skip2) continue;
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        const encoded = Buffer.from(keyText(kind, text, skip1, skip2), 'utf8');
        const start = this.keyOffsets[k] as number;
        return encoded.length === end - start && bytes.compare(encoded, 0, encoded.length, start, end) === 0;
      }
      if (at >= end || bytes[at++] !== c) return false;
    }
    return at === end;
  }
}

/** Closes a cache file's descriptor once its index is collected (a server reloads the knowledge base). */
const openFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

export class NameIndex {
  private table: KeyTable;
  /** Entities with a name in Chinese script: a Chinese query is compared with that, not by sound. */
  private readonly withHanName = new Set<string>();
  /** Entities known by an abbreviation and by a longer name ("TCL" and "TCL Technology Group"). */
  private readonly withFullName = new Set<string>();
  /** `entityKey|acronym` for each short name an entity goes by ("ZTE", "BGI"). */
  private readonly withAcronym = new Set<string>();
  /** Parsed entries; an index read from its cache parses each when a query first reaches it. */
  private entries: (AliasEntry | undefined)[];
  /** Each entry's `entityKey` and `fullKey`, made when a query first reaches it. */
  private entityKeys: (string | undefined)[];
  private fullKeys: (string | undefined)[];
  /** What the reach test reads of each entry (its words as numbers, their weights): most candidates are skipped without parsing their entry. */
  private reach: ReachTable;
  /** Reads entry i's JSON from the cache file. */
  private readEntry: ((i: number) => AliasEntry) | undefined;
  private sharedScores: Float64Array | undefined;
  /** The keys each query word's typo neighbourhood found (a batch repeats its words: Co, Trading, Shenzhen …), by kind of neighbourhood (its longest word; negative when two slips are looked for). */
  private readonly tokenKeyMemos = new Map<number, Map<string, number[]>>();
  /** Per key, the number of the last query that found it (keys are kept once per query without a set). */
  private keyStamps: Uint32Array | undefined;
  /** Per entry, the number of the last query whose initials or acronym spell the entry's acronym or initials. */
  private spelledStamps: Uint32Array | undefined;
  private stamp = 0;
  /** How rare each word of the knowledge base's names is; names are compared with these weights. */
  rarity: TokenRarity;

  constructor(entries: readonly AliasEntry[]) {
    this.entries = [...entries];
    this.entityKeys = perEntry(entries.length);
    this.fullKeys = perEntry(entries.length);
    this.rarity = TokenRarity.fromForms(entries.map((e) => e.form));
    this.reach = ReachTable.fromForms(entries.map((e) => e.form), this.rarity.weight, entries.map((e) => e.imported === true));
    const keys = new Map<string, number[]>();
    const withAcronym = new Set<string>();
    const withFullName = new Set<string>();
    entries.forEach((entry, i) => {
      if (entry.form.han) this.withHanName.add(entityKey(entry.entity));
      (entry.form.acronym ? withAcronym : withFullName).add(entityKey(entry.entity));
      if (entry.form.acronym) this.withAcronym.add(`${entityKey(entry.entity)}|${entry.form.acronym}`);
      // Every name is found by its whole normalised form: a name given word for word is always scored,
      // however many others share its words ("Public Joint Stock Company Gazprom" among 70 Gazproms).
      // A person's name is found only so, not by its words.
      const entryKeys = new Set<string>();
      entryKeys.add(`f:${fullKey(entry.form)}`);
      if (!entry.wholeNameOnly) forEachBlockingKey(entry.form, 'alias', (kind, text, skip1, skip2) => entryKeys.add(keyText(kind, text, skip1, skip2)));
      for (const key of entryKeys) {
        const list = keys.get(key);
        if (list) list.push(i);
        else keys.set(key, [i]);
      }
    });
    // Only entities with an abbreviation are asked about (see `search`): the others are not kept.
    for (const key of withFullName) if (withAcronym.has(key)) this.withFullName.add(key);
    this.table = KeyTable.build(keys);
  }

  /** The index as its cache file's bytes (see above); the same index always gives the same bytes. */
  toCacheBuffer(about: Record<string, string>): Buffer {
    const entryTexts = this.entries.map((e, i) => Buffer.from(JSON.stringify({ ...(e ?? this.entry(i)), imported: undefined }), 'utf8'));
    const entryOffsets = new Uint32Array(entryTexts.length + 1);
    entryTexts.forEach((t, i) => (entryOffsets[i + 1] = (entryOffsets[i] as number) + t.length));
    const { sizes, tables } = this.table.toBuffers(entryOffsets);
    const reach = this.reach.toBuffer();
    const header: CacheHeader = {
      ...sizes,
      reach: { weights: reach.weights, records: reach.records, bytes: reach.bytes.length, crc32: crc32(reach.bytes) },
      entries: entryTexts.length,
      tablesBytes: tables.length,
      entriesBytes: entryOffsets[entryTexts.length] as number,
      pageCrc32: pageChecksums(tables),
      withHanName: [...this.withHanName],
      withFullName: [...this.withFullName],
      withAcronym: [...this.withAcronym],
      rarity: this.rarity.toJSON(),
      about,
    };
    const headerText = Buffer.from(JSON.stringify(header), 'utf8');
    const headerBlob = Buffer.alloc(pad4(headerText.length), 0x20);
    headerText.copy(headerBlob);
    const preamble = Buffer.alloc(PREAMBLE);
    preamble.write(CACHE_MAGIC, 0, 'latin1');
    preamble.writeUInt32LE(CACHE_FORMAT, 4);
    preamble.writeUInt32LE(headerBlob.length, 8);
    return Buffer.concat([preamble, headerBlob, tables, reach.bytes, ...entryTexts]);
  }

  /**
   * Opens a cache file written by `toCacheBuffer`. Gives undefined when the file is missing, of
   * another format version, or `accept` refuses the caller's fields (stale: the caller rebuilds);
   * throws `NameIndexCacheError` when it is damaged (wrong length, tables not matching their hash).
   * The entries are read from the open file as queries reach them.
   */
  static openCache(path: string, accept: (about: Record<string, string>) => boolean): NameIndex | undefined {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch {
      return undefined;
    }
    let kept = false;
    try {
      const size = fstatSync(fd).size;
      const preamble = Buffer.alloc(PREAMBLE);
      if (size < PREAMBLE || readSync(fd, preamble, 0, PREAMBLE, 0) !== PREAMBLE || preamble.toString('latin1', 0, 4) !== CACHE_MAGIC) throw new NameIndexCacheError(path, 'not a name-index cache');
      if (preamble.readUInt32LE(4) !== CACHE_FORMAT) return undefined;
      const headerLength = preamble.readUInt32LE(8);
      if (PREAMBLE + headerLength > size) throw new NameIndexCacheError(path, 'truncated');
      const headerBytes = readExactly(fd, PREAMBLE, headerLength, path);
      let header: CacheHeader;
      try {
        header = JSON.parse(headerBytes.toString('utf8')) as CacheHeader;
      } catch {
        throw new NameIndexCacheError(path, 'unreadable header');
      }
      if (!accept(header.about ?? {})) return undefined;
      const tablesAt = PREAMBLE + headerLength;
      const reachAt = tablesAt + header.tablesBytes;
      const entriesAt = reachAt + header.reach.bytes;
      if (entriesAt + header.entriesBytes !== size) throw new NameIndexCacheError(path, `${size} bytes where its header says ${entriesAt + header.entriesBytes}`);
      if (header.pageCrc32?.length !== Math.ceil(header.tablesBytes / TABLE_PAGE)) throw new NameIndexCacheError(path, 'unreadable header');
      // Zero-filled memory that the system gives only as it is written: the pages a query needs are
      // read in (a lookup reads a few dozen of the ~850), checked against their checksums.
      const tables = Buffer.from(new ArrayBuffer(header.tablesBytes));
      const words = new Uint32Array(tables.buffer, 0, header.tablesBytes >>> 2);
      let at = 0;
      const take = (n: number) => words.subarray(at, (at += n));
      const slots = take(header.slots);
      const keyOffsets = take(header.keys + 1);
      const postOffsets = take(header.keys + 1);
      const postingList = take(header.postings);
      const entryOffsets = take(header.entries + 1);
      const keyBlob = tables.subarray(at * 4, at * 4 + header.keyBytes);
      const index = new NameIndex([]);
      index.table = new KeyTable(slots, keyOffsets, postOffsets, postingList, keyBlob);
      const table = index.table;
      const pages = tablePager(fd, path, tablesAt, tables, header.pageCrc32, () => (table.need = undefined));
      table.need = pages.need;
      index.entries = perEntry(header.entries);
      index.entityKeys = perEntry(header.entries);
      index.fullKeys = perEntry(header.entries);
      // The reach tables are read whole (a few MB): every search reads them for each candidate.
      const reachBytes = readExactly(fd, reachAt, header.reach.bytes, path);
      if (crc32(reachBytes) !== header.reach.crc32) throw new NameIndexCacheError(path, 'its reach tables do not match their checksum');
      const reach = ReachTable.fromBuffer(reachBytes, { entries: header.entries, weights: header.reach.weights, records: header.reach.records });
      if (!reach) throw new NameIndexCacheError(path, 'unreadable header');
      index.reach = reach;
      let scratch = Buffer.alloc(4096);
      // Entries are read one by one until a scan has reached enough of them; then all at once.
      let reads = 0;
      let all: Buffer | undefined;
      index.readEntry = (i) => {
        table.need?.(entryOffsets.byteOffset + i * 4, entryOffsets.byteOffset + i * 4 + 8);
        const start = entryOffsets[i] as number;
        const end = entryOffsets[i + 1] as number;
        if (!all && ++reads > ENTRY_READS_BEFORE_WHOLE) all = readExactly(fd, entriesAt, header.entriesBytes, path);
        let text: string;
        if (all) text = all.toString('utf8', start, end);
        else {
          if (scratch.length < end - start) scratch = Buffer.alloc((end - start) * 2);
          if (readSync(fd, scratch, 0, end - start, entriesAt + start) !== end - start) throw new NameIndexCacheError(path, `entry ${i} is cut short`);
          text = scratch.toString('utf8', 0, end - start);
        }
        try {
          const entry = JSON.parse(text) as AliasEntry;
          return { entity: entry.entity, name: entry.name, kind: entry.kind, form: shapedForm(entry.form), wholeNameOnly: entry.wholeNameOnly };
        } catch {
          throw new NameIndexCacheError(path, `entry ${i} is unreadable`);
        }
      };
      for (const key of header.withHanName) index.withHanName.add(key);
      for (const key of header.withFullName) index.withFullName.add(key);
      for (const key of header.withAcronym) index.withAcronym.add(key);
      index.rarity = TokenRarity.fromJSON(header.rarity);
      openFiles.register(index, fd);
      kept = true;
      return index;
    } finally {
      if (!kept) closeSync(fd);
    }
  }

  private fullKey(i: number, entry: AliasEntry): string {
    return (this.fullKeys[i] ??= fullKey(entry.form));
  }

  private entry(i: number): AliasEntry {
    return (this.entries[i] ??= (this.readEntry as (i: number) => AliasEntry)(i));
  }

  static fromKnowledgeBase(kb: KnowledgeBase): NameIndex {
    const entries: AliasEntry[] = [];
    const named = new Set<string>();
    const addName = (org: KnowledgeBase['organisations'][string], value: string, kind: string) => {
      if (named.has(`${org.id}\0${value}`)) return;
      named.add(`${org.id}\0${value}`);
      entries.push({
        entity: { kind: 'organisation', id: org.id },
        name: value,
        kind,
        form: normaliseName(value),
        wholeNameOnly: WHOLE_NAME_KINDS.has(org.kind) ? true : undefined,
        imported: isImportedFile(org.file) ? true : undefined,
      });
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
        entries.push({ entity: { kind: 'product', id: p.id }, name, kind, form: normaliseName(name), wholeNameOnly: undefined });
      }
    }
    return new NameIndex(entries);
  }

  /** The index's keys among a word's typo neighbourhood, by number, each once. */
  private tokenKeys(t: string, twice: boolean, longest: number): number[] {
    // One memory per kind of neighbourhood, keyed by the word itself: no key string is made per lookup.
    const memoKey = twice ? -longest : longest;
    let memo = this.tokenKeyMemos.get(memoKey);
    if (!memo) this.tokenKeyMemos.set(memoKey, (memo = new Map()));
    let keys = memo.get(t);
    if (keys) return keys;
    const found: number[] = [];
    forEachTokenKey(t, twice, longest, (kind, text, skip1, skip2) => {
      const k = this.table.find(kind, text, skip1, skip2);
      if (k >= 0 && !found.includes(k)) found.push(k);
    });
    keys = found;
    if (memo.size >= TOKEN_MEMO_SIZE) memo.clear();
    memo.set(t, keys);
    return keys;
  }

  /** The entity entry i names (see `SearchTrace`). */
  entityOfEntry(i: number): EntityRef {
    return this.entry(i).entity;
  }

  /** The entries whose names are `name` word for word, once normalised. */
  entriesNamed(name: string | NameForm): number[] {
    const form = typeof name === 'string' ? normaliseName(name) : name;
    const k = this.table.find('f:', fullKey(form));
    const out: number[] = [];
    if (k >= 0) for (let j = this.table.postingsStart(k), end = this.table.postingsEnd(k); j < end; j++) out.push(this.table.postingList[j] as number);
    return out;
  }

  /**
   * Best match per entity, best first; ties broken by entity id so results are reproducible.
   * `importedMinScore` (when above `minScore`) is the lowest score kept for the names of records
   * imported from an official list, which a caller may need only where they match.
   */
  search(query: string | NameForm, options: { limit?: number; minScore?: number; importedMinScore?: number; trace?: SearchTrace } = {}): NameMatch[] {
    const form = typeof query === 'string' ? normaliseName(query) : query;
    const queryKey = fullKey(form);
    const table = this.table;
    // The keys the index has (each once), by number; a key is marked with the query's stamp when found.
    const found: number[] = [];
    const seen = (this.keyStamps ??= new Uint32Array(table.keyCount));
    const stamp = (this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1);
    if (stamp === 1) seen.fill(0);
    const add = (k: number) => {
      if (k >= 0 && seen[k] !== stamp) {
        seen[k] = stamp;
        found.push(k);
      }
    };
    // The keys of the query's acronym and initials: their entries' acronyms are spelled (see `reachTest`).
    const spellingKeys: number[] = [];
    forEachBlockingKey(
      form,
      'query',
      (kind, text, skip1, skip2) => {
        const k = table.find(kind, text, skip1, skip2);
        if (k >= 0 && (kind === 'a:' || kind === 'i:')) spellingKeys.push(k);
        add(k);
      },
      (t, twice, longest) => {
        for (const k of this.tokenKeys(t, twice, longest)) add(k);
      },
    );
    const { postingList } = table;
    // A key shared by hundreds of names (a common word, or a spelling one letter from it) is used
    // only when the query has no rarer one: a name that shares nothing but a common word with
    // another is not a candidate for it, and the cost of a query stays bounded.
    const sizes = found.map((k) => table.size(k));
    sortBySize(found, sizes);
    // Each candidate is ranked by the keys it shares, a rare key counting more than a common one,
    // and only the best are scored: the cost of a query does not grow with the knowledge base.
    // Scores are summed in one array kept between queries (entry number → score), not a map per query.
    const scores = (this.sharedScores ??= new Float64Array(this.entries.length));
    const touched: number[] = [];
    for (let n = 0; n < found.length; n++) {
      const k = found[n] as number;
      const size = sizes[n] as number;
      if (n > 0 && size > COMMON_KEY_POSTINGS) break;
      const weight = 1 / Math.log2(2 + size);
      for (let j = table.postingsStart(k), end = table.postingsEnd(k); j < end; j++) {
        const i = postingList[j] as number;
        if (scores[i] === 0) touched.push(i);
        scores[i] = (scores[i] as number) + weight;
      }
    }
    // Names that are the query word for word (a person's name is found only so) are always scored, first.
    const candidates: number[] = [];
    const whole = table.find('f:', queryKey);
    if (whole >= 0) for (let j = table.postingsStart(whole), end = table.postingsEnd(whole); j < end; j++) candidates.push(postingList[j] as number);
    const minScore = options.minScore ?? 0;
    const importedMinScore = Math.max(minScore, options.importedMinScore ?? minScore);
    const reach = this.reach;
    let mayReach: ((table: ReachTable, i: number) => boolean) | undefined;
    if (minScore > 0) {
      const spelled = (this.spelledStamps ??= new Uint32Array(this.entries.length));
      if (stamp === 1) spelled.fill(0);
      for (const k of spellingKeys) for (let j = table.postingsStart(k), end = table.postingsEnd(k); j < end; j++) spelled[postingList[j] as number] = stamp;
      mayReach = reachTest(form, this.rarity.weight, minScore, (i) => spelled[i] === stamp, importedMinScore);
    }
    // The reach test (numbers only) runs before the candidates are ranked: a common word's names
    // that cannot reach the score take no place from one that can ("Progress" LLC among hundreds).
    const reachable = mayReach ? touched.filter((i) => mayReach(reach, i)) : touched;
    for (const i of reachable.length > MAX_SCORED ? topScored(reachable, scores, MAX_SCORED) : reachable) if (!candidates.includes(i)) candidates.push(i);
    for (const i of touched) scores[i] = 0;
    if (options.trace) {
      options.trace.touched = [...touched];
      options.trace.reachable = [...reachable];
      options.trace.candidates = [...candidates];
    }
    const best = new Map<string, NameMatch>();
    for (const i of candidates) {
      const entry = this.entry(i);
      const key = (this.entityKeys[i] ??= entityKey(entry.entity));
      // Homophones: 华纬 and 华为 are both "huawei"; an entity whose Chinese name is known is
      // matched by characters, not by the pinyin of its Latin names.
      if (form.han && !entry.form.han && this.withHanName.has(key)) continue;
      // A long name whose initials spell a house's abbreviation ("Tampere Crescent Logistics", TCL)
      // is that house only if it matches one of the house's full names, compared on their own.
      // Three letters spell the initials of thousands of names: a record known only by them ("TSS
      // Limited Liability Company") says nothing of what they stand for, so no long name meets them.
      if (entry.form.acronym && !form.acronym && !form.core.includes(entry.form.acronym) && (this.withFullName.has(key) || entry.form.acronym.length <= 3)) continue;
      // Word for word in one script: "기아" read as "gia" is not the abbreviation "GIA".
      const exact = queryKey === this.fullKey(i, entry) && LATIN_LETTER.test(form.raw) === LATIN_LETTER.test(entry.name);
      if (entry.wholeNameOnly && !exact) continue;
      // A name with a legal form is a company's: a product or a product line ("NetEngine") is not one,
      // and a company named after it ("NetEngines Ltd.") is another business.
      if (entry.entity.kind === 'product' && !exact && hasLegalForm(form)) continue;
      const cmp = compareNames(form, entry.form, this.rarity.weight);
      if (cmp.score <= 0 && !cmp.sameCoreDifferentEntity) continue;
      if (importedMinScore > minScore && round(cmp.score) < importedMinScore && reach.imported(i)) continue;
      // A three-letter query ("HNS", "RTA srl") meets a long name's initials ("Hakim Nur Sarafa")
      // only when the record itself goes by those letters: otherwise the initials agree by chance.
      if (form.acronym && form.acronym.length <= 3 && !entry.form.acronym && !this.withAcronym.has(`${key}|${form.acronym}`) && cmp.features.some((f) => f.feature === 'acronym' && f.score >= cmp.score)) continue;
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
    return [...best.values()]
      .filter((m) => m.score >= minScore)
      .sort((a, b) => b.score - a.score || Number(b.exact) - Number(a.exact) || ID_ORDER.compare(a.entity.id, b.entity.id))
      .slice(0, options.limit ?? 10);
  }
}

/**
 * Sorts the keys by their sizes, smallest first, equal sizes in their order (as a stable sort
 * does), with the sizes alongside: a query has a few dozen keys, and each size is read once.
 */
function sortBySize(keys: number[], sizes: number[]): void {
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as number;
    const size = sizes[i] as number;
    let at = i;
    for (; at > 0 && (sizes[at - 1] as number) > size; at--) {
      keys[at] = keys[at - 1] as number;
      sizes[at] = sizes[at - 1] as number;
    }
    keys[at] = k;
    sizes[at] = size;
  }
}

/** An array with a slot per entry, filled as queries reach them (not grown index by index, which makes a sparse array). */
function perEntry<T>(n: number): (T | undefined)[] {
  return new Array<T | undefined>(n).fill(undefined);
}

function pageChecksums(tables: Buffer): number[] {
  const out: number[] = [];
  for (let at = 0; at < tables.length; at += TABLE_PAGE) out.push(crc32(tables.subarray(at, at + TABLE_PAGE)));
  return out;
}

/**
 * Reads the tables' pages into `tables` as they are needed, each checked against its checksum; once
 * many have been, the rest in one go, and then `done` (queries stop asking).
 */
function tablePager(fd: number, path: string, tablesAt: number, tables: Buffer, checksums: readonly number[], done: () => void) {
  const present = new Uint8Array(checksums.length);
  let reads = 0;
  const read = (page: number) => {
    const start = page * TABLE_PAGE;
    const length = Math.min(TABLE_PAGE, tables.length - start);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, tables, start + got, length - got, tablesAt + start + got);
      if (n === 0) throw new NameIndexCacheError(path, 'truncated');
      got += n;
    }
    if (crc32(tables.subarray(start, start + length)) !== checksums[page]) throw new NameIndexCacheError(path, `page ${page} of its tables does not match its checksum`);
    present[page] = 1;
  };
  const need = (from: number, to: number) => {
    for (let page = Math.floor(from / TABLE_PAGE), last = Math.floor((Math.max(from, to - 1)) / TABLE_PAGE); page <= last; page++) {
      if (present[page]) continue;
      if (++reads > PAGE_READS_BEFORE_WHOLE) {
        for (let p = 0; p < checksums.length; p++) if (!present[p]) read(p);
        done();
        return;
      }
      read(page);
    }
  };
  return { need };
}

function readExactly(fd: number, position: number, length: number, path: string): Buffer {
  // Its own memory (not the shared pool), so that the tables can be viewed as 32-bit words.
  const out = Buffer.allocUnsafeSlow(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, out, done, length - done, position + done);
    if (n === 0) throw new NameIndexCacheError(path, 'truncated');
    done += n;
  }
  return out;
}
