import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSessionSecret } from '../../src/identity/oauth/oauth-session.js';
import { signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const OIDC_CLIENT_ID = 'plugboard-test-client';
const OIDC_CLIENT_SECRET = `oidc-secret-${randomUUID()}`;
const GITHUB_CLIENT_ID = 'gh-test-client';
const GITHUB_CLIENT_SECRET = `gh-secret-${randomUUID()}`;
const APP_URL = 'https://app.example.test/signed-in';

// ---- the OIDC provider: oauth2-mock-server on 127.0.0.1 ------------------------------------

const mock = new OAuth2Server();
/** Claims added to the next id_token(s); `sub` etc. */
let idTokenClaims: Record<string, unknown> = {};
/** The body /userinfo answers. */
let userinfo: Record<string, unknown> = { sub: 'johndoe' };
/** When set, /authorize answers this error instead of a code. */
let authorizeError: string | undefined;
/** Every token the providers issued: none may ever show up in our logs. */
const issuedTokens: string[] = [];

// ---- GitHub: a small server playing github.com and its REST API ----------------------------

let github: Server;
let githubUrl: string;
let githubUser: Record<string, unknown> = {};
let githubEmails: Array<{ email: string; primary: boolean; verified: boolean }> = [];
const githubCodes = new Map<string, string>();

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
}

function startGitHub(): Promise<void> {
  github = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', githubUrl);
    if (url.pathname === '/login/oauth/authorize') {
      const redirect = new URL(url.searchParams.get('redirect_uri')!);
      const code = randomUUID();
      githubCodes.set(code, url.searchParams.get('client_id')!);
      redirect.searchParams.set('code', code);
      redirect.searchParams.set('state', url.searchParams.get('state')!);
      res.writeHead(302, { location: redirect.href, 'x-scope': url.searchParams.get('scope') ?? '' }).end();
      return;
    }
    if (url.pathname === '/login/oauth/access_token' && req.method === 'POST') {
      const form = new URLSearchParams(await readBody(req));
      const ok = githubCodes.get(form.get('code') ?? '') === GITHUB_CLIENT_ID && form.get('client_secret') === GITHUB_CLIENT_SECRET;
      githubCodes.delete(form.get('code') ?? '');
      const token = `gho_${randomUUID().replaceAll('-', '')}`;
      if (ok) issuedTokens.push(token);
      // Like github.com without an Accept header: form-encoded, and errors with status 200.
      res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' });
      res.end(ok ? `access_token=${token}&scope=read%3Auser%2Cuser%3Aemail&token_type=bearer` : 'error=bad_verification_code');
      return;
    }
    const authorized = issuedTokens.includes((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!authorized) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}');
    } else if (url.pathname === '/api/v3/user') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(githubUser));
    } else if (url.pathname === '/api/v3/user/emails') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(githubEmails));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => {
    github.listen(0, '127.0.0.1', () => {
      githubUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}`;
      resolve();
    });
  });
}

// ---- the browser: manual redirects, cookies carried by hand -------------------------------

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

type Jar = Map<string, string>;

function keepCookies(jar: Jar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';');
    const name = pair!.slice(0, pair!.indexOf('=')).trim();
    const value = pair!.slice(pair!.indexOf('=') + 1);
    const expired = attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!).getTime() < Date.now());
    if (value === '' || expired) jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Jar) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

interface Flow {
  /** Where /auth/:provider sent the browser. */
  authorizeUrl: URL;
  /** The provider's redirect back to us. */
  callbackUrl: URL;
  setCookies: string[];
  jar: Jar;
}

/** GET /auth/:provider, then the provider's /authorize: stops before our callback. */
async function startFlow(baseUrl: string, provider: string): Promise<Flow> {
  const jar: Jar = new Map();
  const start = await fetch(`${baseUrl}/auth/${provider}`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  keepCookies(jar, start);
  const authorizeUrl = new URL(start.headers.get('location')!);
  const authorize = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(authorize.status).toBe(302);
  return { authorizeUrl, callbackUrl: new URL(authorize.headers.get('location')!), setCookies: start.headers.getSetCookie(), jar };
}

async function callback(flow: Flow, options: { cookies?: boolean } = {}) {
  const response = await fetch(flow.callbackUrl, {
    redirect: 'manual',
    headers: options.cookies === false ? {} : { cookie: cookieHeader(flow.jar) },
  });
  keepCookies(flow.jar, response);
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('application/json');
  return { status: response.status, headers: response.headers, text, body: json ? (JSON.parse(text) as SignInBody) : undefined, jar: flow.jar };
}

interface SignInBody {
  token?: string;
  expiresAt?: string;
  user?: { id: string; email: string; name: string };
  errors?: Array<{ message: string; extensions: { code: string; [key: string]: unknown } }>;
}

async function signIn(baseUrl: string, provider: string) {
  return callback(await startFlow(baseUrl, provider));
}

async function viewerEmail(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { user { id email } } }' }),
  });
  return response.json();
}

function oidcEnv(port: number): Record<string, string> {
  return {
    PORT: String(port),
    PLUGBOARD_PUBLIC_URL: `http://127.0.0.1:${port}`,
    OAUTH_OIDC_ISSUER: mock.issuer.url!,
    OAUTH_OIDC_CLIENT_ID: OIDC_CLIENT_ID,
    OAUTH_OIDC_CLIENT_SECRET: OIDC_CLIENT_SECRET,
    OAUTH_GITHUB_CLIENT_ID: GITHUB_CLIENT_ID,
    OAUTH_GITHUB_CLIENT_SECRET: GITHUB_CLIENT_SECRET,
    OAUTH_GITHUB_URL: githubUrl,
    OAUTH_GITHUB_API_URL: `${githubUrl}/api/v3`,
  };
}

const email = (label: string) => `${label}-${randomUUID()}@example.test`;

beforeAll(async () => {
  await mock.issuer.keys.generate('RS256');
  await mock.start(0, '127.0.0.1');
  mock.issuer.url = `http://127.0.0.1:${mock.address().port}`;
  mock.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
    // Fires for the access token, then the id_token (whose audience is the client).
    if (token.payload.aud === OIDC_CLIENT_ID) Object.assign(token.payload, idTokenClaims);
  });
  mock.service.on('beforeUserinfo', (response: { body: unknown }) => {
    response.body = userinfo;
  });
  mock.service.on('beforeAuthorizeRedirect', ({ url }: { url: URL }) => {
    if (!authorizeError) return;
    url.searchParams.delete('code');
    url.searchParams.set('error', authorizeError);
  });
  mock.service.on('beforeResponse', (response: { body: Record<string, unknown> }) => {
    for (const key of ['access_token', 'id_token', 'refresh_token']) {
      if (typeof response.body[key] === 'string') issuedTokens.push(response.body[key]);
    }
  });
  await startGitHub();
});

afterAll(async () => {
  await mock.stop();
  github?.closeAllConnections();
  await new Promise((resolve) => github?.close(resolve));
});

beforeEach(() => {
  idTokenClaims = {};
  userinfo = { sub: 'johndoe' };
  authorizeError = undefined;
});

describe('OAuth / OIDC sign-in, results as JSON', () => {
  let server: TestServer;
  const sessionTokens: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ env: oidcEnv(await freePort()) });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('redirects to the provider with state, nonce and PKCE, keeping them in a signed HttpOnly cookie', async () => {
    const flow = await startFlow(server.baseUrl, 'oidc');
    const params = flow.authorizeUrl.searchParams;
    expect(flow.authorizeUrl.origin + flow.authorizeUrl.pathname).toBe(`${mock.issuer.url}/authorize`);
    expect(params.get('client_id')).toBe(OIDC_CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(`${server.baseUrl}/auth/oidc/callback`);
    expect(params.get('scope')).toBe('openid email profile');
    expect(params.get('state')).toMatch(/^[0-9a-f]{40}$/);
    expect(params.get('nonce')).toMatch(/^[0-9a-f]{40}$/);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toBeTruthy();
    expect(flow.setCookies.join('\n')).toMatch(/plugboard_oauth=.*path=\/auth.*samesite=lax.*httponly/i);
    expect(flow.setCookies.join('\n')).toMatch(/plugboard_oauth\.sig=/);
    // The cookie is signed and carries no tokens.
    expect(flow.callbackUrl.searchParams.get('state')).toBe(params.get('state'));
  });

  it('signs in a new user whose token then works over GraphQL, and clears the cookie', async () => {
    const address = email('alice');
    idTokenClaims = { sub: 'alice-1', email: address, email_verified: true, name: 'Alice' };
    const { status, body, headers, jar } = await signIn(server.baseUrl, 'oidc');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ token: expect.stringMatching(/^pbs_/), user: { email: address, name: 'Alice' } });
    expect(new Date(body!.expiresAt!).getTime()).toBeGreaterThan(Date.now());
    expect(jar.size).toBe(0);
    sessionTokens.push(body!.token!);

    expect(await viewerEmail(server.url, body!.token!)).toEqual({ data: { viewer: { user: { id: body!.user!.id, email: address } } } });
  });

  it('signs the same subject in as the same user, and links another subject with the same verified email', async () => {
    const address = email('bob');
    idTokenClaims = { sub: 'bob-1', email: address, email_verified: true, name: 'Bob' };
    const first = await signIn(server.baseUrl, 'oidc');
    const again = await signIn(server.baseUrl, 'oidc');
    idTokenClaims = { sub: 'bob-2', email: address.toUpperCase(), email_verified: true, name: 'Bobby' };
    const linked = await signIn(server.baseUrl, 'oidc');
    sessionTokens.push(first.body!.token!, again.body!.token!, linked.body!.token!);

    expect(first.body?.user?.id).toBeTruthy();
    expect(again.body?.user?.id).toBe(first.body?.user?.id);
    expect(linked.body?.user?.id).toBe(first.body?.user?.id);
    expect(again.body?.token).not.toBe(first.body?.token);
  });

  it('takes the email and name from userinfo when the id_token has none', async () => {
    const address = email('carol');
    idTokenClaims = { sub: 'carol-1' };
    userinfo = { sub: 'carol-1', email: address, email_verified: true, given_name: 'Carol', family_name: 'Jones' };
    const { status, body } = await signIn(server.baseUrl, 'oidc');
    expect(status).toBe(200);
    expect(body?.user).toMatchObject({ email: address, name: 'Carol Jones' });
    sessionTokens.push(body!.token!);
  });

  it('refuses a tampered state with UNAUTHENTICATED, before exchanging the code, and issues no session', async () => {
    idTokenClaims = { sub: 'mallory-1', email: email('mallory'), email_verified: true };
    const flow = await startFlow(server.baseUrl, 'oidc');
    flow.callbackUrl.searchParams.set('state', 'f'.repeat(40));
    const tokensBefore = issuedTokens.length;
    server.queries.length = 0;

    const { status, body, jar } = await callback(flow);
    expect(status).toBe(401);
    expect(body?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'state' });
    expect(body?.token).toBeUndefined();
    expect(issuedTokens.length).toBe(tokensBefore);
    expect(server.queries.filter((sql) => /insert into "sessions"/i.test(sql))).toEqual([]);
    expect(jar.size).toBe(0);
  });

  it('refuses a callback without the cookie that started the sign-in', async () => {
    idTokenClaims = { sub: 'mallory-2', email: email('mallory'), email_verified: true };
    const flow = await startFlow(server.baseUrl, 'oidc');
    const tokensBefore = issuedTokens.length;
    const { status, body } = await callback(flow, { cookies: false });
    expect(status).toBe(401);
    expect(body?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'session' });
    expect(issuedTokens.length).toBe(tokensBefore);
  });

  it("refuses a callback that carries another provider's sign-in", async () => {
    const github = await startFlow(server.baseUrl, 'github');
    const oidc = await startFlow(server.baseUrl, 'oidc');
    oidc.callbackUrl.searchParams.set('state', github.callbackUrl.searchParams.get('state')!);
    const { status, body } = await callback({ ...oidc, jar: github.jar });
    expect(status).toBe(401);
    expect(body?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'session' });
  });

  it('refuses a replayed callback: the code and its PKCE challenge are spent', async () => {
    idTokenClaims = { sub: 'dave-1', email: email('dave'), email_verified: true };
    const flow = await startFlow(server.baseUrl, 'oidc');
    const cookie = cookieHeader(flow.jar);
    const first = await callback(flow);
    expect(first.status).toBe(200);
    sessionTokens.push(first.body!.token!);
    const replay = await fetch(flow.callbackUrl, { redirect: 'manual', headers: { cookie } });
    // The browser dropped the cookie; a copy still passes our checks, but the provider refuses the code again.
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as SignInBody).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses when the provider denies access', async () => {
    authorizeError = 'access_denied';
    const { status, body } = await signIn(server.baseUrl, 'oidc');
    expect(status).toBe(401);
    expect(body?.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'access_denied' });
  });

  it.each([
    ['from another issuer', { iss: 'https://evil.example.test' }],
    ['that has expired', { exp: Math.floor(Date.now() / 1000) - 3600 }],
    ['for another client', { aud: 'someone-else' }],
    ['with another nonce', { nonce: 'f'.repeat(40) }],
  ])('refuses an id_token %s', async (_label, claims) => {
    idTokenClaims = { sub: 'eve-1', email: email('eve'), email_verified: true, ...claims };
    const { status, body } = await signIn(server.baseUrl, 'oidc');
    expect(status).toBe(401);
    expect(body?.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(body?.token).toBeUndefined();
  });

  it("answers CONFLICT for an unverified email that is an existing account's", async () => {
    const existing = await signUpUser(server.url, 'Frank');
    idTokenClaims = { sub: 'frank-1', email: existing.user.email, email_verified: false, name: 'Not Frank' };
    const { status, body } = await signIn(server.baseUrl, 'oidc');
    expect(status).toBe(409);
    expect(body?.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(body?.token).toBeUndefined();
  });

  it('never links a verified provider email to a password account whose email nobody verified (pre-hijacking)', async () => {
    const squatter = await signUpUser(server.url, 'Squatter');
    idTokenClaims = { sub: 'real-owner-1', email: squatter.user.email, email_verified: true, name: 'Real Owner' };
    const { status, body } = await signIn(server.baseUrl, 'oidc');
    expect(status).toBe(409);
    expect(body?.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(body?.token).toBeUndefined();
  });

  it('answers BAD_USER_INPUT when the provider shares no email', async () => {
    idTokenClaims = { sub: 'grace-1', name: 'Grace' };
    userinfo = { sub: 'grace-1' };
    const { status, body } = await signIn(server.baseUrl, 'oidc');
    expect(status).toBe(400);
    expect(body?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('signs in with GitHub by numeric id and primary verified email, linking an existing account', async () => {
    const address = email('octo');
    idTokenClaims = { sub: 'octo-oidc', email: address, email_verified: true, name: 'Octo' };
    const viaOidc = await signIn(server.baseUrl, 'oidc');

    githubUser = { id: 4242, login: 'octocat', name: null };
    githubEmails = [
      { email: email('octo-old'), primary: false, verified: true },
      { email: address, primary: true, verified: true },
    ];
    const flow = await startFlow(server.baseUrl, 'github');
    expect(flow.authorizeUrl.pathname).toBe('/login/oauth/authorize');
    expect(flow.authorizeUrl.searchParams.get('scope')).toBe('read:user user:email');
    expect(flow.authorizeUrl.searchParams.get('redirect_uri')).toBe(`${server.baseUrl}/auth/github/callback`);
    const viaGitHub = await callback(flow);
    expect(viaGitHub.status).toBe(200);
    expect(viaGitHub.body?.user?.id).toBe(viaOidc.body?.user?.id);

    githubEmails = [{ email: address, primary: true, verified: true }];
    const again = await signIn(server.baseUrl, 'github');
    expect(again.body?.user?.id).toBe(viaOidc.body?.user?.id);
    sessionTokens.push(viaOidc.body!.token!, viaGitHub.body!.token!, again.body!.token!);
  });

  it('never links a GitHub account whose only matching email GitHub has not verified', async () => {
    const existing = await signUpUser(server.url, 'Ivan');
    githubUser = { id: 6161, login: 'not-ivan', name: 'Not Ivan' };
    githubEmails = [{ email: existing.user.email, primary: true, verified: false }];
    const { status, body } = await signIn(server.baseUrl, 'github');
    expect(status).toBe(409);
    expect(body?.errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('creates a GitHub user named after the login when the profile has no name', async () => {
    githubUser = { id: 5151, login: 'hubot', name: null };
    githubEmails = [{ email: email('hubot'), primary: true, verified: true }];
    const { status, body } = await signIn(server.baseUrl, 'github');
    expect(status).toBe(200);
    expect(body?.user?.name).toBe('hubot');
    sessionTokens.push(body!.token!);
  });

  it('answers NOT_FOUND for a provider that is not configured', async () => {
    for (const pathname of ['/auth/google', '/auth/google/callback', '/auth/nope']) {
      const response = await fetch(`${server.baseUrl}${pathname}`, { redirect: 'manual' });
      expect(response.status).toBe(404);
      expect(((await response.json()) as SignInBody).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    }
  });

  it('keeps a generated cookie secret in <dataDir>/keys/session-secret (0600), reused after a restart', async () => {
    const file = path.join(server.database.dataDir, 'keys', 'session-secret');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const secret = await loadSessionSecret(undefined, server.database.dataDir);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(await loadSessionSecret(undefined, server.database.dataDir)).toBe(secret);
  });

  it('never writes client secrets, provider tokens or session tokens to the logs, nor stack traces to clients', async () => {
    const logs = server.logs.join('\n');
    expect(logs).toContain('OAuth sign-in'); // the log is there, just clean
    expect(sessionTokens.length).toBeGreaterThan(5);
    expect(issuedTokens.length).toBeGreaterThan(5);
    for (const secret of [OIDC_CLIENT_SECRET, GITHUB_CLIENT_SECRET, ...issuedTokens, ...sessionTokens]) {
      expect(logs).not.toContain(secret);
    }
    // Authorization codes and states arrive in the callback's query string: the access log drops it.
    expect(logs).toContain('/callback');
    expect(server.logs.filter((line) => /callback\?|"query":\{[^}]*"(code|state)"/.test(line))).toEqual([]);
    const { text } = await callback(await startFlow(server.baseUrl, 'oidc'), { cookies: false });
    expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  });
});

describe('OAuth sign-in with PLUGBOARD_OAUTH_REDIRECT_URL', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { ...oidcEnv(await freePort()), PLUGBOARD_OAUTH_REDIRECT_URL: APP_URL } });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('hands the token over in the URL fragment', async () => {
    const address = email('heidi');
    idTokenClaims = { sub: 'heidi-1', email: address, email_verified: true, name: 'Heidi' };
    const { status, headers } = await signIn(server.baseUrl, 'oidc');
    expect(status).toBe(302);
    const location = new URL(headers.get('location')!);
    expect(location.origin + location.pathname).toBe(APP_URL);
    expect(location.search).toBe('');
    const fragment = new URLSearchParams(location.hash.slice(1));
    expect(new Date(fragment.get('expiresAt')!).getTime()).toBeGreaterThan(Date.now());
    const token = fragment.get('token')!;
    expect(await viewerEmail(server.url, token)).toMatchObject({ data: { viewer: { user: { email: address } } } });
    expect(server.logs.join('\n')).not.toContain(token);
  });

  it('hands errors over as #error=<code>', async () => {
    const flow = await startFlow(server.baseUrl, 'oidc');
    flow.callbackUrl.searchParams.set('state', 'tampered');
    const { status, headers } = await callback(flow);
    expect(status).toBe(302);
    expect(headers.get('location')).toBe(`${APP_URL}#error=UNAUTHENTICATED`);
  });
});
