/**
 * What an importer reads from an official list file, before it is reconciled with the knowledge base.
 * Importers are pure: text in, `ParsedList` out. `reconcile.ts` turns a parsed list into file edits.
 */
import type { Identifier } from '../../model/kb.js';

export interface ImportedEntry {
  /** Where the entry is in the file, for messages: `line 12` or `results[3]`. */
  at: string;
  /** The knowledge-base measure the entry belongs to. */
  measure: string;
  /** The entity's name alone, as the list prints it. */
  name: string;
  /** The entry's full text as listed (kept as the listing's `nameAsListed`); defaults to `name`. */
  listedAs?: string;
  aliases: string[];
  formerNames: string[];
  /** The list says the entry is a natural person, a ship or a plane (the CSL's `type`). */
  kind?: 'person' | 'vessel' | 'aircraft';
  /** The list's own number for the entry (the CSL's `entity_number`). */
  entityNumber?: string;
  /** The Federal Register citations the list gives for the entry, as printed (`84 FR 22961, 85 FR 29852`). */
  federalRegister?: string;
  /** The parent the list names (1260H "Parent Name", OFAC "Linked To"). */
  parent?: string;
  /** Whether `parent` is a control relation the list asserts (1260H) or only a link (OFAC). */
  parentControls?: boolean;
  identifiers: Identifier[];
  /** ISO 3166-1 alpha-2 country of the entity's addresses, when the list gives one. */
  countries: string[];
  from?: string;
  to?: string;
  scope?: string;
  /** Facts of the entry worth keeping with the listing (citation, licence policy, dates). */
  note?: string;
}

/** A category entry of a list (FCC "routers produced in a foreign country"). */
export interface ImportedCategory {
  at: string;
  measure: string;
  description: string;
  exceptions: string[];
  /** Device categories the entry names, in the knowledge base's vocabulary (router, drone …). */
  categories: string[];
  from: string;
  note?: string;
}

export interface ParseProblem {
  at: string;
  message: string;
}

export interface ParsedList {
  format: string;
  entries: ImportedEntry[];
  categories: ImportedCategory[];
  /** Rows deliberately not imported (another program, another country), counted by reason. */
  skipped: Record<string, number>;
  /** Rows that could not be read; the rest of the file is still imported. */
  problems: ParseProblem[];
  /** The date the file says it was generated on, when it says so (it dates the import). */
  listDate?: string;
  /** The file ends before its last entry (or says it holds more than it does): never imported. */
  truncated?: boolean;
  /**
   * Measures this file lists completely: an open listing of such a measure that the file no longer
   * carries has been removed from the list.
   */
  complete: string[];
  /**
   * An entry without a date takes effect with its measure (a statute's list): `reconcile` dates it
   * from the measure's enactment. Otherwise an undated entry is reported, not guessed.
   */
  undatedFromMeasure?: boolean;
}

export function emptyList(format: string): ParsedList {
  return { format, entries: [], categories: [], skipped: {}, problems: [], complete: [] };
}

export function skip(list: ParsedList, reason: string) {
  list.skipped[reason] = (list.skipped[reason] ?? 0) + 1;
}
