/**
 * Official notices as a high-precision channel: Federal Register documents (the federalregister.gov
 * JSON of a document, the Federal Register XML that federalregister.gov and govinfo publish, and the
 * HTML or plain text of either site) read as structured changes to the lists the knowledge base
 * holds — Entity List additions and removals (each named party with its address, licence
 * requirement, licence review policy, the effective date and the FR citation), FCC Covered List
 * additions and OFAC sanctions actions. Each change becomes an event with one target, linked to the
 * list's measure, and a proposal whose draft is one review away from knowledge-base records. Pure.
 */
import { DOMParser } from 'linkedom';
import { longDate } from './dates.js';
import { listingsOf, type KnowledgeBase } from '../kb/model.js';
import type { Article, RestrictionEvent } from './extract.js';
import type { Action, EventStatus } from './lexicon.js';
import type { EntityTarget, MentionMatcher } from './mentions.js';

export type FrForm = 'json' | 'xml' | 'html' | 'text';
export type FrList = 'us-bis-entity-list' | 'us-fcc-covered-list' | 'us-ofac-sdn';

export interface FrDocument {
  form: FrForm;
  documentNumber?: string;
  /** `88 FR 6621`: volume and first page. */
  citation?: string;
  volume?: number;
  firstPage?: number;
  lastPage?: number;
  title?: string;
  /** "Final rule.", "Notice.", "Proposed rule." */
  action?: string;
  agencies: string[];
  published?: string;
  effective?: string;
  url?: string;
  abstract?: string;
  /** The document as plain text, one paragraph a line. */
  text: string;
  changes: ListChange[];
}

export interface ListChange {
  list: FrList;
  change: 'add' | 'remove';
  name: string;
  aliases: string[];
  address?: string;
  /** The destination the entry is listed under ("IRAN", "CHINA, PEOPLE'S REPUBLIC OF"). */
  country?: string;
  licenceRequirement?: string;
  licencePolicy?: string;
  /** The FR citation the entry carries, else the document's. */
  citation?: string;
  /** OFAC programme tags (`[SDGT]`, `[CMIC-EO13959]`). */
  programmes?: string[];
  effective?: string;
  /** The words the change was read from. */
  evidence: string;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').replace(/\s+([,.;])/g, '$1').trim();

/** Whether a body is a Federal Register document, and in which form. */
export function detectFederalRegister(body: string, name?: string): FrForm | undefined {
  const head = body.slice(0, 4000);
  if (/^\s*\{/.test(head) && /"document_number"\s*:/.test(head) && /"(?:citation|publication_date)"\s*:/.test(body)) return 'json';
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:RULE|PRORULE|NOTICE|PRESDOCU|FEDREG|RULES|NOTICES)\b/.test(head)) return 'xml';
  // The Federal Register's own furniture, or an FCC public notice's header (DA number, release date).
  const fr = /\[FR Doc(?:\.| No:)\s*[\dE-]+|Federal Register\s*\/\s*Vol\.\s*\d+|\[Federal Register Volume \d+/i;
  const fcc = /\bDA[ -]\d{2}-\d{2,4}\b[\s\S]{0,300}\bReleased:\s*[A-Z][a-z]+ \d{1,2}, \d{4}/;
  if (!fr.test(body) && !fcc.test(head)) return undefined;
  if (/\.html?$/i.test(name ?? '') || /^\s*<(?:!doctype|html)/i.test(head)) return 'html';
  return 'text';
}

// ---------------------------------------------------------------- reading the forms

interface FrJson {
  document_number?: string;
  citation?: string;
  title?: string;
  action?: string;
  type?: string;
  abstract?: string;
  publication_date?: string;
  effective_on?: string;
  start_page?: number;
  end_page?: number;
  volume?: number;
  html_url?: string;
  agencies?: { name?: string; raw_name?: string; parent_id?: number | null }[];
  dates?: string;
  /** Not part of the API's document answer; a saved document may carry its full text beside it. */
  full_text_xml?: string;
  body_html?: string;
  raw_text?: string;
}

function parseCitation(s: string | undefined): { volume: number; page: number } | undefined {
  const m = /\b(\d{2,3})\s*FR\s*(\d{1,3}(?:,\d{3})+|\d+)/.exec(s ?? '');
  return m ? { volume: Number(m[1]), page: Number(m[2]!.replace(/,/g, '')) } : undefined;
}

function fromJson(body: string): FrDocument {
  const j = JSON.parse(body) as FrJson;
  let inner: FrDocument | undefined;
  if (j.full_text_xml) inner = fromXml(j.full_text_xml);
  else if (j.body_html) inner = fromHtml(j.body_html);
  else if (j.raw_text) inner = fromText(j.raw_text, 'text');
  const cite = parseCitation(j.citation);
  const doc: FrDocument = {
    form: 'json',
    ...(j.document_number ? { documentNumber: j.document_number } : {}),
    ...(j.citation ? { citation: j.citation } : {}),
    ...(cite ? { volume: cite.volume, firstPage: j.start_page ?? cite.page } : {}),
    ...(j.end_page ? { lastPage: j.end_page } : {}),
    ...(j.title ? { title: j.title } : {}),
    ...(j.action ? { action: j.action } : {}),
    agencies: (j.agencies ?? []).map((a) => a.raw_name ?? a.name ?? '').filter(Boolean),
    ...(j.publication_date ? { published: j.publication_date } : {}),
    ...(j.effective_on ? { effective: j.effective_on } : inner?.effective ? { effective: inner.effective } : j.dates && longDate(j.dates) ? { effective: longDate(j.dates)! } : {}),
    ...(j.html_url ? { url: j.html_url } : {}),
    ...(j.abstract ? { abstract: j.abstract } : {}),
    text: [j.title, j.abstract, inner?.text].filter(Boolean).join('\n'),
    changes: [],
  };
  doc.changes = inner ? inner.changes : [];
  return finish(doc);
}

type El = { textContent: string | null; tagName: string; querySelectorAll(s: string): ArrayLike<El>; querySelector(s: string): El | null; children: ArrayLike<El>; getAttribute(n: string): string | null };

const textOf = (e: El | null | undefined) => clean(e?.textContent ?? '');

/** One row of an Entity List table: country (or empty), entity, requirement, policy, citation. */
type Row = string[];

function fromXml(xml: string): FrDocument {
  const doc = new DOMParser().parseFromString(xml.replace(/<!DOCTYPE[^>]*>/i, ''), 'text/xml') as unknown as El;
  const q = (sel: string) => textOf(doc.querySelector(sel));
  const paragraphs: string[] = [];
  for (const e of Array.from(doc.querySelectorAll('AGENCY, SUBAGY, SUBJECT, ACT P, SUM P, EFFDATE P, DATES P, SUPLINF HD, SUPLINF P, AMDPAR, FP, P, HD, SECTION P'))) {
    const t = textOf(e);
    if (t && paragraphs[paragraphs.length - 1] !== t) paragraphs.push(t);
  }
  const rows: { amend: string; row: Row }[] = [];
  let amend = '';
  for (const e of Array.from(doc.querySelectorAll('AMDPAR, ROW'))) {
    if (e.tagName.toUpperCase() === 'AMDPAR') amend = textOf(e);
    else rows.push({ amend, row: Array.from(e.querySelectorAll('ENT')).map((c) => textOf(c)) });
  }
  const frdoc = /FR Doc\.?\s*([\dE]+-\d+)/.exec(q('FRDOC'))?.[1];
  const effective = longDate(q('EFFDATE') || q('DATES'));
  const out: FrDocument = {
    form: 'xml',
    ...(frdoc ? { documentNumber: frdoc } : {}),
    ...(q('SUBJECT') ? { title: q('SUBJECT') } : {}),
    ...(q('ACT') ? { action: q('ACT').replace(/^ACTION:\s*/i, '') } : {}),
    agencies: [q('AGENCY'), q('SUBAGY')].filter(Boolean),
    ...(effective ? { effective } : {}),
    ...(q('SUM') ? { abstract: q('SUM').replace(/^SUMMARY:\s*/i, '') } : {}),
    text: paragraphs.join('\n'),
    changes: [],
  };
  // The printed pages: <PRTPAGE P="6622"/> marks where a page begins.
  const pages = Array.from(doc.querySelectorAll('PRTPAGE')).map((p) => Number(p.getAttribute('P'))).filter((n) => n > 0);
  if (pages.length) {
    out.firstPage = Math.min(...pages) - 1;
    out.lastPage = Math.max(...pages);
  }
  out.changes = entityListChanges(rows, paragraphs);
  // The per-document XML carries no issue date; an entry's citation prints the volume and the date.
  const printed = out.changes.map((c) => /\b(\d{2,3})\s*FR\s*[\d,]+,?\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(c.citation ?? '')).find(Boolean);
  if (printed) {
    out.volume = Number(printed[1]);
    out.published = `${printed[4]}-${printed[2]!.padStart(2, '0')}-${printed[3]!.padStart(2, '0')}`;
  }
  return out;
}

function fromHtml(html: string): FrDocument {
  const { document } = { document: new DOMParser().parseFromString(html, 'text/html') as unknown as El };
  const lines: string[] = [];
  const pre = document.querySelector('pre');
  if (pre && !document.querySelector('table')) return { ...fromText(pre.textContent ?? '', 'html') };
  for (const e of Array.from(document.querySelectorAll('h1, h2, h3, h4, p, li, pre'))) {
    const t = textOf(e);
    if (t) lines.push(t);
  }
  const rows: { amend: string; row: Row }[] = [];
  // An amendatory instruction precedes its table; walk the document in order.
  let amend = '';
  for (const e of Array.from(document.querySelectorAll('p, tr'))) {
    if (e.tagName.toUpperCase() === 'P') {
      const t = textOf(e);
      if (/\bis amended\b|\bby (?:adding|removing|revising)\b/i.test(t)) amend = t;
    } else {
      const cells = Array.from(e.querySelectorAll('td')).map((c) => textOf(c));
      if (cells.length) rows.push({ amend, row: cells });
    }
  }
  const text = lines.join('\n');
  const doc = fromText(text, 'html');
  doc.changes = [...entityListChanges(rows, lines), ...doc.changes.filter((c) => c.list !== 'us-bis-entity-list' || c.change === 'remove')];
  return dedupe(doc);
}

/** Plain text: govinfo's text rendering, a mirror's copy, or the text of an HTML page. */
function fromText(text: string, form: FrForm): FrDocument {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const joined = clean(lines.join(' '));
  const header = /Federal Register\s*\/\s*Vol\.\s*(\d+),\s*No\.\s*\d+\s*\/\s*\w+,\s*([A-Z][a-z]+ \d{1,2}, \d{4})/.exec(joined) ?? /\[Federal Register Volume (\d+), Number \d+ \(\w+, ([A-Z][a-z]+ \d{1,2}, \d{4})\)\]/.exec(joined);
  const pages = /\[Pages? (\d+)(?:-(\d+))?\]/.exec(joined);
  const docNo = /\[FR Doc(?:\.| No:)\s*([\dE]+-\d+)/.exec(joined)?.[1] ?? /federalregister\.gov\/(?:d|documents\/\d{4}\/\d{2}\/\d{2})\/([\dE]+-\d+)/.exec(joined)?.[1];
  const effective = longDate(/(?:DATES?|Effective date):?\s*(?:This rule is effective|This rule becomes effective|Effective)[^.]*?(?:on\s+)?([A-Z][a-z]+ \d{1,2},\s*\d{4})/i.exec(joined)?.[1] ?? '');
  const action = /ACTION:\s*([A-Z][^.]*\.)/.exec(joined)?.[1];
  const agency = /AGENCY:\s*([^.]+)\./.exec(joined)?.[1];
  // The subject is the heading just before "AGENCY:"; a page without one is titled by its first line.
  const agencyLine = lines.findIndex((l) => /^AGENCY:/.test(l));
  const subject = agencyLine > 0 ? [...lines.slice(0, agencyLine)].reverse().find(Boolean) : undefined;
  const title = subject && !/^\[|^RIN\b/.test(subject) ? subject : lines.find((l) => l && !/^\[/.test(l));
  const doc: FrDocument = {
    form,
    ...(docNo ? { documentNumber: docNo } : {}),
    ...(header ? { volume: Number(header[1]), published: longDate(header[2]!) } : {}),
    ...(pages ? { firstPage: Number(pages[1]), ...(pages[2] ? { lastPage: Number(pages[2]) } : {}) } : {}),
    ...(title ? { title } : {}),
    ...(action ? { action } : {}),
    agencies: agency ? agency.split(/,\s*/) : [],
    ...(effective ? { effective } : {}),
    text,
    changes: [],
  };
  if (doc.volume && doc.firstPage) doc.citation = `${doc.volume} FR ${doc.firstPage}`;
  doc.changes = [...entityListRemovals(lines), ...ofacChanges(lines), ...coveredListChanges(lines)];
  return doc;
}

// ---------------------------------------------------------------- the lists

/** A full stop that belongs to an abbreviation ("Co.", "Ltd.", "Inc."), not the end of a name. */
const ABBREVIATION_END = /\b(?:Co|Ltd|Inc|Corp|Bhd|Pte|Pty|Jr|St|No)\.$/i;

const trimStop = (s: string) => (ABBREVIATION_END.test(s) ? s : s.replace(/\.$/, ''));

const LEGAL_TAIL = /^(?:Ltd|Ltd\.|Limited|Inc|Inc\.|Co|Co\.|Corp|Corp\.|Corporation|LLC|L\.L\.C\.|LLP|PLC|S\.A\.|SA|GmbH|AG|B\.V\.|N\.V\.|JSC|OJSC|PJSC|Pte|Pty|FZE|FZCO|S\.A\.R\.L\.|SRL|S\.r\.l\.|Sdn\.? Bhd\.?|A\.S\.)(?=[\s,.;(]|$)/i;

/**
 * "Name, a.k.a., the following two aliases: —A; and —B. Address." or "Name, Address.": the name,
 * its aliases and the address.
 */
export function splitEntityCell(cell: string): { name: string; aliases: string[]; address?: string } {
  const s = clean(cell.replace(/[\u2014\u2013]/g, '—'));
  const aka = /,?\s*(?:a\.k\.a\.|also known as),?\s*(?:the following (?:\w+ )?aliases?:?)?\s*/i.exec(s);
  if (aka) {
    const name = s.slice(0, aka.index).trim();
    const rest = s.slice(aka.index + aka[0].length);
    // Aliases are "—Alias;" items; the address follows the last one's full stop.
    const items = rest.split(/\s*—\s*/).filter(Boolean);
    const aliases: string[] = [];
    let address: string | undefined;
    for (let i = 0; i < items.length; i++) {
      let item = items[i]!.replace(/;\s*(?:and)?\s*$/i, '').trim();
      if (i === items.length - 1) {
        // The alias ends at the first full stop that does not end an abbreviation ("Co.", "No.").
        const stop = [...item.matchAll(/\.\s+/g)].find((m) => !ABBREVIATION_END.test(item.slice(0, m.index + 1)));
        if (stop) {
          address = item.slice(stop.index + stop[0].length).replace(/\.$/, '');
          item = item.slice(0, stop.index);
        } else item = trimStop(item);
        aliases.push(item);
        continue;
      }
      if (item && !/^(?:the following|and)$/i.test(item)) aliases.push(item);
    }
    return { name, aliases, ...(address ? { address } : {}) };
  }
  // No aliases: the name ends at the first comma that does not begin a legal form.
  const parts = s.split(/,\s+/);
  let i = 1;
  while (i < parts.length && LEGAL_TAIL.test(parts[i]!)) i++;
  const name = trimStop(parts.slice(0, i).join(', '));
  const address = parts.slice(i).join(', ').replace(/\.$/, '');
  return { name, aliases: [], ...(address ? { address } : {}) };
}

function entityListChanges(rows: { amend: string; row: Row }[], paragraphs: string[]): ListChange[] {
  const out: ListChange[] = [];
  let country: string | undefined;
  for (const { amend, row } of rows) {
    // A five-column Entity List row; a four-column one has lost the empty country cell.
    const cells = row.length === 4 ? ['', ...row] : row;
    // "IRAN | * * * * * *": the destination the following entries are listed under.
    if (cells.length < 5) {
      if (cells[0] && /^[A-Z][A-Z ,.'()-]+$/.test(cells[0]) && cells.slice(1).every((c) => /^[*\s]*$/.test(c))) country = cells[0];
      continue;
    }
    const [c, entity, requirement, policy, citation] = cells as [string, string, string, string, string];
    if (c && !/^\*/.test(c)) country = c;
    if (!entity || /^[*\s]+$/.test(entity) || /^Entity$/i.test(entity)) continue;
    if (/^(?:Country|Entity)$/i.test(c)) continue;
    const removing = /\bremov/i.test(amend) && !/\badd/i.test(amend);
    const { name, aliases, address } = splitEntityCell(entity);
    out.push({
      list: 'us-bis-entity-list',
      change: removing ? 'remove' : 'add',
      name,
      aliases,
      ...(address ? { address } : {}),
      ...(country ? { country } : {}),
      ...(requirement ? { licenceRequirement: requirement.replace(/\.$/, '') } : {}),
      ...(policy ? { licencePolicy: policy.replace(/\.$/, '') } : {}),
      ...(parseCitation(citation) ? { citation: citation.replace(/\[INSERT FR PAGE NUMBER\]/i, '').replace(/\s+/g, ' ').replace(/\.$/, '').trim() } : {}),
      evidence: clean(`${amend} ${entity}`).slice(0, 400),
    });
  }
  return [...out, ...entityListRemovals(paragraphs).filter((r) => !out.some((o) => o.name === r.name))];
}

/**
 * Removals are stated in the amendatory instruction itself: "…is amended by removing under CHINA,
 * PEOPLE'S REPUBLIC OF, the entities “A” and “B”" or "removing, under Germany, the entry for “C”".
 */
function entityListRemovals(lines: string[]): ListChange[] {
  const out: ListChange[] = [];
  for (const line of lines) {
    if (!/Supplement No\. 4 to part 744|Entity List/i.test(line) || !/\bremov(?:e|es|ed|ing)\b/i.test(line)) continue;
    for (const m of line.matchAll(/\bremoving,?\s+(?:under\s+([A-Z][A-Za-z' ,]+?|the destination of [A-Z][A-Za-z' ,]+?),?\s+)?(?:the\s+)?(?:entit(?:y|ies)|entr(?:y|ies)(?: for)?|persons?)\s+((?:[“"][^”"]+[”"](?:,?\s*(?:and\s+)?)?)+)/g)) {
      for (const q of m[2]!.matchAll(/[“"]([^”"]+)[”"]/g)) {
        out.push({ list: 'us-bis-entity-list', change: 'remove', name: trimStop(q[1]!.replace(/,$/, '').trim()), aliases: [], ...(m[1] ? { country: m[1].replace(/^the destination of /i, '').trim() } : {}), evidence: clean(line).slice(0, 400) });
      }
    }
  }
  return out;
}

/**
 * OFAC's notices list each blocked (or unblocked) person as a numbered paragraph under "Entities"
 * or "Individuals": "1. NAME (a.k.a. …), Address; … [SDGT] [IFSR] (Linked To: …)."
 */
function ofacChanges(lines: string[]): ListChange[] {
  const all = lines.join('\n');
  if (!/Office of Foreign Assets Control|\bOFAC\b/.test(all)) return [];
  const removing = /\b(?:removed from the SDN List|unblocked|are removed|delisted)\b/i.test(all) && !/\bare blocked\b|\bplaced on OFAC's|\bhave been placed\b/i.test(all);
  const out: ListChange[] = [];
  let section: 'entity' | 'individual' | undefined;
  for (const line of lines) {
    if (/^(?:Entit(?:y|ies)|Companies)\s*:?$/i.test(line)) section = 'entity';
    else if (/^Individuals?\s*:?$/i.test(line)) section = 'individual';
    const m = /^\d{1,3}\.\s+(.+)$/.exec(line);
    if (!m || !section || !/\[[A-Z0-9-]{2,}\]/.test(line)) continue;
    const body = m[1]!;
    const beforeAka = /^(.*?)\s*\((?:a\.k\.a\.|f\.k\.a\.)/.exec(body)?.[1];
    const name = trimStop(clean(beforeAka ?? splitEntityCell(body.split(/;/)[0]!).name).replace(/;$/, ''));
    const aliases = [...body.matchAll(/\((?:a\.k\.a\.|f\.k\.a\.)\s*([^)]+)\)/g)].flatMap((a) => a[1]!.split(/;\s*(?:a\.k\.a\.|f\.k\.a\.)?\s*/)).map((a) => clean(a.replace(/^["“]|["”]$/g, ''))).filter(Boolean);
    const afterName = body.replace(/^[^,]*?(?:\([^)]*\))*\s*,\s*/, '');
    const address = /^(.*?);/.exec(afterName)?.[1];
    const programmes = [...body.matchAll(/\[([A-Z0-9-]{2,})\]/g)].map((p) => p[1]!);
    out.push({ list: 'us-ofac-sdn', change: removing ? 'remove' : 'add', name, aliases, ...(address && !/^(?:DOB|nationality|Website|Organization)/i.test(address) ? { address: clean(address) } : {}), programmes, evidence: clean(line).slice(0, 400) });
  }
  // The date the blocking took effect: "On June 3, 2021, OFAC determined …" / "effective on …".
  const when = /\bOn ([A-Z][a-z]+ \d{1,2}, \d{4}), (?:the Director of )?OFAC\b/.exec(all) ?? /\bactions? (?:described in this notice )?(?:are|were|became) effective on ([A-Z][a-z]+ \d{1,2}, \d{4})/i.exec(all);
  const effective = when ? longDate(when[1]!) : undefined;
  return effective ? out.map((c) => ({ ...c, effective })) : out;
}

/**
 * FCC Covered List updates: "… equipment produced by X …", "… services supplied, directly or
 * indirectly, by Y …" in a notice that speaks of the Covered List.
 */
function coveredListChanges(lines: string[]): ListChange[] {
  const all = lines.join('\n');
  if (!/Covered List|Secure (?:and Trusted Communications )?Networks Act/i.test(all)) return [];
  const adding = /\b(?:adds?|added|adding|additions? to)\b[^.]{0,80}Covered List|Covered List[^.]{0,80}\b(?:updated|adding)\b/i.test(all);
  if (!adding) return [];
  const out: ListChange[] = [];
  for (const line of lines) {
    for (const m of line.matchAll(/\b(?:produced|provided|supplied|offered)(?:,? directly or indirectly,?)? by ((?:[A-Z][\w&.'-]*(?:\s+|,\s+(?=(?:Inc|Ltd|Co|LLC|Limited|Corp)\b)))+(?:[A-Z][\w&.'-]*)?)/g)) {
      const name = m[1]!.replace(/\s+(?:and|or|including|Company)$/i, '').replace(/[,.]$/, '').trim();
      if (!name || out.some((o) => o.name === name)) continue;
      out.push({ list: 'us-fcc-covered-list', change: 'add', name, aliases: [], evidence: clean(line).slice(0, 400) });
    }
  }
  const released = /\bReleased:\s*([A-Z][a-z]+ \d{1,2}, \d{4})/.exec(all)?.[1];
  const effective = released ? longDate(released) : undefined;
  return effective ? out.map((c) => ({ ...c, effective })) : out;
}

function dedupe(doc: FrDocument): FrDocument {
  const seen = new Set<string>();
  doc.changes = doc.changes.filter((c) => {
    const k = `${c.list}|${c.change}|${c.name.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return doc;
}

function finish(doc: FrDocument): FrDocument {
  if (!doc.citation && doc.volume && doc.firstPage) doc.citation = `${doc.volume} FR ${doc.firstPage}`;
  if (!doc.url && doc.documentNumber) doc.url = `https://www.federalregister.gov/d/${doc.documentNumber}`;
  for (const c of doc.changes) {
    if (!c.effective) {
      const effective = doc.effective ?? doc.published;
      if (effective) c.effective = effective;
    }
    if (!c.citation && doc.citation) c.citation = doc.citation;
  }
  return dedupe(doc);
}

/** Reads a Federal Register document in any of its forms. */
export function readFederalRegister(body: string, form: FrForm, url?: string): FrDocument {
  const doc = form === 'json' ? fromJson(body) : form === 'xml' ? fromXml(body) : form === 'html' ? fromHtml(body) : fromText(body, 'text');
  if (url && !doc.url) doc.url = url;
  return finish(doc);
}

// ---------------------------------------------------------------- into events

const LIST_ACTION: Record<FrList, { action: Action; authority: string }> = {
  'us-bis-entity-list': { action: 'entity-list', authority: 'Commerce (BIS)' },
  'us-fcc-covered-list': { action: 'ban', authority: 'FCC' },
  'us-ofac-sdn': { action: 'sanction', authority: 'Treasury (OFAC)' },
};

/** The knowledge-base entity a listed name (or one of its aliases) is, when the whole name is one. */
export function resolveParty(matcher: MentionMatcher, change: Pick<ListChange, 'name' | 'aliases'>): EntityTarget | undefined {
  for (const name of [change.name, ...change.aliases]) {
    const bare = name.replace(/\s*\([^)]*\)\s*$/, '').trim();
    for (const candidate of [name, bare]) {
      const hit = matcher.find(candidate).find((m) => m.start === 0 && m.end >= candidate.replace(/[,.]?\s*(?:Co\.,?\s*)?(?:Ltd|Limited|Inc|LLC|Corporation|Corp)\.?$/i, '').length);
      if (hit) return hit.entity;
    }
  }
  return undefined;
}

/** The document as an article (for the store and the JSON) and its changes as events. */
export function federalRegisterEvents(doc: FrDocument, matcher: MentionMatcher, id: string): { article: Article; events: RestrictionEvent[] } {
  const article: Article = {
    id,
    ...(doc.title ? { title: doc.title } : {}),
    text: doc.text,
    ...(doc.published ? { published: doc.published } : {}),
    ...(doc.url ? { url: doc.url } : {}),
  };
  const events: RestrictionEvent[] = doc.changes.map((c, i) => {
    const { action, authority } = LIST_ACTION[c.list];
    const status: EventStatus = c.change === 'remove' ? 'revoked' : 'enacted';
    const entity = resolveParty(matcher, c);
    return {
      actor: { jurisdiction: 'US', authority, surface: doc.agencies.join(', ') || authority },
      action,
      targets: [{ surface: c.name, via: 'name', ...(entity ? { entity } : {}) }],
      status,
      statusCue: c.change === 'remove' ? 'removed from the list (Federal Register)' : 'added to the list (Federal Register)',
      ...(c.effective ? { date: c.effective, dateText: `effective ${c.effective}`, dateSource: 'text' as const } : {}),
      trigger: c.list,
      evidence: c.evidence,
      sentence: i,
      official: { list: c.list, change: c.change, ...(c.address ? { address: c.address } : {}), ...(c.country ? { country: c.country } : {}), ...(c.licenceRequirement ? { licenceRequirement: c.licenceRequirement } : {}), ...(c.licencePolicy ? { licencePolicy: c.licencePolicy } : {}), ...(c.citation ? { citation: c.citation } : {}), ...(c.aliases.length ? { aliases: c.aliases } : {}), ...(c.programmes?.length ? { programmes: c.programmes } : {}), ...(doc.documentNumber ? { document: doc.documentNumber } : {}) },
    };
  });
  return { article, events };
}

/** Whether the knowledge base already records this change (the entity listed, or delisted, on that measure). */
export function knownChange(kb: KnowledgeBase, list: FrList, entityId: string | undefined, change: 'add' | 'remove'): boolean {
  if (!entityId) return false;
  const listings = listingsOf(kb, [entityId]).filter((l) => l.measure === list);
  return change === 'add' ? listings.length > 0 : listings.some((l) => Boolean(l.to));
}
