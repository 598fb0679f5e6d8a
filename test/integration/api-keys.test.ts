import { print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../__generated__/index.js';
import { execute, request } from '../support/client.js';
import { createApiKey, createApp, createWorkspace, signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const KeyViewer = graphql(`
  query KeyViewer {
    viewer {
      user {
        id
      }
      apiKey {
        id
        name
        scope
      }
      currentWorkspace {
        id
      }
      role
    }
  }
`);

const ListKeys = graphql(`
  query ListKeys {
    apiKeys {
      totalCount
      edges {
        node {
          id
          name
          prefix
          scope
          role
          lastUsedAt
          revokedAt
          creator {
            id
          }
          app {
            id
            name
          }
        }
      }
    }
  }
`);

const Revoke = graphql(`
  mutation RevokeKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        revokedAt
      }
    }
  }
`);

const AppById = graphql(`
  query AppById($id: ID!) {
    app(id: $id) {
      id
      name
    }
  }
`);

const AppNames = graphql(`
  query AppNames {
    apps {
      edges {
        node {
          name
        }
      }
    }
  }
`);

describe('API keys', () => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof signUpUser>>;
  let workspaceId: string;
  beforeAll(async () => {
    server = await startTestServer();
    owner = await signUpUser(server.url, 'KeyOwner');
    workspaceId = (await createWorkspace(server.url, owner.token, 'Keys')).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('shows the secret once, works over HTTP, graphql-ws and SSE, and is never readable back', async () => {
    const { secret, apiKey } = await createApiKey(server.url, owner.token, { name: 'deploy', role: 'EDITOR' });
    expect(secret).toMatch(/^pb_[\w-]{40,}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey).toMatchObject({ scope: 'WORKSPACE', role: 'EDITOR' });

    const http = await execute(server.url, KeyViewer, {}, { token: secret });
    expect(http.viewer).toEqual({ user: null, apiKey: { id: apiKey.id, name: 'deploy', scope: 'WORKSPACE' }, currentWorkspace: { id: workspaceId }, role: 'EDITOR' });

    const ws = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${secret}` } });
    const sse = createSseClient({ url: server.sseUrl, headers: { authorization: `Bearer ${secret}` } });
    try {
      const viaWs = await ws.iterate({ query: print(KeyViewer) }).next();
      expect(viaWs.value).toMatchObject({ data: { viewer: { apiKey: { id: apiKey.id } } } });
      const viaSse = await sse.iterate({ query: print(KeyViewer) }).next();
      expect(viaSse.value).toMatchObject({ data: { viewer: { apiKey: { id: apiKey.id } } } });
    } finally {
      await ws.dispose();
      sse.dispose();
    }

    const list = await execute(server.url, ListKeys, {}, { token: owner.token });
    const listed = list.apiKeys.edges.find((e) => e.node.id === apiKey.id)?.node;
    expect(listed).toMatchObject({ name: 'deploy', prefix: apiKey.prefix, creator: { id: owner.user.id }, revokedAt: null });
    expect(listed?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(secret);
    expect(server.logs.join('\n')).not.toContain(secret);
  });

  it('refuses a revoked key with UNAUTHENTICATED on every transport', async () => {
    const { secret, apiKey } = await createApiKey(server.url, owner.token, { name: 'temp' });
    const revoked = await execute(server.url, Revoke, { input: { id: apiKey.id } }, { token: owner.token });
    expect(revoked.revokeApiKey.apiKey.revokedAt).not.toBeNull();

    const http = await request(server.url, KeyViewer, {}, { token: secret });
    expect(http.status).toBe(401);
    expect(http.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const ws = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${secret}` } });
    try {
      await expect(ws.iterate({ query: print(KeyViewer) }).next()).rejects.toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    } finally {
      await ws.dispose();
    }
  });

  it('limits an app key to its app', async () => {
    const mine = await createApp(server.url, owner.token, 'Mine');
    const other = await createApp(server.url, owner.token, 'Other');
    const { secret, apiKey } = await createApiKey(server.url, owner.token, { name: 'app key', appId: mine.id });
    expect(apiKey.scope).toBe('APP');

    expect((await execute(server.url, AppById, { id: mine.id }, { token: secret })).app.name).toBe('Mine');
    const refused = await request(server.url, AppById, { id: other.id }, { token: secret });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await execute(server.url, AppNames, {}, { token: secret })).apps.edges.map((e) => e.node.name)).toEqual(['Mine']);
    const create = await request(server.url, graphql(`mutation AppKeyCreates { createApp(input: { name: "x", mode: CHAT }) { app { id } } }`), {}, { token: secret });
    expect(create.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // The workspace itself is out of reach: no member list, no renaming.
    const { secret: adminAppKey } = await createApiKey(server.url, owner.token, { name: 'admin app key', appId: mine.id, role: 'ADMIN' });
    const members = await execute(server.url, graphql(`query AppKeyMembers { viewer { currentWorkspace { members { role } } } }`), {}, { token: adminAppKey });
    expect(members.viewer?.currentWorkspace?.members).toEqual([]);
    const rename = await request(
      server.url,
      graphql(`mutation AppKeyRenames($id: ID!) { renameWorkspace(input: { id: $id, name: "Mine now" }) { workspace { id } } }`),
      { id: workspaceId },
      { token: adminAppKey },
    );
    expect(rename.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses key management to API keys and keys stronger than their creator', async () => {
    const { secret } = await createApiKey(server.url, owner.token, { name: 'admin key', role: 'ADMIN' });
    const byKey = await request(server.url, graphql(`mutation KeyMakesKey { createApiKey(input: { name: "k" }) { secret } }`), {}, { token: secret });
    expect(byKey.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreignApp = await request(server.url, graphql(`mutation KeyForForeignApp($appId: ID) { createApiKey(input: { name: "k", appId: $appId }) { secret } }`), { appId: '00000000-0000-4000-8000-000000000000' }, { token: owner.token });
    expect(foreignApp.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
