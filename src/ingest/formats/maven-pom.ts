/**
 * Maven's pom.xml, read as package URLs (pkg:maven/GROUP/NAME[@VERSION]): every `<dependency>` of
 * a `<dependencies>` list (the project's, `<dependencyManagement>`'s, a profile's or a plugin's), in
 * the order of the file. `${name}` is resolved from `<properties>` and the project's own groupId
 * and version; a version that stays unresolved is left out.
 */
import { InputError, type Origin } from '../../model/item.js';
import { LineLocator } from '../locate.js';
import { childrenOf, parseXmlInput, textOf, type XmlNode } from '../xml.js';
import { mavenRow, wholeManifest } from './purl-rows.js';
import type { RawRow, TextFormat } from './format.js';

export const mavenPomFormat: TextFormat = {
  async *tables(text, context) {
    const document = await wholeManifest(text, context.file);
    const project = childrenOf(parseXmlInput(document, context.file), 'project')[0];
    if (!project) throw new InputError(context.file, 'not a Maven POM (the root element is not <project>)');
    yield { fixedColumns: { dependency: 'purl' }, rows: pomRows(project, document, context.file) };
  },
};

/** A property's value may name another property; a chain longer than this is taken as a loop. */
const MAX_PROPERTY_DEPTH = 10;

async function* pomRows(project: XmlNode, document: string, file: string): AsyncGenerator<RawRow> {
  const properties = pomProperties(project);
  const locator = new LineLocator(document);
  for (const dependency of dependenciesOf(project)) {
    const artifactId = textOf(dependency.artifactId);
    const origin: Origin = { file, line: locator.lineOf(artifactId ? `<artifactId>${artifactId.replace(/&/g, '&amp;').replace(/</g, '&lt;')}` : '<dependency') };
    const groupId = textOf(dependency.groupId);
    if (!groupId || !artifactId) {
      yield { origin, error: `a <dependency> without ${groupId ? 'artifactId' : 'groupId'}` };
      continue;
    }
    const group = resolve(groupId, properties);
    const name = resolve(artifactId, properties);
    const unresolved = [group, name].find((value) => value.includes('${'));
    if (unresolved) {
      yield { origin, error: `"${unresolved}" names a property the POM does not define` };
      continue;
    }
    const version = textOf(dependency.version);
    yield mavenRow(origin, group, name, version === undefined ? undefined : resolve(version, properties));
  }
}

/** The <dependency> elements of every <dependencies> under the project, in order of first appearance. */
function* dependenciesOf(node: XmlNode): Generator<XmlNode> {
  for (const key of Object.keys(node)) {
    for (const child of childrenOf(node, key)) {
      if (key === 'dependencies') yield* childrenOf(child, 'dependency');
      else yield* dependenciesOf(child);
    }
  }
}

/** `<properties>`, with the project's own coordinates as Maven names them. */
function pomProperties(project: XmlNode): Map<string, string> {
  const properties = new Map<string, string>();
  const parent = childrenOf(project, 'parent')[0];
  for (const key of ['groupId', 'version'] as const) {
    const value = textOf(project[key]) ?? textOf(parent?.[key]);
    if (value) properties.set(`project.${key}`, value);
  }
  const declared = childrenOf(project, 'properties')[0] ?? {};
  for (const [name, value] of Object.entries(declared)) {
    const text = textOf(value);
    if (text !== undefined) properties.set(name, text);
  }
  return properties;
}

/** The value with each `${name}` that is defined replaced, again while the result still names one. */
function resolve(value: string, properties: Map<string, string>): string {
  let resolved = value;
  for (let depth = 0; depth < MAX_PROPERTY_DEPTH && resolved.includes('${'); depth++) {
    const next = resolved.replace(/\$\{([^}]+)\}/g, (reference, name: string) => properties.get(name) ?? reference);
    if (next === resolved) break;
    resolved = next;
  }
  return resolved;
}
