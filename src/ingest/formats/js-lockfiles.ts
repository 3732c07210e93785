/**
 * Yarn's yarn.lock (v1, and Berry's from Yarn 2 on) and pnpm's pnpm-lock.yaml, read as npm package
 * URLs (pkg:npm/NAME@VERSION): every resolved package once, at the line of its entry. Packages of
 * the project itself (workspaces, links, local directories and files) are skipped: no registry
 * holds them.
 */
import type { Origin } from '../../model/item.js';
import { rowsOfLines } from './line-rows.js';
import { npmPackage, packageRow } from './purl-rows.js';
import type { RawRow, TextFormat } from './format.js';

/** An npm package name: an optional @scope/, then no spaces, slashes or leading dot or underscore. */
const NPM_NAME = /^(?:@[^\s/@]+\/)?[^\s/@._][^\s/@]*$/;
/** Protocols of packages that live in the project or beside it. */
const LOCAL_PROTOCOL = /^(?:workspace|link|portal|file|patch|exec):/;

/** Name and version once per file, and a name that is no npm name rejected. */
function packageRows(): (origin: Origin, name: string, version: string | undefined) => RawRow | undefined {
  const seen = new Set<string>();
  return (origin, name, version) => {
    if (!NPM_NAME.test(name)) return { origin, error: `"${name}" is not an npm package name` };
    const key = `${name}@${version ?? ''}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    return packageRow(origin, npmPackage(name, version));
  };
}

// ---- yarn.lock -----------------------------------------------------------------------------------

/**
 * An entry opens with its descriptors on an unindented line ('left-pad@^1.3.0, left-pad@~1.3.0:',
 * '"@alicloud/pop-core@npm:^1.7.13":') and gives `version "1.3.0"` (v1) or `version: 1.3.0` and
 * `resolution: "name@npm:1.3.0"` (Berry) on indented lines.
 */
export const yarnLockFormat: TextFormat = {
  async *tables(text, context) {
    yield { fixedColumns: { package: 'purl' }, rows: yarnRows(text, context.file) };
  },
};

interface YarnEntry {
  origin: Origin;
  descriptor: string;
  version?: string;
  resolution?: string;
}

async function* yarnRows(text: AsyncIterable<string>, file: string): AsyncGenerator<RawRow> {
  const row = packageRows();
  let entry: YarnEntry | undefined;
  const close = (): RawRow | undefined => {
    const closing = entry;
    entry = undefined;
    return closing && yarnEntryRow(closing, row);
  };
  yield* rowsOfLines(text, file, (line, origin) => {
    if (line.trim() === '' || line.startsWith('#')) return undefined;
    if (!/^\s/.test(line)) {
      const closed = close();
      const header = /^(.+):\s*$/.exec(line);
      if (!header) return [closed, { origin, error: 'not an entry of a yarn.lock ("name@range:")' }].filter((r): r is RawRow => r !== undefined);
      if (header[1] !== '__metadata') entry = { origin, descriptor: (header[1] as string).split(',')[0]?.trim().replace(/^"|"$/g, '') ?? '' };
      return closed;
    }
    const field = /^ {2}(version|resolution):? +"?([^"]*)"?\s*$/.exec(line);
    if (entry && field) entry[field[1] as 'version' | 'resolution'] = field[2];
    return undefined;
  });
  const last = close();
  if (last) yield last;
}

function yarnEntryRow(entry: YarnEntry, row: ReturnType<typeof packageRows>): RawRow | undefined {
  // Berry names what was installed in `resolution`; v1 only in the descriptor ("name@range").
  const resolved = splitDescriptor(entry.resolution ?? entry.descriptor);
  if (!resolved) return { origin: entry.origin, error: `"${entry.resolution ?? entry.descriptor}" names no package (NAME@RANGE)` };
  let { name, range } = resolved;
  // An alias ("pop@npm:@alicloud/pop-core@^1.7.13") installs the package it names.
  const alias = /^npm:(.+)$/.exec(range);
  if (alias) {
    const target = splitDescriptor(alias[1] as string);
    if (target && NPM_NAME.test(target.name)) ({ name, range } = target);
  }
  if (LOCAL_PROTOCOL.test(range)) return undefined;
  if (!entry.version) return { origin: entry.origin, error: `package "${name}" has no version` };
  return row(entry.origin, name, entry.version);
}

/** "name@range", the name possibly scoped ("@scope/name@range"). */
function splitDescriptor(descriptor: string): { name: string; range: string } | undefined {
  const at = descriptor.indexOf('@', 1);
  if (at < 1) return undefined;
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

// ---- pnpm-lock.yaml ------------------------------------------------------------------------------

/**
 * The keys of the top-level `packages:` map: '/left-pad/1.3.0' and '/@scope/name/1.0.0_peer@2.0.0'
 * (lockfile 5), '/left-pad@1.3.0' (6), 'left-pad@1.3.0' and 'name@1.0.0(peer@2.0.0)' (9). A
 * version that is a URL or a path (a tarball, a git commit) is left out.
 */
export const pnpmLockFormat: TextFormat = {
  async *tables(text, context) {
    const row = packageRows();
    let inPackages = false;
    yield {
      fixedColumns: { package: 'purl' },
      rows: rowsOfLines(text, context.file, (line, origin) => {
        if (/^\S/.test(line)) {
          inPackages = /^packages:\s*$/.test(line);
          return undefined;
        }
        const key = inPackages ? /^ {2}(\S.*?):\s*$/.exec(line)?.[1] : undefined;
        // Lockfiles 5 and 6 key a package from a git host or a tarball URL by that URL ("github.com/…").
        if (key === undefined || /^[\w.-]+\.[a-z]{2,}\//i.test(key)) return undefined;
        const entry = pnpmPackage(key.replace(/^(['"])(.*)\1$/, '$2'));
        if (!entry) return { origin, error: `"${key}" is not a package of a pnpm lock file (NAME@VERSION)` };
        if (LOCAL_PROTOCOL.test(entry.version)) return undefined;
        return row(origin, entry.name, /^\d/.test(entry.version) ? entry.version : undefined);
      }),
    };
  },
};

function pnpmPackage(key: string): { name: string; version: string } | undefined {
  // Lockfile 5: "/name/version" with peers after "_".
  const v5 = /^\/((?:@[^/]+\/)?[^/@]+)\/([^/_(]+)(?:_.*)?$/.exec(key);
  if (v5) return { name: v5[1] as string, version: v5[2] as string };
  const descriptor = splitDescriptor(key.replace(/^\//, '').replace(/\(.*$/, ''));
  return descriptor && { name: descriptor.name, version: descriptor.range };
}
