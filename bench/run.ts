/**
 * `npm run bench`: measures Plugboard against baselines started in the same run, on the
 * same database, and prints req/s, p99 latency, SQL statements per request and ratios.
 * Numbers from one machine and one run only mean something next to each other.
 *
 *   1. gateway overhead: a viewer query through Plugboard (express, logging, CSRF, auth,
 *      loaders) vs a plain Apollo Server standalone with the same schema and resolvers;
 *   2. apps(first: 50) with workspace and creator: the full pipeline (auth + rate limit +
 *      loaders) vs the same query without directives and without DataLoader batching;
 *   3. and 4. tools (bench/tools.ts): invokeTool overhead vs a direct HTTP call, and
 *      streamed-message latency over graphql-ws vs reading the backend directly;
 *   5. file upload (bench/files.ts); 6. mail (bench/mail.ts): a mutation that mails vs
 *      sending inline, and the background worker's throughput; 7. extensions
 *      (bench/extensions.ts): a no-op API extension and a no-op code plugin vs calling the
 *      endpoint or the function directly;
 *   8. workflows (bench/workflows.ts): orchestration overhead per node (direct calls vs
 *      executeRun vs runWorkflow over HTTP), time to first event, fan-out to 1,000 subscribers.
 *
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=10 npm run bench
 *   npx tsx bench/run.ts 8     runs section 8 alone; likewise 6 or 7, which also start what
 *                              they need (1 to 5 share one setup: they run with no argument)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startBaseline } from './servers.js';
import { BENCH_API, benchInvocation, benchStreaming, startBenchBackend } from './tools.js';
import { benchUpload } from './files.js';
import { benchMail } from './mail.js';
import { benchExtensions } from './extensions.js';
import { benchWorkflows } from './workflows.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const VIEWER_QUERY = `query Bench { viewer { user { id name } workspaces(first: 10) { totalCount edges { node { id name viewerRole } } } } }`;
const APPS_QUERY = `query BenchApps { apps(first: 50) { totalCount edges { node { id name mode workspace { id name } creator { id name } } } } }`;

let statements = 0;

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

/** Waits until requests left in flight by the previous run stop issuing statements. */
async function settle() {
  for (let before = -1; before !== statements; ) {
    before = statements;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function drive(name: string, url: string, token: string, query: string, duration = seconds) {
  await settle();
  statements = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { name, rps: result.requests.average, p99: result.latency.p99, perRequest: statements / Math.max(1, result.requests.total) };
}

async function compare(title: string, query: string, token: string, baseline: { name: string; url: string }, ours: { name: string; url: string }) {
  await drive('warm-up', baseline.url, token, query, 2);
  await drive('warm-up', ours.url, token, query, 2);
  const base = await drive(baseline.name, baseline.url, token, query);
  const mine = await drive(ours.name, ours.url, token, query);
  console.log(`\n${title}`);
  console.table([base, mine].map((r) => ({ server: r.name, 'req/s': Math.round(r.rps), 'p99 ms': r.p99, 'SQL/request': r.perRequest.toFixed(1) })));
  console.log(`ratio Plugboard / baseline: req/s ${(mine.rps / base.rps).toFixed(2)}, p99 ${(mine.p99 / base.p99).toFixed(2)}`);
}

/** The sections that can run alone: `npx tsx bench/run.ts <number>`. */
const standalone: Record<string, () => Promise<void>> = {
  '6': benchMail,
  '7': () => benchExtensions({ seconds, connections }),
  '8': benchWorkflows,
};

async function main() {
  const only = process.argv[2];
  if (only !== undefined) {
    const section = standalone[only];
    if (!section) throw new Error(`Section "${only}" cannot run alone: pass one of ${Object.keys(standalone).join(', ')}, or nothing for all`);
    return section();
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-bench-'));
  // Limits scaled far up: the bench measures the limiter's cost, not its refusals.
  const config = { ...loadConfig({ ...process.env, PORT: '0', PLUGBOARD_DATA_DIR: dataDir, PLUGBOARD_RATE_LIMIT_SCALE: '1000000', PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1' }), logLevel: 'silent' as const };
  const plugboard = await createApp(config, { log: createLogger('silent'), onQuery: () => statements++ });
  const plugboardUrl = `${await plugboard.listen()}/graphql`;
  const plain = await startBaseline(config, plugboard.deps, { bare: false });
  const bare = await startBaseline(config, plugboard.deps, { bare: true });
  const backend = await startBenchBackend();
  try {
    const token: string = (
      await post(plugboardUrl, `mutation { signUp(input: {email: "bench-${Date.now()}@example.test", name: "Bench", password: "bench password 1"}) { token } }`)
    ).signUp.token;
    for (let i = 0; i < 10; i++) await post(plugboardUrl, `mutation { createWorkspace(input: {name: "W${i}"}) { workspace { id } } }`, token);
    for (let i = 0; i < 50; i++) await post(plugboardUrl, `mutation { createApp(input: {name: "App ${i}", mode: CHAT}) { app { id } } }`, token);

    console.log(`${connections} connections, ${seconds}s a run after a 2s warm-up; database: ${config.database.url ? 'server' : 'embedded PGlite'}`);
    await compare('1. gateway overhead: viewer query', VIEWER_QUERY, token, { name: 'plain Apollo Server (standalone)', url: plain.url }, { name: 'Plugboard (full pipeline)', url: plugboardUrl });
    await compare(
      '2. apps(first: 50) { workspace, creator }',
      APPS_QUERY,
      token,
      { name: 'no directives, no batching', url: bare.url },
      { name: 'Plugboard (auth + rate limit + loaders)', url: plugboardUrl },
    );

    const provider = (
      await post(
        plugboardUrl,
        `mutation { createApiToolProvider(input: { name: "Bench", source: { document: ${JSON.stringify(BENCH_API(backend.url))} } }) { provider { id } } }`,
        token,
      )
    ).createApiToolProvider.provider.id;
    await benchInvocation({ graphqlUrl: plugboardUrl, backendUrl: backend.url, token, toolId: `${provider}/getItem`, seconds, connections });
    await benchStreaming({ wsUrl: plugboardUrl.replace(/^http/, 'ws'), backendUrl: backend.url, token, toolId: `${provider}/ticks` });
    await benchUpload({ graphqlUrl: plugboardUrl, token, dataDir, maxBytes: config.files.maxBytes });
    await benchMail();
    await benchExtensions({ seconds, connections });
    await benchWorkflows();
  } finally {
    await backend.close();
    await Promise.all([plain.stop(), bare.stop()]);
    await plugboard.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
