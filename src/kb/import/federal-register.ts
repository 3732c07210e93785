/**
 * Dating list entries from their Federal Register citations. An entry of a BIS list cites the page
 * where it appears inside a rule (`89 FR 96837` inside the rule that starts at 96830); its first
 * citation is the rule that added it, later ones revised it. The rules are sources of the knowledge
 * base with their pages and dates (`federalRegister` on a source). Pure.
 *
 * - A page inside a rule whose pages and effective date are recorded dates the entry exactly.
 * - Otherwise the entry is dated by an upper bound: pages of one volume are printed in date order,
 *   so the entry was published no later than the next recorded rule of its volume, and no later than
 *   the end of the volume's year (volume N is the year 1935 + N); Entity List additions take effect
 *   no later than their publication. Such a listing is `on-or-before` that date, never given a day
 *   it was not seen to start on.
 */
import type { KbSource } from '../model.js';

export interface Citation {
  volume: number;
  page: number;
}

export interface EntryDate {
  from: string;
  basis: 'effective' | 'on-or-before';
  /** The rule that dates it exactly, or that bounds it. */
  source?: string;
  /** Why this date, in words, for the listing's note. */
  reason: string;
}

/** Every `V FR P` citation in the text, in order (`88 FR 13673; 89 FR 1,234`). */
export function parseCitations(text: string | undefined): Citation[] {
  if (!text) return [];
  const out: Citation[] = [];
  for (const m of text.matchAll(/\b(\d{2,3})\s*FR\s*(\d{1,3}(?:,\d{3})+|\d+)/g)) out.push({ volume: Number(m[1]), page: Number(m[2]!.replace(/,/g, '')) });
  return out;
}

/** The citation that added the entry: the earliest volume and page. */
export function firstCitation(text: string | undefined): Citation | undefined {
  return parseCitations(text).sort((a, b) => a.volume - b.volume || a.page - b.page)[0];
}

export const volumeYear = (volume: number) => 1935 + volume;

export interface RuleTable {
  rules: (KbSource & { federalRegister: NonNullable<KbSource['federalRegister']> })[];
}

export function ruleTable(sources: Record<string, KbSource>): RuleTable {
  const rules = Object.values(sources).filter((s): s is RuleTable['rules'][number] => Boolean(s.federalRegister));
  rules.sort((a, b) => a.federalRegister.volume - b.federalRegister.volume || a.federalRegister.firstPage - b.federalRegister.firstPage);
  return { rules };
}

const cite = (c: Citation) => `${c.volume} FR ${c.page}`;

/**
 * The date an entry took effect, from its citations; `listDate` (the file's own date) bounds
 * everything, and dates an entry without any citation.
 */
export function dateEntry(federalRegister: string | undefined, table: RuleTable, listDate: string): EntryDate {
  const first = firstCitation(federalRegister);
  if (!first) return { from: listDate, basis: 'on-or-before', reason: `The list gives no date or citation for this entry; it was listed on ${listDate}.` };
  const inVolume = table.rules.filter((r) => r.federalRegister.volume === first.volume);
  const rule = inVolume.find((r) => r.federalRegister.firstPage <= first.page && first.page <= (r.federalRegister.lastPage ?? r.federalRegister.firstPage));
  if (rule?.federalRegister.effective && rule.federalRegister.effective <= listDate) {
    // A rule whose DATES line was not read says so in each listing it dates (and the finding flags it).
    const basis = rule.unverified ? ' (dated from secondary accounts of the rule; its text was not seen)' : '';
    return { from: rule.federalRegister.effective, basis: 'effective', source: rule.id, reason: `Added by ${cite(first)} (FR Doc. ${rule.federalRegister.document ?? rule.id}), effective ${rule.federalRegister.effective}${basis}.` };
  }
  if (rule) {
    const bound = min(rule.federalRegister.published, listDate);
    return { from: bound, basis: 'on-or-before', source: rule.id, reason: `Added by ${cite(first)}, published ${rule.federalRegister.published}; its effective date is not recorded.` };
  }
  // A date the list prints beside the citation, `75 FR 1699 (1/13/2010)`, is the publication date.
  const printed = /\((\d{1,2})\/(\d{1,2})\/(\d{4})\)/.exec(federalRegister ?? '');
  const next = inVolume.find((r) => r.federalRegister.firstPage > first.page);
  const candidates: [string, string][] = [[`${volumeYear(first.volume)}-12-31`, `published in ${volumeYear(first.volume)} (volume ${first.volume})`], [listDate, `listed on ${listDate}`]];
  if (next) candidates.push([next.federalRegister.published, `printed before ${cite({ volume: next.federalRegister.volume, page: next.federalRegister.firstPage })} of ${next.federalRegister.published}`]);
  if (printed) candidates.push([`${printed[3]}-${printed[1]!.padStart(2, '0')}-${printed[2]!.padStart(2, '0')}`, 'published on the date the list prints beside it']);
  const [bound, why] = candidates.sort((a, b) => a[0].localeCompare(b[0]))[0]!;
  return {
    from: bound,
    basis: 'on-or-before',
    ...(next && bound === next.federalRegister.published ? { source: next.id } : {}),
    reason: `Added by ${cite(first)}, a rule whose dates are not recorded here: ${why}, so listed on or before ${bound}.`,
  };
}

const min = (a: string, b: string) => (a < b ? a : b);

/**
 * The date a party was first listed, from the dates of its entries (its addition and later
 * revisions): the earliest. An upper bound earlier than an exact date still wins — the party was
 * listed by then, and the exact date is a later revision's — and of two equal dates the exact one.
 */
export function firstListed<T extends { d: EntryDate }>(dated: readonly T[]): T {
  return [...dated].sort((a, b) => a.d.from.localeCompare(b.d.from) || (a.d.basis === b.d.basis ? 0 : a.d.basis === 'effective' ? -1 : 1))[0]!;
}
