/**
 * The review queue's decisions and the saving of watched articles, shared by `covered news` and
 * the server so both record the same rows, write the same draft files and the same audit entries.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../kb/model.js';
import { AuditLog } from './audit.js';
import type { Store } from './db.js';
import { NewsStore } from './news.js';
import type { StoredProposal } from '../model/news.js';
import { alertsFor, type Alert, type WatchedArticle } from '../news/watch.js';

/** A decision that cannot be taken: the proposal does not exist, or was decided already. */
export class ReviewError extends Error {
  constructor(
    readonly kind: 'unknown' | 'decided',
    message: string,
  ) {
    super(message);
  }
}

export interface SavedArticles {
  counts: { events: number; proposals: number; alerts: number };
  /** Alerts the articles' events raise on the stored scans, new or already recorded. */
  alerts: Alert[];
}

/** Stores each article with its events and proposals, and the alerts its events raise on stored scans. */
export async function saveWatchedArticles(
  store: Store,
  kb: KnowledgeBase,
  articles: readonly { source: string; watched: WatchedArticle }[],
  groupOfLabel?: (label: string) => string | undefined,
): Promise<SavedArticles> {
  const newsStore = new NewsStore(store);
  const exposures = await newsStore.exposures(kb, groupOfLabel);
  const counts = { events: 0, proposals: 0, alerts: 0 };
  const alerts: Alert[] = [];
  for (const { source, watched } of articles) {
    const raised = alertsFor(kb, watched.events, exposures);
    alerts.push(...raised);
    const saved = await newsStore.save(source, watched, raised);
    counts.events += saved.events;
    counts.proposals += saved.proposals;
    counts.alerts += saved.alerts;
  }
  return { counts, alerts };
}

async function openProposal(newsStore: NewsStore, id: string): Promise<StoredProposal> {
  const proposal = await newsStore.proposal(id);
  if (!proposal) throw new ReviewError('unknown', `no proposal "${id}"`);
  if (proposal.state !== 'open') throw new ReviewError('decided', `proposal ${id} was already ${proposal.state}${proposal.draftFile ? ` (draft: ${proposal.draftFile})` : ''}`);
  return proposal;
}

const decidedMeanwhile = (id: string) => new ReviewError('decided', `proposal ${id} was decided meanwhile by someone else`);

export function draftFileName(proposal: Pick<StoredProposal, 'id' | 'kind' | 'target'>): string {
  const kind = proposal.kind === 'new' ? 'measure' : proposal.kind;
  const safe = proposal.target.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
  return `${proposal.id}-${kind}-${safe || 'target'}.yaml`;
}

/**
 * Accepts an open proposal: writes its draft record into `draftDir` (never over an existing
 * file), records the decision and audits it. The draft is still outside the knowledge base.
 */
export async function acceptProposal(store: Store, id: string, options: { by: string; reason?: string; draftDir: string }): Promise<{ proposal: StoredProposal; draftFile: string; draftYaml: string }> {
  const newsStore = new NewsStore(store);
  const proposal = await openProposal(newsStore, id);
  mkdirSync(options.draftDir, { recursive: true });
  const file = join(options.draftDir, draftFileName(proposal));
  writeFileSync(file, proposal.draftYaml, { flag: 'wx' });
  if (!(await newsStore.decide(id, 'accepted', options.by, options.reason, file))) {
    rmSync(file, { force: true });
    throw decidedMeanwhile(id);
  }
  await new AuditLog(store).append(options.by, 'news.accept', id, { draftFile: file, reason: options.reason ?? null, target: proposal.target, measure: proposal.measure ?? null });
  return { proposal: (await newsStore.proposal(id)) ?? proposal, draftFile: file, draftYaml: proposal.draftYaml };
}

/** Rejects an open proposal with a reason; the event stays recorded and nothing is written. */
export async function rejectProposal(store: Store, id: string, options: { by: string; reason: string }): Promise<StoredProposal> {
  const newsStore = new NewsStore(store);
  const proposal = await openProposal(newsStore, id);
  if (!(await newsStore.decide(id, 'rejected', options.by, options.reason))) throw decidedMeanwhile(id);
  await new AuditLog(store).append(options.by, 'news.reject', id, { reason: options.reason, target: proposal.target });
  return (await newsStore.proposal(id)) ?? proposal;
}
