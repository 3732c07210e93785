/**
 * Excel workbooks, read as a stream with exceljs: every worksheet is a table, the row number is
 * the line, and the sheet name goes into the origin.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { InputError } from '../../model/item.js';
import type { BinaryFormat, RawRow } from './format.js';
import { decodedText, withCellReferences } from './xlsx-text.js';

export const xlsxFormat: BinaryFormat = {
  async *tables(bytes, context) {
    // exceljs takes a fifth of a second to load; only workbooks pay for it.
    const { default: excel } = await import('exceljs');
    const reader = new (inArchiveOrder(excel.stream.xlsx.WorkbookReader))(Readable.from(bytes), {
      sharedStrings: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    let sheets = 0;
    const temporaryFiles: TemporaryFiles = { paths: new Set(), streams: [], removers: [] };
    try {
      for await (const worksheet of withTemporaryFiles(temporaryFiles, unlessStuck(reader))) {
        sheets++;
        // The streaming reader sets `name` from workbook.xml but its type declarations omit it.
        const sheet = (worksheet as unknown as { name?: string }).name ?? `sheet ${sheets}`;
        yield { sheet, rows: withTemporaryFiles(temporaryFiles, sheetRows(worksheet, sheet, context.file)) };
      }
    } catch (error) {
      throw unreadable(context.file, error);
    } finally {
      await closeAndRemove(temporaryFiles);
    }
    if (sheets === 0) throw new InputError(context.file, 'the ZIP archive holds no worksheet; is it an XLSX workbook?');
  },
};

/**
 * Each worksheet's and the shared strings' XML is decoded and completed first (see `xlsx-text.ts`).
 *
 * exceljs reads a worksheet at once when the shared strings and the workbook's relationships came
 * before it in the archive, and then looks its name up in `xl/workbook.xml` — which a writer may
 * put after the sheets (exceljs's own writer does so now and then): the read failed with "Cannot
 * read properties of undefined (reading 'sheets')". Until the workbook part has been read, the
 * relationships are withheld, so such a sheet is set aside like one that precedes the shared
 * strings and read, with its name, at the end. A set-aside sheet read when the archive ended with no
 * workbook part at all (every workbook has one) is an error: the file is cut short.
 */
function inArchiveOrder(Reader: typeof ExcelJS.stream.xlsx.WorkbookReader): typeof ExcelJS.stream.xlsx.WorkbookReader {
  type Internals = {
    model?: unknown;
    _parseWorksheet(iterator: unknown, sheetNo: string): AsyncGenerator<unknown>;
    _parseSharedStrings(entry: unknown): AsyncGenerator<unknown>;
  };
  const Base = Reader as unknown as new (...args: unknown[]) => Internals;
  class Ordered extends Base {
    private relationships: unknown;
    get workbookRels(): unknown {
      return this.model ? this.relationships : undefined;
    }
    set workbookRels(value: unknown) {
      this.relationships = value;
    }
    override async *_parseWorksheet(iterator: unknown, sheetNo: string): AsyncGenerator<unknown> {
      if (!this.model) throw new Error('the archive ends without its workbook part (xl/workbook.xml); is it truncated?');
      yield* super._parseWorksheet(withCellReferences(decodedText(iterator as AsyncIterable<Buffer>)), sheetNo);
    }
    override async *_parseSharedStrings(entry: unknown): AsyncGenerator<unknown> {
      yield* super._parseSharedStrings(Readable.from(decodedText(entry as Readable)));
    }
  }
  return Ordered as unknown as typeof ExcelJS.stream.xlsx.WorkbookReader;
}

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
 * exceljs keeps a worksheet that comes before the shared strings in the archive (Excel writes them
 * in that order) in a temporary file from the `tmp` package, written and read back through `fs` streams,
 * and removes it only once the sheet has been read: a workbook that failed later left the file, the
 * stream's open descriptor and an entry in tmp's exit list behind, read after read (a server ran out
 * of descriptors). `tmp.file` and the `fs` stream constructors are wrapped once so that each temporary
 * file and its streams are handed to the read they were made for (found through the async context),
 * which closes and removes whatever is left when it ends, however it ends.
 */
interface TemporaryFiles {
  paths: Set<string>;
  streams: (fs.ReadStream | fs.WriteStream)[];
  removers: (() => void)[];
}
type TmpFileCallback = (error: Error | null, path: string, fd: number, remove: () => void) => void;
const tmp = createRequire(import.meta.url)('tmp') as { file: (...args: unknown[]) => void };
const thisRead = new AsyncLocalStorage<TemporaryFiles>();
const createTemporaryFile = tmp.file;
tmp.file = (...args: unknown[]) => {
  const callback = args.pop() as TmpFileCallback;
  const files = thisRead.getStore();
  createTemporaryFile(...args, (error: Error | null, path: string, fd: number, remove: () => void) => {
    if (!error && files) {
      files.paths.add(path);
      files.removers.push(remove);
    }
    callback(error, path, fd, remove);
  });
};
const { createReadStream, createWriteStream } = fs;
const tracked = <S extends fs.ReadStream | fs.WriteStream>(stream: S, path: fs.PathLike): S => {
  const files = thisRead.getStore();
  if (files?.paths.has(String(path))) files.streams.push(stream);
  return stream;
};
fs.createReadStream = ((path: fs.PathLike, options?: Parameters<typeof fs.createReadStream>[1]) => tracked(createReadStream(path, options), path)) as typeof fs.createReadStream;
fs.createWriteStream = ((path: fs.PathLike, options?: Parameters<typeof fs.createWriteStream>[1]) => tracked(createWriteStream(path, options), path)) as typeof fs.createWriteStream;

/**
 * A stream may still be opening its file when the read ends: the file is removed only once every
 * stream has closed, or the open could fail on a file already gone and raise an error nobody hears.
 */
async function closeAndRemove(files: TemporaryFiles): Promise<void> {
  await Promise.all(
    files.streams.map((stream) => {
      const closed = once(stream, 'close').catch(() => {});
      (stream as NodeJS.EventEmitter).on('error', () => {}); // the read is over: what its temporary streams report no longer matters
      stream.destroy();
      return stream.closed ? undefined : closed;
    }),
  );
  for (const remove of files.removers) remove(); // each runs once, however often it is called
}

/** The values of `values`, each step taken with `files` as the read's temporary files. */
async function* withTemporaryFiles<T>(files: TemporaryFiles, values: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = values[Symbol.asyncIterator]();
  for (;;) {
    const next = await thisRead.run(files, () => iterator.next());
    if (next.done) return;
    yield next.value;
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
  // A TypeError is the library tripping over a damaged part: its wording says nothing to a user.
  const reason = message === 'FILE_ENDED' ? 'the ZIP archive ends early; is it truncated?' : error instanceof TypeError ? 'a part of the archive is damaged or missing' : message;
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
