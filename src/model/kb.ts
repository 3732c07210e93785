/**
 * Knowledge-base record schemas. The YAML files under `data/` are parsed with these schemas;
 * `covered kb schema` turns them into a JSON Schema for editors.
 *
 * Curated files, written by hand:
 *  - `data/sources/*.yaml`  — `{ sources: Source[] }`
 *  - `data/groups/*.yaml`   — one corporate group: `{ group, organisations, relations, products }`
 *  - `data/measures/*.yaml` — one measure with its listings: `{ measure, listings }`
 * and generated files, written only by an importer from an official list (one record per line, so
 * that a new edition of the list reads as a diff):
 *  - `data/generated/*.json` — `{ dataset, sources, groups, organisations, listings }`
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date');
export type IsoDate = string;

const recordId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*[a-z0-9]$/, 'ids are lower-case letters, digits and hyphens');

/** Ids of `Source` records that support a fact. Every record needs at least one. */
const sourceRefs = z.array(recordId).min(1, 'every record needs at least one source');

export const SourceSchema = z
  .object({
    id: recordId,
    url: z.url(),
    title: z.string().min(1),
    publisher: z.string().min(1),
    date: isoDate.describe('publication date of the source'),
    /** A Federal Register document: where it lies in its volume and when it took effect (dates entries that cite its pages). */
    federalRegister: z
      .object({
        volume: z.number().int().positive(),
        firstPage: z.number().int().positive(),
        lastPage: z.number().int().positive().optional(),
        document: z.string().optional(),
        published: isoDate,
        effective: isoDate.optional(),
      })
      .strict()
      .optional(),
    /** A fact that rests on this source has not been checked against the official text. */
    unverified: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

export const NameKind = z.enum(['legal', 'brand', 'alias', 'former', 'abbreviation', 'listed', 'pinyin', 'trade']);
export const Script = z.enum(['latin', 'hans', 'hant', 'cyrillic', 'other']);

export const NameSchema = z
  .object({
    value: z.string().min(1),
    kind: NameKind.default('alias'),
    /** Defaults to what the characters say (latin, or hans/hant for Chinese). */
    script: Script.optional(),
    lang: z.string().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
export type Name = z.infer<typeof NameSchema>;

export const IdentifierScheme = z.enum(['lei', 'isin', 'cusip', 'ticker', 'uscc', 'duns', 'figi']);
export const IdentifierSchema = z
  .object({
    scheme: IdentifierScheme,
    value: z.string().min(1),
    /** For tickers: the exchange's code, e.g. HKEX, SSE, SZSE, NYSE, NASDAQ. */
    exchange: z.string().optional(),
    source: recordId.optional(),
  })
  .strict();
export type Identifier = z.infer<typeof IdentifierSchema>;

export const OrganisationSchema = z
  .object({
    id: recordId,
    names: z.array(NameSchema).min(1),
    /**
     * `person`: a natural person some lists name (the Entity List does); a person's names are matched
     * only word for word, never by a shared core or a typo, since personal names recur. `vessel` and
     * `aircraft` (sanctions lists name ships and planes) are matched the same way.
     */
    kind: z.enum(['company', 'state-owned', 'government', 'university', 'military', 'person', 'vessel', 'aircraft']).default('company'),
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code').optional(),
    identifiers: z.array(IdentifierSchema).default([]),
    /** Reverse-DNS namespaces the organisation publishes apps and SDKs under, e.g. `com.tencent`. */
    namespaces: z.array(z.string()).default([]),
    /** Registrant names in the IEEE MAC registry that denote this organisation, spelled as registered. */
    ieeeRegistrants: z.array(z.string()).default([]),
    sources: sourceRefs,
    unverified: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Organisation = z.infer<typeof OrganisationSchema>;

/**
 * `subject predicate object`: `huawei owns hisilicon`, `ezviz brand-of hikvision`,
 * `hikvision oem-for annke`, `bytedance publishes tiktok-app`, `tencent operates wechat-service`.
 */
export const Predicate = z.enum(['owns', 'controls', 'brand-of', 'oem-for', 'operates', 'publishes']);
export type Predicate = z.infer<typeof Predicate>;
export const RelationSchema = z
  .object({
    subject: recordId,
    predicate: Predicate,
    object: recordId,
    share: z.number().min(0).max(100).optional().describe('ownership share in percent'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    sources: sourceRefs,
    unverified: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Relation = z.infer<typeof RelationSchema>;

export const ModelPatternSchema = z
  .object({
    /** A JavaScript regular expression, matched case-insensitively from the start of the model string. */
    pattern: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();

/** A shared library's file name as an Android app bundles it: `lib…so`, no directory, no version suffix. */
export const NATIVE_LIBRARY_NAME = /^lib[A-Za-z0-9_.+-]+\.so$/;
const nativeLibraryName = z.string().regex(NATIVE_LIBRARY_NAME, 'a shared-library file name looks like libname.so (no directory, no version suffix)');

export const ProductSchema = z
  .object({
    id: recordId,
    kind: z.enum(['app', 'device-line', 'sdk', 'service', 'domain-set']),
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    /**
     * The organisation that makes, publishes or operates the product; omitted only when no source
     * establishes it (an app named on a blocking order whose publisher is unknown), and then the
     * record's `note` says so.
     */
    owner: recordId.optional(),
    android: z.array(z.string()).default([]),
    ios: z.array(z.string()).default([]),
    /** Java/Kotlin package prefixes of an SDK, e.g. `com.umeng`. */
    packages: z.array(z.string()).default([]),
    /** purl prefixes, e.g. `pkg:maven/com.umeng.umsdk`. */
    purls: z.array(z.string()).default([]),
    /** Domains; a domain matches itself and every name under it. */
    domains: z.array(z.string()).default([]),
    /**
     * Shared-library file names an SDK ships in apps (`libBugly.so`), matched case-insensitively.
     * A name belongs to one product only.
     */
    nativeLibraries: z.array(nativeLibraryName).default([]),
    models: z.array(ModelPatternSchema).default([]),
    confidence: z.enum(['high', 'medium', 'low']).default('high'),
    sources: sourceRefs,
    unverified: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Product = z.infer<typeof ProductSchema>;

export const GroupFileSchema = z
  .object({
    group: z
      .object({ id: recordId, name: z.string(), note: z.string().optional() })
      .strict(),
    organisations: z.array(OrganisationSchema).default([]),
    relations: z.array(RelationSchema).default([]),
    products: z.array(ProductSchema).default([]),
  })
  .strict();
export type GroupFile = z.infer<typeof GroupFileSchema>;

export const TimelineStatus = z.enum([
  'announced',
  'threatened',
  'considered',
  'proposed',
  'signed',
  'effective',
  'enjoined',
  'revoked',
  'expired',
  'superseded',
]);
export type TimelineStatus = z.infer<typeof TimelineStatus>;

export const TimelineEventSchema = z
  .object({
    date: isoDate,
    status: TimelineStatus,
    note: z.string().min(1),
    sources: sourceRefs,
    unverified: z.boolean().optional(),
  })
  .strict();
export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

/** What kind of inventory item a measure has something to say about. */
export const Facet = z.enum(['organisation', 'equipment', 'service', 'app', 'software', 'security']);
export type Facet = z.infer<typeof Facet>;

export const Severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
export type Severity = z.infer<typeof Severity>;

export const CategoryRuleSchema = z
  .object({
    id: recordId,
    description: z.string().min(1),
    /** Inventory facets the category speaks of (e.g. equipment for "foreign-produced routers"). */
    facets: z.array(Facet).min(1),
    /** Device categories the rule names, matched against an item's `category` field. */
    categories: z.array(z.string()).default([]),
    exceptions: z.array(z.string()).default([]),
    from: isoDate,
    to: isoDate.optional(),
    sources: sourceRefs,
  })
  .strict();
export type CategoryRule = z.infer<typeof CategoryRuleSchema>;

const Extent = z.enum(['listed', 'subsidiaries', 'majority-owned', 'affiliates']);

export const MeasureSchema = z
  .object({
    id: z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, 'measure ids look like <jurisdiction>-<instrument>'),
    title: z.string().min(1),
    short: z.string().min(1).describe('a short label for tables'),
    jurisdiction: z.string().regex(/^[A-Z]{2}$/),
    /** A measure of a state or province (ISO 3166-2, e.g. `US-MT`): its jurisdiction is the country. */
    subdivision: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'ISO 3166-2 code, e.g. US-MT').optional(),
    authority: z.string().min(1),
    kind: z.enum([
      'app-ban',
      'export-control',
      'procurement-ban',
      'equipment-ban',
      'investment-ban',
      'designation',
      'divestment-order',
      'framework',
      'policy',
      'device-ban',
      'network-exclusion',
      'context',
    ]),
    citations: z.array(z.object({ text: z.string(), url: z.url().optional() }).strict()).min(1),
    timeline: z.array(TimelineEventSchema).min(1),
    obliges: z.string().min(1).describe('what the measure obliges a user to do about a covered item'),
    /** How far a listing reaches through the corporate group. */
    extent: Extent,
    extentNote: z.string().optional(),
    /**
     * Later changes of the reach, oldest first: NDAA FY2024 sec. 805 extends the 1260H list to the
     * entities a listed one controls from 2027-06-30. Before the first change, `extent` applies.
     */
    extentChanges: z
      .array(z.object({ from: isoDate, extent: Extent, note: z.string().min(1), sources: sourceRefs, unverified: z.boolean().optional() }).strict())
      .default([]),
    /**
     * The measure's control test: the least ownership share, at each step from a listed owner down
     * to the item's company, at which the measure reaches a subsidiary (PAFACA: 20; OFAC's and the
     * BIS affiliates rule's 50 % rules: 50). A "controls" relation meets it; an ownership step of
     * unknown share is shown as unknown, never as met. `majority-owned` reach implies 50 without it.
     */
    control: z
      .object({ share: z.number().gt(0).max(100), test: z.string().min(1), sources: sourceRefs, unverified: z.boolean().optional() })
      .strict()
      .optional(),
    /** Qualifier that limits the measure's reach, e.g. the FCC's "to the extent used for public safety…". */
    scope: z.string().optional(),
    facets: z.array(Facet).min(1),
    severity: Severity,
    categoryRules: z.array(CategoryRuleSchema).default([]),
    /** A measure with no legal force of its own (a programme, a policy statement). */
    legalForce: z.boolean().default(true),
    sources: sourceRefs,
    note: z.string().optional(),
  })
  .strict();
export type Measure = z.infer<typeof MeasureSchema>;

export const ListingSchema = z
  .object({
    /** An organisation or product id. */
    target: recordId,
    nameAsListed: z.string().min(1),
    from: isoDate,
    /**
     * `effective` (the default): the listing took effect on `from`. `on-or-before`: the list says the
     * entry was in force by `from` but not since when (an undated entry of an official file), so on
     * earlier dates whether it was listed is unknown, which screening reports as `unconfirmed`.
     */
    dateBasis: z.enum(['effective', 'on-or-before']).optional(),
    to: isoDate.optional(),
    /** A per-listing qualifier (e.g. the FCC public-safety clause for Hikvision). */
    scope: z.string().optional(),
    sources: sourceRefs,
    unverified: z.boolean().optional(),
    note: z.string().optional(),
  })
  .strict();
export type Listing = z.infer<typeof ListingSchema>;

export const MeasureFileSchema = z
  .object({
    measure: MeasureSchema,
    listings: z.array(ListingSchema).default([]),
  })
  .strict();
export type MeasureFile = z.infer<typeof MeasureFileSchema>;

export const SourcesFileSchema = z.object({ sources: z.array(SourceSchema) }).strict();

export { WHOLE_NAME_KINDS } from './whole-name-kinds.js';

/**
 * A generated dataset: the records an importer derived from one official list file. Its
 * organisations belong to a curated group where the importer found one (`group`), otherwise to one of
 * the dataset's own groups; its listings name their measure. Curated records win: an organisation of
 * a curated file is never repeated here, and a listing a measure file already holds is left to it.
 */
export const GeneratedFileSchema = z
  .object({
    dataset: z
      .object({
        id: recordId,
        title: z.string().min(1),
        /** The file it was generated from: address, publisher's date, digest, entries read. */
        generatedFrom: z
          .object({ url: z.string().min(1), date: isoDate, sha256: z.string().regex(/^[0-9a-f]{64}$/), entries: z.number().int().nonnegative() })
          .strict(),
        note: z.string().optional(),
      })
      .strict(),
    sources: z.array(SourceSchema).default([]),
    groups: z.array(z.object({ id: recordId, name: z.string(), note: z.string().optional() }).strict()).default([]),
    organisations: z.array(OrganisationSchema.extend({ group: recordId })).default([]),
    listings: z.array(ListingSchema.extend({ measure: z.string().min(1) })).default([]),
  })
  .strict();
export type GeneratedFile = z.infer<typeof GeneratedFileSchema>;

export const ProfileSchema = z
  .object({
    id: recordId,
    title: z.string(),
    description: z.string(),
    /** Measure id → severity for this kind of user. Measures not named are not reported. */
    measures: z.record(z.string(), Severity),
    /** `hide`: no context findings (items of a listed group that the obligation does not reach). */
    context: z.enum(['show', 'hide']).optional(),
  })
  .strict();
export type Profile = z.infer<typeof ProfileSchema>;
export const ProfilesFileSchema = z.object({ profiles: z.array(ProfileSchema) }).strict();
