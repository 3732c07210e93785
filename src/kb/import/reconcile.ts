/**
 * Reconciling a parsed list with the knowledge base: which organisation each entry denotes, which
 * listings it adds, ends, renames or re-dates, and the file texts that result. Pure: the knowledge
 * base and its files go in, a plan (changes and new file texts) comes out; `store.ts` writes it.
 *
 * Hand-curated facts are kept: a listing's note, scope and `unverified` flag are never overwritten,
 * curated group files are never edited (organisations the knowledge base does not know yet go to
 * a generated group file per measure, `groups/listed-<measure>.yaml`), and listings the file does not
 * speak of stay as they are. Importing the same file twice changes nothing the second time.
 */
import { parseDocument, stringify } from 'yaml';
import type { Identifier, Listing, Name, Organisation, Relation, Source } from '../../model/kb.js';
import { parseIsin, parseLei, parseUscc, type Parsed } from '../../match/identifiers/check-digits.js';
import type { DataFile } from '../compile.js';
import type { KbListing, KnowledgeBase } from '../model.js';
import { normaliseName, slugFromName, splitTrailingAlias, uniq } from './text.js';
import type { ImportedEntry, ParsedList, ParseProblem } from './types.js';

export interface ImportSource {
  url: string;
  title: string;
  publisher: string;
  /** Publication date of the file; also the end date of listings the file no longer carries. */
  date: string;
  note?: string;
}

export interface ReconcileOptions {
  source: ImportSource;
  /** Source id to record; defaults to `import-<format>-<date>`. */
  sourceId?: string;
  /** The file is not the whole list: listings it does not carry are left open. */
  partial?: boolean;
  /** The file was filtered to these countries: only listings of organisations there can end. */
  countries?: readonly string[];
}

interface Span {
  from: string;
  to?: string;
}

export type Change =
  | { kind: 'added'; measure: string; target: string; name: string; from: string; to?: string }
  | { kind: 'removed'; measure: string; target: string; name: string; to: string }
  | { kind: 'renamed'; measure: string; target: string; before: string; after: string }
  /** A listing the edition still carries under the same name, now of another record (a party found to be a curated company). */
  | { kind: 'moved'; measure: string; name: string; before: string; after: string }
  | { kind: 'dates'; measure: string; target: string; before: Span; after: Span }
  | { kind: 'organisation'; id: string; name: string; file: string }
  | { kind: 'category'; measure: string; description: string; from: string; categories: string[]; known: boolean };

export interface ImportPlan {
  changes: Change[];
  /** Listings the file confirms as they are. */
  unchanged: number;
  /** Files to write (whole new texts), repository-relative like `DataFile.path`. */
  writes: DataFile[];
  problems: ParseProblem[];
  sourceId: string;
}

const CHECKS: Partial<Record<Identifier['scheme'], (v: string) => Parsed>> = { isin: parseIsin, lei: parseLei, uscc: parseUscc };

/** A fallback `from` for entries whose file gives no date: the measure's enactment. */
function measureStart(kb: KnowledgeBase, measure: string): string | undefined {
  const m = kb.measures[measure];
  return (m?.timeline.find((e) => e.status === 'signed') ?? m?.timeline.find((e) => e.status === 'effective') ?? m?.timeline[0])?.date;
}

/** Which organisation of the knowledge base an imported entry denotes, by identifier and by name. */
export class Resolver {
  private byName = new Map<string, Set<string>>();
  /** Brands, aliases and abbreviations: used only when no legal or listed name decides. */
  private byOtherName = new Map<string, Set<string>>();
  /** Legal and listed names without their legal form ("Foo Company" and "Foo Co., Ltd." meet). */
  private byCoreName = new Map<string, Set<string>>();
  private byId = new Map<string, Set<string>>();
  private byListedName = new Map<string, Map<string, Set<string>>>();

  constructor(private kb: KnowledgeBase) {
    for (const o of Object.values(kb.organisations)) this.addOrganisation(o);
    for (const l of kb.listings) {
      const names = this.byListedName.get(l.measure) ?? new Map<string, Set<string>>();
      for (const n of nameKeys(l.nameAsListed)) add(names, n, l.target);
      this.byListedName.set(l.measure, names);
    }
  }

  addOrganisation(o: Pick<Organisation, 'id' | 'names' | 'identifiers'>) {
    for (const n of o.names) {
      const weak = n.kind === 'alias' || n.kind === 'abbreviation' || n.kind === 'brand';
      for (const k of nameKeys(n.value)) add(weak ? this.byOtherName : this.byName, k, o.id);
      if (!weak) for (const k of nameKeys(n.value)) add(this.byCoreName, coreName(k), o.id);
    }
    for (const i of o.identifiers) if (CHECKS[i.scheme]) add(this.byId, `${i.scheme}:${i.value}`, o.id);
  }

  /** The organisation an entry denotes; `ambiguous` when its name fits several and nothing decides. */
  resolve(e: ImportedEntry): { id?: string; ambiguous?: string[] } {
    for (const i of e.identifiers) {
      const ids = this.byId.get(`${i.scheme}:${i.value}`);
      if (ids?.size === 1) return { id: [...ids][0] };
    }
    const keys = uniq([e.listedAs ?? e.name, e.name, ...e.formerNames].flatMap(nameKeys));
    const listedHere = this.byListedName.get(e.measure);
    for (const k of keys) {
      const ids = listedHere?.get(k);
      if (ids?.size === 1) return { id: [...ids][0] };
    }
    const candidates = new Set<string>();
    for (const k of keys) for (const id of this.byName.get(k) ?? []) candidates.add(id);
    if (candidates.size === 0) {
      // A brand or short name ("Opera") is also the whole name of unrelated parties: a name of one
      // word decides only where the list places the party in the company's country, and no name
      // decides where the list places it in another country.
      for (const index of [this.byOtherName, this.byCoreName]) {
        const found = new Set<string>();
        for (const k of keys) for (const id of index.get(index === this.byCoreName ? coreName(k) : k) ?? []) found.add(id);
        if (found.size !== 1) continue;
        const id = [...found][0] as string;
        const oneWord = index === this.byOtherName && !keys.some((k) => k.includes(' '));
        if (this.placedIn(e, id) || (!this.placedElsewhere(e, id) && !oneWord)) return { id };
      }
    }
    if (candidates.size === 1) return { id: [...candidates][0] };
    if (candidates.size > 1) {
      const listed = [...candidates].filter((id) => this.kb.listings.some((l) => l.measure === e.measure && l.target === id));
      if (listed.length === 1) return { id: listed[0] };
      return { ambiguous: [...candidates].sort() };
    }
    return this.byAlias(e);
  }

  /** The list places the entry in the organisation's country. */
  private placedIn(e: ImportedEntry, id: string): boolean {
    const country = this.kb.organisations[id]?.country;
    return country !== undefined && e.countries.includes(country);
  }

  /** The list places the entry only in countries other than the organisation's. */
  private placedElsewhere(e: ImportedEntry, id: string): boolean {
    const country = this.kb.organisations[id]?.country;
    return country !== undefined && e.countries.length > 0 && !e.countries.includes(country);
  }

  /**
   * A party the list also calls by a curated company's own name, legal form aside ("Tianjin Tiandi
   * Weiye Technologies", also "Tiandy Technologies": the record of Tiandy Technologies Co., Ltd.):
   * that company, when no other has the name and the list places the party in the company's country.
   * Otherwise the curated record would take every search for its name and the listing none.
   */
  private byAlias(e: ImportedEntry): { id?: string } {
    const found = new Set<string>();
    for (const a of e.aliases) {
      if (ABBREVIATION.test(a)) continue;
      for (const k of nameKeys(a)) for (const id of this.byCoreName.get(coreName(k)) ?? []) found.add(id);
    }
    if (found.size !== 1) return {};
    const id = [...found][0] as string;
    return this.placedIn(e, id) ? { id } : {};
  }
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V) {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}

/** A name's keys for exact lookup: normalised, without a trailing alias, and without spaces (`Xi'an` meets `Xian`). */
export function nameKeys(name: string): string[] {
  const split = splitTrailingAlias(name);
  const keys = [normaliseName(name), normaliseName(split.name)].filter(Boolean);
  return uniq([...keys, ...keys.map((k) => k.replace(/ /g, ''))]);
}

/** Legal forms written before or after a name: Russian and other CIS forms lead as often as they trail. */
const LEGAL_FORM = '(?:co|corp|ltd|inc|llc|plc|gmbh|sa|ag|jsc|pjsc|ojsc|cjsc|ao|pao|oao|zao|ooo|(?:public |open |closed )?joint stock company|limited liability company)';
const TRAILING_FORMS = new RegExp(`(?:\\s+${LEGAL_FORM})+$`);
const LEADING_FORMS = new RegExp(`^(?:${LEGAL_FORM}\\s+)+`);

/** A normalised name without its legal forms: `redwood dynamics co ltd` → `redwood dynamics`, `pjsc rostelecom` → `rostelecom`. */
function coreName(normalised: string): string {
  return normalised.replace(TRAILING_FORMS, '').replace(LEADING_FORMS, '') || normalised;
}

interface Row extends Span {
  entry: ImportedEntry;
}

/**
 * The periods a target is listed, from the file's rows: rows that start on the same date (one
 * edition) are merged, and a later edition decides the status from its date on, so a company that
 * an edition leaves out or ends is no longer listed from then, and listed again if a later one has it.
 */
export function listingPeriods(rows: readonly Span[]): Span[] {
  const starts = uniq(rows.map((r) => r.from)).sort();
  let periods: Span[] = [];
  for (const start of starts) {
    const edition = rows.filter((r) => r.from === start);
    const to = edition.some((r) => !r.to) ? undefined : edition.map((r) => r.to!).sort().pop();
    periods = periods
      .filter((p) => p.from < start)
      .map((p) => (p.to === undefined || p.to > start ? { from: p.from, to: start } : p));
    const last = periods[periods.length - 1];
    if (last && last.to === start) periods[periods.length - 1] = { from: last.from, to };
    else periods.push({ from: start, to });
  }
  return periods.filter((p) => p.to === undefined || p.to > p.from);
}

const overlaps = (a: Span, b: Span) => a.from < (b.to ?? '9999') && b.from < (a.to ?? '9999');

export function reconcile(kb: KnowledgeBase, files: readonly DataFile[], list: ParsedList, options: ReconcileOptions): ImportPlan {
  const sourceId = options.sourceId ?? `import-${list.format}-${options.source.date}`;
  const plan: ImportPlan = { changes: [], unchanged: 0, writes: [], problems: [], sourceId };
  const resolver = new Resolver(kb);
  const generated = new Map<string, GeneratedGroup>();
  const taken = new Set([...Object.keys(kb.organisations), ...Object.keys(kb.products)]);
  let sourceUsed = false;

  const byMeasure = new Map<string, ImportedEntry[]>();
  for (const e of list.entries) byMeasure.set(e.measure, [...(byMeasure.get(e.measure) ?? []), e]);
  const measures = uniq([...byMeasure.keys(), ...list.complete]);

  for (const measure of measures) {
    const m = kb.measures[measure];
    const entries = byMeasure.get(measure) ?? [];
    if (!m) {
      plan.problems.push({ at: 'file', message: `measure "${measure}" is not in the knowledge base; its ${entries.length} entries were not imported` });
      continue;
    }
    const file = files.find((f) => f.path === m.file);
    if (!file) throw new Error(`measure file ${m.file} is not among the files given`);
    const groupPath = m.file.replace(/measures\/[^/]+$/, `groups/listed-${measure}.yaml`);
    const group = generatedGroup(generated, groupPath, measure, m.short, kb, files);
    const existing = kb.listings.filter((l) => l.measure === measure);

    // Which organisation each entry denotes.
    const rowsByTarget = new Map<string, Row[]>();
    for (const e of entries) {
      let { id, ambiguous } = resolver.resolve(e);
      if (ambiguous) {
        plan.problems.push({ at: e.at, message: `"${e.name}" fits several organisations (${ambiguous.join(', ')}); not imported — add a listed name to the right one` });
        continue;
      }
      if (!id && !e.from && !list.undatedFromMeasure) {
        plan.problems.push({ at: e.at, message: `no listing date for "${e.name}" in the file; not imported` });
        continue;
      }
      if (!id) {
        id = uniqueId(slugFromName(e.name), taken);
        taken.add(id);
        const org = newOrganisation(id, e, sourceId, plan.problems);
        group.organisations.push(org);
        resolver.addOrganisation(org);
        plan.changes.push({ kind: 'organisation', id, name: e.name, file: groupPath });
        sourceUsed = true;
      } else {
        const own = group.organisations.find((o) => o.id === id);
        if (own && mergeIntoGenerated(own, e, plan.problems)) sourceUsed = true;
      }
      const from = e.from ?? existing.find((l) => l.target === id)?.from ?? (list.undatedFromMeasure ? measureStart(kb, measure) : undefined);
      if (!from) {
        plan.problems.push({ at: e.at, message: `no listing date for "${e.name}" in the file; not imported` });
        continue;
      }
      rowsByTarget.set(id, [...(rowsByTarget.get(id) ?? []), { from, to: e.to, entry: e }]);
    }

    // Parents the list names, as relations of the generated organisations.
    for (const [target, rows] of rowsByTarget) {
      const childFile = kb.organisations[target]?.file;
      const home = childFile && GENERATED.test(childFile) ? generatedGroup(generated, childFile, childFile.replace(GENERATED, '$1'), m.short, kb, files) : group;
      const child = home.organisations.find((o) => o.id === target);
      const parentName = rows.map((r) => r.entry.parent).find(Boolean);
      if (!child || !parentName || !rows.some((r) => r.entry.parentControls)) continue;
      const parent = resolver.resolve({ ...rows[0]!.entry, name: parentName, listedAs: parentName, formerNames: [], identifiers: [] }).id;
      if (!parent || parent === target) continue;
      const known = [...kb.relations, ...home.relations].some((r) => (r.subject === parent && r.object === target) || (r.subject === target && r.object === parent));
      if (!known) {
        home.relations.push({ subject: parent, predicate: 'controls', object: target, sources: [sourceId], note: `Listed under this parent in the ${m.short}.` });
        sourceUsed = true;
      }
    }

    // New listings: the file's periods matched to the listings already there.
    const next: (Listing | KbListing)[] = [];
    const consumed = new Set<KbListing>();
    const changedIndex = new Set<number>();
    const replaceAt = new Map<KbListing, Listing>();
    const appended: Listing[] = [];
    for (const [target, rows] of rowsByTarget) {
      const mine = existing.filter((l) => l.target === target);
      for (const period of listingPeriods(rows)) {
        const within = rows.filter((r) => r.from >= period.from && (period.to === undefined || r.from < period.to)).sort((a, b) => a.from.localeCompare(b.from));
        const latest = within[within.length - 1]!.entry;
        let name = latest.listedAs ?? latest.name;
        const match = mine.find((l) => !consumed.has(l) && l.from === period.from) ?? mine.find((l) => !consumed.has(l) && overlaps(l, period));
        if (match) {
          consumed.add(match);
          // Another list's spelling of the same name (capitals, punctuation) is not a renaming.
          if (normaliseName(match.nameAsListed) === normaliseName(name)) name = match.nameAsListed;
          const renamed = match.nameAsListed !== name;
          const redated = match.from !== period.from || match.to !== period.to;
          if (!renamed && !redated) {
            plan.unchanged++;
            continue;
          }
          if (renamed) plan.changes.push({ kind: 'renamed', measure, target, before: match.nameAsListed, after: name });
          if (redated) plan.changes.push({ kind: 'dates', measure, target, before: { from: match.from, to: match.to }, after: period });
          replaceAt.set(match, {
            ...strip(match),
            nameAsListed: name,
            from: period.from,
            ...(period.to ? { to: period.to } : { to: undefined }),
            sources: uniq([...match.sources, sourceId]),
            scope: match.scope ?? latest.scope,
            note: match.note ?? latest.note,
          });
        } else {
          plan.changes.push({ kind: 'added', measure, target, name, from: period.from, to: period.to });
          appended.push({ target, nameAsListed: name, from: period.from, to: period.to, scope: latest.scope, sources: [sourceId], note: latest.note });
        }
      }
    }

    // Listings of a complete list that the file no longer carries end on the file's date.
    const mayEnd = (l: KbListing) => {
      if (options.partial || !list.complete.includes(measure)) return false;
      if (l.to !== undefined) return false; // already ended (or ends on a date of its own)
      if (l.from >= options.source.date) return false;
      if (!kb.organisations[l.target]) return false; // product listings are not on official files
      if (options.countries) return options.countries.includes(kb.organisations[l.target]?.country ?? '');
      return true;
    };
    existing.forEach((l) => {
      if (consumed.has(l) || replaceAt.has(l)) return;
      const stillListed = rowsByTarget.has(l.target) && (l.to === undefined || l.to > options.source.date);
      if (!mayEnd(l)) return;
      if (rowsByTarget.has(l.target) && !stillListed) return;
      plan.changes.push({ kind: 'removed', measure, target: l.target, name: l.nameAsListed, to: options.source.date });
      replaceAt.set(l, { ...strip(l), to: options.source.date, sources: uniq([...l.sources, sourceId]) });
    });

    existing.forEach((l, i) => {
      const replaced = replaceAt.get(l);
      if (replaced) changedIndex.add(i);
      next.push(replaced ?? l);
    });
    for (const l of appended) {
      changedIndex.add(next.length);
      next.push(l);
    }
    if (changedIndex.size > 0) {
      sourceUsed = true;
      plan.writes.push({ path: file.path, text: withListings(file.text, next, changedIndex, existing.length) });
    }

    for (const c of list.categories.filter((c) => c.measure === measure)) {
      const known = m.categoryRules.some((r) => r.from === c.from && c.categories.some((x) => r.categories.includes(x)));
      if (!known) plan.changes.push({ kind: 'category', measure, description: c.description, from: c.from, categories: c.categories, known });
    }
  }

  for (const g of generated.values()) {
    if (g.organisations.length === 0 && !g.existed) continue;
    const text = groupText(g);
    if (text !== files.find((f) => f.path === g.path)?.text) plan.writes.push({ path: g.path, text });
  }
  if (sourceUsed) {
    const sourcesPath = (kb.measures[measures[0] ?? '']?.file ?? 'data/measures/x.yaml').replace(/measures\/[^/]+$/, 'sources/imports.yaml');
    const text = sourcesText(files.find((f) => f.path === sourcesPath)?.text, { id: sourceId, ...options.source });
    if (text !== files.find((f) => f.path === sourcesPath)?.text) plan.writes.push({ path: sourcesPath, text });
  }
  return plan;
}

function strip(l: KbListing | Listing): Listing {
  const { file: _f, measure: _m, ...rest } = l as KbListing;
  return rest;
}

export function uniqueId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

const ABBREVIATION = /^[A-Z0-9&-]{2,10}$/;

export function namesOf(e: ImportedEntry): Name[] {
  const names: Name[] = [{ value: e.name, kind: 'listed' }];
  for (const a of e.aliases) names.push({ value: a, kind: ABBREVIATION.test(a) ? 'abbreviation' : 'alias' });
  for (const f of e.formerNames) names.push({ value: f, kind: 'former' });
  const seen = new Set<string>();
  return names.filter((n) => (seen.has(n.value) ? false : (seen.add(n.value), true)));
}

export function validIdentifiers(e: ImportedEntry, problems: ParseProblem[]): Identifier[] {
  const out: Identifier[] = [];
  for (const i of e.identifiers) {
    const check = CHECKS[i.scheme]?.(i.value);
    if (check && !check.ok) {
      problems.push({ at: e.at, message: `${i.scheme.toUpperCase()} ${i.value} of "${e.name}" left out: ${check.error}` });
      continue;
    }
    if (!out.some((o) => o.scheme === i.scheme && o.value === i.value && o.exchange === i.exchange)) out.push(i);
  }
  return out;
}

function newOrganisation(id: string, e: ImportedEntry, sourceId: string, problems: ParseProblem[]): Organisation {
  return {
    id,
    names: namesOf(e),
    kind: e.kind ?? 'company',
    country: e.countries.length === 1 ? e.countries[0] : undefined,
    identifiers: validIdentifiers(e, problems).map((i) => ({ ...i, source: sourceId })),
    namespaces: [],
    ieeeRegistrants: [],
    sources: [sourceId],
  };
}

/** Adds the entry's names and identifiers to an organisation of the generated file; true if any. */
function mergeIntoGenerated(org: Organisation, e: ImportedEntry, problems: ParseProblem[]): boolean {
  let changed = false;
  for (const n of namesOf(e)) {
    if (!org.names.some((x) => x.value === n.value)) {
      org.names.push(n);
      changed = true;
    }
  }
  for (const i of validIdentifiers(e, problems)) {
    if (!org.identifiers.some((x) => x.scheme === i.scheme && x.value === i.value)) {
      org.identifiers.push(i);
      changed = true;
    }
  }
  return changed;
}

/** The group files `reconcile` writes: `groups/listed-<measure>.yaml`. */
const GENERATED = /^.*groups\/listed-([^/]+)\.yaml$/;

interface GeneratedGroup {
  path: string;
  id: string;
  name: string;
  note: string;
  existed: boolean;
  organisations: Organisation[];
  relations: Relation[];
}

function generatedGroup(all: Map<string, GeneratedGroup>, path: string, measure: string, short: string, kb: KnowledgeBase, files: readonly DataFile[]): GeneratedGroup {
  const known = all.get(path);
  if (known) return known;
  const existing = files.find((f) => f.path === path);
  const id = `listed-${measure}`;
  const strip = <T extends object>(o: T) => {
    const { file: _f, group: _g, ...rest } = o as T & { file?: string; group?: string };
    return rest as T;
  };
  const group: GeneratedGroup = {
    path,
    id,
    name: kb.groups[id]?.name ?? `Other organisations listed in the ${short}`,
    note:
      (existing && (parseDocument(existing.text).toJS() as { group?: { note?: string } })?.group?.note) ||
      'Written by `covered kb import`: organisations of the list that no curated group covers yet. Edits are kept; move an organisation to its group\'s file to curate it.',
    existed: Boolean(existing),
    organisations: Object.values(kb.organisations).filter((o) => o.file === path).map(strip),
    relations: kb.relations.filter((r) => r.file === path).map(strip),
  };
  all.set(path, group);
  return group;
}

/** Removes empty arrays and defaults so generated records read like hand-written ones. */
function compact<T extends object>(o: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0 && k !== 'sources')) continue;
    if (k === 'kind' && v === 'company') continue;
    out[k] = v;
  }
  return out as Partial<T>;
}

function groupText(g: GeneratedGroup): string {
  const doc = {
    group: { id: g.id, name: g.name, note: g.note },
    organisations: g.organisations.map((o) => compact({ ...o, names: o.names.map((n) => compact(n)) })),
    relations: g.relations.map((r) => compact(r)),
  };
  return stringify(doc, { lineWidth: 0 });
}

function sourcesText(existing: string | undefined, source: Source): string {
  const sources = existing ? ((parseDocument(existing).toJS() as { sources?: Source[] })?.sources ?? []) : [];
  const i = sources.findIndex((s) => s.id === source.id);
  const record = compact(source) as Source;
  if (i >= 0) sources[i] = record;
  else sources.push(record);
  sources.sort((a, b) => a.id.localeCompare(b.id));
  return stringify({ sources }, { lineWidth: 0 });
}

/** A one-line YAML scalar: list texts wrap lines where the page did, which carries no meaning. */
const scalar = (v: string) => stringify(v.replace(/\s+/g, ' ').trim(), { lineWidth: 0 }).trimEnd();

export function listingYaml(l: Listing): string {
  const lines = [`  - target: ${l.target}`, `    nameAsListed: ${scalar(l.nameAsListed)}`, `    from: ${l.from}`];
  if (l.to) lines.push(`    to: ${l.to}`);
  if (l.scope) lines.push(`    scope: ${scalar(l.scope)}`);
  lines.push(`    sources: [${l.sources.join(', ')}]`);
  if (l.unverified) lines.push('    unverified: true');
  if (l.note) lines.push(`    note: ${scalar(l.note)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The measure file with a new `listings:` block. The measure itself and every listing that did not
 * change keep their text byte for byte, so a review sees only what the import changed.
 */
export function withListings(text: string, listings: readonly (Listing | KbListing)[], changed: ReadonlySet<number>, existingCount: number): string {
  const at = /^listings:.*$/m.exec(text);
  const head = at ? text.slice(0, at.index) : `${text.replace(/\n*$/, '\n')}`;
  const block = at ? text.slice(at.index + at[0].length + 1) : '';
  const chunks = block.split(/^(?=  - )/m).filter((c) => c.startsWith('  - '));
  const reuse = at && at[0] === 'listings:' && chunks.length === existingCount;
  const body = listings.map((l, i) => (reuse && !changed.has(i) && chunks[i] ? chunks[i]!.replace(/\n*$/, '\n') : listingYaml(strip(l)))).join('');
  return `${head}listings:${listings.length === 0 ? ' []' : ''}\n${body}`;
}
