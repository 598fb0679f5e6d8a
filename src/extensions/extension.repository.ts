import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ConflictError } from '../errors.js';
import { flushOrConflict } from '../platform/db/flush.js';
import { wellFormedIds } from '../shared/ids.js';
import { likeContaining } from '../shared/like.js';
import { afterPosition, beforePosition, type Position } from '../shared/pagination.js';
import { ToolProviderRecord } from '../tools/tool.entities.js';
import { ExtensionExecution, ExtensionRecord, InstalledPlugin } from './extension.entities.js';

export interface ExtensionFilter {
  workspaceId: string;
  module?: string | null;
  kind?: string | null;
  enabled?: boolean | null;
  search?: string | null;
}

export interface ExecutionFilter {
  workspaceId: string;
  extensionId?: string | null;
  status?: string | null;
}

function extensionWhere(filter: ExtensionFilter): FilterQuery<ExtensionRecord> {
  const conditions: FilterQuery<ExtensionRecord>[] = [{ workspaceId: filter.workspaceId }];
  if (filter.module) conditions.push({ module: filter.module as ExtensionRecord['module'] });
  if (filter.kind) conditions.push({ kind: filter.kind as ExtensionRecord['kind'] });
  if (filter.enabled != null) conditions.push({ enabled: filter.enabled });
  if (filter.search) conditions.push({ name: { $ilike: likeContaining(filter.search) } });
  return { $and: conditions };
}

function executionWhere(filter: ExecutionFilter): FilterQuery<ExtensionExecution> {
  const conditions: FilterQuery<ExtensionExecution>[] = [{ workspaceId: filter.workspaceId }];
  if (filter.extensionId) conditions.push({ extensionId: wellFormedIds([filter.extensionId])[0] ?? '00000000-0000-0000-0000-000000000000' });
  if (filter.status) conditions.push({ status: filter.status as ExtensionExecution['status'] });
  return { $and: conditions };
}

const duplicateName = () => new ConflictError('An extension with this name exists in this workspace', { field: 'name' });

export class ExtensionRepository {
  constructor(private readonly em: EntityManager) {}

  get entityManager(): EntityManager {
    return this.em;
  }

  /** Enabled `tool` extensions of a plugin, in every workspace (their providers follow the plugin's version). */
  toolExtensionsOf(pluginName: string): Promise<ExtensionRecord[]> {
    return this.em.find(ExtensionRecord, { kind: 'CODE', module: 'tool', pluginName, enabled: true });
  }

  findInWorkspace(workspaceId: string, ids: readonly string[]): Promise<ExtensionRecord[]> {
    return this.em.find(ExtensionRecord, { workspaceId, id: { $in: wellFormedIds(ids) } });
  }

  page(filter: ExtensionFilter, limit: number, after?: Position): Promise<ExtensionRecord[]> {
    const conditions: FilterQuery<ExtensionRecord>[] = [extensionWhere(filter)];
    if (after) conditions.push(afterPosition(after));
    return this.em.find(ExtensionRecord, { $and: conditions }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  count(filter: ExtensionFilter): Promise<number> {
    return this.em.count(ExtensionRecord, extensionWhere(filter));
  }

  async create(data: Partial<ExtensionRecord> & Pick<ExtensionRecord, 'workspaceId' | 'name' | 'module' | 'kind' | 'createdBy'>, seal: (record: ExtensionRecord) => void): Promise<ExtensionRecord> {
    const record = this.em.create(ExtensionRecord, data);
    // Secrets are sealed bound to the row's ID, which exists only now.
    seal(record);
    await flushOrConflict(this.em, duplicateName);
    return record;
  }

  async save(record: ExtensionRecord): Promise<ExtensionRecord> {
    await flushOrConflict(this.em, duplicateName);
    return record;
  }

  async remove(record: ExtensionRecord): Promise<void> {
    await this.em.remove(record).flush();
  }

  async recordExecution(data: Pick<ExtensionExecution, 'workspaceId' | 'extensionId' | 'point' | 'status' | 'errorCode' | 'durationMs' | 'userId' | 'apiKeyId'>): Promise<ExtensionExecution> {
    // One INSERT outside the request's unit of work: a failed call is recorded even when the
    // request's is dirty, and an execution costs one statement, not a transaction.
    const execution = Object.assign(new ExtensionExecution(), data);
    await this.em.insert(ExtensionExecution, { ...execution });
    return execution;
  }

  findExecutions(workspaceId: string, ids: readonly string[]): Promise<ExtensionExecution[]> {
    return this.em.find(ExtensionExecution, { workspaceId, id: { $in: wellFormedIds(ids) } });
  }

  /** Newest first. */
  pageExecutions(filter: ExecutionFilter, limit: number, before?: Position): Promise<ExtensionExecution[]> {
    const conditions: FilterQuery<ExtensionExecution>[] = [executionWhere(filter)];
    if (before) conditions.push(beforePosition(before));
    return this.em.find(ExtensionExecution, { $and: conditions }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
  }

  countExecutions(filter: ExecutionFilter): Promise<number> {
    return this.em.count(ExtensionExecution, executionWhere(filter));
  }

  findPlugin(name: string): Promise<InstalledPlugin | null> {
    return typeof name === 'string' && name.length <= 64 ? this.em.findOne(InstalledPlugin, { name }) : Promise.resolve(null);
  }

  listPlugins(): Promise<InstalledPlugin[]> {
    return this.em.find(InstalledPlugin, {}, { orderBy: { name: 'asc' } });
  }

  /** The PLUGIN tool provider of a `tool` extension (same ID), created or refreshed. */
  async upsertToolProvider(data: Pick<ToolProviderRecord, 'id' | 'workspaceId' | 'name' | 'description' | 'definition' | 'credentialsSealed' | 'createdBy'>): Promise<void> {
    const em = this.em.fork();
    const existing = await em.findOne(ToolProviderRecord, { id: data.id });
    if (existing) Object.assign(existing, data);
    else em.create(ToolProviderRecord, { ...data, kind: 'PLUGIN', tags: ['plugin'] });
    // Tool provider names are unique per workspace too (an API provider may have this one).
    await flushOrConflict(em, () => new ConflictError('A tool provider with this name exists in this workspace', { field: 'name' }));
  }

  async removeToolProvider(id: string): Promise<void> {
    await this.em.nativeDelete(ToolProviderRecord, { id, kind: 'PLUGIN' });
  }
}
