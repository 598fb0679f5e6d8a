import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../support/local-server.js';
import { createGuardedHttpClient } from '../../src/platform/http/guarded-client.js';
import { bodyKind, parseMediaType, responseMessages } from '../../src/tools/http-messages.js';
import type { ToolMessage } from '../../src/tools/tool.types.js';
import { wait } from '../support/timing.js';

type Blob = Extract<ToolMessage, { type: 'BLOB' }>;

const client = createGuardedHttpClient({
  allow: ['127.0.0.1'],
  defaults: { connectTimeoutMs: 2000, totalTimeoutMs: 5000, maxResponseBytes: 1_000_000, maxRedirects: 3 },
});

const bytes = (length: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 7 + 3) % 256));

/** What /slow had written when: lets a test check a message arrived before the rest was sent. */
const slow = { secondWritten: false };
const EMOJI_TEXT = 'héllo 😀 wörld';

const handler: http.RequestListener = (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  void (async () => {
    switch (url.pathname) {
      case '/json':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        return res.end('{ "a": 1, "b": [true, null] }');
      case '/problem':
        res.writeHead(200, { 'content-type': 'application/problem+json' });
        return res.end('{"title":"ok"}');
      case '/bad-json':
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end('not json {');
      case '/slow':
        slow.secondWritten = false;
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.write('first');
        await wait(300);
        slow.secondWritten = true;
        return res.end('second');
      case '/utf8': {
        const encoded = Buffer.from(EMOJI_TEXT, 'utf8');
        const cut = encoded.indexOf(Buffer.from('😀', 'utf8')) + 2; // inside the emoji's 4 bytes
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.write(encoded.subarray(0, cut));
        await wait(150);
        return res.end(encoded.subarray(cut));
      }
      case '/latin1':
        res.writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' });
        return res.end(Buffer.from('café crème', 'latin1'));
      case '/events':
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: one\n\n');
        await wait(100);
        return res.end('data: two\n\n');
      case '/binary': {
        const body = bytes(Number(url.searchParams.get('length')));
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(body.length) });
        return res.end(body);
      }
      case '/binary-chunked': {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const body = bytes(2500);
        for (let offset = 0; offset < body.length; offset += 700) {
          res.write(body.subarray(offset, offset + 700));
          await wait(20);
        }
        return res.end();
      }
      case '/empty-binary':
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '0' });
        return res.end();
      case '/image':
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': '12' });
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      case '/untyped-text':
        return res.end('just words');
      case '/untyped-binary':
        return res.end(Buffer.from([0, 1, 2, 255]));
      case '/missing':
        res.writeHead(404, { 'content-type': 'text/plain', 'x-secret': 'header-secret-value' });
        return res.end('Nothing   here:\n /missing');
      case '/error-binary':
        res.writeHead(500, { 'content-type': 'application/octet-stream' });
        return res.end(bytes(100));
      case '/error-huge':
        res.writeHead(502, { 'content-type': 'text/plain' });
        return res.end('x'.repeat(500_000));
      default:
        res.writeHead(500);
        return res.end();
    }
  })();
};

let backend: LocalServer;
let base = '';

beforeAll(async () => {
  backend = await startLocalServer(handler);
  base = backend.url;
});

afterAll(async () => {
  await backend.close();
  await client.close();
});

async function messagesOf(path: string, options?: { chunkBytes?: number }): Promise<ToolMessage[]> {
  const response = await client.request({ method: 'GET', url: `${base}${path}` });
  const messages: ToolMessage[] = [];
  for await (const message of responseMessages(response, options)) messages.push(message);
  return messages;
}

async function failureOf(path: string): Promise<{ code?: string; message: string; details?: Record<string, unknown> }> {
  try {
    await messagesOf(path);
  } catch (error) {
    return error as { code?: string; message: string; details?: Record<string, unknown> };
  }
  throw new Error(`${path} did not fail`);
}

function decodeBlobs(messages: ToolMessage[]): Buffer {
  return Buffer.concat((messages as Blob[]).map((message) => Buffer.from(message.data, 'base64')));
}

describe('content types', () => {
  it('classifies media types', () => {
    expect(parseMediaType('Application/JSON; Charset="UTF-8"')).toEqual({ essence: 'application/json', charset: 'utf-8' });
    expect(parseMediaType('')).toBeNull();
    expect(parseMediaType('nonsense')).toBeNull();
    const kind = (header: string | null) => bodyKind(parseMediaType(header));
    expect(kind('application/vnd.api+json')).toBe('JSON');
    expect(kind('text/html')).toBe('TEXT');
    expect(kind('application/xml')).toBe('TEXT');
    expect(kind('application/x-ndjson')).toBe('TEXT');
    expect(kind('text/event-stream')).toBe('TEXT');
    expect(kind('image/svg+xml')).toBe('BINARY');
    expect(kind('application/zip')).toBe('BINARY');
    expect(kind(null)).toBe('UNKNOWN');
  });
});

describe('responseMessages: JSON', () => {
  it('yields the parsed JSON, then the text as received', async () => {
    expect(await messagesOf('/json')).toEqual([
      { type: 'JSON', json: { a: 1, b: [true, null] } },
      { type: 'TEXT', text: '{ "a": 1, "b": [true, null] }' },
    ]);
  });

  it('treats +json types as JSON', async () => {
    expect(await messagesOf('/problem')).toEqual([
      { type: 'JSON', json: { title: 'ok' } },
      { type: 'TEXT', text: '{"title":"ok"}' },
    ]);
  });

  it('yields only TEXT when a JSON body does not parse', async () => {
    expect(await messagesOf('/bad-json')).toEqual([{ type: 'TEXT', text: 'not json {' }]);
  });
});

describe('responseMessages: text', () => {
  it('yields the first chunk before the server has written the second', async () => {
    const response = await client.request({ method: 'GET', url: `${base}/slow` });
    const texts: string[] = [];
    let secondWrittenAtFirstMessage: boolean | undefined;
    for await (const message of responseMessages(response)) {
      if (message.type !== 'TEXT') throw new Error(`unexpected ${message.type}`);
      if (texts.length === 0) secondWrittenAtFirstMessage = slow.secondWritten;
      texts.push(message.text);
    }
    expect(secondWrittenAtFirstMessage).toBe(false);
    expect(texts).toEqual(['first', 'second']);
  });

  it('decodes a UTF-8 character split across chunks', async () => {
    const messages = await messagesOf('/utf8');
    expect(messages.length).toBeGreaterThanOrEqual(2); // the body really arrived in pieces
    const texts = messages.map((message) => (message.type === 'TEXT' ? message.text : ''));
    expect(texts.join('')).toBe(EMOJI_TEXT);
    expect(texts.join('')).not.toContain('\uFFFD');
  });

  it('decodes the declared charset', async () => {
    expect(await messagesOf('/latin1')).toEqual([{ type: 'TEXT', text: 'café crème' }]);
  });

  it('streams event streams as TEXT', async () => {
    expect(await messagesOf('/events')).toEqual([
      { type: 'TEXT', text: 'data: one\n\n' },
      { type: 'TEXT', text: 'data: two\n\n' },
    ]);
  });

  it('reads a body without a content type as text when it is UTF-8', async () => {
    expect(await messagesOf('/untyped-text')).toEqual([{ type: 'TEXT', text: 'just words' }]);
  });
});

describe('responseMessages: binary', () => {
  it('yields BLOB chunks that reassemble to the exact bytes', async () => {
    const messages = (await messagesOf('/binary?length=10000', { chunkBytes: 1000 })) as Blob[];
    expect(messages.every((message) => message.type === 'BLOB' && message.mimeType === 'application/pdf')).toBe(true);
    expect(messages.map((message) => message.sequence)).toEqual(messages.map((_, index) => index));
    expect(messages.map((message) => message.final)).toEqual(messages.map((_, index) => index === messages.length - 1));
    expect(messages.every((message) => message.totalLength === 10_000)).toBe(true);
    expect(messages.every((message) => Buffer.from(message.data, 'base64').length <= 1000)).toBe(true);
    expect(decodeBlobs(messages).equals(bytes(10_000))).toBe(true);
    // Chunks other than the last hold whole base64 groups: the strings concatenate into valid base64 too.
    expect(Buffer.from(messages.map((message) => message.data).join(''), 'base64').equals(bytes(10_000))).toBe(true);
  });

  it('uses 64 KiB chunks by default', async () => {
    const messages = (await messagesOf('/binary?length=200000')) as Blob[];
    expect(messages.every((message) => Buffer.from(message.data, 'base64').length <= 64 * 1024)).toBe(true);
    expect(messages.at(-1)?.final).toBe(true);
    expect(decodeBlobs(messages).equals(bytes(200_000))).toBe(true);
  });

  it('has a null totalLength without Content-Length', async () => {
    const messages = (await messagesOf('/binary-chunked', { chunkBytes: 1000 })) as Blob[];
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((message) => message.totalLength === null)).toBe(true);
    expect(messages.filter((message) => message.final)).toEqual([messages.at(-1)]);
    expect(decodeBlobs(messages).equals(bytes(2500))).toBe(true);
  });

  it('yields one empty final chunk for an empty body', async () => {
    expect(await messagesOf('/empty-binary')).toEqual([
      { type: 'BLOB', mimeType: 'application/octet-stream', sequence: 0, data: '', totalLength: 0, final: true },
    ]);
  });

  it('keeps the image mime type', async () => {
    const messages = (await messagesOf('/image')) as Blob[];
    expect(messages.map((message) => [message.type, message.mimeType])).toEqual([['BLOB', 'image/png']]);
    expect(Buffer.from(messages[0]!.data, 'base64')).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  });

  it('reads a body without a content type as binary when it is not text', async () => {
    expect(await messagesOf('/untyped-binary')).toEqual([
      { type: 'BLOB', mimeType: 'application/octet-stream', sequence: 0, data: Buffer.from([0, 1, 2, 255]).toString('base64'), totalLength: 4, final: true },
    ]);
  });
});

describe('responseMessages: error statuses', () => {
  it('turns a 404 into UPSTREAM_ERROR with the status and a text excerpt, never headers', async () => {
    const error = await failureOf('/missing');
    expect(error.code).toBe('UPSTREAM_ERROR');
    expect(error.details).toEqual({ status: 404 });
    expect(error.message).toBe('The upstream service answered HTTP 404 Not Found: Nothing here: /missing');
    expect(error.message).not.toContain('header-secret-value');
  });

  it('leaves a binary error body out of the message', async () => {
    const error = await failureOf('/error-binary');
    expect(error.code).toBe('UPSTREAM_ERROR');
    expect(error.details).toEqual({ status: 500 });
    expect(error.message).toBe('The upstream service answered HTTP 500 Internal Server Error');
  });

  it('reads only the start of a large error body and keeps the message short', async () => {
    const error = await failureOf('/error-huge');
    expect(error.details).toEqual({ status: 502 });
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toMatch(/^The upstream service answered HTTP 502 Bad Gateway: x+…$/);
  });
});
