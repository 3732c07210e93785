/**
 * Lines for formats read as whole documents (SBOM JSON and XML): the parser gives values, not
 * positions, so each value is found again in the text, moving forward in document order.
 */
export class LineLocator {
  private offset = 0;
  private line = 1;

  constructor(private readonly text: string) {}

  /** The line of the next occurrence of `needle` from the last position found; the last line when absent. */
  lineOf(needle: string | undefined): number {
    if (!needle) return this.line;
    const at = this.text.indexOf(needle, this.offset);
    if (at < 0) return this.line;
    for (let i = this.offset; i < at; i++) if (this.text.charCodeAt(i) === 10) this.line++;
    this.offset = at;
    return this.line;
  }
}

/** The 1-based line and column of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse with the position of a syntax error given as line and column. */
export function parseJsonDocument(text: string): { ok: true; value: unknown } | { ok: false; error: string; line?: number } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    if (!at) return { ok: false, error: `not valid JSON: ${message}` };
    const { line, column } = positionOf(text, Number(at[1]));
    return { ok: false, error: `not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`, line };
  }
}
