/**
 * Lists of names written as bullets or with semicolons, read as the comma lists the extractor
 * reads elsewhere. Every rewrite keeps the text's length, so offsets into it stay valid.
 */

const BULLET_LINE = /^[ \t]*(?:[•·▪◦*–-]|\(?\d{1,3}[.)]|\(?[a-z][.)])[ \t]+/;
/** A name: capitalised words (or numbers), with the small words names hold between them, and no verb. */
const ITEM = /^\s*(?:(?:and|or)\s+)?(?:the\s+)?[\p{Lu}\d][^\s;:]*(?:\s+(?:(?:of|and|&|for|the|de|in|on)\s+)?[\p{Lu}\d(][^\s;:]*){0,7}\s*[.,]?\s*$/u;
const STARTS_AS_ITEM = /^\s*(?:(?:and|or)\s+)?(?:the\s+)?[\p{Lu}\d]/u;

/**
 * "The companies added are:" and then one name a line after a bullet: the lines are items of the
 * sentence the colon ends, joined to it by commas.
 */
function joinBulletedItems(text: string): string {
  const lines = text.split('\n');
  const joined: string[] = [];
  const item = (line: string) => BULLET_LINE.test(line) && ITEM.test(line.replace(BULLET_LINE, '').replace(/[;,]\s*(?:and|or)?\s*$/, ''));
  const blank = (line: string | undefined) => line !== undefined && line.trim() === '';
  for (let i = 0; i < lines.length; i++) {
    let j = i + 1;
    let items = 0;
    // Blank lines may stand between the colon and the items, and between items.
    if (/:\s*$/.test(lines[i] as string)) {
      for (let k = i + 1; k < lines.length; k++) {
        if (item(lines[k] as string)) [items, j] = [items + 1, k + 1];
        else if (!blank(lines[k])) break;
      }
    }
    if (items < 2) {
      joined.push(`${lines[i]}${i < lines.length - 1 ? '\n' : ''}`);
      continue;
    }
    // Each newline before an item becomes a space and its bullet blanks; an item's closing ";" becomes a
    // comma, and an item that closes with none has its comma where the next item's bullet was.
    let run = lines[i] as string;
    for (let k = i + 1; k < j; k++) {
      const line = lines[k] as string;
      if (blank(line)) {
        run += ` ${line}`;
        continue;
      }
      const bullet = (BULLET_LINE.exec(line) as RegExpExecArray)[0];
      const needsComma = run.length > (lines[i] as string).length && /\S/.test(run.slice((lines[i] as string).length)) && !/,\s*(?:and|or)?\s*$/.test(run);
      run += ` ${needsComma ? `,${' '.repeat(bullet.length - 1)}` : ' '.repeat(bullet.length)}${line.slice(bullet.length).replace(/;(\s*(?:and|or)?\s*)$/, ',$1')}`;
    }
    joined.push(`${run}${j < lines.length ? '\n' : ''}`);
    i = j - 1;
  }
  return joined.join('');
}

/**
 * "added Sugon; Inspur; and Hikvision to the list", "the entities are: Sugon; Inspur; and Hikvision":
 * a semicolon between items of one list, not between clauses, when the part after it begins as a name
 * and either the part before it is a name (or ends with one after a colon) or the part after it is a
 * name followed by a further semicolon.
 */
function semicolonItems(line: string): string {
  const parts = line.split(';');
  if (parts.length < 2) return line;
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i++) {
    const [before, after] = [parts[i - 1] as string, parts[i] as string];
    const tailAfterColon = before.includes(':') ? before.slice(before.lastIndexOf(':') + 1) : undefined;
    const isItem = STARTS_AS_ITEM.test(after) && (ITEM.test(before) || (tailAfterColon !== undefined && ITEM.test(tailAfterColon)) || (ITEM.test(after) && i < parts.length - 1));
    out += (isItem ? ',' : ';') + after;
  }
  return out;
}

/** The text with its bulleted and semicolon lists of names joined by commas, at the same offsets. */
export function readListsAsCommas(text: string): string {
  return joinBulletedItems(text).split('\n').map(semicolonItems).join('\n');
}
