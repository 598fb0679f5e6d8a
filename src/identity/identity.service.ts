import { ConflictError, RateLimitedError, UnauthenticatedError } from '../errors.js';
import { checkName, isStorableText, normaliseEmail } from '../shared/input.js';
import type { User } from './identity.entities.js';
import type { IdentityRepository } from './identity.repository.js';
import { checkNewPassword, DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from './password.js';
import { SESSION_TOKEN_PREFIX, hashToken, newToken } from './tokens.js';
import { requireUser, requireViewer, type Viewer } from './viewer.js';

/** Wrong passwords allowed before the backoff starts; it then doubles from 30 s up to 15 min. */
const FREE_ATTEMPTS = 5;
const BASE_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  user: User;
}

/** A verified identity from an OAuth/OIDC provider. */
export interface ExternalIdentity {
  provider: string;
  subject: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

/** Users, passwords and sessions. */
export class IdentityService {
  constructor(
    private readonly repo: IdentityRepository,
    private readonly sessionTtlMs: number,
    private readonly viewer: Viewer | null,
  ) {}

  async signUp(input: { email: string; name: string; password: string; language?: string | null }): Promise<IssuedSession> {
    const email = normaliseEmail(input.email);
    const name = checkName(input.name, 'name');
    const language = input.language ?? 'en';
    const user = await this.repo.createUser({ email, name, passwordHash: await hashPassword(checkNewPassword(input.password)), language });
    return this.issueSession(user);
  }

  async signIn(input: { email: string; password: string }): Promise<IssuedSession> {
    const email = input.email.trim().toLowerCase();
    const user = isStorableText(email) ? await this.repo.findUserByEmail(email) : null;
    const now = Date.now();
    if (user?.lockedUntil && user.lockedUntil.getTime() > now) {
      const retryAfter = Math.ceil((user.lockedUntil.getTime() - now) / 1000);
      throw new RateLimitedError('Too many failed sign-ins; try again later', retryAfter);
    }
    // Always run one scrypt so the answer time does not tell whether the address exists.
    const ok = await verifyPassword(input.password.slice(0, 1024), user?.passwordHash ?? (await DUMMY_PASSWORD_HASH));
    if (!user || !user.passwordHash || !ok) {
      if (user) await this.recordFailure(user, now);
      throw new UnauthenticatedError('Wrong email or password');
    }
    if (user.failedSignIns > 0) await this.repo.resetFailedSignIns(user.id);
    return this.issueSession(user);
  }

  private async recordFailure(user: User, now: number): Promise<void> {
    const over = (await this.repo.countFailedSignIn(user.id)) - FREE_ATTEMPTS;
    if (over >= 0) await this.repo.lockSignIn(user.id, new Date(now + Math.min(BASE_LOCK_MS * 2 ** over, MAX_LOCK_MS)));
  }

  /**
   * Signs in through a provider: the provider identity already linked, else the user with
   * the same email when both sides proved it (linked now), else a new user. Linking to an
   * unverified account would let someone who signed up with another's address first
   * (pre-hijacking) share the account with its real owner.
   */
  async signInWithProvider(identity: ExternalIdentity): Promise<IssuedSession> {
    const linked = await this.repo.findOAuthAccount(identity.provider, identity.subject);
    if (linked) {
      const [user] = await this.repo.findUsersByIds([linked.userId]);
      if (user) return this.issueSession(user);
    }
    const email = normaliseEmail(identity.email);
    let user = await this.repo.findUserByEmail(email);
    if (user && !(identity.emailVerified && user.emailVerified)) {
      throw new ConflictError('An account with this email exists; sign in to it with its password', { field: 'email' });
    }
    user ??= await this.repo.createUser({
      email,
      // A provider's display name may carry line breaks; ours are one line.
      // eslint-disable-next-line no-control-regex
      name: checkName(identity.name.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() || email.split('@')[0]!, 'name'),
      passwordHash: null,
      emailVerified: identity.emailVerified,
    });
    await this.repo.linkOAuthAccount(user.id, identity.provider, identity.subject);
    return this.issueSession(user);
  }

  async updateProfile(input: { name?: string | null; language?: string | null }): Promise<User> {
    const { user } = requireUser(this.viewer);
    const changes: { name?: string; language?: string } = {};
    if (input.name != null) changes.name = checkName(input.name, 'name');
    if (input.language != null) changes.language = input.language;
    return this.repo.updateUser(user.id, changes);
  }

  async signOut(): Promise<boolean> {
    const { sessionId } = requireUser(this.viewer);
    return sessionId ? this.repo.revokeSession(sessionId, new Date()) : false;
  }

  /** Revokes every session of the viewer, this one included. */
  async signOutEverywhere(): Promise<number> {
    const { user } = requireUser(this.viewer);
    return this.repo.revokeSessionsOfUser(user.id, new Date());
  }

  /** Users the viewer may see: themselves and people who share a workspace with them (for a key: its workspace's members). */
  usersByIds(ids: readonly string[]): Promise<User[]> {
    const viewer = requireViewer(this.viewer);
    if (viewer.user) return this.repo.findUsersSeenByUser(viewer.user.id, ids);
    return viewer.workspace ? this.repo.findUsersInWorkspace(viewer.workspace.id, ids) : Promise.resolve([]);
  }

  /** A new session for `user`, once something else (a password, a mailed link) proved who they are. */
  async issueSession(user: User): Promise<IssuedSession> {
    const token = newToken(SESSION_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + this.sessionTtlMs);
    await this.repo.createSession({ userId: user.id, tokenHash: hashToken(token), expiresAt });
    return { token, expiresAt, user };
  }
}
