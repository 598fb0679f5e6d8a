import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wait } from './timing.js';

/** What the backend saw of one request. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** True when the client closed the connection before the response was complete. */
  aborted: boolean;
}

export interface ToolBackend {
  url: string;
  requests: SeenRequest[];
  /** The last request whose path starts with `prefix`. */
  last(prefix: string): SeenRequest | undefined;
  close(): Promise<void>;
}


/**
 * A real HTTP server standing in for an imported API:
 * - `/echo/...`: answers JSON describing the request it got
 * - `/slow`: writes `chunk-1` … `chunk-3` as text/plain, 300 ms apart
 * - `/hang`: sends headers and one chunk, then never finishes
 * - `/huge`: streams 50 MB of octets
 * - `/flaky`: 503 on the first call, then JSON
 * - `/redirect?to=URL`: 302 to URL
 * - `/image`: a small PNG-typed binary
 */
export async function startToolBackend(): Promise<ToolBackend> {
  const requests: SeenRequest[] = [];
  const open = new Set<ServerResponse>();
  let flakyCalls = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => {
    const path = seen.path;
    if (path.startsWith('/echo')) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ method: seen.method, path, query: Object.fromEntries(seen.query), body: seen.body }));
    } else if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      for (let i = 1; i <= 3 && !res.destroyed; i++) {
        res.write(`chunk-${i};`);
        await wait(300);
      }
      res.end();
    } else if (path === '/hang') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('started;');
    } else if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(50 * 1024 * 1024) });
      const chunk = Buffer.alloc(1024 * 1024, 7);
      for (let i = 0; i < 50 && !res.destroyed; i++) {
        if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
      }
      res.end();
    } else if (path === '/flaky') {
      flakyCalls += 1;
      if (flakyCalls === 1) {
        res.writeHead(503).end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ calls: flakyCalls }));
    } else if (path === '/redirect') {
      res.writeHead(302, { location: seen.query.get('to') ?? '/' }).end();
    } else if (path === '/image') {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such path');
    }
    void req;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://backend');
    const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: '', aborted: false };
    requests.push(seen);
    open.add(res);
    res.on('close', () => {
      if (!res.writableFinished) seen.aborted = true;
      open.delete(res);
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.body = Buffer.concat(chunks).toString('utf8');
      handle(req, res, seen).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    last: (prefix) => requests.findLast((request) => request.path.startsWith(prefix)),
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
