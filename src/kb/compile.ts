/**
 * Turns the knowledge base's data files into a `KnowledgeBase` and the list of problems with it.
 * Pure: the caller reads the files (see `kb/files.ts`).
 */
import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  GeneratedFileSchema,
  GroupFileSchema,
  MeasureFileSchema,
  ProfilesFileSchema,
  SourcesFileSchema,
  type Identifier,
  type Listing,
  type Organisation,
  type Profile,
  type Source,
} from '../model/kb.js';
import { parseCusip, parseIsin, parseLei, parseUscc, type Parsed } from '../match/identifiers/check-digits.js';
import type { KnowledgeBase } from './model.js';
import { formatPath, type Problem } from './problems.js';

export interface DataFile {
  /** Repository-relative path, e.g. `data/groups/huawei.yaml`. */
  path: string;
  text: string;
}

export interface CompileResult {
  kb: KnowledgeBase;
  problems: Problem[];
}

type FileKind = 'sources' | 'groups' | 'measures' | 'profiles' | 'generated';

function kindOf(path: string): FileKind | undefined {
  if (/(?:^|\/)generated\/[^/]+\.json$/.test(path)) return 'generated';
  const m = /(?:^|\/)(sources|groups|measures|profiles)\/[^/]+\.ya?ml$/.exec(path);
  return m ? (m[1] as FileKind) : undefined;
}

const SCHEMAS = {
  sources: SourcesFileSchema,
  groups: GroupFileSchema,
  measures: MeasureFileSchema,
  profiles: ProfilesFileSchema,
  generated: GeneratedFileSchema,
} as const;

/** Generated files are JSON (fast to read at their size); a syntax error is located by line. */
function parseJsonFile(text: string): { value?: unknown; error?: { line: number; message: string } } {
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return { error: { line: text.slice(0, position).split('\n').length, message: message.replace(/ in JSON at position \d+.*$/, '') } };
  }
}

const IDENTIFIER_CHECKS: Partial<Record<Identifier['scheme'], (v: string) => Parsed>> = {
  isin: parseIsin,
  cusip: parseCusip,
  lei: parseLei,
  uscc: parseUscc,
};

export function hashFiles(files: readonly DataFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    h.update(f.path).update('\0').update(f.text).update('\0');
  }
  return h.digest('hex');
}

export function compileKnowledgeBase(files: readonly DataFile[], packageVersion: string): CompileResult {
  const problems: Problem[] = [];
  const error = (file: string, path: string, message: string) => problems.push({ severity: 'error', file, path, message });
  const warn = (file: string, path: string, message: string) => problems.push({ severity: 'warning', file, path, message });

  const kb: KnowledgeBase = {
    version: packageVersion,
    hash: hashFiles(files),
    sources: {},
    organisations: {},
    products: {},
    relations: [],
    measures: {},
    listings: [],
    profiles: {},
    groups: {},
  };
  /** Every place a source id is referenced, checked once all sources are known. */
  const sourceRefs: { file: string; path: string; id: string }[] = [];
  const refSources = (file: string, path: string, ids: readonly string[] | undefined) => {
    ids?.forEach((id, i) => sourceRefs.push({ file, path: `${path}.sources[${i}]`, id }));
  };
  /** Organisation and product ids share one namespace: listings and relations point at either. */
  const entityFile: Record<string, string> = {};
  /** A shared-library name (lower-case) → the product that claims it: a library resolves to one product. */
  const libraryOwner = new Map<string, string>();
  const claimEntity = (id: string, file: string, path: string) => {
    if (entityFile[id]) error(file, `${path}.id`, `duplicate id "${id}" (also in ${entityFile[id]})`);
    else entityFile[id] = file;
  };

  /** Groups a generated organisation says it belongs to, checked once every group is known. */
  const groupRefs: { file: string; path: string; id: string }[] = [];
  /** Listings of generated files, added once every measure is known. */
  const generatedListings: { file: string; path: string; measure: string; listing: Listing }[] = [];
  let f = '';
  const addSource = (s: Source, path: string) => {
    if (kb.sources[s.id]) error(f, `${path}.id`, `duplicate source id "${s.id}" (also in ${kb.sources[s.id]?.file})`);
    else kb.sources[s.id] = { ...s, file: f };
  };
  const addGroup = (g: { id: string; name: string; note?: string }, path: string) => {
    if (kb.groups[g.id]) error(f, path, `duplicate group id "${g.id}"`);
    kb.groups[g.id] = { ...g, file: f };
  };
  const addOrganisation = (o: Organisation & { group?: string }, group: string, p: string) => {
    claimEntity(o.id, f, p);
    kb.organisations[o.id] = { ...o, file: f, group };
    refSources(f, p, o.sources);
    o.names.forEach((n, j) => {
      if (n.from && n.to && n.to < n.from) error(f, `${p}.names[${j}]`, `name valid to ${n.to} before from ${n.from}`);
    });
    o.identifiers.forEach((id, j) => {
      const check = IDENTIFIER_CHECKS[id.scheme]?.(id.value);
      if (check && !check.ok) error(f, `${p}.identifiers[${j}].value`, check.error);
      if (id.source) sourceRefs.push({ file: f, path: `${p}.identifiers[${j}].source`, id: id.source });
    });
  };

  function addListing(l: Listing, measure: string, p: string) {
    kb.listings.push({ ...l, measure, file: f });
    refSources(f, p, l.sources);
    if (l.to && l.to < l.from) error(f, p, `listing ends (${l.to}) before it starts (${l.from})`);
    const firstDate = kb.measures[measure]?.timeline[0]?.date;
    if (firstDate && l.from < firstDate) warn(f, `${p}.from`, `listing starts ${l.from}, before the measure's first dated event (${firstDate})`);
  }

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    f = file.path;
    const kind = kindOf(file.path);
    if (!kind) continue;
    let value: unknown;
    if (kind === 'generated') {
      const json = parseJsonFile(file.text);
      if (json.error) {
        error(file.path, `line ${json.error.line}`, `JSON: ${json.error.message}`);
        continue;
      }
      value = json.value;
    } else {
      const doc = parseDocument(file.text, { prettyErrors: true });
      if (doc.errors.length > 0) {
        for (const e of doc.errors) error(file.path, `line ${e.linePos?.[0]?.line ?? '?'}`, `YAML: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`);
        continue;
      }
      value = doc.toJS();
    }
    const parsed = (SCHEMAS[kind] as z.ZodType).safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) error(file.path, formatPath(issue.path), issue.message);
      continue;
    }
    switch (kind) {
      case 'sources': {
        const { sources } = parsed.data as z.infer<typeof SourcesFileSchema>;
        sources.forEach((s, i) => addSource(s, `sources[${i}]`));
        break;
      }
      case 'generated': {
        const g = parsed.data as z.infer<typeof GeneratedFileSchema>;
        g.sources.forEach((s, i) => addSource(s, `sources[${i}]`));
        g.groups.forEach((gr, i) => addGroup(gr, `groups[${i}].id`));
        g.organisations.forEach((o, i) => {
          addOrganisation(o, o.group, `organisations[${i}]`);
          groupRefs.push({ file: f, path: `organisations[${i}].group`, id: o.group });
        });
        g.listings.forEach((l, i) => {
          const { measure, ...listing } = l;
          generatedListings.push({ file: f, path: `listings[${i}]`, measure, listing });
        });
        break;
      }
      case 'groups': {
        const g = parsed.data as z.infer<typeof GroupFileSchema>;
        addGroup(g.group, 'group.id');
        g.organisations.forEach((o, i) => addOrganisation(o, g.group.id, `organisations[${i}]`));
        g.relations.forEach((r, i) => {
          const p = `relations[${i}]`;
          kb.relations.push({ ...r, file: f });
          refSources(f, p, r.sources);
          if (r.from && r.to && r.to < r.from) error(f, p, `relation ends (${r.to}) before it starts (${r.from})`);
          if (r.subject === r.object) error(f, p, `relation of "${r.subject}" to itself`);
        });
        g.products.forEach((pr, i) => {
          const p = `products[${i}]`;
          claimEntity(pr.id, f, p);
          kb.products[pr.id] = { ...pr, file: f, group: g.group.id };
          refSources(f, p, pr.sources);
          pr.models.forEach((m, j) => {
            try {
              new RegExp(m.pattern, 'i');
            } catch (e) {
              error(f, `${p}.models[${j}].pattern`, `not a valid regular expression: ${(e as Error).message}`);
            }
          });
          pr.nativeLibraries.forEach((lib, j) => {
            const key = lib.toLowerCase();
            const claimed = libraryOwner.get(key);
            if (claimed) error(f, `${p}.nativeLibraries[${j}]`, `native library "${lib}" is also claimed by product "${claimed}"`);
            else libraryOwner.set(key, pr.id);
          });
          const identifies =
            pr.android.length + pr.ios.length + pr.packages.length + pr.purls.length + pr.domains.length + pr.models.length + pr.nativeLibraries.length;
          // A product whose owner is not established is recorded for its listing, by its name alone.
          if (identifies === 0 && pr.aliases.length === 0 && pr.owner !== undefined) warn(f, p, `product "${pr.id}" has no identifier (package, domain, model …) to match an item by`);
        });
        break;
      }
      case 'measures': {
        const { measure: m, listings } = parsed.data as z.infer<typeof MeasureFileSchema>;
        const expected = f.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
        if (m.id !== expected) error(f, 'measure.id', `measure id "${m.id}" differs from its file name "${expected}"`);
        if (kb.measures[m.id]) error(f, 'measure.id', `duplicate measure id "${m.id}" (also in ${kb.measures[m.id]?.file})`);
        kb.measures[m.id] = { ...m, file: f };
        refSources(f, 'measure', m.sources);
        m.timeline.forEach((ev, i) => {
          refSources(f, `measure.timeline[${i}]`, ev.sources);
          const prev = m.timeline[i - 1];
          if (prev && ev.date < prev.date) error(f, `measure.timeline[${i}].date`, `timeline out of order: ${ev.date} after ${prev.date}`);
        });
        m.extentChanges.forEach((c, i) => {
          refSources(f, `measure.extentChanges[${i}]`, c.sources);
          const prev = m.extentChanges[i - 1];
          if (prev && c.from < prev.from) error(f, `measure.extentChanges[${i}].from`, `reach changes out of order: ${c.from} after ${prev.from}`);
        });
        if (m.control) refSources(f, 'measure.control', m.control.sources);
        m.categoryRules.forEach((r, i) => {
          refSources(f, `measure.categoryRules[${i}]`, r.sources);
          if (r.to && r.to < r.from) error(f, `measure.categoryRules[${i}]`, `rule ends (${r.to}) before it starts (${r.from})`);
        });
        listings.forEach((l, i) => addListing(l, m.id, `listings[${i}]`));
        break;
      }
      case 'profiles': {
        const { profiles } = parsed.data as z.infer<typeof ProfilesFileSchema>;
        profiles.forEach((pr, i) => {
          if (kb.profiles[pr.id]) error(f, `profiles[${i}].id`, `duplicate profile id "${pr.id}"`);
          kb.profiles[pr.id] = pr;
        });
        break;
      }
    }
  }

  for (const { file, path, measure, listing } of generatedListings) {
    f = file;
    if (!kb.measures[measure]) error(file, `${path}.measure`, `unknown measure "${measure}"`);
    else addListing(listing, measure, path);
  }
  for (const ref of groupRefs) if (!kb.groups[ref.id]) error(ref.file, ref.path, `unknown group "${ref.id}"`);

  checkReferences(kb, sourceRefs, error, warn);
  checkOverlaps(kb, error);
  checkLifetimes(kb, error);
  checkUnverifiedSupport(kb, warn);
  checkOrphans(kb, warn);
  if (!kb.profiles.all) kb.profiles.all = allProfile(kb);
  kb.version = `${packageVersion}+${newestSourceDate(kb)}`;
  return { kb, problems };
}

type Report = (file: string, path: string, message: string) => void;

function checkReferences(kb: KnowledgeBase, sourceRefs: { file: string; path: string; id: string }[], error: Report, warn: Report) {
  const used = new Set<string>();
  for (const ref of sourceRefs) {
    used.add(ref.id);
    if (!kb.sources[ref.id]) error(ref.file, ref.path, `unknown source "${ref.id}"`);
  }
  // A Federal Register rule is kept to date the entries of later editions of a list, used or not.
  for (const s of Object.values(kb.sources)) if (!used.has(s.id) && !s.federalRegister) warn(s.file, `sources[id=${s.id}]`, `source "${s.id}" is not used by any record`);
  const isEntity = (id: string) => Boolean(kb.organisations[id] || kb.products[id]);
  kb.relations.forEach((r) => {
    const where = `relations[${r.subject} ${r.predicate} ${r.object}]`;
    if (!isEntity(r.subject)) error(r.file, `${where}.subject`, `unknown organisation or product "${r.subject}"`);
    if (!isEntity(r.object)) error(r.file, `${where}.object`, `unknown organisation or product "${r.object}"`);
  });
  for (const p of Object.values(kb.products)) {
    if (p.owner === undefined) {
      if (!p.note) error(p.file, `products[id=${p.id}].owner`, 'a product without an owner needs a note saying why the owner is not known');
    } else if (!kb.organisations[p.owner]) error(p.file, `products[id=${p.id}].owner`, `unknown organisation "${p.owner}"`);
  }
  for (const l of kb.listings) {
    if (!isEntity(l.target)) error(l.file, `listings[target=${l.target}].target`, `unknown organisation or product "${l.target}"`);
  }
  for (const pr of Object.values(kb.profiles)) {
    for (const id of Object.keys(pr.measures)) {
      if (!kb.measures[id]) error('data/profiles', `profiles[id=${pr.id}].measures.${id}`, `unknown measure "${id}"`);
    }
  }
}

const overlaps = (a: { from?: string; to?: string }, b: { from?: string; to?: string }) =>
  (a.from ?? '0000') < (b.to ?? '9999') && (b.from ?? '0000') < (a.to ?? '9999');

function checkOverlaps(kb: KnowledgeBase, error: Report) {
  const seen = new Map<string, { from?: string; to?: string }[]>();
  const check = (key: string, span: { from?: string; to?: string }, file: string, where: string, what: string) => {
    const prior = seen.get(key) ?? [];
    if (prior.some((p) => overlaps(p, span))) error(file, where, `${what} overlaps another with the same dates`);
    prior.push(span);
    seen.set(key, prior);
  };
  for (const l of kb.listings) check(`L|${l.measure}|${l.target}`, l, l.file, `listings[target=${l.target}]`, `listing of "${l.target}" in ${l.measure}`);
  for (const r of kb.relations) {
    check(`R|${r.subject}|${r.predicate}|${r.object}`, r, r.file, `relations[${r.subject} ${r.predicate} ${r.object}]`, 'relation');
  }
}

const END_OF_LIFE = new Set(['revoked', 'expired', 'superseded']);

/** The date a measure stopped having force: its last revocation, expiry or supersession with no later effective event. */
export function measureEnd(m: KnowledgeBase['measures'][string]): string | undefined {
  let end: string | undefined;
  for (const ev of m.timeline) {
    if (END_OF_LIFE.has(ev.status)) end ??= ev.date;
    else if (ev.status === 'effective') end = undefined;
  }
  return end;
}

/** Listings lie inside their measure's life: they cannot start after it ended, nor end before it began. */
function checkLifetimes(kb: KnowledgeBase, error: Report) {
  for (const l of kb.listings) {
    const m = kb.measures[l.measure];
    if (!m) continue;
    const end = measureEnd(m);
    const where = `listings[target=${l.target}]`;
    if (end && l.from >= end) error(l.file, `${where}.from`, `listing starts ${l.from}, after the measure ended (${end})`);
    const first = m.timeline[0]?.date;
    if (first && l.to && l.to < first) error(l.file, `${where}.to`, `listing ends ${l.to}, before the measure's first dated event (${first})`);
  }
}

/** A record whose every source is marked unverified must say so itself, so findings carry the flag. */
function checkUnverifiedSupport(kb: KnowledgeBase, warn: Report) {
  const weak = (ids: readonly string[]) => ids.length > 0 && ids.every((id) => kb.sources[id]?.unverified);
  for (const l of kb.listings) {
    if (!l.unverified && weak(l.sources)) warn(l.file, `listings[target=${l.target}]`, `every source of this listing is unverified; mark the listing \`unverified: true\``);
  }
  for (const r of kb.relations) {
    if (!r.unverified && weak(r.sources)) warn(r.file, `relations[${r.subject} ${r.predicate} ${r.object}]`, `every source of this relation is unverified; mark it \`unverified: true\``);
  }
}

/** An orphan product: its owner belongs to another group's file, so it would be reported under the wrong group. */
function checkOrphans(kb: KnowledgeBase, warn: Report) {
  for (const p of Object.values(kb.products)) {
    const owner = p.owner === undefined ? undefined : kb.organisations[p.owner];
    if (owner && owner.file !== p.file) warn(p.file, `products[id=${p.id}].owner`, `product "${p.id}" is owned by "${p.owner}" of another group file (${owner.file})`);
  }
}

function allProfile(kb: KnowledgeBase): Profile {
  return {
    id: 'all',
    title: 'All measures',
    description: 'Every measure in the knowledge base at its default severity.',
    measures: Object.fromEntries(Object.values(kb.measures).map((m) => [m.id, m.severity])),
  };
}

function newestSourceDate(kb: KnowledgeBase): string {
  let newest = '0000-00-00';
  for (const s of Object.values(kb.sources)) if (s.date > newest) newest = s.date;
  return newest;
}
