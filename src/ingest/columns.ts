/**
 * Deciding which column holds which field: an explicit map first, then the header text, then the
 * shape of the values in the first rows.
 */
import { FIELD_KINDS, InputError, type AssetField, type FieldKind } from '../model/item.js';

export type ColumnMap = Record<string, FieldKind | 'ignore'>;

export interface ColumnChoice {
  /** The header text, or "column N" when the table has no header row. */
  column: string;
  /** Where the column's values go; absent when the column is not screened. */
  field?: FieldKind;
  /** How the choice was made. */
  by?: 'map' | 'header' | 'content';
  /** The part of the asset's identity the column holds (by its header); also set beside `field` for a hostname. */
  asset?: AssetField;
}

/** Lower-case, without spaces, punctuation or symbols: "MAC-Address" and "mac address" agree. */
function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

const NAME_WORDS = ['supplier', 'vendor', 'manufacturer', 'make', 'brand', 'company', 'organisation', 'organization', 'publisher', 'developer', 'issuer', 'holder'];
/** The same in the languages of common ERP and asset exports (German, French, Spanish, Italian, Dutch, Polish, Russian, Japanese, Korean). */
const NAME_WORDS_ELSEWHERE = [
  'hersteller', 'lieferant', 'fabricant', 'fournisseur', 'marque', 'fabricante', 'proveedor', 'marca', 'produttore',
  'fornitore', 'fabrikant', 'leverancier', 'producent', 'dostawca', 'производитель', 'поставщик', 'メーカー', '製造元', '제조사', '공급업체',
];

const HEADER_SYNONYMS: Record<FieldKind, string[]> = {
  name: [
    'name',
    ...NAME_WORDS,
    ...NAME_WORDS.map((word) => `${word} name`),
    ...NAME_WORDS_ELSEWHERE,
    'security name',
    // MDM exports (Intune discovered apps, Jamf Pro): the publisher, and the app's display name,
    // which names the product ("WeChat", "TikTok") when no bundle id is exported.
    'application publisher',
    'app publisher',
    'application name',
    'app name',
    'application title',
    'app title',
    '供应商',
    '厂商',
    '厂家',
    '制造商',
    '品牌',
    '公司',
    '公司名称',
  ],
  mac: ['mac', 'mac address', 'macaddr', 'hw address', 'hardware address', 'physical address', 'ethernet address', 'bssid', 'mac地址'],
  host: ['host', 'hostname', 'host name', 'domain', 'domain name', 'fqdn', 'url', 'website', 'query', 'qname', 'query name', 'sni', 'server name', '域名'],
  app: ['package', 'package name', 'bundle id', 'bundle identifier', 'app id', 'application id', 'application bundle id', 'app bundle id', 'app identifier', 'application identifier'],
  purl: ['purl', 'package url'],
  package: ['java package', 'class', 'class name'],
  // A bare "library" or "lib" column may list Java or JavaScript libraries: its content decides.
  library: [
    'native library',
    'native libraries',
    'native lib',
    'shared library',
    'shared libraries',
    'shared object',
    'so file',
    'so name',
    'jni library',
    'library file',
    'library file name',
  ],
  isin: ['isin'],
  cusip: ['cusip'],
  ticker: ['ticker', 'symbol', 'ticker symbol'],
  lei: ['lei'],
  uscc: ['uscc', 'unified social credit code', '统一社会信用代码'],
  model: ['model', 'model number', 'model no', 'product model', 'device model', '型号'],
  category: ['category', 'device type', 'type', 'equipment type', '类别'],
};

const HEADER_FIELDS = new Map<string, FieldKind>(
  Object.entries(HEADER_SYNONYMS).flatMap(([field, words]) => words.map((word) => [normalizeHeader(word), field as FieldKind] as const)),
);

/** Headers of the columns that identify the asset a row describes. */
const ASSET_SYNONYMS: Record<AssetField, string[]> = {
  tag: ['asset', 'asset tag', 'asset id', 'asset number', 'asset no', 'asset tag number', 'tag', 'inventory number', 'inventory no', 'inventory id', 'property number', '资产编号', '资产标签'],
  hostname: ['hostname', 'host name', 'device name', 'computer name', 'computer', 'machine name', 'node name', 'system name', '主机名'],
  ip: ['ip', 'ip address', 'ipv4', 'ipv4 address', 'ipv6', 'ipv6 address', 'ip addr', 'management ip', 'mgmt ip', 'ip地址'],
  owner: ['owner', 'owned by', 'asset owner', 'system owner', 'business owner', 'team', 'owner team', 'department', 'business unit', 'assigned to', 'custodian', 'responsible', '负责人', '部门'],
  site: ['location', 'site', 'site name', 'building', 'office', 'facility', 'campus', 'datacenter', 'data center', 'data centre', 'room', '位置', '地点'],
  serial: ['serial', 'serial number', 'serial no', 'sn', 's/n', 'serialnumber', '序列号'],
  costCentre: ['cost centre', 'cost center', 'cost centre code', 'cost center code', 'costcentre', 'cost code', '成本中心'],
  country: ['country', 'country code', 'country name', 'country/region', 'ctry', 'iso country', 'supplier country code', 'vendor country code', 'supplier country', 'vendor country', 'manufacturer country', 'issuer country', 'country of incorporation', 'country of domicile', 'nation', 'land', 'pays', 'país', 'pais', '国家', '国家/地区'],
};

const ASSET_HEADERS = new Map<string, AssetField>(
  Object.entries(ASSET_SYNONYMS).flatMap(([asset, words]) => words.map((word) => [normalizeHeader(word), asset as AssetField] as const)),
);

/** The part of an asset's identity a header names, if any. */
export function assetForHeader(header: string): AssetField | undefined {
  return ASSET_HEADERS.get(normalizeHeader(header));
}

/**
 * Common inventory headers that are not screened. They help recognise a header row, and keep
 * free-text columns such as "Notes" from being taken for names by their content.
 */
const OTHER_HEADERS = new Set(
  [
    'id', 'serial', 'serial number', 'sn', 'asset', 'asset tag', 'location', 'site', 'owner', 'user', 'notes', 'note',
    'comment', 'comments', 'description', 'status', 'quantity', 'qty', 'count', 'price', 'cost', 'amount', 'date',
    'purchase date', 'department', 'ip', 'ip address', 'email', 'phone', 'address', 'region', 'version',
    'firmware', 'os', '备注', '数量',
    // What logs and tool exports put beside the host (Suricata's event_type, a DNS query's type and
    // answer code): words of the tool's own vocabulary, never a company's name.
    'event type', 'event', 'kind', 'action', 'level', 'severity', 'proto', 'protocol', 'method', 'rcode',
    'qtype', 'query type', 'record type', 'rrtype', 'result', 'verdict', 'direction', 'tag', 'tags',
    'qt', 'qc', 'qclass', 'query class', 'dnssec', 'response code', 'answer', 'elapsed',
    // The resolver a query went to is not the host looked up; the user or device behind it is no company.
    'upstream', 'resolver', 'upstream server', 'identity', 'identities', 'most granular identity', 'user name', 'username',
    'categories', 'destination country', 'source country', 'reasons', 'matched name', 'root domain',
  ].map(normalizeHeader),
);

/** The field a header names; plurals ("domains", "tickers", common as JSON keys) count too. */
export function fieldForHeader(header: string): FieldKind | undefined {
  const normalized = normalizeHeader(header);
  return HEADER_FIELDS.get(normalized) ?? (normalized.endsWith('s') ? HEADER_FIELDS.get(normalized.slice(0, -1)) : undefined);
}

/**
 * Titles of columns whose field their values decide ("library" may list native, Java or JavaScript
 * libraries): a first row of such titles is a header row, even in a file of one column.
 */
const CONTENT_HEADERS = new Set(
  ['library', 'libraries', 'lib', 'libs', 'dependency', 'dependencies', 'component', 'components', 'module', 'modules', 'artifact', 'item', 'items', 'value', 'values'].map(normalizeHeader),
);

export function isKnownHeader(header: string): boolean {
  const normalized = normalizeHeader(header);
  return fieldForHeader(header) !== undefined || OTHER_HEADERS.has(normalized) || ASSET_HEADERS.has(normalized) || CONTENT_HEADERS.has(normalized);
}

// ---- value shapes -------------------------------------------------------------------------------

const MAC_SHAPES = [
  /^[0-9a-f]{2}([:-])[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i, // aa:bb:cc:dd:ee:ff, aa-bb-…
  /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/i, // aabb.ccdd.eeff (Cisco)
  /^[0-9a-f]{12}$/i,
];
const ISIN_SHAPE = /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/;
const CUSIP_SHAPE = /^[0-9A-Z]{8}[0-9]$/;
const PURL_SHAPE = /^pkg:[a-z][a-z0-9.+-]*\//i;
/** A shared library's file name or path, with an optional version: libfoo.so, lib/x86/libfoo.so.1 (not the host libfoo.so.com). */
const LIBRARY_SHAPE = /^(?:[^\s/\\]*[/\\])*lib[\w+-]*(?:\.[\w+-]+)*\.so(?:\.\d+)*$/i;
const REVERSE_DNS_SHAPE = /^[a-z][a-z0-9_]*(\.[a-zA-Z0-9_]+){2,}$/;
const URL_SHAPE = /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+/i;
const HOSTNAME_SHAPE = /^(?=.{4,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}\.?$/i;
const NUMBER_SHAPE = /^[+-]?[\d.,\s]*\d[\d.,\s]*$/;

/** First labels that make "com.tencent.mm" an app id rather than a hostname. */
const REVERSE_DNS_ROOTS = new Set(['com', 'org', 'net', 'cn', 'io', 'de', 'uk', 'jp', 'kr', 'ru', 'fr', 'in', 'us', 'co', 'me', 'tv', 'app', 'dev', 'edu', 'gov', 'eu', 'info', 'hk', 'tw', 'sg']);
/** Last labels that make "us.example.com" a hostname even though it starts with a root. */
const COMMON_TLDS = new Set(['com', 'net', 'org', 'cn', 'io', 'de', 'uk', 'ru', 'jp', 'edu', 'gov', 'info']);

function isAppId(value: string): boolean {
  if (!REVERSE_DNS_SHAPE.test(value)) return false;
  const labels = value.split('.');
  if (value.includes('_')) return true;
  return REVERSE_DNS_ROOTS.has(labels[0] ?? '') && !COMMON_TLDS.has(labels[labels.length - 1] ?? '');
}

/** CUSIP check digit (modulus 10, double-add-double), so that arbitrary 9-digit numbers rarely pass. */
function isCusip(value: string): boolean {
  if (!CUSIP_SHAPE.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const char = value[i] ?? '0';
    let digit = /[0-9]/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    if (i % 2 === 1) digit *= 2;
    sum += Math.floor(digit / 10) + (digit % 10);
  }
  return (10 - (sum % 10)) % 10 === Number(value[8]);
}

/** Kinds whose shape a single value has. Free text and numbers have none. */
export function valueShapes(value: string): FieldKind[] {
  const shapes: FieldKind[] = [];
  if (MAC_SHAPES.some((shape) => shape.test(value))) shapes.push('mac');
  if (ISIN_SHAPE.test(value)) shapes.push('isin');
  if (isCusip(value)) shapes.push('cusip');
  if (PURL_SHAPE.test(value)) shapes.push('purl');
  else if (LIBRARY_SHAPE.test(value)) shapes.push('library');
  else if (isAppId(value)) shapes.push('app');
  else if (URL_SHAPE.test(value) || HOSTNAME_SHAPE.test(value)) shapes.push('host');
  return shapes;
}

const BOOLEAN_WORD = /^(?:true|false|yes|no)$/i;

/** Letters make up most of it: "Huawei Technologies Co., Ltd." but not "DS-2CD2143G0" or "SN1234"; never a yes or no. */
function isNameLike(value: string): boolean {
  if (BOOLEAN_WORD.test(value)) return false;
  const letters = value.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 2 && letters * 2 >= value.replace(/\s/g, '').length && valueShapes(value).length === 0;
}

/** The share of values that must agree before a column's content decides its field. */
const CONTENT_AGREEMENT = 0.8;

function shapeOfColumn(values: string[]): FieldKind | undefined {
  if (values.length === 0) return undefined;
  const counts = new Map<FieldKind, number>();
  for (const value of values) for (const shape of valueShapes(value)) counts.set(shape, (counts.get(shape) ?? 0) + 1);
  let best: FieldKind | undefined;
  let bestCount = 0;
  for (const [shape, count] of counts) {
    if (count > bestCount) {
      best = shape;
      bestCount = count;
    }
  }
  return bestCount >= values.length * CONTENT_AGREEMENT ? best : undefined;
}

function isNameColumn(values: string[]): boolean {
  return values.length > 0 && values.filter(isNameLike).length >= values.length * CONTENT_AGREEMENT;
}

// ---- header row ---------------------------------------------------------------------------------

/**
 * Whether the first row of a positional table is a header. A known header word or map key says
 * yes; a value with a recognisable shape (a MAC, a hostname) or a number says no. A single column
 * of unknown text is taken as data (a plain list of names); otherwise a header is assumed.
 */
export function isHeaderRow(firstRow: string[], width: number, map: ColumnMap | undefined): boolean {
  const cells = firstRow.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const mapKeys = new Set(Object.keys(map ?? {}).map(normalizeHeader));
  if (cells.some((cell) => isKnownHeader(cell) || mapKeys.has(normalizeHeader(cell)))) return true;
  if (cells.some((cell) => valueShapes(cell).length > 0 || NUMBER_SHAPE.test(cell))) return false;
  return width > 1;
}

// ---- choosing fields ----------------------------------------------------------------------------

/**
 * Chooses a field for each column. `samples[i]` holds the trimmed, non-empty values of column i in
 * the first rows. `hasHeader` is false when the column names are just "column N". Map keys that
 * name no column are returned, for the caller to report.
 */
export function chooseFields(
  file: string,
  columns: string[],
  samples: string[][],
  hasHeader: boolean,
  map: ColumnMap | undefined,
): { choices: ColumnChoice[]; unmatchedMapKeys: string[] } {
  const { byIndex, unmatched } = resolveMap(file, columns, map);
  const isOtherHeader = (column: string) => hasHeader && (OTHER_HEADERS.has(normalizeHeader(column)) || ASSET_HEADERS.has(normalizeHeader(column)));
  const choices: ColumnChoice[] = columns.map((column, index) => {
    const asset = hasHeader ? assetForHeader(column) : undefined;
    const withAsset = (choice: ColumnChoice): ColumnChoice => (asset ? { ...choice, asset } : choice);
    const explicit = byIndex.get(index);
    if (explicit) return withAsset(explicit === 'ignore' ? { column, by: 'map' } : { column, field: explicit, by: 'map' });
    const byHeader = hasHeader ? fieldForHeader(column) : undefined;
    if (byHeader) return withAsset({ column, field: byHeader, by: 'header' });
    if (isOtherHeader(column)) return withAsset({ column });
    const byContent = shapeOfColumn(samples[index] ?? []);
    return byContent ? { column, field: byContent, by: 'content' } : { column };
  });
  // Free text is only taken for names when nothing else gives names, and from one column only:
  // an inventory usually has several text columns and only one of them names the company.
  if (!choices.some((choice) => choice.field === 'name')) {
    const nameChoice = choices.find(
      (choice, index) => choice.by === undefined && !isOtherHeader(choice.column) && isNameColumn(samples[index] ?? []),
    );
    if (nameChoice) Object.assign(nameChoice, { field: 'name', by: 'content' });
  }
  return { choices, unmatchedMapKeys: unmatched };
}

/** The map's entries by column index, and the keys that name no column. Every value must be a field. */
function resolveMap(file: string, columns: string[], map: ColumnMap | undefined) {
  const byIndex = new Map<number, FieldKind | 'ignore'>();
  const unmatched: string[] = [];
  for (const [key, field] of Object.entries(map ?? {})) {
    if (field !== 'ignore' && !(FIELD_KINDS as readonly string[]).includes(field)) {
      throw new InputError(file, `--map ${key}=${field}: unknown field "${field}"; the fields are ${FIELD_KINDS.join(', ')} (or ignore)`);
    }
    const indexes = columnsNamed(key, columns);
    if (indexes.length === 0) unmatched.push(key);
    for (const index of indexes) byIndex.set(index, field);
  }
  return { byIndex, unmatched };
}

/** Columns a map key names: by exact header, by normalized header, or by 1-based position. */
function columnsNamed(key: string, columns: string[]): number[] {
  const exact = columns.flatMap((column, index) => (column === key ? [index] : []));
  if (exact.length > 0) return exact;
  const normalized = columns.flatMap((column, index) => (normalizeHeader(column) === normalizeHeader(key) ? [index] : []));
  if (normalized.length > 0) return normalized;
  const position = /^\d+$/.test(key.trim()) ? Number(key) : 0;
  return position >= 1 && position <= columns.length ? [position - 1] : [];
}

/** For a key first seen after the sampled rows (JSON): the header says whether it is part of the asset's identity. */
export function assetForLateColumn(column: string): AssetField | undefined {
  return assetForHeader(column);
}

/** For a key first seen after the sampled rows (JSON): the map or the header decides, never content. */
export function fieldForLateColumn(column: string, map: ColumnMap | undefined): FieldKind | undefined {
  for (const [key, field] of Object.entries(map ?? {})) {
    if (key === column || normalizeHeader(key) === normalizeHeader(column)) return field === 'ignore' ? undefined : field;
  }
  return fieldForHeader(column);
}
