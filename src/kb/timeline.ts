/**
 * As-of evaluation: what state a measure, a listing or a relation is in on a given date.
 */
import type { State } from '../model/finding.js';
import type { TimelineEvent, TimelineStatus } from '../model/kb.js';
import type { KbListing, KbMeasure } from './model.js';

export type { State };

const STATE_OF: Record<TimelineStatus, State> = {
  announced: 'watch',
  threatened: 'watch',
  considered: 'watch',
  proposed: 'watch',
  signed: 'pending',
  effective: 'in-force',
  enjoined: 'historical',
  revoked: 'historical',
  expired: 'historical',
  superseded: 'historical',
};

export interface MeasureStatus {
  state: State;
  /** The latest timeline event on or before the date. */
  event: TimelineEvent;
  /** The next event after the date, if any (e.g. when a pending measure takes effect). */
  next?: TimelineEvent;
}

/** The measure's status on `asOf` (YYYY-MM-DD), or undefined when nothing had happened yet. */
export function measureStatus(measure: KbMeasure, asOf: string): MeasureStatus | undefined {
  let current: TimelineEvent | undefined;
  let next: TimelineEvent | undefined;
  for (const ev of measure.timeline) {
    if (ev.date <= asOf) current = ev;
    else {
      next = ev;
      break;
    }
  }
  if (!current) return undefined;
  return next ? { state: STATE_OF[current.status], event: current, next } : { state: STATE_OF[current.status], event: current };
}

/** Whether a dated span contains the date: `from` inclusive, `to` exclusive (the day it ended). */
export function spanContains(span: { from?: string; to?: string }, asOf: string): boolean {
  return (span.from === undefined || span.from <= asOf) && (span.to === undefined || asOf < span.to);
}

export type ListingPhase = 'active' | 'not-yet' | 'ended' | 'unconfirmed';

export function listingPhase(listing: KbListing, asOf: string): ListingPhase {
  if (asOf < listing.from) return listing.dateBasis === 'on-or-before' ? 'unconfirmed' : 'not-yet';
  if (listing.to !== undefined && asOf >= listing.to) return 'ended';
  return 'active';
}

const SEVERITY_ORDER = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type SeverityName = (typeof SEVERITY_ORDER)[number];

export function severityRank(s: SeverityName): number {
  return SEVERITY_ORDER.indexOf(s);
}

/** Findings on measures not (yet, or any longer) in force are reported at a lower severity. */
export function severityForState(base: SeverityName, state: State): SeverityName {
  if (state === 'in-force' || state === 'pending') return base;
  if (state === 'watch' || state === 'unconfirmed') return severityRank(base) > severityRank('low') ? 'low' : base;
  return 'info';
}
