/**
 * The news watch's review queue and alerts as the store keeps them and the API gives them: one
 * definition for the server and the web UI.
 */

/** What a proposal asks of the knowledge base (see `LinkKind` in news/link.ts, of which it is the part a reviewer acts on). */
export type ProposalKind = 'new-stage' | 'new-listing' | 'new';

export type ProposalState = 'open' | 'accepted' | 'rejected';

/** A proposal for the knowledge base from a news event, with the event and article it came from. */
export interface StoredProposal {
  id: string;
  eventId: string;
  kind: ProposalKind;
  target: string;
  measure?: string;
  state: ProposalState;
  draftYaml: string;
  createdAt: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  draftFile?: string;
  event: { jurisdiction: string; authority: string; action: string; status: string; date?: string; evidence: string };
  article: { id: string; title?: string; url?: string; published?: string; source: string };
}

/** A news event that touches the groups of a stored scan's items. */
export interface NewsAlert {
  id: string;
  eventId: string;
  scanId: string;
  scanLabel: string;
  group: string;
  groupName: string;
  itemCount: number;
  /** The first affected items' labels. */
  items: string[];
  message: string;
}

export interface StoredAlert extends NewsAlert {
  createdAt: string;
}
