/**
 * Turns a company name in any script into a `NameForm`: its distinctive core, the qualifiers that
 * say which company of a group it is, places, and keys for the index (compact forms, pinyin,
 * acronyms). Pure and deterministic.
 */
import { hasHan, HAN_RUN, simplify, toPinyin } from './chinese.js';
import { isOneEdit, soundKey } from './edits.js';
import anyAscii from 'any-ascii';
import { SUCCESSOR_CLAUSE } from '../../model/list-prose.js';
import {
  ABBREVIATIONS,
  BRITISH_SPELLINGS,
  TRANSLATED_WORDS,
  RUSSIAN_STEMS,
  RUSSIAN_ENDINGS,
  GENERIC_WORDS,
  HAN_GENERIC,
  HAN_LEGAL_SUFFIXES,
  HAN_PLACES,
  LEADING_COUNTRIES,
  LEGAL_FORMS,
  PLACES,
  REGIONS,
} from './lexicon.js';

export type TokenClass = 'core' | 'qualifier' | 'place' | 'region' | 'legal';

export interface Token {
  text: string;
  cls: TokenClass;
}

export interface HanForm {
  /** Simplified characters with legal forms, leading places and trailing business words removed. */
  core: string;
  /** Toneless pinyin of the core, without spaces ("haikangweishi"). */
  pinyin: string;
  /** Pinyin of the name before business words were removed ("zhongxingtongxun"). */
  pinyinFull: string;
  /** Pinyin of every Han character of the name ("zhongguoyidongtongxin"). */
  pinyinWhole: string;
  /** The business words removed from the core, translated where a translation is known. */
  qualifiers: string[];
  places: string[];
  /** The legal forms removed from the end ("有限公司"): 中国移动有限公司 is not the brand 中国移动. */
  legal: string;
}

export interface NameForm {
  raw: string;
  tokens: Token[];
  /** Distinctive tokens; when a name has none (e.g. "China Mobile"), its qualifiers stand in. */
  core: string[];
  /** True when the core had to be made of generic words, or is single letters. */
  weakCore: boolean;
  qualifiers: string[];
  places: string[];
  regions: string[];
  /** Core tokens joined, and core with qualifiers joined: "Hik Vision" and "Hikvision" meet here. */
  compacts: string[];
  /** Initials of the name's words, with and without legal forms, for acronym matching. */
  initials: string[];
  /**
   * Whether the name is a group's parent ("… Group Co., Ltd.", 集团) or a company with a plain legal
   * form; a parent group and a company of the same name are different entities.
   */
  structure?: 'group' | 'company';
  /**
   * The series a fund or trust of a sponsor's series ends with: a Roman numeral ("Partners VI") or a
   * dated tranche ("Trust 2004-1", "2007-AHL1"), and the core without it.
   */
  series?: { marker: string; core: string[] };
  /** The name itself when it is one short token that could be an acronym ("ZTE", "SMIC"). */
  acronym?: string;
  han?: HanForm;
}

/** Qualifiers in Chinese and their English counterparts, so "华为终端" and "Huawei Device" compare. */
const HAN_QUALIFIER_ENGLISH: ReadonlyMap<string, string> = new Map(Object.entries({
  科技: 'technology', 技术: 'technology', 终端: 'device', 通信: 'communication', 通讯: 'communication',
  电子: 'electronic', 网络: 'network', 信息: 'information', 数字: 'digital', 软件: 'software', 系统: 'system',
  设备: 'equipment', 国际: 'international', 云: 'cloud', 云计算: 'cloud', 音乐: 'music', 支付: 'payment',
  智能: 'intelligent', 投资: 'investment', 金融: 'financial', 服务: 'service', 贸易: 'trading', 集团: 'group',
  控股: 'holding', 半导体: 'semiconductor', 集成电路: 'integrated', 存储: 'memory', 电信: 'telecom',
  移动: 'mobile', 机器人: 'robotics', 汽车: 'automotive', 电池: 'battery', 新能源: 'energy', 能源: 'energy',
  信息技术: 'technology', 数字技术: 'technology', 网络技术: 'technology', 电子科技: 'technology',
  智能科技: 'technology', 通信技术: 'technology', 新能源科技: 'technology', 视频: 'video', 娱乐: 'entertainment',
  文化: 'culture', 传媒: 'media', 光电: 'optoelectronic', 无人机: 'drone', 银行: 'bank', 证券: 'securities',
  保险: 'insurance', 物流: 'logistics', 工程: 'engineering', 材料: 'material', 制造: 'manufacturing',
  工业: 'industrial', 实业: 'industrial', 发展: 'development', 创新: 'innovation', 产品: 'product',
  研究院: 'research', 研究所: 'research', 实验室: 'laboratory', 大学: 'university', 学院: 'academy',
  医疗: 'medical', 生物: 'bio', 航空: 'aviation', 航天: 'aerospace', 中心: 'center', 储存: 'storage',
  电器: 'electronic', 计算机: 'computer',
}));

/** Plural business words count as their singular ("Labs" = "Lab", "Technologies" = "Technology"). */
function singular(token: string): string {
  // Securities are a line of finance, not the plural of (cyber)security.
  if (token === 'securities') return token;
  if (token.endsWith('ies') && GENERIC_WORDS.has(`${token.slice(0, -3)}y`)) return `${token.slice(0, -3)}y`;
  if (token.endsWith('s') && GENERIC_WORDS.has(token.slice(0, -1))) return token.slice(0, -1);
  return token;
}

/** Letters of scripts other than Latin and Han (Cyrillic, Greek, Hangul, Kana …) are transliterated. */
const OTHER_SCRIPT = /[^\p{Script=Latin}\p{Script=Han}\P{L}]/u;

const CONFUSED_LETTER = /[l01]/;
const TWO_CAPITALS = /[A-Z].*[A-Z]/;
/** In plain ASCII, a word of capitals, 0, 1 and l with at least one of the last three: the only words changed below. */
const CONFUSABLE_WORD = /(?<![A-Za-z0-9])[A-Z01l]*[01l][A-Z01l]*(?![A-Za-z0-9])/;
/**
 * In a word otherwise in capitals, a lower-case l or a digit 1 is a capital I, and a 0 an O, typed
 * or read wrongly ("DJl", "HUAWE1"): they look the same in most typefaces. Numbers stay numbers.
 */
function fixConfusedCapitals(text: string): string {
  if (!CONFUSED_LETTER.test(text) || !TWO_CAPITALS.test(text) || (PLAIN_ASCII.test(text) && !CONFUSABLE_WORD.test(text))) return text;
  return text.replace(/[\p{L}\p{N}]+/gu, (w, at: number) => {
    if (!/^[A-Z01l]+$/.test(w) || (w.match(/[A-Z]/g)?.length ?? 0) < 2 || !/[01l]/.test(w)) return w;
    // A dated tranche's own number ("Trust 2007-AHL1") is a number.
    if (at >= 5 && DATED_TRANCHE.test(text.slice(at - 5, at))) return w;
    return w.replace(/[1l]/g, 'I').replace(/0/g, 'O');
  });
}

const DATED_TRANCHE = /^(19|20)\d\d-$/;

const DOTTED_PAIR = /\p{L}\.\p{L}\./u;
/** Dotted initials are one word: "S.A." is the legal form SA, "U.S.A." the region USA. */
function joinDottedInitials(text: string): string {
  if (!DOTTED_PAIR.test(text)) return text;
  // The last letter may lack its dot ("L.L.C", "S.A"): it still belongs to the initials.
  return text.replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}(?:\p{L}(?![\p{L}\p{N}]))?/gu, (m) => m.replace(/\./g, '') + ' ');
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;
/** A word of a list's successor clause (see `SUCCESSOR_CLAUSE`): most names have none, and skip its replace. */
const SUCCESSOR_WORD = /succ|sub-?unit|subsidiar|subordinate/i;

const GLUED_LEGAL_FORM = /(\p{Ll}{2})(AG|GmbH|SA|SE|NV|BV|LLC|Ltd|LTD|Inc|INC|Corp|PLC|KG|OOO|JSC|OJSC|PJSC|SpA|SRL|Srl|AB|ASA|Oy|KK)(?![\p{L}\p{N}])/gu;
/** What every glued legal form has: a lower-case letter right before a capital (most names have none, and skip the replace). */
const GLUED_LEGAL_FORM_START = /\p{Ll}\p{Lu}/u;

/**
 * Before the text is cut into words: one letter hyphenated to a word is part of it ("T-Mobile",
 * "E-Trade" are one word, not a "T" beside the generic "Mobile"), and a legal form glued to the end
 * of a capitalised word is a word of its own ("SiemensAG", "AcmeGmbH").
 */
function joinAndSplitGlued(text: string): string {
  // A Persian ezafe hyphenated to its noun ("Bank-e Sarmayeh", "SHERKAT-E …", "Khaneh-ye …") is no
  // word of its own, in capitals too.
  const joined = text.includes('-') ? text.replace(/(?<![\p{L}\p{N}])(\p{L})-(?=\p{L}{2})/gu, '$1').replace(/(\p{L}{2})-(?:y?e|Y?E)(?![\p{L}\p{N}])/gu, '$1') : text;
  return GLUED_LEGAL_FORM_START.test(joined) ? joined.replace(GLUED_LEGAL_FORM, '$1 $2') : joined;
}

const ASCII_APOSTROPHES = /['`]/g;
const AMPERSANDS = /&/g;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

function latinWords(text: string): string[] {
  return canonicalWords(writtenWords(text));
}

/**
 * A name's words as written, in lower case: before legal forms and kinds of organisation written
 * out are made one word, abbreviations expanded or spellings corrected ("Scientific Production
 * Enterprise" is still three words, which an abbreviation's initials may spell).
 */
export function writtenWords(text: string): string[] {
  // Most names are plain ASCII: nothing to transliterate, no marks to strip.
  if (PLAIN_ASCII.test(text)) {
    return fixConfusedCapitals(joinDottedInitials(joinAndSplitGlued(text)))
      .toLowerCase()
      .replace(ASCII_APOSTROPHES, '')
      .replace(AMPERSANDS, ' and ')
      .split(ASCII_SEPARATORS)
      .filter((w) => w.length > 0);
  }
  return fixConfusedCapitals(joinDottedInitials(joinAndSplitGlued(OTHER_SCRIPT.test(text) ? anyAscii(text) : text)))
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`´]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Legal forms written out in words, in the languages of the lists, and their short forms: each is
 * one legal token, so "Open Joint Stock Company Gazprom" = "OAO Gazprom" and "Societatea cu
 * Raspundere Limitata" = "SRL". Longest phrases first.
 */
const LEGAL_PHRASE_FORMS: ReadonlyMap<string, string> = new Map(Object.entries({
  'obshchestvo s ogranichennoy otvetstvennostyu': 'ooo', 'obshchestvo s ogranichennoi otvetstvennostiu': 'ooo',
  'obschestvo s ogranichennoy otvetstvennostyu': 'ooo', 'otkrytoe aktsionernoe obshchestvo': 'oao',
  'zakrytoe aktsionernoe obshchestvo': 'zao', 'publichnoe aktsionernoe obshchestvo': 'pao', 'aktsionernoe obshchestvo': 'ao',
  'open joint stock company': 'ojsc', 'closed joint stock company': 'cjsc', 'public joint stock company': 'pjsc',
  'private joint stock company': 'jsc', 'joint stock company': 'jsc', 'limited liability company': 'llc',
  'limited liability partnership': 'llp', 'public limited company': 'plc', 'private limited company': 'limited',
  'limited partnership': 'lp', 'gesellschaft mit beschrankter haftung': 'gmbh', 'societatea cu raspundere limitata': 'srl',
  'spolka z ograniczona odpowiedzialnoscia': 'spzoo', 'spolka akcyjna': 'sa', 'societe par actions simplifiee': 'sas',
  'societe a responsabilite limitee': 'sarl', 'societa per azioni': 'spa', 'societa a responsabilita limitata': 'srl',
  'sociedad de responsabilidad limitada': 'srl', 'sociedade anonima': 'sa', 'kabushiki kaisha': 'kk', 'yugen kaisha': 'yk',
  'godo kaisha': 'gk', 'sp z o o': 'spzoo', 'sp z oo': 'spzoo', 'sp zoo': 'spzoo', 'z oo': 'spzoo', 'a s': 'as', 's de rl de cv': 'sa', 's a de c v': 'sa', 'sa de cv': 'sa', 'z o o': 'spzoo',
  // Russian, Ukrainian and Belarusian forms as the lists transliterate them; "of the open type" is
  // the older wording of an open joint-stock company.
  'aktsionernoe obshchestvo otkrytogo tipa': 'oao', 'aktsionernoe obshchestvo zakrytogo tipa': 'zao',
  'otkrytogo tipa': 'oao', 'zakrytogo tipa': 'zao', 'aktsionernaya kompaniya': 'ao',
  'tovarystvo z obmezhenoiu vidpovidalnistiu': 'llc', 'tovarystvo z obmezhenoyu vidpovidalnistyu': 'llc',
  'pryvatne aktsionerne tovarystvo': 'jsc', 'publichne aktsionerne tovarystvo': 'pjsc', 'aktsionerne tovarystvo': 'jsc',
  'tavarystva z abmezhavanai adkaznastsyu': 'llc', 'tavarystva z abmezhavanay adkaznastsyu': 'llc',
  'adkrytae aktsyyanernae tavarystva': 'oao', 'aktsyyanernae tavarystva': 'ao',
  // Russian as Kyrgyz and Kazakh lists write it, "publicly traded company" for PAO, Azerbaijani, Turkish, Spanish and Persian.
  'obshtestvo s ogranichennoy otvetstvennostyu': 'ooo', 'tovarishchestvo s ogranichennoy otvetstvennostyu': 'llp',
  'publicly traded company': 'pjsc', 'mahdud masuliyyatli camiyyati': 'llc', 'mahdud masuliyyatli camiyyat': 'llc',
  'anonim sirketi': 'as', 'limited sirketi': 'limited', 'sociedad anonima de capital variable': 'sa',
  'sociedad de responsabilidad limitada de capital variable': 'srl', 'sociedad anonima': 'sa', 'sahami khass': 'pjs', 'sahami aam': 'pjs',
  // Mexican rural production and limited companies (S. de P.R. de R.L., S. de R.L.); a civil
  // association (Asociación Civil, "A.C." at the end of a name) is an association.
  's de pr de rl': 'srl', 's de rl': 'srl', 'asociacion civil': 'association',
}));
/**
 * Kinds of organisation that Russian names carry before the name itself, transliterated, translated
 * or abbreviated as each list prefers: each is one word of its kind, so "Nauchno-Proizvodstvennoe
 * Predpriyatie Istok" = "Research and Production Enterprise Istok" = "NPP Istok". The words are
 * generic (lexicon.ts): they tell what kind of body it is, not which.
 */
const ORGANISATION_TYPE_PHRASES: ReadonlyMap<string, string> = new Map(Object.entries({
  'nauchno proizvodstvennoe predpriyatie': 'npp', 'research and production enterprise': 'npp', 'research production enterprise': 'npp',
  'scientific and production enterprise': 'npp', 'scientific production enterprise': 'npp', 'science and production enterprise': 'npp',
  'nauchno proizvodstvennoe obedinenie': 'npo', 'research and production association': 'npo', 'research production association': 'npo',
  'scientific and production association': 'npo', 'scientific production association': 'npo', 'science and production association': 'npo',
  'nauchno proizvodstvennaya korporatsiya': 'npk', 'research and production corporation': 'npk', 'scientific and production corporation': 'npk',
  'scientific production corporation': 'npk', 'nauchno proizvodstvennyy kompleks': 'npk', 'research and production complex': 'npk',
  'scientific and production complex': 'npk', 'scientific production complex': 'npk',
  'nauchno proizvodstvennyy tsentr': 'npts', 'research and production center': 'npts', 'scientific and production center': 'npts',
  'scientific production center': 'npts', 'nauchno proizvodstvennaya firma': 'npf', 'research and production firm': 'npf',
  'scientific and production firm': 'npf', 'scientific production firm': 'npf',
  'federalnoe gosudarstvennoe unitarnoe predpriyatie': 'fgup', 'federal state unitary enterprise': 'fgup',
  'gosudarstvennoe unitarnoe predpriyatie': 'gup', 'state unitary enterprise': 'gup',
  'federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie': 'fgbu', 'federal state budgetary institution': 'fgbu',
  'tsentralnyy nauchno issledovatelskiy institut': 'nii', 'central scientific research institute': 'nii', 'central research institute': 'nii', tsnii: 'nii',
  'nauchno issledovatelskiy institut': 'nii', 'scientific research institute': 'nii', 'research institute': 'nii',
  'opytno konstruktorskoe byuro': 'kb', 'experimental design bureau': 'kb', 'spetsialnoe konstruktorskoe byuro': 'kb', okb: 'kb', skb: 'kb',
  'special design bureau': 'kb', 'konstruktorskoe byuro': 'kb', 'design bureau': 'kb',
  // A central design bureau (TsKB) is a design bureau, as a central research institute is a research
  // institute; a scientific or scientific-technical centre (NTs, NTTs, NITs), a design-technology
  // centre (KTTs), a production association (PO) and a foreign-economic association (VO), each
  // transliterated, translated or abbreviated.
  'tsentralnoe konstruktorskoe byuro': 'kb', 'central design bureau': 'kb', tskb: 'kb',
  'nauchno tekhnicheskiy tsentr': 'nts', 'scientific and technical center': 'nts', 'scientific technical center': 'nts',
  'scientific and technical centre': 'nts', 'scientific technical centre': 'nts', 'nauchnyy tsentr': 'nts', 'nauchny tsentr': 'nts',
  'scientific center': 'nts', 'scientific centre': 'nts', 'research center': 'nts', 'research centre': 'nts', ntts: 'nts', ntc: 'nts', nits: 'nts',
  'konstruktorsko tekhnologicheskiy tsentr': 'ktts', 'design technology center': 'ktts', 'design and technology center': 'ktts',
  'design technological center': 'ktts', 'design and technological center': 'ktts',
  'proizvodstvennoe obedinenie': 'po', 'production association': 'po',
  'vneshneekonomicheskoe obedinenie': 'vo', 'foreign economic association': 'vo',
}));

/**
 * The written-out phrases, of legal forms and of kinds of organisation, as the sound keys of their
 * words, so "Ogranichennoi Otvetstvennostyu" mixing two transliterations is one.
 */
/**
 * Vietnamese legal forms and business words, each of syllables written apart, as the English:
 * "Cong Ty Co Phan Van Tai Hang Hai Quoc Viet" = "Quoc Viet Marine Transport JSC" (a joint-stock
 * company, Cong Ty Co Phan; a limited liability company, Cong Ty TNHH). The syllables are no known
 * words of their own: short words spelt near them ("Cons.", "Kong") stay as they are.
 */
const VIETNAMESE_PHRASES: ReadonlyMap<string, string> = new Map(Object.entries({
  'cong ty co phan': 'jsc', 'cong ty tnhh': 'llc', 'cong ty': 'company',
  'van tai': 'transport', 'hang hai': 'marine', 'thuong mai': 'trading', 'dau tu': 'investment', 'dich vu': 'service',
  'cong nghe': 'technology', 'xay dung': 'construction',
}));

const WRITTEN_OUT_PHRASES: readonly { keys: string[]; form: string }[] = [...LEGAL_PHRASE_FORMS, ...ORGANISATION_TYPE_PHRASES, ...VIETNAMESE_PHRASES]
  .sort(([a], [b]) => b.length - a.length)
  .map(([phrase, form]) => ({ keys: phrase.split(' ').map(soundKey), form }));
/** The phrases by the sound key of their first word, longest first: a name's word is tried only against those. */
const PHRASES_BY_FIRST = new Map<string, { keys: string[]; form: string }[]>();
for (const p of WRITTEN_OUT_PHRASES) PHRASES_BY_FIRST.set(p.keys[0] as string, [...(PHRASES_BY_FIRST.get(p.keys[0] as string) ?? []), p]);

/** Numbers in words and ordinals are digits: "First" = "1st" = "1", "Forty-Four" = "44". */
const UNITS: ReadonlyMap<string, number> = new Map(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
}));
const TENS: ReadonlyMap<string, number> = new Map(Object.entries({ twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }));

/** Countries written out or abbreviated: "United States" = "U.S." = "USA". */
const COUNTRY_PHRASES: readonly [string[], string][] = [
  [['united', 'states', 'of', 'america'], 'usa'], [['united', 'states'], 'usa'], [['us'], 'usa'],
  [['united', 'kingdom'], 'uk'], [['great', 'britain'], 'uk'],
];
const COUNTRY_FIRST = new Set(COUNTRY_PHRASES.map(([p]) => p[0] as string));

/**
 * A legal form cut short at the end of a name, as a field limited in length leaves it ("… Joint
 * Stock Compan"): the legal form. Five letters at least, and only the name's last word.
 */
const LEGAL_BY_PREFIX = new Map<string, string>();
for (const form of [...LEGAL_FORMS].filter((f) => f.length >= 6 && /^[a-z]+$/.test(f)).sort()) {
  for (let n = 5; n < form.length; n++) if (!LEGAL_BY_PREFIX.has(form.slice(0, n))) LEGAL_BY_PREFIX.set(form.slice(0, n), form);
}

const ORDINAL = /^(\d+)(st|nd|rd|th)$/;

/**
 * Words that dedicate a body to a person ("… Plant named after A. Yaskin", "… imeni V.V. Bakhireva",
 * "… im. A. I. Yaskina", "… in the name of …"): lists write them, translate them or leave them out,
 * so they are no words of the name; nor are the person's initials that follow (one or two letters:
 * "A. I.", "V.V.", joined as dotted initials are).
 */
const DEDICATIONS: readonly string[][] = [['named', 'after'], ['in', 'the', 'name', 'of'], ['imeni'], ['im']];
const DEDICATION_FIRST = new Set(DEDICATIONS.map((d) => d[0] as string));

/** The words without a dedication's words and the initials after them; not the name's first word. */
function withoutDedication(words: string[]): string[] {
  for (let i = 1; i < words.length; i++) {
    if (!DEDICATION_FIRST.has(words[i] as string)) continue;
    const phrase = DEDICATIONS.find((d) => d.every((x, k) => words[i + k] === x));
    if (!phrase) continue;
    let end = i + phrase.length;
    while (end < words.length - 1 && (words[end] as string).length <= 2) end++;
    // Something of the person's name must follow: "… IM" alone is a word of the name.
    if (end >= words.length) continue;
    return [...words.slice(0, i), ...words.slice(end)];
  }
  return words;
}

/** "And" in Spanish (y), Portuguese and Italian (e), French (et), German (und), Persian (va), Arabic (wa), Russian (i). */
const CONJUNCTIONS = new Set(['y', 'e', 'et', 'und', 'va', 'wa', 'i']);

function isNameWord(word: string): boolean {
  return word.length >= 3 && ONLY_LOWER_LETTERS.test(word) && !LEGAL_FORMS.has(ABBREVIATIONS.get(word) ?? word);
}

function canonicalWords(raw: string[]): string[] {
  const words = withoutDedication(raw.map(correctSpelling));
  // "And" in the lists' other languages, between two words ("EMMR y Cia", "Haml va Naghl"): "and".
  // A lone "I" is also a fund's numeral ("Partners I L.P."): "and" only between two words of the name.
  for (let i = 1; i < words.length - 1; i++) {
    const w = words[i] as string;
    if (CONJUNCTIONS.has(w) && (w !== 'i' || (isNameWord(words[i - 1] as string) && isNameWord(words[i + 1] as string)))) words[i] = 'and';
  }
  const lastWord = words[words.length - 1];
  if (lastWord === 'ac' && words.length >= 3) words[words.length - 1] = 'association';
  if (words.length >= 2 && lastWord !== undefined && !KNOWN_WORDS.has(lastWord)) {
    const cut = LEGAL_BY_PREFIX.get(lastWord);
    if (cut) words[words.length - 1] = cut;
  }
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const country = COUNTRY_FIRST.has(w) ? COUNTRY_PHRASES.find(([p]) => p.every((x, k) => words[i + k] === x)) : undefined;
    if (country) {
      out.push(country[1]);
      i += country[0].length - 1;
      continue;
    }
    const candidates = PHRASES_BY_FIRST.get(soundKey(w));
    if (candidates) {
      const phrase = candidates.find((p) => p.keys.every((x, k) => k === 0 || (i + k < words.length && soundKey(words[i + k] as string) === x)));
      if (phrase) {
        out.push(phrase.form);
        i += phrase.keys.length - 1;
        continue;
      }
    }
    const ordinal = ORDINAL.exec(w);
    if (ordinal) {
      out.push(ordinal[1] as string);
      continue;
    }
    const tens = TENS.get(w);
    if (tens !== undefined) {
      const next = words[i + 1] ?? '';
      const unit = UNITS.get(next) ?? (/^[1-9]$/.test(next) ? Number(next) : undefined);
      if (unit !== undefined && unit > 0 && unit < 10) {
        out.push(String(tens + unit));
        i++;
      } else out.push(String(tens));
      continue;
    }
    const unit = UNITS.get(w);
    // A word respelt as a word of a written-out phrase that no phrase took is the name's own word:
    // "Otkritie" is a bank's name, not "Otkrytoe" (open) without the rest of "Otkrytoe Aktsionernoe …".
    out.push(unit !== undefined ? String(unit) : w !== raw[i] && PHRASE_ONLY_WORDS.has(w) ? (raw[i] as string) : w);
  }
  return out;
}

/** Splits "ChangXin" into "chang xin" for initials only; the token itself stays whole. */
function camelParts(original: string): string[] {
  if (PLAIN_ASCII.test(original)) return asciiCamelParts(original);
  return original
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** `camelParts` of plain ASCII in one pass: runs of letters and digits, cut again where a capital follows a small letter. */
function asciiCamelParts(text: string): string[] {
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lower = c >= 97 && c <= 122;
    const upper = c >= 65 && c <= 90;
    if (!lower && !upper && !(c >= 48 && c <= 57)) {
      if (start >= 0) parts.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
    else if (upper) {
      const before = text.charCodeAt(i - 1);
      if (before >= 97 && before <= 122) {
        parts.push(text.slice(start, i));
        start = i;
      }
    }
  }
  if (start >= 0) parts.push(text.slice(start));
  return parts;
}

/**
 * The words whose meaning the matcher knows: legal forms, business words, the words of legal forms
 * written out and long abbreviations, with their plurals; and, from seven letters on, places and
 * regions (shorter ones are too close to Chinese syllables: Jinan/Jian, Hunan/Huan). A misspelling
 * or another transliteration of one of them is that word ("Holldings", "Ennergy", "Eksport",
 * "Compani", "Technlogies", "Shennzhen"), not a distinctive word of the name.
 */
const KNOWN_WORDS = new Set<string>();
{
  // Words get their plurals; abbreviations do not ("electrs" is no word, and "Electro" is no misspelling of it).
  const add = (w: string, plural = true) => {
    if (!/^[a-z]{4,}$/.test(w)) return;
    KNOWN_WORDS.add(w);
    if (!plural) return;
    if (/[^aeiou]y$/.test(w)) KNOWN_WORDS.add(`${w.slice(0, -1)}ies`);
    else if (!w.endsWith('s')) KNOWN_WORDS.add(`${w}s`);
  };
  for (const w of [...LEGAL_FORMS, ...GENERIC_WORDS, ...[...LEGAL_PHRASE_FORMS.keys(), ...ORGANISATION_TYPE_PHRASES.keys()].flatMap((p) => p.split(' '))]) add(w);
  for (const [w, full] of ABBREVIATIONS) if (w.length >= 5 && (LEGAL_FORMS.has(full) || GENERIC_WORDS.has(full))) add(w, false);
  // Words of other languages are spelt with their own endings: no English plurals.
  for (const w of TRANSLATED_WORDS.keys()) add(w, false);
  for (const w of BRITISH_SPELLINGS.keys()) add(w, false);
  for (const w of [...PLACES, ...REGIONS]) if (w.length >= 7) add(w);
}

/** Words known only as words of written-out legal forms and kinds of organisation ("otkrytoe", "predpriyatie"). */
const PHRASE_ONLY_WORDS = new Set(
  [...LEGAL_PHRASE_FORMS.keys(), ...ORGANISATION_TYPE_PHRASES.keys()]
    .flatMap((p) => p.split(' '))
    .filter((w) => !LEGAL_FORMS.has(w) && !GENERIC_WORDS.has(w) && !TRANSLATED_WORDS.has(w) && !ABBREVIATIONS.has(w)),
);

/** Known words of seven letters or more by first letter: one edit away is that word ("Corporaton"). */
const LONG_KNOWN = new Map<string, string[]>();
/** Known words by how they sound (edits.ts `soundKey`): doubled letters, c/k/s, y/i, x/ks, zh/j … */
const KNOWN_BY_SOUND = new Map<string, string>();
/** Short known words by each spelling with one inner letter dropped ("grop" → "group"), or, from six letters, two swapped ("enregy"). */
const SHORT_BY_SLIP = new Map<string, string>();
for (const known of [...KNOWN_WORDS].sort()) {
  const first = known[0] as string;
  if (known.length >= 7) LONG_KNOWN.set(first, [...(LONG_KNOWN.get(first) ?? []), known]);
  const key = soundKey(known);
  if (!KNOWN_BY_SOUND.has(key)) KNOWN_BY_SOUND.set(key, known);
  if (known.length < 5 || known.length >= 8 || (PLACES.has(known) || REGIONS.has(known))) continue;
  // Not the last letter: "Mobil", "Technik" are words of their own, not "Mobile" misspelt.
  for (let i = 1; i < known.length - 1; i++) {
    const dropped = known.slice(0, i) + known.slice(i + 1);
    if (!SHORT_BY_SLIP.has(dropped)) SHORT_BY_SLIP.set(dropped, known);
  }
  if (known.length < 6) continue;
  for (let i = 1; i < known.length - 1; i++) {
    const swapped = known.slice(0, i) + known[i + 1] + known[i] + known.slice(i + 2);
    if (swapped !== known && !SHORT_BY_SLIP.has(swapped)) SHORT_BY_SLIP.set(swapped, known);
  }
}

const SPELLED = new Map<string, string>();

function correctSpelling(word: string): string {
  // Only words that pass the checks below are kept: a word met before is looked up once.
  let known = SPELLED.get(word);
  if (known !== undefined) return known;
  if (word.length < 4 || KNOWN_WORDS.has(word) || !ONLY_LOWER_LETTERS.test(word)) return word;
  known = spellingOf(word);
  if (SPELLED.size < EXPANDED_LIMIT) SPELLED.set(word, known);
  return known;
}
const ONLY_LOWER_LETTERS = /^[a-z]+$/;

function spellingOf(word: string): string {
  // Spelled as heard (a doubled letter, c for k, i for y …): short words only with the first letter kept.
  const bySound = KNOWN_BY_SOUND.get(soundKey(word));
  if (bySound && (word.length >= 6 || bySound[0] === word[0])) return bySound;
  // A short word is corrected only for a dropped or swapped letter ("Grop"): a replaced one makes another word.
  if (word.length < 7) return SHORT_BY_SLIP.get(word) ?? word;
  for (const known of LONG_KNOWN.get(word[0] as string) ?? []) {
    // A last letter more or less is a word of its own ("Constructor" / "Constructora").
    // …and so is a plural's "s" against another last letter ("Constructors" / "Constructora").
    if (Math.abs(known.length - word.length) <= 1 && isOneEdit(word, known) && !endsApart(word, known) && !otherEnding(word, known)) return known;
  }
  return word;
}

/** Words of one length that differ in their last letter only, one of them ending in "s". */
function otherEnding(a: string, b: string): boolean {
  const n = a.length;
  return n === b.length && a[n - 1] !== b[n - 1] && (a[n - 1] === 's' || b[n - 1] === 's') && a.slice(0, n - 1) === b.slice(0, n - 1);
}

function endsApart(a: string, b: string): boolean {
  return a.length !== b.length && (a.startsWith(b) || b.startsWith(a));
}

/** Words repeat across an inventory: each is expanded (abbreviation, plural, spelling) once. */
const EXPANDED = new Map<string, string>();
const EXPANDED_LIMIT = 100_000;

function expandWord(word: string): string {
  let expanded = EXPANDED.get(word);
  if (expanded === undefined) {
    const spelt = americanSpelling(word);
    expanded = singular(ABBREVIATIONS.get(spelt) ?? TRANSLATED_WORDS.get(spelt) ?? russianWord(spelt) ?? spelt);
    if (EXPANDED.size < EXPANDED_LIMIT) EXPANDED.set(word, expanded);
  }
  return expanded;
}

/** A word in its American spelling: "Organisation" = "Organization", "Centre" = "Center" (lexicon.ts). */
function americanSpelling(word: string): string {
  const listed = BRITISH_SPELLINGS.get(word);
  if (listed) return listed;
  if (word.length > 8 && (word.endsWith('isation') || word.endsWith('isations'))) return word.replace(/isation(s?)$/, 'ization$1');
  return word;
}

/** A Russian descriptive word in any of its endings, as its English word ("elektricheskie" → "electric"). */
function russianWord(word: string): string | undefined {
  if (word.length < 5) return undefined;
  for (const ending of RUSSIAN_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const english = RUSSIAN_STEMS.get(word.slice(0, word.length - ending.length));
    if (english) return english;
  }
  return undefined;
}

/**
 * Legal forms that are also words or abbreviations of names ("SL Corporation"): a legal form only
 * where they close a name after a word of it ("Saf Tech S.L.", "Grupo MBS Lda", "Blue Lagoon Group
 * (S.L.) Limited"). Spanish Sociedad Limitada (Unipersonal), Portuguese Limitada. (German "e.V.",
 * a registered association, is left a word: the lists hold "Al-Aqsa" and "Al-Aqsa e.V." as two
 * parties.)
 */
const CLOSING_FORMS = new Set(['sl', 'slu', 'lda']);

/** Places of two words: either word alone is no place ("Hua Hong" is a name, "Hong Kong" a place). */
const PLACE_HALVES = new Map([['hong', 'kong'], ['kong', 'hong'], ['inner', 'mongolia'], ['mongolia', 'inner']]);

function classify(words: string[]): Token[] {
  const expanded = words.map(expandWord);
  const tokens: Token[] = [];
  let seenCore = false;
  for (let i = 0; i < expanded.length; i++) {
    const w = expanded[i] as string;
    const partner = PLACE_HALVES.get(w);
    const halfAlone = partner !== undefined && expanded[i - 1] !== partner && expanded[i + 1] !== partner;
    let cls: TokenClass;
    // "Stock" is a legal form's word after "Joint" ("Joint Stock Company"), a word of the name elsewhere ("EDBI Stock Brokerage").
    if (CLOSING_FORMS.has(w) && seenCore && expanded.slice(i + 1).every((x) => LEGAL_FORMS.has(x) || CLOSING_FORMS.has(x))) cls = 'legal';
    else if (LEGAL_FORMS.has(w) && (w !== 'stock' || expanded[i - 1] === 'joint' || i === expanded.length - 1 || expanded[i + 1] === 'company')) cls = 'legal';
    else if (seenCore && REGIONS.has(w)) cls = 'region';
    else if ((PLACES.has(w) && !halfAlone) || (!seenCore && LEADING_COUNTRIES.has(w))) cls = 'place';
    else if (GENERIC_WORDS.has(w)) cls = 'qualifier';
    else {
      cls = 'core';
      seenCore = true;
    }
    tokens.push({ text: w, cls });
  }
  // A country leads a core; a name of a country and generic words ("Iran Electronics Industries") is
  // named by it.
  if (!seenCore) {
    for (const t of tokens) if (t.cls === 'place' && LEADING_COUNTRIES.has(t.text)) t.cls = 'core';
  } else countriesInsideCore(tokens);
  return tokens;
}

/**
 * A country written between two words of a name's core, in the same legal name, is a word of the name
 * ("Islamic Republic of Iran - China Shipping Lines", a line of two countries, is not "Islamic
 * Republic of Iran Shipping Lines"); a country leading or closing the name stays a place or a region.
 */
function countriesInsideCore(tokens: Token[]): void {
  let lastCore = -1;
  for (let i = tokens.length - 1; i >= 0 && lastCore < 0; i--) if ((tokens[i] as Token).cls === 'core') lastCore = i;
  let coreBefore = false;
  for (let i = 0; i < lastCore; i++) {
    const t = tokens[i] as Token;
    if (t.cls === 'core') coreBefore = true;
    else if (t.cls === 'legal' && !CONNECTING_WORDS.has(t.text)) coreBefore = false;
    else if (coreBefore && (t.cls === 'place' || t.cls === 'region') && (LEADING_COUNTRIES.has(t.text) || t.text === 'china')) t.cls = 'region';
  }
}
const CONNECTING_WORDS = new Set(['of', 'the', 'and']);

/**
 * Words the lexicon files with legal forms that are no legal form ("Ford Motor Company of Canada"),
 * and legal forms written as plain words, which also name a kind of body ("Private Military Company
 * Wagner").
 */
const NO_CLOSING_FORM = new Set(['the', 'and', 'of', 'a', 'an', 'de', 'los', 'las', 'in', 'company', 'corporation', 'incorporated', 'limited', 'private', 'public', 'joint', 'stock', 'cooperative', 'partnership', 'sole', 'share', 'shares', 'liability', 'unlimited']);

/**
 * Distinctive words after the abbreviated legal form that closes a name, without business words, are
 * the company's seat, as registers and lists append it ("Falcon Strategic Solutions DOO Beograd-Palilula", "New Age
 * Shipping Ltd-BZE", "Silver Bridge Shipping Co-HKG"): a place, not a word of the name. `written`
 * holds each token's word as the name writes it.
 */
function withSeat(tokens: Token[], written: string[]): Token[] {
  let last = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if ((tokens[i] as Token).cls === 'legal') {
      last = i;
      break;
    }
  }
  if (last < 1 || last === tokens.length - 1 || NO_CLOSING_FORM.has(written[last] as string) || !tokens.slice(0, last).some((t) => t.cls === 'core')) return tokens;
  // Business words after it describe a company ("Banco de Venezuela SA Banco Universal"): no seat.
  if (tokens.slice(last + 1).some((t) => t.cls === 'qualifier')) return tokens;
  return tokens.map((t, i) => (i > last && t.cls === 'core' ? { text: t.text, cls: 'place' } : t));
}

function stripHan(simplified: string): HanForm {
  const whole = simplified.replace(/[^\p{Script=Han}]/gu, '');
  let s = simplified.replace(/[（(][^）)]*[）)]/g, (m) => (HAN_PLACES.some((p) => m.includes(p)) ? '' : m));
  s = s.replace(/[^\p{Script=Han}]/gu, '');
  const places: string[] = [];
  const qualifiers: string[] = [];
  let legal = '';
  let changed = true;
  while (changed) {
    changed = false;
    for (const suffix of HAN_LEGAL_SUFFIXES) {
      if (s.endsWith(suffix) && s.length > suffix.length + 1) {
        s = s.slice(0, -suffix.length);
        legal = suffix + legal;
        changed = true;
        break;
      }
    }
  }
  for (let again = true; again; ) {
    again = false;
    for (const place of HAN_PLACES) {
      if (s.startsWith(place) && s.length - place.length >= 2) {
        places.push(place);
        s = s.slice(place.length);
        again = true;
        break;
      }
    }
  }
  const beforeGeneric = s;
  for (let again = true; again; ) {
    again = false;
    for (const word of HAN_GENERIC) {
      if (s.endsWith(word) && s.length - word.length >= 2) {
        qualifiers.unshift(HAN_QUALIFIER_ENGLISH.get(word) ?? word);
        s = s.slice(0, -word.length);
        again = true;
        break;
      }
    }
  }
  return { core: s, pinyin: toPinyin(s).join(''), pinyinFull: toPinyin(beforeGeneric).join(''), pinyinWhole: toPinyin(whole).join(''), qualifiers, places, legal };
}

/** A name that ends in its own abbreviation in brackets: "North China Research Institute of Electro-Optics (NCRIEO)". */
const GLOSSED_ABBREVIATION = /^(.*[^\s(])\s*\(\s*([A-Za-z]{2,8})\s*\)\s*$/;

/**
 * A name written as its web address ("Amazon.com, Inc.", "Sinbad.io"): the suffix glued to the name
 * by a dot is no word of it, from five letters on: a short name keeps its domain, which is then the
 * brand ("JD.com", "Trip.com", "Mail.ru" are not the words "JD", "Trip", "Mail"). Only top-level
 * domains that are no legal form or word ("co", "de" are left).
 */
const WEB_SUFFIX = /(?:^|[^a-z0-9-])[a-z0-9-]{4,}[a-z0-9]\.(?:com|net|org|io|ai|ru|ir|cn|ae|biz|info|app|hk)(?![a-z0-9.])/i;
const WEB_SUFFIXES = /((?:^|[^a-z0-9-])[a-z0-9-]{4,}[a-z0-9])\.(?:com|net|org|io|ai|ru|ir|cn|ae|biz|info|app|hk)(?![a-z0-9.])/gi;

/**
 * "Import and export" as traders abbreviate it: "Imp & Exp", "Imp. and Exp.", "I/E", "I & E",
 * "Impex" (and "ImpAndExp", an ampersand spelt out inside one word).
 */
const IMPORT_EXPORT_PATTERN = String.raw`(?<![a-z0-9])(?:imp(?:ort)?\.?\s*(?:&|and|\/|-)\s*exp(?:ort)?\.?|i\s*[\/&]\s*e|impex|impandexp)(?![a-z0-9])`;
const IMPORT_EXPORT = new RegExp(IMPORT_EXPORT_PATTERN, 'i');
const IMPORT_EXPORTS = new RegExp(IMPORT_EXPORT_PATTERN, 'gi');
function mayAbbreviateImportExport(text: string): boolean {
  return text.includes('/') || text.includes('&') || text.includes('mp') || text.includes('MP') || text.includes('Mp');
}

export function normaliseName(raw: string): NameForm {
  // The bracketed abbreviation spells the words before it: its letters are no initial of the name
  // ("NEON" is not that institute); it stays a word of the name, as lists also write it unbracketed.
  if (raw.endsWith(')')) {
    const glossed = GLOSSED_ABBREVIATION.exec(raw);
    if (glossed) {
      const named = normaliseName(glossed[1] as string);
      if (named.initials.includes((glossed[2] as string).toLowerCase())) return shapedForm({ ...formOf(raw), initials: named.initials });
    }
  }
  return formOf(raw);
}

/** Two words of two letters or more on either side of a slash: "Al-Qa'ida/Islamic Army", "Isfahan/Esfahan" (not "M/S", "I/E", "J/V"). */
export const ALTERNATIVES = /\p{L}{2}\s*\/\s*\p{L}{2}/u;
const ALTERNATIVE_FORMS = new Map<string, NameForm[]>();
const SUBDIVISIONS = new Set(['division', 'branch', 'office', 'unit', 'section', 'department', 'cell', 'cells', 'subsidiary', 'affiliate']);

/**
 * The names a name lists with a slash, each on its own: the parts ("Al-Qa'ida/Islamic Army" is
 * "Al-Qa'ida" or "Islamic Army"), and, for two parts, the last word of the first replaced by the
 * second ("Lord's Resistance Movement/Army" is also "Lord's Resistance Army", "Front for the
 * Conquest of Syria/the Levant" "… of the Levant"; that one word alone is no name). A part without
 * a distinctive word of four letters or more is no name of its own.
 */
export function alternativesOf(raw: string): NameForm[] {
  let forms = ALTERNATIVE_FORMS.get(raw);
  if (forms) return forms;
  forms = [];
  if (ALTERNATIVES.test(raw)) {
    const parts = raw.split('/').map((p) => p.trim()).filter((p) => p.length > 0);
    const texts = [...parts];
    if (parts.length === 2) {
      const words = (parts[0] as string).split(/\s+/);
      if (words.length > 1) {
        texts.push(`${words.slice(0, -1).join(' ')} ${parts[1]}`);
        // One word after several is the first part's last word written another way, not a name.
        if (!/\s/.test(parts[1] as string)) texts.splice(1, 1);
      }
    }
    for (const text of texts) {
      const form = normaliseName(text);
      // A part naming a unit of the other ("… / Satcom Division", "FAI/Metropolitan Cells") is no name of its own.
      if (!form.weakCore && form.core.some((w) => w.length >= 4) && !form.tokens.some((t) => SUBDIVISIONS.has(t.text))) forms.push(form);
    }
  }
  if (ALTERNATIVE_FORMS.size > 10_000) ALTERNATIVE_FORMS.clear();
  ALTERNATIVE_FORMS.set(raw, forms);
  return forms;
}

const ACRONYM_WORD = /^[a-z0-9]{2,6}$/;
const MESSRS = /^(?:m\/s|messrs)\.?\s+/i;

function formOf(raw: string): NameForm {
  const ascii = PLAIN_ASCII.test(raw);
  const listed = SUCCESSOR_WORD.test(raw) ? raw.replace(SUCCESSOR_CLAUSE, '') || raw : raw;
  // "M/S" (Messrs) before a firm's name is a courtesy, no word of it ("M/S Aren Ship Management").
  const unlisted = listed.charCodeAt(1) === 47 || listed.startsWith('Messrs') || listed.startsWith('MESSRS') ? listed.replace(MESSRS, '') || listed : listed;
  // Plain searches first: most names have neither, and a regular expression costs more.
  const addressed = unlisted.includes('.') && WEB_SUFFIX.test(unlisted) ? unlisted.replace(WEB_SUFFIXES, '$1') : unlisted;
  const named = mayAbbreviateImportExport(addressed) && IMPORT_EXPORT.test(addressed) ? addressed.replace(IMPORT_EXPORTS, ' import and export ') : addressed;
  const text = ascii ? named : named.normalize('NFKC');
  let han: HanForm | undefined;
  let latinText = text;
  let simplified = text;
  if (!ascii && hasHan(text)) {
    simplified = simplify(text);
    const runs = simplified.match(HAN_RUN) ?? [];
    han = stripHan(runs.join(''));
    latinText = simplified.replace(HAN_RUN, ' ');
  }
  const words = latinWords(latinText);
  const tokens = withSeat(classify(words), words);
  // One pass over the tokens (this runs for every query): the words of each class, and the words
  // without legal forms, with and without places, joined.
  let core: string[] = [];
  let qualifiers: string[] = [];
  const places: string[] = [];
  const regions: string[] = [];
  const notLegal: string[] = [];
  let meaningful = '';
  let meaningfulWords = 0;
  let withPlaces = '';
  for (const t of tokens) {
    if (t.cls === 'core') core.push(t.text);
    else if (t.cls === 'qualifier') qualifiers.push(t.text);
    else if (t.cls === 'place') places.push(t.text);
    else if (t.cls === 'region') regions.push(t.text);
    if (t.cls === 'legal') continue;
    notLegal.push(t.text);
    withPlaces += t.text;
    if (t.cls === 'place') continue;
    meaningful += t.text;
    meaningfulWords++;
  }
  let weakCore = false;
  if (core.length === 0 && tokens.length > 0) {
    weakCore = true;
    core = qualifiers.length > 0 ? qualifiers : notLegal;
    qualifiers = [];
  } else if (core.length > 0 && !han && core.every((w) => w.length === 1)) {
    // A core of single letters ("Group W") says no more than a generic word: "W Group" is another name.
    weakCore = true;
  }
  const compacts: string[] = [];
  for (const c of [core.join(''), meaningful, withPlaces]) if (c.length > 0 && !compacts.includes(c)) compacts.push(c);
  // An abbreviation with a place ("PLA China", "BGI Shenzhen") is still an abbreviation.
  const acronym = meaningfulWords === 1 && ACRONYM_WORD.test(meaningful) && !han ? meaningful : undefined;
  return shapedForm({
    raw, tokens, core, weakCore, qualifiers, places, regions, compacts, initials: initialsOf(latinText, tokens),
    structure: structureOf(simplified, tokens), series: seriesOf(tokens), acronym, han: han && han.core.length > 0 ? han : undefined,
  });
}

/**
 * The form with every field present, in one order: the scorer reads the fields of thousands of
 * forms per second, and forms of one shape (also those read back from the index's cache, where
 * absent fields are left out) keep those reads fast.
 */
export function shapedForm(f: NameForm): NameForm {
  return {
    raw: f.raw, tokens: f.tokens, core: f.core, weakCore: f.weakCore, qualifiers: f.qualifiers, places: f.places, regions: f.regions,
    compacts: f.compacts, initials: f.initials, structure: f.structure, series: f.series, acronym: f.acronym, han: f.han,
  };
}

const ROMAN = /^(?=[ivx])x{0,3}(ix|iv|v?i{0,3})$/;

function seriesOf(tokens: Token[]): NameForm['series'] {
  const words = tokens.filter((t) => t.cls !== 'legal');
  const n = words.length;
  const last = words[n - 1]?.text ?? '';
  const before = words[n - 2]?.text ?? '';
  let marker: string | undefined;
  let rest: Token[] = [];
  if (n >= 3 && ROMAN.test(last)) {
    marker = last;
    rest = words.slice(0, -1);
  } else if (n >= 4 && /^(19|20)\d\d$/.test(before) && /\d/.test(last)) {
    marker = `${before}-${last}`;
    rest = words.slice(0, -2);
  } else if (n >= 4 && /^(19|20)\d\d$/.test(words[n - 3]?.text ?? '') && /^[a-z]+$/.test(before) && /^\d+$/.test(last)) {
    // "2007-AHL1" is read as 2007, ahl, 1 when the letters and digits are cut apart.
    marker = `${words[n - 3]?.text}-${before}${last}`;
    rest = words.slice(0, -3);
  }
  if (marker === undefined) return undefined;
  const core = rest.filter((t) => t.cls === 'core').map((t) => t.text);
  return core.length > 0 ? { marker, core } : undefined;
}

const COMPANY_FORMS = new Set(['limited', 'corporation', 'incorporated', 'company', 'plc', 'ag', 'sa', 'llc', 'gmbh', 'bv', 'nv']);

/** A group's parent: "… Group", 集团, and a holding company ("… Holding Corp", 控股), which holds the group's companies. */
function structureOf(text: string, tokens: Token[]): NameForm['structure'] {
  if (text.includes('集团') || text.includes('控股') || tokens.some((t) => t.text === 'group' || t.text === 'holding')) return 'group';
  if (text.includes('有限公司') || text.includes('有限责任公司') || text.includes('股份') || tokens.some((t) => COMPANY_FORMS.has(t.text))) return 'company';
  return undefined;
}

function initialsOf(latinText: string, tokens: Token[]): string[] {
  if (tokens.length < 2) return [];
  let withLegal = '';
  let withoutLegal = '';
  let withoutPlaces = '';
  for (const t of tokens) {
    const initial = t.text.charAt(0);
    withLegal += initial;
    if (t.cls === 'legal') continue;
    withoutLegal += initial;
    if (t.cls !== 'place') withoutPlaces += initial;
  }
  // Initials that count the legal form ("ATL" = Amperex Technology Limited) are too common below four letters.
  const out: string[] = [];
  if (withLegal.length >= 4) out.push(withLegal);
  for (const initials of [withoutLegal, withoutPlaces]) if (initials.length >= 2 && !out.includes(initials)) out.push(initials);
  // Camel-cased words ("ChangXin") contribute one initial per part: CXMT.
  let camel = '';
  let parts = 0;
  for (const part of camelParts(PLAIN_ASCII.test(latinText) ? latinText : latinText.normalize('NFKD').replace(/\p{M}+/gu, ''))) {
    const p = part.toLowerCase();
    if (LEGAL_FORMS.has(ABBREVIATIONS.get(p) ?? p)) continue;
    camel += p.charAt(0);
    parts++;
  }
  if (parts >= 2 && camel.length >= 2 && !out.includes(camel)) out.push(camel);
  return out;
}
