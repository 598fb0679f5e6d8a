/**
 * Reads a document given as JSON/YAML text or as an object into plain data, within limits
 * (size, YAML aliases, nesting, cycles), and finds where a JSON pointer sits in the text.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { OpenApiDocumentError, type DocumentLocation } from './openapi.errors.js';
import { isRecord } from './openapi-schema.js';

/** Texts larger than this are refused. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** YAML aliases resolved at most (stops "billion laughs" expansion). */
const MAX_YAML_ALIASES = 100;
/** Nesting deeper than this is refused (no real document comes close). */
const MAX_NESTING = 200;
/** Values (after YAML alias expansion) a document may hold. */
const MAX_VALUES = 2_000_000;

export interface ReadDocument {
  document: Record<string, unknown>;
  /** Where a JSON pointer is in the text: its line and column when found (or the nearest enclosing value's). */
  locate(pointer: string): DocumentLocation;
  /** Every `$ref` in the document, with the pointer of the object holding it. */
  refs: { pointer: string; ref: string }[];
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${escapePointerSegment(String(segment))}`).join('');
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  return pointer
    .replace(/^#/, '')
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a JSON pointer (own properties only), or undefined. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let current = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim().replace(/:$/, '');
}

/** Walks parsed data once: refuses cycles, excess nesting and size; collects `$ref`s. */
function inspect(root: unknown): ReadDocument['refs'] {
  const refs: ReadDocument['refs'] = [];
  const ancestors = new Set<object>();
  const path: string[] = [];
  let values = 0;
  const visit = (value: unknown): void => {
    if (++values > MAX_VALUES) throw new OpenApiDocumentError(`The document holds more than ${MAX_VALUES} values once YAML aliases are expanded`, { pointer: pointerOf(path) });
    if (typeof value !== 'object' || value === null) return;
    if (ancestors.has(value)) throw new OpenApiDocumentError('The document contains a YAML alias that refers to its own ancestor (a cycle)', { pointer: pointerOf(path) });
    if (path.length >= MAX_NESTING) throw new OpenApiDocumentError(`The document is nested more than ${MAX_NESTING} levels deep`, { pointer: pointerOf(path) });
    ancestors.add(value);
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    for (const [key, item] of entries) {
      if (key === '$ref' && typeof item === 'string' && !Array.isArray(value)) refs.push({ pointer: pointerOf(path), ref: item });
      path.push(key);
      visit(item);
      path.pop();
    }
    ancestors.delete(value);
  };
  visit(root);
  return refs;
}

/** Finds the node at `segments` in a YAML/JSON syntax tree: the deepest one that exists. */
function locateInTree(doc: Document, lineCounter: LineCounter, segments: string[]): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = isRange(node) ? node.range[0] : undefined;
  for (const segment of segments) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment);
      if (!pair) break;
      if (isRange(pair.key)) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(segment)) {
      const item: unknown = node.items[Number(segment)];
      if (item === undefined) break;
      if (isRange(item)) offset = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function isRange(node: unknown): node is YamlNode & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}

function textLocator(text: string): (pointer: string) => DocumentLocation {
  let tree: { doc: Document; lineCounter: LineCounter } | undefined;
  return (pointer) => {
    try {
      if (!tree) {
        const lineCounter = new LineCounter();
        tree = { doc: parseDocument(text, { lineCounter, merge: true }), lineCounter };
      }
      const position = locateInTree(tree.doc, tree.lineCounter, pointerSegments(pointer));
      return position ? { pointer, ...position } : { pointer };
    } catch {
      return { pointer };
    }
  };
}

function parseYaml(text: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, merge: true, prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const position = error.linePos?.[0];
    throw new OpenApiDocumentError(`The document is not valid YAML or JSON: ${firstLine(error.message)}`, position ? { line: position.line, column: position.col } : { pointer: '' }, {
      syntax: error.code,
    });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // yaml throws a ReferenceError for excessive aliasing and for unresolvable aliases.
    throw new OpenApiDocumentError(`The YAML document cannot be read: ${firstLine((error as Error).message)}`, { pointer: '' });
  }
}

function parseText(source: string): unknown {
  const text = source.replace(/^\uFEFF/, '');
  if (!text.trim()) throw new OpenApiDocumentError('The document is empty', { line: 1, column: 1 });
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not strict JSON: YAML's flow syntax may still read it, and it reports line and column.
    }
  }
  return parseYaml(text);
}

/** Plain data from a text (JSON or YAML) or an object (copied through JSON), within the limits above. */
export function readDocument(source: string | object): ReadDocument {
  let data: unknown;
  let locate: ReadDocument['locate'];
  if (typeof source === 'string') {
    if (Buffer.byteLength(source) > MAX_DOCUMENT_BYTES) throw new OpenApiDocumentError('The document is larger than 5 MB', { pointer: '' });
    data = parseText(source);
    locate = textLocator(source);
  } else {
    let text: string;
    try {
      text = JSON.stringify(source);
    } catch {
      throw new OpenApiDocumentError('The document object is not JSON (it has cycles or values JSON cannot hold)', { pointer: '' });
    }
    if (text === undefined || Buffer.byteLength(text) > MAX_DOCUMENT_BYTES) throw new OpenApiDocumentError('The document is larger than 5 MB', { pointer: '' });
    data = JSON.parse(text) as unknown;
    locate = (pointer) => ({ pointer });
  }
  if (!isRecord(data)) throw new OpenApiDocumentError('The document is not an OpenAPI or Swagger object', { pointer: '', line: 1, column: 1 });
  const refs = inspect(data);
  return { document: data, locate, refs };
}
