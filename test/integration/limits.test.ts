import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../__generated__/index.js';
import { request } from '../support/client.js';
import { PASSWORD, SignUp, signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const NewWorkspace = graphql(`
  mutation NewWorkspace($input: CreateWorkspaceInput!) {
    createWorkspace(input: $input) {
      workspace {
        id
      }
    }
  }
`);

const SignInAttempt = graphql(`
  mutation SignInAttempt($input: SignInInput!) {
    signIn(input: $input) {
      token
    }
  }
`);

const signUpInput = (n: number) => ({ input: { email: `limit-${n}-${Date.now()}@example.test`, name: 'L', password: PASSWORD } });

/** `viewer { currentWorkspace { members { workspace { … name } } } }`, with `pairs` members/workspace hops. */
function deepQuery(pairs: number): string {
  let selection = 'name';
  for (let hop = 0; hop < pairs; hop++) selection = `members { workspace { ${selection} } }`;
  return `{ viewer { currentWorkspace { ${selection} } } }`;
}

async function postRaw(server: TestServer, query: string, token?: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] } };
}

describe('limits', () => {
  // Limits exactly as declared in the schema (test servers otherwise scale them up).
  let signUps: TestServer;
  let perCaller: TestServer;
  beforeAll(async () => {
    [signUps, perCaller] = await Promise.all([
      startTestServer({ env: { PLUGBOARD_RATE_LIMIT_SCALE: '1' } }),
      startTestServer({ env: { PLUGBOARD_RATE_LIMIT_SCALE: '1' } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([signUps?.stop(), perCaller?.stop()]);
  });

  it('refuses the 11th sign-up from one IP within the hour: RATE_LIMITED, 429 and Retry-After', async () => {
    for (let n = 0; n < 10; n++) expect((await request(signUps.url, SignUp, signUpInput(n))).body.errors).toBeUndefined();
    const refused = await request(signUps.url, SignUp, signUpInput(10));
    expect(refused.status).toBe(429);
    const extensions = refused.body.errors?.[0]?.extensions;
    expect(extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(extensions?.retryAfter).toBeGreaterThan(3500);
    expect(extensions?.retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.headers.get('retry-after')).toBe(String(extensions?.retryAfter));
  });

  it('counts per caller: one user over the limit does not slow another', async () => {
    const a = await signUpUser(perCaller.url, 'Busy');
    const b = await signUpUser(perCaller.url, 'Calm');
    for (let n = 0; n < 20; n++) expect((await request(perCaller.url, NewWorkspace, { input: { name: `w${n}` } }, { token: a.token })).body.errors).toBeUndefined();
    const refused = await request(perCaller.url, NewWorkspace, { input: { name: 'one too many' } }, { token: a.token });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const other = await request(perCaller.url, NewWorkspace, { input: { name: 'fine' } }, { token: b.token });
    expect(other.body.errors).toBeUndefined();
  });

  it('counts each alias of a limited mutation as a call', async () => {
    const { token } = await signUpUser(perCaller.url, 'Aliaser');
    const aliases = Array.from({ length: 21 }, (_, i) => `w${i}: createWorkspace(input: { name: "a${i}" }) { workspace { id } }`).join(' ');
    const { body } = await postRaw(perCaller, `mutation { ${aliases} }`, token);
    const refused = (body.errors ?? []).filter((e) => e.extensions.code === 'RATE_LIMITED');
    expect(refused).toHaveLength(1); // 20 allowed per hour, the 21st refused
  });

  it('backs off sign-in after repeated wrong passwords, even for the right one', async () => {
    const { user } = await signUpUser(perCaller.url, 'Target');
    for (let n = 0; n < 5; n++) {
      const wrong = await request(perCaller.url, SignInAttempt, { input: { email: user.email, password: `wrong-${n}-password` } });
      expect(wrong.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await request(perCaller.url, SignInAttempt, { input: { email: user.email, password: PASSWORD } });
    expect(locked.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(locked.body.data).toBeNull();
  });

  it('refuses operations deeper, wider or longer than the limits, over HTTP and graphql-ws', async () => {
    const { token } = await signUpUser(perCaller.url, 'Deep');
    const fine = await postRaw(perCaller, deepQuery(3), token);
    expect(fine.body.errors).toBeUndefined();
    const deep = await postRaw(perCaller, deepQuery(7), token);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.body.errors?.[0]?.message).toMatch(/depth/i);

    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: viewer { role }`).join(' ')} }`;
    const wide = await postRaw(perCaller, aliases, token);
    expect(wide.body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(wide.body.errors?.[0]?.message).toMatch(/alias/i);

    const long = await postRaw(perCaller, `{ viewer { ${'role '.repeat(6000)} } }`, token);
    expect(long.body.errors?.[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');

    const ws = createClient({ url: perCaller.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    try {
      await expect(ws.iterate({ query: deepQuery(7) }).next()).rejects.toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
      await expect(ws.iterate({ query: aliases }).next()).rejects.toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
    } finally {
      await ws.dispose();
    }
  });
});
