/**
 * Turns the (dereferenced) schemas of a document into plain JSON Schema for tool parameters:
 * a fresh tree without cycles (a dereferenced recursive schema is a cyclic object graph),
 * bounded in depth and size, with `allOf` merged into one schema, and the ParameterType a
 * schema maps to.
 */
import type { JsonSchema, ParameterType } from '../tool.types.js';

/** Schemas nested deeper than this are cut off (kept as an untyped value of their own type). */
export const MAX_SCHEMA_DEPTH = 16;
/** Schema nodes one operation may produce: a DAG of shared schemas can expand exponentially. */
export const MAX_SCHEMA_NODES_PER_OPERATION = 20_000;

/** Shared by the conversions of one operation: its node budget and what was cut. */
export interface SchemaContext {
  nodes: number;
  circular: boolean;
  tooDeep: boolean;
  tooLarge: boolean;
}

export function newSchemaContext(): SchemaContext {
  return { nodes: 0, circular: false, tooDeep: false, tooLarge: false };
}

/** Keywords whose value is one schema. */
const SCHEMA_KEYWORDS = new Set([
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'contentSchema',
]);
/** Keywords whose value is a map of names to schemas. */
const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties', 'dependentSchemas']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/**
 * Dropped: references are resolved already (a leftover would point into a document Ajv
 * does not have), definitions are reached through them, and the rest is presentation.
 */
const DROPPED_KEYWORDS = new Set([
  '$ref',
  '$id',
  '$schema',
  '$anchor',
  '$dynamicAnchor',
  '$dynamicRef',
  '$recursiveRef',
  '$recursiveAnchor',
  '$defs',
  'definitions',
  '$comment',
  'xml',
  'externalDocs',
]);

const MAX_DATA_DEPTH = 32;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own property, even one named __proto__. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A JSON copy of plain data (enum values, defaults, examples): cycles and excess depth become null. */
export function cloneData(value: unknown, depth = 0, ancestors: Set<object> = new Set()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || depth > MAX_DATA_DEPTH || ancestors.has(value)) return null;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => cloneData(item, depth + 1, ancestors));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      setOwn(copy, key, cloneData(item, depth + 1, ancestors));
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

/** What stands in for a schema that is not expanded: its own simple type, else an untyped object. */
function stub(node: Record<string, unknown>, reason: string): JsonSchema {
  const type = typeof node.type === 'string' ? node.type : 'object';
  const description = typeof node.description === 'string' && node.description ? `${node.description} (${reason})` : reason;
  return { type: type === 'file' ? 'string' : type, description };
}

function convert(node: unknown, depth: number, ancestors: Set<object>, ctx: SchemaContext): JsonSchema | boolean {
  if (typeof node === 'boolean') return node;
  if (!isRecord(node)) return {};
  if (ancestors.has(node)) {
    ctx.circular = true;
    return stub(node, 'recursive schema, not expanded');
  }
  if (depth >= MAX_SCHEMA_DEPTH) {
    ctx.tooDeep = true;
    return stub(node, 'nested too deeply, not expanded');
  }
  if (++ctx.nodes > MAX_SCHEMA_NODES_PER_OPERATION) {
    ctx.tooLarge = true;
    return stub(node, 'schema too large, not expanded');
  }
  ancestors.add(node);
  try {
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED_KEYWORDS.has(key) || value === undefined) continue;
      if (SCHEMA_KEYWORDS.has(key)) {
        setOwn(out, key, typeof value === 'boolean' ? value : convert(value, depth + 1, ancestors, ctx));
      } else if (SCHEMA_MAP_KEYWORDS.has(key) && isRecord(value)) {
        const map: Record<string, unknown> = {};
        for (const [name, sub] of Object.entries(value)) setOwn(map, name, convert(sub, depth + 1, ancestors, ctx));
        setOwn(out, key, map);
      } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
        setOwn(out, key, value.map((sub) => convert(sub, depth + 1, ancestors, ctx)));
      } else if (key === 'items') {
        // Draft 4 tuples (`items: [..]`) are lists of schemas too.
        setOwn(out, key, Array.isArray(value) ? value.map((sub) => convert(sub, depth + 1, ancestors, ctx)) : convert(value, depth + 1, ancestors, ctx));
      } else {
        setOwn(out, key, cloneData(value));
      }
    }
    // Swagger 2.0 `type: file` is a binary string everywhere else.
    if (out.type === 'file') {
      out.type = 'string';
      out.format = 'binary';
    }
    return Array.isArray(out.allOf) ? mergeAllOf(out) : out;
  } finally {
    ancestors.delete(node);
  }
}

/**
 * A fresh JSON Schema for `schema`: no cycles (a recursive part becomes an untyped value of its
 * own type, e.g. `{ type: 'object' }`), at most MAX_SCHEMA_DEPTH levels, allOf merged.
 */
export function toJsonSchema(schema: unknown, ctx: SchemaContext): JsonSchema {
  const converted = convert(schema, 0, new Set(), ctx);
  return typeof converted === 'boolean' ? {} : converted;
}

const COMPOSITION_KEYWORDS = new Set(['anyOf', 'oneOf', 'not']);

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Folds `source` into `target` (both converted schemas): properties merged, required unioned, the first value of anything else kept. */
function mergeInto(target: JsonSchema, source: JsonSchema, residual: JsonSchema[]): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing === undefined) {
      setOwn(target, key, key === 'properties' && isRecord(value) ? { ...value } : value);
    } else if (key === 'properties' && isRecord(existing) && isRecord(value)) {
      for (const [name, sub] of Object.entries(value)) {
        const current = existing[name];
        setOwn(existing, name, isRecord(current) && isRecord(sub) ? mergeAllOf({ allOf: [current, sub] }) : sub);
      }
    } else if (key === 'required' && Array.isArray(existing) && Array.isArray(value)) {
      target.required = [...new Set([...existing, ...value])];
    } else if (COMPOSITION_KEYWORDS.has(key) && !sameJson(existing, value)) {
      residual.push({ [key]: value });
    }
    // Anything else: the first value (the schema's own, then earlier branches) wins.
  }
}

/** One schema for `{ ...own, allOf: [a, b] }`: the branches' properties and required lists combined. */
export function mergeAllOf(schema: JsonSchema): JsonSchema {
  const { allOf, ...own } = schema;
  const merged: JsonSchema = { ...own };
  if (isRecord(own.properties)) merged.properties = { ...own.properties };
  const residual: JsonSchema[] = [];
  for (const branch of Array.isArray(allOf) ? allOf : []) {
    if (!isRecord(branch)) continue; // true adds nothing; false cannot be merged meaningfully
    mergeInto(merged, branch.allOf ? mergeAllOf(branch) : branch, residual);
  }
  if (residual.length) merged.allOf = residual;
  if (merged.type === undefined && (isRecord(merged.properties) || Array.isArray(merged.required))) merged.type = 'object';
  return merged;
}

function typeOfValue(value: unknown): string | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (Array.isArray(value)) return 'array';
  if (isRecord(value)) return 'object';
  return undefined;
}

/** The JSON type a schema describes, when it says or implies one (3.1 type lists: the first that is not "null"). */
export function primaryType(schema: JsonSchema, depth = 0): string | undefined {
  if (typeof schema.type === 'string') return schema.type === 'file' ? 'string' : schema.type;
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((type): type is string => typeof type === 'string');
    return types.find((type) => type !== 'null') ?? types[0];
  }
  if (isRecord(schema.properties) || schema.additionalProperties !== undefined || schema.patternProperties !== undefined) return 'object';
  if (schema.items !== undefined || schema.prefixItems !== undefined) return 'array';
  if (schema.const !== undefined) return typeOfValue(schema.const);
  if (Array.isArray(schema.enum)) {
    const first = schema.enum.find((value) => value !== null);
    if (first !== undefined) return typeOfValue(first);
  }
  if (depth < 4) {
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = schema[key];
      if (Array.isArray(branches) && isRecord(branches[0])) return primaryType(branches[0], depth + 1);
    }
  }
  return undefined;
}

/** The ParameterType of a value described by `schema`; `fallback` when the schema says nothing. */
export function parameterTypeOf(schema: JsonSchema, fallback: ParameterType): { type: ParameterType; options?: string[] } {
  switch (primaryType(schema)) {
    case 'string': {
      if (schema.format === 'binary') return { type: 'FILE' };
      const values = Array.isArray(schema.enum) ? schema.enum.filter((value) => value !== null) : [];
      if (values.length > 0 && values.every((value) => typeof value === 'string')) return { type: 'SELECT', options: values as string[] };
      return { type: 'STRING' };
    }
    case 'integer':
      return { type: 'INTEGER' };
    case 'number':
      return { type: 'NUMBER' };
    case 'boolean':
      return { type: 'BOOLEAN' };
    case 'array':
      return { type: 'ARRAY' };
    case 'object':
      return { type: 'OBJECT' };
    default:
      return { type: fallback };
  }
}

/** True when the schema is an object with declared properties (a body sent as separate parameters). */
export function hasProperties(schema: JsonSchema): schema is JsonSchema & { properties: Record<string, unknown> } {
  return primaryType(schema) === 'object' && isRecord(schema.properties) && Object.keys(schema.properties).length > 0;
}
