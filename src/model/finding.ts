/**
 * The screening result contract: what `covered scan --format json` prints and the API returns.
 * Documented in docs/json-output.md; change it only with a new `schemaVersion`.
 */
import type { Severity, TimelineStatus } from './kb.js';
import type { AssetIdentity, FieldKind, Origin } from './item.js';
import type { Evidence, Method } from './evidence.js';

/** in-force: obligations apply; pending: signed, not yet effective; watch: threatened or proposed;
 * historical: enjoined, revoked, expired, superseded, or the listing was removed; unconfirmed: the
 * listing is known only to have started on or before a later date, so on this date it may or may
 * not have been in force. */
export type State = 'in-force' | 'pending' | 'watch' | 'historical' | 'unconfirmed';

export interface EntitySummary {
  id: string;
  name: string;
  /** A category rule of a measure (e.g. the FCC's foreign-produced routers) rather than a listed entity. */
  kind: 'organisation' | 'product' | 'category';
}

export interface PathStep {
  from: EntitySummary;
  /** Read "from <relation> to", e.g. "TikTok product of ByteDance". Downward steps read "from owns to". */
  relation: string;
  to: EntitySummary;
  share?: number;
  since?: string;
  until?: string;
  sources: string[];
}

export interface Citation {
  text: string;
  url?: string;
}

export interface Finding {
  measure: {
    id: string;
    title: string;
    short: string;
    jurisdiction: string;
    kind: string;
    legalForce: boolean;
  };
  /**
   * `obligation`: the measure obliges something about this item. `context`: the item belongs to a
   * listed group, but the measure's obligation is not about this kind of item, reaches it only
   * later, or does not reach this member of the group (`context` says which); such findings are at
   * `info` severity.
   */
  role: 'obligation' | 'context';
  context?: { reason: 'facet' | 'reach-later' | 'share-unknown' | 'outside-reach'; note: string; from?: string };
  /** The measure's control test along the path (PAFACA 20 %, the 50 % rules …), when it has one. */
  control?: { test: string; share: number; result: 'met' | 'unknown' | 'not met'; unknown?: string[] };
  /** The listed organisation or product the item leads to. */
  subject: EntitySummary;
  /** `dateBasis: on-or-before`: the list says the entry was in force by `from`, not since when. */
  listing: { nameAsListed: string; from: string; dateBasis?: 'on-or-before'; to?: string; scope?: string };
  state: State;
  /** The timeline status behind the state (e.g. enjoined), its date and what comes next. */
  status: {
    status: TimelineStatus | 'delisted' | 'listed-on-or-before';
    date: string;
    note: string;
    next?: { status: TimelineStatus; date: string };
    /**
     * The measure's events that matter to this listing (its changes of force, its first taking
     * effect, the listing's own addition), oldest first; `future` marks those after the as-of date.
     */
    events?: { date: string; status: TimelineStatus; future?: true }[];
  };
  severity: Severity;
  confidence: number;
  /** How the item's value was matched to the first entity of the path. */
  match: { field: FieldKind; value: string; method: Method; entity: EntitySummary };
  /** Relation steps from the matched entity to the listed subject; empty when they are the same. */
  path: PathStep[];
  kinship: 'self' | 'own-product' | 'subsidiary' | 'presumed-subsidiary' | 'parent' | 'affiliate' | 'category';
  evidence: Evidence[];
  citations: Citation[];
  obligation: string;
  /** Qualifiers that limit the measure's reach for this subject (e.g. the FCC public-safety clause). */
  scope?: string;
  /** For category rules: what takes an item out of the category. */
  exceptions?: string[];
  /** Facts along the way that rest on unverified sources. */
  unverified?: string[];
}

export interface FieldNote {
  field: FieldKind;
  value: string;
  message: string;
}

export interface ItemResult {
  origin: Origin;
  label: string;
  /** The asset the row describes (asset tag, hostname, IP, owner, site, serial number, cost centre), when the input has such columns. */
  asset?: AssetIdentity;
  status: 'screened' | 'rejected';
  /** Why a rejected row could not be screened. */
  error?: string;
  /** Values in a screened row that were malformed or could not be attributed. */
  warnings?: FieldNote[];
  findings: Finding[];
  /** Logs only: this result stands for every line that named this host for this client. */
  occurrences?: Occurrences;
}

/** How often, by whom and when a host was seen in a log (logs are aggregated, not one result per line). */
export interface Occurrences {
  /** Lines that named this host for this client. */
  count: number;
  /** The asking client (IP address or name), when the log records it. */
  client?: string;
  /** First and last time seen: ISO 8601 where the log's notation allows (syslog stamps have no year, and stay as written). */
  firstSeen?: string;
  lastSeen?: string;
  /** Line of the last sighting; the result's origin is the first. */
  lastLine: number;
}

export interface ScanSummary {
  rowsRead: number;
  screened: number;
  rejected: number;
  withFindings: number;
  findings: number;
  byState: Record<string, number>;
  bySeverity: Record<string, number>;
  byMeasure: Record<string, number>;
}

export interface ScanReport {
  schemaVersion: 1;
  tool: { name: 'covered'; version: string };
  kb: { version: string; hash: string };
  asOf: string;
  profile: { id: string; title: string };
  includeHistorical: boolean;
  inputs: { file: string; format?: string; columns?: Record<string, string> }[];
  summary: ScanSummary;
  results: ItemResult[];
}
