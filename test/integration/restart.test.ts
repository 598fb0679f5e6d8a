import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { execute } from '../support/client.js';
import { createWorkspace, signUpUser } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { startTestServer } from '../support/server.js';

const MyWorkspaces = graphql(`
  query MyWorkspaces {
    viewer {
      workspaces {
        edges {
          node {
            id
            name
          }
        }
      }
    }
  }
`);

describe('restart', () => {
  let database: TestDatabase | undefined;
  afterAll(async () => {
    await database?.dispose();
  });

  it('keeps data written through the API across a stop and a start', async () => {
    database = await createTestDatabase();
    const first = await startTestServer({ database });
    const { token } = await signUpUser(first.url);
    const workspace = await createWorkspace(first.url, token, 'Survivor');
    await first.stop({ dispose: false });

    const second = await startTestServer({ database });
    try {
      const data = await execute(second.url, MyWorkspaces, {}, { token });
      expect(data.viewer?.workspaces.edges.map((e) => e.node)).toEqual([{ id: workspace.id, name: 'Survivor' }]);
    } finally {
      await second.stop({ dispose: false });
    }
  });
});
