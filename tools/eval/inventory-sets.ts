/**
 * Row-level evaluation sets: inventories written from third-party material (the staged data
 * directory: v2fly domain lists, dnsmasq-china-list, the IEEE OUI registry, the trade.gov
 * Consolidated Screening List, OFAC's non-SDN list, community app lists, X-Ray's company domains),
 * each row labelled from that material and never from the knowledge base. `eval-inventory.ts`
 * writes them as files, runs the scanner on them and scores the rows; the rules are in
 * docs/matching.md ("Row-level evaluation on inventories").
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export type Kind = 'dns' | 'hosts' | 'devices' | 'apps' | 'suppliers' | 'holdings';
export const KINDS: Kind[] = ['dns', 'hosts', 'devices', 'apps', 'suppliers', 'holdings'];

export interface EvalRow {
  kind: Kind;
  /** What the split is drawn from and what a row is reported as. */
  key: string;
  split: 'dev' | 'test';
  /** Where the label comes from, e.g. `v2fly:tencent`, `oui:non-cn`, `csl:EL`. */
  category: string;
  positive: boolean;
  /** Knowledge-base group ids whose finding makes the row a hit (a translation of the source's company name into the project's ids). */
  expectGroups: string[];
  /** Names as listed (lower case): a finding whose listing bears one of them is a hit. */
  expectNames: string[];
  /** The source says only "restricted", not by whom: any finding is a hit. */
  expectAny?: boolean;
  /** The file line (1-based) the row is written on. */
  line: number;
}

export interface Inventory {
  kind: Kind;
  file: string;
  content: string;
  rows: EvalRow[];
}

export function splitOf(key: string): 'dev' | 'test' {
  return createHash('sha256').update(key).digest()[0]! % 2 === 0 ? 'dev' : 'test';
}
const h = (key: string, salt = '') => createHash('sha256').update(salt + key).digest();
/** A deterministic sample of `n` from `items`, ordered by a hash of their key. */
function sample<T>(items: T[], n: number, key: (t: T) => string, salt: string): T[] {
  return items
    .map((t) => ({ t, k: h(key(t), salt).toString('hex') }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, n)
    .map((x) => x.t);
}

// ---------------------------------------------------------------------------------------------
// Companies: which source lists name them, and whether the staged restriction lists do.

interface Company {
  /** The knowledge base's group id for this company (only a translation of the name). */
  group: string;
  /** The company's names as they appear in the staged restriction lists. */
  terms: RegExp;
  /** v2fly lists that are this company's (their includes follow). */
  v2fly?: string[];
  /** IEEE registrant names of this company. */
  oui?: RegExp;
  /** A restriction that exists as law but not as staged data, with its citation. */
  law?: string;
}

/** Companies whose domains, MAC prefixes or apps the sets label as positive when a staged list restricts them as of the date. */
export const COMPANIES: Company[] = [
  { group: 'huawei', terms: /\bhuawei\b/i, v2fly: ['huawei'], oui: /\bhuawei\b/i },
  { group: 'zte', terms: /\bzte\b/i, v2fly: ['zte'], oui: /\bzte\b/i },
  { group: 'hikvision', terms: /\bhikvision\b/i, v2fly: ['hikvision'], oui: /\bhikvision\b/i },
  { group: 'dahua', terms: /\bdahua technology\b/i, oui: /zhejiang dahua|dahua technology/i },
  { group: 'hytera', terms: /\bhytera\b/i, oui: /\bhytera\b/i },
  { group: 'dji', terms: /\bdji\b/i, v2fly: ['dji'], oui: /\bdji\b/i },
  { group: 'kaspersky', terms: /\bkaspersky\b/i, v2fly: ['kaspersky'] },
  { group: 'china-mobile', terms: /\bchina mobile\b/i, v2fly: ['chinamobile'] },
  { group: 'china-telecom', terms: /\bchina telecom\b/i, v2fly: ['chinatelecom'] },
  { group: 'china-unicom', terms: /\bchina unicom\b|china united network/i, v2fly: ['chinaunicom'] },
  { group: 'tencent', terms: /\btencent\b/i, v2fly: ['tencent'] },
  { group: 'alibaba', terms: /\balibaba group\b/i, v2fly: ['alibaba'] },
  { group: 'baidu', terms: /\bbaidu,? inc\b/i, v2fly: ['baidu'] },
  { group: 'iflytek', terms: /\biflytek\b/i, v2fly: ['iflytek'] },
  {
    group: 'bytedance',
    terms: /\bbytedance\b/i,
    v2fly: ['bytedance'],
    law: 'Protecting Americans from Foreign Adversary Controlled Applications Act, Pub. L. 118-50 div. H sec. 2(g)(3)(A) (ByteDance, Ltd.; TikTok)',
  },
];

/**
 * v2fly lists of Chinese companies that no staged restriction list names (checked below against
 * the same lists) and none of whose apps is on the community list of banned apps: their hosts are
 * hard negatives. Lists of companies whose apps India banned (Xiaomi, Kuaishou, Meitu, Kingsoft,
 * NetEase, Sina, Intsig, Lenovo's former SHAREit) and China Tower (owned by the three listed
 * carriers) are left out: neither positive nor negative; so is Pinduoduo (PDD Holdings), which no
 * staged list names but Texas's prohibited-technology list has named since its 2026-01-26 update.
 */
export const UNLISTED_CN_V2FLY: Record<string, RegExp> = {
  bilibili: /\bbilibili\b/i,
  didi: /\bdidi\b/i,
  iqiyi: /\biqiyi\b/i,
  jd: /\bjd\.com\b|jingdong/i,
  meituan: /\bmeituan\b/i,
  zhihu: /\bzhihu\b/i,
  oppo: /\boppo\b|\boneplus\b/i,
  vivo: /\bvivo mobile\b/i,
  chinabroadnet: /china broadcasting network|china broadnet/i,
};

// ---------------------------------------------------------------------------------------------
// Staged material

export interface Sources {
  dir: string;
  /** 1260H rows: name fields and dates. */
  milcorps: { names: string[]; start: string; end: string }[];
  /** FCC Covered List entries: text and date of inclusion. */
  fcc: { text: string; date: string }[];
  csl: { n: string; a?: string[]; s: number; t?: string | null; c?: string[]; e?: string | null }[];
  cslSources: string[];
}

export function loadSources(dir: string): Sources {
  const os = join(dir, 'opensanctions-us');
  const milcorps = (parse(readFileSync(join(os, 'dod_chinese_milcorps__sanctions.csv')), { columns: true, bom: true }) as Record<string, string>[]).map((r) => ({
    names: [r['Name'], r['Clean Name'], r['Alias'], r['Previous Name']].filter((x): x is string => !!x),
    start: r['Start date'] ?? '',
    end: r['End date'] ?? '',
  }));
  const fcc = (parse(readFileSync(join(os, 'fcc_covered_list__table.csv')), { columns: true, bom: true, relax_quotes: true }) as Record<string, string>[]).map((r) => ({
    text: r['covered_equipment_or_services'] ?? '',
    date: new Date(`${/^[A-Za-z]+ \d+, \d{4}/.exec(r['date_of_inclusion_on_covered_list'] ?? '')?.[0] ?? '9999'} UTC`).toISOString().slice(0, 10),
  }));
  const cslFile = JSON.parse(readFileSync(join(dir, 'csl-2026-07', 'screening-list.json'), 'utf8')) as { entries: Sources['csl']; tables: { sources: string[] } };
  return { dir, milcorps, fcc, csl: cslFile.entries, cslSources: cslFile.tables.sources };
}

const RESTRICTING_CSL = /Entity List|Military End User|Chinese Military-Industrial|Specially Designated Nationals/;

/** Where the staged restriction lists name a company as of a date (empty: they do not). */
export function restrictionEvidence(src: Sources, terms: RegExp, asOf: string, law?: string): string[] {
  const out: string[] = [];
  for (const r of src.milcorps) {
    if (r.start && r.start <= asOf && (!r.end || r.end > asOf) && r.names.some((n) => terms.test(n))) out.push(`1260H ${r.start}: ${r.names[0]}`);
  }
  for (const r of src.fcc) if (r.date <= asOf && terms.test(r.text)) out.push(`FCC Covered List ${r.date}`);
  for (const e of src.csl) {
    const list = src.cslSources[e.s] ?? '';
    if (RESTRICTING_CSL.test(list) && [e.n, ...(e.a ?? [])].some((n) => terms.test(n))) out.push(`CSL ${list.replace(/ -.*/, '')}: ${e.n}`);
  }
  if (law) out.push(law);
  return [...new Set(out)];
}

// ---------------------------------------------------------------------------------------------
// v2fly domain lists

interface V2flyList { domains: string[]; full: string[]; includes: string[] }

function readV2fly(dir: string): Map<string, V2flyList> {
  const base = join(dir, 'domains-v2fly', 'data');
  const lists = new Map<string, V2flyList>();
  for (const name of readdirSync(base)) {
    const list: V2flyList = { domains: [], full: [], includes: [] };
    for (const raw of readFileSync(join(base, name), 'utf8').split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      if (!line) continue;
      const [value] = line.split(/\s+/) as [string];
      if (value.startsWith('include:')) list.includes.push(value.slice(8));
      else if (value.startsWith('full:')) list.full.push(value.slice(5).toLowerCase());
      else if (value.startsWith('domain:')) list.domains.push(value.slice(7).toLowerCase());
      else if (!value.includes(':')) list.domains.push(value.toLowerCase());
      // regexp: and keyword: entries name no host
    }
    lists.set(name, list);
  }
  return lists;
}

/** A list's hosts, its includes followed; `from` names the list each came from. */
function expandV2fly(lists: Map<string, V2flyList>, name: string, seen = new Set<string>()): { domains: string[]; full: string[]; from: Map<string, string> } {
  const out = { domains: [] as string[], full: [] as string[], from: new Map<string, string>() };
  if (seen.has(name)) return out;
  seen.add(name);
  const list = lists.get(name);
  if (!list) return out;
  out.domains.push(...list.domains);
  out.full.push(...list.full);
  for (const d of [...list.domains, ...list.full]) out.from.set(d, name);
  for (const inc of list.includes) {
    const sub = expandV2fly(lists, inc, seen);
    out.domains.push(...sub.domains);
    out.full.push(...sub.full);
    for (const [d, f] of sub.from) if (!out.from.has(d)) out.from.set(d, f);
  }
  return out;
}

/**
 * Hosts a company's v2fly list files under it although the company only holds shares in their
 * owner: Ant Group's (Alibaba holds about a third), Ximalaya's (filed under Tencent Music),
 * Zuoyebang's (filed under Baidu). They are left out: neither positive nor negative.
 */
export const V2FLY_NOT_CONTROLLED: RegExp = /(^|\.)(alipay[a-z0-9-]*\.[a-z.]+|antgroup[a-z-]*\.[a-z.]+|antfin\.com|antfortune\.com|ximalaya\.com|xmcdn\.com|zuoyebang\.(com|cc)|zybang\.com)$/;

function under(host: string, domains: ReadonlySet<string>): boolean {
  for (let d = host; d; ) {
    if (domains.has(d)) return true;
    const dot = d.indexOf('.');
    if (dot < 0) return false;
    d = d.slice(dot + 1);
  }
  return false;
}

const SUBDOMAINS = ['', 'www.', 'api.', 'cdn.', 'img.', 'static.', 'log.', 'm.'];

function bindLine(i: number, host: string, client: string): string {
  const s = String(i % 60).padStart(2, '0');
  const m = String(Math.floor(i / 60) % 60).padStart(2, '0');
  const hh = String(Math.floor(i / 3600) % 24).padStart(2, '0');
  return `01-Dec-2026 ${hh}:${m}:${s}.${String(i % 1000).padStart(3, '0')} queries: info: client @0x7f3a1c0a2b68 ${client}#${40000 + (i % 20000)} (${host}): query: ${host} IN A +E(0)K (192.0.2.1)`;
}

export interface BuildOptions {
  asOf: string;
  /** Most rows per source category (a test run takes a few). */
  perCategory?: number;
}

function dnsInventory(src: Sources, opts: BuildOptions, labels: CompanyLabels): Inventory {
  const lists = readV2fly(src.dir);
  const cap = opts.perCategory ?? 400;
  type Cand = { host: string; category: string; positive: boolean; groups: string[] };
  const cands: Cand[] = [];
  const positiveDomains = new Set<string>();
  const anyListed = new Set<string>();
  for (const name of lists.keys()) {
    const e = expandV2fly(lists, name);
    for (const d of [...e.domains, ...e.full]) anyListed.add(d);
  }
  const hostsOf = (list: string, salt: string) => {
    const e = expandV2fly(lists, list);
    return [...new Set(e.domains)]
      .map((d) => ({ host: `${SUBDOMAINS[h(d, salt)[1]! % SUBDOMAINS.length]!}${d}`, from: e.from.get(d) ?? list }))
      .concat([...new Set(e.full)].map((d) => ({ host: d, from: e.from.get(d) ?? list })))
      .filter((x) => !V2FLY_NOT_CONTROLLED.test(x.host));
  };
  for (const c of COMPANIES) {
    if (!c.v2fly || !labels.restricted.has(c.group)) continue;
    for (const list of c.v2fly) {
      const e = expandV2fly(lists, list);
      for (const d of [...e.domains, ...e.full]) positiveDomains.add(d);
      const hosts = sample(hostsOf(list, 'dns'), cap, (x) => x.host, 'dns');
      for (const x of hosts) cands.push({ host: x.host, category: `v2fly:${list}${x.from === list ? '' : `/${x.from}`}`, positive: true, groups: [c.group] });
    }
  }
  for (const [list, terms] of Object.entries(UNLISTED_CN_V2FLY)) {
    if (restrictionEvidence(src, terms, opts.asOf).length > 0) continue;
    const hosts = hostsOf(list, 'dns').filter((x) => !under(x.host, positiveDomains));
    for (const x of sample(hosts, Math.ceil(cap / 4), (x) => x.host, 'dns')) cands.push({ host: x.host, category: `v2fly-unlisted:${list}`, positive: false, groups: [] });
  }
  // dnsmasq-china-list: domains served from mainland China that no v2fly list assigns to a company.
  const china = readFileSync(join(src.dir, 'dnsmasq-china-list', 'accelerated-domains.china.conf'), 'utf8')
    .split('\n')
    .map((l) => /^server=\/([^/]+)\//.exec(l)?.[1]?.toLowerCase())
    .filter((d): d is string => !!d && !under(d, anyListed));
  for (const d of sample(china, cap * 2, (x) => x, 'dnsmasq')) {
    const sub = SUBDOMAINS[h(d, 'dns')[1]! % SUBDOMAINS.length]!;
    cands.push({ host: `${sub}${d}`, category: 'dnsmasq-china-list', positive: false, groups: [] });
  }
  // X-Ray: tracker domains of companies of other countries (not China, not Russia) and of no listed company's family.
  const xray = JSON.parse(readFileSync(join(src.dir, 'trackers-exodus', 'xray-blacklist.json'), 'utf8')) as { country: string; doms: string[]; owner_name: string; parent: string | null; root_parent: string | null }[];
  const allTerms = COMPANIES.map((c) => c.terms);
  const xrayHosts: string[] = [];
  for (const x of xray) {
    if (!x.country || ['cn', 'hk', 'mo', 'ru'].includes(x.country)) continue;
    const owners = [x.owner_name, x.parent, x.root_parent].filter((n): n is string => !!n);
    if (owners.some((n) => allTerms.some((t) => t.test(n)))) continue;
    for (const d of x.doms) if (!under(d.toLowerCase(), anyListed)) xrayHosts.push(d.toLowerCase());
  }
  for (const d of sample([...new Set(xrayHosts)], cap, (x) => x, 'xray')) cands.push({ host: d, category: 'xray-non-cn', positive: false, groups: [] });

  // One line per host, each from its own client; hosts seen twice keep the first label.
  const seen = new Set<string>();
  const rows: EvalRow[] = [];
  const lines: string[] = [];
  for (const c of sample(cands, cands.length, (x) => `${x.category}|${x.host}`, 'order')) {
    if (seen.has(c.host)) continue;
    seen.add(c.host);
    const line = lines.length + 1;
    const client = `10.${(line >> 16) & 255}.${(line >> 8) & 255}.${line & 255}`;
    lines.push(bindLine(line, c.host, client));
    rows.push({ kind: 'dns', key: c.host, split: splitOf(c.host), category: c.category, positive: c.positive, expectGroups: c.groups, expectNames: [], line });
  }
  return { kind: 'dns', file: 'dns-query.log', content: `${lines.join('\n')}\n`, rows };
}

// ---------------------------------------------------------------------------------------------
// Devices: MACs from the IEEE registry

const require = createRequire(import.meta.url);
function ouiRegistry(src: Sources): Record<string, string> {
  const staged = join(src.dir, 'ieee-oui', 'index.json');
  return JSON.parse(readFileSync(existsSync(staged) ? staged : require.resolve('oui-data'), 'utf8')) as Record<string, string>;
}

const CHINA = new Set(['China', 'Hong Kong SAR China', 'Macao SAR China', 'Hong Kong', 'Macau', 'Russia', 'Belarus', 'Iran', 'North Korea', 'Syria']);

function registrantCountry(value: string): string {
  const lines = value.split('\n');
  return lines.length > 1 ? lines[lines.length - 1]!.trim() : '';
}

function macFrom(prefix: string, key: string): string {
  const hex = (prefix + h(key, 'mac').toString('hex')).slice(0, 12).toUpperCase();
  const pairs = hex.match(/../g)!;
  switch (h(key, 'fmt')[0]! % 4) {
    case 0: return pairs.join(':').toLowerCase();
    case 1: return pairs.join('-');
    case 2: return `${hex.slice(0, 4)}.${hex.slice(4, 8)}.${hex.slice(8)}`.toLowerCase();
    default: return pairs.join(':');
  }
}

function devicesInventory(src: Sources, opts: BuildOptions, labels: CompanyLabels): Inventory {
  const oui = ouiRegistry(src);
  const cap = opts.perCategory ?? 400;
  const entries = Object.entries(oui).map(([prefix, v]) => ({ prefix, org: v.split('\n')[0]!.trim(), country: registrantCountry(v) }));
  type Cand = { prefix: string; category: string; positive: boolean; groups: string[] };
  const cands: Cand[] = [];
  const companyOf = (org: string) => COMPANIES.find((c) => c.oui?.test(org));
  for (const c of COMPANIES) {
    if (!c.oui || !labels.restricted.has(c.group)) continue;
    const mine = entries.filter((e) => c.oui!.test(e.org));
    for (const e of sample(mine, cap, (x) => x.prefix, 'oui')) cands.push({ prefix: e.prefix, category: `oui:${c.group}`, positive: true, groups: [c.group] });
  }
  // Negatives: registrants outside China (and the other listed countries' usual addresses) that are no company above.
  const others = entries.filter((e) => e.country && !CHINA.has(e.country) && !companyOf(e.org) && !/huawei|\bzte\b|hikvision|dahua|hytera|\bdji\b|kaspersky|futurewei|honor device/i.test(e.org));
  for (const e of sample(others, cap * 3, (x) => x.prefix, 'oui-neg')) cands.push({ prefix: e.prefix, category: 'oui:non-cn', positive: false, groups: [] });

  const rows: EvalRow[] = [];
  const lines = ['Asset Tag,Hostname,IP Address,MAC Address,Site'];
  for (const c of sample(cands, cands.length, (x) => x.prefix, 'order')) {
    const line = lines.length + 1;
    const mac = macFrom(c.prefix, c.prefix);
    lines.push(`AST-${String(line).padStart(5, '0')},host-${line},10.20.${(line >> 8) & 255}.${line & 255},${mac},${['HQ', 'Plant 2', 'Branch'][line % 3]}`);
    rows.push({ kind: 'devices', key: c.prefix, split: splitOf(c.prefix), category: c.category, positive: c.positive, expectGroups: c.groups, expectNames: [], line });
  }
  return { kind: 'devices', file: 'devices.csv', content: `${lines.join('\n')}\n`, rows };
}

// ---------------------------------------------------------------------------------------------
// Apps: iOS bundle ids (publisher from Apple's lookup) and the community list of banned Android apps

/** The company behind an iOS bundle id: its reversed domain in a v2fly company list, else the publisher named in the source. */
const IOS_PUBLISHER_COMPANY: [RegExp, string][] = [
  [/^Tencent Technology/i, 'tencent'],
  [/^WeChat$/i, 'tencent'],
  [/^Beijing (Douyin|Feishu) Technology/i, 'bytedance'],
  [/^Beijing (Baidu Netcom|Duyou)/i, 'baidu'],
  [/^AutoNavi|^浙江淘宝网络|^Hangzhou Taomei|^DingTalk Technology|^Shanghai Rajax/i, 'alibaba'],
];
/** iOS apps whose company is one of the unlisted ones, or a bank, broker or railway not named by a staged list: negatives. */
const IOS_UNLISTED_PUBLISHER = /Xingin|Jingdong|bilibili|滴滴|美团|Ctrip|铁道科学|招商银行|Industrial and Commercial Bank|建设银行|农业银行|中国银行|Snowball|Royalflush|东方财富|Futu/i;

function appsInventory(src: Sources, opts: BuildOptions, labels: CompanyLabels): Inventory {
  const cap = opts.perCategory ?? 400;
  const ios = parse(readFileSync(join(src.dir, 'ios-bundle-ids-cn-apps', 'ios_bundle_ids_cn_apps.csv')), { columns: true, bom: true }) as Record<string, string>[];
  const android = JSON.parse(readFileSync(join(src.dir, 'china-apps-community', 'remove-china-apps__china_apps.json'), 'utf8')) as { p_name: string; a_name: string }[];
  const lines = ['App Name,Bundle ID,Platform,Publisher'];
  const rows: EvalRow[] = [];
  const csv = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const r of ios.slice(0, cap)) {
    const publisher = r['publisher'] ?? '';
    const company = IOS_PUBLISHER_COMPANY.find(([re]) => re.test(publisher))?.[1];
    let positive: boolean;
    let category: string;
    if (company && labels.restricted.has(company)) { positive = true; category = `ios:${company}`; }
    else if (!company && IOS_UNLISTED_PUBLISHER.test(publisher)) { positive = false; category = 'ios:unlisted'; }
    else continue; // a company whose apps India banned (Kuaishou, Sina, NetEase), or Ant Group: left out
    const line = lines.length + 1;
    lines.push([r['aliases']?.split('|')[0] || r['name'] || '', r['bundle_id'] ?? '', 'iOS', publisher].map(csv).join(','));
    const key = r['bundle_id']!;
    rows.push({ kind: 'apps', key, split: splitOf(key), category, positive, expectGroups: company ? [company] : [], expectNames: [], line });
  }
  for (const a of android.slice(0, cap)) {
    const line = lines.length + 1;
    lines.push([a.a_name.trim(), a.p_name, 'Android', ''].map(csv).join(','));
    rows.push({ kind: 'apps', key: a.p_name, split: splitOf(a.p_name), category: 'android:community-banned', positive: true, expectGroups: [], expectNames: [], expectAny: true, line });
  }
  return { kind: 'apps', file: 'apps.csv', content: `${lines.join('\n')}\n`, rows };
}

// ---------------------------------------------------------------------------------------------
// Suppliers: Entity List parties with an address in China, Hong Kong or Macao; real unlisted company names

const LEGAL = /\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|gmbh|ag|sa|s a|bv|b v|nv|plc|srl|spa|oy|ab|as|kk|pte|pty|sas|sarl)\b/g;
export function plainName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').replace(LEGAL, ' ').replace(/\s+/g, ' ').trim();
}

function suppliersInventory(src: Sources, opts: BuildOptions): Inventory {
  const cap = opts.perCategory ?? 600;
  const el = src.cslSources.findIndex((s) => s.startsWith('Entity List'));
  const listed = new Set<string>();
  for (const e of src.csl) for (const n of [e.n, ...(e.a ?? [])]) listed.add(plainName(n));
  const positives = src.csl.filter((e) => e.s === el && e.t !== 'Individual' && (e.c ?? []).some((c) => ['CN', 'HK', 'MO'].includes(c)));
  const oui = ouiRegistry(src);
  const registrants = new Map<string, string>();
  for (const v of Object.values(oui)) {
    const org = v.split('\n')[0]!.trim();
    const country = registrantCountry(v);
    if (!org || !country || CHINA.has(country) || /private|^ieee registration authority/i.test(org)) continue;
    if (/huawei|\bzte\b|hikvision|dahua|hytera|\bdji\b|kaspersky|futurewei/i.test(org)) continue;
    if (listed.has(plainName(org))) continue;
    registrants.set(plainName(org), `${org}\t${country}`);
  }
  const xray = JSON.parse(readFileSync(join(src.dir, 'trackers-exodus', 'xray-blacklist.json'), 'utf8')) as { country: string; owner_name: string }[];
  const xrayNames = xray.filter((x) => x.country && !['cn', 'hk', 'mo', 'ru'].includes(x.country) && !listed.has(plainName(x.owner_name)) && !COMPANIES.some((c) => c.terms.test(x.owner_name)));

  const lines = ['Supplier No,Supplier Name,Country,Payment Terms'];
  const rows: EvalRow[] = [];
  const csv = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  type Cand = { name: string; country: string; category: string; positive: boolean; names: string[]; key: string };
  const cands: Cand[] = [];
  for (const e of sample(positives, cap, (x) => x.n, 'csl')) {
    // Written as supplier masters hold them: as listed, in capitals without punctuation, or under an alias the list gives.
    const v = h(e.n, 'variant')[0]! % 3;
    const alias = (e.a ?? []).find((a) => /[a-z]/i.test(a) && a.length > 3);
    const name = v === 0 ? e.n : v === 1 ? e.n.toUpperCase().replace(/[.,()]/g, ' ').replace(/\s+/g, ' ').trim() : alias ?? e.n;
    cands.push({ name, country: (e.c ?? []).find((c) => ['CN', 'HK', 'MO'].includes(c)) ?? '', category: 'csl:entity-list-cn', positive: true, names: [e.n, ...(e.a ?? [])].map((n) => n.toLowerCase()), key: e.n });
  }
  for (const [, v] of sample([...registrants], cap, ([k]) => k, 'oui-names')) {
    const [org, country] = v.split('\t') as [string, string];
    cands.push({ name: org, country, category: 'oui-registrant:non-cn', positive: false, names: [], key: org });
  }
  for (const x of sample(xrayNames, Math.ceil(cap / 4), (x) => x.owner_name, 'xray-names')) {
    cands.push({ name: x.owner_name, country: x.country.toUpperCase(), category: 'xray-owner:non-cn', positive: false, names: [], key: x.owner_name });
  }
  const seen = new Set<string>();
  for (const c of sample(cands, cands.length, (x) => x.key, 'order')) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    const line = lines.length + 1;
    lines.push([`S${String(10000 + line)}`, c.name, c.country, ['NET30', 'NET60', 'NET45'][line % 3]!].map(csv).join(','));
    rows.push({ kind: 'suppliers', key: c.key, split: splitOf(c.key), category: c.category, positive: c.positive, expectGroups: [], expectNames: c.names, line });
  }
  return { kind: 'suppliers', file: 'suppliers.csv', content: `${lines.join('\n')}\n`, rows };
}

// ---------------------------------------------------------------------------------------------
// Holdings: the ISINs and equity tickers of OFAC's NS-CMIC entries

function holdingsInventory(src: Sources, opts: BuildOptions): Inventory {
  const cap = opts.perCategory ?? 400;
  const prim = parse(readFileSync(join(src.dir, 'ofac-consolidated-nonsdn', 'cons_prim.csv')).toString('latin1'), { relax_quotes: true, relax_column_count: true }) as string[][];
  const lines = ['Account,ISIN,Ticker,Quantity,Market Value (USD)'];
  const rows: EvalRow[] = [];
  const seen = new Set<string>();
  type Cand = { id: string; type: string; names: string[] };
  const cands: Cand[] = [];
  for (const r of prim) {
    if (r[3] !== 'CMIC-EO13959') continue;
    const name = (r[1] ?? '').trim();
    const remarks = r[11] ?? '';
    const names = [name, ...[...remarks.matchAll(/a\.k\.a\. '([^']+)'/g)].map((m) => m[1]!), ...[...remarks.matchAll(/Issuer Name ([^;]+)/g)].map((m) => m[1]!.trim())].map((n) => n.toLowerCase());
    for (const m of remarks.matchAll(/\bISIN ([A-Z]{2}[A-Z0-9]{9}\d)/g)) cands.push({ id: m[1]!, type: 'ISIN', names });
    for (const m of remarks.matchAll(/Equity Ticker ([A-Z0-9.]+ [A-Z]{2})\b/g)) cands.push({ id: m[1]!, type: 'Ticker', names });
  }
  for (const c of sample(cands, cap, (x) => x.id, 'cmic')) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const line = lines.length + 1;
    lines.push([`ACC-${100 + (line % 7)}`, c.type === 'ISIN' ? c.id : '', c.type === 'ISIN' ? '' : c.id, String(100 * (1 + (h(c.id)[0]! % 50))), String(1000 * (1 + (h(c.id)[1]! % 90)))].join(','));
    rows.push({ kind: 'holdings', key: c.id, split: splitOf(c.id), category: `ns-cmic:${c.type.toLowerCase()}`, positive: true, expectGroups: [], expectNames: c.names, line });
  }
  return { kind: 'holdings', file: 'holdings.csv', content: `${lines.join('\n')}\n`, rows };
}

// ---------------------------------------------------------------------------------------------

export interface CompanyLabels {
  restricted: Set<string>;
  evidence: Record<string, string[]>;
}

export function companyLabels(src: Sources, asOf: string): CompanyLabels {
  const restricted = new Set<string>();
  const evidence: Record<string, string[]> = {};
  for (const c of COMPANIES) {
    const ev = restrictionEvidence(src, c.terms, asOf, c.law);
    evidence[c.group] = ev;
    if (ev.length > 0) restricted.add(c.group);
  }
  return { restricted, evidence };
}

export function buildInventories(dir: string, opts: BuildOptions, kinds: Kind[] = KINDS): { inventories: Inventory[]; labels: CompanyLabels } {
  const src = loadSources(dir);
  const labels = companyLabels(src, opts.asOf);
  let dns: Inventory | undefined;
  const build: Record<Kind, () => Inventory> = {
    dns: () => (dns ??= dnsInventory(src, opts, labels)),
    // The same hosts as a plain list, one a line, no header (an export of a firewall's or proxy's hosts).
    hosts: () => {
      dns ??= dnsInventory(src, opts, labels);
      return { kind: 'hosts', file: 'hosts.txt', content: `${dns.rows.map((r) => r.key).join('\n')}\n`, rows: dns.rows.map((r) => ({ ...r, kind: 'hosts' as const })) };
    },
    devices: () => devicesInventory(src, opts, labels),
    apps: () => appsInventory(src, opts, labels),
    suppliers: () => suppliersInventory(src, opts),
    holdings: () => holdingsInventory(src, opts),
  };
  return { inventories: kinds.map((k) => build[k]()), labels };
}

// ---------------------------------------------------------------------------------------------
// Scoring

export interface ReportFinding {
  subject: { id: string };
  match: { entity?: { id: string } };
  listing?: { nameAsListed?: string };
}
export interface ReportResult {
  origin: { line?: number };
  label: string;
  findings: ReportFinding[];
}

export type Outcome = 'tp' | 'fp' | 'fn' | 'tn' | 'wrong';
export interface RowOutcome { row: EvalRow; outcome: Outcome; found: string[] }

/** The group a knowledge-base record belongs to; a party of no curated group stands for itself. */
export type GroupOf = (id: string) => string | undefined;

export function scoreRows(inv: Inventory, results: ReportResult[], groupOf: GroupOf): RowOutcome[] {
  const byLine = new Map<number, ReportFinding[]>();
  for (const r of results) {
    const line = r.origin.line;
    if (line === undefined) continue;
    byLine.set(line, [...(byLine.get(line) ?? []), ...r.findings]);
  }
  return inv.rows.map((row) => {
    const findings = byLine.get(row.line) ?? [];
    const found = new Set<string>();
    let hit = false;
    for (const f of findings) {
      const ids = [f.subject.id, f.match.entity?.id].filter((x): x is string => !!x);
      const groups = ids.map((id) => groupOf(id) ?? id);
      for (const g of groups) found.add(g);
      if (row.expectAny) hit = true;
      if (groups.some((g) => row.expectGroups.includes(g))) hit = true;
      if (f.listing?.nameAsListed && row.expectNames.includes(f.listing.nameAsListed.toLowerCase())) hit = true;
    }
    const outcome: Outcome = row.positive ? (hit ? 'tp' : findings.length > 0 ? 'wrong' : 'fn') : findings.length > 0 ? 'fp' : 'tn';
    return { row, outcome, found: [...found] };
  });
}

export interface Figures { rows: number; positives: number; tp: number; fp: number; fn: number; precision: number | null; recall: number | null; f1: number | null }

/** A positive row whose only findings are another group's counts as a miss and a false finding. */
export function figures(outcomes: RowOutcome[]): Figures {
  let tp = 0, fp = 0, fn = 0, positives = 0;
  for (const o of outcomes) {
    if (o.row.positive) positives++;
    if (o.outcome === 'tp') tp++;
    else if (o.outcome === 'fp') fp++;
    else if (o.outcome === 'fn') fn++;
    else if (o.outcome === 'wrong') { fn++; fp++; }
  }
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = positives === 0 ? null : tp / (tp + fn);
  const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
  return { rows: outcomes.length, positives, tp, fp, fn, precision, recall, f1 };
}
