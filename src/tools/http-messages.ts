/**
 * Turns an HTTP response into tool messages while it streams. Shared by the `http_request`
 * builtin and imported API tools, so every HTTP-backed tool answers the same way:
 * - JSON (`application/json`, `*+json`): read whole (the client caps the size), then one JSON
 *   message and one TEXT message with the body as received; invalid JSON gives the TEXT only.
 * - text (`text/*`, XML, NDJSON, event streams…): TEXT messages as bytes arrive, decoded by a
 *   streaming TextDecoder so a character split across chunks comes out whole.
 * - anything else: base64 BLOB chunks in order.
 * - no content type: the first bytes decide (valid UTF-8 without NUL bytes → text).
 * - a compressed body (Content-Encoding other than identity; the guarded client does not
 *   decompress): BLOB chunks of application/octet-stream.
 * - status >= 400: UPSTREAM_ERROR with `details.status` and, for a text body, a short excerpt.
 */
import { STATUS_CODES } from 'node:http';
import { TextDecoder } from 'node:util';
import { UpstreamError } from '../errors.js';
import type { OutboundResponse } from '../platform/http/http-client.js';
import type { ToolMessage } from './tool.types.js';

export const DEFAULT_CHUNK_BYTES = 64 * 1024;
/** At most this much of an error response's body is read. */
const ERROR_BODY_BYTES = 4096;
/** At most this many characters of it go into the error message. */
const ERROR_EXCERPT_CHARS = 300;
const OCTET_STREAM = 'application/octet-stream';

/** How a body turns into messages. UNKNOWN: no usable content type, the first bytes decide. */
export type BodyKind = 'JSON' | 'TEXT' | 'BINARY' | 'UNKNOWN';

export interface MediaType {
  /** `type/subtype`, lower-cased, without parameters. */
  essence: string;
  charset: string | undefined;
}

const TEXT_TYPES = new Set([
  'application/xml',
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/json-seq',
  'application/javascript',
  'application/ecmascript',
  'application/x-www-form-urlencoded',
  'application/yaml',
  'application/x-yaml',
  'application/toml',
  'application/graphql',
  'application/sql',
]);

/** Parses a Content-Type header; null when absent or not `type/subtype`. */
export function parseMediaType(header: string | null | undefined): MediaType | null {
  if (!header) return null;
  const [head = '', ...params] = header.split(';');
  const essence = head.trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+*-]+$/.test(essence)) return null;
  let charset: string | undefined;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq > 0 && param.slice(0, eq).trim().toLowerCase() === 'charset') {
      charset = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1').toLowerCase() || undefined;
    }
  }
  return { essence, charset };
}

export function bodyKind(media: MediaType | null): BodyKind {
  if (!media) return 'UNKNOWN';
  const { essence } = media;
  if (essence.startsWith('image/')) return 'BINARY';
  if (essence === 'application/json' || essence === 'text/json' || essence.endsWith('+json')) return 'JSON';
  if (essence.startsWith('text/') || essence.endsWith('+xml') || TEXT_TYPES.has(essence)) return 'TEXT';
  return 'BINARY';
}

/** A decoder for the declared charset, UTF-8 when none or one TextDecoder does not know. */
function decoderFor(charset: string | undefined): TextDecoder {
  if (charset) {
    try {
      return new TextDecoder(charset);
    } catch {
      // An unknown label: fall back to UTF-8, the usual truth on the wire.
    }
  }
  return new TextDecoder('utf-8');
}

/** Heuristic for a body without a content type: no NUL byte and valid UTF-8 (a trailing partial character is fine). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** A Content-Encoding other than identity: the bytes are compressed and cannot be read as text. */
function isEncoded(headers: Headers): boolean {
  const encoding = headers.get('content-encoding');
  return encoding !== null && encoding.split(',').some((part) => !['', 'identity'].includes(part.trim().toLowerCase()));
}

function declaredLength(headers: Headers): number | null {
  const value = headers.get('content-length')?.trim();
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const length = Number(value);
  return Number.isSafeInteger(length) ? length : null;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Turns body chunks into messages: `push` per chunk as it arrives, `end` once the body is complete. */
interface MessageEncoder {
  push(chunk: Uint8Array): ToolMessage[];
  end(): ToolMessage[];
}

class JsonEncoder implements MessageEncoder {
  private readonly chunks: Uint8Array[] = [];
  constructor(private readonly charset: string | undefined) {}

  push(chunk: Uint8Array): ToolMessage[] {
    this.chunks.push(chunk);
    return [];
  }

  end(): ToolMessage[] {
    const text = decoderFor(this.charset).decode(Buffer.concat(this.chunks));
    if (text === '') return [];
    try {
      return [{ type: 'JSON', json: JSON.parse(text) as unknown }, { type: 'TEXT', text }];
    } catch {
      return [{ type: 'TEXT', text }];
    }
  }
}

class TextChunkEncoder implements MessageEncoder {
  private readonly decoder: TextDecoder;
  constructor(charset: string | undefined) {
    this.decoder = decoderFor(charset);
  }

  push(chunk: Uint8Array): ToolMessage[] {
    const text = this.decoder.decode(chunk, { stream: true });
    return text === '' ? [] : [{ type: 'TEXT', text }];
  }

  end(): ToolMessage[] {
    const text = this.decoder.decode();
    return text === '' ? [] : [{ type: 'TEXT', text }];
  }
}

/**
 * BLOB chunks of at most `chunkBytes`. Every chunk but the last holds a multiple of 3 bytes,
 * so each chunk's base64 decodes on its own AND the chunks' base64 strings concatenate into
 * valid base64 of the whole. With a Content-Length, the chunk that completes the body is sent
 * as final at once; without one, a chunk goes out only once a later byte has arrived (so it
 * is known not to be the last): at most 3 bytes wait for the next read or the end.
 */
class BlobEncoder implements MessageEncoder {
  private pending: Uint8Array = new Uint8Array(0);
  private received = 0;
  private sequence = 0;
  private finished = false;
  private readonly maxPiece: number;
  private readonly unit: number;

  constructor(
    private readonly mimeType: string,
    private readonly totalLength: number | null,
    chunkBytes: number,
  ) {
    this.unit = chunkBytes >= 3 ? 3 : 1;
    this.maxPiece = chunkBytes - (chunkBytes % this.unit);
  }

  private message(data: Uint8Array, final: boolean): ToolMessage {
    const message: ToolMessage = { type: 'BLOB', mimeType: this.mimeType, sequence: this.sequence, data: toBase64(data), totalLength: this.totalLength, final };
    this.sequence += 1;
    this.finished ||= final;
    return message;
  }

  push(chunk: Uint8Array): ToolMessage[] {
    if (chunk.byteLength === 0 || this.finished) return [];
    this.received += chunk.byteLength;
    const bytes = this.pending.byteLength === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const complete = this.received === this.totalLength;
    // Bytes to keep back: none once the declared length is reached, else at least one.
    const keep = complete ? 0 : ((bytes.byteLength - 1) % this.unit) + 1;
    const messages: ToolMessage[] = [];
    let offset = 0;
    while (bytes.byteLength - offset > keep) {
      const size = Math.min(this.maxPiece, bytes.byteLength - offset - keep);
      const end = offset + size;
      messages.push(this.message(bytes.subarray(offset, end), complete && end === bytes.byteLength));
      offset = end;
    }
    this.pending = bytes.subarray(offset);
    return messages;
  }

  end(): ToolMessage[] {
    if (this.finished) return [];
    const last = this.message(this.pending, true);
    this.pending = new Uint8Array(0);
    return [last];
  }
}

/** No content type: text if the first bytes look like UTF-8 text, a BLOB otherwise. */
class SniffingEncoder implements MessageEncoder {
  private chosen: MessageEncoder | undefined;
  constructor(private readonly choose: (text: boolean) => MessageEncoder) {}

  push(chunk: Uint8Array): ToolMessage[] {
    if (chunk.byteLength === 0) return [];
    this.chosen ??= this.choose(looksLikeText(chunk));
    return this.chosen.push(chunk);
  }

  end(): ToolMessage[] {
    // An empty body without a content type: nothing to say.
    return this.chosen ? this.chosen.end() : [];
  }
}

function encoderFor(response: OutboundResponse, chunkBytes: number): MessageEncoder {
  const media = parseMediaType(response.headers.get('content-type'));
  const totalLength = declaredLength(response.headers);
  const blob = (mimeType: string) => new BlobEncoder(mimeType, totalLength, chunkBytes);
  if (isEncoded(response.headers)) return blob(OCTET_STREAM);
  switch (bodyKind(media)) {
    case 'JSON':
      return new JsonEncoder(media?.charset);
    case 'TEXT':
      return new TextChunkEncoder(media?.charset);
    case 'BINARY':
      return blob(media?.essence ?? OCTET_STREAM);
    case 'UNKNOWN':
      return new SniffingEncoder((text) => (text ? new TextChunkEncoder(undefined) : blob(OCTET_STREAM)));
  }
}

function chunkSize(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value) || value < 1) return DEFAULT_CHUNK_BYTES;
  return Math.floor(value);
}

/**
 * The messages of an HTTP response, yielded as its body arrives. A status >= 400 throws
 * UPSTREAM_ERROR instead (see `upstreamStatusError`). Stopping the iteration early releases
 * the connection.
 */
export async function* responseMessages(response: OutboundResponse, options: { chunkBytes?: number } = {}): AsyncIterable<ToolMessage> {
  if (response.status >= 400) throw await upstreamStatusError(response);
  const encoder = encoderFor(response, chunkSize(options.chunkBytes));
  for await (const chunk of response.body) {
    for (const message of encoder.push(chunk)) yield message;
  }
  for (const message of encoder.end()) yield message;
}

/** Up to ERROR_BODY_BYTES of a text body, whitespace collapsed and cut short; null for binary or unreadable bodies. */
async function errorExcerpt(response: OutboundResponse): Promise<string | null> {
  const media = parseMediaType(response.headers.get('content-type'));
  const kind = bodyKind(media);
  if (kind === 'BINARY' || isEncoded(response.headers)) {
    await response.discard().catch(() => undefined);
    return null;
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for await (const chunk of response.body) {
      chunks.push(chunk);
      received += chunk.byteLength;
      // Leaving the loop releases the connection; the rest of the body is not wanted.
      if (received >= ERROR_BODY_BYTES) break;
    }
  } catch {
    // A body that fails midway (timeout, reset): the status alone still tells the story.
  }
  const bytes = Buffer.concat(chunks).subarray(0, ERROR_BODY_BYTES);
  if (bytes.byteLength === 0 || (kind === 'UNKNOWN' && !looksLikeText(bytes))) return null;
  // stream: true leaves out a character cut in half at the 4 KB boundary.
  const text = decoderFor(media?.charset).decode(bytes, { stream: true }).replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return text.length > ERROR_EXCERPT_CHARS ? `${text.slice(0, ERROR_EXCERPT_CHARS)}…` : text;
}

/**
 * The UPSTREAM_ERROR for an error status: `details.status`, and a message with the status and,
 * when the body is text, a short excerpt of it. Never headers, never the request URL. Reads at
 * most ~4 KB of the body and releases the response.
 */
export async function upstreamStatusError(response: OutboundResponse): Promise<UpstreamError> {
  const reason = STATUS_CODES[response.status];
  const excerpt = await errorExcerpt(response);
  const message = `The upstream service answered HTTP ${response.status}${reason ? ` ${reason}` : ''}${excerpt ? `: ${excerpt}` : ''}`;
  return new UpstreamError(message, { status: response.status });
}
