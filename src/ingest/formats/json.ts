/**
 * A JSON document holding an array of objects: the array itself, or the array under "items" (or
 * the only array property) of a top-level object. The document is read whole; a light scanner
 * finds where each element starts, so every element gets its line and a broken element is
 * rejected on its own instead of failing the file.
 */
import { InputError } from '../../model/item.js';
import type { RawRow, TextFormat } from './format.js';
import { describeJsonValue, isObject, objectValues } from './objects.js';

export const jsonFormat: TextFormat = {
  async *tables(text, context) {
    const parts: string[] = [];
    for await (const chunk of text) parts.push(chunk);
    const document = parts.join('');
    const elements = new JsonScanner(document, context.file).locateItems();
    yield { rows: jsonRows(document, elements, context.file) };
  },
};

interface ElementSpan {
  start: number;
  end: number;
  line: number;
}

async function* jsonRows(document: string, elements: ElementSpan[], file: string): AsyncGenerator<RawRow> {
  for (const { start, end, line } of elements) {
    const origin = { file, line };
    let parsed: unknown;
    try {
      parsed = JSON.parse(document.slice(start, end));
    } catch (error) {
      yield { origin, error: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (isObject(parsed)) yield { origin, values: objectValues(parsed) };
    else yield { origin, error: `expected a JSON object, found ${describeJsonValue(parsed)}` };
  }
}

/** Finds value boundaries without building values; only the structure around the items is checked. */
class JsonScanner {
  private pos = 0;
  private lineCountedTo = 0;
  private lineAtCounted = 1;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  /** The spans of the elements of the item array. */
  locateItems(): ElementSpan[] {
    this.skipSpace();
    const first = this.text[this.pos];
    let elements: ElementSpan[];
    if (first === '[') elements = this.arrayElements();
    else if (first === '{') elements = this.itemsOfObject();
    else this.fail('expected an array of objects');
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON value');
    return elements;
  }

  private itemsOfObject(): ElementSpan[] {
    const arrays = new Map<string, number>();
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === '}') break; // empty object or trailing comma
      if (this.text[this.pos] !== '"') this.fail('expected a property name');
      const keyStart = this.pos;
      this.skipValue();
      const key = JSON.parse(this.text.slice(keyStart, this.pos)) as string;
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail("expected ':'");
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === '[') arrays.set(key, this.pos);
      this.skipValue();
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] === '}') break;
      else this.fail("expected ',' or '}'");
    }
    const end = this.pos + 1;
    const start = arrays.get('items') ?? (arrays.size === 1 ? [...arrays.values()][0] : undefined);
    if (start === undefined) {
      const found = arrays.size === 0 ? 'no array property' : `several array properties (${[...arrays.keys()].join(', ')})`;
      throw new InputError(this.file, `the JSON object has ${found}; expected an array of objects, or one under "items"`);
    }
    this.pos = start;
    const elements = this.arrayElements();
    this.pos = end;
    return elements;
  }

  private arrayElements(): ElementSpan[] {
    const elements: ElementSpan[] = [];
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === ']') break;
      const start = this.pos;
      this.skipValue();
      elements.push({ start, end: this.pos, line: this.lineOf(start) });
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== ']') this.fail("expected ',' or ']' after an array element");
    }
    this.pos++;
    return elements;
  }

  /** Moves past one value: a string, a bracketed structure, or a bare literal. */
  private skipValue(): void {
    const start = this.pos;
    const opening = this.text[start];
    if (opening === '"') {
      this.skipString();
      return;
    }
    if (opening === '{' || opening === '[') {
      let depth = 0;
      while (this.pos < this.text.length) {
        const char = this.text[this.pos];
        if (char === '"') {
          this.skipString();
          continue;
        }
        if (char === '{' || char === '[') depth++;
        else if (char === '}' || char === ']') depth--;
        this.pos++;
        if (depth === 0) return;
      }
      this.fail(`the ${opening === '{' ? 'object' : 'array'} starting on line ${this.lineOf(start)} is never closed`);
    }
    while (this.pos < this.text.length && !/[\s,\]}]/.test(this.text[this.pos] ?? '')) this.pos++;
    if (this.pos === start) this.fail(`unexpected ${this.pos < this.text.length ? `'${opening}'` : 'end of file'}`);
  }

  private skipString(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const char = this.text[this.pos];
      if (char === '\\') this.pos += 2;
      else if (char === '"') {
        this.pos++;
        return;
      } else this.pos++;
    }
    this.fail(`the string starting on line ${this.lineOf(start)} is never closed`);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  /** 1-based line of a position; positions are mostly asked for in increasing order. */
  private lineOf(position: number): number {
    if (position < this.lineCountedTo) {
      this.lineCountedTo = 0;
      this.lineAtCounted = 1;
    }
    for (let i = this.lineCountedTo; i < position; i++) if (this.text.charCodeAt(i) === 10) this.lineAtCounted++;
    this.lineCountedTo = position;
    return this.lineAtCounted;
  }

  private fail(message: string): never {
    throw new InputError(this.file, `not valid JSON: ${message} (line ${this.lineOf(Math.min(this.pos, this.text.length))})`);
  }
}
