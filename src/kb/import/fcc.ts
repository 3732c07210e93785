/**
 * The FCC Covered List table (https://www.fcc.gov/supplychain/coveredlist) saved as CSV: one row per
 * entry, the covered equipment or services and the date of inclusion. Entity entries name their
 * producer or provider ("produced by Huawei Technologies Company"); category entries cover
 * everything of a kind "produced in a foreign country" and become category rules. The older layout
 * with `Entity Name` and `Subsidiary Names` columns (`;`-separated) is read too, and so is the page
 * itself (HTML), whose table has the same two columns.
 */
import { parseHTML } from 'linkedom';
import { readCsv, type CsvRecord } from './csv.js';
import { allListDates, parseListDate, trimSentenceEnd, uniq } from './text.js';
import { emptyList, type ImportedEntry, type ParsedList } from './types.js';

export const FCC_MEASURE = 'us-fcc-covered-list';

/** Words of a category entry → the knowledge base's device categories. */
const CATEGORY_WORDS: [RegExp, string[]][] = [
  [/\bUAS\b|uncrewed aircraft|unmanned aircraft|drone/i, ['drone', 'uas', 'uas-component']],
  [/\brouters?\b/i, ['router']],
  [/\binverters?\b/i, ['inverter']],
  [/\brobotic\b|\brobots?\b/i, ['robot']],
];

const ENTITY_END = /,\s*including\b|,\s*to the extent\b|\s+or any of (?:its|their)\b|\s+or its\b|,?\s+subject to\b|\s+and its wholly[- ]owned subsidiary\b|\s+or any\b/i;

/** The producers or providers an entity entry names (two for "X and its wholly-owned subsidiary Y"). */
export function fccEntities(text: string): string[] {
  const m = /\b(?:produced or provided|produced|provided|supplied(?:,\s*directly or indirectly,)?)\s+by\s+(.+)$/i.exec(text);
  if (!m) return [];
  const rest = m[1]!;
  const end = ENTITY_END.exec(rest);
  const first = trimSentenceEnd(end ? rest.slice(0, end.index) : rest);
  const out = [first];
  const sub = /\band its wholly[- ]owned subsidiary\s+(.+?)(?:,?\s+subject to\b|,|\.?$)/i.exec(rest);
  if (sub) out.push(sub[1]!.trim());
  return out.filter(Boolean);
}

/**
 * Entries that cover what a statute lists rather than naming a company. Section 1709(a)(1) of the
 * FY2025 NDAA (Pub. L. 118-159) names DJI and Autel Robotics.
 */
const STATUTORY_LISTS: [RegExp, string[]][] = [[/Section 1709\(a\)\(1\)/i, ['Shenzhen Da-Jiang Innovations Sciences and Technologies Company Limited', 'Autel Robotics']]];

function statutoryEntities(text: string): string[] {
  return STATUTORY_LISTS.find(([re]) => re.test(text))?.[1] ?? [];
}

const isCategory = (text: string) => /produced in a foreign country|^foreign[- ]produced/i.test(text.trim());

/** The public-safety qualifier of the Hytera, Hikvision and Dahua entries. */
function scopeOf(text: string): string | undefined {
  const m = /to the extent (?:it is )?used for (.+?), including\b/i.exec(text);
  return m ? `To the extent used for ${m[1]!.replace(/^the purpose of /i, '')}.` : undefined;
}

/** Footnote marks the FCC page prints after words (†, ^, £, ³, #) and "Visit - " link labels. */
const tidy = (s: string) => s.replace(/Visit - /g, '').replace(/\s*[†^£³#]+/g, '').replace(/\s+/g, ' ').trim();

function exceptionsOf(text: string): string[] {
  const m = /[—-]\s*except:?\s*(.+)$|,\s*except\s+(.+)$/i.exec(tidy(text));
  if (!m) return [];
  const body = (m[1] ?? m[2])!.replace(/\.$/, '');
  const parts = body.split(/;\s*(?:and\s+)?(?=\([a-z]\))|,\s*(?=\([a-z]\))/).map((p) => p.replace(/^\([a-z]\)\s*/, '').replace(/,$/, '').trim());
  return parts.filter(Boolean);
}

/** The rows of the Covered List table on the FCC page, as CSV-like records (header first). */
function htmlRecords(html: string): CsvRecord[] {
  const { document } = parseHTML(html);
  const table = [...document.querySelectorAll('table')].find((t) => /covered equipment or services/i.test(t.textContent ?? ''));
  if (!table) return [];
  return [...table.querySelectorAll('tr')].map((tr, i) => ({
    line: i + 1,
    cells: [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim()),
  }));
}

export function parseFccCoveredList(text: string): ParsedList {
  const list = emptyList('fcc-covered-list');
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  let records: CsvRecord[];
  if (trimmed.startsWith('<')) {
    records = htmlRecords(trimmed);
    if (records.length === 0) list.problems.push({ at: 'file', message: 'no table with a "Covered Equipment or Services" column in the page' });
  } else {
    const firstLine = trimmed.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
    const csv = readCsv(text, delimiter);
    list.problems.push(...csv.problems);
    records = csv.records;
  }
  const [head, ...rows] = records;
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const at = (line: number) => (trimmed.startsWith('<') ? `table row ${line}` : `line ${line}`);
  const col = (re: RegExp) => header.findIndex((h) => re.test(h));
  const textCol = col(/covered_equipment/);
  const dateCol = col(/date_of_inclusion/);
  const entityCol = col(/^entity_name$/);
  const subsCol = col(/^subsidiary_names$/);
  if (textCol < 0 || dateCol < 0) {
    list.problems.push({ at: 'line 1', message: 'expected the columns "covered equipment or services" and "date of inclusion on covered list"' });
    return list;
  }
  for (const { line, cells } of rows) {
    const where = at(line);
    const raw = (cells[textCol] ?? '').trim();
    const dateText = cells[dateCol] ?? '';
    const from = parseListDate(dateText);
    if (!raw) continue;
    if (!from) {
      list.problems.push({ at: where, message: `no date of inclusion in "${dateText}"` });
      continue;
    }
    const updates = allListDates(dateText).slice(1);
    const updateNote = updates.length ? `Entry updated ${updates.join(', ')}.` : undefined;
    // The scraped page runs two entries together when one cell holds two paragraphs.
    const paragraphs = raw.split(/(?<=[.”"])\s*"?(?=All communications and video surveillance equipment)/);
    for (const text of paragraphs) {
      if (isCategory(text)) {
        const description = tidy(text).split(/\s*[—-]\s*except\b|,\s*except\b/i)[0]!.replace(/[,.]$/, '');
        const categories = uniq(CATEGORY_WORDS.filter(([re]) => re.test(description)).flatMap(([, c]) => c));
        list.categories.push({ at: where, measure: FCC_MEASURE, description, exceptions: exceptionsOf(text), categories, from, note: updateNote });
        continue;
      }
      const listed = [entityCol >= 0 ? (cells[entityCol] ?? '').trim() : '', ...(subsCol >= 0 ? (cells[subsCol] ?? '').split(';') : [])].map((s) => s.trim()).filter(Boolean);
      const names = listed.length > 0 ? listed : fccEntities(text).length > 0 ? fccEntities(text) : statutoryEntities(text);
      if (names.length === 0) {
        list.problems.push({ at: where, message: `no producer or provider named in "${tidy(text).slice(0, 90)}…" (not imported; add its listings by hand)` });
        continue;
      }
      for (const name of names) {
        const entry: ImportedEntry = {
          at: where,
          measure: FCC_MEASURE,
          name,
          listedAs: tidy(text).replace(/^"|"$/g, ''),
          aliases: [],
          formerNames: [],
          identifiers: [],
          countries: [],
          from,
          scope: scopeOf(text),
          note: updateNote,
        };
        list.entries.push(entry);
      }
    }
  }
  list.complete.push(FCC_MEASURE);
  return list;
}
