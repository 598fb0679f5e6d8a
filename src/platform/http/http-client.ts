/**
 * The one way Plugboard calls out to the network on behalf of users (tools, extensions,
 * OpenAPI imports). The implementation (guarded-client.ts) refuses private, loopback and
 * link-local destinations unless allow-listed, re-checks every redirect hop and every
 * resolved address, and enforces timeouts and a response size cap.
 */
export interface OutboundRequest {
  method: string;
  /** Absolute http(s) URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | URLSearchParams | FormData;
  /** Aborts the request (and the body stream) when the caller goes away. */
  signal?: AbortSignal;
  /** Time allowed to open the TCP/TLS connection. */
  connectTimeoutMs?: number;
  /** Time allowed for the whole exchange, body included. */
  totalTimeoutMs?: number;
  /** Reading more than this many body bytes fails with RESPONSE_TOO_LARGE. */
  maxResponseBytes?: number;
  /** Extra attempts after a network error or a 502/503/504; only GET, HEAD, OPTIONS, PUT and DELETE are retried. */
  retries?: number;
  /** Redirects followed (each hop re-checked); 0 returns the 3xx response itself. */
  maxRedirects?: number;
}

export interface OutboundResponse {
  status: number;
  /** The final URL after redirects. */
  url: string;
  headers: Headers;
  /** Body chunks as they arrive; fails with RESPONSE_TOO_LARGE or TIMEOUT while reading. */
  body: AsyncIterable<Uint8Array>;
  bytes(): Promise<Uint8Array>;
  text(): Promise<string>;
  json(): Promise<unknown>;
  /** Releases the connection without reading the body. */
  discard(): Promise<void>;
}

export interface HttpClient {
  request(request: OutboundRequest): Promise<OutboundResponse>;
}

export interface HttpClientDefaults {
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number;
  maxRedirects: number;
}
