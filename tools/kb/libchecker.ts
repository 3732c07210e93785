/**
 * SDK signatures from LibChecker's rules. A `native-libs` rule names a shared library (`libBugly.so`);
 * an `activities-libs`, `services-libs`, `providers-libs` or `receivers-libs` rule names an Android
 * component class (`com.tencent.tauth.AuthActivity`), whose package becomes a Java package prefix. Each
 * rule gives the SDK it belongs to (`label`) and its vendor (`team`). Rules of vendors whose group the
 * knowledge base holds are kept: each library or package goes to the group's SDK product with that label
 * (by name or alias, or by the explicit table below), or to a new `sdk` product named after the label.
 * Reported, not recorded: teams that name no group here, keys that are not file or class names
 * (LibChecker's `regex/` rules), packages of fewer than three segments (`com.tencent` would claim a
 * whole company), and libraries or packages another product already has (a package is had when it
 * equals one of the product's prefixes or lies under it). Dry run by default; `--apply` edits the
 * `nativeLibraries:` and `packages:` lines of existing products and appends new products to their
 * group's file.
 *
 *   node --import tsx tools/kb/libchecker.ts <libchecker-rules.jsonl> [--kb data] [--apply]
 *
 * The JSONL has one rule per line: `{"category": "native-libs", "key": "<file name>", "rule": {"label", "team", …}}`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toPinyin } from '../../src/match/names/chinese.js';
import { BUNDLED_DATA_DIR, compileDataDir } from '../../src/kb/files.js';
import type { KbProduct, KnowledgeBase } from '../../src/kb/model.js';
import { DottedPrefixIndex, isDottedIdentifier } from '../../src/match/identifiers/prefix-index.js';
import { NATIVE_LIBRARY_NAME } from '../../src/model/kb.js';

export const LIBCHECKER_SOURCE = 'grp-libchecker-rules';

/** A LibChecker team → the group file, the organisation that makes its SDKs, and a prefix for new product ids. */
export interface TeamTarget {
  group: string;
  owner: string;
  prefix: string;
}

/**
 * LibChecker's team names, spelled as the rules spell them. Teams of companies the knowledge base does
 * not hold (Youdao, Getui, Seasun, Kingsoft Cloud …) are left out rather than given to a parent.
 */
export const TEAMS: Record<string, TeamTarget> = {
  Tencent: { group: 'tencent', owner: 'tencent-holdings', prefix: 'tencent' },
  腾讯互动娱乐: { group: 'tencent', owner: 'tencent-holdings', prefix: 'tencent' },
  Alibaba: { group: 'alibaba', owner: 'alibaba-group', prefix: 'alibaba' },
  Alipay: { group: 'alibaba', owner: 'ant-group', prefix: 'alipay' },
  Aliyun: { group: 'alibaba', owner: 'alibaba-cloud', prefix: 'aliyun' },
  高德: { group: 'alibaba', owner: 'autonavi', prefix: 'amap' },
  Umeng: { group: 'alibaba', owner: 'alibaba-group', prefix: 'umeng' },
  Baidu: { group: 'baidu', owner: 'baidu', prefix: 'baidu' },
  iQIYI: { group: 'baidu', owner: 'iqiyi', prefix: 'iqiyi' },
  Netease: { group: 'netease', owner: 'netease', prefix: 'netease' },
  HUAWEI: { group: 'huawei', owner: 'huawei-technologies', prefix: 'huawei' },
  Huawei: { group: 'huawei', owner: 'huawei-technologies', prefix: 'huawei' },
  'Chromium, HUAWEI': { group: 'huawei', owner: 'huawei-technologies', prefix: 'huawei' },
  'Huawei, MindSpore Community': { group: 'huawei', owner: 'huawei-technologies', prefix: 'huawei' },
  ByteDance: { group: 'bytedance', owner: 'bytedance-ltd', prefix: 'bytedance' },
  Bytedance: { group: 'bytedance', owner: 'bytedance-ltd', prefix: 'bytedance' },
  'Volcengine (火山引擎)': { group: 'bytedance', owner: 'volcengine', prefix: 'volcengine' },
  火山引擎: { group: 'bytedance', owner: 'volcengine', prefix: 'volcengine' },
  Volcengine: { group: 'bytedance', owner: 'volcengine', prefix: 'volcengine' },
  Xiaomi: { group: 'xiaomi', owner: 'xiaomi', prefix: 'xiaomi' },
  KwaiAppTeam: { group: 'kuaishou', owner: 'kuaishou', prefix: 'kwai' },
  快手: { group: 'kuaishou', owner: 'kuaishou', prefix: 'kwai' },
  极光: { group: 'aurora-mobile', owner: 'aurora-mobile', prefix: 'jiguang' },
  'Aurora 极光': { group: 'aurora-mobile', owner: 'aurora-mobile', prefix: 'jiguang' },
  iFlyTek: { group: 'iflytek', owner: 'iflytek', prefix: 'iflytek' },
  科大讯飞: { group: 'iflytek', owner: 'iflytek', prefix: 'iflytek' },
  'Meituan-Dianping': { group: 'meituan', owner: 'meituan', prefix: 'meituan' },
  '360': { group: 'qihoo-360', owner: 'qihoo-360', prefix: 'qihoo360' },
  Qihoo360: { group: 'qihoo-360', owner: 'qihoo-360', prefix: 'qihoo360' },
  Weibo: { group: 'sina-weibo', owner: 'weibo-corp', prefix: 'weibo' },
  Didi: { group: 'didi', owner: 'didi', prefix: 'didi' },
  Bilibili: { group: 'bilibili', owner: 'bilibili', prefix: 'bilibili' },
  vivo: { group: 'vivo', owner: 'vivo', prefix: 'vivo' },
  旷视: { group: 'megvii', owner: 'megvii', prefix: 'megvii' },
};

/** `team|label` → an existing product whose name does not spell the label (Bugly is "Tencent Bugly"). */
export const LABEL_PRODUCTS: Record<string, string> = {
  'Tencent|Bugly': 'bugly-sdk',
  'Tencent|腾讯地图 SDK': 'tencent-analytics-sdks',
  'Tencent|腾讯移动分析': 'tencent-analytics-sdks',
  'Tencent|信鸽推送': 'tencent-analytics-sdks',
  'Tencent|腾讯移动推送': 'tencent-analytics-sdks',
  '高德|高德 SDK': 'amap-sdk',
  'Alibaba|岳鹰全景监控': 'yueying-crash-sdk',
  'Alibaba|mPaaS 社交分享': 'alipay-sdk',
  'Umeng|移动统计分析': 'umeng-sdk',
  'Umeng|U-Game 金融风控组件': 'umeng-sdk',
  'Baidu|Sofire': 'baidu-sdks',
  'Baidu|百度 LBS': 'baidu-sdks',
  'Huawei|HMS Scan Kit': 'hms-core',
  'Huawei|AppGallery Connect APM': 'hms-core',
  'HUAWEI|HMS Video Kit HDR Vivid': 'hms-core',
  'Huawei|HMS Video Kit': 'hms-core',
};

/** Ids for new products whose label is in Chinese or too long to make a readable id; labels sharing an id make one product. */
export const LABEL_IDS: Record<string, string> = {
  '腾讯优图 SDK': 'tencent-youtu-sdk',
  '腾讯云通信 SDK': 'tencent-im-sdk',
  '腾讯客户端性能分析': 'tencent-apm-sdk',
  '腾讯云短视频 SDK': 'tencent-ugsv-sdk',
  '腾讯云直播 SDK': 'tencent-live-sdk',
  '腾讯云实时音视频': 'tencent-trtc-sdk',
  '腾讯云实时音视频 SDK': 'tencent-trtc-sdk',
  '腾讯游戏 MSDK': 'tencent-msdk',
  'MSDK / MobileGame Software Development Kit': 'tencent-msdk',
  '游戏语音 GVoice': 'tencent-gvoice-sdk',
  '手游安全 SDK': 'tencent-mobile-game-security-sdk',
  '腾讯云手游安全': 'tencent-mobile-game-security-sdk',
  '腾讯流量联盟': 'tencent-traffic-alliance-sdk',
  '腾讯语音识别': 'tencent-speech-recognition-sdk',
  '腾讯灯塔 SDK': 'tencent-beacon-sdk',
  '腾讯云 HTTPDNS': 'tencent-httpdns-sdk',
  '腾讯特效 SDK': 'tencent-effects-sdk',
  '正版曲库直通车': 'tencent-licensed-music-sdk',
  '米大师': 'tencent-midas-sdk',
  '防水墙': 'tencent-captcha-sdk',
  '腾讯开放平台': 'tencent-open-platform-sdk',
  '人脸核身 SDK': 'tencent-faceid-sdk',
  '阿里聚安全': 'alibaba-jaq-security-sdk',
  '号码认证服务': 'alibaba-number-auth-sdk',
  '金融级实人认证 SDK': 'alibaba-id-verification-sdk',
  '实人认证 SDK': 'alibaba-id-verification-sdk',
  '阿里云短视频 SDK': 'aliyun-short-video-sdk',
  '阿里云语音服务 SDK（NLSClinet）': 'aliyun-nls-sdk',
  '日志服务  SLS': 'aliyun-sls-sdk',
  '阿里移动热修复': 'aliyun-sophix-sdk',
  '阿里云游戏盾': 'aliyun-game-shield-sdk',
  '阿里移动推送': 'aliyun-push-sdk',
  '一键登录和本机号码校验': 'alibaba-one-click-login-sdk',
  '百川电商 SDK - 唤醒手淘': 'alibaba-baichuan-linkpartner-sdk',
  '百川电商 SDK - 授权': 'alibaba-baichuan-auth-sdk',
  '百度人脸识别': 'baidu-face-sdk',
  '语音识别 SDK': 'baidu-speech-sdk',
  '离线语音合成 SDK': 'baidu-tts-sdk',
  '百度应用加固': 'baidu-app-protect-sdk',
  '智能小程序': 'baidu-smart-mini-program-sdk',
  '网易云信': 'netease-yunxin-sdk',
  '网易易盾': 'netease-yidun-sdk',
  '网易易盾智能反外挂': 'netease-yidun-anti-cheat-sdk',
  '网易云捕': 'netease-bugrpt-sdk',
  '网易云通信 SDK': 'netease-nim-sdk',
  '七鱼 SDK': 'netease-qiyu-sdk',
  '火山引擎云手机 SDK': 'volcengine-cloud-phone-sdk',
  'APMInsight / 应用性能监控全链路版': 'volcengine-apminsight-sdk',
  '实时音视频': 'volcengine-rtc-sdk',
  '小爱 SDK': 'xiaomi-xiaoai-sdk',
  '小米游戏 SDK': 'xiaomi-game-sdk',
  '小米 IoT SDK': 'xiaomi-iot-sdk',
  '小米应用检查更新 SDK': 'xiaomi-update-sdk',
  '小米广告 SDK': 'xiaomi-ad-sdk',
  '小米账号开放平台': 'xiaomi-account-open-sdk',
  '快手广告 SDK': 'kwai-ad-sdk',
  '快手开放平台': 'kwai-open-platform-sdk',
  '极光认证 SDK': 'jiguang-verification-sdk',
  '离线语音合成': 'iflytek-aisound-sdk',
  '讯飞 SDK': 'iflytek-msc-sdk',
  '星火认知大模型': 'iflytek-spark-sdk',
  '360 加固': 'qihoo360-jiagu-sdk',
  '微博 SDK': 'weibo-sdk',
  '滴滴 SDK': 'didi-sdk',
  '烈焰弹幕使': 'bilibili-danmaku-flame-master',
  'vivo 网游联运 SDK': 'vivo-game-sdk',
  '旷视 SDK': 'megvii-face-sdk',
  '人像美化 SDK': 'megvii-beauty-sdk',
};

/** What a rule identifies an SDK by: a shared-library file name, or the Java package of a component class. */
export type SignatureKind = 'nativeLibraries' | 'packages';
export const SIGNATURE_KINDS: readonly SignatureKind[] = ['nativeLibraries', 'packages'];

/** LibChecker's folders of Android component rules; their keys are fully qualified class names. */
const COMPONENT_CATEGORIES = new Set(['activities-libs', 'services-libs', 'providers-libs', 'receivers-libs']);

/** Fewer segments than this (`com.tencent`, `com.huawei.android` has three) would claim a whole company's code. */
export const MIN_PACKAGE_SEGMENTS = 3;

export interface Rule {
  kind: SignatureKind;
  /** The rule's key: a library file name or a component class name. */
  key: string;
  label: string;
  team: string;
}

export type Signatures = Record<SignatureKind, string[]>;

export interface PlannedProduct extends Signatures {
  id: string;
  group: string;
  owner: string;
  name: string;
  aliases: string[];
  teams: string[];
}

export interface Plan {
  /** Existing product id → libraries and packages to add. */
  additions: Map<string, Signatures>;
  created: PlannedProduct[];
  /** Rules whose team maps to no group, counted by team. */
  unmappedTeams: Map<string, number>;
  /** Keys that are not a plain file name or class name (LibChecker's `regex/` rules, a class without package). */
  notNames: string[];
  /** Packages of fewer than MIN_PACKAGE_SEGMENTS segments, with the class they came from. */
  tooBroad: { package: string; key: string; label: string }[];
  /** Libraries or packages another product already has, with that product. */
  claimedElsewhere: { kind: SignatureKind; value: string; product: string; label: string }[];
  /** Libraries and packages already on the product they would go to. */
  unchanged: Record<SignatureKind, number>;
}

export const emptySignatures = (): Signatures => ({ nativeLibraries: [], packages: [] });

/** Native-library and component rules; other categories (`static-libs` names a shared-library package, not a class) are left out. */
export function readRules(jsonl: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { category?: string; key?: string; rule?: { label?: string; team?: string } };
    if (!record.key || !record.category) continue;
    const kind: SignatureKind | undefined = record.category === 'native-libs' ? 'nativeLibraries' : COMPONENT_CATEGORIES.has(record.category) ? 'packages' : undefined;
    if (!kind) continue;
    rules.push({ kind, key: record.key, label: (record.rule?.label ?? '').trim(), team: (record.rule?.team ?? '').trim() });
  }
  return rules;
}

/** A component class's package (`com.tencent.tauth.AuthActivity` → `com.tencent.tauth`), undefined when the key is no class name. */
export function classPackage(className: string): string | undefined {
  if (!isDottedIdentifier(className) || className.startsWith('regex/')) return undefined;
  return className.slice(0, className.lastIndexOf('.'));
}

/** Lower-case, without spaces, punctuation or symbols: "Pangle SDK" and "pangle sdk" agree. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** A label or product name, whole, without its bracketed part, the bracketed part alone, each also without "SDK". */
function spellings(text: string): string[] {
  const normal = text.normalize('NFKC');
  const bracketed = /\(([^)]*)\)/.exec(normal)?.[1];
  const forms = [normal, normal.replace(/\([^)]*\)/g, ''), ...(bracketed ? [bracketed] : [])];
  return [...new Set(forms.flatMap((form) => [fold(form), fold(form.replace(/\bsdks?\s*$/i, ''))]).filter((form) => form.length > 0))];
}

function productForLabel(kb: KnowledgeBase, team: string, target: TeamTarget, label: string): KbProduct | undefined {
  const explicit = LABEL_PRODUCTS[`${team}|${label}`];
  if (explicit) return kb.products[explicit];
  const wanted = new Set(spellings(label));
  return Object.values(kb.products).find(
    (p) => p.group === target.group && p.kind === 'sdk' && [p.name, ...p.aliases].some((n) => spellings(n).some((s) => wanted.has(s))),
  );
}

/** A readable id: the table's, else the prefix and the label's Latin words (or its pinyin), ending in "-sdk". */
function productId(target: TeamTarget, label: string): string {
  const listed = LABEL_IDS[label];
  if (listed) return listed;
  const latin = label.normalize('NFKC').replace(/[^A-Za-z0-9]+/g, ' ').trim();
  const words = (/[A-Za-z]/.test(latin.replace(/\bsdk\b/gi, '')) ? latin : toPinyin(label.replace(/[^\p{Script=Han}]/gu, '')).join(' '))
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '' && w !== 'sdk');
  const stem = words[0] === target.prefix ? words.slice(1) : words;
  return [target.prefix, ...stem, 'sdk'].join('-');
}

/** Which product already has a library (by name, ignoring case) or a package (by prefix, the longest). */
class Claims {
  private readonly libraries = new Map<string, string>();
  private readonly packages = new DottedPrefixIndex<string>();

  constructor(kb: KnowledgeBase) {
    for (const p of Object.values(kb.products)) {
      for (const library of p.nativeLibraries) this.add('nativeLibraries', library, p.id);
      for (const prefix of p.packages) this.add('packages', prefix, p.id);
    }
  }

  owner(kind: SignatureKind, value: string): string | undefined {
    return kind === 'nativeLibraries' ? this.libraries.get(value.toLowerCase()) : this.packages.lookup(value)?.value;
  }

  add(kind: SignatureKind, value: string, product: string): void {
    if (kind === 'nativeLibraries') {
      if (!this.libraries.has(value.toLowerCase())) this.libraries.set(value.toLowerCase(), product);
    } else this.packages.add(value, product);
  }
}

/** A rule's signature: the library file name, or the class's package; else why there is none. */
function signatureOf(rule: Rule): { value: string } | { problem: 'not-a-name' | 'too-broad'; value?: string } {
  if (rule.kind === 'nativeLibraries') return NATIVE_LIBRARY_NAME.test(rule.key) ? { value: rule.key } : { problem: 'not-a-name' };
  const pkg = classPackage(rule.key);
  if (pkg === undefined) return { problem: 'not-a-name' };
  return pkg.split('.').length < MIN_PACKAGE_SEGMENTS ? { problem: 'too-broad', value: pkg } : { value: pkg };
}

const segments = (rule: Rule) => (rule.kind === 'packages' ? rule.key.split('.').length : 0);

export function planSignatures(kb: KnowledgeBase, rules: readonly Rule[]): Plan {
  const plan: Plan = {
    additions: new Map(),
    created: [],
    unmappedTeams: new Map(),
    notNames: [],
    tooBroad: [],
    claimedElsewhere: [],
    unchanged: { nativeLibraries: 0, packages: 0 },
  };
  const claims = new Claims(kb);
  const created = new Map<string, PlannedProduct>();
  // Libraries first, then packages from the shortest class name: a product's broader package is met
  // before a narrower one under it, which it then already has; the order of the file does not matter.
  const ordered = [...rules].sort((a, b) => (a.kind === b.kind ? segments(a) - segments(b) : a.kind === 'nativeLibraries' ? -1 : 1));
  for (const rule of ordered) {
    const signature = signatureOf(rule);
    if (!('value' in signature) || signature.value === undefined) {
      plan.notNames.push(rule.key);
      continue;
    }
    const target = TEAMS[rule.team];
    if (target && !(kb.groups[target.group] && kb.organisations[target.owner]?.group === target.group)) {
      throw new Error(`team "${rule.team}": group "${target.group}" or its organisation "${target.owner}" is not in the knowledge base`);
    }
    if (!target) {
      plan.unmappedTeams.set(rule.team, (plan.unmappedTeams.get(rule.team) ?? 0) + 1);
      continue;
    }
    const value = signature.value;
    if ('problem' in signature) {
      plan.tooBroad.push({ package: value, key: rule.key, label: rule.label });
      continue;
    }
    const existing = productForLabel(kb, rule.team, target, rule.label);
    const id = existing?.id ?? productId(target, rule.label);
    const claimant = claims.owner(rule.kind, value);
    if (claimant === id) {
      plan.unchanged[rule.kind]++;
      continue;
    }
    if (claimant) {
      plan.claimedElsewhere.push({ kind: rule.kind, value, product: claimant, label: rule.label });
      continue;
    }
    if (!existing && (kb.products[id] || kb.organisations[id])) {
      // An id taken by a record that is not this label's product: report rather than merge into it.
      plan.claimedElsewhere.push({ kind: rule.kind, value, product: id, label: rule.label });
      continue;
    }
    claims.add(rule.kind, value, id);
    if (existing) {
      const additions = plan.additions.get(id) ?? emptySignatures();
      additions[rule.kind].push(value);
      plan.additions.set(id, additions);
      continue;
    }
    const product = created.get(id) ?? { id, group: target.group, owner: target.owner, name: rule.label, aliases: [], teams: [], ...emptySignatures() };
    if (rule.label !== product.name && !product.aliases.includes(rule.label)) product.aliases.push(rule.label);
    if (!product.teams.includes(rule.team)) product.teams.push(rule.team);
    product[rule.kind].push(value);
    created.set(id, product);
  }
  plan.created = [...created.values()];
  return plan;
}

// ---- writing ------------------------------------------------------------------------------------

/** A YAML scalar: plain when that reads back as the same string, else double-quoted. */
function scalar(text: string): string {
  const plain = /^[\p{L}\p{N}][^:#[\]{},&*!|>'"%@`]*$/u.test(text) && !/\s$/.test(text);
  return plain ? text : JSON.stringify(text);
}

/** Where a missing list goes: after the last of these lines, keeping the order the knowledge base writes fields in. */
const PRECEDING_FIELDS: Record<SignatureKind, RegExp> = {
  packages: /^    (owner|android|ios):/,
  nativeLibraries: /^    (owner|android|ios|packages|purls|domains):/,
};

function note(p: PlannedProduct): string {
  const teams = p.teams.join(' and ');
  if (p.packages.length === 0) return `Name and libraries from the LibChecker native-library rules of team ${teams}.`;
  if (p.nativeLibraries.length === 0) return `Name and packages (of its Android components) from the LibChecker component rules of team ${teams}.`;
  return `Name, libraries and packages from the LibChecker native-library and component rules of team ${teams}.`;
}

function productYaml(p: PlannedProduct): string {
  const lines = [
    `  - id: ${p.id}`,
    '    kind: sdk',
    `    name: ${scalar(p.name)}`,
    ...(p.aliases.length > 0 ? [`    aliases: [${p.aliases.map(scalar).join(', ')}]`] : []),
    `    owner: ${p.owner}`,
    ...SIGNATURE_KINDS.filter((kind) => p[kind].length > 0).map((kind) => `    ${kind}: [${p[kind].join(', ')}]`),
    '    confidence: medium',
    `    sources: [${LIBCHECKER_SOURCE}]`,
    `    note: ${scalar(note(p))}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Adds libraries and packages to a product's one-line `nativeLibraries:` and `packages:` lists, or adds
 * such a line after its identifier lines; cites the LibChecker source on the product's one-line
 * `sources:` list. Undefined when the product has no block of its own (`  - id: …` lines) or writes a
 * list over several lines: that is left to be done by hand.
 */
export function addSignaturesToText(text: string, productId: string, additions: Partial<Signatures>): string | undefined {
  const block = new RegExp(`^  - id: ${productId}\\n(?:    .*\\n)*`, 'm').exec(text);
  if (!block) return undefined;
  const lines = block[0].split('\n');
  for (const kind of SIGNATURE_KINDS) {
    const values = additions[kind] ?? [];
    if (values.length === 0) continue;
    const listed = lines.findIndex((line) => line.startsWith(`    ${kind}:`));
    if (listed >= 0) {
      const current = /^    \w+: \[(.*)\]$/.exec(lines[listed] as string)?.[1]?.trim();
      if (current === undefined) return undefined;
      lines[listed] = `    ${kind}: [${[current, ...values].filter(Boolean).join(', ')}]`;
    } else {
      const after = lines.reduce((last, line, index) => (PRECEDING_FIELDS[kind].test(line) ? index : last), -1);
      if (after < 0) return undefined;
      lines.splice(after + 1, 0, `    ${kind}: [${values.join(', ')}]`);
    }
  }
  // The signatures' source is cited by the product.
  const sources = lines.findIndex((line) => /^    sources: \[.*\]$/.test(line));
  if (sources >= 0 && !(lines[sources] as string).includes(LIBCHECKER_SOURCE)) lines[sources] = (lines[sources] as string).replace(/\]$/, `, ${LIBCHECKER_SOURCE}]`);
  return text.slice(0, block.index) + lines.join('\n') + text.slice(block.index + block[0].length);
}

/** Appends products at the end of the file's `products:` list (the last section of a group file), creating it if need be. */
export function appendProductsToText(text: string, products: readonly PlannedProduct[]): string {
  const yaml = products.map(productYaml).join('');
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (/^products: \[\]\n/m.test(body)) return body.replace(/^products: \[\]\n/m, () => `products:\n${yaml}`);
  const section = /^products:\s*$/m.exec(body);
  if (!section) return `${body}products:\n${yaml}`;
  const next = /^\S/m.exec(body.slice(section.index + section[0].length + 1));
  if (!next) return body + yaml;
  const at = section.index + section[0].length + 1 + next.index;
  return body.slice(0, at) + yaml + body.slice(at);
}

// ---- command ------------------------------------------------------------------------------------

const NOUNS: Record<SignatureKind, string> = { nativeLibraries: 'libraries', packages: 'packages' };

function main() {
  const args = process.argv.slice(2);
  const rulesFile = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--kb');
  if (!rulesFile || !existsSync(rulesFile)) {
    process.stderr.write('usage: libchecker.ts <libchecker-rules.jsonl> [--kb dir] [--apply]\n');
    process.exit(2);
  }
  const kbDir = args.includes('--kb') ? args[args.indexOf('--kb') + 1]! : BUNDLED_DATA_DIR;
  const apply = args.includes('--apply');
  const { kb } = compileDataDir(kbDir);
  const rules = readRules(readFileSync(rulesFile, 'utf8'));
  const plan = planSignatures(kb, rules);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const listing = (s: Signatures) => SIGNATURE_KINDS.flatMap((kind) => s[kind]).join(' ');

  for (const [id, additions] of plan.additions) out(`  ${id.padEnd(34)} + ${listing(additions)}`);
  for (const p of plan.created) out(`  ${p.id.padEnd(34)} new (${p.group}, ${p.name})  ${listing(p)}`);
  for (const kind of SIGNATURE_KINDS) {
    const rulesOfKind = rules.filter((r) => r.kind === kind).length;
    const toExisting = [...plan.additions.values()].filter((a) => a[kind].length > 0);
    const added = toExisting.reduce((n, a) => n + a[kind].length, 0);
    const inNew = plan.created.filter((p) => p[kind].length > 0);
    const created = inNew.reduce((n, p) => n + p[kind].length, 0);
    const claimed = plan.claimedElsewhere.filter((c) => c.kind === kind).length;
    out(
      `${NOUNS[kind]} (${rulesOfKind} rules): ${plan.unchanged[kind]} already recorded, ${added + created} to add — ${added} to ${toExisting.length} existing products, ` +
        `${created} in ${inNew.length} new products; ${claimed} had by another product`,
    );
  }
  out(`new products: ${plan.created.length}`);
  for (const c of plan.claimedElsewhere) out(`  had by another product (left there): ${c.value} → ${c.product} (rule: ${c.label})`);
  out(`packages too broad (fewer than ${MIN_PACKAGE_SEGMENTS} segments): ${plan.tooBroad.length}${plan.tooBroad.map((t) => `\n  ${t.package} (${t.key}, rule: ${t.label})`).join('')}`);
  out(`not file or class names (regex rules): ${plan.notNames.length}`);
  const unmapped = [...plan.unmappedTeams].sort((a, b) => b[1] - a[1]);
  out(`teams with no group here: ${unmapped.length} (${unmapped.reduce((n, [, c]) => n + c, 0)} rules): ${unmapped.map(([t, c]) => `${t || '(none)'} ${c}`).join(', ')}`);
  if (!apply) return;

  // Files are re-read right before each write: others may be editing the same group files.
  const fileOf = (group: string) => join(kbDir, '..', kb.groups[group]!.file);
  const byFile = new Map<string, { additions: [string, Signatures][]; created: PlannedProduct[] }>();
  const entry = (file: string) => byFile.get(file) ?? byFile.set(file, { additions: [], created: [] }).get(file)!;
  for (const [id, additions] of plan.additions) entry(fileOf(kb.products[id]!.group)).additions.push([id, additions]);
  for (const p of plan.created) entry(fileOf(p.group)).created.push(p);
  for (const [file, change] of byFile) {
    let text = readFileSync(file, 'utf8');
    for (const [id, additions] of change.additions) {
      const next = addSignaturesToText(text, id, additions);
      if (next === undefined) out(`  ${file}: no one-line lists for ${id}; add ${listing(additions)} by hand`);
      else text = next;
    }
    if (change.created.length > 0) text = appendProductsToText(text, change.created);
    writeFileSync(file, text);
  }
  out(`${byFile.size} file(s) written`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
