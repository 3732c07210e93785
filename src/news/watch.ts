/**
 * The news watch over one article: extraction, a stable id per event, links to measures, review
 * proposals for what the knowledge base does not know, and alerts for scans whose items belong to
 * a targeted group. Pure: scans come in as exposures, drafts go out as text.
 */
import { createHash } from 'node:crypto';
import { listingsOf, type KnowledgeBase } from '../kb/model.js';
import { draftFor, officialDraftFor, type Draft } from './draft.js';
import { federalRegisterEvents, knownChange, type FrDocument, type FrList } from './federal-register.js';
import type { MentionMatcher } from './mentions.js';
import type { Article, ArticleMention, NewsExtractor, RestrictionEvent } from './extract.js';
import { linkEvent, type MeasureLink } from './link.js';
import type { NewsAlert } from '../model/news.js';

export interface WatchedEvent extends RestrictionEvent {
  id: string;
  links: MeasureLink[];
}

export interface Proposal {
  id: string;
  eventId: string;
  kind: Exclude<MeasureLink['kind'], 'known'>;
  /** Entity id, or the surface form for an organisation the knowledge base does not hold. */
  target: string;
  measure?: string;
  draft: Draft;
}

export interface WatchedArticle {
  article: Article;
  mentions: ArticleMention[];
  events: WatchedEvent[];
  proposals: Proposal[];
}

/** Which groups of a scan's items are exposed, with the items' labels. */
export interface ScanExposure {
  scanId: string;
  /** How to name the scan to a person: file name and date. */
  scanLabel: string;
  groups: Map<string, string[]>;
}

export type Alert = NewsAlert;

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export function articleId(article: Article): string {
  return hash(article.url ?? `${article.id}\n${article.text}`).slice(0, 16);
}

export function watchArticle(kb: KnowledgeBase, extractor: NewsExtractor, article: Article): WatchedArticle {
  const extraction = extractor.extract(article);
  const aid = articleId(article);
  const events: WatchedEvent[] = extraction.events.map((e) => {
    const key = [aid, e.actor.jurisdiction, e.action, e.status, e.targets.map((t) => t.entity?.id ?? t.generic ?? t.surface).join('+'), e.evidence].join('|');
    return { ...e, id: `e${hash(key).slice(0, 11)}`, links: linkEvent(kb, e, article.published) };
  });
  const proposals: Proposal[] = [];
  for (const e of events) {
    for (const link of e.links) {
      if (link.kind === 'known') continue;
      const target = e.targets.find((t) => (t.entity?.id ?? t.generic ?? t.surface) === link.target);
      // A class of companies ("Chinese apps") is not a record the knowledge base can hold.
      if (!target || target.generic) continue;
      const id = `p${hash(`${e.id}|${link.target}`).slice(0, 7)}`;
      proposals.push({ id, eventId: e.id, kind: link.kind, target: link.target, ...(link.measure ? { measure: link.measure } : {}), draft: draftFor(kb, e, target, link, article, id) });
    }
  }
  return { article, mentions: extraction.mentions, events, proposals };
}

/**
 * A Federal Register document: each list change it states is one event on one party, linked to the
 * list's measure — `known` when the knowledge base already lists (or delists) that party there,
 * otherwise `new-listing` with a draft carrying the entry as published.
 */
export function watchOfficialDocument(kb: KnowledgeBase, matcher: MentionMatcher, doc: FrDocument, id: string): WatchedArticle {
  const { article, events: raw } = federalRegisterEvents(doc, matcher, id);
  const aid = articleId(article);
  const events: WatchedEvent[] = raw.map((e) => {
    const t = e.targets[0]!;
    const o = e.official!;
    const key = [aid, o.list, o.change, t.entity?.id ?? t.surface].join('|');
    const label = t.entity?.id ?? t.surface;
    const list = o.list as FrList;
    const measure = kb.measures[list] ? list : undefined;
    const known = knownChange(kb, list, t.entity?.id, o.change);
    // A removal of a party the knowledge base does not list there leaves nothing to record.
    const nothing = o.change === 'remove' && !(t.entity && listingsOf(kb, [t.entity.id]).some((l) => l.measure === list));
    const link: MeasureLink = known || nothing
      ? { kind: 'known', target: label, ...(measure ? { measure } : {}), reasons: [known ? `the knowledge base already records this ${o.change === 'add' ? 'listing' : 'removal'}` : 'the knowledge base does not list this party there'] }
      : { kind: 'new-listing', target: label, ...(measure ? { measure } : {}), reasons: [o.change === 'add' ? 'a listing the knowledge base lacks' : 'a listing the knowledge base holds without its end'] };
    return { ...e, id: `e${hash(key).slice(0, 11)}`, links: [link] };
  });
  const proposals: Proposal[] = [];
  for (const e of events) {
    const link = e.links[0]!;
    if (link.kind === 'known') continue;
    const pid = `p${hash(`${e.id}|${link.target}`).slice(0, 7)}`;
    proposals.push({ id: pid, eventId: e.id, kind: link.kind, target: link.target, ...(link.measure ? { measure: link.measure } : {}), draft: officialDraftFor(e, e.targets[0]!, link, doc, pid) });
  }
  return { article, mentions: [], events, proposals };
}

export function groupName(kb: KnowledgeBase, group: string): string {
  return kb.groups[group]?.name ?? group;
}

/** "threatened ban by US President against ByteDance — 14 items in scan suppliers.csv (2026-11-20)" */
export function alertsFor(kb: KnowledgeBase, events: readonly WatchedEvent[], exposures: readonly ScanExposure[]): Alert[] {
  const out: Alert[] = [];
  for (const e of events) {
    const groups = [...new Set(e.targets.flatMap((t) => (t.entity ? [t.entity.group] : [])))];
    for (const exposure of exposures) {
      for (const group of groups) {
        const items = exposure.groups.get(group);
        if (!items || items.length === 0) continue;
        const name = groupName(kb, group);
        out.push({
          id: `a${hash(`${e.id}|${exposure.scanId}|${group}`).slice(0, 11)}`,
          eventId: e.id,
          scanId: exposure.scanId,
          scanLabel: exposure.scanLabel,
          group,
          groupName: name,
          itemCount: items.length,
          items: items.slice(0, 10),
          message: `${e.status} ${e.action} by ${e.actor.jurisdiction} ${e.actor.authority} against ${name} — ${items.length} item${items.length === 1 ? '' : 's'} in scan ${exposure.scanLabel}`,
        });
      }
    }
  }
  return out;
}
