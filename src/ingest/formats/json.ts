/**
 * A JSON document holding an array of objects: the array itself, or the array under "items" (or
 * the only array of objects) of a top-level object. The document is read as a stream: a light
 * scanner finds where each element starts and ends, and only that element's text is kept and
 * parsed, so memory does not grow with the file, every element gets its line, and a broken element
 * is rejected on its own instead of failing the file. (Streaming parsers from npm stop at the first
 * syntax error, which would lose every row after one bad element.)
 */
import { InputError } from '../../model/item.js';
import { MAX_LINE_CHARS } from '../lines.js';
import type { RawRow, TextFormat } from './format.js';
import { describeJsonValue, isObject, objectValues, TooDeepError } from './objects.js';

export const jsonFormat: TextFormat = {
  async *tables(text, context) {
    yield { rows: jsonRows(new JsonStream(text, context.file), context.file) };
  },
};

/** An element of the item array: its text, or nothing when it was longer than the cap. */
interface Element {
  line: number;
  text?: string;
}

async function* jsonRows(stream: JsonStream, file: string): AsyncGenerator<RawRow> {
  for await (const { line, text } of stream.items()) {
    const origin = { file, line };
    if (text === undefined) {
      yield { origin, error: `the element is longer than ${MAX_LINE_CHARS / 1024 / 1024} MiB` };
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      yield { origin, error: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (!isObject(parsed)) {
      yield { origin, error: `expected a JSON object, found ${describeJsonValue(parsed)}` };
      continue;
    }
    try {
      yield { origin, values: objectValues(parsed) };
    } catch (error) {
      if (!(error instanceof TooDeepError)) throw error;
      yield { origin, error: error.message };
    }
  }
}

const SPACE = /[ \t\n\r]/;

/** Walks the structure of a JSON document read in chunks, keeping only the text of the element at hand. */
class JsonStream {
  private readonly chunks: AsyncIterator<string>;
  private buffer = '';
  private pos = 0;
  private line = 1;

  constructor(
    text: AsyncIterable<string>,
    private readonly file: string,
  ) {
    this.chunks = text[Symbol.asyncIterator]();
  }

  /** The elements of the item array, in order. */
  async *items(): AsyncGenerator<Element> {
    try {
      await this.skipSpace();
      const first = await this.peek();
      if (first === '[') yield* this.arrayElements();
      else if (first === '{') yield* this.itemsOfObject();
      else this.fail('expected an array of objects');
      await this.skipSpace();
      if ((await this.peek()) !== undefined) this.fail('unexpected text after the end of the JSON value');
    } finally {
      await this.chunks.return?.();
    }
  }

  /**
   * The array under "items", or the only array of objects. Its elements are given as they are read,
   * so a second array of objects found later is an error after the first one's rows.
   */
  private async *itemsOfObject(): AsyncGenerator<Element> {
    const arrays: string[] = [];
    let read: string | undefined;
    this.pos++;
    for (;;) {
      await this.skipSpace();
      if ((await this.peek()) === '}') break; // empty object or trailing comma
      if ((await this.peek()) !== '"') this.fail('expected a property name');
      const keyLine = this.line;
      const keyText = (await this.value(MAX_LINE_CHARS)).text;
      let key: string;
      try {
        key = JSON.parse(keyText ?? '') as string;
      } catch (error) {
        throw new InputError(this.file, `not valid JSON: the property name on line ${keyLine} is not a valid string (${(error as Error).message})`);
      }
      await this.skipSpace();
      if ((await this.peek()) !== ':') this.fail("expected ':'");
      this.pos++;
      await this.skipSpace();
      if ((await this.peek()) === '[' && (await this.arrayHoldsObjects())) {
        arrays.push(key);
        if (read !== undefined || (arrays.length > 1 && key === 'items')) {
          throw new InputError(this.file, `the JSON object has several array properties (${arrays.join(', ')}); expected an array of objects, or one under "items" before any other`);
        }
        read = key;
        yield* this.arrayElements();
      } else {
        await this.value(0);
      }
      await this.skipSpace();
      const next = await this.peek();
      if (next === ',') this.pos++;
      else if (next === '}') break;
      else this.fail("expected ',' or '}'");
    }
    this.pos++;
    if (read === undefined) throw new InputError(this.file, 'the JSON object has no array property; expected an array of objects, or one under "items"');
  }

  /** At a '[': whether its first element is an object (an empty array counts, as the old reader took it). */
  private async arrayHoldsObjects(): Promise<boolean> {
    let at = this.pos + 1;
    for (;;) {
      while (at < this.buffer.length && SPACE.test(this.buffer[at] ?? '')) at++;
      if (at < this.buffer.length) return this.buffer[at] === '{' || this.buffer[at] === ']';
      if (!(await this.more())) return false;
      at = this.pos + 1; // more() moves the buffer's start to this.pos; the '[' is still there
      // Whitespace already passed is rescanned; arrays rarely start with much of it.
    }
  }

  private async *arrayElements(): AsyncGenerator<Element> {
    this.pos++;
    for (;;) {
      await this.skipSpace();
      const next = await this.peek();
      if (next === ']') break;
      if (next === undefined) this.fail('the array is never closed');
      yield await this.value(MAX_LINE_CHARS);
      await this.skipSpace();
      const after = await this.peek();
      if (after === ',') this.pos++;
      else if (after !== ']') this.fail("expected ',' or ']' after an array element");
    }
    this.pos++;
  }

  /**
   * Moves past one value (a string, a bracketed structure or a bare literal), keeping its text
   * while it is at most `keep` characters long.
   */
  private async value(keep: number): Promise<Element> {
    const line = this.line;
    const opening = await this.peek();
    if (opening === undefined) this.fail('unexpected end of file');
    const bare = opening !== '"' && opening !== '{' && opening !== '[';
    let text: string | undefined = '';
    let depth = 0;
    let inString = false;
    let escaped = false;
    let segment = this.pos;
    const keepTo = (end: number): void => {
      if (text === undefined) return;
      text += this.buffer.slice(segment, end);
      if (text.length > keep) text = undefined;
    };
    for (;;) {
      const { buffer } = this;
      let i = this.pos;
      let done = false;
      for (; i < buffer.length; i++) {
        const c = buffer.charCodeAt(i);
        if (c === 10) this.line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) {
            inString = false;
            if (depth === 0) {
              i++;
              done = true;
              break;
            }
          }
        } else if (bare) {
          if (c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 93 || c === 125) {
            if (c === 10) this.line--; // not part of the value: skipSpace counts it
            done = true;
            break;
          }
        } else if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          depth--;
          if (depth === 0) {
            i++;
            done = true;
            break;
          }
        }
      }
      keepTo(i);
      this.pos = i;
      if (done) break;
      segment = 0;
      if (!(await this.more())) {
        if (bare) break;
        if (inString && depth === 0) this.fail(`the string starting on line ${line} is never closed`);
        this.fail(`the ${opening === '{' ? 'object' : opening === '[' ? 'array' : 'string'} starting on line ${line} is never closed`);
      }
      segment = this.pos;
    }
    if (bare && text === '') this.fail(`unexpected '${opening}'`);
    return text === undefined ? { line } : { line, text };
  }

  private async skipSpace(): Promise<void> {
    for (;;) {
      while (this.pos < this.buffer.length) {
        const c = this.buffer.charCodeAt(this.pos);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return;
        if (c === 10) this.line++;
        this.pos++;
      }
      if (!(await this.more())) return;
    }
  }

  private async peek(): Promise<string | undefined> {
    while (this.pos >= this.buffer.length) if (!(await this.more())) return undefined;
    return this.buffer[this.pos];
  }

  /** Drops the text before `pos` and appends the next chunk; false at the end of the text. */
  private async more(): Promise<boolean> {
    const next = await this.chunks.next();
    if (next.done) return false;
    this.buffer = this.buffer.slice(this.pos) + next.value;
    this.pos = 0;
    return true;
  }

  private fail(message: string): never {
    throw new InputError(this.file, `not valid JSON: ${message} (line ${this.line})`);
  }
}
