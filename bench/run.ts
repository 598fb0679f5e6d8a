/**
 * `npm run bench`: drives one fixed authenticated query against Plugboard (full pipeline:
 * express, logging, CSRF, auth, loaders) and, in the same run, against a plain Apollo
 * Server 5 standalone serving the same schema and resolvers on the same database.
 * Prints requests/s and p99 latency for both and the ratio. Numbers from one machine
 * and one run only mean something next to each other.
 *
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=10 npm run bench
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import autocannon from 'autocannon';
import { InMemoryStore } from 'graphql-rate-limit';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { buildContext, type Context } from '../src/context.js';
import { buildSchema } from '../src/graphql/schema.js';
import { createLogger } from '../src/logger.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const QUERY = `query Bench { viewer { user { id name } workspaces(first: 10) { totalCount edges { node { id name viewerRole } } } } }`;

async function post(url: string, query: string, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function drive(name: string, url: string, token: string, duration: number) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { name, rps: result.requests.average, p99: result.latency.p99 };
}

async function main() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-bench-'));
  const config = { ...loadConfig({ ...process.env, PORT: '0', PLUGBOARD_DATA_DIR: dataDir }), logLevel: 'silent' as const };
  const plugboard = await createApp(config, { log: createLogger('silent') });
  const plugboardUrl = `${await plugboard.listen()}/graphql`;

  // Baseline: Apollo's standalone server, same schema, same context builder, same database.
  const plain = new ApolloServer<Context>({ schema: buildSchema(config.subgraphs, new InMemoryStore()), plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url: plainUrl } = await startStandaloneServer(plain, {
    listen: { port: 0, host: '127.0.0.1' },
    context: ({ req }) => buildContext(plugboard.deps, { requestId: 'bench', authorization: req.headers.authorization }),
  });

  try {
    const signUp = await post(
      plugboardUrl,
      `mutation { signUp(input: {email: "bench-${Date.now()}@example.test", name: "Bench", password: "bench password 1"}) { token } }`,
    );
    const token: string = signUp.signUp.token;
    for (let i = 0; i < 10; i++) await post(plugboardUrl, `mutation { createWorkspace(input: {name: "W${i}"}) { workspace { id } } }`, token);

    console.log(`query: ${QUERY}`);
    console.log(`${connections} connections, ${seconds}s each, after a 2s warm-up; database: ${config.database.url ? 'server' : 'embedded PGlite'}`);
    await drive('warm-up', plainUrl, token, 2);
    await drive('warm-up', plugboardUrl, token, 2);
    const baseline = await drive('plain Apollo Server (standalone)', plainUrl, token, seconds);
    const ours = await drive('Plugboard (express + full pipeline)', plugboardUrl, token, seconds);

    console.table(
      [baseline, ours].map((r) => ({ server: r.name, 'req/s': Math.round(r.rps), 'p99 ms': r.p99 })),
    );
    console.log(`ratio Plugboard / baseline: req/s ${(ours.rps / baseline.rps).toFixed(2)}, p99 ${(ours.p99 / baseline.p99).toFixed(2)}`);
  } finally {
    await plain.stop();
    await plugboard.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
