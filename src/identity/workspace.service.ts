import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { PubSub } from '../platform/pubsub/pubsub.js';
import { canonicalId, wellFormedIds } from '../shared/ids.js';
import { checkName, normaliseEmail, oneOf } from '../shared/input.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { ROLES, type Membership, type Role, type Workspace } from './identity.entities.js';
import type { IdentityRepository } from './identity.repository.js';
import { requireUser, requireViewer, requireWorkspaceRole, roleAtLeast, type Viewer } from './viewer.js';
import type { WorkspaceRepository } from './workspace.repository.js';

export const workspaceTopic = (id: string) => `workspace:${id}:updated`;

export type WorkspaceMembershipPage = Page<Membership>;
export type WorkspaceMembershipEdge = WorkspaceMembershipPage['edges'][number];

/** Workspaces (tenants), their members and roles, bound to one request's viewer. */
export class WorkspaceService {
  constructor(
    private readonly repo: WorkspaceRepository,
    private readonly users: IdentityRepository,
    private readonly pubsub: PubSub,
    private readonly viewer: Viewer | null,
  ) {}

  /** Workspaces by ID, limited to those the viewer may see: others are indistinguishable from missing. */
  async workspacesByIds(ids: readonly string[]): Promise<Workspace[]> {
    const viewer = requireViewer(this.viewer);
    if (!viewer.user) {
      const own = viewer.workspace?.id;
      return own && wellFormedIds(ids).includes(own) ? this.repo.findWorkspacesByIds([own]) : [];
    }
    const memberships = await this.repo.findMembershipsOfUser(viewer.user.id, ids);
    return memberships.length > 0 ? this.repo.findWorkspacesByIds(memberships.map((m) => m.workspaceId)) : [];
  }

  /** The viewer's role in each given workspace (absent where they have none). */
  async viewerRoles(workspaceIds: readonly string[]): Promise<{ workspaceId: string; role: Role }[]> {
    const viewer = requireViewer(this.viewer);
    if (!viewer.user) {
      const own = viewer.workspace;
      return own && wellFormedIds(workspaceIds).includes(own.id) ? [{ workspaceId: own.id, role: own.role }] : [];
    }
    return this.repo.findMembershipsOfUser(viewer.user.id, workspaceIds);
  }

  /** Members of workspaces the caller can see; a key limited to one app sees none. */
  async membersOf(workspaceIds: readonly string[]): Promise<Membership[]> {
    if (this.viewer?.apiKey?.appId) return [];
    return this.repo.findMembershipsOfWorkspaces(workspaceIds);
  }

  /** A key limited to one app may read its workspace but not act on it. */
  private refuseAppKey(): void {
    if (this.viewer?.apiKey?.appId) throw new ForbiddenError('A key limited to one app cannot do this');
  }

  async getWorkspace(id: string): Promise<Workspace> {
    const [workspace] = await this.workspacesByIds([id]);
    if (!workspace) throw new NotFoundError('Workspace not found', { id });
    return workspace;
  }

  /** The viewer's current workspace, or null when they belong to none. */
  async currentWorkspace(): Promise<Workspace | null> {
    const current = requireViewer(this.viewer).workspace;
    return current ? this.getWorkspace(current.id) : null;
  }

  async myWorkspaceMemberships(first: number, after?: string | null): Promise<WorkspaceMembershipPage> {
    const { user } = requireUser(this.viewer);
    const size = checkPageSize(first);
    const position = after ? decodeCursor(after) : undefined;
    const [rows, total] = await Promise.all([
      this.repo.pageMembershipsOfUser(user.id, size + 1, position),
      this.repo.countMembershipsOfUser(user.id),
    ]);
    return toPage(rows, size, total, after);
  }

  async createWorkspace(input: { name: string }): Promise<Workspace> {
    const { user } = requireUser(this.viewer);
    return this.repo.createWorkspace(checkName(input.name, 'name'), user.id);
  }

  async renameWorkspace(input: { id: string; name: string }): Promise<Workspace> {
    const name = checkName(input.name, 'name');
    this.refuseAppKey();
    const workspace = await this.getWorkspace(input.id);
    const [membership] = await this.viewerRoles([workspace.id]);
    if (!membership || !roleAtLeast(membership.role, 'ADMIN')) throw new ForbiddenError('Requires role ADMIN or stronger', { requires: 'ADMIN' });
    const updated = await this.repo.renameWorkspace(workspace, name);
    await this.pubsub.publish(workspaceTopic(updated.id), { id: updated.id });
    return updated;
  }

  /** Makes `id` the workspace this session acts in. */
  async switchWorkspace(id: string): Promise<Workspace> {
    const { sessionId } = requireUser(this.viewer);
    const workspace = await this.getWorkspace(id);
    if (sessionId) await this.repo.setCurrentWorkspace(sessionId, workspace.id);
    return workspace;
  }

  /** Adds an existing user (by email) to the current workspace. Only an OWNER grants OWNER. */
  async addMember(input: { email: string; role: string }): Promise<Membership> {
    requireUser(this.viewer);
    const current = requireWorkspaceRole(this.viewer, 'ADMIN');
    const role = oneOf(ROLES, input.role, 'role');
    this.checkMayGrant(current.role, role);
    const user = await this.users.findUserByEmail(normaliseEmail(input.email));
    if (!user) throw new NotFoundError('No user with this email; they must sign up first', { field: 'email' });
    if (await this.repo.findMembership(current.id, user.id)) throw new ConflictError('Already a member', { field: 'email' });
    return this.repo.addMembership(current.id, user.id, role);
  }

  async changeMemberRole(input: { userId: string; role: string }): Promise<Membership> {
    requireUser(this.viewer);
    const current = requireWorkspaceRole(this.viewer, 'ADMIN');
    const role = oneOf(ROLES, input.role, 'role');
    this.checkMayGrant(current.role, role);
    return this.changeMembership(current.id, input.userId, role, (target) => this.checkMayGrant(current.role, target.role));
  }

  /** Removes a member; anyone may remove themselves (leave), but never the last owner. */
  async removeMember(input: { userId: string }): Promise<boolean> {
    const { user } = requireUser(this.viewer);
    const current = requireWorkspaceRole(this.viewer, 'MEMBER');
    await this.changeMembership(current.id, input.userId, null, (target) => {
      if (target.userId === user.id) return;
      requireWorkspaceRole(this.viewer, 'ADMIN');
      this.checkMayGrant(current.role, target.role);
    });
    return true;
  }

  private async changeMembership(workspaceId: string, userId: string, role: Role | null, mayChange: (target: Membership) => void): Promise<Membership> {
    const userIdOk = canonicalId(userId);
    const outcome = userIdOk ? await this.repo.changeMembership(workspaceId, userIdOk, role, mayChange) : 'not-member';
    if (outcome === 'not-member') throw new NotFoundError('Not a member of this workspace', { userId });
    if (outcome === 'last-owner') throw new ConflictError('A workspace needs at least one owner');
    return outcome;
  }

  /** Checks access now, then yields the workspace's ID on every change until `signal` aborts. */
  async watchWorkspace(id: string, signal?: AbortSignal): Promise<AsyncIterableIterator<{ id: string }>> {
    this.refuseAppKey();
    await this.getWorkspace(id);
    return this.pubsub.subscribe<{ id: string }>(workspaceTopic(id), signal);
  }

  /** OWNER is granted, taken away or touched only by an OWNER. */
  private checkMayGrant(actor: Role, target: Role): void {
    if (target === 'OWNER' && actor !== 'OWNER') throw new ForbiddenError('Only an owner can do this to an owner', { requires: 'OWNER' });
  }
}
