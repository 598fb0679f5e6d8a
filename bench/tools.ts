/**
 * Tool benchmarks, each against a baseline measured in the same run:
 *   3. invocation overhead: `invokeTool` of an imported OpenAPI tool vs a direct HTTP call
 *      to the same local backend (p50/p99 and the ratio);
 *   4. streamed-message latency: how long after the backend writes a chunk it reaches a
 *      graphql-ws subscriber, vs reading the backend's stream directly.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { percentile } from './helpers.js';

const CHUNKS = 60;
const CHUNK_INTERVAL_MS = 25;

/** `/echo/items/:id` answers JSON; `/ticks` streams CHUNKS lines, each carrying the time it was written. */
export async function startBenchBackend(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/ticks')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let sent = 0;
      const timer = setInterval(() => {
        res.write(`${performance.timeOrigin + performance.now()}\n`);
        if (++sent === CHUNKS) {
          clearInterval(timer);
          res.end();
        }
      }, CHUNK_INTERVAL_MS);
      res.on('close', () => clearInterval(timer));
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: 1, name: 'item', path: req.url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const BENCH_API = (serverUrl: string) =>
  JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Bench API', version: '1' },
    servers: [{ url: serverUrl }],
    paths: {
      '/echo/items/{id}': { get: { operationId: 'getItem', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'ok' } } } },
      '/ticks': { get: { operationId: 'ticks', responses: { 200: { description: 'ok' } } } },
    },
  });

interface Latency {
  name: string;
  rps: number;
  p50: number;
  p99: number;
}

async function load(name: string, options: autocannon.Options): Promise<Latency> {
  const result = await autocannon(options);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export async function benchInvocation(opts: { graphqlUrl: string; backendUrl: string; token: string; toolId: string; seconds: number; connections: number }) {
  const body = JSON.stringify({ query: `mutation($id: ID!) { invokeTool(input: { toolId: $id, parameters: { id: 7 } }) { invocation { status } messages { __typename } } }`, variables: { id: opts.toolId } });
  const plugboard = { url: opts.graphqlUrl, method: 'POST' as const, connections: opts.connections, headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` }, body };
  const direct = { url: `${opts.backendUrl}/echo/items/7`, connections: opts.connections };
  await load('warm-up', { ...direct, duration: 1 });
  await load('warm-up', { ...plugboard, duration: 2 });
  const base = await load('direct HTTP call to the backend', { ...direct, duration: opts.seconds });
  const mine = await load('Plugboard invokeTool (imported OpenAPI tool)', { ...plugboard, duration: opts.seconds });
  // One connection: the latency a single caller sees, without queueing behind others.
  const baseAlone = await load('direct, 1 connection', { ...direct, connections: 1, duration: opts.seconds });
  const mineAlone = await load('invokeTool, 1 connection', { ...plugboard, connections: 1, duration: opts.seconds });
  console.log(`\n3. tool invocation overhead (${opts.connections} connections, then 1)`);
  console.table([base, mine, baseAlone, mineAlone].map((r) => ({ path: r.name, 'req/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99 })));
  console.log(`ratio Plugboard / direct (${opts.connections} connections): req/s ${(mine.rps / base.rps).toFixed(3)}, p99 ${(mine.p99 / Math.max(1, base.p99)).toFixed(1)}`);
  console.log(`added latency, 1 connection: p50 +${mineAlone.p50 - baseAlone.p50} ms, p99 +${mineAlone.p99 - baseAlone.p99} ms`);
}


/** Delays (ms) between the backend writing each line and this process reading it. */
function delaysOf(text: string, receivedAt: number, into: number[]) {
  for (const line of text.split('\n').filter(Boolean)) into.push(receivedAt - Number(line));
}

export async function benchStreaming(opts: { wsUrl: string; backendUrl: string; token: string; toolId: string }) {
  const direct: number[] = [];
  const response = await fetch(`${opts.backendUrl}/ticks`);
  const decoder = new TextDecoder();
  for await (const chunk of response.body!) delaysOf(decoder.decode(chunk as Uint8Array, { stream: true }), performance.timeOrigin + performance.now(), direct);

  const streamed: number[] = [];
  const client = createClient({ url: opts.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${opts.token}` } });
  try {
    const events = client.iterate<{ invokeTool: { __typename: string; text?: string } }>({
      query: `subscription($id: ID!) { invokeTool(input: { toolId: $id }) { __typename ... on TextMessage { text } } }`,
      variables: { id: opts.toolId },
    });
    for await (const event of events) {
      const message = event.data?.invokeTool;
      if (message?.__typename === 'TextMessage') delaysOf(message.text!, performance.timeOrigin + performance.now(), streamed);
      if (message?.__typename === 'ToolInvocationFinished') break;
    }
  } finally {
    await client.dispose();
  }
  console.log('\n4. streamed-message latency (backend write → reader), one chunk every 25 ms');
  console.table([
    { reader: 'direct fetch of the backend stream', chunks: direct.length, 'p50 ms': percentile(direct, 50).toFixed(2), 'p99 ms': percentile(direct, 99).toFixed(2) },
    { reader: 'graphql-ws invokeTool subscription', chunks: streamed.length, 'p50 ms': percentile(streamed, 50).toFixed(2), 'p99 ms': percentile(streamed, 99).toFixed(2) },
  ]);
  console.log(`added latency p50 ${(percentile(streamed, 50) - percentile(direct, 50)).toFixed(2)} ms, p99 ${(percentile(streamed, 99) - percentile(direct, 99)).toFixed(2)} ms`);
}
