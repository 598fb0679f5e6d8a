import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { execute, request } from '../support/client.js';
import { PASSWORD, createWorkspace, signUpUser, switchWorkspace } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const Current = graphql(`
  query Current {
    viewer {
      role
      currentWorkspace {
        id
      }
    }
  }
`);

const SignInAgain = graphql(`
  mutation SignInAgain($input: SignInInput!) {
    signIn(input: $input) {
      token
    }
  }
`);

const Everywhere = graphql(`
  mutation Everywhere {
    signOutEverywhere {
      revoked
    }
  }
`);

describe('sessions', () => {
  let server: TestServer;
  let shortLived: TestServer;
  beforeAll(async () => {
    [server, shortLived] = await Promise.all([startTestServer(), startTestServer({ env: { PLUGBOARD_SESSION_TTL: '1s' } })]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), shortLived?.stop()]);
  });

  it('acts in the oldest workspace until the session switches', async () => {
    const { token } = await signUpUser(server.url, 'Switcher');
    expect((await execute(server.url, Current, {}, { token })).viewer).toEqual({ role: null, currentWorkspace: null });
    const first = await createWorkspace(server.url, token, 'First');
    const second = await createWorkspace(server.url, token, 'Second');
    expect((await execute(server.url, Current, {}, { token })).viewer?.currentWorkspace?.id).toBe(first.id);
    await switchWorkspace(server.url, token, second.id);
    expect((await execute(server.url, Current, {}, { token })).viewer).toEqual({ role: 'OWNER', currentWorkspace: { id: second.id } });
  });

  it('refuses an expired session with UNAUTHENTICATED', async () => {
    const { token } = await signUpUser(shortLived.url, 'Brief');
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await request(shortLived.url, Current, {}, { token });
    expect(expired.status).toBe(401);
    expect(expired.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('signs out every session of the user at once', async () => {
    const { token, user } = await signUpUser(server.url, 'Everywhere');
    const other = (await execute(server.url, SignInAgain, { input: { email: user.email, password: PASSWORD } })).signIn.token;
    expect((await execute(server.url, Everywhere, {}, { token })).signOutEverywhere.revoked).toBe(2);
    for (const revoked of [token, other]) expect((await request(server.url, Current, {}, { token: revoked })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
