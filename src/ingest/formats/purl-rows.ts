/**
 * What the manifest and lock-file readers share: a declared package becomes a row holding its
 * package URL, and a lock file too large to hold is refused before it is parsed.
 */
import { PackageURL } from 'packageurl-js';
import { InputError, type Origin } from '../../model/item.js';
import type { RawRow } from './format.js';

/** A package manifest is text of a few megabytes; a lock file is read whole to be parsed. */
export const MAX_MANIFEST_CHARS = 256 * 1024 * 1024;

/** The whole text of a manifest read as one document, refused past MAX_MANIFEST_CHARS. */
export async function wholeManifest(text: AsyncIterable<string>, file: string): Promise<string> {
  const parts: string[] = [];
  let length = 0;
  for await (const chunk of text) {
    length += chunk.length;
    if (length > MAX_MANIFEST_CHARS) throw new InputError(file, `a manifest or lock file over ${MAX_MANIFEST_CHARS / 1024 / 1024} MiB is not read`);
    parts.push(chunk);
  }
  return parts.join('');
}

export interface DeclaredPackage {
  type: 'maven' | 'cocoapods' | 'npm' | 'pypi';
  namespace?: string;
  name: string;
  /** Only an exact version: a range or a reference that was not resolved leaves it out. */
  version?: string;
  /** CocoaPods: the subspec. */
  subpath?: string;
}

/**
 * The row of one declared package: its purl, spelled as the purl specification encodes it, labelled
 * by the purl unless the reader names the package otherwise.
 */
export function packageRow(origin: Origin, declared: DeclaredPackage, label?: string): RawRow {
  let purl: string;
  try {
    purl = new PackageURL(declared.type, declared.namespace, declared.name, declared.version, undefined, declared.subpath).toString();
  } catch (error) {
    return { origin, error: `not a package URL of ${declared.type}: ${(error as Error).message}` };
  }
  return { origin, fields: { purl: [purl] }, label: label ?? purl };
}

/** "@alicloud/pop-core" → scope and name, as the npm purl type spells them. */
export function npmPackage(name: string, version: string | undefined): DeclaredPackage {
  const scoped = /^(@[^/]+)\/(.+)$/.exec(name);
  return { type: 'npm', ...(scoped ? { namespace: scoped[1], name: scoped[2] as string } : { name }), ...(version && { version }) };
}

/** A Maven group id or artifact id (what Maven and Gradle accept in a coordinate). */
const MAVEN_ID = /^[A-Za-z0-9_.-]+$/;
/** A version Maven or Gradle would resolve to itself: not a range, a dynamic "1.+" or "latest.release". */
const EXACT_MAVEN_VERSION = /^(?!latest\.)[A-Za-z0-9_.-]+$/;

/**
 * The row of a Maven coordinate, or the reason it is none. A version that is not exact (a range,
 * "1.+", or text still holding an unresolved reference) is left out of the purl.
 */
export function mavenRow(origin: Origin, group: string, name: string, version: string | undefined): RawRow {
  if (!MAVEN_ID.test(group)) return { origin, error: `"${group}" is not a Maven group id (letters, digits, ".", "-" and "_")` };
  if (!MAVEN_ID.test(name)) return { origin, error: `"${name}" is not a Maven artifact id (letters, digits, ".", "-" and "_")` };
  const exact = version !== undefined && EXACT_MAVEN_VERSION.test(version) ? version : undefined;
  return packageRow(origin, { type: 'maven', namespace: group, name, ...(exact && { version: exact }) });
}
