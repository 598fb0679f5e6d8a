import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../__generated__/index.js';
import { createWorkspace, signUpUser } from '../support/factories.js';
import { startTestServer } from '../support/server.js';

const Watch = graphql(`
  subscription WatchForShutdown($id: ID!) {
    workspaceUpdated(id: $id) {
      id
    }
  }
`);

describe('graceful shutdown', () => {
  it('ends live subscriptions, stops accepting and closes within the timeout', async () => {
    const server = await startTestServer({ env: { PLUGBOARD_SHUTDOWN_TIMEOUT_MS: '3000' } });
    const { token } = await signUpUser(server.url);
    const workspace = await createWorkspace(server.url, token);

    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
    const sse = fetch(server.sseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(Watch), variables: { id: workspace.id } }),
    });
    const ws = client.iterate({ query: print(Watch), variables: { id: workspace.id } });
    const wsEnded = ws.next().then(
      (r) => r.done,
      () => true,
    );
    const sseResponse = await sse;
    expect(sseResponse.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200)); // let both subscriptions register

    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await wsEnded).toBe(true);
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
    await client.dispose();
  });
});
