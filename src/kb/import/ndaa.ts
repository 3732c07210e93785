/**
 * The statutory lists of the NDAAs: section 889 of the FY2019 NDAA (Huawei, ZTE, Hytera, Hikvision,
 * Dahua), section 5949 of the FY2023 NDAA (SMIC, YMTC, CXMT) and section 154 of the FY2024 NDAA
 * (CATL, BYD, Envision, EVE, Gotion, Hithium), as tables with the columns `name`, `aliases`,
 * `program` (the section), `report-date` (enactment), `start-date` (when the prohibition applies),
 * `end-date`, `notes`, `source_url`. The measure is taken from the section named in `program`.
 */
import { readCsv } from './csv.js';
import { parseListDate, uniq } from './text.js';
import { emptyList, skip, type ParsedList } from './types.js';

export const NDAA_SECTIONS: { pattern: RegExp; measure: string }[] = [
  { pattern: /\bSection 889\b/i, measure: 'us-ndaa-889' },
  { pattern: /\bSection 5949\b/i, measure: 'us-ndaa-fy23-5949' },
  { pattern: /\bSection 154\b/i, measure: 'us-ndaa-fy24-154' },
];

export function parseNdaaList(text: string): ParsedList {
  const list = emptyList('ndaa');
  const { records, problems } = readCsv(text);
  list.problems.push(...problems);
  const [head, ...rows] = records;
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('name') < 0 || col('program') < 0) {
    list.problems.push({ at: 'line 1', message: 'expected at least the columns "name" and "program"' });
    return list;
  }
  const cell = (cells: string[], name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '').trim() : '');
  const measures = new Set<string>();
  for (const { line, cells } of rows) {
    const at = `line ${line}`;
    const name = cell(cells, 'name');
    const program = cell(cells, 'program');
    if (!name) {
      list.problems.push({ at, message: 'row without a name' });
      continue;
    }
    const measure = NDAA_SECTIONS.find((s) => s.pattern.test(program))?.measure;
    if (!measure) {
      skip(list, `program "${program}" has no measure in the knowledge base`);
      continue;
    }
    measures.add(measure);
    const applies = parseListDate(cell(cells, 'start-date'));
    const aliases = cell(cells, 'aliases').split(/;\s*/).filter(Boolean);
    const notes = [applies ? `The prohibition applies from ${applies}.` : '', cell(cells, 'notes')].filter(Boolean);
    list.entries.push({
      at,
      measure,
      name,
      listedAs: aliases.length === 1 && /^[A-Z0-9]{2,8}$/.test(aliases[0]!) ? `${name} (${aliases[0]})` : name,
      aliases: uniq(aliases),
      formerNames: [],
      identifiers: [],
      countries: [],
      // The list takes effect with the Act (report-date); without one, reconcile keeps the
      // listing's date or takes the measure's enactment.
      from: parseListDate(cell(cells, 'report-date')),
      to: parseListDate(cell(cells, 'end-date')),
      note: notes.join(' ') || undefined,
    });
  }
  list.complete.push(...measures);
  list.undatedFromMeasure = true;
  return list;
}
