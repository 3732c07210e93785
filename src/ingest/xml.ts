/**
 * XML for the formats that use it (nmap, CycloneDX). fast-xml-parser never fetches external
 * entities, but a document that declares entities at all is refused before parsing: inventory
 * exports do not use them, and they are how XXE and entity-expansion ("billion laughs") attacks
 * work. Entity expansion is also bounded in the parser as a second line of defence.
 */
import { XMLParser } from 'fast-xml-parser';
import { InputError } from '../model/item.js';

export type XmlNode = Record<string, unknown>;

/** Why a document cannot be parsed; `line` is 1-based in the document given to the parser. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: { enabled: true, maxEntitySize: 1024, maxEntityCount: 16 },
  // Elements that may repeat are always arrays, so one and many read alike.
  isArray: (name) => REPEATABLE.has(name),
});

const REPEATABLE = new Set([
  // nmap
  'host', 'address', 'hostname', 'port', 'osmatch', 'osclass', 'cpe',
  // CycloneDX
  'component', 'author', 'url', 'hash', 'license', 'property', 'tool', 'contact',
]);

/** Refuses DOCTYPEs that declare entities or name an external DTD; the reason, or undefined when safe. */
export function entityDeclarationProblem(text: string): string | undefined {
  const doctype = /<!DOCTYPE\s[^[>]*(\[[\s\S]*?\]\s*)?>/i.exec(text)?.[0];
  if (!doctype) return undefined;
  const internalSubset = /\[[\s\S]*\]/.exec(doctype)?.[0] ?? '';
  const externalDtd = /\b(SYSTEM|PUBLIC)\b/.test(doctype.replace(internalSubset, ''));
  const externalEntity = /<!ENTITY[^>]*\b(SYSTEM|PUBLIC)\b/i.test(internalSubset);
  if (externalDtd || externalEntity) return 'the XML refers to an external entity or DTD (an XXE risk); such documents are refused';
  if (/<!ENTITY/i.test(internalSubset)) return 'the XML declares entities (entity expansion can exhaust memory); such documents are refused';
  return undefined;
}

/** Parses a whole document or one element; errors carry the line where the parser gave up. */
export function parseXml(text: string): XmlNode {
  const problem = entityDeclarationProblem(text);
  if (problem) throw new XmlError(problem, lineOf(text, text.search(/<!DOCTYPE/i)));
  try {
    return parser.parse(text, true) as XmlNode;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    const at = /:(\d+):(\d+)$/.exec(message);
    const reason = message.replace(/\.?:\d+:\d+$/, '').replace(/\s+/g, ' ');
    throw new XmlError(`not well-formed XML: ${reason}`, at ? Number(at[1]) : undefined);
  }
}

/** parseXml for a whole input: a document that cannot be parsed refuses the file, at the line where parsing stopped. */
export function parseXmlInput(text: string, file: string): XmlNode {
  try {
    return parseXml(text);
  } catch (error) {
    if (error instanceof XmlError) throw new InputError(file, error.line ? `line ${error.line}: ${error.message}` : error.message);
    throw error;
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The element's text, whether the parser gave a plain string or an object with `#text`. */
export function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node.trim() || undefined;
  if (typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return textOf((node as XmlNode)['#text']);
  return undefined;
}

/** Child elements as a list, whether absent, one or several. */
export function childrenOf(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).filter((child): child is XmlNode => typeof child === 'object' && child !== null);
}

export function attributeOf(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}
