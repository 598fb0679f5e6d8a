import type { EntityManager } from '@mikro-orm/postgresql';
import { flushOrConflict } from '../platform/db/flush.js';
import { ConflictError } from '../errors.js';
import { wellFormedIds } from '../shared/ids.js';
import { OAuthAccount, Session, User, type Role } from './identity.entities.js';

/** Users, sessions and OAuth identities: the only code here that talks to the EntityManager. */
export class IdentityRepository {
  constructor(private readonly em: EntityManager) {}

  findUserByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { email });
  }

  findUsersByIds(ids: readonly string[]): Promise<User[]> {
    return this.em.find(User, { id: { $in: wellFormedIds(ids) } });
  }

  /** Users among `ids` who share a workspace with `userId` (or are that user). */
  async findUsersSeenByUser(userId: string, ids: readonly string[]): Promise<User[]> {
    const valid = wellFormedIds(ids);
    if (valid.length === 0) return [];
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `select u.* from users u
        where u.id in (${valid.map(() => '?').join(', ')})
          and (u.id = ? or exists (
            select 1 from memberships theirs join memberships mine on mine.workspace_id = theirs.workspace_id
             where theirs.user_id = u.id and mine.user_id = ?))`,
      [...valid, userId, userId],
    );
    return rows.map((row) => this.em.map(User, row));
  }

  /** Users among `ids` who are members of `workspaceId`. */
  async findUsersInWorkspace(workspaceId: string, ids: readonly string[]): Promise<User[]> {
    const valid = wellFormedIds(ids);
    if (valid.length === 0) return [];
    const rows = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `select u.* from users u
        where u.id in (${valid.map(() => '?').join(', ')}) and exists (select 1 from memberships m where m.user_id = u.id and m.workspace_id = ?)`,
      [...valid, workspaceId],
    );
    return rows.map((row) => this.em.map(User, row));
  }

  /**
   * A live session with its user and the membership it acts in (the session's chosen
   * workspace while the user still belongs to it, else their oldest): one round trip,
   * since every authenticated request pays for it.
   */
  async findLiveSession(tokenHash: string, now: Date): Promise<{ sessionId: string; user: User; workspace: { id: string; role: Role } | null } | null> {
    const [row] = await this.em.getConnection().execute<Record<string, unknown>[]>(
      `select s.id as session_id, m.workspace_id as member_workspace_id, m.role as member_role, u.*
         from sessions s
         join users u on u.id = s.user_id
         left join lateral (
           select workspace_id, role from memberships
            where user_id = s.user_id
            order by (workspace_id = s.current_workspace_id) is true desc, created_at, id
            limit 1
         ) m on true
        where s.token_hash = ? and s.revoked_at is null and s.expires_at > ?`,
      [tokenHash, now],
    );
    if (!row) return null;
    const { session_id, member_workspace_id, member_role, ...userColumns } = row;
    return {
      sessionId: session_id as string,
      user: this.em.map(User, userColumns),
      workspace: member_workspace_id ? { id: member_workspace_id as string, role: member_role as Role } : null,
    };
  }

  async revokeSession(id: string, now: Date): Promise<boolean> {
    return (await this.em.nativeUpdate(Session, { id, revokedAt: null }, { revokedAt: now })) > 0;
  }

  revokeSessionsOfUser(userId: string, now: Date): Promise<number> {
    return this.em.nativeUpdate(Session, { userId, revokedAt: null }, { revokedAt: now });
  }

  async createUser(data: { email: string; name: string; passwordHash: string | null; emailVerified?: boolean; language?: string }): Promise<User> {
    const user = this.em.create(User, data);
    await flushOrConflict(this.em, () => new ConflictError('An account with this email already exists', { field: 'email' }));
    return user;
  }

  async updateUser(id: string, changes: { name?: string; language?: string }): Promise<User> {
    const user = await this.em.findOneOrFail(User, { id });
    Object.assign(user, changes);
    await this.em.flush();
    return user;
  }

  /** Counts a wrong password in one statement (parallel attempts cannot overwrite each other); returns the new count. */
  async countFailedSignIn(userId: string): Promise<number> {
    const [row] = await this.em
      .getConnection()
      .execute<{ failed_sign_ins: number }[]>('update users set failed_sign_ins = failed_sign_ins + 1 where id = ? returning failed_sign_ins', [userId]);
    return row?.failed_sign_ins ?? 0;
  }

  async lockSignIn(userId: string, until: Date): Promise<void> {
    await this.em.nativeUpdate(User, { id: userId }, { lockedUntil: until });
  }

  async resetFailedSignIns(userId: string): Promise<void> {
    await this.em.nativeUpdate(User, { id: userId }, { failedSignIns: 0, lockedUntil: null });
  }

  async createSession(data: { userId: string; tokenHash: string; expiresAt: Date }): Promise<Session> {
    const session = this.em.create(Session, data);
    await this.em.flush();
    return session;
  }

  findOAuthAccount(provider: string, subject: string): Promise<OAuthAccount | null> {
    return this.em.findOne(OAuthAccount, { provider, subject });
  }

  async linkOAuthAccount(userId: string, provider: string, subject: string): Promise<void> {
    this.em.create(OAuthAccount, { userId, provider, subject });
    // Two first sign-ins of the same identity at once: the other one linked it.
    await flushOrConflict(this.em, () => new ConflictError('This sign-in is already in progress; try again'));
  }
}
