import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { requireWorkspaceRole, type Viewer } from '../identity/viewer.js';
import { checkName, checkText, oneOf } from '../shared/input.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { checkAuth, type ApiAuthInput } from './api/api-auth.js';
import { checkCredentialsInput, credentialsFor, mergeCredentials, sealCredentials, type ApiCredentialsInput } from './api/api-credentials.js';
import { apiToolProvider } from './api/api-provider.js';
import { loadOpenApiSource, resolveServerUrl, type OpenApiSource } from './api/api-source.js';
import type { ApiSpec } from './openapi/index.js';
import type { InvocationOutcome } from './invocation-stream.js';
import type { ToolManager } from './tool-manager.js';
import type { ToolRuntime } from './tool-runtime.js';
import { type ApiProviderDefinition, type ToolProviderRecord, isApiDefinition } from './tool.entities.js';
import type { ToolRepository } from './tool.repository.js';
import type { ToolMessage } from './tool.types.js';

export type ProviderPage = Page<ToolProviderRecord>;

interface ProviderFields {
  name?: string | null;
  description?: string | null;
  icon?: string | null;
  tags?: readonly string[] | null;
  source?: OpenApiSource | null;
  serverUrl?: string | null;
  auth?: ApiAuthInput | null;
  credentials?: ApiCredentialsInput | null;
  connectTimeoutMs?: number | null;
  totalTimeoutMs?: number | null;
}

export interface TestResult extends InvocationOutcome {
  messages: ToolMessage[];
}

function checkTags(tags: readonly string[] | null | undefined): string[] {
  const checked = [...new Set((tags ?? []).map((tag) => checkName(tag, 'tags', 32).toLowerCase()))];
  if (checked.length > 10) throw new ValidationError('At most 10 tags', { field: 'tags' });
  return checked;
}

function checkTimeout(value: number | null | undefined, field: string, max: number): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 100 || value > max) throw new ValidationError(`${field} must be 100 to ${max} milliseconds`, { field });
  return value;
}

function checkWords(search: string | null | undefined): string[] {
  const words = checkText(search, 'search', 200).split(/\s+/).filter(Boolean);
  if (words.length > 8) throw new ValidationError('search takes at most 8 words', { field: 'search' });
  return words;
}

/**
 * Workspace tool providers: importing OpenAPI documents, settings and credentials, trying
 * an operation before saving, and the marketplace (publish, search, install).
 * Registration follows the seed: validate the config → generate the ID → store → return it.
 */
export class ToolService {
  constructor(
    private readonly repo: ToolRepository,
    private readonly manager: ToolManager,
    private readonly viewer: Viewer | null,
    private readonly runtime: ToolRuntime,
  ) {}

  async list(first: number, after: string | null | undefined, filter: { kind?: string | null; nameContains?: string | null }): Promise<ProviderPage> {
    const workspace = requireWorkspaceRole(this.viewer, 'MEMBER');
    const size = checkPageSize(first);
    const query = {
      workspaceId: workspace.id,
      kind: filter.kind ? oneOf(['API', 'WORKFLOW', 'PLUGIN'] as const, filter.kind, 'kind') : null,
      nameContains: filter.nameContains ? checkText(filter.nameContains, 'nameContains', 100) : null,
    };
    // BUILTIN is not stored: filtering on it lists nothing here (see builtinTools).
    if (filter.kind === 'BUILTIN') return toPage([], size, 0, after);
    const [rows, total] = await Promise.all([this.repo.pageProviders(query, size + 1, after ? decodeCursor(after) : undefined), this.repo.countProviders(query)]);
    return toPage(rows, size, total, after);
  }

  async preview(source: OpenApiSource): Promise<ApiSpec> {
    requireWorkspaceRole(this.viewer, 'EDITOR');
    return (await loadOpenApiSource(source, this.runtime)).spec;
  }

  async createApi(input: ProviderFields & { name: string; source: OpenApiSource }): Promise<ToolProviderRecord> {
    const workspace = requireWorkspaceRole(this.viewer, 'EDITOR');
    const name = checkName(input.name, 'name', 100);
    const loaded = await loadOpenApiSource(input.source, this.runtime);
    const definition: ApiProviderDefinition = {
      spec: loaded.spec,
      serverUrl: resolveServerUrl(input.serverUrl, loaded.spec.serverUrl, loaded.url),
      auth: checkAuth(input.auth),
    };
    const credentials = mergeCredentials({}, checkCredentialsInput(input.credentials));
    return this.repo.createProvider(
      {
        workspaceId: workspace.id,
        kind: 'API',
        name,
        description: checkText(input.description ?? loaded.spec.description, 'description', 2000),
        icon: checkText(input.icon, 'icon', 64) || null,
        tags: checkTags(input.tags),
        definition,
        document: loaded.document,
        connectTimeoutMs: checkTimeout(input.connectTimeoutMs, 'connectTimeoutMs', 120_000),
        totalTimeoutMs: checkTimeout(input.totalTimeoutMs, 'totalTimeoutMs', 3_600_000),
        createdBy: this.viewer?.user?.id ?? null,
      },
      (record) => {
        record.credentialsSealed = sealCredentials(this.runtime.secrets, record.id, credentials);
      },
    );
  }

  async updateApi(input: ProviderFields & { id: string }): Promise<ToolProviderRecord> {
    requireWorkspaceRole(this.viewer, 'EDITOR');
    const record = await this.manager.getStoredProvider(input.id);
    if (record.kind !== 'API' || !isApiDefinition(record.definition)) throw new ValidationError('Only API providers are updated this way', { field: 'id' });
    const current = record.definition;
    if (input.name != null) record.name = checkName(input.name, 'name', 100);
    if (input.description != null) record.description = checkText(input.description, 'description', 2000);
    if (input.icon !== undefined) record.icon = checkText(input.icon, 'icon', 64) || null;
    if (input.tags != null) record.tags = checkTags(input.tags);
    if (input.connectTimeoutMs !== undefined) record.connectTimeoutMs = checkTimeout(input.connectTimeoutMs, 'connectTimeoutMs', 120_000);
    if (input.totalTimeoutMs !== undefined) record.totalTimeoutMs = checkTimeout(input.totalTimeoutMs, 'totalTimeoutMs', 3_600_000);
    record.definition = await this.definitionWith(current, input, (loaded) => {
      record.document = loaded.document;
    });
    if (input.credentials) {
      const merged = mergeCredentials(this.manager.storedCredentials(record), checkCredentialsInput(input.credentials));
      record.credentialsSealed = sealCredentials(this.runtime.secrets, record.id, merged);
    }
    return this.repo.saveProvider(record);
  }

  /** The stored definition with the document, server URL and auth sent on an update or a test. */
  private async definitionWith(
    current: ApiProviderDefinition | null,
    input: Pick<ProviderFields, 'source' | 'serverUrl' | 'auth'>,
    onLoaded?: (loaded: { document: string }) => void,
  ): Promise<ApiProviderDefinition> {
    let spec = current?.spec;
    let documentServer = current?.serverUrl ?? null;
    let documentUrl: string | null = null;
    if (input.source) {
      const loaded = await loadOpenApiSource(input.source, this.runtime);
      spec = loaded.spec;
      documentServer = loaded.spec.serverUrl;
      documentUrl = loaded.url;
      onLoaded?.(loaded);
    }
    if (!spec) throw new ValidationError('source is required', { field: 'source' });
    const serverUrl = input.serverUrl != null || input.source ? resolveServerUrl(input.serverUrl, documentServer, documentUrl) : current!.serverUrl;
    return { spec, serverUrl, auth: input.auth ? checkAuth(input.auth) : (current?.auth ?? { type: 'NONE' }) };
  }

  async delete(id: string): Promise<ToolProviderRecord> {
    requireWorkspaceRole(this.viewer, 'ADMIN');
    const record = await this.manager.getStoredProvider(id);
    await this.repo.deleteProvider(record);
    return record;
  }

  /** Runs one operation with sample parameters: of an unsaved document, or of a saved provider with overrides. */
  async testApi(input: Omit<ProviderFields, 'name'> & { providerId?: string | null; toolName: string; parameters?: unknown }): Promise<TestResult> {
    requireWorkspaceRole(this.viewer, 'EDITOR');
    const saved = input.providerId ? await this.manager.getStoredProvider(input.providerId) : null;
    if (saved && !isApiDefinition(saved.definition)) throw new ValidationError('Only API providers can be tested this way', { field: 'providerId' });
    if (!saved && !input.source) throw new ValidationError('Give a source or a providerId', { field: 'source' });
    const definition = await this.definitionWith(saved && isApiDefinition(saved.definition) ? saved.definition : null, input);
    const stored = saved ? this.manager.storedCredentials(saved) : {};
    const credentials = mergeCredentials(stored, input.credentials ? checkCredentialsInput(input.credentials) : stored);
    const tool = apiToolProvider(definition).tools().find((candidate) => candidate.definition.name === input.toolName);
    if (!tool) throw new NotFoundError('No operation with this tool name in the document', { field: 'toolName' });
    const limits = saved ? this.manager.limitsOf(saved) : this.runtime.outbound;
    const stream = await this.manager.invokeUnsaved(tool, input.parameters, credentialsFor(definition.auth, credentials), limits);
    const messages: ToolMessage[] = [];
    for await (const event of stream) {
      if (event.type === 'MESSAGE') messages.push(event.message);
      else return { ...event.outcome, messages };
    }
    throw new Error('A tool call ended without an outcome');
  }

  async publish(id: string): Promise<ToolProviderRecord> {
    requireWorkspaceRole(this.viewer, 'ADMIN');
    const record = await this.manager.getStoredProvider(id);
    if (record.kind !== 'API') throw new ValidationError('Only API providers can be published', { field: 'id' });
    if (record.visibility !== 'PUBLISHED') {
      record.visibility = 'PUBLISHED';
      record.publishedAt = new Date();
    }
    return this.repo.saveProvider(record);
  }

  async unpublish(id: string): Promise<ToolProviderRecord> {
    requireWorkspaceRole(this.viewer, 'ADMIN');
    const record = await this.manager.getStoredProvider(id);
    record.visibility = 'PRIVATE';
    record.publishedAt = null;
    return this.repo.saveProvider(record);
  }

  async marketplace(first: number, after: string | null | undefined, filter: { search?: string | null; tag?: string | null }): Promise<ProviderPage> {
    requireWorkspaceRole(this.viewer, 'MEMBER');
    const size = checkPageSize(first);
    const query = { words: checkWords(filter.search), tag: filter.tag ? checkName(filter.tag, 'tag', 32).toLowerCase() : null };
    const [rows, total] = await Promise.all([this.repo.pageListings(query, size + 1, after ? decodeCursor(after) : undefined), this.repo.countListings(query)]);
    // Listings are ordered by publishedAt: their cursors carry it in place of createdAt.
    return toPage(rows, size, total, after, (listing) => ({ createdAt: listing.publishedAt!, id: listing.id }));
  }

  publisherNames(workspaceIds: readonly string[]): Promise<{ id: string; name: string }[]> {
    requireWorkspaceRole(this.viewer, 'MEMBER');
    return this.repo.workspaceNames(workspaceIds);
  }

  /** Copies a published provider into the current workspace: the definition, never the credentials. */
  async install(listingId: string, name?: string | null): Promise<ToolProviderRecord> {
    const workspace = requireWorkspaceRole(this.viewer, 'EDITOR');
    const [listing] = await this.repo.findPublished([listingId]);
    if (!listing) throw new NotFoundError('Marketplace listing not found', { id: listingId });
    const installed = await this.repo
      .createProvider({
        workspaceId: workspace.id,
        kind: listing.kind,
        name: name != null ? checkName(name, 'name', 100) : listing.name,
        description: listing.description,
        icon: listing.icon,
        tags: [...listing.tags],
        definition: structuredClone(listing.definition),
        document: listing.document,
        connectTimeoutMs: listing.connectTimeoutMs,
        totalTimeoutMs: listing.totalTimeoutMs,
        sourceProviderId: listing.id,
        createdBy: this.viewer?.user?.id ?? null,
      })
      .catch((error: unknown) => {
        throw error instanceof ConflictError ? new ConflictError('A tool provider with this name already exists here: install it under another name', { field: 'name' }) : error;
      });
    await this.repo.incrementInstallCount(listing.id);
    return installed;
  }
}

export type ProviderEdge = ProviderPage['edges'][number];
