import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, ForbiddenError, InvalidTokenError, NotFoundError, TokenExpiredError, UnauthenticatedError, ValidationError } from '../errors.js';
import type { MailRuntime } from '../mail/mail-runtime.js';
import { tokenLink } from '../mail/mail-runtime.js';
import type { MailService } from '../mail/mail.service.js';
import { flushOrConflict } from '../platform/db/flush.js';
import { resolveLanguage } from '../platform/mail/index.js';
import { checkName, normaliseEmail, oneOf } from '../shared/input.js';
import { checkPageSize, decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { Invitation } from './account.entities.js';
import { AccountRepository, INVITATION_STATUSES, invitationStatus } from './account.repository.js';
import { Membership, ROLES, User, Workspace, type Role } from './identity.entities.js';
import type { IdentityService, IssuedSession } from './identity.service.js';
import { checkNewPassword, hashPassword } from './password.js';
import { hashToken, newToken } from './tokens.js';
import { requireUser, requireWorkspaceRole, type Viewer } from './viewer.js';

/** Addresses one invite call may carry: enough for a team, too few for a mailing list. */
export const MAX_INVITES_PER_CALL = 50;
export const INVITATION_TOKEN_PREFIX = 'pbi_';

export type InvitationPage = Page<Invitation>;
export type InvitationEdge = InvitationPage['edges'][number];

export interface AcceptedInvitation {
  workspaceId: string;
  role: Role;
  email: string;
  /** A session for an account created by accepting; null when an existing account was linked. */
  auth: IssuedSession | null;
}

/**
 * Invitations to the current workspace by mail: a token link, valid until it expires, used
 * once. Accepting creates the account (the link proved the address) or links the existing
 * one; only an OWNER invites OWNERs.
 */
export class InvitationService {
  constructor(
    private readonly em: EntityManager,
    private readonly viewer: Viewer | null,
    private readonly identity: IdentityService,
    private readonly mail: MailService,
    private readonly runtime: MailRuntime,
  ) {}

  async invite(input: { emails: string[]; role: string; language?: string | null }): Promise<Invitation[]> {
    const { user: inviter } = requireUser(this.viewer);
    const current = requireWorkspaceRole(this.viewer, 'ADMIN');
    const role = oneOf(ROLES, input.role, 'role');
    if (role === 'OWNER' && current.role !== 'OWNER') throw new ForbiddenError('Only an owner can invite an owner', { requires: 'OWNER' });
    if (input.emails.length === 0 || input.emails.length > MAX_INVITES_PER_CALL) {
      throw new ValidationError(`emails must list 1 to ${MAX_INVITES_PER_CALL} addresses`, { field: 'emails' });
    }
    const emails = input.emails.map((raw, i) => {
      try {
        return normaliseEmail(raw);
      } catch {
        throw new ValidationError(`emails[${i}] is not an email address`, { field: `emails[${i}]` });
      }
    });
    const duplicate = emails.findIndex((email, i) => emails.indexOf(email) !== i);
    if (duplicate >= 0) throw new ValidationError(`emails[${duplicate}] repeats an earlier address`, { field: `emails[${duplicate}]` });
    const language = resolveLanguage(input.language ?? inviter.language);
    const expiresAt = new Date(Date.now() + this.runtime.settings.invitationTtlMs);

    const { invitations, deliveryIds } = await this.em.transactional(async (tx) => {
      const workspace = await tx.findOneOrFail(Workspace, { id: current.id });
      const members = await tx.getConnection().execute<{ email: string }[]>(
        `select u.email from memberships m join users u on u.id = m.user_id where m.workspace_id = ? and u.email in (${emails.map(() => '?').join(', ')})`,
        [current.id, ...emails],
        'all',
        tx.getTransactionContext(),
      );
      if (members.length > 0) {
        const index = emails.indexOf(members[0]!.email);
        throw new ConflictError(`emails[${index}] is already a member of this workspace`, { field: `emails[${index}]` });
      }
      const accounts = new AccountRepository(tx);
      if (current.role !== 'OWNER') {
        const [owner] = await accounts.openInvitationsWithRole(current.id, emails, 'OWNER', new Date());
        if (owner) throw new ForbiddenError(`${owner.email} has an open OWNER invitation: only an owner can replace it`, { requires: 'OWNER' });
      }
      // Inviting an address again replaces its open invitation (the old link stops working).
      await accounts.revokeOpenInvitations(current.id, emails, new Date());
      const tokens = emails.map(() => newToken(INVITATION_TOKEN_PREFIX));
      const created = await accounts.createInvitations(
        emails.map((email, i) => ({ id: randomUUID(), workspaceId: current.id, email, role, language, tokenHash: hashToken(tokens[i]!), invitedBy: inviter.id, expiresAt })),
      );
      const ids = await this.mail.record(
        tx,
        created.map((invitation, i) => ({
          template: 'member_invitation' as const,
          to: { email: invitation.email },
          language,
          variables: { inviter: inviter.name, workspace: workspace.name, acceptUrl: tokenLink(this.runtime, '/invite', tokens[i]!), expiresAt },
          workspaceId: current.id,
          idempotencyKey: `invitation:${invitation.id}`,
        })),
        'refuse',
      );
      return { invitations: created, deliveryIds: ids };
    });
    await this.mail.dispatch(deliveryIds);
    return invitations;
  }

  async list(first: number, after?: string | null, status?: string | null): Promise<InvitationPage> {
    const current = this.adminWorkspace();
    const size = checkPageSize(first);
    const wanted = status ? oneOf(INVITATION_STATUSES, status, 'status') : null;
    const repo = new AccountRepository(this.em);
    const [rows, total] = await Promise.all([
      repo.pageInvitations(current, wanted, size + 1, after ? decodeCursor(after) : undefined),
      repo.countInvitations(current, wanted),
    ]);
    return toPage(rows, size, total, after);
  }

  invitationsByIds(ids: readonly string[]): Promise<Invitation[]> {
    return new AccountRepository(this.em).findInvitations(this.adminWorkspace(), ids);
  }

  async revoke(id: string): Promise<Invitation> {
    const [invitation] = await this.invitationsByIds([id]);
    if (!invitation) throw new NotFoundError('Invitation not found', { id });
    if (invitationStatus(invitation) !== 'PENDING') throw new ConflictError(`The invitation is already ${invitationStatus(invitation).toLowerCase()}`);
    if (invitation.role === 'OWNER' && this.viewer?.workspace?.role !== 'OWNER') throw new ForbiddenError('Only an owner can revoke an owner invitation', { requires: 'OWNER' });
    // Conditional: an acceptance that won the race is not reported as revoked.
    const now = new Date();
    if (!(await new AccountRepository(this.em).revokeInvitation(invitation.id, now))) throw new ConflictError('The invitation was accepted or revoked meanwhile');
    invitation.revokedAt = now;
    return invitation;
  }

  /**
   * Joins the invitation's workspace. Signed in: as the viewer, whose address must be the
   * invited one. Anonymous: as a new account (`name` and `password` required) that is
   * signed in at once; when an account already has the address, its owner must sign in
   * first (UNAUTHENTICATED). Linking it anonymously would hand the workspace, and a
   * verified address, to whoever registered the address before its owner (pre-hijacking).
   * The token is used up in the same transaction that adds the membership.
   */
  async accept(input: { token: string; name?: string | null; password?: string | null }): Promise<AcceptedInvitation> {
    const viewerUser = this.viewer ? requireUser(this.viewer).user : null;
    // Hashed before the transaction (~50 ms of scrypt must not hold the invitation's lock).
    const passwordHash = !viewerUser && input.password != null ? await hashPassword(checkNewPassword(input.password)) : null;
    const tokenHash = hashToken(input.token);

    const { user, invitation, created } = await this.em.transactional(async (tx) => {
      const invitation = await new AccountRepository(tx).findInvitationByTokenForUpdate(tokenHash);
      checkUsable(invitation);
      let user = viewerUser;
      let created = false;
      if (user && user.email !== invitation.email) throw new ForbiddenError('This invitation was sent to another address; sign in as that account', { field: 'token' });
      if (!user && (await tx.findOne(User, { email: invitation.email }))) {
        throw new UnauthenticatedError('An account has this address: sign in to it, then accept the invitation', { field: 'token' });
      }
      if (!user) {
        if (!input.name || !passwordHash) {
          throw new ValidationError('name and password are required to create the invited account', { field: input.name ? 'password' : 'name' });
        }
        user = tx.create(User, { email: invitation.email, name: checkName(input.name, 'name'), passwordHash, emailVerified: true, language: invitation.language });
        await flushOrConflict(tx, () => new ConflictError('An account with this address was just created; sign in to accept'));
        created = true;
      }
      const membership = await tx.findOne(Membership, { workspaceId: invitation.workspaceId, userId: user.id });
      if (!membership) {
        tx.create(Membership, { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role });
        // Added meanwhile by addWorkspaceMember: a coded answer, not a 500.
        await flushOrConflict(tx, () => new ConflictError('Already a member of this workspace'));
      }
      // The link reached this mailbox: the address is proven.
      await tx.nativeUpdate(User, { id: user.id }, { emailVerified: true });
      invitation.acceptedAt = new Date();
      invitation.acceptedBy = user.id;
      return { user, invitation, created };
    });
    return {
      workspaceId: invitation.workspaceId,
      role: invitation.role,
      email: invitation.email,
      auth: created ? await this.identity.issueSession(user) : null,
    };
  }

  private adminWorkspace(): string {
    if (this.viewer?.apiKey) throw new ForbiddenError('API keys cannot manage invitations; sign in as a user');
    return requireWorkspaceRole(this.viewer, 'ADMIN').id;
  }
}

function checkUsable(invitation: Invitation | null): asserts invitation is Invitation {
  if (!invitation || invitation.acceptedAt || invitation.revokedAt) throw new InvalidTokenError('This invitation link is not valid (already used, revoked or unknown)', { field: 'token' });
  if (invitation.expiresAt.getTime() <= Date.now()) throw new TokenExpiredError('This invitation has expired; ask for a new one', { field: 'token' });
}
