/**
 * Dify's API-based extension protocol, as a client: `POST <endpoint>` with
 * `Authorization: Bearer <api key>` and `{ "point": …, "params": { … } }`; the endpoint
 * answers 200 with a JSON object. Calls go through the SSRF-guarded client (timeouts,
 * response cap, every address checked); no retries (moderation is not idempotent to bill).
 */
import { ExtensionOutputInvalidError, ExtensionUnauthorizedError, UpstreamError } from '../errors.js';
import type { HttpClient } from '../platform/http/http-client.js';

export interface ApiExtensionTarget {
  endpoint: string;
  apiKey: string;
}

export interface ApiCallLimits {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
  signal?: AbortSignal;
}

/** The endpoint's JSON answer to `point`, or a coded error (TIMEOUT, DESTINATION_BLOCKED, EXTENSION_UNAUTHORIZED, UPSTREAM_ERROR, EXTENSION_OUTPUT_INVALID). */
export async function callApiExtension(http: HttpClient, target: ApiExtensionTarget, point: string, params: Record<string, unknown>, limits: ApiCallLimits): Promise<unknown> {
  const response = await http.request({
    method: 'POST',
    url: target.endpoint,
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${target.apiKey}` },
    body: JSON.stringify({ point, params }),
    connectTimeoutMs: limits.connectTimeoutMs,
    totalTimeoutMs: limits.totalTimeoutMs,
    maxResponseBytes: limits.maxResponseBytes,
    signal: limits.signal,
    maxRedirects: 0,
    retries: 0,
  });
  if (response.status === 401 || response.status === 403) {
    await response.discard();
    throw new ExtensionUnauthorizedError(`The extension endpoint refused the API key (HTTP ${response.status})`, { status: response.status });
  }
  if (response.status !== 200) {
    await response.discard();
    throw new UpstreamError(`The extension endpoint answered HTTP ${response.status}`, { status: response.status });
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ExtensionOutputInvalidError('The extension endpoint did not answer JSON');
  }
}

/** `ping` must answer `{"result": "pong"}`: checked before an API extension is saved. */
export async function pingApiExtension(http: HttpClient, target: ApiExtensionTarget, limits: ApiCallLimits): Promise<void> {
  const answer = await callApiExtension(http, target, 'ping', {}, limits);
  if ((answer as { result?: unknown } | null)?.result !== 'pong') {
    throw new ExtensionOutputInvalidError('The extension endpoint did not answer ping with {"result": "pong"}');
  }
}
