import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/** Sends a raw body and returns status, content type and the parsed JSON. */
async function post(url: string, body: string | Buffer, contentType = 'application/json') {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json: JSON.parse(text) as any };
}

describe('bad input over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const cases: { name: string; send: () => Promise<Awaited<ReturnType<typeof post>>>; status: number; code: string }[] = [
    { name: 'invalid JSON', send: () => post(server.url, '{"query": '), status: 400, code: 'BAD_REQUEST' },
    { name: 'unknown field', send: () => post(server.url, JSON.stringify({ query: '{ nope }' })), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    { name: 'syntax error', send: () => post(server.url, JSON.stringify({ query: '{ viewer ' })), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    {
      name: 'wrong variable type',
      send: () => post(server.url, JSON.stringify({ query: 'query($first: Int) { viewer { workspaces(first: $first) { totalCount } } }', variables: { first: 'ten' } })),
      status: 400,
      code: 'BAD_USER_INPUT',
    },
    {
      name: 'a 10 MB body',
      send: () => post(server.url, JSON.stringify({ query: '{ viewer { user { id } } }', padding: 'x'.repeat(10 * 1024 * 1024) })),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    { name: 'an unknown content type', send: () => post(server.url, 'query { viewer { user { id } } }', 'application/x-unknown'), status: 415, code: 'BAD_REQUEST' },
    { name: 'text/plain (a CSRF vector)', send: () => post(server.url, JSON.stringify({ query: '{ __typename }' }), 'text/plain'), status: 415, code: 'BAD_REQUEST' },
    { name: 'a body that is not an object', send: () => post(server.url, '[1,2]'), status: 400, code: 'BAD_REQUEST' },
  ];

  it.each(cases)('answers $name with a JSON error ($code), no stack trace', async ({ send, status, code }) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.contentType).toMatch(/^application\/(graphql-response\+)?json/);
    expect(response.json.errors[0].extensions.code).toBe(code);
    expect(response.text).not.toMatch(/stacktrace|at .*\.(js|ts):\d+|<html/i);
  });

  it('keeps serving after all of them', async () => {
    const health = await fetch(`${server.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const query = await post(server.url, JSON.stringify({ query: '{ viewer { user { id } } }' }));
    expect(query.json).toEqual({ data: { viewer: null } });
  });

  it('refuses a plain GET without a preflight header (CSRF), and serves it with one', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ viewer { user { id } } }')}`;
    const plain = await fetch(url);
    expect(plain.status).toBe(400);
    const withHeader = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(withHeader.status).toBe(200);
    expect(await withHeader.json()).toEqual({ data: { viewer: null } });
  });

  it('answers unknown routes with JSON 404, not HTML', async () => {
    const response = await fetch(`${server.baseUrl}/nope`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('NOT_FOUND');
  });
});

describe('bad input that reaches resolvers', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    const signUp = await post(server.url, JSON.stringify({ query: 'mutation { signUp(input: { email: "nul@example.test", name: "N", password: "a long password" }) { token } }' }));
    token = signUp.json.data.signUp.token;
    await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation { createWorkspace(input: { name: "W" }) { workspace { id } } }' }),
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function ask(query: string, variables?: Record<string, unknown>) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { errors?: { extensions: { code: string } }[] };
  }

  const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['a cursor with a non-UUID id', 'query($c: String) { apps(after: $c) { totalCount } }', { c: forged(['2020-01-01T00:00:00Z', 'x']) }, 'BAD_USER_INPUT'],
    ['a cursor with an out-of-range date', 'query($c: String) { apps(after: $c) { totalCount } }', { c: forged(['-271821-04-20T00:00:00Z', '00000000-0000-4000-8000-000000000000']) }, 'BAD_USER_INPUT'],
    ['a NUL in a name', 'mutation($n: String!) { createApp(input: { name: $n, mode: CHAT }) { app { id } } }', { n: 'a\u0000b' }, 'BAD_USER_INPUT'],
    ['a lone surrogate in config', 'mutation($c: JSON) { createApp(input: { name: "x", mode: CHAT, config: $c }) { app { id } } }', { c: { prePrompt: 'a\ud800' } }, 'BAD_USER_INPUT'],
    ['a NUL in a filter', 'query($n: String) { apps(filter: { nameContains: $n }) { totalCount } }', { n: '\u0000' }, 'BAD_USER_INPUT'],
    ['an entity of an unknown type', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', { r: [{ __typename: 'Nope', id: '1' }] }, 'BAD_USER_INPUT'],
  ])('answers %s with %s, not an internal error', async (_name, query, variables, code) => {
    const body = await ask(query, variables);
    expect(body.errors?.[0]?.extensions.code).toBe(code);
  });

  it('answers an entity representation without a usable id with null', async () => {
    const body = (await ask('query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', {
      r: [{ __typename: 'App' }, { __typename: 'User', id: ['00000000-0000-4000-8000-000000000000'] }],
    })) as { data?: { _entities: unknown[] }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([null, null]);
  });
});
