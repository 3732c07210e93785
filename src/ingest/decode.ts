/**
 * Turning bytes into text: BOM-marked UTF-8/UTF-16, plain UTF-8, and a Windows-1252 fallback for
 * files that are not valid UTF-8 (typical of spreadsheets exported on Windows).
 */
import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding a byte-order mark announces, if the text starts with one. */
export function encodingFromBom(head: Buffer): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomLength: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

/**
 * True when the sample looks like binary data rather than text in a single-byte or UTF-8
 * encoding: control characters other than whitespace are rare in text, and NUL rarer still. A few
 * stray NULs do not make a file binary: the rows holding them are rejected, each with its line.
 */
export function looksBinary(sample: Buffer): boolean {
  let controls = 0;
  let nuls = 0;
  for (const byte of sample) {
    if (byte === 0) nuls++;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) controls++;
  }
  return (nuls > 4 && nuls > sample.length * 0.01) || controls > sample.length * 0.05;
}

/** Bytes as `decodeText` decodes them: UTF-8 unless `latin`, which means Windows-1252. */
export interface TextPiece {
  bytes: Buffer;
  latin: boolean;
}

/**
 * Cuts a byte stream of UTF-8 text (BOM already stripped) into pieces that each decode whole: a
 * multi-byte sequence cut by a chunk's end is carried over. The first piece that is not valid UTF-8,
 * and every piece after it, is marked `latin` (`onFallback` is called once). Shared by the text
 * reader and the byte readers of logs, so that both decode every line the same way.
 */
export async function* utf8Pieces(bytes: AsyncIterable<Buffer>, onFallback: () => void): AsyncGenerator<TextPiece> {
  let latin = false;
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of bytes) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = latin ? data.length : completeUtf8Length(data);
    carry = data.subarray(cut);
    if (cut > 0) yield piece(data.subarray(0, cut));
  }
  if (carry.length > 0) yield piece(carry);

  function piece(data: Buffer): TextPiece {
    if (!latin && !isUtf8(data)) {
      latin = true;
      onFallback();
    }
    return { bytes: data, latin };
  }
}

/** The text of bytes[start, end) of a piece. */
export function decodePiece(bytes: Buffer, latin: boolean, start = 0, end = bytes.length): string {
  return latin ? decodeWindows1252(bytes.subarray(start, end)) : bytes.toString('utf8', start, end);
}

/**
 * Decodes a byte stream. `encoding` comes from a BOM (already stripped from the bytes) or is
 * undefined, meaning UTF-8 with a switch to Windows-1252 at the first invalid sequence.
 */
export async function* decodeText(
  bytes: AsyncIterable<Buffer>,
  encoding: 'utf-16le' | 'utf-16be' | undefined,
  onFallback: () => void,
): AsyncGenerator<string> {
  if (encoding) {
    const decoder = new TextDecoder(encoding, { ignoreBOM: true });
    for await (const chunk of bytes) yield decoder.decode(chunk, { stream: true });
    yield decoder.decode();
    return;
  }
  // Each piece is decoded whole (not in streaming mode) so that a failure can be read as
  // Windows-1252 without losing bytes.
  for await (const { bytes: data, latin } of utf8Pieces(bytes, onFallback)) yield decodePiece(data, latin);
}

/** Length of the prefix of `data` that does not end inside a UTF-8 multi-byte sequence. */
export function completeUtf8Length(data: Buffer): number {
  for (let back = 1; back <= Math.min(4, data.length); back++) {
    const byte = data[data.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? data.length - back : data.length;
  }
  return data.length;
}

/** Windows-1252 characters for bytes 0x80–0x9F; the rest of the code page is Latin-1. */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Node 20's TextDecoder('windows-1252') decodes as plain Latin-1 (0x80 is not €), hence by hand. */
function decodeWindows1252(data: Buffer): string {
  return data.toString('latin1').replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char);
}
