/**
 * How an inventory value was resolved to the knowledge base, as data: the method and the evidence a
 * finding carries from the scorer to every report and the web UI.
 */

/** One scored feature of a name comparison ("core-tokens", "typo" …) and what it saw. */
export interface Feature {
  feature: string;
  score: number;
  detail: string;
}

export type Method =
  | 'name'
  | 'group-name'
  | 'mac-prefix'
  | 'domain'
  | 'app-id'
  | 'app-namespace'
  | 'sdk-package'
  | 'purl'
  | 'native-library'
  | 'model-pattern'
  | 'isin'
  | 'cusip'
  | 'lei'
  | 'uscc'
  | 'ticker'
  | 'category';

export type Evidence =
  | { type: 'name'; input: string; alias: string; aliasKind: string; score: number; features: Feature[] }
  | { type: 'mac'; input: string; mac: string; prefix: string; block: string; registrant: string; via: 'declared registrant' | 'registrant name' }
  | { type: 'domain'; input: string; host: string; listedDomain: string; registrableDomain?: string }
  | { type: 'identifier'; input: string; scheme: string; value: string; exact: boolean; matchedPrefix?: string }
  | { type: 'model'; input: string; pattern: string; note?: string }
  | { type: 'category'; input: string; rule: string; category: string };
