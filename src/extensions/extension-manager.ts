/**
 * The ExtensionManager: the extension points (modules) Plugboard offers, the extensions a
 * workspace registers for them, and their execution. An extension is an API endpoint
 * speaking Dify's API-based extension protocol (checked with `ping` when saved) or an
 * installed code plugin. Every execution is checked against the module's contract on the
 * way in and out, and recorded (who, which point, status, error code, duration).
 */
import { AppError, ConflictError, ExtensionOutputInvalidError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { requireWorkspaceRole, roleAtLeast, type Viewer } from '../identity/viewer.js';
import type { Logger } from '../logger.js';
import { checkHttpUrl } from '../platform/mail/templates/render.js';
import { maskSecret } from '../platform/secrets/mask.js';
import { checkName, checkText, oneOf } from '../shared/input.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { callApiExtension, pingApiExtension } from './api-extension.client.js';
import { checkConfig, maskedConfig } from './config-form.js';
import { EXECUTION_STATUSES, EXTENSION_KINDS, type ExtensionExecution, type ExtensionRecord } from './extension.entities.js';
import type { ExtensionRepository } from './extension.repository.js';
import { contractViolation, EXTENSION_MODULES_INFO, moduleInfo, type ExtensionModule } from './extension-modules.js';
import { apiKeyContext, configSecretsContext, type ExtensionRuntime } from './extension-runtime.js';
import { EXTENSION_MODULES, type PluginCall } from './plugins/plugin.types.js';
import { sealCredentials } from '../tools/api/api-credentials.js';
import path from 'node:path';
import type { InstalledPlugin } from './extension.entities.js';
import { placePlugin } from './plugins/plugin-installer.js';
import { installPlugin } from './plugins/plugin-registry.js';

export type ExtensionPage = Page<ExtensionRecord>;
export type ExtensionEdge = ExtensionPage['edges'][number];
export type ExecutionPage = Page<ExtensionExecution>;
export type ExecutionEdge = ExecutionPage['edges'][number];

export interface ApiExtensionInput {
  name: string;
  description?: string | null;
  module: string;
  endpoint: string;
  apiKey: string;
  config?: unknown;
}

export interface ApiExtensionUpdate {
  id: string;
  name?: string | null;
  description?: string | null;
  endpoint?: string | null;
  apiKey?: string | null;
  config?: unknown;
}

export interface PluginExtensionInput {
  name: string;
  description?: string | null;
  pluginName: string;
  config?: unknown;
}

export interface ExecutionResult {
  execution: ExtensionExecution;
  output: unknown;
}

const MAX_API_KEY = 1024;
const MAX_PLUGIN_PACKAGE_BYTES = 10 * 1024 * 1024;

/** A failed execution keeps its cause's code and message, and names the execution record. */
export class ExtensionExecutionFailedError extends AppError {
  constructor(
    readonly code: string,
    message: string,
    details: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

export class ExtensionManager {
  constructor(
    private readonly repo: ExtensionRepository,
    private readonly runtime: ExtensionRuntime,
    private readonly viewer: Viewer | null,
    private readonly log: Logger,
    /** An uploaded file of the current workspace (NOT_FOUND otherwise), and a way to read its bytes. */
    private readonly findUpload: (fileId: string) => Promise<{ read(maxBytes: number): Promise<Buffer> }> = async () => {
      throw new ValidationError('Uploads are not available here', { field: 'fileId' });
    },
  ) {}

  modules(): readonly ExtensionModule[] {
    return EXTENSION_MODULES_INFO;
  }

  private workspace(minimum: 'MEMBER' | 'EDITOR' | 'ADMIN'): string {
    if (minimum !== 'MEMBER' && this.viewer?.apiKey?.appId) throw new ForbiddenError('A key limited to one app cannot do this');
    return requireWorkspaceRole(this.viewer, minimum).id;
  }

  async list(first: number, after: string | null | undefined, filter: { module?: string | null; kind?: string | null; enabled?: boolean | null; search?: string | null } = {}): Promise<ExtensionPage> {
    const workspaceId = this.workspace('MEMBER');
    const size = checkPageSize(first);
    const where = {
      workspaceId,
      module: filter.module ? oneOf(EXTENSION_MODULES, filter.module, 'filter.module') : null,
      kind: filter.kind ? oneOf(EXTENSION_KINDS, filter.kind, 'filter.kind') : null,
      enabled: filter.enabled ?? null,
      search: filter.search ? checkText(filter.search, 'filter.search', 100) : null,
    };
    const [rows, total] = await Promise.all([this.repo.page(where, size + 1, after ? decodeCursor(after) : undefined), this.repo.count(where)]);
    return toPage(rows, size, total, after);
  }

  byIds(ids: readonly string[]): Promise<ExtensionRecord[]> {
    return this.repo.findInWorkspace(this.workspace('MEMBER'), ids);
  }

  async get(id: string): Promise<ExtensionRecord> {
    const [record] = await this.byIds([id]);
    if (!record) throw new NotFoundError('Extension not found', { id });
    return record;
  }

  async createApiExtension(input: ApiExtensionInput): Promise<ExtensionRecord> {
    const workspaceId = this.workspace('ADMIN');
    const module = moduleInfo(oneOf(EXTENSION_MODULES, input.module, 'module'));
    if (!module.apiBased) throw new ValidationError(`The ${module.name} module is implemented by code plugins, not API endpoints`, { field: 'module' });
    const endpoint = checkHttpUrl(input.endpoint, 'endpoint');
    const apiKey = checkApiKey(input.apiKey);
    const config = checkConfig(module.form, input.config);
    await pingApiExtension(this.runtime.http, { endpoint, apiKey }, this.runtime.limits);
    return this.repo.create(
      {
        workspaceId,
        name: checkName(input.name, 'name', 100),
        description: checkText(input.description, 'description', 2000),
        module: module.name,
        kind: 'API',
        endpoint,
        config: config.values,
        createdBy: this.viewer?.user?.id ?? null,
      },
      (record) => this.seal(record, apiKey, config.secrets),
    );
  }

  async updateApiExtension(input: ApiExtensionUpdate): Promise<ExtensionRecord> {
    this.workspace('ADMIN');
    const record = await this.get(input.id);
    if (record.kind !== 'API') throw new ValidationError('Only API extensions have an endpoint and key', { field: 'id' });
    const stored = this.open(record);
    // Everything is checked before the record changes (a later flush of this request must not save half an update).
    const endpoint = input.endpoint != null ? checkHttpUrl(input.endpoint, 'endpoint') : record.endpoint!;
    const newKey = input.apiKey != null && input.apiKey !== maskSecret(stored.apiKey) ? checkApiKey(input.apiKey) : null;
    // The stored key only ever goes to the origin it was given for: moving to another one needs the key again.
    if (!newKey && new URL(endpoint).origin !== new URL(record.endpoint!).origin) {
      throw new ValidationError('Send apiKey again when the endpoint moves to another host', { field: 'apiKey' });
    }
    const apiKey = newKey ?? stored.apiKey;
    const config = input.config !== undefined && input.config !== null ? checkConfig(moduleInfo(record.module).form, input.config, stored.secrets) : { values: record.config, secrets: stored.secrets };
    const name = input.name != null ? checkName(input.name, 'name', 100) : record.name;
    const description = input.description != null ? checkText(input.description, 'description', 2000) : record.description;
    if (endpoint !== record.endpoint || apiKey !== stored.apiKey) await pingApiExtension(this.runtime.http, { endpoint, apiKey }, this.runtime.limits);
    Object.assign(record, { endpoint, name, description, config: config.values });
    this.seal(record, apiKey, config.secrets);
    return this.repo.save(record);
  }

  /**
   * Enables an installed code plugin in the workspace with its configuration form filled
   * in. A `tool` plugin's tools then appear in the tool manager as a PLUGIN provider with
   * the extension's ID.
   */
  async createPluginExtension(input: PluginExtensionInput): Promise<ExtensionRecord> {
    const workspaceId = this.workspace('ADMIN');
    const plugin = await this.repo.findPlugin(input.pluginName);
    if (!plugin) throw new NotFoundError('No plugin with this name is installed', { field: 'pluginName' });
    const config = checkConfig(plugin.manifest.config, input.config);
    const record = await this.repo.create(
      {
        workspaceId,
        name: checkName(input.name, 'name', 100),
        description: checkText(input.description ?? plugin.manifest.description, 'description', 2000),
        module: plugin.manifest.module,
        kind: 'CODE',
        pluginName: plugin.name,
        config: config.values,
        createdBy: this.viewer?.user?.id ?? null,
      },
      (created) => this.seal(created, null, config.secrets),
    );
    try {
      await this.syncToolProvider(record);
    } catch (error) {
      await this.repo.remove(record); // no extension without its tool provider
      throw error;
    }
    return record;
  }

  /** Renames a code extension or changes its settings (a secret sent back masked keeps its value). */
  async updatePluginExtension(input: { id: string; name?: string | null; description?: string | null; config?: unknown }): Promise<ExtensionRecord> {
    this.workspace('ADMIN');
    const record = await this.get(input.id);
    if (record.kind !== 'CODE') throw new ValidationError('Only code extensions are updated this way', { field: 'id' });
    let config: ReturnType<typeof checkConfig> | null = null;
    if (input.config !== undefined && input.config !== null) {
      const plugin = await this.repo.findPlugin(record.pluginName!);
      if (!plugin) throw new NotFoundError('The plugin is no longer installed', { field: 'id' });
      config = checkConfig(plugin.manifest.config, input.config, this.open(record).secrets);
    }
    const name = input.name != null ? checkName(input.name, 'name', 100) : record.name;
    const description = input.description != null ? checkText(input.description, 'description', 2000) : record.description;
    Object.assign(record, { name, description });
    if (config) {
      record.config = config.values;
      this.seal(record, null, config.secrets);
    }
    const saved = await this.repo.save(record);
    await this.syncToolProvider(saved);
    return saved;
  }

  async setEnabled(id: string, enabled: boolean): Promise<ExtensionRecord> {
    this.workspace('ADMIN');
    const record = await this.get(id);
    record.enabled = enabled;
    const saved = await this.repo.save(record);
    await this.syncToolProvider(saved);
    return saved;
  }

  async remove(id: string): Promise<string> {
    this.workspace('ADMIN');
    const record = await this.get(id);
    await this.repo.removeToolProvider(record.id);
    await this.repo.remove(record);
    return record.id;
  }

  /** A `tool` plugin extension is offered as a tool provider (same ID) while it is enabled. */
  private async syncToolProvider(record: ExtensionRecord): Promise<void> {
    if (record.kind !== 'CODE' || record.module !== 'tool') return;
    if (!record.enabled) return this.repo.removeToolProvider(record.id);
    const plugin = await this.repo.findPlugin(record.pluginName!);
    if (!plugin) return this.repo.removeToolProvider(record.id);
    const { secrets } = this.open(record);
    await this.repo.upsertToolProvider({
      id: record.id,
      workspaceId: record.workspaceId,
      name: record.name,
      description: record.description,
      definition: { plugin: plugin.name, version: plugin.version, tools: plugin.manifest.tools, config: record.config },
      credentialsSealed: sealCredentials(this.runtime.secrets, record.id, secrets),
      createdBy: record.createdBy,
    });
  }

  /**
   * Installs (or upgrades) a code plugin on this server, from an uploaded package (a file
   * ID) or a folder on the server. Plugin code runs here, so only server administrators
   * (PLUGBOARD_ADMIN_EMAILS, with a verified address) may do it.
   */
  async installPlugin(input: { fileId?: string | null; path?: string | null }): Promise<InstalledPlugin> {
    if (Boolean(input.fileId) === Boolean(input.path)) throw new ValidationError('Give either fileId or path', { field: 'fileId' });
    // Another workspace's file is NOT_FOUND for everyone, administrators included.
    const upload = input.fileId ? await this.findUpload(input.fileId) : null;
    const user = this.viewer?.user;
    if (!user || !user.emailVerified || !this.runtime.adminEmails.includes(user.email.toLowerCase())) {
      throw new ForbiddenError('Only server administrators (PLUGBOARD_ADMIN_EMAILS, verified address) install plugins');
    }
    if (input.path && !path.isAbsolute(input.path)) throw new ValidationError('path must be an absolute folder path on the server', { field: 'path' });
    const pkg = upload ? { tarball: await upload.read(MAX_PLUGIN_PACKAGE_BYTES) } : { folder: input.path! };
    const placed = await placePlugin(this.runtime.pluginDir, pkg, async (name) => (await this.repo.findPlugin(name))?.version ?? null);
    const row = await installPlugin(this.repo.entityManager, this.runtime.plugins, placed, input.fileId ? 'UPLOADED' : 'PATH', user.id);
    // Workspaces that enabled a tool plugin see its new tools.
    for (const record of await this.repo.toolExtensionsOf(row.name)) await this.syncToolProvider(record);
    this.log.info({ plugin: row.name, version: row.version, userId: user.id }, 'plugin installed');
    return row;
  }

  /** Installed plugins, for any signed-in caller (what can be enabled). */
  installedPlugins() {
    requireWorkspaceRole(this.viewer, 'MEMBER');
    return this.repo.listPlugins();
  }

  pluginState(name: string): string {
    return this.runtime.plugins.state(name) ?? 'STOPPED';
  }

  /** The API key and form values as clients read them: masked, and for ADMINs only (others see the plain values). */
  readable(record: ExtensionRecord): { apiKey: string | null; config: Record<string, unknown> } {
    const admin = !this.viewer?.apiKey?.appId && this.viewer?.workspace && roleAtLeast(this.viewer.workspace.role, 'ADMIN');
    if (!admin) return { apiKey: null, config: record.config };
    try {
      const { apiKey, secrets } = this.open(record);
      return { apiKey: apiKey ? maskSecret(apiKey) : null, config: maskedConfig(record.config, secrets) };
    } catch {
      return { apiKey: record.apiKeySealed ? '******' : null, config: record.config };
    }
  }

  /**
   * Runs one point of an extension with `input` (Dify's parameter names), checking the
   * module's contract both ways, and records the execution. `point` may be left out when
   * the module has one.
   */
  async execute(input: { extensionId: string; point?: string | null; input: unknown }, signal?: AbortSignal): Promise<ExecutionResult> {
    this.workspace('EDITOR');
    const record = await this.get(input.extensionId);
    if (!record.enabled) throw new ConflictError('The extension is disabled', { id: record.id });
    const module = moduleInfo(record.module);
    const point = input.point ?? (module.points.length === 1 ? module.points[0]!.name : null);
    if (!point || !module.points.some((p) => p.name === point)) {
      throw new ValidationError(`point must be one of ${module.points.map((p) => p.name).join(', ')}`, { field: 'point' });
    }
    const problem = contractViolation(point, 'input', input.input);
    if (problem) throw new ValidationError(`input ${problem}`, { field: 'input' });

    const started = performance.now();
    let output: unknown;
    let failure: AppError | undefined;
    try {
      output = await this.run(record, point, input.input as Record<string, unknown>, signal);
      const invalid = contractViolation(point, 'output', output);
      if (invalid) throw new ExtensionOutputInvalidError(`The extension's answer does not fit ${point}: ${invalid}`);
      output = withPresetResponse(record, output);
    } catch (error) {
      failure = error instanceof AppError ? error : undefined;
      const execution = await this.record(record, point, 'FAILED', failure?.code ?? 'INTERNAL', started);
      if (!failure) this.log.error({ err: error, extensionId: record.id }, 'extension execution failed unexpectedly');
      throw failure ? new ExtensionExecutionFailedError(failure.code, failure.message, { ...failure.details, executionId: execution.id }) : error;
    }
    return { execution: await this.record(record, point, 'SUCCEEDED', null, started), output };
  }

  private async run(record: ExtensionRecord, point: string, params: Record<string, unknown>, signal?: AbortSignal): Promise<unknown> {
    const { apiKey, secrets } = this.open(record);
    if (record.kind === 'API') {
      return callApiExtension(this.runtime.http, { endpoint: record.endpoint!, apiKey }, point, params, { ...this.runtime.limits, signal });
    }
    if (point === 'tool.invoke') throw new ValidationError('Call a tool plugin\'s tools with invokeTool', { field: 'point' });
    const answer = await this.runtime.plugins.call(record.pluginName!, { point, params } as PluginCall, { config: { ...record.config, ...secrets }, signal });
    // A plugin's query() returns the text itself; the protocol's answer wraps it.
    return point === 'app.external_data_tool.query' && typeof answer === 'string' ? { result: answer } : answer;
  }

  private record(record: ExtensionRecord, point: string, status: 'SUCCEEDED' | 'FAILED', errorCode: string | null, started: number): Promise<ExtensionExecution> {
    return this.repo.recordExecution({
      workspaceId: record.workspaceId,
      extensionId: record.id,
      point,
      status,
      errorCode,
      durationMs: Math.round(performance.now() - started),
      userId: this.viewer?.user?.id ?? null,
      apiKeyId: this.viewer?.apiKey?.id ?? null,
    });
  }

  async executions(first: number, after: string | null | undefined, filter: { extensionId?: string | null; status?: string | null } = {}): Promise<ExecutionPage> {
    const workspaceId = this.workspace('MEMBER');
    const size = checkPageSize(first);
    const where = { workspaceId, extensionId: filter.extensionId ?? null, status: filter.status ? oneOf(EXECUTION_STATUSES, filter.status, 'filter.status') : null };
    const [rows, total] = await Promise.all([this.repo.pageExecutions(where, size + 1, after ? decodeCursor(after) : undefined), this.repo.countExecutions(where)]);
    return toPage(rows, size, total, after);
  }

  async execution(id: string): Promise<ExtensionExecution> {
    const [execution] = await this.repo.findExecutions(this.workspace('MEMBER'), [id]);
    if (!execution) throw new NotFoundError('Extension execution not found', { id });
    return execution;
  }

  private seal(record: ExtensionRecord, apiKey: string | null, secrets: Record<string, string>): void {
    const box = this.runtime.secrets;
    record.apiKeySealed = apiKey ? box.seal(apiKey, apiKeyContext(record.id)) : null;
    record.configSecretsSealed = Object.keys(secrets).length > 0 ? box.seal(JSON.stringify(secrets), configSecretsContext(record.id)) : null;
  }

  private open(record: ExtensionRecord): { apiKey: string; secrets: Record<string, string> } {
    const box = this.runtime.secrets;
    return {
      apiKey: record.apiKeySealed ? box.open(record.apiKeySealed, apiKeyContext(record.id)) : '',
      secrets: record.configSecretsSealed ? (JSON.parse(box.open(record.configSecretsSealed, configSecretsContext(record.id))) as Record<string, string>) : {},
    };
  }
}

function checkApiKey(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_API_KEY || /[\s\u0000-\u001f\u007f]/.test(value)) {
    throw new ValidationError(`apiKey must be 1 to ${MAX_API_KEY} characters without spaces`, { field: 'apiKey' });
  }
  return value;
}

/** Dify's rule: a flagged `direct_output` without a preset response answers the extension's configured one. */
function withPresetResponse(record: ExtensionRecord, output: unknown): unknown {
  if (record.module !== 'moderation') return output;
  const answer = output as { flagged: boolean; action: string; preset_response?: string };
  if (answer.flagged && answer.action === 'direct_output' && !answer.preset_response) {
    return { ...answer, preset_response: String(record.config.preset_response ?? '') };
  }
  return output;
}

