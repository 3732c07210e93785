/**
 * Turning what a news source delivers into articles: plain text, an HTML page (navigation, ads
 * and comments removed by Readability over a linkedom DOM), or an RSS 2.0 / Atom feed (one article
 * per item). Pure: the caller reads files and fetches URLs.
 */
import { Readability } from '@mozilla/readability';
import * as chrono from 'chrono-node';
import { XMLParser } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import type { Article } from './extract.js';

export type SourceKind = 'text' | 'html' | 'feed';

export class SourceError extends Error {
  override name = 'SourceError';
}

/** What a document is, from its content type when known and otherwise from its first bytes. */
export function detectKind(body: string, contentType?: string, name?: string): SourceKind {
  const type = contentType?.toLowerCase() ?? '';
  const head = body.slice(0, 2000).trimStart().toLowerCase();
  if (/rss|atom/.test(type) || /<rss[\s>]|<feed[\s>]|<rdf:rdf[\s>]/.test(head)) return 'feed';
  if (type.includes('html') || /^<!doctype html|^<html[\s>]/.test(head) || (/\.html?$/i.test(name ?? '') && head.startsWith('<'))) return 'html';
  if (type.includes('xml') || (/\.(xml|rss|atom)$/i.test(name ?? '') && head.startsWith('<'))) return 'feed';
  return 'text';
}

/**
 * YYYY-MM-DD, or undefined for a year no publication has (a damaged "Fri, 12 Mar 20200 GMT" is year
 * 20200 to `Date`, which writes it "+020200-03-12").
 */
function calendarDay(year: number, month: number, day: number): string | undefined {
  if (!(year >= 1900 && year <= 2199)) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

const iso = (d: Date) => calendarDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());

/** A date a machine wrote ("2020-08-02T10:00:00Z", "Sun, 02 Aug 2020 10:00:00 GMT"). */
export function parseMachineDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.trim());
  if (!Number.isNaN(t)) return iso(new Date(t));
  const r = chrono.strict.parseDate(value);
  return r ? iso(r) : undefined;
}

/**
 * The publication date a page states near its top: a byline or dateline ("Posted June 28, 2025",
 * "February 01, 2024 07:11 am IST", "Nov. 14, 2018 /PRNewswire/", "Law360 (September 27, 2020,
 * 8:12 PM EDT)"). Only a full date with a year counts; a date that a publishing word introduces
 * ("Published", "Posted", "Updated") beats one that does not, and a photo caption's date ("file
 * photo") never counts.
 */
export function datelineOf(text: string): string | undefined {
  // A page's text may run a byline into its date ("Lauren MuskettJanuary 6, 2021").
  const head = text
    .slice(0, 600)
    .replace(/(GMT|UTC)(\d)/g, '$1 $2')
    .replace(/(\p{Ll})((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4})/gu, '$1 $2');
  let first: string | undefined;
  for (const r of chrono.strict.parse(head)) {
    if (!(r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'))) continue;
    // "within 45 days", "2 hours ago": a span counted from today is certain to chrono, but no dateline.
    if (!/\d{4}|['’]\d\d\b/.test(r.text)) continue;
    const before = head.slice(Math.max(0, r.index - 30), r.index);
    const after = head.slice(r.index + r.text.length, r.index + r.text.length + 30);
    if (/\bfile photo\b|\bphoto\b[^.]{0,10}$/i.test(`${before} ${after.slice(0, 15)}`)) continue;
    // The calendar date as written, not shifted by the time zone of "8:12 PM EDT".
    const value = calendarDay(r.start.get('year') ?? 0, r.start.get('month') ?? 0, r.start.get('day') ?? 0);
    if (value === undefined) continue;
    if (/\b(?:published|posted|updated|date|dated|released|issued)\b[^.\n]{0,12}$/i.test(before)) return value;
    first ??= value;
  }
  return first;
}

/** A date in a URL's path ("/2019/05/16/", "/2020-08-07-"), which news sites often carry. */
export function urlDate(url: string | undefined): string | undefined {
  const m = url ? /\/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)/.exec(url) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** A text file: the first non-empty line is the title; the date is the page's own, else `published`. */
export function articleFromText(id: string, text: string, published?: string): Article {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const title = clean.split('\n').find((l) => l.trim().length > 0)?.trim();
  return { id, title, text: clean, published: datelineOf(clean) ?? published };
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption, dd, dt';

/** Text of an HTML fragment with one line per block, so sentences do not run into each other. */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const lines = blocks.length > 0 ? blocks.map((el) => el.textContent ?? '') : [document.body.textContent ?? ''];
  return lines
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0)
    .join('\n');
}

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

function metaDate(document: HtmlDocument): string | undefined {
  const selectors = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
  ];
  for (const s of selectors) {
    const d = parseMachineDate(document.querySelector(s)?.getAttribute('content') ?? undefined);
    if (d) return d;
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    const d = parseMachineDate(m?.[1]);
    if (d) return d;
  }
  return parseMachineDate(document.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined);
}

export function articleFromHtml(id: string, html: string, url?: string, published?: string): Article {
  const { document } = parseHTML(html);
  // The page's own date first (each file of a directory has its own); `published` only when the page gives none.
  const date = metaDate(document);
  const canonical = url ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  const text = parsed?.content ? htmlToText(parsed.content) : htmlToText(document.body?.innerHTML ?? '');
  if (text.trim().length === 0) throw new SourceError('no article text found in the page');
  const title = parsed?.title?.trim() || document.querySelector('title')?.textContent?.trim() || undefined;
  return {
    id,
    title,
    text,
    published: date ?? parseMachineDate(parsed?.publishedTime ?? undefined) ?? datelineOf(text) ?? urlDate(canonical) ?? published,
    ...(canonical ? { url: canonical } : {}),
  };
}

type XmlNode = Record<string, unknown>;
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const textOf = (v: unknown): string => {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in (v as XmlNode)) return String((v as XmlNode)['#text']);
  return '';
};

/**
 * Items of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, as articles. Entity declarations are refused
 * outright: a feed has no business declaring them, and expanding them is how XML bombs and
 * external-entity reads work.
 */
export function articlesFromFeed(feedId: string, xml: string, published?: string): Article[] {
  if (/<!ENTITY/i.test(xml)) throw new SourceError('the feed declares XML entities; refused (entity expansion is never performed)');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: true,
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(xml) as XmlNode;
  } catch (e) {
    throw new SourceError(`not a readable feed: ${(e as Error).message.split('\n')[0]}`);
  }
  const rss = doc.rss as XmlNode | undefined;
  const rdf = doc.RDF as XmlNode | undefined;
  const atom = doc.feed as XmlNode | undefined;
  const items: Article[] = [];
  const push = (link: string | undefined, title: string, html: string, date: string | undefined, index: number) => {
    const text = html.includes('<') ? htmlToText(html) : html.trim();
    if (!text && !title) return;
    items.push({
      id: link || `${feedId}#${index + 1}`,
      title: title || undefined,
      text: title && !text.startsWith(title) ? `${title}\n${text}` : text,
      published: parseMachineDate(date) ?? published,
      ...(link ? { url: link } : {}),
    });
  };
  if (rss || rdf) {
    const channel = (rss?.channel ?? rdf?.channel ?? {}) as XmlNode;
    const list = asArray((channel.item ?? rdf?.item) as XmlNode | XmlNode[] | undefined);
    list.forEach((item, i) => {
      const link = textOf(item.link) || textOf(item.guid) || undefined;
      const body = textOf(item.encoded) || textOf(item.description);
      push(link, textOf(item.title), body, textOf(item.pubDate) || textOf(item.date) || undefined, i);
    });
  } else if (atom) {
    asArray(atom.entry as XmlNode | XmlNode[] | undefined).forEach((entry, i) => {
      const links = asArray(entry.link as XmlNode | XmlNode[] | undefined);
      const alternate = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
      const link = alternate ? String(alternate['@href'] ?? '') || undefined : undefined;
      const body = textOf(entry.content) || textOf(entry.summary);
      push(link, textOf(entry.title), body, textOf(entry.published) || textOf(entry.updated) || undefined, i);
    });
  } else {
    throw new SourceError('not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> element)');
  }
  return items;
}
