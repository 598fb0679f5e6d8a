/**
 * Validation and dereferencing with @readme/openapi-parser, on copies of the data (it works
 * in place), never resolving anything outside the document: external `$ref`s are refused
 * beforehand and the resolver is configured with `external: false` and `file: false`.
 * Its errors become OpenApiDocumentErrors that say where the problem is.
 */
import { dereference, validate, type ParserOptions } from '@readme/openapi-parser';
import { OpenApiDocumentError, type DocumentLocation } from './openapi.errors.js';
import { escapePointerSegment, pointerOf, resolvePointer, type ReadDocument } from './openapi-document.js';
import { isRecord } from './openapi-schema.js';

const TIMEOUT_MS = 20_000;
const MAX_REPORTED_ERRORS = 10;
/** Values a document may expand to once its `$ref`s are followed (validation takes about a second per million). */
export const MAX_EXPANDED_VALUES = 2_000_000;

/**
 * Rules downgraded to warnings because the import copes: duplicate operationIds get _2, _3;
 * path parameters are always required; undeclared path parameters are added, undeclared
 * placeholders' parameters skipped; items-less arrays take any items.
 */
const PARSER_OPTIONS: ParserOptions = {
  resolve: { external: false, file: false },
  dereference: { circular: true },
  timeoutMs: TIMEOUT_MS,
  validate: {
    rules: {
      openapi: {
        'duplicate-operation-id': 'warning',
        'non-optional-path-parameters': 'warning',
        'path-parameters-not-in-parameters': 'warning',
        'path-parameters-not-in-path': 'warning',
        'array-without-items': 'warning',
      },
      swagger: {
        'duplicate-operation-id': 'warning',
        'non-optional-path-parameters': 'warning',
        'path-parameters-not-in-parameters': 'warning',
        'path-parameters-not-in-path': 'warning',
        'array-without-items': 'warning',
        'unknown-required-schema-property': 'warning',
      },
    },
  },
};

/** `$ref`s must point inside the document, at something that exists. */
export function checkReferences(read: ReadDocument): void {
  for (const { pointer, ref } of read.refs) {
    const where = `${pointer}/$ref`;
    if (!ref.startsWith('#')) {
      throw new OpenApiDocumentError(`External $ref "${ref.slice(0, 200)}" is not supported: the document must be self-contained (inline or bundle it)`, read.locate(where), {
        ref: ref.slice(0, 200),
      });
    }
    if (!ref.startsWith('#/') && ref !== '#') continue; // a 3.1 anchor ("#name"): left to the parser
    let target = resolvePointer(read.document, ref);
    if (target === undefined) {
      try {
        target = resolvePointer(read.document, decodeURIComponent(ref));
      } catch {
        // not percent-encoded
      }
    }
    if (target === undefined) throw new OpenApiDocumentError(`$ref "${ref.slice(0, 200)}" points to nothing in the document`, read.locate(where), { ref: ref.slice(0, 200) });
  }
}

/**
 * How many values the document holds once every internal `$ref` is expanded (a cycle counts
 * once), stopping past `limit`. Validation walks the expanded tree, so a few kilobytes of
 * references shared at each level (A → 2×B → 4×C …) could otherwise take minutes.
 */
export function expandedSize(document: Record<string, unknown>, limit: number): number {
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();
  const target = (ref: string): unknown => {
    const found = resolvePointer(document, ref);
    if (found !== undefined) return found;
    try {
      return resolvePointer(document, decodeURIComponent(ref));
    } catch {
      return undefined;
    }
  };
  const refSize = (ref: string): number => {
    const known = memo.get(ref);
    if (known !== undefined) return known;
    if (inProgress.has(ref)) return 1;
    inProgress.add(ref);
    const size = sizeOf(target(ref));
    inProgress.delete(ref);
    memo.set(ref, size);
    return size;
  };
  const sizeOf = (value: unknown): number => {
    if (typeof value !== 'object' || value === null) return 1;
    let total = 1;
    const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
    for (const [key, item] of entries) {
      total += key === '$ref' && typeof item === 'string' && item.startsWith('#') && !Array.isArray(value) ? refSize(item) : sizeOf(item);
      if (total > limit) return total;
    }
    return total;
  };
  return sizeOf(document);
}

/** Refuses documents whose references expand beyond MAX_EXPANDED_VALUES. */
export function checkExpandedSize(read: ReadDocument): void {
  let size: number;
  try {
    size = expandedSize(read.document, MAX_EXPANDED_VALUES);
  } catch (error) {
    if (error instanceof RangeError) throw new OpenApiDocumentError('The document\'s $ref chains are nested too deeply', { pointer: '' });
    throw error;
  }
  if (size > MAX_EXPANDED_VALUES) {
    throw new OpenApiDocumentError(`The document's $refs expand to more than ${MAX_EXPANDED_VALUES} values (schemas shared at every level multiply); simplify it`, {
      pointer: '',
    });
  }
}

/** The pointer of the value that starts on `target` (1-based) in JSON.stringify(root, null, 2). */
export function pointerAtPrettyLine(root: unknown, target: number): string | undefined {
  let line = 1;
  const segments: string[] = [];
  let found: string | undefined;
  const walk = (value: unknown): void => {
    if (found !== undefined || line > target) return;
    if (line === target) {
      found = pointerOf(segments);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((item, index) => [String(index), item])
      : Object.entries(value).filter(([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol');
    if (entries.length === 0) return;
    for (const [key, item] of entries) {
      line++;
      segments.push(key);
      walk(item);
      segments.pop();
      if (found !== undefined || line > target) return;
    }
    line++; // the closing bracket
  };
  walk(root);
  return found;
}

/** The spec validator names places like "/paths/pets/{id}/get" (the path key unescaped): as a JSON pointer. */
function specPathToPointer(path: string, document: Record<string, unknown>): string {
  if (path.startsWith('/paths/') && isRecord(document.paths)) {
    const rest = path.slice('/paths'.length);
    const key = Object.keys(document.paths)
      .filter((candidate) => rest === candidate || rest.startsWith(`${candidate}/`))
      .sort((a, b) => b.length - a.length)[0];
    if (key) return `/paths/${escapePointerSegment(key)}${rest.slice(key.length)}`;
  }
  return path;
}

function describeError(message: string, validated: unknown, read: ReadDocument): { message: string; location: DocumentLocation } {
  const summary = message.split('\n')[0]!.trim();
  // Schema errors come with a code frame of JSON.stringify(document, null, 2): "> 15 |   {".
  const frameLine = /^>\s*(\d+)\s*\|/m.exec(message);
  if (frameLine) {
    const pointer = pointerAtPrettyLine(validated, Number(frameLine[1]));
    if (pointer !== undefined) return { message: summary, location: read.locate(pointer) };
  }
  const path = /`(\/(?:paths|components|definitions|webhooks|parameters|securityDefinitions)(?:\/[^`]*)?)`/.exec(message);
  if (path) return { message: summary, location: read.locate(specPathToPointer(path[1]!, read.document)) };
  return { message: summary, location: { pointer: '' } };
}

function parserFailure(error: unknown): OpenApiDocumentError {
  const message = error instanceof Error ? error.message.split('\n')[0]!.trim() : String(error);
  return new OpenApiDocumentError(`The document could not be read: ${message.slice(0, 500)}`, { pointer: '' });
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * Hand-written documents often leave out `responses`, which the specifications require but
 * the import never uses: fill in a default on the copy being validated, with a warning.
 */
function assumeResponses(document: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  const paths = isRecord(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (isRecord(operation) && operation.responses === undefined) {
        operation.responses = { default: { description: 'Not declared' } };
        warnings.push(`${method.toUpperCase()} ${path}: no responses declared; imported anyway`);
      }
    }
  }
  return warnings;
}

/** Validates against the Swagger 2.0 / OpenAPI 3.0 / 3.1 schemas and rules; returns the parser's warnings. */
export async function validateDocument(read: ReadDocument, label: string): Promise<string[]> {
  const copy = structuredClone(read.document);
  const assumed = assumeResponses(copy);
  let result: Awaited<ReturnType<typeof validate>>;
  try {
    result = await validate(copy as Parameters<typeof validate>[0], PARSER_OPTIONS);
  } catch (error) {
    throw parserFailure(error);
  }
  const warnings = [...assumed, ...result.warnings.map((warning) => warning.message.split('\n')[0]!.trim())];
  if (result.valid) return warnings;
  const errors = result.errors.slice(0, MAX_REPORTED_ERRORS).map((error) => describeError(error.message, copy, read));
  const first = errors[0] ?? { message: 'unknown error', location: { pointer: '' } };
  const more = result.errors.length - 1 + result.additionalErrors;
  throw new OpenApiDocumentError(`The document is not a valid ${label} document: ${first.message}${more > 0 ? ` (and ${more} more)` : ''}`, first.location, {
    errors,
  });
}

/** The document with every (internal) `$ref` replaced by its target; recursive schemas become object cycles. */
export async function dereferenceDocument(read: ReadDocument): Promise<Record<string, unknown>> {
  try {
    const api = await dereference(structuredClone(read.document) as Parameters<typeof dereference>[0], PARSER_OPTIONS);
    return api as unknown as Record<string, unknown>;
  } catch (error) {
    throw parserFailure(error);
  }
}
