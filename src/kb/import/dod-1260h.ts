/**
 * The DoD section 1260H list ("Chinese military companies operating in the United States") as a table
 * of listing periods: one row per entity and edition, with the columns `Name` (as printed), `Clean
 * Name`, `Alias`, `Previous Name`, `Parent Name`, `Note`, `Start date`, `End date`, `Source Url`.
 * This is the layout of the public transcriptions of the DoD PDFs; a row without an end date is still
 * listed. Later editions override earlier ones from their start date on (see `reconcile`).
 */
import { readCsv } from './csv.js';
import { parseListDate, splitTrailingAlias } from './text.js';
import { emptyList, type ParsedList } from './types.js';

export const DOD_1260H_MEASURE = 'us-dod-1260h';

export function parseDod1260h(text: string): ParsedList {
  const list = emptyList('dod-1260h');
  const { records, problems } = readCsv(text);
  list.problems.push(...problems);
  const [head, ...rows] = records;
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [nameCol, cleanCol, aliasCol, prevCol, parentCol, noteCol, startCol, endCol, urlCol] = [
    'name', 'clean name', 'alias', 'previous name', 'parent name', 'note', 'start date', 'end date', 'source url',
  ].map(col);
  if (nameCol! < 0 || startCol! < 0) {
    list.problems.push({ at: 'line 1', message: 'expected at least the columns "Name" and "Start date"' });
    return list;
  }
  const cell = (cells: string[], i: number | undefined) => (i !== undefined && i >= 0 ? (cells[i] ?? '').trim() : '');
  for (const { line, cells } of rows) {
    const at = `line ${line}`;
    const printed = cell(cells, nameCol).replace(/\*$/, '').trim();
    if (!printed) {
      list.problems.push({ at, message: 'row without a name' });
      continue;
    }
    const from = parseListDate(cell(cells, startCol));
    if (!from) {
      list.problems.push({ at, message: `no start date in "${cell(cells, startCol)}"` });
      continue;
    }
    const endText = cell(cells, endCol);
    const to = endText ? parseListDate(endText) : undefined;
    if (endText && !to) list.problems.push({ at, message: `end date "${endText}" is not a date; the row is read as still listed` });
    const split = splitTrailingAlias(printed);
    const name = cell(cells, cleanCol) || split.name;
    const alias = cell(cells, aliasCol) || split.alias;
    const note = [cell(cells, noteCol), cell(cells, urlCol) ? `Edition: ${cell(cells, urlCol)}` : ''].filter(Boolean).join(' ');
    list.entries.push({
      at,
      measure: DOD_1260H_MEASURE,
      name,
      listedAs: printed,
      aliases: alias && alias !== name ? [alias] : [],
      formerNames: cell(cells, prevCol) ? [cell(cells, prevCol)] : [],
      parent: cell(cells, parentCol) || undefined,
      parentControls: Boolean(cell(cells, parentCol)),
      identifiers: [],
      countries: [],
      from,
      to,
      note: note || undefined,
    });
  }
  list.complete.push(DOD_1260H_MEASURE);
  return list;
}
