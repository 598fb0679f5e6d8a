import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { execute, request } from '../support/client.js';
import { createApp, createWorkspace, signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const Apps = graphql(`
  query Apps($first: Int, $after: String, $filter: AppFilter) {
    apps(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          mode
          description
          icon
          config
          workspace {
            id
            name
          }
          creator {
            id
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const UpdateApp = graphql(`
  mutation UpdateApp($input: UpdateAppInput!) {
    updateApp(input: $input) {
      app {
        id
        name
        description
        config
      }
    }
  }
`);

const DeleteApp = graphql(`
  mutation DeleteApp($input: DeleteAppInput!) {
    deleteApp(input: $input) {
      deletedAppId
    }
  }
`);

const GetApp = graphql(`
  query GetApp($id: ID!) {
    app(id: $id) {
      id
      name
    }
  }
`);

describe('apps', () => {
  let server: TestServer;
  let token: string;
  let userId: string;
  let workspaceId: string;
  beforeAll(async () => {
    server = await startTestServer();
    const owner = await signUpUser(server.url, 'Maker');
    token = owner.token;
    userId = owner.user.id;
    workspaceId = (await createWorkspace(server.url, token, 'Studio')).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates, reads, updates and deletes an app, validating config per mode', async () => {
    const app = await createApp(server.url, token, 'Support bot', 'CHAT', {
      prePrompt: 'You are helpful.',
      suggestedQuestions: ['What is Plugboard?'],
      model: { provider: 'openai', name: 'gpt-4o', parameters: { temperature: 0.2 } },
    });
    expect(app).toMatchObject({ name: 'Support bot', mode: 'CHAT', config: { prePrompt: 'You are helpful.' } });

    const updated = await execute(server.url, UpdateApp, { input: { id: app.id, description: 'Answers tickets', config: { openingStatement: 'Hi!' } } }, { token });
    expect(updated.updateApp.app).toEqual({ id: app.id, name: 'Support bot', description: 'Answers tickets', config: { openingStatement: 'Hi!' } });

    const badConfig = await request(server.url, UpdateApp, { input: { id: app.id, config: { maxIterations: 3 } } }, { token });
    expect(badConfig.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'config' });
    const badType = await request(server.url, UpdateApp, { input: { id: app.id, config: { suggestedQuestions: 'one' } } }, { token });
    expect(badType.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'config.suggestedQuestions' });

    expect((await execute(server.url, DeleteApp, { input: { id: app.id } }, { token })).deleteApp.deletedAppId).toBe(app.id);
    const gone = await request(server.url, GetApp, { id: app.id }, { token });
    expect(gone.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('pages through apps and filters by name and mode', async () => {
    const names = ['Alpha writer', 'Beta agent', 'Gamma writer', 'Delta flow'];
    const modes = ['COMPLETION', 'AGENT', 'COMPLETION', 'WORKFLOW'] as const;
    for (const [i, name] of names.entries()) await createApp(server.url, token, name, modes[i]);

    const page1 = await execute(server.url, Apps, { first: 3 }, { token });
    expect(page1.apps.totalCount).toBe(4);
    expect(page1.apps.edges.map((e) => e.node.name)).toEqual(names.slice(0, 3));
    expect(page1.apps.edges[0]?.node).toMatchObject({ workspace: { id: workspaceId, name: 'Studio' }, creator: { id: userId, name: 'Maker' } });
    const page2 = await execute(server.url, Apps, { first: 3, after: page1.apps.pageInfo.endCursor }, { token });
    expect(page2.apps.edges.map((e) => e.node.name)).toEqual(['Delta flow']);
    expect(page2.apps.pageInfo.hasNextPage).toBe(false);

    const writers = await execute(server.url, Apps, { filter: { nameContains: 'WRITER' } }, { token });
    expect(writers.apps.edges.map((e) => e.node.name)).toEqual(['Alpha writer', 'Gamma writer']);
    const agents = await execute(server.url, Apps, { filter: { mode: 'AGENT' } }, { token });
    expect(agents.apps.edges.map((e) => e.node.name)).toEqual(['Beta agent']);
    const wildcard = await execute(server.url, Apps, { filter: { nameContains: '%' } }, { token });
    expect(wildcard.apps.totalCount).toBe(0);
  });

  it('refuses bad input with coded errors and writes nothing', async () => {
    const before = (await execute(server.url, Apps, {}, { token })).apps.totalCount;
    const long = await request(server.url, UpdateApp, { input: { id: 'x', name: 'n' } }, { token });
    expect(long.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const cases = [
      { name: 'x'.repeat(101), mode: 'CHAT' },
      { name: '   ', mode: 'CHAT' },
      { name: 'ok', mode: 'CHAT', description: 'd'.repeat(2001) },
      { name: 'ok', mode: 'AGENT', config: { maxIterations: 500 } },
      { name: 'ok', mode: 'CHAT', config: 'not an object' },
    ];
    for (const input of cases) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation($input: CreateAppInput!) { createApp(input: $input) { app { id } } }', variables: { input } }),
      });
      const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
      expect(body.errors?.[0]?.extensions.code, JSON.stringify(input).slice(0, 60)).toBe('BAD_USER_INPUT');
    }
    const unknownEnum = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { createApp(input: {name: "x", mode: ROBOT}) { app { id } } }' }),
    });
    expect(((await unknownEnum.json()) as any).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await execute(server.url, Apps, {}, { token })).apps.totalCount).toBe(before);
  });

  it('loads 50 apps with their workspace and creator in as many statements as 5', async () => {
    const bulk = await signUpUser(server.url, 'Bulk');
    await createWorkspace(server.url, bulk.token, 'Bulk');
    for (let i = 0; i < 50; i++) await createApp(server.url, bulk.token, `App ${i}`);
    const count = async (first: number) => {
      server.queries.length = 0;
      const data = await execute(server.url, Apps, { first }, { token: bulk.token });
      expect(data.apps.edges).toHaveLength(first);
      return server.queries.length;
    };
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty).toBe(five);
    expect(fifty).toBeLessThanOrEqual(8);
  });
});
