import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute, request } from '../support/client.js';
import { createApiKey, createApp, createWorkspace, signUpUser } from '../support/factories.js';
import { startDifyExtension, type DifyExtensionServer } from '../support/dify-extension.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startToolBackend, type ToolBackend } from '../support/tool-backend.js';
import { CreateApiProvider, ECHO_API, InvokeTool } from '../support/tool-factories.js';
import { readOutbox, waitForMail } from '../support/mail-factories.js';
import { until } from '../support/timing.js';
import { CreateExtensionForWorkflow, CreateWorkflowTool, FollowRun, GetRun, ListRuns, ListRunsAfter, publishGraph, singleToolGraph, RunAndFollow, RunWorkflow, SaveDraft, startRun, StopRun } from '../support/workflow-factories.js';
import { subscribeSse, subscribeWs } from '../support/workflow-streams.js';

type Event = Awaited<ReturnType<typeof subscribeWs<import('../__generated__/graphql.js').FollowWorkflowRunSubscription, { id: string }>>>[number]['workflowRun'];

let server: TestServer;
let backend: ToolBackend;
let extension: DifyExtensionServer;
let token: string;
let email: string;
let providerId: string;
let extensionId: string;

const edge = (source: string, target: string, sourceHandle?: string) => ({ source, target, ...(sourceHandle ? { sourceHandle } : {}) });

/** START → TOOL → IF_ELSE → TEMPLATE (count > 5) / EXTENSION (else) → VARIABLE_AGGREGATOR → END. */
function mainGraph() {
  return {
    nodes: [
      {
        id: 'start',
        type: 'START',
        data: {
          inputs: [
            { name: 'city', type: 'TEXT', required: true },
            { name: 'count', type: 'NUMBER', required: true },
          ],
        },
      },
      { id: 'fetch', type: 'TOOL', data: { toolId: `${providerId}/getItem`, parameters: { itemId: '{{start.count}}', verbose: true } } },
      { id: 'check', type: 'IF_ELSE', data: { cases: [{ id: 'big', logicalOperator: 'and', conditions: [{ variable: 'start.count', operator: 'greater_than', value: 5 }] }] } },
      { id: 'describe', type: 'TEMPLATE', data: { template: 'Item {{ start.count }} in {{ start.city | upcase }} at {{ fetch.json.path }}' } },
      { id: 'weather', type: 'EXTENSION', data: { extensionId, input: { tool_variable: 'weather', inputs: { location: '{{start.city}}' }, query: 'weather please' } } },
      { id: 'merge', type: 'VARIABLE_AGGREGATOR', data: { variables: ['describe.output', 'weather.result'], type: 'string' } },
      { id: 'end', type: 'END', data: { outputs: { answer: '{{merge.output}}', echoed: '{{fetch.json}}' } } },
    ],
    edges: [edge('start', 'fetch'), edge('fetch', 'check'), edge('check', 'describe', 'big'), edge('check', 'weather', 'else'), edge('describe', 'merge'), edge('weather', 'merge'), edge('merge', 'end')],
  };
}

async function workflowApp(name: string, graph: unknown, config: unknown = {}) {
  const app = await createApp(server.url, token, name, 'WORKFLOW', config);
  await publishGraph(server.url, token, app.id, graph);
  return app;
}

const follow = (runId: string, afterSequence = 0) => subscribeWs(server.wsUrl, token, FollowRun, { id: runId, afterSequence }).then((all) => all.map((data) => data.workflowRun));

function expectWellFormed(events: Event[]) {
  expect(events.map((event) => event.sequence)).toEqual(events.map((_event, i) => i + 1));
  expect(events[0]!.type).toBe('RUN_STARTED');
  expect(['RUN_FINISHED', 'RUN_FAILED', 'RUN_STOPPED']).toContain(events.at(-1)!.type);
}

const nodeOrder = (events: Event[], type: string) => events.filter((event) => event.type === type && 'nodeId' in event).map((event) => (event as { nodeId: string }).nodeId);

beforeAll(async () => {
  backend = await startToolBackend();
  extension = await startDifyExtension();
  server = await startTestServer({ env: { PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1', PLUGBOARD_WORKFLOW_NODE_TIMEOUT: '20s' } });
  const owner = await signUpUser(server.url, 'Flow');
  ({ token } = owner);
  email = owner.user.email;
  await createWorkspace(server.url, token, 'Workflows');
  const provider = await execute(server.url, CreateApiProvider, { input: { name: 'Echo', source: { document: ECHO_API }, serverUrl: backend.url } }, { token });
  providerId = provider.createApiToolProvider.provider.id;
  const created = await execute(
    server.url,
    CreateExtensionForWorkflow,
    { input: { name: 'Weather', module: 'EXTERNAL_DATA_TOOL', endpoint: `${extension.url}/extension`, apiKey: extension.apiKey, config: { variable: 'weather' } } },
    { token },
  );
  extensionId = created.createApiExtension.extension.id;
});

afterAll(async () => {
  await server?.stop();
  await backend?.close();
  await extension?.close();
});

describe('running a workflow', () => {
  it('runs the TEMPLATE branch and streams every event over graphql-ws, in order', async () => {
    const app = await workflowApp('Branchy', mainGraph());
    const runId = await startRun(server.url, token, app.id, { city: 'Paris', count: 7 });
    const events = await follow(runId);
    expectWellFormed(events);
    expect(nodeOrder(events, 'NODE_FINISHED')).toEqual(['start', 'fetch', 'check', 'describe', 'merge', 'end']);
    const finished = events.at(-1)!;
    expect(finished.type).toBe('RUN_FINISHED');
    const outputs = (finished as { runOutputs: Record<string, unknown> }).runOutputs;
    expect(outputs.answer).toBe('Item 7 in PARIS at /echo/items/7');
    // An exact reference keeps the variable's type: the tool's JSON answer, not its text.
    expect(outputs.echoed).toMatchObject({ path: '/echo/items/7', query: { verbose: 'true' } });
    expect(extension.requests.some((r) => r.body.point === 'app.external_data_tool.query')).toBe(false);

    const run = (await execute(server.url, GetRun, { id: runId }, { token })).workflowRun;
    expect(run.status).toBe('SUCCEEDED');
    expect(run.outputs).toEqual(outputs);
    expect(run.nodeExecutions.edges.map((e) => e.node.nodeId)).toEqual(['start', 'fetch', 'check', 'describe', 'merge', 'end']);
    expect(run.nodeExecutions.edges.every((e) => e.node.status === 'SUCCEEDED')).toBe(true);
    expect(run.nodeExecutions.edges.find((e) => e.node.nodeId === 'fetch')!.node.inputs).toEqual({ itemId: 7, verbose: true });
  });

  it('runs the EXTENSION branch and streams it over SSE', async () => {
    const app = await workflowApp('Branchy SSE', mainGraph());
    const runId = await startRun(server.url, token, app.id, { city: 'Lyon', count: 2 });
    const events = (await subscribeSse(server.sseUrl, token, FollowRun, { id: runId, afterSequence: 0 })).map((data) => data.workflowRun);
    expectWellFormed(events);
    expect(nodeOrder(events, 'NODE_FINISHED')).toEqual(['start', 'fetch', 'check', 'weather', 'merge', 'end']);
    const outputs = (events.at(-1) as { runOutputs: Record<string, unknown> }).runOutputs;
    expect(outputs.answer).toContain('City: Lyon');
    const call = extension.requests.find((r) => r.body.point === 'app.external_data_tool.query')!;
    expect(call.body.params).toMatchObject({ app_id: app.id, tool_variable: 'weather', inputs: { location: 'Lyon' } });
  });

  it('answers with the outputs in blocking mode, and streams in one call with the runWorkflow subscription', async () => {
    const app = await workflowApp('Blocking', mainGraph());
    const blocking = await execute(server.url, RunWorkflow, { input: { appId: app.id, inputs: { city: 'Oslo', count: 9 }, blocking: true } }, { token });
    expect(blocking.runWorkflow.run).toMatchObject({ status: 'SUCCEEDED', outputs: { answer: 'Item 9 in OSLO at /echo/items/9' } });

    const streamed = (await subscribeWs(server.wsUrl, token, RunAndFollow, { input: { appId: app.id, inputs: { city: 'Rome', count: 6 } } })).map((data) => data.runWorkflow);
    expect(streamed[0]!.type).toBe('RUN_STARTED');
    expect(streamed.at(-1)).toMatchObject({ type: 'RUN_FINISHED', runOutputs: { answer: 'Item 6 in ROME at /echo/items/6' } });
  });

  it('refuses inputs that do not fit START, naming the input', async () => {
    const app = await workflowApp('Strict inputs', mainGraph());
    const missing = await request(server.url, RunWorkflow, { input: { appId: app.id, inputs: { city: 'Paris' } } }, { token });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs.count' });
    const wrongType = await request(server.url, RunWorkflow, { input: { appId: app.id, inputs: { city: 'Paris', count: 'seven' } } }, { token });
    expect(wrongType.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputs.count' });
    const unknown = await request(server.url, RunWorkflow, { input: { appId: app.id, inputs: { city: 'Paris', count: 1, extra: true } } }, { token });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Written inline in the query rather than as variables (graphql-scalars' objects have no prototype there).
    const inline = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation { runWorkflow(input: { appId: "${app.id}", inputs: { city: "Nice", count: 8 }, blocking: true }) { run { outputs } } }` }),
    });
    expect(((await inline.json()) as { data: { runWorkflow: { run: { outputs: unknown } } } }).data.runWorkflow.run.outputs).toMatchObject({ answer: 'Item 8 in NICE at /echo/items/8' });
  });
});

describe('subscribers', () => {
  it('a late subscriber gets every event exactly once, the same sequence as one who watched it live', async () => {
    const graph = singleToolGraph(`${providerId}/slow`, 'slow', { text: '{{slow.text}}' });
    const app = await workflowApp('Slow stream', graph);
    const runId = await startRun(server.url, token, app.id);
    const early = follow(runId);
    // Join once the tool has streamed its first chunk: part of the run is history, part is live.
    let chunkSeen = false;
    const midway = until(async () => {
      const run = await execute(server.url, GetRun, { id: runId }, { token });
      chunkSeen = run.workflowRun.status !== 'QUEUED';
      return chunkSeen;
    }, 10_000).then(() => follow(runId));
    const [first, second] = await Promise.all([early, midway]);
    const late = await follow(runId);
    expectWellFormed(first);
    expect(second).toEqual(first);
    expect(late).toEqual(first);
    const chunks = first.filter((event) => event.type === 'TEXT_CHUNK').map((event) => (event as { text: string }).text);
    expect(chunks.join('')).toBe('chunk-1;chunk-2;chunk-3;');
    expect(chunks.length).toBeGreaterThan(1);
    // Resuming after a sequence number gives exactly the rest.
    const resumed = await follow(runId, 3);
    expect(resumed).toEqual(first.slice(3));
    // Resuming after the last event ends at once, rather than waiting for more.
    expect(await follow(runId, first.length)).toEqual([]);
  });
});

describe('execution', () => {
  it('runs independent branches at the same time', async () => {
    const graph = {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [] } },
        { id: 'left', type: 'TOOL', data: { toolId: `${providerId}/slow`, parameters: {} } },
        { id: 'right', type: 'TOOL', data: { toolId: `${providerId}/slow`, parameters: {} } },
        { id: 'end', type: 'END', data: { outputs: { both: '{{left.text}}|{{right.text}}' } } },
      ],
      edges: [edge('start', 'left'), edge('start', 'right'), edge('left', 'end'), edge('right', 'end')],
    };
    const app = await workflowApp('Parallel', graph);
    const events = await follow(await startRun(server.url, token, app.id));
    const at = (type: string, nodeId: string) => Date.parse(events.find((event) => event.type === type && (event as { nodeId?: string }).nodeId === nodeId)!.at);
    // Each branch takes ~600 ms: they overlap when each started before the other finished.
    expect(at('NODE_STARTED', 'left')).toBeLessThan(at('NODE_FINISHED', 'right'));
    expect(at('NODE_STARTED', 'right')).toBeLessThan(at('NODE_FINISHED', 'left'));
    expect(events.at(-1)).toMatchObject({ type: 'RUN_FINISHED', runOutputs: { both: 'chunk-1;chunk-2;chunk-3;|chunk-1;chunk-2;chunk-3;' } });
  });

  it('maps an ITERATION over a list within its concurrency bound', async () => {
    const graph = {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [{ name: 'numbers', type: 'JSON', required: true }] } },
        {
          id: 'each',
          type: 'ITERATION',
          data: {
            items: 'start.numbers',
            concurrency: 2,
            output: 'double.value',
            nodes: [
              {
                id: 'double',
                type: 'CODE',
                data: {
                  code: 'async function main({ n }) { if (n === 13) throw new Error("unlucky"); await new Promise((r) => setTimeout(r, 150)); return { value: n * 2 }; }',
                  inputs: { n: '{{each.item}}' },
                  outputs: { value: 'number' },
                },
              },
            ],
            edges: [],
          },
        },
        { id: 'end', type: 'END', data: { outputs: { doubled: '{{each.output}}' } } },
      ],
      edges: [edge('start', 'each'), edge('each', 'end')],
    };
    const app = await workflowApp('Iterate', graph);
    const events = await follow(await startRun(server.url, token, app.id, { numbers: [1, 2, 3, 4, 5] }));
    expect(events.at(-1)).toMatchObject({ type: 'RUN_FINISHED', runOutputs: { doubled: [2, 4, 6, 8, 10] } });
    // The most inner nodes running at once, from their start and finish events.
    let running = 0;
    let most = 0;
    for (const event of events) {
      if ((event as { nodeId?: string }).nodeId !== 'double') continue;
      if (event.type === 'NODE_STARTED') most = Math.max(most, ++running);
      if (event.type === 'NODE_FINISHED') running--;
    }
    expect(most).toBe(2);
    expect(events.filter((event) => event.type === 'NODE_FINISHED' && (event as { nodeId?: string }).nodeId === 'double').map((event) => (event as { iterationIndex: number }).iterationIndex).sort()).toEqual([0, 1, 2, 3, 4]);

    // One element failing fails the ITERATION, and the run, with that node's error.
    const failed = (await execute(server.url, RunWorkflow, { input: { appId: app.id, inputs: { numbers: [1, 13, 2] }, blocking: true } }, { token })).runWorkflow.run;
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatchObject({ code: 'CODE_ERROR' });
    expect(failed.error!.message).toContain('Node "double"');
  });

  it('stops a run mid-tool: the run ends STOPPED and the backend sees its request aborted', async () => {
    const graph = singleToolGraph(`${providerId}/hang`);
    const app = await workflowApp('Stoppable', graph);
    const before = backend.requests.filter((r) => r.path === '/hang').length;
    const runId = await startRun(server.url, token, app.id);
    const events = follow(runId);
    await until(() => backend.requests.filter((r) => r.path === '/hang').length > before, 10_000);
    const stopped = await execute(server.url, StopRun, { input: { id: runId } }, { token });
    expect(['RUNNING', 'STOPPED']).toContain(stopped.stopWorkflowRun.run.status);
    const all = await events;
    expect(all.at(-1)!.type).toBe('RUN_STOPPED');
    expect(all.find((event) => event.type === 'NODE_FINISHED' && (event as { nodeId?: string }).nodeId === 'wait')).toMatchObject({ status: 'STOPPED' });
    await until(() => backend.requests.filter((r) => r.path === '/hang').at(-1)!.aborted, 5_000);
    expect((await execute(server.url, GetRun, { id: runId }, { token })).workflowRun.status).toBe('STOPPED');
  });

  it('fails only the CODE node that throws or loops, with its code, and retries by the node policy', async () => {
    const codeGraph = (code: string, extra: Record<string, unknown> = {}) => ({
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [] } },
        { id: 'code', type: 'CODE', ...extra, data: { code, inputs: {}, outputs: { ok: 'boolean' } } },
        { id: 'end', type: 'END', data: { outputs: { ok: '{{code.ok}}' } } },
      ],
      edges: [edge('start', 'code'), edge('code', 'end')],
    });
    const throwing = await workflowApp('Throws', codeGraph('function main() { throw new Error("no luck") }'));
    const failed = (await execute(server.url, RunWorkflow, { input: { appId: throwing.id, blocking: true } }, { token })).runWorkflow.run;
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatchObject({ code: 'CODE_ERROR' });
    expect(failed.error!.message).toContain('Node "code"');
    expect(failed.error!.message).toContain('no luck');

    const looping = await workflowApp('Loops', codeGraph('function main() { while (true) {} }', { timeoutMs: 1500 }));
    const started = Date.now();
    const timedOut = (await execute(server.url, RunWorkflow, { input: { appId: looping.id, blocking: true } }, { token })).runWorkflow.run;
    expect(timedOut.status).toBe('FAILED');
    expect(['CODE_TIMEOUT', 'NODE_TIMEOUT']).toContain(timedOut.error!.code);
    expect(Date.now() - started).toBeLessThan(15_000);
    const nodes = (await execute(server.url, GetRun, { id: timedOut.id }, { token })).workflowRun.nodeExecutions.edges.map((e) => e.node);
    expect(nodes.map((node) => [node.nodeId, node.status])).toEqual([
      ['start', 'SUCCEEDED'],
      ['code', 'FAILED'],
    ]);

    // Succeeds on its second try (the workspace's sandbox keeps globals between calls).
    const flaky = await workflowApp(
      'Flaky',
      codeGraph('function main() { globalThis.tries = (globalThis.tries ?? 0) + 1; if (globalThis.tries < 2) throw new Error("first try"); return { ok: true } }', { retry: { maxAttempts: 3, intervalMs: 10 } }),
    );
    const retried = (await execute(server.url, RunWorkflow, { input: { appId: flaky.id, blocking: true } }, { token })).runWorkflow.run;
    expect(retried).toMatchObject({ status: 'SUCCEEDED', outputs: { ok: true } });
    const code = (await execute(server.url, GetRun, { id: retried.id }, { token })).workflowRun.nodeExecutions.edges.find((e) => e.node.nodeId === 'code')!.node;
    expect(code.attempts).toBe(2);
  });

  it('limits the active runs of an app: over it, RATE_LIMITED', async () => {
    const graph = singleToolGraph(`${providerId}/hang`);
    const app = await workflowApp('One at a time', graph, { maxActiveRuns: 1 });
    const first = await startRun(server.url, token, app.id);
    const second = await request(server.url, RunWorkflow, { input: { appId: app.id } }, { token });
    expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(second.body.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    await execute(server.url, StopRun, { input: { id: first } }, { token });
    await until(async () => (await execute(server.url, GetRun, { id: first }, { token })).workflowRun.status === 'STOPPED', 10_000);
    expect((await request(server.url, RunWorkflow, { input: { appId: app.id } }, { token })).body.errors).toBeUndefined();
  });
});

describe('saving', () => {
  const start = { id: 'start', type: 'START', data: { inputs: [{ name: 'q', type: 'TEXT', required: true }] } };
  const end = (outputs: Record<string, unknown> = {}) => ({ id: 'end', type: 'END', data: { outputs } });

  async function problemsOf(graph: unknown) {
    const app = await createApp(server.url, token, `Invalid ${Math.random()}`, 'WORKFLOW');
    const { body } = await request(server.url, SaveDraft, { input: { appId: app.id, graph } }, { token });
    expect(body.errors?.[0]?.extensions?.code).toBe('WORKFLOW_INVALID');
    return { message: body.errors![0]!.message, problems: body.errors![0]!.extensions!.problems as { nodeId?: string; message: string }[] };
  }

  it('refuses invalid graphs, naming the node', async () => {
    const cycle = await problemsOf({
      nodes: [start, { id: 'a', type: 'TEMPLATE', data: { template: 'x' } }, { id: 'b', type: 'TEMPLATE', data: { template: 'y' } }, end()],
      edges: [edge('start', 'a'), edge('a', 'b'), edge('b', 'a'), edge('b', 'end')],
    });
    expect(cycle.problems.some((p) => ['a', 'b'].includes(p.nodeId!) && /cycle/i.test(p.message))).toBe(true);

    const noEnd = await problemsOf({ nodes: [start, { id: 'a', type: 'TEMPLATE', data: { template: 'x' } }], edges: [edge('start', 'a')] });
    expect(noEnd.problems.some((p) => /END/.test(p.message))).toBe(true);

    const dangling = await problemsOf({ nodes: [start, end({ answer: '{{ghost.output}}' })], edges: [edge('start', 'end')] });
    expect(dangling.problems[0]).toMatchObject({ nodeId: 'end' });
    expect(dangling.message).toContain('Node "end"');
    expect(dangling.message).toContain('ghost');

    const unknownTool = await problemsOf({ nodes: [start, { id: 'call', type: 'TOOL', data: { toolId: `${providerId}/nope`, parameters: {} } }, end()], edges: [edge('start', 'call'), edge('call', 'end')] });
    expect(unknownTool.problems[0]).toMatchObject({ nodeId: 'call' });
    expect(unknownTool.message).toMatch(/unknown tool/i);

    // getItem's itemId is an integer; start.q is text.
    const mismatch = await problemsOf({
      nodes: [start, { id: 'call', type: 'TOOL', data: { toolId: `${providerId}/getItem`, parameters: { itemId: '{{start.q}}' } } }, end()],
      edges: [edge('start', 'call'), edge('call', 'end')],
    });
    expect(mismatch.problems[0]).toMatchObject({ nodeId: 'call' });
    expect(mismatch.message).toContain('itemId');
  });

  it('refuses CODE nodes where the server turned them off', async () => {
    const strict = await startTestServer({ env: { PLUGBOARD_WORKFLOW_CODE_NODES: 'false' } });
    try {
      const owner = await signUpUser(strict.url, 'Strict');
      await createWorkspace(strict.url, owner.token, 'No code');
      const app = await createApp(strict.url, owner.token, 'Coded', 'WORKFLOW');
      const graph = {
        nodes: [start, { id: 'code', type: 'CODE', data: { code: 'function main() { return {} }', inputs: {}, outputs: {} } }, end()],
        edges: [edge('start', 'code'), edge('code', 'end')],
      };
      const { body } = await request(strict.url, SaveDraft, { input: { appId: app.id, graph } }, { token: owner.token });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'WORKFLOW_INVALID', problems: [{ nodeId: 'code' }] });
      // Allowed here, on the default server.
      const here = await createApp(server.url, token, 'Coded', 'WORKFLOW');
      expect((await request(server.url, SaveDraft, { input: { appId: here.id, graph } }, { token })).body.errors).toBeUndefined();
    } finally {
      await strict.stop();
    }
  });

  it('keeps the draft and published versions apart', async () => {
    const app = await createApp(server.url, token, 'Versions', 'WORKFLOW');
    const v1 = await publishGraph(server.url, token, app.id, { nodes: [start, end({ said: 'one {{start.q}}' })], edges: [edge('start', 'end')] });
    expect(v1).toMatchObject({ version: 1, isDraft: false });
    await execute(server.url, SaveDraft, { input: { appId: app.id, graph: { nodes: [start, end({ said: 'two {{start.q}}' })], edges: [edge('start', 'end')] } } }, { token });
    const published = await execute(server.url, RunWorkflow, { input: { appId: app.id, inputs: { q: 'x' }, blocking: true } }, { token });
    expect(published.runWorkflow.run.outputs).toEqual({ said: 'one x' });
    const draft = await execute(server.url, RunWorkflow, { input: { appId: app.id, inputs: { q: 'x' }, draft: true, blocking: true } }, { token });
    expect(draft.runWorkflow.run.outputs).toEqual({ said: 'two x' });
    const chat = await createApp(server.url, token, 'Chatty', 'CHAT');
    const notWorkflow = await request(server.url, SaveDraft, { input: { appId: chat.id, graph: { nodes: [start, end()], edges: [edge('start', 'end')] } } }, { token });
    expect(notWorkflow.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('workflows as tools', () => {
  it('offers a published workflow as a WORKFLOW tool, with its inputs as parameters', async () => {
    const inner = await workflowApp('Greeter', {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [{ name: 'who', type: 'TEXT', required: true }] } },
        { id: 'end', type: 'END', data: { outputs: { greeting: 'Hello, {{start.who}}!' } } },
      ],
      edges: [edge('start', 'end')],
    });
    const provider = (await execute(server.url, CreateWorkflowTool, { input: { appId: inner.id, name: 'Greeter tool', toolName: 'greet' } }, { token })).createWorkflowToolProvider.provider;
    expect(provider.kind).toBe('WORKFLOW');
    expect(provider.tools[0]).toMatchObject({ name: 'greet', parameters: [{ name: 'who', type: 'STRING', required: true }] });

    const direct = await execute(server.url, InvokeTool, { input: { toolId: provider.tools[0]!.id, parameters: { who: 'Ada' } } }, { token });
    expect(direct.invokeTool.invocation.status).toBe('SUCCEEDED');
    expect(direct.invokeTool.messages).toContainEqual({ __typename: 'JsonMessage', json: { greeting: 'Hello, Ada!' } });

    // Used from another workflow: the child run is recorded one level deeper.
    const outer = await workflowApp('Caller', {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [] } },
        { id: 'call', type: 'TOOL', data: { toolId: provider.tools[0]!.id, parameters: { who: 'Grace' } } },
        { id: 'end', type: 'END', data: { outputs: { said: '{{call.text}}' } } },
      ],
      edges: [edge('start', 'call'), edge('call', 'end')],
    });
    const run = (await execute(server.url, RunWorkflow, { input: { appId: outer.id, blocking: true } }, { token })).runWorkflow.run;
    expect(run).toMatchObject({ status: 'SUCCEEDED', outputs: { said: 'Hello, Grace!' } });
    const children = await execute(server.url, ListRuns, { filter: { appId: inner.id } }, { token });
    expect(children.workflowRuns.edges.map((e) => e.node)).toContainEqual(expect.objectContaining({ depth: 1, parentRunId: run.id, status: 'SUCCEEDED' }));
  });

  it('stops a workflow that calls itself at the depth limit', async () => {
    const start = { id: 'start', type: 'START', data: { inputs: [] } };
    const app = await workflowApp('Recursive', { nodes: [start, { id: 'end', type: 'END', data: { outputs: { done: true } } }], edges: [edge('start', 'end')] });
    const provider = (await execute(server.url, CreateWorkflowTool, { input: { appId: app.id, name: 'Myself' } }, { token })).createWorkflowToolProvider.provider;
    await publishGraph(server.url, token, app.id, {
      nodes: [start, { id: 'again', type: 'TOOL', data: { toolId: provider.tools[0]!.id, parameters: {} } }, { id: 'end', type: 'END', data: { outputs: { done: true } } }],
      edges: [edge('start', 'again'), edge('again', 'end')],
    });
    const run = (await execute(server.url, RunWorkflow, { input: { appId: app.id, blocking: true } }, { token })).runWorkflow.run;
    expect(run.status).toBe('FAILED');
    expect(run.error!.code).toBe('WORKFLOW_DEPTH_EXCEEDED');
    const nested = await execute(server.url, ListRuns, { filter: { appId: app.id } }, { token });
    // The client's run (depth 0) and children down to the limit (3), all failed.
    expect(nested.workflowRuns.edges.map((e) => e.node.depth).sort()).toEqual([0, 1, 2, 3]);
    expect(nested.workflowRuns.edges.every((e) => e.node.status === 'FAILED')).toBe(true);
  });
});

describe('history', () => {
  it('lists runs newest first, with Relay pagination and status and time filters', async () => {
    const app = await workflowApp('History', {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [{ name: 'fail', type: 'JSON', required: true }] } },
        { id: 'code', type: 'CODE', data: { code: 'function main({ fail }) { if (fail) throw new Error("asked to"); return { ok: true } }', inputs: { fail: '{{start.fail}}' }, outputs: { ok: 'boolean' } } },
        { id: 'end', type: 'END', data: { outputs: { ok: '{{code.ok}}' } } },
      ],
      edges: [edge('start', 'code'), edge('code', 'end')],
    });
    const run = async (fail: boolean) => (await execute(server.url, RunWorkflow, { input: { appId: app.id, inputs: { fail }, blocking: true } }, { token })).runWorkflow.run;
    const first = await run(false);
    const second = await run(true);
    const third = await run(false);
    expect([first.status, second.status, third.status]).toEqual(['SUCCEEDED', 'FAILED', 'SUCCEEDED']);

    const page1 = (await execute(server.url, ListRuns, { filter: { appId: app.id }, first: 2 }, { token })).workflowRuns;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e) => e.node.id)).toEqual([third.id, second.id]);
    const page2 = await execute(server.url, ListRunsAfter, { filter: { appId: app.id }, first: 2, after: page1.pageInfo.endCursor! }, { token });
    expect(page2.workflowRuns.edges.map((e) => e.node.id)).toEqual([first.id]);
    expect(page2.workflowRuns.pageInfo.hasNextPage).toBe(false);

    const failed = (await execute(server.url, ListRuns, { filter: { appId: app.id, status: 'FAILED' } }, { token })).workflowRuns;
    expect(failed.edges.map((e) => e.node.id)).toEqual([second.id]);
    const secondAt = page1.edges[1]!.node.createdAt;
    const since = (await execute(server.url, ListRuns, { filter: { appId: app.id, createdAfter: secondAt } }, { token })).workflowRuns;
    expect(since.edges.map((e) => e.node.id)).toEqual([third.id, second.id]);
    const before = (await execute(server.url, ListRuns, { filter: { appId: app.id, createdBefore: secondAt } }, { token })).workflowRuns;
    expect(before.edges.map((e) => e.node.id)).toEqual([first.id]);
  });
});

describe('notices', () => {
  it('mails the user who started a run how it ended, as the app opted in', async () => {
    const graph = (code: string) => ({
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [] } },
        { id: 'code', type: 'CODE', data: { code, inputs: {}, outputs: { ok: 'boolean' } } },
        { id: 'end', type: 'END', data: { outputs: {} } },
      ],
      edges: [edge('start', 'code'), edge('code', 'end')],
    });
    const failing = await workflowApp('Noisy failure', graph('function main() { throw new Error("disk on fire") }'), { runNotifications: 'FAILURES' });
    const failed = (await execute(server.url, RunWorkflow, { input: { appId: failing.id, blocking: true } }, { token })).runWorkflow.run;
    const notice = await waitForMail(server.database.dataDir, email, /Noisy failure/);
    expect(notice.parsed.text).toContain(failed.id);
    expect(notice.parsed.text).toContain('disk on fire');

    const quiet = await workflowApp('Quiet success', graph('function main() { return { ok: true } }'), { runNotifications: 'FAILURES' });
    const loud = await workflowApp('Loud success', graph('function main() { return { ok: true } }'), { runNotifications: 'ALL' });
    await execute(server.url, RunWorkflow, { input: { appId: quiet.id, blocking: true } }, { token });
    await execute(server.url, RunWorkflow, { input: { appId: loud.id, blocking: true } }, { token });
    await waitForMail(server.database.dataDir, email, /Workflow run finished: Loud success/);
    expect((await readOutbox(server.database.dataDir)).some((mail) => /Quiet success/.test(mail.parsed.subject ?? ''))).toBe(false);
  });
});

describe('limits', () => {
  it('fails a run whose outputs exceed 1 MB with RUN_OUTPUT_TOO_LARGE, and records big values as a marker', async () => {
    const app = await workflowApp('Big outputs', {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [{ name: 'blob', type: 'JSON', required: true }] } },
        { id: 'end', type: 'END', data: { outputs: { a: '{{start.blob}}', b: '{{start.blob}}' } } },
      ],
      edges: [edge('start', 'end')],
    });
    const run = (await execute(server.url, RunWorkflow, { input: { appId: app.id, inputs: { blob: 'x'.repeat(600_000) }, blocking: true } }, { token })).runWorkflow.run;
    expect(run).toMatchObject({ status: 'FAILED', outputs: null, error: { code: 'RUN_OUTPUT_TOO_LARGE' } });
    const end = (await execute(server.url, GetRun, { id: run.id }, { token })).workflowRun.nodeExecutions.edges.find((e) => e.node.nodeId === 'end')!.node;
    expect(end.outputs).toEqual({ truncated: true, bytes: 1_200_015 }); // {"a":"…","b":"…"}
  });
});

describe('records', () => {
  it('redacts secrets an HTTP_REQUEST node sends, and stores text Postgres would refuse', async () => {
    const app = await workflowApp('Careful records', {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [{ name: 'secret', type: 'TEXT', required: true }] } },
        {
          id: 'call',
          type: 'HTTP_REQUEST',
          data: { method: 'POST', url: `${backend.url}/echo/records`, headers: { Authorization: 'Bearer {{start.secret}}', 'X-Trace': 'visible' }, query: { api_key: '{{start.secret}}', page: '2' }, body: { type: 'json', value: { n: 1 } } },
        },
        { id: 'odd', type: 'CODE', data: { code: 'function main() { return { text: "a\\u0000b\\ud800c" } }', inputs: {}, outputs: { text: 'string' } } },
        { id: 'end', type: 'END', data: { outputs: { status: '{{call.status_code}}', echoed: '{{call.json}}', odd: '{{odd.text}}' } } },
      ],
      edges: [edge('start', 'call'), edge('call', 'odd'), edge('odd', 'end')],
    });
    const run = (await execute(server.url, RunWorkflow, { input: { appId: app.id, inputs: { secret: 's3cret-value' }, blocking: true } }, { token })).runWorkflow.run;
    expect(run.status).toBe('SUCCEEDED');
    expect(run.outputs).toMatchObject({ status: 200, echoed: { method: 'POST', query: { api_key: 's3cret-value', page: '2' }, body: '{"n":1}' }, odd: 'a\uFFFDb\uFFFDc' });
    expect(backend.last('/echo/records')!.headers.authorization).toBe('Bearer s3cret-value');
    const call = (await execute(server.url, GetRun, { id: run.id }, { token })).workflowRun.nodeExecutions.edges.find((e) => e.node.nodeId === 'call')!.node;
    expect(call.inputs).toMatchObject({ headers: { Authorization: '[redacted]', 'X-Trace': 'visible' }, query: { api_key: '[redacted]', page: '2' } });
    expect(JSON.stringify(call.inputs)).not.toContain('s3cret');
  });
});

describe('API keys limited to one app', () => {
  it("run only their app: no other app's workflow as a tool, no extensions from inside a run", async () => {
    const other = await workflowApp('Other app', {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [] } },
        { id: 'end', type: 'END', data: { outputs: { secret: 'other' } } },
      ],
      edges: [edge('start', 'end')],
    });
    const otherTool = (await execute(server.url, CreateWorkflowTool, { input: { appId: other.id, name: 'Other as tool' } }, { token })).createWorkflowToolProvider.provider.tools[0]!.id;
    const mine = await workflowApp('Key app', {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [] } },
        { id: 'weather', type: 'EXTENSION', data: { extensionId, input: { tool_variable: 'weather', inputs: { location: 'Oslo' }, query: 'q' } } },
        { id: 'end', type: 'END', data: { outputs: { said: '{{weather.result}}' } } },
      ],
      edges: [edge('start', 'weather'), edge('weather', 'end')],
    });
    const key = (await createApiKey(server.url, token, { appId: mine.id, role: 'EDITOR' })).secret;

    const direct = await request(server.url, InvokeTool, { input: { toolId: otherTool, parameters: {} } }, { token: key });
    expect(direct.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const run = (await execute(server.url, RunWorkflow, { input: { appId: mine.id, blocking: true } }, { token: key })).runWorkflow.run;
    expect(run.status).toBe('FAILED');
    expect(run.error!.code).toBe('FORBIDDEN');
    // The same graph run by a member of the workspace calls the extension.
    expect((await execute(server.url, RunWorkflow, { input: { appId: mine.id, blocking: true } }, { token })).runWorkflow.run.status).toBe('SUCCEEDED');
  });
});

describe('restarts', () => {
  it('fails the run in flight at shutdown, and runs the one still queued after the restart', async () => {
    const env = { PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1', PLUGBOARD_WORKFLOW_CONCURRENCY: '1' };
    let gateway = await startTestServer({ env });
    try {
      const owner = await signUpUser(gateway.url, 'Restarter');
      await createWorkspace(gateway.url, owner.token, 'Restarts');
      const hangProvider = (await execute(gateway.url, CreateApiProvider, { input: { name: 'Echo', source: { document: ECHO_API }, serverUrl: backend.url } }, { token: owner.token })).createApiToolProvider.provider.id;
      const hanging = await createApp(gateway.url, owner.token, 'Hangs', 'WORKFLOW');
      await publishGraph(gateway.url, owner.token, hanging.id, singleToolGraph(`${hangProvider}/hang`));
      const quick = await createApp(gateway.url, owner.token, 'Quick', 'WORKFLOW');
      await publishGraph(gateway.url, owner.token, quick.id, {
        nodes: [
          { id: 'start', type: 'START', data: { inputs: [] } },
          { id: 'end', type: 'END', data: { outputs: { done: true } } },
        ],
        edges: [edge('start', 'end')],
      });
      const inFlight = await startRun(gateway.url, owner.token, hanging.id);
      await until(async () => (await execute(gateway.url, GetRun, { id: inFlight }, { token: owner.token })).workflowRun.status === 'RUNNING', 10_000);
      // One run at a time here: this one waits in the in-memory queue.
      const waiting = await startRun(gateway.url, owner.token, quick.id);
      expect((await execute(gateway.url, GetRun, { id: waiting }, { token: owner.token })).workflowRun.status).toBe('QUEUED');

      await gateway.stop({ dispose: false });
      gateway = await startTestServer({ env, database: gateway.database });
      const ended = (await execute(gateway.url, GetRun, { id: inFlight }, { token: owner.token })).workflowRun;
      expect(ended).toMatchObject({ status: 'FAILED', error: { code: 'WORKER_STOPPED' } });
      await until(async () => (await execute(gateway.url, GetRun, { id: waiting }, { token: owner.token })).workflowRun.status === 'SUCCEEDED', 15_000);
    } finally {
      await gateway.stop();
    }
  });
});
