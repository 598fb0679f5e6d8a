import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { execute } from '../support/client.js';
import { createWorkspace, signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const Nested = graphql(`
  query NestedWorkspaces($first: Int) {
    viewer {
      workspaces(first: $first) {
        edges {
          node {
            name
            viewerRole
            members {
              role
              user {
                name
              }
            }
          }
        }
      }
    }
  }
`);

describe('DataLoader batching', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    ({ token } = await signUpUser(server.url));
    for (let i = 0; i < 12; i++) await createWorkspace(server.url, token, `W${i}`);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function statementsFor(first: number): Promise<number> {
    server.queries.length = 0;
    const data = await execute(server.url, Nested, { first }, { token });
    expect(data.viewer?.workspaces.edges).toHaveLength(first);
    return server.queries.length;
  }

  it('costs the same number of SQL statements for 2 parents as for 12', async () => {
    const few = await statementsFor(2);
    const many = await statementsFor(12);
    expect(many).toBe(few);
    // auth (session, user, current membership), memberships page + count, workspaces
    // (membership check + rows), viewer roles, members, their users: one per level, whatever the count.
    expect(many).toBeLessThanOrEqual(10);
  });
});
