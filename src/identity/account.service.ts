import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, InvalidTokenError, TokenExpiredError, ValidationError } from '../errors.js';
import type { Logger } from '../logger.js';
import { tokenLink, type MailRuntime } from '../mail/mail-runtime.js';
import type { MailService } from '../mail/mail.service.js';
import { isStorableText, normaliseEmail } from '../shared/input.js';
import type { AccountToken, TokenPurpose } from './account.entities.js';
import { AccountRepository } from './account.repository.js';
import { Session, User } from './identity.entities.js';
import type { IdentityService, IssuedSession } from './identity.service.js';
import { checkNewPassword, hashPassword } from './password.js';
import { hashToken, newToken } from './tokens.js';
import { requireUser, type Viewer } from './viewer.js';

export const ACCOUNT_TOKEN_PREFIX = 'pbt_';
const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/**
 * A reset or sign-in link still unused and younger than this is not sent again: anyone may
 * ask for them, and without this they could spend the address's hourly mail limit (6 an
 * hour at most, under the default 10) so the owner's own mail is dropped. The owner uses
 * the link already in their inbox.
 */
const RESEND_AFTER_MS = 10 * 60_000;

/**
 * Account flows that prove an address by mail: verification, password reset and
 * (when enabled) passwordless sign-in links. Tokens are random, stored hashed, single
 * use, short-lived, and void once the account's address changes. Requests that name an
 * address answer the same whether or not it has an account.
 */
export class AccountService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly identity: IdentityService,
    private readonly mail: MailService,
    private readonly runtime: MailRuntime,
    private readonly log: Logger,
  ) {}

  /** Mails a verification link to the viewer's address (nothing when it is already verified). */
  async requestEmailVerification(): Promise<void> {
    const { user } = requireUser(this.viewer);
    if (user.emailVerified) return;
    await this.sendVerification(user, 'refuse');
  }

  /** After sign-up: the first verification mail. Never fails the sign-up (a limit or an error is logged). */
  async welcome(user: User): Promise<void> {
    try {
      await this.sendVerification(user, 'drop');
    } catch (error) {
      this.log.warn({ userId: user.id, err: { message: (error as Error).message } }, 'verification mail not queued');
    }
  }

  /**
   * Marks the address verified. Needs the account's own session as well as the link: an
   * account someone registered with another person's address must not become "verified"
   * when that person clicks a link they never asked for (pre-hijacking: a verified account
   * is linked to their later OAuth sign-in).
   */
  async verifyEmail(token: string): Promise<string> {
    const { user: viewer } = requireUser(this.viewer);
    return this.em.transactional(async (tx) => {
      const { user } = await consume(tx, token, 'VERIFY_EMAIL');
      if (user.id !== viewer.id) throw new ForbiddenError('This link belongs to another account: sign in to it first', { field: 'token' });
      user.emailVerified = true;
      return user.email;
    });
  }

  /**
   * Mails a reset link when the address has an account. The work runs after the answer,
   * so neither the answer nor its timing tells whether the address exists.
   */
  requestPasswordReset(email: string): void {
    const normalised = normaliseEmail(email);
    this.afterResponse('password reset', () => this.sendPasswordReset(normalised));
  }

  private async sendPasswordReset(email: string): Promise<void> {
    // Its own unit of work: the request's may still be in use by other fields.
    const em = this.em.fork();
    const user = await em.findOne(User, { email });
    if (!user || (await new AccountRepository(em).hasRecentLink(user.id, 'RESET_PASSWORD', RESEND_AFTER_MS))) return;
    const token = await this.issue(em, user, 'RESET_PASSWORD', this.runtime.settings.passwordResetTtlMs);
    await this.mail.send(
      [
        {
          template: 'password_reset',
          to: { email: user.email, name: user.name },
          language: user.language,
          variables: { resetUrl: tokenLink(this.runtime, '/reset-password', token.value), expiresInMinutes: Math.round(this.runtime.settings.passwordResetTtlMs / 60_000) },
          workspaceId: null,
          idempotencyKey: `account_token:${token.id}`,
        },
      ],
      'drop',
    );
  }

  /** Sets a new password with a reset link; every session of the account ends. Returns how many. */
  async resetPassword(token: string, password: string): Promise<number> {
    const passwordHash = await hashPassword(checkNewPassword(password));
    return this.em.transactional(async (tx) => {
      const { user } = await consume(tx, token, 'RESET_PASSWORD');
      user.passwordHash = passwordHash;
      user.failedSignIns = 0;
      user.lockedUntil = null;
      user.emailVerified = true;
      const now = new Date();
      await new AccountRepository(tx).useTokensOf(user.id, ['RESET_PASSWORD', 'SIGN_IN'], now);
      return tx.nativeUpdate(Session, { userId: user.id, revokedAt: null }, { revokedAt: now });
    });
  }

  /** Like requestPasswordReset: the same answer, at the same speed, for any address. */
  requestSignInLink(email: string): void {
    this.requireSignInLinks();
    const normalised = normaliseEmail(email);
    this.afterResponse('sign-in link', () => this.sendSignInLink(normalised));
  }

  private async sendSignInLink(email: string): Promise<void> {
    // Its own unit of work: the request's may still be in use by other fields.
    const em = this.em.fork();
    const user = await em.findOne(User, { email });
    if (!user || (await new AccountRepository(em).hasRecentLink(user.id, 'SIGN_IN', RESEND_AFTER_MS))) return;
    const token = await this.issue(em, user, 'SIGN_IN', SIGN_IN_LINK_TTL_MS);
    await this.mail.send(
      [
        {
          template: 'sign_in_link',
          to: { email: user.email, name: user.name },
          language: user.language,
          variables: { signInUrl: tokenLink(this.runtime, '/sign-in', token.value) },
          workspaceId: null,
          idempotencyKey: `account_token:${token.id}`,
        },
      ],
      'drop',
    );
  }

  async signInWithLink(token: string): Promise<IssuedSession> {
    this.requireSignInLinks();
    const user = await this.em.transactional(async (tx) => {
      const { user } = await consume(tx, token, 'SIGN_IN');
      if (!user.emailVerified) {
        // The mailbox's owner is the account's owner: a password set by whoever registered
        // the address first, and their sessions, stop working.
        user.passwordHash = null;
        await tx.nativeUpdate(Session, { userId: user.id, revokedAt: null }, { revokedAt: new Date() });
        user.emailVerified = true;
      }
      return user;
    });
    return this.identity.issueSession(user);
  }

  private requireSignInLinks(): void {
    if (!this.runtime.settings.signInLinks) throw new ForbiddenError('Sign-in links are not enabled on this server (PLUGBOARD_SIGN_IN_LINKS)');
  }

  private async sendVerification(user: User, overLimit: 'refuse' | 'drop'): Promise<void> {
    const token = await this.issue(this.em, user, 'VERIFY_EMAIL', this.runtime.settings.emailVerificationTtlMs);
    await this.mail.send(
      [
        {
          template: 'email_verification',
          to: { email: user.email, name: user.name },
          language: user.language,
          variables: { verifyUrl: tokenLink(this.runtime, '/verify-email', token.value) },
          workspaceId: null,
          idempotencyKey: `account_token:${token.id}`,
        },
      ],
      overLimit,
    );
  }

  private afterResponse(what: string, work: () => Promise<void>): void {
    setImmediate(() => {
      work().catch((error: Error) => this.log.warn({ err: { message: error.message } }, `${what} mail not queued`));
    });
  }

  private async issue(em: EntityManager, user: User, purpose: TokenPurpose, ttlMs: number): Promise<{ id: string; value: string }> {
    const value = newToken(ACCOUNT_TOKEN_PREFIX);
    const row = await new AccountRepository(em).createToken({
      userId: user.id,
      purpose,
      email: user.email,
      tokenHash: hashToken(value),
      expiresAt: new Date(Date.now() + ttlMs),
    });
    return { id: row.id, value };
  }
}

/** Uses up a token of `purpose` inside `tx`, or throws INVALID_TOKEN / TOKEN_EXPIRED. */
async function consume(tx: EntityManager, token: string, purpose: TokenPurpose): Promise<{ row: AccountToken; user: User }> {
  if (typeof token !== 'string' || token.length > 200 || !isStorableText(token)) throw new ValidationError('Invalid token', { field: 'token' });
  const row = await new AccountRepository(tx).findTokenForUpdate(hashToken(token));
  if (!row || row.purpose !== purpose || row.usedAt) throw new InvalidTokenError('This link is not valid (already used or unknown)', { field: 'token' });
  if (row.expiresAt.getTime() <= Date.now()) throw new TokenExpiredError('This link has expired; ask for a new one', { field: 'token' });
  const user = await tx.findOne(User, { id: row.userId });
  // A link sent to an old address proves nothing about the current one.
  if (!user || user.email !== row.email) throw new InvalidTokenError('This link is not valid for the account any more', { field: 'token' });
  row.usedAt = new Date();
  return { row, user };
}
