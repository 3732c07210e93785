/**
 * The XML of a workbook's parts as exceljs's streaming reader should get it. Two repairs, both
 * before its parser sees a byte:
 *
 * - **UTF-8 decoded as one stream.** exceljs decodes each chunk of a part on its own, so a character
 *   whose bytes a chunk boundary splits became two replacement characters: one Chinese name in a few
 *   hundred of a large workbook was garbled ("华为技���有限公司") and met nothing.
 * - **Cell references where the file leaves them out.** A row's `r` and a cell's `r` are optional in
 *   the format (ECMA-376 Part 1, §18.3.1.73 and §18.3.1.4: the row after the last, the column after
 *   the last); exceljs requires them and failed on such workbooks. The missing ones are written in.
 *
 * And one check: a worksheet cut short inside an intact archive is an error, not the rows before
 * the cut read as the whole sheet.
 */
import { PassThrough, type Readable } from 'node:stream';

/** The text of a part's bytes, decoded across chunk boundaries. */
export async function* decodedText(chunks: AsyncIterable<Buffer | string> | Readable): AsyncGenerator<string> {
  const source: AsyncIterable<Buffer | string> = Symbol.asyncIterator in chunks ? chunks : (chunks as Readable).pipe(new PassThrough());
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** A `<row …>` or `<c …>` start tag (not `<rowBreaks>`, `<col>`, `<cfRule>`), with its attributes. */
const ROW_OR_CELL = /<(row|c)((?:\s[^>]*?)?)(\/?)>/g;
const REFERENCE = /\sr\s*=\s*["']([^"']*)["']/;
const LONGEST_TAG = 64 * 1024;
const WORKSHEET_END = /<\/(?:[\w.-]+:)?worksheet\s*>\s*$/;

/** A worksheet's XML with every row and cell carrying its reference; an error where it is cut short. */
export async function* withCellReferences(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let row = 0;
  let column = 0;
  let carried = '';
  const rewrite = (xml: string) =>
    xml.replace(ROW_OR_CELL, (tag: string, name: string, attributes: string, selfClosing: string) => {
      const given = REFERENCE.exec(attributes)?.[1];
      if (name === 'row') {
        const number = given === undefined ? NaN : Number(given);
        row = Number.isInteger(number) && number > 0 ? number : row + 1;
        column = 0;
        return given === undefined ? `<row r="${row}"${attributes}${selfClosing}>` : tag;
      }
      const letters = given === undefined ? undefined : /^([A-Za-z]{1,3})\d*$/.exec(given)?.[1];
      column = letters ? columnNumber(letters) : column + 1;
      return given === undefined ? `<c r="${columnLetters(column)}${row}"${attributes}${selfClosing}>` : tag;
    });
  let ending = '';
  for await (const text of texts) {
    ending = (ending + text).slice(-64);
    const all = carried + text;
    // A tag cut by the chunk boundary waits for the rest of it (no start tag is longer than this;
    // what is, is no tag of ours and is passed on for the parser to judge).
    const open = all.lastIndexOf('<');
    const cut = open > all.lastIndexOf('>') && all.length - open < LONGEST_TAG ? open : all.length;
    carried = all.slice(cut);
    if (cut > 0) yield rewrite(all.slice(0, cut));
  }
  if (carried) yield rewrite(carried);
  // exceljs reads what a cut-off sheet holds and says nothing: its rows after the cut would be lost.
  if (!WORKSHEET_END.test(ending)) throw new Error('a worksheet ends before its closing tag; is the file damaged or truncated?');
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  return out;
}
