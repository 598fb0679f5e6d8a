import { print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../__generated__/index.js';
import { execute } from '../support/client.js';
import { PASSWORD, createWorkspace, signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const WorkspaceUpdated = graphql(`
  subscription WorkspaceUpdated($id: ID!) {
    workspaceUpdated(id: $id) {
      id
      name
    }
  }
`);

const SignInAgain = graphql(`
  mutation SignInForSubscription($input: SignInInput!) {
    signIn(input: $input) {
      token
    }
  }
`);

const SignOutQuery = graphql(`
  mutation SignOutForSubscription {
    signOut {
      revoked
    }
  }
`);

const Rename = graphql(`
  mutation RenameForSubscription($input: RenameWorkspaceInput!) {
    renameWorkspace(input: $input) {
      workspace {
        id
      }
    }
  }
`);

type Result = { data?: unknown; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] | null };

/** Collects `count` results from an async iterator, renaming the workspace once per expected event. */
async function collect(iterator: AsyncIterator<Result>, count: number, publish: (i: number) => Promise<void>): Promise<Result[]> {
  const results: Result[] = [];
  for (let i = 0; i < count; i++) {
    const next = iterator.next();
    // The subscription registers asynchronously; publish until the event arrives.
    let received: IteratorResult<Result> | undefined;
    while (!received) {
      await publish(i);
      received = await Promise.race([next, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 200))]);
    }
    results.push(received.value);
  }
  await iterator.return?.();
  return results;
}

/** The error code of a subscription's first answer, whether it came as a result or as a protocol error. */
async function firstCode(iterator: AsyncIterator<Result>): Promise<unknown> {
  const first = await iterator.next().then(
    (result) => result.value as Result,
    (errors: Result['errors']) => ({ errors }),
  );
  await iterator.return?.();
  return first.errors?.[0]?.extensions?.code;
}

describe('subscriptions', () => {
  let server: TestServer;
  let token: string;
  let workspaceId: string;
  const rename = (name: string) => execute(server.url, Rename, { input: { id: workspaceId, name } }, { token }).then(() => undefined);

  beforeAll(async () => {
    server = await startTestServer();
    ({ token } = await signUpUser(server.url));
    workspaceId = (await createWorkspace(server.url, token)).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('streams real events over graphql-ws', async () => {
    const client = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    try {
      const iterator = client.iterate({ query: print(WorkspaceUpdated), variables: { id: workspaceId } });
      const [first] = await collect(iterator, 1, (i) => rename(`ws-${i}`));
      expect(first).toEqual({ data: { workspaceUpdated: { id: workspaceId, name: expect.stringMatching(/^ws-\d+$/) } } });
    } finally {
      await client.dispose();
    }
  });

  it('streams real events over graphql-sse', async () => {
    const client = createSseClient({ url: server.sseUrl, headers: { authorization: `Bearer ${token}` } });
    try {
      const iterator = client.iterate({ query: print(WorkspaceUpdated), variables: { id: workspaceId } });
      const [first] = await collect(iterator, 1, (i) => rename(`sse-${i}`));
      expect(first).toEqual({ data: { workspaceUpdated: { id: workspaceId, name: expect.stringMatching(/^sse-\d+$/) } } });
    } finally {
      client.dispose();
    }
  });

  it('applies the same auth to subscriptions as to queries, on both transports', async () => {
    const stranger = await signUpUser(server.url, 'Stranger');
    const ws = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${stranger.token}` } });
    const anonymousWs = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket });
    const sse = createSseClient({ url: server.sseUrl, headers: { authorization: `Bearer ${stranger.token}` } });
    try {
      const subscribe = { query: print(WorkspaceUpdated), variables: { id: workspaceId } };
      expect(await firstCode(ws.iterate(subscribe))).toBe('NOT_FOUND');
      expect(await firstCode(anonymousWs.iterate(subscribe))).toBe('UNAUTHENTICATED');
      expect(await firstCode(sse.iterate(subscribe))).toBe('NOT_FOUND');
    } finally {
      await ws.dispose();
      await anonymousWs.dispose();
      sse.dispose();
    }
  });

  it('answers bad operations over graphql-ws with coded errors and keeps the socket usable', async () => {
    const client = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    try {
      await expect(client.iterate({ query: 'subscription { nope }' }).next()).rejects.toEqual([
        expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      ]);
      await expect(client.iterate({ query: 'subscription {' }).next()).rejects.toEqual([
        expect.objectContaining({ extensions: { code: 'GRAPHQL_PARSE_FAILED' } }),
      ]);
      const query = await client.iterate({ query: '{ viewer { user { id } } }' }).next();
      expect(query.value).toMatchObject({ data: { viewer: { user: { id: expect.any(String) } } } });
    } finally {
      await client.dispose();
    }
  });

  it('ends a live subscription once its session is revoked', async () => {
    const { token, user } = await signUpUser(server.url, 'Leaving');
    const workspace = await createWorkspace(server.url, token, 'Short-lived');
    const second = (await execute(server.url, SignInAgain, { input: { email: user.email, password: PASSWORD } })).signIn.token;
    const renameIt = (name: string) => execute(server.url, Rename, { input: { id: workspace.id, name } }, { token: second }).then(() => undefined);
    const client = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    try {
      const iterator = client.iterate({ query: print(WorkspaceUpdated), variables: { id: workspace.id } });
      // The subscription registers asynchronously: rename until the first event arrives.
      const first = iterator.next();
      let live: IteratorResult<Result> | undefined;
      for (let i = 0; !live; i++) {
        await renameIt(`live-${i}`);
        live = await Promise.race([first, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 200))]);
      }
      expect(live.value.data).toBeTruthy();

      await execute(server.url, SignOutQuery, {}, { token });
      const after = iterator.next();
      await renameIt('after sign-out');
      expect(await after).toEqual({ done: true, value: undefined });
    } finally {
      await client.dispose();
    }
  });

  it('refuses SSE bodies that are not JSON, and WebSocket messages over the body limit', async () => {
    const sse = await fetch(server.sseUrl, { method: 'POST', headers: { 'content-type': 'text/plain', accept: 'text/event-stream' }, body: '{"query":"{ viewer { role } }"}' });
    expect(sse.status).toBe(415);
    const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(await closed).toBe(1009); // message too big
  });
});
