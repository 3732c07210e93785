/**
 * Turning bytes into text: BOM-marked UTF-8/UTF-16, plain UTF-8, and a Windows-1252 fallback for
 * files that are not valid UTF-8 (typical of spreadsheets exported on Windows).
 */

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
 * encoding: text never contains NUL, and control characters other than whitespace are rare.
 */
export function looksBinary(sample: Buffer): boolean {
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) controls++;
  }
  return controls > sample.length * 0.05;
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
  // Each chunk is decoded whole (not in streaming mode) so that a failure can be retried as
  // Windows-1252 without losing bytes; a multi-byte sequence cut by the chunk end is carried over.
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let fallenBack = false;
  let carry: Buffer = Buffer.alloc(0);
  const decode = (data: Buffer): string => {
    if (!fallenBack) {
      try {
        return utf8.decode(data);
      } catch {
        fallenBack = true;
        onFallback();
      }
    }
    return decodeWindows1252(data);
  };
  for await (const chunk of bytes) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = fallenBack ? data.length : completeUtf8Length(data);
    carry = data.subarray(cut);
    if (cut > 0) yield decode(data.subarray(0, cut));
  }
  if (carry.length > 0) yield decode(carry);
}

/** Length of the prefix of `data` that does not end inside a UTF-8 multi-byte sequence. */
function completeUtf8Length(data: Buffer): number {
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
