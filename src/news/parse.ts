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

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
/**
 * Words that introduce a page's first publication date ("Date:" only opening its line: an "Effective
 * date" is when a rule applies), and a later change to it.
 */
const FIRST_PUBLISHED = /\b(?:published|posted|released|issued)\b|^\W*dated?\b|发布|发表|日期/i;
const UPDATED = /\b(?:updated|last modified)\b|更新/i;
const isPublishingWord = (s: string) => FIRST_PUBLISHED.test(s) || UPDATED.test(s);
/** Lower-case words a byline or a source line may hold before its date ("By Jane Doe and John Roe | Published on"). */
const BYLINE_WORDS = new Set(['by', 'and', 'the', 'of', 'for', 'at', 'on', 'in', 'published', 'posted', 'updated', 'last', 'first', 'modified', 'date', 'dated', 'released', 'issued', 'de', 'van', 'von', 'der', 'du', 'la', 'le']);
/** What may follow a dateline's date on its line: nothing, a time, a separator, an agency ("/PRNewswire/"), an author. */
const DATELINE_TAIL = /^[\s,]*(?:(?:at\s+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+\(?[A-Z]{2,5}\)?)?)?\.?\s*(?:$|[|•·–—()\]/]|--|-\s|by\s|updated\b|\d+\s*min\b|来源|\d{1,2}:\d\d)/i;

/**
 * Whether the words on a line before a date are a byline or a dateline's place and source ("By Jane
 * Doe |", "HONG KONG,", "Law360 (", "- The Daily Courier - Sunday,") rather than a sentence telling
 * an act ("On March 23, 2026, the agency …", "which entered into force on").
 */
function isBylineHead(head: string): boolean {
  const words = head.match(/[\p{L}]+/gu) ?? [];
  if (head.trim().length > 60 || words.some((w) => /^\p{Ll}/u.test(w) && !BYLINE_WORDS.has(w))) return false;
  // "On March 23, 2026, …" and "… Act of May 2, 2019" date an act; "Published on" is a byline.
  const last = words.at(-1)?.toLowerCase();
  return !(last && ['on', 'of', 'in', 'at', 'by', 'and', 'since', 'from', 'until'].includes(last) && !isPublishingWord(words.at(-2) ?? ''));
}

/** Year, month and day of a full date chrono read; a numeric date whose day and month could be either ("05/06/2019") is none, but dots are written day first. */
function calendarOf(r: chrono.ParsedResult): string | undefined {
  const numeric = /^(\d{1,2})([./-])(\d{1,2})\2(?:\d{4}|\d\d)\b/.exec(r.text);
  let [month, day] = [r.start.get('month') ?? 0, r.start.get('day') ?? 0];
  if (numeric && month <= 12 && day <= 12 && month !== day) {
    if (numeric[2] !== '.') return undefined;
    [month, day] = [Number(numeric[3]), Number(numeric[1])];
  }
  return calendarDay(r.start.get('year') ?? 0, month, day);
}

/**
 * The publication date a page states in a byline or a dateline: near its top, a full date with its
 * year on a line of its own or after a byline ("Jane Doe | May 16, 2019", "Posted June 28, 2025",
 * "Updated 13 October 2022", "2019年5月16日 来源：…"), opening a dateline ("HONG KONG, Nov. 14, 2018
 * /PRNewswire/ --", "Law360 (September 27, 2020, 8:12 PM EDT) --"), or closing the title ("Statement
 * on the decision, 6 November 2025"); further down, only one a publishing word introduces ("First
 * Published: Mon, July 27 2020"). A date inside a sentence ("On March 23, 2026, the agency added …")
 * is an event's, not the page's, and never counts; nor does a photo caption's, nor a span counted
 * from today ("2 days ago", which has nothing to count from). A date a first-publication word
 * introduces beats an "Updated" one, which beats one no word introduces.
 */
export function datelineOf(text: string): string | undefined {
  const title = text.split('\n').find((l) => l.trim().length > 0) ?? '';
  let offset = 0;
  let best: { value: string; rank: number } | undefined;
  for (const raw of text.split('\n')) {
    const top = offset < 800;
    offset += raw.length + 1;
    if (!top && !(raw.length <= 120 && isPublishingWord(raw))) continue;
    // A byline's words and its date fit in a line's first 200 characters. A page's text may run a
    // byline into its date ("Lauren MuskettJanuary 6, 2021", "19:13 GMT26 September 2020").
    const line = raw.slice(0, 200).replace(/(GMT|UTC)(\d)/g, '$1 $2').replace(new RegExp(`(\\p{Ll})(${MONTH}\\.?\\s+\\d{1,2},?\\s+\\d{4})`, 'gu'), '$1 $2');
    for (const r of [...chrono.strict.parse(line), ...(/年/.test(line) ? chrono.zh.strict.parse(line) : [])]) {
      if (!(r.start.isCertain('year') && r.start.isCertain('month') && r.start.isCertain('day'))) continue;
      // "within 45 days", "2 hours ago": a span counted from today is certain to chrono, but no dateline.
      if (!/\d{4}|['’]\d\d\b/.test(r.text)) continue;
      const before = line.slice(0, r.index);
      const after = line.slice(r.index + r.text.length);
      if (/\bfile photo\b|\bphoto\b[^.]{0,10}$/i.test(`${before.slice(-30)} ${after.slice(0, 15)}`)) continue;
      const closesTitle = raw === title && raw.length <= 200 && /[,|–—-]\s*$/.test(before) && /^\s*\.?\s*$/.test(after);
      if (!closesTitle && !(isBylineHead(before) && DATELINE_TAIL.test(after))) continue;
      // The word nearest the date: "Last updated 18 May 2019 | Published 16 May 2019".
      const words = before.replace(/^.*\d/, '');
      const rank = FIRST_PUBLISHED.test(words) ? 2 : UPDATED.test(words) ? 1 : 0;
      const value = calendarOf(r);
      if (value === undefined || (!top && rank === 0) || (best && best.rank >= rank)) continue;
      // Nothing beats the first date a first-publication word introduces.
      if (rank === 2) return value;
      best = { value, rank };
    }
  }
  return best?.value;
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

/** Meta names and properties that carry a page's first publication date, most specific first (matched in any case). */
const META_DATES = ['article:published_time', 'og:published_time', 'datePublished', 'parsely-pub-date', 'sailthru.date', 'citation_publication_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'date', 'pubdate', 'publish-date', 'publishdate'];

function metaDate(document: HtmlDocument): string | undefined {
  for (const name of META_DATES) {
    const meta = document.querySelector(`meta[property="${name}" i], meta[name="${name}" i], meta[itemprop="${name}" i]`);
    const d = parseMachineDate(meta?.getAttribute('content') ?? undefined);
    if (d) return d;
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    const d = parseMachineDate(m?.[1]);
    if (d) return d;
  }
  // A <time> marked as the publication's before any other (the first may be a related story's).
  const time = document.querySelector('time[pubdate][datetime], time[itemprop="datePublished" i][datetime]') ?? document.querySelector('time[datetime]');
  return parseMachineDate(time?.getAttribute('datetime') ?? undefined);
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
      published: parseMachineDate(date) ?? datelineOf(text) ?? published,
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
      push(link, textOf(entry.title), body, textOf(entry.published) || textOf(entry.issued) || textOf(entry.updated) || undefined, i);
    });
  } else {
    throw new SourceError('not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> element)');
  }
  return items;
}
