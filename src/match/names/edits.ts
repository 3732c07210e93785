/**
 * The kinds of single edit a typist makes, told apart: a letter dropped or added, two neighbours
 * swapped, or one letter replaced. Company lookalikes differ mostly by replacement (Huawei/Huawen,
 * Quectel/Questel), typos mostly by the others.
 */
export type Edit = 'none' | 'insert-delete' | 'transpose' | 'substitute' | 'more';

export function singleEdit(a: string, b: string): Edit {
  if (a === b) return 'none';
  if (Math.abs(a.length - b.length) > 1) return 'more';
  if (a.length !== b.length) {
    const [short, long] = a.length < b.length ? [a, b] : [b, a];
    let i = 0;
    while (i < short.length && short[i] === long[i]) i++;
    return short.slice(i) === long.slice(i + 1) ? 'insert-delete' : 'more';
  }
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
  if (diffs.length === 1) return 'substitute';
  const [i, j] = diffs as [number, number];
  if (diffs.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i]) return 'transpose';
  return 'more';
}

export function isOneEdit(a: string, b: string): boolean {
  const e = singleEdit(a, b);
  return e !== 'none' && e !== 'more';
}

let slipTable = new Int32Array(1024);

/**
 * Edit distance counting letters dropped, added and swapped as one each, and a replaced letter as
 * three: in a long name two slips of the keyboard are forgiven, a changed letter is not.
 */
export function slipDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  // One table kept between calls (the scorer asks for many pairs), grown as needed.
  if (slipTable.length < rows * cols) slipTable = new Int32Array(rows * cols * 2);
  const d = slipTable;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const same = a[i - 1] === b[j - 1];
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + (same ? 0 : 3));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/**
 * A spelling-independent key for one word: a soft c (before e, i, y) sounds as s, any other c, ck
 * and q as k; "oo" and "ou" as u, "ee" and y as i, "ph" as f, x as ks, z as s, "kh" as h, "zh" as j,
 * "ts" inside a word as c, "shch" as "sch", "ye" after a consonant and a final "oye", "iye" as "e";
 * doubled letters once. Two words with one key are the same word misspelled or transliterated another way (Gazprom/Gasprom, Organisation/Organization, Mikhail/Mihail,
 * Druzhba/Drujba, Aktsionernoe/Akcionernoe), not lookalike names.
 */
const soundKeys = new Map<string, string>();

export function soundKey(word: string): string {
  let key = soundKeys.get(word);
  if (key === undefined) {
    key = spellAsHeard(word);
    // Bounded: the words of one knowledge base and a batch of queries.
    if (soundKeys.size > 100_000) soundKeys.clear();
    soundKeys.set(word, key);
  }
  return key;
}

function spellAsHeard(word: string): string {
  return word
    .replace(/shch/g, 'sch')
    // Евро- as Russian lists spell it: Evrofinance = Eurofinance, Evrokhim = Eurochem.
    .replace(/^evr/, 'eur')
    .replace(/oo|ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/zh/g, 'j')
    // Ц as "ts" or "c" (Aktsionernoe/Akcionernoe, Donetsk/Doneck); a final "ts" is an English plural.
    .replace(/ts(?=.)/g, 'c')
    // Е and Ъе as "ye" or "e" after a consonant (Obyedinenie/Obedinenie), and the endings -oye, -iye
    // as -oe, -ie (Proizvodstvennoye/Proizvodstvennoe).
    .replace(/([^aeiouy])ye/g, '$1e')
    .replace(/([oi])ye$/, '$1e')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/ck|c|q/g, 'k')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
}
