/**
 * Wraps an undici response as an OutboundResponse: WHATWG headers, a body that counts
 * bytes as they stream and destroys the connection past the cap, and errors mapped by the
 * exchange (TIMEOUT, RESPONSE_TOO_LARGE, AbortError).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { ResponseTooLargeError, UpstreamError } from '../../errors.js';
import type { OutboundResponse } from './http-client.js';
import type { OutboundExchange } from './outbound-exchange.js';

type UndiciBody = Dispatcher.ResponseData['body'];

/** Bodies up to this size are read and thrown away so the connection can be reused; larger ones close it. */
const DRAIN_LIMIT = 64 * 1024;

export function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, item);
      } catch {
        // A header the WHATWG Headers class refuses (bad bytes) is dropped rather than failing the call.
      }
    }
  }
  return headers;
}

export function firstHeader(raw: IncomingHttpHeaders, name: string): string | undefined {
  const value = raw[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Lets go of a body nobody will read: drains a small one (keeps the connection), destroys anything else. */
export async function releaseBody(body: UndiciBody, contentLength: number | null): Promise<void> {
  if (body.readableEnded || body.destroyed) return;
  if (contentLength !== null && contentLength <= DRAIN_LIMIT) {
    await body.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
  } else {
    body.on('error', () => undefined);
    body.destroy();
  }
}

export function declaredLength(raw: IncomingHttpHeaders): number | null {
  const value = firstHeader(raw, 'content-length');
  if (value === undefined || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}

export function wrapResponse(
  res: Dispatcher.ResponseData,
  url: URL,
  method: string,
  maxResponseBytes: number,
  exchange: OutboundExchange,
): OutboundResponse {
  const host = url.host;
  const noBody = method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304;
  const length = noBody ? null : declaredLength(res.headers);
  const tooLarge = () => new ResponseTooLargeError(`Response from ${host} exceeds ${maxResponseBytes} bytes`, { limit: maxResponseBytes });

  if (length !== null && length > maxResponseBytes) {
    res.body.on('error', () => undefined);
    res.body.destroy();
    exchange.finish();
    throw tooLarge();
  }

  let used = false;
  const take = (): AsyncIterable<Uint8Array> => {
    if (used) throw new TypeError('The response body has already been read or discarded');
    used = true;
    return stream();
  };

  async function* stream(): AsyncGenerator<Uint8Array> {
    let received = 0;
    try {
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        received += chunk.byteLength;
        if (received > maxResponseBytes) {
          res.body.destroy();
          throw tooLarge();
        }
        yield chunk;
      }
    } catch (err) {
      throw exchange.mapError(err);
    } finally {
      // Stopped early (break, error): the rest of the body is not wanted and the socket must go.
      if (!res.body.readableEnded && !res.body.destroyed) res.body.destroy();
      exchange.finish();
    }
  }

  async function bytes(): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    for await (const chunk of take()) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  async function text(): Promise<string> {
    return new TextDecoder().decode(await bytes());
  }

  return {
    status: res.statusCode,
    url: url.href,
    headers: toHeaders(res.headers),
    body: { [Symbol.asyncIterator]: () => take()[Symbol.asyncIterator]() },
    bytes,
    text,
    async json() {
      const body = await text();
      try {
        return JSON.parse(body) as unknown;
      } catch {
        throw new UpstreamError(`Response from ${host} is not valid JSON`);
      }
    },
    async discard() {
      const fresh = !used;
      used = true;
      try {
        if (fresh) await releaseBody(res.body, length);
        else if (!res.body.readableEnded && !res.body.destroyed) res.body.destroy();
      } finally {
        exchange.finish();
      }
    },
  };
}
