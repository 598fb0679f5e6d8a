import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { flushOrConflict } from '../platform/db/flush.js';
import { ConflictError } from '../errors.js';
import { wellFormedIds } from '../shared/ids.js';
import { afterPosition, type Position } from '../shared/pagination.js';
import { Membership, Session, Workspace, type Role } from './identity.entities.js';

/** Workspaces and memberships: the only workspace code that talks to the EntityManager. */
export class WorkspaceRepository {
  constructor(private readonly em: EntityManager) {}

  findWorkspacesByIds(ids: readonly string[]): Promise<Workspace[]> {
    return this.em.find(Workspace, { id: { $in: wellFormedIds(ids) } });
  }

  findMembershipsOfUser(userId: string, workspaceIds: readonly string[]): Promise<Membership[]> {
    return this.em.find(Membership, { userId, workspaceId: { $in: wellFormedIds(workspaceIds) } });
  }

  findMembership(workspaceId: string, userId: string): Promise<Membership | null> {
    const [validWorkspace, validUser] = [wellFormedIds([workspaceId]), wellFormedIds([userId])];
    if (validWorkspace.length === 0 || validUser.length === 0) return Promise.resolve(null);
    return this.em.findOne(Membership, { workspaceId, userId });
  }

  findMembershipsOfWorkspaces(workspaceIds: readonly string[]): Promise<Membership[]> {
    return this.em.find(Membership, { workspaceId: { $in: wellFormedIds(workspaceIds) } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Memberships of a user in (createdAt, id) order after `after`; `limit` rows at most. */
  pageMembershipsOfUser(userId: string, limit: number, after?: Position): Promise<Membership[]> {
    const where = after
      ? { userId, ...afterPosition(after) }
      : { userId };
    return this.em.find(Membership, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit });
  }

  countMembershipsOfUser(userId: string): Promise<number> {
    return this.em.count(Membership, { userId });
  }

  /** Creates the workspace and the owner's membership in one transaction. */
  createWorkspace(name: string, ownerId: string): Promise<Workspace> {
    return this.em.transactional(async (em) => {
      const workspace = em.create(Workspace, { name });
      // FKs are plain columns, so the unit of work cannot order the inserts itself.
      await em.flush();
      em.create(Membership, { workspaceId: workspace.id, userId: ownerId, role: 'OWNER' });
      return workspace;
    });
  }

  async renameWorkspace(workspace: Workspace, name: string): Promise<Workspace> {
    workspace.name = name;
    await this.em.flush();
    return workspace;
  }

  async addMembership(workspaceId: string, userId: string, role: Role): Promise<Membership> {
    const membership = this.em.create(Membership, { workspaceId, userId, role });
    await flushOrConflict(this.em, () => new ConflictError('Already a member', { field: 'email' }));
    return membership;
  }

  /**
   * Changes (`role`) or removes (`null`) a membership unless that would leave the workspace
   * without an owner. The owner rows and the target are locked and read inside the
   * transaction, so `mayChange` (which throws to refuse) and the owner count see the
   * current state even when admins act at the same moment.
   */
  async changeMembership(
    workspaceId: string,
    userId: string,
    role: Role | null,
    mayChange: (target: Membership) => void,
  ): Promise<Membership | 'not-member' | 'last-owner'> {
    return this.em.transactional(async (em) => {
      const owners = await em.find(Membership, { workspaceId, role: 'OWNER' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const target = await em.findOne(Membership, { workspaceId, userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!target) return 'not-member';
      mayChange(target);
      if (target.role === 'OWNER' && role !== 'OWNER' && owners.length <= 1) return 'last-owner';
      if (role === null) em.remove(target);
      else target.role = role;
      return target;
    });
  }

  async setCurrentWorkspace(sessionId: string, workspaceId: string): Promise<void> {
    await this.em.nativeUpdate(Session, { id: sessionId }, { currentWorkspaceId: workspaceId });
  }
}
