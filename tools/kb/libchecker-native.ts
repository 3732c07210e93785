/**
 * Native-library signatures from LibChecker's rules. Every `native-libs` rule names a shared library
 * (`libBugly.so`), the SDK it belongs to (`label`) and its vendor (`team`). Rules of vendors whose
 * group the knowledge base holds are kept: each library goes to the group's SDK product with that
 * label (by name or alias, or by the explicit table below), or to a new `sdk` product named after the
 * label. Teams that name no group here are reported, as are rules that are not file names (LibChecker's
 * `regex/` rules) and libraries another product already claims. Dry run by default; `--apply` edits
 * the `nativeLibraries:` line of existing products and appends new products to their group's file.
 *
 *   node --import tsx tools/kb/libchecker-native.ts <libchecker-rules.jsonl> [--kb data] [--apply]
 *
 * The JSONL has one rule per line: `{"category": "native-libs", "key": "<file name>", "rule": {"label", "team", …}}`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toPinyin } from '../../src/match/names/chinese.js';
import { BUNDLED_DATA_DIR, compileDataDir } from '../../src/kb/files.js';
import type { KbProduct, KnowledgeBase } from '../../src/kb/model.js';
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
  Xiaomi: { group: 'xiaomi', owner: 'xiaomi', prefix: 'xiaomi' },
  KwaiAppTeam: { group: 'kuaishou', owner: 'kuaishou', prefix: 'kwai' },
  极光: { group: 'aurora-mobile', owner: 'aurora-mobile', prefix: 'jiguang' },
  iFlyTek: { group: 'iflytek', owner: 'iflytek', prefix: 'iflytek' },
  科大讯飞: { group: 'iflytek', owner: 'iflytek', prefix: 'iflytek' },
  'Meituan-Dianping': { group: 'meituan', owner: 'meituan', prefix: 'meituan' },
  '360': { group: 'qihoo-360', owner: 'qihoo-360', prefix: 'qihoo360' },
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
  '阿里聚安全': 'alibaba-jaq-security-sdk',
  '号码认证服务': 'alibaba-number-auth-sdk',
  '金融级实人认证 SDK': 'alibaba-id-verification-sdk',
  '实人认证 SDK': 'alibaba-id-verification-sdk',
  '阿里云短视频 SDK': 'aliyun-short-video-sdk',
  '阿里云语音服务 SDK（NLSClinet）': 'aliyun-nls-sdk',
  '日志服务  SLS': 'aliyun-sls-sdk',
  '阿里移动热修复': 'aliyun-sophix-sdk',
  '阿里云游戏盾': 'aliyun-game-shield-sdk',
  '百度人脸识别': 'baidu-face-sdk',
  '语音识别 SDK': 'baidu-speech-sdk',
  '离线语音合成 SDK': 'baidu-tts-sdk',
  '百度应用加固': 'baidu-app-protect-sdk',
  '网易云信': 'netease-yunxin-sdk',
  '网易易盾': 'netease-yidun-sdk',
  '网易易盾智能反外挂': 'netease-yidun-anti-cheat-sdk',
  '网易云捕': 'netease-bugrpt-sdk',
  '火山引擎云手机 SDK': 'volcengine-cloud-phone-sdk',
  'APMInsight / 应用性能监控全链路版': 'volcengine-apminsight-sdk',
  '实时音视频': 'volcengine-rtc-sdk',
  '小爱 SDK': 'xiaomi-xiaoai-sdk',
  '小米游戏 SDK': 'xiaomi-game-sdk',
  '小米 IoT SDK': 'xiaomi-iot-sdk',
  '小米应用检查更新 SDK': 'xiaomi-update-sdk',
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

export interface NativeRule {
  library: string;
  label: string;
  team: string;
}

export interface PlannedProduct {
  id: string;
  group: string;
  owner: string;
  name: string;
  aliases: string[];
  teams: string[];
  libraries: string[];
}

export interface Plan {
  /** Existing product id → libraries to add. */
  additions: Map<string, string[]>;
  created: PlannedProduct[];
  /** Rules whose team maps to no group, counted by team. */
  unmappedTeams: Map<string, number>;
  /** Rules that are not a plain file name (LibChecker's `regex/` rules). */
  notFileNames: string[];
  /** Libraries another product already has, with that product. */
  claimedElsewhere: { library: string; product: string; label: string }[];
  /** Libraries already on the product they would go to. */
  unchanged: number;
}

export function readRules(jsonl: string): NativeRule[] {
  const rules: NativeRule[] = [];
  for (const line of jsonl.split('\n')) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line) as { category?: string; key?: string; rule?: { label?: string; team?: string } };
    if (record.category !== 'native-libs' || !record.key) continue;
    rules.push({ library: record.key, label: (record.rule?.label ?? '').trim(), team: (record.rule?.team ?? '').trim() });
  }
  return rules;
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

export function planNativeLibraries(kb: KnowledgeBase, rules: readonly NativeRule[]): Plan {
  const plan: Plan = { additions: new Map(), created: [], unmappedTeams: new Map(), notFileNames: [], claimedElsewhere: [], unchanged: 0 };
  const owner = new Map<string, string>();
  for (const p of Object.values(kb.products)) for (const library of p.nativeLibraries) owner.set(library.toLowerCase(), p.id);
  const created = new Map<string, PlannedProduct>();
  for (const rule of rules) {
    if (!NATIVE_LIBRARY_NAME.test(rule.library)) {
      plan.notFileNames.push(rule.library);
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
    const existing = productForLabel(kb, rule.team, target, rule.label);
    const id = existing?.id ?? productId(target, rule.label);
    const claimant = owner.get(rule.library.toLowerCase());
    if (claimant === id) {
      plan.unchanged++;
      continue;
    }
    if (claimant) {
      plan.claimedElsewhere.push({ library: rule.library, product: claimant, label: rule.label });
      continue;
    }
    owner.set(rule.library.toLowerCase(), id);
    if (existing) {
      plan.additions.set(id, [...(plan.additions.get(id) ?? []), rule.library]);
      continue;
    }
    if (kb.products[id] || kb.organisations[id]) {
      // An id taken by a record that is not this label's product: report rather than merge into it.
      plan.claimedElsewhere.push({ library: rule.library, product: id, label: rule.label });
      continue;
    }
    const product = created.get(id) ?? { id, group: target.group, owner: target.owner, name: rule.label, aliases: [], teams: [], libraries: [] };
    if (rule.label !== product.name && !product.aliases.includes(rule.label)) product.aliases.push(rule.label);
    if (!product.teams.includes(rule.team)) product.teams.push(rule.team);
    product.libraries.push(rule.library);
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

function productYaml(p: PlannedProduct): string {
  const lines = [
    `  - id: ${p.id}`,
    '    kind: sdk',
    `    name: ${scalar(p.name)}`,
    ...(p.aliases.length > 0 ? [`    aliases: [${p.aliases.map(scalar).join(', ')}]`] : []),
    `    owner: ${p.owner}`,
    `    nativeLibraries: [${p.libraries.join(', ')}]`,
    '    confidence: medium',
    `    sources: [${LIBCHECKER_SOURCE}]`,
    `    note: ${scalar(`Name and libraries from the LibChecker native-library rules of team ${p.teams.join(' and ')}.`)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Adds libraries to a product's one-line `nativeLibraries:` list, or adds that line after its last
 * identifier line; cites the LibChecker source on the product's one-line `sources:` list.
 */
export function addLibrariesToText(text: string, productId: string, libraries: readonly string[]): string | undefined {
  const block = new RegExp(`^  - id: ${productId}\\n(?:    .*\\n)*`, 'm').exec(text);
  if (!block) return undefined;
  const lines = block[0].split('\n');
  const listed = lines.findIndex((line) => line.startsWith('    nativeLibraries: ['));
  if (listed >= 0) {
    const current = /\[(.*)\]/.exec(lines[listed] as string)?.[1]?.trim() ?? '';
    lines[listed] = `    nativeLibraries: [${[current, ...libraries].filter(Boolean).join(', ')}]`;
  } else {
    const after = lines.reduce((last, line, index) => (/^    (owner|android|ios|packages|purls|domains):/.test(line) ? index : last), -1);
    if (after < 0) return undefined;
    lines.splice(after + 1, 0, `    nativeLibraries: [${libraries.join(', ')}]`);
  }
  // The libraries' source is cited by the product.
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

function main() {
  const args = process.argv.slice(2);
  const rulesFile = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--kb');
  if (!rulesFile || !existsSync(rulesFile)) {
    process.stderr.write('usage: libchecker-native.ts <libchecker-rules.jsonl> [--kb dir] [--apply]\n');
    process.exit(2);
  }
  const kbDir = args.includes('--kb') ? args[args.indexOf('--kb') + 1]! : BUNDLED_DATA_DIR;
  const apply = args.includes('--apply');
  const { kb } = compileDataDir(kbDir);
  const rules = readRules(readFileSync(rulesFile, 'utf8'));
  const plan = planNativeLibraries(kb, rules);
  const out = (line: string) => process.stdout.write(`${line}\n`);

  out(`${rules.length} native-library rules; ${plan.unchanged} already recorded`);
  for (const [id, libraries] of plan.additions) out(`  ${id.padEnd(34)} + ${libraries.length}  ${libraries.join(' ')}`);
  for (const p of plan.created) out(`  ${p.id.padEnd(34)} new (${p.group}, ${p.name})  ${p.libraries.join(' ')}`);
  const added = [...plan.additions.values()].reduce((n, l) => n + l.length, 0);
  const createdLibraries = plan.created.reduce((n, p) => n + p.libraries.length, 0);
  out(`${added + createdLibraries} libraries: ${added} to ${plan.additions.size} existing products, ${createdLibraries} in ${plan.created.length} new products`);
  if (plan.claimedElsewhere.length > 0) out(`claimed by another product (left there): ${plan.claimedElsewhere.map((c) => `${c.library} → ${c.product} (rule: ${c.label})`).join('; ')}`);
  out(`not file names (regex rules): ${plan.notFileNames.length}`);
  const unmapped = [...plan.unmappedTeams].sort((a, b) => b[1] - a[1]);
  out(`teams with no group here: ${unmapped.length} (${unmapped.reduce((n, [, c]) => n + c, 0)} rules): ${unmapped.map(([t, c]) => `${t || '(none)'} ${c}`).join(', ')}`);
  if (!apply) return;

  // Files are re-read right before each write: others may be editing the same group files.
  const fileOf = (group: string) => join(kbDir, '..', kb.groups[group]!.file);
  const byFile = new Map<string, { additions: [string, string[]][]; created: PlannedProduct[] }>();
  const entry = (file: string) => byFile.get(file) ?? byFile.set(file, { additions: [], created: [] }).get(file)!;
  for (const [id, libraries] of plan.additions) entry(fileOf(kb.products[id]!.group)).additions.push([id, libraries]);
  for (const p of plan.created) entry(fileOf(p.group)).created.push(p);
  for (const [file, change] of byFile) {
    let text: string | undefined = readFileSync(file, 'utf8');
    for (const [id, libraries] of change.additions) {
      const next = addLibrariesToText(text, id, libraries);
      if (next === undefined) out(`  ${file}: no block for ${id}; add ${libraries.join(', ')} by hand`);
      else text = next;
    }
    if (change.created.length > 0) text = appendProductsToText(text, change.created);
    writeFileSync(file, text);
  }
  out(`${byFile.size} file(s) written`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
