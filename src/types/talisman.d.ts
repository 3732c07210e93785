declare module 'talisman/metrics/damerau-levenshtein.js' {
  /** Optimal-string-alignment distance between two strings. */
  export default function damerauLevenshtein(a: string, b: string): number;
}
declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro-Winkler similarity in [0, 1]. */
  export default function jaroWinkler(a: string, b: string): number;
}
