/**
 * Dependency manifests and lock files, read as package URLs: pip requirements files, Go's go.mod and
 * go.sum, and npm's package-lock.json. A line that names no package of an index (a URL, a local
 * path, an option the manifest gives its tool) is rejected with its reason, never screened as a name.
 */
import { InputError } from '../../model/item.js';
import { rowsOfLines } from './line-rows.js';
import { npmPackage, packageRow, wholeManifest } from './purl-rows.js';
import type { RawRow, TextFormat } from './format.js';

// ---- pip requirements ----------------------------------------------------------------------------

/** "requests==2.31.0", "aliyun-python-sdk-core>=2.13; python_version>'3'", "Flask[async]~=3.0". */
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?:(===?|~=|!=|>=|<=|>|<)\s*([^\s,;#]+))?\s*(?:,[^;#]*)?(?:;[^#]*)?(?:#.*)?$/;

export const pipRequirementsFormat: TextFormat = {
  async *tables(text, context) {
    yield { fixedColumns: { requirement: 'purl' }, rows: requirementRows(text, context.file) };
  },
};

function requirementRows(text: AsyncIterable<string>, file: string): AsyncGenerator<RawRow> {
  return rowsOfLines(text, file, (line, origin) => {
    const entry = line.trim();
    // Comments, blank lines, and options for pip itself (-r other.txt, --index-url …).
    if (entry === '' || entry.startsWith('#') || entry.startsWith('-')) return undefined;
    const match = REQUIREMENT.exec(entry);
    if (!match) return { origin, error: 'not a requirement NAME[==VERSION] (a URL or a local path names no package of an index)' };
    // PEP 503: names compare lower-cased, with runs of -, _ and . as one -.
    const name = (match[1] as string).toLowerCase().replace(/[-_.]+/g, '-');
    const pinned = match[2] === '==' || match[2] === '===' ? match[3] : undefined;
    return packageRow(origin, { type: 'pypi', name, ...(pinned && { version: pinned }) });
  });
}

// ---- Go modules ----------------------------------------------------------------------------------

/** go.mod: the modules of `require` lines and blocks; go.sum: each module version once (not its /go.mod line). */
export const goModFormat: TextFormat = {
  async *tables(text, context) {
    yield { fixedColumns: { module: 'purl' }, rows: goModRows(text, context.file) };
  },
};

const GO_MODULE_VERSION = /^(\S+)\s+(v\S+?)(\/go\.mod)?(?:\s+h1:\S+)?\s*(?:\/\/.*)?$/;

function goModRows(text: AsyncIterable<string>, file: string): AsyncGenerator<RawRow> {
  let block: string | undefined;
  return rowsOfLines(text, file, (line, origin) => {
    let entry = line.replace(/\/\/.*$/, '').trim();
    if (entry === '') return undefined;
    if (block !== undefined) {
      if (entry === ')') block = undefined;
      if (block !== 'require') return undefined;
    } else {
      const directive = /^(module|go|toolchain|require|replace|exclude|retract|godebug)\b\s*(.*)$/.exec(entry);
      if (directive) {
        if (directive[2] === '(') {
          block = directive[1];
          return undefined;
        }
        if (directive[1] !== 'require') return undefined;
        entry = directive[2] as string;
      }
    }
    const match = GO_MODULE_VERSION.exec(entry);
    if (!match) return { origin, error: 'not a module and version ("example.com/mod v1.2.3")' };
    // go.sum gives each version twice: the module's files, and its go.mod alone.
    if (match[3]) return undefined;
    // Written out rather than through packageurl-js, which fails on a module path of one segment.
    const purl = `pkg:golang/${match[1]}@${match[2]}`;
    return { origin, fields: { purl: [purl] }, label: purl };
  });
}

// ---- npm package-lock.json -----------------------------------------------------------------------

/**
 * package-lock.json (lockfileVersion 1, 2 or 3): every installed package once, by its name and
 * version, at the line of its entry. Version 2 and 3 list `packages` by install path
 * ("node_modules/@alicloud/pop-core"); version 1 nests `dependencies` by name.
 */
export const npmLockfileFormat: TextFormat = {
  async *tables(text, context) {
    yield { fixedColumns: { package: 'purl' }, rows: lockfileRows(text, context.file) };
  },
};

interface LockEntry {
  version?: unknown;
  link?: unknown;
  dependencies?: unknown;
}

async function* lockfileRows(text: AsyncIterable<string>, file: string): AsyncGenerator<RawRow> {
  const whole = await wholeManifest(text, file);
  let lock: { packages?: Record<string, LockEntry>; dependencies?: Record<string, LockEntry> };
  try {
    lock = JSON.parse(whole) as typeof lock;
  } catch (error) {
    throw new InputError(file, `not valid JSON: ${(error as Error).message}`);
  }
  const lines = keyLines(whole);
  const seen = new Set<string>();
  const entry = (name: string, value: LockEntry, key: string): RawRow | undefined => {
    const origin = { file, line: lines.get(key) ?? 1 };
    if (value.link === true) return undefined;
    if (typeof value.version !== 'string' || value.version === '') return { origin, error: `package "${name}" has no version` };
    const nameAndVersion = `${name}@${value.version}`;
    if (seen.has(nameAndVersion)) return undefined;
    seen.add(nameAndVersion);
    return packageRow(origin, npmPackage(name, value.version), nameAndVersion);
  };
  if (lock.packages && typeof lock.packages === 'object') {
    for (const [path, value] of Object.entries(lock.packages)) {
      // "" is the project itself; the name is what follows the last node_modules/.
      const at = path.lastIndexOf('node_modules/');
      if (at < 0 || !value || typeof value !== 'object') continue;
      const row = entry(path.slice(at + 'node_modules/'.length), value, path);
      if (row) yield row;
    }
    return;
  }
  const walk = function* (deps: Record<string, LockEntry>): Generator<RawRow> {
    for (const [name, value] of Object.entries(deps)) {
      if (!value || typeof value !== 'object') continue;
      const row = entry(name, value, name);
      if (row) yield row;
      if (value.dependencies && typeof value.dependencies === 'object') yield* walk(value.dependencies as Record<string, LockEntry>);
    }
  };
  if (lock.dependencies && typeof lock.dependencies === 'object') yield* walk(lock.dependencies);
}

/** The line of the first occurrence of each object key ("key": {), for the origins of lock entries. */
function keyLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let line = 1;
  let from = 0;
  for (const match of text.matchAll(/"((?:[^"\\\n]|\\.)*)"\s*:\s*\{/g)) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < (match.index ?? 0); i = text.indexOf('\n', i + 1)) line++;
    from = match.index ?? 0;
    const key = match[1] as string;
    if (!out.has(key)) out.set(key, line);
  }
  return out;
}
