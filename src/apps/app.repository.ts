import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { wellFormedIds } from '../shared/ids.js';
import { likeContaining } from '../shared/like.js';
import { afterPosition, type Position } from '../shared/pagination.js';
import { App, type AppMode } from './app.entity.js';

export interface AppFilter {
  workspaceId: string;
  /** Limits to one app (API keys scoped to an app). */
  onlyId?: string | null;
  nameContains?: string | null;
  mode?: AppMode | null;
}

function where(filter: AppFilter): FilterQuery<App> {
  const conditions: FilterQuery<App>[] = [{ workspaceId: filter.workspaceId }];
  if (filter.onlyId) conditions.push({ id: filter.onlyId });
  if (filter.mode) conditions.push({ mode: filter.mode });
  if (filter.nameContains) conditions.push({ name: { $ilike: likeContaining(filter.nameContains) } });
  return { $and: conditions };
}

export class AppRepository {
  constructor(private readonly em: EntityManager) {}

  findInWorkspace(workspaceId: string, ids: readonly string[]): Promise<App[]> {
    return this.em.find(App, { workspaceId, id: { $in: wellFormedIds(ids) } });
  }

  page(filter: AppFilter, limit: number, after?: Position): Promise<App[]> {
    const conditions: FilterQuery<App>[] = [where(filter)];
    if (after) conditions.push(afterPosition(after));
    return this.em.find(App, { $and: conditions }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  count(filter: AppFilter): Promise<number> {
    return this.em.count(App, where(filter));
  }

  async create(data: Pick<App, 'workspaceId' | 'name' | 'description' | 'mode' | 'icon' | 'config' | 'createdBy'>): Promise<App> {
    const app = this.em.create(App, data);
    await this.em.flush();
    return app;
  }

  async save(app: App): Promise<App> {
    await this.em.flush();
    return app;
  }

  async delete(app: App): Promise<void> {
    await this.em.remove(app).flush();
  }
}
