import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '../errors.js';
import { wellFormedIds } from '../shared/ids.js';
import { OAuthAccount, Session, User } from './identity.entities.js';

/** Users, sessions and OAuth identities: the only code here that talks to the EntityManager. */
export class IdentityRepository {
  constructor(private readonly em: EntityManager) {}

  findUserByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { email });
  }

  findUsersByIds(ids: readonly string[]): Promise<User[]> {
    return this.em.find(User, { id: { $in: wellFormedIds(ids) } });
  }

  findLiveSessionByHash(tokenHash: string, now: Date): Promise<Session | null> {
    return this.em.findOne(Session, { tokenHash, revokedAt: null, expiresAt: { $gt: now } });
  }

  async revokeSession(id: string, now: Date): Promise<boolean> {
    return (await this.em.nativeUpdate(Session, { id, revokedAt: null }, { revokedAt: now })) > 0;
  }

  revokeSessionsOfUser(userId: string, now: Date): Promise<number> {
    return this.em.nativeUpdate(Session, { userId, revokedAt: null }, { revokedAt: now });
  }

  async createUser(data: { email: string; name: string; passwordHash: string | null }): Promise<User> {
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

  /** Records a sign-in attempt's outcome: the counter and lock drive the backoff. */
  async recordSignIn(user: User, failedSignIns: number, lockedUntil: Date | null): Promise<void> {
    await this.em.nativeUpdate(User, { id: user.id }, { failedSignIns, lockedUntil });
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
    await this.em.flush();
  }
}
