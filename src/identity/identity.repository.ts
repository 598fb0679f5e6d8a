import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '../errors.js';
import { wellFormedIds } from '../shared/ids.js';
import type { Position } from '../shared/pagination.js';
import { Membership, Session, User, Workspace, type Role } from './identity.entities.js';

/** The only identity code that talks to the EntityManager. */
export class IdentityRepository {
  constructor(private readonly em: EntityManager) {}

  findUserByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { email });
  }

  findUsersByIds(ids: readonly string[]): Promise<User[]> {
    return this.em.find(User, { id: { $in: wellFormedIds(ids) } });
  }

  findWorkspacesByIds(ids: readonly string[]): Promise<Workspace[]> {
    return this.em.find(Workspace, { id: { $in: wellFormedIds(ids) } });
  }

  findMembershipsOfUser(userId: string, workspaceIds: readonly string[]): Promise<Membership[]> {
    return this.em.find(Membership, { userId, workspaceId: { $in: wellFormedIds(workspaceIds) } });
  }

  findMembershipsOfWorkspaces(workspaceIds: readonly string[]): Promise<Membership[]> {
    return this.em.find(Membership, { workspaceId: { $in: wellFormedIds(workspaceIds) } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Memberships of a user in (createdAt, id) order after `after`; `limit` rows at most. */
  pageMembershipsOfUser(userId: string, limit: number, after?: Position): Promise<Membership[]> {
    const where = after
      ? {
          userId,
          $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }],
        }
      : { userId };
    return this.em.find(Membership, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  countMembershipsOfUser(userId: string): Promise<number> {
    return this.em.count(Membership, { userId });
  }

  findLiveSessionByHash(tokenHash: string, now: Date): Promise<Session | null> {
    return this.em.findOne(Session, { tokenHash, revokedAt: null, expiresAt: { $gt: now } });
  }

  async revokeSession(id: string, now: Date): Promise<boolean> {
    const count = await this.em.nativeUpdate(Session, { id, revokedAt: null }, { revokedAt: now });
    return count > 0;
  }

  async createUser(data: { email: string; name: string; passwordHash: string }): Promise<User> {
    const user = this.em.create(User, data);
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        throw new ConflictError('An account with this email already exists', { field: 'email' });
      }
      throw error;
    }
    return user;
  }

  async createSession(data: { userId: string; tokenHash: string; expiresAt: Date }): Promise<Session> {
    const session = this.em.create(Session, data);
    await this.em.flush();
    return session;
  }

  /** Creates the workspace and the owner's membership in one transaction. */
  async createWorkspace(name: string, ownerId: string, role: Role): Promise<Workspace> {
    return this.em.transactional(async (em) => {
      const workspace = em.create(Workspace, { name });
      // FKs are plain columns, so the unit of work cannot order the inserts itself.
      await em.flush();
      em.create(Membership, { workspaceId: workspace.id, userId: ownerId, role });
      return workspace;
    });
  }

  async renameWorkspace(workspace: Workspace, name: string): Promise<Workspace> {
    workspace.name = name;
    await this.em.flush();
    return workspace;
  }
}
