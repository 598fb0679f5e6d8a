import { ForbiddenError, NotFoundError } from '../errors.js';
import { checkName, checkText, oneOf } from '../shared/input.js';
import { requireWorkspaceRole, type Viewer } from '../identity/viewer.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { validateAppConfig } from './app-config.js';
import { APP_MODES, type App } from './app.entity.js';
import type { AppFilter, AppRepository } from './app.repository.js';

export type AppPage = Page<App>;
export type AppEdge = AppPage['edges'][number];

/** Apps of the current workspace. An API key scoped to an app sees and changes only that app. */
export class AppService {
  constructor(
    private readonly repo: AppRepository,
    private readonly viewer: Viewer | null,
  ) {}

  private get scope(): { workspaceId: string; onlyId: string | null } {
    const workspace = requireWorkspaceRole(this.viewer, 'MEMBER');
    return { workspaceId: workspace.id, onlyId: this.viewer?.apiKey?.appId ?? null };
  }

  /** Apps by ID within the viewer's scope: others load as missing. */
  async appsByIds(ids: readonly string[]): Promise<App[]> {
    const { workspaceId, onlyId } = this.scope;
    return this.repo.findInWorkspace(workspaceId, onlyId ? ids.filter((id) => id === onlyId) : ids);
  }

  async getApp(id: string): Promise<App> {
    const [app] = await this.appsByIds([id]);
    if (!app) throw new NotFoundError('App not found', { id });
    return app;
  }

  async list(first: number, after: string | null | undefined, filter: { nameContains?: string | null; mode?: string | null } = {}): Promise<AppPage> {
    const size = checkPageSize(first);
    const query: AppFilter = { ...this.scope, nameContains: filter.nameContains ? checkText(filter.nameContains, 'nameContains', 100) : null, mode: filter.mode ? oneOf(APP_MODES, filter.mode, 'mode') : null };
    const [rows, total] = await Promise.all([this.repo.page(query, size + 1, after ? decodeCursor(after) : undefined), this.repo.count(query)]);
    return toPage(rows, size, total, after);
  }

  async create(input: { name: string; description?: string | null; mode: string; icon?: string | null; config?: unknown }): Promise<App> {
    const workspace = requireWorkspaceRole(this.viewer, 'EDITOR');
    if (this.viewer?.apiKey?.appId) throw new ForbiddenError('A key scoped to one app cannot create apps');
    const mode = oneOf(APP_MODES, input.mode, 'mode');
    return this.repo.create({
      workspaceId: workspace.id,
      name: checkName(input.name, 'name', 100),
      description: checkText(input.description, 'description', 2000),
      mode,
      icon: checkText(input.icon, 'icon', 64) || null,
      config: validateAppConfig(mode, input.config),
      createdBy: this.viewer?.user?.id ?? null,
    });
  }

  async update(input: { id: string; name?: string | null; description?: string | null; icon?: string | null; config?: unknown }): Promise<App> {
    requireWorkspaceRole(this.viewer, 'EDITOR');
    const app = await this.getApp(input.id);
    if (input.name != null) app.name = checkName(input.name, 'name', 100);
    if (input.description !== undefined) app.description = checkText(input.description, 'description', 2000);
    if (input.icon !== undefined) app.icon = checkText(input.icon, 'icon', 64) || null;
    if (input.config !== undefined) app.config = validateAppConfig(app.mode, input.config);
    return this.repo.save(app);
  }

  async delete(id: string): Promise<App> {
    requireWorkspaceRole(this.viewer, 'ADMIN');
    const app = await this.getApp(id);
    await this.repo.delete(app);
    return app;
  }
}
