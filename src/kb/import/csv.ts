/**
 * A small RFC 4180 reader for the official list files. Unlike a strict parser it reports a quoted
 * field left open at the end of the file (a truncated download) as a problem and keeps every record
 * before it, and it gives each record the line it starts on.
 */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvResult {
  records: CsvRecord[];
  /** A record that could not be closed, e.g. `line 4233: quoted field not closed …`. */
  problems: { at: string; message: string }[];
}

export function readCsv(text: string, delimiter = ','): CsvResult {
  const records: CsvRecord[] = [];
  const problems: CsvResult['problems'] = [];
  const src = text.replace(/^\uFEFF/, '').replace(/\x1a+\s*$/, '');
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endCell();
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) endCell();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
      if (ch !== ' ') fieldStarted = true;
    }
  }
  if (quoted) problems.push({ at: `line ${recordLine}`, message: 'a quoted field is not closed before the end of the file (truncated file?); this record is left out' });
  else if (cell !== '' || cells.length > 0) endRecord();
  return { records, problems };
}
