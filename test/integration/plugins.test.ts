/**
 * Code plugins through a real server: the example plugins (examples/plugins) are discovered
 * from PLUGBOARD_PLUGIN_DIR at start, enabled in a workspace, and run isolated — the
 * moderation plugin through executeExtension, the tool plugin's tools through invokeTool
 * (blocking, and streamed over graphql-ws) — while a hostile plugin is stopped without
 * taking the gateway down.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql } from '../__generated__/index.js';
import { execute, request } from '../support/client.js';
import { createWorkspace, signUpUser } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createApiProvider, InvokeTool } from '../support/tool-factories.js';
import { ExecuteExtension } from '../support/extension-factories.js';
import * as tar from 'tar';
import { PASSWORD, SignUp } from '../support/factories.js';
import { VerifyEmail, waitForMail } from '../support/mail-factories.js';
import { postMultipart } from '../support/uploads.js';

const Plugins = graphql(`
  query Plugins {
    plugins {
      name
      version
      module
      state
      allowedHosts
      tools {
        name
      }
      configForm {
        name
        type
        required
      }
    }
  }
`);

const CreatePluginExtension = graphql(`
  mutation CreatePluginExtension($input: CreatePluginExtensionInput!) {
    createPluginExtension(input: $input) {
      extension {
        id
        kind
        module
        pluginName
        config
      }
    }
  }
`);

const PluginProvider = graphql(`
  query PluginProvider($id: ID!) {
    toolProvider(id: $id) {
      id
      kind
      name
      tools {
        id
        name
      }
    }
  }
`);

const UpdatePluginExtension = graphql(`
  mutation UpdatePluginExtension($input: UpdatePluginExtensionInput!) {
    updatePluginExtension(input: $input) {
      extension {
        id
        name
        config
      }
    }
  }
`);

const DisablePlugin = graphql(`
  mutation DisablePlugin($id: ID!) {
    setExtensionEnabled(input: { id: $id, enabled: false }) {
      extension {
        enabled
      }
    }
  }
`);

const InstallPlugin = graphql(`
  mutation InstallPlugin($input: InstallPluginInput!) {
    installPlugin(input: $input) {
      plugin {
        name
        version
        tools {
          name
        }
      }
    }
  }
`);

const EXAMPLES = new URL('../../examples/plugins/', import.meta.url);
const ADMIN = 'plugin-admin@example.com';

/** A tool plugin at `version`, written as a folder: one tool per name in `tools`, each echoing its input. */
async function writeEchoPlugin(dir: string, version: string, tools: string[]) {
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, 'plugboard.json'),
    JSON.stringify({
      name: 'echo-tools',
      version,
      author: 'Tests',
      description: 'Echoes.',
      module: 'tool',
      tools: tools.map((name) => ({ name, description: 'Echoes text.', parameters: [{ name: 'text', type: 'STRING', required: true, description: 'Text.' }] })),
      permissions: { hosts: [] },
    }),
  );
  await writeFile(path.join(dir, 'index.mjs'), `export const tools = { ${tools.map((name) => `${name}: async (params) => ({ type: 'TEXT', text: '${name}:' + params.text })`).join(', ')} };\n`);
}

/** npm-pack style: everything under package/. */
async function packPlugin(dir: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = tar.c({ gzip: true, cwd: path.dirname(dir), prefix: '' }, [path.basename(dir)]);
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function upload(bytes: Buffer, as: string): Promise<string> {
  const reply = await postMultipart<{ uploadFile: { file: { id: string } } }>(
    server.url,
    as,
    { query: 'mutation($file: Upload!) { uploadFile(file: $file) { file { id } } }', variables: { file: null } },
    { 0: ['variables.file'] },
    { 0: { name: 'plugin.tgz', bytes, type: 'application/gzip' } },
  );
  return reply.body.data!.uploadFile.file.id;
}

/** A plugin whose query() never returns: it must be stopped by the per-call timeout. */
const LOOPING_PLUGIN = {
  'plugboard.json': JSON.stringify({
    name: 'looping-lookup',
    version: '1.0.0',
    author: 'Tests',
    description: 'Loops forever.',
    module: 'external_data_tool',
    entry: 'index.mjs',
    config: [],
    permissions: { hosts: [] },
  }),
  'index.mjs': 'export async function query() { for (;;) {} }\n',
};

let server: TestServer;
let pluginDir: string;
let token: string;

beforeAll(async () => {
  pluginDir = await mkdtemp(path.join(os.tmpdir(), 'plugboard-plugins-'));
  await cp(new URL('keyword-moderation', EXAMPLES), path.join(pluginDir, 'keyword-moderation'), { recursive: true });
  await cp(new URL('text-tools', EXAMPLES), path.join(pluginDir, 'text-tools'), { recursive: true });
  await mkdir(path.join(pluginDir, 'looping-lookup'));
  for (const [name, content] of Object.entries(LOOPING_PLUGIN)) await writeFile(path.join(pluginDir, 'looping-lookup', name), content);
  await mkdir(path.join(pluginDir, 'broken'));
  await writeFile(path.join(pluginDir, 'broken', 'plugboard.json'), '{"name": "broken"}');
  server = await startTestServer({ env: { PLUGBOARD_PLUGIN_DIR: pluginDir, PLUGBOARD_PLUGIN_TIMEOUT_MS: '1500', PLUGBOARD_ADMIN_EMAILS: ADMIN } });
  token = (await signUpUser(server.url, 'Plugger')).token;
  await createWorkspace(server.url, token, 'Plugins');
});
afterAll(async () => {
  await server?.stop();
  await rm(pluginDir, { recursive: true, force: true });
});

describe('code plugins', () => {
  it('discovers the plugins in the folder at start, skipping a broken one with a log line', async () => {
    const { plugins } = await execute(server.url, Plugins, {}, { token });
    expect(plugins.map((p) => [p.name, p.version, p.module])).toEqual([
      ['keyword-moderation', '1.0.0', 'MODERATION'],
      ['looping-lookup', '1.0.0', 'EXTERNAL_DATA_TOOL'],
      ['text-tools', '1.0.0', 'TOOL'],
    ]);
    expect(plugins[0]!.configForm).toContainEqual({ name: 'keywords', type: 'PARAGRAPH', required: true });
    expect(plugins[2]!.tools.map((t) => t.name)).toEqual(['word_count', 'slugify', 'split_sentences', 'fetch_title']);
    expect(server.logs.some((line) => line.includes('plugin skipped') && line.includes('broken'))).toBe(true);
  });

  it('runs a moderation plugin through executeExtension, with its configuration', async () => {
    const { createPluginExtension } = await execute(
      server.url,
      CreatePluginExtension,
      { input: { name: 'Blocklist', pluginName: 'keyword-moderation', config: { keywords: 'forbidden\n/pass(word)?/i' } } },
      { token },
    );
    expect(createPluginExtension.extension).toMatchObject({ kind: 'CODE', module: 'MODERATION', pluginName: 'keyword-moderation' });
    const moderate = (query: string) =>
      execute(server.url, ExecuteExtension, { input: { extensionId: createPluginExtension.extension.id, point: 'app.moderation.input', input: { app_id: 'a', inputs: {}, query } } }, { token });
    expect((await moderate('hello there')).executeExtension.output).toMatchObject({ flagged: false });
    expect((await moderate('my PASSWORD is')).executeExtension.output).toMatchObject({ flagged: true, action: 'direct_output', preset_response: 'Your message was blocked.' });
    const missing = await request(server.url, CreatePluginExtension, { input: { name: 'No keywords', pluginName: 'keyword-moderation' } }, { token });
    expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'config.keywords' });
    const unknown = await request(server.url, CreatePluginExtension, { input: { name: 'Ghost', pluginName: 'ghost' } }, { token });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const updated = await execute(server.url, UpdatePluginExtension, { input: { id: createPluginExtension.extension.id, name: 'Blocklist 2', config: { keywords: 'hello' } } }, { token });
    expect(updated.updatePluginExtension.extension).toMatchObject({ name: 'Blocklist 2', config: { keywords: 'hello', preset_response: 'Your message was blocked.' } });
    expect((await moderate('hello there')).executeExtension.output).toMatchObject({ flagged: true });
    const badUpdate = await request(server.url, UpdatePluginExtension, { input: { id: createPluginExtension.extension.id, config: { keywords: 5 } } }, { token });
    expect(badUpdate.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'config.keywords' });
  });

  it('offers a tool plugin as a PLUGIN provider whose tools are invoked and streamed like any tool', async () => {
    const { createPluginExtension } = await execute(server.url, CreatePluginExtension, { input: { name: 'Text tools', pluginName: 'text-tools' } }, { token });
    const providerId = createPluginExtension.extension.id;
    const { toolProvider } = await execute(server.url, PluginProvider, { id: providerId }, { token });
    expect(toolProvider).toMatchObject({ kind: 'PLUGIN', name: 'Text tools' });
    expect(toolProvider.tools.map((t) => t.id)).toContain(`${providerId}/word_count`);

    const counted = await execute(server.url, InvokeTool, { input: { toolId: `${providerId}/word_count`, parameters: { text: 'one two three' } } }, { token });
    expect(counted.invokeTool.invocation).toMatchObject({ status: 'SUCCEEDED', toolName: 'word_count' });
    expect(counted.invokeTool.messages).toContainEqual({ __typename: 'JsonMessage', json: expect.objectContaining({ words: 3 }) });
    const slug = await execute(server.url, InvokeTool, { input: { toolId: `${providerId}/slugify`, parameters: { text: 'Hello, World!' } } }, { token });
    expect(slug.invokeTool.messages).toEqual([{ __typename: 'TextMessage', text: 'hello-world' }]);
    const bad = await request(server.url, InvokeTool, { input: { toolId: `${providerId}/slugify`, parameters: { text: 'x', separator: '*' } } }, { token });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
    try {
      const events: Array<{ __typename: string; text?: string; invocation?: { status: string } }> = [];
      const query = `subscription($input: InvokeToolInput!) { invokeTool(input: $input) { __typename ... on TextMessage { text } ... on ToolInvocationFinished { invocation { status } } } }`;
      for await (const result of client.iterate<{ invokeTool: (typeof events)[number] }>({ query, variables: { input: { toolId: `${providerId}/split_sentences`, parameters: { text: 'One. Two! Three?' } } } })) {
        events.push(result.data!.invokeTool);
      }
      expect(events.filter((e) => e.__typename === 'TextMessage').length).toBeGreaterThanOrEqual(3);
      expect(events.at(-1)).toEqual({ __typename: 'ToolInvocationFinished', invocation: { status: 'SUCCEEDED' } });
    } finally {
      await client.dispose();
    }

    // Tool provider names are unique per workspace: a clash is a coded CONFLICT, and nothing is left half made.
    await createApiProvider(server.url, token, { name: 'Clashing', serverUrl: 'http://127.0.0.1:9' });
    const clash = await request(server.url, CreatePluginExtension, { input: { name: 'Clashing', pluginName: 'text-tools' } }, { token });
    expect(clash.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const retried = await request(server.url, CreatePluginExtension, { input: { name: 'Clashing', pluginName: 'text-tools' } }, { token });
    expect(retried.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect(retried.body.errors?.[0]?.message).toMatch(/tool provider/);

    await execute(server.url, DisablePlugin, { id: providerId }, { token });
    const gone = await request(server.url, InvokeTool, { input: { toolId: `${providerId}/slugify`, parameters: { text: 'x' } } }, { token });
    expect(gone.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('stops a plugin that loops with PLUGIN_TIMEOUT while the gateway keeps answering', async () => {
    const { createPluginExtension } = await execute(server.url, CreatePluginExtension, { input: { name: 'Looper', pluginName: 'looping-lookup' } }, { token });
    const started = Date.now();
    const looping = request(
      server.url,
      ExecuteExtension,
      { input: { extensionId: createPluginExtension.extension.id, input: { app_id: 'a', tool_variable: 'v', inputs: {}, query: 'q' } } },
      { token },
    );
    // Meanwhile other requests are served.
    const { plugins } = await execute(server.url, Plugins, {}, { token });
    expect(plugins.length).toBe(3);
    const { body } = await looping;
    expect(body.errors?.[0]?.extensions?.code).toBe('PLUGIN_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
  });
});

describe('installing plugins', () => {
  it('lets only a verified server administrator install, refuses downgrades, and upgrades enabled tools', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'plugboard-echo-'));
    try {
      const v1 = path.join(scratch, 'v1', 'package');
      await writeEchoPlugin(v1, '1.0.0', ['echo']);
      const memberFile = await upload(await packPlugin(v1), token);
      const refused = await request(server.url, InstallPlugin, { input: { fileId: memberFile } }, { token });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      // The administrator's address is listed and, once verified, trusted.
      const admin = await execute(server.url, SignUp, { input: { email: ADMIN, name: 'Admin', password: PASSWORD } });
      const adminToken = admin.signUp.token;
      await createWorkspace(server.url, adminToken, 'Admin space');
      const unverified = await request(server.url, InstallPlugin, { input: { path: v1 } }, { token: adminToken });
      expect(unverified.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const verification = await waitForMail(server.database.dataDir, ADMIN, /verify|confirm/i);
      await execute(server.url, VerifyEmail, { token: verification.token! }, { token: adminToken });

      const installed = await execute(server.url, InstallPlugin, { input: { fileId: await upload(await packPlugin(v1), adminToken) } }, { token: adminToken });
      expect(installed.installPlugin.plugin).toMatchObject({ name: 'echo-tools', version: '1.0.0', tools: [{ name: 'echo' }] });
      const { createPluginExtension } = await execute(server.url, CreatePluginExtension, { input: { name: 'Echo', pluginName: 'echo-tools' } }, { token: adminToken });
      const providerId = createPluginExtension.extension.id;
      const echoed = await execute(server.url, InvokeTool, { input: { toolId: `${providerId}/echo`, parameters: { text: 'hi' } } }, { token: adminToken });
      expect(echoed.invokeTool.messages).toEqual([{ __typename: 'TextMessage', text: 'echo:hi' }]);

      const older = path.join(scratch, 'v0');
      await writeEchoPlugin(older, '0.9.0', ['echo']);
      const downgrade = await request(server.url, InstallPlugin, { input: { path: older } }, { token: adminToken });
      expect(downgrade.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });

      const newer = path.join(scratch, 'v2');
      await writeEchoPlugin(newer, '2.0.0', ['echo', 'shout']);
      const upgraded = await execute(server.url, InstallPlugin, { input: { path: newer } }, { token: adminToken });
      expect(upgraded.installPlugin.plugin.tools.map((t) => t.name)).toEqual(['echo', 'shout']);
      const shout = await execute(server.url, InvokeTool, { input: { toolId: `${providerId}/shout`, parameters: { text: 'hey' } } }, { token: adminToken });
      expect(shout.invokeTool.messages).toEqual([{ __typename: 'TextMessage', text: 'shout:hey' }]);

      const broken = path.join(scratch, 'broken');
      await mkdir(broken);
      await writeFile(path.join(broken, 'plugboard.json'), JSON.stringify({ name: 'broken-plugin', version: '1.0.0' }));
      const invalid = await request(server.url, InstallPlugin, { input: { path: broken } }, { token: adminToken });
      expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(invalid.body.errors?.[0]?.message).toMatch(/plugboard\.json/);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
