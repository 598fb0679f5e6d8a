import { readdirSync, readFileSync } from 'node:fs';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../__generated__/index.js';
import { execute, request } from '../support/client.js';
import { createWorkspace, signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { until, wait } from '../support/timing.js';
import { startToolBackend, type ToolBackend } from '../support/tool-backend.js';
import { createApiProvider, ECHO_API, InvokeTool } from '../support/tool-factories.js';

const Preview = graphql(`
  mutation PreviewTools($input: PreviewOpenApiToolsInput!) {
    previewOpenApiTools(input: $input) {
      title
      version
      serverUrl
      warnings
      tools {
        name
        method
        path
        parameters {
          name
          type
          required
          location
        }
      }
    }
  }
`);

const UpdateProvider = graphql(`
  mutation UpdateApiProvider($input: UpdateApiToolProviderInput!) {
    updateApiToolProvider(input: $input) {
      provider {
        id
        credentials {
          apiKey
          username
          password
          token
        }
        auth {
          type
          headerName
          prefix
          queryParam
        }
      }
    }
  }
`);

const ProviderCredentials = graphql(`
  query ProviderCredentials($id: ID!) {
    toolProvider(id: $id) {
      credentials {
        apiKey
        username
        password
        token
      }
    }
  }
`);

const TestTool = graphql(`
  mutation TestApiTool($input: TestApiToolInput!) {
    testApiTool(input: $input) {
      status
      errorCode
      messages {
        __typename
        ... on JsonMessage {
          json
        }
      }
    }
  }
`);

const Invocations = graphql(`
  query ToolInvocations($filter: ToolInvocationFilter) {
    toolInvocations(first: 50, filter: $filter) {
      totalCount
      edges {
        node {
          id
          toolId
          status
          errorCode
          caller {
            id
          }
        }
      }
    }
  }
`);

const BuiltinTools = graphql(`
  query BuiltinTools {
    builtinTools {
      id
      name
      description
      parameters {
        name
        type
        required
      }
    }
  }
`);

const ToolProviders = graphql(`
  query ToolProviders {
    toolProviders(first: 10) {
      totalCount
    }
  }
`);

const Publish = graphql(`
  mutation PublishToolProvider($input: PublishToolProviderInput!) {
    publishToolProvider(input: $input) {
      provider {
        id
        visibility
      }
    }
  }
`);

const Marketplace = graphql(`
  query ToolMarketplace($filter: ToolMarketplaceFilter) {
    toolMarketplace(first: 20, filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
          installCount
          publisher
          tools {
            name
          }
        }
      }
    }
  }
`);

const Install = graphql(`
  mutation InstallToolProvider($input: InstallToolProviderInput!) {
    installToolProvider(input: $input) {
      provider {
        id
        name
        credentials {
          apiKey
        }
        tools {
          id
        }
      }
    }
  }
`);

const InvokeStream = `subscription($input: InvokeToolInput!) {
  invokeTool(input: $input) {
    __typename
    ... on TextMessage { text }
    ... on ToolInvocationFinished { invocation { id status errorCode } }
  }
}`;

type Event = { __typename: string; text?: string; invocation?: { id: string; status: string; errorCode: string | null } };
type StreamResult = { data?: { invokeTool: Event } | null; errors?: unknown };

const FIXTURES = new URL('../fixtures/openapi/', import.meta.url);

describe('tools', () => {
  let server: TestServer;
  let backend: ToolBackend;
  let token: string;
  let userId: string;

  const invoke = (toolId: string, parameters: unknown = {}, as = token) => request(server.url, InvokeTool, { input: { toolId, parameters } }, { token: as });

  beforeAll(async () => {
    backend = await startToolBackend();
    server = await startTestServer({ env: { PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1' } });
    const user = await signUpUser(server.url, 'Toolsmith');
    token = user.token;
    userId = user.user.id;
    await createWorkspace(server.url, token, 'Tools');
  });
  afterAll(async () => {
    await server?.stop();
    await backend?.close();
  });

  describe('OpenAPI import', () => {
    it('previews a document without saving anything', async () => {
      const data = await execute(server.url, Preview, { input: { source: { document: ECHO_API } } }, { token });
      expect(data.previewOpenApiTools).toMatchObject({ title: 'Echo API', version: '1.0.0', serverUrl: 'http://placeholder.invalid' });
      const getItem = data.previewOpenApiTools.tools.find((tool) => tool.name === 'getItem');
      expect(getItem).toMatchObject({ method: 'GET', path: '/echo/items/{itemId}' });
      expect(getItem?.parameters).toEqual(
        expect.arrayContaining([
          { name: 'itemId', type: 'INTEGER', required: true, location: 'PATH' },
          { name: 'verbose', type: 'BOOLEAN', required: false, location: 'QUERY' },
          { name: 'tags', type: 'ARRAY', required: false, location: 'QUERY' },
          { name: 'X-Trace', type: 'STRING', required: false, location: 'HEADER' },
          { name: 'session', type: 'STRING', required: false, location: 'COOKIE' },
        ]),
      );
      expect((await execute(server.url, ToolProviders, {}, { token })).toolProviders.totalCount).toBe(0);
    });

    it('imports every real-world fixture document', async () => {
      const valid = readdirSync(FIXTURES).filter((name) => !/invalid|circular/.test(name));
      expect(valid.length).toBeGreaterThanOrEqual(6);
      for (const name of valid) {
        const { body } = await request(server.url, Preview, { input: { source: { document: readFileSync(new URL(name, FIXTURES), 'utf8') } } }, { token });
        expect(body.errors, name).toBeUndefined();
        expect(body.data?.previewOpenApiTools.tools.length, name).toBeGreaterThan(0);
        for (const tool of body.data!.previewOpenApiTools.tools) expect(tool.name, name).toMatch(/^[A-Za-z0-9_.-]{1,128}$/);
      }
    });

    it('answers BAD_USER_INPUT with a location for invalid YAML, and refuses too many operations', async () => {
      const invalid = readFileSync(new URL('invalid-yaml.yaml', FIXTURES), 'utf8');
      const bad = await request(server.url, Preview, { input: { source: { document: invalid } } }, { token });
      expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', location: expect.anything() });

      const paths = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`/op${i}`, { get: { operationId: `op${i}`, responses: { 200: { description: 'ok' } } } }]));
      const huge = JSON.stringify({ openapi: '3.0.3', info: { title: 'Huge', version: '1' }, paths });
      const tooMany = await request(server.url, Preview, { input: { source: { document: huge } } }, { token });
      expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

      const notOpenApi = await request(server.url, Preview, { input: { source: { document: '{"hello": "world"}' } } }, { token });
      expect(notOpenApi.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('survives a circular $ref without hanging', async () => {
      const circular = readFileSync(new URL('circular-ref-3.0.yaml', FIXTURES), 'utf8');
      const started = Date.now();
      const { body } = await request(server.url, Preview, { input: { source: { document: circular } } }, { token });
      expect(Date.now() - started).toBeLessThan(10_000);
      // Either imported with a warning, or refused with a coded error: never a crash.
      if (body.errors) expect(body.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      else expect(body.data?.previewOpenApiTools.warnings.length).toBeGreaterThan(0);
    });

    it('imports from a URL through the outbound guard', async () => {
      const { body } = await request(server.url, Preview, { input: { source: { url: `${backend.url}/nowhere.yaml` } } }, { token });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 404 });
    });
  });

  describe('invocation', () => {
    let provider: Awaited<ReturnType<typeof createApiProvider>>;
    const toolId = (name: string) => provider.tools.find((tool) => tool.name === name)!.id;

    beforeAll(async () => {
      provider = await createApiProvider(server.url, token, { name: 'Echo', serverUrl: backend.url });
    });

    it('sends path, query, header and cookie parameters where the document says', async () => {
      const { body } = await invoke(toolId('getItem'), { itemId: '42', verbose: true, tags: ['a', 'b'], 'X-Trace': 'trace-1', session: 's 1' });
      expect(body.errors).toBeUndefined();
      const seen = backend.last('/echo/items')!;
      expect(seen.method).toBe('GET');
      expect(seen.path).toBe('/echo/items/42');
      expect(seen.query.get('verbose')).toBe('true');
      expect(seen.query.getAll('tags')).toEqual(['a', 'b']);
      expect(seen.headers['x-trace']).toBe('trace-1');
      expect(seen.headers.cookie).toContain('session=s%201');
      const result = body.data!.invokeTool;
      expect(result.messages[0]).toEqual({ __typename: 'JsonMessage', json: expect.objectContaining({ method: 'GET', path: '/echo/items/42' }) });
      expect(result.messages[1]).toMatchObject({ __typename: 'TextMessage', text: expect.stringContaining('"/echo/items/42"') });
      expect(result.invocation).toMatchObject({ toolId: toolId('getItem'), toolName: 'getItem', status: 'SUCCEEDED', messageCount: 2, caller: { id: userId } });
    });

    it('sends JSON, form and multipart bodies', async () => {
      await invoke(toolId('replaceItem'), { itemId: 7, name: 'Lamp', price: '9.5', id: 7 });
      const json = backend.last('/echo/items/7')!;
      expect(json.method).toBe('PUT');
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(json.body)).toEqual({ name: 'Lamp', price: 9.5, id: 7 });

      await invoke(toolId('submitForm'), { name: 'Ada', count: 3 });
      const form = backend.last('/echo/form')!;
      expect(form.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
      expect(Object.fromEntries(new URLSearchParams(form.body))).toEqual({ name: 'Ada', count: '3' });

      await invoke(toolId('uploadNote'), { title: 'Hi', note: 'there' });
      const multipart = backend.last('/echo/upload')!;
      expect(multipart.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      expect(multipart.body).toContain('name="title"');
      expect(multipart.body).toContain('there');
    });

    it('refuses missing and mistyped parameters before calling anything', async () => {
      const before = backend.requests.length;
      const missing = await invoke(toolId('replaceItem'), { itemId: 1 });
      expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'name' });
      const mistyped = await invoke(toolId('getItem'), { itemId: 'forty-two' });
      expect(mistyped.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'itemId' });
      const unknown = await invoke(toolId('getItem'), { itemId: 1, nope: 1 });
      expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', parameter: 'nope' });
      const notObject = await invoke(toolId('getItem'), [1, 2]);
      expect(notObject.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(backend.requests.length).toBe(before);
      expect((await invoke(`${provider.id}/noSuchTool`)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await invoke('not-a-tool-id')).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('retries idempotent calls after a 503', async () => {
      const { body } = await invoke(toolId('flaky'));
      expect(body.data?.invokeTool.messages[0]).toEqual({ __typename: 'JsonMessage', json: { calls: 2 } });
    });

    it('returns binary output as ordered BLOB chunks', async () => {
      const { body } = await invoke(toolId('image'));
      const blobs = body.data!.invokeTool.messages.filter((message) => message.__typename === 'BlobMessage');
      expect(blobs.at(-1)).toMatchObject({ mimeType: 'image/png', final: true });
      const bytes = Buffer.concat(blobs.map((blob) => Buffer.from((blob as { data: string }).data, 'base64')));
      expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(bytes.length).toBe(12);
    });

    it('fails a hanging backend with TIMEOUT within the provider timeout and records it', async () => {
      const slowProvider = await createApiProvider(server.url, token, { serverUrl: backend.url, totalTimeoutMs: 800 });
      const hang = slowProvider.tools.find((tool) => tool.name === 'hang')!;
      const started = Date.now();
      const { body } = await invoke(hang.id);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'TIMEOUT', status: 'TIMED_OUT', invocationId: expect.any(String) });
      const records = await execute(server.url, Invocations, { filter: { toolId: hang.id } }, { token });
      expect(records.toolInvocations.edges.map((edge) => edge.node)).toEqual([expect.objectContaining({ status: 'TIMED_OUT', errorCode: 'TIMEOUT' })]);
    });

    it('stops a 50 MB response at the size cap and keeps serving', async () => {
      const { body } = await invoke(toolId('huge'));
      expect(body.errors?.[0]?.extensions?.code).toBe('RESPONSE_TOO_LARGE');
      await until(() => backend.last('/huge')!.aborted);
      const again = await invoke(toolId('getItem'), { itemId: 1 });
      expect(again.body.data?.invokeTool.invocation.status).toBe('SUCCEEDED');
    });

    it('records every call, newest first, filterable by status', async () => {
      const all = await execute(server.url, Invocations, {}, { token });
      expect(all.toolInvocations.totalCount).toBeGreaterThanOrEqual(5);
      const failed = await execute(server.url, Invocations, { filter: { status: 'FAILED' } }, { token });
      expect(failed.toolInvocations.edges.every((edge) => edge.node.status === 'FAILED')).toBe(true);
      expect(failed.toolInvocations.edges.some((edge) => edge.node.errorCode === 'RESPONSE_TOO_LARGE')).toBe(true);
    });

    it('runs one operation of an unsaved document with testApiTool', async () => {
      const data = await execute(
        server.url,
        TestTool,
        { input: { source: { document: ECHO_API }, serverUrl: backend.url, toolName: 'getItem', parameters: { itemId: 5 } } },
        { token },
      );
      expect(data.testApiTool).toMatchObject({ status: 'SUCCEEDED', errorCode: null, messages: [{ __typename: 'JsonMessage', json: expect.objectContaining({ path: '/echo/items/5' }) }, { __typename: 'TextMessage' }] });
    });
  });

  describe('credentials', () => {
    const cases = [
      { auth: { type: 'API_KEY_HEADER' as const, headerName: 'X-Api-Key' }, credentials: { apiKey: 'key-header-secret-1' }, check: (h: Record<string, unknown>) => h['x-api-key'] === 'key-header-secret-1' },
      { auth: { type: 'API_KEY_HEADER' as const, prefix: 'BEARER' as const }, credentials: { apiKey: 'key-bearer-secret-2' }, check: (h: Record<string, unknown>) => h.authorization === 'Bearer key-bearer-secret-2' },
      { auth: { type: 'BASIC' as const }, credentials: { username: 'ada', password: 'pa55-word-secret' }, check: (h: Record<string, unknown>) => h.authorization === `Basic ${Buffer.from('ada:pa55-word-secret').toString('base64')}` },
      { auth: { type: 'BEARER' as const }, credentials: { token: 'bearer-token-secret-3' }, check: (h: Record<string, unknown>) => h.authorization === 'Bearer bearer-token-secret-3' },
    ];

    it('sends each auth type to the backend as configured', async () => {
      for (const { auth, credentials, check } of cases) {
        const provider = await createApiProvider(server.url, token, { serverUrl: backend.url, auth, credentials });
        await invoke(provider.tools.find((tool) => tool.name === 'getItem')!.id, { itemId: 1 });
        expect(check(backend.last('/echo/items')!.headers), auth.type).toBe(true);
      }
      const query = await createApiProvider(server.url, token, { serverUrl: backend.url, auth: { type: 'API_KEY_QUERY', queryParam: 'api_key' }, credentials: { apiKey: 'query-secret-4' } });
      await invoke(query.tools.find((tool) => tool.name === 'getItem')!.id, { itemId: 1 });
      expect(backend.last('/echo/items')!.query.get('api_key')).toBe('query-secret-4');
    });

    it('masks credentials on read and keeps the secret when the mask is sent back', async () => {
      const provider = await createApiProvider(server.url, token, { serverUrl: backend.url, auth: { type: 'BEARER' }, credentials: { token: 'tok-very-secret-value' } });
      const read = await execute(server.url, ProviderCredentials, { id: provider.id }, { token });
      expect(read.toolProvider.credentials).toEqual({ apiKey: null, username: null, password: null, token: 'to******ue' });

      await execute(server.url, UpdateProvider, { input: { id: provider.id, credentials: { token: 'to******ue' } } }, { token });
      const getItem = provider.tools.find((tool) => tool.name === 'getItem')!.id;
      await invoke(getItem, { itemId: 2 });
      expect(backend.last('/echo/items')!.headers.authorization).toBe('Bearer tok-very-secret-value');

      await execute(server.url, UpdateProvider, { input: { id: provider.id, credentials: { token: 'short' } } }, { token });
      expect((await execute(server.url, ProviderCredentials, { id: provider.id }, { token })).toolProvider.credentials?.token).toBe('******');
      await invoke(getItem, { itemId: 3 });
      expect(backend.last('/echo/items')!.headers.authorization).toBe('Bearer short');

      const everything = server.logs.join('\n');
      for (const secret of ['tok-very-secret-value', 'key-header-secret-1', 'pa55-word-secret', 'bearer-token-secret-3', 'query-secret-4']) expect(everything).not.toContain(secret);
    });

    it('refuses credentials with line breaks', async () => {
      const { body } = await request(
        server.url,
        UpdateProvider,
        { input: { id: (await createApiProvider(server.url, token, { serverUrl: backend.url })).id, credentials: { token: 'a\r\nX-Evil: 1' } } },
        { token },
      );
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('streaming', () => {
    let slowToolId: string;
    let hangToolId: string;
    beforeAll(async () => {
      const provider = await createApiProvider(server.url, token, { serverUrl: backend.url, totalTimeoutMs: 20_000 });
      slowToolId = provider.tools.find((tool) => tool.name === 'slow')!.id;
      hangToolId = provider.tools.find((tool) => tool.name === 'hang')!.id;
    });

    /** Reads a stream, noting when each event arrived relative to the start. */
    async function readAll(iterator: AsyncIterator<StreamResult>) {
      const started = Date.now();
      const events: { at: number; event: Event }[] = [];
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        expect(next.value.errors).toBeUndefined();
        events.push({ at: Date.now() - started, event: next.value.data!.invokeTool });
        if (next.value.data!.invokeTool.__typename === 'ToolInvocationFinished') break;
      }
      await iterator.return?.();
      return events;
    }

    function expectOrderedChunks(events: { at: number; event: Event }[]) {
      const texts = events.filter((entry) => entry.event.__typename === 'TextMessage').map((entry) => entry.event.text).join('');
      expect(texts).toBe('chunk-1;chunk-2;chunk-3;');
      // The first chunk arrived while the backend was still writing (it takes ≥ 600 ms in all).
      const lastAt = events.at(-1)!.at;
      expect(events[0]!.at).toBeLessThan(lastAt - 300);
      expect(events.at(-1)!.event).toMatchObject({ __typename: 'ToolInvocationFinished', invocation: { status: 'SUCCEEDED' } });
    }

    it('streams messages over graphql-ws before the call completes', async () => {
      const client = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
      try {
        expectOrderedChunks(await readAll(client.iterate<StreamResult['data']>({ query: InvokeStream, variables: { input: { toolId: slowToolId } } }) as AsyncIterator<StreamResult>));
      } finally {
        await client.dispose();
      }
    });

    it('streams messages over graphql-sse before the call completes', async () => {
      const client = createSseClient({ url: server.sseUrl, headers: { authorization: `Bearer ${token}` } });
      try {
        expectOrderedChunks(await readAll(client.iterate<StreamResult['data']>({ query: InvokeStream, variables: { input: { toolId: slowToolId } } }) as AsyncIterator<StreamResult>));
      } finally {
        client.dispose();
      }
    });

    it('aborts the backend request when the subscriber goes away, and records CANCELLED', async () => {
      const client = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
      try {
        const iterator = client.iterate<StreamResult['data']>({ query: InvokeStream, variables: { input: { toolId: hangToolId } } });
        const first = await iterator.next();
        expect(first.value).toEqual({ data: { invokeTool: { __typename: 'TextMessage', text: 'started;' } } });
        const request = backend.last('/hang')!;
        expect(request.aborted).toBe(false);
        await iterator.return?.();
        await until(() => request.aborted);
      } finally {
        await client.dispose();
      }
      // The record is written as the call winds down: poll briefly for it.
      let statuses: string[] = [];
      for (let attempt = 0; attempt < 50 && !statuses.includes('CANCELLED'); attempt++) {
        const records = await execute(server.url, Invocations, { filter: { toolId: hangToolId } }, { token });
        statuses = records.toolInvocations.edges.map((edge) => edge.node.status);
        if (!statuses.includes('CANCELLED')) await wait(50);
      }
      expect(statuses).toContain('CANCELLED');
    });

    it('answers bad parameters on a subscription with a coded error', async () => {
      const client = createWsClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
      try {
        const first = await client
          .iterate({ query: InvokeStream, variables: { input: { toolId: slowToolId, parameters: { nope: 1 } } } })
          .next()
          .then((result) => result.value as StreamResult, (errors: unknown) => ({ errors }));
        expect(JSON.stringify(first.errors)).toContain('BAD_USER_INPUT');
      } finally {
        await client.dispose();
      }
    });
  });

  describe('built-in tools', () => {
    it('lists typed, described tools and runs them without any account', async () => {
      const { builtinTools } = await execute(server.url, BuiltinTools, {}, { token });
      expect(builtinTools.map((tool) => tool.name).sort()).toEqual(['current_time', 'http_request', 'json_query', 'math_evaluate', 'text_template']);
      for (const tool of builtinTools) expect(tool.description.length, tool.name).toBeGreaterThan(20);

      const math = await invoke('builtin/math_evaluate', { expression: '2 * (3 + 4)' });
      expect(math.body.data?.invokeTool.messages).toContainEqual({ __typename: 'TextMessage', text: '14' });
      const http = await invoke('builtin/http_request', { url: `${backend.url}/echo/builtin`, method: 'POST', body: 'hello' });
      expect(http.body.data?.invokeTool.messages[0]).toEqual({ __typename: 'JsonMessage', json: expect.objectContaining({ method: 'POST', body: 'hello' }) });
    });
  });

  describe('SSRF guard', () => {
    let guarded: TestServer;
    let guardedToken: string;
    beforeAll(async () => {
      guarded = await startTestServer(); // nothing allow-listed
      guardedToken = (await signUpUser(guarded.url, 'Guarded')).token;
      await createWorkspace(guarded.url, guardedToken, 'Guarded');
    });
    afterAll(async () => {
      await guarded?.stop();
    });

    it('refuses private, loopback and link-local destinations for the HTTP tool and API tools', async () => {
      const invokeGuarded = (toolId: string, parameters: unknown) => request(guarded.url, InvokeTool, { input: { toolId, parameters } }, { token: guardedToken });
      const before = backend.requests.length;
      for (const url of [`${backend.url}/echo/x`, 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', `http://[::1]:${new URL(backend.url).port}/`, `http://localhost:${new URL(backend.url).port}/echo/x`]) {
        const { body } = await invokeGuarded('builtin/http_request', { url });
        expect(body.errors?.[0]?.extensions?.code, url).toBe('DESTINATION_BLOCKED');
      }
      const provider = await createApiProvider(guarded.url, guardedToken, { serverUrl: backend.url });
      const { body } = await invokeGuarded(provider.tools.find((tool) => tool.name === 'getItem')!.id, { itemId: 1 });
      expect(body.errors?.[0]?.extensions?.code).toBe('DESTINATION_BLOCKED');
      expect(backend.requests.length).toBe(before);
    });

    it('refuses a redirect from an allowed host to a private address', async () => {
      const { body } = await invoke('builtin/http_request', { url: `${backend.url}/redirect?to=${encodeURIComponent('http://10.0.0.1/secret')}` });
      expect(body.errors?.[0]?.extensions?.code).toBe('DESTINATION_BLOCKED');
    });
  });

  describe('marketplace', () => {
    it('publishes, finds and installs a provider without its credentials', async () => {
      const provider = await createApiProvider(server.url, token, {
        name: 'Weather Mart',
        serverUrl: backend.url,
        auth: { type: 'BEARER' },
        credentials: { token: 'publisher-private-token' },
      });
      await execute(server.url, Publish, { input: { id: provider.id } }, { token });

      const other = await signUpUser(server.url, 'Installer');
      await createWorkspace(server.url, other.token, 'Installers');
      const found = await execute(server.url, Marketplace, { filter: { search: 'weather' } }, { token: other.token });
      const listing = found.toolMarketplace.edges.map((edge) => edge.node).find((node) => node.id === provider.id)!;
      expect(listing).toMatchObject({ name: 'Weather Mart', installCount: 0, publisher: 'Tools' });
      expect(listing.tools.map((tool) => tool.name)).toContain('getItem');

      const installed = await execute(server.url, Install, { input: { listingId: provider.id } }, { token: other.token });
      expect(installed.installToolProvider.provider).toMatchObject({ name: 'Weather Mart', credentials: { apiKey: null } });
      expect(installed.installToolProvider.provider.id).not.toBe(provider.id);
      const again = await execute(server.url, Marketplace, { filter: { search: 'weather' } }, { token: other.token });
      expect(again.toolMarketplace.edges.find((edge) => edge.node.id === provider.id)?.node.installCount).toBe(1);

      // Installed without credentials: the BEARER auth needs a token of the installer's own.
      const call = await request(server.url, InvokeTool, { input: { toolId: `${installed.installToolProvider.provider.id}/getItem`, parameters: { itemId: 1 } } }, { token: other.token });
      expect(call.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'credentials.token' });
    });

    it('never lists private providers and refuses installing them', async () => {
      const hidden = await createApiProvider(server.url, token, { name: 'Hidden Gem', serverUrl: backend.url });
      const other = await signUpUser(server.url, 'Snoop');
      await createWorkspace(server.url, other.token, 'Snoops');
      const found = await execute(server.url, Marketplace, { filter: { search: 'hidden gem' } }, { token: other.token });
      expect(found.toolMarketplace.totalCount).toBe(0);
      const install = await request(server.url, Install, { input: { listingId: hidden.id } }, { token: other.token });
      expect(install.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });
});
