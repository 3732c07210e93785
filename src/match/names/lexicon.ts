/**
 * Word lists that decide how much each token of a company name says about which company it is.
 * Legal forms say nothing; generic business words and places say little; everything else is the
 * distinctive core of the name.
 */

/** Telegraphic and common abbreviations in trade lists and supplier masters → full word. */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  tech: 'technology', techs: 'technology', technol: 'technology', tec: 'technology',
  comm: 'communication', comms: 'communication', commun: 'communication', communs: 'communication',
  telecomm: 'telecommunication', telecomms: 'telecommunication',
  grp: 'group', gp: 'group',
  intl: 'international', internat: 'international',
  mfg: 'manufacturing', mfr: 'manufacturing', manuf: 'manufacturing',
  corp: 'corporation', corpn: 'corporation', comp: 'company', co: 'company', cos: 'company', coy: 'company',
  svcs: 'service', svc: 'service', serv: 'service', servs: 'service',
  hldgs: 'holding', hldg: 'holding', hlds: 'holding', hld: 'holding', hold: 'holding', holdings: 'holding',
  ltd: 'limited', lt: 'limited', ltda: 'limited',
  inc: 'incorporated', incorp: 'incorporated',
  elec: 'electronic', elect: 'electronic', electr: 'electronic', elecs: 'electronic',
  info: 'information', inf: 'information',
  natl: 'national', nat: 'national',
  sci: 'science', scien: 'science',
  dev: 'development', devt: 'development',
  eqpt: 'equipment', equip: 'equipment', eqp: 'equipment',
  ind: 'industrial', inds: 'industrial', indus: 'industrial', industries: 'industrial', industry: 'industrial',
  sys: 'system', syst: 'system', machs: 'machines', mach: 'machines',
  netwk: 'network', ntwk: 'network', net: 'network',
  // 网络 is translated either way: "Alipay (China) Internet Technology" = "… Network Technology".
  internet: 'network',
  dig: 'digital', digi: 'digital',
  mgmt: 'management', mgt: 'management',
  assoc: 'association', bros: 'brothers', ent: 'enterprise', entpr: 'enterprise',
  engr: 'engineering', eng: 'engineering', engg: 'engineering',
  invest: 'investment', invt: 'investment', inv: 'investment',
  prod: 'product', prods: 'product',
  semicon: 'semiconductor', semi: 'semiconductor',
  tel: 'telecom', telecoms: 'telecom',
  amer: 'america',
  // "Trade" and "Trading" name one line of business ("Okryu Trade Co." = "Okryu Trading Company"),
  // as "Transport" and "Transportation" do;
  // Turkish "Ticaret" stays "trade": "Sanayi ve Ticaret" (industry and trade) describes nearly every
  // Turkish company, not a line of its business.
  trade: 'trading', transportation: 'transport',
  shpg: 'shipping', shipg: 'shipping', trdg: 'trading', navig: 'navigation', transp: 'transport', mktg: 'marketing',
  petrochem: 'petrochemical', constr: 'construction', univ: 'university', inst: 'institute',
  chem: 'chemical', chems: 'chemical', pharma: 'pharmaceutical', pharm: 'pharmaceutical', auto: 'automotive',
  '&': 'and',
  // One word as the lists transliterate it in several ways: Russian (Kontsern = Concern, Rossii =
  // of Russia) and Arabic given names that name many companies (Mohammed = Muhammad).
  kontsern: 'concern', tsentr: 'center', rossii: 'russia', rossiya: 'russia', rossiia: 'russia',
  rossiyskaya: 'russian', rossiiskaya: 'russian', rossiyskoy: 'russian', rossiiskoi: 'russian', rossiyskiy: 'russian',
  mohammed: 'muhammad', mohamed: 'muhammad', mohammad: 'muhammad', muhammed: 'muhammad', mohamad: 'muhammad', mohammod: 'muhammad',
  ahmed: 'ahmad', hussein: 'husain', hussain: 'husain', husayn: 'husain', hasan: 'hassan',
  yousef: 'yusuf', youssef: 'yusuf', yousif: 'yusuf', yusef: 'yusuf', abdallah: 'abdullah', abdulla: 'abdullah',
  khaled: 'khalid', othman: 'uthman', osman: 'uthman', omar: 'umar', saeed: 'said', sayed: 'said',
}));

/**
 * Generic business words in the languages of the lists' names, as the English word: "Alptech Makina
 * Sanayi" = "Alptech Machinery Industry", "Aforra Inzhiniring" = "Aforra Engineering". Words that
 * also name companies on their own (Persian tejarat, saderat) are left out.
 */
export const TRANSLATED_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  // Korea's own name, as North Korean bodies write it ("Chosun Expo" = "Korea Expo").
  chosun: 'korea', choson: 'korea', joseon: 'korea',
  // "Saint" in German and Russian place names ("Sankt-Peterburg").
  sankt: 'saint',
  sanayi: 'industrial', sanayii: 'industrial', ticaret: 'trade', ithalat: 'import', ihracat: 'export', insaat: 'construction',
  nakliyat: 'transport', pazarlama: 'marketing', makina: 'machinery', sistemleri: 'system',
  teknoloji: 'technology', teknolojileri: 'technology', muhendislik: 'engineering', lojistik: 'logistics', otomotiv: 'automotive',
  havacilik: 'aviation', yatirim: 'investment', hizmetleri: 'service', danismanlik: 'consulting', enerji: 'energy', kimya: 'chemical',
  tekhnologii: 'technology', tekhnologiya: 'technology', tekhnologiy: 'technology', inzhiniring: 'engineering',
  sistemy: 'system', sistema: 'system', servis: 'service', konsalting: 'consulting', elektronika: 'electronic',
  investitsii: 'investment', investitsionnaya: 'investment', logistika: 'logistics', gruppa: 'group', kholding: 'holding',
  inversiones: 'investment', inversion: 'investment', constructora: 'construction', comercializadora: 'trading',
  servicios: 'service', tecnologia: 'technology', tecnologias: 'technology', sistemas: 'system', industrias: 'industrial',
  grupo: 'group', importadora: 'import', exportadora: 'export', distribuidora: 'distribution', ingenieria: 'engineering',
  logistica: 'logistics', consultoria: 'consulting', inversora: 'investment', tecnologica: 'technology',
  internacional: 'international', comercial: 'commercial', comerciales: 'commercial', industriales: 'industrial',
  desarrollo: 'development', desarrollos: 'development', transporte: 'transport', transportes: 'transport',
  importaciones: 'import', exportaciones: 'export', construcciones: 'construction',
  technik: 'technology', technologie: 'technology', technologies: 'technology', elektronik: 'electronic', systeme: 'system',
  kommunikation: 'communication', ingenierie: 'engineering',
  // Persian, as the lists transliterate it: Foolad Yazd = Yazd Steel, Sanaye Electronic = Electronics Industries.
  foolad: 'steel', fulad: 'steel', foulad: 'steel', sanaye: 'industrial', sanaat: 'industrial', bazargani: 'trading',
  mohandesi: 'engineering', sakhtemani: 'construction', kashtirani: 'shipping', petroshimi: 'petrochemical',
  sarmayegozari: 'investment', khadamat: 'service', toseh: 'development', tosee: 'development',
  // Words that many listed names carry in one language and their aliases in English: Russian
  // (Alfa-Lizing = Alfa-Leasing, Ladoga Menedzhment, Robin Treid, Sberbank Strakhovanie, … Zavod =
  // … Plant), Persian (Sarafi Ansar = Ansar Exchange, Bonyad = Foundation, Bank-e Gardeshgari =
  // Tourism Bank) and Spanish (Ministerio de Turismo).
  lizing: 'leasing', menedzhment: 'management', treid: 'trading', strakhovanie: 'insurance', zavod: 'plant', firma: 'firm',
  sudostroitelny: 'shipbuilding', sudostroitelnyi: 'shipbuilding', sudostroitelnyy: 'shipbuilding', svyaz: 'communication',
  sovremennye: 'modern', torgovyi: 'trading', torgovyy: 'trading', torgovaya: 'trading', torgovoye: 'trading', torgovo: 'trading',
  promyshlennaya: 'industrial', promyshlennyi: 'industrial', promyshlennyy: 'industrial', avtomatizatsiya: 'automation',
  inzhenernaya: 'engineering', upravlyayushchaya: 'management',
  sarafi: 'exchange', bonyad: 'foundation', taavon: 'cooperative', taawon: 'cooperative', gardeshgari: 'tourism', siman: 'cement',
  ministerio: 'ministry', turismo: 'tourism', compania: 'company', companhia: 'company',
  // More business words of the lists' Persian, Russian and Turkish names, each common in them:
  // Fanavaran Sanat Ertebatat = Fanavaran Communication Industry, Sherkate Sanaye Madaniye = Mining
  // Industries Company, Palayesh = Refining, Bimeh = Insurance; Russian Institut, Obedinenie
  // (association); Turkish Gida (food), Tekstil.
  sanat: 'industrial', ertebatat: 'communication', madani: 'mining', madaniye: 'mining',
  palayesh: 'refining', pakhsh: 'distribution', tolid: 'production', bimeh: 'insurance',
  institut: 'institute', obedinenie: 'association', obedinenia: 'association', obedineniye: 'association',
  gida: 'food', tekstil: 'textile',
  // Banks of the former Soviet Union: AKB (Aktsionerny Kommercheski Bank), JSB, JSCB.
  kommercheski: 'commercial', kommercheskiy: 'commercial', kommercheskii: 'commercial', akb: 'bank', jsb: 'bank', jscb: 'bank',
}));

/**
 * British spellings as the American ones, which the lists also use: "World Health Organisation" =
 * "… Organization", "Medical Centre" = "Medical Center", "Aluminium" = "Aluminum". Words ending in
 * "-isation" are written "-ization" by one rule (normalise.ts).
 */
export const BRITISH_SPELLINGS: ReadonlyMap<string, string> = new Map(Object.entries({
  centre: 'center', centres: 'centers', theatre: 'theater', fibre: 'fiber', fibres: 'fibers', metre: 'meter',
  labour: 'labor', harbour: 'harbor', colour: 'color', colours: 'colors', honour: 'honor', defence: 'defense',
  licence: 'license', programme: 'program', aluminium: 'aluminum', jewellery: 'jewelry', jeweller: 'jeweler',
  jewellers: 'jewelers', tyre: 'tire', tyres: 'tires', catalogue: 'catalog', analyse: 'analyze', cheque: 'check',
}));

/**
 * Words that name one kind of body, as lists translate it one way or another: a plant, factory or
 * works (Russian zavod, fabrika), a prison or penitentiary, an airline or air company (Russian
 * aviakompaniya). The word each stands for; compare.ts reads a name with the other name's word.
 */
export const KINDS_OF_BODY: ReadonlyMap<string, string> = new Map(Object.entries({
  plant: 'plant', factory: 'plant', works: 'plant', fabrika: 'plant', kombinat: 'plant', combine: 'plant',
  prison: 'prison', penitentiary: 'prison', jail: 'prison',
  aircompany: 'airline', airline: 'airline', airlines: 'airline', aviakompaniya: 'airline', aviakompaniia: 'airline',
}));

/**
 * Russian descriptive words of names by their stem, as the English word their translations use: a
 * Russian adjective or noun changes its ending with gender, number and case ("Metallurgicheskaya
 * Kompaniya", "Metallurgichesky Zavod", "Russkie Elektricheskie Dvigateli" = "Russian Electric
 * Motors"), and lists write я as "ya" or "ia" ("Sudokhodnaia"), so the stem is looked up with any of
 * `RUSSIAN_ENDINGS`. Only words that describe a business, a kind of body or a country: words that
 * also name companies on their own (Vostochny, Severny) are left out.
 */
export const RUSSIAN_STEMS: ReadonlyMap<string, string> = new Map(Object.entries({
  metallurgichesk: 'metallurgical', elektrichesk: 'electric', elektronn: 'electronic', tekhnologichesk: 'technology',
  khimichesk: 'chemical', mekhanichesk: 'mechanical', optichesk: 'optical', energetichesk: 'energy', kosmichesk: 'space',
  trubn: 'pipe', sudokhodn: 'shipping', dvigatel: 'motor', ekspertiz: 'expertise', neftyan: 'oil', aviatsionn: 'aviation',
  transportn: 'transport', investitsionn: 'investment', finansov: 'financial', strakhov: 'insurance', avtomobiln: 'automobile',
  mezhdunarodn: 'international', natsionaln: 'national', gosudarstvenn: 'state', federaln: 'federal', russk: 'russian',
  issledovatelsk: 'research', proizvodstvenn: 'production', remontn: 'repair', raketn: 'rocket', yadern: 'nuclear',
  stroiteln: 'construction',
}));
/** Endings of Russian adjectives and nouns as the lists transliterate them, longest first; '' is the bare stem. */
export const RUSSIAN_ENDINGS = ['yaya', 'iaia', 'aya', 'aia', 'oye', 'iye', 'yye', 'ogo', 'ikh', 'ykh', 'omu', 'uyu', 'yy', 'yi', 'iy', 'ii', 'oe', 'ie', 'ye', 'oi', 'oy', 'ei', 'yu', 'y', 'i', 'o', 'a', 'e', ''];

/** Legal forms in many jurisdictions; they never distinguish one company from another. */
export const LEGAL_FORMS = new Set([
  'company', 'limited', 'incorporated', 'corporation', 'llc', 'llp', 'lp', 'plc', 'pte', 'pty', 'pvt', 'private',
  'public', 'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'kk', 'oy', 'oyj', 'ab', 'as', 'asa',
  'aps', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'ao', 'pao', 'oao', 'zao', 'ooo', 'sdn', 'bhd', 'tbk', 'pt', 'se', 'cv',
  'ltda', 'sab', 'de', 'kft', 'zrt', 'sp', 'zoo', 'spzoo', 'doo', 'dd', 'the', 'and', 'of', 'in', 'a', 'an', 'los', 'las', 'joint', 'stock',
  'liability', 'unlimited', 'share', 'shares', 'sole', 'proprietorship', 'partnership', 'fzc', 'fze', 'fzco',
  'dmcc', 'wll', 'spc', 'cooperative', 'coop', 'ek', 'ug', 'gk', 'yk', 'cia', 'ulc', 'nl', 'lc', 'pllc',
  // Legal forms written out in full in their own languages.
  'aktiebolag', 'aktiebolaget', 'telefonaktiebolaget', 'aktiengesellschaft', 'gesellschaft', 'kabushiki', 'kaisha',
  'sociedad', 'anonima', 'societe', 'anonyme', 'limitada', 'naamloze', 'vennootschap', 'besloten', 'societa',
  'obshchestvo', 'aktsionernoe', 'obschestvo', 'otvetstvennostyu', 'ogranichennoy', 'kompaniya', 'kompaniia', 'tovarystvo',
  'tavarystva', 'tov', 'prat', 'tdv', 'sirketi', 'sti', 've', 'pjs', 'sherkat', 'sherkate', 'shirkat',
  // Bulgarian (OOD, EOOD, EAD, AD), Lebanese (S.A.L.), Kyrgyz (OSOO), Czech and Slovak (s.r.o.)
  // and Estonian (OÜ) forms.
  'ood', 'eood', 'ead', 'ad', 'sal', 'osoo', 'sro', 'ou',
  // Forms of non-profit bodies and sole traders: Dutch (Stichting), Belgian (ASBL, VZW), Brazilian (EIRELI).
  'stichting', 'asbl', 'vzw', 'eireli',
  // "Joint-stock" before a Russian kind of body ("Aktsionerny Kommercheski Bank").
  'aktsionerny', 'aktsionernyi', 'aktsionernyy',
  // Registry jurisdictions written into names: "(Cayman Islands)", "(BVI)".
  'cayman', 'islands', 'bvi', 'bermuda', 'delaware', 'british', 'virgin', 'jersey', 'guernsey', 'labuan', 'marshall',
  'seychelles', 'mauritius', 'jlt', 'jafza',
]);

/**
 * Legal forms by the legal tradition that registers them: a company limited under English-style
 * company law (Ltd, LLC, Inc, PLC) and a société or sociedad of the civil codes (S.A., SAS, SARL,
 * SRL, SpA). One name registered in both ("Intellexa Limited" / "Intellexa S.A.") is two
 * registrations, of one house at most. Forms that lists translate from one tradition into the
 * other belong to neither: the Russian and other CIS forms (OOO = LLC, AO = JSC), "Company",
 * "Limitada" (= "Limited"), and the German, Dutch and Nordic forms, which lists render as "Ltd"
 * ("… AG" / "… Ltd").
 */
export const LEGAL_TRADITIONS: ReadonlyMap<string, 'common' | 'civil'> = new Map([
  ...['limited', 'llc', 'llp', 'lp', 'plc', 'incorporated', 'corporation', 'pte', 'pty', 'pvt', 'ulc', 'pllc', 'lc'].map((f) => [f, 'common'] as const),
  ...['sa', 'sas', 'sarl', 'srl', 'spa', 'sab', 'sal', 'sl', 'slu', 'sociedad', 'anonima', 'societe', 'anonyme', 'societa'].map((f) => [f, 'civil'] as const),
]);

/**
 * Words that describe a line of business or a structure. Two names that share a distinctive core
 * but carry different words here are often different companies of one group ("Huawei Device" and
 * "Huawei Technologies").
 */
export const GENERIC_WORDS = new Set([
  'technology', 'digital', 'communication', 'telecommunication', 'telecom', 'electronic',
  'network', 'information', 'science', 'scientific', 'system', 'equipment', 'service', 'international',
  'industrial', 'development', 'software', 'manufacturing', 'trading', 'trade', 'engineering', 'solution', 'product',
  'global', 'intelligent', 'intelligence', 'innovation', 'media', 'internet', 'cloud', 'computing', 'computer',
  'device', 'data', 'security', 'energy', 'power', 'new', 'group', 'holding', 'enterprise', 'investment', 'capital',
  'financial', 'finance', 'bank', 'trust', 'insurance', 'securities', 'management', 'logistics', 'automotive', 'auto', 'motor',
  'battery', 'material', 'chemical', 'pharmaceutical', 'medical', 'bio', 'biotech', 'video', 'music',
  'entertainment', 'game', 'games', 'mobile', 'wireless', 'optical', 'optoelectronic', 'semiconductor', 'microelectronic',
  'integrated', 'circuit', 'memory', 'storage', 'robotics', 'robot', 'automation', 'instrument', 'precision', 'vision',
  'imaging', 'smart', 'online', 'web', 'net', 'lab', 'laboratory', 'research', 'institute', 'academy', 'university',
  'college', 'center', 'centre', 'office', 'branch', 'division', 'operations', 'operation', 'americas', 'usa',
  'subsidiary', 'affiliate', 'associates', 'partners', 'ventures', 'venture', 'brothers', 'sales', 'marketing', 'cartel', 'charity', 'charitable', 'organization', 'organisation',
  'distribution', 'import', 'export', 'supply', 'supplies', 'resource', 'resources', 'commercial', 'consulting',
  'association', 'corp', 'fund', 'asset', 'assets', 'payment', 'pay', 'wallet', 'commerce', 'ecommerce', 'retail',
  'aviation', 'aerospace', 'shipping', 'marine', 'railway', 'construction', 'architecture', 'design', 'culture',
  'education', 'health', 'healthcare', 'genomics', 'photonics', 'photoelectric', 'display', 'lighting', 'terminal',
  'terminals', 'infrastructure', 'platform', 'app', 'apps', 'studio', 'studios', 'interactive', 'labs', 'unit',
  'cybersecurity', 'antivirus', 'virus', 'monitoring', 'surveillance', 'camera', 'radio', 'satellite', 'space',
  'drone', 'uav', 'ai', 'artificial', 'quantum', 'chip', 'chips', 'micro', 'nano', 'integration', 'engine',
  'united', 'consolidated', 'general', 'universal', 'advanced', 'modern', 'future', 'machinery', 'transport',
  // The same words in the languages of common subsidiaries' names.
  'mobilfunk', 'comunicaciones', 'telecomunicacoes', 'solutions', 'automobile', 'visual', 'appliance', 'appliances',
  'home', 'household', 'recycling', 'airlines', 'express', 'wireless',
  // Kinds of Russian organisation, as normalise.ts writes them whether spelt out or abbreviated.
  'npp', 'npo', 'npk', 'npts', 'npf', 'fgup', 'gup', 'fgbu', 'nii', 'kb', 'nts', 'ktts', 'po', 'vo',
  // An industrial complex is the kind of body a plant is ("Jam Petrochemical Complex" = "… Company").
  'complex',
  // What an exchange house deals in: "Atlas Currency Exchange" = "Atlas Exchange".
  'money', 'currency', 'transfer', 'remittance',
]);

/**
 * Words among GENERIC_WORDS that say what kind of body a name is, not a business of its own: the
 * kinds of Russian organisation, an industrial complex, what an exchange house deals in.
 */
export const ORGANISATION_KINDS = new Set(['npp', 'npo', 'npk', 'npts', 'npf', 'fgup', 'gup', 'fgbu', 'nii', 'kb', 'nts', 'ktts', 'po', 'vo', 'complex', 'money', 'currency', 'transfer', 'remittance']);

/**
 * Qualifiers that name a line of business. One name carrying one of these where the other does not
 * ("Tencent Music Entertainment" against "Tencent") marks another company of the group; the plain
 * descriptors of a legal name ("Digital Technology") do not.
 */
export const BUSINESS_LINES = new Set([
  'device', 'cloud', 'computing', 'music', 'entertainment', 'video', 'game', 'games', 'auto', 'automotive', 'motor',
  'battery', 'software', 'payment', 'pay', 'wallet', 'bank', 'trust', 'financial', 'finance', 'insurance', 'securities',
  'investment', 'capital', 'fund', 'asset', 'logistics', 'media', 'marine', 'medical', 'health', 'healthcare',
  'pharmaceutical', 'bio', 'biotech', 'genomics', 'robotics', 'robot', 'automation', 'drone', 'uav', 'aviation',
  'aerospace', 'shipping', 'railway', 'construction', 'education', 'culture', 'retail', 'commerce', 'ecommerce',
  'lighting', 'display', 'terminal', 'automobile', 'visual', 'appliance', 'home', 'household', 'recycling', 'semiconductor', 'microelectronic', 'chip', 'memory', 'storage', 'energy',
  'power', 'material', 'chemical', 'photonics', 'optoelectronic', 'sales', 'marketing', 'distribution', 'research',
  'institute', 'academy', 'university', 'lab', 'laboratory', 'studio', 'interactive', 'satellite', 'space',
  'cybersecurity', 'security', 'consulting', 'trading', 'import', 'export', 'mobilfunk', 'radio', 'internet',
  'online', 'enterprise',
]);

/**
 * Places that prefix or qualify Chinese company names. A leading city or province is weak evidence;
 * a trailing country or region marks a national subsidiary ("Huawei Technologies USA").
 */
export const PLACES = new Set([
  'china', 'chinese', 'prc', 'beijing', 'shanghai', 'shenzhen', 'hangzhou', 'guangzhou', 'guangdong', 'zhejiang',
  'jiangsu', 'nanjing', 'suzhou', 'wuxi', 'changzhou', 'wuhan', 'hubei', 'hunan', 'changsha', 'fujian', 'xiamen',
  'fuzhou', 'tianjin', 'chongqing', 'chengdu', 'sichuan', 'hefei', 'anhui', 'dongguan', 'ningbo', 'qingdao',
  'shandong', 'jinan', 'xian', 'shaanxi', 'henan', 'zhengzhou', 'hebei', 'shijiazhuang', 'liaoning', 'shenyang',
  'dalian', 'jilin', 'changchun', 'heilongjiang', 'harbin', 'jiangxi', 'nanchang', 'guangxi', 'nanning', 'yunnan',
  'kunming', 'guizhou', 'guiyang', 'hainan', 'haikou', 'shanxi', 'taiyuan', 'gansu', 'lanzhou', 'xinjiang',
  'urumqi', 'tibet', 'ningxia', 'qinghai', 'inner', 'mongolia', 'zhuhai', 'foshan', 'huizhou', 'zhongshan', 'ningde',
  'yantai', 'weihai', 'xiangyang', 'mianyang', 'hong', 'kong', 'hongkong', 'macau', 'macao', 'taiwan', 'taipei',
  'asia', 'pacific', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'greater',
  // Cities and free zones of Iran that the lists' Iranian parties carry in their names, or leave out
  // ("Pegah Aluminum Arak Company" / "Pegah Aluminum Company", "Triliance Kish Petrochemical").
  'tehran', 'kish', 'arak', 'delijan', 'isfahan', 'esfahan', 'tabriz', 'mashhad', 'shiraz', 'ahvaz', 'kerman', 'qeshm',
  'sirjan', 'qazvin', 'bushehr', 'karaj', 'yazd',
]);

/**
 * The places of PLACES that are not cities: a country, a province or a direction contains cities,
 * so two names naming one of these and a city may name one company ("Zhejiang Dahua" is in Hangzhou).
 * Hong Kong, Macao and Taiwan count as cities: a company there is not one of the mainland's.
 */
const NOT_CITIES = new Set([
  'china', 'chinese', 'prc', 'asia', 'pacific', 'north', 'south',
  'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'greater', 'inner', 'mongolia', 'guangdong',
  'zhejiang', 'jiangsu', 'hubei', 'hunan', 'fujian', 'sichuan', 'anhui', 'shandong', 'shaanxi', 'henan', 'hebei',
  'liaoning', 'jilin', 'heilongjiang', 'jiangxi', 'guangxi', 'yunnan', 'guizhou', 'hainan', 'shanxi', 'gansu',
  'xinjiang', 'tibet', 'ningxia', 'qinghai',
]);
/** Cities among the places a name may carry: two names in two different cities name two companies. */
export const CITIES = new Set([...PLACES].filter((p) => !NOT_CITIES.has(p)));

/**
 * Countries that lead a name the way a city does ("Korea Mandal Credit Bank" = "Mandal Credit
 * Bank"): a place before the core, and, like a city, a place two names cannot both be in.
 */
export const LEADING_COUNTRIES = new Set([
  'korea', 'iran', 'iraq', 'russia', 'syria', 'indonesia', 'india', 'pakistan', 'afghanistan', 'turkey', 'lebanon',
  'yemen', 'libya', 'sudan', 'somalia', 'belarus', 'ukraine', 'kazakhstan', 'uzbekistan', 'kyrgyzstan', 'tajikistan',
  'armenia', 'azerbaijan', 'georgia', 'cuba', 'venezuela', 'nicaragua', 'myanmar', 'burma', 'vietnam', 'cambodia', 'laos',
  'malaysia', 'thailand', 'philippines', 'singapore', 'japan', 'mongolia', 'nigeria', 'egypt', 'algeria', 'tunisia',
  'morocco', 'ethiopia', 'kenya', 'tanzania', 'mexico', 'brazil', 'colombia', 'argentina', 'chile', 'peru',
]);

/** Countries and regions that, after the core of a name, denote a national subsidiary. */
export const REGIONS = new Set([
  'usa', 'us', 'america', 'americas', 'american', 'canada', 'mexico', 'brazil', 'uk', 'britain', 'england', 'europe',
  'european', 'eu', 'germany', 'deutschland', 'france', 'italy', 'italia', 'spain', 'netherlands', 'nederland',
  'belgium', 'poland', 'sweden', 'norway', 'denmark', 'finland', 'russia', 'rus', 'india', 'japan', 'korea', 'singapore',
  'malaysia', 'indonesia', 'thailand', 'vietnam', 'philippines', 'australia', 'zealand', 'africa', 'nigeria',
  'kenya', 'egypt', 'saudi', 'arabia', 'uae', 'dubai', 'turkey', 'israel', 'pakistan', 'bangladesh', 'hk', 'hongkong',
  'macau', 'taiwan', 'international', 'global', 'overseas', 'asia', 'emea', 'latam', 'middle', 'east', 'north',
  'south', 'intl', 'states', 'kingdom', 'arizona', 'california', 'texas', 'delaware', 'ireland', 'scotland', 'wales',
  'austria', 'switzerland', 'czech', 'hungary', 'romania', 'portugal', 'greece', 'ukraine', 'kazakhstan', 'chile',
  'peru', 'colombia', 'argentina', 'venezuela', 'morocco', 'algeria', 'ghana', 'tanzania', 'ethiopia', 'qatar',
  'kuwait', 'oman', 'bahrain', 'iran', 'iraq', 'jordan', 'lebanon', 'srilanka', 'nepal', 'myanmar', 'cambodia', 'laos',
]);

/** Chinese legal forms and structural suffixes, longest first. */
export const HAN_LEGAL_SUFFIXES = [
  '集团股份有限公司', '集团有限责任公司', '集团有限公司', '股份有限公司', '有限责任公司', '控股有限公司',
  '有限公司', '总公司', '分公司', '公司', '集团', '控股', '股份', '厂',
];

/** Chinese generic business words stripped from the end of the core (longest first). */
export const HAN_GENERIC = [
  '新能源科技', '信息技术', '数字技术', '智能科技', '网络技术', '网络科技', '电子科技', '通信技术', '通讯技术',
  '计算机', '云计算', '半导体', '集成电路', '新能源', '科技', '技术', '数字', '通信', '通讯', '电子', '网络', '信息',
  '智能', '软件', '系统', '设备', '电器', '国际', '实业', '发展', '创新', '制造', '工业', '终端', '电信', '移动',
  '存储', '储存', '贸易', '投资', '金融', '服务', '产品', '工程', '材料', '能源', '汽车', '电池', '传媒', '文化',
  '娱乐', '音乐', '视频', '支付', '银行', '证券', '保险', '物流', '研究院', '研究所', '实验室', '大学', '学院',
  '光电', '机器人', '无人机', '航空', '航天', '医疗', '生物', '控股', '中心', '有限', '股份', '集团', '云',
];

/** Chinese place names that prefix company names. */
export const HAN_PLACES = [
  '中华人民共和国', '内蒙古自治区', '广西壮族自治区', '新疆维吾尔自治区', '中国', '北京市', '北京', '上海市', '上海',
  '天津市', '天津', '重庆市', '重庆', '深圳市', '深圳', '杭州市', '杭州', '广州市', '广州', '广东省', '广东',
  '浙江省', '浙江', '江苏省', '江苏', '南京市', '南京', '苏州市', '苏州', '无锡', '常州', '武汉市', '武汉', '湖北省',
  '湖北', '湖南省', '湖南', '长沙', '福建省', '福建', '厦门市', '厦门', '福州', '成都市', '成都', '四川省', '四川',
  '合肥市', '合肥', '安徽省', '安徽', '东莞市', '东莞', '宁波市', '宁波', '青岛市', '青岛', '山东省', '山东',
  '济南', '西安市', '西安', '陕西省', '陕西', '河南省', '河南', '郑州', '河北省', '河北', '辽宁省', '辽宁', '沈阳',
  '大连', '吉林省', '吉林', '长春', '黑龙江', '哈尔滨', '江西省', '江西', '南昌', '云南', '昆明', '贵州', '贵阳',
  '海南', '海口', '山西', '太原', '甘肃', '兰州', '珠海市', '珠海', '佛山', '惠州', '中山', '宁德', '烟台', '威海',
  '香港', '澳门', '台湾', '台北',
];
