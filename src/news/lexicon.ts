/**
 * The words news uses for governments acting against technology companies: who acts (actors and
 * authorities), what they do (actions) and how far along it is (modality and tense). Kept as data
 * so that a missed phrasing is fixed by adding a word, not by changing the extractor.
 */
import { demonymAlternation, nationCode } from './nations.js';

export const ACTIONS = [
  'ban',
  'entity-list',
  'sanction',
  'investment-ban',
  'procurement-ban',
  'export-control',
  'divestment-order',
  'removal-order',
  'boycott-push',
  'other',
] as const;
export type Action = (typeof ACTIONS)[number];

export const STATUSES = ['threatened', 'considered', 'proposed', 'enacted', 'in-force', 'enjoined', 'revoked'] as const;
export type EventStatus = (typeof STATUSES)[number];

export interface ActorEntry {
  /** ISO 3166 code, or EU. */
  jurisdiction: string;
  authority: string;
}

/** A government noun after a possessive or a national adjective makes the phrase an actor. */
const GOVERNMENT_NOUN = String.raw`(?:decision|move|order|orders|plan|plans|ban|law|rules?|announcement|measures?|policy|crackdown|campaign|push|sanctions|blacklist|government|administration|authorities|officials|regulators?|ministry|minister|cabinet|parliament|lawmakers|legislators|commerce ministry|foreign ministry|president|prime minister|trade ministry|it ministry|department|courts?|judges?|prohibitions?|restrictions?|curbs?|controls?|listing|designation|determination|directive|ruling|regulations?|blacklisting|watchdogs?|authority|agency|commission|(?:data protection|privacy|telecoms?|competition|communications|media) (?:authority|regulator|watchdog|agency|commission))`;

/**
 * Actor phrases, longest first within each jurisdiction. `cs` marks phrases matched in their exact
 * case ("US" the country, not "us" the pronoun).
 */
export const ACTOR_PHRASES: { phrase: string; actor: ActorEntry; cs?: boolean }[] = [
  // United States
  ...[
    ['Bureau of Industry and Security', 'Commerce (BIS)'],
    ['Office of Foreign Assets Control', 'Treasury (OFAC)'],
    ['Federal Communications Commission', 'FCC'],
    ['Committee on Foreign Investment in the United States', 'CFIUS'],
    ['Committee on Foreign Investment in the US', 'CFIUS'],
    ['Committee on Foreign Investment in the U.S.', 'CFIUS'],
    ['Commerce Department', 'Commerce'],
    ['Department of Commerce', 'Commerce'],
    ['Commerce Secretary', 'Commerce'],
    ['Secretary of Commerce', 'Commerce'],
    ['Treasury Department', 'Treasury'],
    ['Department of the Treasury', 'Treasury'],
    ['Treasury Secretary', 'Treasury'],
    ['State Department', 'State Department'],
    ['Secretary of State', 'State Department'],
    ['Defense Department', 'Department of Defense'],
    ['Department of Defense', 'Department of Defense'],
    ['Justice Department', 'Department of Justice'],
    ['Department of Justice', 'Department of Justice'],
    ['Department of Homeland Security', 'Homeland Security'],
    ['Homeland Security Department', 'Homeland Security'],
    ['DHS', 'Homeland Security'],
    ['Cybersecurity and Infrastructure Security Agency', 'Homeland Security'],
    ['CISA', 'Homeland Security'],
    ['Department of War', 'Department of Defense'],
    ['War Department', 'Department of Defense'],
    ['Secretary of Defense', 'Department of Defense'],
    ['Defense Secretary', 'Department of Defense'],
    ['Secretary of War', 'Department of Defense'],
    ['War Secretary', 'Department of Defense'],
    ['DoD', 'Department of Defense'],
    ['DOD', 'Department of Defense'],
    ['General Services Administration', 'GSA'],
    ['GSA', 'GSA'],
    ['Federal Acquisition Regulatory Council', 'FAR Council'],
    ['FAR Council', 'FAR Council'],
    ['Energy Department', 'Department of Energy'],
    ['Department of Energy', 'Department of Energy'],
    ['Transportation Department', 'Department of Transportation'],
    ['Department of Transportation', 'Department of Transportation'],
    ['Office of the U.S. Trade Representative', 'USTR'],
    ['USTR', 'USTR'],
    ['Howard Lutnick', 'Commerce'],
    ['Lutnick', 'Commerce'],
    ['Scott Bessent', 'Treasury'],
    ['Marco Rubio', 'State Department'],
    ['Antony Blinken', 'State Department'],
    ['Pete Hegseth', 'Department of Defense'],
    ['Lloyd Austin', 'Department of Defense'],
    ['Mark Esper', 'Department of Defense'],
    ['Office of Management and Budget', 'OMB'],
    ['White House', 'President'],
    ['Trump administration', 'President'],
    ['Biden administration', 'President'],
    ['Obama administration', 'President'],
    ['President Trump', 'President'],
    ['President Donald Trump', 'President'],
    ['President Joe Biden', 'President'],
    ['President Biden', 'President'],
    ['Donald Trump', 'President'],
    ['Joe Biden', 'President'],
    ['Wilbur Ross', 'Commerce'],
    ['Gina Raimondo', 'Commerce'],
    ['Mike Pompeo', 'State Department'],
    ['Pompeo', 'State Department'],
    ['Steven Mnuchin', 'Treasury'],
    ['Janet Yellen', 'Treasury'],
    ['Ajit Pai', 'FCC'],
    ['Brendan Carr', 'FCC'],
    ['Jessica Rosenworcel', 'FCC'],
    ['Trump', 'President'],
    ['Biden', 'President'],
    ['US Congress', 'Congress'],
    ['U.S. Congress', 'Congress'],
    ['Congress', 'Congress'],
    ['House of Representatives', 'Congress'],
    ['House', 'Congress'],
    ['Senate', 'Congress'],
    ['US lawmakers', 'Congress'],
    ['U.S. lawmakers', 'Congress'],
    ['American lawmakers', 'Congress'],
    ['Pentagon', 'Department of Defense'],
    ['CFIUS', 'CFIUS'],
    ['OFAC', 'Treasury (OFAC)'],
    ['FCC', 'FCC'],
    ['BIS', 'Commerce (BIS)'],
    ['Supreme Court', 'court'],
    ['US government', 'government'],
    ['U.S. government', 'government'],
    ['American government', 'government'],
    ['American officials', 'government'],
    ['US officials', 'government'],
    ['U.S. officials', 'government'],
    ['US authorities', 'government'],
    ['U.S. authorities', 'government'],
    ['United States', 'government'],
    ['Washington', 'government'],
    ['America', 'government'],
    ['U.S.', 'government'],
    ['USA', 'government'],
    ['US', 'government'],
  ].map(([phrase, authority]) => ({ phrase: phrase as string, actor: { jurisdiction: 'US', authority: authority as string }, cs: true })),
  // India
  ...[
    ['Ministry of Electronics and Information Technology', 'MeitY'],
    ['Ministry of Electronics and IT', 'MeitY'],
    ['MeitY', 'MeitY'],
    ['Indian government', 'government'],
    ['Government of India', 'government'],
    ['New Delhi', 'government'],
    ['Narendra Modi', 'Prime Minister'],
    ['India', 'government'],
  ].map(([phrase, authority]) => ({ phrase: phrase as string, actor: { jurisdiction: 'IN', authority: authority as string }, cs: true })),
  // United Kingdom
  ...[
    ['National Cyber Security Centre', 'NCSC'],
    ['Department for Digital, Culture, Media and Sport', 'DCMS'],
    ['Department for Science, Innovation and Technology', 'DSIT'],
    ['Culture Secretary', 'DCMS'],
    ['Digital Secretary', 'DCMS'],
    ['House of Commons', 'Parliament'],
    ['Downing Street', 'Prime Minister'],
    ['Boris Johnson', 'Prime Minister'],
    ['Rishi Sunak', 'Prime Minister'],
    ['Oliver Dowden', 'DCMS'],
    ['British government', 'government'],
    ['UK government', 'government'],
    ['United Kingdom', 'government'],
    ['Britain', 'government'],
    ['NCSC', 'NCSC'],
    ['Ofcom', 'Ofcom'],
    ['U.K.', 'government'],
    ['UK', 'government'],
  ].map(([phrase, authority]) => ({ phrase: phrase as string, actor: { jurisdiction: 'GB', authority: authority as string }, cs: true })),
  // China
  ...[
    ['Ministry of Commerce', 'MOFCOM'],
    ['Commerce Ministry', 'MOFCOM'],
    ['MOFCOM', 'MOFCOM'],
    ['Cyberspace Administration of China', 'CAC'],
    ['Chinese government', 'government'],
    ['Chinese authorities', 'government'],
    ['Chinese regulators', 'government'],
    ['Xi Jinping', 'President'],
    ['Beijing', 'government'],
    ['China', 'government'],
    ['中国商务部', 'MOFCOM'],
    ['商务部', 'MOFCOM'],
    ['中国政府', 'government'],
    ['中国', 'government'],
  ].map(([phrase, authority]) => ({ phrase: phrase as string, actor: { jurisdiction: 'CN', authority: authority as string }, cs: true })),
  ...[
    ['美国商务部', 'US', 'Commerce'],
    ['美国财政部', 'US', 'Treasury'],
    ['美国政府', 'US', 'government'],
    ['特朗普', 'US', 'President'],
    ['拜登', 'US', 'President'],
    ['美国', 'US', 'government'],
    ['印度政府', 'IN', 'government'],
    ['印度', 'IN', 'government'],
    ['英国', 'GB', 'government'],
  ].map(([phrase, j, authority]) => ({ phrase: phrase as string, actor: { jurisdiction: j as string, authority: authority as string }, cs: true })),
  // US states act in their own right (government-device bans, statewide app bans): their governors,
  // legislatures and agencies are the state. "Washington" alone stays the federal government.
  ...[
    ['Alabama', 'US-AL'],
    ['Alaska', 'US-AK'],
    ['Arizona', 'US-AZ'],
    ['Arkansas', 'US-AR'],
    ['California', 'US-CA'],
    ['Colorado', 'US-CO'],
    ['Connecticut', 'US-CT'],
    ['Delaware', 'US-DE'],
    ['Florida', 'US-FL'],
    ['Georgia', 'US-GA'],
    ['Hawaii', 'US-HI'],
    ['Idaho', 'US-ID'],
    ['Illinois', 'US-IL'],
    ['Indiana', 'US-IN'],
    ['Iowa', 'US-IA'],
    ['Kansas', 'US-KS'],
    ['Kentucky', 'US-KY'],
    ['Louisiana', 'US-LA'],
    ['Maine', 'US-ME'],
    ['Maryland', 'US-MD'],
    ['Massachusetts', 'US-MA'],
    ['Michigan', 'US-MI'],
    ['Minnesota', 'US-MN'],
    ['Mississippi', 'US-MS'],
    ['Missouri', 'US-MO'],
    ['Montana', 'US-MT'],
    ['Nebraska', 'US-NE'],
    ['Nevada', 'US-NV'],
    ['New Hampshire', 'US-NH'],
    ['New Jersey', 'US-NJ'],
    ['New Mexico', 'US-NM'],
    ['New York', 'US-NY'],
    ['North Carolina', 'US-NC'],
    ['North Dakota', 'US-ND'],
    ['Ohio', 'US-OH'],
    ['Oklahoma', 'US-OK'],
    ['Oregon', 'US-OR'],
    ['Pennsylvania', 'US-PA'],
    ['Rhode Island', 'US-RI'],
    ['South Carolina', 'US-SC'],
    ['South Dakota', 'US-SD'],
    ['Tennessee', 'US-TN'],
    ['Texas', 'US-TX'],
    ['Utah', 'US-UT'],
    ['Vermont', 'US-VT'],
    ['Virginia', 'US-VA'],
    ['Washington State', 'US-WA'],
    ['West Virginia', 'US-WV'],
    ['Wisconsin', 'US-WI'],
    ['Wyoming', 'US-WY'],
  ].flatMap(([state, j]) => [
    { phrase: `${state} Gov.`, actor: { jurisdiction: j as string, authority: 'Governor' }, cs: true },
    { phrase: `${state} Governor`, actor: { jurisdiction: j as string, authority: 'Governor' }, cs: true },
    { phrase: `Governor of ${state}`, actor: { jurisdiction: j as string, authority: 'Governor' }, cs: true },
    { phrase: `${state}'s legislature`, actor: { jurisdiction: j as string, authority: 'legislature' }, cs: true },
    { phrase: `Commonwealth of ${state}`, actor: { jurisdiction: j as string, authority: 'government' }, cs: true },
    { phrase: `state of ${state}`, actor: { jurisdiction: j as string, authority: 'government' }, cs: true },
    { phrase: state as string, actor: { jurisdiction: j as string, authority: 'government' }, cs: true },
  ]),
  // National regulators and governments acting against Chinese AI and telecoms vendors.
  ...[
    ['Garante', 'IT', 'Garante (data protection)'],
    ['Italian Data Protection Authority', 'IT', 'Garante (data protection)'],
    ['Personal Information Protection Commission', 'KR', 'PIPC'],
    ['PIPC', 'KR', 'PIPC'],
    ['South Korea', 'KR', 'government'],
    ['Seoul', 'KR', 'government'],
    ['Department of Home Affairs', 'AU', 'Home Affairs'],
    ['Home Affairs', 'AU', 'Home Affairs'],
    ['Investment Canada Act', 'CA', 'ISED'],
    ['Digital Affairs Ministry', 'TW', 'Ministry of Digital Affairs'],
    ['Ministry of Digital Affairs', 'TW', 'Ministry of Digital Affairs'],
    ['Dutch Ministry of Economic Affairs', 'NL', 'Ministry of Economic Affairs'],
    ['Dutch authorities', 'NL', 'government'],
    ['The Hague', 'NL', 'government'],
    ['German government', 'DE', 'government'],
    ['German Interior Minister', 'DE', 'Interior Ministry'],
    ['Canadian government', 'CA', 'government'],
    ['Government of Canada', 'CA', 'government'],
    ['Treasury Board of Canada', 'CA', 'Treasury Board'],
    ['President of the Treasury Board', 'CA', 'Treasury Board'],
    ['Treasury Board', 'CA', 'Treasury Board'],
  ].map(([phrase, j, authority]) => ({ phrase: phrase as string, actor: { jurisdiction: j as string, authority: authority as string }, cs: true })),
  // Others that restrict Chinese technology in the knowledge base's measures.
  ...[
    ['Swedish Post and Telecom Authority', 'SE', 'PTS'],
    ['PTS', 'SE', 'PTS'],
    ['National Cyber and Information Security Agency', 'CZ', 'NÚKIB'],
    ['NÚKIB', 'CZ', 'NÚKIB'],
    ['NUKIB', 'CZ', 'NÚKIB'],
    ['Federal Network Agency', 'DE', 'Bundesnetzagentur'],
    ['Bundesnetzagentur', 'DE', 'Bundesnetzagentur'],
    ['Federal Office for Information Security', 'DE', 'BSI'],
    ['Sweden', 'SE', 'government'],
    ['Australian government', 'AU', 'government'],
    ['Australia', 'AU', 'government'],
    ['Canberra', 'AU', 'government'],
    ['European Commission', 'EU', 'European Commission'],
    ['European Union', 'EU', 'government'],
    ['EU', 'EU', 'government'],
    ['Brussels', 'EU', 'government'],
    ['Germany', 'DE', 'government'],
    ['Berlin', 'DE', 'government'],
    ['Japan', 'JP', 'government'],
    ['Tokyo', 'JP', 'government'],
    ['Canada', 'CA', 'government'],
    ['Ottawa', 'CA', 'government'],
    ['France', 'FR', 'government'],
    ['Taiwan', 'TW', 'government'],
    ['Taipei', 'TW', 'government'],
    ['Netherlands', 'NL', 'government'],
    ['Dutch government', 'NL', 'government'],
    ['Italy', 'IT', 'government'],
    ['New Zealand', 'NZ', 'government'],
    ['Russia', 'RU', 'government'],
    ['Vietnam', 'VN', 'government'],
    ['Indonesia', 'ID', 'government'],
    ['Treasury', 'US', 'Treasury'],
  ].map(([phrase, j, authority]) => ({ phrase: phrase as string, actor: { jurisdiction: j as string, authority: authority as string }, cs: true })),
  // Every other sovereign country by its English name (the runtime's ICU region names), so that a
  // government no list above foresees ("Nepal banned TikTok") still acts as itself.
  ...otherCountries(),
  ...nationalBodies(),
];

/**
 * "the Swedish regulator", "Finnish authorities", "the Danish government": a national adjective before a
 * government noun names that country's government. Adjectives of countries whose bodies the lists above
 * name more precisely are included too; the longer phrase above wins where both match.
 */
function nationalBodies(): { phrase: string; actor: ActorEntry; cs: boolean }[] {
  const ADJECTIVES: Record<string, string> = {
    American: 'US', British: 'GB', Chinese: 'CN', Indian: 'IN', Swedish: 'SE', Finnish: 'FI', Danish: 'DK', Norwegian: 'NO', German: 'DE', French: 'FR',
    Italian: 'IT', Spanish: 'ES', Portuguese: 'PT', Dutch: 'NL', Belgian: 'BE', Polish: 'PL', Czech: 'CZ', Austrian: 'AT', Swiss: 'CH', Irish: 'IE',
    Canadian: 'CA', Australian: 'AU', Japanese: 'JP', 'South Korean': 'KR', Korean: 'KR', Taiwanese: 'TW', Russian: 'RU', Vietnamese: 'VN',
    Indonesian: 'ID', Malaysian: 'MY', Thai: 'TH', Philippine: 'PH', Pakistani: 'PK', Bangladeshi: 'BD', Nepalese: 'NP', Nepali: 'NP', Turkish: 'TR',
    Israeli: 'IL', Brazilian: 'BR', Mexican: 'MX', Estonian: 'EE', Latvian: 'LV', Lithuanian: 'LT', Romanian: 'RO', Bulgarian: 'BG', Greek: 'GR',
    Hungarian: 'HU', Slovak: 'SK', Slovenian: 'SI', Croatian: 'HR', Ukrainian: 'UA', 'New Zealand': 'NZ', Singaporean: 'SG', Emirati: 'AE', Saudi: 'SA',
    'Sri Lankan': 'LK', Kenyan: 'KE', Nigerian: 'NG', 'South African': 'ZA', Egyptian: 'EG', Jordanian: 'JO', Albanian: 'AL', Senegalese: 'SN',
  };
  const NOUNS = ['government', 'regulator', 'regulators', 'authorities', 'authority', 'ministry', 'minister', 'officials', 'watchdog', 'cabinet', 'prime minister', 'president', 'telecom regulator', 'telecoms regulator', 'data protection authority', 'privacy watchdog', 'interior ministry', 'interior minister', 'economy ministry', 'economy minister', 'foreign ministry', 'trade ministry'];
  return Object.entries(ADJECTIVES).flatMap(([adjective, jurisdiction]) =>
    NOUNS.map((noun) => ({ phrase: `${adjective} ${noun}`, actor: { jurisdiction, authority: /regulator|authority|watchdog/.test(noun) ? 'regulator' : /ministry|minister/.test(noun) ? 'ministry' : noun === 'president' || noun === 'prime minister' ? noun.replace(/^./, (c) => c.toUpperCase()) : 'government' }, cs: true })),
  );
}

/**
 * Countries by their English names from ICU (Intl.DisplayNames), less those named above, dependent
 * territories, withdrawn codes, names that are also US states or places within others ("Georgia",
 * "Jersey"), and the usual objects of sanctions, named in news as destinations rather than actors.
 */
function otherCountries(): { phrase: string; actor: ActorEntry; cs: boolean }[] {
  const SKIP = new Set(
    'AC AQ BV CP CQ DG EA EZ IC QO TA UM UN XA XB ZZ DD FX AN BU CS DY HV NH RH SU TP UK VD YD YU ZR AS AI AW AX BL BM BQ CC CK CW FK FO GF GG GI GL GP GS GU HM HK MO IM IO JE KY MF MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK VG VI WF YT EH PS GE KP IR SY CU VE'.split(' '),
  );
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const out: { phrase: string; actor: ActorEntry; cs: boolean }[] = [];
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const code = String.fromCharCode(a, b);
      if (SKIP.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (!name || name === code || !/^\p{Lu}[\p{L}’'-]+(?: \p{Lu}[\p{L}’'-]+){0,2}$/u.test(name)) continue;
      const phrases = code === 'TR' ? [name, 'Turkey'] : code === 'CZ' ? [name, 'Czech Republic'] : [name];
      for (const phrase of phrases) out.push({ phrase, actor: { jurisdiction: code, authority: 'government' }, cs: true });
    }
  }
  return out;
}

/** A court's country, from the adjective before it ("a Swedish administrative court"). */
export const COURT_NATIONALITY: Record<string, string> = {
  US: 'US', 'U.S.': 'US', American: 'US', federal: 'US', Federal: 'US', Indian: 'IN', British: 'GB', UK: 'GB', English: 'GB', Chinese: 'CN', Swedish: 'SE',
  Australian: 'AU', German: 'DE', Canadian: 'CA', European: 'EU', Dutch: 'NL', French: 'FR', Japanese: 'JP',
};

/** Courts and legislators act within whichever jurisdiction the text is about. */
export const COURT_PATTERN = /\b(?:federal |district |appeals |high |supreme )?(?:judges?|courts?)\b|\b(?:senators|lawmakers|legislators|congressmen|congresswomen|members of parliament|MPs|parliament)\b/gi;

/** "China's largest technology companies" is about China, not an act of China's government. */
export const POSSESSIVE_NOT_ACTOR = new RegExp(String.raw`^['’]s\s+(?!(?:\w+\s+){0,2}${GOVERNMENT_NOUN}\b)`, 'i');

/**
 * A capitalised word after a country's name that continues a name ("the China Academy of Sciences",
 * "China Electronics Technology Group"), unless it is a government's word ("China Commerce Ministry"),
 * a day or month ("Britain Tuesday ordered"), a word of office, or the verb of a headline in title case
 * ("China Bans Exports of …").
 */
export function continuesAName(after: string): boolean {
  const next = /^\s+(\p{Lu}\p{Ll}+)\b/u.exec(after)?.[1];
  // "India China border row": one place beside another is no name.
  if (!next || ACTOR_PHRASE_SET.has(next)) return false;
  if (NOT_A_NAME_WORD.test(next)) return false;
  // "the Pakistan Telecommunication Authority", "China Securities Regulatory Commission": a name that
  // ends in a word for a public body is the country's own body acting.
  const name = /^\s+\p{Lu}[\p{L}-]*(?:\s+(?:\p{Lu}[\p{L}-]*|of|and|for|&))*/u.exec(after)?.[0] ?? '';
  return !PUBLIC_BODY_END.test(name);
}
const PUBLIC_BODY_END = /\b(?:Authority|Commission|Ministry|Agency|Council|Regulator|Office|Department|Bureau|Directorate|Administration|Court|Tribunal|Parliament|Government|Cabinet|Inspectorate|Watchdog)$/;
const ACTOR_PHRASE_SET = new Set(ACTOR_PHRASES.map((p) => p.phrase));
const NOT_A_NAME_WORD = new RegExp(String.raw`^(?:${GOVERNMENT_NOUN}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Prime|Foreign|Supreme|Federal|Interior|Trade|Commerce|Defen[cs]e|Home|State|Premier|Chancellor|Governor|Attorney|Secretary|Chief|Senate|House|Congress|Parliament|Cabinet|And|Or|On|In|Has|Have|Had|Is|Was|Will|Would|Says|Said|Bans|Banned|Blocks|Blocked|Bars|Barred|Adds|Added|Orders|Ordered|Blacklists|Blacklisted|Sanctions|Sanctioned|Restricts|Restricted|Halts|Suspends|Lifts|Revokes|Imposes|Curbs|Limits|Tightens|Prohibits|Removes|Delays|Extends|Designates|Warns|Urges|Asks|Considers|Plans|Threatens|Vows|Moves|Hits|Slaps|Targets|Expands|To|Could|May|Might)$`, 'i');

/** Words that follow a place name and make it something else ("Washington Post", "China Mobile"). */
export const NOT_ACTOR_AFTER = /^(?:-\w|['’]s?-\w)|^\s*(?:(?:tech(?:nology)? |chip |telecoms? |internet |software )?(?:companies|company|firms|suppliers|chipmakers|manufacturers|vendors|investors|users|consumers|customers|citizens|markets|stocks|shares|carriers|operators|exports|exporters|businesses|industry|tech|technology|chips|networks|market|stock|entities|entity|organi[sz]ations|contractors|parties|defen[cs]e (?:companies|firms|contractors))\b|of Commons|of Lords|Post|Times|Journal|Huawei|Mobile|Telecom|Unicom|Daily|Street Journal|-based|-made|-owned|-listed)\b/;

/** Countries a government presses to shun a company ("urged Germany to drop Huawei"). */
const THIRD_COUNTRIES = 'britain|germany|japan|italy|canada|australia|france|india|poland|brazil|south korea|korea|the netherlands|netherlands|sweden|europe|the eu|eu|the uk|uk|taiwan|vietnam|indonesia|new zealand|denmark|norway|spain|portugal|israel|the philippines|mexico';

/** The Defense Department's designation of Chinese military companies, by its verbs or the list's name. */
export const CMC_DESIGNATION = /\b(?:(?:designat(?:e|es|ed|ing|ion)|classif(?:y|ies|ied|ying|ication)|nam(?:e|es|ed|ing)|identif(?:y|ies|ied|ying)|list(?:s|ed|ing)?|label(?:s|led|ed|ling|ing)?)\b[^;.]{0,80}?\bas (?:a |an )?["“‘']?(?:(?:communist )?chinese military compan(?:y|ies)|compan(?:y|ies) (?:owned or controlled by|affiliated with|linked to|tied to) (?:the )?(?:chinese|china['’]s) military)|chinese military compan(?:y|ies) list|list of (?:"|“)?chinese military(?:-industrial complex)? compan(?:y|ies)|1260h list|(?<=\b(?:updat|add|expand|releas|publish|revis)\w*\s+(?:its\s+|the\s+)?(?:section\s+)?)1260h(?!\s+list))\b/;

/**
 * Action triggers, most specific first: a span claimed by an earlier pattern is not claimed again,
 * so "ban investments in" is an investment ban and not also a ban.
 */
/** Verbs of taking out what is already installed, as a duty's infinitive. */
const REMOVAL_VERBS = String.raw`remove|replace|rip out|strip out|phase out|take out|tear out|swap out|purge|dismantle|uninstall|decommission`;

export const ACTION_PATTERNS: { action: Action; pattern: RegExp }[] = [
  // Pushes on third countries or companies to shun a company.
  { action: 'boycott-push', pattern: new RegExp(String.raw`\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|tell(?:s|ing)?|told|push(?:es|ed|ing)?|press(?:es|ed|ing)?|lobb(?:y|ies|ied|ying)|convinc(?:e|es|ed|ing)|persuad(?:e|es|ed|ing)|pressur(?:e|es|ed|ing)|call(?:s|ed|ing)? on)\s+(?:(?:its|their|other|allied|friendly|european|western|foreign|partner|us|u\.s\.|american|global|telecoms?|network|the)\s+)*(?:allies|countries|nations|governments|partners|operators|carriers|companies|firms|telecoms|member states|members|states|them|${THIRD_COUNTRIES})\b[^;]{0,60}?\b(?:to\s+|and\s+)?(?:block|ban|drop|shun|exclude|avoid|stop using|swear off|abandon|boycott|keep\b[^;]{0,40}\bout|follow suit|reject|cut ties|restrict|limit|phase out|remove|replace)\b`, 'gi') },
  // "will stop sharing intelligence with countries that use Huawei equipment": withholding cooperation from
  // those who use a vendor presses them to drop it.
  { action: 'boycott-push', pattern: /\b(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)|halt(?:s|ed|ing)?|scal(?:e|es|ed|ing) back|limit(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|reconsider(?:s|ed|ing)?|review(?:s|ed|ing)?|cut(?:s|ting)? (?:back|off))\s+(?:(?:sharing|its|their)\s+)?(?:intelligence(?:[- ]sharing)?|cooperation|cooperating|security cooperation|military cooperation|(?:trade|aid|funding))\b[^;]{0,40}?\b(?:with|to|for)\s+(?:any\s+|those\s+)?(?:countries|allies|nations|governments|partners|states)\s+(?:that|which|who)\s+(?:use|deploy|adopt|buy|install|allow|choose)\b/gi },
  { action: 'boycott-push', pattern: /\b(?:boycott(?:s|ed|ing)?|outreach campaign|global campaign|pressure campaign|countries that (?:shun|abandon|drop|exclude)|firms that (?:shun|abandon|drop)|(?:companies|firms|operators|carriers) that abandon)\b/gi },
  // Before the investment bans: "prohibits the U.S. Government from buying" is a procurement ban, not one on buying shares.
  { action: 'procurement-ban', pattern: /\b(?:prohibit|ban|bar|forbid|forbidden|barred|banned|prohibited)(?:s|red|ned|ed|ring|ning|ing|den)?\s+(?:the\s+)?(?:u\.s\.\s+|us\s+|federal\s+|state\s+|executive[- ]branch\s+)?(?:government|agencies|departments|contractors|(?:government|state|federal|public)\s+(?:employees|workers|officials|staff|servants))\b[^;]{0,60}?\bfrom\s+(?:buying|purchasing|using|procuring|contracting|initiating procurements|downloading|accessing)\b|\b(?:government|agencies|departments|ministries|lawmakers|legislators|(?:congressional |parliamentary |government |state |federal |public |civil )?(?:staff(?:ers)?|employees|officials|workers|personnel|servants)|(?:service ?members|troops|soldiers))(?:\s+of\s+(?:the\s+)?[^,;.]{1,60}?)?\s+(?:(?:will|would|shall|to)\s+be\s+|are\s+|were\s+|have been\s+|had been\s+)?(?:now\s+|also\s+)?(?:forbidden|barred|banned|prohibited)\s+from\s+(?:buying|purchasing|using|procuring|downloading|installing|accessing)\b/gi },
  // "government departments should not use DeepSeek", "advised agencies against using …": a government
  // telling its own bodies or the public to shun a product presses them to drop it.
  { action: 'boycott-push', pattern: /\b(?:should (?:not|avoid)|(?:advis|recommend)(?:e|es|ed|ing|s)?\b[^;.]{0,40}?\b(?:not to|against)|urg(?:e|es|ed|ing)\b[^;.]{0,40}?\bto (?:avoid|stop)|warn(?:s|ed|ing)?\b[^;.]{0,40}?\bagainst|(?:warning|advisory|recommendation)s?\s+against)\s+(?:the\s+)?(?:using|use|downloading|download|installing|install|buying|procuring|purchase|installation)\b/gi },
  // "advised consumers to throw away their Xiaomi phones", "recommended that users delete the app".
  { action: 'boycott-push', pattern: /\b(?:advis|recommend|urg)(?:e|es|ed|ing|s)?\b[^;.]{0,40}?\b(?:to|that \w+(?: \w+)? should)\s+(?:avoid\s+(?:buying|using)|stop\s+using|throw away|get rid of|discard|dispose of|uninstall|delete)\b/gi },
  { action: 'investment-ban', pattern: /\b(?:ban(?:s|ned|ning)?|bar(?:s|red|ring)?|prohibit(?:s|ed|ing)?|restrict(?:s|ed|ing)?|block(?:s|ed|ing)?)\s+(?:on\s+)?(?:(?:all|any|new|further|certain|covered|outbound)\s+)*(?:(?:us|u\.s\.|american)\s+)?(?:(?:securities|stock|equity|portfolio)\s+)?(?:investments?|investing|investors?|americans from (?:investing|buying|owning|holding)|(?:us |u\.s\. |american )?investors from|(?:the )?(?:purchase|trading|buying) of (?:shares|securities|stocks?))\b/gi },
  // Buying and trading are investment only when what is bought is: "from buying shares", not "from buying American chips".
  { action: 'investment-ban', pattern: /\b(?:ban|bar|prohibit|forbid)(?:s|red|ned|ed|ring|ning|ing|s)?\b[^;]{0,50}?\bfrom (?:(?:owning|holding|investing)\b(?:[^;.]{0,30}?\b(?:shares|securities|stocks?|stakes|in))?|(?:buying|purchasing|trading)\b[^;.]{0,30}?\b(?:shares|securities|stocks?|stakes|bonds|equity)\b)/gi },
  // "named Huawei and Hikvision as companies owned or controlled by the Chinese military", "its designation of
  // Xiaomi as a Communist Chinese military company", "the Pentagon's Chinese military companies list": the
  // Defense Department's list (section 1260H) is a designation, a listing; it bars investment only where the
  // sentence says so ("… barring Americans from investing in companies designated as …"), and Treasury's
  // NS-CMIC list is the investment ban.
  { action: 'investment-ban', pattern: new RegExp(String.raw`(?<=\b(?:invest(?:s|ed|ing|ment|ments|ors)?|securities|shares|stocks?)\b[^.;]{0,150})(?:${CMC_DESIGNATION.source})|(?:${CMC_DESIGNATION.source})(?=[^.;]{0,150}\b(?:invest(?:s|ed|ing|ment|ments|ors)?|securities|shares|stocks?)\b)`, 'gi') },
  { action: 'entity-list', pattern: new RegExp(CMC_DESIGNATION.source, 'gi') },
  // "Xiaomi was blacklisted from getting U.S. investments": a blacklist that keeps investors away is an investment ban.
  { action: 'investment-ban', pattern: /\bblack-?list(?:ed|ing|s)?\b[^;.]{0,40}?\bfrom (?:getting|receiving|attracting|accessing) (?:(?:u\.s\.|us|american|foreign)\s+)?(?:investments?|investors|capital)\b/gi },
  { action: 'investment-ban', pattern: /\b(?:investment ban|investment blacklist|(?:securities |stock |share )?trading ban|ban on (?:the )?trading (?:of|in) (?:its |their )?(?:shares|securities|stocks?)|investment (?:restrictions?|prohibitions?|curbs|limits)|ban on (?:us |u\.s\. |american )?investments?|ns-cmic list|cmic list|(?<=chinese military-industrial complex compan(?:y|ies) )list|(?:divest|sell)(?:s|ed|ing)? (?:their |its )?(?:holdings|shares|stakes)|outbound investment (?:rules?|ban|restrictions?|security (?:program|rules?))|(?:rules?|regime|program) on outbound investment)\b/gi },
  // The UK's instruments under the Telecommunications (Security) Act: a designation notice on a vendor and
  // directions to operators restricting their use of its equipment.
  { action: 'ban', pattern: /\b(?:designation notices?|designated vendor directions?|(?:control|restrict|limit)(?:s|led|ling|ed|ing)? (?:the |their )?use of)\b/gi },
  { action: 'entity-list', pattern: /\b(?:unreliable entit(?:y|ies)["”’']?\s+list|list of unreliable (?:entities|organi[sz]ations|companies)|entity list|trade blacklist|economic blacklist|export blacklist|blacklist(?:s|ed|ing)?|black-list(?:s|ed|ing)?|military end[- ]user list)\b/gi },
  { action: 'entity-list', pattern: /实体清单|不可靠实体清单|黑名单/g },
  // "designated Skydio an unreliable entity", "listed as unreliable entities": a designation whose complement is
  // the noun for the list's members names the listing.
  { action: 'entity-list', pattern: /\b(?:designat|list|nam|label|deem|identif)(?:e|es|ed|ing|s|ied|ies|y)?\b[^;.]{0,60}?\b(?:as\s+)?(?:an?\s+)?unreliable entit(?:y|ies)\b/gi },
  // "added Kaspersky … to its list of communications equipment and services deemed a threat to national security": the FCC's Covered List by its description.
  { action: 'ban', pattern: /\b(?:add(?:s|ed|ing)?|put(?:s|ting)?|plac(?:e|es|ed|ing))\b[^;.]{0,140}?\b(?:to|on) (?:a|an|its|the|their) list of (?:communications |telecommunications )?(?:equipment|services|providers|companies|vendors)\b[^;.]{0,60}\b(?:threat|risk)s? to (?:u\.s\. |us |american )?national security\b/gi },
  { action: 'entity-list', pattern: /\b(?:add(?:s|ed|ing)?|put(?:s|ting)?|plac(?:e|es|ed|ing))\b[^;.]{0,260}?\b(?:to|on) (?:a|an|its|the|their) (?!covered\b)(?:\w+[- ]){0,2}list\b/gi },
  { action: 'procurement-ban', pattern: /\b(?:federal contract(?:s|ors|ing)?|government contract(?:s|ors)?|government procurement|public procurement|(?:government|federal|official|state|public|public[- ]sector|government-issued|state-issued|government-owned|state-owned|staff|work|corporate)[- ](?:(?:electronic|mobile|computing|communication|technology|it|work)\s+)?(?:devices?|phones?|computers?|laptops?|equipment and networks|equipment)|(?:for|in)\s+(?:governmental|government|official|public[- ]sector)\s+use|(?:employees|staff|workers|officials|personnel|servants|agencies)\s+to\s+(?:refrain|abstain)\s+from\s+(?:installing|using|buying|downloading|procuring)|(?<=\b(?:ban|prohibition|restriction)s?\s+on\s+(?:the\s+)?(?:use|installation|download)\s+of\b[^;.]{1,80}?)\b(?:among|by|for)\s+(?:all\s+)?(?:government|state|public[- ]sector|federal|civil)\s+(?:employees|staff|officials|workers|servants|bodies|agencies|entities)|across\s+(?:the\s+)?(?:federal\s+|whole\s+of\s+|entire\s+)?government\b(?!\s+(?:and|agencies\s+and)\s+(?:the\s+)?(?:private|industry|business))|(?:federal|state|commonwealth)\s+government\s+(?:systems|networks|entities)|(?:devices|phones|computers|laptops|networks)\s+(?:owned|issued|managed|provided|operated|used|controlled)\s+(?:by|in)\s+(?:the\s+|their\s+|its\s+)?(?:state|federal|city|county|government|public sector|public agencies|agencies)\b|(?:agencies|departments|contractors) from (?:buying|purchasing|using|procuring|contracting)|procurement ban|procurement contracts?|(?:blocked|barred|prohibited|banned|forbidden)\b[^.;]{0,40}?\bfrom (?:contracting with|procuring from|buying from|purchasing from)|from (?:[\w-]+ ){0,2}(?:procurement|tenders?|bidding)|bidding for (?:government|public|state) (?:orders|contracts|tenders)|(?:banned|barred|prohibited|forbidden)\s+(?:in|from|for)\s+(?:all\s+)?(?:government|federal|official|state|public[- ]sector)\s+(?:use|networks|systems|offices|buildings)|\bin (?:the )?(?:state|public|government|federal) (?:administration|institutions|bodies|agencies|offices)|\bfrom (?:its|their|the government['’]s|government) own (?:procurement|purchases|networks|systems|devices)|\b(?:bar|ban|prohibit|forbid)(?:s|red|ned|ed|ring|ning|ing|den)?\s+(?:its|their)\s+(?:own\s+)?(?:employees|staff|workers|officials|personnel|agencies|departments|ministries)\s+from\s+(?:buying|purchasing|using|procuring|downloading|installing|accessing)|\b(?:government|agencies|departments|ministries|military|army|armed forces)\s+(?:has\s+|have\s+|had\s+)?(?:stopped|ceased|stops|ceases|will stop)\s+(?:using|buying|purchasing|procuring))\b/gi },
  // A denial order cuts a company off from all exports: "imposing a denial of export privileges against ZTE".
  { action: 'export-control', pattern: /\b(?:denial (?:order|of export privileges)|den(?:y|ies|ied|ying) (?:\w+ )?export privileges|export privileges (?:were |are |have been )?(?:suspended|denied|revoked)|suspends? the export privileges)\b/gi },
  // Orders to leave a market: "ordered Hikvision Canada to cease operations and close its business", "to wind up its local business".
  { action: 'divestment-order', pattern: /\b(?:order(?:s|ed|ing)?|direct(?:s|ed|ing)?|demand(?:s|ed|ing)?)\s+(?:the\s+)?(?:dissolution|winding[- ]up|wind[- ]up|closure|liquidation)\s+of\b/gi },
  { action: 'divestment-order', pattern: /\b(?:order(?:s|ed|ing)?|direct(?:s|ed|ing)?|forc(?:e|es|ed|ing))\b[^;]{0,60}?\bto (?:wind (?:up|down)|dissolve|liquidate|cease (?:all )?(?:its )?operations|shut (?:down|its)|(?:close|shutter) (?:its|their|the)\b[^;]{0,20}\b(?:business|operations|subsidiary|unit|offices)|leave the country|exit the (?:country|market))\b/gi },
  // A denial order's own words: "ZTE may not … participate in any transaction involving any commodity …
  // exported from the United States", "prevents ZTE … from seeking licenses".
  { action: 'export-control', pattern: /\b(?:may not|shall not|cannot|can no longer)\b[^;.]{0,80}?\b(?:participate|engage)\b[^;.]{0,40}?\btransactions?\b[^;.]{0,120}?\b(?:exported|reexported|export administration regulations)\b|\bprevent(?:s|ed|ing)?\b[^;.]{0,60}?\bfrom (?:seeking|obtaining|applying for|receiving|using) (?:any\s+|export\s+)*licen[cs]es\b/gi },
  // A government taking over a company's management: "took control of Nexperia", "invoked the Goods Availability Act".
  { action: 'other', pattern: /\b(?:(?:take|takes|took|taking|seize|seizes|seized|seizing|assume|assumes|assumed|assuming) (?:effective )?control (?:of|over)|goods availability act|ordered an intervention|intervening at|intervention (?:at|in))\b/gi },
  // "released a list of communications equipment and services deemed a threat": the list published is the act.
  { action: 'ban', pattern: /\b(?:releas|publish)(?:e|es|ed|ing)\b[^;.]{0,30}?\b(?:a|an|its|the) list of (?:communications |telecommunications )?(?:equipment|services|providers|companies|vendors)\b[^;.]{0,60}\b(?:threat|risk)s?\b/gi },
  { action: 'export-control', pattern: /\b(?:export[- ]controls?|export restrictions?|export ban|export curbs?|chip (?:export )?(?:curbs|controls|restrictions|ban)|licen[cs](?:e|ing) requirements?|requir(?:e|es|ed|ing) (?:a |special )?licen[cs]es?|foreign[- ](?:produced )?direct[- ]product rule|without a (?:special )?licen[cs]e|cut(?:s|ting)?\b[^;]{0,40}\boff from\b[^;]{0,30}\b(?:chips?|semiconductors|technology|components|suppl(?:y|ies|iers)|software)|(?:restrict|curb|limit|halt|stop|suspend)(?:s|ed|ing|ped|ping)? (?:all\s+|further\s+)?(?:exports|sales|shipments)|(?:block|bar|ban)(?:s|red|ned|ed|ring|ning|king)? (?:the )?(?:export|shipment)s? of|(?:ban|embargo|curbs?|limits?) on (?:the )?(?:export|shipment)s? of|(?:block|bar|ban)(?:s|red|ned|ed|ring|ning|king)? (?:the |all |further )?(?:sales|exports|shipments) of [^;.]{0,40}?\bto\b|(?:ban|embargo|curbs?|limits?|restrictions?) on (?:[\w.-]+\s+){0,3}?(?:suppliers|companies|firms|exporters|vendors|chipmakers) (?:from )?(?:selling|supplying|exporting|shipping)\b[^;.]{0,40}?\bto\b)\b/gi },
  // A "divestment period" is the time holders are given to sell under an investment ban, not an order to sell a business.
  { action: 'divestment-order', pattern: /\b(?:divest(?:s|ed|ing|iture|ment)?(?: order)?(?!\s+(?:period|window)s?\b)|mandat(?:e|es|ed|ing)\b[^;]{0,40}?\bbe (?:sold|divested)|forced sale|sell-or-ban|unwind (?:its|the) (?:acquisition|purchase)|revers(?:e|es|ed|ing|al of) (?:the |its |a )?(?:[\w’'-]+ ){0,2}(?:takeover|acquisition|purchase))\b/gi },
  // "ordered to remove TikTok from their app stores": taking a product off the market is a ban, not a removal order (those take out what is installed).
  { action: 'ban', pattern: /\b(?:remov(?:e|es|ed|ing|al)|pull(?:s|ed|ing)?|delist(?:s|ed|ing)?|tak(?:e|es|en|ing) down)\b[^;]{0,60}?\b(?:from|off) (?:(?:its|their|the|all|local|domestic|national|u\.s\.|us|american)\s+)*(?:app stores?|play stores?|application stores?|stores|app marketplaces?)\b/gi },
  // "tells key infrastructure operators to stop buying Micron products": a government's order to a market's
  // buyers or sellers to stop dealing in a company's products is a ban on them.
  { action: 'ban', pattern: /\b(?:tell|tells|told|order(?:s|ed)?|instruct(?:s|ed)?|direct(?:s|ed)?|requir(?:e|es|ed))\s+(?:[\w-]+\s+){0,4}?(?:operators|carriers|companies|firms|providers|businesses|banks|retailers|stores|platforms|importers|distributors)(?:\s+of(?:\s+[\w-]+){1,4}?)?\s+(?:to\s+stop|to\s+cease|not\s+to)\s+(?:buying|purchasing|using|selling|procuring|offering|installing|buy|purchase|use|sell|procure|offer|install)\b/gi },
  // "shut down the U.S. operations of China Telecom Americas": forcing a company out of a market is a ban on it there.
  { action: 'ban', pattern: /\bshut(?:s|ting)?\s+down\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]+\s+){0,2}?operations\s+(?:of|in)\b/gi },
  // "all the existing equipment of Huawei in the country's 5G network will be removed by 2027": what is installed, to be taken out.
  { action: 'removal-order', pattern: /\b(?:existing|installed|current|legacy)\s+(?:[\w’'-]+\s+){0,8}?(?:equipment|gear|kit|components|products)\b[^;.]{0,80}?\b(?:will|must|shall|to|would|should)\s+(?:have\s+to\s+)?be\s+(?:completely\s+|fully\s+)?(?:removed|stripped(?:\s+out)?|phased\s+out|replaced|taken\s+out)\b/gi },
  { action: 'removal-order', pattern: /\b(?:rip[- ]and[- ]replace|(?:remov(?:e|es|ed|ing|al)|strip(?:s|ped|ping)?|purg(?:e|es|ed|ing)|pull(?:s|ed|ing)?)\b[^;]{0,60}?\bfrom (?:(?:its|their|the|all|britain's|the country's|national|5g|mobile|core)\s+)*(?:[\w’'-]+\s+(?:and\s+|or\s+)?){0,3}?(?:networks?|infrastructure)|(?:strip|rip|tear|swap)(?:s|ped|ping|ing)?\b[^;]{0,40}?\bout\b|phas(?:e|es|ed|ing)[- ]out|replace (?:all )?(?:equipment|gear))\b/gi },
  // "Operators will have to remove Huawei equipment by 2027", "must now remove it", "required operators to
  // replace Huawei components", "gave them until 2026 to swap out existing gear", "a deadline of 2027 for
  // removing Huawei gear": a duty to take out what is installed, however the duty is worded.
  { action: 'removal-order', pattern: new RegExp(String.raw`\b(?:(?:must|will have to|would have to|have to|has to|(?:are|is|were|was|be|been|being) (?:legally )?(?:required|obliged|obligated|ordered|forced|directed|told|instructed) to)\s+(?:now\s+|also\s+|then\s+|gradually\s+|fully\s+)?|(?:requir|order|direct|forc|instruct|compel|oblig)(?:e|es|ed|ing|s)?\s+(?:[\w’'-]+\s+){1,4}?to\s+(?:also\s+|gradually\s+|fully\s+)?|\buntil\b[^;.]{1,30}?\bto\s+|\bdeadlines?\b[^;.]{0,30}?\b(?:for|to)\s+)(?:(?:[\w’'-]+\s+){1,4}?and\s+)?(?:${REMOVAL_VERBS})\b`, 'gi') },
  // "ordered operators to stop buying Huawei equipment": a binding order on those a government regulates.
  { action: 'ban', pattern: /\b(?:order(?:s|ed|ing)?|direct(?:s|ed|ing)?|instruct(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,2}?(?:operators|carriers|companies|firms|telecoms|providers|vendors|retailers|app stores)\s+to\s+(?:stop|cease|halt)\s+(?:buying|using|purchasing|installing|deploying|selling|offering)\b/gi },
  { action: 'sanction', pattern: /\b(?:sanction(?:s|ed|ing)?|sdn list|specially designated nationals|asset freezes?|freez(?:e|es|ing) (?:the )?assets|froze (?:the )?assets)\b/gi },
  { action: 'sanction', pattern: /制裁/g },
  { action: 'ban', pattern: /\b(?:(?:revok(?:e|es|ed|ing)|terminat(?:e|es|ed|ing))\b[^;]{0,70}?\b(?:authori[sz]ations?|licen[cs]es?|(?:operating |section 214 |214 )?authority|permits?)|covered list|national security threats?\b(?=[^;]{0,40}\b(?:designat|declar|list))|(?:designat(?:e|es|ed|ing)|label(?:s|led|ed|ling|ing)?|deem(?:s|ed|ing)?|declar(?:e|es|ed|ing)|nam(?:e|es|ed|ing)|brand(?:s|ed|ing)?)\b[^;]{0,60}\b(?:as )?(?:a |an )?(?:unacceptable )?national security (?:threats?|risks?))\b/gi },
  { action: 'ban', pattern: /\b(?:bar(?:s|red|ring)?|forb(?:id|ids|ade|idden|idding)) (?:any |all |other )?(?:[\w.'’-]+ ){0,3}(?:transactions|dealings|business|trade|imports|purchases) with\b|\b(?:ban(?:s|ned|ning)?|prohibit(?:s|ed|ing|ion|ions)?|forb(?:id|ids|ade|idden|idding)|outlaw(?:s|ed|ing)?|block(?:s|ed|ing)?|bar(?:s|red|ring)?(?= (?:[\w.'’-]+,? ){1,6}(?:from|in)\b)|barred|exclud(?:e|es|ed|ing)\b(?=[^;]{0,60}\bfrom\b)|restrict(?:s|ed|ing)?\b(?= (?:[\w.'’-]+,? ){1,8}from (?:(?:its|their|the|all|national|5g|mobile|core|telecom(?:munication)?s?)\s+)*(?:networks?|infrastructure|markets?)\b)|shut(?:s|ting)? out|kick(?:s|ed|ing)? out|keep(?:s|ing)?\b[^;]{0,40}\bout of)\b/gi },
  // "suspended new downloads of DeepSeek", "halted sales of …", "ordered DeepSeek to block its chatbot": stopping
  // a product's distribution, or ordering its maker to stop it, is a ban.
  { action: 'ban', pattern: /\b(?:suspend(?:s|ed|ing)?|halt(?:s|ed|ing)?|stop(?:s|ped|ping)?)\s+(?:all\s+|new\s+|further\s+|the\s+)*(?:downloads?|sales?|services?|imports?|use|availability|distribution)\s+(?:of|in)\b|\border(?:s|ed|ing)?\b[^;.]{0,60}?\bto (?:block|stop|halt|suspend|cease)\b(?! (?:operations|business))|\border(?:s|ed|ing)?(?=\s+(?:the\s+|its\s+)?(?:[\w’'-]+\s+){1,3}(?:blocked|banned|suspended)\b)/gi },
  // "Senegal suspended TikTok", "suspended access to Telegram": a named product suspended is a ban (case
  // matters: "suspends control over …" names no product).
  { action: 'ban', pattern: /\b[Ss]uspend(?:s|ed|ing)?(?=\s+(?:access to\s+)?\p{Lu}[\p{L}\p{N}]+(?:\s+(?:app|application|platform|service)s?)?\s*(?:[.,;]|$|\s+(?:in|for|from|over|on|until|after|indefinitely|nationwide|temporarily)\b))(?!\s+(?:The|This|That|Its|Executive|President|Section|Article|Order|Rule|Act)\b)/gu },
  // "previously pulled 59 Chinese apps … from its huge domestic market": driving a product out of a market is a ban.
  { action: 'ban', pattern: /\b(?:pull(?:s|ed|ing)?|kick(?:s|ed|ing)?|driv(?:e|es|ing)|drove|forc(?:e|es|ed|ing)|shut(?:s|ting)?)\b[^;]{0,120}?\b(?:from|out of) (?:its |the |their |the country['’]s )?(?:(?:huge|domestic|local|national|home|\w+n)\s+){0,2}markets?\b/gi },
  // "will no longer authorize new equipment from Huawei": refusing approval is a ban.
  { action: 'ban', pattern: /\b(?:no longer|(?:stop(?:s|ped|ping)?|ceas(?:e|es|ed|ing)) (?:to )?)\s*(?:authori[sz](?:e|es|ed|ing)|approv(?:e|es|ed|ing)|certif(?:y|ies|ied|ying)|licen[cs](?:e|es|ed|ing))\b(?=[^;.]{0,40}\b(?:equipment|devices|products|gear))/gi },
  // "operators must not use equipment from Huawei": a prohibition stated as a duty.
  { action: 'ban', pattern: /\b(?:(?:must|may|can|shall|will|would) (?:not|no longer)|cannot|can['’]t) (?:be allowed to |be permitted to )?(?:use|buy|purchase|install|deploy|procure|download|operate)\b|\b(?:must|may|shall) not be (?:\w+ ){1,3}with (?:products|equipment|components|gear|software|services) (?:from|made by|supplied by)\b|\b(?:no longer|not) (?:be )?(?:allowed|permitted) to (?:use|buy|purchase|install|deploy|procure|download|operate)\b/gi },
  // "TikTok is now illegal in Montana", "made the app illegal": an act of law told by its result; "cut off access to".
  { action: 'ban', pattern: /\b(?:(?:is|are|was|were|becomes|became|be|been)\s+(?:now\s+|effectively\s+|officially\s+)?illegal\b(?!\s+(?:to\s+(?:collect|transfer|share|process)|data|collection|transfers?))|(?:make|makes|made|making)\s+(?:[\w’'-]+\s+){1,4}illegal\b|cut(?:s|ting)?\s+(?:off\s+)?access\s+to)/gi },
  { action: 'ban', pattern: /禁止|禁用|封禁|禁令/g },
  // "opened a national-security investigation into TP-Link", "is investigating TP-Link over security risks": a
  // government studying a measure against a company (its status: considered).
  { action: 'other', pattern: /\b(?:(?:open(?:s|ed|ing)?|launch(?:es|ed|ing)?|start(?:s|ed|ing)?|beg[iau]n|initiat(?:e|es|ed|ing))\s+(?:an?\s+|its\s+|a\s+new\s+)?(?:[\w-]+\s+){0,2}(?:investigation|probe|inquiry)\s+(?:into|of)|investigat(?:e|es|ed|ing)\b(?=[^.;]{0,80}\b(?:national[- ]security|security (?:risks?|concerns|threats?)|threats? to)))/gi },
  { action: 'other', pattern: /\b(?:(?:tak(?:e|es|ing)|took) action against|(?:take|took|taking) action\b(?=[^;]{0,60}\b(?:against|on|with respect to)\b)|restrictions (?:on|against)|curbs on|punitive measures against|measures against|orders? against|retaliat(?:e|es|ed|ing|ion|ory measures) against)\b/gi },
];

/** Spans that reverse or suspend an action: a ban "blocked by a judge" is enjoined, not a new ban. */
/** A court that lets a measure stand: "upheld the law", "sustained the ban", "confirmed that decision". */
// So does one that throws out a challenge to it: "a judge dismissed DJI's lawsuit challenging the designation",
// "the court denied Huawei's petition", "appeals court dismisses Huawei bid to overturn FCC ban".
export const UPHELD_PATTERN = /\b(?:(?:judge|court|justice)s?\b[^;]{0,80}?\b(?:upheld|upholds|uphold|sustained|sustains|confirmed|affirmed|affirms)|(?:upheld|sustained|affirmed) by (?:a |the )?(?:\w+ ){0,3}(?:judge|court)|(?:judge|court|justice)s?\b[^;]{0,60}?\b(?:dismiss(?:es|ed|ing)?|reject(?:s|ed|ing)?|den(?:y|ies|ied|ying)|threw out|throws out|tossed)\b[^;]{0,60}?\b(?:lawsuit|suit|bid|challenge|petition|appeal|case|complaint|move|request|motion)s?|\blos(?:e|es|t|ing) (?:(?:its|their|a|the|his|her)\s+)?(?:[\w-]+\s+)?(?:lawsuit|suit|court challenge|legal challenge|challenge|appeal|case|bid)|\b(?:appeal|challenge|lawsuit|suit|petition)s?\b(?:\s+(?:by|of|from|against)\b[^;.]{0,120}?)?\s+(?:(?:was|were|has been|have been|is|are)\s+)?(?:dismissed|rejected|thrown out|tossed out))\b/gi;
export const ENJOINED_PATTERN = /\b(?:enjoin(?:s|ed|ing)?|injunctions?|vacat(?:e|es|ed|ing)\b(?=[^.;]{0,60}\b(?:designation|listing|order|rule|ban|decision|determination)s?\b)|(?:judge|court|justice|(?<!\b(?:FCC|Commission|[Aa]gency|[Rr]egulator|[Dd]epartment|[Mm]inistry|[Gg]overnment)['’]s\s)ruling)s?\b[^;]{0,60}?\b(?:block(?:s|ed|ing)?|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|lift(?:s|ed|ing)?|struck down|strikes down|paus(?:e|es|ed|ing)|stay(?:s|ed)?|froze|freezes|put(?:s|ting)?\b[^;]{0,100}?\bon hold|(?:prohibit(?:s|ed|ing)?|bar(?:s|red|ring)?|stop(?:s|ped|ping)?|forb(?:id|ids|ade|idding))\b[^;]{0,40}?\bfrom (?:carrying out|enforcing|implementing|applying|prohibiting|banning|imposing))|(?:grant(?:s|ed|ing)?|issu(?:e|es|ed|ing)|enter(?:s|ed|ing)?|order(?:s|ed|ing)?)\s+(?:a |an )?(?:temporary |administrative |emergency |preliminary )?(?:stay|restraining order)\b|(?:blocked|halted|suspended|struck down|paused|stayed) (?:by|in) (?:a |the )?(?:us |u\.s\. )?(?:(?:federal|district|appeals|state) )*(?:judges?|courts?))\b/gi;
export const REVOKED_PATTERN = /\b(?:revok(?:e|es|ed|ing)|revocation|rescind(?:s|ed|ing)?|repeal(?:s|ed|ing)?|(?:lift|drop)(?:s|ed|ped|ing|ping)? (?:the |its |a |their )?(?:[\w-]+ ){0,2}(?:ban|restrictions?|sanctions?|(?:denial |export |executive )orders?|controls|curbs)|remov(?:e|es|ed|ing) (?:the |its |a |their )(?:[\w-]+ ){0,2}(?:ban|restrictions?|sanctions?|(?:denial |export )orders?|curbs)|replac(?:e|es|ed|ing) (?:the |its |those )?(?:[\w-]+ ){0,3}(?:bans?|orders?|restrictions|rules?)\b(?=[^.;]{0,80}\bwith\b)|revers(?:e|es|ed|ing) (?:the |its |a |that )?(?:[\w-]+ )?(?:ban|order|decision|move|designation)|scrap(?:s|ped|ping)? (?:the |its )?(?:ban|order|plan)|withdr(?:ew|aw|awn|aws) (?:the |its )?(?:ban|order)|suspend(?:s|ed|ing)? (?:the |its |my |enforcement of (?:the |its )?|implementation of (?:the |its )?)?(?:\w+ ){0,2}(?:rule|order|ban|intervention|requirements?|restrictions?)|(?:suspension|delay(?:s|ed)?) of (?:the |its )?(?:\w+ ){0,2}(?:rule|order|ban|measures|listings?|designations?|restrictions|controls)|(?:delay|paus|suspend|postpon|halt)\w*\s+(?:the\s+)?(?:enforcement|implementation|application) of (?:the |its |a )?(?:[\w-]+ ){0,3}(?:ban|law|rule|order|act|restrictions?|requirements?)|(?:not|decline to) (?:to )?enforce|delay(?:s|ed|ing)? (?:the )?(?:\w+ ){0,2}ban|(?:remov(?:e|es|ed|ing|al of)|suspen(?:d|ds|ded|ding|sion of))\b[^;]{0,60}?\bfrom (?:the |its )?(?:[\w’'-]+ ){0,4}?(?:entity list|blacklist|covered list|list)|delist(?:s|ed|ing)?|(?:was|were|been) lifted|overturn(?:s|ed|ing)?)\b/gi;

/** Cues before an action, nearest wins. */
export const STATUS_CUES: { status: EventStatus; pattern: RegExp }[] = [
  // Headlines: "US to ban …".
  // Not "powers for the government to manage …", "allowing the administration to …": a purpose, not a headline.
  // Nor "entities from China to the Entity List", "the first state in the U.S. to pass": a place after a preposition.
  { status: 'threatened', pattern: /(?<!\b(?:for|allow(?:s|ed|ing)?|enabl(?:e|es|ed|ing)|empower(?:s|ed|ing)?|ask(?:s|ed|ing)?|urg(?:e|es|ed|ing)|want(?:s|ed)?|requir(?:e|es|ed|ing)|from|in|of|to|with|against|on|by|across|within|outside|than|into) (?:the )?)\b(?:US|U\.S\.|UK|India|China|Beijing|Washington|[Gg]overnment|[Aa]dministration|[Tt]rump|[Bb]iden)\s+(?:to|To)\s+(?=\w)/g },
  { status: 'threatened', pattern: /\b(?:vow(?:s|ed|ing)?|threaten(?:s|ed|ing)?|threats? (?:to|of)(?!\s+(?:the\s+)?(?:US|U\.S\.|UK|American|British|national|our|their|its|the country['’]s|public|data|privacy|security|critical|cyber|networks?|infrastructure|users?|democracy)\b)|warn(?:s|ed|ing)?|will|would|shall|'ll|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|is set to|are set to|is going to|are going to|going to|poised to|about to|(?:is|are|was|were) (?:widely |also )?(?:expected|likely) to|as early as|intends? to|ready to|prepared to|could soon|on the verge of)\b/gi },
  // "companies considered to be threats": a description in the passive, not a weighing.
  { status: 'considered', pattern: /\b(?:consider(?:s|ing)?|considered(?!\s+(?:to\s+be|as|an?|a\s+threat|threats|risks?|national|unsafe|untrustworthy|high[- ]risk)\b)|debat(?:e|es|ed|ing)|weigh(?:s|ed|ing)?|mull(?:s|ed|ing)?|explor(?:e|es|ed|ing)|reviewing|under review|look(?:s|ing)? (?:at|into)|discuss(?:es|ed|ing)?|evaluat(?:e|es|ed|ing)|study(?:ing)?|whether to|contemplat(?:e|es|ed|ing)|plans? to|planning to|planned|may|might|could|possible|potential|reportedly preparing|preparing to|examin(?:e|es|ed|ing))\b/gi },
  { status: 'proposed', pattern: /\b(?:draft(?:s|ed|ing)?|being (?:prepared|drawn up|drafted)|propos(?:e|es|ed|ing)\s+(?:(?:a|an|the|new|its)\s+){0,2}(?:rules?|regulations?|laws?|bans?|orders?)\s+(?:that\s+)?(?:would|could|will)|propos(?:e|es|ed|ing|als?)|consult(?:s|ed|ing|ations?)(?: on)?|introduc(?:e|es|ed|ing) (?:a |the )?(?:bill|legislation|measure|rule)(?: (?:that )?(?:would|could|will))?|bill (?:that )?(?:would|could|will)|legislation (?:that )?(?:would|could|will)|draft(?:ed)?|sought to|seeks? to|aims? to|recommend(?:s|ed|ing)?|call(?:s|ed)? for|passed (?:by )?the (?:house|senate)|(?:house|senate) (?:passed|voted|approved)|notice of proposed rulemaking|proposed rule)\b/gi },
  { status: 'in-force', pattern: /\b(?:(?:has|have) been under|(?:is|are|remains?) under|took effect|came into (?:force|effect)|comes into (?:force|effect)|went into effect|goes into effect|in force|in effect|remains? (?:in place|banned|blocked|prohibited)|(?:will |would )?remain(?:s|ed)? on(?= (?:the |its |a |their )?(?:[\w’'-]+\s+){0,4}$)|(?:is|are) (?:now |still )?(?:banned|blocked|prohibited|barred|listed)|(?:has|have) been (?:banned|blocked|prohibited|barred|listed|on)|continues? to (?:ban|block|bar|prohibit))\b/gi },
  { status: 'enacted', pattern: /\b(?:(?<!\b(?:propos(?:e|es|ed|ing)|draft(?:s|ed|ing)?|unveil(?:s|ed|ing)?)\s+(?:(?:a|an|the|new|its)\s+){0,2})(?:law|order|rule|regulation|ban)s? (?:that )?(?:would|will)|adds|puts|places|imposes|orders|signs|(?:has|have) been \w+ing|(?:has|have) (?:launched|begun|started)|launched|continues? to|continued to|signed|issued|imposed|announced|ordered|adopted|enacted|approved|decided|decides|added|placed|designated|finali[sz]ed|officially|formally|has (?:banned|blocked|barred|added|sanctioned|prohibited)|have (?:banned|blocked|barred|added|sanctioned|prohibited)|after|since)\b/gi },
  { status: 'threatened', pattern: /将会|威胁|警告|计划/g },
  { status: 'considered', pattern: /考虑|研究|讨论/g },
  { status: 'proposed', pattern: /拟|提议|草案/g },
  { status: 'enacted', pattern: /宣布|决定|已|列入|签署/g },
];

/** Negation or denial close before an action: no event. */
/** Speculation and open questions about an act are not reports of it: "it is unclear whether Biden will overturn the ban", "could also add pressure on the Treasury to sanction them". */
export const HYPOTHETICAL_PATTERN = /\b(?:unclear|not clear|uncertain|unknown|questions? (?:of|about|over)|wonder(?:s|ed|ing)?)\b[^.;]{0,40}\b(?:whether|if|how|when)\b|\b(?:to (?:understand|know|learn|see|find out|check|ask)|asked|asking) (?:if|whether)\b|\b(?:could|may|might|would) (?:also |further )?(?:add pressure|increase pressure|lead|prompt|pave the way|open (?:the door|them up))\b/i;

export const NEGATION_PATTERN = /\b(?:stopped short of|stops short of|stop short of|refrain(?:s|ed)? from|declin(?:e|es|ed) to|refus(?:e|es|ed) to|not|no|never|\w*n['’]t|denie[sd]|deny(?:ing)?|denial|rul(?:e|es|ed|ing) out|rejected (?:reports|claims|suggestions)|no plans? to|dismissed (?:reports|speculation)|false(?:ly)?|rumou?rs? (?:that|of)|without)\b|否认|没有|不会|并未/gi;

/** Past-tense or participle form of the action word itself. */
export const PAST_FORM = /(?:ed|ned|red|ted|ied)$/i;
/** Present tense of the action word, as headlines report past acts ("Trump Asks Allies To Boycott Huawei"). */
export const HEADLINE_PRESENT = /^(?:bans|bars|blocks|urges|asks|pushes|presses|adds|blacklists|sanctions|prohibits|orders|forces|tells|restricts|excludes|removes|lobbies|cuts|designates|imposes|tightens)$/i;

/** Words that point back at an organisation or app named earlier. */
export const COREFERENCE_PATTERN = /\b(?:the|this|that|these|those)\s+(?:(?:chinese|beijing-based|shenzhen-based|hangzhou-based|tech|technology|telecoms?|social media|video|short-video|popular|messaging|payment|networking|equipment|surveillance|camera|drone|chip|smartphone|internet|e-commerce|\w+-owned)\s+){0,3}(company|companies|firm|firms|giant|maker|makers|group|app|apps|application|platform|service|vendor|supplier|manufacturer|conglomerate|operator|carrier|business|chipmaker|developer|owner|chatbot|assistant|browser|game|vendors|suppliers|manufacturers|giants|chipmakers)\b/gi;
export const PRONOUN_OBJECT = /^\s*(?:them|it)\b/i;

/** Peoples' adjectives a class of companies is named by ("Chinese", "Turkish", "Emirati"). */
const NATIONALITY = demonymAlternation();

/**
 * Groups of companies named without a name: "Chinese companies", "eight Chinese software
 * applications", "Chinese-made equipment". The nationality and head noun make the key.
 */
export const GENERIC_TARGET_PATTERN = new RegExp(String.raw`\b(${NATIONALITY}|china['’]s|u\.s\.|us)(?:[- ](?:made|owned|linked|based))?\s+(?:(?:largest|leading|big|major|biggest|top|tech|technology|telecoms?|telecommunications?|software|internet|social media|video|mobile|military|state-owned|surveillance|network|networking|semiconductor|chip|5g|untrusted|connected|[“"'‘]?untrusted[”"'’]?)\s+){0,3}(companies|firms|enterprises|entities|giants|vendors|suppliers|apps|applications|software|equipment|gear|hardware|components|products|drones|cameras|routers|modems|modules|handsets|smartphones|inverters|electronics|devices|phones|chips|semiconductors|carriers|operators|organi[sz]ations|businesses)\b`, 'gi');

/**
 * The same with any words between the nationality and the head noun ("Chinese military-linked
 * companies", "Chinese Military-Industrial Complex Companies"); the words between must be adjectives
 * or nouns (checked with compromise by the extractor), so "US officials warned companies" is none.
 */
export const GENERIC_TARGET_LOOSE = new RegExp(String.raw`\b(${NATIONALITY}|china['’]s|u\.s\.|us)(?:[- ](?:made|owned|linked|based))?\s+((?:[\p{L}\p{N}][\p{L}\p{N}’'-]*\s+){1,3}?)(companies|firms|enterprises|entities|giants|vendors|suppliers|apps|applications|software|equipment|gear|hardware|components|products|drones|cameras|routers|modems|modules|handsets|smartphones|inverters|electronics|devices|phones|chips|semiconductors|carriers|operators|organi[sz]ations|businesses)\b`, 'giu');

/**
 * Classes a measure governs that are named by what they are rather than by nationality: foreign-made
 * routers and drones (FCC Covered List entries), affiliates of listed parties (BIS's Affiliates
 * Rule), connected-vehicle hardware and software from China or Russia, "high-risk" vendors.
 */
/** Classes by kind of product; `{nation}` in a key stands for each nation the sentence ties the class to (China when only "foreign adversaries"). */
export const CLASS_TARGETS: { key: string; pattern: RegExp }[] = [
  { key: 'generic:foreign-routers', pattern: /\b(?:(?:foreign[- ](?:made|produced)|non-us|overseas[- ]made)\s+(?:consumer[- ]grade\s+|consumer\s+|new\s+)?routers|routers (?:produced|made|manufactured) (?:in a foreign country|abroad|outside the (?:united states|us|u\.s\.))|(?:consumer[- ]grade\s+)?routers produced in foreign countries)\b/gi },
  { key: 'generic:foreign-drones', pattern: /\b(?:foreign[- ](?:made|produced)\s+(?:aerial\s+)?(?:drones|uncrewed aircraft systems|unmanned aircraft systems|uas)|(?:drones|uas) (?:produced|made) (?:in a foreign country|abroad))\b/gi },
  { key: 'generic:listed-affiliates', pattern: /\b(?:(?:affiliates|subsidiaries)\s+(?:of|owned by)\s+(?:already\s+)?(?:listed|blacklisted|sanctioned|restricted)\s+(?:entities|companies|parties|persons)|(?:entit(?:y|ies)|affiliates?|compan(?:y|ies))\s+(?:that (?:is|are)\s+)?at least 50 (?:percent|%) owned by|affiliates rule|50 percent rule)\b/gi },
  { key: 'generic:{nation}-connected-vehicles', pattern: /\b(?:connected[- ]vehicles?|vehicle connectivity systems|automated driving systems)\b(?=[^.]{0,400}\b(?:china|prc|people['’]s republic of china|russia|chinese|foreign adversar))/gi },
  // "… supplied by persons subject to the jurisdiction of certain foreign adversaries, and which are integral to connected vehicles".
  { key: 'generic:{nation}-connected-vehicles', pattern: /(?<=\b(?:china|prc|people['’]s republic of china|russia|chinese|foreign adversar)[^.]{0,400})\b(?:connected[- ]vehicles?|vehicle connectivity systems|automated driving systems)\b/gi },
  { key: 'generic:high-risk-vendors', pattern: /\bhigh[- ]risk (?:suppliers|vendors|providers)\b/gi },
];

/** The class key of a head noun by a nationality or a place ("Chinese", "China", "Hong Kong", "Turkish", "the United Arab Emirates"); a word that names no nation is the US's. */
export function genericTargetKey(nationality: string, head: string): string {
  const nation = nationCode(nationality) ?? 'US';
  const h = head.toLowerCase();
  const cls = /apps|applications|software/.test(h) ? 'apps' : /equipment|gear|hardware|components|products|drones|cameras|routers|modems|modules|handsets|phones|inverters|electronics|devices|chips|semiconductors/.test(h) ? 'equipment' : 'companies';
  return `generic:${nation}-${cls}`;
}

/** Words that close a clause: targets and status cues do not cross them. */
export const CLAUSE_BREAK = /;|\s[–—-]\s|\b(?:but|while|whereas|although|though|which|who|said|says|according to|because|as part of)\b/gi;
