/**
 * Gradle, read as Maven package URLs (pkg:maven/GROUP/NAME[@VERSION]): the dependencies a build
 * script declares (Groovy build.gradle, Kotlin build.gradle.kts), the modules a dependency lock file
 * pins (gradle.lockfile), and the libraries of a version catalog (gradle/libs.versions.toml).
 */
import { parse as parseToml } from 'smol-toml';
import { InputError, type Origin } from '../../model/item.js';
import { rowsOfLines } from './line-rows.js';
import { mavenRow, wholeManifest } from './purl-rows.js';
import type { FormatContext, RawRow, TextFormat } from './format.js';

// ---- build scripts -------------------------------------------------------------------------------

/**
 * Each statement directly inside a `dependencies { }` block (of the project, `buildscript`,
 * `allprojects` …) is a declaration: `implementation 'g:n:v'`, `api("g:n:v")`, `kapt group: 'g',
 * name: 'n', version: 'v'`, `implementation(platform("g:n:v"))`. Closures after a declaration
 * (`exclude …`) and `constraints { }` are deeper, and not read. Each request in a `plugins { }`
 * block is a plugin's marker artifact.
 */
export const gradleScriptFormat: TextFormat = {
  async *tables(text, context) {
    yield { fixedColumns: { dependency: 'purl' }, rows: scriptRows(text, context) };
  },
};

/** A statement that spans lines (an argument list left open) is given up after this many. */
const MAX_STATEMENT_LINES = 20;

/** The code of a script between braces and semicolons, with where it starts and how deep it lies. */
interface Statement {
  text: string;
  origin: Origin;
  /** Directly inside a dependencies block (a dependency) or a plugins block (a plugin request). */
  declaration?: 'dependency' | 'plugin';
  /** A declaration whose parentheses were still open MAX_STATEMENT_LINES lines on. */
  unclosed?: boolean;
}

interface ScriptState {
  depth: number;
  /** The open dependencies and plugins blocks: the depth of their contents, and what they declare. */
  blocks: { depth: number; declares: 'dependency' | 'plugin' }[];
  inBlockComment: boolean;
  /** The code before the last brace, for a `dependencies` whose `{` is on the next line. */
  previous: string;
  /** A declaration whose parentheses are still open at the end of its line. */
  open?: { text: string; origin: Origin };
}

const UNCLOSED = 'a dependency declaration whose parenthesis is never closed';

async function* scriptRows(text: AsyncIterable<string>, context: FormatContext): AsyncGenerator<RawRow> {
  const state: ScriptState = { depth: 0, blocks: [], inBlockComment: false, previous: '' };
  let references = 0;
  yield* rowsOfLines(text, context.file, (line, origin) =>
    statementsOfLine(line, origin, state).flatMap((statement): RawRow[] => {
      if (statement.unclosed) return [{ origin: statement.origin, error: UNCLOSED }];
      if (!statement.declaration) return [];
      const outcome = statement.declaration === 'plugin' ? pluginRows(statement.text, statement.origin) : declarationRows(statement.text, statement.origin);
      if (outcome !== 'reference') return outcome;
      references++;
      return [];
    }),
  );
  if (state.open) yield { origin: state.open.origin, error: UNCLOSED };
  if (references > 0) {
    context.notice?.(`${references} ${references === 1 ? 'dependency is' : 'dependencies are'} named by a variable or a version-catalog accessor (libs.…), not by a coordinate; scan the version catalog (gradle/libs.versions.toml) or gradle.lockfile for them`);
  }
}

/** Splits one line into statements at braces and semicolons, outside strings and comments. */
function statementsOfLine(line: string, origin: Origin, state: ScriptState): Statement[] {
  const statements: Statement[] = [];
  let code = '';
  let quote: string | undefined;
  const flush = (atLineEnd: boolean): void => {
    const block = state.blocks.at(-1);
    const declaration = block?.depth === state.depth ? block.declares : undefined;
    const open = state.open;
    state.open = undefined;
    const text = open ? `${open.text} ${code}` : code;
    const from = open?.origin ?? origin;
    code = '';
    if (text.trim() === '') return;
    if (atLineEnd && declaration && openParentheses(text) > 0) {
      if (origin.line - from.line + 1 < MAX_STATEMENT_LINES) state.open = { text, origin: from };
      else statements.push({ text, origin: from, declaration, unclosed: true });
      return;
    }
    state.previous = text;
    statements.push({ text, origin: from, declaration });
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    const next = line[i + 1];
    if (state.inBlockComment) {
      if (c === '*' && next === '/') {
        state.inBlockComment = false;
        i++;
      }
    } else if (quote) {
      code += c;
      if (c === '\\' && next !== undefined) {
        code += next;
        i++;
      } else if (c === quote) quote = undefined;
    } else if (c === '/' && next === '/') {
      break;
    } else if (c === '/' && next === '*') {
      state.inBlockComment = true;
      i++;
    } else if (c === '"' || c === "'") {
      quote = c;
      code += c;
    } else if (c === '{') {
      const opener = code.trim() === '' ? state.previous : code;
      const enclosing = state.blocks.at(-1);
      const inDeclarations = enclosing?.depth === state.depth;
      flush(false);
      state.depth++;
      // A condition inside a dependencies or plugins block declares as the block does.
      if (/(?:^|[^\w.])dependencies\s*$/.test(opener)) state.blocks.push({ depth: state.depth, declares: 'dependency' });
      else if (/(?:^|[^\w.])plugins\s*$/.test(opener)) state.blocks.push({ depth: state.depth, declares: 'plugin' });
      else if (inDeclarations && enclosing && CONDITION.test(opener)) state.blocks.push({ depth: state.depth, declares: enclosing.declares });
    } else if (c === '}') {
      flush(false);
      if (state.blocks.at(-1)?.depth === state.depth) state.blocks.pop();
      state.depth = Math.max(0, state.depth - 1);
    } else if (c === ';') {
      flush(false);
    } else {
      code += c;
    }
  }
  flush(true);
  return statements;
}

/** Opening minus closing parentheses outside strings. */
function openParentheses(code: string): number {
  const bare = code.replace(STRING_LITERAL, '""');
  return (bare.match(/\(/g)?.length ?? 0) - (bare.match(/\)/g)?.length ?? 0);
}

/** A Groovy or Kotlin string literal, single- or double-quoted, with its escapes. */
const STRING_LITERAL = /(['"])((?:\\.|(?!\1)[^\\])*)\1/g;
/** `if (…)`, `else if (…)`, `else`: what opens a block that is part of the enclosing one. */
const CONDITION = /^\s*(?:}\s*)?(?:else\s+)?(?:if\s*\([\s\S]*\)|else)\s*$/;
/** Words that open a statement other than a declaration. */
const NOT_CONFIGURATIONS = new Set(['def', 'val', 'var', 'if', 'else', 'for', 'while', 'return', 'println', 'apply', 'import', 'exclude', 'configurations', 'constraints', 'components', 'modules']);
/** Calls that name something local to the build, which no package index holds. */
const LOCAL_DEPENDENCY = /^(?:project|files|fileTree|gradleApi|localGroovy|gradleTestKit)\s*\(/;
/** Wrappers that still name a module: a platform (BOM) or a module's test fixtures. */
const MODULE_WRAPPER = /^(?:platform|enforcedPlatform|testFixtures)\s*\(([\s\S]*)\)$/;

/**
 * The rows of one declaration; 'reference' when it names its module through a variable or an
 * accessor; [] for a statement that declares nothing, or a project or file dependency.
 */
function declarationRows(statement: string, origin: Origin): RawRow[] | 'reference' {
  const declaration = /^\s*([A-Za-z_]\w*)(?!\w)\s*([('"A-Za-z_][\s\S]*?)\s*$/.exec(statement);
  if (!declaration || NOT_CONFIGURATIONS.has(declaration[1] as string)) return [];
  let args = unwrap(declaration[2] as string);
  // add("implementation", "g:n:v"): the configuration is the first argument.
  if (declaration[1] === 'add') args = args.replace(/^(['"])[^'"]*\1\s*,\s*/, '');
  return argumentRows(args, origin);
}

function argumentRows(text: string, origin: Origin): RawRow[] | 'reference' {
  const args = unwrap(text);
  if (LOCAL_DEPENDENCY.test(args)) return [];
  const wrapped = MODULE_WRAPPER.exec(args);
  if (wrapped) return argumentRows(wrapped[1] as string, origin);
  if (/(?:^|[\s,(])(?:group|name|version)\s*[:=]/.test(args)) return mapNotationRows(args, origin);
  const strings = [...args.matchAll(STRING_LITERAL)].map((match) => match[2] as string);
  // Anything beside string literals (an identifier, an accessor, another call) is a reference.
  if (strings.length === 0 || args.replace(STRING_LITERAL, '').replace(/[\s,[\]]/g, '') !== '') return 'reference';
  const rows: RawRow[] = [];
  for (const value of strings) {
    const row = coordinateRow(value, origin);
    if (row === 'reference') return 'reference';
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * A plugin request, `id 'com.huawei.agconnect' version '1.9.1.300'` or `id("…") version "…"`,
 * resolves to the plugin's marker artifact ID:ID.gradle.plugin, as Gradle resolves it. Gradle's own
 * plugins (`java-library`, `application`, `kotlin("android")`) have no dotted id and no package.
 */
function pluginRows(statement: string, origin: Origin): RawRow[] | 'reference' {
  const request = /^\s*id\s*\(?\s*(['"])([^'"]+)\1\s*\)?\s*(?:version\s*\(?\s*(['"])([^'"]*)\3\s*\)?)?(?:\s+apply\s*\(?\s*(?:true|false)\s*\)?)?\s*$/.exec(statement);
  if (!request) return /^\s*(?:id|alias)\b/.test(statement) ? 'reference' : [];
  const id = request[2] as string;
  if (!id.includes('.')) return [];
  return [mavenRow(origin, id, `${id}.gradle.plugin`, literalVersion(request[4]))];
}

/** The arguments without the parentheses around them all. */
function unwrap(args: string): string {
  const trimmed = args.trim();
  if (!trimmed.startsWith('(') || !trimmed.endsWith(')')) return trimmed;
  // Only when the first parenthesis is closed by the last one: not "(a) + (b)".
  let depth = 0;
  const bare = trimmed.replace(STRING_LITERAL, (literal) => '"'.padEnd(literal.length - 1, ' ') + '"');
  for (let i = 0; i < bare.length; i++) {
    if (bare[i] === '(') depth++;
    else if (bare[i] === ')' && --depth === 0 && i < bare.length - 1) return trimmed;
  }
  return trimmed.slice(1, -1).trim();
}

/**
 * "group:name", "group:name:version", "group:name:version:classifier", each with an optional
 * "@extension". No group (":name@aar") is a file from a flat directory; a `$` in the group or name
 * is a reference, in the version a version left out.
 */
function coordinateRow(value: string, origin: Origin): RawRow | 'reference' | undefined {
  const parts = (value.split('@')[0] as string).split(':');
  const [group, name, version] = parts as [string, string | undefined, string | undefined];
  if (group.includes('$') || name?.includes('$')) return 'reference';
  if (parts.length < 2 || parts.length > 4) return { origin, error: `"${value}" is not a Maven coordinate (GROUP:NAME[:VERSION[:CLASSIFIER]])` };
  if (group === '') return undefined;
  if (!name) return { origin, error: `"${value}" has no artifact name (GROUP:NAME[:VERSION])` };
  return mavenRow(origin, group, name, literalVersion(version));
}

/** `group: 'g', name: 'n', version: 'v'` (Groovy) or `group = "g", name = "n"` (Kotlin). */
function mapNotationRows(args: string, origin: Origin): RawRow[] | 'reference' {
  const entries = new Map<string, string>();
  for (const match of args.matchAll(/(\w+)\s*[:=]\s*(['"])((?:\\.|(?!\2)[^\\])*)\2/g)) entries.set(match[1] as string, match[3] as string);
  const group = entries.get('group');
  const name = entries.get('name');
  if (group?.includes('$') || name?.includes('$')) return 'reference';
  // name and ext without a group: a file in a flat directory repository ("libs/alipaySdk.aar").
  if (group === undefined && name !== undefined) return [];
  if (group === undefined || name === undefined) return /\b(?:group|name)\s*[:=]\s*['"]/.test(args) ? [{ origin, error: 'a dependency in map notation needs both group and name as strings' }] : 'reference';
  return [mavenRow(origin, group, name, literalVersion(entries.get('version')))];
}

/** The version when it is written out: "1.2!!" (strictly) is 1.2; a `$` reference is no version. */
function literalVersion(version: string | undefined): string | undefined {
  if (!version || version.includes('$')) return undefined;
  return version.replace(/!!$/, '');
}

// ---- gradle.lockfile -----------------------------------------------------------------------------

/** "com.tencent.bugly:crashreport:4.1.9=debugRuntimeClasspath,releaseRuntimeClasspath"; "empty=…" lists configurations without any. */
export const gradleLockfileFormat: TextFormat = {
  async *tables(text, context) {
    yield {
      fixedColumns: { module: 'purl' },
      rows: rowsOfLines(text, context.file, (line, origin) => {
        const entry = line.trim();
        if (entry === '' || entry.startsWith('#') || entry.startsWith('empty=')) return undefined;
        const match = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)=\S*$/.exec(entry);
        if (!match) return { origin, error: 'not a locked module (GROUP:NAME:VERSION=CONFIGURATIONS)' };
        return mavenRow(origin, match[1] as string, match[2] as string, match[3]);
      }),
    };
  },
};

// ---- version catalog -----------------------------------------------------------------------------

/**
 * gradle/libs.versions.toml: each entry of `[libraries]`, as "group:name:version", or a table with
 * `module = "group:name"` (or `group` and `name`) and a version written out, as `version.ref` to
 * `[versions]`, or as a rich version (`strictly`, `require`, `prefer`). Plugins and bundles name no
 * further modules.
 */
export const gradleVersionCatalogFormat: TextFormat = {
  async *tables(text, context) {
    const document = await wholeManifest(text, context.file);
    let catalog: Record<string, unknown>;
    try {
      catalog = parseToml(document) as Record<string, unknown>;
    } catch (error) {
      const line = (error as { line?: number }).line;
      const reason = ((error as Error).message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
      throw new InputError(context.file, `not valid TOML${line ? ` at line ${line}` : ''}: ${reason}`);
    }
    yield { fixedColumns: { library: 'purl' }, rows: catalogRows(catalog, document, context.file) };
  },
};

type TomlTable = Record<string, unknown>;
const isTable = (value: unknown): value is TomlTable => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

async function* catalogRows(catalog: TomlTable, document: string, file: string): AsyncGenerator<RawRow> {
  const versions = isTable(catalog.versions) ? catalog.versions : {};
  const libraries = isTable(catalog.libraries) ? catalog.libraries : {};
  const lines = libraryLines(document);
  for (const [alias, value] of libraryEntries(libraries)) {
    yield libraryRow(value, versions, { file, line: lines.get(alias) ?? lines.get('') ?? 1 }, alias);
  }
}

/** The catalog's libraries by alias; a dotted alias (`androidx.core = …`) is a nested table in TOML. */
function* libraryEntries(table: TomlTable, prefix = ''): Generator<[string, unknown]> {
  for (const [key, value] of Object.entries(table)) {
    const alias = prefix + key;
    if (isTable(value) && !('module' in value) && !('group' in value) && !('name' in value)) yield* libraryEntries(value, `${alias}.`);
    else yield [alias, value];
  }
}

function libraryRow(value: unknown, versions: TomlTable, origin: Origin, alias: string): RawRow {
  if (typeof value === 'string') {
    const parts = value.split(':');
    if (parts.length !== 3) return { origin, error: `library "${alias}": "${value}" is not GROUP:NAME:VERSION` };
    return mavenRow(origin, parts[0] as string, parts[1] as string, parts[2]);
  }
  if (!isTable(value)) return { origin, error: `library "${alias}" is neither a "group:name:version" string nor a table` };
  let group = value.group;
  let name = value.name;
  if (typeof value.module === 'string') {
    const parts = value.module.split(':');
    if (parts.length !== 2) return { origin, error: `library "${alias}": module "${value.module}" is not GROUP:NAME` };
    [group, name] = parts;
  }
  if (typeof group !== 'string' || typeof name !== 'string') return { origin, error: `library "${alias}" has neither a module nor a group and a name` };
  return mavenRow(origin, group, name, catalogVersion(value.version, versions));
}

/** "1.0"; { ref = "alias" } from [versions]; { strictly | require | prefer = "1.0" }; a reference [versions] lacks is no version. */
function catalogVersion(version: unknown, versions: TomlTable): string | undefined {
  if (typeof version === 'string') return version;
  if (!isTable(version)) return undefined;
  if (typeof version.ref === 'string') return catalogVersion(versions[version.ref], versions);
  for (const key of ['strictly', 'require', 'prefer']) if (typeof version[key] === 'string') return version[key];
  return undefined;
}

/** The line of each alias in [libraries] (the key "" for the section's own line), for the origins of rows. */
function libraryLines(document: string): Map<string, number> {
  const lines = new Map<string, number>();
  let inLibraries = false;
  document.split(/\r\n|\n|\r/).forEach((text, index) => {
    const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(text);
    if (header) {
      const name = (header[1] as string).replace(/["']/g, '');
      inLibraries = name === 'libraries';
      if (inLibraries) lines.set('', index + 1);
      if (name.startsWith('libraries.')) lines.set(name.slice('libraries.'.length), index + 1);
      return;
    }
    const key = inLibraries ? /^\s*([\w.\-"']+?)\s*=/.exec(text) : undefined;
    if (key) lines.set((key[1] as string).replace(/["'\s]/g, ''), index + 1);
  });
  return lines;
}
