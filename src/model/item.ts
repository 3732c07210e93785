/**
 * Inventory items: what an input row becomes after ingest, before matching.
 * A row may carry several fields (a device row: vendor name, MAC and model); each is screened.
 */

/** The fields Covered understands. Column names are mapped onto these by header and content. */
export const FIELD_KINDS = [
  'name', // supplier / vendor / manufacturer / company / publisher / issuer name
  'mac', // MAC address of a device
  'host', // hostname, domain or URL
  'app', // Android package name or iOS bundle id
  'purl', // package URL of a software component
  'package', // Java/Kotlin package or class name of an SDK
  'library', // native shared-library file name an app bundles, e.g. libBugly.so
  'isin',
  'cusip',
  'ticker',
  'lei',
  'uscc',
  'model', // device model string
  'category', // device or equipment category, e.g. "router", "camera"
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/**
 * What identifies the asset a row describes — not screened, but carried with the row into every
 * report, so that a finding names the switch (its tag, host, owner, site) and not only its vendor.
 * The row's country (of its supplier, vendor or issuer) is carried likewise, and is also evidence
 * against a name match to an official list's party of another country.
 */
export const ASSET_FIELDS = ['tag', 'hostname', 'ip', 'owner', 'site', 'serial', 'costCentre', 'country'] as const;
export type AssetField = (typeof ASSET_FIELDS)[number];
export type AssetIdentity = Partial<Record<AssetField, string>>;

/** Labels for reports and column headers. */
export const ASSET_LABELS: Record<AssetField, string> = { tag: 'asset tag', hostname: 'hostname', ip: 'IP', owner: 'owner', site: 'site', serial: 'serial number', costCentre: 'cost centre', country: 'country' };

/** "SW-0042 · core-sw1 · Network team · Berlin": the identity in one line, in field order. */
export function describeAsset(asset: AssetIdentity | undefined): string {
  return asset ? ASSET_FIELDS.flatMap((f) => (asset[f] ? [asset[f]] : [])).join(' · ') : '';
}

export interface Origin {
  /** The file as the user named it (`-` for standard input). */
  file: string;
  /** 1-based physical line; for CSV the header is line 1. For XLSX, the sheet row number. */
  line: number;
  /** XLSX only: the worksheet the row came from. */
  sheet?: string;
}

export interface InventoryItem {
  origin: Origin;
  /** Mapped fields; a field with several values (e.g. two hosts) lists them all. */
  fields: Partial<Record<FieldKind, string[]>>;
  /** An item's own label for reports: the first of name, host, app, model … that is present. */
  label: string;
  /** The asset the row describes, from its asset columns; absent when the table has none. */
  asset?: AssetIdentity;
}

/** A row that could not be read at all (wrong column count, broken JSON line …). */
export interface RejectedRow {
  origin: Origin;
  error: string;
  /** The asset the row describes, when it could be read (a row with only asset columns). */
  asset?: AssetIdentity;
}

/** One look-up in a log (a DNS query, a proxy request, a TLS server name): who asked for which host, when. */
export interface Sighting {
  line: number;
  host: string;
  /** The asking client (IP address or name), when the log records it. */
  client?: string;
  /** The log's timestamp as written there. */
  time?: string;
}

export type IngestRecord =
  | { kind: 'item'; item: InventoryItem }
  | { kind: 'rejected'; row: RejectedRow }
  /**
   * Logs: a chunk of sightings, screened per distinct host and aggregated, not one result per line.
   * `seen` counts further lines whose host the reader was told it need not keep.
   */
  | { kind: 'sightings'; file: string; sightings: Sighting[]; isoTime?: (raw: string) => string; seen: number };

/** A problem with the file as a whole that stops it being read (empty, binary, unknown format). */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'InputError';
  }
}
