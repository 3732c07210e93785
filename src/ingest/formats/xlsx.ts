/**
 * Excel workbooks, read as a stream with exceljs: every worksheet is a table, the row number is
 * the line, and the sheet name goes into the origin.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { InputError } from '../../model/item.js';
import type { BinaryFormat, RawRow } from './format.js';

export const xlsxFormat: BinaryFormat = {
  async *tables(bytes, context) {
    // exceljs takes a fifth of a second to load; only workbooks pay for it.
    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(bytes), {
      sharedStrings: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    let sheets = 0;
    try {
      for await (const worksheet of unlessStuck(reader)) {
        sheets++;
        // The streaming reader sets `name` from workbook.xml but its type declarations omit it.
        const sheet = (worksheet as unknown as { name?: string }).name ?? `sheet ${sheets}`;
        yield { sheet, rows: sheetRows(worksheet, sheet, context.file) };
      }
    } catch (error) {
      throw unreadable(context.file, error);
    }
    if (sheets === 0) throw new InputError(context.file, 'the ZIP archive holds no worksheet; is it an XLSX workbook?');
  },
};

async function* sheetRows(worksheet: ExcelJS.stream.xlsx.WorksheetReader, sheet: string, file: string): AsyncGenerator<RawRow> {
  try {
    for await (const row of unlessStuck(worksheet)) {
      // row.values is 1-based (index 0 is unused) and sparse.
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      yield { origin: { file, line: row.number, sheet }, cells: Array.from(values, cellText) };
    }
  } catch (error) {
    throw unreadable(file, error);
  }
}

/**
 * The values of an exceljs iterator, or an error once nothing is left that could ever give the next
 * one. On some corrupt archives exceljs waits for a stream event that never comes (an entry that
 * failed to inflate is piped on and never finishes); the event loop then runs empty, which Node
 * announces with 'beforeExit' on this thread (a worker's too), and the read fails instead of hanging.
 */
async function* unlessStuck<T>(values: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = values[Symbol.asyncIterator]();
  let onStuck: (() => void) | undefined;
  const stuck = new Promise<never>((_, reject) => {
    onStuck = () => reject(new Error('the reader stopped before the end of the archive; is the file corrupt?'));
  });
  stuck.catch(() => {}); // only awaited through the race below
  const listener = () => onStuck?.();
  process.on('beforeExit', listener);
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), stuck]);
      if (next.done) return;
      yield next.value;
    }
  } finally {
    process.off('beforeExit', listener);
  }
}

/** exceljs and its unzipper fail with plain errors on corrupt or truncated archives. */
function unreadable(file: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const reason = message === 'FILE_ENDED' ? 'the ZIP archive ends early; is it truncated?' : message;
  return new InputError(file, `not a readable XLSX workbook (${reason})`);
}

/** The text a cell shows: formulas give their cached result, rich text and hyperlinks their text. */
function cellText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object' || value === null) return undefined; // empty, boolean
  if ('richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  if ('result' in value) return cellText(value.result);
  if ('text' in value) return cellText(value.text);
  return undefined; // error values such as #N/A
}
