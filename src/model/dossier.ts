/**
 * What `GET /api/organisations/{id}` and `covered lookup` show of one organisation or product as of a
 * date; the web UI reads the same types.
 */
import type { State } from './finding.js';
import type { Identifier, Name } from './kb.js';

export interface ListingView {
  measure: string;
  short: string;
  target: string;
  nameAsListed: string;
  from: string;
  to?: string;
  /** The state on the date; "not yet" when the listing starts later. */
  state: State | 'not yet';
  /** How the listing reaches this entity: through itself or a relative. */
  via: string;
  /** The date the measure itself ended (revoked, expired, superseded, enjoined), when it has not come back since. */
  measureEnded?: string;
}

/**
 * A measure that lists others of this entity's house but does not reach this entity (it names
 * the listed ones alone, or its reach takes in only what they control): context, one per measure.
 */
export interface HouseContextView {
  measure: string;
  short: string;
  /** How many of the house's listings in force the measure holds, and one of them as an example. */
  listings: number;
  example: { target: string; name: string; nameAsListed: string; via: string };
}

export interface EntityDossier {
  kind: 'organisation' | 'product';
  id: string;
  name: string;
  /** An organisation's kind (company, state-owned, government, university, military, person). */
  organisationKind?: string;
  group: string;
  names: Name[];
  identifiers: Identifier[];
  country?: string;
  parents: { id: string; name: string; relation: string; share?: number; since?: string; until?: string }[];
  children: { id: string; name: string; relation: string; share?: number; since?: string; until?: string }[];
  products: { id: string; name: string; kind: string }[];
  listings: ListingView[];
  /** Measures in force on others of the house that do not reach this entity; none where one does. */
  houseContext: HouseContextView[];
  sources: { id: string; title: string; url: string; date: string }[];
  unverified: boolean;
}

/** The organisations of a group and the relations between them that hold on the date. */
export interface GroupGraph {
  group: string;
  nodes: { id: string; name: string; listed: boolean }[];
  edges: { from: string; to: string; predicate: string; share?: number }[];
}
