import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVersions, isDowngrade, parsePluginManifest } from '../../src/extensions/plugins/manifest.js';
import { PluginHost } from '../../src/extensions/plugins/plugin-host.js';
import { discoverPlugins, extractPluginTarball, loadPluginFolder } from '../../src/extensions/plugins/plugin-loader.js';
import type { LoadedPlugin, PluginCall } from '../../src/extensions/plugins/plugin.types.js';
import { createLogger } from '../../src/logger.js';
import type { ToolMessage } from '../../src/tools/tool.types.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/plugins/', import.meta.url));
const REPO_PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url));
const CANARY = 'PLUGBOARD_PLUGIN_TEST_CANARY';
const log = createLogger('silent');

let tmp: string;
const hosts: PluginHost[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'plugboard-plugins-'));
  process.env[CANARY] = 'the gateway secret';
});

afterAll(async () => {
  // Every child process is killed and awaited: vitest would hang on them otherwise.
  await Promise.all(hosts.map((host) => host.close()));
  delete process.env[CANARY];
  await rm(tmp, { recursive: true, force: true });
});

function newHost(options: Partial<ConstructorParameters<typeof PluginHost>[0]> = {}): PluginHost {
  const host = new PluginHost({ log, allow: [], ...options });
  hosts.push(host);
  return host;
}

/** The error a promise rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('expected the promise to reject');
}

function manifestJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'sample', version: '1.0.0', author: 'Ada', description: 'A sample plugin', module: 'moderation', ...overrides };
}

const sampleTool = { name: 'echo', description: 'Echoes', parameters: [{ name: 'text', type: 'STRING', required: true, description: 'What to echo' }] };

/** Writes a plugin folder under the temp dir and loads it. */
async function makePlugin(folder: string, manifest: Record<string, unknown>, files: Record<string, string>): Promise<LoadedPlugin> {
  const dir = path.join(tmp, folder);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'plugboard.json'), JSON.stringify(manifestJson(manifest)));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return loadPluginFolder(dir);
}

async function invokeTool(host: PluginHost, plugin: string, tool: string, params: Record<string, unknown>, config = {}): Promise<ToolMessage[]> {
  const messages: ToolMessage[] = [];
  await host.call(plugin, { point: 'tool.invoke', tool, params }, { config, onMessage: (message) => messages.push(message) });
  return messages;
}

const moderate = (query: string, inputs: Record<string, unknown> = {}): PluginCall => ({ point: 'app.moderation.input', params: { app_id: 'app-1', inputs, query } });

describe('plugin manifest', () => {
  const problem = (json: unknown) => {
    try {
      parsePluginManifest(json, 'plugboard.json');
    } catch (err) {
      return err as Error & { code: string };
    }
    throw new Error('expected the manifest to be refused');
  };

  it('applies the defaults to a minimal manifest', () => {
    const manifest = parsePluginManifest(manifestJson(), 'plugboard.json');
    expect(manifest).toEqual({ ...manifestJson(), entry: 'index.mjs', config: [], tools: [], permissions: { hosts: [] } });
  });

  it('names every missing field and the source', () => {
    const err = problem({});
    expect(err.code).toBe('BAD_USER_INPUT');
    expect(err.message).toMatch(/^plugboard\.json: /);
    for (const field of ['name', 'version', 'author', 'description', 'module']) expect(err.message).toContain(`${field} is required`);
    expect(problem(manifestJson({ module: 'tool', tools: [{ description: 'x' }] })).message).toContain('plugboard.json: tools[0].name is required');
  });

  it('refuses an unknown module, a bad version, unknown keys and a bad name', () => {
    expect(problem(manifestJson({ module: 'workflow' })).message).toContain('module must be one of moderation, external_data_tool, tool');
    expect(problem(manifestJson({ version: '1.0' })).message).toContain('version must be a semantic version');
    expect(problem(manifestJson({ version: 'v1.0.0' })).message).toContain('version must be a semantic version');
    expect(problem(manifestJson({ permission: { hosts: [] } })).message).toContain('permission is not a known field');
    expect(problem(manifestJson({ permissions: { hosts: [], net: true } })).message).toContain('permissions.net is not a known field');
    expect(problem(manifestJson({ name: 'My Plugin' })).message).toContain('name must be lower-case');
    expect(problem(manifestJson({ author: '  ' })).message).toContain('author must not be empty');
  });

  it('keeps the entry inside the plugin folder', () => {
    expect(problem(manifestJson({ entry: '../outside.mjs' })).message).toContain('entry must stay inside the plugin folder');
    expect(problem(manifestJson({ entry: 'lib/../../x.mjs' })).message).toContain('entry must stay inside the plugin folder');
    expect(problem(manifestJson({ entry: '/etc/passwd.mjs' })).message).toContain('entry must be a relative path inside the plugin, not an absolute one');
    expect(problem(manifestJson({ entry: 'index.ts' })).message).toContain('entry must be an ES module file');
    expect(parsePluginManifest(manifestJson({ entry: './lib/main.mjs' }), 'x').entry).toBe('lib/main.mjs');
  });

  it('checks tools: required and non-empty for tool plugins, refused for others, unique names and parameters', () => {
    expect(problem(manifestJson({ module: 'tool' })).message).toContain('tools is required for a tool plugin');
    expect(problem(manifestJson({ module: 'tool', tools: [] })).message).toContain('tools must list at least one tool');
    expect(problem(manifestJson({ tools: [sampleTool] })).message).toContain('tools is only allowed for a tool plugin');
    expect(problem(manifestJson({ module: 'tool', tools: [sampleTool, sampleTool] })).message).toContain('tools[1].name is used by another tool');
    const badParameters = { ...sampleTool, parameters: [{ name: 'n', type: 'FLOAT', description: 'x' }, { name: 'mode', type: 'SELECT', description: 'x' }] };
    const message = problem(manifestJson({ module: 'tool', tools: [badParameters] })).message;
    expect(message).toContain('tools[0].parameters[0].type must be one of STRING');
    expect(message).toContain('tools[0].parameters[1].options is required for a SELECT parameter');
    const duplicated = { ...sampleTool, parameters: [sampleTool.parameters[0], sampleTool.parameters[0]] };
    expect(problem(manifestJson({ module: 'tool', tools: [duplicated] })).message).toContain('tools[0].parameters[1].name is used by another parameter');
    const badDefault = { ...sampleTool, parameters: [{ name: 'n', type: 'INTEGER', description: 'x', default: 1.5 }] };
    expect(problem(manifestJson({ module: 'tool', tools: [badDefault] })).message).toContain('tools[0].parameters[0].default must be an integer');
  });

  it('checks configuration form fields', () => {
    const field = { name: 'level', label: 'Level', type: 'select', options: ['low', 'high'], default: 'low' };
    expect(parsePluginManifest(manifestJson({ config: [field] }), 'x').config[0]).toEqual({ ...field, required: false });
    expect(problem(manifestJson({ config: [{ ...field, options: undefined }] })).message).toContain('config[0].options is required for a select field');
    expect(problem(manifestJson({ config: [{ ...field, type: 'string' }] })).message).toContain('config[0].options is only allowed for a select field');
    expect(problem(manifestJson({ config: [{ ...field, default: 'medium' }] })).message).toContain('config[0].default must be one of the options');
    expect(problem(manifestJson({ config: [{ name: 'n', label: 'N', type: 'number', default: '3' }] })).message).toContain('config[0].default must be a number');
    expect(problem(manifestJson({ config: [{ name: 'k', label: 'Key', type: 'secret', default: 'x' }] })).message).toContain('config[0].default is not allowed for a secret field');
    expect(problem(manifestJson({ config: [{ name: 'k', label: 'K', type: 'color' }] })).message).toContain('config[0].type must be one of string, number');
    expect(problem(manifestJson({ config: [field, field] })).message).toContain('config[1].name is used by another field');
  });

  it('accepts hostnames and host:port in permissions.hosts, nothing else', () => {
    const hostsOf = (list: string[]) => parsePluginManifest(manifestJson({ permissions: { hosts: list } }), 'x').permissions.hosts;
    expect(hostsOf(['API.Example.com', '*.example.org', '127.0.0.1:8080', '[2001:db8::1]:443'])).toEqual(['api.example.com', '*.example.org', '127.0.0.1:8080', '[2001:db8::1]:443']);
    for (const bad of ['https://example.com', 'example.com/path', '*', '*.com', 'ex*.com', 'a.*.example.com', 'example.com:0', 'example.com:99999', 'user@example.com', '2001:db8::1']) {
      expect(problem(manifestJson({ permissions: { hosts: [bad] } })).message, bad).toContain('permissions.hosts[0] ');
    }
  });
});

describe('version comparison', () => {
  it('follows semver precedence', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.9.0', '1.10.0', '2.0.0', '99999999999999999999.0.0'];
    for (let i = 0; i < ordered.length - 1; i++) {
      expect(compareVersions(ordered[i]!, ordered[i + 1]!), `${ordered[i]} < ${ordered[i + 1]}`).toBe(-1);
      expect(compareVersions(ordered[i + 1]!, ordered[i]!)).toBe(1);
    }
    expect(compareVersions('1.2.3+build.5', '1.2.3')).toBe(0);
    expect(() => compareVersions('1.2', '1.2.0')).toThrow(/not a semantic version/);
  });

  it('detects downgrades', () => {
    expect(isDowngrade('1.2.0', '1.1.9')).toBe(true);
    expect(isDowngrade('1.2.0', '1.2.0-rc.1')).toBe(true);
    expect(isDowngrade('1.2.0', '1.2.0')).toBe(false);
    expect(isDowngrade('1.2.0', '1.10.0')).toBe(false);
  });
});

describe('plugin tarballs', () => {
  let source: string;

  beforeAll(async () => {
    source = path.join(tmp, 'tar-src');
    await cp(path.join(EXAMPLES, 'keyword-moderation'), path.join(source, 'package'), { recursive: true });
  });

  async function extractInto(archive: string): Promise<{ result: string | Error; target: string }> {
    const target = await mkdtemp(path.join(tmp, 'unpacked-'));
    try {
      return { result: await extractPluginTarball(archive, target), target };
    } catch (err) {
      return { result: err as Error, target };
    }
  }

  it('unpacks an npm-pack style tarball (package/ prefix) into a loadable plugin', async () => {
    const archive = path.join(tmp, 'good.tgz');
    await tar.c({ gzip: true, file: archive, cwd: source }, ['package']);
    const { result } = await extractInto(archive);
    expect(typeof result).toBe('string');
    expect(path.basename(result as string)).toBe('package');
    const plugin = await loadPluginFolder(result as string);
    expect(plugin.manifest.name).toBe('keyword-moderation');
  });

  it('unpacks a tarball with the files at its root', async () => {
    const archive = path.join(tmp, 'root.tgz');
    await tar.c({ gzip: true, file: archive, cwd: path.join(source, 'package') }, ['plugboard.json', 'index.mjs']);
    const { result, target } = await extractInto(archive);
    expect(result).toBe(target);
    expect((await loadPluginFolder(target)).manifest.module).toBe('moderation');
  });

  it('refuses entries with "..", absolute paths and links leaving the plugin, leaving nothing behind', async () => {
    const nested = path.join(source, 'nested');
    await mkdir(nested, { recursive: true });
    await writeFile(path.join(source, 'evil.txt'), 'outside');

    const dotdot = path.join(tmp, 'dotdot.tgz');
    await tar.c({ gzip: true, file: dotdot, cwd: nested, preservePaths: true }, ['../evil.txt']);
    const absolute = path.join(tmp, 'absolute.tgz');
    await tar.c({ gzip: true, file: absolute, cwd: source, preservePaths: true }, [path.join(source, 'evil.txt')]);
    const linkDir = path.join(tmp, 'link-src', 'package');
    await mkdir(linkDir, { recursive: true });
    await writeFile(path.join(linkDir, 'plugboard.json'), '{}');
    await symlink('../../../../../../../../etc/passwd', path.join(linkDir, 'passwd'));
    const symlinked = path.join(tmp, 'symlink.tgz');
    await tar.c({ gzip: true, file: symlinked, cwd: path.dirname(linkDir) }, ['package']);
    // A hard link naming a path outside the archive, written by hand (tar never makes one).
    const header = new tar.Header({ path: 'package/shadow', type: 'Link', linkpath: '../../etc/shadow', size: 0, mode: 0o644, mtime: new Date() });
    header.encode();
    const hardlinked = path.join(tmp, 'hardlink.tar');
    await writeFile(hardlinked, Buffer.concat([header.block!, Buffer.alloc(1024)]));

    for (const [archive, expected] of [
      [dotdot, 'contains ".."'],
      [absolute, 'is an absolute path'],
      [symlinked, 'points outside the plugin'],
      [hardlinked, 'target contains ".."'],
    ] as const) {
      const { result, target } = await extractInto(archive);
      expect(result, archive).toBeInstanceOf(Error);
      expect((result as Error & { code: string }).code).toBe('BAD_USER_INPUT');
      expect((result as Error).message).toContain(expected);
      expect(await readdir(target)).toEqual([]);
    }
  });

  it('refuses more than 1000 entries and more than 50 MB unpacked', async () => {
    const many = path.join(tmp, 'many', 'package');
    await mkdir(many, { recursive: true });
    await Promise.all(Array.from({ length: 1001 }, (_, i) => writeFile(path.join(many, `f${i}.txt`), 'x')));
    const manyArchive = path.join(tmp, 'many.tgz');
    await tar.c({ gzip: true, file: manyArchive, cwd: path.dirname(many) }, ['package']);
    expect(((await extractInto(manyArchive)).result as Error).message).toContain('more than 1000 entries');

    const big = path.join(tmp, 'big', 'package');
    await mkdir(big, { recursive: true });
    await writeFile(path.join(big, 'blob.bin'), '');
    await truncate(path.join(big, 'blob.bin'), 51 * 1024 * 1024);
    const bigArchive = path.join(tmp, 'big.tgz');
    await tar.c({ gzip: true, file: bigArchive, cwd: path.dirname(big) }, ['package']);
    const { result, target } = await extractInto(bigArchive);
    expect((result as Error).message).toContain('more than 50 MB unpacked');
    expect(await readdir(target)).toEqual([]);
  });
});

describe('plugin discovery', () => {
  it('loads the good plugins and reports the broken one and the older duplicate', async () => {
    const root = path.join(tmp, 'discovery');
    await cp(path.join(EXAMPLES, 'keyword-moderation'), path.join(root, 'a-moderation'), { recursive: true });
    await cp(path.join(EXAMPLES, 'text-tools'), path.join(root, 'b-tools'), { recursive: true });
    await mkdir(path.join(root, 'c-broken'), { recursive: true });
    await writeFile(path.join(root, 'c-broken', 'plugboard.json'), JSON.stringify(manifestJson({ version: 'one' })));
    await writeFile(path.join(root, 'notes.txt'), 'not a plugin');

    let found = await discoverPlugins(root);
    expect(found.plugins.map((plugin) => plugin.manifest.name).sort()).toEqual(['keyword-moderation', 'text-tools']);
    expect(found.errors).toEqual([{ dir: path.join(root, 'c-broken'), message: expect.stringContaining('version must be a semantic version') }]);

    // An older copy of text-tools loses to the installed 1.0.0, whatever its folder name.
    await cp(path.join(EXAMPLES, 'text-tools'), path.join(root, 'a-old-tools'), { recursive: true });
    const oldManifest = JSON.parse(await readFile(path.join(root, 'a-old-tools', 'plugboard.json'), 'utf8'));
    await writeFile(path.join(root, 'a-old-tools', 'plugboard.json'), JSON.stringify({ ...oldManifest, version: '0.9.0' }));
    found = await discoverPlugins(root);
    expect(found.plugins.find((plugin) => plugin.manifest.name === 'text-tools')?.dir).toBe(path.join(root, 'b-tools'));
    expect(found.errors).toContainEqual({ dir: path.join(root, 'a-old-tools'), message: expect.stringContaining('0.9.0 is ignored: 1.0.0 is also installed') });
  });

  it('refuses a folder whose entry is missing or that links outside itself', async () => {
    const missing = path.join(tmp, 'no-entry');
    await mkdir(missing, { recursive: true });
    await writeFile(path.join(missing, 'plugboard.json'), JSON.stringify(manifestJson()));
    await expect(loadPluginFolder(missing)).rejects.toThrow('entry "index.mjs" does not exist');

    const linked = path.join(tmp, 'linked');
    await cp(path.join(EXAMPLES, 'keyword-moderation'), linked, { recursive: true });
    await symlink(REPO_PACKAGE_JSON, path.join(linked, 'data.json'));
    await expect(loadPluginFolder(linked)).rejects.toThrow('data.json is a symbolic link pointing outside the plugin folder');
  });
});

describe('plugin host: example plugins', () => {
  let host: PluginHost;

  beforeAll(async () => {
    host = newHost();
    await host.register(await loadPluginFolder(path.join(EXAMPLES, 'keyword-moderation')));
    await host.register(await loadPluginFolder(path.join(EXAMPLES, 'text-tools')));
  });

  it('moderates inputs and outputs with keyword-moderation', async () => {
    expect(host.state('keyword-moderation')).toBe('STOPPED');
    const config = { keywords: 'secret\n/\\bpass(word)?\\b/i' };
    expect(await host.call('keyword-moderation', moderate('what is the SECRET plan?'), { config })).toEqual({
      flagged: true,
      action: 'direct_output',
      preset_response: 'Your message was blocked.',
    });
    expect(host.state('keyword-moderation')).toBe('RUNNING');
    expect(await host.call('keyword-moderation', moderate('hello', { topic: 'my Password' }), { config: { ...config, preset_response: 'Nope.' } })).toMatchObject({
      flagged: true,
      preset_response: 'Nope.',
    });
    expect(await host.call('keyword-moderation', moderate('a harmless question'), { config })).toEqual({ flagged: false, action: 'direct_output' });
    const output: PluginCall = { point: 'app.moderation.output', params: { app_id: 'app-1', text: 'the pass is 1234' } };
    expect(await host.call('keyword-moderation', output, { config })).toMatchObject({ flagged: true, action: 'direct_output' });
  });

  it('returns and streams tool messages with text-tools', async () => {
    expect(await invokeTool(host, 'text-tools', 'word_count', { text: 'one two\nthree' })).toEqual([{ type: 'JSON', json: { words: 3, characters: 13, lines: 2 } }]);
    expect(await invokeTool(host, 'text-tools', 'slugify', { text: 'Héllo, Wörld!' })).toEqual([{ type: 'TEXT', text: 'hello-world' }]);
    expect(await invokeTool(host, 'text-tools', 'slugify', { text: 'Héllo, Wörld!', separator: '_' })).toEqual([{ type: 'TEXT', text: 'hello_world' }]);
    expect(await invokeTool(host, 'text-tools', 'split_sentences', { text: 'One. Two! Three?' })).toEqual([
      { type: 'TEXT', text: 'One.' },
      { type: 'TEXT', text: 'Two!' },
      { type: 'TEXT', text: 'Three?' },
    ]);
  });

  it('refuses points and tools the plugin does not implement', async () => {
    const wrongPoint = await failure(host.call('text-tools', moderate('x'), { config: {} }));
    expect(wrongPoint).toMatchObject({ code: 'PLUGIN_ERROR', message: expect.stringContaining('does not implement app.moderation.input') });
    const unknownTool = await failure(invokeTool(host, 'text-tools', 'nope', {}));
    expect(unknownTool).toMatchObject({ code: 'PLUGIN_ERROR', message: expect.stringContaining('does not implement tool.invoke for tool "nope"') });
    expect(await failure(host.call('missing', moderate('x'), { config: {} }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('plugin host: ctx.fetch', () => {
  let server: http.Server;
  let port: number;
  let otherPort: number;
  const requests: string[] = [];
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.url === '/big') return res.end('x'.repeat(2 * 1024 * 1024));
      if (req.url === '/echo') {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => res.end(`echo:${body}`));
        return;
      }
      res.setHeader('content-type', 'text/html');
      res.end('<html><head><title>Local &amp; Test</title></head></html>');
    });
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
    const other = http.createServer();
    other.listen(0, '127.0.0.1');
    await once(other, 'listening');
    otherPort = (other.address() as AddressInfo).port;
    other.close();
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  /** text-tools with permissions.hosts pointing at the local server. */
  async function localTextTools(): Promise<LoadedPlugin> {
    const dir = path.join(tmp, 'text-tools-local');
    await cp(path.join(EXAMPLES, 'text-tools'), dir, { recursive: true });
    const manifest = JSON.parse(await readFile(path.join(dir, 'plugboard.json'), 'utf8'));
    await writeFile(path.join(dir, 'plugboard.json'), JSON.stringify({ ...manifest, permissions: { hosts: [`127.0.0.1:${port}`] } }));
    return loadPluginFolder(dir);
  }

  it('reaches a declared host, and only that one', async () => {
    const host = newHost({ allow: ['127.0.0.1'] });
    await host.register(await localTextTools());
    expect(await invokeTool(host, 'text-tools', 'fetch_title', { url: `http://127.0.0.1:${port}/page` })).toEqual([
      { type: 'LINK', url: `http://127.0.0.1:${port}/page`, title: 'Local & Test' },
      { type: 'TEXT', text: 'Local & Test' },
    ]);
    expect(requests).toContain('GET /page');

    const blocked = await failure(invokeTool(host, 'text-tools', 'fetch_title', { url: `http://127.0.0.1:${otherPort}/` }));
    expect(blocked).toMatchObject({ code: 'DESTINATION_BLOCKED', message: expect.stringContaining(`may not reach 127.0.0.1:${otherPort}`) });
    const elsewhere = await failure(invokeTool(host, 'text-tools', 'fetch_title', { url: 'http://169.254.169.254/latest/meta-data/' }));
    expect(elsewhere.code).toBe('DESTINATION_BLOCKED');
  });

  it('still applies the SSRF guard to declared hosts', async () => {
    const host = newHost({ allow: [] });
    await host.register(await localTextTools());
    const before = requests.length;
    const blocked = await failure(invokeTool(host, 'text-tools', 'fetch_title', { url: `http://127.0.0.1:${port}/page` }));
    expect(blocked.code).toBe('DESTINATION_BLOCKED');
    expect(requests.length).toBe(before);
  });

  it('sends bodies and caps responses (external_data_tool)', async () => {
    const host = newHost({ allow: ['127.0.0.1'] });
    const plugin = await makePlugin(
      'fetcher',
      { name: 'fetcher', module: 'external_data_tool', permissions: { hosts: ['127.0.0.1'] } },
      {
        'index.mjs': `
          export async function query({ inputs }, ctx) {
            try {
              const res = await ctx.fetch(inputs.url, { method: 'POST', body: new TextEncoder().encode('héllo') });
              return await res.text();
            } catch (err) {
              return 'failed:' + err.code;
            }
          }`,
      },
    );
    await host.register(plugin);
    const call = (url: string): PluginCall => ({ point: 'app.external_data_tool.query', params: { app_id: 'a', tool_variable: 'v', inputs: { url }, query: 'q' } });
    expect(await host.call('fetcher', call(`http://127.0.0.1:${port}/echo`), { config: {} })).toBe('echo:héllo');
    expect(await host.call('fetcher', call(`http://127.0.0.1:${port}/big`), { config: {} })).toBe('failed:RESPONSE_TOO_LARGE');
  });
});

/** One plugin that misbehaves on request (the query says how), written into the temp dir. */
const HOSTILE = `
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const ok = (inputs) => ({ flagged: false, action: 'direct_output', inputs });

async function probe(fn) {
  try {
    const value = await fn();
    return 'allowed: ' + String(typeof value === 'object' ? Object.keys(value ?? {}).slice(0, 5) : value).slice(0, 80);
  } catch (err) {
    return 'refused: ' + (err?.code ?? err?.name) + ' ' + String(err?.message).slice(0, 100);
  }
}

async function escapes({ outsideFile, otherPluginFile }) {
  const cjs = await import('./probes.cjs');
  return {
    env: Object.keys(process.env),
    readOwnFolder: await probe(() => fs.readFileSync('plugboard.json', 'utf8').length),
    probes: {
      readGatewayFile: await probe(() => fs.readFileSync(outsideFile, 'utf8')),
      readOtherPlugin: await probe(() => fs.readFileSync(otherPluginFile, 'utf8')),
      readPasswd: await probe(() => fs.readFileSync('/etc/passwd', 'utf8')),
      readGatewayEnviron: await probe(() => fs.readFileSync('/proc/' + process.ppid + '/environ', 'utf8')),
      readViaTraversal: await probe(() => fs.readFileSync(process.cwd() + '/../../../../../../etc/passwd', 'utf8')),
      readViaBuffer: await probe(() => fs.readFileSync(Buffer.from(outsideFile), 'utf8')),
      readViaFileUrl: await probe(() => fs.readFileSync(new URL('file://' + outsideFile), 'utf8')),
      readViaChdir: await probe(() => { process.chdir('/'); try { return fs.readFileSync('etc/passwd', 'utf8'); } finally { process.chdir(import.meta.dirname); } }),
      writeOwnFolder: await probe(() => fs.writeFileSync('written.txt', 'x')),
      importNet: await probe(() => import('node:net')),
      importBareNet: await probe(() => import('net')),
      importHttp: await probe(() => import('node:http')),
      importHttps: await probe(() => import('node:https')),
      importHttp2: await probe(() => import('node:http2')),
      importTls: await probe(() => import('node:tls')),
      importDgram: await probe(() => import('node:dgram')),
      importDns: await probe(() => import('node:dns')),
      importTty: await probe(() => import('node:tty')),
      importChildProcess: await probe(() => import('node:child_process')),
      importWorkerThreads: await probe(() => import('node:worker_threads')),
      importCluster: await probe(() => import('node:cluster')),
      importVm: await probe(() => import('node:vm')),
      importInspector: await probe(() => import('node:inspector')),
      importV8: await probe(() => import('node:v8')),
      importSqlite: await probe(() => import('node:sqlite')),
      importFromDataUrl: await probe(() => import('data:text/javascript,export * from "node:net"')),
      requireNet: await probe(() => require('net')),
      requireChildProcess: await probe(() => require('node:child_process')),
      requireFromCommonJs: await probe(() => cjs.requireNet()),
      moduleLoadFromCommonJs: await probe(() => cjs.loadNet()),
      registerHooksFromCommonJs: await probe(() => cjs.registerHooks()),
      getBuiltinModule: await probe(() => process.getBuiltinModule('node:child_process')),
      asyncHooksCreateHook: await probe(() => require('async_hooks').createHook({}).enable()),
      moduleRegister: await probe(() => require('module').register('data:text/javascript,')),
      globalFetch: await probe(() => fetch('http://127.0.0.1:9/')),
      globalWebSocket: await probe(() => new WebSocket('ws://127.0.0.1:9/')),
      processBinding: await probe(() => process.binding('tcp_wrap')),
      dlopen: await probe(() => process.dlopen({ exports: {} }, './addon.node')),
      execve: await probe(() => (process.execve ? process.execve('/bin/true', ['true']) : require('child_process'))),
      signalGateway: await probe(() => process.kill(process.ppid, 0)),
      signalProcessGroup: await probe(() => process.kill(0, 0)),
      signalWithForgedPid: await probe(() => {
        const pid = process.pid;
        Object.defineProperty(process, 'pid', { value: process.ppid, configurable: true });
        try { return process.kill(process.ppid, 0); } finally { Object.defineProperty(process, 'pid', { value: pid, configurable: true }); }
      }),
      inspectorBySignal: await probe(() => process._debugProcess(process.pid)),
      activeHandles: await probe(() => process._getActiveHandles()),
      stdoutSocket: await probe(() => { if (process.stdout.constructor.name === 'Socket') return 'a net.Socket'; throw new Error(process.stdout.constructor.name); }),
      stdinSocket: await probe(() => { if (process.stdin.constructor.name === 'Socket') return 'a net.Socket'; throw new Error(process.stdin.constructor.name); }),
      undiciDispatcher: await probe(() => { const agent = globalThis[Symbol.for('undici.globalDispatcher.1')]; if (agent) return agent; throw new Error('no global dispatcher'); }),
    },
  };
}

export async function moderateInput({ query, inputs }, ctx) {
  switch (query) {
    case 'ok': return ok({ pid: process.pid });
    case 'throw': throw new Error('   boom ' + 'x'.repeat(1000) + '   ');
    case 'throw-string': throw 'plain string';
    case 'loop': for (;;) {}
    case 'heap': { const hog = []; for (;;) hog.push({ n: Math.random(), s: 'x' + Math.random() }); }
    case 'buffers': { const hog = []; for (;;) { hog.push(Buffer.alloc(8 * 1024 * 1024, 1)); await new Promise((r) => setTimeout(r, 2)); } }
    case 'exit': process.exit(3);
    case 'garbage-ipc': fs.writeSync(3, 'this is not JSON\\n'); return new Promise(() => {});
    case 'flood-ipc': { const chunk = 'x'.repeat(64 * 1024); for (;;) { try { fs.writeSync(3, chunk); } catch {} await new Promise((r) => setTimeout(r, 1)); } }
    case 'async-crash': setTimeout(() => { throw new Error('late failure'); }, 0); return new Promise(() => {});
    case 'wait-for-cancel': await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve)); return ok({});
    case 'bad-shape': return { flagged: 'yes' };
    case 'bigint': return { flagged: false, n: 10n };
    case 'huge': return { flagged: false, action: 'direct_output', query: 'x'.repeat(1100 * 1024) };
    case 'escape': return ok(await escapes(inputs));
    case 'tamper': {
      // The in-thread resolve hook (Node 22.15+/24) must not depend on prototypes the plugin can replace.
      const saved = { startsWith: String.prototype.startsWith, slice: String.prototype.slice };
      String.prototype.startsWith = () => false;
      String.prototype.slice = () => 'fs';
      const outcome = [];
      try { await import('node:child_process'); outcome.push('import allowed'); } catch { outcome.push('import refused'); }
      try { process.getBuiltinModule('child_process'); outcome.push('getBuiltinModule allowed'); } catch { outcome.push('getBuiltinModule refused'); }
      try { require('child_process'); outcome.push('require allowed'); } catch { outcome.push('require refused'); }
      Object.assign(String.prototype, saved);
      return ok({ outcome });
    }
    default: return ok({});
  }
}
`;

const PROBES_CJS = `
exports.requireNet = () => require('net');
exports.loadNet = () => module.constructor._load('net', module, false);
exports.registerHooks = () => module.constructor.registerHooks({ resolve: (s, c, n) => n(s, c) });
`;

describe('plugin host: hostile plugins', () => {
  let host: PluginHost;
  let hostile: LoadedPlugin;

  beforeAll(async () => {
    host = newHost({ memoryMb: 64, maxRestarts: 100 });
    hostile = await makePlugin('hostile', { name: 'hostile' }, { 'index.mjs': HOSTILE, 'probes.cjs': PROBES_CJS, 'addon.node': 'not really an addon' });
    await host.register(hostile);
    await host.register(await loadPluginFolder(path.join(EXAMPLES, 'keyword-moderation')));
  });

  const call = (query: string, timeoutMs = 10_000, inputs: Record<string, unknown> = {}) => host.call('hostile', moderate(query, inputs), { config: {}, timeoutMs });
  const pidOf = async () => ((await call('ok')) as { inputs: { pid: number } }).inputs.pid;

  it('cannot reach the environment, files, network, processes or the gateway', async () => {
    const result = (await call('escape', 10_000, {
      outsideFile: REPO_PACKAGE_JSON,
      otherPluginFile: path.join(EXAMPLES, 'text-tools', 'index.mjs'),
    })) as { inputs: { env: string[]; readOwnFolder: string; probes: Record<string, string> } };
    const { env, readOwnFolder, probes } = result.inputs;
    expect(env).not.toContain(CANARY);
    expect(env).toEqual([]);
    expect(readOwnFolder).toMatch(/^allowed/);
    const allowed = Object.entries(probes).filter(([, outcome]) => !outcome.startsWith('refused'));
    expect(allowed).toEqual([]);
    expect(probes.readGatewayFile).toContain('ERR_ACCESS_DENIED');
    expect(probes.writeOwnFolder).toContain('ERR_ACCESS_DENIED');
    expect(probes.importNet).toContain('Plugins may not use node:net');
    expect(probes.importChildProcess).toContain('Plugins may not use node:child_process');
    expect(probes.processBinding).toContain('ERR_ACCESS_DENIED');
    expect(probes.signalGateway).toContain('EPERM');
  });

  it('keeps the import gate closed after the plugin replaces String.prototype methods', async () => {
    const result = (await call('tamper')) as { inputs: { outcome: string[] } };
    expect(result.inputs.outcome).toEqual(['import refused', 'getBuiltinModule refused', 'require refused']);
  });

  it('turns a thrown error into PLUGIN_ERROR (trimmed, no stack) and keeps serving', async () => {
    const err = await failure(call('throw'));
    expect(err.code).toBe('PLUGIN_ERROR');
    expect(err.message.startsWith('boom xxx')).toBe(true);
    expect(err.message.length).toBeLessThanOrEqual(500);
    expect(err.message).not.toMatch(/\bat .*index\.mjs/);
    expect(await failure(call('throw-string'))).toMatchObject({ code: 'PLUGIN_ERROR', message: 'plain string' });
    const pid = await pidOf();
    expect(await pidOf()).toBe(pid);
  });

  it('kills a looping call at its time limit, restarts on the next call, and keeps other plugins answering', async () => {
    const before = await pidOf();
    const other = () => host.call('keyword-moderation', moderate('fine'), { config: { keywords: 'bad' } });
    await other();
    const started = Date.now();
    const looping = failure(call('loop', 1500));
    // The gateway and other plugins keep serving while the hostile plugin spins.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const otherStarted = Date.now();
    const verdict = await other();
    expect(verdict).toEqual({ flagged: false, action: 'direct_output' });
    expect(Date.now() - otherStarted).toBeLessThan(1000);

    const err = await looping;
    expect(err.code).toBe('PLUGIN_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - started).toBeLessThan(1500 + 1000);
    expect(host.state('hostile')).toBe('RESTARTING');
    expect(await pidOf()).not.toBe(before);
    expect(host.state('hostile')).toBe('RUNNING');
  });

  it('reports a heap overrun as PLUGIN_CRASHED and recovers', async () => {
    expect(await failure(call('heap', 20_000))).toMatchObject({ code: 'PLUGIN_CRASHED', message: expect.stringContaining('out of memory') });
    expect(await pidOf()).toBeGreaterThan(0);
  });

  it('kills a process whose off-heap memory grows past the limit', async () => {
    expect(await failure(call('buffers', 20_000))).toMatchObject({ code: 'PLUGIN_CRASHED', message: expect.stringContaining('memory limit') });
    expect(await pidOf()).toBeGreaterThan(0);
  });

  it('reports an exit and an uncaught asynchronous exception as PLUGIN_CRASHED', async () => {
    expect(await failure(call('exit'))).toMatchObject({ code: 'PLUGIN_CRASHED', message: expect.stringContaining('exit code 3') });
    expect(await failure(call('async-crash'))).toMatchObject({ code: 'PLUGIN_CRASHED', message: expect.stringContaining('late failure') });
  });

  it('stops a process that writes garbage to its channel, without disturbing the gateway', async () => {
    // Node's own parent-side IPC would throw this line as an uncaught exception in the gateway.
    expect(await failure(call('garbage-ipc'))).toMatchObject({ code: 'PLUGIN_CRASHED', message: expect.stringContaining('broke the sandbox protocol') });
    expect(await failure(call('flood-ipc'))).toMatchObject({ code: 'PLUGIN_CRASHED', message: expect.stringContaining('broke the sandbox protocol') });
    expect(await pidOf()).toBeGreaterThan(0);
  });

  it('refuses invalid output with PLUGIN_OUTPUT_INVALID', async () => {
    expect(await failure(call('bad-shape'))).toMatchObject({ code: 'PLUGIN_OUTPUT_INVALID', message: expect.stringContaining('flagged') });
    expect(await failure(call('bigint'))).toMatchObject({ code: 'PLUGIN_OUTPUT_INVALID', message: expect.stringContaining('JSON') });
    expect(await failure(call('huge'))).toMatchObject({ code: 'PLUGIN_OUTPUT_INVALID', message: expect.stringContaining('larger than') });
  });

  it('ends an aborted call at once without restarting the plugin', async () => {
    const pid = await pidOf();
    const controller = new AbortController();
    const pending = host.call('hostile', moderate('wait-for-cancel'), { config: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const err = await failure(pending);
    expect(err.name).toBe('AbortError');
    expect(await pidOf()).toBe(pid);
  });

  it('refuses a plugin that imports a forbidden module at load time', async () => {
    await host.register(await makePlugin('net-importer', { name: 'net-importer' }, { 'index.mjs': "import net from 'node:net';\nexport const moderateInput = () => net;" }));
    const err = await failure(host.call('net-importer', moderate('x'), { config: {} }));
    expect(err).toMatchObject({ code: 'PLUGIN_ERROR', message: expect.stringContaining('failed to load: Plugins may not use node:net') });
  });
});

describe('plugin host: lifecycle', () => {
  it('disables a plugin that keeps crashing, until it is registered again', async () => {
    const host = newHost({ maxRestarts: 2 });
    const crasher = await makePlugin('crasher', { name: 'crasher' }, { 'index.mjs': 'export function moderateInput() { process.exit(1); }' });
    await host.register(crasher);
    for (let i = 0; i < 3; i++) expect((await failure(host.call('crasher', moderate('x'), { config: {} }))).code).toBe('PLUGIN_CRASHED');
    expect(host.state('crasher')).toBe('DISABLED');
    expect(await failure(host.call('crasher', moderate('x'), { config: {} }))).toMatchObject({ code: 'PLUGIN_DISABLED' });
    await host.register(crasher);
    expect(host.state('crasher')).toBe('STOPPED');
    expect((await failure(host.call('crasher', moderate('x'), { config: {} }))).code).toBe('PLUGIN_CRASHED');
  });

  it('starts eagerly on request, stops when idle, and serves new code after re-registering', async () => {
    const host = newHost({ idleMs: 200 });
    const dir = path.join(tmp, 'versioned');
    const v1 = await makePlugin('versioned', { name: 'versioned' }, { 'index.mjs': "export const moderateInput = () => ({ flagged: false, query: 'v1' });" });
    await host.register(v1);
    await host.start('versioned');
    expect(host.state('versioned')).toBe('RUNNING');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(host.state('versioned')).toBe('STOPPED');

    expect(await host.call('versioned', moderate('x'), { config: {} })).toMatchObject({ query: 'v1' });
    await writeFile(path.join(dir, 'index.mjs'), "export const moderateInput = () => ({ flagged: false, query: 'v2' });");
    await writeFile(path.join(dir, 'plugboard.json'), JSON.stringify(manifestJson({ name: 'versioned', version: '1.1.0' })));
    await host.register(await loadPluginFolder(dir));
    expect(await host.call('versioned', moderate('x'), { config: {} })).toMatchObject({ query: 'v2' });

    await host.unregister('versioned');
    expect(host.state('versioned')).toBeUndefined();
    expect(await failure(host.call('versioned', moderate('x'), { config: {} }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
