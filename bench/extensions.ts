/**
 * 7. Extensions (bench/extensions.ts): what running an extension through Plugboard costs.
 *    Same run, one caller at a time (latency) and then 10 connections (throughput):
 *    - API extension: `executeExtension` of a no-op endpoint speaking Dify's protocol vs
 *      POSTing the same request to that endpoint directly;
 *    - code plugin: `executeExtension` of a no-op plugin (its sandboxed process) vs calling
 *      the same `query()` function in this process.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { gql, percentile } from './helpers.js';

const NOOP_PLUGIN = `export async function query(params) { return 'ok'; }\n`;
const PARAMS = { app_id: 'bench', tool_variable: 'v', inputs: {}, query: 'q' };

async function startNoopEndpoint() {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const ping = Buffer.concat(chunks).includes('"ping"');
      res.writeHead(200, { 'content-type': 'application/json' }).end(ping ? '{"result":"pong"}' : '{"result":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}


async function load(options: autocannon.Options) {
  const result = await autocannon(options);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}


export async function benchExtensions(opts: { seconds: number; connections: number }): Promise<void> {
  const endpoint = await startNoopEndpoint();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-bench-ext-'));
  const pluginDir = path.join(dataDir, 'plugins', 'noop');
  await mkdir(pluginDir, { recursive: true });
  await writeFile(
    path.join(pluginDir, 'plugboard.json'),
    JSON.stringify({ name: 'noop', version: '1.0.0', author: 'bench', description: 'Does nothing.', module: 'external_data_tool', config: [], permissions: { hosts: [] } }),
  );
  await writeFile(path.join(pluginDir, 'index.mjs'), NOOP_PLUGIN);
  const config = { ...loadConfig({ PORT: '0', PLUGBOARD_DATA_DIR: dataDir, PLUGBOARD_RATE_LIMIT_SCALE: '1000000', PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1' }), logLevel: 'silent' as const };
  const plugboard = await createApp(config, { log: createLogger('silent') });
  const url = `${await plugboard.listen()}/graphql`;
  try {
    const token = (await gql(url, 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email: `bench-ext-${Date.now()}@example.test`, name: 'Bench', password: 'bench password 1' } })).signUp.token;
    await gql(url, 'mutation { createWorkspace(input: { name: "Extensions bench" }) { workspace { id } } }', {}, token);
    const api = (await gql(url, 'mutation($i: CreateApiExtensionInput!) { createApiExtension(input: $i) { extension { id } } }', { i: { name: 'noop api', module: 'EXTERNAL_DATA_TOOL', endpoint: endpoint.url, apiKey: 'bench-key', config: { variable: 'v' } } }, token)).createApiExtension.extension.id;
    const code = (await gql(url, 'mutation($i: CreatePluginExtensionInput!) { createPluginExtension(input: $i) { extension { id } } }', { i: { name: 'noop code', pluginName: 'noop' } }, token)).createPluginExtension.extension.id;

    const execute = (id: string) => ({
      url,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation($id: ID!, $input: JSON!) { executeExtension(input: { extensionId: $id, input: $input }) { output } }', variables: { id, input: PARAMS } }),
    });
    const direct = { url: endpoint.url, method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: 'Bearer bench-key' }, body: JSON.stringify({ point: 'app.external_data_tool.query', params: PARAMS }) };

    await load({ ...direct, duration: 1 });
    await load({ ...execute(api), duration: 2 });
    await load({ ...execute(code), duration: 2 });
    const rows = [];
    for (const connections of [1, opts.connections]) {
      const base = await load({ ...direct, connections, duration: opts.seconds });
      const viaApi = await load({ ...execute(api), connections, duration: opts.seconds });
      const viaCode = await load({ ...execute(code), connections, duration: opts.seconds });
      rows.push(
        { path: `direct POST to the endpoint (${connections} conn)`, 'req/s': base.rps, 'p50 ms': base.p50, 'p99 ms': base.p99 },
        { path: `executeExtension, API extension (${connections} conn)`, 'req/s': viaApi.rps, 'p50 ms': viaApi.p50, 'p99 ms': viaApi.p99 },
        { path: `executeExtension, code plugin (${connections} conn)`, 'req/s': viaCode.rps, 'p50 ms': viaCode.p50, 'p99 ms': viaCode.p99 },
      );
    }
    // The plugin's function called in this process: the floor a sandbox adds to.
    const { query } = (await import(pathToFileURL(path.join(pluginDir, 'index.mjs')).href)) as { query: (params: unknown) => Promise<string> };
    const inProcess: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const started = performance.now();
      await query(PARAMS);
      inProcess.push(performance.now() - started);
    }
    console.log(`\n7. extensions: no-op API endpoint and no-op code plugin (${opts.seconds}s a run)`);
    console.table(rows);
    console.log(`the plugin's query() called in-process: p50 ${(percentile(inProcess, 50) * 1000).toFixed(1)} µs, p99 ${(percentile(inProcess, 99) * 1000).toFixed(1)} µs`);
    const [base1, api1, code1] = rows;
    console.log(`added latency, 1 connection: API extension p50 +${api1!['p50 ms'] - base1!['p50 ms']} ms, code plugin p50 +${code1!['p50 ms']} ms over an in-process call`);
  } finally {
    await plugboard.stop();
    await endpoint.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
