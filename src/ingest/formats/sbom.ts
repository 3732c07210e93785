/**
 * Software bills of materials: CycloneDX (JSON and XML, spec 1.2–1.6) and SPDX 2.x (JSON and
 * tag-value). Each component or package becomes one item: its purl, the organisations named as its
 * supplier, manufacturer, author or publisher, a Maven-style group as a Java package, and a name
 * that is a shared library's file name (`libBugly.so`, a CycloneDX `file` or `library`, an SPDX
 * file). Nested components are read too. CycloneDX and SPDX JSON are read as whole documents (an SBOM of 100,000
 * components is tens of megabytes); SPDX tag-value is read line by line.
 */
import { InputError, type FieldKind, type Origin } from '../../model/item.js';
import { splitLines } from '../lines.js';
import { LineLocator, parseJsonDocument } from '../locate.js';
import { childrenOf, parseXmlInput, textOf, type XmlNode } from '../xml.js';
import type { FormatContext, RawRow, TextFormat } from './format.js';
import { isObject } from './objects.js';

type Fields = Partial<Record<FieldKind, string[]>>;

/** What each SBOM property becomes, for the report's `columns`. */
const SBOM_COLUMNS: Record<string, FieldKind | 'unused'> = {
  purl: 'purl',
  supplier: 'name',
  manufacturer: 'name',
  author: 'name',
  publisher: 'name',
  group: 'package',
  name: 'library', // when it is a shared library's file name
  version: 'unused',
};

const SPDX_COLUMNS: Record<string, FieldKind | 'unused'> = {
  purl: 'purl',
  supplier: 'name',
  originator: 'name',
  name: 'library', // when it is a shared library's file name
  version: 'unused',
};

/** A Maven group or Java package ("com.umeng.umsdk"), which the package field screens. */
const DOTTED_GROUP = /^[a-z][\w-]*(\.[\w-]+)+$/i;
/** A shared library's file name or path, optionally versioned: libBugly.so, lib/arm64-v8a/libmmkv.so.1. */
const LIBRARY_FILE = /^(?:.*[/\\])?[^/\\\s]+\.so(?:\.\d+)*$/i;

interface Component {
  name?: string;
  group?: string;
  version?: string;
  purl?: string;
  organisations: string[];
}

function componentRow(component: Component, origin: Origin): RawRow {
  const fields: Fields = {};
  if (component.purl) fields.purl = [component.purl];
  const organisations = component.organisations.filter((name) => name.trim() !== '');
  if (organisations.length > 0) fields.name = organisations;
  if (component.group && DOTTED_GROUP.test(component.group)) fields.package = [component.group];
  if (component.name && LIBRARY_FILE.test(component.name)) fields.library = [component.name];
  const label = componentLabel(component);
  if (Object.keys(fields).length === 0) {
    return { origin, error: `component ${label} has no purl, supplier, author, group or shared-library name: nothing to screen` };
  }
  return { origin, fields, label };
}

function componentLabel(component: Component): string {
  const name = component.group ? `${component.group}/${component.name ?? '?'}` : (component.name ?? component.purl ?? '(unnamed component)');
  return component.version ? `${name}@${component.version}` : name;
}

async function wholeText(text: AsyncIterable<string>): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of text) parts.push(chunk);
  return parts.join('');
}

function jsonDocument(document: string, file: string): Record<string, unknown> {
  const parsed = parseJsonDocument(document);
  if (!parsed.ok) throw new InputError(file, parsed.error);
  if (!isObject(parsed.value)) throw new InputError(file, 'expected a JSON object at the top level');
  return parsed.value;
}

// ---- CycloneDX JSON ------------------------------------------------------------------------------

export const cycloneDxJsonFormat: TextFormat = {
  async *tables(text, context) {
    const document = await wholeText(text);
    const bom = jsonDocument(document, context.file);
    if (bom.bomFormat !== 'CycloneDX') throw new InputError(context.file, 'not a CycloneDX BOM ("bomFormat" is not "CycloneDX")');
    yield { fixedColumns: SBOM_COLUMNS, rows: cycloneDxJsonRows(bom, document, context) };
  },
};

async function* cycloneDxJsonRows(bom: Record<string, unknown>, document: string, context: FormatContext): AsyncGenerator<RawRow> {
  const locator = new LineLocator(document);
  const metadata = isObject(bom.metadata) ? bom.metadata : {};
  // The product the SBOM describes, with the organisations that made it.
  if (isObject(metadata.component)) {
    const subject = jsonComponent(metadata.component);
    for (const key of ['manufacture', 'manufacturer', 'supplier']) {
      const name = isObject(metadata[key]) ? stringOf(metadata[key].name) : undefined;
      if (name) subject.organisations.push(name);
    }
    yield componentRow(subject, { file: context.file, line: locator.lineOf(jsonNeedle(subject)) });
  }
  if (bom.components !== undefined && !Array.isArray(bom.components)) {
    throw new InputError(context.file, '"components" is not an array');
  }
  // Depth first, in file order, with a stack of its own: a BOM nested thousands deep must not overflow the call stack.
  const pending: { value: unknown; path: string }[] = [];
  const push = (components: unknown[], path: string) => {
    for (let index = components.length - 1; index >= 0; index--) pending.push({ value: components[index], path: `${path}[${index}]` });
  };
  push(Array.isArray(bom.components) ? bom.components : [], 'components');
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, path } = next;
    if (!isObject(value)) {
      yield { origin: { file: context.file, line: locator.lineOf(undefined) }, error: `${path} is not an object` };
      continue;
    }
    const component = jsonComponent(value);
    yield componentRow(component, { file: context.file, line: locator.lineOf(jsonNeedle(component)) });
    if (Array.isArray(value.components)) push(value.components, `${path}.components`);
  }
}

function jsonComponent(value: Record<string, unknown>): Component {
  const organisations: string[] = [];
  const push = (name: unknown) => {
    const text = stringOf(name);
    if (text) organisations.push(text);
  };
  if (isObject(value.supplier)) push(value.supplier.name);
  if (isObject(value.manufacturer)) push(value.manufacturer.name);
  push(value.author);
  if (Array.isArray(value.authors)) for (const author of value.authors) if (isObject(author)) push(author.name);
  push(value.publisher);
  return { name: stringOf(value.name), group: stringOf(value.group), version: stringOf(value.version), purl: stringOf(value.purl), organisations };
}

/** Text that is in the component's JSON: the purl or the name, as JSON writes it. */
function jsonNeedle(component: Component): string | undefined {
  const value = component.purl ?? component.name;
  return value === undefined ? undefined : JSON.stringify(value);
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

// ---- CycloneDX XML -------------------------------------------------------------------------------

export const cycloneDxXmlFormat: TextFormat = {
  async *tables(text, context) {
    const document = await wholeText(text);
    const bom = childrenOf(parseXmlInput(document, context.file), 'bom')[0];
    if (!bom) throw new InputError(context.file, 'not a CycloneDX BOM (the root element is not <bom>)');
    yield { fixedColumns: SBOM_COLUMNS, rows: cycloneDxXmlRows(bom, document, context) };
  },
};

async function* cycloneDxXmlRows(bom: XmlNode, document: string, context: FormatContext): AsyncGenerator<RawRow> {
  const locator = new LineLocator(document);
  const metadata = childrenOf(bom, 'metadata')[0];
  const subjectNode = childrenOf(metadata, 'component')[0];
  if (subjectNode) {
    const subject = xmlComponent(subjectNode);
    for (const key of ['manufacture', 'manufacturer', 'supplier']) {
      const name = textOf(childrenOf(metadata, key)[0]?.name);
      if (name) subject.organisations.push(name);
    }
    yield componentRow(subject, { file: context.file, line: locator.lineOf(xmlNeedle(subject)) });
  }
  // Depth first, in file order, with a stack of its own (see cycloneDxJsonRows).
  const pending = childrenOf(childrenOf(bom, 'components')[0], 'component').reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    const component = xmlComponent(node);
    yield componentRow(component, { file: context.file, line: locator.lineOf(xmlNeedle(component)) });
    pending.push(...childrenOf(childrenOf(node, 'components')[0], 'component').reverse());
  }
}

function xmlComponent(node: XmlNode): Component {
  const organisations: string[] = [];
  const push = (value: unknown) => {
    const text = textOf(value);
    if (text) organisations.push(text);
  };
  push(childrenOf(node, 'supplier')[0]?.name);
  push(childrenOf(node, 'manufacturer')[0]?.name);
  for (const author of [node.author].flat()) push(author); // 1.4–1.5: a string
  for (const author of childrenOf(childrenOf(node, 'authors')[0], 'author')) push(author.name); // 1.6
  push(node.publisher);
  return {
    name: textOf(node.name),
    group: textOf(node.group),
    version: textOf(node.version),
    purl: textOf(node.purl),
    organisations,
  };
}

/** Text of the component in the XML: the purl or the name, with the characters XML escapes. */
function xmlNeedle(component: Component): string | undefined {
  const value = component.purl ?? component.name;
  return value?.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

// ---- SPDX JSON -----------------------------------------------------------------------------------

export const spdxJsonFormat: TextFormat = {
  async *tables(text, context) {
    const document = await wholeText(text);
    const spdx = jsonDocument(document, context.file);
    if (typeof spdx.spdxVersion !== 'string') throw new InputError(context.file, 'not an SPDX document (no "spdxVersion")');
    if (spdx.packages !== undefined && !Array.isArray(spdx.packages)) throw new InputError(context.file, '"packages" is not an array');
    if (spdx.files !== undefined && !Array.isArray(spdx.files)) throw new InputError(context.file, '"files" is not an array');
    const packages = Array.isArray(spdx.packages) ? spdx.packages : [];
    const files = Array.isArray(spdx.files) ? spdx.files : [];
    yield { fixedColumns: SPDX_COLUMNS, rows: spdxJsonRows(packages, files, document, context) };
  },
};

async function* spdxJsonRows(packages: unknown[], files: unknown[], document: string, context: FormatContext): AsyncGenerator<RawRow> {
  const locator = new LineLocator(document);
  for (const [index, value] of packages.entries()) {
    if (!isObject(value)) {
      yield { origin: { file: context.file, line: locator.lineOf(undefined) }, error: `packages[${index}] is not an object` };
      continue;
    }
    const spdxId = stringOf(value.SPDXID);
    const line = locator.lineOf(spdxId ? JSON.stringify(spdxId) : JSON.stringify(stringOf(value.name) ?? ''));
    const refs = Array.isArray(value.externalRefs) ? value.externalRefs.filter(isObject) : [];
    const purl = refs.find((ref) => ref.referenceType === 'purl' && typeof ref.referenceLocator === 'string')?.referenceLocator as string | undefined;
    const organisations = [spdxParty(value.supplier), spdxParty(value.originator)].filter((name): name is string => name !== undefined);
    yield componentRow({ name: stringOf(value.name), version: stringOf(value.versionInfo), purl, organisations }, { file: context.file, line });
  }
  // Files are screened when they are shared libraries (an APK's lib/arm64-v8a/libBugly.so); other
  // files name nothing Covered can screen.
  for (const [index, value] of files.entries()) {
    if (!isObject(value)) {
      yield { origin: { file: context.file, line: locator.lineOf(undefined) }, error: `files[${index}] is not an object` };
      continue;
    }
    const fileName = stringOf(value.fileName);
    if (!fileName || !LIBRARY_FILE.test(fileName)) continue;
    const spdxId = stringOf(value.SPDXID);
    const line = locator.lineOf(JSON.stringify(spdxId ?? fileName));
    yield componentRow({ name: fileName, organisations: [] }, { file: context.file, line });
  }
}

/** "Organization: Example Corp (ops@example.com)" → "Example Corp"; NOASSERTION and NONE → nothing. */
export function spdxParty(value: unknown): string | undefined {
  const text = stringOf(value);
  if (!text || text === 'NOASSERTION' || text === 'NONE') return undefined;
  const name = text.replace(/^(Organization|Person|Tool)\s*:\s*/i, '').replace(/\s*\([^()]*@[^()]*\)\s*$/, '').trim();
  return name || undefined;
}

// ---- SPDX tag-value ------------------------------------------------------------------------------

export const spdxTagValueFormat: TextFormat = {
  async *tables(text, context) {
    yield { fixedColumns: SPDX_COLUMNS, rows: spdxTagValueRows(text, context) };
  },
};

async function* spdxTagValueRows(text: AsyncIterable<string>, context: FormatContext): AsyncGenerator<RawRow> {
  let current: (Component & { line: number }) | undefined;
  let inText = false; // inside a multi-line <text>…</text> value
  const finish = (): RawRow | undefined => (current ? componentRow(current, { file: context.file, line: current.line }) : undefined);
  for await (const line of splitLines(text)) {
    if ('tooLong' in line) {
      yield { origin: { file: context.file, line: line.line }, error: 'line is longer than 1 MiB' };
      continue;
    }
    if (inText) {
      if (line.text.includes('</text>')) inText = false;
      continue;
    }
    const trimmed = line.text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('<text>')) {
      // A multi-line value begun on a line of its own: lenient, as writers are.
      inText = !trimmed.includes('</text>');
      continue;
    }
    const match = /^([A-Za-z]+):\s?(.*)$/.exec(trimmed);
    if (!match) {
      // Neither a comment, nor a tag and its value, nor inside a <text> value: a damaged line, reported.
      yield { origin: { file: context.file, line: line.line }, error: 'not a "Tag: value" line of SPDX tag-value (nor a comment or a <text> value)' };
      continue;
    }
    const [, tag = '', rawValue = ''] = match;
    if (rawValue.includes('<text>') && !rawValue.includes('</text>')) inText = true;
    const value = rawValue.replace(/<\/?text>/g, '').trim();
    switch (tag) {
      case 'PackageName': {
        const row = finish();
        if (row) yield row;
        current = { name: value, organisations: [], line: line.line };
        break;
      }
      case 'PackageVersion':
        if (current) current.version = value;
        break;
      case 'PackageSupplier':
      case 'PackageOriginator': {
        const party = spdxParty(value);
        if (current && party) current.organisations.push(party);
        break;
      }
      case 'ExternalRef': {
        const [, type, locator] = value.split(/\s+/);
        if (current && type === 'purl' && locator) current.purl = locator;
        break;
      }
      case 'FileName': {
        // A file is screened when it is a shared library; other files name nothing to screen.
        const row = finish();
        if (row) yield row;
        current = LIBRARY_FILE.test(value) ? { name: value, organisations: [], line: line.line } : undefined;
        break;
      }
      case 'SnippetSPDXID': {
        // Snippets are not screened.
        const row = finish();
        if (row) yield row;
        current = undefined;
        break;
      }
    }
  }
  const row = finish();
  if (row) yield row;
}
