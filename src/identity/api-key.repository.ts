import type { EntityManager } from '@mikro-orm/postgresql';
import { wellFormedIds } from '../shared/ids.js';
import { afterPosition, type Position } from '../shared/pagination.js';
import { ApiKey } from './identity.entities.js';

export class ApiKeyRepository {
  constructor(private readonly em: EntityManager) {}

  findLiveByHash(keyHash: string): Promise<ApiKey | null> {
    return this.em.findOne(ApiKey, { keyHash, revokedAt: null });
  }

  findInWorkspace(workspaceId: string, ids: readonly string[]): Promise<ApiKey[]> {
    return this.em.find(ApiKey, { workspaceId, id: { $in: wellFormedIds(ids) } });
  }

  page(workspaceId: string, limit: number, after?: Position): Promise<ApiKey[]> {
    const where = after
      ? { workspaceId, ...afterPosition(after) }
      : { workspaceId };
    return this.em.find(ApiKey, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  count(workspaceId: string): Promise<number> {
    return this.em.count(ApiKey, { workspaceId });
  }

  async create(data: Pick<ApiKey, 'workspaceId' | 'appId' | 'createdBy' | 'name' | 'prefix' | 'keyHash' | 'role'>): Promise<ApiKey> {
    const key = this.em.create(ApiKey, data);
    await this.em.flush();
    return key;
  }

  async revoke(key: ApiKey, now: Date): Promise<ApiKey> {
    key.revokedAt ??= now;
    await this.em.flush();
    return key;
  }

  /** Stamps lastUsedAt unless another request did so within the last minute. */
  async touch(id: string, now: Date): Promise<void> {
    await this.em.nativeUpdate(
      ApiKey,
      { id, $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: new Date(now.getTime() - 60_000) } }] },
      { lastUsedAt: now },
    );
  }
}
