/**
 * API-based extensions through a real server over HTTP, against a local endpoint written to
 * Dify's API-based extension protocol: registration (ping), the three points, secrets,
 * contract checks both ways, failures with their codes, execution records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../__generated__/index.js';
import { execute, request } from '../support/client.js';
import { createWorkspace, signUpUser } from '../support/factories.js';
import { startDifyExtension, type DifyExtensionServer } from '../support/dify-extension.js';
import { ExecuteExtension } from '../support/extension-factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

const CreateApiExtension = graphql(`
  mutation CreateApiExtension($input: CreateApiExtensionInput!) {
    createApiExtension(input: $input) {
      extension {
        id
        name
        module
        kind
        endpoint
        apiKey
        config
        enabled
        creator {
          id
        }
      }
    }
  }
`);

const UpdateApiExtension = graphql(`
  mutation UpdateApiExtension($input: UpdateApiExtensionInput!) {
    updateApiExtension(input: $input) {
      extension {
        id
        name
        apiKey
        config
      }
    }
  }
`);


const SetExtensionEnabled = graphql(`
  mutation SetExtensionEnabled($id: ID!, $enabled: Boolean!) {
    setExtensionEnabled(input: { id: $id, enabled: $enabled }) {
      extension {
        id
        enabled
      }
    }
  }
`);

const DeleteExtension = graphql(`
  mutation DeleteExtension($id: ID!) {
    deleteExtension(input: { id: $id }) {
      deletedExtensionId
    }
  }
`);

const ExtensionModules = graphql(`
  query ExtensionModules {
    extensionModules {
      name
      apiBased
      points {
        name
        inputSchema
        outputSchema
      }
      configForm {
        name
        type
        required
        default
      }
    }
  }
`);

const ExtensionsAndExecutions = graphql(`
  query ExtensionsAndExecutions($filter: ExtensionFilter, $executions: ExtensionExecutionFilter) {
    extensions(filter: $filter) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
    extensionExecutions(first: 50, filter: $executions) {
      totalCount
      edges {
        node {
          id
          point
          status
          errorCode
          extension {
            id
          }
        }
      }
    }
  }
`);

let server: TestServer;
let endpoint: DifyExtensionServer;
let token: string;
let userId: string;

beforeAll(async () => {
  endpoint = await startDifyExtension();
  server = await startTestServer({ env: { PLUGBOARD_OUTBOUND_ALLOW: '127.0.0.1', PLUGBOARD_EXTENSION_TIMEOUT_MS: '1000' } });
  const owner = await signUpUser(server.url, 'Extender');
  token = owner.token;
  userId = owner.user.id;
  await createWorkspace(server.url, token, 'Extensions');
});
afterAll(async () => {
  await server?.stop();
  await endpoint?.close();
});

async function register(name: string, module: 'MODERATION' | 'EXTERNAL_DATA_TOOL', config?: unknown) {
  const data = await execute(server.url, CreateApiExtension, { input: { name, module, endpoint: `${endpoint.url}/extension`, apiKey: endpoint.apiKey, config } }, { token });
  return data.createApiExtension.extension;
}

describe('modules', () => {
  it('lists the extension points with their contracts and configuration forms', async () => {
    const { extensionModules } = await execute(server.url, ExtensionModules, {}, { token });
    expect(extensionModules.map((m) => [m.name, m.apiBased])).toEqual([
      ['MODERATION', true],
      ['EXTERNAL_DATA_TOOL', true],
      ['TOOL', false],
    ]);
    const moderation = extensionModules[0]!;
    expect(moderation.points.map((p) => p.name)).toEqual(['app.moderation.input', 'app.moderation.output']);
    expect(moderation.points[0]!.inputSchema).toMatchObject({ required: ['app_id', 'inputs', 'query'] });
    expect(moderation.configForm).toContainEqual({ name: 'check_inputs', type: 'BOOLEAN', required: false, default: true });
    expect(extensionModules[1]!.configForm).toContainEqual({ name: 'variable', type: 'STRING', required: true, default: null });
  });
});

describe('API-based extensions (Dify protocol)', () => {
  it('registers after a ping, with the key encrypted and masked, and round-trips the external data point', async () => {
    const extension = await register('Weather', 'EXTERNAL_DATA_TOOL', { variable: 'weather' });
    expect(extension).toMatchObject({ name: 'Weather', module: 'EXTERNAL_DATA_TOOL', kind: 'API', enabled: true, config: { variable: 'weather' }, creator: { id: userId } });
    expect(extension.apiKey).toBe('di******ey');
    expect(endpoint.requests.at(-1)).toEqual({ authorization: `Bearer ${endpoint.apiKey}`, body: { point: 'ping', params: {} } });

    const params = { app_id: 'app-1', tool_variable: 'weather', inputs: { location: 'London' }, query: 'How is the weather?' };
    const result = await execute(server.url, ExecuteExtension, { input: { extensionId: extension.id, input: params } }, { token });
    expect(result.executeExtension.output).toEqual({ result: 'City: London\nTemperature: 10°C\nWeather: Sunny (weather)' });
    expect(result.executeExtension.execution).toMatchObject({ point: 'app.external_data_tool.query', status: 'SUCCEEDED', errorCode: null, user: { id: userId } });
    expect(endpoint.requests.at(-1)?.body).toEqual({ point: 'app.external_data_tool.query', params });
    expect(server.logs.join('\n')).not.toContain(endpoint.apiKey);
  });

  it('answers both moderation points, filling the preset response when the endpoint sends none', async () => {
    const extension = await register('Moderator', 'MODERATION', { preset_response: 'Blocked by policy.' });
    const run = (point: string, input: unknown) => execute(server.url, ExecuteExtension, { input: { extensionId: extension.id, point, input } }, { token });
    expect((await run('app.moderation.input', { app_id: 'a', inputs: {}, query: 'hello' })).executeExtension.output).toEqual({ flagged: false, action: 'direct_output', preset_response: undefined });
    expect((await run('app.moderation.input', { app_id: 'a', inputs: {}, query: 'a badword here' })).executeExtension.output).toEqual({
      flagged: true,
      action: 'direct_output',
      preset_response: 'Your content violates our usage policy.',
    });
    expect((await run('app.moderation.output', { app_id: 'a', text: 'the secret is out' })).executeExtension.output).toEqual({ flagged: true, action: 'overridden', text: 'the ****** is out' });
    const missingPoint = await request(server.url, ExecuteExtension, { input: { extensionId: extension.id, input: { app_id: 'a', text: 'x' } } }, { token });
    expect(missingPoint.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'point' });
    const badInput = await request(server.url, ExecuteExtension, { input: { extensionId: extension.id, point: 'app.moderation.input', input: { app_id: 'a', query: 1 } } }, { token });
    expect(badInput.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });

  it('refuses to register an endpoint that fails ping, with a coded error, and saves nothing', async () => {
    const attempt = (apiKey: string, url = `${endpoint.url}/extension`) =>
      request(server.url, CreateApiExtension, { input: { name: `Bad ${Math.random()}`, module: 'MODERATION', endpoint: url, apiKey } }, { token });
    expect((await attempt('wrong-key')).body.errors?.[0]?.extensions?.code).toBe('EXTENSION_UNAUTHORIZED');
    endpoint.behaviour = 'notJson';
    expect((await attempt(endpoint.apiKey)).body.errors?.[0]?.extensions?.code).toBe('EXTENSION_OUTPUT_INVALID');
    endpoint.behaviour = 'status500';
    expect((await attempt(endpoint.apiKey)).body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', status: 500 });
    endpoint.behaviour = 'ok';
    expect((await attempt(endpoint.apiKey, 'http://10.0.0.1/extension')).body.errors?.[0]?.extensions?.code).toBe('DESTINATION_BLOCKED');
    expect((await attempt(endpoint.apiKey, 'ftp://example.com/x')).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endpoint' });
    expect((await attempt('a key with spaces')).body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiKey' });
    const tool = await request(server.url, CreateApiExtension, { input: { name: 'Tools', module: 'TOOL', endpoint: `${endpoint.url}/x`, apiKey: 'k' } }, { token });
    expect(tool.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'module' });
    const list = await execute(server.url, ExtensionsAndExecutions, { filter: { search: 'Bad' } }, { token });
    expect(list.extensions.totalCount).toBe(0);
  });

  it('gives a coded error for each way an endpoint fails at run time, and records it', async () => {
    const extension = await register('Flaky', 'EXTERNAL_DATA_TOOL', { variable: 'v' });
    const params = { app_id: 'a', tool_variable: 'v', inputs: {}, query: 'q' };
    const cases: Array<[DifyExtensionServer['behaviour'], string]> = [
      ['status500', 'UPSTREAM_ERROR'],
      ['notJson', 'EXTENSION_OUTPUT_INVALID'],
      ['wrongShape', 'EXTENSION_OUTPUT_INVALID'],
      ['hang', 'TIMEOUT'],
    ];
    try {
      for (const [behaviour, code] of cases) {
        endpoint.behaviour = behaviour;
        const { body } = await request(server.url, ExecuteExtension, { input: { extensionId: extension.id, input: params } }, { token });
        expect(body.errors?.[0]?.extensions?.code, behaviour).toBe(code);
        expect(body.errors?.[0]?.extensions?.executionId, behaviour).toEqual(expect.any(String));
      }
    } finally {
      endpoint.behaviour = 'ok';
    }
    // A key changed on the endpoint's side: refused with its own code.
    const rotated = await startDifyExtension('rotated-key');
    try {
      await execute(server.url, UpdateApiExtension, { input: { id: extension.id, endpoint: `${rotated.url}/e`, apiKey: 'rotated-key' } }, { token });
      await rotated.close();
      const rotatedAgain = await startDifyExtension('another-key');
      // The stored key never follows the endpoint to another host: it must be sent again.
      const moved = await request(server.url, UpdateApiExtension, { input: { id: extension.id, endpoint: `${rotatedAgain.url}/e` } }, { token });
      expect(moved.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiKey' });
      expect(rotatedAgain.requests).toHaveLength(0);
      const wrongKey = await request(server.url, UpdateApiExtension, { input: { id: extension.id, endpoint: `${rotatedAgain.url}/e`, apiKey: 'rotated-key' } }, { token });
      expect(wrongKey.body.errors?.[0]?.extensions?.code).toBe('EXTENSION_UNAUTHORIZED');
      await rotatedAgain.close();
    } finally {
      await rotated.close().catch(() => undefined);
    }
    const records = await execute(server.url, ExtensionsAndExecutions, { executions: { extensionId: extension.id, status: 'FAILED' } }, { token });
    expect(records.extensionExecutions.edges.map((e) => e.node.errorCode).sort()).toEqual(['EXTENSION_OUTPUT_INVALID', 'EXTENSION_OUTPUT_INVALID', 'TIMEOUT', 'UPSTREAM_ERROR']);
  });

  it('keeps the stored key when the masked value is sent back, refuses duplicate names, and honours enable/delete', async () => {
    const extension = await register('Keeper', 'EXTERNAL_DATA_TOOL', { variable: 'v' });
    const pings = endpoint.requests.length;
    const updated = await execute(server.url, UpdateApiExtension, { input: { id: extension.id, name: 'Keeper 2', apiKey: extension.apiKey } }, { token });
    expect(updated.updateApiExtension.extension).toMatchObject({ name: 'Keeper 2', apiKey: 'di******ey' });
    expect(endpoint.requests.length).toBe(pings); // nothing changed that needs a new ping
    const duplicate = await request(server.url, CreateApiExtension, { input: { name: 'keeper 2', module: 'MODERATION', endpoint: `${endpoint.url}/x`, apiKey: endpoint.apiKey } }, { token });
    expect(duplicate.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const badConfig = await request(server.url, CreateApiExtension, { input: { name: 'Configless', module: 'EXTERNAL_DATA_TOOL', endpoint: `${endpoint.url}/x`, apiKey: endpoint.apiKey, config: { nope: 1 } } }, { token });
    expect(badConfig.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'config.nope' });

    await execute(server.url, SetExtensionEnabled, { id: extension.id, enabled: false }, { token });
    const disabled = await request(server.url, ExecuteExtension, { input: { extensionId: extension.id, input: { app_id: 'a', tool_variable: 'v', inputs: {}, query: 'q' } } }, { token });
    expect(disabled.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await execute(server.url, DeleteExtension, { id: extension.id }, { token });
    const gone = await request(server.url, DeleteExtension, { id: extension.id }, { token });
    expect(gone.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
