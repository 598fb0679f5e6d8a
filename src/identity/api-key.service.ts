import { ForbiddenError, NotFoundError } from '../errors.js';
import { checkName, oneOf } from '../shared/input.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { ApiKeyRepository } from './api-key.repository.js';
import { ROLES, type ApiKey } from './identity.entities.js';
import { API_KEY_PREFIX, hashToken, newToken } from './tokens.js';
import { requireUser, requireWorkspaceRole, roleAtLeast, type Viewer } from './viewer.js';

export type ApiKeyPage = Page<ApiKey>;
export type ApiKeyEdge = ApiKeyPage['edges'][number];

/** Checks that an app exists in the current workspace; provided by the apps domain. */
export type AppInWorkspaceCheck = (appId: string) => Promise<void>;

/** Told about every new key (mails the workspace's owners and admins); must not throw. */
export type ApiKeyCreatedHook = (key: ApiKey, createdBy: { name: string }) => Promise<void>;

/** API keys of the current workspace: created by admins, shown once, stored as hashes. */
export class ApiKeyService {
  constructor(
    private readonly repo: ApiKeyRepository,
    private readonly viewer: Viewer | null,
    private readonly requireApp: AppInWorkspaceCheck,
    private readonly onCreated: ApiKeyCreatedHook = async () => {},
  ) {}

  async create(input: { name: string; appId?: string | null; role?: string | null }): Promise<{ apiKey: ApiKey; secret: string }> {
    const { user } = requireUser(this.viewer);
    const workspace = requireWorkspaceRole(this.viewer, 'ADMIN');
    const role = oneOf(ROLES, input.role ?? 'EDITOR', 'role');
    if (!roleAtLeast(workspace.role, role)) throw new ForbiddenError('A key cannot have a stronger role than its creator', { field: 'role' });
    if (input.appId) await this.requireApp(input.appId);
    const secret = newToken(API_KEY_PREFIX);
    const apiKey = await this.repo.create({
      workspaceId: workspace.id,
      appId: input.appId ?? null,
      createdBy: user.id,
      name: checkName(input.name, 'name', 100),
      prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
      keyHash: hashToken(secret),
      role,
    });
    await this.onCreated(apiKey, user);
    return { apiKey, secret };
  }

  async list(first: number, after?: string | null): Promise<ApiKeyPage> {
    requireUser(this.viewer);
    const workspace = requireWorkspaceRole(this.viewer, 'ADMIN');
    const size = checkPageSize(first);
    const [rows, total] = await Promise.all([
      this.repo.page(workspace.id, size + 1, after ? decodeCursor(after) : undefined),
      this.repo.count(workspace.id),
    ]);
    return toPage(rows, size, total, after);
  }

  /** The key the caller is using, if the caller is an API key. */
  async current(): Promise<ApiKey | null> {
    const key = this.viewer?.apiKey;
    if (!key || !this.viewer?.workspace) return null;
    const [found] = await this.repo.findInWorkspace(this.viewer.workspace.id, [key.id]);
    return found ?? null;
  }

  async revoke(id: string): Promise<ApiKey> {
    requireUser(this.viewer);
    const workspace = requireWorkspaceRole(this.viewer, 'ADMIN');
    const [key] = await this.repo.findInWorkspace(workspace.id, [id]);
    if (!key) throw new NotFoundError('API key not found', { id });
    return this.repo.revoke(key, new Date());
  }
}
