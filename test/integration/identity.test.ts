import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { execute, request } from '../support/client.js';
import { createWorkspace, signUpUser, SignUp } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const Viewer = graphql(`
  query Viewer($first: Int, $after: String) {
    viewer {
      user {
        id
        email
      }
      workspaces(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node {
            id
            name
            viewerRole
            members {
              role
              user {
                id
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const Workspace = graphql(`
  query Workspace($id: ID!) {
    workspace(id: $id) {
      id
      name
    }
  }
`);

const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
    }
  }
`);

const SignOut = graphql(`
  mutation SignOut {
    signOut {
      revoked
    }
  }
`);

const Rename = graphql(`
  mutation Rename($input: RenameWorkspaceInput!) {
    renameWorkspace(input: $input) {
      workspace {
        id
        name
      }
    }
  }
`);

describe('identity over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers viewer as null for an anonymous caller', async () => {
    const { status, body } = await request(server.url, Viewer, {});
    expect(status).toBe(200);
    expect(body).toEqual({ data: { viewer: null } });
  });

  it('signs up, creates workspaces and pages through them', async () => {
    const { token, user } = await signUpUser(server.url, 'Grace');
    for (const name of ['One', 'Two', 'Three']) await createWorkspace(server.url, token, name);

    const first = await execute(server.url, Viewer, { first: 2 }, { token });
    expect(first.viewer?.user?.id).toBe(user.id);
    expect(first.viewer?.workspaces.totalCount).toBe(3);
    expect(first.viewer?.workspaces.edges.map((e) => e.node.name)).toEqual(['One', 'Two']);
    expect(first.viewer?.workspaces.edges[0]?.node.viewerRole).toBe('OWNER');
    expect(first.viewer?.workspaces.edges[0]?.node.members).toEqual([{ role: 'OWNER', user: { id: user.id } }]);
    expect(first.viewer?.workspaces.pageInfo.hasNextPage).toBe(true);

    const second = await execute(server.url, Viewer, { first: 2, after: first.viewer?.workspaces.pageInfo.endCursor }, { token });
    expect(second.viewer?.workspaces.edges.map((e) => e.node.name)).toEqual(['Three']);
    expect(second.viewer?.workspaces.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses private fields without a session, with UNAUTHENTICATED', async () => {
    const { body } = await request(server.url, Workspace, { id: '00000000-0000-4000-8000-000000000000' });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeNull();
  });

  it("answers NOT_FOUND for another tenant's workspace, and for a malformed ID", async () => {
    const alice = await signUpUser(server.url, 'Alice');
    const bob = await signUpUser(server.url, 'Bob');
    const alicesWorkspace = await createWorkspace(server.url, alice.token, 'Alice Inc');

    const own = await execute(server.url, Workspace, { id: alicesWorkspace.id }, { token: alice.token });
    expect(own.workspace.name).toBe('Alice Inc');

    const foreign = await request(server.url, Workspace, { id: alicesWorkspace.id }, { token: bob.token });
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const renamed = await request(server.url, Rename, { input: { id: alicesWorkspace.id, name: 'Mine' } }, { token: bob.token });
    expect(renamed.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const malformed = await request(server.url, Workspace, { id: 'not-a-uuid' }, { token: bob.token });
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a duplicate email with CONFLICT and a weak password with BAD_USER_INPUT', async () => {
    const { user } = await signUpUser(server.url, 'Dup');
    const again = await request(server.url, SignUp, { input: { email: user.email.toUpperCase(), name: 'Dup', password: 'another long password' } });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const weak = await request(server.url, SignUp, { input: { email: 'weak@example.test', name: 'W', password: 'short' } });
    expect(weak.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('signs in, signs out, and refuses the revoked token for the whole operation', async () => {
    const { user } = await signUpUser(server.url, 'Linus');
    const wrong = await request(server.url, SignIn, { input: { email: user.email, password: 'wrong password!' } });
    expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await request(server.url, SignIn, { input: { email: 'nobody@example.test', password: 'wrong password!' } });
    expect(unknown.body.errors?.[0]).toMatchObject({ message: wrong.body.errors?.[0]?.message, extensions: { code: 'UNAUTHENTICATED' } });

    const { signIn } = await execute(server.url, SignIn, { input: { email: user.email, password: 'correct horse battery' } });
    expect((await execute(server.url, SignOut, {}, { token: signIn.token })).signOut.revoked).toBe(1);

    const after = await request(server.url, Viewer, {}, { token: signIn.token });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const malformed = await request(server.url, Viewer, {}, { headers: { authorization: 'Token abc' } });
    expect(malformed.status).toBe(401);
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never writes passwords or tokens to the logs', async () => {
    const { token } = await signUpUser(server.url, 'Secretive');
    await execute(server.url, Viewer, {}, { token });
    const logs = server.logs.join('\n');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain('correct horse battery');
  });
});
