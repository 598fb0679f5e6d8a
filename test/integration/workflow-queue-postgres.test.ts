/**
 * Workflow runs through the durable queue (`PLUGBOARD_QUEUE=postgres`, pg-boss) shared by two
 * gateway processes: this test's in-process gateway and a real second process started from
 * src/server.ts. Events of a run executed by either reach subscribers of the other through
 * Postgres LISTEN/NOTIFY. Runs where the suite runs against a server (`DATABASE_URL`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execute } from '../support/client.js';
import { createApp, createWorkspace, signUpUser } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startToolBackend, type ToolBackend } from '../support/tool-backend.js';
import { CreateApiProvider, ECHO_API } from '../support/tool-factories.js';
import { until } from '../support/timing.js';
import { FollowRun, GetRun, publishGraph, singleToolGraph, startRun, StopRun } from '../support/workflow-factories.js';
import { subscribeWs } from '../support/workflow-streams.js';

const serverDatabase = Boolean(process.env.DATABASE_URL);

/** A second gateway as its own OS process, so it can really die. */
async function startWorkerProcess(env: Record<string, string>): Promise<{ child: ChildProcess; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-worker-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', PLUGBOARD_DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  await until(() => output.includes('Plugboard ready') || child.exitCode !== null, 60_000);
  if (child.exitCode !== null) throw new Error(`worker exited: ${output}`);
  return { child, dataDir };
}

describe.runIf(serverDatabase)('workflow runs through the durable queue, two processes', () => {
  let database: TestDatabase;
  let backend: ToolBackend;
  let gateway: TestServer;
  let worker: { child: ChildProcess; dataDir: string } | undefined;
  let db: pg.Client;
  let token: string;
  let providerId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    backend = await startToolBackend();
    const env = {
      DATABASE_URL: database.url!,
      PLUGBOARD_QUEUE: 'postgres',
      PLUGBOARD_SECRET_KEY: randomBytes(32).toString('base64'),
      PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1',
      // Two runs at a time per process, so a burst of runs has to be shared.
      PLUGBOARD_WORKFLOW_CONCURRENCY: '2',
      PLUGBOARD_WORKFLOW_LEASE: '3s',
    };
    gateway = await startTestServer({ database, env });
    worker = await startWorkerProcess(env);
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
    ({ token } = await signUpUser(gateway.url, 'Durable'));
    await createWorkspace(gateway.url, token, 'Durable runs');
    const provider = await execute(gateway.url, CreateApiProvider, { input: { name: 'Echo', source: { document: ECHO_API }, serverUrl: backend.url } }, { token });
    providerId = provider.createApiToolProvider.provider.id;
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await db?.end();
    await gateway?.stop({ dispose: false });
    await backend?.close();
    await database?.dispose();
    if (worker) await rm(worker.dataDir, { recursive: true, force: true });
  });

  const workerIds = async (runIds: string[]) =>
    (await db.query<{ id: string; worker_id: string }>('select id, worker_id from workflow_runs where id = any($1)', [runIds])).rows;

  it('shares runs between the processes, each run executed once, and streams them all to one subscriber', async () => {
    const app = await createApp(gateway.url, token, 'Shared', 'WORKFLOW', { maxActiveRuns: 50 });
    await publishGraph(gateway.url, token, app.id, {
      nodes: [
        { id: 'start', type: 'START', data: { inputs: [{ name: 'n', type: 'NUMBER', required: true }] } },
        { id: 'work', type: 'CODE', data: { code: 'async function main({ n }) { await new Promise((r) => setTimeout(r, 700)); return { m: n * 10 }; }', inputs: { n: '{{start.n}}' }, outputs: { m: 'number' } } },
        { id: 'end', type: 'END', data: { outputs: { m: '{{work.m}}' } } },
      ],
      edges: [
        { source: 'start', target: 'work' },
        { source: 'work', target: 'end' },
      ],
    });
    const runIds = await Promise.all(Array.from({ length: 8 }, (_, n) => startRun(gateway.url, token, app.id, { n })));
    // Every run followed through this process, wherever it executes.
    const streams = await Promise.all(runIds.map((id) => subscribeWs(gateway.wsUrl, token, FollowRun, { id, afterSequence: 0 })));
    for (const [n, events] of streams.entries()) {
      const types = events.map((event) => event.workflowRun.type);
      expect(types.filter((type) => type === 'RUN_STARTED')).toHaveLength(1);
      expect(events.at(-1)!.workflowRun).toMatchObject({ type: 'RUN_FINISHED', runOutputs: { m: n * 10 } });
    }
    const owners = new Set((await workerIds(runIds)).map((row) => row.worker_id.split(':')[1]));
    expect(owners).toEqual(new Set([String(process.pid), String(worker!.child.pid)]));
    const executions = await db.query<{ count: number }>('select count(*)::int as count from workflow_node_executions where run_id = any($1)', [runIds]);
    expect(executions.rows[0]!.count).toBe(runIds.length * 3);
  });

  it('marks a run FAILED (WORKER_LOST) within the lease when its process is killed mid-run', async () => {
    const app = await createApp(gateway.url, token, 'Doomed', 'WORKFLOW', { maxActiveRuns: 50 });
    await publishGraph(gateway.url, token, app.id, singleToolGraph(`${providerId}/hang`));
    const workerPid = String(worker!.child.pid);
    const runIds: string[] = [];
    let doomed: string | undefined;
    // Start hanging runs until the other process holds one.
    await until(async () => {
      const running = await db.query<{ id: string; worker_id: string }>(`select id, worker_id from workflow_runs where id = any($1) and status = 'RUNNING'`, [runIds]);
      doomed = running.rows.find((row) => row.worker_id.split(':')[1] === workerPid)?.id;
      if (!doomed && runIds.length < 6) runIds.push(await startRun(gateway.url, token, app.id));
      return Boolean(doomed);
    }, 30_000);
    // Killed mid-tool: the node's execution is recorded RUNNING over there.
    await until(async () => (await db.query(`select 1 from workflow_node_executions where run_id = $1 and node_id = 'wait' and status = 'RUNNING'`, [doomed])).rowCount === 1, 15_000);
    const events = subscribeWs(gateway.wsUrl, token, FollowRun, { id: doomed!, afterSequence: 0 });
    const killedAt = Date.now();
    worker!.child.kill('SIGKILL');
    const all = await events;
    expect(all.at(-1)!.workflowRun).toMatchObject({ type: 'RUN_FAILED', runError: { code: 'WORKER_LOST' } });
    // Lease 3 s, swept every 1.5 s: well within 15 s.
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    const run = (await execute(gateway.url, GetRun, { id: doomed! }, { token })).workflowRun;
    expect(run.status).toBe('FAILED');
    expect(run.nodeExecutions.edges.find((e) => e.node.nodeId === 'wait')!.node.status).toBe('FAILED');
    for (const id of runIds.filter((id) => id !== doomed)) await execute(gateway.url, StopRun, { input: { id } }, { token });
  });
});
