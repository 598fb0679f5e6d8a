import { once } from 'node:events';
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedHttpClient } from '../../src/platform/http/guarded-client.js';
import type { HttpClientDefaults } from '../../src/platform/http/http-client.js';

const MB = 1024 * 1024;
const defaults: HttpClientDefaults = { connectTimeoutMs: 1000, totalTimeoutMs: 3000, maxResponseBytes: MB, maxRedirects: 5 };

interface Started {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** A real server on 127.0.0.1:0 whose sockets are all destroyed on close. */
async function listen(server: http.Server | net.Server): Promise<Started> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Rejects if `promise` has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms))]);
}

const hits = new Map<string, number>();
const hit = (key: string) => {
  const n = (hits.get(key) ?? 0) + 1;
  hits.set(key, n);
  return n;
};

// What the backend saw, for the tests that check connections were cut short.
let hugeBytesWritten = 0;
let hugeClosed = deferred();
let hangBodyClosed = deferred();
let streamRelease = deferred();

let backendRequests = 0;

const handler: http.RequestListener = async (req, res) => {
  backendRequests++;
  const url = new URL(req.url ?? '/', 'http://backend');
  switch (url.pathname) {
    case '/echo': {
      const body = await readBody(req);
      res.setHeader('content-type', 'application/json');
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.end(JSON.stringify({ method: req.method, path: req.url, headers: req.headers, body }));
      return;
    }
    case '/redirect': {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('to') ?? '/echo' });
      res.end('moved');
      return;
    }
    case '/loop':
      res.writeHead(302, { location: '/loop' }).end();
      return;
    case '/json':
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
      return;
    case '/bad-json':
      res.end('{"ok":');
      return;
    case '/hang-headers':
      return; // never answers
    case '/hang-body':
      res.on('close', () => hangBodyClosed.resolve());
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first chunk');
      return; // never ends
    case '/huge': {
      const total = 50 * MB;
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let closed = false;
      res.on('close', () => {
        closed = true;
        hugeClosed.resolve();
      });
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      while (hugeBytesWritten < total && !closed) {
        hugeBytesWritten += chunk.length;
        if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
      }
      if (!closed) res.end();
      return;
    }
    case '/declared-huge':
      res.writeHead(200, { 'content-length': String(5 * MB) });
      res.write('a little');
      return; // the client must not wait for the rest
    case '/stream':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('one;');
      await streamRelease.promise;
      res.end('two');
      return;
    case '/flaky-status': {
      const n = hit(url.searchParams.get('key') ?? '');
      const failures = Number(url.searchParams.get('fail') ?? 1);
      if (n <= failures) res.writeHead(503).end('busy');
      else res.end('ok');
      return;
    }
    case '/flaky-reset': {
      const n = hit(url.searchParams.get('key') ?? '');
      if (n === 1) req.socket.destroy();
      else res.end('ok');
      return;
    }
    default:
      res.writeHead(404).end();
  }
};

let backend: Started;
let other: Started; // a second origin
let silentTcp: Started; // accepts TCP, never speaks TLS
const echoedBy = new Map<string, unknown>();

const client = createGuardedHttpClient({ allow: ['127.0.0.1'], defaults, userAgent: 'plugboard-test' });
const strict = createGuardedHttpClient({ allow: [], defaults });
const fakeDns: Record<string, string[]> = {
  localhost: ['127.0.0.1'],
  'alias.test': ['127.0.0.1'],
  'named.test': ['127.0.0.1'],
  'private.test': ['10.0.0.5'],
  'mixed.test': ['8.8.8.8', '192.168.1.1'],
  'metadata.test': ['169.254.169.254'],
  'mapped.test': ['::ffff:169.254.169.254'],
};
const resolve = async (hostname: string) => {
  const addresses = fakeDns[hostname];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: net.isIP(address) }));
};
const withFakeDns = createGuardedHttpClient({ allow: ['127.0.0.1'], defaults, resolve });
const byName = createGuardedHttpClient({ allow: ['NAMED.test'], defaults, resolve });

beforeAll(async () => {
  backend = await listen(http.createServer(handler));
  other = await listen(
    http.createServer(async (req, res) => {
      echoedBy.set('other', { headers: req.headers, body: await readBody(req) });
      res.end('other origin');
    }),
  );
  silentTcp = await listen(net.createServer(() => undefined));
});

afterAll(async () => {
  await Promise.all([client.close(), strict.close(), withFakeDns.close(), byName.close()]);
  await Promise.all([backend.close(), other.close(), silentTcp.close()]);
});

type Echo = { method: string; path: string; headers: Record<string, string>; body: string };

describe('guarded HTTP client: allowed requests', () => {
  it('sends method, headers and a JSON string body to an allow-listed address', async () => {
    const res = await client.request({
      method: 'post',
      url: `${backend.url}/echo?x=1`,
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc', Host: 'evil.example' },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${backend.url}/echo?x=1`);
    expect(res.headers).toBeInstanceOf(Headers);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const echo = (await res.json()) as Echo;
    expect(echo.method).toBe('POST');
    expect(echo.path).toBe('/echo?x=1');
    expect(echo.headers['x-trace']).toBe('abc');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.headers['user-agent']).toBe('plugboard-test');
    expect(echo.headers.host).toBe(`127.0.0.1:${backend.port}`);
    expect(JSON.parse(echo.body)).toEqual({ hello: 'world' });
  });

  it('sends Uint8Array and URLSearchParams bodies', async () => {
    const bytes = (await (
      await client.request({ method: 'PUT', url: `${backend.url}/echo`, body: new TextEncoder().encode('raw bytes') })
    ).json()) as Echo;
    expect(bytes).toMatchObject({ method: 'PUT', body: 'raw bytes' });

    const form = (await (
      await client.request({ method: 'POST', url: `${backend.url}/echo`, body: new URLSearchParams({ a: '1', b: 'x y' }) })
    ).json()) as Echo;
    expect(form.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(form.body).toBe('a=1&b=x+y');
  });

  it('sends FormData as multipart with a file part', async () => {
    const data = new FormData();
    data.append('name', 'value');
    data.append('file', new Blob(['file contents'], { type: 'text/plain' }), 'a.txt');
    const echo = (await (await client.request({ method: 'POST', url: `${backend.url}/echo`, body: data })).json()) as Echo;
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(echo.headers['content-type'] ?? '')?.[1];
    expect(boundary).toBeTruthy();
    expect(echo.body).toContain(`--${boundary}`);
    expect(echo.body).toContain('name="name"\r\n\r\nvalue');
    expect(echo.body).toContain('name="file"; filename="a.txt"');
    expect(echo.body).toContain('file contents');
  });

  it('allows a hostname named in the allow-list (only that name), and any name resolving to an allow-listed IP', async () => {
    const named = await byName.request({ method: 'GET', url: `http://named.test:${backend.port}/json` });
    expect(await named.json()).toEqual({ ok: true });
    // Same address, different name: not allowed by a name entry.
    await expect(byName.request({ method: 'GET', url: `http://alias.test:${backend.port}/json` })).rejects.toMatchObject({
      code: 'DESTINATION_BLOCKED',
    });
    const alias = await withFakeDns.request({ method: 'GET', url: `http://alias.test:${backend.port}/json` });
    expect(await alias.json()).toEqual({ ok: true });
  });

  it('releases the connection on discard()', async () => {
    const res = await client.request({ method: 'GET', url: `${backend.url}/echo` });
    await res.discard();
    await expect(res.text()).rejects.toThrow(/already been read/);
    const again = await client.request({ method: 'GET', url: `${backend.url}/json` });
    expect(await again.json()).toEqual({ ok: true });
  });
});

describe('guarded HTTP client: refused destinations', () => {
  it.each([
    ['loopback', () => `http://127.0.0.1:${backend.port}/echo?token=secret-value`],
    ['private 10/8', () => 'http://10.0.0.1/?token=secret-value'],
    ['private 192.168/16', () => 'http://192.168.1.1/'],
    ['private 172.16/12', () => 'http://172.20.0.1/'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/?token=secret-value'],
    ['IPv6 loopback', () => `http://[::1]:${backend.port}/`],
    ['IPv6 unique local', () => 'http://[fd00::1]/'],
    ['IPv6 link-local', () => 'http://[fe80::1]/'],
    ['unspecified', () => `http://0.0.0.0:${backend.port}/`],
    ['IPv6 unspecified', () => 'http://[::]/'],
    ['CGNAT', () => 'http://100.64.0.1/'],
    ['multicast', () => 'http://224.0.0.1/'],
    ['broadcast', () => 'http://255.255.255.255/'],
    ['decimal loopback', () => `http://2130706433:${backend.port}/`],
    ['hex short-form loopback', () => `http://0x7f.1:${backend.port}/`],
    ['IPv4-mapped IPv6 loopback', () => `http://[::ffff:127.0.0.1]:${backend.port}/`],
    ['NAT64 of loopback', () => 'http://[64:ff9b::7f00:1]/'],
    ['6to4', () => 'http://[2002:7f00:1::]/'],
    ['localhost', () => `http://localhost:${backend.port}/echo?token=secret-value`],
    ['localhost in capitals', () => `http://LOCALHOST:${backend.port}/`],
  ])('refuses %s without an allow-list entry', async (_name, url) => {
    const before = backendRequests;
    const error = await strict.request({ method: 'GET', url: url() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DESTINATION_BLOCKED' });
    expect((error as Error).message).toMatch(/^Destination blocked: /);
    expect((error as Error).message).not.toContain('secret-value');
    expect(backendRequests).toBe(before); // nothing reached the backend
  });

  it.each([
    ['private.test', 'resolves to 10.0.0.5'],
    ['mixed.test', 'resolves to 192.168.1.1'],
    ['metadata.test', 'resolves to 169.254.169.254'],
    ['mapped.test', 'resolves to 169.254.169.254'],
  ])('refuses %s at connect time because of what it resolves to', async (host, message) => {
    const error = await withFakeDns.request({ method: 'GET', url: `http://${host}:${backend.port}/json` }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DESTINATION_BLOCKED' });
    expect((error as Error).message).toContain(message);
  });

  it.each([['file:///etc/passwd'], ['ftp://example.com/'], ['data:text/plain,hi'], ['http://user:pass@example.com/'], ['not a url'], ['/relative']])(
    'rejects %s as BAD_USER_INPUT',
    async (url) => {
      await expect(strict.request({ method: 'GET', url })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    },
  );

  it('rejects a header value with CR/LF as BAD_USER_INPUT without echoing the value', async () => {
    const error = await client
      .request({ method: 'GET', url: `${backend.url}/echo`, headers: { 'x-evil': 'secret-value\r\nx-injected: 1' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((error as Error).message).not.toContain('secret-value');
  });

  it('rejects unsupported methods', async () => {
    await expect(client.request({ method: 'CONNECT', url: `${backend.url}/echo` })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(client.request({ method: 'GE T', url: `${backend.url}/echo` })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('guarded HTTP client: redirects', () => {
  const to = (target: string, status = 302) => `${backend.url}/redirect?status=${status}&to=${encodeURIComponent(target)}`;

  it('follows an allowed redirect and reports the final URL', async () => {
    const res = await client.request({ method: 'GET', url: to('/json') });
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${backend.url}/json`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it.each([
    ['a non-allow-listed IP', () => `http://[::1]:${backend.port}/echo`],
    ['a private IP', () => 'http://10.255.255.1/'],
  ])('refuses a redirect to %s', async (_name, target) => {
    await expect(client.request({ method: 'GET', url: to(target()) })).rejects.toMatchObject({ code: 'DESTINATION_BLOCKED' });
  });

  it('refuses a redirect to a hostname resolving to a private address', async () => {
    await expect(withFakeDns.request({ method: 'GET', url: to('http://private.test/') })).rejects.toMatchObject({
      code: 'DESTINATION_BLOCKED',
    });
    // localhost resolves to 127.0.0.1: allowed by name or IP only, so the IP-less byName client refuses it.
    await expect(byName.request({ method: 'GET', url: `http://named.test:${backend.port}/redirect?to=${encodeURIComponent(`http://localhost:${backend.port}/json`)}` })).rejects.toMatchObject({
      code: 'DESTINATION_BLOCKED',
    });
  });

  it('turns POST into GET without a body on 303, and on 301/302', async () => {
    for (const status of [303, 302, 301]) {
      const res = await client.request({
        method: 'POST',
        url: to('/echo', status),
        headers: { 'content-type': 'text/plain' },
        body: 'payload',
      });
      const echo = (await res.json()) as Echo;
      expect(echo).toMatchObject({ method: 'GET', body: '' });
      expect(echo.headers['content-type']).toBeUndefined();
    }
  });

  it('keeps method and body on 307 and 308', async () => {
    for (const status of [307, 308]) {
      const res = await client.request({ method: 'POST', url: to('/echo', status), body: 'payload' });
      expect(await res.json()).toMatchObject({ method: 'POST', body: 'payload' });
    }
  });

  it('drops Authorization and Cookie when the origin changes, keeps them on the same origin', async () => {
    const headers = { authorization: 'Bearer top-secret', cookie: 'sid=1', 'x-keep': 'yes' };
    const same = (await (await client.request({ method: 'GET', url: to('/echo'), headers })).json()) as Echo;
    expect(same.headers).toMatchObject(headers);

    const res = await client.request({ method: 'GET', url: to(`${other.url}/`), headers });
    expect(await res.text()).toBe('other origin');
    const seen = echoedBy.get('other') as { headers: Record<string, string> };
    expect(seen.headers['x-keep']).toBe('yes');
    expect(seen.headers.authorization).toBeUndefined();
    expect(seen.headers.cookie).toBeUndefined();
  });

  it('fails with UPSTREAM_ERROR after too many redirects', async () => {
    await expect(client.request({ method: 'GET', url: `${backend.url}/loop`, maxRedirects: 3 })).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
      message: expect.stringMatching(/Too many redirects/),
    });
  });

  it('returns the 3xx itself when maxRedirects is 0', async () => {
    const res = await client.request({ method: 'GET', url: `${backend.url}/loop`, maxRedirects: 0 });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/loop');
    await res.discard();
  });
});

describe('guarded HTTP client: timeouts, size cap, abort', () => {
  it('times out (TIMEOUT) when the backend never sends headers', async () => {
    const started = Date.now();
    await expect(client.request({ method: 'GET', url: `${backend.url}/hang-headers`, totalTimeoutMs: 300 })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('times out (TIMEOUT) while reading a body that stops mid-way', async () => {
    const started = Date.now();
    const res = await client.request({ method: 'GET', url: `${backend.url}/hang-body`, totalTimeoutMs: 300 });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('fails the connect step with TIMEOUT when the TLS handshake never completes', async () => {
    const started = Date.now();
    await expect(
      client.request({ method: 'GET', url: `https://127.0.0.1:${silentTcp.port}/`, connectTimeoutMs: 300, totalTimeoutMs: 5000 }),
    ).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/Connecting to 127\.0\.0\.1:\d+ timed out/) });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops a 50 MB body at maxResponseBytes (1 MB) and closes the connection', async () => {
    hugeBytesWritten = 0;
    hugeClosed = deferred();
    const res = await client.request({ method: 'GET', url: `${backend.url}/huge`, maxResponseBytes: MB });
    await expect(res.bytes()).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    await within(hugeClosed.promise, 1000);
    expect(hugeBytesWritten).toBeLessThan(10 * MB);
  });

  it('fails at once when Content-Length exceeds maxResponseBytes', async () => {
    const started = Date.now();
    await expect(client.request({ method: 'GET', url: `${backend.url}/declared-huge`, maxResponseBytes: MB })).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE',
    });
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('caps the streamed body iterator too', async () => {
    hugeBytesWritten = 0;
    hugeClosed = deferred();
    const res = await client.request({ method: 'GET', url: `${backend.url}/huge`, maxResponseBytes: 256 * 1024 });
    let received = 0;
    const consume = async () => {
      for await (const chunk of res.body) received += chunk.byteLength;
    };
    await expect(consume()).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
    expect(received).toBeLessThanOrEqual(256 * 1024);
    await within(hugeClosed.promise, 1000);
  });

  it('aborts promptly when the caller aborts mid-body, and the backend sees the connection close', async () => {
    hangBodyClosed = deferred();
    const controller = new AbortController();
    const res = await client.request({ method: 'GET', url: `${backend.url}/hang-body`, signal: controller.signal });
    const iterator = res.body[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(Buffer.from(first.value as Uint8Array).toString()).toBe('first chunk');
    const pending = iterator.next();
    const started = Date.now();
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toHaveProperty('code', 'TIMEOUT');
    expect(Date.now() - started).toBeLessThan(200);
    await within(hangBodyClosed.promise, 1000);
  });

  it('aborts while waiting for headers, and refuses an already-aborted signal', async () => {
    const controller = new AbortController();
    const pending = client.request({ method: 'GET', url: `${backend.url}/hang-headers`, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(client.request({ method: 'GET', url: `${backend.url}/json`, signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('guarded HTTP client: retries, streaming, errors', () => {
  it('retries a GET on 503 and then succeeds', async () => {
    const res = await client.request({ method: 'GET', url: `${backend.url}/flaky-status?key=get503&fail=2`, retries: 2 });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    expect(hits.get('get503')).toBe(3);
  });

  it('returns the last 503 when retries run out', async () => {
    const res = await client.request({ method: 'GET', url: `${backend.url}/flaky-status?key=out503&fail=5`, retries: 1 });
    expect(res.status).toBe(503);
    await res.discard();
    expect(hits.get('out503')).toBe(2);
  });

  it('never retries a POST', async () => {
    const res = await client.request({ method: 'POST', url: `${backend.url}/flaky-status?key=post503&fail=1`, retries: 3, body: 'x' });
    expect(res.status).toBe(503);
    await res.discard();
    expect(hits.get('post503')).toBe(1);
  });

  it('retries a GET after a connection reset, but not a POST', async () => {
    const res = await client.request({ method: 'GET', url: `${backend.url}/flaky-reset?key=getreset`, retries: 1 });
    expect(await res.text()).toBe('ok');
    expect(hits.get('getreset')).toBe(2);

    await expect(client.request({ method: 'GET', url: `${backend.url}/flaky-reset?key=noretry` })).rejects.toMatchObject({
      code: 'UPSTREAM_ERROR',
    });
    expect(hits.get('noretry')).toBe(1);

    await expect(
      client.request({ method: 'POST', url: `${backend.url}/flaky-reset?key=postreset`, retries: 3, body: 'x' }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_ERROR' });
    expect(hits.get('postreset')).toBe(1);
  });

  it('streams chunks as they arrive', async () => {
    streamRelease = deferred();
    const res = await client.request({ method: 'GET', url: `${backend.url}/stream` });
    const iterator = res.body[Symbol.asyncIterator]();
    const first = await within(iterator.next(), 1000);
    expect(Buffer.from(first.value as Uint8Array).toString()).toBe('one;');
    streamRelease.resolve(); // the backend sends the rest only now
    let rest = '';
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest += Buffer.from(next.value).toString();
    expect(rest).toBe('two');
  });

  it('reports invalid JSON as UPSTREAM_ERROR', async () => {
    const res = await client.request({ method: 'GET', url: `${backend.url}/bad-json` });
    await expect(res.json()).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', message: expect.stringMatching(/not valid JSON/) });
  });

  it('reports refused connections and unknown hosts as UPSTREAM_ERROR naming the host only', async () => {
    const closed = await listen(http.createServer());
    const port = closed.port;
    await closed.close();
    const refused = await client.request({ method: 'GET', url: `http://127.0.0.1:${port}/?token=secret-value` }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'UPSTREAM_ERROR', message: `Request to 127.0.0.1:${port} failed: connection refused` });

    const unknown = await withFakeDns.request({ method: 'GET', url: 'http://nowhere.test/?token=secret-value' }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 'UPSTREAM_ERROR', message: 'Request to nowhere.test failed: host not found' });
    expect((unknown as Error).stack ?? '').not.toContain('secret-value');
  });
});
