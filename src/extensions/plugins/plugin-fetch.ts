/**
 * The gateway's half of `ctx.fetch`. A plugin's process has no network of its own; it asks
 * here, and the request goes out only if (1) the URL's host is declared in the manifest's
 * `permissions.hosts` and (2) the SSRF-guarded client lets it through (no private,
 * loopback or link-local addresses unless PLUGBOARD_OUTBOUND_ALLOW lists them). Redirects
 * are not followed: the plugin gets the 3xx and its Location, and fetching that is checked
 * again. Bodies cross the IPC channel as text or base64, capped both ways.
 */
import { z } from 'zod';
import { AppError, DestinationBlockedError, ValidationError } from '../../errors.js';
import { createGuardedHttpClient } from '../../platform/http/guarded-client.js';
import { type HostPattern, hostAllowed } from './plugin-permissions.js';

export interface PluginFetchOptions {
  /** PLUGBOARD_OUTBOUND_ALLOW entries: private hosts/ranges the guarded client may still reach. */
  allow: string[];
  /** Largest response body handed to a plugin, and largest request body accepted from one. */
  maxBodyBytes: number;
  /** Per-request ceiling; the call's remaining time is the other bound. */
  timeoutMs: number;
}

export interface PluginFetchResponse {
  status: number;
  url: string;
  headers: [string, string][];
  bodyBase64: string;
}

/** An error as the plugin sees it: `code` is the gateway's stable code. */
export interface PluginFetchFailure {
  code: string;
  message: string;
}

const MAX_HEADERS = 64;

export function fetchRequestSchema(maxBodyBytes: number) {
  const maxBase64Length = Math.ceil((maxBodyBytes * 4) / 3) + 4;
  return z
    .strictObject({
      url: z.string().max(8192),
      method: z.string().min(1).max(16),
      headers: z
        .record(z.string().max(256), z.string().max(8192))
        .refine((headers) => Object.keys(headers).length <= MAX_HEADERS, `at most ${MAX_HEADERS} headers`),
      body: z.string().optional(),
      bodyBase64: z.base64().optional(),
      timeoutMs: z.number().positive().optional(),
    })
    .refine((request) => request.body === undefined || request.bodyBase64 === undefined, 'body and bodyBase64 are exclusive')
    .refine(
      (request) => Buffer.byteLength(request.body ?? '') <= maxBodyBytes && (request.bodyBase64 ?? '').length <= maxBase64Length,
      `the request body is larger than ${maxBodyBytes} bytes`,
    );
}

export type PluginFetchRequest = z.infer<ReturnType<typeof fetchRequestSchema>>;

export class PluginFetcher {
  private readonly http;
  private readonly requestSchema;

  constructor(private readonly options: PluginFetchOptions) {
    this.http = createGuardedHttpClient({
      allow: options.allow,
      defaults: { connectTimeoutMs: 5000, totalTimeoutMs: options.timeoutMs, maxResponseBytes: options.maxBodyBytes, maxRedirects: 0 },
      userAgent: 'Plugboard-Plugin',
    });
    this.requestSchema = fetchRequestSchema(options.maxBodyBytes);
  }

  /**
   * Performs one request for `plugin`. Throws DestinationBlockedError for an undeclared host
   * (or one the SSRF guard refuses), ValidationError for a malformed request, and whatever
   * AppError the guarded client raises (TIMEOUT, RESPONSE_TOO_LARGE, UPSTREAM_ERROR).
   */
  async fetch(plugin: string, hosts: readonly HostPattern[], raw: unknown, signal: AbortSignal, remainingMs: number): Promise<PluginFetchResponse> {
    const parsed = this.requestSchema.safeParse(raw);
    if (!parsed.success) throw new ValidationError(`ctx.fetch: ${parsed.error.issues[0]?.message ?? 'invalid request'}`);
    const request = parsed.data;
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      throw new ValidationError('ctx.fetch: the URL is not a valid absolute URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError(`ctx.fetch: unsupported URL scheme "${url.protocol}"`);
    if (!hostAllowed(hosts, url)) {
      throw new DestinationBlockedError(`Plugin ${plugin} may not reach ${url.host}: it is not listed in permissions.hosts`, { plugin, host: url.host });
    }
    const body = request.bodyBase64 !== undefined ? Buffer.from(request.bodyBase64, 'base64') : request.body;
    const totalTimeoutMs = Math.max(1, Math.min(request.timeoutMs ?? this.options.timeoutMs, this.options.timeoutMs, remainingMs));
    const response = await this.http.request({ method: request.method, url: url.href, headers: request.headers, body, signal, totalTimeoutMs });
    const bytes = await response.bytes();
    return { status: response.status, url: response.url, headers: [...response.headers.entries()], bodyBase64: Buffer.from(bytes).toString('base64') };
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

/** How a failed request is reported to the plugin: codes and messages only, never a stack. */
export function describeFetchFailure(err: unknown): PluginFetchFailure {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  if (err instanceof Error && err.name === 'AbortError') return { code: 'ABORTED', message: 'The request was aborted' };
  return { code: 'UPSTREAM_ERROR', message: 'The request failed' };
}
