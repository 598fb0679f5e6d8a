import { raw, type EntityManager, type FilterQuery, type RequiredEntityData } from '@mikro-orm/postgresql';
import { ConflictError } from '../errors.js';
import { flushOrConflict } from '../platform/db/flush.js';
import { wellFormedIds } from '../shared/ids.js';
import { likeContaining } from '../shared/like.js';
import { afterPosition, beforePosition, type Position } from '../shared/pagination.js';
import { ToolInvocationRecord, ToolProviderRecord, type InvocationStatus } from './tool.entities.js';
import type { ProviderKind } from './tool.types.js';

export interface ProviderFilter {
  workspaceId: string;
  kind?: Exclude<ProviderKind, 'BUILTIN'> | null;
  nameContains?: string | null;
}

export interface ListingFilter {
  /** Words that must each appear in the name, description or tags. */
  words: string[];
  tag?: string | null;
}

export interface InvocationFilter {
  workspaceId: string;
  toolId?: string | null;
  status?: InvocationStatus | null;
}

function providerWhere(filter: ProviderFilter): FilterQuery<ToolProviderRecord> {
  const conditions: FilterQuery<ToolProviderRecord>[] = [{ workspaceId: filter.workspaceId }];
  if (filter.kind) conditions.push({ kind: filter.kind });
  if (filter.nameContains) conditions.push({ name: { $ilike: likeContaining(filter.nameContains) } });
  return { $and: conditions };
}

function listingWhere(filter: ListingFilter): FilterQuery<ToolProviderRecord> {
  const conditions: FilterQuery<ToolProviderRecord>[] = [{ visibility: 'PUBLISHED' }];
  for (const word of filter.words) {
    const pattern = likeContaining(word);
    // Tags are a small JSON array: matching its text form is enough for a marketplace search.
    conditions.push({ $or: [{ name: { $ilike: pattern } }, { description: { $ilike: pattern } }, { [raw((alias: string) => `${alias}.tags::text`)]: { $ilike: pattern } }] } as FilterQuery<ToolProviderRecord>);
  }
  if (filter.tag) conditions.push({ tags: { $contains: [filter.tag] } } as FilterQuery<ToolProviderRecord>);
  return { $and: conditions };
}

function invocationWhere(filter: InvocationFilter): FilterQuery<ToolInvocationRecord> {
  const conditions: FilterQuery<ToolInvocationRecord>[] = [{ workspaceId: filter.workspaceId }];
  if (filter.toolId) conditions.push({ toolId: filter.toolId });
  if (filter.status) conditions.push({ status: filter.status });
  return { $and: conditions };
}

const duplicateName = () => new ConflictError('A tool provider with this name already exists in the workspace', { field: 'name' });

export class ToolRepository {
  constructor(private readonly em: EntityManager) {}

  findProviders(workspaceId: string, ids: readonly string[]): Promise<ToolProviderRecord[]> {
    return this.em.find(ToolProviderRecord, { workspaceId, id: { $in: wellFormedIds(ids) } });
  }

  findPublished(ids: readonly string[]): Promise<ToolProviderRecord[]> {
    return this.em.find(ToolProviderRecord, { visibility: 'PUBLISHED', id: { $in: wellFormedIds(ids) } });
  }

  pageProviders(filter: ProviderFilter, limit: number, after?: Position): Promise<ToolProviderRecord[]> {
    const conditions: FilterQuery<ToolProviderRecord>[] = [providerWhere(filter)];
    if (after) conditions.push(afterPosition(after));
    return this.em.find(ToolProviderRecord, { $and: conditions }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  countProviders(filter: ProviderFilter): Promise<number> {
    return this.em.count(ToolProviderRecord, providerWhere(filter));
  }

  /** Published providers in (publishedAt, id) order: the cursor's createdAt carries publishedAt. */
  async pageListings(filter: ListingFilter, limit: number, after?: Position): Promise<ToolProviderRecord[]> {
    const conditions: FilterQuery<ToolProviderRecord>[] = [listingWhere(filter)];
    if (after) conditions.push({ $or: [{ publishedAt: { $gt: after.createdAt } }, { publishedAt: after.createdAt, id: { $gt: after.id } }] });
    return this.em.find(ToolProviderRecord, { $and: conditions }, { orderBy: { publishedAt: 'asc', id: 'asc' }, limit });
  }

  countListings(filter: ListingFilter): Promise<number> {
    return this.em.count(ToolProviderRecord, listingWhere(filter));
  }

  async createProvider(data: RequiredEntityData<ToolProviderRecord>, seal?: (record: ToolProviderRecord) => void): Promise<ToolProviderRecord> {
    const record = this.em.create(ToolProviderRecord, data);
    // Credentials are sealed with the row's ID as associated data: known only once the entity exists.
    seal?.(record);
    await flushOrConflict(this.em, duplicateName);
    return record;
  }

  async saveProvider(record: ToolProviderRecord): Promise<ToolProviderRecord> {
    await flushOrConflict(this.em, duplicateName);
    return record;
  }

  async deleteProvider(record: ToolProviderRecord): Promise<void> {
    await this.em.remove(record).flush();
  }

  /** Counted in SQL so concurrent installs all count. */
  async incrementInstallCount(id: string): Promise<void> {
    await this.em.getConnection().execute('update tool_providers set install_count = install_count + 1 where id = ?', [id]);
  }

  /** Names of publishing workspaces, for marketplace listings (any workspace: listings are public). */
  async workspaceNames(ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    const wanted = wellFormedIds(ids);
    if (wanted.length === 0) return [];
    return this.em.getConnection().execute(`select id, name from workspaces where id in (${wanted.map(() => '?').join(', ')})`, wanted);
  }

  findInvocations(workspaceId: string, ids: readonly string[]): Promise<ToolInvocationRecord[]> {
    return this.em.find(ToolInvocationRecord, { workspaceId, id: { $in: wellFormedIds(ids) } });
  }

  pageInvocations(filter: InvocationFilter, limit: number, before?: Position): Promise<ToolInvocationRecord[]> {
    const conditions: FilterQuery<ToolInvocationRecord>[] = [invocationWhere(filter)];
    if (before) conditions.push(beforePosition(before));
    return this.em.find(ToolInvocationRecord, { $and: conditions }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
  }

  countInvocations(filter: InvocationFilter): Promise<number> {
    return this.em.count(ToolInvocationRecord, invocationWhere(filter));
  }

  /** Written on a fork of its own: a call's record must land even when the request's unit of work is busy or failed. */
  async recordInvocation(data: Omit<ToolInvocationRecord, 'id' | 'createdAt'> & { createdAt: Date }): Promise<ToolInvocationRecord> {
    const em = this.em.fork();
    const record = em.create(ToolInvocationRecord, data);
    await em.flush();
    return record;
  }
}
