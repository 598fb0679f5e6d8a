/**
 * parseOpenApi: an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML text, or an object)
 * → an ApiSpec whose operations are tool definitions. Pure: no filesystem or network access.
 *
 * Recursive schemas are imported (not refused): the part that repeats becomes an untyped
 * value of its own type (`{ type: 'object' }`) and a warning says so. External `$ref`s are
 * refused with BAD_USER_INPUT.
 */
import { OpenApiDocumentError } from './openapi.errors.js';
import type { ApiAuth, ApiOperation, ApiSpec, ParseOpenApiOptions } from './openapi.types.js';
import { readDocument, resolvePointer, type ReadDocument } from './openapi-document.js';
import { clip, operationParameters, type SpecVersion } from './openapi-parameters.js';
import { isRecord, newSchemaContext } from './openapi-schema.js';
import { checkExpandedSize, checkReferences, dereferenceDocument, validateDocument } from './openapi-validation.js';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const MAX_NAME = 128;
const MAX_SECURITY_WARNINGS = 5;

const VERSION_LABELS: Record<SpecVersion, string> = { swagger2: 'Swagger 2.0', openapi30: 'OpenAPI 3.0', openapi31: 'OpenAPI 3.1' };

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function specVersion(read: ReadDocument): SpecVersion {
  const { document } = read;
  if (document.swagger !== undefined) {
    if (document.swagger === '2.0') return 'swagger2';
    throw new OpenApiDocumentError(`Unsupported Swagger version ${JSON.stringify(document.swagger)}: only 2.0 is supported`, read.locate('/swagger'));
  }
  if (document.openapi !== undefined) {
    const version = String(document.openapi);
    if (/^3\.0\.\d+(-.+)?$/.test(version)) return 'openapi30';
    if (/^3\.1\.\d+(-.+)?$/.test(version)) return 'openapi31';
    throw new OpenApiDocumentError(`Unsupported OpenAPI version ${JSON.stringify(document.openapi)}: 3.0.x and 3.1.x are supported`, read.locate('/openapi'));
  }
  throw new OpenApiDocumentError('This is not an OpenAPI or Swagger document: it has neither an "openapi" nor a "swagger" field', { pointer: '', line: 1, column: 1 });
}

/** The operations of a document, in document order; `resolve` follows a path item's own `$ref` in the raw document. */
function* operationsOf(document: Record<string, unknown>, resolve = false): Generator<{ path: string; method: string; pathItem: Record<string, unknown>; operation: Record<string, unknown> }> {
  if (!isRecord(document.paths)) return;
  for (const [path, entry] of Object.entries(document.paths)) {
    let pathItem = entry;
    if (resolve && isRecord(pathItem) && typeof pathItem.$ref === 'string') pathItem = resolvePointer(document, pathItem.$ref) ?? pathItem;
    if (!isRecord(pathItem)) continue;
    for (const [method, operation] of Object.entries(pathItem)) {
      if (METHODS.has(method) && isRecord(operation)) yield { path, method, pathItem, operation };
    }
  }
}

function checkOperationCount(document: Record<string, unknown>, maxOperations: number, resolve: boolean): void {
  let count = 0;
  for (const _ of operationsOf(document, resolve)) count++;
  if (count > maxOperations) {
    throw new OpenApiDocumentError(`The document has ${count} operations, more than the limit of ${maxOperations}`, { pointer: '/paths' }, { operations: count, limit: maxOperations });
  }
}

function sanitiseName(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, MAX_NAME);
}

/** GET /pets/{petId} → get_pets_petId; GET / → get_root. */
function generatedName(method: string, path: string): string {
  const segments = path
    .split('/')
    .map((segment) => segment.replace(/[{}]/g, ''))
    .filter(Boolean);
  return sanitiseName(`${method.toLowerCase()}_${segments.join('_') || 'root'}`);
}

function uniqueName(base: string, used: Set<string>): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, MAX_NAME - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

function operationDescription(operation: Record<string, unknown>, method: string, path: string): string {
  const summary = text(operation.summary).trim();
  const description = text(operation.description).trim();
  const parts = summary && description.startsWith(summary) ? [description] : [summary, description].filter(Boolean);
  return clip(parts.join('\n\n') || `${method} ${path}`);
}

/** servers[0] with its variables replaced by their defaults; relative URLs stay relative. */
function openApiServerUrl(document: Record<string, unknown>, warn: (message: string) => void): string | null {
  const server = Array.isArray(document.servers) ? document.servers[0] : undefined;
  if (!isRecord(server) || typeof server.url !== 'string' || !server.url.trim()) return null;
  const variables = isRecord(server.variables) ? server.variables : {};
  const url = server.url.trim().replace(/\{([^{}]+)\}/g, (placeholder, name: string) => {
    const variable = Object.hasOwn(variables, name) ? variables[name] : undefined;
    if (isRecord(variable) && variable.default !== undefined) return String(variable.default);
    warn(`The server URL variable "${name}" has no default; give the server URL yourself`);
    return placeholder;
  });
  return url.replace(/\/+$/, '') || '/';
}

/** Swagger 2.0: scheme://host + basePath (https when offered); basePath alone (relative) without a host. */
function swaggerServerUrl(document: Record<string, unknown>): string | null {
  const host = text(document.host).trim();
  const basePath = text(document.basePath).trim().replace(/\/+$/, '');
  if (!host) return basePath || null;
  const schemes = Array.isArray(document.schemes) ? document.schemes.filter((scheme): scheme is string => typeof scheme === 'string') : [];
  const scheme = schemes.includes('https') ? 'https' : (schemes[0] ?? 'https');
  return `${scheme}://${host}${basePath}`;
}

/** What a security scheme asks for, in words and (when it maps) as an ApiAuth. */
function describeScheme(scheme: Record<string, unknown>): { words: string; auth?: ApiAuth } {
  const type = text(scheme.type);
  const name = text(scheme.name);
  if (type === 'apiKey') {
    if (scheme.in === 'header') return { words: `an API key in the "${name}" header`, auth: { type: 'API_KEY_HEADER', headerName: name, prefix: 'NONE' } };
    if (scheme.in === 'query') return { words: `an API key in the "${name}" query parameter`, auth: { type: 'API_KEY_QUERY', queryParam: name } };
    return { words: `an API key in the "${name}" cookie (not supported: send it as a header if the API allows)` };
  }
  if (type === 'basic' || (type === 'http' && text(scheme.scheme).toLowerCase() === 'basic')) return { words: 'HTTP basic auth', auth: { type: 'BASIC' } };
  if (type === 'http' && text(scheme.scheme).toLowerCase() === 'bearer') return { words: 'a bearer token', auth: { type: 'BEARER' } };
  if (type === 'oauth2' || type === 'openIdConnect') return { words: `${type} (get a token yourself and use BEARER auth)`, auth: { type: 'BEARER' } };
  return { words: `"${type || 'unknown'}" auth` };
}

/** Security schemes in use: warnings telling the user what auth to configure, and the first that maps onto ApiAuth. */
function securityHints(document: Record<string, unknown>, version: SpecVersion, warn: (message: string) => void): ApiAuth | undefined {
  const schemes = version === 'swagger2' ? document.securityDefinitions : isRecord(document.components) ? document.components.securitySchemes : undefined;
  if (!isRecord(schemes)) return undefined;
  const used: string[] = [];
  const collect = (requirements: unknown) => {
    if (!Array.isArray(requirements)) return;
    for (const requirement of requirements) if (isRecord(requirement)) for (const name of Object.keys(requirement)) if (!used.includes(name)) used.push(name);
  };
  collect(document.security);
  for (const { operation } of operationsOf(document)) collect(operation.security);
  // A scheme that maps directly (API key, basic, bearer) is a better hint than OAuth2's "bring a token".
  let direct: ApiAuth | undefined;
  let indirect: ApiAuth | undefined;
  for (const name of used.slice(0, MAX_SECURITY_WARNINGS)) {
    const scheme = schemes[name];
    if (!isRecord(scheme)) continue;
    const { words, auth } = describeScheme(scheme);
    if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') indirect ??= auth;
    else direct ??= auth;
    warn(`The API uses security scheme "${name}": ${words}. Configure the provider's auth to match`);
  }
  return direct ?? indirect;
}

/**
 * Reads, validates and dereferences a document and maps its operations to tools.
 * Throws OpenApiDocumentError (BAD_USER_INPUT, details.location) for anything it cannot import.
 */
export async function parseOpenApi(source: string | object, options: ParseOpenApiOptions): Promise<ApiSpec> {
  if (!Number.isInteger(options.maxOperations) || options.maxOperations < 1) throw new RangeError('maxOperations must be a positive integer');
  if (typeof source !== 'string' && (typeof source !== 'object' || source === null)) {
    throw new OpenApiDocumentError('The document must be a JSON or YAML text or an object', { pointer: '' });
  }
  const read = readDocument(source);
  const version = specVersion(read);
  checkOperationCount(read.document, options.maxOperations, true);
  checkReferences(read);
  checkExpandedSize(read);

  const warnings: string[] = [];
  const warn = (message: string) => {
    if (!warnings.includes(message)) warnings.push(message);
  };
  // YAML reads `version: 1.0` as a number; the schemas want a string. Common enough to forgive.
  if (isRecord(read.document.info) && typeof read.document.info.version === 'number') {
    read.document.info.version = String(read.document.info.version);
    warn(`info.version is a number; it was read as the text "${read.document.info.version}" (quote it in YAML)`);
  }
  for (const warning of await validateDocument(read, VERSION_LABELS[version])) warn(warning);
  const api = await dereferenceDocument(read);
  checkOperationCount(api, options.maxOperations, false);

  const info = isRecord(api.info) ? api.info : {};
  const serverUrl = version === 'swagger2' ? swaggerServerUrl(api) : openApiServerUrl(api, warn);
  const used = new Set<string>();
  const operations: ApiOperation[] = [];
  for (const { path, method, pathItem, operation } of operationsOf(api)) {
    const upper = method.toUpperCase();
    const label = `${upper} ${path}`;
    const operationId = text(operation.operationId).trim();
    const base = (operationId && sanitiseName(operationId)) || generatedName(method, path);
    const name = uniqueName(base, used);
    used.add(name);
    if (name !== base) warn(`${label}: the name "${base}" is already taken; the tool is named "${name}"`);
    else if (operationId && name !== operationId) warn(`${label}: operationId "${operationId.slice(0, 200)}" is named "${name}"`);
    if (operation.deprecated === true) warn(`${label} (${name}) is deprecated`);
    if (Array.isArray(operation.servers) || Array.isArray(pathItem.servers)) warn(`${label} declares its own servers; calls go to the provider's server URL`);

    const ctx = newSchemaContext();
    const { parameters, body } = operationParameters(
      { version, label, path, pathItem, operation, globalConsumes: api.consumes },
      ctx,
      warn,
    );
    if (ctx.circular) warn(`${label}: a recursive schema is kept as an untyped value where it repeats`);
    if (ctx.tooDeep) warn(`${label}: schemas nested too deeply are kept as untyped values below that depth`);
    if (ctx.tooLarge) warn(`${label}: schemas too large to expand are kept as untyped values`);
    operations.push({ name, description: operationDescription(operation, upper, path), method: upper, path, parameters, ...(body ? { body } : {}) });
  }
  if (isRecord(api.webhooks) && Object.keys(api.webhooks).length > 0) {
    warn(`${Object.keys(api.webhooks).length} webhook(s) were not imported: they describe calls the API makes, not calls to it`);
  }
  if (operations.length === 0) warn('The document has no operations');

  const authHint = securityHints(api, version, warn);
  return {
    title: clip(text(info.title), 200) || 'Untitled API',
    version: clip(text(info.version) || String(info.version ?? ''), 100),
    description: clip(text(info.description) || text(info.summary)),
    serverUrl,
    operations,
    warnings,
    ...(authHint ? { authHint } : {}),
  };
}
