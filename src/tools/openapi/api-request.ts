/**
 * buildApiRequest: one call of an imported operation as an outbound HTTP request. Values are
 * serialised per the parameter's OpenAPI style; a path parameter value is always encoded as
 * data (it can never add, remove or climb path segments); auth comes from the provider's
 * settings and credentials. Types are not checked here (the ToolManager did that with Ajv).
 */
import { ValidationError } from '../../errors.js';
import type { OutboundRequest } from '../../platform/http/http-client.js';
import type { ApiAuth, ApiCredentialValues, ApiOperation, ApiParameter } from './openapi.types.js';
import { isRecord, setOwn } from './openapi-schema.js';

export type ApiRequest = Pick<OutboundRequest, 'method' | 'url' | 'headers' | 'body'>;

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Header values: visible ASCII/Latin-1, spaces and tabs; no CR, LF or NUL. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

const enc = encodeURIComponent;

function fail(message: string, parameter?: string): never {
  throw new ValidationError(message, parameter ? { field: 'parameters', parameter } : { field: 'parameters' });
}

/** A scalar as text; anything structured inside a list or object is sent as JSON. */
function scalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function valueOf(parameters: Record<string, unknown>, parameter: ApiParameter): unknown {
  const value = Object.hasOwn(parameters, parameter.name) ? parameters[parameter.name] : undefined;
  return value === null ? undefined : value;
}

function explodeOf(parameter: ApiParameter, style: string): boolean {
  return parameter.explode ?? style === 'form';
}

// ——— path ————————————————————————————————————————————————————————————————

function pathValue(parameter: ApiParameter, value: unknown): string {
  const style = parameter.style ?? 'simple';
  const explode = explodeOf(parameter, style);
  const name = enc(parameter.wireName);
  if (style === 'json') return enc(JSON.stringify(value));
  if (Array.isArray(value)) {
    const items = value.map((item) => enc(scalar(item)));
    if (style === 'label') return `.${items.join(explode ? '.' : ',')}`;
    if (style === 'matrix') return explode ? items.map((item) => `;${name}=${item}`).join('') : `;${name}=${items.join(',')}`;
    return items.join(',');
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([key, item]) => [enc(key), enc(scalar(item))] as const);
    if (style === 'label') return `.${entries.map(([key, item]) => (explode ? `${key}=${item}` : `${key},${item}`)).join(explode ? '.' : ',')}`;
    if (style === 'matrix') {
      return explode ? entries.map(([key, item]) => `;${key}=${item}`).join('') : `;${name}=${entries.map(([key, item]) => `${key},${item}`).join(',')}`;
    }
    return entries.map(([key, item]) => (explode ? `${key}=${item}` : `${key},${item}`)).join(',');
  }
  const text = enc(scalar(value));
  if (style === 'label') return `.${text}`;
  if (style === 'matrix') return `;${name}=${text}`;
  return text;
}

function buildPath(operation: ApiOperation, parameters: Record<string, unknown>): string {
  const byWireName = new Map(operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => [parameter.wireName, parameter]));
  const path = operation.path.replace(/\{([^{}]+)\}/g, (_placeholder, wireName: string) => {
    const parameter = byWireName.get(wireName);
    if (!parameter) fail(`The path parameter "${wireName}" is not declared`);
    const value = valueOf(parameters, parameter);
    if (value === undefined) fail(`Missing required path parameter "${parameter.name}"`, parameter.name);
    const text = pathValue(parameter, value);
    if (text === '') fail(`Path parameter "${parameter.name}" must not be empty`, parameter.name);
    return text;
  });
  // "." and ".." (even percent-encoded) are dot segments to URL parsers: they would climb the path.
  for (const segment of path.split('/')) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // leave as is
    }
    if (decoded === '.' || decoded === '..') fail(`A path parameter value cannot be "${decoded}"`);
  }
  return path;
}

// ——— query and cookie ————————————————————————————————————————————————————

const DELIMITERS: Record<string, string> = { form: ',', spaceDelimited: '%20', pipeDelimited: '|', tabDelimited: '%09' };

/** key[prop]=value pairs, nested objects as key[a][b], lists repeated. */
function deepObjectPairs(prefix: string, value: unknown, pairs: string[]): void {
  if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) if (item !== undefined && item !== null) deepObjectPairs(`${prefix}[${enc(key)}]`, item, pairs);
  } else if (Array.isArray(value)) {
    for (const item of value) pairs.push(`${prefix}=${enc(scalar(item))}`);
  } else {
    pairs.push(`${prefix}=${enc(scalar(value))}`);
  }
}

/** Encoded `key=value` pairs for one query parameter. */
function queryPairs(parameter: ApiParameter, value: unknown): string[] {
  const style = parameter.style ?? 'form';
  const explode = explodeOf(parameter, style);
  const key = enc(parameter.wireName);
  if (style === 'json') return [`${key}=${enc(JSON.stringify(value))}`];
  if (style === 'deepObject' && isRecord(value)) {
    const pairs: string[] = [];
    deepObjectPairs(key, value, pairs);
    return pairs;
  }
  const delimiter = DELIMITERS[style] ?? ',';
  if (Array.isArray(value)) {
    const items = value.map((item) => enc(scalar(item)));
    return explode ? items.map((item) => `${key}=${item}`) : [`${key}=${items.join(delimiter)}`];
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined && item !== null);
    if (explode) return entries.map(([name, item]) => `${enc(name)}=${enc(scalar(item))}`);
    return [`${key}=${entries.map(([name, item]) => `${enc(name)}${delimiter}${enc(scalar(item))}`).join(delimiter)}`];
  }
  return [`${key}=${enc(scalar(value))}`];
}

function cookieValue(parameter: ApiParameter, value: unknown): string {
  if (parameter.style === 'json') return enc(JSON.stringify(value));
  if (Array.isArray(value)) return value.map((item) => enc(scalar(item))).join(',');
  if (isRecord(value)) return Object.entries(value).map(([key, item]) => `${enc(key)},${enc(scalar(item))}`).join(',');
  return enc(scalar(value));
}

// ——— headers ————————————————————————————————————————————————————————————

function headerValue(parameter: ApiParameter, value: unknown): string {
  const explode = parameter.explode ?? false;
  let text: string;
  if (parameter.style === 'json') text = JSON.stringify(value);
  else if (Array.isArray(value)) text = value.map(scalar).join(',');
  else if (isRecord(value)) text = Object.entries(value).map(([key, item]) => (explode ? `${key}=${scalar(item)}` : `${key},${scalar(item)}`)).join(',');
  else text = scalar(value);
  if (!HEADER_VALUE.test(text)) fail(`Header parameter "${parameter.name}" must not contain line breaks or control characters`, parameter.name);
  return text;
}

// ——— body ———————————————————————————————————————————————————————————————

interface FileValue {
  name?: unknown;
  mimeType?: unknown;
  base64: string;
}

function isFileValue(value: unknown): value is FileValue {
  return isRecord(value) && typeof value.base64 === 'string';
}

function isBinary(parameter: ApiParameter): boolean {
  if (parameter.type === 'FILE') return true;
  const items = parameter.schema?.items;
  return parameter.type === 'ARRAY' && isRecord(items) && items.format === 'binary';
}

/** A file part: `{ name, mimeType, base64 }`, bytes, a `data:` URL, or text sent as a file. */
function fileBlob(value: unknown, fallbackName: string): { blob: Blob; filename: string } {
  if (isFileValue(value)) {
    const type = typeof value.mimeType === 'string' && value.mimeType ? value.mimeType : 'application/octet-stream';
    const filename = typeof value.name === 'string' && value.name ? value.name : fallbackName;
    return { blob: new Blob([Buffer.from(value.base64, 'base64')], { type }), filename };
  }
  if (value instanceof Uint8Array) return { blob: new Blob([value], { type: 'application/octet-stream' }), filename: fallbackName };
  const text = scalar(value);
  const dataUrl = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(text);
  if (dataUrl) {
    const bytes = dataUrl[2] ? Buffer.from(dataUrl[3]!, 'base64') : Buffer.from(decodeURIComponent(dataUrl[3]!));
    return { blob: new Blob([bytes], { type: dataUrl[1] || 'application/octet-stream' }), filename: fallbackName };
  }
  return { blob: new Blob([text], { type: 'text/plain' }), filename: fallbackName };
}

function appendFormValue(form: URLSearchParams, key: string, value: unknown): void {
  if (Array.isArray(value)) for (const item of value) form.append(key, scalar(item));
  else form.append(key, scalar(value));
}

function appendMultipartValue(form: FormData, key: string, value: unknown, binary: boolean): void {
  if (Array.isArray(value)) {
    for (const item of value) appendMultipartValue(form, key, item, binary);
    return;
  }
  if (binary || isFileValue(value) || value instanceof Uint8Array) {
    const { blob, filename } = fileBlob(value, key);
    form.append(key, blob, filename);
    return;
  }
  form.append(key, scalar(value));
}

function buildBody(operation: ApiOperation, parameters: Record<string, unknown>, headers: Record<string, string>): ApiRequest['body'] {
  const body = operation.body;
  if (!body) return undefined;
  const bodyParameters = operation.parameters.filter((parameter) => parameter.in === 'body');
  // Entries of [wireName, value, parameter] to send; `whole` sends the one body parameter's value as the body.
  let entries: [string, unknown, ApiParameter | undefined][];
  if (body.whole) {
    const parameter = bodyParameters[0];
    const value = parameter ? valueOf(parameters, parameter) : undefined;
    if (value === undefined) return undefined;
    if (body.encoding === 'json') {
      headers['content-type'] = body.contentType;
      return JSON.stringify(value);
    }
    if (!isRecord(value)) {
      headers['content-type'] = body.contentType;
      return scalar(value);
    }
    entries = Object.entries(value).map(([key, item]) => [key, item, undefined]);
  } else {
    entries = bodyParameters.map((parameter) => [parameter.wireName, valueOf(parameters, parameter), parameter]);
  }
  entries = entries.filter(([, value]) => value !== undefined && value !== null);
  if (entries.length === 0 && !body.required) return undefined;

  switch (body.encoding) {
    case 'json': {
      const object: Record<string, unknown> = {};
      for (const [key, value] of entries) setOwn(object, key, value);
      headers['content-type'] = body.contentType;
      return JSON.stringify(object);
    }
    case 'form': {
      const form = new URLSearchParams();
      for (const [key, value] of entries) appendFormValue(form, key, value);
      headers['content-type'] = body.contentType;
      return form;
    }
    case 'multipart': {
      // No content-type header: FormData supplies it, with the boundary.
      const form = new FormData();
      for (const [key, value, parameter] of entries) appendMultipartValue(form, key, value, parameter ? isBinary(parameter) : false);
      return form;
    }
  }
}

// ——— auth ———————————————————————————————————————————————————————————————

function credential(credentials: ApiCredentialValues, field: string): string {
  const value = Object.hasOwn(credentials, field) ? credentials[field] : undefined;
  if (typeof value !== 'string' || value === '') throw new ValidationError(`The provider's auth needs credentials.${field}`, { field: `credentials.${field}` });
  if (/[\r\n\0]/.test(value)) throw new ValidationError(`credentials.${field} must not contain line breaks`, { field: `credentials.${field}` });
  return value;
}

function checkHeaderValue(value: string, field: string): string {
  if (!HEADER_VALUE.test(value)) throw new ValidationError(`${field} must not contain line breaks or control characters`, { field });
  return value;
}

/** Adds the auth header or query parameter; auth wins over a document parameter of the same name. */
function applyAuth(auth: ApiAuth, credentials: ApiCredentialValues, headers: Record<string, string>, query: string[]): string[] {
  switch (auth.type) {
    case 'NONE':
      return query;
    case 'API_KEY_HEADER': {
      if (!HEADER_NAME.test(auth.headerName)) throw new ValidationError('auth.headerName must be a valid HTTP header name', { field: 'auth.headerName' });
      const key = credential(credentials, 'apiKey');
      const prefix = auth.prefix === 'BEARER' ? 'Bearer ' : auth.prefix === 'BASIC' ? 'Basic ' : auth.prefix === 'CUSTOM' ? (auth.customPrefix ?? '') : '';
      headers[auth.headerName.toLowerCase()] = checkHeaderValue(`${prefix}${key}`, 'auth.customPrefix');
      return query;
    }
    case 'API_KEY_QUERY': {
      const key = credential(credentials, 'apiKey');
      const name = enc(auth.queryParam);
      return [...query.filter((pair) => pair.split('=')[0] !== name), `${name}=${enc(key)}`];
    }
    case 'BASIC': {
      const username = credential(credentials, 'username');
      const password = credential(credentials, 'password');
      if (username.includes(':')) throw new ValidationError('credentials.username must not contain ":" (basic auth)', { field: 'credentials.username' });
      headers.authorization = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
      return query;
    }
    case 'BEARER': {
      headers.authorization = checkHeaderValue(`Bearer ${credential(credentials, 'token')}`, 'credentials.token');
      return query;
    }
  }
}

/** serverUrl + path without a doubled or missing slash; the server URL keeps its own path prefix. */
export function joinUrl(serverUrl: string, path: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * The request for one call. `parameters` are keyed by tool parameter name (already validated);
 * missing optional ones are left out. Throws ValidationError for a missing path parameter, a
 * value that would change the path's structure, a header value with line breaks, or missing or
 * malformed credentials.
 */
export function buildApiRequest(
  operation: ApiOperation,
  serverUrl: string,
  parameters: Record<string, unknown>,
  auth: ApiAuth,
  credentials: ApiCredentialValues,
): ApiRequest {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  let query: string[] = [];
  const path = buildPath(operation, parameters);
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path' || parameter.in === 'body') continue;
    const value = valueOf(parameters, parameter);
    if (value === undefined) continue;
    if (parameter.in === 'query') query.push(...queryPairs(parameter, value));
    else if (parameter.in === 'header') {
      if (!HEADER_NAME.test(parameter.wireName)) fail(`"${parameter.wireName}" is not a valid header name`, parameter.name);
      headers[parameter.wireName.toLowerCase()] = headerValue(parameter, value);
    } else cookies.push(`${enc(parameter.wireName)}=${cookieValue(parameter, value)}`);
  }
  if (cookies.length > 0) headers.cookie = headers.cookie ? `${headers.cookie}; ${cookies.join('; ')}` : cookies.join('; ');
  const body = buildBody(operation, parameters, headers);
  // A server URL with its own query (rare, but seen) keeps it, before the operation's parameters.
  const [server = '', serverQuery] = serverUrl.split('#')[0]!.split('?', 2);
  if (serverQuery) query.unshift(...serverQuery.split('&').filter(Boolean));
  query = applyAuth(auth, credentials, headers, query);
  const url = joinUrl(server, path) + (query.length > 0 ? `?${query.join('&')}` : '');
  if (!URL.canParse(url)) throw new ValidationError('The provider needs an absolute server URL', { field: 'serverUrl' });
  return { method: operation.method.toUpperCase(), url, headers, ...(body !== undefined ? { body } : {}) };
}
