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
