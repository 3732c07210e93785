/**
 * Resolves one value of an inventory item (a name, MAC, host, app id, purl, native library, model,
 * security id) to the knowledge base's organisations and products, each resolution carrying its
 * evidence as data.
 */
import { WHOLE_NAME_KINDS } from '../model/whole-name-kinds.js';
import { isImportedFile, listingTargets, type EntityRef, type KnowledgeBase } from '../kb/model.js';
import type { FieldKind } from '../model/item.js';
import { exchangeKeys, parseCusip, parseIsin, parseLei, parseTicker, parseUscc, type Parsed } from './identifiers/check-digits.js';
import { sameCountry } from './country.js';
import { DomainIndex, parseHost, registrableDomain } from './identifiers/domain.js';
import { MacRegistry, parseMac, unresolvableReason } from './identifiers/mac.js';
import { isGenericLibraryName, parseLibraryFileName } from './identifiers/native-library.js';
import { DottedPrefixIndex, isDottedIdentifier } from './identifiers/prefix-index.js';
import { HOUSE_NAME_MIN, round, SAME_THRESHOLD } from './names/compare.js';
import { NameIndex, type NameMatch } from './names/name-index.js';
import { normaliseName, type NameForm } from './names/normalise.js';
import type { Evidence, Method } from '../model/evidence.js';

export type { Evidence, Method };

export interface Resolution {
  field: FieldKind;
  value: string;
  entity: EntityRef;
  method: Method;
  /** 0..1: how sure the resolution is that the value denotes the entity. */
  confidence: number;
  evidence: Evidence;
}

/** The outcome of resolving one value: resolutions, or why the value could not be used. */
export interface FieldOutcome {
  field: FieldKind;
  value: string;
  resolutions: Resolution[];
  /** The value is malformed (bad check digit, not a MAC …). */
  error?: string;
  /** The value is well-formed but cannot be attributed (e.g. a randomised MAC), or names no KB entity. */
  note?: string;
}

/** Lowest name score at which an inventory name is reported as possibly the entity. */
export const NAME_REPORT_THRESHOLD = 0.8;
/**
 * Lowest score of a name that leads with a known house's name but names another of its companies
 * ("Huawei Technologies Düsseldorf GmbH", "Hikvision Europe B.V."): reported as a presumed
 * subsidiary of that house when nothing in the knowledge base matches the name itself.
 */
const GROUP_NAME_THRESHOLD = HOUSE_NAME_MIN;
const NAMESPACE_CONFIDENCE = 0.6;
/** A native library's file name is less certain than a Java package, and a generic one (libhs.so) much less. */
const LIBRARY_CONFIDENCE = 0.9;
const GENERIC_LIBRARY_CONFIDENCE = 0.6;

interface ModelRule {
  product: string;
  pattern: string;
  regex: RegExp;
  note?: string;
}

export class Resolver {
  readonly names: NameIndex;
  /** Lowest name score reported (`--threshold`); 0.8 unless set. */
  nameThreshold = NAME_REPORT_THRESHOLD;
  private readonly domains = new DomainIndex<string>();
  private readonly apps = new DottedPrefixIndex<string>();
  /** Made when first used: resolving a name reads no organisation's record but those it matches. */
  private organisationIndexes: OrganisationIndexes | undefined;
  private readonly sdkPackages = new DottedPrefixIndex<string>();
  private readonly purls: { prefix: string; product: string }[] = [];
  /** Lower-case file name → the product and the name as the knowledge base spells it. */
  private readonly libraries = new Map<string, { product: string; library: string }>();
  private readonly models: ModelRule[] = [];
  private registry: MacRegistry | undefined;
  private listedFamilies: Set<string> | undefined;
  /** The leading word of each house alias met so far (a few thousand at most: the knowledge base's names). */
  private readonly aliasLeads = new Map<string, string | undefined>();
  private readonly registrantCache = new Map<string, { org: string; via: 'declared registrant' | 'registrant name' } | null>();

  constructor(
    readonly kb: KnowledgeBase,
    /** Loads the IEEE registry on first use; most scans have no MAC addresses. */
    private readonly loadMacRegistry: () => MacRegistry,
    /** A name index built earlier for this knowledge base (see `app/context.ts`), or one is built. */
    names?: NameIndex,
  ) {
    this.names = names ?? NameIndex.fromKnowledgeBase(kb);
    for (const p of Object.values(kb.products)) {
      for (const d of p.domains) this.domains.add(d, p.id);
      for (const id of [...p.android, ...p.ios]) this.apps.add(id, p.id);
      for (const pkg of p.packages) this.sdkPackages.add(pkg, p.id);
      for (const purl of p.purls) this.purls.push({ prefix: purl.toLowerCase(), product: p.id });
      for (const library of p.nativeLibraries) this.libraries.set(library.toLowerCase(), { product: p.id, library });
      for (const m of p.models) this.models.push({ product: p.id, pattern: m.pattern, regex: new RegExp(`^(?:${m.pattern})`, 'i'), ...(m.note ? { note: m.note } : {}) });
    }
    this.purls.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  private get organisationIndex(): OrganisationIndexes {
    return (this.organisationIndexes ??= organisationIndexes(this.kb));
  }

  resolve(field: FieldKind, value: string): FieldOutcome {
    switch (field) {
      case 'name':
        return this.resolveName(value);
      case 'mac':
        return this.resolveMac(value);
      case 'host':
        return this.resolveHost(value);
      case 'app':
        return this.resolveApp(value);
      case 'package':
        return this.resolvePackage(value);
      case 'purl':
        return this.resolvePurl(value);
      case 'library':
        return this.resolveLibrary(value);
      case 'model':
        return this.resolveModel(value);
      case 'isin':
        return this.resolveIdentifier(field, value, parseIsin);
      case 'cusip':
        return this.resolveIdentifier(field, value, parseCusip);
      case 'lei':
        return this.resolveIdentifier(field, value, parseLei);
      case 'uscc':
        return this.resolveIdentifier(field, value, parseUscc);
      case 'ticker':
        return this.resolveTicker(value);
      case 'category':
        return { field, value, resolutions: [] };
    }
  }

  resolveName(value: string, field: FieldKind = 'name'): FieldOutcome {
    // One search serves both the match and the houses the name may be named after (many parties of
    // a house may score above it, so more candidates are read than a plain match needs).
    const form = normaliseName(value);
    // A list's own party is no house (see `groupNameResolutions`): below the threshold it is of no use.
    const candidates = this.names.search(form, { minScore: Math.min(GROUP_NAME_THRESHOLD, this.nameThreshold), importedMinScore: this.nameThreshold, limit: 40 });
    const matches = candidates.filter((m) => m.score >= this.nameThreshold && !this.lookalikeOfListParty(m)).slice(0, 5);
    if (matches.length === 0) return { field, value, resolutions: this.groupNameResolutions(field, value, form, candidates) };
    // When the name is, word for word, one entity's alias, equally scored other entities are not meant.
    const exact = matches.filter((m) => m.exact && m.score === matches[0]?.score);
    const shared = this.sharedNames(form, exact);
    const resolutions = (exact.length > 0 ? exact : matches).map((m) => nameResolution(field, value, shared.get(m) ?? m, 'name'));
    // A near-certain match makes weaker alternatives noise (not a party that shares the name: it stays, weaker).
    const top = resolutions[0];
    const sharing = new Set([...shared.values()].map((m) => m.entity.id));
    const kept = top && top.confidence >= SAME_THRESHOLD ? resolutions.filter((r) => r.confidence >= top.confidence - 0.05 || sharing.has(r.entity.id)) : resolutions;
    // A party an official list names on its own (a generated record) that sits in a curated house's
    // group is also that house's presumed company: "Huawei Technologies Canada" is on the Entity
    // List itself, and Huawei's by its name, as if the list did not name it.
    if (kept.length > 0 && kept.every((r) => this.inCuratedGroupOnly(r.entity.id))) return { field, value, resolutions: [...kept, ...this.groupNameResolutions(field, value, form, candidates)] };
    return { field, value, resolutions: kept };
  }

  /**
   * A name one letter or sound away from a list's own party on a single distinctive word
   * ("Luminar Technologies" / "Luminor Oy", "Skytap" / "Skytop Electronics", "Dicom" / "Discom"):
   * among the tens of thousands of parties the lists name, such a near miss is far more often
   * another company than a misspelling, so it is not reported. Curated companies keep their
   * misspellings ("Huawie", "Hikvison"), and words of ten letters or more theirs; a name equal
   * word for word is kept whatever it names.
   */
  private lookalikeOfListParty(m: NameMatch): boolean {
    if (m.exact || m.entity.kind !== 'organisation') return false;
    const org = this.kb.organisations[m.entity.id];
    if (!org || !isImportedFile(this.kb.groups[org.group]?.file ?? '')) return false;
    const top = m.features.reduce<NameMatch['features'][number] | undefined>((best, f) => (!best || f.score > best.score ? f : best), undefined);
    if (!top) return false;
    // A word of four letters or fewer ("VR", "AST", "ISRA", "Poly") names a list's party only as
    // that party writes its whole name: "ISRA Vision AG" is not "ISRA", nor "Poly" "Poly Technologies".
    if (top.feature === 'core-tokens' && !top.detail.includes(' ') && !top.detail.includes('~') && top.detail.length <= 4) return true;
    if (m.score >= 1) return false;
    // Long words have few neighbours: "Rosoboroneksport" is still Rosoboronexport.
    if (top.feature === 'compact') return top.score < 1 && (top.detail.split(' ~ ')[0] ?? '').length <= 10;
    if (top.feature !== 'core-tokens') return false;
    const pairs = top.detail.split(' ').filter(Boolean);
    return pairs.length === 1 && pairs[0]!.includes('~') && (pairs[0]!.split('~')[0] ?? '').length <= 9;
  }

  /**
   * A name that is word for word both a company the knowledge base records and an official list's
   * party — of one word ("Opera", "TCL", "HTC"), or of a party the list places in another country
   * than the company's ("Delta Electronics": Taiwan's, and an Iranian party's alias): the user most
   * likely means the company, but only the row's other fields can tell. The party stays a candidate
   * below the "same" threshold (so its finding is at most medium), with the company it shares the
   * name with in its explanation.
   */
  private sharedNames(form: NameForm, exact: readonly NameMatch[]): Map<NameMatch, NameMatch> {
    const out = new Map<NameMatch, NameMatch>();
    if (form.han) return out;
    const generated = (m: NameMatch) => m.entity.kind === 'organisation' && isImportedFile(this.kb.organisations[m.entity.id]?.file ?? '');
    const known = exact.find((m) => !generated(m));
    if (!known) return out;
    const knownCountry = this.kb.organisations[known.entity.id]?.country;
    for (const m of exact) {
      if (!generated(m)) continue;
      const country = this.kb.organisations[m.entity.id]?.country;
      const elsewhere = knownCountry !== undefined && country !== undefined && !sameCountry(knownCountry, country);
      if (form.core.length !== 1 && !elsewhere) continue;
      const why = `also the name of ${this.kb.organisations[known.entity.id]?.names[0]?.value ?? this.kb.products[known.entity.id]?.name ?? known.entity.id}${elsewhere ? ` (${knownCountry}; this party ${country})` : ''}`;
      out.set(m, { ...m, score: SHARED_NAME_SCORE, exact: false, features: [...m.features, { feature: 'name-shared', score: round(SHARED_NAME_SCORE - m.score), detail: why }] });
    }
    return out;
  }

  /** A generated organisation (an official list's party) that an importer put in a curated group. */
  private inCuratedGroupOnly(id: string): boolean {
    const org = this.kb.organisations[id];
    return Boolean(org && isImportedFile(org.file) && this.kb.groups[org.group] && !isImportedFile(this.kb.groups[org.group]!.file));
  }

  /**
   * Another company of a known house, by its name: the best-scoring house among those with a listing
   * in their family (an unlisted house's name leads to no finding, and "Juniper Widgets" is not
   * Juniper Networks'); organisations only, people never.
   */
  private groupNameResolutions(field: FieldKind, value: string, form: NameForm, candidates: NameMatch[]): Resolution[] {
    this.listedFamilies ??= listedFamilies(this.kb);
    // Houses are curated organisations: a list's own parties name only themselves.
    // The house's name leads both ("Huawei Technologies Düsseldorf", "Hikvision Europe"): a name
    // that shares some other word with one of the house's companies ("Home Control Singapore" /
    // "Beijing Institute of Control Engineering") is not named after it.
    // (Chinese names are compared by their cores already: 华为技术（德国）有限公司 is led by 华为.)
    const leading = (f: NameForm) => (f.han ? undefined : f.tokens.find((t) => t.cls !== 'place' && t.cls !== 'legal')?.text);
    const lead = leading(form);
    const houses = candidates.filter((m) => {
      if (!m.sameCoreDifferentEntity || m.entity.kind !== 'organisation' || !this.listedFamilies?.has(m.entity.id)) return false;
      const org = this.kb.organisations[m.entity.id];
      if (isImportedFile(org?.file ?? '') || WHOLE_NAME_KINDS.has(org?.kind ?? 'company')) return false;
      if (lead === undefined) return true;
      let aliasLead = this.aliasLeads.get(m.alias);
      if (aliasLead === undefined && !this.aliasLeads.has(m.alias)) this.aliasLeads.set(m.alias, (aliasLead = leading(normaliseName(m.alias))));
      return aliasLead === undefined || aliasLead === lead;
    });
    const top = houses[0]?.score;
    return houses.filter((m) => m.score === top).slice(0, 2).map((m) => nameResolution(field, value, m, 'group-name'));
  }

  private resolveMac(value: string): FieldOutcome {
    const parsed = parseMac(value);
    if (!parsed.ok) return { field: 'mac', value, resolutions: [], error: parsed.error };
    const mac = parsed.value;
    const reason = unresolvableReason(mac);
    if (reason) return { field: 'mac', value, resolutions: [], note: `unresolvable: ${reason}` };
    this.registry ??= this.loadMacRegistry();
    const reg = this.registry.lookup(mac);
    if (!reg) return { field: 'mac', value, resolutions: [], note: `prefix ${mac.text.slice(0, 8)} is not in the IEEE registry` };
    const owner = this.registrantOwner(reg.registrant, reg.country);
    if (!owner) return { field: 'mac', value, resolutions: [], note: `registered to ${reg.registrant} (${reg.block} ${reg.prefix})` };
    return {
      field: 'mac',
      value,
      resolutions: [
        {
          field: 'mac',
          value,
          entity: { kind: 'organisation', id: owner.org },
          method: 'mac-prefix',
          confidence: owner.via === 'declared registrant' ? 0.95 : 0.85,
          evidence: { type: 'mac', input: value, mac: mac.text, prefix: reg.prefix, block: reg.block, registrant: reg.registrant, via: owner.via },
        },
      ],
    };
  }

  /**
   * Registrant → organisation: a declared spelling first, else a strict name match — to a record
   * of the registrant's own country when both are known: "ELECOM CO., LTD" of Osaka is not the
   * Russian "LLC Elecom", nor "APEX DATA, INC." of California a listed "Apex" elsewhere.
   */
  private registrantOwner(registrant: string, country?: string): { org: string; via: 'declared registrant' | 'registrant name' } | undefined {
    const cacheKey = `${registrant}\t${country ?? ''}`;
    const cached = this.registrantCache.get(cacheKey);
    if (cached !== undefined) return cached ?? undefined;
    let result: { org: string; via: 'declared registrant' | 'registrant name' } | null = null;
    const declared = this.organisationIndex.declaredRegistrants.get(normaliseRegistrant(registrant));
    if (declared) result = { org: declared, via: 'declared registrant' };
    else {
      const best = this.names.search(registrant, { minScore: 0.95, limit: 2 }).filter((m) => m.entity.kind === 'organisation');
      const org = best.length === 1 && best[0] ? this.kb.organisations[best[0].entity.id] : undefined;
      if (best.length === 1 && best[0] && !(country && org?.country && sameCountry(country, org.country) === false)) result = { org: best[0].entity.id, via: 'registrant name' };
    }
    this.registrantCache.set(cacheKey, result);
    return result ?? undefined;
  }

  private resolveHost(value: string): FieldOutcome {
    const parsed = parseHost(value);
    if (!parsed.ok) return { field: 'host', value, resolutions: [], error: parsed.error };
    const host = parsed.value;
    const hit = this.domains.lookup(host);
    if (!hit) return { field: 'host', value, resolutions: [] };
    const reg = registrableDomain(host);
    return {
      field: 'host',
      value,
      resolutions: [
        {
          field: 'host',
          value,
          entity: { kind: 'product', id: hit.value },
          method: 'domain',
          confidence: 0.95,
          evidence: { type: 'domain', input: value, host, listedDomain: hit.domain, ...(reg ? { registrableDomain: reg } : {}) },
        },
      ],
    };
  }

  private resolveApp(value: string): FieldOutcome {
    const id = value.trim();
    if (!isDottedIdentifier(id)) return this.resolveName(value, 'app');
    const exact = this.apps.lookup(id);
    if (exact?.exact) {
      return {
        field: 'app',
        value,
        resolutions: [this.idResolution('app', value, { kind: 'product', id: exact.value }, 'app-id', 1, 'app id', exact.prefix, true)],
      };
    }
    return this.namespaceOutcome('app', value, id);
  }

  private namespaceOutcome(field: FieldKind, value: string, id: string): FieldOutcome {
    const ns = this.organisationIndex.namespaces.lookup(id);
    const inferred = ns ? undefined : this.organisationIndex.inferredNamespaces.lookup(id);
    const hit = ns ?? inferred;
    if (!hit) return { field, value, resolutions: [] };
    const scheme = inferred ? 'publisher namespace (its name, as in its recorded app ids)' : 'publisher namespace';
    return {
      field,
      value,
      resolutions: [this.idResolution(field, value, { kind: 'organisation', id: hit.value }, 'app-namespace', NAMESPACE_CONFIDENCE, scheme, hit.prefix, false)],
    };
  }

  private resolvePackage(value: string): FieldOutcome {
    const id = value.trim().replace(/\.\*$/, '').replace(/\/|\$/g, '.');
    if (!isDottedIdentifier(id)) return { field: 'package', value, resolutions: [], error: `"${value}" is not a Java/Kotlin package name` };
    const hit = this.sdkPackages.lookup(id);
    if (hit) {
      return {
        field: 'package',
        value,
        resolutions: [this.idResolution('package', value, { kind: 'product', id: hit.value }, 'sdk-package', 0.95, 'java package', hit.prefix, hit.exact)],
      };
    }
    return this.namespaceOutcome('package', value, id);
  }

  private resolvePurl(value: string): FieldOutcome {
    const purl = value.trim();
    const m = /^pkg:([a-z0-9.+-]+)\/(.+?)(?:@[^?#]*)?(?:[?#].*)?$/i.exec(purl);
    if (!m) return { field: 'purl', value, resolutions: [], error: `"${value}" is not a package URL (pkg:type/namespace/name@version)` };
    let path: string;
    try {
      path = decodeURIComponent(m[2] as string);
    } catch {
      return { field: 'purl', value, resolutions: [], error: `"${value}" is not a package URL (a "%" that is not followed by an escaped character)` };
    }
    const base = `pkg:${(m[1] as string).toLowerCase()}/${path}`.toLowerCase();
    for (const { prefix, product } of this.purls) {
      const next = base.charAt(prefix.length);
      if (base.startsWith(prefix) && (next === '' || next === '/' || next === '.' || next === '@')) {
        return {
          field: 'purl',
          value,
          resolutions: [this.idResolution('purl', value, { kind: 'product', id: product }, 'purl', 0.95, 'purl', prefix, base === prefix)],
        };
      }
    }
    // Maven group ids are Java package roots: try the SDK packages, then publisher namespaces.
    if (m[1]?.toLowerCase() === 'maven') {
      const group = (m[2] as string).split('/')[0] as string;
      const sdk = this.sdkPackages.lookup(group);
      if (sdk) return { field: 'purl', value, resolutions: [this.idResolution('purl', value, { kind: 'product', id: sdk.value }, 'sdk-package', 0.9, 'maven group', sdk.prefix, false)] };
      return this.namespaceOutcome('purl', value, group);
    }
    return { field: 'purl', value, resolutions: [] };
  }

  /** The file name, without directory or version suffix, equal (ignoring case) to an SDK's library. */
  private resolveLibrary(value: string): FieldOutcome {
    const parsed = parseLibraryFileName(value);
    if (!parsed.ok) return { field: 'library', value, resolutions: [], error: parsed.error };
    const hit = this.libraries.get(parsed.value.toLowerCase());
    if (!hit) return { field: 'library', value, resolutions: [] };
    const confidence = isGenericLibraryName(hit.library) ? GENERIC_LIBRARY_CONFIDENCE : LIBRARY_CONFIDENCE;
    return {
      field: 'library',
      value,
      resolutions: [this.idResolution('library', value, { kind: 'product', id: hit.product }, 'native-library', confidence, 'native library', hit.library, true)],
    };
  }

  private resolveModel(value: string): FieldOutcome {
    const model = value.trim();
    const resolutions: Resolution[] = [];
    for (const rule of this.models) {
      if (!rule.regex.test(model)) continue;
      if (resolutions.some((r) => r.entity.id === rule.product)) continue;
      resolutions.push({
        field: 'model',
        value,
        entity: { kind: 'product', id: rule.product },
        method: 'model-pattern',
        confidence: 0.8,
        evidence: { type: 'model', input: value, pattern: rule.pattern, ...(rule.note ? { note: rule.note } : {}) },
      });
    }
    return { field: 'model', value, resolutions };
  }

  private resolveIdentifier(field: 'isin' | 'cusip' | 'lei' | 'uscc', value: string, parse: (v: string) => Parsed): FieldOutcome {
    const parsed = parse(value);
    if (!parsed.ok) return { field, value, resolutions: [], error: parsed.error };
    const org = this.organisationIndex.identifiers.get(identifierKey(field, parsed.value));
    if (!org) return { field, value, resolutions: [] };
    return { field, value, resolutions: [this.idResolution(field, value, { kind: 'organisation', id: org }, field, 1, field, parsed.value, true)] };
  }

  private resolveTicker(value: string): FieldOutcome {
    const parsed = parseTicker(value);
    if (!parsed.ok) return { field: 'ticker', value, resolutions: [], error: parsed.error };
    const { symbol, exchange } = parsed.value;
    const exactOrg = exchange
      ? exchangeKeys(exchange).map((x) => this.organisationIndex.identifiers.get(identifierKey('ticker', symbol, x))).find((o) => o !== undefined)
      : undefined;
    const org = exactOrg ?? this.organisationIndex.identifiers.get(bareTickerKey(symbol));
    if (!org) return { field: 'ticker', value, resolutions: [] };
    // A bare symbol may belong to another company on another exchange.
    const confidence = exactOrg ? 1 : 0.7;
    const shown = exchange ? `${symbol} (${exchange})` : symbol;
    return { field: 'ticker', value, resolutions: [this.idResolution('ticker', value, { kind: 'organisation', id: org }, 'ticker', confidence, 'ticker', shown, Boolean(exactOrg))] };
  }

  private idResolution(field: FieldKind, value: string, entity: EntityRef, method: Method, confidence: number, scheme: string, matched: string, exact: boolean): Resolution {
    return {
      field,
      value,
      entity,
      method,
      confidence,
      evidence: exact
        ? { type: 'identifier', input: value, scheme, value: matched, exact }
        : { type: 'identifier', input: value, scheme, value: value.trim(), exact, matchedPrefix: matched },
    };
  }
}

function bareTickerKey(value: string): string {
  const t = parseTicker(value);
  return `ticker:${t.ok ? t.value.symbol : value.toUpperCase()}`;
}

/** Organisations related, at any time and in any direction, to a listed organisation or product. */
interface OrganisationIndexes {
  namespaces: DottedPrefixIndex<string>;
  /**
   * A publisher's namespace read from its recorded app ids where the namespace is its own name
   * (com.meitu.wheecam → com.meitu for Meitu): a developer writes its packages under its domain, so
   * its other apps are found too. Not where the name is short, or another company's apps share it.
   */
  inferredNamespaces: DottedPrefixIndex<string>;
  identifiers: Map<string, string>;
  declaredRegistrants: Map<string, string>;
}

function organisationIndexes(kb: KnowledgeBase): OrganisationIndexes {
  const namespaces = new DottedPrefixIndex<string>();
  const identifiers = new Map<string, string>();
  const declaredRegistrants = new Map<string, string>();
  for (const o of Object.values(kb.organisations)) {
    for (const ns of o.namespaces) namespaces.add(ns, o.id);
    for (const id of o.identifiers) {
      identifiers.set(identifierKey(id.scheme, id.value, id.exchange), o.id);
      if (id.scheme === 'ticker') identifiers.set(bareTickerKey(id.value), o.id);
    }
    for (const r of o.ieeeRegistrants) declaredRegistrants.set(normaliseRegistrant(r), o.id);
  }
  return { namespaces, inferredNamespaces: inferNamespaces(kb, namespaces), identifiers, declaredRegistrants };
}

const MIN_NAMESPACE_NAME = 4;

function inferNamespaces(kb: KnowledgeBase, declared: DottedPrefixIndex<string>): DottedPrefixIndex<string> {
  const owners = new Map<string, Set<string>>();
  for (const p of Object.values(kb.products)) {
    for (const app of p.android) {
      const labels = app.toLowerCase().split('.');
      if (labels.length < 3 || declared.lookup(app)) continue;
      const prefix = labels.slice(0, 2).join('.');
      owners.set(prefix, (owners.get(prefix) ?? new Set()).add(p.owner ?? ''));
    }
  }
  const inferred = new DottedPrefixIndex<string>();
  for (const [prefix, ids] of owners) {
    const [owner] = ids;
    const org = owner ? kb.organisations[owner] : undefined;
    if (ids.size !== 1 || !org) continue;
    const label = prefix.split('.')[1] as string;
    const ownName = org.names.some((n) => n.value.split(/[\s,]+/)[0]!.toLowerCase().replace(/[^a-z0-9]/g, '') === label);
    if (label.length >= MIN_NAMESPACE_NAME && ownName) inferred.add(prefix, org.id);
  }
  return inferred;
}

function listedFamilies(kb: KnowledgeBase): Set<string> {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string) => neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  for (const r of kb.relations) {
    link(r.subject, r.object);
    link(r.object, r.subject);
  }
  for (const p of Object.values(kb.products)) {
    if (!p.owner) continue;
    link(p.id, p.owner);
    link(p.owner, p.id);
  }
  const seen = new Set<string>();
  const queue = [...listingTargets(kb)];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(neighbours.get(id) ?? []));
  }
  return seen;
}

/** A list's party that shares a one-word name with a company the knowledge base records: a candidate, below "same". */
const SHARED_NAME_SCORE = 0.8;

function nameResolution(field: FieldKind, value: string, m: NameMatch, method: 'name' | 'group-name'): Resolution {
  return {
    field,
    value,
    entity: m.entity,
    method,
    confidence: m.score,
    evidence: { type: 'name', input: value, alias: m.alias, aliasKind: m.aliasKind, score: m.score, features: m.features },
  };
}

/** Mainland China, Hong Kong and Macao count as one: groups register blocks from either. */
function normaliseRegistrant(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Identifier index key; a ticker's key includes its exchange when known. */
function identifierKey(scheme: string, value: string, exchange?: string): string {
  if (scheme === 'ticker') {
    const t = parseTicker(value, exchange);
    if (t.ok) return t.value.exchange ? `ticker:${t.value.symbol}@${t.value.exchange}` : `ticker:${t.value.symbol}`;
  }
  const canonical = value.replace(/[\s-]/g, '').toUpperCase();
  return `${scheme}:${canonical}`;
}
