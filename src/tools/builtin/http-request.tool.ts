import { responseMessages } from '../http-messages.js';
import type { Tool, ToolInvocation, ToolMessage } from '../tool.types.js';
import { invalid, isPlainObject, optionalObject, optionalString, requiredString, selectValue } from './parameter-values.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

const MAX_URL_LENGTH = 8192;
const MAX_HEADERS = 50;
const MAX_HEADER_VALUE_LENGTH = 8192;
const MAX_BODY_LENGTH = 1_000_000;
const MAX_QUERY_PARAMETERS = 100;
/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** CR, LF and NUL would split or truncate the header block. */
const FORBIDDEN_IN_VALUE = /[\r\n\0]/;
/**
 * Dropped from the caller's headers: the response must arrive uncompressed to be read as
 * text or JSON (the guarded client does not decompress).
 */
const DROPPED_HEADERS = new Set(['accept-encoding']);

/** Header names and values checked: a CR/LF (header injection) or a bad name is BAD_USER_INPUT, naming only the header. */
function requestHeaders(parameters: Record<string, unknown>): Record<string, string> | undefined {
  const raw = optionalObject(parameters, 'headers');
  if (!raw) return undefined;
  const entries = Object.entries(raw);
  if (entries.length > MAX_HEADERS) throw invalid('headers', `At most ${MAX_HEADERS} headers are allowed`);
  const headers: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name)) throw invalid('headers', 'A header name contains characters that are not allowed', { header: name.slice(0, 100) });
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw invalid('headers', `Header "${name}" must have a string value`, { header: name });
    }
    const text = String(value);
    // The value itself is never repeated back: it may be a credential.
    if (FORBIDDEN_IN_VALUE.test(text)) throw invalid('headers', `Header "${name}" contains a line break or NUL character`, { header: name });
    if (text.length > MAX_HEADER_VALUE_LENGTH) throw invalid('headers', `Header "${name}" is longer than ${MAX_HEADER_VALUE_LENGTH} characters`, { header: name });
    if (DROPPED_HEADERS.has(name.toLowerCase())) continue;
    headers[name] = text;
  }
  return headers;
}

function queryValues(name: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((item) => (Array.isArray(item) || isPlainObject(item) ? badQuery(name) : queryValues(name, item)));
  return badQuery(name);
}

function badQuery(name: string): never {
  throw invalid('query', `Query parameter "${name}" must be a string, number, boolean or an array of them`);
}

/** The absolute http(s) URL with `query` merged in: each given name replaces that name's values in the URL. */
function requestUrl(parameters: Record<string, unknown>): string {
  const raw = requiredString(parameters, 'url', { maxLength: MAX_URL_LENGTH, nonEmpty: true });
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('url', 'Parameter "url" must be an absolute http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid('url', `Unsupported URL scheme "${url.protocol}" (only http: and https:)`);
  }
  const query = optionalObject(parameters, 'query');
  if (query) {
    const entries = Object.entries(query);
    if (entries.length > MAX_QUERY_PARAMETERS) throw invalid('query', `At most ${MAX_QUERY_PARAMETERS} query parameters are allowed`);
    for (const [name, value] of entries) {
      const values = queryValues(name, value);
      url.searchParams.delete(name);
      for (const item of values) url.searchParams.append(name, item);
    }
  }
  if (url.href.length > MAX_URL_LENGTH) throw invalid('url', `The URL is longer than ${MAX_URL_LENGTH} characters`);
  return url.href;
}

async function* httpRequest(invocation: ToolInvocation): AsyncIterable<ToolMessage> {
  const { parameters } = invocation;
  const method: Method = selectValue(parameters, 'method', METHODS, 'GET');
  const url = requestUrl(parameters);
  const headers = requestHeaders(parameters);
  const body = optionalString(parameters, 'body', { maxLength: MAX_BODY_LENGTH });
  if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
    throw invalid('body', `A ${method} request cannot have a body`);
  }
  invocation.signal.throwIfAborted();
  invocation.log.debug({ method, host: new URL(url).host }, 'http_request');
  // The client retries only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE), once here.
  const response = await invocation.http.request({ method, url, headers, body, signal: invocation.signal, retries: 1 });
  if (method === 'HEAD' && response.status < 400) {
    // A HEAD answer is its status and headers: a few descriptive ones, never cookies or the like.
    await response.discard();
    yield { type: 'JSON', json: { status: response.status, headers: describedHeaders(response.headers) } };
    return;
  }
  yield* responseMessages(response);
}

const DESCRIBED_HEADERS = ['content-type', 'content-length', 'last-modified', 'etag', 'cache-control', 'location'];

function describedHeaders(headers: Headers): Record<string, string> {
  const described: Record<string, string> = {};
  for (const name of DESCRIBED_HEADERS) {
    const value = headers.get(name);
    if (value !== null) described[name] = value;
  }
  return described;
}

export const httpRequestTool: Tool = {
  definition: {
    name: 'http_request',
    description:
      'Sends one HTTP request to a public http(s) URL and returns the response body. JSON responses come back as a JSON ' +
      'message plus the raw text; text responses (HTML, XML, plain text, event streams) as TEXT messages as they stream; ' +
      'images and other binary content as base64 BLOB chunks; HEAD gives a JSON message with the status and the ' +
      'content-type, content-length, last-modified, etag, cache-control and location headers. Error statuses (4xx/5xx) fail the call with UPSTREAM_ERROR ' +
      'and the status. Private and internal network addresses are refused. Responses are requested uncompressed.',
    parameters: [
      {
        name: 'method',
        type: 'SELECT',
        required: false,
        description: 'The HTTP method.',
        default: 'GET',
        options: [...METHODS],
      },
      {
        name: 'url',
        type: 'STRING',
        required: true,
        description: 'The absolute http:// or https:// URL to call, e.g. "https://api.example.com/items?limit=10".',
        schema: { type: 'string', minLength: 1, maxLength: MAX_URL_LENGTH },
      },
      {
        name: 'headers',
        type: 'OBJECT',
        required: false,
        description: 'Request headers as an object of header name to string value, e.g. {"Accept": "application/json"}.',
        schema: { type: 'object', additionalProperties: { type: 'string', maxLength: MAX_HEADER_VALUE_LENGTH }, maxProperties: MAX_HEADERS },
      },
      {
        name: 'body',
        type: 'STRING',
        required: false,
        description:
          'The request body as text (not allowed with GET or HEAD). Set a matching Content-Type header, e.g. "application/json" for a JSON body.',
        schema: { type: 'string', maxLength: MAX_BODY_LENGTH },
      },
      {
        name: 'query',
        type: 'OBJECT',
        required: false,
        description:
          'Query parameters merged into the URL, e.g. {"q": "plugboard", "page": 2}. An array value repeats the parameter; ' +
          'a name given here replaces the same name already in the URL.',
        schema: {
          type: 'object',
          maxProperties: MAX_QUERY_PARAMETERS,
          additionalProperties: {
            anyOf: [{ type: ['string', 'number', 'boolean'] }, { type: 'array', items: { type: ['string', 'number', 'boolean'] } }],
          },
        },
      },
    ],
  },
  invoke: httpRequest,
};
