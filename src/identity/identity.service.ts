import { createHash, randomBytes } from 'node:crypto';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.js';
import type { PubSub } from '../platform/pubsub/pubsub.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { ROLES, type Membership, type Role, type User, type Workspace } from './identity.entities.js';
import type { IdentityRepository } from './identity.repository.js';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password.js';

export interface Viewer {
  user: User;
  sessionId: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TOKEN_PREFIX = 'pbs_';
export const workspaceTopic = (id: string) => `workspace:${id}:updated`;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 320 || !EMAIL.test(email)) throw new ValidationError('Invalid email address', { field: 'email' });
  return email;
}

function checkName(raw: string, field: string): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > 200) {
    throw new ValidationError(`${field} must be 1 to 200 characters`, { field });
  }
  return name;
}

/** Users, sessions and workspaces, bound to one request's viewer. */
export class IdentityService {
  constructor(
    private readonly repo: IdentityRepository,
    private readonly pubsub: PubSub,
    private readonly sessionTtlHours: number,
    readonly viewer: Viewer | null,
  ) {}

  /** Resolves a bearer token to a viewer; null when it is unknown, expired or revoked. */
  async authenticate(token: string): Promise<Viewer | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const session = await this.repo.findLiveSessionByHash(hashToken(token), new Date());
    if (!session) return null;
    const [user] = await this.repo.findUsersByIds([session.userId]);
    return user ? { user, sessionId: session.id } : null;
  }

  async signUp(input: { email: string; name: string; password: string }) {
    const email = normaliseEmail(input.email);
    const name = checkName(input.name, 'name');
    if (input.password.length < 10 || input.password.length > 1024) {
      throw new ValidationError('Password must be 10 to 1024 characters', { field: 'password' });
    }
    const user = await this.repo.createUser({ email, name, passwordHash: await hashPassword(input.password) });
    return this.issueSession(user);
  }

  async signIn(input: { email: string; password: string }) {
    const user = await this.repo.findUserByEmail(input.email.trim().toLowerCase());
    // Always run one scrypt so the answer time does not tell whether the address exists.
    const ok = await verifyPassword(input.password, user?.passwordHash ?? (await DUMMY_PASSWORD_HASH));
    if (!user || !user.passwordHash || !ok) throw new UnauthenticatedError('Wrong email or password');
    return this.issueSession(user);
  }

  async signOut(): Promise<boolean> {
    const viewer = this.requireViewer();
    return this.repo.revokeSession(viewer.sessionId, new Date());
  }

  private async issueSession(user: User) {
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.sessionTtlHours * 3_600_000);
    await this.repo.createSession({ userId: user.id, tokenHash: hashToken(token), expiresAt });
    return { token, expiresAt, user };
  }

  requireViewer(): Viewer {
    if (!this.viewer) throw new UnauthenticatedError('Sign in to do this');
    return this.viewer;
  }

  usersByIds(ids: readonly string[]): Promise<User[]> {
    return this.repo.findUsersByIds(ids);
  }

  /** Workspaces by ID, limited to those the viewer belongs to: others are indistinguishable from missing. */
  async workspacesByIds(ids: readonly string[]): Promise<Workspace[]> {
    const viewer = this.requireViewer();
    const memberships = await this.repo.findMembershipsOfUser(viewer.user.id, ids);
    const allowed = memberships.map((m) => m.workspaceId);
    return allowed.length > 0 ? this.repo.findWorkspacesByIds(allowed) : [];
  }

  /** The viewer's memberships in the given workspaces (at most one each). */
  viewerMemberships(workspaceIds: readonly string[]): Promise<Membership[]> {
    return this.repo.findMembershipsOfUser(this.requireViewer().user.id, workspaceIds);
  }

  membersOf(workspaceIds: readonly string[]): Promise<Membership[]> {
    return this.repo.findMembershipsOfWorkspaces(workspaceIds);
  }

  async getWorkspace(id: string): Promise<Workspace> {
    const [workspace] = await this.workspacesByIds([id]);
    if (!workspace) throw new NotFoundError('Workspace not found', { id });
    return workspace;
  }

  async myWorkspaceMemberships(first: number, after?: string | null): Promise<Page<Membership>> {
    const viewer = this.requireViewer();
    const size = checkPageSize(first);
    const position = after ? decodeCursor(after) : undefined;
    const [rows, total] = await Promise.all([
      this.repo.pageMembershipsOfUser(viewer.user.id, size + 1, position),
      this.repo.countMembershipsOfUser(viewer.user.id),
    ]);
    return toPage(rows, size, (m) => m, total, after ?? undefined);
  }

  async createWorkspace(input: { name: string }): Promise<Workspace> {
    const viewer = this.requireViewer();
    const role: Role = 'OWNER';
    return this.repo.createWorkspace(checkName(input.name, 'name'), viewer.user.id, role);
  }

  async renameWorkspace(input: { id: string; name: string }): Promise<Workspace> {
    const name = checkName(input.name, 'name');
    const workspace = await this.getWorkspace(input.id);
    await this.requireRole(workspace.id, 'ADMIN');
    const updated = await this.repo.renameWorkspace(workspace, name);
    await this.pubsub.publish(workspaceTopic(updated.id), { id: updated.id });
    return updated;
  }

  /** Throws FORBIDDEN unless the viewer's role in the workspace is `minimum` or stronger. */
  async requireRole(workspaceId: string, minimum: Role): Promise<void> {
    const [membership] = await this.viewerMemberships([workspaceId]);
    if (!membership) throw new NotFoundError('Workspace not found', { id: workspaceId });
    if (ROLES.indexOf(membership.role) > ROLES.indexOf(minimum)) {
      throw new ForbiddenError(`Requires role ${minimum} or stronger`, { requires: minimum });
    }
  }

  /** Checks access now, then yields the workspace's ID on every change until `signal` aborts. */
  async watchWorkspace(id: string, signal?: AbortSignal): Promise<AsyncIterableIterator<{ id: string }>> {
    await this.getWorkspace(id);
    return this.pubsub.subscribe<{ id: string }>(workspaceTopic(id), signal);
  }
}

export type WorkspaceMembershipPage = Page<Membership>;
export type WorkspaceMembershipEdge = WorkspaceMembershipPage['edges'][number];
