/**
 * `adb shell pm list packages` output, with or without -f (APK path), -i (installer) and -U (uid):
 * "package:com.tencent.mm", "package:/data/app/…/base.apk=com.tencent.mm installer=…".
 */
import { rowsOfLines } from './line-rows.js';
import type { RawRow, TextFormat } from './format.js';

const ANDROID_PACKAGE = /^[a-zA-Z][\w]*(\.[\w]+)+$/;

export const adbPackagesFormat: TextFormat = {
  async *tables(text, context) {
    yield { fixedColumns: { package: 'app', installer: 'unused' }, rows: adbRows(text, context.file) };
  },
};

function adbRows(text: AsyncIterable<string>, file: string): AsyncGenerator<RawRow> {
  return rowsOfLines(text, file, (line, origin) => {
    const entry = line.trim();
    if (entry === '') return undefined;
    const name = adbPackageName(entry);
    return name ? { origin, fields: { app: [name] }, label: name } : { origin, error: 'not a "package:NAME" line of pm list packages' };
  });
}

/** The package name of one line, or undefined when the line is not a pm list packages entry. */
export function adbPackageName(entry: string): string | undefined {
  if (!entry.startsWith('package:')) return undefined;
  const rest = entry.slice('package:'.length);
  const name = /\.apk=(\S+)/.exec(rest)?.[1] ?? rest.split(/\s+/, 1)[0] ?? '';
  return ANDROID_PACKAGE.test(name) ? name : undefined;
}
