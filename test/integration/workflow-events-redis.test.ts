/**
 * Events across processes through Redis (`PLUGBOARD_PUBSUB=redis`): two gateways on one
 * PostgreSQL server, each running its own runs (inline queue). A client connected to one
 * follows, and stops, a run executing on the other. Needs a Postgres server (`DATABASE_URL`)
 * and the redis-server binary, as `.ci/run` provides.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../support/client.js';
import { createApp, createWorkspace, signUpUser } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { hasRedisServer, startRedis } from '../support/redis.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startToolBackend, type ToolBackend } from '../support/tool-backend.js';
import { CreateApiProvider, ECHO_API } from '../support/tool-factories.js';
import { until } from '../support/timing.js';
import { FollowRun, publishGraph, singleToolGraph, startRun, StopRun } from '../support/workflow-factories.js';
import { subscribeWs } from '../support/workflow-streams.js';

describe.runIf(Boolean(process.env.DATABASE_URL) && hasRedisServer)('workflow events across processes through Redis', () => {
  let database: TestDatabase;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let backend: ToolBackend;
  let a: TestServer;
  let b: TestServer;
  let token: string;
  let providerId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    redis = await startRedis();
    backend = await startToolBackend();
    const env = {
      DATABASE_URL: database.url!,
      REDIS_URL: redis.url,
      PLUGBOARD_PUBSUB: 'redis',
      PLUGBOARD_SECRET_KEY: randomBytes(32).toString('base64'),
      PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1',
    };
    a = await startTestServer({ database, env });
    b = await startTestServer({ database, env });
    ({ token } = await signUpUser(a.url, 'Redis'));
    await createWorkspace(a.url, token, 'Across');
    providerId = (await execute(a.url, CreateApiProvider, { input: { name: 'Echo', source: { document: ECHO_API }, serverUrl: backend.url } }, { token })).createApiToolProvider.provider.id;
  });
  afterAll(async () => {
    await a?.stop({ dispose: false });
    await b?.stop({ dispose: false });
    await backend?.close();
    await redis?.stop();
    await database?.dispose();
  });

  it('streams a run executing on one process to a subscriber on the other', async () => {
    const app = await createApp(a.url, token, 'Streamed', 'WORKFLOW');
    await publishGraph(a.url, token, app.id, singleToolGraph(`${providerId}/slow`, 'slow', { text: '{{slow.text}}' }));
    const runId = await startRun(a.url, token, app.id);
    const received: { type: string; at: number }[] = [];
    const events = await subscribeWs(b.wsUrl, token, FollowRun, { id: runId, afterSequence: 0 }, (data) => received.push({ type: data.workflowRun.type, at: Date.now() }));
    expect(events.map((event) => event.workflowRun.sequence)).toEqual(events.map((_event, i) => i + 1));
    expect(events.at(-1)!.workflowRun).toMatchObject({ type: 'RUN_FINISHED', runOutputs: { text: 'chunk-1;chunk-2;chunk-3;' } });
    // Live, not replayed at the end: the chunks arrived spread over the tool's ~600 ms.
    const chunks = received.filter((event) => event.type === 'TEXT_CHUNK');
    expect(chunks.at(-1)!.at - chunks[0]!.at).toBeGreaterThan(300);
  });

  it('stops, from one process, a run executing on the other', async () => {
    const app = await createApp(a.url, token, 'Stopped across', 'WORKFLOW');
    await publishGraph(a.url, token, app.id, singleToolGraph(`${providerId}/hang`));
    const before = backend.requests.filter((r) => r.path === '/hang').length;
    const runId = await startRun(a.url, token, app.id);
    await until(() => backend.requests.filter((r) => r.path === '/hang').length > before, 10_000);
    const events = subscribeWs(b.wsUrl, token, FollowRun, { id: runId, afterSequence: 0 });
    await execute(b.url, StopRun, { input: { id: runId } }, { token });
    expect((await events).at(-1)!.workflowRun.type).toBe('RUN_STOPPED');
    await until(() => backend.requests.filter((r) => r.path === '/hang').at(-1)!.aborted, 5_000);
  });
});
