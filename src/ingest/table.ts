/**
 * From a format's raw rows to ingest records: look at the first rows to decide the header and the
 * column→field mapping, then turn every row into an inventory item or a rejected row.
 */
import { InputError, type AssetField, type AssetIdentity, type FieldKind, type IngestRecord, type InventoryItem, type Origin } from '../model/item.js';
import { assetForLateColumn, chooseFields, fieldForLateColumn, isHeaderRow, type ColumnChoice, type ColumnMap } from './columns.js';
import type { RawRow, Table } from './formats/format.js';
import { count, DEFAULT_LIMITS, type IngestLimits } from './limits.js';

/** How many data rows decide the mapping by content. */
const SAMPLE_ROWS = 200;

/** Fields in the order they are preferred for an item's label. */
const LABEL_ORDER: FieldKind[] = ['name', 'app', 'host', 'model', 'mac', 'isin', 'ticker', 'cusip', 'purl', 'package', 'library', 'lei', 'uscc', 'category'];

export interface TableMapping {
  /** False when the first row was taken as data and the columns are named "column 1", "column 2" … */
  header: boolean;
  columns: ColumnChoice[];
  /** Keys of the map that name no column of this table. */
  unmatchedMapKeys: string[];
}

export interface TableOptions {
  file: string;
  map?: ColumnMap;
  /**
   * For worksheets of a workbook: a table where no column maps to a field is skipped, and map keys
   * naming no column are left to the caller, since they may name columns of another sheet.
   * Otherwise both are input errors.
   */
  lenient: boolean;
  /** Called once the mapping is chosen, before the table's first record. */
  onMapping(mapping: TableMapping): void;
  /** Caps on cells and screened values (default DEFAULT_LIMITS). */
  limits?: IngestLimits;
}

type DataRow = Exclude<RawRow, { error: string }>;

export async function* tableRecords(table: Table, options: TableOptions): AsyncGenerator<IngestRecord> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const toRecord = (row: RawRow, layout: Layout | undefined): IngestRecord => rowRecord(row, layout, limits);
  if (table.fixedColumns) {
    yield* fixedRecords(table, table.fixedColumns, options, limits);
    return;
  }
  const rows = table.rows[Symbol.asyncIterator]();
  try {
    // Rejected rows among the sampled ones are kept in place so records come out in file order.
    const sample: RawRow[] = [];
    let dataRows = 0;
    while (dataRows <= SAMPLE_ROWS) {
      const next = await rows.next();
      if (next.done) break;
      if (isBlank(next.value)) continue;
      sample.push(next.value);
      if (!('error' in next.value)) dataRows++;
    }
    if (dataRows === 0) {
      for (const row of sample) yield toRecord(row, undefined);
      return;
    }
    const layout = chooseLayout(sample, options);
    if (!layout) return;
    for (const row of sample) if (row !== layout.headerRow) yield toRecord(row, layout);
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      if (!isBlank(next.value)) yield toRecord(next.value, layout);
    }
  } finally {
    await rows.return?.();
  }
}

/** Rows whose fields the format already knows: no sampling, and the mapping is reported as is. */
async function* fixedRecords(table: Table, columns: Record<string, FieldKind | 'unused'>, options: TableOptions, limits: IngestLimits): AsyncGenerator<IngestRecord> {
  options.onMapping({
    header: true,
    columns: Object.entries(columns).map(([column, field]) => (field === 'unused' ? { column } : { column, field })),
    unmatchedMapKeys: [],
  });
  for await (const row of table.rows) yield rowRecord(row, undefined, limits);
}

interface Layout {
  header: boolean;
  headerRow?: RawRow;
  choices: ColumnChoice[];
  /** Keyed tables: field per key, grown as keys first seen after the sample turn up. */
  byKey: Map<string, FieldKind | undefined>;
  /** Keyed tables: the asset part per key, grown likewise. */
  assetByKey: Map<string, AssetField | undefined>;
  map?: ColumnMap;
}

function chooseLayout(sample: RawRow[], options: TableOptions): Layout | undefined {
  const dataRows = sample.filter((row): row is DataRow => !('error' in row));
  const first = dataRows[0];
  let columns: string[];
  let samples: string[][];
  let untitled = new Set<number>();
  let header = true;
  let headerRow: RawRow | undefined;
  if (first && 'cells' in first) {
    const width = Math.max(...dataRows.map((row) => ('cells' in row ? row.cells.length : 0)));
    header = isHeaderRow(first.cells.map((cell) => cell ?? ''), width, options.map);
    headerRow = header ? first : undefined;
    const body = dataRows.filter((row) => row !== headerRow);
    const titles = Array.from({ length: width }, (_, index) => (header ? (first.cells[index] ?? '').trim() : ''));
    untitled = new Set(titles.flatMap((title, index) => (title === '' ? [index] : [])));
    columns = titles.map((title, index) => title || `column ${index + 1}`);
    samples = columns.map((_, index) => body.flatMap((row) => ('cells' in row ? present(row.cells[index]) : [])));
  } else {
    columns = [...new Set(dataRows.flatMap((row) => ('values' in row ? [...row.values.keys()] : [])))];
    samples = columns.map((key) => dataRows.flatMap((row) => ('values' in row ? (row.values.get(key) ?? []).flatMap(present) : [])));
  }
  const { choices, unmatchedMapKeys } = chooseFields(options.file, columns, samples, header, options.map);
  const listed = listedColumns(columns);
  if (!options.lenient && unmatchedMapKeys.length > 0) {
    throw new InputError(options.file, `--map names no column here: ${unmatchedMapKeys.map((key) => `"${key}"`).join(', ')}; the columns are ${listed}`);
  }
  const mapped = choices.some((choice) => choice.field);
  // Asset columns alone give nothing to screen; each row is then rejected with its reason below.
  if (!mapped && !options.lenient) {
    throw new InputError(
      options.file,
      `no column could be matched to a field; the columns are ${listed}. Say which is which with --map, e.g. --map "${columns[0] ?? 'column 1'}=name"`,
    );
  }
  // A column with neither a title nor a value (a sheet starting at column B) is not worth reporting.
  const reported = choices.filter((choice, index) => choice.field || !untitled.has(index) || (samples[index] ?? []).length > 0);
  options.onMapping({ header, columns: reported, unmatchedMapKeys });
  if (!mapped) return undefined;
  const byKey = new Map(choices.map((choice) => [choice.column, choice.field] as const));
  const assetByKey = new Map(choices.map((choice) => [choice.column, choice.asset] as const));
  return { header, headerRow, choices, byKey, assetByKey, map: options.map };
}

function rowRecord(row: RawRow, layout: Layout | undefined, limits: IngestLimits): IngestRecord {
  if ('error' in row) return rejected(row.origin, row.error);
  const problem = rowProblem(row, layout, limits);
  if (problem) return rejected(row.origin, problem);
  if ('fields' in row) return fixedRecord(row);
  const fields: Partial<Record<FieldKind, string[]>> = {};
  const add = (field: FieldKind | undefined, value: string | undefined): void => {
    const text = value?.trim();
    if (!field || !text) return;
    const list = (fields[field] ??= []);
    if (!list.includes(text)) list.push(text);
  };
  let asset: AssetIdentity | undefined;
  const addAsset = (part: AssetField | undefined, value: string | undefined): void => {
    const text = value?.trim();
    if (!part || !text) return;
    asset ??= {};
    // The first column of a kind wins ("Asset Tag" before a later "Asset ID").
    asset[part] ??= text;
  };
  if ('cells' in row) {
    row.cells.forEach((cell, index) => {
      add(layout?.choices[index]?.field, cell);
      addAsset(layout?.choices[index]?.asset, cell);
    });
  } else if (layout) {
    for (const [key, values] of row.values) {
      if (!layout.byKey.has(key)) layout.byKey.set(key, fieldForLateColumn(key, layout.map));
      if (!layout.assetByKey.has(key)) layout.assetByKey.set(key, assetForLateColumn(key));
      for (const value of values) {
        add(layout.byKey.get(key), value);
        addAsset(layout.assetByKey.get(key), value);
      }
    }
  }
  const label = LABEL_ORDER.map((field) => fields[field]?.[0]).find((value) => value !== undefined);
  if (label === undefined) return rejected(row.origin, 'no value in any screened column', asset);
  const item: InventoryItem = { origin: row.origin, fields, label, ...(asset ? { asset } : {}) };
  return { kind: 'item', item };
}

/**
 * Why a row cannot be screened as it stands: a NUL character (binary data in a text file), a cell
 * over the cell cap, or a screened value over the value cap. Undefined when it is fine.
 */
function rowProblem(row: Exclude<RawRow, { error: string }>, layout: Layout | undefined, limits: IngestLimits): string | undefined {
  const check = (column: string, value: string | undefined, screened: boolean): string | undefined => {
    if (!value) return undefined;
    if (value.length > limits.maxCellChars) return `column "${column}" holds ${count(value.length)} characters, more than the cap of ${count(limits.maxCellChars)} per cell`;
    if (value.includes('\0')) return `column "${column}" holds a NUL character (binary data in a text file)`;
    const length = screened ? value.trim().length : 0;
    if (length > limits.maxValueChars) return `column "${column}": a value of ${count(length)} characters is longer than the cap of ${count(limits.maxValueChars)} for a screened value`;
    return undefined;
  };
  if ('cells' in row) {
    for (const [index, cell] of row.cells.entries()) {
      const choice = layout?.choices[index];
      const problem = check(choice?.column ?? `column ${index + 1}`, cell, Boolean(choice?.field));
      if (problem) return problem;
    }
  } else if ('values' in row) {
    for (const [key, values] of row.values) {
      for (const value of values) {
        const field = layout ? (layout.byKey.has(key) ? layout.byKey.get(key) : fieldForLateColumn(key, layout.map)) : undefined;
        const problem = check(key, value, field !== undefined);
        if (problem) return problem;
      }
    }
  } else {
    for (const [field, values] of Object.entries(row.fields)) {
      for (const value of values ?? []) {
        const problem = check(field, value, true);
        if (problem) return problem;
      }
    }
  }
  return undefined;
}

function fixedRecord(row: Extract<RawRow, { fields: unknown }>): IngestRecord {
  const fields: Partial<Record<FieldKind, string[]>> = {};
  for (const [field, values] of Object.entries(row.fields) as [FieldKind, string[]][]) {
    const distinct = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ''))];
    if (distinct.length > 0) fields[field] = distinct;
  }
  const label = row.label ?? LABEL_ORDER.map((field) => fields[field]?.[0]).find((value) => value !== undefined);
  if (Object.keys(fields).length === 0 || label === undefined) return rejected(row.origin, `nothing to screen${row.label ? ` in ${row.label}` : ''}`);
  return { kind: 'item', item: { origin: row.origin, fields, label } };
}

function rejected(origin: Origin, error: string, asset?: AssetIdentity): IngestRecord {
  return { kind: 'rejected', row: { origin, error, ...(asset ? { asset } : {}) } };
}

/** A row with nothing in it at all: blank lines and empty spreadsheet rows are skipped silently. */
function isBlank(row: RawRow): boolean {
  if ('error' in row || 'fields' in row) return false;
  if ('cells' in row) return row.cells.every((cell) => !cell?.trim());
  return [...row.values.values()].every((values) => values.every((value) => !value.trim()));
}

/** A sampled value, unless empty or over the value cap (its row is rejected; it must not cost the detection time). */
function present(value: string | undefined): string[] {
  const text = value?.trim();
  return text && text.length <= DEFAULT_LIMITS.maxValueChars ? [text] : [];
}

/** Columns as a message lists them: the first twenty, and how many more (a file may have 200,000). */
export function listedColumns(columns: readonly string[]): string {
  const shown = columns.slice(0, LISTED_COLUMNS).map((column) => `"${column.length > 80 ? `${column.slice(0, 80)}…` : column}"`).join(', ');
  return columns.length > LISTED_COLUMNS ? `${shown} and ${columns.length - LISTED_COLUMNS} more` : shown;
}
const LISTED_COLUMNS = 20;
