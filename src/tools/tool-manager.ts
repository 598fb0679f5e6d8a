import { NotFoundError } from '../errors.js';
import type { FileService } from '../files/file.service.js';
import { requireWorkspaceRole, type Viewer } from '../identity/viewer.js';
import type { Logger } from '../logger.js';
import { SecretUnreadableError } from '../platform/secrets/secret-box.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { oneOf } from '../shared/input.js';
import { credentialsFor, maskCredentials, openCredentials, type ApiCredentials } from './api/api-credentials.js';
import { apiToolProvider } from './api/api-provider.js';
import { builtinProvider } from './builtin/index.js';
import { invocationStream, type InvocationEvent, type InvocationOutcome } from './invocation-stream.js';
import { BUILTIN_PROVIDER_ID, parseToolId } from './tool-ids.js';
import { pluginToolProvider } from './plugin/plugin-tools.js';
import { isWorkflowDefinition, workflowToolProvider } from './workflow/workflow-tools.js';
import { resolveFileParameters, saveBlobsAsFiles } from './tool-files.js';
import { checkParameters } from './tool-parameters.js';
import { limitedHttp, type CallLimits, type ToolRuntime } from './tool-runtime.js';
import { INVOCATION_STATUSES, isApiDefinition, type ToolInvocationRecord, type ToolProviderRecord } from './tool.entities.js';
import { CredentialsUnreadableError, ToolCallFailedError } from './tool.errors.js';
import { BUILTIN_PROVIDER, toolModel, type ProviderModel, type ToolEventModel, type ToolModel } from './tool.models.js';
import type { ToolRepository } from './tool.repository.js';
import type { Tool, ToolMessage, ToolProvider } from './tool.types.js';

export type InvocationPage = Page<ToolInvocationRecord>;
export type ToolCallEvent = InvocationEvent<ToolInvocationRecord>;

/**
 * Runtimes of stored providers, keyed by ID and version: rows are loaded fresh per request,
 * but their tools (and the parameter validators compiled for them) are built once per
 * version. A small LRU bounds memory.
 */
const runtimes = new Map<string, ToolProvider>();
const MAX_CACHED_RUNTIMES = 500;

/** The provider's runnable tools: the built-in set, or one per imported operation. */
export function providerRuntime(provider: ProviderModel, hosts: Pick<ToolRuntime, 'plugins' | 'workflows'> = {}): ToolProvider {
  if (provider.kind === 'BUILTIN') return builtinProvider;
  const key = `${provider.id}@${provider.updatedAt.getTime()}`;
  let runtime = runtimes.get(key);
  if (runtime) {
    runtimes.delete(key); // refreshes its place in the LRU order
  } else {
    const definition = provider.definition;
    runtime = isApiDefinition(definition)
      ? apiToolProvider(definition)
      : isWorkflowDefinition(definition)
        ? workflowToolProvider(definition, hosts.workflows)
        : pluginToolProvider(definition, hosts.plugins);
    if (runtimes.size >= MAX_CACHED_RUNTIMES) runtimes.delete(runtimes.keys().next().value!);
  }
  runtimes.set(key, runtime);
  return runtime;
}

/**
 * The ToolManager of the seed: lists providers and tools, resolves a tool by ID, builds its
 * runtime with decrypted credentials, checks its parameters, invokes it and records the call.
 * Everything is scoped to the viewer's current workspace; other workspaces' IDs are NOT_FOUND.
 */
export class ToolManager {
  constructor(
    private readonly repo: ToolRepository,
    private readonly viewer: Viewer | null,
    private readonly runtime: ToolRuntime,
    private readonly log: Logger,
    private readonly files: FileService,
  ) {}

  private get workspaceId(): string {
    return requireWorkspaceRole(this.viewer, 'MEMBER').id;
  }

  /** Providers by ID in the current workspace (`builtin` included); others load as missing. */
  async providersByIds(ids: readonly string[]): Promise<ProviderModel[]> {
    const workspaceId = this.workspaceId;
    const stored = await this.repo.findProviders(workspaceId, ids.filter((id) => id !== BUILTIN_PROVIDER_ID));
    return ids.includes(BUILTIN_PROVIDER_ID) ? [BUILTIN_PROVIDER, ...stored] : stored;
  }

  async getProvider(id: string): Promise<ProviderModel> {
    const [provider] = await this.providersByIds([id]);
    if (!provider) throw new NotFoundError('Tool provider not found', { id });
    return provider;
  }

  /** A stored provider of the current workspace (never the built-in one). */
  async getStoredProvider(id: string): Promise<ToolProviderRecord> {
    const provider = await this.getProvider(id);
    if (provider.kind === 'BUILTIN') throw new NotFoundError('Tool provider not found', { id });
    return provider;
  }

  toolsOf(provider: ProviderModel): ToolModel[] {
    return providerRuntime(provider, this.runtime).tools().map((tool) => toolModel(provider, tool));
  }

  builtinTools(): ToolModel[] {
    requireWorkspaceRole(this.viewer, 'MEMBER');
    return this.toolsOf(BUILTIN_PROVIDER);
  }

  private async resolve(id: string): Promise<{ provider: ProviderModel; tool: Tool }> {
    const parsed = parseToolId(id);
    const [provider] = parsed ? await this.providersByIds([parsed.providerId]) : [];
    const tool = provider && providerRuntime(provider, this.runtime).tools().find((candidate) => candidate.definition.name === parsed!.toolName);
    if (!provider || !tool) throw new NotFoundError('Tool not found', { id });
    return { provider, tool };
  }

  async getTool(id: string): Promise<ToolModel> {
    const { provider, tool } = await this.resolve(id);
    return toolModel(provider, tool);
  }

  /** Decrypted credentials of a stored provider; fails when the secret key cannot open them. */
  storedCredentials(provider: ToolProviderRecord): ApiCredentials {
    try {
      return openCredentials(this.runtime.secrets, provider.id, provider.credentialsSealed);
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      throw new CredentialsUnreadableError('The stored credentials cannot be decrypted with the configured secret key: set them again');
    }
  }

  /** Masked credentials for the provider's own workspace only. */
  maskedCredentials(provider: ProviderModel): ApiCredentials | null {
    if (provider.kind === 'BUILTIN' || provider.workspaceId !== this.workspaceId) return null;
    return maskCredentials(this.storedCredentials(provider));
  }

  /** The imported document, for the provider's own workspace only. */
  documentOf(provider: ProviderModel): string | null {
    if (provider.kind === 'BUILTIN' || provider.workspaceId !== this.workspaceId) return null;
    return provider.document;
  }

  limitsOf(provider: ProviderModel): CallLimits {
    const { outbound } = this.runtime;
    if (provider.kind === 'BUILTIN') return outbound;
    // A WORKFLOW tool is a whole run: it gets a run's time, not one HTTP call's.
    if (provider.kind === 'WORKFLOW') return { ...outbound, totalTimeoutMs: this.runtime.workflowRunTimeoutMs ?? outbound.totalTimeoutMs };
    return {
      connectTimeoutMs: provider.connectTimeoutMs ?? outbound.connectTimeoutMs,
      totalTimeoutMs: provider.totalTimeoutMs ?? outbound.totalTimeoutMs,
      maxResponseBytes: outbound.maxResponseBytes,
    };
  }

  /**
   * Starts a call: parameters and credentials are checked before anything runs (errors are
   * thrown here); then the stream yields the tool's messages and a FINISHED event with the
   * stored record. `signal` (or returning the iterator) cancels the call.
   */
  async invoke(id: string, parameters: unknown, signal?: AbortSignal): Promise<AsyncIterableIterator<ToolCallEvent>> {
    const workspaceId = this.workspaceId;
    const { provider, tool } = await this.resolve(id);
    // A key limited to one app runs that app's workflow as a tool, no other.
    const onlyApp = this.viewer?.apiKey?.appId;
    if (onlyApp && provider.kind === 'WORKFLOW' && isWorkflowDefinition(provider.definition) && provider.definition.workflow.appId !== onlyApp) {
      throw new NotFoundError('Tool not found', { id });
    }
    const checked = await resolveFileParameters(tool.definition, checkParameters(tool.definition, parameters), this.files);
    const credentials =
      provider.kind === 'BUILTIN' || provider.kind === 'WORKFLOW'
        ? {}
        : isApiDefinition(provider.definition)
          ? credentialsFor(provider.definition.auth, this.storedCredentials(provider))
          : (this.storedCredentials(provider) as Record<string, string>); // a plugin's secret settings
    return this.run(tool, checked, credentials, this.limitsOf(provider), signal, (outcome) =>
      this.repo.recordInvocation({
        workspaceId,
        providerId: provider.kind === 'BUILTIN' ? null : provider.id,
        toolId: id,
        toolName: tool.definition.name,
        userId: this.viewer?.user?.id ?? null,
        apiKeyId: this.viewer?.apiKey?.id ?? null,
        ...outcome,
        createdAt: new Date(Date.now() - outcome.durationMs),
      }),
    );
  }

  /** A call that is not recorded: trying out an unsaved provider. */
  async invokeUnsaved(tool: Tool, parameters: unknown, credentials: Record<string, string>, limits: CallLimits): Promise<AsyncIterableIterator<InvocationEvent<null>>> {
    requireWorkspaceRole(this.viewer, 'EDITOR');
    return this.run(tool, checkParameters(tool.definition, parameters), credentials, limits, undefined, async () => null);
  }

  private run<R>(tool: Tool, parameters: Record<string, unknown>, credentials: Record<string, string>, limits: CallLimits, signal: AbortSignal | undefined, finish: (outcome: InvocationOutcome) => Promise<R>) {
    const stopSignals = [this.runtime.shutdown, ...(signal ? [signal] : [])];
    return invocationStream<R>({
      tool,
      invocation: {
        parameters,
        credentials,
        http: limitedHttp(this.runtime.http, limits),
        log: this.log.child({ tool: tool.definition.name }),
        workspaceId: this.workspaceId,
        caller: { apiKey: this.viewer?.apiKey ?? null },
      },
      totalTimeoutMs: limits.totalTimeoutMs,
      stopSignals,
      finish,
      log: this.log,
    });
  }

  /** The blocking form: every message once the call is done; a failed call throws its own code. */
  async invokeAndWait(id: string, parameters: unknown, options: { saveOutputs?: boolean } = {}): Promise<{ invocation: ToolInvocationRecord; messages: ToolMessage[] }> {
    const messages: ToolMessage[] = [];
    for await (const event of await this.invokeStreaming(id, parameters, options)) {
      if (event.type !== 'FINISHED') {
        messages.push(event);
        continue;
      }
      const record = event.invocation;
      if (record.status !== 'SUCCEEDED') {
        throw new ToolCallFailedError(record.errorCode ?? 'INTERNAL_SERVER_ERROR', record.errorMessage ?? 'The tool call failed', { invocationId: record.id, status: record.status });
      }
      return { invocation: record, messages };
    }
    throw new Error('A tool call ended without an outcome');
  }

  /** The streamed form: messages as they come, then the stored record; returning the iterator cancels the call. */
  async invokeStreaming(id: string, parameters: unknown, options: { saveOutputs?: boolean } = {}): Promise<AsyncIterableIterator<ToolEventModel>> {
    const events = await this.invoke(id, parameters);
    const stream: AsyncIterableIterator<ToolEventModel> = {
      async next() {
        const result = await events.next();
        if (result.done) return result;
        const event = result.value;
        return { done: false, value: event.type === 'MESSAGE' ? event.message : { type: 'FINISHED', invocation: event.record } };
      },
      async return() {
        await events.return?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => stream,
    };
    return options.saveOutputs ? saveBlobsAsFiles(stream, this.files, parseToolId(id)!.toolName) : stream;
  }

  async invocationsByIds(ids: readonly string[]): Promise<ToolInvocationRecord[]> {
    return this.repo.findInvocations(this.workspaceId, ids);
  }

  async getInvocation(id: string): Promise<ToolInvocationRecord> {
    const [record] = await this.invocationsByIds([id]);
    if (!record) throw new NotFoundError('Tool invocation not found', { id });
    return record;
  }

  async listInvocations(first: number, after: string | null | undefined, filter: { toolId?: string | null; status?: string | null }): Promise<InvocationPage> {
    const size = checkPageSize(first);
    const query = {
      workspaceId: this.workspaceId,
      toolId: filter.toolId ?? null,
      status: filter.status ? oneOf(INVOCATION_STATUSES, filter.status, 'status') : null,
    };
    const [rows, total] = await Promise.all([this.repo.pageInvocations(query, size + 1, after ? decodeCursor(after) : undefined), this.repo.countInvocations(query)]);
    return toPage(rows, size, total, after);
  }
}

export type InvocationEdge = InvocationPage['edges'][number];
