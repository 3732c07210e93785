/**
 * Dates in a sentence, resolved against the article's publication date: "on Friday" in a report
 * of something done is the Friday before; "this weekend" in a threat is the one ahead.
 */
import * as chrono from 'chrono-node';

export interface ResolvedDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY, as precise as the text is. */
  value: string;
  /** The words the date was read from. */
  text: string;
  /** Offset of those words in the sentence. */
  index: number;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Words that date a thing from the day of writing: "today", "last month", "on Friday". */
const RELATIVE_WORD = /\b(?:last|next|this|coming|ago|yesterday|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

const STARTS_BEFORE = /\b(?:starting|beginning|effective|taking effect|takes effect|take effect|in force|as of)\s+(?:on\s+)?$/i;

/**
 * All dates mentioned in a sentence. `future` says whether the action lies ahead (a threat or a
 * plan), which decides how a bare weekday or month is read. With no reference (a text that states
 * no date of its own), only dates whose year the words give are read: "between 18 February and 21
 * March 2022" needs no reference, "on Friday" cannot be resolved without one.
 */
export function findDates(sentence: string, published: string | undefined, future: boolean, yearOnly = false): ResolvedDate[] {
  const ref = new Date(`${published ?? '2000-01-01'}T12:00:00Z`);
  const parsed = chrono.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: future });
  // "Between 18 February and 21 March 2022": a day and month without a year beside a date with its year share that year.
  const withYear = parsed.find((r) => r.start.isCertain('year') && r.start.isCertain('month') && /\b(?:19|20)\d\d\b/.test(r.text));
  const sameYear = withYear ? chrono.parse(sentence, { instant: withYear.start.date(), timezone: 0 }) : [];
  const out: ResolvedDate[] = [];
  // "in April of last year": chrono reads a month and a relative year apart; the year is the month's.
  const yearOfMonth = new Map<number, number>();
  const takenYears = new Set<number>();
  for (const r of parsed) {
    if (r.start.isCertain('year') || !r.start.isCertain('month')) continue;
    const after = /^\s*(?:of\s+)?(last|this|next|the previous|the following)\s+year\b/i.exec(sentence.slice(r.index + r.text.replace(/\s+of$/i, '').length));
    if (!after) continue;
    const shift = /last|previous/i.test(after[1] as string) ? -1 : /next|following/i.test(after[1] as string) ? 1 : 0;
    yearOfMonth.set(r.index, ref.getUTCFullYear() + shift);
    const year = parsed.find((x) => x !== r && x.index > r.index && x.index <= r.index + r.text.length + 12 && /year/i.test(x.text));
    if (year) takenYears.add(year.index);
  }
  for (const parsedResult of parsed) {
    if (takenYears.has(parsedResult.index)) continue;
    const sharedYear = !parsedResult.start.isCertain('year') && parsedResult.start.isCertain('month') && parsedResult.start.isCertain('day') ? sameYear.find((x) => x.index === parsedResult.index) : undefined;
    const r = sharedYear ?? parsedResult;
    const yearWritten = r.start.isCertain('year') && /\b(?:19|20)\d\d\b/.test(r.text);
    if (published === undefined && !sharedYear && !yearWritten) continue;
    // A reference that only places the text in its year gives a year to a month and day, nothing else.
    if (yearOnly && !yearWritten && !(r.start.isCertain('month') && r.start.isCertain('day') && !RELATIVE_WORD.test(r.text))) continue;
    // "… banning transactions in 45 days": a deadline counted from the act, not the act's date; "its third
  // crackdown in three years" a span.
    if (!future && /^(?:in|within|after) (?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few) (?:days?|weeks?|months?|years?)$/i.test(r.text.trim())) continue;
    // "… dismissed, with the auction slated to begin next week": what lies ahead of the writing is no past act's day.
    if (!future && published !== undefined && !yearOnly && /\b(?:next|coming|tomorrow)\b/i.test(r.text)) continue;
    if (!isEventDate(sentence, r.index, r.text)) continue;
    const s = r.start;
    let date = s.date();
    const monthYear = yearOfMonth.get(r.index);
    if (monthYear !== undefined) date = new Date(Date.UTC(monthYear, date.getUTCMonth(), date.getUTCDate()));
    const yearKnown = s.isCertain('year') || monthYear !== undefined;
    const dayKnown = s.isCertain('day') || s.isCertain('weekday');
    const monthKnown = s.isCertain('month');
    // A relative word ("this weekend", "last month") carries its own direction; a bare weekday or
    // month does not, and news reports past acts in the past.
    const relative = /\b(?:last|next|this|coming|ago|yesterday|today|tomorrow)\b/i.test(r.text);
    // "… would ban the software starting July 20": the start of what was decided lies ahead.
    const scheduled = STARTS_BEFORE.test(sentence.slice(Math.max(0, r.index - 30), r.index));
    if (published !== undefined && scheduled && !yearKnown && iso(date) < published) date = new Date(Date.UTC(date.getUTCFullYear() + 1, date.getUTCMonth(), date.getUTCDate()));
    if (published !== undefined && !future && !scheduled && !relative && iso(date) > published) {
      if (s.isCertain('weekday') && !monthKnown) date = new Date(date.getTime() - 7 * 86_400_000);
      else if (!yearKnown) date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate()));
    }
    const full = iso(date);
    const value = dayKnown || /weekend|today|tomorrow|yesterday/i.test(r.text) ? full : monthKnown ? full.slice(0, 7) : yearKnown ? full.slice(0, 4) : full;
    out.push({ value, text: r.text, index: r.index });
  }
  // Bare years ("in 2019") are not dates to chrono.
  for (const m of sentence.matchAll(/\b(?:[Ii]n|[Dd]uring|of)\s+((?:19|20)\d\d)\b(?![-/]\d)/g)) {
    const index = (m.index ?? 0) + m[0].indexOf(m[1] as string);
    if (!isEventDate(sentence, index, m[1] as string)) continue;
    if (!out.some((d) => index >= d.index && index < d.index + d.text.length)) out.push({ value: m[1] as string, text: m[1] as string, index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * Whether a date expression can be the date of an act: not a duration ("for seven years", "for a
 * period of one year"), not a time of day ("at midnight"), not the year in a law's title ("Act of
 * 1999", "FY 2019 NDAA", "Fiscal Year 2019"), and not a deadline or the start of a state ("until
 * March 13, 2025", "by the end of 2029", "since May"), and not a period's end ("between 18 February and 21
 * March 2022").
 */
function isEventDate(sentence: string, index: number, text: string): boolean {
  const before = sentence.slice(Math.max(0, index - 40), index);
  const after = sentence.slice(index + text.length, index + text.length + 40);
  if (/^(?:for|over|within)\b/i.test(text.trim()) || /\b(?:for|over|within)\s+(?:a period of\s+|the next\s+|the past\s+|another\s+)?$/i.test(before)) return false;
  if (/^\d+\s+(?:days?|weeks?|months?|years?)$/i.test(text.trim())) return false;
  if (/\b(?:midnight|noon|[ap]\.?m\.?)\b|\d:\d\d/i.test(text)) return false;
  if (/\b(?:Act|Law|Regulations?|Rules?|Order|Directive)\s+of\s+$|\b(?:FY|Fiscal Year|fiscal)\s*$/i.test(before)) return false;
  if (/^\s*(?:National Defense Authorization Act|NDAA|Defen[cs]e Authori[sz]ation Act|defense (?:policy )?(?:bill|law)|law\b|Act\b|budget)/i.test(after)) return false;
  if (/\b(?:until|through|thru|till|by|before|after|expir\w*|deadline of|no later than|as early as|since|starting in|from)\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+)?$/i.test(before) || /^(?:the\s+)?(?:end|start|beginning|middle)\s+of\b/i.test(text.trim())) return false;
  if (/^\s*(?:at the latest|or later|onwards|deadline)\b/i.test(after)) return false;
  // "… an injunction against the law before it takes effect next month": when a future effect is due, not when the act took place.
  if (/\b(?:before|until|when|once)\s+(?:it|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:takes|take|goes|go|comes|come)\s+(?:effect|into effect|into force)\s*(?:on|in)?\s*$/i.test(before)) return false;
  // "… a Montana law …, which was set to take effect January 1": a relative clause's due date describes the act ruled on.
  if (/\b(?:which|that)\s+(?:was|were|is|are|had been|has been)\s+(?:set|scheduled|due|slated)\s+to\s+(?:take|go|come)\s+(?:effect|into effect|into force)\s*(?:on|in)?\s*$/i.test(before)) return false;
  // "Between 18 February and 21 March 2022 the Government consulted …": a period's end is not when the act took place.
  if (/\bbetween\s+[^.;]{1,30}\s+and\s+$/i.test(sentence.slice(Math.max(0, index - 60), index))) return false;
  return true;
}

const OPENING = 600;

/**
 * For a text with no publication date: a complete date it states (day, month and year, not a
 * deadline, a duration or a law's year), as a stand-in reference against which its partial and
 * relative dates ("on March 23", "on Saturday") are resolved. News leads with what just happened:
 * the first such date in the opening lines is that day; with none there, the latest the text names
 * lies at or just before its writing. A text whose only full dates are deadlines or ends of offers is
 * placed in its year by them (`yearOnly`): "on Dec. 22" takes a year from them, but "today" or "last
 * month" is not their day, since a deadline lies after the writing, often years after.
 */
export function statedReference(text: string): { value: string; yearOnly: boolean } | undefined {
  let latest: string | undefined;
  // A deadline or an offer's end ("complimentary through Jan 14, 2026") is no act's day, but it still
  // places the text in time: the last resort for resolving "on Dec. 22".
  let latestAny: string | undefined;
  for (const r of chrono.parse(text, { instant: new Date('2000-01-01T12:00:00Z'), timezone: 0 })) {
    const s = r.start;
    if (!(s.isCertain('year') && s.isCertain('month') && s.isCertain('day')) || !/\b(?:19|20)\d\d\b/.test(r.text)) continue;
    const value = iso(s.date());
    if (!latestAny || value > latestAny) latestAny = value;
    const lineStart = text.lastIndexOf('\n', r.index) + 1;
    const lineEnd = text.indexOf('\n', r.index);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    if (!isEventDate(line, r.index - lineStart, r.text)) continue;
    // A full date in the opening lines is the day of the news the text leads with.
    if (r.index < OPENING) return { value, yearOnly: false };
    if (!latest || value > latest) latest = value;
  }
  if (latest) return { value: latest, yearOnly: false };
  return latestAny ? { value: latestAny, yearOnly: true } : undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "January 31, 2023" → 2023-01-31. */
export function longDate(s: string): string | undefined {
  const m = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})/i.exec(s);
  if (!m) return undefined;
  return `${m[3]}-${String(MONTHS.indexOf(m[1]!.toLowerCase()) + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}
