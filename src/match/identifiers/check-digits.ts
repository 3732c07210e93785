/**
 * Security and company identifiers with their check digits. Each parser returns the canonical
 * form or an error that says what is wrong, so a bad row can be reported and not guessed.
 */

export type Parsed<T = string> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): Parsed<never> => ({ ok: false, error });

/** Letters count as 10..35, as ISIN, LEI and CUSIP all specify. */
function charValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  return code - 55;
}

/** ISIN (ISO 6166): 2-letter country, 9 alphanumerics, a Luhn check digit over the expanded digits. */
export function parseIsin(input: string): Parsed {
  const s = input.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}[A-Z0-9]{9}[0-9]$/.test(s)) return fail(`"${input}" is not an ISIN (2 letters, 9 letters or digits, 1 check digit)`);
  const digits = [...s.slice(0, 11)].map((c) => String(charValue(c))).join('');
  let sum = 0;
  // Luhn from the right, doubling the digit next to the (absent) check digit first.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  const check = (10 - (sum % 10)) % 10;
  if (check !== Number(s[11])) return fail(`ISIN ${s} has a bad check digit (expected ${check})`);
  return ok(s);
}

/** CUSIP: 8 characters and a modulus-10 "double-add-double" check digit. */
export function parseCusip(input: string): Parsed {
  const s = input.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z0-9*@#]{8}[0-9]$/.test(s)) return fail(`"${input}" is not a CUSIP (8 characters and a check digit)`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = s[i] as string;
    let v = c === '*' ? 36 : c === '@' ? 37 : c === '#' ? 38 : charValue(c);
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  const check = (10 - (sum % 10)) % 10;
  if (check !== Number(s[8])) return fail(`CUSIP ${s} has a bad check digit (expected ${check})`);
  return ok(s);
}

/** LEI (ISO 17442): 18 alphanumerics and 2 check digits, ISO 7064 MOD 97-10. */
export function parseLei(input: string): Parsed {
  const s = input.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z0-9]{18}[0-9]{2}$/.test(s)) return fail(`"${input}" is not an LEI (20 characters ending in 2 check digits)`);
  let remainder = 0;
  for (const c of s) {
    const v = charValue(c);
    remainder = (v > 9 ? remainder * 100 + v : remainder * 10 + v) % 97;
  }
  if (remainder !== 1) return fail(`LEI ${s} fails the ISO 7064 MOD 97-10 check`);
  return ok(s);
}

// GB 32100-2015: the unified social credit code's alphabet leaves out I, O, S, V and Z.
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** USCC 统一社会信用代码 (GB 32100-2015): 18 characters, the last a mod-31 check character. */
export function parseUscc(input: string): Parsed {
  const s = input.replace(/\s/g, '').toUpperCase();
  if (s.length !== 18 || [...s].some((c) => !USCC_ALPHABET.includes(c))) {
    return fail(`"${input}" is not a unified social credit code (18 characters of 0-9 and A-Y without I, O, S, V, Z)`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(s[i] as string) * (USCC_WEIGHTS[i] as number);
  const check = USCC_ALPHABET[(31 - (sum % 31)) % 31];
  if (check !== s[17]) return fail(`unified social credit code ${s} has a bad check character (expected ${check})`);
  return ok(s);
}

export interface Ticker {
  symbol: string;
  /** Canonical exchange code, or undefined when the input did not say. */
  exchange?: string;
}

/** Common spellings of exchange codes (Bloomberg, Reuters/Yahoo suffixes, MIC-like names). */
const EXCHANGES: Record<string, string> = {
  HK: 'HKEX', HKEX: 'HKEX', HKG: 'HKEX', SEHK: 'HKEX', XHKG: 'HKEX',
  SS: 'SSE', SH: 'SSE', SSE: 'SSE', SHA: 'SSE', SHG: 'SSE', XSHG: 'SSE', CH: 'CN', CN: 'CN', C1: 'CN', C2: 'CN',
  SZ: 'SZSE', SZSE: 'SZSE', SHE: 'SZSE', XSHE: 'SZSE',
  N: 'NYSE', NYSE: 'NYSE', XNYS: 'NYSE', US: 'US',
  O: 'NASDAQ', OQ: 'NASDAQ', NASDAQ: 'NASDAQ', XNAS: 'NASDAQ', NSDQ: 'NASDAQ',
  L: 'LSE', LN: 'LSE', LSE: 'LSE', XLON: 'LSE',
  T: 'TSE', JP: 'TSE', TYO: 'TSE', XTKS: 'TSE',
  SI: 'SGX', SP: 'SGX', SGX: 'SGX', XSES: 'SGX',
  KS: 'KRX', KRX: 'KRX',
  TW: 'TWSE', TWSE: 'TWSE',
  GY: 'XETRA', XETRA: 'XETRA', XETR: 'XETRA', F: 'FSE', GF: 'FSE', FRA: 'FSE', XFRA: 'FSE',
  ME: 'MOEX', MOEX: 'MOEX', RM: 'MOEX', MISX: 'MOEX',
  BA: 'BCBA', BCBA: 'BCBA', SA: 'B3', B3: 'B3', BVMF: 'B3', TO: 'TSX', TSX: 'TSX', XTSE: 'TSX',
  // Country codes as OFAC's list writes an equity ticker's market ("600760 CN", "CHL RU", "CTM DE",
  // "CHA AR", "C1HL34 BR", "CNU CA", "K3ID SG"): the country, not one exchange (below).
  DE: 'DE', GR: 'DE', RU: 'RU', RX: 'RU', AR: 'AR', BR: 'BR', BZ: 'BR', CA: 'CA', SG: 'SG',
};

/**
 * Composite codes name a country, not one exchange (Bloomberg's US and CH, OFAC's CN, RU, DE …): a
 * ticker written so is each of the country's exchanges' ("600760 CN" is Shanghai's 600760), and a
 * ticker recorded so is met by a query that names one of them ("CTM GY", Xetra, meets "CTM DE").
 */
export const COMPOSITE_EXCHANGES: Record<string, string[]> = {
  US: ['NYSE', 'NASDAQ'], CN: ['SSE', 'SZSE'], DE: ['XETRA', 'FSE'], RU: ['MOEX'], AR: ['BCBA'], BR: ['B3'], CA: ['TSX'], SG: ['SGX'],
};

/** The codes a ticker of this exchange may be recorded under: itself, a composite's members, the composites it belongs to. */
export function exchangeKeys(exchange: string): string[] {
  const countries = Object.entries(COMPOSITE_EXCHANGES).filter(([, members]) => members.includes(exchange)).map(([c]) => c);
  return [exchange, ...(COMPOSITE_EXCHANGES[exchange] ?? []), ...countries];
}

export function canonicalExchange(code: string): string | undefined {
  return EXCHANGES[code.toUpperCase()];
}

/**
 * Tickers as people write them: `0941.HK`, `HKG:0941`, `941 HK`, `600050.SS`, `NYSE:CHL`, `BABA`.
 * Hong Kong codes compare without leading zeros.
 */
export function parseTicker(input: string, exchangeHint?: string): Parsed<Ticker> {
  const s = input.trim().toUpperCase();
  let symbol = s;
  let exchange: string | undefined = exchangeHint ? canonicalExchange(exchangeHint) ?? exchangeHint.toUpperCase() : undefined;
  const prefixed = /^([A-Z]{1,6}):\s*([A-Z0-9.\-]{1,12})$/.exec(s);
  const suffixed = /^([A-Z0-9\-]{1,12})[.\s]+([A-Z]{1,6})(?:\s+EQUITY)?$/.exec(s);
  if (prefixed) {
    exchange = canonicalExchange(prefixed[1] as string) ?? prefixed[1];
    symbol = prefixed[2] as string;
  } else if (suffixed && canonicalExchange(suffixed[2] as string)) {
    exchange = canonicalExchange(suffixed[2] as string);
    symbol = suffixed[1] as string;
  } else if (!/^[A-Z0-9.\-]{1,12}$/.test(s)) {
    return fail(`"${input}" is not a ticker symbol`);
  }
  if (exchange === 'HKEX' || /^\d+$/.test(symbol)) symbol = symbol.replace(/^0+(?=\d)/, '');
  return ok(exchange ? { symbol, exchange } : { symbol });
}
