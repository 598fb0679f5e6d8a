/**
 * The SSRF-guarded HttpClient, on undici 7. Literal-IP hosts are checked before
 * connecting; hostnames are checked at connect time by the guarded DNS lookup
 * (guarded-connector.ts). Redirects are followed here, hop by hop, each re-checked.
 * One total timer covers every hop, retry and the body read; the caller's signal aborts
 * all of it.
 */
import { Agent, type Dispatcher } from 'undici';
import { ValidationError, UpstreamError } from '../../errors.js';
import { createAddressPolicy, normalizeHost } from './address-policy.js';
import { type HostResolver, checkLiteralHost, createGuardedConnector } from './guarded-connector.js';
import { declaredLength, firstHeader, releaseBody, wrapResponse } from './guarded-response.js';
import type { HttpClient, HttpClientDefaults, OutboundRequest, OutboundResponse } from './http-client.js';
import { OutboundExchange, isRetryableNetworkError } from './outbound-exchange.js';

export type { HostResolver };

export interface GuardedClientOptions {
  /** Hosts or CIDRs/IPs allowed even though private/loopback/link-local, e.g. ['127.0.0.1', '10.0.0.0/8', 'internal.example.com']. */
  allow: string[];
  defaults: HttpClientDefaults;
  userAgent?: string;
  /** Resolves hostnames at connect time (default: the system resolver). Every address it returns is still checked; tests pass a fake. */
  resolve?: HostResolver;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const RETRY_STATUSES = new Set([502, 503, 504]);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const METHOD_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Z-]+$/;
const REFUSED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
/** Set by undici from the URL and body, or meaningless to forward. */
const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'upgrade',
  'expect',
  'content-length',
]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const BACKOFF_BASE_MS = 100;
const BACKOFF_MAX_MS = 1000;
/** Distinct connect timeouts get their own Agent (undici's connect timeout is per dispatcher); beyond this many, the default Agent is used. */
const MAX_AGENTS = 8;

type Body = string | Uint8Array | undefined;

interface Settings {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
  maxRedirects: number;
  retries: number;
}

export function createGuardedHttpClient(options: GuardedClientOptions): HttpClient & { close(): Promise<void> } {
  const policy = createAddressPolicy(options.allow);
  const userAgent = options.userAgent ?? 'Plugboard';
  const agents = new Map<number, Agent>();
  let closed = false;

  function agentFor(connectTimeoutMs: number): Agent {
    let agent = agents.get(connectTimeoutMs);
    if (!agent && agents.size >= MAX_AGENTS) agent = agents.get(options.defaults.connectTimeoutMs);
    if (!agent) {
      agent = new Agent({ connect: createGuardedConnector(policy, connectTimeoutMs, options.resolve) });
      agents.set(connectTimeoutMs, agent);
    }
    return agent;
  }
  agentFor(options.defaults.connectTimeoutMs);

  async function request(req: OutboundRequest): Promise<OutboundResponse> {
    if (closed) throw new UpstreamError('The HTTP client is closed');
    const settings = resolveSettings(req, options.defaults);
    let url = parseTarget(req.url);
    let method = parseMethod(req.method);
    const headers = prepareHeaders(req.headers, userAgent);
    let body = await encodeBody(req.body, headers);
    const agent = agentFor(settings.connectTimeoutMs);
    const exchange = new OutboundExchange(req.signal, settings.totalTimeoutMs, url.host);
    let retriesLeft = settings.retries;
    let redirects = 0;

    /** Sends one hop, retrying idempotent requests on network errors and 502/503/504. */
    async function send(): Promise<Dispatcher.ResponseData> {
      for (let attempt = 0; ; attempt++) {
        const retryable = IDEMPOTENT.has(method) && retriesLeft > 0;
        let res: Dispatcher.ResponseData;
        try {
          res = await agent.request({
            origin: url.origin,
            path: url.pathname + url.search,
            method,
            headers,
            body: body ?? null,
            signal: exchange.signal,
            headersTimeout: settings.totalTimeoutMs,
            bodyTimeout: settings.totalTimeoutMs,
          });
        } catch (err) {
          if (!retryable || exchange.stopped || !isRetryableNetworkError(err)) throw err;
          retriesLeft--;
          await exchange.sleep(backoff(attempt));
          continue;
        }
        if (retryable && RETRY_STATUSES.has(res.statusCode)) {
          retriesLeft--;
          await releaseBody(res.body, declaredLength(res.headers));
          await exchange.sleep(backoff(attempt));
          continue;
        }
        return res;
      }
    }

    try {
      for (;;) {
        exchange.host = url.host;
        const refused = checkLiteralHost(policy, url.hostname);
        if (refused) throw refused;

        const res = await send();
        const location = firstHeader(res.headers, 'location');
        if (!REDIRECT_STATUSES.has(res.statusCode) || location === undefined || settings.maxRedirects === 0) {
          return wrapResponse(res, url, method, settings.maxResponseBytes, exchange);
        }

        await releaseBody(res.body, declaredLength(res.headers));
        if (redirects >= settings.maxRedirects) {
          throw new UpstreamError(`Too many redirects from ${url.host} (more than ${settings.maxRedirects})`);
        }
        redirects++;
        const next = parseRedirect(location, url);
        if ((res.statusCode === 303 && method !== 'HEAD') || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          for (const name of ['content-type', 'content-encoding', 'content-language', 'content-location']) delete headers[name];
        }
        if (next.origin !== url.origin) {
          for (const name of CREDENTIAL_HEADERS) delete headers[name];
        }
        url = next;
      }
    } catch (err) {
      exchange.finish();
      throw exchange.mapError(err);
    }
  }

  return {
    request,
    async close() {
      closed = true;
      const all = [...agents.values()];
      agents.clear();
      await Promise.all(all.map((agent) => agent.close()));
    },
  };
}

function backoff(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** attempt, BACKOFF_MAX_MS);
}

function positive(value: number | undefined, fallback: number, name: string, allowZero = false): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result < 0 || (!allowZero && result === 0)) {
    throw new ValidationError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} number`);
  }
  return result;
}

function resolveSettings(req: OutboundRequest, defaults: HttpClientDefaults): Settings {
  return {
    connectTimeoutMs: positive(req.connectTimeoutMs, defaults.connectTimeoutMs, 'connectTimeoutMs'),
    totalTimeoutMs: positive(req.totalTimeoutMs, defaults.totalTimeoutMs, 'totalTimeoutMs'),
    maxResponseBytes: positive(req.maxResponseBytes, defaults.maxResponseBytes, 'maxResponseBytes', true),
    maxRedirects: Math.floor(positive(req.maxRedirects, defaults.maxRedirects, 'maxRedirects', true)),
    retries: Math.floor(positive(req.retries, 0, 'retries', true)),
  };
}

/** An absolute http(s) URL without credentials. The URL itself never goes into the message (query strings). */
function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ValidationError('The outbound URL is not a valid absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(`Unsupported URL scheme "${url.protocol}" (only http: and https:)`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ValidationError('Credentials in the URL are not allowed; send them in a header');
  }
  if (normalizeHost(url.hostname) === '') throw new ValidationError('The outbound URL has no host');
  return url;
}

function parseRedirect(location: string, from: URL): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new UpstreamError(`${from.host} sent an invalid redirect`);
  }
  if ((next.protocol !== 'http:' && next.protocol !== 'https:') || next.username !== '' || next.password !== '') {
    throw new UpstreamError(`${from.host} redirected to an unsupported URL`);
  }
  return next;
}

function parseMethod(raw: string): string {
  const method = raw.toUpperCase();
  if (!METHOD_TOKEN.test(method) || REFUSED_METHODS.has(method)) {
    throw new ValidationError(`Unsupported HTTP method "${raw.slice(0, 20)}"`);
  }
  return method;
}

function prepareHeaders(raw: Record<string, string> | undefined, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const key = name.toLowerCase();
    if (DROPPED_REQUEST_HEADERS.has(key)) continue;
    headers[key] = value;
  }
  headers['user-agent'] ??= userAgent;
  return headers;
}

/** Buffers form bodies (so they can be retried and re-sent on 307/308) and sets their content type. */
async function encodeBody(body: OutboundRequest['body'], headers: Record<string, string>): Promise<Body> {
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    return body.toString();
  }
  if (body instanceof FormData) {
    const encoded = new Response(body);
    // The boundary is generated here, so our content type wins over the caller's.
    const type = encoded.headers.get('content-type');
    if (type) headers['content-type'] = type;
    return new Uint8Array(await encoded.arrayBuffer());
  }
  throw new ValidationError('Unsupported request body type');
}
