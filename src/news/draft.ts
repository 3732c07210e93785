/**
 * Draft knowledge-base records for events the knowledge base does not know: a new measure, a new
 * stage in a measure's timeline, or a new listing on a known list — each with the article as its
 * source and every fact marked unverified. A draft lives outside `data/measures/` and carries a
 * `draft:` block that the record schemas reject, so it cannot enter the knowledge base until a
 * reviewer has checked it against the official text, moved it and removed that block.
 */
import { stringify } from 'yaml';
import type { KnowledgeBase } from '../kb/model.js';
import type { Measure, TimelineStatus } from '../model/kb.js';
import type { Article, EventTarget, RestrictionEvent } from './extract.js';
import type { Action, EventStatus } from './lexicon.js';
import type { MeasureLink } from './link.js';

const MEASURE_KIND: Record<Action, Measure['kind']> = {
  ban: 'app-ban',
  'entity-list': 'export-control',
  sanction: 'designation',
  'investment-ban': 'investment-ban',
  'procurement-ban': 'procurement-ban',
  'export-control': 'export-control',
  'divestment-order': 'divestment-order',
  'removal-order': 'network-exclusion',
  'boycott-push': 'policy',
  other: 'policy',
};

const TIMELINE_STATUS: Record<EventStatus, TimelineStatus> = {
  threatened: 'threatened',
  considered: 'considered',
  proposed: 'proposed',
  enacted: 'signed',
  'in-force': 'effective',
  enjoined: 'enjoined',
  revoked: 'revoked',
};

export interface Draft {
  /** File name for the draft, e.g. `us-news-2021-01-07-investment-ban-alibaba-group.yaml`. */
  fileName: string;
  yaml: string;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'target';

/** A full date for a record: the event's own when it has a day, else the publication date. */
function recordDate(event: RestrictionEvent, article: Article): string {
  if (event.date && /^\d{4}-\d{2}-\d{2}$/.test(event.date)) return event.date;
  if (event.date && /^\d{4}-\d{2}$/.test(event.date)) return `${event.date}-01`;
  if (event.date && /^\d{4}$/.test(event.date)) return `${event.date}-01-01`;
  return article.published ?? new Date().toISOString().slice(0, 10);
}

export function sourceIdFor(article: Article): string {
  const host = article.url ? (/^https?:\/\/(?:www\.)?([^/]+)/.exec(article.url)?.[1] ?? 'news') : 'news';
  return slug(`news-${host}-${article.published ?? 'undated'}-${article.title ?? article.id}`).slice(0, 60).replace(/-+$/, '');
}

function targetName(t: EventTarget): string {
  return t.surface.replace(/^(?:the|this|that)\s+\w+(?:\s+\w+)?\s+\((.*)\)$/i, '$1');
}

export function draftFor(kb: KnowledgeBase, event: RestrictionEvent, target: EventTarget, link: MeasureLink, article: Article, proposalId: string): Draft {
  const date = recordDate(event, article);
  const sourceId = sourceIdFor(article);
  const who = `${event.actor.jurisdiction} ${event.actor.authority}`;
  const note = `${event.status} ${event.action} by ${who} (news): "${event.evidence}"`;
  const source = {
    id: sourceId,
    url: article.url ?? 'https://example.invalid/replace-with-the-article-url',
    title: article.title ?? article.id,
    publisher: article.url ? (/^https?:\/\/(?:www\.)?([^/]+)/.exec(article.url)?.[1] ?? 'unknown') : 'unknown',
    date: article.published ?? date,
    unverified: true,
    note: 'News report; check against the official text before relying on it.',
  };
  const draft = {
    proposal: proposalId,
    kind: link.kind,
    note: 'DRAFT from the news watch. Not part of the knowledge base: verify every fact against the official text, move the records into data/sources/ and data/measures/, and delete this block.',
    event: {
      actor: event.actor,
      action: event.action,
      status: event.status,
      date: event.date,
      target: targetName(target),
      evidence: event.evidence,
    },
    article: { id: article.id, title: article.title, url: article.url, published: article.published },
  };
  const listingTarget = target.entity?.id ?? `TODO-${slug(targetName(target))}`;
  const listing = {
    target: listingTarget,
    nameAsListed: targetName(target),
    from: date,
    sources: [sourceId],
    unverified: true,
    ...(target.entity ? {} : { note: 'The organisation is not in the knowledge base: add it to a group file first and use its id here.' }),
  };
  const timelineEntry = { date, status: TIMELINE_STATUS[event.status], note, sources: [sourceId], unverified: true };

  let body: Record<string, unknown>;
  let fileName: string;
  if (link.kind === 'new-stage' && link.measure) {
    body = { draft, sources: [source], addToMeasure: link.measure, timeline: [timelineEntry] };
    fileName = `${link.measure}-${date}-${TIMELINE_STATUS[event.status]}.yaml`;
  } else if (link.kind === 'new-listing' && link.measure) {
    body = { draft, sources: [source], addToMeasure: link.measure, listings: [listing] };
    fileName = `${link.measure}-${date}-${slug(targetName(target))}.yaml`;
  } else {
    const id = `${event.actor.jurisdiction.toLowerCase()}-news-${date}-${event.action}-${slug(target.entity?.group ?? targetName(target))}`;
    const name = target.entity ? (kb.organisations[target.entity.id]?.names[0]?.value ?? kb.products[target.entity.id]?.name ?? targetName(target)) : targetName(target);
    body = {
      draft,
      sources: [source],
      measure: {
        id,
        title: `${who}: ${event.action} against ${name} (${event.status}, from a news report)`,
        short: `${event.actor.jurisdiction} ${event.action} ${name}`.slice(0, 60),
        jurisdiction: event.actor.jurisdiction,
        authority: event.actor.authority,
        kind: MEASURE_KIND[event.action],
        citations: [{ text: source.title, ...(article.url ? { url: article.url } : {}) }],
        timeline: [timelineEntry],
        obliges: 'TODO: what the measure obliges, from its official text.',
        extent: 'listed',
        facets: ['organisation'],
        severity: event.status === 'enacted' || event.status === 'in-force' ? 'high' : 'info',
        legalForce: event.status === 'enacted' || event.status === 'in-force',
        sources: [sourceId],
      },
      listings: [listing],
    };
    fileName = `${id}.yaml`;
  }
  const header = `# DRAFT proposal ${proposalId} from the news watch — not part of the knowledge base until reviewed.\n`;
  return { fileName, yaml: header + stringify(body, { lineWidth: 110 }) };
}

export interface OfficialSource {
  documentNumber?: string;
  title?: string;
  url?: string;
  agencies: string[];
  published?: string;
  effective?: string;
  volume?: number;
  firstPage?: number;
  lastPage?: number;
}

/**
 * The draft for a change an official notice states (a Federal Register document): the document as a
 * source record with its `federalRegister` pages and dates, the listing (or the end of one) on the
 * list's measure with the licence terms and address as published, and — for a party the knowledge
 * base does not hold — the organisation to add to a group first.
 */
export function officialDraftFor(event: RestrictionEvent, target: EventTarget, link: MeasureLink, doc: OfficialSource, proposalId: string): Draft {
  const o = event.official!;
  const date = event.date ?? doc.effective ?? doc.published ?? new Date().toISOString().slice(0, 10);
  const sourceId = slug(`fr-${doc.documentNumber ?? doc.title ?? 'document'}`);
  const fr = doc.volume && doc.firstPage && doc.published
    ? { federalRegister: { volume: doc.volume, firstPage: doc.firstPage, ...(doc.lastPage ? { lastPage: doc.lastPage } : {}), ...(doc.documentNumber ? { document: doc.documentNumber } : {}), published: doc.published, ...(doc.effective ? { effective: doc.effective } : {}) } }
    : {};
  const citation = doc.volume && doc.firstPage ? ` (${doc.volume} FR ${doc.firstPage})` : '';
  const source = {
    id: sourceId,
    url: doc.url ?? 'https://example.invalid/replace-with-the-document-url',
    title: `${doc.title ?? doc.documentNumber ?? 'Federal Register document'}${citation}`,
    publisher: doc.agencies.length ? `${doc.agencies.join(', ')} (Federal Register)` : 'Federal Register',
    date: doc.published ?? date,
    ...fr,
  };
  const name = targetName(target);
  const terms = [o.licenceRequirement && `Licence requirement: ${o.licenceRequirement}.`, o.licencePolicy && `Licence review policy: ${o.licencePolicy}.`, o.programmes?.length && `Programmes: ${o.programmes.map((p) => `[${p}]`).join(' ')}.`].filter(Boolean).join(' ');
  const where = [o.country && `Listed under ${o.country}.`, o.address && `Address: ${o.address}.`, o.citation && `Federal Register citation: ${o.citation}.`].filter(Boolean).join(' ');
  const orgId = target.entity?.id ?? `TODO-${slug(name)}`;
  const draft = {
    proposal: proposalId,
    kind: link.kind,
    note: 'DRAFT from an official notice, read by machine. Compare each field with the document, add the organisation to a group file if it is new, move the records into data/, and delete this block.',
    change: { list: o.list, change: o.change, name, ...(o.aliases?.length ? { aliases: o.aliases } : {}), ...(o.address ? { address: o.address } : {}), ...(o.country ? { country: o.country } : {}), ...(o.licenceRequirement ? { licenceRequirement: o.licenceRequirement } : {}), ...(o.licencePolicy ? { licencePolicy: o.licencePolicy } : {}), ...(o.programmes?.length ? { programmes: o.programmes } : {}), ...(o.citation ? { citation: o.citation } : {}), effective: date, evidence: event.evidence },
  };
  const body: Record<string, unknown> = { draft, sources: [source], addToMeasure: o.list };
  if (!target.entity) {
    body.organisations = [{ id: orgId, names: [{ value: name, kind: 'legal' }, ...(o.aliases ?? []).map((a) => ({ value: a, kind: 'alias' }))], sources: [sourceId], note: 'Add to the group file of its owner, or a new group; then use this id in the listing.' }];
  }
  if (o.change === 'add') {
    body.listings = [{ target: orgId, nameAsListed: name, from: date, dateBasis: 'effective', ...(terms ? { scope: terms } : {}), sources: [sourceId], ...(where ? { note: where } : {}) }];
  } else {
    body.endListing = { target: orgId, nameAsListed: name, to: date, sources: [sourceId], note: `Removed by ${doc.documentNumber ? `FR Doc. ${doc.documentNumber}` : 'the document'}; set \`to\` on the existing listing.` };
  }
  const header = `# DRAFT proposal ${proposalId} from an official notice — not part of the knowledge base until reviewed.\n`;
  return { fileName: `${o.list}-${date}-${o.change === 'add' ? '' : 'removed-'}${slug(name)}.yaml`, yaml: header + stringify(body, { lineWidth: 110 }) };
}
