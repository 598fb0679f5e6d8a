/**
 * 8. Workflows (bench/workflows.ts): what the run engine costs, against baselines measured in
 *    the same run, on one Plugboard server started here (embedded PGlite, memory pub/sub,
 *    inline queue):
 *    8.1 orchestration overhead per node, on a 50-node chain START → 48 VARIABLE_AGGREGATOR
 *        → END (the cheapest node: one pool lookup; TEMPLATE parses Liquid on every run):
 *        each node's prepare + run called directly in a loop, vs `executeRun` in-process (the
 *        real RunStore and pub/sub), vs `runWorkflow(blocking: true)` over HTTP;
 *    8.2 time to first event: `runWorkflow` then a `workflowRun` subscription, and the
 *        one-shot `runWorkflow` subscription, vs a plain query round trip over the same
 *        graphql-ws connection;
 *    8.3 fan-out: 1,000 subscribers of one run (50 connections × 20 subscriptions) vs 1:
 *        delivery latency of each live event to each subscriber, SQL statements, and the
 *        memory of this process (RSS, heap; collected first with NODE_OPTIONS=--expose-gc).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createServices, type Deps } from '../src/context.js';
import { createLogger } from '../src/logger.js';
import { executorOf, type NodeContext } from '../src/workflows/engine/node-executors.js';
import type { NodeServices } from '../src/workflows/engine/node-services.js';
import { executeRun } from '../src/workflows/engine/run-executor.js';
import type { WorkflowGraph, WorkflowNode } from '../src/workflows/graph/graph.types.js';
import { MapVariablePool } from '../src/workflows/graph/variables.js';
import { runViewer } from '../src/workflows/run-services.js';
import { gql, percentile } from './helpers.js';

const CHAIN = 50;
const DIRECT_RUNS = 2_000;
const ENGINE_RUNS = 20;
const HTTP_RUNS = 20;
const FIRST_EVENT_RUNS = 30;
const FANOUT_CONNECTIONS = 50;
const FANOUT_PER_CONNECTION = 20;
/** Aggregators after the gate: 16 events a run, 12 of them live (each costs the 1,000 subscribers a session lookup: see 8.3). */
const FANOUT_CHAIN = 4;
const INPUTS = { x: 'bench' };

const RUN = `mutation($input: RunWorkflowInput!) { runWorkflow(input: $input) { run { id status } } }`;
const FOLLOW = `subscription($id: ID!) { workflowRun(id: $id, afterSequence: 0) { type sequence at ... on WorkflowNodeStarted { nodeId } } }`;
const RUN_AND_FOLLOW = `subscription($input: RunWorkflowInput!) { runWorkflow(input: $input) { type sequence } }`;
const VIEWER = `{ viewer { user { id } } }`;

const now = () => performance.now();
const ms = (value: number) => value.toFixed(2);
/** A duration in ms, shown in µs below 1 ms. */
const duration = (value: number) => (Math.abs(value) < 1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(2)} ms`);
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

// ---------------------------------------------------------------------------------------
// Graphs: chains of nodes, each reading the previous one's output.
// ---------------------------------------------------------------------------------------

const START: WorkflowNode = { id: 'start', type: 'START', data: { inputs: [{ name: 'x', type: 'TEXT', required: true }] } };

/** START → `middle` → END, linked in order; END outputs `last` (a selector). */
function chain(middle: WorkflowNode[], last: string): WorkflowGraph {
  const nodes: WorkflowNode[] = [START, ...middle, { id: 'end', type: 'END', data: { outputs: { x: `{{${last}}}` } } }];
  return { nodes, edges: nodes.slice(1).map((node, i) => ({ source: nodes[i]!.id, target: node.id })) };
}

function aggregators(count: number, first: string): WorkflowNode[] {
  return Array.from({ length: count }, (_, i) => ({ id: `n${i}`, type: 'VARIABLE_AGGREGATOR' as const, data: { variables: [i === 0 ? first : `n${i - 1}.output`] } }));
}

// ---------------------------------------------------------------------------------------
// Infrastructure: the server, a graphql-ws client, and a gate that holds a run in place.
// ---------------------------------------------------------------------------------------

async function startPlugboard() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-bench-wf-'));
  // Rate limits scaled away and the app's active-run cap raised: the bench measures the engine, not refusals.
  const config = {
    ...loadConfig({
      PORT: '0',
      PLUGBOARD_DATA_DIR: dataDir,
      PLUGBOARD_RATE_LIMIT_SCALE: '1000000',
      PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1',
      PLUGBOARD_WORKFLOW_MAX_ACTIVE_RUNS: '1000',
    }),
    logLevel: 'silent' as const,
  };
  let statements = 0;
  const plugboard = await createApp(config, { log: createLogger('silent'), onQuery: () => statements++ });
  const url = `${await plugboard.listen()}/graphql`;
  return {
    url,
    /** SQL statements run so far. */
    statements: () => statements,
    wsUrl: url.replace(/^http/, 'ws'),
    deps: plugboard.deps,
    async stop() {
      await plugboard.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

type Plugboard = Awaited<ReturnType<typeof startPlugboard>>;

/** One graphql-ws connection: `request` for queries and mutations, `subscribe` until the server completes. */
function wsClient(wsUrl: string, token: string) {
  const client: Client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const subscribe = (query: string, variables: object, onNext: (data: any) => void) =>
    new Promise<void>((resolve, reject) => {
      client.subscribe<any>(
        { query, variables: variables as Record<string, unknown> },
        {
          next: (result) => (result.errors ? reject(new Error(JSON.stringify(result.errors))) : onNext(result.data)),
          error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
          complete: resolve,
        },
      );
    });
  return {
    subscribe,
    async request(query: string, variables: object = {}): Promise<any> {
      let data: unknown;
      await subscribe(query, variables, (result) => (data = result));
      return data;
    },
    dispose: () => client.dispose(),
  };
}

/**
 * An HTTP endpoint that answers only once opened: an HTTP_REQUEST node calling it holds its
 * run until every subscriber is attached, so the events after it are all delivered live.
 */
async function startGate() {
  let open = false;
  const waiting: ServerResponse[] = [];
  const server = createServer((_req, res) => (open ? res.end('open') : waiting.push(res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/gate`,
    hold: () => void (open = false),
    release() {
      open = true;
      for (const res of waiting.splice(0)) res.end('open');
    },
    stop() {
      server.closeAllConnections(); // the node's HTTP client keeps its connection alive
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Nodes that call nothing outside the engine: the chains here never do. */
const NO_SERVICES: NodeServices = {
  invokeTool: () => Promise.reject(new Error('no tools in this bench')),
  executeExtension: () => Promise.reject(new Error('no extensions in this bench')),
  http: { request: () => Promise.reject(new Error('no HTTP in this bench')) } as unknown as NodeServices['http'],
  runCode: () => Promise.reject(new Error('no code in this bench')),
};

// ---------------------------------------------------------------------------------------
// 8.1 Orchestration overhead per node.
// ---------------------------------------------------------------------------------------

/** The graph's nodes called one after another, as the engine would without its bookkeeping (events, rows, timers). */
async function runDirect(graph: WorkflowGraph): Promise<void> {
  const pool = new MapVariablePool({ sys: { run_id: 'direct', app_id: 'app', workspace_id: 'ws', user_id: '' } });
  const ctx: NodeContext = {
    runId: 'direct',
    workspaceId: 'ws',
    appId: 'app',
    runInputs: INPUTS,
    pool,
    signal: new AbortController().signal,
    timeoutMs: 60_000,
    services: NO_SERVICES,
    emitText: () => undefined,
    iterate: async () => [],
  };
  for (const node of graph.nodes) {
    const executor = executorOf(node);
    const result = await executor.run(node, executor.prepare(node, ctx), ctx);
    pool.set(node.id, result.outputs);
  }
  if (pool.get('end.x') !== INPUTS.x) throw new Error('the direct chain lost its value');
}

interface Timed {
  ms: number;
  /** SQL statements over the timed span. */
  sql: number;
}

async function timed(pb: Plugboard, work: () => Promise<void>): Promise<Timed> {
  const [started, before] = [now(), pb.statements()];
  await work();
  return { ms: now() - started, sql: pb.statements() - before };
}

/** A run recorded as the API would (QUEUED but not queued: `inline`), claimed, then executed here; times executeRun alone. */
async function runEngine(pb: Plugboard, workspaceId: string, appId: string): Promise<Timed> {
  const { deps } = pb;
  const recorded = await createServices(deps, runViewer(workspaceId), deps.log).workflows.startRun({ appId, inputs: INPUTS }, { inline: true });
  const run = await deps.workflows.store.claim(recorded.id, 'bench');
  if (!run) throw new Error(`run ${recorded.id} could not be claimed`);
  return timed(pb, async () => {
    const outcome = await executeRun(run, NO_SERVICES, { store: deps.workflows.store, pubsub: deps.pubsub, log: deps.log, settings: deps.workflows.settings }, new AbortController().signal);
    if (outcome.status !== 'SUCCEEDED') throw new Error(`engine run ${outcome.status}: ${JSON.stringify(outcome.error)}`);
  });
}

function runOverHttp(pb: Plugboard, token: string, appId: string): Promise<Timed> {
  return timed(pb, async () => {
    const { run } = (await gql(pb.url, RUN, { input: { appId, inputs: INPUTS, blocking: true } }, token)).runWorkflow;
    if (run.status !== 'SUCCEEDED') throw new Error(`blocking run ${run.id} ended ${run.status}`);
  });
}

/** `runs` measured calls after 2 warm-up ones. */
async function repeat(runs: number, once: () => Promise<Timed>): Promise<{ ms: number[]; sql: number }> {
  for (let i = 0; i < 2; i++) await once();
  const all: Timed[] = [];
  for (let i = 0; i < runs; i++) all.push(await once());
  return { ms: all.map((t) => t.ms), sql: all.reduce((sum, t) => sum + t.sql, 0) / runs };
}

async function benchOverhead(pb: Plugboard, token: string, workspaceId: string, apps: { chain: string; tiny: string }, graphs: { chain: WorkflowGraph; tiny: WorkflowGraph }) {
  const direct = async (graph: WorkflowGraph, runs: number) => {
    for (let i = 0; i < runs / 10; i++) await runDirect(graph); // warm-up (JIT)
    const started = now();
    for (let i = 0; i < runs; i++) await runDirect(graph);
    return (now() - started) / runs;
  };
  const directChain = await direct(graphs.chain, DIRECT_RUNS);
  const directTiny = await direct(graphs.tiny, DIRECT_RUNS);
  const engineChain = await repeat(ENGINE_RUNS, () => runEngine(pb, workspaceId, apps.chain));
  const engineTiny = await repeat(ENGINE_RUNS, () => runEngine(pb, workspaceId, apps.tiny));
  const httpChain = await repeat(HTTP_RUNS, () => runOverHttp(pb, token, apps.chain));
  const httpTiny = await repeat(HTTP_RUNS, () => runOverHttp(pb, token, apps.tiny));

  const directPerNode = directChain / CHAIN;
  const row = (name: string, runs: number, chainRuns: number[], tinyRuns: number[], sql: number) => {
    const p50 = percentile(chainRuns, 50);
    return {
      path: name,
      runs,
      'run p50': duration(p50),
      'run p99': duration(percentile(chainRuns, 99)),
      'SQL/run': Math.round(sql),
      'per node p50': duration(p50 / CHAIN),
      'overhead/node': duration((p50 - directChain) / CHAIN),
      '× direct': Math.round(p50 / CHAIN / directPerNode),
      // START → END on the same path: what a run costs besides its nodes, then what each further node adds.
      'START→END p50': duration(percentile(tinyRuns, 50)),
      'per added node': duration((p50 - percentile(tinyRuns, 50)) / (CHAIN - 2)),
    };
  };
  console.log(`\n8.1 orchestration overhead per node: ${CHAIN}-node chain START → ${CHAIN - 2} VARIABLE_AGGREGATOR → END (the cheapest node: one pool lookup)`);
  console.table([
    {
      ...row('direct: executorOf(node).prepare + run, in order (mean)', DIRECT_RUNS, [directChain], [directTiny], 0),
      'run p99': '-',
    },
    row('executeRun in-process (RunStore on PGlite, memory pub/sub)', ENGINE_RUNS, engineChain.ms, engineTiny.ms, engineChain.sql),
    row('runWorkflow(blocking: true) over HTTP', HTTP_RUNS, httpChain.ms, httpTiny.ms, httpChain.sql),
  ]);
  console.log(`per node over HTTP: p50 ${duration(percentile(httpChain.ms, 50) / CHAIN)}, p99 ${duration(percentile(httpChain.ms, 99) / CHAIN)}`);
}

// ---------------------------------------------------------------------------------------
// 8.2 Time to first event.
// ---------------------------------------------------------------------------------------

async function benchFirstEvent(pb: Plugboard, token: string, appId: string) {
  const ws = wsClient(pb.wsUrl, token);
  try {
    const input = { appId, inputs: INPUTS };
    const query: number[] = [];
    const answered: number[] = [];
    const viaFollow: number[] = [];
    const viaSubscription: number[] = [];
    for (let i = 0; i < FIRST_EVENT_RUNS + 3; i++) {
      const keep = i >= 3; // the first 3 of each warm up
      let started = now();
      await ws.request(VIEWER);
      if (keep) query.push(now() - started);

      // Each run is followed to its end before the next starts: runs never overlap.
      started = now();
      const { run } = (await ws.request(RUN, { input })).runWorkflow;
      if (keep) answered.push(now() - started);
      let first: number | undefined;
      await ws.subscribe(FOLLOW, { id: run.id }, () => (first ??= now() - started));
      if (keep) viaFollow.push(first!);

      first = undefined;
      let firstType: string | undefined;
      started = now();
      await ws.subscribe(RUN_AND_FOLLOW, { input }, (data) => {
        first ??= now() - started;
        firstType ??= data.runWorkflow.type;
      });
      if (firstType !== 'RUN_STARTED') throw new Error(`the runWorkflow subscription began with ${firstType}`);
      if (keep) viaSubscription.push(first!);
    }
    const base = percentile(query, 50);
    const row = (name: string, values: number[]) => ({
      path: name,
      'p50 ms': ms(percentile(values, 50)),
      'p99 ms': ms(percentile(values, 99)),
      '× query p50': (percentile(values, 50) / base).toFixed(1),
    });
    console.log(`\n8.2 time to first event (RUN_STARTED), START → END, ${FIRST_EVENT_RUNS} runs, one graphql-ws connection`);
    console.table([
      row(`baseline: query ${VIEWER}`, query),
      row('runWorkflow mutation: answered (QUEUED)', answered),
      row('runWorkflow mutation, then workflowRun(id): first event', viaFollow),
      row('runWorkflow subscription: subscribe → first event', viaSubscription),
    ]);
  } finally {
    await ws.dispose();
  }
}

// ---------------------------------------------------------------------------------------
// 8.3 Fan-out.
// ---------------------------------------------------------------------------------------

interface Received {
  sequence: number;
  type: string;
  nodeId?: string;
  at: string;
  /** Date.now() when this client parsed it: the same clock as the server's `at`. */
  receivedAt: number;
}

type Gate = Awaited<ReturnType<typeof startGate>>;

/** Memory now; collected first when node runs with --expose-gc (NODE_OPTIONS=--expose-gc), so the heap shows what is still held. */
const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return `RSS ${mb(rss)}, heap ${mb(heapUsed)}`;
};

/** One run, held at its gate node until `connections × perConnection` subscribers each got their first event. */
async function fanOut(pb: Plugboard, token: string, appId: string, gate: Gate, connections: number, perConnection: number) {
  gate.hold();
  const memoryBefore = memory();
  const { run } = (await gql(pb.url, RUN, { input: { appId, inputs: INPUTS } }, token)).runWorkflow;
  const clients = Array.from({ length: connections }, () => wsClient(pb.wsUrl, token));
  const [started, sqlBefore] = [now(), pb.statements()];
  const subscribers = clients.flatMap((client) =>
    Array.from({ length: perConnection }, () => {
      const events: Received[] = [];
      let attach!: () => void;
      const attached = new Promise<void>((resolve) => (attach = resolve));
      const done = client.subscribe(FOLLOW, { id: run.id }, (data) => {
        events.push({ ...data.workflowRun, receivedAt: Date.now() });
        attach();
      });
      return { events, attached, done };
    }),
  );
  try {
    // A subscriber's first event (replayed from the log) means its live subscription is in place.
    await Promise.race([Promise.all(subscribers.map((s) => s.attached)), Promise.all(subscribers.map((s) => s.done))]);
    const [attachMs, sqlAttached, memoryAttached] = [now() - started, pb.statements(), memory()];
    const releasedAt = Date.now();
    gate.release();
    await Promise.all(subscribers.map((s) => s.done));
    const sqlDelivery = pb.statements() - sqlAttached;

    // Live: the events after the gate node started, all made after every subscriber attached.
    const reference = subscribers[0]!.events;
    const gateStarted = reference.find((e) => e.type === 'NODE_STARTED' && e.nodeId === 'gate')?.sequence;
    const last = reference.at(-1);
    if (gateStarted === undefined || last?.type !== 'RUN_FINISHED') throw new Error(`fan-out run ${run.id} did not run through its gate: ${JSON.stringify(last)}`);
    const expected = Array.from({ length: last.sequence }, (_, i) => i + 1).join(',');
    const latencies: number[] = [];
    const wrong: string[] = [];
    let delivered = 0;
    subscribers.forEach((s, index) => {
      delivered += s.events.length;
      const sequences = s.events.map((e) => e.sequence).join(',');
      if (sequences !== expected) wrong.push(`subscriber ${index}: ${sequences}`);
      for (const event of s.events) if (event.sequence > gateStarted) latencies.push(event.receivedAt - Date.parse(event.at));
    });
    return {
      subscribers: subscribers.length,
      connections,
      events: last.sequence,
      live: last.sequence - gateStarted,
      delivered,
      wrong,
      latencies,
      attachMs,
      /** From opening the gate to the run's last event: how much the subscribers slow the run itself. */
      runAfterGateMs: Date.parse(last.at) - releasedAt,
      sqlAttach: sqlAttached - sqlBefore,
      sqlDelivery,
      memoryBefore,
      memoryAttached,
    };
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
  }
}

async function benchFanOut(pb: Plugboard, token: string, appId: string, gate: Gate) {
  const one = await fanOut(pb, token, appId, gate, 1, 1);
  const many = await fanOut(pb, token, appId, gate, FANOUT_CONNECTIONS, FANOUT_PER_CONNECTION);
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // lets the closed sockets and subscriptions be released
  const memoryAfter = memory();

  const base = percentile(one.latencies, 50);
  console.log(`\n8.3 fan-out of one run (START → gate HTTP_REQUEST → ${FANOUT_CHAIN} VARIABLE_AGGREGATOR → END); latency of each live event (after the gate) to each subscriber = received − event \`at\``);
  console.table(
    [one, many].map((r) => ({
      subscribers: r.subscribers,
      connections: r.connections,
      'events (live)': `${r.events} (${r.live})`,
      delivered: `${r.delivered} / ${r.subscribers * r.events}`,
      'attach ms': Math.round(r.attachMs),
      'SQL attach': r.sqlAttach,
      'SQL delivery': r.sqlDelivery,
      'run after gate ms': r.runAfterGateMs,
      'p50 ms': percentile(r.latencies, 50),
      'p99 ms': percentile(r.latencies, 99),
      'max ms': Math.max(...r.latencies),
      '× 1 subscriber p50': (percentile(r.latencies, 50) / Math.max(1, base)).toFixed(1),
    })),
  );
  for (const r of [one, many]) {
    if (r.delivered !== r.subscribers * r.events || r.wrong.length > 0) {
      console.log(
        `!!! MISMATCH with ${r.subscribers} subscribers: ${r.delivered} events delivered, ${r.subscribers * r.events} expected; ${r.wrong.length} subscribers saw other sequences, e.g. ${r.wrong.slice(0, 3).join(' | ')}`,
      );
    }
  }
  const collected = typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'collected first' : 'not collected first: run with NODE_OPTIONS=--expose-gc for that';
  console.log(`server memory (this process, clients included; ${collected}): before ${many.memoryBefore}; ${many.subscribers} attached ${many.memoryAttached}; after closing them ${memoryAfter}`);
  console.log('(`at` has millisecond resolution and is taken when the event is appended, before it is stored; the server and every client share this event loop)');
}

// ---------------------------------------------------------------------------------------

export async function benchWorkflows(): Promise<void> {
  const sectionStarted = now();
  const pb = await startPlugboard();
  const gate = await startGate();
  try {
    const token: string = (await gql(pb.url, 'mutation($i: SignUpInput!) { signUp(input: $i) { token } }', { i: { email: `bench-wf-${Date.now()}@example.test`, name: 'Bench', password: 'bench password 1' } })).signUp.token;
    const workspaceId: string = (await gql(pb.url, 'mutation { createWorkspace(input: { name: "Workflows bench" }) { workspace { id } } }', {}, token)).createWorkspace.workspace.id;
    const publish = async (name: string, graph: WorkflowGraph) => {
      const appId: string = (await gql(pb.url, 'mutation($i: CreateAppInput!) { createApp(input: $i) { app { id } } }', { i: { name, mode: 'WORKFLOW' } }, token)).createApp.app.id;
      await gql(pb.url, 'mutation($i: SaveWorkflowDraftInput!) { saveWorkflowDraft(input: $i) { version { id } } }', { i: { appId, graph } }, token);
      await gql(pb.url, 'mutation($i: PublishWorkflowInput!) { publishWorkflow(input: $i) { version { id } } }', { i: { appId } }, token);
      return appId;
    };
    const graphs = {
      chain: chain(aggregators(CHAIN - 2, 'start.x'), `n${CHAIN - 3}.output`),
      tiny: chain([], 'start.x'),
      fanOut: chain([{ id: 'gate', type: 'HTTP_REQUEST', data: { method: 'GET', url: gate.url } }, ...aggregators(FANOUT_CHAIN, 'gate.body')], `n${FANOUT_CHAIN - 1}.output`),
    };
    const apps = { chain: await publish('Chain', graphs.chain), tiny: await publish('Tiny', graphs.tiny), fanOut: await publish('Fan-out', graphs.fanOut) };

    await benchOverhead(pb, token, workspaceId, apps, graphs);
    await benchFirstEvent(pb, token, apps.tiny);
    await benchFanOut(pb, token, apps.fanOut, gate);
  } finally {
    await pb.stop();
    await gate.stop();
  }
  console.log(`section 8 took ${Math.round((now() - sectionStarted) / 1000)} s, server start included`);
}
